"""Greeting, consent and the menu."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.common import user_session
from bot import onboarding as text
from bot.storage import repo


class ActionGreet(Action):
    def name(self) -> str:
        return "action_greet"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[dict]:
        with user_session(tracker) as (_, user):
            consented = user.consented
        if consented:
            dispatcher.utter_message(text=text.WELCOME_BACK, buttons=text.MENU_BUTTONS)
        else:
            dispatcher.utter_message(text=text.INTRO)
            dispatcher.utter_message(text=text.CONSENT, buttons=text.CONSENT_BUTTONS)
        return []


class ActionHelp(Action):
    def name(self) -> str:
        return "action_help"

    def run(self, dispatcher, tracker, domain):
        dispatcher.utter_message(text=text.MENU_TEXT, buttons=text.MENU_BUTTONS)
        return []


class ActionConsentAgree(Action):
    def name(self) -> str:
        return "action_consent_agree"

    def run(self, dispatcher, tracker, domain):
        """Consent counts only as the answer to the consent message this person was just shown (its buttons are
        what the app recorded as offered with the last reply); a bare "I agree" out of the blue shows it first."""
        with user_session(tracker) as (session, user):
            shown = text.CONSENT_AGREE in repo.offered_payloads(session, user)
            if shown:
                repo.record_consent(session, user)
        if not shown:
            dispatcher.utter_message(text=text.CONSENT, buttons=text.CONSENT_BUTTONS)
            return []
        dispatcher.utter_message(text=text.CONSENT_THANKS, buttons=text.MENU_BUTTONS)
        return []


class ActionConsentDecline(Action):
    def name(self) -> str:
        return "action_consent_decline"

    def run(self, dispatcher, tracker, domain):
        with user_session(tracker) as (_session, user):
            user.consent_at = None
            user.consent_version = None
        dispatcher.utter_message(text=text.CONSENT_DECLINED)
        return []
