"""Movement reminders end to end through the web chat: each phrasing people use does what it says to what is stored;
set in chat, fired by the scheduler through Rasa, picked up by the page."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from sqlalchemy import update

from tests.midday import midday_zone

pytestmark = pytest.mark.e2e


@pytest.fixture
def person(chat, stack):
    from bot.storage.db import session_scope
    from bot.storage.models import User

    chat.consent()
    with session_scope(stack.config.database_url) as s:
        s.execute(
            update(User).where(User.channel == "web", User.external_id == chat.sender).values(timezone=midday_zone())
        )
    return chat


def _active(stored, chat) -> list[tuple[str, str, bool]]:
    return sorted(
        (r["local_time"], r["weekdays"], r["paused_from"] is not None) for r in stored(chat)["reminders"] if r["active"]
    )


def test_bare_hours_are_daytime_then_listed_moved_and_one_stopped(person, stored):
    person.say("remind me at 11 and 4")
    assert "11:00 and 16:00" in person.text()
    assert _active(stored, person) == [("11:00", "0123456", False), ("16:00", "0123456", False)]
    for question in ("what reminders do I have?", "list my reminders"):
        person.say(question)
        assert "11:00 and 16:00" in person.text()
    assert len(_active(stored, person)) == 2  # listing never deletes
    person.say("move my 11am to 12")
    assert "now at 12:00" in person.text()
    person.say("stop the 4pm one")
    assert "stopped the 16:00 reminder" in person.text()
    assert _active(stored, person) == [("12:00", "0123456", False)]


@pytest.mark.parametrize(
    "said,expected",
    [
        ("remind me to walk at 10am on weekdays", [("10:00", "01234", False)]),
        ("remind me at 3pm on weekdays", [("15:00", "01234", False)]),
        ("every day at 3pm", [("15:00", "0123456", False)]),
        ("reminders at half 2", [("14:30", "0123456", False)]),
        ("remind me at 2 in the afternoon", [("14:00", "0123456", False)]),
        ("twice a day, morning and afternoon", [("09:00", "0123456", False), ("15:00", "0123456", False)]),
    ],
)
def test_setting_in_peoples_words(person, stored, said, expected):
    person.say(said)
    assert "Done" in person.text()
    assert _active(stored, person) == expected


def test_in_two_hours_is_one_nudge(person, stored):
    person.say("remind me in 2 hours")
    assert "one gentle nudge" in person.text()
    [reminder] = [r for r in stored(person)["reminders"] if r["active"]]
    assert reminder["one_off"] is True


def test_four_pm_typed_after_what_time_would_suit_you(person, stored):
    person.say("can you remind me")
    assert "What time would suit you?" in person.text()
    person.say("4pm")
    assert "16:00" in person.text()
    assert _active(stored, person) == [("16:00", "0123456", False)]


def test_an_ambiguous_time_is_asked_with_buttons(person, stored):
    person.say("remind me at 7")
    assert "07:00" in person.text() and "19:00" in person.text()
    assert _active(stored, person) == []
    person.click("19:00")
    assert _active(stored, person) == [("19:00", "0123456", False)]


@pytest.mark.parametrize("pause", ["pause reminders until Monday", "no reminders this weekend"])
def test_pause_then_resume_then_stop_all(person, stored, pause):
    person.say("remind me at 11am")
    person.say(pause)
    assert "no reminders" in person.text().lower() and "resume" in person.text().lower()
    assert _active(stored, person) == [("11:00", "0123456", True)]  # kept, paused
    person.say("resume reminders")
    assert "on again" in person.text()
    assert _active(stored, person) == [("11:00", "0123456", False)]
    person.say("stop all reminders")
    assert "no more reminders" in person.text().lower()
    assert _active(stored, person) == []


def test_set_a_reminder_get_nudged_press_done_then_stop(person, stored, stack):
    from bot.storage.db import session_scope
    from bot.storage.models import Reminder, User

    chat = person
    chat.say("can you remind me to move at 11am and 4pm")
    assert "11:00" in chat.text() and "16:00" in chat.text()
    assert sorted(r["local_time"] for r in stored(chat)["reminders"] if r["active"]) == ["11:00", "16:00"]

    chat.say("I want to start walking again, about 10 minutes")
    with session_scope(stack.config.database_url) as s:  # make one reminder due now
        user_id = s.query(User).filter_by(channel="web", external_id=chat.sender).one().id
        s.execute(
            update(Reminder)
            .where(Reminder.user_id == user_id, Reminder.local_time == "11:00")
            .values(next_fire_at=dt.datetime.now(dt.UTC) - dt.timedelta(minutes=1))
        )
    nudges = []
    for _ in range(30):  # the chat's own browser (its session cookie) picks up the outbox
        nudges += chat.http.get("/webchat/outbox", params={"sender": chat.sender}).json()
        if nudges:
            break
        time.sleep(0.5)
    assert nudges and "10-minute walk" in nudges[0]["text"]  # adapted to the plan
    buttons = nudges[0]["buttons"]
    assert [b["title"] for b in buttons] == ["Done", "Later", "Not today"]
    chat.say(buttons[0]["payload"])  # Done
    assert "logged 10 minutes of walking" in chat.text()
    walks = [(a["activity"], a["minutes"], a["source"]) for a in stored(chat)["activities"]]
    assert walks == [("walking", 10, "reminder")]

    chat.say("please stop reminding me")
    assert "no more reminders" in chat.text().lower()
    assert not any(r["active"] for r in stored(chat)["reminders"])


def test_small_talk_gets_a_short_friendly_redirect(chat):
    chat.say("how are you today?")
    assert "chatbot" in chat.text() and "pacing" in chat.text()
