"""The outbound renderer and every channel's wire format for one reply: words, buttons, pictures and links reach
each platform in order, and none is dropped. Also the channel registry: a channel whose secret is missing is off."""

from __future__ import annotations

import json

import httpx
import pytest
from fastapi.testclient import TestClient

from api import outbound
from api.buttons import button_id
from api.channels import messenger, sms, telegram, whatsapp
from api.channels.registry import CHANNELS
from api.main import create_app
from api.rasa_client import RasaClient
from api.settings import Settings
from tests.unit.test_api import FakeRasa

BASE = "https://coach.example"
REPLY = [
    {"text": "How was today?", "buttons": [{"title": "Check in", "payload": "/start_checkin"}, {"title": "Help"}]},
    {"text": "Your week", "buttons": [{"title": t, "payload": t} for t in ("2", "4", "6", "8")]},
    {"image": "/files/abc/week.png", "custom": {"alt": "Chart"}},
    {"custom": {"download": {"url": "/files/abc/my-data.json", "label": "Your data"}}},
]
CHANNEL_SETTINGS = dict(
    telegram_bot_token="T0KEN",
    telegram_webhook_secret="tg-secret",
    telegram_api_url="http://telegram.test",
    whatsapp_access_token="ACCESS",
    whatsapp_app_secret="wa-secret",
    whatsapp_verify_token="wa-verify",
    whatsapp_phone_number_id="PHONE-ID",
    whatsapp_api_url="http://graph.test/v20.0",
    messenger_page_token="PAGE",
    messenger_app_secret="fb-secret",
    messenger_verify_token="fb-verify",
    messenger_api_url="http://graph.test/v20.0",
    twilio_account_sid="AC123",
    twilio_auth_token="twilio-token",
    twilio_from_number="+15005550006",
    twilio_api_url="http://twilio.test",
    public_base_url=BASE + "/",
)


def refs(*payloads: str, start: int = 0) -> list[str]:
    return [button_id(start + i, p) for i, p in enumerate(payloads)]


class Recorder:
    """An outbound.Sender that writes down each call."""

    def __init__(self, buttons_without_text: bool = False):
        self.buttons_without_text = buttons_without_text
        self.calls: list[tuple] = []

    def send_text_message(self, recipient_id, text):
        self.calls.append(("text", recipient_id, text))

    def send_text_with_buttons(self, recipient_id, text, buttons):
        self.calls.append(("buttons", recipient_id, text, [(b.title, b.payload, b.ref) for b in buttons]))

    def send_image_url(self, recipient_id, image):
        self.calls.append(("image", recipient_id, image))


class FakePlatform:
    """Every platform's API at once: records the body of each request, by path."""

    def __init__(self):
        self.requests: list[tuple[str, dict]] = []

    def handler(self, request: httpx.Request) -> httpx.Response:
        content = request.content.decode()
        body = json.loads(content) if content.startswith("{") else dict(httpx.QueryParams(content))
        self.requests.append((request.url.path, body))
        return httpx.Response(201 if "twilio" in str(request.url) else 200, json={})

    def bodies(self) -> list[dict]:
        return [body for _, body in self.requests]


def send(client_class, messages=REPLY, **overrides):
    platform = FakePlatform()
    settings = Settings(database_url="sqlite://", rasa_token="t", **{**CHANNEL_SETTINGS, **overrides})
    client_class(settings, transport=httpx.MockTransport(platform.handler)).send("ID1", messages)
    return platform


# ---------------------------------------------------------------- the renderer


def test_the_renderer_walks_a_reply_once_in_order_numbering_buttons_across_it():
    sender = Recorder()
    outbound.render(sender, "ID1", REPLY, BASE)
    assert sender.calls == [
        ("buttons", "ID1", "How was today?", [("Check in", "/start_checkin", refs("/start_checkin")[0])]),
        ("buttons", "ID1", "Your week", [(t, t, r) for t, r in zip("2468", refs(*"2468", start=1), strict=True)]),
        ("image", "ID1", BASE + "/files/abc/week.png"),
        ("text", "ID1", "Your data: " + BASE + "/files/abc/my-data.json"),
    ]


