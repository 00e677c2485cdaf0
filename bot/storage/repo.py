"""The queries: each function takes a Session and does one thing the coach needs."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot.identity import split_sender_id
from bot.storage.models import (
    ActivityEntry,
    CheckIn,
    DeadLetter,
    FaqFeedback,
    InboundMessage,
    OfferedButtons,
    OutboxMessage,
    PacingPlan,
    Reminder,
    TriageEvent,
    User,
    utcnow,
)

CONSENT_VERSION = "1"
CHECKIN_FIELDS = ("pain", "fatigue", "sleep_hours", "sleep_quality", "stress", "mood", "flare", "post_exertional")


def get_or_create_user(session: Session, channel: str, external_id: str) -> User:
    user = session.scalar(select(User).where(User.channel == channel, User.external_id == external_id))
    if user is not None:
        return user
    user = User(channel=channel, external_id=external_id)
    try:
        with session.begin_nested():
            session.add(user)
    except IntegrityError:  # created meanwhile by the other process
        user = session.scalars(select(User).where(User.channel == channel, User.external_id == external_id)).one()
    return user


def user_for_sender(session: Session, sender_id: str) -> User:
    return get_or_create_user(session, *split_sender_id(sender_id))


def find_user(session: Session, channel: str, external_id: str) -> User | None:
    return session.scalar(select(User).where(User.channel == channel, User.external_id == external_id))


def record_consent(session: Session, user: User) -> None:
    user.consent_at = utcnow()
    user.consent_version = CONSENT_VERSION


def save_checkin(session: Session, user: User, day: dt.date, values: dict[str, Any]) -> CheckIn:
    """Create or update the user's check-in for that day; only the fields given are changed."""
    checkin = session.scalar(select(CheckIn).where(CheckIn.user_id == user.id, CheckIn.day == day))
    if checkin is None:
        checkin = CheckIn(user_id=user.id, day=day)
        session.add(checkin)
    for name in CHECKIN_FIELDS:
        if name in values and values[name] is not None:
            setattr(checkin, name, values[name])
    session.flush()
    return checkin


def add_activity(
    session: Session, user: User, day: dt.date, activity: str, minutes: int, source: str = "chat"
) -> ActivityEntry:
    entry = ActivityEntry(user_id=user.id, day=day, activity=activity, minutes=minutes, source=source)
    session.add(entry)
    session.flush()
    return entry


def checkins(session: Session, user: User, since: dt.date | None = None) -> list[CheckIn]:
    query = select(CheckIn).where(CheckIn.user_id == user.id)
    if since:
        query = query.where(CheckIn.day >= since)
    return list(session.scalars(query.order_by(CheckIn.day)))


def activities(session: Session, user: User, since: dt.date | None = None) -> list[ActivityEntry]:
    query = select(ActivityEntry).where(ActivityEntry.user_id == user.id)
    if since:
        query = query.where(ActivityEntry.day >= since)
    return list(session.scalars(query.order_by(ActivityEntry.day, ActivityEntry.id)))


def record_event(
    session: Session,
    user: User | None,
    kind: str,
    *,
    level: str | None = None,
    emergency: bool = False,
    rules: Sequence[str] = (),
    text: str | None = None,
) -> TriageEvent:
    """Stores a triage or safety event. The message text is kept only when the user has agreed to storage."""
    keep_text = text if (user is not None and user.consented) else None
    event = TriageEvent(
        user_id=user.id if user else None,
        kind=kind,
        level=level,
        emergency=emergency,
        rules=list(rules),
        text=keep_text,
    )
    session.add(event)
    session.flush()
    return event


def triage_events(session: Session, user: User, since: dt.datetime | None = None) -> list[TriageEvent]:
    """The user's triage and safety events, oldest first; since: a UTC time."""
    query = select(TriageEvent).where(TriageEvent.user_id == user.id)
    if since:
        query = query.where(TriageEvent.created_at >= since)
    return list(session.scalars(query.order_by(TriageEvent.created_at, TriageEvent.id)))


def record_faq_feedback(session: Session, user: User | None, topic: str, helpful: bool) -> None:
    session.add(FaqFeedback(user_id=user.id if user else None, topic=topic, helpful=helpful))


def offered_payloads(session: Session, user: User) -> list[str]:
    row = session.get(OfferedButtons, user.id)
    return list(row.payloads) if row else []


def set_offered_payloads(session: Session, user: User, payloads: Iterable[str]) -> None:
    row = session.get(OfferedButtons, user.id)
    if row is None:
        session.add(OfferedButtons(user_id=user.id, payloads=list(payloads)))
    else:
        row.payloads = list(payloads)


