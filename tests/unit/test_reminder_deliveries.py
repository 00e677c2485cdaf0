"""Each reminder reaches the person once: two app instances at once, an instance killed mid-batch, and concurrent
web polls, counted where the messages arrive (a stand-in Telegram server, the outbox). After downtime a reminder
missed by under 30 minutes is still sent, an older one is skipped, and nothing is sent in the quiet hours."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import threading
from collections import Counter
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from api.rasa_client import RasaClient
from api.scheduler import fire_due
from api.settings import Settings
from bot import reminder_deliveries, reminders
from bot.storage import repo
from bot.storage.db import session_scope
from bot.storage.models import ReminderDelivery
from tests.unit.platform_standin import StandInPlatform

UTC = dt.UTC
ROOT = Path(__file__).resolve().parents[2]
T0 = dt.datetime(2026, 6, 1, 8, 0, tzinfo=UTC)  # reminders at 09:00 UTC
DUE = T0 + dt.timedelta(hours=1, minutes=1)


def _telegram_people(url: str, count: int) -> list[str]:
    chats = [str(5000 + n) for n in range(count)]
    with session_scope(url) as s:
        for chat in chats:
            user = repo.get_or_create_user(s, "telegram", chat)
            repo.record_consent(s, user)
            reminders.set_reminders(s, user, ["09:00"], T0)
    return chats


def _sender(database_url: str, platform: StandInPlatform, now: dt.datetime) -> subprocess.Popen[str]:
    env = {**os.environ, "DATABASE_URL": database_url, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, "-m", "tests.unit.reminder_sender_process", platform.url, now.isoformat()],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _statuses(url: str) -> Counter[str]:
    with session_scope(url) as s:
        return Counter(s.scalars(select(ReminderDelivery.status)))


ON_POSTGRES = pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)  # row locks, as in production


@pytest.fixture
def postgres_url(database_url):
    return database_url


@ON_POSTGRES
def test_two_app_instances_at_once_send_each_reminder_once(postgres_url):
    chats = _telegram_people(postgres_url, 40)
    with StandInPlatform() as platform:
        senders = [_sender(postgres_url, platform, DUE) for _ in range(2)]
        outputs = [sender.communicate(timeout=120) for sender in senders]
        assert [sender.returncode for sender in senders] == [0, 0], outputs
        assert sum(int(out.strip()) for out, _err in outputs) == 40
        assert platform.received == Counter(dict.fromkeys(chats, 1))
    assert _statuses(postgres_url) == Counter(sent=40)
    with session_scope(postgres_url) as s:
        ids = list(s.scalars(select(ReminderDelivery.platform_message_id)))
    assert all(ids) and len(set(ids)) == 40  # Telegram's message id stored with each


@ON_POSTGRES
def test_an_instance_killed_mid_batch_re_sends_nothing(postgres_url):
    chats = _telegram_people(postgres_url, 10)
    with StandInPlatform() as platform:
        first = _sender(postgres_url, platform, DUE)
        platform.kill_pid, platform.kill_after = first.pid, 4
        first.communicate(timeout=120)
        assert first.returncode == -9  # killed with its fourth message received but not acknowledged
        assert sum(platform.received.values()) == 4
        assert _statuses(postgres_url) == Counter(sent=3, sending=1, pending=6)

        platform.kill_after = None
        restarted = _sender(postgres_url, platform, DUE + dt.timedelta(minutes=1))
        out, err = restarted.communicate(timeout=120)
        assert restarted.returncode == 0, err
        assert int(out.strip()) == 6
        later = _sender(postgres_url, platform, DUE + dt.timedelta(minutes=20))  # the dead claim is given up
        later.communicate(timeout=120)
        assert platform.received == Counter(dict.fromkeys(chats, 1))
    assert _statuses(postgres_url) == Counter(sent=9, unknown=1)


@ON_POSTGRES
def test_concurrent_web_polls_hand_out_each_message_once(postgres_url):
    with session_scope(postgres_url) as s:
        user = repo.get_or_create_user(s, "web", "poller")
        for n in range(150):
            repo.queue_outbox(s, user, [{"text": f"nudge {n}"}])
    handed_out: list[str] = []
    lock = threading.Lock()

    def poll() -> None:
        for _ in range(20):
            with session_scope(postgres_url) as s:
                got = repo.take_outbox(s, repo.get_or_create_user(s, "web", "poller"))
            with lock:
                handed_out.extend(m["text"] for m in got)

    pollers = [threading.Thread(target=poll) for _ in range(8)]
    for poller in pollers:
        poller.start()
    for poller in pollers:
        poller.join()
    assert sorted(handed_out) == sorted(f"nudge {n}" for n in range(150))


class StandInRasa:
    def __init__(self) -> None:
        self.triggered: list[str] = []

    def handler(self, request: httpx.Request) -> httpx.Response:
        self.triggered.append(request.url.path.split("/")[2])
        return httpx.Response(200, json={"messages": [{"text": "A gentle nudge"}]})


def _web_person(url: str, name: str, times: list[str], timezone: str = "UTC") -> None:
    with session_scope(url) as s:
        user = repo.get_or_create_user(s, "web", name)
        repo.record_consent(s, user)
        user.timezone = timezone
        reminders.set_reminders(s, user, times, T0)


def _outbox(url: str, name: str) -> list[str]:
    with session_scope(url) as s:
        return [m["text"] for m in repo.take_outbox(s, repo.get_or_create_user(s, "web", name))]


def test_after_downtime_under_thirty_minutes_late_is_sent_older_is_skipped(database_url, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", database_url)
    rasa = StandInRasa()
    client = RasaClient(Settings(rasa_url="http://rasa"), transport=httpx.MockTransport(rasa.handler))
    _web_person(database_url, "back-soon", ["09:00"])
    _web_person(database_url, "long-down", ["08:30"])
    assert fire_due(client, T0 + dt.timedelta(hours=1, minutes=25)) == 1  # 09:25: the 09:00 one, not 08:30's
    assert _outbox(database_url, "back-soon") == ["A gentle nudge"]
    assert _outbox(database_url, "long-down") == []
    assert rasa.triggered == ["web:back-soon"]
    with session_scope(database_url) as s:
        rows = {(d.status, d.detail) for d in s.scalars(select(ReminderDelivery))}
        assert rows == {("sent", None), ("skipped", "missed")}
        user = repo.get_or_create_user(s, "web", "long-down")
        assert reminders.active_reminders(s, user)[0].next_fire_at == dt.datetime(2026, 6, 2, 8, 30, tzinfo=UTC)


def test_never_in_the_quiet_hours(database_url, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", database_url)
    rasa = StandInRasa()
    client = RasaClient(Settings(rasa_url="http://rasa"), transport=httpx.MockTransport(rasa.handler))
    _web_person(database_url, "evening", ["20:50"])
    assert fire_due(client, dt.datetime(2026, 6, 1, 21, 5, tzinfo=UTC)) == 0  # 15 minutes late, but 21:05
    assert rasa.triggered == [] and _outbox(database_url, "evening") == []
    assert _statuses(database_url) == Counter(skipped=1)


def test_a_slot_is_one_row_however_often_it_is_planned(database_url):
    _web_person(database_url, "twice", ["09:00"])
    with session_scope(database_url) as s:
        reminder = reminders.active_reminders(s, repo.get_or_create_user(s, "web", "twice"))[0]
        slot_key = reminder_deliveries.idempotency_key(reminder.id, dt.date(2026, 6, 1), "09:00")
        assert reminder_deliveries.plan_due(s, DUE) == 1
        reminder.next_fire_at = dt.datetime(2026, 6, 1, 9, 0, tzinfo=UTC)  # as if the move on was lost
        assert reminder_deliveries.plan_due(s, DUE) == 1
    with session_scope(database_url) as s:
        assert list(s.scalars(select(ReminderDelivery.idempotency_key))) == [slot_key]
