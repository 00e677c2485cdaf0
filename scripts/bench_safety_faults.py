#!/usr/bin/env python3
"""Fault table: how long a crisis or emergency reply takes when parts of the system fail.

    python scripts/bench_safety_faults.py

Runs the web app's turn pipeline in process (api/conversation.py with the learned layer loaded) against each fault:
the database down (nothing listening), the database locked (SQLite held by another writer), Rasa hung (its HTTP
API never answers), Rasa dead (connection refused), and 100 users sending a crisis message at once. Prints the
reply time (median and worst) per fault. The action server sits behind Rasa, so its faults reach the pipeline as
Rasa's. Then the same through the messaging channels' webhooks (the FastAPI app in process, the platforms faked):
Telegram and SMS, with Rasa hung and with the database down, timed from the webhook call to its answer (Telegram's
reply is sent before the webhook answers; SMS's reply is the webhook's answer). Figures, not assertions: nothing here
fails on a slow machine.
"""

from __future__ import annotations

import sqlite3
import statistics
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402
from twilio.request_validator import RequestValidator  # noqa: E402

from api.conversation import Conversation  # noqa: E402
from api.inbound import Inbound  # noqa: E402
from api.main import create_app  # noqa: E402
from api.rasa_client import RasaClient  # noqa: E402
from api.settings import Settings  # noqa: E402
from bot.safety.meaning.layer import learned_layer  # noqa: E402
from bot.storage.db import migrate  # noqa: E402

MESSAGES = [
    "i dont want to be here anymore, everyone would be better off",
    "my face is drooping and i cant lift my arm",
]


def hung(request: httpx.Request) -> httpx.Response:
    time.sleep(30)
    return httpx.Response(504)


def dead(request: httpx.Request) -> httpx.Response:
    raise httpx.ConnectError("connection refused")


# taking the bench's own exclusive lock waits for a store still in flight from the row before (the safety aftercare
# writes events in the background); the rows then time replies while the lock is held
LOCK_WAIT_SECONDS = 30.0
OPENED: list[Conversation] = []


def conversation(database_url: str, handler) -> Conversation:
    settings = Settings(database_url=database_url, rasa_token="t", reminder_poll_seconds=0)
    OPENED.append(Conversation(settings, RasaClient(settings, transport=httpx.MockTransport(handler))))
    return OPENED[-1]


def timed(conv: Conversation, n: int = 10) -> list[float]:
    out = []
    for i in range(n):
        started = time.perf_counter()
        reply = conv.handle(Inbound("web", f"bench{i}", MESSAGES[i % 2]))
        out.append(time.perf_counter() - started)
        assert reply.safety in ("crisis", "emergency")
    return out


def row(name: str, seconds: list[float]) -> None:
    print(f"{name:<44} median {1000 * statistics.median(seconds):7.1f} ms   worst {1000 * max(seconds):7.1f} ms")


def platform(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, json={"ok": True, "result": {}})


def channel_rows(database_url: str, fault_name: str, handler, lock_database: Path | None = None) -> None:
    """Crisis messages into the Telegram and SMS webhooks while Rasa fails or the (SQLite) database is locked."""
    settings = Settings(
        database_url=database_url,
        rasa_token="t",
        reminder_poll_seconds=0,
        telegram_bot_token="tg",
        telegram_webhook_secret="tg-secret",
        twilio_account_sid="AC1",
        twilio_auth_token="tw",
        twilio_from_number="+15550001111",
        public_base_url="https://coach.example.org",
        rate_limit_per_ip="100000/minute",
        rate_limit_per_sender="100000/minute",
    )
    app = create_app(
        settings,
        RasaClient(settings, transport=httpx.MockTransport(handler)),
        telegram_transport=httpx.MockTransport(platform),
        sms_transport=httpx.MockTransport(platform),
    )
    validator = RequestValidator("tw")
    with TestClient(app) as client:
        lock = sqlite3.connect(lock_database, timeout=LOCK_WAIT_SECONDS) if lock_database else None
        if lock is not None:
            lock.execute("BEGIN EXCLUSIVE")
        telegram, sms = [], []
        for i in range(10):
            body = {"update_id": 5000 + i, "message": {"chat": {"id": 9000 + i}, "text": MESSAGES[i % 2]}}
            started = time.perf_counter()
            r = client.post("/webhooks/telegram", json=body, headers={"X-Telegram-Bot-Api-Secret-Token": "tg-secret"})
            telegram.append(time.perf_counter() - started)
            assert r.status_code == 200
            form = {"From": f"+4477009000{i:02d}", "MessageSid": f"SM{i}", "Body": MESSAGES[i % 2]}
            signature = validator.compute_signature("https://coach.example.org/webhooks/sms", form)
            started = time.perf_counter()
            r = client.post("/webhooks/sms", data=form, headers={"X-Twilio-Signature": signature})
            sms.append(time.perf_counter() - started)
            assert r.status_code == 200 and "Message" in r.text
        if lock is not None:
            lock.rollback()
            lock.close()
        app.state.conversation.aftercare.close()
    row(f"Telegram webhook, {fault_name}", telegram)
    row(f"SMS webhook, {fault_name}", sms)


def main() -> int:
    learned_layer(wait=True)
    tmp = Path(tempfile.mkdtemp())
    sqlite_url = f"sqlite:///{tmp / 'bench.db'}"
    migrate(sqlite_url)
    print("Crisis and emergency reply time under faults (in-process turn pipeline, learned layer on)")
    row("no fault on the safety path (SQLite)", timed(conversation(sqlite_url, dead)))
    row("database down (PostgreSQL, nothing listening)", timed(conversation("postgresql://x@127.0.0.1:1/x", dead)))
    lock = sqlite3.connect(tmp / "bench.db", timeout=LOCK_WAIT_SECONDS)
    lock.execute("BEGIN EXCLUSIVE")
    row("database locked (SQLite exclusive lock held)", timed(conversation(sqlite_url, dead)))
    lock.rollback()
    lock.close()
    row("Rasa hung (never answers)", timed(conversation(sqlite_url, hung)))
    row("Rasa dead (connection refused)", timed(conversation(sqlite_url, dead)))
    conv = conversation(sqlite_url, hung)
    barrier = threading.Barrier(100)

    def one(i: int) -> float:
        barrier.wait()
        started = time.perf_counter()
        conv.handle(Inbound("web", f"crowd{i}", MESSAGES[i % 2]))
        return time.perf_counter() - started

    with ThreadPoolExecutor(max_workers=100) as pool:
        row("100 users at once (Rasa hung)", list(pool.map(one, range(100))))
    channel_rows(sqlite_url, "Rasa hung", hung)
    channel_rows(sqlite_url, "database locked, Rasa dead", dead, lock_database=tmp / "bench.db")
    for opened in OPENED:
        opened.aftercare.close()  # stop retrying the stores the faults held back
    return 0


if __name__ == "__main__":
    sys.exit(main())
