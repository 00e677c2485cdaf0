"""The Messenger channel against a fake Rasa and a fake Send API: handshake, signatures, duplicates, quick replies."""

from __future__ import annotations

import hashlib
import hmac
import json

import httpx
import pytest
from fastapi.testclient import TestClient

from api.inbound import EDIT_NOT_REREAD, NOT_TEXT
from api.main import create_app
from api.rasa_client import RasaClient
from api.settings import Settings
from bot.storage.db import session_scope
from bot.storage.models import InboundMessage, User
from tests.unit.platform_payloads import payload
from tests.unit.test_api import FakeRasa

APP_SECRET = "fb-secret"


class FakeSendApi:
    def __init__(self):
        self.sent: list[dict] = []

    def handler(self, request: httpx.Request) -> httpx.Response:
        assert request.url.params["access_token"] == "PAGE"
        self.sent.append(json.loads(request.content))
        return httpx.Response(200, json={"recipient_id": "1", "message_id": "m"})


@pytest.fixture
def fakes():
    return FakeRasa(), FakeSendApi()


@pytest.fixture
def client(tmp_path, monkeypatch, fakes):
    rasa, fb = fakes
    url = f"sqlite:///{tmp_path / 'fb.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    settings = Settings(
        database_url=url,
        rasa_token="t",
        reminder_poll_seconds=0,
        messenger_page_token="PAGE",
        messenger_app_secret=APP_SECRET,
        messenger_verify_token="v",
        messenger_api_url="http://graph.test/v20.0",
    )
    app = create_app(
        settings,
        RasaClient(settings, transport=httpx.MockTransport(rasa.handler)),
        messenger_transport=httpx.MockTransport(fb.handler),
    )
    with TestClient(app) as c:
        yield c


def event(mid, text=None, quick=None, psid="PSID1"):
    message = {"mid": mid}
    if text is not None:
        message["text"] = text
    if quick is not None:
        message["quick_reply"] = {"payload": quick}
    return {
        "object": "page",
        "entry": [
            {
                "id": "PAGE",
                "messaging": [
                    {"sender": {"id": psid}, "recipient": {"id": "PAGE"}, "timestamp": 1, "message": message}
                ],
            }
        ],
    }


def signed_post(client, body, secret=APP_SECRET):
    raw = json.dumps(body).encode()
    sig = "sha256=" + hmac.new(secret.encode(), raw, hashlib.sha256).hexdigest()
    return client.post(
        "/webhooks/messenger", content=raw, headers={"Content-Type": "application/json", "X-Hub-Signature-256": sig}
    )


def test_handshake_and_forged_signature(client, fakes):
    assert (
        client.get(
            "/webhooks/messenger", params={"hub.mode": "subscribe", "hub.verify_token": "v", "hub.challenge": "c1"}
        ).text
        == "c1"
    )
    assert signed_post(client, event("m.1", "hi"), secret="forged").status_code == 401
    assert fakes[0].received == []


def test_a_message_gets_quick_replies_and_a_quick_reply_sends_its_payload(client, fakes):
    rasa, fb = fakes
    signed_post(client, event("m.2", "hi"))
    assert rasa.received[0]["sender"] == "messenger:PSID1"
    quick = fb.sent[0]["message"]["quick_replies"][0]
    assert quick["title"] == "I agree" and fb.sent[0]["recipient"] == {"id": "PSID1"}
    signed_post(client, event("m.3", "I agree", quick=quick["payload"]))
    assert rasa.received[-1]["message"] == "/consent_agree"


def test_duplicates_and_echoes_are_not_answered(client, fakes):
    for _ in range(2):
        signed_post(client, event("m.4", "hi"))
    echo = event("m.5", "our own words")
    echo["entry"][0]["messaging"][0]["message"]["is_echo"] = True
    signed_post(client, echo)
    assert len(fakes[0].received) == 1


def test_crisis_on_messenger_is_answered_before_the_model(client, fakes):
    signed_post(client, event("m.6", "I'm going to kill myself"))
    assert fakes[0].received == [] and "988" in fakes[1].sent[0]["message"]["text"]


# Every kind of event, replayed from Meta's webhook event references (tests/data/platform_payloads/messenger.json)


def fb(client, name, **values):
    body = {"object": "page", "entry": [{"id": "PAGE", "time": 1, "messaging": [payload("messenger", name, **values)]}]}
    r = signed_post(client, body)
    assert r.status_code == 200
    return r


def test_words_sent_with_a_photo_are_read(client, fakes):
    fb(client, "image_with_text", TEXT="slept 5 hours, pain 6")
    assert fakes[0].received[0]["message"] == "slept 5 hours, pain 6"
    assert fakes[1].sent[0]["message"]["text"] == "Hello!"


def test_an_edit_is_screened_and_never_a_second_turn(client, fakes):
    rasa, send_api = fakes
    signed_post(client, event("m_ORIGINAL", "walked 20 minutes", psid="PSID"))
    fb(client, "message_edit", TEXT="walked 30 minutes")
    fb(client, "message_edit", TEXT="walked 30 minutes")  # the same edit delivered again
    assert [m["message"] for m in rasa.received] == ["walked 20 minutes"]
    assert [m["message"]["text"] for m in send_api.sent] == ["Hello!", EDIT_NOT_REREAD]
    fb(client, "message_edit", TEXT="I want to kill myself")
    assert len(rasa.received) == 1 and "988" in send_api.sent[-1]["message"]["text"]


@pytest.mark.parametrize("name", ["image_only", "voice_clip", "sticker"])
def test_a_photo_voice_clip_or_sticker_without_words_gets_the_text_only_note_once(client, fakes, name):
    fb(client, name)
    fb(client, name)
    assert [m["message"]["text"] for m in fakes[1].sent] == [NOT_TEXT] and fakes[0].received == []


@pytest.mark.parametrize("name", ["reaction", "read", "delivery"])
def test_reactions_reads_and_deliveries_are_acknowledged_silently(client, fakes, name):
    assert fb(client, name).json() == {"ok": True, "messages": 0}
    assert fakes[1].sent == [] and fakes[0].received == []
    with session_scope() as s:
        assert s.query(User).count() == 0 and s.query(InboundMessage).count() == 0
