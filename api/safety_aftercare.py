"""What follows a safety reply, off the reply's path: end the form in Rasa, store the event.

The reply to a crisis or an emergency never waits for the database or Rasa: `Conversation` answers first and hands
the rest to this module's worker threads. Storing the event is retried (with back-off, for up to a day) while the
database is down or locked, so it is stored when the database is back; ending the form gets one short try.

The workers are daemon threads: a retry that is still waiting for the database never keeps the process from
exiting (`close()` ends the waiting first, on an orderly shutdown).
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future, wait
from dataclasses import dataclass

from sqlalchemy.exc import SQLAlchemyError
from tenacity import Retrying, retry_if_exception_type, stop_after_delay, stop_when_event_set, wait_exponential

from api.rasa_client import RasaClient, RasaUnavailable
from bot.storage import repo
from bot.storage.db import session_scope

log = logging.getLogger("pacing.safety.aftercare")

END_FORM_TIMEOUT_SECONDS = 2.0


@dataclass(frozen=True)
class SafetyEvent:
    channel: str
    external_id: str
    kind: str  # "crisis" | "emergency" | "dose_request"
    rules: tuple[str, ...]
    text: str


def _store(event: SafetyEvent, database_url: str | None) -> None:
    with session_scope(database_url) as session:
        user = repo.get_or_create_user(session, event.channel, event.external_id)
        repo.record_event(
            session,
            user,
            event.kind,
            level="stop" if event.kind == "emergency" else None,
            emergency=event.kind == "emergency",
            rules=event.rules,
            text=event.text[:2000],
        )
        repo.set_offered_payloads(session, user, [])


class DaemonWorkers:
    """A small fixed pool of daemon threads: like ThreadPoolExecutor, but never joined at interpreter exit."""

    def __init__(self, workers: int, name: str):
        self._jobs: queue.SimpleQueue[tuple[Future[None], Callable[[], None]] | None] = queue.SimpleQueue()
        self._closed = False
        for number in range(workers):
            threading.Thread(target=self._work, name=f"{name}-{number}", daemon=True).start()
        self._workers = workers

    def submit(self, job: Callable[[], None]) -> Future[None]:
        future: Future[None] = Future()
        if self._closed:
            future.cancel()
            future.set_running_or_notify_cancel()
            return future
        self._jobs.put((future, job))
        return future

    def shutdown(self) -> None:
        self._closed = True
        for _ in range(self._workers):
            self._jobs.put(None)

    def _work(self) -> None:
        while (item := self._jobs.get()) is not None:
            future, job = item
            if not future.set_running_or_notify_cancel():
                continue
            try:
                job()
            except BaseException as error:  # the future carries it; the worker lives on
                future.set_exception(error)
            else:
                future.set_result(None)


class SafetyAftercare:
    def __init__(self, rasa: RasaClient, database_url: str | None = None):
        self.rasa = rasa
        self.database_url = database_url
        self._storage = DaemonWorkers(2, "safety-store")
        self._engine = DaemonWorkers(2, "safety-end-form")
        self._pending: set[Future[None]] = set()
        self._closing = threading.Event()
        self._retrying = Retrying(
            retry=retry_if_exception_type(SQLAlchemyError),
            wait=wait_exponential(multiplier=0.5, max=60),
            stop=stop_after_delay(24 * 3600) | stop_when_event_set(self._closing),
            sleep=self._sleep,
            reraise=True,
        )

    def _sleep(self, seconds: float) -> None:
        """Waits between retries; close() ends the wait at once."""
        self._closing.wait(seconds)

    def after_reply(self, event: SafetyEvent, sender: str, end_form: bool) -> None:
        self._track(self._storage.submit(lambda: self._store_logged(event)))
        if end_form:
            self._track(self._engine.submit(lambda: self._end_form(sender)))

    def drain(self, timeout: float | None = None) -> bool:
        """Waits for the work handed over so far (tests, shutdown); True when all of it finished."""
        _, not_done = wait(list(self._pending), timeout=timeout)
        return not not_done

    def close(self) -> None:
        """Stops retrying (shutdown): what is still unstored is logged, the process is free to exit."""
        self._closing.set()
        self._storage.shutdown()
        self._engine.shutdown()

    def _track(self, future: Future[None]) -> None:
        self._pending.add(future)
        future.add_done_callback(self._pending.discard)

    def _store_logged(self, event: SafetyEvent) -> None:
        try:
            self._retrying(_store, event, self.database_url)
        except SQLAlchemyError:
            log.error("a safety event could not be stored: the database stayed unavailable")  # never text or who

    def _end_form(self, sender: str) -> None:
        try:
            self.rasa.end_active_form(sender, timeout=END_FORM_TIMEOUT_SECONDS)
        except RasaUnavailable:
            log.error("could not end the active form after a safety reply")
