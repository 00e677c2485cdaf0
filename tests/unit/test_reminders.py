"""Movement reminders: times people type, the next firing in their time zone (DST too), and the scheduler."""

from __future__ import annotations

import datetime as dt

import httpx

from api.rasa_client import RasaClient
from api.scheduler import fire_due
from api.settings import Settings
from bot import reminders
from bot.storage import repo
from bot.storage.db import session_scope

UTC = dt.UTC


def test_next_fire_is_in_the_users_time_zone():
    after = dt.datetime(2026, 7, 1, 12, 0, tzinfo=UTC)  # 13:00 in London (BST)
    assert reminders.next_fire("16:00", "Europe/London", after) == dt.datetime(2026, 7, 1, 15, 0, tzinfo=UTC)
    assert reminders.next_fire("11:00", "Europe/London", after) == dt.datetime(2026, 7, 2, 10, 0, tzinfo=UTC)


def test_next_fire_across_the_clocks_going_back():
    # Clocks go back on 25 Oct 2026 in London: 09:00 local is 08:00 UTC before and 09:00 UTC after.
    after = dt.datetime(2026, 10, 24, 9, 0, tzinfo=UTC)
    first = reminders.next_fire("09:00", "Europe/London", after)
    assert first == dt.datetime(2026, 10, 25, 9, 0, tzinfo=UTC)


def test_unknown_time_zone_falls_back_to_utc():
    after = dt.datetime(2026, 1, 1, 0, 0, tzinfo=UTC)
    assert reminders.next_fire("08:00", "Mars/Olympus", after) == dt.datetime(2026, 1, 1, 8, 0, tzinfo=UTC)


class FakeRasa:
    def __init__(self):
        self.triggered: list[str] = []
        self.down = False

    def handler(self, request: httpx.Request) -> httpx.Response:
        if self.down:
            raise httpx.ConnectError("down")
        sender = request.url.path.split("/")[2]
        self.triggered.append(sender)
        return httpx.Response(200, json={"messages": [{"recipient_id": sender, "text": "A gentle nudge"}]})


def test_scheduler_fires_due_reminders_once_and_moves_them_to_the_next_day(database_url, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", database_url)
    fake = FakeRasa()
    rasa = RasaClient(Settings(rasa_url="http://rasa"), transport=httpx.MockTransport(fake.handler))
    t0 = dt.datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
    with session_scope(database_url) as s:
        user = repo.get_or_create_user(s, "web", "rem")
        repo.record_consent(s, user)
        user.timezone = "Europe/London"
        reminders.set_reminders(s, user, ["09:00", "15:00"], t0)
        other = repo.get_or_create_user(s, "web", "no-consent")
        reminders.set_reminders(s, other, ["09:00"], t0)

    assert fire_due(rasa, t0 + dt.timedelta(minutes=30)) == 0  # 08:30: nothing yet
    assert fire_due(rasa, t0 + dt.timedelta(hours=1, minutes=1)) == 1  # 09:01: the 9 o'clock one only
    assert fake.triggered == ["web:rem"]  # never the user without consent
    assert fire_due(rasa, t0 + dt.timedelta(hours=1, minutes=2)) == 0  # not twice
    fake.down = True
    assert fire_due(rasa, t0 + dt.timedelta(hours=7, minutes=1)) == 0  # Rasa down: stays due
    fake.down = False
    assert fire_due(rasa, t0 + dt.timedelta(hours=7, minutes=2)) == 1
    with session_scope(database_url) as s:
        user = repo.find_user(s, "web", "rem")
        assert [m["text"] for m in repo.take_outbox(s, user)] == ["A gentle nudge", "A gentle nudge"]
        assert repo.take_outbox(s, user) == []  # delivered once
        nxt = sorted(r.next_fire_at for r in reminders.active_reminders(s, user))
        assert nxt == [dt.datetime(2026, 3, 3, 9, 0, tzinfo=UTC), dt.datetime(2026, 3, 3, 15, 0, tzinfo=UTC)]


def test_setting_new_times_replaces_the_old_ones(database_url):
    with session_scope(database_url) as s:
        user = repo.get_or_create_user(s, "web", "r2")
        now = dt.datetime(2026, 5, 1, tzinfo=UTC)
        reminders.set_reminders(s, user, ["09:00"], now)
        reminders.set_reminders(s, user, ["10:00", "16:00"], now)
        assert [r.local_time for r in reminders.active_reminders(s, user)] == ["10:00", "16:00"]
        assert reminders.stop_reminders(s, user) == 2
        assert reminders.active_reminders(s, user) == []
