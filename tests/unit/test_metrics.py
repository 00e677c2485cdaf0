"""/metrics in Prometheus text format, without the operator token: webhook latency, send attempts, retries and
dead letters per channel, and the depth of the reminder deliveries and the web outbox; no person in it."""

from __future__ import annotations

import datetime as dt

import httpx
from fastapi.testclient import TestClient
from prometheus_client.parser import text_string_to_metric_families

from api.main import create_app
from api.rasa_client import RasaClient
from api.settings import Settings
from bot import reminder_deliveries
from bot.storage import repo
from bot.storage.db import session_scope
from tests.unit.test_api import FakeRasa
from tests.unit.test_reminder_refusals import DUE, _person
from tests.unit.test_telegram import HEADERS, update

CHAT = "4242"


def _samples(text: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    return {
        (s.name, tuple(sorted(s.labels.items()))): s.value
        for family in text_string_to_metric_families(text)
        for s in family.samples
    }


def test_metrics_count_webhooks_sends_retries_dead_letters_and_queues(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'metrics.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    answers = iter([httpx.Response(500), httpx.Response(200, json={"ok": True, "result": {"message_id": 7}})])
    telegram = httpx.MockTransport(lambda request: next(answers, httpx.Response(403, json={"description": "blocked"})))
    settings = Settings(
        database_url=url,
        rasa_token="t",
        reminder_poll_seconds=0,
        operator_token="operator",
        telegram_bot_token="T0KEN",
        telegram_webhook_secret=HEADERS["X-Telegram-Bot-Api-Secret-Token"],
        telegram_api_url="http://telegram.test",
        send_backoff_seconds=0.001,
    )
    app = create_app(settings, RasaClient(settings, transport=httpx.MockTransport(FakeRasa().handler)), telegram)
    with TestClient(app) as client:
        before = _samples(client.get("/metrics").text)
        client.post("/webhooks/telegram", json=update(1, "my pain is 6 today", chat_id=int(CHAT)), headers=HEADERS)
        _person(url, "telegram", "999")
        with session_scope(url) as s:
            reminder_deliveries.plan_due(s, DUE)
            repo.queue_outbox(s, repo.get_or_create_user(s, "web", "browser"), [{"text": "A nudge"}])
        answer = client.get("/metrics")  # no operator token needed
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("text/plain")
    after = _samples(answer.text)

    def grew(name: str, **labels: str) -> float:
        key = (name, tuple(sorted(labels.items())))
        return after.get(key, 0.0) - before.get(key, 0.0)

    assert grew("pacing_webhook_seconds_count", channel="telegram") == 1
    assert grew("pacing_send_retries_total", channel="telegram") >= 1
    assert grew("pacing_send_attempts_total", channel="telegram") >= 2
    assert after[("pacing_queue_depth", (("queue", "reminder_deliveries"),))] == 1
    assert after[("pacing_queue_depth", (("queue", "web_outbox"),))] == 1
    assert "pain" not in answer.text and CHAT not in answer.text  # counts only: no words, no ids


def test_a_dead_letter_is_counted_by_channel_and_reason(tmp_path, monkeypatch):
    from api.channels.telegram import TelegramClient

    url = f"sqlite:///{tmp_path / 'dl.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    settings = Settings(database_url=url, telegram_bot_token="T0KEN", telegram_api_url="http://telegram.test")
    app = create_app(settings, RasaClient(settings, transport=httpx.MockTransport(FakeRasa().handler)))
    with TestClient(app) as client:
        before = _samples(client.get("/metrics").text)
        refusing = httpx.MockTransport(
            lambda r: httpx.Response(403, json={"description": "bot was blocked by the user"})
        )
        TelegramClient(settings, refusing).send("77", [{"text": "Hello"}])
        after = _samples(client.get("/metrics").text)
    key = ("pacing_dead_letters_total", (("channel", "telegram"), ("reason", "blocked")))
    assert after.get(key, 0) - before.get(key, 0) == 1
    assert dt.datetime.now(dt.UTC)  # the scrape itself never fails
