"""Deleting a person leaves nothing of theirs: rows, export links and Rasa's copy of the conversation, on SQLite
and on PostgreSQL (before: every message stayed in Rasa's `events` table, and export links kept working)."""

from __future__ import annotations

import datetime as dt

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

from api.main import create_app
from api.rasa_client import RasaClient
from api.settings import Settings
from bot import files
from bot.storage import repo
from bot.storage.db import get_engine, session_scope
from bot.storage.rasa_tracker import conversation_event_count, erase_conversation

AUTH = {"Authorization": "Bearer s3cret"}
# The table as Rasa 3.6's SQL tracker store creates it.
RASA_EVENTS = """CREATE TABLE IF NOT EXISTS events (id INTEGER PRIMARY KEY, sender_id VARCHAR(255) NOT NULL,
 type_name VARCHAR(255) NOT NULL, timestamp FLOAT, intent_name VARCHAR(255), action_name VARCHAR(255), data TEXT)"""


def rasa_said(url: str, sender: str, words: str) -> None:
    with get_engine(url).begin() as connection:
        connection.execute(
            text(
                RASA_EVENTS.replace("INTEGER PRIMARY KEY", "SERIAL PRIMARY KEY")
                if url.startswith("postgres")
                else RASA_EVENTS
            )
        )
        connection.execute(
            text("INSERT INTO events (sender_id, type_name, timestamp, data) VALUES (:s, 'user', 1, :d)"),
            {"s": sender, "d": f'{{"event": "user", "text": "{words}"}}'},
        )


@pytest.fixture
def app_on(database_url, tmp_path, monkeypatch):
    """The app on that database, Rasa's tracker store in the same database (as ops/stack.py sets it up)."""
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("TRACKER_STORE_URL", database_url)
    monkeypatch.setattr(files, "FILES", tmp_path / "files")
    settings = Settings(database_url=database_url, operator_token="s3cret", reminder_poll_seconds=0)
    app = create_app(settings, RasaClient(settings, transport=httpx.MockTransport(lambda r: httpx.Response(503))))
    with TestClient(app) as client:
        yield client, database_url


def test_the_operator_delete_erases_rows_links_and_rasa_events_of_that_person_only(app_on):
    client, url = app_on
    with session_scope(url) as s:
        ann = repo.get_or_create_user(s, "web", "ann")
        repo.save_checkin(s, ann, dt.date(2026, 11, 20), {"pain": 7})
        link = files.publish({"my-data.json": b'{"pain": 7}'}, owner=ann.id)["my-data.json"]
        other = repo.get_or_create_user(s, "web", "bea")
        other_link = files.publish({"week.png": b"png"}, owner=other.id)["week.png"]
    rasa_said(url, "web:ann", "my knee is swollen and I feel low")
    rasa_said(url, "web:bea", "walked 10 minutes")
    assert client.get(link).status_code == 200

    assert client.delete("/operator/users/web/ann", headers=AUTH).json() == {"status": "deleted"}

    assert conversation_event_count("web:ann", url) == 0
    assert conversation_event_count("web:bea", url) == 1
    assert client.get(link).status_code == 404
    assert client.get(other_link).status_code == 200
    with session_scope(url) as s:
        assert repo.find_user(s, "web", "ann") is None and repo.find_user(s, "web", "bea") is not None


def test_erasing_a_conversation_rasa_never_stored_is_fine(app_on):
    _, url = app_on
    assert erase_conversation("web:nobody", url) == 0
