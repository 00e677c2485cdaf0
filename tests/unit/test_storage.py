"""Storage on SQLite and on the real PostgreSQL: what users would notice if it went wrong."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import inspect, select

from bot.storage import repo
from bot.storage.db import get_engine, migrate, session_scope
from bot.storage.models import ActivityEntry, CheckIn, TriageEvent, User

DAY = dt.date(2026, 11, 20)


def test_migrations_create_every_table_and_run_twice(database_url):
    migrate(database_url)  # a second run on start must be harmless
    tables = set(inspect(get_engine(database_url)).get_table_names())
    assert {
        "users",
        "checkins",
        "activity_entries",
        "pacing_plans",
        "reminders",
        "triage_events",
        "faq_feedback",
        "offered_buttons",
        "inbound_messages",
        "alembic_version",
    } <= tables


def test_one_user_per_channel_identity(database_url):
    with session_scope(database_url) as s:
        a = repo.get_or_create_user(s, "web", "abc")
        b = repo.get_or_create_user(s, "web", "abc")
        c = repo.get_or_create_user(s, "telegram", "abc")
        assert a.id == b.id != c.id
    with session_scope(database_url) as s:
        assert s.query(User).count() == 2


def test_second_checkin_same_day_updates_instead_of_duplicating(database_url):
    with session_scope(database_url) as s:
        user = repo.get_or_create_user(s, "web", "u1")
        repo.save_checkin(s, user, DAY, {"pain": 6, "fatigue": 8})
        repo.save_checkin(s, user, DAY, {"pain": 4, "mood": "ok"})
        repo.add_activity(s, user, DAY, "walking", 15)
        repo.add_activity(s, user, DAY, "stretching", 10)
    with session_scope(database_url) as s:
        rows = s.scalars(select(CheckIn)).all()
        assert len(rows) == 1
        assert (rows[0].pain, rows[0].fatigue, rows[0].mood) == (4, 8, "ok")
        assert s.query(ActivityEntry).count() == 2


def test_timestamps_come_back_in_utc(database_url):
    with session_scope(database_url) as s:
        user = repo.get_or_create_user(s, "web", "tz")
        repo.record_consent(s, user)
    with session_scope(database_url) as s:
        user = repo.find_user(s, "web", "tz")
        assert user.consent_at.tzinfo is not None
        assert abs((dt.datetime.now(dt.UTC) - user.consent_at).total_seconds()) < 60


def test_event_text_is_kept_only_with_consent(database_url):
    with session_scope(database_url) as s:
        anon = repo.get_or_create_user(s, "web", "no-consent")
        repo.record_event(s, anon, "crisis", rules=["crisis.x"], text="something personal")
        agreed = repo.get_or_create_user(s, "web", "consent")
        repo.record_consent(s, agreed)
        repo.record_event(s, agreed, "triage", level="normal", rules=["normal.x"], text="sore calves")
    with session_scope(database_url) as s:
        texts = {e.kind: e.text for e in s.scalars(select(TriageEvent))}
        assert texts == {"crisis": None, "triage": "sore calves"}


def test_export_contains_everything_and_delete_removes_only_that_user(database_url):
    with session_scope(database_url) as s:
        me = repo.get_or_create_user(s, "web", "me")
        repo.record_consent(s, me)
        repo.save_checkin(s, me, DAY, {"pain": 5, "sleep_hours": 6.5, "flare": True})
        repo.add_activity(s, me, DAY, "walking", 12)
        repo.record_event(s, me, "triage", level="assess", rules=["assess.swelling"], text="swollen knee")
        repo.record_faq_feedback(s, me, "pacing", True)
        other = repo.get_or_create_user(s, "web", "other")
        repo.save_checkin(s, other, DAY, {"pain": 2})
    with session_scope(database_url) as s:
        me = repo.find_user(s, "web", "me")
        data = repo.export_user(s, me)
        assert data["checkins"][0]["pain"] == 5 and data["checkins"][0]["flare"] is True
        assert data["activities"][0]["minutes"] == 12
        assert data["triage_events"][0]["level"] == "assess"
        assert data["faq_feedback"][0]["topic"] == "pacing"
        csv_text = repo.checkins_csv(s, me)
        assert csv_text.splitlines()[1].startswith("2026-11-20,5,,6.5,")
        assert "walking 12 min" in csv_text
        repo.delete_user(s, me)
    with session_scope(database_url) as s:
        assert repo.find_user(s, "web", "me") is None
        assert s.query(CheckIn).count() == 1  # the other user's
        assert s.query(ActivityEntry).count() == 0
        assert s.query(TriageEvent).count() == 0


def test_duplicate_delivery_is_recognised(database_url):
    with session_scope(database_url) as s:
        assert repo.first_delivery(s, "telegram", "42") is True
        assert repo.first_delivery(s, "telegram", "42") is False
        assert repo.first_delivery(s, "whatsapp", "42") is True


def test_the_migrations_match_the_models(database_url):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from bot.storage.models import Base

    with get_engine(database_url).connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert diff == []
