"""FAQ answers from the knowledge base (knowledge/faq), chosen by Rasa's response selector or a topic button."""

from __future__ import annotations

from rasa_sdk import Action

from actions.checkin import checkin_instead
from actions.common import entity, payload, user_session
from bot.knowledge import load_knowledge
from bot.storage import repo

# Below this response-selector confidence the bot says it does not know, instead of guessing.
FAQ_CONFIDENCE = 0.5
FEEDBACK_EVERY = 3
DONT_KNOW = "I don't know that one, and I'd rather not guess about your health."
CLOSEST = " These topics might be close:"
OUT_OF_SCOPE = (
    "That one is outside what I can help with, sorry. I'm here for pacing, daily check-ins, and questions "
    "about living with long-lasting pain. For other medical questions, your doctor, nurse or pharmacist is "
    "the right person."
)
NOTHING_CLOSE = (
    " I'm best at pacing, daily check-ins, and questions about long-lasting pain, movement, sleep and "
    "stress. Your doctor or physio is the right person for the rest."
)


def topic_buttons(topic_ids) -> list[dict]:
    kb = load_knowledge()
    return [
        {"title": topic.title, "payload": payload("faq_topic", faq_topic=t)} for t in topic_ids if (topic := kb.get(t))
    ]


def feedback_buttons(topic_id: str) -> list[dict]:
    return [
        {"title": "Yes, it helped", "payload": payload("faq_feedback", faq_topic=topic_id, helpful="yes")},
        {"title": "Not really", "payload": payload("faq_feedback", faq_topic=topic_id, helpful="no")},
    ]


def selected_topic(tracker) -> tuple[str | None, float]:
    """The topic from a button, or from the response selector's prediction."""
    topic = entity(tracker, "faq_topic")
    if topic:
        return str(topic), 1.0
    selector = (tracker.latest_message.get("response_selector") or {}).get("faq") or {}
    response = selector.get("response") or {}
    key = response.get("intent_response_key") or ""
    return (key.split("/", 1)[1] if "/" in key else None), float(response.get("confidence") or 0.0)


def dont_know(dispatcher, text: str) -> None:
    closest = load_knowledge().closest(text, 3) if text else []
    if closest:
        dispatcher.utter_message(text=DONT_KNOW + CLOSEST, buttons=topic_buttons(t.id for t in closest))
    else:
        dispatcher.utter_message(
            text=DONT_KNOW + NOTHING_CLOSE, buttons=[{"title": "What can you do?", "payload": "/help"}]
        )


class ActionAnswerFaq(Action):
    def name(self) -> str:
        return "action_answer_faq"

    def run(self, dispatcher, tracker, domain):
        checkin = checkin_instead(dispatcher, tracker)
        if checkin is not None:
            return checkin
        topic_id, confidence = selected_topic(tracker)
        topic = load_knowledge().get(topic_id) if topic_id else None
        if topic is None or confidence < FAQ_CONFIDENCE:
            dont_know(dispatcher, tracker.latest_message.get("text") or "")
            return []
        buttons = [{"title": "Tell me more", "payload": payload("faq_more", faq_topic=topic.id)}]
        buttons += topic_buttons(topic.related[:3])
        dispatcher.utter_message(text=topic.answer, buttons=buttons)
        answered = sum(1 for e in tracker.events if e.get("event") == "action" and e.get("name") == "action_answer_faq")
        if answered % FEEDBACK_EVERY == FEEDBACK_EVERY - 1:
            dispatcher.utter_message(text="Was that helpful?", buttons=feedback_buttons(topic.id))
        return []


class ActionFaqMore(Action):
    def name(self) -> str:
        return "action_faq_more"

    def run(self, dispatcher, tracker, domain):
        topic_id, _ = selected_topic(tracker)
        topic = load_knowledge().get(topic_id) if topic_id else None
        if topic is None:
            dispatcher.utter_message(
                text="Which topic would you like to hear more about?",
                buttons=[{"title": "What can you do?", "payload": "/help"}],
            )
            return []
        dispatcher.utter_message(text=topic.more)
        dispatcher.utter_message(
            text="Was that helpful?", buttons=feedback_buttons(topic.id) + topic_buttons(topic.related[:2])
        )
        return []


class ActionFaqFeedback(Action):
    def name(self) -> str:
        return "action_faq_feedback"

    def run(self, dispatcher, tracker, domain):
        topic = entity(tracker, "faq_topic")
        helpful = entity(tracker, "helpful")
        if topic and helpful in ("yes", "no"):
            with user_session(tracker) as (session, user):
                repo.record_faq_feedback(session, user, str(topic)[:64], helpful == "yes")
        reply = (
            "Thank you, I'm glad."
            if helpful == "yes"
            else "Thank you for telling me, it helps me improve. Your doctor or physio can go deeper with you."
        )
        dispatcher.utter_message(text=reply)
        return []


class ActionDefaultFallback(Action):
    """Out of scope or not understood: an honest "I don't know", with the closest topics, never a made-up answer."""

    def name(self) -> str:
        return "action_default_fallback"

    def run(self, dispatcher, tracker, domain):
        text = tracker.latest_message.get("text") or ""
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        checkin = checkin_instead(dispatcher, tracker)
        if checkin is not None:
            return checkin
        if intent in ("inform", "skip", "stop", "correct_value"):
            dispatcher.utter_message(
                text="Okay. Would you like to do a check-in, or something else?",
                buttons=[
                    {"title": "Check in", "payload": "/start_checkin"},
                    {"title": "What can you do?", "payload": "/help"},
                ],
            )
            return []
        if intent == "out_of_scope":
            dispatcher.utter_message(text=OUT_OF_SCOPE, buttons=[{"title": "What can you do?", "payload": "/help"}])
            return []
        dont_know(dispatcher, text)
        return []
