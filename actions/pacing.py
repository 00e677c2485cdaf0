"""Pacing in chat: today's plan, the week, starting an activity, the pace. The rules live in bot.pacing."""

from __future__ import annotations

import re

from rasa_sdk import Action

from actions.common import file_owner, intent_of, today_for, user_session, user_text
from bot import coach, onboarding
from bot.charts import week_chart
from bot.checkin import parse
from bot.files import publish
from bot.pacing.summary import weekly_summary

MORE_ON_GOOD_DAYS = (
    "I'm really glad you feel good today. Doing a lot more on good days is how the boom-and-bust "
    "cycle starts, so let's bank today's energy and keep to the plan. The steady weeks are what "
    "earn the next step up."
)
NO_CONSENT = "I can make you a plan once I'm allowed to keep your check-ins. " + onboarding.CONSENT
MIN_START, MAX_START = 1, 60


def consent_prompt(dispatcher) -> list:
    dispatcher.utter_message(text=NO_CONSENT, buttons=onboarding.CONSENT_BUTTONS)
    return []


class ActionPlanToday(Action):
    def name(self) -> str:
        return "action_plan_today"

    def run(self, dispatcher, tracker, domain):
        with user_session(tracker) as (session, user):
            if not user.consented:
                return consent_prompt(dispatcher)
            text = coach.plan_text(session, user, today_for(user))
        if intent_of(tracker)[0] == "ask_more":
            text = MORE_ON_GOOD_DAYS + "\n" + text
        dispatcher.utter_message(text=text)
        return []


class ActionProgress(Action):
    def name(self) -> str:
        return "action_progress"

    def run(self, dispatcher, tracker, domain):
        with user_session(tracker) as (session, user):
            if not user.consented:
                return consent_prompt(dispatcher)
            today = today_for(user)
            records = coach.recent(session, user, today)
            week = weekly_summary(records, today)
            png = week_chart(records, today)  # draws the last seven of those days
            owner, web_sender = file_owner(user)
        dispatcher.utter_message(text=week.text)
        if png:
            url = publish({"week.png": png}, owner=owner, web_sender=web_sender)["week.png"]
            dispatcher.utter_message(
                image=url, json_message={"alt": "Chart of pain, tiredness and activity minutes per day this week"}
            )
        return []


class ActionStartActivity(Action):
    """'I want to start walking again (about 10 minutes)': sets the user's own starting amount within safe bounds."""

    def name(self) -> str:
        return "action_start_activity"

    def run(self, dispatcher, tracker, domain):
        text = user_text(tracker)
        with user_session(tracker) as (session, user):
            if not user.consented:
                return consent_prompt(dispatcher)
            acts = [a for a in parse.parse_activity(text) if a.kind not in ("none", "other")]
            kind = acts[0].kind if acts else coach.DEFAULT_ACTIVITY
            minutes = (acts[0].minutes if acts and acts[0].minutes else None) or parse.parse_duration_minutes(text)
            if minutes is None:
                m = re.search(r"\b(\d{1,3})\b", text)
                minutes = int(m.group(1)) if m else None
            if minutes is None:
                dispatcher.utter_message(
                    text=(
                        f"Lovely, let's build up {kind} gently. How many minutes could you manage "
                        f'comfortably even on a harder day? Tell me like "I want to start {kind}, '
                        'about 5 minutes". Starting small is the whole trick.'
                    )
                )
                return []
            start = max(MIN_START, min(MAX_START, int(minutes)))
            user.starting_minutes = {**(user.starting_minutes or {}), kind: start}
            note = "" if start == minutes else f" (I've kept it to {start}, a safer place to begin)"
            plan = coach.plan_text(session, user, today_for(user))
        dispatcher.utter_message(
            text=f"Great choice. We'll start {kind} at {start} minutes a day{note}, and hold it "
            "for a week before building up.\n" + plan
        )
        return []


class ActionSetPace(Action):
    def name(self) -> str:
        return "action_set_pace"

    def run(self, dispatcher, tracker, domain):
        text = user_text(tracker).lower()
        if re.search(r"slow|gentl|easier|too fast|too quick", text):
            pace = "slower"
        elif re.search(r"fast|quick|speed|too easy|more challeng", text):
            pace = "faster"
        else:
            pace = "normal"
        with user_session(tracker) as (_session, user):
            if not user.consented:
                return consent_prompt(dispatcher)
            user.pace = pace
        replies = {
            "slower": "Done: we'll build up more gently, in smaller steps. Slow and steady is a good way to go.",
            "faster": (
                "Okay: when a week goes steadily, we'll take slightly bigger steps, still within safe limits. "
                "A flare will still bring us back a step for a week."
            ),
            "normal": "Okay: back to the usual pace, about 10% more after each steady week.",
        }
        dispatcher.utter_message(text=replies[pace])
        return []
