"""The pacing coach as the chat uses it: reads the user's diary from storage and asks the pacing engine."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from sqlalchemy.orm import Session

from bot.pacing.after_exertion import above_plan_yesterday, flare_day_options
from bot.pacing.boom_bust import detect_boom_bust
from bot.pacing.engine import DayRecord, PacingSettings, PlanDecision, activities_in, plan_for_day
from bot.pacing.summary import WeeklySummary, weekly_summary
from bot.storage import repo
from bot.storage.models import PacingPlan, User

DEFAULT_ACTIVITY = "walking"


def diary(session: Session, user: User, since: dt.date | None = None) -> list[DayRecord]:
    """The user's days: check-in values and activity minutes merged per day."""
    minutes: dict[dt.date, dict[str, float]] = defaultdict(dict)
    for entry in repo.activities(session, user, since):
        minutes[entry.day][entry.activity] = minutes[entry.day].get(entry.activity, 0) + entry.minutes
    checkins = {c.day: c for c in repo.checkins(session, user, since)}
    records = []
    for day in sorted(set(minutes) | set(checkins)):
        c = checkins.get(day)
        records.append(
            DayRecord(
                day=day,
                minutes=dict(minutes.get(day, {})),
                pain=None if c is None else c.pain,
                fatigue=None if c is None else c.fatigue,
                flare=bool(c and c.flare),
                post_exertional=bool(c and c.post_exertional),
            )
        )
    return records


def settings_for(user: User) -> PacingSettings:
    return PacingSettings(starting_minutes=dict(user.starting_minutes or {}), pace=user.pace or "normal")


def planned_activities(records: list[DayRecord], user: User) -> list[str]:
    """The activities with a plan: those the user logs or has set a starting amount for."""
    activities = activities_in(records) or []
    for activity in user.starting_minutes or {}:
        if activity not in activities:
            activities.append(activity)
    return activities


def _decisions(records: list[DayRecord], user: User, day: dt.date) -> list[PlanDecision]:
    """The plan for each activity the user logs or has set a starting amount for."""
    settings = settings_for(user)
    return [plan_for_day(records, activity, day, settings) for activity in planned_activities(records, user)]


def plans_for_day(session: Session, user: User, day: dt.date) -> list[PlanDecision]:
    return _decisions(diary(session, user), user, day)


def _remember(session: Session, user: User, decision: PlanDecision) -> None:
    session.add(
        PacingPlan(
            user_id=user.id,
            activity=decision.activity,
            day=decision.day,
            target_minutes=decision.target_minutes,
            phase=decision.phase,
            reason=decision.reason,
        )
    )


def plan_text(session: Session, user: User, day: dt.date) -> str:
    records = diary(session, user)
    decisions = _decisions(records, user, day)
    if not decisions:
        return (
            "We don't have a plan yet. Tell me what you'd like to build up, for example \"I want to start walking "
            "again, about 10 minutes\", or just check in for a few days and I'll suggest a gentle baseline."
        )
    lines = []
    for d in decisions:
        _remember(session, user, d)
        lines.append(d.reason)
    report = detect_boom_bust(records, day)
    if report.detected:
        lines.append(report.message)
    lines.append("Stick to the plan whether it's a good day or a hard one: that steadiness is what helps most.")
    return "\n".join(lines)


def checkin_note(session: Session, user: User, today: dt.date) -> str | None:
    """One pacing-aware sentence after a check-in: today's target, or a gentle note on a flare day."""
    records = diary(session, user)
    decisions = _decisions(records, user, today)
    if any(r.day == today and r.flare for r in records):
        options = flare_day_options(decisions)
        gentle = options[0] if len(options) == 1 else ", or ".join(options)
        return (
            "It sounds like a flare day. Be kind to yourself: rest and warmth help, and a little gentle movement "
            f"keeps things from stiffening. If you can, {gentle} is plenty for today."
        )
    planned = [d for d in decisions if d.target_minutes]
    if not planned:
        return (
            "Keep checking in for a few days and I'll suggest a gentle starting amount you can repeat on good and "
            "bad days."
        )
    d = planned[0]
    return f"Today's plan: {d.target_minutes} minutes of {d.activity}. {d.reason}"


def asks_after_yesterday(session: Session, user: User, today: dt.date) -> bool:
    """Whether today's check-in asks about post-exertional symptoms: yesterday went past the plan."""
    return bool(above_plan_yesterday(diary(session, user), today, settings_for(user)))


def recent(session: Session, user: User, today: dt.date) -> list[DayRecord]:
    """The last two weeks: what the weekly summary and the week's chart are drawn from."""
    return diary(session, user, today - dt.timedelta(days=14))


def progress(session: Session, user: User, today: dt.date) -> WeeklySummary:
    return weekly_summary(recent(session, user, today), today)
