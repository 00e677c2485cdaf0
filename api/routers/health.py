"""GET /healthz: are Rasa, the action server and the database ready? What is down, and since when?"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import httpx
from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy import text

from api.deps import get_app_settings
from api.openapi_responses import BODY_LIMITS
from api.settings import Settings
from bot.safety.meaning.layer import layer_state
from bot.storage.db import get_engine
from ops.supervisor_state import UP, iso, read_children

router = APIRouter(tags=["health"], responses=BODY_LIMITS)

_first_seen_down: dict[str, float] = {}  # part -> when this app first found it down (without a supervisor's word)


class DownOut(BaseModel):
    since: str  # ISO 8601, UTC
    state: str | None = None  # the supervisor's: "waiting to restart" or "starting"
    restarts: int | None = None
    last_exit: int | None = None


class HealthOut(BaseModel):
    ready: bool
    rasa: bool
    actions: bool
    database: bool
    safety_layer: str
    down: dict[str, DownOut]


def _database_ready() -> bool:
    try:
        with get_engine().connect() as connection:
            connection.execute(text("SELECT 1"))
        return True
    except Exception:  # any driver error means "not ready"
        return False


def _actions_ready(settings: Settings) -> bool:
    try:
        return httpx.get(f"{settings.action_server_url}/health", timeout=3.0).status_code == 200
    except httpx.HTTPError:
        return False


def _down(status: dict[str, bool], settings: Settings) -> dict[str, dict[str, Any]]:
    """The supervisor's account of a child it is restarting; otherwise when this app first saw the part down."""
    supervised = read_children(Path(settings.supervisor_state_file)) if settings.supervisor_state_file else {}
    down = {
        name: {key: child.get(key) for key in ("since", "state", "restarts", "last_exit")}
        for name, child in supervised.items()
        if isinstance(child, dict) and child.get("state") != UP
    }
    now = time.time()
    for part, ok in status.items():
        if ok:
            _first_seen_down.pop(part, None)
        elif part not in down:
            down[part] = {"since": iso(_first_seen_down.setdefault(part, now))}
    return down


@router.get(
    "/healthz",
    responses={
        200: {"model": HealthOut, "description": "Every part is ready"},
        503: {"model": HealthOut, "description": "Some part is not ready (see which, and since when, in `down`)"},
    },
)
def healthz(request: Request, settings: Settings = Depends(get_app_settings)) -> JSONResponse:
    status = {
        "rasa": request.app.state.conversation.rasa.ready(),
        "actions": _actions_ready(settings),
        "database": _database_ready(),
    }
    layer = layer_state()
    ok = all(status.values()) and layer == "ready"
    body = {"ready": ok, **status, "safety_layer": layer, "down": _down(status, settings)}
    return JSONResponse(body, status_code=200 if ok else 503)
