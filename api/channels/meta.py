"""What Meta's webhooks (WhatsApp and Messenger) share: the verification handshake, the body signature
(X-Hub-Signature-256 over the raw body) and the shape of the router, made from a channel's settings."""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import PlainTextResponse, Response

from api.openapi_responses import BODY_LIMITS, INVALID, RATE_LIMITED, error, text_success
from api.settings import Settings
from api.turns import Turns


def signature_ok(app_secret: str, body: bytes, header: str | None) -> bool:
    """X-Hub-Signature-256 is "sha256=" + HMAC-SHA256 of the raw body with the app secret."""
    if not header:
        return False
    expected = "sha256=" + hmac.new(app_secret.encode(), body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected.encode(), header.encode())


def make_router(
    name: str, path: str, app_secret: str, verify_token: str, handle: Callable[[dict[str, Any]], Awaitable[int]]
) -> APIRouter:
    """GET: Meta's handshake. POST: a signed delivery, handed to `handle`, which returns how many messages it
    answered."""
    router = APIRouter(tags=["channels"], responses={**BODY_LIMITS, **RATE_LIMITED})

    @router.get(
        path,
        response_class=Response,
        summary=f"{name}: Meta's verification handshake",
        responses={
            **text_success("text/plain", "The challenge, sent back"),
            403: error("Wrong verify token"),
            **INVALID,
        },
    )
    def verify(
        mode: str = Query("", alias="hub.mode"),
        token: str = Query("", alias="hub.verify_token"),
        challenge: str = Query("", alias="hub.challenge", max_length=256),
    ) -> PlainTextResponse:
        if mode == "subscribe" and secrets.compare_digest(token.encode(), verify_token.encode()):
            return PlainTextResponse(challenge)
        raise HTTPException(status_code=403, detail="Verification failed.")

    @router.post(
        path,
        summary=f"{name} webhook (X-Hub-Signature-256 required)",
        responses={400: error("Not JSON, or not a webhook delivery"), 401: error("Wrong or missing signature")},
    )
    async def webhook(request: Request) -> dict[str, Any]:
        body = await request.body()
        if not signature_ok(app_secret, body, request.headers.get("x-hub-signature-256")):
            raise HTTPException(status_code=401, detail="Wrong or missing signature.")
        try:
            payload = json.loads(body)
        except ValueError:
            raise HTTPException(status_code=400, detail="The body is not JSON.") from None
        if not isinstance(payload, dict) or not isinstance(payload.get("entry"), list):
            raise HTTPException(status_code=400, detail=f"Not a {name} webhook (no entry list).")
        return {"ok": True, "messages": await handle(payload)}

    return router


def router_factory[C](
    name: str,
    path: str,
    secrets_of: Callable[[Settings], tuple[str | None, str | None]],
    handle_payload: Callable[[dict[str, Any], Turns, C], Awaitable[int]],
) -> Callable[[Settings, Turns, C], APIRouter]:
    """A Meta channel's make_router: its app secret and verify token read from the settings (`secrets_of`), and
    each signed delivery handed to `handle_payload` with the turns (api/turns.py) and the channel's client."""

    def make(settings: Settings, turns: Turns, client: C) -> APIRouter:
        app_secret, verify_token = secrets_of(settings)
        assert app_secret and verify_token, f"made only when the channel is on (Settings.{name.lower()}_enabled)"
        return make_router(name, path, app_secret, verify_token, lambda payload: handle_payload(payload, turns, client))

    return make
