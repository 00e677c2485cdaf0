"""Reminders changed in chat, as the person sees them: each phrasing does what it says to what is stored, and the
reply says so. The clock is handed in, so days, pauses and DST are checked at chosen moments."""

from __future__ import annotations

import datetime as dt

import pytest

from bot import reminder_chat, reminders
from bot.storage import repo
from bot.storage.db import session_scope

UTC = dt.UTC
NOW = dt.datetime(2026, 12, 3, 13, 0, tzinfo=UTC)  # Thursday 13:00 in London (GMT)


@pytest.fixture
def chat(database_url):
    """say(text) -> reply text; stored() -> [(local time, weekdays, next fire UTC, paused?)] of active reminders."""

    class Chat:
        db = database_url
        waiting: str | None = None
        last: reminder_chat.ChatReply | None = None

        def say(self, text: str, now: dt.datetime = NOW, intent: str | None = None) -> str:
            with session_scope(database_url) as s:
                user = repo.get_or_create_user(s, "web", "person")
                user.timezone = "Europe/London"
                self.last = reminder_chat.answer(s, user, text, now, intent, self.waiting)
                self.waiting = self.last.waiting_for
            return self.last.text

        def press(self, title: str) -> str:
            assert self.last is not None
            words = dict(self.last.buttons)[title]
            return self.say(words)

        def stored(self) -> list[tuple[str, str, dt.datetime | None, bool]]:
            with session_scope(database_url) as s:
                user = repo.get_or_create_user(s, "web", "person")
                return [
                    (r.local_time, r.weekdays, r.next_fire_at, r.paused_from is not None)
                    for r in reminders.active_reminders(s, user)
                ]

        def times(self) -> list[str]:
            return [t for t, *_ in self.stored()]

    return Chat()


def test_weekday_reminder_is_stored_and_skips_the_weekend(chat):
    reply = chat.say("remind me at 3pm on weekdays")
    assert "15:00 on weekdays" in reply
    friday = dt.datetime(2026, 12, 4, 15, 0, tzinfo=UTC)
    assert chat.stored() == [("15:00", "01234", dt.datetime(2026, 12, 3, 15, 0, tzinfo=UTC), False)]
    # after Friday's nudge the next one is Monday's, not Saturday's
    with session_scope(chat.db) as s:
        reminder = reminders.active_reminders(s, repo.get_or_create_user(s, "web", "person"))[0]
        reminders.advance(reminder, repo.get_or_create_user(s, "web", "person"), friday)
        assert reminder.next_fire_at == dt.datetime(2026, 12, 7, 15, 0, tzinfo=UTC)


def test_bare_hours_are_daytime(chat):
    assert "11:00 and 16:00 every day" in chat.say("remind me at 11 and 4")
    assert chat.times() == ["11:00", "16:00"]


def test_two_in_the_afternoon_is_only_two_pm(chat):
    chat.say("remind me at 2 in the afternoon")
    assert chat.times() == ["14:00"]


def test_half_two(chat):
    chat.say("reminders at half 2")
    assert chat.times() == ["14:30"]


def test_listing_tells_and_keeps_them(chat):
    chat.say("remind me at 11 and 4")
    for question in ("list my reminders", "what reminders do I have?"):
        reply = chat.say(question, intent="stop_reminders")  # even when Rasa read it wrong
        assert "11:00 and 16:00 every day" in reply
    assert chat.times() == ["11:00", "16:00"]


def test_listing_with_none_set_offers_one(chat):
    assert "don't have any reminders" in chat.say("what reminders do I have?")
    assert chat.times() == []


def test_move_the_eleven_oclock_to_twelve(chat):
    chat.say("remind me at 11 and 4")
    assert "11:00 reminder is now at 12:00" in chat.say("move my 11am to 12")
    assert chat.times() == ["12:00", "16:00"]


def test_move_asks_which_when_there_are_several_and_a_button_settles_it(chat):
    chat.say("remind me at 11 and 4")
    reply = chat.say("move my reminder to 5pm")
    assert reply.startswith("Which one?")
    chat.press("16:00")
    assert chat.times() == ["11:00", "17:00"]


def test_a_lone_time_after_what_time_is_understood(chat):
    assert chat.say("can you remind me").startswith("What time would suit you?")
    assert "16:00 every day" in chat.say("4pm")
    assert chat.times() == ["16:00"]


def test_a_lone_time_completes_a_move(chat):
    chat.say("remind me at 11am")
    assert chat.say("move my reminder") == "What time should it move to?"
    chat.say("12")
    assert chat.times() == ["12:00"]


def test_stop_the_four_pm_one_stops_only_that(chat):
    chat.say("remind me at 11 and 4")
    reply = chat.say("stop the 4pm one", intent="set_reminder")
    assert "stopped the 16:00 reminder" in reply and "11:00" in reply
    assert chat.times() == ["11:00"]


