"""Gentle movement reminders at the times a user chooses, kept in our database (Rasa's own reminders live in
memory and are lost on restart): set, list, move, stop one, pause, resume, stop all. When one is next due is
worked out on the user's own wall clock with dateutil's rrule (the days it repeats on, DST-safe through zoneinfo)
and skips any pause. Firing them is api/scheduler.py, through bot.reminder_deliveries (exactly once)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dateutil.rrule import DAILY, rrule
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.clock import safe_zone
from bot.storage.models import Reminder, User

MAX_REMINDERS = 4
EVERY_DAY = "0123456"
WEEKDAYS = "01234"
WEEKEND = "56"
DAY_NAMES = ("Mondays", "Tuesdays", "Wednesdays", "Thursdays", "Fridays", "Saturdays", "Sundays")
_LOOK_AHEAD = 400  # occurrences looked through for one outside a pause
QUIET_START, QUIET_END = 21, 8  # nothing is sent from 21:00 until 08:00 on the user's clock


def in_quiet_hours(local_time: str) -> bool:
    """ "HH:MM" on the user's clock falls in the quiet hours."""
    hour = int(local_time.split(":")[0])
    return hour >= QUIET_START or hour < QUIET_END


def to_utc(local: dt.datetime, timezone: str | None) -> dt.datetime:
    """A wall-clock time in the user's zone as UTC (a time skipped by the clocks going forward is moved on)."""
    return local.replace(tzinfo=safe_zone(timezone)).astimezone(dt.UTC)


def to_local(moment: dt.datetime, timezone: str | None) -> dt.datetime:
    return moment.astimezone(safe_zone(timezone)).replace(tzinfo=None)


def _paused_at(reminder: Reminder, moment: dt.datetime) -> bool:
    if reminder.paused_from is None or moment < reminder.paused_from:
        return False
    return reminder.paused_until is None or moment < reminder.paused_until


def next_fire(
    local_time: str,
    timezone: str | None,
    after: dt.datetime,
    weekdays: str = EVERY_DAY,
    reminder: Reminder | None = None,
) -> dt.datetime | None:
    """The next moment (UTC) strictly after `after` when the user's clock shows local_time on one of the weekdays,
    outside the reminder's pause; None when there is none (paused until resumed)."""
    hour, minute = (int(x) for x in local_time.split(":"))
    days = [int(d) for d in weekdays if d.isdigit() and int(d) < 7] or list(range(7))
    local_after = to_local(after, timezone)
    start = dt.datetime.combine(local_after.date() - dt.timedelta(days=1), dt.time(0, 0))
    rule = rrule(DAILY, dtstart=start, byweekday=days, byhour=hour, byminute=minute, bysecond=0, count=_LOOK_AHEAD)
    for local in rule:
        moment = to_utc(local, timezone)
        if moment > after and (reminder is None or not _paused_at(reminder, moment)):
            return moment
    return None


def _schedule(reminder: Reminder, user: User, after: dt.datetime) -> None:
    reminder.next_fire_at = next_fire(reminder.local_time, user.timezone, after, reminder.weekdays, reminder)


def active_reminders(session: Session, user: User) -> list[Reminder]:
    return list(
        session.scalars(
            select(Reminder)
            .where(Reminder.user_id == user.id, Reminder.active.is_(True))
            .order_by(Reminder.local_time, Reminder.id)
        )
    )


@dataclass(frozen=True)
class Added:
    reminders: list[Reminder]
    left_out: list[str]  # times over the limit of MAX_REMINDERS


def add_reminders(session: Session, user: User, times: list[str], now: dt.datetime, weekdays: str = EVERY_DAY) -> Added:
    """Adds these daily times (a time already set takes the new days); at most MAX_REMINDERS in all."""
    current = {r.local_time: r for r in active_reminders(session, user) if not r.one_off}
    touched: list[Reminder] = []
    left_out: list[str] = []
    for local_time in times:
        reminder = current.get(local_time)
        if reminder is None:
            if len(current) >= MAX_REMINDERS:
                left_out.append(local_time)
                continue
            reminder = Reminder(user_id=user.id, local_time=local_time, active=True)
            session.add(reminder)
            current[local_time] = reminder
        reminder.weekdays = weekdays
        _schedule(reminder, user, now)
        touched.append(reminder)
    session.flush()
    return Added(touched, left_out)


