"""The WhatsApp channel against a fake Rasa and a fake Graph API: handshake, signatures, duplicates, buttons."""

from __future__ import annotations

import hashlib
import hmac
import json

import httpx
import pytest
from fastapi.testclient import TestClient

from api.inbound import NOT_TEXT
from api.main import create_app
from api.rasa_client import RasaClient
from api.settings import Settings
from bot.storage.db import session_scope
from bot.storage.models import InboundMessage, User
from tests.unit.platform_payloads import payload
from tests.unit.test_api import FakeRasa

APP_SECRET = "app-secret"


class FakeGraph:
    def __init__(self):
        self.sent: list[dict] = []

    def handler(self, request: httpx.Request) -> httpx.Response:
        assert request.headers["Authorization"] == "Bearer ACCESS"
        assert request.url.path == "/v20.0/PHONE-ID/messages"
        self.sent.append(json.loads(request.content))
        return httpx.Response(200, json={"messages": [{"id": "wamid.out"}]})


@pytest.fixture
def fakes():
    return FakeRasa(), FakeGraph()


@pytest.fixture
def client(tmp_path, monkeypatch, fakes):
    rasa, graph = fakes
    url = f"sqlite:///{tmp_path / 'wa.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    settings = Settings(
        database_url=url,
        rasa_token="t",
        reminder_poll_seconds=0,
        whatsapp_access_token="ACCESS",
        whatsapp_app_secret=APP_SECRET,
        whatsapp_verify_token="verify-me",
        whatsapp_phone_number_id="PHONE-ID",
        whatsapp_api_url="http://graph.test/v20.0",
    )
    app = create_app(
        settings,
        RasaClient(settings, transport=httpx.MockTransport(rasa.handler)),
        whatsapp_transport=httpx.MockTransport(graph.handler),
    )
    with TestClient(app) as c:
        yield c


def delivery(message_id, wa_id="447700900123", text=None, interactive=None, kind=None):
    message = {"from": wa_id, "id": message_id, "timestamp": "1760000000"}
    if text is not None:
        message.update(type="text", text={"body": text})
    elif interactive is not None:
        message.update(type="interactive", interactive=interactive)
    else:
        message.update(type=kind or "sticker")
    return {
        "object": "whatsapp_business_account",
        "entry": [
            {
                "id": "WABA",
                "changes": [{"field": "messages", "value": {"messaging_product": "whatsapp", "messages": [message]}}],
            }
        ],
    }


def signed_post(client, body, secret=APP_SECRET):
    raw = json.dumps(body).encode()
    sig = "sha256=" + hmac.new(secret.encode(), raw, hashlib.sha256).hexdigest()
    return client.post(
        "/webhooks/whatsapp", content=raw, headers={"Content-Type": "application/json", "X-Hub-Signature-256": sig}
    )


def test_the_verification_handshake(client):
    ok = client.get(
        "/webhooks/whatsapp",
        params={"hub.mode": "subscribe", "hub.verify_token": "verify-me", "hub.challenge": "12345"},
    )
    assert ok.status_code == 200 and ok.text == "12345"
    bad = client.get(
        "/webhooks/whatsapp", params={"hub.mode": "subscribe", "hub.verify_token": "nope", "hub.challenge": "12345"}
    )
    assert bad.status_code == 403


def test_a_forged_signature_is_refused_and_nothing_is_read(client, fakes):
    assert signed_post(client, delivery("wamid.1", text="hi"), secret="forged").status_code == 401
    r = client.post("/webhooks/whatsapp", json=delivery("wamid.1", text="hi"))  # no signature at all
    assert r.status_code == 401
    assert fakes[0].received == [] and fakes[1].sent == []


def test_a_message_reaches_the_bot_and_buttons_come_back_as_reply_buttons(client, fakes):
    rasa, graph = fakes
    assert signed_post(client, delivery("wamid.2", text="hi")).json() == {"ok": True, "messages": 1}
    assert rasa.received[0]["sender"] == "whatsapp:447700900123"
    out = graph.sent[0]
    assert out["to"] == "447700900123" and out["interactive"]["type"] == "button"
    reply = out["interactive"]["action"]["buttons"][0]["reply"]
    assert reply["title"] == "I agree"
    signed_post(client, delivery("wamid.3", interactive={"type": "button_reply", "button_reply": reply}))
    assert rasa.received[-1]["message"] == "/consent_agree"


