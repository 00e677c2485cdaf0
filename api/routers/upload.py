"""Files sent in the web chat: a past diary (CSV or JSON) becomes the user's history and starting point."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, File, Form, HTTPException, Request, UploadFile

from api.deps import get_app_settings, get_web_sessions
from api.openapi_responses import BODY_LIMITS, INVALID, RATE_LIMITED
from api.routers.webchat import FORBIDDEN, SENDER_PATTERN, require_browser
from api.settings import Settings
from api.web_session import WebSessions
from bot import coach, onboarding
from bot.clock import local_today
from bot.diary import MAX_FILE_BYTES, describe_import, import_file
from bot.pacing.diary_import import DiaryImportError
from bot.storage import repo
from bot.storage.db import session_scope

router = APIRouter(tags=["web chat"], responses={**BODY_LIMITS, **RATE_LIMITED, **INVALID})


@router.post(
    "/webchat/diary", summary="Send a past diary file in the web chat (CSV or JSON, at most 1 MB)", responses=FORBIDDEN
)
async def upload_diary(
    request: Request,
    sender: str = Form(min_length=1, max_length=128, pattern=SENDER_PATTERN),
    file: UploadFile = File(...),
    sessions: WebSessions = Depends(get_web_sessions),
    settings: Settings = Depends(get_app_settings),
) -> list[dict[str, Any]]:
    require_browser(request, sender, sessions, settings, new_allowed=False)
    content = await file.read(MAX_FILE_BYTES + 1)
    if len(content) > MAX_FILE_BYTES:
        raise HTTPException(status_code=413, detail="The file is larger than 1 MB.")
    with session_scope() as session:
        user = repo.get_or_create_user(session, "web", sender)
        if not user.consented:
            repo.set_offered_payloads(session, user, [b["payload"] for b in onboarding.CONSENT_BUTTONS])
            return [
                {
                    "recipient_id": sender,
                    "text": onboarding.NEEDS_CONSENT + " " + onboarding.CONSENT,
                    "buttons": onboarding.CONSENT_BUTTONS,
                }
            ]
    try:
        with session_scope() as session:
            user = repo.get_or_create_user(session, "web", sender)
            result = import_file(session, user, content, file.filename, local_today(user.timezone))
            plan = coach.plan_text(session, user, local_today(user.timezone))
    except DiaryImportError as exc:
        return [{"recipient_id": sender, "text": f"I couldn't read that file, and nothing was saved. {exc}"}]
    return [{"recipient_id": sender, "text": describe_import(result)}, {"recipient_id": sender, "text": plan}]
