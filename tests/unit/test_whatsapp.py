"""The WhatsApp channel against a fake Rasa and a fake Graph API: handshake, signatures, duplicates, buttons."""

from __future__ import annotations

import hashlib
import hmac
import json

import httpx
import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from api.rasa_client import RasaClient
from api.settings import Settings
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
    signed_post(client, delivery("wamid.6", text="I don't want to be alive anymore"))  # a +44 number
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


def test_a_voice_note_gets_a_kind_reply(client, fakes):
    signed_post(client, delivery("wamid.7", kind="audio"))
    assert "only read text" in fakes[1].sent[0]["text"]["body"]