def set_reminders(
    session: Session, user: User, times: list[str], now: dt.datetime, weekdays: str = EVERY_DAY
) -> list[Reminder]:
    """Replaces the user's reminders with these times."""
    stop_reminders(session, user)
    return add_reminders(session, user, times, now, weekdays).reminders


def add_one_off(session: Session, user: User, at: dt.datetime) -> Reminder:
    """One reminder at a moment (UTC), then it ends."""
    local = to_local(at, user.timezone)
    reminder = Reminder(user_id=user.id, local_time=f"{local:%H:%M}", active=True, one_off=True, next_fire_at=at)
    session.add(reminder)
    session.flush()
    return reminder


def find(session: Session, user: User, local_time: str) -> Reminder | None:
    return next((r for r in active_reminders(session, user) if r.local_time == local_time), None)


def move_reminder(session: Session, reminder: Reminder, user: User, local_time: str, now: dt.datetime) -> Reminder:
    """The reminder now fires at local_time, on the same days; one already there is folded into it."""
    clash = find(session, user, local_time)
    if clash is not None and clash.id != reminder.id:
        clash.active = False
    reminder.local_time = local_time
    _schedule(reminder, user, now)
    session.flush()
    return reminder


def stop_reminder(reminder: Reminder) -> None:
    reminder.active = False


def stop_reminders(session: Session, user: User) -> int:
    reminders = active_reminders(session, user)
    for reminder in reminders:
        reminder.active = False
    return len(reminders)


def pause_reminders(
    session: Session,
    user: User,
    now: dt.datetime,
    until: dt.datetime | None = None,
    start: dt.datetime | None = None,
    reason: str = "asked",
) -> int:
    """No reminders from `start` (now) until `until` (UTC; None: until resumed). Returns how many were paused."""
    reminders = active_reminders(session, user)
    for reminder in reminders:
        reminder.paused_from, reminder.paused_until, reminder.pause_reason = start or now, until, reason
        _schedule(reminder, user, now)
    return len(reminders)


def resume_reminders(session: Session, user: User, now: dt.datetime, reasons: tuple[str, ...] | None = None) -> int:
    """Ends a pause (only one made for one of `reasons`, when given). Returns how many were resumed."""
    paused = [r for r in active_reminders(session, user) if r.paused_from is not None]
    resumed = 0
    for reminder in paused:
        if reasons is not None and reminder.pause_reason not in reasons:
            continue
        reminder.paused_from = reminder.paused_until = reminder.pause_reason = None
        _schedule(reminder, user, now)
        resumed += 1
    return resumed


def paused_until(reminders: list[Reminder], now: dt.datetime) -> tuple[bool, dt.datetime | None]:
    """(is a pause on or ahead, when it ends: None for until resumed)."""
    pauses = [r for r in reminders if r.paused_from is not None and (r.paused_until is None or r.paused_until > now)]
    if not pauses:
        return False, None
    ends = [r.paused_until for r in pauses]
    return True, None if any(end is None for end in ends) else max(e for e in ends if e is not None)


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


def advance(reminder: Reminder, user: User, now: dt.datetime) -> None:
    """Moves the reminder past `now`: a one-off ends; a missed day fires once at most, never many times."""
    if reminder.one_off:
        reminder.active = False
        reminder.next_fire_at = None
        return
    _schedule(reminder, user, now)


def days_phrase(weekdays: str) -> str:
    if weekdays in ("", EVERY_DAY):
        return "every day"
    if weekdays == WEEKDAYS:
        return "on weekdays"
    if weekdays == WEEKEND:
        return "at weekends"
    names = [DAY_NAMES[int(d)] for d in weekdays if d.isdigit() and int(d) < 7]
    return "on " + (", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else names[0])


def describe(reminders: list[Reminder]) -> str:
    """ "11:00 and 16:00 every day, 15:00 on weekdays" (one-offs as "once at 15:30")."""
    groups: dict[str, list[str]] = {}
    for reminder in sorted(reminders, key=lambda r: r.local_time):
        key = "once" if reminder.one_off else days_phrase(reminder.weekdays)
        groups.setdefault(key, []).append(reminder.local_time)
    parts = []
    for key, times in groups.items():
        joined = ", ".join(times[:-1]) + " and " + times[-1] if len(times) > 1 else times[0]
        parts.append(f"once at {joined}" if key == "once" else f"{joined} {key}")
    return "; ".join(parts)
