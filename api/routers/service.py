"""Service endpoints for clinicians' tools and other clients (operator token): the user's data, pacing, triage."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from fastapi import APIRouter, Depends, File, HTTPException, Path, UploadFile
from fastapi.responses import PlainTextResponse, Response
from pydantic import BaseModel, Field

from api.deps import require_operator
from api.openapi_responses import BODY_LIMITS, INVALID, NOT_FOUND, OPERATOR, text_success
from bot import coach
from bot.clock import local_today
from bot.diary import MAX_FILE_BYTES, import_file
from bot.erasure import erase_user
from bot.identity import make_sender_id
from bot.pacing.diary_import import MIN_YEAR, DiaryImportError
from bot.pacing.engine import plan_history
from bot.storage import repo
from bot.storage.db import session_scope
from bot.storage.rasa_tracker import erase_conversation
from bot.triage.rules import FollowUp, triage

router = APIRouter(dependencies=[Depends(require_operator)], responses={**BODY_LIMITS, **OPERATOR, **INVALID})
# The channels a user can come from (api/main.py registers them; "web" is the web chat).
KnownChannel = Literal["web", "telegram", "whatsapp", "messenger", "sms"]
EARLIEST_DAY = dt.date(MIN_YEAR, 1, 1)
FURTHEST_AHEAD = dt.timedelta(days=366)
OUT_OF_RANGE = f"Dates must fall between {MIN_YEAR} and a year from today."


def _plausible_day(day: dt.date, user) -> dt.date:
    """A day from 1900 to a year past the user's today. The plan is worked out day by day from the first log, so a
    day near the year 9999 would take seconds of work and then overflow; one in year 1 underflows last week."""
    if not EARLIEST_DAY <= day <= local_today(user.timezone) + FURTHEST_AHEAD:
        raise HTTPException(status_code=422, detail=OUT_OF_RANGE)
    return day


def _user_or_404(session, channel: str, external_id: str):
    user = repo.find_user(session, channel, external_id)
    if user is None:
        raise HTTPException(status_code=404, detail="No such user.")
    return user


@router.get(
    "/operator/users/{channel}/{external_id}/export",
    tags=["operator"],
    responses=NOT_FOUND,
    summary="Everything stored about a user",
)
def export_user(channel: str, external_id: str) -> dict[str, Any]:
    with session_scope() as session:
        return repo.export_user(session, _user_or_404(session, channel, external_id))


@router.get(
    "/operator/users/{channel}/{external_id}/checkins.csv",
    tags=["operator"],
    response_class=Response,
    responses={**text_success("text/csv", "The check-ins, one a row"), **NOT_FOUND},
    summary="The user's check-ins as CSV",
)
def export_csv(channel: str, external_id: str) -> PlainTextResponse:
    with session_scope() as session:
        text = repo.checkins_csv(session, _user_or_404(session, channel, external_id))
    return PlainTextResponse(text, media_type="text/csv")


@router.delete(
    "/operator/users/{channel}/{external_id}",
    tags=["operator"],
    responses=NOT_FOUND,
    summary="Delete everything about a user",
)
def delete_user(channel: str, external_id: str) -> dict[str, str]:
    with session_scope() as session:
        erase_user(session, _user_or_404(session, channel, external_id))
    erase_conversation(make_sender_id(channel, external_id))
    return {"status": "deleted"}


class PlanOut(BaseModel):
    activity: str
    day: dt.date
    target_minutes: int | None
    phase: str
    previous_target: int | None
    week_start: dt.date | None
    reason: str


def _plan_out(d) -> PlanOut:
    return PlanOut(
        activity=d.activity,
        day=d.day,
        target_minutes=d.target_minutes,
        phase=d.phase,
        previous_target=d.previous_target,
        week_start=d.week_start,
        reason=d.reason,
    )


@router.get(
    "/pacing/users/{channel}/{external_id}/plan",
    tags=["pacing"],
    response_model=list[PlanOut],
    responses=NOT_FOUND,
    summary="The user's plan for a day (default: today in their time zone)",
)
def plan(channel: str, external_id: str, day: dt.date | None = None) -> list[PlanOut]:
    with session_scope() as session:
        user = _user_or_404(session, channel, external_id)
        day = _plausible_day(day, user) if day else local_today(user.timezone)
        return [_plan_out(d) for d in coach.plans_for_day(session, user, day)]


@router.get(
    "/pacing/users/{channel}/{external_id}/history",
    tags=["pacing"],
    response_model=list[PlanOut],
    responses=NOT_FOUND,
    summary="The plan day by day over a period, per activity",
)
def history(channel: str, external_id: str, start: dt.date, end: dt.date | None = None) -> list[PlanOut]:
    with session_scope() as session:
        user = _user_or_404(session, channel, external_id)
        start = _plausible_day(start, user)
        end = _plausible_day(end, user) if end else local_today(user.timezone)
        if end < start or (end - start).days > 366:
            raise HTTPException(status_code=422, detail="The period must run forward and be at most a year.")
        records = coach.diary(session, user)
        from bot.pacing.engine import activities_in

        out = []
        for activity in activities_in(records) or list(user.starting_minutes or {}):
            out += [_plan_out(d) for d in plan_history(records, activity, start, end, coach.settings_for(user))]
        return out


@router.get(
    "/pacing/users/{channel}/{external_id}/summary",
    tags=["pacing"],
    responses=NOT_FOUND,
    summary="This week against last week",
)
def summary(channel: str, external_id: str, day: dt.date | None = None) -> dict[str, Any]:
    with session_scope() as session:
        user = _user_or_404(session, channel, external_id)
        week = coach.progress(session, user, _plausible_day(day, user) if day else local_today(user.timezone))
    return {"text": week.text, **{k: v for k, v in vars(week).items() if k != "text"}}


@router.post(
    "/pacing/users/{channel}/{external_id}/diary",
    tags=["pacing"],
    summary="Import a past diary (CSV or JSON rows of date, activity, minutes, pain, fatigue, flare)",
)
async def import_diary(
    channel: KnownChannel, external_id: str = Path(min_length=1, max_length=128), file: UploadFile = File(...)
) -> dict[str, Any]:
    content = await file.read(MAX_FILE_BYTES + 1)
    if len(content) > MAX_FILE_BYTES:
        raise HTTPException(status_code=413, detail="The file is larger than 1 MB.")
    try:
        with session_scope() as session:
            user = repo.get_or_create_user(session, channel, external_id)
            result = import_file(session, user, content, file.filename, local_today(user.timezone))
    except DiaryImportError as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from exc
    return vars(result)


class TriageIn(BaseModel):
    text: str = Field(min_length=1, max_length=2000)
    answers: dict[str, str] = Field(default_factory=dict)


@router.post("/triage", tags=["triage"], summary="Hurt-versus-harm triage of a post-exercise sensation")
def triage_endpoint(body: TriageIn) -> dict[str, Any]:
    result = triage(body.text, body.answers)
    if isinstance(result, FollowUp):
        return {
            "follow_up": {
                "key": result.key,
                "question": result.question,
                "options": [{"title": t, "value": v} for t, v in result.options],
            }
        }
    return {
        "outcome": {
            "level": result.level,
            "emergency": result.emergency,
            "rules": list(result.rules),
            "message": result.message,
        }
    }
