"""/metrics in Prometheus text format: webhook latency, send attempts, retries and dead letters per channel, and the
depth of the reminder deliveries and the web outbox.

It is served without the operator token, like /healthz: it holds counts and timings per channel and queue only, no
person, identifier or message text, and Prometheus scrapers expect an open endpoint on the app's address."""

from __future__ import annotations

import time
from collections.abc import Iterator

from fastapi import APIRouter
from fastapi.responses import Response
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector
from sqlalchemy import func, select
from sqlalchemy.exc import SQLAlchemyError
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from bot.storage.db import session_scope
from bot.storage.models import OutboxMessage, ReminderDelivery

REGISTRY = CollectorRegistry()
WEBHOOK_SECONDS = Histogram(
    "pacing_webhook_seconds",
    "Time from a platform's webhook call to our answer, per channel",
    ["channel"],
    buckets=(0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0, 30.0),
    registry=REGISTRY,
)
SEND_ATTEMPTS = Counter(
    "pacing_send_attempts", "Requests made to a platform's send API, retries included", ["channel"], registry=REGISTRY
)
SEND_RETRIES = Counter(
    "pacing_send_retries", "Requests repeated after a 429, a 5xx or a timeout", ["channel"], registry=REGISTRY
)
DEAD_LETTERS = Counter(
    "pacing_dead_letters",
    "Messages the platform did not take, recorded as dead letters",
    ["channel", "reason"],
    registry=REGISTRY,
)
WEBHOOK_PREFIX = "/webhooks/"


class QueueDepth(Collector):
    """Read at each scrape: reminder deliveries not yet sent (pending or being sent) and web outbox messages not yet
    picked up. A database that does not answer leaves the gauges out rather than failing the scrape."""

    def __init__(self, database_url: str | None):
        self.database_url = database_url

    def collect(self) -> Iterator[GaugeMetricFamily]:
        gauge = GaugeMetricFamily("pacing_queue_depth", "Messages waiting to be sent, per queue", labels=["queue"])
        try:
            with session_scope(self.database_url) as session:
                reminders = session.scalar(
                    select(func.count())
                    .select_from(ReminderDelivery)
                    .where(ReminderDelivery.status.in_(("pending", "sending")))
                )
                outbox = session.scalar(
                    select(func.count()).select_from(OutboxMessage).where(OutboxMessage.delivered_at.is_(None))
                )
        except SQLAlchemyError:
            return
        gauge.add_metric(["reminder_deliveries"], float(reminders or 0))
        gauge.add_metric(["web_outbox"], float(outbox or 0))
        yield gauge


class WebhookTiming:
    """ASGI middleware: times each POST to /webhooks/<channel>, from arrival to the answer's start."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "") if scope["type"] == "http" else ""
        if not path.startswith(WEBHOOK_PREFIX) or scope.get("method") != "POST":
            await self.app(scope, receive, send)
            return
        channel = path[len(WEBHOOK_PREFIX) :].split("/", 1)[0] or "unknown"
        started = time.perf_counter()
        timed = False

        async def timed_send(message: Message) -> None:
            nonlocal timed
            if message["type"] == "http.response.start" and not timed:
                timed = True
                WEBHOOK_SECONDS.labels(channel).observe(time.perf_counter() - started)
            await send(message)

        await self.app(scope, receive, timed_send)


_queue_collectors: list[QueueDepth] = []


def _read_queues_of(database_url: str | None) -> None:
    """One queue collector per process (tests make many apps): the newest app's database is the one read."""
    while _queue_collectors:
        REGISTRY.unregister(_queue_collectors.pop())
    _queue_collectors.append(QueueDepth(database_url))
    REGISTRY.register(_queue_collectors[0])


def make_router(database_url: str | None) -> APIRouter:
    _read_queues_of(database_url)
    router = APIRouter(tags=["service"])

    @router.get(
        "/metrics",
        summary="Prometheus metrics (no personal data: counts and timings per channel and queue)",
        response_class=Response,
        responses={200: {"content": {CONTENT_TYPE_LATEST: {"schema": {"type": "string"}}}}},
    )
    def metrics() -> Response:
        return Response(generate_latest(REGISTRY), media_type=CONTENT_TYPE_LATEST)

    return router
