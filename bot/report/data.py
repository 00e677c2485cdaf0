"""What a clinician report covers: the person's diary over the last weeks, read from storage and the pacing engine.

* **Period**: the ``weeks`` * 7 days ending today (the person's local day), today included.
* **Day checked in**: a check-in or any activity logged that day.
* **Plan**: the pacing engine's target for each planned activity that day (``plan_history``, which sees the whole
  diary, so the first days of the period have the plan they really had).
* **On plan**: a logged day with a plan on which every planned activity reached its target without going past a
  "big day" (more than ``BIG_DAY_RATIO`` times it, the engine's own boom sign). Days not logged are not counted.
* **Plan changes**: a day whose target or phase differs from the day before, with the engine's reason.
* **Clinician checks**: triage outcomes (and emergency red flags caught by the safety screen) that advised the
  person to get checked: level "assess" or "stop", or an emergency. Crisis events are not part of this report.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy.orm import Session

from bot import coach
from bot.clock import safe_zone
from bot.pacing.engine import BIG_DAY_RATIO, PlanDecision, merge_records, plan_history
from bot.storage import repo
from bot.storage.models import TriageEvent, User

WEEKS = (4, 12)
CLINICIAN_LEVELS = ("assess", "stop")
CHECK_KINDS = ("triage", "emergency")


@dataclass(frozen=True)
class ReportDay:
    day: dt.date
    checkin: Mapping[str, object] | None  # the check-in's fields (repo.CHECKIN_FIELDS), None on a day without one
    minutes: Mapping[str, float]  # activity -> minutes logged
    targets: Mapping[str, int]  # activity -> the plan's minutes that day

    @property
    def checked_in(self) -> bool:
        return self.checkin is not None or bool(self.minutes)

    @property
    def total_minutes(self) -> float | None:
        return sum(self.minutes.values()) if self.minutes else None

    @property
    def flare(self) -> bool:
        return bool(self.value("flare") or self.value("post_exertional"))

    @property
    def on_plan(self) -> bool | None:
        """None when the day had no plan or was not logged."""
        if not self.targets or not self.checked_in:
            return None
        return all(target <= self.minutes.get(a, 0) <= BIG_DAY_RATIO * target for a, target in self.targets.items())

    def value(self, name: str) -> object:
        """A check-in field (pain, fatigue, sleep_hours, ...), None when not given."""
        return None if self.checkin is None else self.checkin.get(name)


@dataclass(frozen=True)
class PlanChange:
    day: dt.date
    activity: str
    previous_minutes: int | None
    target_minutes: int | None
    phase: str
    reason: str


@dataclass(frozen=True)
class ClinicianCheck:
    day: dt.date
    level: str | None
    emergency: bool
    words: str | None  # the person's own words, kept only with their consent


@dataclass(frozen=True)
class ReportData:
    start: dt.date
    end: dt.date
    weeks: int
    days: tuple[ReportDay, ...]
    plan_changes: tuple[PlanChange, ...]
    checks: tuple[ClinicianCheck, ...]

    @property
    def days_checked_in(self) -> int:
        return sum(d.checked_in for d in self.days)

    @property
    def days_with_plan(self) -> int:
        """Logged days that had a plan: what 'on plan' is counted out of."""
        return sum(d.on_plan is not None for d in self.days)

    @property
    def days_on_plan(self) -> int:
        return sum(d.on_plan is True for d in self.days)

    @property
    def flare_days(self) -> tuple[ReportDay, ...]:
        return tuple(d for d in self.days if d.flare)

    @property
    def empty(self) -> bool:
        return not self.days_checked_in and not self.checks


def period_start(today: dt.date, weeks: int) -> dt.date:
    return today - dt.timedelta(days=7 * weeks - 1)


def _changes(activity: str, history: list[PlanDecision]) -> list[PlanChange]:
    """history starts the day before the period: its first decision is what the period began with."""
    return [
        PlanChange(now.day, activity, before.target_minutes, now.target_minutes, now.phase, now.reason)
        for before, now in itertools.pairwise(history)
        if (now.target_minutes, now.phase) != (before.target_minutes, before.phase)
    ]


def _checks(session: Session, user: User, start: dt.date, end: dt.date) -> list[ClinicianCheck]:
    """The events of the period (on the person's local days) that advised a check."""
    zone = safe_zone(user.timezone)
    since = dt.datetime.combine(start, dt.time(), zone).astimezone(dt.UTC)

    def advised_a_check(e: TriageEvent) -> bool:
        return e.kind in CHECK_KINDS and (e.emergency or e.level in CLINICIAN_LEVELS)

    checks = (
        ClinicianCheck(e.created_at.astimezone(zone).date(), e.level, e.emergency, e.text)
        for e in repo.triage_events(session, user, since)
        if advised_a_check(e)
    )
    return [c for c in checks if c.day <= end]


def gather(session: Session, user: User, today: dt.date, weeks: int = 4) -> ReportData:
    """The report's data for the ``weeks`` ending ``today`` (4 or 12)."""
    if weeks not in WEEKS:
        raise ValueError(f"a report covers {WEEKS} weeks, not {weeks}")
    start = period_start(today, weeks)
    records = coach.diary(session, user)  # the whole diary: the plan at the start depends on what came before
    settings = coach.settings_for(user)
    histories = {
        a: plan_history(records, a, start - dt.timedelta(days=1), today, settings)
        for a in coach.planned_activities(records, user)
    }
    checkins = {c.day: {f: getattr(c, f) for f in repo.CHECKIN_FIELDS} for c in repo.checkins(session, user, start)}
    minutes = {r.day: r.minutes for r in merge_records(records) if r.day >= start}
    days = []
    for i in range((today - start).days + 1):
        day = start + dt.timedelta(days=i)
        planned = {a: h[i + 1].target_minutes for a, h in histories.items()}
        targets = {a: t for a, t in planned.items() if t is not None}
        days.append(ReportDay(day, checkins.get(day), dict(minutes.get(day, {})), targets))
    changes = sorted((c for a, h in histories.items() for c in _changes(a, h)), key=lambda c: (c.day, c.activity))
    return ReportData(
        start=start,
        end=today,
        weeks=weeks,
        days=tuple(days),
        plan_changes=tuple(changes),
        checks=tuple(_checks(session, user, start, today)),
    )
