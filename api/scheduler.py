"""Fires due movement reminders, each slot exactly once (bot.reminder_deliveries): due reminders become delivery
rows, then each row is claimed, written by Rasa (action_movement_reminder adapts it to the user's plan and flare
days), handed to the user's channel, and marked sent with the platform's message ids. On the web the outbox row
and the "sent" mark are one transaction. A reminder the platform refused, or did not take after every retry
(api.channels.delivery), is marked failed, never sent, and kept as a dead letter that refers to its row."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import Callable
from typing import Any

from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from api.channels.delivery import Undelivered, record_dead_letter
from api.rasa_client import RasaClient, RasaUnavailable
from bot import reminder_deliveries as deliveries
from bot.dead_letters import PAUSING
from bot.identity import make_sender_id
from bot.storage import repo
from bot.storage.db import session_scope
from bot.storage.models import ReminderDelivery, User

log = logging.getLogger("pacing.reminders")

# channel -> push(external_id, messages) -> the platform's message ids; raises Undelivered (or Refused)
Push = dict[str, Callable[[str, list[dict[str, Any]]], list[str]]]


def _plan(now: dt.datetime) -> None:
    with session_scope() as session:
        deliveries.plan_due(session, now)
        deliveries.skip_late(session, now)
        deliveries.give_up_stale(session, now)


def _claim_one(now: dt.datetime) -> tuple[int, str, str] | None:
    """(delivery id, channel, external id) of the next row this sender now owns. One at a time, so a sender that
    dies leaves one message in doubt at most, never a batch."""
    with session_scope() as session:
        for delivery in deliveries.claim(session, now, limit=1):
            user = session.get(User, delivery.user_id)
            if user is not None:
                return delivery.id, user.channel, user.external_id
        return None


def _offer(session: Session, channel: str, external_id: str, payloads: list[str]) -> None:
    """The nudge's buttons (Done, Later, Not today) are the ones the person can press next."""
    user = repo.find_user(session, channel, external_id)
    if user is not None and payloads:
        repo.set_offered_payloads(session, user, payloads)


def _send_one(rasa: RasaClient, delivery_id: int, channel: str, external_id: str, now: dt.datetime, push: Push) -> bool:
    """Writes and sends one claimed delivery; True when sent. Raises RasaUnavailable with the row released."""
    try:
        messages = rasa.trigger_intent(make_sender_id(channel, external_id), "movement_reminder")
    except RasaUnavailable:
        with session_scope() as session:
            deliveries.release(session, delivery_id)
        raise
    if not messages:
        with session_scope() as session:
            deliveries.mark_skipped(session, delivery_id, "nothing to say")
        return False
    payloads = [b["payload"] for m in messages for b in (m.get("buttons") or []) if b.get("payload")]
    if channel in push:
        try:
            message_ids = push[channel](external_id, messages)  # a messaging app: sent now
        except Undelivered as undelivered:  # refused (no more until that changes) or still failing after retries
            with session_scope() as session:
                deliveries.mark_failed(session, delivery_id, undelivered.reason)
                record_dead_letter(
                    session, channel, external_id, undelivered, kind="reminder", reminder_delivery_id=delivery_id
                )
            log.warning(
                "%s did not take a reminder (%s, platform code %s)%s",
                channel,
                undelivered.reason,
                undelivered.failure.code,
                ": that person's reminders are paused" if undelivered.reason in PAUSING else "",
            )
            return False
        with session_scope() as session:
            deliveries.mark_sent(session, delivery_id, now, message_ids)
            _offer(session, channel, external_id, payloads)
        return True
    with session_scope() as session:  # the web page picks it up: queued and marked in one transaction
        user = repo.find_user(session, channel, external_id)
        if user is None or not deliveries.mark_sent(session, delivery_id, now, []):
            return False
        repo.queue_outbox(session, user, messages)
        _offer(session, channel, external_id, payloads)
        delivery = session.get(ReminderDelivery, delivery_id)
        if delivery is not None:
            delivery.platform_message_id = f"outbox:{delivery_id}"
    return True


def fire_due(rasa: RasaClient, now: dt.datetime | None = None, push: Push | None = None) -> int:
    """Sends every reminder that is due; returns how many were sent. A Rasa outage leaves them due for the next
    tick (and skipped once LATE_LIMIT has passed)."""
    now = now or dt.datetime.now(dt.UTC)
    _plan(now)
    sent = 0
    while (owned := _claim_one(now)) is not None:
        delivery_id, channel, external_id = owned
        try:
            sent += _send_one(rasa, delivery_id, channel, external_id, now, push or {})
        except RasaUnavailable:
            log.error("Rasa did not answer; reminders stay due")
            break
    return sent


async def run_forever(rasa: RasaClient, every_seconds: float, push: Push | None = None) -> None:
    while True:
        try:
            await run_in_threadpool(fire_due, rasa, None, push)
        except Exception:  # keep the loop alive; the next tick tries again
            log.exception("reminder tick failed")
        await asyncio.sleep(every_seconds)
