"""What Meta's webhooks (WhatsApp and Messenger) share: the verification handshake and the body signature."""
from __future__ import annotations

import hashlib
import hmac
import secrets

from fastapi import HTTPException


def signature_ok(app_secret: str, body: bytes, header: str | None) -> bool:
    """X-Hub-Signature-256 is "sha256=" + HMAC-SHA256 of the raw body with the app secret."""
    expected = "sha256=" + hmac.new(app_secret.encode(), body, hashlib.sha256).hexdigest()
    return bool(header) and hmac.compare_digest(expected.encode(), header.encode())


def verify_handshake(mode: str, token: str, challenge: str, verify_token: str) -> str:
    if mode == "subscribe" and secrets.compare_digest(token.encode(), verify_token.encode()):
        return challenge
    raise HTTPException(status_code=403, detail="Verification failed.")
