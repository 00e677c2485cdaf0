"""Consent is recorded only in answer to the consent message that person was shown (before: a new user's first
message "/consent_agree" or "I agree", or a forged action call, stored consent)."""

from __future__ import annotations

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.onboarding import ActionConsentAgree
from bot import onboarding
from bot.storage import repo
from bot.storage.db import get_engine, migrate, session_scope


@pytest.fixture
def database(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'consent.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    migrate(url)
    yield url
    get_engine(url).dispose()


def agree(sender: str, said: str) -> list[dict]:
    tracker = Tracker.from_dict(
        {
            "sender_id": sender,
            "slots": {},
            "events": [],
            "paused": False,
            "followup_action": None,
            "active_loop": {},
            "latest_action_name": "action_listen",
            "latest_message": {"text": said, "intent": {"name": "consent_agree"}},
        }
    )
    dispatcher = CollectingDispatcher()
    ActionConsentAgree().run(dispatcher, tracker, {})
    return dispatcher.messages


def consented(url: str, external_id: str) -> tuple[bool, str | None]:
    with session_scope(url) as session:
        user = repo.find_user(session, "web", external_id)
        return bool(user and user.consented), user.consent_version if user else None


@pytest.mark.parametrize("said", ["I agree", "/consent_agree"])
def test_agreeing_before_the_consent_message_was_shown_stores_nothing_and_shows_it(database, said):
    messages = agree("web:newcomer", said)
    assert consented(database, "newcomer") == (False, None)
    assert messages[0]["text"] == onboarding.CONSENT
    assert [b["payload"] for b in messages[0]["buttons"]] == [b["payload"] for b in onboarding.CONSENT_BUTTONS]


def test_agreeing_to_the_consent_message_shown_stores_consent_with_its_version(database):
    with session_scope(database) as session:
        user = repo.get_or_create_user(session, "web", "reader")
        repo.set_offered_payloads(session, user, [b["payload"] for b in onboarding.CONSENT_BUTTONS])
    messages = agree("web:reader", "I agree")
    assert consented(database, "reader") == (True, repo.CONSENT_VERSION)
    assert messages[0]["text"] == onboarding.CONSENT_THANKS


def test_consent_shown_to_one_person_does_not_count_for_another(database):
    with session_scope(database) as session:
        repo.set_offered_payloads(
            session,
            repo.get_or_create_user(session, "web", "reader"),
            [b["payload"] for b in onboarding.CONSENT_BUTTONS],
        )
    agree("web:someone-else", "I agree")
    assert consented(database, "someone-else") == (False, None)
