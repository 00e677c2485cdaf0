"""Where each part of a turn runs, so help never queues behind a crowd.

A turn spends most of its time waiting: on Rasa, on the database, on a messaging platform. Each waits in a worker
thread, and threads are few. Were the safety screen in the same pool, a crisis message sent while many people chat
would wait for a thread to come free before anyone read it. So a turn runs in three lanes, each with its own threads:
- screen (SCREEN_THREADS): the safety screen (api/conversation.py, step 1), which needs nothing but the text and a
  little CPU; a crisis or an emergency is answered from here at once;
- help sends (HELP_SEND_THREADS): sending that answer to a messaging platform, retries included;
- turns (TURN_THREADS): the rest of the turn (the person's record, Rasa) and sending ordinary replies.
Channels hand their Inbound here, never to Conversation directly.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from anyio import CapacityLimiter, to_thread

from api.conversation import Conversation, Screened
from api.inbound import Inbound, Reply
from api.settings import Settings


class Turns:
    def __init__(self, conversation: Conversation, settings: Settings):
        self.conversation = conversation
        self._sizes = (settings.screen_threads, settings.help_send_threads, settings.turn_threads)
        self._lanes: tuple[CapacityLimiter, CapacityLimiter, CapacityLimiter] | None = None

    def _lane(self, which: int) -> CapacityLimiter:
        if self._lanes is None:  # made on first use, inside the server's event loop
            screen, help_sends, turns = self._sizes
            self._lanes = (CapacityLimiter(screen), CapacityLimiter(help_sends), CapacityLimiter(turns))
        return self._lanes[which]

    async def answer(self, inbound: Inbound, check: Callable[[], None] | None = None) -> Reply:
        """The turn for one inbound message. `check` (the web chat's ownership check) runs first, in the screen
        lane; whatever it raises ends the turn before anything is read."""
        screened = await to_thread.run_sync(self._screen, inbound, check, limiter=self._lane(0))
        if screened.reply is not None:
            return screened.reply
        return await to_thread.run_sync(self.conversation.handle, inbound, screened, limiter=self._lane(2))

    def _screen(self, inbound: Inbound, check: Callable[[], None] | None) -> Screened:
        if check is not None:
            check()
        return self.conversation.screen(inbound)

    async def screen_only(self, text: object, country: str | None = None) -> Reply | None:
        """The safety screen alone, storing nothing (a group chat's words)."""
        return await to_thread.run_sync(self.conversation.screen_only, text, country, limiter=self._lane(0))

    async def send[T](self, reply: Reply | None, send: Callable[..., T], *args: Any) -> T:
        """Sends (or acknowledges) on a platform: a safety reply in its own lane, anything else with the turns."""
        lane = self._lane(1) if reply is not None and reply.safety else self._lane(2)
        return await to_thread.run_sync(partial(send, *args), limiter=lane)

    async def work[T](self, job: Callable[..., T], *args: Any) -> T:
        """Other blocking work of an ordinary turn (a database read), with the turns."""
        return await to_thread.run_sync(partial(job, *args), limiter=self._lane(2))
