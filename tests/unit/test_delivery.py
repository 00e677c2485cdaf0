"""Sending to the platforms through a stand-in platform server on loopback that answers slowly, with 429 +
Retry-After, with 500, hangs past the timeout or refuses: no reply is lost to a passing fault, a refusal is tried
once, pauses that person's reminders and is kept as a dead letter, and a reminder is marked sent only when the
platform took it."""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging

import httpx
import pytest
from sqlalchemy import select

from api.channels import delivery
from api.channels.messenger import MessengerClient
from api.channels.sms import SmsClient
from api.channels.telegram import TelegramClient
from api.channels.telegram import classify as telegram_classify
from api.channels.whatsapp import WhatsAppClient
from api.scheduler import fire_due
from api.settings import Settings
from bot.storage import repo
from bot.storage.db import session_scope
from bot.storage.models import DeadLetter, ReminderDelivery
from tests.unit.platform_standin import HANG, SERVER_ERROR, Fault, StandInPlatform, too_many
from tests.unit.test_outbound import CHANNEL_SETTINGS
from tests.unit.test_reminder_refusals import DUE, RASA, _person, _reminders

CLIENTS = {"telegram": TelegramClient, "whatsapp": WhatsAppClient, "messenger": MessengerClient, "sms": SmsClient}
API_URLS = ("telegram_api_url", "whatsapp_api_url", "messenger_api_url", "twilio_api_url")
REPLY = [{"text": "Well done for checking in."}, {"text": "Shall we plan tomorrow?"}]
PERSON = "447700900123"
BLOCKED = Fault(403, {"ok": False, "error_code": 403, "description": "Forbidden: bot was blocked by the user"})


def _settings(platform: StandInPlatform, database_url: str) -> Settings:
    values = {**CHANNEL_SETTINGS, **dict.fromkeys(API_URLS, platform.url)}
    return Settings(
        database_url=database_url,
        rasa_url="http://rasa",
        send_timeout_seconds=0.5,
        send_backoff_seconds=0.01,
        send_backoff_cap_seconds=0.05,
        **values,
    )


def _client(channel: str, platform: StandInPlatform, database_url: str, waits: list[float]):
    client = CLIENTS[channel](_settings(platform, database_url))
    client.delivery.policy = dataclasses.replace(client.delivery.policy, sleep=waits.append)
    return client


def _texts(platform: StandInPlatform) -> list[str]:
    found = []
    for body in platform.accepted:
        text = body.get("text") or body.get("Body")
        found.append(text["body"] if isinstance(text, dict) else text or (body.get("message") or {}).get("text"))
    return found


def _dead_letters(database_url: str) -> list[DeadLetter]:
    with session_scope(database_url) as s:
        letters = list(s.scalars(select(DeadLetter).order_by(DeadLetter.id)))
        s.expunge_all()
        return letters


@pytest.fixture
def platform():
    with StandInPlatform() as standin:
        yield standin


@pytest.mark.parametrize("channel", sorted(CLIENTS))
def test_no_reply_is_lost_across_429_500_timeouts_and_slow_answers(channel, platform, database_url):
    platform.script = [too_many("1"), SERVER_ERROR, HANG, Fault(delay=0.2), too_many("0"), SERVER_ERROR]
    waits: list[float] = []
    client = _client(channel, platform, database_url, waits)
    _person(database_url, channel, PERSON)
    if channel == "sms":  # SMS replies go back as TwiML; what the bot sends itself goes through the REST API
        assert len(client.push(PERSON, REPLY)) == 2
    else:
        client.send(PERSON, REPLY)
    assert _texts(platform) == [m["text"] for m in REPLY]  # both, once each, in order
    assert platform.requests == 7  # 4 for the first (the 4th slow but taken), 3 for the second
    assert waits[0] >= 1.0  # Retry-After: 1 was honoured
    assert _dead_letters(database_url) == []


def test_retry_after_is_read_as_seconds_or_as_an_http_date():
    soon = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=30)
    date = soon.strftime("%a, %d %b %Y %H:%M:%S GMT")
    assert delivery.retry_after(httpx.Response(429, headers={"Retry-After": "7"})) == 7.0
    assert 25 <= (delivery.retry_after(httpx.Response(429, headers={"Retry-After": date})) or 0) <= 30
    assert delivery.retry_after(httpx.Response(429, headers={"Retry-After": "soon"})) is None
    telegram = telegram_classify(httpx.Response(429, json={"ok": False, "parameters": {"retry_after": 3}}))
    assert telegram == delivery.Failure("rate_limited", False, "429", 429, 3.0)


def test_a_wait_longer_than_we_hold_a_message_is_a_dead_letter_at_once(platform, database_url):
    platform.script = [too_many("3600")]
    client = _client("telegram", platform, database_url, [])
    client.send(PERSON, REPLY)
    assert platform.requests == 1
    [letter] = _dead_letters(database_url)
    assert (letter.reason, letter.http_status, letter.attempts) == ("rate_limited", 429, 1)