def test_stopping_a_time_not_set_changes_nothing_and_offers_the_real_ones(chat):
    chat.say("remind me at 11 and 4")
    reply = chat.say("stop the 3pm one")
    assert "don't have a reminder at 15:00" in reply
    assert [title for title, _ in chat.last.buttons] == ["11:00", "16:00"]
    assert chat.times() == ["11:00", "16:00"]


def test_pause_until_monday_then_they_come_back_by_themselves(chat):
    chat.say("remind me at 11am")
    reply = chat.say("pause reminders until Monday")
    assert "until Monday" in reply and "resume" in reply
    # kept, paused, and next due on Monday 7 December at 11:00
    assert chat.stored() == [("11:00", "0123456", dt.datetime(2026, 12, 7, 11, 0, tzinfo=UTC), True)]
    assert "paused until" in chat.say("what reminders do I have?")


def test_no_reminders_this_weekend_keeps_friday_morning_and_monday(chat):
    chat.say("remind me at 11am")
    chat.say("no reminders this weekend")
    with session_scope(chat.db) as s:
        user = repo.get_or_create_user(s, "web", "person")
        reminder = reminders.active_reminders(s, user)[0]
        fires = []
        moment = NOW
        for _ in range(3):
            reminders.advance(reminder, user, moment)
            assert reminder.next_fire_at is not None
            fires.append(reminder.next_fire_at)
            moment = reminder.next_fire_at
    assert fires == [
        dt.datetime(2026, 12, 4, 11, 0, tzinfo=UTC),  # Friday morning, before the weekend starts
        dt.datetime(2026, 12, 7, 11, 0, tzinfo=UTC),  # Monday
        dt.datetime(2026, 12, 8, 11, 0, tzinfo=UTC),
    ]


def test_pause_then_resume(chat):
    chat.say("remind me at 11am")
    chat.say("pause reminders")
    assert chat.stored() == [("11:00", "0123456", None, True)]  # nothing due while paused
    assert "on again" in chat.say("resume reminders")
    assert chat.stored() == [("11:00", "0123456", dt.datetime(2026, 12, 4, 11, 0, tzinfo=UTC), False)]


def test_stop_all(chat):
    chat.say("remind me at 11 and 4")
    assert "no more reminders" in chat.say("stop all reminders").lower()
    assert chat.times() == []
    assert "don't have any" in chat.say("stop all reminders")


def test_in_two_hours_fires_once(chat):
    assert "today at 15:00" in chat.say("in 2 hours")
    [(local_time, _days, fire, _paused)] = chat.stored()
    assert (local_time, fire) == ("15:00", dt.datetime(2026, 12, 3, 15, 0, tzinfo=UTC))
    with session_scope(chat.db) as s:
        user = repo.get_or_create_user(s, "web", "person")
        reminders.advance(reminders.active_reminders(s, user)[0], user, fire)
    assert chat.stored() == []


def test_seven_is_asked_and_the_button_sets_it(chat):
    reply = chat.say("remind me at 7")
    assert "07:00" in reply and "19:00" in reply and chat.times() == []
    chat.press("19:00")
    assert chat.times() == ["19:00"]


def test_a_time_in_the_quiet_hours_is_not_set_and_an_earlier_one_is_offered(chat):
    reply = chat.say("remind me at 10pm")
    assert "quiet hours" in reply and chat.times() == []
    chat.press("20:00")
    assert chat.times() == ["20:00"]


def test_at_most_four(chat):
    chat.say("remind me at 9am, 11am, 1pm and 3pm")
    reply = chat.say("remind me at 5pm")
    assert "at most 4" in reply
    assert chat.times() == ["09:00", "11:00", "13:00", "15:00"]


def test_dst_never_shifts_a_ten_oclock_reminder(chat):
    before = dt.datetime(2026, 10, 24, 12, 0, tzinfo=UTC)  # Saturday; clocks go back on Sunday 25 October
    chat.say("remind me at 10am", now=before)
    with session_scope(chat.db) as s:
        user = repo.get_or_create_user(s, "web", "person")
        reminder = reminders.active_reminders(s, user)[0]
        assert reminder.next_fire_at == dt.datetime(2026, 10, 25, 10, 0, tzinfo=UTC)  # 10:00 GMT
        reminders.advance(reminder, user, dt.datetime(2026, 10, 25, 10, 0, tzinfo=UTC))
        assert reminder.next_fire_at == dt.datetime(2026, 10, 26, 10, 0, tzinfo=UTC)
        spring = dt.datetime(2026, 3, 28, 12, 0, tzinfo=UTC)  # clocks go forward on Sunday 29 March
        reminders.advance(reminder, user, spring)
        assert reminder.next_fire_at == dt.datetime(2026, 3, 29, 9, 0, tzinfo=UTC)  # 10:00 BST
