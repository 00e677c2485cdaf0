"""Serves the short-lived files the bot hands out (data exports, charts) by their unguessable link."""
from __future__ import annotations

from fastapi import APIRouter, HTTPException
from fastapi.responses import FileResponse

from bot.files import lookup

router = APIRouter(tags=["files"])
TYPES = {".json": "application/json", ".csv": "text/csv", ".png": "image/png"}


@router.get("/files/{token}/{name}", include_in_schema=False)
def get_file(token: str, name: str) -> FileResponse:
    path = lookup(token, name)
    if path is None:
        raise HTTPException(status_code=404, detail="This link has expired or does not exist. Ask the bot for a new one.")
    media = TYPES.get(path.suffix, "application/octet-stream")
    headers = {"Cache-Control": "no-store"}
    return FileResponse(path, media_type=media, filename=name if path.suffix != ".png" else None, headers=headers)
