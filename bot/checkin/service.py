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
    activities: list[tuple[str, int]] = field(default_factory=list)  # (kind, minutes); kind "none" = rested
    day: dt.date | None = None

    def stored_fields(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in ("pain", "fatigue", "sleep_hours", "sleep_quality", "stress", "mood", "flare")
                if getattr(self, k) is not None}

    def empty(self) -> bool:
        return not self.stored_fields() and not self.activities


def record(session: Session, user: User, values: CheckinValues) -> None:
    """Stores the day's check-in (updating the same day, never duplicating it) and its activity entries."""
    day = values.day or dt.date.today()
    fields = values.stored_fields()
    if fields or values.activities:
        repo.save_checkin(session, user, day, fields)
    for kind, minutes in values.activities:
        if kind != "none" and minutes > 0:
            repo.add_activity(session, user, day, kind, minutes)


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
    if values.flare:
        bits.append("flare day")
    elif values.flare is False:
        bits.append("no flare")
    if not bits:
        return "Nothing recorded this time, and that's okay. We can check in whenever you're ready."
    when = "today" if values.day is None or values.day == today else values.day.strftime("%A %-d %B")
    head = "Okay, I've saved what you gave me" if stopped else "Thank you, that's logged"
    return f"{head} for {when}: " + ", ".join(bits) + "."
