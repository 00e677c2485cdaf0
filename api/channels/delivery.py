"""Every request to a platform's send API, made to arrive: retried with exponential back-off and full jitter
(tenacity) after a 429, a 5xx, a timeout or a lost connection, waiting at least as long as the platform's
Retry-After asks (seconds or an HTTP date, or Telegram's `retry_after`), for a bounded number of attempts within
a deadline (SEND_ATTEMPTS, SEND_DEADLINE_SECONDS). A request that timed out may have reached the platform: it is
retried all the same (a message twice is kinder than a reply lost).

A permanent refusal (each platform's own error codes: blocked, unsubscribed, outside the 24-hour window, no such
recipient, a bad request) is not retried. A reply that could not go is a dead letter (bot.dead_letters: the
platform's code and HTTP status, never the person's words) and the rest of that reply waits in it rather than going
out of order; a refusal pauses that person's reminders. A message the bot starts itself (a reminder) raises instead,
so the scheduler records it against its delivery row and never marks it sent.

Logs name the platform's error code and HTTP status, never a message's text or the request's address (Telegram's
carries the bot token).
"""

from __future__ import annotations

import datetime as dt
import email.utils
import logging
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, cast

import httpx
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session
from tenacity import (
    RetryCallState,
    Retrying,
    retry_if_exception_type,
    stop_after_attempt,
    stop_after_delay,
    wait_random_exponential,
)

from api import outbound
from api.metrics import DEAD_LETTERS, SEND_ATTEMPTS, SEND_RETRIES
from api.settings import Settings
from bot import dead_letters
from bot.storage.db import session_scope

log = logging.getLogger("pacing.delivery")


@dataclass(frozen=True)
class Failure:
    """Why a platform did not take a request: `reason` in our words, `code` in the platform's."""

    reason: str  # blocked, outside_window, unsubscribed, invalid_recipient, rejected, rate_limited, server_error...
    permanent: bool
    code: str | None = None
    status: int | None = None
    retry_after: float | None = None  # seconds the platform asked us to wait


Classify = Callable[[httpx.Response], Failure | None]  # a channel's reading of an answer; None: accepted


class Undelivered(Exception):
    """A message the bot started did not reach the person (raised by a client's push)."""

    def __init__(self, failure: Failure, attempts: int):
        super().__init__(failure.reason)
        self.failure, self.attempts = failure, attempts

    @property
    def reason(self) -> str:
        return self.failure.reason


class Refused(Undelivered):
    """The platform will not deliver to this person (blocked, outside the window, unsubscribed, ...)."""


def retry_after(response: httpx.Response) -> float | None:
    """The Retry-After header in seconds: delta-seconds or an HTTP date (RFC 9110); None when absent or unreadable."""
    value = response.headers.get("retry-after", "").strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return max(0.0, (when - dt.datetime.now(dt.UTC)).total_seconds())


def by_status(response: httpx.Response, code: str | None = None, wait: float | None = None) -> Failure | None:
    """The answer read by its HTTP status alone, for codes a channel does not know: 2xx accepted, 429 and 5xx
    passing, anything else a refusal of the request itself (retrying it would not help)."""
    status = response.status_code
    if 200 <= status < 300:
        return None
    if status == 429:
        return Failure("rate_limited", False, code, status, wait if wait is not None else retry_after(response))
    if status >= 500:
        return Failure("server_error", False, code, status, retry_after(response))
    return Failure("rejected", True, code, status)


def error_code(response: httpx.Response, *path: str) -> Any:
    """A value inside the answer's JSON (e.g. "error", "code"), or None when the body is not that shape."""
    try:
        value: Any = response.json()
    except ValueError:
        return None
    for key in path:
        value = value.get(key) if isinstance(value, dict) else None
    return value


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int = 5
    backoff: float = 0.5
    cap: float = 20.0
    max_retry_after: float = 60.0
    deadline: float = 60.0
    sleep: Callable[[float], None] = time.sleep

    @classmethod
    def from_settings(cls, settings: Settings) -> RetryPolicy:
        return cls(
            settings.send_attempts,
            settings.send_backoff_seconds,
            settings.send_backoff_cap_seconds,
            settings.send_max_retry_after_seconds,
            settings.send_deadline_seconds,
        )


class _Passing(Exception):
    def __init__(self, failure: Failure):
        self.failure = failure


@dataclass
class _Send:
    """One reply or reminder under way in this thread."""

    recipient: str
    pushing: bool
    accepted: list[str] = field(default_factory=list)
    failure: Failure | None = None
    attempts: int = 0
    unsent: list[dict[str, Any]] = field(default_factory=list)  # the request bodies after the failed one


