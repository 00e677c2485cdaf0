"""The movement nudge the scheduler fires (through Rasa's trigger_intent API), and its three answers: Done (logs
the planned amount), Later (one more nudge in an hour) and Not today (accepted kindly). bot.nudges has the words."""

from __future__ import annotations

import datetime as dt

from rasa_sdk import Action

from actions.common import entity, payload, today_for, user_session
from bot import coach, nudges, reminders
from bot.storage import repo


def nudge_buttons(nudge: nudges.Nudge) -> list[dict[str, str]]:
    done = payload(nudges.DONE, nudge_activity=nudge.activity, nudge_minutes=nudge.minutes) if nudge.activity else None
    return [
        {"title": "Done", "payload": done or payload(nudges.DONE)},
        {"title": "Later", "payload": payload(nudges.LATER)},
        {"title": "Not today", "payload": payload(nudges.NOT_TODAY)},
    ]


def _local_now(user) -> dt.datetime:
    return reminders.to_local(dt.datetime.now(dt.UTC), user.timezone)


class ActionMovementReminder(Action):
    """Fired by our scheduler at the user's chosen time; says nothing when today's activity is already logged."""

    def name(self) -> str:
        return "action_movement_reminder"

    def run(self, dispatcher, tracker, domain):
        with user_session(tracker) as (session, user):
            if not user.consented:
                return []
            today = today_for(user)
            slot = f"{today.isoformat()} {_local_now(user):%H}"
            nudge = nudges.compose(coach.diary(session, user), coach.plans_for_day(session, user, today), today, slot)
        if nudge is None:
            return []
        dispatcher.utter_message(text=nudge.text, buttons=nudge_buttons(nudge))
        return []


class ActionReminderDone(Action):
    def name(self) -> str:
        return "action_reminder_done"

    def run(self, dispatcher, tracker, domain):
        activity, minutes = entity(tracker, "nudge_activity"), entity(tracker, "nudge_minutes")
        with user_session(tracker) as (session, user):
            if not user.consented:
                return []
            today = today_for(user)
            if not (isinstance(activity, str) and isinstance(minutes, int)):  # typed: today's planned amount
                planned = nudges.todays_amount(
                    coach.diary(session, user), coach.plans_for_day(session, user, today), today
                )
                activity, minutes = planned if planned else (None, None)
            logged = any(
                a.day == today and a.source == "reminder" and a.activity == activity
                for a in repo.activities(session, user, today)
            )
            if activity and minutes and not logged:
                repo.add_activity(session, user, today, activity, int(minutes), source="reminder")
        if logged:
            dispatcher.utter_message(text=f"That's already in your diary for today: {activity}. Nicely done.")
        else:
            dispatcher.utter_message(text=nudges.done_reply(activity, minutes))
        return []


class ActionReminderLater(Action):
    def name(self) -> str:
        return "action_reminder_later"

    def run(self, dispatcher, tracker, domain):
        now = dt.datetime.now(dt.UTC)
        with user_session(tracker) as (session, user):
            if not user.consented:
                return []
            later = now + nudges.SNOOZE
            quiet = reminders.in_quiet_hours(f"{reminders.to_local(later, user.timezone):%H:%M}")
            if not quiet:
                reminders.add_one_off(session, user, later)
        dispatcher.utter_message(text=nudges.LATER_QUIET_REPLY if quiet else nudges.LATER_REPLY)
        return []


class ActionReminderNotToday(Action):
    def name(self) -> str:
        return "action_reminder_not_today"

    def run(self, dispatcher, tracker, domain):
        dispatcher.utter_message(text=nudges.NOT_TODAY_REPLY)
        return []
