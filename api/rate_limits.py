"""Rate limits on the public routes (the `limits` package): per client IP, and per sender on the web chat.

- the web chat (/webhooks/rest/webhook, /webchat/outbox, /webchat/diary): per sender and per IP, each route counted
  on its own, so the page's outbox polling never eats into someone's messages;
- the platform webhooks (/webhooks/telegram, /webhooks/whatsapp, ...): per IP only, with a higher limit, because
  Telegram, Meta and Twilio deliver everyone's messages from a few addresses.

Over a limit: 429, a short kind message and Retry-After. One exception, so a limit never delays crisis help: a web
chat message over its limit is first read by the safety rules (the learned layer is not waited for), and a crisis or
an emergency goes through to the bot as usual, which answers it with the right help line.

Counts live in memory (one process) unless RATE_LIMIT_STORAGE_URL names a Redis server, which every app process then
shares. If that server cannot be reached the request goes through: a broken counter must not lock people out.
The client IP is the one the ASGI server reports (run uvicorn with --proxy-headers behind a trusted proxy).
"""

from __future__ import annotations

import json
import logging
import math
import re
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from limits import RateLimitItem, parse
from limits.errors import StorageError
from limits.storage import storage_from_string
from limits.strategies import FixedWindowRateLimiter
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.settings import Settings
from bot.inbound_text import clean_inbound
from bot.safety.understand import understand

log = logging.getLogger("pacing.rate_limits")

SENDER = re.compile(r"^[A-Za-z0-9_.\-]{1,128}$")  # the web chat's sender pattern; anything else the route refuses
URGENT = {"crisis", "emergency"}
SLOW_DOWN = (
    "You're sending things faster than I can keep up with, so I've paused for a moment. Please wait a "
    "little and try again. If you feel unsafe or this is an emergency, call your local emergency number "
    "(112, 911 or 999)."
)


@dataclass(frozen=True)
class WhoSent:
    """What a request says about who sent it and, for a chat message, what it says."""

    sender: str | None = None
    text: str | None = None


async def from_query(request: Request) -> WhoSent:
    return WhoSent(sender=request.query_params.get("sender"))


async def from_json_message(request: Request) -> WhoSent:
    try:
        body = json.loads(await request.body())
    except ValueError:
        return WhoSent()
    if not isinstance(body, dict):
        return WhoSent()
    sender, text = body.get("sender"), body.get("message")
    return WhoSent(sender if isinstance(sender, str) else None, text if isinstance(text, str) else None)


async def from_form(request: Request) -> WhoSent:
    try:
        form = await request.form(max_files=1, max_fields=10)
    except (HTTPException, ValueError):  # a malformed form: the route itself says what is wrong
        return WhoSent()
    sender = form.get("sender")
    await form.close()
    return WhoSent(sender=sender if isinstance(sender, str) else None)


@dataclass(frozen=True)
class Rule:
    name: str
    per_ip: RateLimitItem
    per_sender: RateLimitItem | None = None
    who_sent: Callable[[Request], Awaitable[WhoSent]] | None = None
    reads_body: bool = False


def rules_from(settings: Settings) -> dict[str, Rule]:
    per_ip, per_sender = parse(settings.rate_limit_per_ip), parse(settings.rate_limit_per_sender)
    return {
        "/webhooks/rest/webhook": Rule("web-message", per_ip, per_sender, from_json_message, reads_body=True),
        "/webchat/outbox": Rule("web-outbox", per_ip, per_sender, from_query),
        "/webchat/diary": Rule("web-diary", per_ip, per_sender, from_form, reads_body=True),
    }


def make_limiter(storage_url: str | None) -> FixedWindowRateLimiter:
    if not storage_url:
        return FixedWindowRateLimiter(storage_from_string("memory://"))
    return FixedWindowRateLimiter(
        storage_from_string(storage_url, wrap_exceptions=True, socket_timeout=0.5, socket_connect_timeout=0.5)
    )


class RateLimitMiddleware:
    """Counts each request to a public route against its limits before the route sees it; 429 when one is used up."""

    def __init__(self, app: ASGIApp, settings: Settings):
        self.app = app
        self.rules = rules_from(settings)
        self.webhook_rule = Rule("platform-webhook", parse(settings.rate_limit_webhook_per_ip))
        self.limiter = make_limiter(settings.rate_limit_storage_url)

    def rule_for(self, path: str) -> Rule | None:
        if path in self.rules:
            return self.rules[path]
        return self.webhook_rule if path.startswith("/webhooks/") else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        rule = self.rule_for(scope["path"]) if scope["type"] == "http" else None
        if rule is None:
            await self.app(scope, receive, send)
            return
        app_receive = peek_receive = receive
        if rule.reads_body:  # the body limit in front has already capped how much this can be
            body = await _read_body(receive)
            app_receive, peek_receive = _replay(body, receive), _replay(body, receive)
        who = await rule.who_sent(Request(scope, peek_receive)) if rule.who_sent else WhoSent()
        client = scope.get("client")
        counts: list[tuple[RateLimitItem, tuple[str, ...]]] = [
            (rule.per_ip, (rule.name, "ip", client[0] if client else "unknown"))
        ]
        if rule.per_sender and who.sender and SENDER.match(who.sender):
            counts.append((rule.per_sender, (rule.name, "sender", who.sender)))
        retry_after = await run_in_threadpool(self._retry_after, counts)
        if retry_after is not None and who.text and await run_in_threadpool(_needs_help_now, who.text):
            log.info("%s over its limit, let through: the safety rules read a crisis or emergency", rule.name)
            retry_after = None
        if retry_after is None:
            await self.app(scope, app_receive, send)
            return
        await JSONResponse({"detail": SLOW_DOWN}, status_code=429, headers={"Retry-After": str(retry_after)})(
            scope, receive, send
        )

    def _retry_after(self, counts: list[tuple[RateLimitItem, tuple[str, ...]]]) -> int | None:
        """Counts this request against each limit; the seconds to wait if any is used up, else None."""
        try:
            for item, key in counts:
                if not self.limiter.hit(item, *key):
                    reset = self.limiter.get_window_stats(item, *key).reset_time
                    return max(1, math.ceil(reset - time.time()))
        except StorageError as exc:
            log.warning("Rate-limit storage unreachable (%s): request let through", type(exc.storage_error).__name__)
        return None


def _needs_help_now(text: str) -> bool:
    return understand(clean_inbound(text), use_learned=False).kind in URGENT


async def _read_body(receive: Receive) -> bytes:
    chunks = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


def _replay(body: bytes, receive: Receive) -> Receive:
    """A receive() that hands over the body already read, then whatever the server sends next (a disconnect)."""
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if sent:
            return await receive()
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return replay
