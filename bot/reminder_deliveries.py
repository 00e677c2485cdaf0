"""Each reminder slot delivered once, whatever crashes or runs twice.

1. `plan_due`: a due reminder becomes one delivery row, keyed by (reminder id, the user's local date, HH:MM) under a
   unique constraint, in the same transaction that moves the reminder on. Two schedulers, or one run twice, make
   one row. A slot missed by more than LATE_LIMIT (the server was down) or falling in the quiet hours is recorded
   as skipped, never sent.
2. `claim`: a sender takes pending rows with an atomic conditional update (status pending -> sending), after a
   FOR UPDATE SKIP LOCKED read on PostgreSQL, so no row is handed to two senders.
3. `mark_sent` stores the platform's message ids. A row left "sending" by a sender that died mid-send is never
   sent again (`give_up_stale`): the platform may have it already, and a nudge missed is kinder than one doubled.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import InstrumentedAttribute, Session

from bot import reminders
from bot.storage.models import ReminderDelivery, User

LATE_LIMIT = dt.timedelta(minutes=30)  # a slot missed by less is still sent; older ones are skipped
STALE_SENDING = dt.timedelta(minutes=10)  # a claim this old belongs to a sender that died


def in_quiet_hours(local: dt.datetime) -> bool:
    return reminders.in_quiet_hours(f"{local:%H:%M}")


def idempotency_key(reminder_id: int, local_date: dt.date, local_time: str) -> str:
    return f"{reminder_id}:{local_date.isoformat()}:{local_time}"


def _insert_once(session: Session, values: dict[str, object]) -> None:
    dialect = session.get_bind().dialect.name
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    session.execute(
        insert(ReminderDelivery).values(**values).on_conflict_do_nothing(index_elements=["idempotency_key"])
    )


def plan_due(session: Session, now: dt.datetime, limit: int = 200) -> int:
    """Turns every due reminder into its delivery row and moves it on; returns how many rows were due to send."""
    planned = 0
    for reminder in reminders.due(session, now, limit):
        user = session.get(User, reminder.user_id)
        due_at = reminder.next_fire_at
        if user is None or not user.consented or due_at is None:
            reminder.active = False
            continue
        local = reminders.to_local(due_at, user.timezone)
        status, detail = "pending", None
        if now - due_at > LATE_LIMIT:
            status, detail = "skipped", "missed"
        elif in_quiet_hours(reminders.to_local(now, user.timezone)) or in_quiet_hours(local):
            status, detail = "skipped", "quiet_hours"
        _insert_once(
            session,
            {
                "idempotency_key": idempotency_key(reminder.id, local.date(), reminder.local_time),
                "reminder_id": reminder.id,
                "user_id": user.id,
                "due_at": due_at,
                "status": status,
                "detail": detail,
                "created_at": now,
            },
        )
        reminders.advance(reminder, user, now)
        planned += status == "pending"
    return planned


def _older(
    session: Session,
    was: str,
    moment: InstrumentedAttribute[dt.datetime | None],
    cutoff: dt.datetime,
    **values: object,
) -> int:
    result = session.execute(
        update(ReminderDelivery).where(ReminderDelivery.status == was, moment < cutoff).values(**values)
    )
    return int(getattr(result, "rowcount", 0) or 0)


def skip_late(session: Session, now: dt.datetime) -> int:
    """Pending rows whose moment has passed by more than LATE_LIMIT (the sender was down) are not sent at all."""
    return _older(session, "pending", ReminderDelivery.due_at, now - LATE_LIMIT, status="skipped", detail="late")


def give_up_stale(session: Session, now: dt.datetime) -> int:
    """Rows a dead sender left mid-send: marked, never sent again."""
    return _older(
        session, "sending", ReminderDelivery.claimed_at, now - STALE_SENDING, status="unknown", detail="sender died"
    )


def claim(session: Session, now: dt.datetime, limit: int = 50) -> list[ReminderDelivery]:
    """Pending rows taken by this sender alone (status -> sending). Commit before sending."""
    query = select(ReminderDelivery.id).where(ReminderDelivery.status == "pending").order_by(ReminderDelivery.id)
    if session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update(skip_locked=True)
    claimed: list[ReminderDelivery] = []
    for delivery_id in list(session.scalars(query.limit(limit))):
        result = session.execute(
            update(ReminderDelivery)
            .where(ReminderDelivery.id == delivery_id, ReminderDelivery.status == "pending")
            .values(status="sending", claimed_at=now)
        )
        if getattr(result, "rowcount", 0) == 1:
            delivery = session.get(ReminderDelivery, delivery_id)
            if delivery is not None:
                claimed.append(delivery)
    return claimed


def _finish(session: Session, delivery_id: int, **values: object) -> bool:
    result = session.execute(
        update(ReminderDelivery)
        .where(ReminderDelivery.id == delivery_id, ReminderDelivery.status == "sending")
        .values(**values)
    )
    return getattr(result, "rowcount", 0) == 1


def mark_sent(session: Session, delivery_id: int, now: dt.datetime, message_ids: list[str]) -> bool:
    return _finish(session, delivery_id, status="sent", sent_at=now, platform_message_id=",".join(message_ids)[:128])


def release(session: Session, delivery_id: int) -> bool:
    """Nothing was sent (the bot's engine did not answer): the row waits for the next tick."""
    return _finish(session, delivery_id, status="pending", claimed_at=None)


def mark_skipped(session: Session, delivery_id: int, detail: str) -> bool:
    return _finish(session, delivery_id, status="skipped", detail=detail[:64])


def mark_failed(session: Session, delivery_id: int, detail: str) -> bool:
    return _finish(session, delivery_id, status="failed", detail=detail[:64])
