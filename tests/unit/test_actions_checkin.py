"""The check-in form's validation action on rasa_sdk trackers (no Rasa server needed)."""

from __future__ import annotations

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.checkin import FORM_SLOTS, ValidateCheckinForm, slots_from_parse
from bot.checkin.parse import parse_checkin


def tracker(text: str, requested: str | None, intent: str = "inform", confidence: float = 0.9, **slots) -> Tracker:
    all_slots = dict.fromkeys(FORM_SLOTS) | {"requested_slot": requested, "ci_last_slot": None} | slots
    return Tracker.from_dict(
        {
            "sender_id": "web:test",
            "slots": all_slots,
            "events": [],
            "paused": False,
            "followup_action": None,
            "active_loop": {"name": "checkin_form"},
            "latest_action_name": "action_listen",
            "latest_message": {"text": text, "intent": {"name": intent, "confidence": confidence}, "entities": []},
        }
    )


def run(text, requested, **kw):
    dispatcher = CollectingDispatcher()
    events = ValidateCheckinForm().run(dispatcher, tracker(text, requested, **kw), {})
    return {e["name"]: e["value"] for e in events if e["event"] == "slot"}, [m.get("text") for m in dispatcher.messages]


@pytest.mark.parametrize(
    "text,slot,value",
    [
        ("about a six", "ci_pain", 6),
        ("5 or 6", "ci_fatigue", 6),
        ("seven out of ten", "ci_stress", 7),
        ("half an hour of walking", "ci_activity", [{"kind": "walking", "minutes": 30}]),
        ("nothing today", "ci_activity", [{"kind": "none", "minutes": 0}]),
        ("no flare", "ci_flare", False),
        ("yes flare", "ci_flare", True),
        ("mood low", "ci_mood", "low"),
        ("worse today", "ci_after", True),
        ("about the same", "ci_after", False),
    ],
)
def test_answers_in_words_fill_the_question_asked(text, slot, value):
    slots, _ = run(text, slot)
    assert slots[slot] == value
    assert slots["ci_last_slot"] == slot


def test_sleep_answer_keeps_hours_and_quality():
    slots, _ = run("about 5 hours, badly", "ci_sleep")
    assert slots["ci_sleep"] == {"hours": 5.0, "quality": "poor"}


def test_skip_records_nothing_for_that_question():
    slots, _ = run("don't know", "ci_stress")
    assert slots["ci_stress"] == "skipped"


def test_stop_skips_everything_left_and_marks_the_form_stopped():
    slots, _ = run("later", "ci_sleep", ci_pain=5, ci_fatigue=6)
    assert slots["ci_stopped"] is True
    assert {k for k, v in slots.items() if v == "skipped"} == {
        "ci_sleep",
        "ci_stress",
        "ci_mood",
        "ci_activity",
        "ci_after",
        "ci_flare",
    }


def test_correction_changes_the_last_answer_not_the_current_question():
    slots, messages = run("actually make that 7", "ci_fatigue", ci_pain=6, ci_last_slot="ci_pain")
    assert slots == {"ci_pain": 7}
    assert "changed" in messages[0]


def test_out_of_range_gets_a_kind_reask_and_stores_nothing():
    slots, messages = run("15", "ci_pain")
    assert "ci_pain" not in slots
    assert "0 to 10" in messages[0]


def test_an_answer_that_says_more_keeps_the_rest_too():
    slots, _ = run("6, and I slept badly", "ci_pain")
    assert slots["ci_pain"] == 6
    assert slots["ci_sleep"]["quality"] == "poor"


def test_a_question_mid_checkin_is_left_to_the_interruption_rule():
    slots, messages = run("why is pacing important?", "ci_fatigue", intent="faq", confidence=0.95)
    assert slots == {} and messages == []  # the form rejects, the FAQ rule answers, the form asks again


def test_gibberish_gets_a_gentle_reask():
    slots, messages = run("blorp", "ci_mood", intent="nlu_fallback", confidence=0.3)
    assert "ci_mood" not in slots
    assert "skip" in messages[0]


def test_one_message_report_prefills_the_form():
    slots = slots_from_parse(parse_checkin("pain 6 today, wiped out, slept about 5 hrs badly, walked 15 mins"))
    assert slots == {
        "ci_pain": 6,
        "ci_fatigue": 8,
        "ci_sleep": {"hours": 5.0, "quality": "poor"},
        "ci_activity": [{"kind": "walking", "minutes": 15}],
    }


@pytest.mark.parametrize("text,value", [("not today", False), ("no not today", False), ("a bit, yes", True)])
def test_flare_answers_that_sound_like_stopping_still_answer(text, value):
    slots, _ = run(text, "ci_flare", ci_pain=5)
    assert slots["ci_flare"] is value and "ci_stopped" not in slots


def test_a_range_answer_takes_the_higher_number():
    slots, _ = run("3-4", "ci_stress")
    assert slots["ci_stress"] == 4
