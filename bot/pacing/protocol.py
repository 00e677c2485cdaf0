"""The four-phase return-to-activity protocol, on top of the per-activity plans of the engine.

Pure and deterministic like the engine: a function of (diary, settings, goal, the day asked about),
seeing only records dated before that day.

* **First activity**: the activity logged earliest (ties: alphabetical); with no logs, the first
  activity the person gave a starting amount for. Weeks count from its first logged day F.
* **Phase 1, baseline** (weeks 1-2): while the first activity's plan is collecting or in its
  baseline week.
* **Phase 2, slow progression** (weeks 3-4 on): from the first day its plan leaves the baseline.
* **Steady** on day D: every plan of the first activity in the 14 days up to D is a raise or the
  goal reached (no flare week, no hold for missed targets, rising pain or a crash).
* **Phase 3, consolidation** (months 2-3): the first steady day on or after F + 28. Stretching and
  light strength are proposed beside it; each one logged gets its own plan (own baseline, and its
  own pace through ``PacingSettings.activity_pace``).
* **Phase 4, maintenance and progression** (month 3+): the first steady day on or after
  F + 84 and at least 28 days into phase 3. The person's preferred activity and a functional goal
  in their own words (``FunctionalGoal``); progress is measured on the preferred activity's plan.
* Phases never go back: a flare later on is handled by the engine (a week back), not by
  undoing consolidation.
* **Pain easing**: the average pain of the first 14 days from F against the 14 days before D,
  each with at least 4 scores; eased when the later average is at least 1 point lower. Said in
  phases 3 and 4 only when the diary shows it.
"""

from __future__ import annotations

import datetime
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, replace

from . import engine
from ._util import daterange, normalise_activity
from .engine import DayRecord, PacingSettings, PlanDecision

__all__ = [
    "VARIETY",
    "FunctionalGoal",
    "GoalProgress",
    "ProtocolStep",
    "first_activity",
    "protocol_history",
    "protocol_step",
]

VARIETY = ("stretching", "light strength")
CONSOLIDATE_FROM_DAY = 28  # month 2: from week 5 of the first activity
MAINTAIN_FROM_DAY = 84  # month 3+: from week 13
MIN_CONSOLIDATION_DAYS = 28
STEADY_DAYS = 14
STEADY_CODES = frozenset({"raise", "goal_reached"})
EARLY_PLAN_PHASES = frozenset({"collecting", "baseline"})
PAIN_WINDOW_DAYS = 14
MIN_PAIN_SCORES = 4
PAIN_EASING_MARGIN = 1.0
RECENT_DAYS = 7

_ONE_DAY = datetime.timedelta(days=1)


@dataclass(frozen=True)
class FunctionalGoal:
    text: str  # in the person's own words: "climb the stairs to my flat"
    activity: str  # their preferred activity: "swimming"
    set_on: datetime.date


@dataclass(frozen=True)
class GoalProgress:
    goal: FunctionalGoal
    target_then: int | None  # the preferred activity's plan on the day the goal was set
    target_now: int | None
    days_done_recently: int  # days with some of it in the 7 days before the day asked about


@dataclass(frozen=True)
class ProtocolStep:
    day: datetime.date
    phase: int  # 1-4
    phase_start: datetime.date
    first_activity: str | None
    first_day: datetime.date | None
    plans: tuple[PlanDecision, ...]  # every activity with a plan, the first activity first
    proposed: tuple[str, ...]  # activities to add that are not logged yet
    pain_eased: tuple[float, float] | None  # (first weeks, lately) when pain has eased
    goal_progress: GoalProgress | None
    asks_for_goal: bool  # phase 4 without a goal yet


def first_activity(records: Sequence[DayRecord], settings: PacingSettings = PacingSettings()) -> str | None:
    """The activity logged earliest (ties alphabetical), else the first with a starting amount."""
    for rec in engine.merge_records(records):
        if rec.minutes:
            return sorted(rec.minutes)[0]
    for name in settings.starting_minutes or {}:
        return normalise_activity(name)
    return None


def _first_logged(records: Sequence[DayRecord], activity: str, before: datetime.date) -> datetime.date | None:
    return next((r.day for r in engine.merge_records(records) if activity in r.minutes and r.day < before), None)


