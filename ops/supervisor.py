"""Keeps the stack running: a child that exits (Rasa, the action server, the web app) is started again.

Restarts back off exponentially (doubling) up to a ceiling, so a child that crashes on start does
not spin; a child that stayed up for a while starts again from the shortest wait. Every change is written to the
state file that /healthz reads (what is down, since when, how often restarted) and logged with names and exit codes
only. The web app keeps answering while Rasa or the action server is away: safety replies at once, a kind
"restarting" reply otherwise (api/conversation.py).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ops.stack import CHILDREN, Stack
from ops.supervisor_state import RESTARTING, STARTING, UP, iso, write_state

log = logging.getLogger("pacing.supervisor")


class Backoff:
    """How long to wait before the n-th restart in a row: first, 2x first, 4x first ... never more than ceiling."""

    def __init__(self, first: float = 1.0, ceiling: float = 60.0):
        self.first, self.ceiling = first, ceiling

    def delay(self, crashes_in_a_row: int) -> float:
        return min(self.ceiling, self.first * 2 ** (max(1, crashes_in_a_row) - 1))


@dataclass
class ChildWatch:
    state: str = UP
    since: float = field(default_factory=time.time)  # wall clock: when the child reached this state
    up_at: float = field(default_factory=time.monotonic)
    restart_at: float = 0.0
    restarts: int = 0
    crashes_in_a_row: int = 0
    last_exit: int | None = None

    def as_dict(self, pid: int | None) -> dict[str, Any]:
        return {
            "state": self.state,
            "since": iso(self.since),
            "pid": pid,
            "restarts": self.restarts,
            "crashes_in_a_row": self.crashes_in_a_row,
            "last_exit": self.last_exit,
        }


class Supervisor:
    """Watches a started Stack; call tick() often (run() does), then stack.stop() at the end."""

    def __init__(
        self, stack: Stack, state_file: Path, backoff: Backoff | None = None, stable_after: float = 120.0
    ) -> None:
        self.stack = stack
        self.state_file = state_file
        self.backoff = backoff or Backoff()
        self.stable_after = stable_after
        self.watches = {name: ChildWatch() for name in CHILDREN}
        self.write()

    def write(self) -> None:
        children = {}
        for name, watch in self.watches.items():
            proc = self.stack.procs.get(name)
            children[name] = watch.as_dict(proc.pid if proc is not None and watch.state != RESTARTING else None)
        write_state(self.state_file, children)

    def tick(self) -> None:
        now = time.monotonic()
        changed = False
        for name, watch in self.watches.items():
            proc = self.stack.procs.get(name)
            if watch.state in (UP, STARTING) and (proc is None or proc.poll() is not None):
                self._exited(name, watch, None if proc is None else proc.returncode, now)
            elif watch.state == RESTARTING and now >= watch.restart_at:
                log.info("starting %s again (restart %d)", name, watch.restarts + 1)
                self.stack.start_child(name)
                watch.state, watch.restarts = STARTING, watch.restarts + 1
            elif watch.state == STARTING and self.stack.answers(name):
                log.info("%s is back after %.0f s", name, time.time() - watch.since)
                watch.state, watch.since, watch.up_at = UP, time.time(), now
            else:
                continue
            changed = True
        if changed:
            self.write()

    def _exited(self, name: str, watch: ChildWatch, code: int | None, now: float) -> None:
        self.stack.reap(name)  # a worker left behind by a killed parent would hold the port
        if watch.state == UP:
            if now - watch.up_at >= self.stable_after:
                watch.crashes_in_a_row = 0
            watch.since = time.time()  # down since now; a failed start keeps the first time it went down
        watch.crashes_in_a_row += 1
        watch.last_exit = code
        delay = self.backoff.delay(watch.crashes_in_a_row)
        watch.state, watch.restart_at = RESTARTING, now + delay
        log.warning(
            "%s stopped unexpectedly (exit %s, %d in a row); restarting in %.0f s%s; see %s",
            name,
            code,
            watch.crashes_in_a_row,
            delay,
            " (the longest wait: it keeps failing)" if delay >= self.backoff.ceiling else "",
            self.stack.config.log_dir / f"{name}.log",
        )

    def run(self, should_stop: Callable[[], bool], interval: float = 0.5) -> None:
        while not should_stop():
            self.tick()
            time.sleep(interval)
