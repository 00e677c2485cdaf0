"""The web channel: Rasa's REST channel shape, so Rasa web widgets and test tools work against it."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import APIRouter, Depends, Query
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, Field, field_validator

from api.conversation import Conversation
from api.deps import get_conversation
from bot.inbound_text import clean_inbound
from bot.storage import repo
from bot.storage.db import session_scope

router = APIRouter(tags=["web chat"])
STATIC = Path(__file__).resolve().parent.parent / "static"


class RestMessage(BaseModel):
    sender: str = Field(min_length=1, max_length=128, pattern=r"^[A-Za-z0-9_.\-]+$",
                        description="A stable id for the person chatting (the web page keeps a random one).")
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


@router.post("/webhooks/rest/webhook", response_model=list[BotMessage], response_model_exclude_none=True)
def rest_webhook(body: RestMessage, conversation: Conversation = Depends(get_conversation)) -> list[dict[str, Any]]:
    reply = conversation.handle("web", body.sender, body.message, body.metadata)
    return [{**m, "recipient_id": body.sender} for m in reply.messages]


@router.get("/webchat/outbox", response_model=list[BotMessage], response_model_exclude_none=True,
            summary="Messages the bot sent on its own (reminders) since the page last asked")
def outbox(sender: str = Query(min_length=1, max_length=128, pattern=r"^[A-Za-z0-9_.\-]+$")) -> list[dict[str, Any]]:
    with session_scope() as session:
        user = repo.find_user(session, "web", sender)
        messages = repo.take_outbox(session, user) if user else []
    return [{**m, "recipient_id": sender} for m in messages]


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def chat_page() -> str:
    return (STATIC / "index.html").read_text(encoding="utf-8")
