"""Serves the short-lived files the bot hands out (data exports, charts, clinician reports) by unguessable link."""

from __future__ import annotations

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import FileResponse

from api.deps import get_web_sessions
from api.web_session import WebSessions
from bot.files import lookup, web_conversation

router = APIRouter(tags=["files"])
TYPES = {".json": "application/json", ".csv": "text/csv", ".png": "image/png", ".pdf": "application/pdf"}


@router.get("/files/{token}/{name}", include_in_schema=False)
def get_file(
    token: str, name: str, request: Request, sessions: WebSessions = Depends(get_web_sessions)
) -> FileResponse:
    path = lookup(token, name)
    conversation = web_conversation(token)
    if conversation is not None and not sessions.owns(request, conversation):
        path = None  # made for another browser's conversation: answered as if it did not exist
    if path is None:
        raise HTTPException(
            status_code=404, detail="This link has expired or does not exist. Ask the bot for a new one."
        )
    media = TYPES.get(path.suffix, "application/octet-stream")
    headers = {"Cache-Control": "no-store"}
    return FileResponse(path, media_type=media, filename=name if path.suffix != ".png" else None, headers=headers)
