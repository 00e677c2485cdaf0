"""A nudge as the person gets it: today's target named, softer on a flare day, varied, not sent once the activity
is logged; and its answers, pressed or typed: Done logs the planned amount, Later snoozes an hour, Not today is
accepted kindly."""

from __future__ import annotations

import datetime as dt

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.nudges import ActionMovementReminder, ActionReminderDone, ActionReminderLater, ActionReminderNotToday
from api.buttons import nudge_answer
from bot import nudges, reminders
from bot.pacing.engine import DayRecord, PlanDecision
from bot.storage import repo
from bot.storage.db import session_scope
from tests.midday import midday_zone

TODAY = dt.date(2026, 6, 1)
WALK = PlanDecision("walking", TODAY, 12, "progressing", 10, dt.date(2026, 5, 28), "A steady week.")


def test_the_nudge_names_todays_target():
    nudge = nudges.compose([], [WALK], TODAY, "2026-06-01 11")
    assert nudge is not None and "12-minute walk" in nudge.text
    assert (nudge.activity, nudge.minutes) == ("walking", 12)


def test_a_flare_day_asks_for_less_or_a_stretch():
    flare = [DayRecord(TODAY, {}, pain=8, flare=True)]
    nudge = nudges.compose(flare, [WALK], TODAY, "2026-06-01 11")
    assert nudge is not None and "6 minutes of walking" in nudge.text and "stretch" in nudge.text
    assert "flare" in nudge.text and nudge.minutes == 6


def test_the_wording_varies_from_slot_to_slot():
    texts = {
        nudges.compose([], [WALK], TODAY, f"2026-06-{day:02d} {hour}").text for day in (1, 2, 3) for hour in (11, 16)
    }
    assert len(texts) >= 3 and all("12-minute walk" in text for text in texts)


def test_no_nudge_once_the_activity_is_logged_today():
    walked = [DayRecord(TODAY, {"walking": 12.0})]
    assert nudges.compose(walked, [WALK], TODAY, "2026-06-01 16") is None
    yesterday = [DayRecord(TODAY - dt.timedelta(days=1), {"walking": 12.0})]
    assert nudges.compose(yesterday, [WALK], TODAY, "2026-06-01 16") is not None


def test_without_a_plan_the_nudge_is_general():
    nudge = nudges.compose([], [], TODAY, "2026-06-01 11")
    assert nudge is not None and nudge.activity is None and "minutes" in nudge.text


@pytest.mark.parametrize(
    "typed,button",
    [
        ("Done", "/reminder_done"),
        ("done!", "/reminder_done"),
        ("did it", "/reminder_done"),
        ("later", "/reminder_later"),
        ("not now", "/reminder_later"),
        ("Not today", "/reminder_not_today"),
        ("no thanks", "/reminder_not_today"),
    ],
)
def test_typed_answers_stand_for_the_buttons(typed, button):
    offered = [
        '/reminder_done{"nudge_activity":"walking","nudge_minutes":12}',
        "/reminder_later",
        "/reminder_not_today",
    ]
    chosen = nudge_answer(typed, offered)
    assert chosen is not None and chosen.startswith(button)


def test_typed_answers_mean_nothing_without_a_nudge_offered():
    assert nudge_answer("later", ["/checkin_stop"]) is None
    assert nudge_answer("done with the walk and the shopping", ["/reminder_done"]) is None


def _tracker(sender: str, text: str, intent: str, **entities) -> Tracker:
    said = {
        "text": text,
        "intent": {"name": intent, "confidence": 1.0},
        "entities": [{"entity": k, "value": v} for k, v in entities.items()],
    }
    return Tracker(sender, {}, said, [], False, None, {}, "action_listen")


@pytest.fixture
def walker(database_url, monkeypatch):
    """A consented web user whose plan is a 12-minute walk (starting amount)."""
    monkeypatch.setenv("DATABASE_URL", database_url)
    with session_scope(database_url) as s:
        user = repo.get_or_create_user(s, "web", "walker")
        repo.record_consent(s, user)
        user.timezone = midday_zone()
        user.starting_minutes = {"walking": 12}
    return database_url


def _run(action, tracker) -> list[dict]:
    dispatcher = CollectingDispatcher()
    action.run(dispatcher, tracker, {})
    return dispatcher.messages


def _walks(url: str) -> list[int]:
    with session_scope(url) as s:
        return [a.minutes for a in repo.activities(s, repo.get_or_create_user(s, "web", "walker"))]


def test_the_nudge_carries_done_later_and_not_today(walker):
    [message] = _run(ActionMovementReminder(), _tracker("web:walker", "", "movement_reminder"))
    assert "12-minute walk" in message["text"]
    assert [b["title"] for b in message["buttons"]] == ["Done", "Later", "Not today"]
    assert message["buttons"][0]["payload"] == '/reminder_done{"nudge_activity":"walking","nudge_minutes":12}'


def test_done_logs_the_planned_amount_once_and_then_no_more_nudges_today(walker):
    [reply] = _run(
        ActionReminderDone(),
        _tracker("web:walker", "/reminder_done", "reminder_done", nudge_activity="walking", nudge_minutes=12),
    )
    assert "logged 12 minutes of walking" in reply["text"] and "different amount" in reply["text"]
    assert _walks(walker) == [12]
    [again] = _run(ActionReminderDone(), _tracker("web:walker", "done", "reminder_done"))  # typed, a second time
    assert "already in your diary" in again["text"]
    assert _walks(walker) == [12]
    assert _run(ActionMovementReminder(), _tracker("web:walker", "", "movement_reminder")) == []


def test_later_snoozes_an_hour(walker):
    [reply] = _run(ActionReminderLater(), _tracker("web:walker", "later", "reminder_later"))
    with session_scope(walker) as s:
        [snooze] = reminders.active_reminders(s, repo.get_or_create_user(s, "web", "walker"))
        in_an_hour = dt.datetime.now(dt.UTC) + nudges.SNOOZE
        assert snooze.one_off and abs((snooze.next_fire_at - in_an_hour).total_seconds()) < 60
    assert "in an hour" in reply["text"]


def test_not_today_is_accepted_kindly_and_logs_nothing(walker):
    [reply] = _run(ActionReminderNotToday(), _tracker("web:walker", "not today", "reminder_not_today"))
    assert "okay" in reply["text"].lower() and "rest" in reply["text"]
    assert _walks(walker) == []
