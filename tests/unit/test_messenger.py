"""The Messenger channel against a fake Rasa and a fake Send API: handshake, signatures, duplicates, quick replies."""

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
