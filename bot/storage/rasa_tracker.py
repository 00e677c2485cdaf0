"""Where Rasa keeps its conversations, and how a person's are erased from there.

Rasa's SQL tracker store keeps every message and slot of a conversation in its `events` table, and only ever
appends to it: telling Rasa to "replace" a conversation's events leaves the old rows (and the words in them) in
place. Erasing a person therefore deletes their rows in that table directly, in Rasa's own database: the app's
PostgreSQL database when DATABASE_URL points there, otherwise a `tracker.db` SQLite file beside the app's.

Erase only when Rasa is not in the middle of that person's turn: at the end of a turn Rasa appends the events it
believes are missing, so rows deleted during the turn would come back. The web app erases after the reply.
"""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import Engine, inspect, text

from bot.storage.db import ROOT, get_engine
from bot.storage.db import database_url as app_database_url

VAR = ROOT / "var"


def tracker_store_location(database_url: str) -> tuple[str, str]:
    """(dialect, url) for Rasa's tracker store, given the app's database URL."""
    if database_url.startswith("postgres"):
        _, rest = database_url.split("://", 1)
        return "postgresql", "postgresql://" + rest  # the engine venv has psycopg2
    app_db = Path(database_url.split("///", 1)[-1]) if database_url.startswith("sqlite:///") else VAR / "pacing.db"
    folder = app_db.parent if str(app_db) not in ("", ":memory:") else VAR
    folder.mkdir(parents=True, exist_ok=True)
    return "sqlite", f"sqlite:///{folder / 'tracker.db'}"


def tracker_store_url(database_url: str | None = None) -> str:
    """The tracker store this process's Rasa uses (TRACKER_STORE_URL, which ops/stack.py sets, or the default)."""
    return os.environ.get("TRACKER_STORE_URL") or tracker_store_location(database_url or app_database_url())[1]


def _events_table(url: str | None) -> Engine | None:
    """The tracker store's engine, or None while Rasa has not created its `events` table yet."""
    engine = get_engine(url or tracker_store_url())
    return engine if inspect(engine).has_table("events") else None


def erase_conversation(sender_id: str, url: str | None = None) -> int:
    """Deletes every stored event of that conversation; returns how many rows went. No table yet: nothing to do."""
    engine = _events_table(url)
    if engine is None:
        return 0
    with engine.begin() as connection:
        return connection.execute(text("DELETE FROM events WHERE sender_id = :sender"), {"sender": sender_id}).rowcount


def conversation_event_count(sender_id: str, url: str | None = None) -> int:
    engine = _events_table(url)
    if engine is None:
        return 0
    with engine.connect() as connection:
        count = connection.execute(
            text("SELECT count(*) FROM events WHERE sender_id = :sender"), {"sender": sender_id}
        ).scalar_one()
        return int(count)
