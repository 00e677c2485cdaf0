"""The web channel in front of a fake Rasa: the guards a user (or an attacker) would hit."""

from __future__ import annotations

import json

import httpx
import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from api.rasa_client import RasaClient
from api.settings import Settings


class FakeRasa:
    """Records what reached Rasa and answers like Rasa's REST channel."""

    def __init__(self):
        self.received: list[dict] = []
        self.tracker_events: list[tuple[str, list]] = []
        self.reply: list[dict] = [
            {"recipient_id": "x", "text": "Hello!", "buttons": [{"title": "I agree", "payload": "/consent_agree"}]}
        ]
        self.down = False

    def handler(self, request: httpx.Request) -> httpx.Response:
        if self.down:
            raise httpx.ConnectError("down")
        if request.url.path == "/webhooks/rest/webhook":
            self.received.append(json.loads(request.content))
            return httpx.Response(200, json=self.reply)
        if request.url.path.endswith("/tracker/events"):
            self.tracker_events.append((request.method, json.loads(request.content)))
            return httpx.Response(200, json={})
        if request.url.path == "/status":
            return httpx.Response(200, json={"model_file": "m.tar.gz"})
        return httpx.Response(404)


@pytest.fixture
def fake():
    return FakeRasa()


@pytest.fixture
def client(fake, tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'api.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    settings = Settings(database_url=url, rasa_token="t")
    app = create_app(settings, RasaClient(settings, transport=httpx.MockTransport(fake.handler)))
    with TestClient(app) as c:
        yield c


def post(client, message, sender="alice", **extra):
    return client.post("/webhooks/rest/webhook", json={"sender": sender, "message": message, **extra})


def test_replies_come_back_in_rasa_rest_shape_addressed_to_the_sender(client, fake):
    r = post(client, "hi")
    assert r.status_code == 200
    assert r.json() == [
        {"recipient_id": "alice", "text": "Hello!", "buttons": [{"title": "I agree", "payload": "/consent_agree"}]}
    ]
    assert fake.received[0]["sender"] == "web:alice"


def test_a_slash_command_reaches_rasa_only_when_it_is_a_button_just_offered(client, fake):
    post(client, '/log_activity{"minutes": 999}')  # nothing offered yet: plain text
    assert fake.received[-1]["message"] == 'log_activity{"minutes": 999}'
    post(client, "hi")  # the bot offers /consent_agree
    post(client, "/consent_agree")
    assert fake.received[-1]["message"] == "/consent_agree"
    fake.reply = [{"recipient_id": "x", "text": "Thanks"}]
    post(client, "/consent_agree")  # offered once, last turn offered nothing
    post(client, "/consent_agree")
    assert fake.received[-1]["message"] == "consent_agree"


def test_buttons_offered_to_one_user_do_not_unlock_another(client, fake):
    post(client, "hi", sender="alice")
    post(client, "/consent_agree", sender="mallory")
    assert fake.received[-1]["message"] == "consent_agree"


@pytest.mark.parametrize(
    "body",
    [
        b"{not json",
        b'{"message": "hi"}',
        b'{"sender": "", "message": "hi"}',
        b'{"sender": "../../etc", "message": "hi"}',
        b"[]",
    ],
)
def test_malformed_requests_get_a_4xx(client, body):
    r = client.post("/webhooks/rest/webhook", content=body, headers={"Content-Type": "application/json"})
    assert 400 <= r.status_code < 500


def test_oversized_body_is_refused_and_nothing_reaches_rasa(client, fake):
    r = post(client, "x" * 70_000)
    assert r.status_code == 413
    assert fake.received == []


def test_a_long_message_gets_a_kind_reply_not_an_error(client, fake):
    r = post(client, "my day was long. " * 200)
    assert r.status_code == 200
    assert "shorter" in r.json()[0]["text"]
    assert fake.received == []


def test_when_rasa_is_down_the_user_gets_a_kind_reply_with_emergency_numbers(client, fake):
    fake.down = True
    r = post(client, "hello")
    assert r.status_code == 200
    text = r.json()[0]["text"]
    assert "try again" in text and "112" in text


def test_crisis_message_is_answered_before_rasa_and_ends_the_form(client, fake):
    r = post(client, "pain 8, slept 3 hours, honestly I don't see the point of living", metadata={"country": "GB"})
    body = r.json()
    assert fake.received == []  # never reached the model
    assert body[0]["custom"] == {"crisis": True}
    assert "116 123" in body[0]["text"]
    assert client.app.state.conversation.aftercare.drain(timeout=30)  # the form is ended after the reply
    assert fake.tracker_events and fake.tracker_events[0][1][0] == {"event": "active_loop", "name": None}


def test_emergency_red_flag_is_answered_before_rasa(client, fake):
    body = post(client, "I have crushing chest pain after my walk", metadata={"country": "US"}).json()
    assert fake.received == []
    assert body[0]["custom"] == {"triage": {"level": "stop", "emergency": True}}
    assert "911" in body[0]["text"]


def test_dose_question_gets_a_refusal_and_no_dose(client, fake):
    body = post(client, "how much pregabalin should I take?").json()
    assert fake.received == []
    assert "prescriber" in body[0]["text"].lower() or "pharmacist" in body[0]["text"].lower()
    assert "mg" not in body[0]["text"].lower()


def test_figure_of_speech_goes_to_the_bot_normally(client, fake):
    post(client, "this pain is killing me but I did my walk")
    assert fake.received and fake.received[-1]["message"].startswith("this pain")


def test_health_reports_each_part(client):
    r = client.get("/healthz")
    body = r.json()
    assert body["rasa"] is True and body["database"] is True
    assert body["actions"] is False and r.status_code == 503  # no action server in this test


def test_chat_page_is_served_and_accessible(client):
    html = client.get("/").text
    assert 'role="log"' in html and 'aria-live="polite"' in html and '<label for="message"' in html


def test_crisis_help_still_goes_out_when_the_database_is_down(fake, monkeypatch):
    down = "postgresql://nobody@127.0.0.1:1/nothing"  # nothing listens on port 1
    monkeypatch.setenv("DATABASE_URL", down)
    settings = Settings(database_url=down, rasa_token="t", reminder_poll_seconds=0)
    app = create_app(settings, RasaClient(settings, transport=httpx.MockTransport(fake.handler)))
    client = TestClient(app)  # no lifespan: the migration would fail, as it would on a real outage
    body = client.post(
        "/webhooks/rest/webhook",
        json={"sender": "a", "message": "I want to kill myself", "metadata": {"country": "US"}},
    ).json()
    assert body[0]["custom"] == {"crisis": True} and "988" in body[0]["text"]
    body = client.post("/webhooks/rest/webhook", json={"sender": "a", "message": "hello"}).json()
    assert "try again" in body[0]["text"]
