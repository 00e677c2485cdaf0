"""Recording a check-in and describing it back: the core behind the chat's check-in."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from bot.storage import repo
from bot.storage.models import User

SKIPPED = "skipped"
SCALE_FIELDS = ("pain", "fatigue", "stress")
MAX_DAY_MINUTES = 16 * 60  # all of a day's activities together, across every check-in that day


@dataclass
class CheckinValues:
    """What a check-in collected; None means not given (skipped or never asked)."""

    pain: int | None = None
    fatigue: int | None = None
    sleep_hours: float | None = None
    sleep_quality: str | None = None
    stress: int | None = None
    mood: str | None = None
    flare: bool | None = None
    post_exertional: bool | None = None  # worse today after doing more than planned yesterday
    activities: list[tuple[str, int]] = field(default_factory=list)  # (kind, minutes); kind "none" = rested
    day: dt.date | None = None

    def stored_fields(self) -> dict[str, Any]:
        return {
            k: getattr(self, k)
            for k in ("pain", "fatigue", "sleep_hours", "sleep_quality", "stress", "mood", "flare", "post_exertional")
            if getattr(self, k) is not None
        }

    def empty(self) -> bool:
        return not self.stored_fields() and not self.activities


def _new_minutes(activities: list[tuple[str, int]]) -> int:
    return sum(minutes for kind, minutes in activities if kind != "none" and minutes > 0)


def minutes_logged(session: Session, user: User, day: dt.date) -> int:
    """Activity minutes already stored for that day, all activities together."""
    return sum(a.minutes for a in repo.activities(session, user, since=day) if a.day == day)


def fits_in_day(session: Session, user: User, day: dt.date, activities: list[tuple[str, int]]) -> bool:
    """Whether these activities, with what the day already holds, stay within MAX_DAY_MINUTES."""
    new = _new_minutes(activities)
    return new == 0 or (0 < new <= MAX_DAY_MINUTES and minutes_logged(session, user, day) + new <= MAX_DAY_MINUTES)


def too_long_question(already: int = 0) -> str:
    """The kind question back when a day's activity would pass 16 hours (nothing of it is saved)."""
    if already:
        return (
            f"With the {already} minutes already logged for that day, that's more than 16 hours of activity "
            f"in one day — did you mean a shorter time? I haven't saved it."
        )
    return (
        "That's more than 16 hours of activity in one day — did you mean minutes rather than hours, "
        "or a shorter time? I haven't saved it."
    )


def record(session: Session, user: User, values: CheckinValues) -> bool:
    """Stores the day's check-in (updating the same day, never duplicating it) and its activity entries.

    The activities are left out when the day would then hold more than MAX_DAY_MINUTES; returns False then.
    """
    day = values.day or dt.date.today()
    fields = values.stored_fields()
    fits = fits_in_day(session, user, day, values.activities)
    if fields or (values.activities and fits):
        repo.save_checkin(session, user, day, fields)
    if not fits:
        return False
    for kind, minutes in values.activities:
        if kind != "none" and minutes > 0:
            repo.add_activity(session, user, day, kind, minutes)
    return True


def _describe_sleep(hours: float | None, quality: str | None) -> str | None:
    if hours is None and quality is None:
        return None
    parts = []
    if hours is not None:
        parts.append(f"{hours:g} h")
    if quality:
        parts.append({"good": "slept well", "ok": "so-so", "poor": "poor"}.get(quality, quality))
    return "sleep " + ", ".join(parts)


def summary(values: CheckinValues, *, stopped: bool = False, today: dt.date | None = None) -> str:
    """Two lines: what was recorded (and for which day)."""
    bits = []
    if values.pain is not None:
        bits.append(f"pain {values.pain}/10")
    if values.fatigue is not None:
        bits.append(f"tiredness {values.fatigue}/10")
    sleep = _describe_sleep(values.sleep_hours, values.sleep_quality)
    if sleep:
        bits.append(sleep)
    if values.stress is not None:
        bits.append(f"stress {values.stress}/10")
    if values.mood:
        bits.append(f"mood {values.mood}")
    for kind, minutes in values.activities:
        bits.append("a rest day" if kind == "none" else f"{kind} {minutes} min")
    if values.post_exertional:
        bits.append("worse after yesterday")
    if values.flare:
        bits.append("flare day")
    elif values.flare is False:
        bits.append("no flare")
    if not bits:
        return "Nothing recorded this time, and that's okay. We can check in whenever you're ready."
    when = "today" if values.day is None or values.day == today else values.day.strftime("%A %-d %B")
    head = "Okay, I've saved what you gave me" if stopped else "Thank you, that's logged"
    return f"{head} for {when}: " + ", ".join(bits) + "."