def _phase_starts(history: Sequence[PlanDecision], first: datetime.date) -> dict[int, datetime.date]:
    """The day each phase began, walking the first activity's plans in order."""
    codes = {p.day: p.code for p in history}
    starts = {1: first}
    phase = 1

    def steady(day: datetime.date) -> bool:
        window = daterange(day - datetime.timedelta(days=STEADY_DAYS - 1), day)
        return all(codes.get(d) in STEADY_CODES for d in window)

    for p in history:
        if phase == 1 and p.phase not in EARLY_PLAN_PHASES:
            phase, starts[2] = 2, p.day
        if phase == 2 and (p.day - first).days >= CONSOLIDATE_FROM_DAY and steady(p.day):
            phase, starts[3] = 3, p.day
        if (
            phase == 3
            and (p.day - first).days >= MAINTAIN_FROM_DAY
            and (p.day - starts[3]).days >= MIN_CONSOLIDATION_DAYS
            and steady(p.day)
        ):
            phase, starts[4] = 4, p.day
    return starts


def _mean_pain(index: dict[datetime.date, DayRecord], start: datetime.date, end: datetime.date) -> float | None:
    scores = [p for d in daterange(start, end) if d in index and (p := index[d].pain) is not None]
    return statistics.fmean(scores) if len(scores) >= MIN_PAIN_SCORES else None


def _pain_eased(records: Sequence[DayRecord], first: datetime.date, day: datetime.date) -> tuple[float, float] | None:
    index = {r.day: r for r in engine.merge_records(records) if r.day < day}
    window = datetime.timedelta(days=PAIN_WINDOW_DAYS)
    if day - first < 2 * window:
        return None
    early = _mean_pain(index, first, first + window - _ONE_DAY)
    lately = _mean_pain(index, day - window, day - _ONE_DAY)
    if early is None or lately is None or early - lately < PAIN_EASING_MARGIN:
        return None
    return early, lately


def _goal_progress(
    records: Sequence[DayRecord], goal: FunctionalGoal, day: datetime.date, settings: PacingSettings
) -> GoalProgress:
    activity = normalise_activity(goal.activity)
    then = engine.plan_for_day(records, activity, goal.set_on, settings).target_minutes
    now = engine.plan_for_day(records, activity, day, settings).target_minutes
    recent = {
        r.day
        for r in engine.merge_records(records)
        if day - datetime.timedelta(days=RECENT_DAYS) <= r.day < day and r.minutes.get(activity, 0) > 0
    }
    return GoalProgress(replace(goal, activity=activity), then, now, len(recent))


def protocol_step(
    records: Sequence[DayRecord],
    day: datetime.date,
    settings: PacingSettings = PacingSettings(),
    goal: FunctionalGoal | None = None,
) -> ProtocolStep:
    """Where the person is in the protocol on ``day``, and what it proposes."""
    seen = [r for r in records if r.day < day]
    first_act = first_activity(seen, settings)
    first = _first_logged(seen, first_act, day) if first_act else None
    if first_act is None or first is None:
        plans = tuple(engine.plan_for_day(records, a, day, settings) for a in ([first_act] if first_act else []))
        return ProtocolStep(day, 1, day, first_act, None, plans, (), None, None, False)
    history = engine.plan_history(records, first_act, first, day, settings)
    starts = _phase_starts(history, first)
    phase = max(starts)
    logged = engine.activities_in(seen)
    wanted = [first_act] + [a for a in logged if a != first_act]
    proposed: list[str] = []
    if phase >= 3:
        proposed = [a for a in VARIETY if a not in logged]
    if phase >= 4 and goal is not None:
        preferred = normalise_activity(goal.activity)
        if preferred not in wanted:
            wanted.append(preferred)
    plans = tuple(engine.plan_for_day(records, a, day, settings) for a in wanted)
    return ProtocolStep(
        day=day,
        phase=phase,
        phase_start=starts[phase],
        first_activity=first_act,
        first_day=first,
        plans=plans,
        proposed=tuple(proposed),
        pain_eased=_pain_eased(records, first, day) if phase >= 3 else None,
        goal_progress=_goal_progress(records, goal, day, settings) if phase >= 4 and goal else None,
        asks_for_goal=phase >= 4 and goal is None,
    )


def protocol_history(
    records: Sequence[DayRecord],
    start: datetime.date,
    end: datetime.date,
    settings: PacingSettings = PacingSettings(),
    goal: FunctionalGoal | None = None,
) -> list[ProtocolStep]:
    """One step per day from ``start`` to ``end`` inclusive (the goal counts from its ``set_on``)."""
    return [
        protocol_step(records, d, settings, goal if goal is not None and goal.set_on <= d else None)
        for d in daterange(start, end)
    ]
