"""Shared fixtures: databases (SQLite and the real PostgreSQL on loopback) and the running bot for end-to-end tests."""

from __future__ import annotations

import os
import secrets
import uuid
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parent.parent
PG_ADMIN_URL = os.environ.get("TEST_POSTGRES_ADMIN_URL", "postgresql://postgres@127.0.0.1:5432/postgres")


def _postgres_available() -> bool:
    import psycopg2

    try:
        psycopg2.connect(PG_ADMIN_URL, connect_timeout=3).close()
        return True
    except psycopg2.Error:
        return False


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path):
    """A fresh, migrated database of each kind. On CI a missing PostgreSQL fails instead of skipping."""
    from bot.storage.db import get_engine, migrate

    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'test.db'}"
        migrate(url)
        yield url
        get_engine(url).dispose()
        return
    if not _postgres_available():
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL is not reachable at {PG_ADMIN_URL}")
        pytest.skip("PostgreSQL is not reachable")
    import psycopg2

    name = f"pacing_test_{uuid.uuid4().hex[:10]}"
    admin = psycopg2.connect(PG_ADMIN_URL)
    admin.autocommit = True
    admin.cursor().execute(f'CREATE DATABASE "{name}"')
    url = PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    try:
        migrate(url)
        yield url
    finally:
        get_engine(url).dispose()
        admin.cursor().execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


# ---------------------------------------------------------------- the running bot (end-to-end)


class Chat:
    """One person chatting through the web channel of the running FastAPI app."""

    def __init__(self, base_url: str, sender: str | None = None, country: str | None = None):
        self.base_url = base_url
        self.sender = sender or f"t{uuid.uuid4().hex[:16]}"
        self.country = country
        self.http = httpx.Client(base_url=base_url, timeout=60.0)
        self.last: list[dict] = []

    def say(self, text: str) -> list[dict]:
        metadata = {"country": self.country} if self.country else {}
        r = self.http.post(
            "/webhooks/rest/webhook", json={"sender": self.sender, "message": text, "metadata": metadata}
        )
        r.raise_for_status()
        self.last = r.json()
        return self.last

    def text(self) -> str:
        return "\n".join(m.get("text") or "" for m in self.last)

    def buttons(self) -> list[dict]:
        return [b for m in self.last for b in (m.get("buttons") or [])]

    def click(self, title_part: str) -> list[dict]:
        for b in self.buttons():
            if title_part.lower() in b["title"].lower():
                return self.say(b["payload"])
        raise AssertionError(f"no button like {title_part!r} in {[b['title'] for b in self.buttons()]}")

    def custom(self) -> list[dict]:
        return [m["custom"] for m in self.last if m.get("custom")]

    def consent(self) -> None:
        self.say("hi")
        self.click("I agree")


class FakeTelegramApi:
    """A stand-in for the Telegram Bot API on loopback: records what the bot sends."""

    def __init__(self):
        import json
        import threading
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        calls = self.calls = []

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                calls.append((self.path.rsplit("/", 1)[-1], json.loads(body or b"{}")))
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(b'{"ok": true, "result": {}}')

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def sent_to(self, chat_id: str) -> list[dict]:
        return [body for name, body in self.calls if name == "sendMessage" and body.get("chat_id") == chat_id]


@pytest.fixture(scope="session")
def telegram_api():
    api = FakeTelegramApi()
    yield api
    api.server.shutdown()


@pytest.fixture(scope="session")
def stack(tmp_path_factory, telegram_api):
    """Rasa, the action server and the FastAPI app, started once per test session (the model loads once)."""
    from ops.model import ensure_model
    from ops.stack import Stack, StackConfig, free_port

    model = ensure_model(quiet=True)
    var = tmp_path_factory.mktemp("stack")
    database_url = os.environ.get("E2E_DATABASE_URL") or f"sqlite:///{var / 'pacing.db'}"
    config = StackConfig(
        port=free_port(),
        rasa_port=free_port(),
        action_port=free_port(),
        database_url=database_url,
        rasa_token=secrets.token_urlsafe(16),
        log_dir=var / "logs",
        extra_env={
            "OPERATOR_TOKEN": "test-operator-token",
            "REMINDER_POLL_SECONDS": "1",
            "TELEGRAM_BOT_TOKEN": "test-bot-token",
            "TELEGRAM_WEBHOOK_SECRET": "test-secret",
            "TELEGRAM_API_URL": telegram_api.url,
            # every test chats from 127.0.0.1, faster than any person: the limits
            # themselves are tested in tests/unit/test_http_limits.py
            "RATE_LIMIT_PER_IP": "100000/minute",
            "RATE_LIMIT_PER_SENDER": "100000/minute",
        },
    )
    os.environ["DATABASE_URL"] = database_url  # tests read what the servers stored
    s = Stack(config, model)
    s.start(timeout=300)
    yield s
    s.stop()


@pytest.fixture
def chat(stack) -> Chat:
    return Chat(stack.config.api_url)


@pytest.fixture
def new_chat(stack):
    def make(**kwargs) -> Chat:
        return Chat(stack.config.api_url, **kwargs)

    return make


@pytest.fixture
def stored(stack):
    """Reads what the servers stored for a chat's user."""
    from bot.storage import repo
    from bot.storage.db import session_scope

    def read(chat: Chat) -> dict:
        with session_scope(stack.config.database_url) as session:
            user = repo.find_user(session, "web", chat.sender)
            return repo.export_user(session, user) if user else {}

    return read
