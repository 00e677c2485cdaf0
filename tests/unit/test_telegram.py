"""The Telegram channel against a fake Rasa and a fake Telegram Bot API: secrets, duplicates, buttons, safety."""

from __future__ import annotations

import datetime as dt
import json

import httpx
import pytest
from fastapi.testclient import TestClient

from api.inbound import EDIT_NOT_REREAD, GROUP_CHAT, NOT_TEXT
from api.main import create_app
from api.rasa_client import RasaClient
from api.scheduler import fire_due
from api.settings import Settings
from bot import reminders
from bot.storage import repo
from bot.storage.db import session_scope
from bot.storage.models import InboundMessage, User
from tests.unit.platform_payloads import payload
from tests.unit.test_api import FakeRasa

SECRET = "hook-secret"
HEADERS = {"X-Telegram-Bot-Api-Secret-Token": SECRET}


class FakeTelegram:
    def __init__(self):
        self.calls: list[tuple[str, dict]] = []

    def handler(self, request: httpx.Request) -> httpx.Response:
        assert request.url.path.startswith("/botT0KEN/")
        self.calls.append((request.url.path.rsplit("/", 1)[1], json.loads(request.content)))
        return httpx.Response(200, json={"ok": True, "result": {}})

    def sent(self, method="sendMessage"):
        return [body for name, body in self.calls if name == method]


@pytest.fixture
def fakes():
    return FakeRasa(), FakeTelegram()


def make(tmp_path, monkeypatch, fakes, **overrides):
    rasa, tg = fakes
    url = f"sqlite:///{tmp_path / 'tg.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    values = dict(
        database_url=url,
        rasa_token="t",
        reminder_poll_seconds=0,
        telegram_bot_token="T0KEN",
        telegram_webhook_secret=SECRET,
        telegram_api_url="http://telegram.test",
        public_base_url="https://coach.example",
    )
    settings = Settings(**{**values, **overrides})
    app = create_app(
        settings,
        RasaClient(settings, transport=httpx.MockTransport(rasa.handler)),
        telegram_transport=httpx.MockTransport(tg.handler),
    )
    return TestClient(app)


@pytest.fixture
def client(tmp_path, monkeypatch, fakes):
    with make(tmp_path, monkeypatch, fakes) as c:
        yield c


def update(update_id, text=None, chat_id=42, callback=None):
    if callback is not None:
        return {
            "update_id": update_id,
            "callback_query": {
                "id": "cb1",
                "data": callback,
                "from": {"id": chat_id},
                "message": {"chat": {"id": chat_id}},
            },
        }
    message = {"message_id": update_id, "chat": {"id": chat_id, "type": "private"}}
    if text is not None:
        message["text"] = text
    return {"update_id": update_id, "message": message}


def test_channel_is_off_without_its_secrets(tmp_path, monkeypatch, fakes):
    with make(tmp_path, monkeypatch, fakes, telegram_webhook_secret=None) as c:
        assert c.post("/webhooks/telegram", json=update(1, "hi"), headers=HEADERS).status_code == 404


@pytest.mark.parametrize("headers", [{}, {"X-Telegram-Bot-Api-Secret-Token": "forged"}])
def test_a_forged_or_missing_secret_is_refused_and_nothing_is_read(client, fakes, headers):
    assert client.post("/webhooks/telegram", json=update(1, "hi"), headers=headers).status_code == 401
    assert fakes[0].received == [] and fakes[1].calls == []


@pytest.mark.parametrize("body", [b"not json", b"[]", b'{"message": {"text": "hi"}}'])
def test_a_malformed_update_gets_a_400(client, body):
    r = client.post("/webhooks/telegram", content=body, headers={**HEADERS, "Content-Type": "application/json"})
    assert r.status_code == 400


def test_a_message_reaches_the_bot_and_the_reply_has_an_inline_keyboard(client, fakes):
    rasa, tg = fakes
    assert client.post("/webhooks/telegram", json=update(10, "hi"), headers=HEADERS).json() == {"ok": True}
    assert rasa.received[0]["sender"] == "telegram:42" and rasa.received[0]["message"] == "hi"
    sent = tg.sent()[0]
    assert sent["chat_id"] == "42" and sent["text"] == "Hello!"
    button = sent["reply_markup"]["inline_keyboard"][0][0]
    assert button["text"] == "I agree" and len(button["callback_data"].encode()) <= 64


def test_a_duplicate_delivery_is_answered_once(client, fakes):
    for _ in range(3):
        assert client.post("/webhooks/telegram", json=update(11, "hi"), headers=HEADERS).status_code == 200
    assert len(fakes[0].received) == 1 and len(fakes[1].sent()) == 1


