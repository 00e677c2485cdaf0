"""The web channel: Rasa's REST channel shape, so Rasa web widgets and test tools work against it.

A conversation belongs to the browser that started it (api/web_session.py): a message, the outbox or an upload for
an existing conversation without that browser's session cookie gets 403, and a cross-site request gets 403.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, Field, field_validator
from sqlalchemy.exc import SQLAlchemyError

from api.deps import get_app_settings, get_turns, get_web_sessions
from api.inbound import Inbound
from api.openapi_responses import BODY_LIMITS, INVALID, RATE_LIMITED, Responses, error
from api.security_headers import came_over_https
from api.settings import Settings
from api.turns import Turns
from api.web_session import WebSessions, same_origin
from bot.inbound_text import clean_inbound
from bot.storage import repo
from bot.storage.db import session_scope

router = APIRouter(tags=["web chat"], responses={**BODY_LIMITS, **RATE_LIMITED, **INVALID})
SENDER_PATTERN = r"^[A-Za-z0-9_.\-]+$"
NOT_YOURS = (
    "This conversation was started in another browser. Reload the page to start a new one here "
    "(your earlier conversation stays in the browser that started it)."
)
CROSS_SITE = "Requests from other websites are not accepted."
FORBIDDEN: Responses = {403: error("Another browser's conversation, or a cross-site request")}
STATIC = Path(__file__).resolve().parent.parent / "static"


def _text_or_none(value: object) -> str | None:
    return value if isinstance(value, str) else None


def conversation_exists(sender: str) -> bool:
    """True when the app knows this web conversation. With the database down nothing can be read or written, so
    the message goes on to the conversation, whose safety reply never needs the database."""
    try:
        with session_scope() as session:
            return repo.find_user(session, "web", sender) is not None
    except SQLAlchemyError:
        return False


def require_browser(
    request: Request, sender: str, sessions: WebSessions, settings: Settings, new_allowed: bool
) -> None:
    if request.method != "GET" and not same_origin(request, settings.public_base_url):
        raise HTTPException(status_code=403, detail=CROSS_SITE)
    if sessions.owns(request, sender):
        return
    if not new_allowed or conversation_exists(sender):
        raise HTTPException(status_code=403, detail=NOT_YOURS)


def bind_browser(request: Request, response: Response, sender: str, sessions: WebSessions, settings: Settings) -> None:
    sessions.bind(request, response, sender, https=came_over_https(request.scope, settings.trust_forwarded_proto))


class RestMessage(BaseModel):
    sender: str = Field(
        min_length=1,
        max_length=128,
        pattern=SENDER_PATTERN,
        description="A stable id for the person chatting (the web page keeps a random one).",
    )
    message: str = Field(default="", max_length=60_000)
    metadata: dict[str, Any] | None = None

    @field_validator("message", mode="before")
    @classmethod
    def _readable(cls, value: Any) -> Any:
        """A lone surrogate or a NUL is read around, never refused: it may be inside a cry for help."""
        return clean_inbound(value) if isinstance(value, str) else value


class BotMessage(BaseModel):
    recipient_id: str
    text: str | None = None
    buttons: list[dict[str, Any]] | None = None
    image: str | None = None
    custom: dict[str, Any] | None = None
    attachment: Any | None = None


@router.post(
    "/webhooks/rest/webhook", response_model=list[BotMessage], response_model_exclude_none=True, responses=FORBIDDEN
)
async def rest_webhook(
    body: RestMessage,
    request: Request,
    response: Response,
    turns: Turns = Depends(get_turns),
    sessions: WebSessions = Depends(get_web_sessions),
    settings: Settings = Depends(get_app_settings),
) -> list[dict[str, Any]]:
    metadata = body.metadata or {}
    inbound = Inbound(
        "web",
        body.sender,
        body.message,
        country=_text_or_none(metadata.get("country")),
        timezone=_text_or_none(metadata.get("timezone")),
    )
    reply = await turns.answer(
        inbound, check=partial(require_browser, request, body.sender, sessions, settings, new_allowed=True)
    )
    bind_browser(request, response, body.sender, sessions, settings)
    return [{**m, "recipient_id": body.sender} for m in reply.messages]


@router.get(
    "/webchat/outbox",
    response_model=list[BotMessage],
    response_model_exclude_none=True,
    summary="Messages the bot sent on its own (reminders) since the page last asked",
    responses=FORBIDDEN,
)
def outbox(
    request: Request,
    sender: str = Query(min_length=1, max_length=128, pattern=SENDER_PATTERN),
    sessions: WebSessions = Depends(get_web_sessions),
    settings: Settings = Depends(get_app_settings),
) -> list[dict[str, Any]]:
    require_browser(request, sender, sessions, settings, new_allowed=False)
    with session_scope() as session:
        user = repo.find_user(session, "web", sender)
        messages = repo.take_outbox(session, user) if user else []
    return [{**m, "recipient_id": sender} for m in messages]


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def chat_page() -> str:
    return (STATIC / "index.html").read_text(encoding="utf-8")
