"""Fires due movement reminders: our database says when, Rasa's trigger_intent API says what (adapted to the
user's plan and flare days by action_movement_reminder), and the outbox holds the message for the channel."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import Callable
from typing import Any

from starlette.concurrency import run_in_threadpool

from api.rasa_client import RasaClient, RasaUnavailable
from bot import reminders
from bot.identity import make_sender_id
from bot.storage import repo
from bot.storage.db import session_scope
from bot.storage.models import User

log = logging.getLogger("pacing.reminders")


Push = dict[str, Callable[[str, list[dict[str, Any]]], None]]


def fire_due(rasa: RasaClient, now: dt.datetime | None = None, push: Push | None = None) -> int:
    """Fires every reminder that is due; returns how many fired. A Rasa outage leaves them due for the next tick."""
    now = now or dt.datetime.now(dt.UTC)
    fired = 0
    with session_scope() as session:
        for reminder in reminders.due(session, now):
            user = session.get(User, reminder.user_id)
            if user is None or not user.consented:
                reminder.active = False
                continue
            try:
                messages = rasa.trigger_intent(make_sender_id(user.channel, user.external_id), "movement_reminder")
            except RasaUnavailable:
                log.error("Rasa did not answer; reminders stay due")
                break
            if messages and push and user.channel in push:
                push[user.channel](user.external_id, messages)  # a messaging app: send it now
            elif messages:
                repo.queue_outbox(session, user, messages)  # the web page picks it up
            reminders.advance(reminder, user, now)
            fired += 1
    return fired


async def run_forever(rasa: RasaClient, every_seconds: float, push: Push | None = None) -> None:
    while True:
        try:
            await run_in_threadpool(fire_due, rasa, None, push)
        except Exception:  # keep the loop alive; the next tick tries again
            log.exception("reminder tick failed")
        await asyncio.sleep(every_seconds)