def test_without_a_public_address_there_are_no_pictures_and_no_links():
    sender = Recorder()
    outbound.render(sender, "ID1", REPLY[2:], "")
    assert sender.calls == []


def test_buttons_go_out_only_with_words_unless_the_sender_takes_them_alone():
    reply = [
        {"buttons": [{"title": "A", "payload": "/a"}]},
        {"text": "Then", "buttons": [{"title": "B", "payload": "/b"}]},
    ]
    alone, with_words = Recorder(buttons_without_text=True), Recorder()
    outbound.render(alone, "ID1", reply, "")
    outbound.render(with_words, "ID1", reply, "")
    assert alone.calls == [
        ("buttons", "ID1", "", [("A", "/a", button_id(0, "/a"))]),
        ("buttons", "ID1", "Then", [("B", "/b", button_id(1, "/b"))]),
    ]
    assert with_words.calls == [("buttons", "ID1", "Then", [("B", "/b", button_id(0, "/b"))])]


# ---------------------------------------------------------------- each channel's wire format


def test_telegram_sends_inline_keyboards_a_photo_and_a_link():
    platform = send(telegram.TelegramClient)
    week = [[{"text": t, "callback_data": r}] for t, r in zip("2468", refs(*"2468", start=1), strict=True)]
    assert platform.requests == [
        (
            "/botT0KEN/sendMessage",
            {
                "chat_id": "ID1",
                "text": "How was today?",
                "reply_markup": {
                    "inline_keyboard": [[{"text": "Check in", "callback_data": refs("/start_checkin")[0]}]]
                },
            },
        ),
        ("/botT0KEN/sendMessage", {"chat_id": "ID1", "text": "Your week", "reply_markup": {"inline_keyboard": week}}),
        ("/botT0KEN/sendPhoto", {"chat_id": "ID1", "photo": BASE + "/files/abc/week.png"}),
        ("/botT0KEN/sendMessage", {"chat_id": "ID1", "text": "Your data: " + BASE + "/files/abc/my-data.json"}),
    ]


def test_whatsapp_sends_reply_buttons_a_list_an_image_and_a_link():
    platform = send(whatsapp.WhatsAppClient)
    checkin = {"type": "reply", "reply": {"id": refs("/start_checkin")[0], "title": "Check in"}}
    rows = [{"id": r, "title": t} for t, r in zip("2468", refs(*"2468", start=1), strict=True)]
    wa = {"messaging_product": "whatsapp", "to": "ID1"}
    assert platform.bodies() == [
        {
            **wa,
            "type": "interactive",
            "interactive": {"type": "button", "body": {"text": "How was today?"}, "action": {"buttons": [checkin]}},
        },
        {
            **wa,
            "type": "interactive",
            "interactive": {
                "type": "list",
                "body": {"text": "Your week"},
                "action": {"button": "Choose", "sections": [{"title": "Options", "rows": rows}]},
            },
        },
        {**wa, "type": "image", "image": {"link": BASE + "/files/abc/week.png"}},
        {**wa, "type": "text", "text": {"body": "Your data: " + BASE + "/files/abc/my-data.json"}},
    ]


def test_messenger_sends_quick_replies_an_image_and_a_link():
    platform = send(messenger.MessengerClient)
    week = [
        {"content_type": "text", "title": t, "payload": r} for t, r in zip("2468", refs(*"2468", start=1), strict=True)
    ]
    checkin = {"content_type": "text", "title": "Check in", "payload": refs("/start_checkin")[0]}
    image = {"attachment": {"type": "image", "payload": {"url": BASE + "/files/abc/week.png", "is_reusable": False}}}
    assert [body["message"] for body in platform.bodies()] == [
        {"text": "How was today?", "quick_replies": [checkin]},
        {"text": "Your week", "quick_replies": week},
        image,
        {"text": "Your data: " + BASE + "/files/abc/my-data.json"},
    ]
    assert {(b["recipient"]["id"], b["messaging_type"]) for b in platform.bodies()} == {("ID1", "RESPONSE")}


