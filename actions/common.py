"""Small helpers the actions share: the user behind a conversation, the message text, buttons."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from rasa_sdk import Tracker
from sqlalchemy.orm import Session

from bot.clock import local_today
from bot.storage import repo
from bot.storage.db import session_scope
from bot.storage.models import User


@contextmanager
def user_session(tracker: Tracker) -> Iterator[tuple[Session, User]]:
    """The database session and the user for this conversation (created on first contact; the web app keeps the
    user's country and time zone up to date before the message reaches Rasa)."""
    with session_scope() as session:
        yield session, repo.user_for_sender(session, tracker.sender_id)


def user_text(tracker: Tracker) -> str:
    return (tracker.latest_message.get("text") or "").strip()


def is_button_payload(tracker: Tracker) -> bool:
    return user_text(tracker).startswith("/")


def intent_of(tracker: Tracker) -> tuple[str | None, float]:
    intent = tracker.latest_message.get("intent") or {}
    return intent.get("name"), float(intent.get("confidence") or 0.0)


def entity(tracker: Tracker, name: str) -> Any:
    return next(tracker.get_latest_entity_values(name), None)


def payload(intent: str, **entities: Any) -> str:
    return f"/{intent}{json.dumps(entities, separators=(',', ':'))}" if entities else f"/{intent}"


def file_owner(user: User) -> tuple[int, str | None]:
    """Who the files made for this user belong to (bot.files.publish): their id, and their web conversation, whose
    browser alone may open them (None on a messaging app, where the link itself is the key)."""
    return user.id, user.external_id if user.channel == "web" else None


def today_for(user: User):
    return local_today(user.timezone)
