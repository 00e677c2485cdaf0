"""Movement reminders in chat: set, list, move, stop one, pause, resume, stop all (bot.reminder_chat does the work).
Firing them is the web app's scheduler (api/scheduler.py)."""

from __future__ import annotations

import datetime as dt

from rasa_sdk import Action
from rasa_sdk.events import SlotSet

from actions.common import entity, intent_of, payload, user_session, user_text
from bot import onboarding, reminder_chat

WAITING_SLOT = "reminder_waiting_for"


class ActionReminders(Action):
    def name(self) -> str:
        return "action_reminders"

    def run(self, dispatcher, tracker, domain):
        words = entity(tracker, "reminder_words")
        text = words if isinstance(words, str) and words.strip() else user_text(tracker)
        intent, _confidence = intent_of(tracker)
        with user_session(tracker) as (session, user):
            if not user.consented:
                dispatcher.utter_message(
                    text="I can send reminders once I'm allowed to keep a little about you. " + onboarding.CONSENT,
                    buttons=onboarding.CONSENT_BUTTONS,
                )
                return []
            reply = reminder_chat.answer(
                session, user, text, dt.datetime.now(dt.UTC), intent, tracker.get_slot(WAITING_SLOT)
            )
        buttons = [
            {"title": title, "payload": payload("set_reminder", reminder_words=said)} for title, said in reply.buttons
        ]
        dispatcher.utter_message(text=reply.text, buttons=buttons or None)
        return [SlotSet(WAITING_SLOT, reply.waiting_for)]