def test_pressing_a_button_sends_its_payload_and_an_old_button_does_not(client, fakes):
    rasa, tg = fakes
    client.post("/webhooks/telegram", json=update(20, "hi"), headers=HEADERS)
    data = tg.sent()[0]["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    client.post("/webhooks/telegram", json=update(21, callback=data), headers=HEADERS)
    assert rasa.received[-1]["message"] == "/consent_agree"
    assert tg.sent("answerCallbackQuery")
    rasa.reply = [{"recipient_id": "x", "text": "Thanks"}]  # this reply offers no buttons
    client.post("/webhooks/telegram", json=update(22, "ok"), headers=HEADERS)
    before = len(rasa.received)
    client.post("/webhooks/telegram", json=update(23, callback=data), headers=HEADERS)  # stale keyboard
    assert len(rasa.received) == before
    assert "earlier message" in tg.sent("answerCallbackQuery")[-1]["text"]


def test_crisis_on_telegram_gets_help_at_once_without_the_model(client, fakes):
    rasa, tg = fakes
    client.post("/webhooks/telegram", json=update(30, "I can't go on, I want to end my life"), headers=HEADERS)
    assert rasa.received == []
    assert "116 123" in tg.sent()[0]["text"] and "988" in tg.sent()[0]["text"]


def test_download_links_are_sent_as_full_links(client, fakes):
    rasa, tg = fakes
    rasa.reply = [
        {"recipient_id": "x", "custom": {"download": {"url": "/files/abc/my-data.json", "label": "Your data"}}}
    ]
    client.post("/webhooks/telegram", json=update(40, "export my data"), headers=HEADERS)
    assert tg.sent()[0]["text"] == "Your data: https://coach.example/files/abc/my-data.json"


def test_reminders_for_telegram_users_are_pushed_not_queued(client, fakes, monkeypatch):
    _, tg = fakes
    settings = client.app.state.settings
    now = dt.datetime(2026, 6, 1, 8, 0, tzinfo=dt.UTC)
    with session_scope() as s:
        user = repo.get_or_create_user(s, "telegram", "42")
        repo.record_consent(s, user)
        reminders.set_reminders(s, user, ["09:00"], now)

    def trigger(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"messages": [{"recipient_id": "telegram:42", "text": "A gentle nudge"}]})

    rasa = RasaClient(settings, transport=httpx.MockTransport(trigger))
    assert fire_due(rasa, now + dt.timedelta(hours=1, minutes=5), client.app.state.push) == 1
    assert tg.sent()[-1] == {"chat_id": "42", "text": "A gentle nudge"}
    with session_scope() as s:
        assert repo.take_outbox(s, repo.find_user(s, "telegram", "42")) == []


# Every kind of update, replayed from the Bot API's documented objects (tests/data/platform_payloads/telegram.json)


def tg(client, name, **values):
    r = client.post("/webhooks/telegram", json=payload("telegram", name, **values), headers=HEADERS)
    assert r.status_code == 200
    return r


def test_a_photo_caption_is_read_as_words(client, fakes):
    rasa, tg_api = fakes
    tg(client, "photo_with_caption", CAPTION="pain 5 today, walked 10 minutes")
    assert rasa.received[0] == {
        "sender": "telegram:1111111",
        "message": "pain 5 today, walked 10 minutes",
        "metadata": rasa.received[0].get("metadata", {}),
    }
    assert tg_api.sent()[0]["text"] == "Hello!"


def test_a_crisis_in_a_caption_gets_help_at_once(client, fakes):
    tg(client, "photo_with_caption", CAPTION="I want to end my life")
    assert fakes[0].received == [] and "988" in fakes[1].sent()[0]["text"]


def test_an_edit_is_never_a_second_turn(client, fakes):
    rasa, tg_api = fakes
    first = payload("telegram", "edited_message", TEXT="walked 20 minutes")
    first["message"] = first.pop("edited_message")  # the same message as first sent
    client.post("/webhooks/telegram", json={**first, "update_id": 1}, headers=HEADERS)
    tg(client, "edited_message", TEXT="walked 25 minutes")
    tg(client, "edited_message", TEXT="walked 25 minutes")  # Telegram retrying the same update
    assert [m["message"] for m in rasa.received] == ["walked 20 minutes"]  # the activity reaches the bot once
    assert [m["text"] for m in tg_api.sent()] == ["Hello!", EDIT_NOT_REREAD]


def test_a_crisis_written_into_an_edit_is_answered(client, fakes):
    tg(client, "edited_message", TEXT="actually I don't want to be alive anymore")
    assert fakes[0].received == []
    assert "988" in fakes[1].sent()[0]["text"] and fakes[1].sent()[0]["text"] != EDIT_NOT_REREAD


@pytest.mark.parametrize("name", ["voice", "sticker", "location"])
def test_a_voice_note_sticker_or_location_is_answered_once_with_the_text_only_note(client, fakes, name):
    tg(client, name)
    tg(client, name)  # a retried delivery
    assert [m["text"] for m in fakes[1].sent()] == [NOT_TEXT] and fakes[0].received == []


def test_an_album_of_photos_gets_one_note(client, fakes):
    tg(client, "album_photo_1")
    tg(client, "album_photo_2")
    assert [m["text"] for m in fakes[1].sent()] == [NOT_TEXT]


@pytest.mark.parametrize("name", ["message_reaction", "pinned_service_message"])
def test_reactions_and_service_messages_are_acknowledged_silently(client, fakes, name):
    tg(client, name)
    assert fakes[1].calls == [] and fakes[0].received == []
    with session_scope() as s:
        assert s.query(User).count() == 0 and s.query(InboundMessage).count() == 0


def test_a_group_is_asked_once_to_write_directly_and_nothing_of_it_is_stored(client, fakes):
    rasa, tg_api = fakes
    tg(client, "group_message", TEXT="pain 6 today")
    tg(client, "group_message", TEXT="walked 10 minutes")
    tg(client, "channel_post", TEXT="pacing tips")
    assert [(m["chat_id"], m["text"]) for m in tg_api.sent()] == [
        ("-1001234567890", GROUP_CHAT),
        ("-1009876543210", GROUP_CHAT),
    ]
    assert rasa.received == []
    with session_scope() as s:
        assert s.query(User).count() == 0 and s.query(InboundMessage).count() == 0


def test_a_crisis_in_a_group_still_gets_help_and_stores_nothing(client, fakes):
    tg(client, "group_message", TEXT="hello")
    tg(client, "group_message", TEXT="I can't go on, I want to end my life")
    texts = [m["text"] for m in fakes[1].sent()]
    assert texts[0] == GROUP_CHAT and "988" in texts[1] and len(texts) == 2
    with session_scope() as s:
        assert s.query(User).count() == 0
