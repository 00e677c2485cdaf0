"""The tables. Timestamps are stored in UTC; each user's time zone is kept on the user."""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Dialect,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Stores naive UTC on every backend, hands back aware UTC datetimes."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; use timezone-aware UTC")
        return value.astimezone(dt.UTC).replace(tzinfo=None)

    def process_result_value(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        return None if value is None else value.replace(tzinfo=dt.UTC)


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {dict[str, Any]: JSON, list[Any]: JSON}


class User(Base):
    """One row per channel identity (a web browser, a WhatsApp number, a Telegram chat...)."""

    __tablename__ = "users"
    __table_args__ = (UniqueConstraint("channel", "external_id", name="uq_users_channel_external"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    channel: Mapped[str] = mapped_column(String(32))
    external_id: Mapped[str] = mapped_column(String(128))
    country: Mapped[str | None] = mapped_column(String(2), default=None)
    timezone: Mapped[str] = mapped_column(String(64), default="UTC")
    consent_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, default=None)
    consent_version: Mapped[str | None] = mapped_column(String(16), default=None)
    pace: Mapped[str] = mapped_column(String(16), default="normal")
    starting_minutes: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)

    checkins: Mapped[list[CheckIn]] = relationship(
        back_populates="user", cascade="all, delete-orphan", passive_deletes=True
    )

    @property
    def consented(self) -> bool:
        return self.consent_at is not None


class CheckIn(Base):
    """One row per user per local day; a second check-in the same day updates it."""

    __tablename__ = "checkins"
    __table_args__ = (UniqueConstraint("user_id", "day", name="uq_checkins_user_day"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    day: Mapped[dt.date] = mapped_column(Date)
    pain: Mapped[int | None] = mapped_column(Integer, default=None)
    fatigue: Mapped[int | None] = mapped_column(Integer, default=None)
    sleep_hours: Mapped[float | None] = mapped_column(Float, default=None)
    sleep_quality: Mapped[str | None] = mapped_column(String(8), default=None)
    stress: Mapped[int | None] = mapped_column(Integer, default=None)
    mood: Mapped[str | None] = mapped_column(String(8), default=None)
    flare: Mapped[bool | None] = mapped_column(Boolean, default=None)
    post_exertional: Mapped[bool | None] = mapped_column(Boolean, default=None)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    user: Mapped[User] = relationship(back_populates="checkins")


class ActivityEntry(Base):
    """Several per day are allowed: a walk in the morning and a stretch at night."""

    __tablename__ = "activity_entries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    day: Mapped[dt.date] = mapped_column(Date, index=True)
    activity: Mapped[str] = mapped_column(String(40))
    minutes: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(String(16), default="chat")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class PacingPlan(Base):
    """Snapshots of the plan decisions the user was shown (the plan itself is derived from the diary)."""

    __tablename__ = "pacing_plans"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    activity: Mapped[str] = mapped_column(String(40))
    day: Mapped[dt.date] = mapped_column(Date)
    target_minutes: Mapped[int | None] = mapped_column(Integer, default=None)
    phase: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class Reminder(Base):
    """Movement reminders live in our database, not in Rasa's memory; fired through Rasa's trigger_intent API."""

    __tablename__ = "reminders"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    local_time: Mapped[str] = mapped_column(String(5))  # "HH:MM" in the user's time zone
    weekdays: Mapped[str] = mapped_column(String(16), default="0123456")  # the days it repeats on, Monday = 0
    next_fire_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, default=None, index=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    one_off: Mapped[bool] = mapped_column(Boolean, default=False)  # "in 2 hours": fires once, then ends
    # a pause: from (None: not paused) until (None: until the person resumes), and why ("asked", "blocked", ...)
    paused_from: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, default=None)
    paused_until: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, default=None)
    pause_reason: Mapped[str | None] = mapped_column(String(32), default=None)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class ReminderDelivery(Base):
    """One reminder due once: created in the transaction that moves the reminder on, so a slot (the reminder, the
    user's local date and time) gives one row whatever runs twice; a sender marks it sent with the platform's id."""

    __tablename__ = "reminder_deliveries"
    __table_args__ = (UniqueConstraint("idempotency_key", name="uq_reminder_deliveries_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    idempotency_key: Mapped[str] = mapped_column(String(64))  # "<reminder id>:<local date>:<HH:MM>"
    reminder_id: Mapped[int] = mapped_column(ForeignKey("reminders.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    due_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    status: Mapped[str] = mapped_column(
        String(16), default="pending", index=True
    )  # pending|sending|sent|skipped|failed
    claimed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, default=None)
    sent_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, default=None)
    platform_message_id: Mapped[str | None] = mapped_column(String(128), default=None)
    detail: Mapped[str | None] = mapped_column(String(64), default=None)  # why skipped or failed (no health data)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class DeadLetter(Base):
    """A message a platform did not take: refused for good (blocked, unsubscribed, outside the window, no such
    recipient) or still failing after every retry. The platform's error code and HTTP status, never the person's
    words. A reminder keeps a reference to its delivery (Rasa can write it again); a reply keeps the bot's own
    request bodies only when it failed for a passing reason (a reply cannot be written again, and a refused one
    can never be resent); both go when the person is deleted."""

    __tablename__ = "dead_letters"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    channel: Mapped[str] = mapped_column(String(16), index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # reply | reminder
    reminder_delivery_id: Mapped[int | None] = mapped_column(
        ForeignKey("reminder_deliveries.id", ondelete="SET NULL"), default=None
    )
    reason: Mapped[str] = mapped_column(String(32))  # blocked, outside_window, rate_limited, server_error, timeout...
    error_code: Mapped[str | None] = mapped_column(String(32), default=None)  # the platform's own code
    http_status: Mapped[int | None] = mapped_column(Integer, default=None)
    attempts: Mapped[int] = mapped_column(Integer, default=1)
    resend: Mapped[list[Any] | None] = mapped_column(JSON, default=None)  # the bot's unsent request bodies, in order
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class TriageEvent(Base):
    """Every triage outcome and every safety-screen catch (crisis, emergency, dose request)."""

    __tablename__ = "triage_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True, default=None)
    kind: Mapped[str] = mapped_column(String(16))  # triage | crisis | emergency | dose_request
    level: Mapped[str | None] = mapped_column(String(8), default=None)  # normal | assess | stop
    emergency: Mapped[bool] = mapped_column(Boolean, default=False)
    rules: Mapped[list[Any]] = mapped_column(JSON, default=list)
    text: Mapped[str | None] = mapped_column(Text, default=None)  # kept only with the user's consent
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class FaqFeedback(Base):
    __tablename__ = "faq_feedback"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True, default=None)
    topic: Mapped[str] = mapped_column(String(64))
    helpful: Mapped[bool] = mapped_column(Boolean)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class OfferedButtons(Base):
    """The buttons the bot last offered a user: only these payloads may reach Rasa as '/intent' commands."""

    __tablename__ = "offered_buttons"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    payloads: Mapped[list[Any]] = mapped_column(JSON, default=list)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class InboundMessage(Base):
    """Message ids already handled, so a channel's duplicate delivery is answered once."""

    __tablename__ = "inbound_messages"
    __table_args__ = (UniqueConstraint("channel", "message_id", name="uq_inbound_channel_message"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    channel: Mapped[str] = mapped_column(String(32))
    message_id: Mapped[str] = mapped_column(String(128))
    received_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class OutboxMessage(Base):
    """Messages the bot sends on its own (reminders), waiting for the user's channel to pick them up."""

    __tablename__ = "outbox"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    messages: Mapped[list[Any]] = mapped_column(JSON, default=list)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    delivered_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, default=None)
