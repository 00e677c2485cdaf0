"""An unexpected error becomes a kind 500 and one log line without the person's words.

Starlette would re-raise the exception to the server, which logs the full traceback and its message (which can hold
what someone typed). This outermost app middleware catches it first: it logs the kind and place of the error only
(bot/private_logging.py) and answers `{"detail": ...}` without echoing anything.
"""

from __future__ import annotations

import logging

from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from bot.private_logging import describe_exception

log = logging.getLogger("pacing.api.errors")
KIND_500 = "Sorry, something went wrong on our side. Nothing you sent was lost; please try again in a moment."


class ServerErrorsWithoutText:
    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def watch(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, watch)
        except Exception as error:  # noqa: BLE001 - every unexpected error, logged without its text
            log.error(
                "unexpected error on %s %s: %s",
                scope.get("method"),
                scope.get("route_path") or "a route",
                describe_exception(error),
            )
            if not started:
                await JSONResponse({"detail": KIND_500}, status_code=500)(scope, receive, send)
