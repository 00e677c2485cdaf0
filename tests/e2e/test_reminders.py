"""Movement reminders end to end: set in chat, stored, fired by the scheduler through Rasa, picked up by the page."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from sqlalchemy import update

pytestmark = pytest.mark.e2e


def test_set_a_reminder_get_nudged_then_stop(chat, stored, stack):
    from bot.storage.db import session_scope
    from bot.storage.models import Reminder, User

    chat.consent()
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
    assert nudges and "nudge" in nudges[0]["text"].lower()
    assert "10 minutes of walking" in nudges[0]["text"]  # adapted to the plan

    chat.say("please stop reminding me")
    assert "no more reminders" in chat.text().lower()
    assert not any(r["active"] for r in stored(chat)["reminders"])


def test_small_talk_gets_a_short_friendly_redirect(chat):
    chat.say("how are you today?")
    assert "chatbot" in chat.text() and "pacing" in chat.text()
