"""Files sent in the web chat: a past diary (CSV or JSON) becomes the user's history and starting point."""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter, File, Form, HTTPException, UploadFile

from bot import coach, onboarding
from bot.clock import local_today
from bot.diary import describe_import, import_file
from bot.pacing.diary_import import DiaryImportError
from bot.storage import repo
from bot.storage.db import session_scope

router = APIRouter(tags=["web chat"])
MAX_UPLOAD = 1024 * 1024


@router.post("/webchat/diary", summary="Send a past diary file in the web chat (CSV or JSON, at most 1 MB)")
async def upload_diary(sender: str = Form(min_length=1, max_length=128, pattern=r"^[A-Za-z0-9_.\-]+$"),
                       file: UploadFile = File(...)) -> list[dict[str, Any]]:
    content = await file.read(MAX_UPLOAD + 1)
    if len(content) > MAX_UPLOAD:
        raise HTTPException(status_code=413, detail="The file is larger than 1 MB.")
    with session_scope() as session:
        user = repo.get_or_create_user(session, "web", sender)
        if not user.consented:
            repo.set_offered_payloads(session, user, [b["payload"] for b in onboarding.CONSENT_BUTTONS])
            return [{"recipient_id": sender, "text": onboarding.NEEDS_CONSENT + " " + onboarding.CONSENT,
                     "buttons": onboarding.CONSENT_BUTTONS}]
    try:
        with session_scope() as session:
            user = repo.get_or_create_user(session, "web", sender)
            result = import_file(session, user, content, file.filename)
            plan = coach.plan_text(session, user, local_today(user.timezone))
    except DiaryImportError as exc:
        return [{"recipient_id": sender, "text": f"I couldn't read that file, and nothing was saved. {exc}"}]
    return [{"recipient_id": sender, "text": describe_import(result)}, {"recipient_id": sender, "text": plan}]
