"""Messages a platform did not take, and the one rule for what a refusal means for that person.

A refusal that says the person cannot be reached now (blocked the bot, unsubscribed, outside WhatsApp's or
Messenger's 24-hour window, no such recipient) pauses their reminders, whether a reminder or a reply met it; a
refusal about the message itself (a bad request) or a platform that kept failing pauses nothing. Writing to the bot
again ends a "blocked" or "outside_window" pause (api.conversation.REACHABLE_AGAIN); SMS START ends "sms_stop".
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.orm import Session

from bot import reminders
from bot.storage import repo
from bot.storage.models import DeadLetter

PAUSING = frozenset({"blocked", "outside_window", "unsubscribed", "invalid_recipient"})


def record(
    session: Session,
    channel: str,
    external_id: str,
    *,
    kind: str,
    reason: str,
    error_code: str | None,
    http_status: int | None,
    attempts: int,
    now: dt.datetime,
    resend: list[Any] | None = None,
    reminder_delivery_id: int | None = None,
) -> DeadLetter:
    """Stores one dead letter and applies the refusal rule (PAUSING pauses that person's reminders)."""
    user = repo.find_user(session, channel, external_id)
    letter = DeadLetter(
        channel=channel,
        user_id=user.id if user is not None else None,
        kind=kind,
        reminder_delivery_id=reminder_delivery_id,
        reason=reason[:32],
        error_code=error_code[:32] if error_code else None,
        http_status=http_status,
        attempts=attempts,
        resend=resend,
        created_at=now,
    )
    session.add(letter)
    if user is not None and reason in PAUSING:  # the person cannot be reached now: their reminders wait
        reminders.pause_reminders(session, user, now, reason=reason)
    return letter
