"""The daily check-in: one message or step by step. Parsing is bot.checkin.parse; storing is bot.checkin.service."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.common import intent_of, is_button_payload, today_for, user_session, user_text
from bot import onboarding
from bot.checkin import parse
from bot.checkin.service import SKIPPED, CheckinValues, fits_in_day, minutes_logged, record, summary, too_long_question
from bot.coach import asks_after_yesterday, checkin_note
from bot.pacing.after_exertion import read_after_exertion

FORM_SLOTS = ("ci_pain", "ci_fatigue", "ci_sleep", "ci_stress", "ci_mood", "ci_activity", "ci_after", "ci_flare")
HELPER_SLOTS = ("ci_day_offset", "ci_last_slot", "ci_stopped", "ci_note")
# Intents that interrupt the check-in (answered, then the check-in resumes) when the text is not an answer.
INTERRUPTIONS = {"faq", "ask_sensation", "help", "triage_answer", "faq_more", "movement_reminder"}
LABELS = {
    "ci_pain": "pain",
    "ci_fatigue": "tiredness",
    "ci_stress": "stress",
    "ci_sleep": "sleep",
    "ci_mood": "mood",
    "ci_activity": "activity",
    "ci_after": "answer about today after yesterday",
    "ci_flare": "flare",
}
STRONG_STOP = re.compile(r"^\W*(stop|later|cancel|quit|exit|enough)\b", re.I)
RANGE_NOTE = "The scale goes from 0 to 10, so I couldn't use {value}. Could you give me a number from 0 to 10?"
SLEEP_NOTE = (
    "A night's sleep is somewhere from 0 to 24 hours, so I couldn't use that. Roughly how many hours did you get?"
)
NON_VALUE_NOTE = "I can only use a plain number of zero or more there (not a minus number). How long was it, roughly?"
OUT_OF_RANGE_FIELDS = {
    "pain": "pain",
    "fatigue": "tiredness",
    "stress": "stress",
    "mood": "mood",
    "sleep_hours": "sleep",
    "sleep_quality": "sleep",
}
NOT_UNDERSTOOD = 'Sorry, I didn\'t quite catch that. You can answer in your own words, tap a button, or say "skip".'


def slots_from_parse(p: parse.CheckinParse) -> dict[str, Any]:
    """The form slots a free-text parse fills."""
    slots: dict[str, Any] = {}
    if p.pain is not None:
        slots["ci_pain"] = p.pain
    if p.fatigue is not None:
        slots["ci_fatigue"] = p.fatigue
    if p.sleep_hours is not None or p.sleep_quality is not None:
        slots["ci_sleep"] = {"hours": p.sleep_hours, "quality": p.sleep_quality}
    if p.stress is not None:
        slots["ci_stress"] = p.stress
    if p.mood is not None:
        slots["ci_mood"] = p.mood
    if p.activities:
        slots["ci_activity"] = [{"kind": a.kind, "minutes": a.minutes} for a in p.activities]
    if p.flare is not None:
        slots["ci_flare"] = p.flare
    return slots


def parse_answer(slot: str, text: str) -> tuple[Any, str | None]:
    """(value, problem) for an answer to the question behind `slot`; value None when nothing usable."""
    if slot in ("ci_pain", "ci_fatigue", "ci_stress"):
        value = parse.parse_scale(text)
        if value == "out_of_range":
            return None, "out_of_range"
        if value is None:
            field = slot.removeprefix("ci_")
            value = getattr(parse.parse_checkin(text), field)
        return value, None
    if slot == "ci_sleep":
        hours, quality = parse.parse_sleep(text)
        if parse.sleep_out_of_range(text):
            return None, "sleep_out_of_range"
        return ({"hours": hours, "quality": quality} if hours is not None or quality is not None else None), None
    if slot == "ci_mood":
        return parse.parse_mood(text), None
    if slot == "ci_activity":
        if parse.activity_out_of_range(text):
            return None, "non_value" if parse.has_non_value(text) else "too_long"
        acts = parse.parse_activity(text)
        return ([{"kind": a.kind, "minutes": a.minutes} for a in acts] or None), None
    if slot == "ci_after":
        return read_after_exertion(text), None
    if slot == "ci_flare":
        value = parse.parse_yes_no(text)
        if value is None:
            value = parse.parse_checkin(text).flare
        return value, None
    return None, None


def values_from_slots(tracker: Tracker, today: dt.date) -> CheckinValues:
    def given(name):
        value = tracker.get_slot(name)
        return None if value in (None, SKIPPED) else value

    sleep = given("ci_sleep") or {}
    offset = tracker.get_slot("ci_day_offset") or 0
    return CheckinValues(
        pain=given("ci_pain"),
        fatigue=given("ci_fatigue"),
        stress=given("ci_stress"),
        mood=given("ci_mood"),
        sleep_hours=sleep.get("hours"),
        sleep_quality=sleep.get("quality"),
        flare=given("ci_flare"),
        post_exertional=given("ci_after"),
        activities=[(a["kind"], int(a["minutes"])) for a in (given("ci_activity") or [])],
        day=today + dt.timedelta(days=int(offset)) if offset in (0, -1) else today,
    )


def looks_like_report(text: str) -> bool:
    """A message that reports at least two check-in fields ("Really low today. Pain 7.") is a check-in."""
    return len(parse.parse_checkin(text).fields() - {"out_of_range"}) >= 2


def problem_note(problem: str, text: str = "") -> str:
    """The kind words back for an answer that can't be stored."""
    if problem == "sleep_out_of_range":
        return SLEEP_NOTE
    if problem == "too_long":
        return too_long_question()
    if problem == "non_value":
        return NON_VALUE_NOTE
    return RANGE_NOTE.format(value=text.strip()[:20])


