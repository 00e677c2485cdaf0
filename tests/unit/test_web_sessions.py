"""A web conversation belongs to the browser that started it (before: the sender id was the only credential, so
another client using it got the person's replies, outbox and diary)."""

from __future__ import annotations

import os
import stat

import httpx
import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from api.rasa_client import RasaClient
from api.settings import Settings
from api.web_session import COOKIE, session_secret
from bot.storage import repo
from bot.storage.db import session_scope
from tests.unit.test_api import FakeRasa

DIARY = b"date,activity,minutes,pain\n2026-11-20,walking,10,4\n"


@pytest.fixture
def fake():
    return FakeRasa()


@pytest.fixture
def make_app(fake, tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'web.db'}"
    monkeypatch.setenv("DATABASE_URL", url)

    def make(**settings_kwargs):
        settings = Settings(
            **{
                "database_url": url,
                "rasa_token": "t",
                "reminder_poll_seconds": 0,
                "web_session_secret": "test-secret",
                **settings_kwargs,
            }
        )
        return create_app(settings, RasaClient(settings, transport=httpx.MockTransport(fake.handler)))

    return make


@pytest.fixture
def browsers(make_app):
    app = make_app()
    with TestClient(app) as mine, TestClient(app) as theirs:
        yield mine, theirs


def say(client, text, sender="alice", **kwargs):
    return client.post("/webhooks/rest/webhook", json={"sender": sender, "message": text}, **kwargs)


def test_another_browser_cannot_talk_as_an_existing_conversation(browsers, fake):
    mine, theirs = browsers
    assert say(mine, "hi").status_code == 200
    before = len(fake.received)
    r = say(theirs, "show my week")
    assert r.status_code == 403 and "another browser" in r.json()["detail"]
    assert len(fake.received) == before  # nothing reached the bot as alice
    assert say(mine, "show my week").status_code == 200


def test_another_browser_cannot_read_the_outbox_or_upload_into_the_diary(browsers):
    mine, theirs = browsers
    say(mine, "hi")
    with session_scope() as s:
        repo.queue_outbox(s, repo.find_user(s, "web", "alice"), [{"text": "A gentle nudge"}])
    assert theirs.get("/webchat/outbox", params={"sender": "alice"}).status_code == 403
    r = theirs.post("/webchat/diary", data={"sender": "alice"}, files={"file": ("d.csv", DIARY, "text/csv")})
    assert r.status_code == 403
    assert [m["text"] for m in mine.get("/webchat/outbox", params={"sender": "alice"}).json()] == ["A gentle nudge"]


def test_a_forged_or_foreign_cookie_is_not_a_session(browsers, make_app):
    mine, theirs = browsers
    say(mine, "hi")
    theirs.cookies.set(COOKIE, mine.cookies[COOKIE][:-3] + "abc")
    assert say(theirs, "hi").status_code == 403
    other_server = make_app(web_session_secret="another-secret")
    with TestClient(other_server) as stranger:
        stranger.cookies.set(COOKIE, mine.cookies[COOKIE])
        assert say(stranger, "hi").status_code == 403


def test_a_cross_site_request_is_refused_even_with_the_cookie(browsers, fake):
    mine, _ = browsers
    say(mine, "hi")
    before = len(fake.received)
    assert say(mine, "hi", headers={"Origin": "https://evil.example"}).status_code == 403
    r = mine.post(
        "/webchat/diary",
        data={"sender": "alice"},
        files={"file": ("d.csv", DIARY, "text/csv")},
        headers={"Origin": "https://evil.example"},
    )
    assert r.status_code == 403 and len(fake.received) == before
    assert say(mine, "hi", headers={"Origin": "http://testserver"}).status_code == 200


def test_the_cookie_is_httponly_strict_and_secure_over_https(make_app):
    with TestClient(make_app(), base_url="https://testserver") as browser:
        header = say(browser, "hi", sender="over-https").headers["set-cookie"].lower()
    assert "httponly" in header and "samesite=strict" in header and "secure" in header
    with TestClient(make_app()) as browser:
        assert "secure" not in say(browser, "hi", sender="over-http").headers["set-cookie"].lower()


def test_one_browser_may_hold_several_conversations(browsers):
    mine, _ = browsers
    for sender in ("alice", "bob", "alice"):
        assert say(mine, "hi", sender=sender).status_code == 200


def test_the_session_secret_file_is_private_and_kept(tmp_path):
    key = tmp_path / "secrets" / "web-session.key"
    first = session_secret(None, key)
    assert session_secret(None, key) == first and len(first) >= 32
    assert stat.S_IMODE(os.stat(key).st_mode) == 0o600
    assert session_secret("from-the-environment", key) == "from-the-environment"


def test_a_download_made_for_a_web_conversation_opens_only_in_its_browser(browsers, tmp_path, monkeypatch):
    from bot import files

    monkeypatch.setattr(files, "FILES", tmp_path / "files")
    mine, theirs = browsers
    assert say(mine, "hi").status_code == 200
    link = files.publish({"my-data.json": b'{"pain": 7}'}, owner=1, web_sender="alice")["my-data.json"]
    assert mine.get(link).json() == {"pain": 7}
    r = theirs.get(link)
    assert r.status_code == 404 and "pain" not in r.text
    # a link sent to a messaging app opens in any browser: the app's chat is where it was given
    sent_to_an_app = files.publish({"week.png": b"png"}, owner=2)["week.png"]
    assert theirs.get(sent_to_an_app).status_code == 200
    assert files.forget_owner(1) == 1 and mine.get(link).status_code == 404


def test_a_clinician_report_opens_as_a_pdf_in_its_browser_only(browsers, tmp_path, monkeypatch):
    from bot import files

    monkeypatch.setattr(files, "FILES", tmp_path / "files")
    mine, theirs = browsers
    assert say(mine, "hi").status_code == 200
    link = files.publish({"pacing-report-4-weeks-2026-11-29.pdf": b"%PDF-1.7 ..."}, owner=1, web_sender="alice")
    r = mine.get(link["pacing-report-4-weeks-2026-11-29.pdf"])
    assert r.status_code == 200 and r.headers["content-type"] == "application/pdf" and r.content.startswith(b"%PDF")
    assert r.headers["cache-control"] == "no-store"
    assert theirs.get(link["pacing-report-4-weeks-2026-11-29.pdf"]).status_code == 404
