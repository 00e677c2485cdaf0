"""The triage action on rasa_sdk trackers: follow-ups, typed answers, and the outcome payload."""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.triage import ActionTriage


def tracker(text, intent="ask_sensation", slots=None, asked_before=False, entities=()):
    events = []
    if asked_before:
        events = [
            {"event": "user", "text": "earlier"},
            {"event": "action", "name": "action_triage"},
            {"event": "action", "name": "action_listen"},
        ]
    events.append({"event": "user", "text": text})
    return Tracker.from_dict(
        {
            "sender_id": "web:triage-test",
            "slots": {"triage_text": None, "triage_answers": None, **(slots or {})},
            "events": events,
            "paused": False,
            "followup_action": None,
            "active_loop": {},
            "latest_action_name": "action_listen",
            "latest_message": {"text": text, "intent": {"name": intent, "confidence": 0.9}, "entities": list(entities)},
        }
    )


def run(t):
    d = CollectingDispatcher()
    events = ActionTriage().run(d, t, {})
    return d.messages, {e["name"]: e["value"] for e in events if e["event"] == "slot"}


def test_a_typed_answer_that_does_not_answer_is_not_asked_again(monkeypatch, tmp_path):
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 't.db'}")
    from bot.storage.db import migrate

    migrate()
    messages, slots = run(tracker("my knee is a bit sore after the walk"))
    first_question = messages[0]["text"]
    assert messages[0]["buttons"] and slots["triage_answers"]["_pending"]
    messages, slots = run(tracker("it's getting worse", intent="triage_answer", slots=slots, asked_before=True))
    assert messages[0]["text"] != first_question
    if messages[0].get("custom"):
        assert messages[0]["custom"]["triage"]["level"] in ("assess", "stop")  # unsure leans to caution


def test_an_emergency_outcome_carries_the_payload_and_the_number(monkeypatch, tmp_path):
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 't.db'}")
    from bot.storage.db import migrate

    migrate()
    messages, _ = run(tracker("I passed out after my walk and my chest is tight"))
    assert messages[0]["custom"] == {"triage": {"level": "stop", "emergency": True}}
    assert "112" in messages[0]["text"] or "911" in messages[0]["text"] or "999" in messages[0]["text"]


def test_a_new_question_later_is_not_taken_for_an_old_answer(monkeypatch, tmp_path):
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 't.db'}")
    from bot.storage.db import migrate

    migrate()
    _, slots = run(tracker("my knee is a bit sore after the walk"))
    messages, _ = run(tracker("my calves burn while I walk but it stops when I rest", slots=slots, asked_before=False))
    assert messages[0]["custom"]["triage"] == {"level": "normal", "emergency": False}