class Delivery:
    """One channel's way out to its platform."""

    def __init__(self, channel: str, settings: Settings, classify: Classify, http: httpx.Client):
        self.channel, self.classify, self.http = channel, classify, http
        self.database_url = settings.database_url
        self.policy = RetryPolicy.from_settings(settings)
        self._local = threading.local()

    @property
    def pushing(self) -> bool:
        """True while a message the bot starts itself is being sent (Messenger marks those UPDATE)."""
        current: _Send | None = getattr(self._local, "send", None)
        return current is not None and current.pushing

    def run(self, recipient: str, send: Callable[[], None], pushing: bool = False) -> list[str]:
        """Runs `send` (a client's rendering of one reply, whose requests go through `post`); returns the
        platform's ids of what it accepted. A push raises Refused or Undelivered; a reply is dead-lettered."""
        current = self._local.send = _Send(recipient, pushing)
        try:
            send()
        finally:
            self._local.send = None
        if current.failure is None:
            return current.accepted
        if pushing:
            kind = Refused if current.failure.permanent else Undelivered
            raise kind(current.failure, current.attempts)
        self._dead_letter(current)
        return current.accepted

    def post(self, what: str, url: str, body: dict[str, Any], **request: Any) -> Any:
        """Sends one request (`body` as JSON, or as a form with form=True); the platform's answer (parsed JSON) when
        it accepted, else None. After a failure in the same reply, later requests wait in the dead letter."""
        current: _Send | None = getattr(self._local, "send", None)
        if current is not None and current.failure is not None:
            current.unsent.append(body)
            return None
        as_form = request.pop("form", False)
        answer, failure, attempts = self._attempts(url, {"data" if as_form else "json": body, **request})
        if failure is None:
            return answer
        log.warning(
            "%s %s not delivered: %s (platform code %s, HTTP %s) after %d attempt(s)",
            self.channel,
            what,
            failure.reason,
            failure.code,
            failure.status,
            attempts,
        )
        if current is not None:
            current.failure, current.attempts = failure, attempts
            if not failure.permanent:
                current.unsent.append(body)
        return None

    def accepted(self, message_id: object) -> None:
        current: _Send | None = getattr(self._local, "send", None)
        if current is not None and message_id is not None:
            current.accepted.append(str(message_id))

    def _attempts(self, url: str, request: dict[str, Any]) -> tuple[Any, Failure | None, int]:
        policy = self.policy
        retrying = Retrying(
            stop=stop_after_attempt(max(1, policy.attempts)) | stop_after_delay(policy.deadline),
            wait=self._wait,
            retry=retry_if_exception_type(_Passing),
            sleep=policy.sleep,
            before_sleep=lambda state: SEND_RETRIES.labels(self.channel).inc(),
            reraise=True,
        )
        attempts = 0

        def attempt() -> tuple[Any, Failure | None]:
            nonlocal attempts
            attempts += 1
            SEND_ATTEMPTS.labels(self.channel).inc()
            try:
                response = self.http.post(url, **request)
            except httpx.TimeoutException:
                raise _Passing(Failure("timeout", False)) from None
            except httpx.TransportError:
                raise _Passing(Failure("unreachable", False)) from None
            failure = self.classify(response)
            if failure is None:
                try:
                    return response.json(), None
                except ValueError:
                    return {}, None
            if failure.permanent or (failure.retry_after or 0) > policy.max_retry_after:
                return None, failure  # not retried: a refusal, or a wait longer than we hold a message
            raise _Passing(failure)

        try:
            answer, failure = retrying(attempt)
        except _Passing as passing:
            return None, passing.failure, attempts
        return answer, failure, attempts

    def _wait(self, state: RetryCallState) -> float:
        policy = self.policy
        error = state.outcome.exception() if state.outcome is not None else None
        asked = error.failure.retry_after if isinstance(error, _Passing) else None
        if asked is not None:  # at least what the platform asked, plus a little jitter
            return asked + random.uniform(0, policy.backoff)
        return float(wait_random_exponential(multiplier=policy.backoff, max=policy.cap)(state))

    def _dead_letter(self, current: _Send) -> None:
        failure = current.failure
        assert failure is not None
        try:
            with session_scope(self.database_url) as session:
                record_dead_letter(
                    session,
                    self.channel,
                    current.recipient,
                    Undelivered(failure, current.attempts),
                    kind="reply",
                    resend=None if failure.permanent else current.unsent,
                )
        except SQLAlchemyError as exc:  # the database is down: the log line above still says what happened
            log.error("%s dead letter not stored: %s", self.channel, type(exc).__name__)


def record_dead_letter(
    session: Session,
    channel: str,
    external_id: str,
    undelivered: Undelivered,
    kind: str,
    resend: list[Any] | None = None,
    reminder_delivery_id: int | None = None,
) -> None:
    """Stores the dead letter, counts it, and pauses that person's reminders when the refusal says so."""
    failure = undelivered.failure
    dead_letters.record(
        session,
        channel,
        external_id,
        kind=kind,
        reason=failure.reason,
        error_code=failure.code,
        http_status=failure.status,
        attempts=undelivered.attempts,
        now=dt.datetime.now(dt.UTC),
        resend=resend or None,
        reminder_delivery_id=reminder_delivery_id,
    )
    DEAD_LETTERS.labels(channel, failure.reason).inc()


class RenderingClient:
    """`send` and `push` for a channel client that is an api.outbound.Sender: each reply rendered once, its
    requests made through the client's `delivery`."""

    delivery: Delivery
    public_base_url: str

    def _render(self, to: str, messages: list[dict[str, Any]]) -> Callable[[], None]:
        return lambda: outbound.render(cast("outbound.Sender", self), to, messages, self.public_base_url)

    def send(self, to: str, messages: list[dict[str, Any]]) -> None:
        """Sends the bot's reply (Rasa REST shape): what cannot go becomes a dead letter."""
        self.delivery.run(to, self._render(to, messages))

    def push(self, to: str, messages: list[dict[str, Any]]) -> list[str]:
        """A message the bot starts (a reminder): the platform's message ids; raises Refused when the platform
        will not deliver to this person, Undelivered when it kept failing."""
        return self.delivery.run(to, self._render(to, messages), pushing=True)