def first_delivery(session: Session, channel: str, message_id: str) -> bool:
    """True the first time a channel's message id is seen; False for a duplicate delivery."""
    try:
        with session.begin_nested():
            session.add(InboundMessage(channel=channel, message_id=message_id[:128]))
        return True
    except IntegrityError:
        return False


def _row(obj: Any, fields: Sequence[str]) -> dict[str, Any]:
    out = {}
    for name in fields:
        value = getattr(obj, name)
        out[name] = value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else value
    return out


def export_user(session: Session, user: User) -> dict[str, Any]:
    """Everything stored about the user, as plain JSON-able data."""
    uid = user.id
    return {
        "user": _row(
            user,
            (
                "channel",
                "external_id",
                "country",
                "timezone",
                "consent_at",
                "consent_version",
                "pace",
                "starting_minutes",
                "created_at",
            ),
        ),
        "checkins": [_row(c, ("day", *CHECKIN_FIELDS, "created_at", "updated_at")) for c in checkins(session, user)],
        "activities": [
            _row(a, ("day", "activity", "minutes", "source", "created_at")) for a in activities(session, user)
        ],
        "pacing_plans": [
            _row(p, ("day", "activity", "target_minutes", "phase", "reason", "created_at"))
            for p in session.scalars(select(PacingPlan).where(PacingPlan.user_id == uid).order_by(PacingPlan.id))
        ],
        "reminders": [
            _row(r, ("local_time", "weekdays", "active", "one_off", "paused_from", "paused_until", "created_at"))
            for r in session.scalars(select(Reminder).where(Reminder.user_id == uid).order_by(Reminder.id))
        ],
        "triage_events": [
            _row(e, ("kind", "level", "emergency", "rules", "text", "created_at"))
            for e in session.scalars(select(TriageEvent).where(TriageEvent.user_id == uid).order_by(TriageEvent.id))
        ],
        "faq_feedback": [
            _row(f, ("topic", "helpful", "created_at"))
            for f in session.scalars(select(FaqFeedback).where(FaqFeedback.user_id == uid).order_by(FaqFeedback.id))
        ],
    }


def checkins_csv(session: Session, user: User) -> str:
    """One row per day: the check-in and the day's activity minutes, for a clinician's spreadsheet."""
    minutes: dict[dt.date, list[str]] = {}
    for a in activities(session, user):
        minutes.setdefault(a.day, []).append(f"{a.activity} {a.minutes} min")
    days = {c.day: c for c in checkins(session, user)}
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(
        [
            "date",
            "pain_0_10",
            "fatigue_0_10",
            "sleep_hours",
            "sleep_quality",
            "stress_0_10",
            "mood",
            "flare",
            "activities",
        ]
    )
    for day in sorted(set(days) | set(minutes)):
        c = days.get(day)
        writer.writerow(
            [day.isoformat()]
            + [
                "" if c is None or getattr(c, f) is None else getattr(c, f)
                for f in ("pain", "fatigue", "sleep_hours", "sleep_quality", "stress", "mood", "flare")
            ]
            + ["; ".join(minutes.get(day, []))]
        )
    return buffer.getvalue()


def delete_user(session: Session, user: User) -> None:
    """Deletes every row about the user, the user last."""
    uid = user.id
    for model in (
        ActivityEntry,
        CheckIn,
        PacingPlan,
        Reminder,
        TriageEvent,
        FaqFeedback,
        OfferedButtons,
        OutboxMessage,
        DeadLetter,
    ):
        session.execute(delete(model).where(model.user_id == uid))
    session.delete(user)
    session.flush()


def queue_outbox(session: Session, user: User, messages: list[dict[str, Any]]) -> None:
    session.add(OutboxMessage(user_id=user.id, messages=messages))


def take_outbox(session: Session, user: User) -> list[dict[str, Any]]:
    """The messages waiting for the user, marked delivered by one conditional UPDATE ... RETURNING: two polls at
    once never hand out the same row (on PostgreSQL the second waits on the row lock, then finds it taken)."""
    rows = session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.user_id == user.id, OutboxMessage.delivered_at.is_(None))
        .values(delivered_at=utcnow())
        .returning(OutboxMessage.id, OutboxMessage.messages)
    ).all()
    out: list[dict[str, Any]] = []
    for _row_id, messages in sorted(rows, key=lambda row: row[0]):
        out.extend(messages)
    return out