@pytest.mark.parametrize(
    ("channel", "refusal", "reason", "code"),
    [
        ("telegram", BLOCKED, "blocked", "403"),
        (
            "telegram",
            Fault(400, {"ok": False, "description": "Bad Request: chat not found"}),
            "invalid_recipient",
            "400",
        ),
        ("whatsapp", Fault(400, {"error": {"code": 131047}}), "outside_window", "131047"),
        ("messenger", Fault(400, {"error": {"code": 551}}), "blocked", "551"),
        ("sms", Fault(400, {"code": 21211, "message": "Invalid 'To' Phone Number"}), "invalid_recipient", "21211"),
    ],
)
def test_a_refused_reply_is_tried_once_kept_as_a_dead_letter_and_pauses_reminders(
    channel, refusal, reason, code, platform, database_url, caplog
):
    platform.script = [refusal]
    _person(database_url, channel, PERSON)
    with caplog.at_level(logging.WARNING):
        _client(channel, platform, database_url, []).send(PERSON, REPLY)
    assert platform.requests == 1  # not retried, and the rest of the reply is not sent to someone unreachable
    [letter] = _dead_letters(database_url)
    assert (letter.channel, letter.kind, letter.reason, letter.error_code, letter.attempts) == (
        channel,
        "reply",
        reason,
        code,
        1,
    )
    assert letter.user_id is not None and letter.resend is None  # a refused reply can never be resent
    assert _reminders(database_url, channel, PERSON) == [(True, reason)]
    assert code in caplog.text and "checking in" not in caplog.text  # the platform's code, never the words


def test_a_platform_that_keeps_failing_gets_a_bounded_number_of_attempts_and_the_reply_waits(platform, database_url):
    platform.script = [Fault()] + [SERVER_ERROR] * 10  # the first message goes, then Telegram is down
    _person(database_url, "telegram", PERSON)
    _client("telegram", platform, database_url, []).send(PERSON, [*REPLY, {"text": "Rest well."}])
    assert platform.requests == 1 + 5
    assert _texts(platform) == ["Well done for checking in."]
    [letter] = _dead_letters(database_url)
    assert (letter.reason, letter.http_status, letter.attempts) == ("server_error", 500, 5)
    assert [b["text"] for b in letter.resend or []] == ["Shall we plan tomorrow?", "Rest well."]  # order kept
    assert _reminders(database_url, "telegram", PERSON) == [(False, None)]  # an outage pauses nobody


def _reminder_rows(database_url: str) -> list[tuple[str, str | None, str | None]]:
    with session_scope(database_url) as s:
        return [(d.status, d.detail, d.platform_message_id) for d in s.scalars(select(ReminderDelivery))]


def test_a_reminder_is_marked_sent_only_when_the_platform_took_it(platform, database_url, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", database_url)
    platform.script = [too_many("0"), HANG]
    client = _client("telegram", platform, database_url, [])
    _person(database_url, "telegram", PERSON)
    assert fire_due(RASA, DUE, {"telegram": client.push}) == 1
    [(status, _, message_id)] = _reminder_rows(database_url)
    assert status == "sent" and message_id and message_id.isdigit()
    assert _texts(platform) == ["A nudge"]


def test_a_reminder_the_platform_never_took_is_failed_and_dead_lettered_not_sent(platform, database_url, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", database_url)
    platform.script = [SERVER_ERROR] * 5
    client = _client("telegram", platform, database_url, [])
    _person(database_url, "telegram", PERSON)
    assert fire_due(RASA, DUE, {"telegram": client.push}) == 0
    assert _reminder_rows(database_url) == [("failed", "server_error", None)]
    [letter] = _dead_letters(database_url)
    assert (letter.kind, letter.reason, letter.attempts, letter.resend) == ("reminder", "server_error", 5, None)
    assert letter.reminder_delivery_id is not None  # Rasa writes it again from the reference: no text is kept
    assert _reminders(database_url, "telegram", PERSON) == [(False, None)]


def test_a_refused_reminder_pauses_reminders_through_the_same_rule(platform, database_url, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", database_url)
    platform.script = [BLOCKED]
    client = _client("telegram", platform, database_url, [])
    _person(database_url, "telegram", PERSON)
    assert fire_due(RASA, DUE, {"telegram": client.push}) == 0
    assert _reminder_rows(database_url) == [("failed", "blocked", None)]
    [letter] = _dead_letters(database_url)
    assert (letter.kind, letter.reason, letter.error_code) == ("reminder", "blocked", "403")
    assert _reminders(database_url, "telegram", PERSON) == [(True, "blocked")]


def test_deleting_a_person_deletes_their_dead_letters_and_the_words_kept_to_resend(platform, database_url):
    platform.script = [SERVER_ERROR] * 5
    _person(database_url, "telegram", PERSON)
    _person(database_url, "telegram", "someone-else")
    client = _client("telegram", platform, database_url, [])
    client.send(PERSON, REPLY)
    platform.script = [BLOCKED]
    client.send("someone-else", REPLY)
    assert [letter.resend is not None for letter in _dead_letters(database_url)] == [True, False]
    with session_scope(database_url) as s:
        user = repo.find_user(s, "telegram", PERSON)
        assert user is not None
        repo.delete_user(s, user)
    assert [letter.reason for letter in _dead_letters(database_url)] == ["blocked"]  # only the other person's
