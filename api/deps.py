"""FastAPI dependencies: the settings, the Rasa client and the conversation pipeline, one of each per app."""
from __future__ import annotations

import secrets

from fastapi import Depends, Header, HTTPException, Request

from api.conversation import Conversation
from api.settings import Settings


def get_conversation(request: Request) -> Conversation:
    return request.app.state.conversation


def get_app_settings(request: Request) -> Settings:
    return request.app.state.settings


def require_operator(authorization: str | None = Header(default=None, description="Bearer <OPERATOR_TOKEN>"),
                     settings: Settings = Depends(get_app_settings)) -> None:
    """Operator endpoints: off unless OPERATOR_TOKEN is set; then a matching bearer token is needed."""
    if not settings.operator_token:
        raise HTTPException(status_code=503, detail="The operator API is off: set OPERATOR_TOKEN to enable it.")
    expected = f"Bearer {settings.operator_token}"
    if not authorization or not secrets.compare_digest(authorization.encode(), expected.encode()):
        raise HTTPException(status_code=401, detail="Missing or wrong operator token.")
