"""'Is this sensation after exercise normal?': hurt-versus-harm triage by the rules in bot.triage."""

from __future__ import annotations

from rasa_sdk import Action
from rasa_sdk.events import SlotSet

from actions.common import entity, intent_of, is_button_payload, payload, user_session, user_text
from bot.safety.replies import emergency_reply
from bot.storage import repo
from bot.triage.rules import FollowUp, Outcome, triage

DESCRIBE = (
    "Tell me what you're feeling, in your own words: where it is, what it feels like, and when it started "
    '(for example "my calves burn after 10 minutes of walking").'
)


def asked_last_turn(tracker) -> bool:
    """Whether the bot's last action before this message was a triage follow-up question."""
    seen_user = False
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            if seen_user:
                return False
            seen_user = True
        elif seen_user and event.get("event") == "action" and event.get("name") not in ("action_listen", None):
            return event.get("name") == "action_triage"
    return False


class ActionTriage(Action):
    def name(self) -> str:
        return "action_triage"

    def run(self, dispatcher, tracker, domain):
        intent, _ = intent_of(tracker)
        text = tracker.get_slot("triage_text") or ""
        answers = dict(tracker.get_slot("triage_answers") or {})
        pending = answers.pop("_pending", None)
        hint = answers.pop("_hint", None)
        if not asked_last_turn(tracker):
            pending = hint = None
        key, value = entity(tracker, "triage_key"), entity(tracker, "triage_value")
        said = entity(tracker, "said")  # the person's words, when the web app routed them here (see api/conversation)
        words = str(said).strip() if said else user_text(tracker)
        typed = None

        if intent == "triage_answer" and key and value:
            answers[str(key)] = str(value)
        elif not said and is_button_payload(tracker):
            dispatcher.utter_message(text=DESCRIBE)
            return [SlotSet("triage_text", None), SlotSet("triage_answers", None)]
        elif pending and text:
            typed = words  # a typed answer to our follow-up question (the rules read loose text)
            answers[pending] = typed
            text = f"{text}. {typed}"
        else:
            text, answers, hint = words, {}, entity(tracker, "hint")

        if not text:
            dispatcher.utter_message(text=DESCRIBE)
            return [SlotSet("triage_text", None), SlotSet("triage_answers", None)]

        result = triage(text, answers, hint=hint)
        if isinstance(result, FollowUp) and typed is not None and result.key == pending:
            answers[pending] = "unsure"  # not an answer to that question: don't ask it again, lean to caution
            result = triage(text, answers, hint=hint)
        if isinstance(result, FollowUp):
            dispatcher.utter_message(
                text=result.question,
                buttons=[
                    {"title": title, "payload": payload("triage_answer", triage_key=result.key, triage_value=value)}
                    for title, value in result.options
                ],
            )
            return [
                SlotSet("triage_text", text),
                SlotSet("triage_answers", {**answers, "_pending": result.key, "_hint": hint}),
            ]

        assert isinstance(result, Outcome)
        with user_session(tracker) as (session, user):
            repo.record_event(
                session, user, "triage", level=result.level, emergency=result.emergency, rules=result.rules, text=text
            )
            country = user.country
        message = emergency_reply(country, result.rules) if result.emergency else result.message
        dispatcher.utter_message(
            text=message, json_message={"triage": {"level": result.level, "emergency": result.emergency}}
        )
        return [SlotSet("triage_text", None), SlotSet("triage_answers", None)]