def out_of_range_note(field: str, text: str) -> str:
    """For a one-message report: which number couldn't be used (the form then asks about it)."""
    if field == "activities":
        return NON_VALUE_NOTE if parse.has_non_value(text) else too_long_question()
    return (
        f"I couldn't use the number for {OUT_OF_RANGE_FIELDS.get(field, field)}: it was outside what's "
        f"possible. I'll ask you about it."
    )


def start_events(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[dict]:
    """Starts a check-in: records what the message already contains, so the form asks only for the rest."""
    reset = [SlotSet(s, None) for s in FORM_SLOTS + HELPER_SLOTS]
    with user_session(tracker) as (_, user):
        consented = user.consented
    if not consented:
        dispatcher.utter_message(text=onboarding.NEEDS_CONSENT)
        dispatcher.utter_message(text=onboarding.CONSENT, buttons=onboarding.CONSENT_BUTTONS)
        return reset + [SlotSet(s, SKIPPED) for s in FORM_SLOTS] + [SlotSet("ci_stopped", "consent")]
    text = "" if is_button_payload(tracker) else user_text(tracker)
    found = parse.parse_checkin(text)
    slots = slots_from_parse(found)
    notes = [out_of_range_note(field, text) for field in found.out_of_range]
    if "ci_activity" in slots:
        with user_session(tracker) as (session, user):
            day = today_for(user) + dt.timedelta(days=found.day_offset)
            acts = [(a.kind, a.minutes) for a in found.activities]
            if not fits_in_day(session, user, day, acts):
                del slots["ci_activity"]
                notes.append(too_long_question(minutes_logged(session, user, day)))
    with user_session(tracker) as (session, user):
        # "anything worse today after yesterday?" only when yesterday went past the plan
        not_asked = found.day_offset != 0 or not asks_after_yesterday(session, user, today_for(user))
    events = reset + [SlotSet(k, v) for k, v in slots.items()]
    if not_asked:
        events.append(SlotSet("ci_after", SKIPPED))
    if found.day_offset == -1:
        events.append(SlotSet("ci_day_offset", -1))
    left = len(FORM_SLOTS) - len(slots) - not_asked
    if slots:
        more = "One more quick question" if left == 1 else f"{left} more quick questions"
        dispatcher.utter_message(
            text=f"Got it. {more}, and you can skip any of them." if left else "Got it, thank you."
        )
    else:
        dispatcher.utter_message(text='Let\'s do a quick check-in. Skip anything you like, or say "stop" at any point.')
    for note in notes:
        dispatcher.utter_message(text=note)
    return events


def checkin_instead(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[dict] | None:
    """Outside a check-in, a typed report ("Really low today. Pain 7.") starts one, whatever the classifier thought."""
    text = tracker.latest_message.get("text") or ""
    if tracker.active_loop_name or text.startswith("/") or not looks_like_report(text):
        return None
    return [*start_events(dispatcher, tracker), FollowupAction("checkin_form")]


class ActionCheckinStart(Action):
    def name(self) -> str:
        return "action_checkin_start"

    def run(self, dispatcher, tracker, domain):
        return start_events(dispatcher, tracker)


class ValidateCheckinForm(Action):
    """Reads each answer with our own parser; handles skip, stop, corrections and kind re-asks."""

    def name(self) -> str:
        return "validate_checkin_form"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[dict]:
        requested = tracker.get_slot("requested_slot")
        if not requested or requested not in FORM_SLOTS:
            return []
        text = user_text(tracker)
        intent, confidence = intent_of(tracker)
        if intent == "movement_reminder" and not text:  # a reminder fired by the scheduler, not an answer
            return []
        missing = [s for s in FORM_SLOTS if tracker.get_slot(s) is None]

        if requested == "ci_flare" and not STRONG_STOP.match(text):
            value, _ = parse_answer(requested, text)  # "not today" answers the flare question, it doesn't stop
            if value is not None:
                return [SlotSet(requested, value), SlotSet("ci_last_slot", requested)]
        if parse.is_stop(text) or (intent == "stop" and confidence > 0.8):
            return [SlotSet(s, SKIPPED) for s in missing] + [SlotSet("ci_stopped", True)]
        if parse.is_skip(text):
            return [SlotSet(requested, SKIPPED), SlotSet("ci_last_slot", requested)]

        last = tracker.get_slot("ci_last_slot")
        correction = parse.parse_correction(text)
        if correction is not None and last:
            value, problem = parse_answer(last, str(correction))
            if value is not None:
                dispatcher.utter_message(text=f"Thanks, I've changed your {LABELS[last]} to {correction}.")
                return [SlotSet(last, value)]

        value, problem = parse_answer(requested, text)
        if value is not None:
            events = [SlotSet(requested, value), SlotSet("ci_last_slot", requested)]
            # An answer can carry more than was asked ("6, and I slept badly"): keep the rest too.
            for slot, extra in slots_from_parse(parse.parse_checkin(text)).items():
                if slot != requested and slot in missing:
                    events.append(SlotSet(slot, extra))
            return events
        if problem is not None:
            dispatcher.utter_message(text=problem_note(problem, text))
            return [SlotSet("ci_note", problem)]
        if intent in INTERRUPTIONS and confidence >= 0.5:
            return []  # not an answer: let the interruption rule answer it, then the form asks again
        dispatcher.utter_message(text=NOT_UNDERSTOOD)
        return [SlotSet("ci_note", "not_understood")]


class ActionCheckinSubmit(Action):
    def name(self) -> str:
        return "action_checkin_submit"

    def run(self, dispatcher, tracker, domain):
        reset = [SlotSet(s, None) for s in FORM_SLOTS + HELPER_SLOTS]
        stopped = tracker.get_slot("ci_stopped")
        if stopped == "consent":
            return reset
        with user_session(tracker) as (session, user):
            today = today_for(user)
            values = values_from_slots(tracker, today)
            too_long = None
            if not values.empty() and not record(session, user, values):
                too_long = too_long_question(minutes_logged(session, user, values.day or today))
                values.activities = []
            note = checkin_note(session, user, today) if not values.empty() else None
        dispatcher.utter_message(text=summary(values, stopped=bool(stopped), today=today))
        if too_long:
            dispatcher.utter_message(text=too_long)
        if note:
            dispatcher.utter_message(text=note)
        return reset
