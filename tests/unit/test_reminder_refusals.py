"""A platform's refusal stops the reminders it refuses, and says why: Telegram's "blocked", WhatsApp's "outside
the 24-hour window", Twilio's "unsubscribed". SMS STOP (and UNSUBSCRIBE, END, QUIT, CANCEL) ends reminders for
that number on SMS and WhatsApp, START brings them back, HELP says what the service is."""

from __future__ import annotations

import datetime as dt
import json

import httpx
import pytest
from sqlalchemy import select

from api.channels.messenger import MessengerClient
from api.channels.sms import SmsClient
from api.channels.telegram import TelegramClient
from api.channels.whatsapp import WhatsAppClient
from api.rasa_client import RasaClient
from api.scheduler import fire_due
from api.settings import Settings
from bot import reminders
from bot.storage import repo
from bot.storage.db import session_scope
from bot.storage.models import ReminderDelivery
from tests.unit.test_outbound import CHANNEL_SETTINGS
from tests.unit.test_sms import client, fakes, sms  # noqa: F401  (the SMS app and its fakes)

T0 = dt.datetime(2026, 6, 1, 8, 0, tzinfo=dt.UTC)
DUE = T0 + dt.timedelta(hours=1, minutes=1)
SETTINGS = Settings(rasa_url="http://rasa", **CHANNEL_SETTINGS)
RASA = RasaClient(
    SETTINGS, transport=httpx.MockTransport(lambda r: httpx.Response(200, json={"messages": [{"text": "A nudge"}]}))
)
REFUSALS = {
    "telegram": (403, {"ok": False, "description": "Forbidden: bot was blocked by the user"}, "blocked"),
    "whatsapp": (400, {"error": {"code": 131047, "message": "Re-engagement message"}}, "outside_window"),
    "messenger": (400, {"error": {"code": 10, "error_subcode": 2018278}}, "outside_window"),
    "sms": (400, {"code": 21610, "message": "Attempt to send to unsubscribed recipient"}, "unsubscribed"),
}
CLIENTS = {"telegram": TelegramClient, "whatsapp": WhatsAppClient, "messenger": MessengerClient, "sms": SmsClient}


class Platform:
    def __init__(self, status: int, body: dict):
        self.status, self.body, self.calls = status, body, 0
        self.kinds: list[str] = []

    def handler(self, request: httpx.Request) -> httpx.Response:
        self.calls += 1
        if request.headers.get("content-type", "").startswith("application/json"):
            self.kinds.append(str(json.loads(request.content).get("messaging_type")))
        return httpx.Response(self.status, json=self.body)


def _person(url: str, channel: str, external_id: str) -> None:
    with session_scope(url) as s:
        user = repo.get_or_create_user(s, channel, external_id)
        repo.record_consent(s, user)
        reminders.set_reminders(s, user, ["09:00"], T0)


def _reminders(url: str, channel: str, external_id: str) -> list[tuple[bool, str | None]]:
    with session_scope(url) as s:
        user = repo.get_or_create_user(s, channel, external_id)
        return [(r.paused_from is not None, r.pause_reason) for r in reminders.active_reminders(s, user)]


@pytest.mark.parametrize("channel", sorted(REFUSALS))
def test_a_refusal_pauses_that_persons_reminders_and_records_why(channel, database_url, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", database_url)
    status, body, reason = REFUSALS[channel]
    platform = Platform(status, body)
    push = {channel: CLIENTS[channel](SETTINGS, httpx.MockTransport(platform.handler)).push}
    _person(database_url, channel, "447700900123")
    assert fire_due(RASA, DUE, push) == 0
    assert _reminders(database_url, channel, "447700900123") == [(True, reason)]
    with session_scope(database_url) as s:
        [delivery] = s.scalars(select(ReminderDelivery))
        assert (delivery.status, delivery.detail) == ("failed", reason)
    calls = platform.calls
    assert fire_due(RASA, DUE + dt.timedelta(days=1), push) == 0
    assert platform.calls == calls  # the next day nothing is even tried


def test_messenger_sends_a_reminder_as_an_update_and_a_reply_as_a_response():
    platform = Platform(200, {"message_id": "m.1"})
    messenger = MessengerClient(SETTINGS, httpx.MockTransport(platform.handler))
    assert messenger.push("psid", [{"text": "A nudge"}]) == ["m.1"]
    messenger.send("psid", [{"text": "A reply"}])
    assert platform.kinds == ["UPDATE", "RESPONSE"]


@pytest.mark.parametrize("stop", ["STOP", "unsubscribe", "End", "QUIT", "cancel"])
def test_sms_stop_ends_reminders_on_sms_and_whatsapp_and_start_brings_them_back(client, stop):  # noqa: F811
    url = client.app.state.settings.database_url
    _person(url, "sms", "+447700900123")
    _person(url, "whatsapp", "447700900123")  # the same number on WhatsApp
    _person(url, "sms", "+447700900999")  # someone else
    reply = sms(client, stop, f"SM-{stop}")
    assert "won't get any more reminders" in reply.text and "START" in reply.text
    assert _reminders(url, "sms", "+447700900123") == [(True, "sms_stop")]
    assert _reminders(url, "whatsapp", "447700900123") == [(True, "sms_stop")]
    assert _reminders(url, "sms", "+447700900999") == [(False, None)]
    reply = sms(client, "START", f"SM-start-{stop}")
    assert "on again" in reply.text
    assert _reminders(url, "sms", "+447700900123") == [(False, None)]
    assert _reminders(url, "whatsapp", "447700900123") == [(False, None)]


def test_sms_help_says_what_the_service_is(client, fakes):  # noqa: F811
    reply = sms(client, "HELP", "SM-help")
    assert "pacing-coach" in reply.text and "not a substitute for a clinician" in reply.text and "STOP" in reply.text
    assert fakes[0].received == []  # answered without Rasa


def test_writing_again_after_a_block_brings_reminders_back(client):  # noqa: F811
    url = client.app.state.settings.database_url
    _person(url, "sms", "+447700900123")
    with session_scope(url) as s:
        reminders.pause_reminders(s, repo.get_or_create_user(s, "sms", "+447700900123"), T0, reason="blocked")
    sms(client, "hello again", "SM-back")
    assert _reminders(url, "sms", "+447700900123") == [(False, None)]
