"""FastAPI dependencies: the settings, the turn pipeline (api/turns.py) and the operator token check."""

from __future__ import annotations

import secrets

from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from api.settings import Settings
from api.turns import Turns
from api.web_session import WebSessions

operator_bearer = HTTPBearer(
    auto_error=False, scheme_name="OperatorToken", description="The OPERATOR_TOKEN from the server's environment."
)


def get_turns(request: Request) -> Turns:
    return request.app.state.turns


def get_web_sessions(request: Request) -> WebSessions:
    return request.app.state.web_sessions


def get_app_settings(request: Request) -> Settings:
    return request.app.state.settings


def require_operator(
    credentials: HTTPAuthorizationCredentials | None = Depends(operator_bearer),
    settings: Settings = Depends(get_app_settings),
) -> None:
    """Operator endpoints: off unless OPERATOR_TOKEN is set; then a matching bearer token is needed."""
    if not settings.operator_token:
        raise HTTPException(status_code=503, detail="The operator API is off: set OPERATOR_TOKEN to enable it.")
    given = credentials.credentials if credentials else ""
    if not secrets.compare_digest(given.encode(), settings.operator_token.encode()):
        raise HTTPException(status_code=401, detail="Missing or wrong operator token.")
