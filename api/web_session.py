"""Binds web chat conversations to the browser that started them: a session cookie signed by the server.

The web page picks a random sender id. On its own, that id would be the only credential: anyone who learned it could
read that person's week summary, outbox and exports, or write into their diary. So the first message of a new
conversation sets a cookie (HttpOnly, SameSite=Strict, Secure over https) listing the conversations this browser
started, signed with the server's secret (itsdangerous); every later request for an existing conversation must
bring it. A browser may hold a few conversations (the page can start a new one); the oldest drop off.

The secret comes from WEB_SESSION_SECRET, or else from `var/secrets/web-session.key`, created on first use and
readable by the service user only, so sessions survive restarts.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from fastapi import Request, Response
from itsdangerous import BadSignature, URLSafeTimedSerializer

COOKIE = "pacing_session"
MAX_CONVERSATIONS = 8
MAX_AGE_SECONDS = 180 * 24 * 3600
KEY_FILE = Path(__file__).resolve().parents[1] / "var" / "secrets" / "web-session.key"


def session_secret(configured: str | None, key_file: Path = KEY_FILE) -> str:
    if configured:
        return configured
    if key_file.is_file():
        return key_file.read_text().strip()
    key_file.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    descriptor = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w") as out:
        out.write(secrets.token_urlsafe(32))
    return key_file.read_text().strip()


class WebSessions:
    def __init__(self, secret: str):
        self._signer = URLSafeTimedSerializer(secret, salt="pacing-coach web conversations")

    def conversations(self, request: Request) -> list[str]:
        """The conversations this browser started (none when the cookie is missing, forged, or too old)."""
        cookie = request.cookies.get(COOKIE)
        if not cookie:
            return []
        try:
            senders = self._signer.loads(cookie, max_age=MAX_AGE_SECONDS)
        except BadSignature:
            return []
        return [s for s in senders if isinstance(s, str)] if isinstance(senders, list) else []

    def owns(self, request: Request, sender: str) -> bool:
        return sender in self.conversations(request)

    def bind(self, request: Request, response: Response, sender: str, https: bool) -> None:
        """Adds the conversation to this browser's cookie (the newest first)."""
        senders = [sender] + [s for s in self.conversations(request) if s != sender]
        response.set_cookie(
            COOKIE,
            self._signer.dumps(senders[:MAX_CONVERSATIONS]),
            max_age=MAX_AGE_SECONDS,
            httponly=True,
            samesite="strict",
            secure=https,
            path="/",
        )


def same_origin(request: Request, allowed: str | None = None) -> bool:
    """A browser's cross-site request carries a foreign Origin; a request without one (not a browser) passes."""
    origin = request.headers.get("origin")
    if origin is None:
        return True
    own = f"{request.url.scheme}://{request.headers.get('host', '')}"
    return origin in {own, (allowed or "").rstrip("/")}
