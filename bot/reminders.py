"""Gentle movement reminders at the times a user chooses, kept in our database (Rasa's own reminders live in
memory and are lost on restart). The web app's scheduler fires due ones through Rasa's trigger_intent API."""

from __future__ import annotations

import datetime as dt
import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.clock import safe_zone
from bot.storage.models import Reminder, User

MAX_REMINDERS = 4
NAMED = {
    "morning": "09:00",
    "midday": "12:00",
    "noon": "12:00",
    "lunchtime": "12:30",
    "afternoon": "15:00",
    "evening": "18:00",
}
_TIME = re.compile(r"\b(\d{1,2})(?:[:.h](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?(?=\W|$)", re.I)


def parse_times(text: str) -> list[str]:
    """'remind me at 11am and 4:30pm' -> ['11:00', '16:30']; 'in the morning' -> ['09:00']. Sorted, unique."""
    found: set[str] = set()
    lowered = text.lower()
    for match in _TIME.finditer(lowered):
        hour, minute, suffix = int(match.group(1)), int(match.group(2) or 0), (match.group(3) or "").replace(".", "")
        if minute > 59:
            continue
        if suffix == "pm" and hour < 12:
            hour += 12
        elif suffix == "am" and hour == 12:
            hour = 0
        elif not suffix and not match.group(2) and not re.search(r"\bat\s*$|\band\s*$|,\s*$", lowered[: match.start()]):
            continue  # a bare number that is not "at 11" is more likely minutes or a count
        if 0 <= hour <= 23:
            found.add(f"{hour:02d}:{minute:02d}")
    for word, value in NAMED.items():
        if re.search(rf"\b{word}\b", lowered):
            found.add(value)
    return sorted(found)


def next_fire(local_time: str, timezone: str | None, after: dt.datetime) -> dt.datetime:
    """The next moment (UTC) strictly after `after` when the user's clock shows local_time; DST-safe."""
    zone = safe_zone(timezone)
    hour, minute = (int(x) for x in local_time.split(":"))
    local_after = after.astimezone(zone)
    day = local_after.date()
    for offset in range(3):
        candidate = dt.datetime.combine(day + dt.timedelta(days=offset), dt.time(hour, minute), tzinfo=zone)
        # a time that does not exist (spring forward) is moved by fold handling of zoneinfo to a real instant
        utc = candidate.astimezone(dt.UTC)
        if utc > after:
            return utc
    raise AssertionError("unreachable")


def set_reminders(session: Session, user: User, times: list[str], now: dt.datetime) -> list[Reminder]:
    """Replaces the user's reminders with these times (at most four a day)."""
    stop_reminders(session, user)
    created = []
    for local_time in times[:MAX_REMINDERS]:
        reminder = Reminder(
            user_id=user.id, local_time=local_time, active=True, next_fire_at=next_fire(local_time, user.timezone, now)
        )
        session.add(reminder)
        created.append(reminder)
    session.flush()
    return created


def active_reminders(session: Session, user: User) -> list[Reminder]:
    return list(
        session.scalars(
            select(Reminder).where(Reminder.user_id == user.id, Reminder.active.is_(True)).order_by(Reminder.local_time)
        )
    )


def stop_reminders(session: Session, user: User) -> int:
    reminders = active_reminders(session, user)
    for reminder in reminders:
        reminder.active = False
    return len(reminders)


def due(session: Session, now: dt.datetime, limit: int = 50) -> list[Reminder]:
    """Due reminders, locked against a second scheduler on PostgreSQL (SKIP LOCKED)."""
    query = (
        select(Reminder)
        .where(Reminder.active.is_(True), Reminder.next_fire_at <= now)
        .order_by(Reminder.next_fire_at)
        .limit(limit)
    )
    if session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update(skip_locked=True)
    return list(session.scalars(query))


def mark_fired(session: Session, reminder: Reminder, user: User, now: dt.datetime) -> None:
    """Moves the reminder to its next day; a reminder missed while the server was down fires once, not many times."""
    reminder.next_fire_at = next_fire(reminder.local_time, user.timezone, now)


def describe(times: list[str]) -> str:
    return " and ".join(times)