def test_sms_writes_the_options_into_the_words_and_sends_the_link_but_no_picture():
    texts = [
        "How was today?\nReply 1 for Check in",
        "Your week\n(2 / 4 / 6 / 8)",
        "Your data: " + BASE + "/files/abc/my-data.json",
    ]
    assert sms.render(REPLY, BASE) == texts
    platform = send(sms.SmsClient)
    assert [(body["To"], body["Body"]) for body in platform.bodies()] == [("ID1", t) for t in texts]


@pytest.mark.parametrize(
    ("client_class", "limit"),
    [(telegram.TelegramClient, 4096), (whatsapp.WhatsAppClient, 4096), (messenger.MessengerClient, 2000)],
)
def test_long_words_are_cut_to_the_platforms_limit_and_the_picture_still_follows(client_class, limit):
    platform = send(client_class, [{"text": "x" * 5000, "image": "/i.png"}])
    assert len(platform.requests) == 2
    assert json.dumps(platform.bodies()[0]).count("x" * limit) == 1 and "x" * (limit + 1) not in json.dumps(
        platform.bodies()
    )
    assert BASE + "/i.png" in json.dumps(platform.bodies()[1])


@pytest.mark.parametrize("client_class", [telegram.TelegramClient, whatsapp.WhatsAppClient, messenger.MessengerClient])
def test_a_request_the_platform_rejects_is_logged_by_status_and_the_rest_of_the_reply_waits(client_class, caplog):
    calls = []

    def rejecting(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        return httpx.Response(400, json={})

    settings = Settings(database_url="sqlite://", rasa_token="t", **CHANNEL_SETTINGS)
    client_class(settings, transport=httpx.MockTransport(rejecting)).send("ID1", REPLY)
    assert len(calls) == 1  # a bad request is not retried, and what follows it is not sent out of order
    assert "not delivered: rejected" in caplog.text and "HTTP 400" in caplog.text
    assert "How was today" not in caplog.text  # the code and status are logged, never the words


# ---------------------------------------------------------------- the registry

SWITCHES = {  # a setting each channel needs; without it the channel is off
    "telegram": ("telegram_webhook_secret", "/webhooks/telegram"),
    "whatsapp": ("whatsapp_app_secret", "/webhooks/whatsapp"),
    "messenger": ("messenger_verify_token", "/webhooks/messenger"),
    "sms": ("twilio_auth_token", "/webhooks/sms"),
}


def test_the_registry_names_each_channel_once():
    assert [spec.key for spec in CHANNELS] == list(SWITCHES)
    assert [spec.name for spec in CHANNELS] == ["Telegram", "WhatsApp", "Messenger", "SMS"]


def _app(tmp_path, monkeypatch, **overrides):
    url = f"sqlite:///{tmp_path / 'channels.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    settings = Settings(database_url=url, rasa_token="t", reminder_poll_seconds=0, **{**CHANNEL_SETTINGS, **overrides})
    return create_app(settings, RasaClient(settings, transport=httpx.MockTransport(FakeRasa().handler)))


def _paths(app) -> set[str]:
    return set(app.openapi()["paths"])


@pytest.mark.parametrize("key", list(SWITCHES))
def test_a_channel_whose_secret_is_missing_is_off_and_says_what_it_needs(tmp_path, monkeypatch, caplog, key):
    setting, path = SWITCHES[key]
    app = _app(tmp_path, monkeypatch, **{setting: None})
    assert path not in _paths(app) and key not in app.state.push
    others = {k for k in SWITCHES if k != key}
    assert others <= set(app.state.push) and {SWITCHES[k][1] for k in others} <= _paths(app)
    with TestClient(app) as c:
        assert c.post(path, content=b"{}").status_code == 404
    spec = next(s for s in CHANNELS if s.key == key)
    assert f"{spec.name} channel is off: set {spec.needs} to enable it." in caplog.messages
