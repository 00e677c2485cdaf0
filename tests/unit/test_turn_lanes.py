"""Help never queues behind a crowd: with every turn thread waiting on a slow Rasa, a crisis message is still read
and answered, on the web chat and on a messaging platform, while the ordinary turns are still waiting."""

from __future__ import annotations

import json
import threading
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from api.rasa_client import RasaClient
from api.settings import Settings

TURN_THREADS = 2
HOLD_SECONDS = 60  # longest Rasa holds a turn; the test releases it as soon as the crisis reply is in
CRISIS = "i just want to go to sleep and not wake up"


class HeldRasa:
    """Rasa at its busiest: every message waits until released; `waiting` counts the turns it holds."""

    def __init__(self):
        self.release = threading.Event()
        self.waiting = threading.Semaphore(0)

    def handler(self, request: httpx.Request) -> httpx.Response:
        if request.url.path == "/webhooks/rest/webhook":
            self.waiting.release()
            self.release.wait(HOLD_SECONDS)
            return httpx.Response(200, json=[{"recipient_id": "x", "text": "Hello from Rasa"}])
        return httpx.Response(200, json={})


class FakeTelegram:
    def __init__(self):
        self.texts: list[str] = []
        self.lock = threading.Lock()

    def handler(self, request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content)
        with self.lock:
            self.texts.append(str(body.get("text", "")))
        return httpx.Response(200, json={"ok": True, "result": {"message_id": 1}})


@pytest.fixture
def rasa():
    held = HeldRasa()
    yield held
    held.release.set()


def make_client(tmp_path, monkeypatch, rasa: HeldRasa, telegram: FakeTelegram | None = None) -> TestClient:
    url = f"sqlite:///{tmp_path / 'lanes.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    settings = Settings(
        database_url=url,
        rasa_token="t",
        reminder_poll_seconds=0,
        turn_threads=TURN_THREADS,
        rasa_timeout_seconds=HOLD_SECONDS + 5,
        telegram_bot_token="T0KEN",
        telegram_webhook_secret="hook",
        telegram_api_url="http://telegram.test",
    )
    app = create_app(
        settings,
        RasaClient(settings, transport=httpx.MockTransport(rasa.handler)),
        telegram_transport=httpx.MockTransport((telegram or FakeTelegram()).handler),
    )
    return TestClient(app)


def fill_the_turn_threads(pool: ThreadPoolExecutor, send, rasa: HeldRasa) -> list:
    """TURN_THREADS ordinary messages, each held by Rasa, plus one more queued behind them."""
    pending = [pool.submit(send, f"person{i}", "what is pacing") for i in range(TURN_THREADS + 1)]
    for _ in range(TURN_THREADS):
        assert rasa.waiting.acquire(timeout=30), "the ordinary turns never reached Rasa"
    return pending


def test_a_crisis_on_the_web_chat_is_answered_while_every_turn_waits_on_rasa(tmp_path, monkeypatch, rasa):
    with make_client(tmp_path, monkeypatch, rasa) as client, ThreadPoolExecutor(8) as pool:

        def send(sender: str, text: str) -> httpx.Response:
            return client.post("/webhooks/rest/webhook", json={"sender": sender, "message": text})

        pending = fill_the_turn_threads(pool, send, rasa)
        crisis = pool.submit(send, "someone", CRISIS).result(timeout=HOLD_SECONDS / 2)
        still_waiting = [not p.done() for p in pending]
        rasa.release.set()
        ordinary = [p.result(timeout=30) for p in pending]

    assert crisis.status_code == 200
    assert "116 123" in crisis.json()[0]["text"]  # the help lines
    assert all(still_waiting), "the crisis reply came only after Rasa let the other turns go"
    assert [r.json()[0]["text"] for r in ordinary] == ["Hello from Rasa"] * len(pending)


def test_a_crisis_on_telegram_is_sent_while_every_turn_waits_on_rasa(tmp_path, monkeypatch, rasa):
    telegram = FakeTelegram()
    with make_client(tmp_path, monkeypatch, rasa, telegram) as client, ThreadPoolExecutor(8) as pool:
        update_ids = iter(range(1, 100))

        def send(chat: str, text: str) -> httpx.Response:
            update = {
                "update_id": next(update_ids),
                "message": {"message_id": 1, "chat": {"id": abs(hash(chat)) % 10**9, "type": "private"}, "text": text},
            }
            return client.post("/webhooks/telegram", json=update, headers={"X-Telegram-Bot-Api-Secret-Token": "hook"})

        pending = fill_the_turn_threads(pool, send, rasa)
        crisis = pool.submit(send, "someone", CRISIS).result(timeout=HOLD_SECONDS / 2)
        sent_before_release = list(telegram.texts)
        still_waiting = [not p.done() for p in pending]
        rasa.release.set()
        for p in pending:
            assert p.result(timeout=30).status_code == 200

    assert crisis.status_code == 200
    assert len(sent_before_release) == 1 and "116 123" in sent_before_release[0]
    assert all(still_waiting), "the help reply went out only after Rasa let the other turns go"
    assert telegram.texts.count("Hello from Rasa") == len(pending)
