"""A cap on request bodies, counted as the bytes arrive (declared or chunked), before any parsing or signature work.

Pure ASGI on purpose: it sees every `http.request` message the server hands over, so a chunked body that never
declares its length is stopped as soon as it passes the limit, and nothing behind it ever holds the whole body.
"""

from __future__ import annotations

import re

from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from bot.diary import MAX_FILE_BYTES

MULTIPART_OVERHEAD = 64 * 1024  # boundaries, part headers and the small form fields around a 1 MB file
UPLOAD_ROUTES = re.compile(r"^(/webchat/diary|/pacing/users/[^/]+/[^/]+/diary)$")
TOO_LARGE = "That is more than I can take in at once, so I stopped reading it. Please send something smaller."
BAD_LENGTH = "The Content-Length header is not a number."


class BodyTooLarge(Exception):
    """Raised into the app's receive() once the body passes the limit; the middleware answers 413 itself."""


def body_limit_for(path: str, default: int) -> int:
    """The diary uploads take a 1 MB file plus multipart overhead; every other route takes `default` bytes."""
    return MAX_FILE_BYTES + MULTIPART_OVERHEAD if UPLOAD_ROUTES.match(path) else default


class BodyLimitMiddleware:
    """413 for a declared length over the limit (nothing read) or a stream that passes it (reading stops there);
    400 for a Content-Length that is not digits. The answers are short and never echo what was sent."""

    def __init__(self, app: ASGIApp, max_body_bytes: int):
        self.app = app
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = body_limit_for(scope["path"], self.max_body_bytes)
        declared = _content_length(scope)
        if declared is not None and not declared.isdigit():
            await JSONResponse({"detail": BAD_LENGTH}, status_code=400)(scope, receive, send)
            return
        if declared is not None and int(declared) > limit:
            await JSONResponse({"detail": TOO_LARGE}, status_code=413)(scope, receive, send)
            return

        received = 0
        over = False
        started = False

        async def counting_receive() -> Message:
            nonlocal received, over
            if over:
                raise BodyTooLarge()
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    over = True
                    raise BodyTooLarge()
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal started
            if over and not started:
                return  # whatever the app makes of the interrupted read (a 400, say), the answer is our 413
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counting_receive, guarded_send)
        except Exception:
            if not over:
                raise
        if over and not started:
            await JSONResponse({"detail": TOO_LARGE}, status_code=413, headers={"Connection": "close"})(
                scope, receive, send
            )


def _content_length(scope: Scope) -> str | None:
    for name, value in scope["headers"]:
        if name == b"content-length":
            return value.decode("latin-1").strip()
    return None