def test_more_than_three_buttons_become_a_list(client, fakes):
    rasa, graph = fakes
    rasa.reply = [
        {
            "recipient_id": "x",
            "text": "Pain 0-10?",
            "buttons": [{"title": t, "payload": t} for t in ["2", "4", "6", "8", "Skip"]],
        }
    ]
    signed_post(client, delivery("wamid.4", text="check in"))
    rows = graph.sent[0]["interactive"]["action"]["sections"][0]["rows"]
    assert graph.sent[0]["interactive"]["type"] == "list" and [r["title"] for r in rows] == ["2", "4", "6", "8", "Skip"]


def test_duplicates_and_status_callbacks_are_not_answered_twice(client, fakes):
    for _ in range(3):
        assert signed_post(client, delivery("wamid.5", text="hi")).status_code == 200
    statuses = {
        "object": "whatsapp_business_account",
        "entry": [{"changes": [{"value": {"statuses": [{"id": "wamid.out", "status": "read"}]}}]}],
    }
    assert signed_post(client, statuses).json() == {"ok": True, "messages": 0}
    assert len(fakes[0].received) == 1 and len(fakes[1].sent) == 1


def test_crisis_on_whatsapp_gets_the_numbers_of_the_callers_country_at_once(client, fakes):
    signed_post(client, delivery("wamid.6", wa_id="447400123456", text="I don't want to be alive anymore"))  # UK
    assert fakes[0].received == []
    uk = fakes[1].sent[0]["text"]["body"]
    assert "116 123" in uk and "999" in uk and "988" not in uk
    signed_post(client, delivery("wamid.8", wa_id="14155550123", text="I don't want to be alive anymore"))
    assert "988" in fakes[1].sent[-1]["text"]["body"]


@pytest.mark.parametrize("body", [b"not json", b"[]", b'{"object": "x"}'])
def test_malformed_but_signed_bodies_get_a_400(client, body):
    sig = "sha256=" + hmac.new(APP_SECRET.encode(), body, hashlib.sha256).hexdigest()
    r = client.post(
        "/webhooks/whatsapp", content=body, headers={"X-Hub-Signature-256": sig, "Content-Type": "application/json"}
    )
    assert r.status_code == 400


# Every kind of message, replayed from Meta's documented payload examples (tests/data/platform_payloads/whatsapp.json)


def wa(client, name, wa_id="447700900123", **values):
    body = {
        "object": "whatsapp_business_account",
        "entry": [
            {
                "id": "WABA",
                "changes": [{"field": "messages", "value": payload("whatsapp", name, WA_ID=wa_id, **values)}],
            }
        ],
    }
    r = signed_post(client, body)
    assert r.status_code == 200
    return r


@pytest.mark.parametrize("name", ["image_with_caption", "video_with_caption"])
def test_an_image_or_video_caption_is_read_as_words(client, fakes, name):
    rasa, graph = fakes
    assert wa(client, name, CAPTION="my knees after the walk, pain 4").json()["messages"] == 1
    assert "my knees after the walk, pain 4" in rasa.received[0]["message"]  # as words, or to the triage
    assert graph.sent[0]["interactive"]["body"]["text"] == "Hello!"


def test_a_crisis_in_a_caption_gets_help_at_once(client, fakes):
    wa(client, "image_with_caption", CAPTION="I want to end my life")
    assert fakes[0].received == [] and "116 123" in fakes[1].sent[0]["text"]["body"]


@pytest.mark.parametrize("name", ["sticker", "voice_note", "location"])
def test_a_sticker_voice_note_or_location_is_answered_once_with_the_text_only_note(client, fakes, name):
    wa(client, name)
    wa(client, name)  # Meta retrying the same delivery
    assert [m["text"]["body"] for m in fakes[1].sent] == [NOT_TEXT] and fakes[0].received == []


@pytest.mark.parametrize("name", ["reaction", "unsupported", "system_changed_number", "status_delivered"])
def test_reactions_system_events_and_statuses_are_acknowledged_silently(client, fakes, name):
    assert wa(client, name).json() == {"ok": True, "messages": 0}
    assert fakes[1].sent == [] and fakes[0].received == []
    with session_scope() as s:
        assert s.query(User).count() == 0 and s.query(InboundMessage).count() == 0


def test_a_jamaican_number_gets_jamaicas_helpline_not_988(client, fakes):
    wa(client, "image_with_caption", wa_id="18765550123", CAPTION="I don't want to be alive anymore")
    reply = fakes[1].sent[0]["text"]["body"]
    assert "888-639-5433" in reply and "119" in reply and "988" not in reply
