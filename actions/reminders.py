"""Movement reminders: set, list and stop them in chat. Firing them is the web app's scheduler (api/scheduler.py)."""

from __future__ import annotations

import datetime as dt

from rasa_sdk import Action

from actions.common import user_session, user_text
from bot import onboarding, reminders


class ActionSetReminder(Action):
    def name(self) -> str:
        return "action_set_reminder"

    def run(self, dispatcher, tracker, domain):
        times = reminders.parse_times(user_text(tracker))
        with user_session(tracker) as (session, user):
            if not user.consented:
                dispatcher.utter_message(
                    text="I can send reminders once I'm allowed to keep a little about you. " + onboarding.CONSENT,
                    buttons=onboarding.CONSENT_BUTTONS,
                )
                return []
            if not times:
                current = [r.local_time for r in reminders.active_reminders(session, user)]
                now = f" Right now I remind you at {reminders.describe(current)}." if current else ""
                dispatcher.utter_message(
                    text='What time would suit you? For example "remind me at 11am and 4pm".' + now
                )
                return []
            created = reminders.set_reminders(session, user, times, dt.datetime.now(dt.UTC))
            kept = [r.local_time for r in created]
            zone = user.timezone
        extra = f" (I keep at most {reminders.MAX_REMINDERS} a day)" if len(times) > len(kept) else ""
        dispatcher.utter_message(
            text=(
                f"Done: I'll send you a gentle nudge to move at {reminders.describe(kept)} "
                f"every day ({zone} time){extra}. On flare days the nudge will be extra gentle. "
                'Say "stop reminders" any time.'
            )
        )
        return []


class ActionStopReminders(Action):
    def name(self) -> str:
        return "action_stop_reminders"

    def run(self, dispatcher, tracker, domain):
        with user_session(tracker) as (session, user):
            stopped = reminders.stop_reminders(session, user)
        dispatcher.utter_message(text="Okay, no more reminders." if stopped else "You don't have any reminders set.")
        return []
