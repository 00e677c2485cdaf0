"""GET /healthz: are Rasa, the action server and the database ready?"""

from __future__ import annotations

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

router = APIRouter(tags=["health"], responses=BODY_LIMITS)


class HealthOut(BaseModel):
    ready: bool
    rasa: bool
    actions: bool
    database: bool
    safety_layer: str


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


@router.get(
    "/healthz",
    responses={
        200: {"model": HealthOut, "description": "Every part is ready"},
        503: {"model": HealthOut, "description": "Some part is not ready (see which)"},
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
    return JSONResponse({"ready": ok, **status, "safety_layer": layer}, status_code=200 if ok else 503)
