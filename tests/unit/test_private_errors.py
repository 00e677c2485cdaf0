"""A crash never writes what someone typed to the log, and the 500 is kind and echoes nothing (before: a 500
traceback wrote user text to the log)."""

from __future__ import annotations

import logging
import sys

import httpx
import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from api.rasa_client import RasaClient
from api.settings import Settings
from bot.private_logging import WithoutExceptionText
from tests.unit.test_api import FakeRasa

WORDS = "my knee is swollen and I feel hopeless"


@pytest.fixture
def crashing_client(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'errors.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    settings = Settings(database_url=url, rasa_token="t", reminder_poll_seconds=0, web_session_secret="s")
    app = create_app(settings, RasaClient(settings, transport=httpx.MockTransport(FakeRasa().handler)))

    def crash(inbound, *rest):
        raise ValueError(f"could not read {inbound.text!r}")

    monkeypatch.setattr(app.state.conversation, "handle", crash)
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client


def test_a_crash_answers_kindly_and_logs_no_user_text(crashing_client, caplog):
    caplog.set_level(logging.DEBUG)
    r = crashing_client.post("/webhooks/rest/webhook", json={"sender": "ann", "message": WORDS})
    assert r.status_code == 500
    assert "swollen" not in r.text and "try again" in r.json()["detail"]
    assert "swollen" not in caplog.text and "hopeless" not in caplog.text
    assert "ValueError" in caplog.text  # the kind and place of the error are still there for us


def test_the_log_filter_drops_exception_text_but_keeps_kind_and_place():
    try:
        int(WORDS)
    except ValueError:
        record = logging.LogRecord("x", logging.ERROR, __file__, 1, "turn failed", None, exc_info=sys.exc_info())
    WithoutExceptionText().filter(record)
    line = logging.Formatter().format(record)
    assert "swollen" not in line and "ValueError" in line and "test_private_errors.py" in line
