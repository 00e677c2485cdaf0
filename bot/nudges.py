"""The words of a movement nudge, from today's pacing plan: it names today's target ("time for your 12-minute
walk"), is softer on a flare day (a smaller amount, or a stretch), varies from one slot to the next, and is not
sent at all once the activity is logged today. Pure: the plan and the diary are handed in."""

from __future__ import annotations

import datetime as dt
import zlib
from dataclasses import dataclass

from bot.pacing.engine import DayRecord, PlanDecision

DONE, LATER, NOT_TODAY = "reminder_done", "reminder_later", "reminder_not_today"
SNOOZE = dt.timedelta(hours=1)

# "walking" -> "walk", for "your 12-minute walk"; other activities are said as "12 minutes of gardening"
_NOUNS = {"walking": "walk", "swimming": "swim", "cycling": "bike ride", "stretching": "stretch", "yoga": "yoga"}

_PLANNED = (
    "Time for your {amount}, if now suits you. Go at a comfortable pace.",
    "A gentle nudge: your {amount} is today's plan. Steady is what counts, not fast.",
    "How about your {amount} now? Stopping at the planned amount is the goal, even on a good day.",
    "Here's your reminder for today's {amount}. Take it easy and listen to your body.",
)
_FLARE = (
    "It's a flare day, so let's keep it small: {plain} is plenty, or a slow stretch instead. Rest counts too.",
    "Go gently today, with the flare: just {plain}, or a few easy stretches. Whatever you manage is enough.",
)
_NO_PLAN = (
    "A gentle nudge for a little movement: a few easy minutes of whatever feels comfortable.",
    "Time for a short, easy bit of movement, if now suits you. A few minutes is enough.",
)


@dataclass(frozen=True)
class Nudge:
    text: str
    activity: str | None  # what Done logs
    minutes: int | None


def amount(activity: str, minutes: int) -> str:
    noun = _NOUNS.get(activity)
    return f"{minutes}-minute {noun}" if noun else f"{minutes} minutes of {activity}"


def _pick(wordings: tuple[str, ...], slot: str) -> str:
    """A different wording from one slot ("2026-06-01 11:00") to the next, the same for a slot sent again."""
    return wordings[zlib.crc32(slot.encode()) % len(wordings)]


def _done_today(records: list[DayRecord], activity: str, today: dt.date) -> bool:
    return any(r.day == today and r.minutes.get(activity, 0) > 0 for r in records)


def _planned(decisions: list[PlanDecision]) -> PlanDecision | None:
    return next((d for d in decisions if d.target_minutes), None)


def _flare_today(records: list[DayRecord], today: dt.date) -> bool:
    return any(r.day == today and r.flare for r in records)


def todays_amount(records: list[DayRecord], decisions: list[PlanDecision], today: dt.date) -> tuple[str, int] | None:
    """(activity, minutes) planned for today, halved on a flare day; None without a plan."""
    planned = _planned(decisions)
    if planned is None or planned.target_minutes is None:
        return None
    target = planned.target_minutes
    return planned.activity, max(2, target // 2) if _flare_today(records, today) else target


def compose(records: list[DayRecord], decisions: list[PlanDecision], today: dt.date, slot: str) -> Nudge | None:
    """Today's nudge, or None when the planned activity (any, without a plan) is already logged today."""
    planned = todays_amount(records, decisions, today)
    if planned is None:
        if any(r.day == today and any(m > 0 for m in r.minutes.values()) for r in records):
            return None
        return Nudge(_pick(_NO_PLAN, slot), None, None)
    activity, minutes = planned
    if _done_today(records, activity, today):
        return None
    wordings = _FLARE if _flare_today(records, today) else _PLANNED
    text = _pick(wordings, slot).format(amount=amount(activity, minutes), plain=f"{minutes} minutes of {activity}")
    return Nudge(text, activity, minutes)


_TYPED = {
    DONE: ("done", "did it", "done it", "i did it", "i've done it", "ive done it", "finished", "all done", "yes done"),
    LATER: ("later", "not now", "in a bit", "snooze", "remind me later", "maybe later", "later please", "not yet"),
    NOT_TODAY: ("not today", "skip today", "not today thanks", "no thanks", "can't today", "cant today", "no"),
}


def typed_answer(text: str) -> str | None:
    """A short typed reply to a nudge ("done", "later", "not today") as the button it stands for."""
    said = " ".join(text.lower().replace("’", "'").strip(" .!?").split())
    return next((f"/{intent}" for intent, replies in _TYPED.items() if said in replies), None)


def done_reply(activity: str | None, minutes: int | None) -> str:
    if activity is None or minutes is None:
        return (
            'Well done for moving today. If you tell me what you did and for how long, for example "I walked '
            "8 minutes\", I'll add it to your diary."
        )
    return (
        f"Well done: I've logged {minutes} minutes of {activity} for today. If it was a different amount, just tell "
        f'me, for example "I did {max(1, minutes - 2)} minutes of {activity}".'
    )


LATER_REPLY = "Of course. I'll nudge you again in an hour."
LATER_QUIET_REPLY = "Of course. It's getting late, so I'll leave it for today: rest well."
NOT_TODAY_REPLY = (
    "That's completely okay. Some days rest is the right choice, and listening to your body is part of pacing. "
    "I'll check in with you next time."
)
