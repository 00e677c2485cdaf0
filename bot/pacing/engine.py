"""Activity-pacing engine: a deterministic plan per activity and per day.

The plan is a pure function of (diary records, user settings, the date asked about).
No clock, no randomness, no I/O.

How a plan is made (all numbers are constants below)
----------------------------------------------------
* **What the plan for day D can see**: only records dated *before* D. A plan is what you
  are asked to do on D, so whatever you log on D itself cannot change it afterwards.
* **Activities** are free strings, normalised: lowercase, hyphens/underscores -> spaces
  ("Tai-Chi" -> "tai chi"). Several records for the same day are merged (minutes
  summed per activity, worst pain/fatigue kept, flags OR-ed).
* **Logged day (for an activity)**: a record that has that activity in ``minutes``
  (0 included). A day with no record, or a record without that activity, is *not
  logged* for it: missing days are never treated as zeros.
* **Bad day**: pain >= 7, or fatigue >= 8, or ``flare``, or ``post_exertional``.
* **Collecting**: from the first logged day F of the activity we wait for a week of
  logs. The baseline is set on the first day D with D >= F + 7 and at least 3 days in
  [F, D-1] with more than 0 minutes (so 3–7 days). Until then the target is ``None``.
* **Baseline** = 80 % of the average minutes on those days (0-minute days are rest days
  and are left out), but never more than the *least* you managed on a bad day among
  them; rounded half-up to whole minutes and at least ``MIN_TARGET`` (2) minutes.
  The baseline is held for 7 days whatever good days tempt.
* **User's own starting amount** (``PacingSettings.starting_minutes``): used straight
  away (rounded, at least 1 minute), phase "baseline". The first time the baseline rule
  above can be computed from logs, the plan is capped at it: if the rule gives less,
  the plan drops to that and a new baseline week starts; otherwise the user's amount
  stands.
* **Plan weeks** are 7 days starting on the day the baseline was set (not calendar
  weeks). A flare starts a new week on the day after it. At the end of each week the
  week is reviewed and the next week's target decided:
    1. fewer than 3 logged days -> "not enough information": hold;
    2. target met (minutes >= target) on < 70 % of the logged days -> hold;
    3. pain trending up (week's average pain more than 1 point above the 7 days
       before the week, each with >= 2 scores) -> hold;
    4. progression switched off after post-exertional symptoms -> this stable week
       switches it back on, but we hold one more week;
    5. at or above the goal (``GOAL_SESSION_MINUTES``, 30: the guidelines' 150 minutes a
       week in sessions of 20-30 minutes) -> hold, saying the goal is reached;
    6. otherwise raise one step, never past the goal: +5 % ("slower"), +10 % ("normal"), +15 % ("faster"),
       rounded half-up, at least +1 minute, and never more than +20 % (the +1 minute
       minimum wins for plans under 5 minutes). One step per week at most.
* **Flare signals** on day R (acted on from day R+1, a new 7-day "flare_hold" week):
    - ``flare`` flag;
    - ``post_exertional`` flag (also switches progression off, see 4.);
    - detected post-exertional symptoms: pain or fatigue >= 3 points higher than on
      a "big day" one or two days before (more than 150 % of that day's plan) —
      the literal "3 above the previous day's after a >150 % day", extended to the
      48 h window by comparing with the big day itself. Also switches progression off;
    - a clear pain spike: pain >= (average pain of the 7 days before, needs >= 3
      scores) + 3, or pain >= 8 unless that average is already 7 or more.
  The first flare drops the plan back to the previous level (the level before the last
  raise; at the baseline it stays at the baseline) for 7 days. Further flares while in
  that hold keep it at the same level and restart the 7 days. Flares while still
  collecting are not acted on separately: bad days already lower the baseline.
* **previous_target** is the target in force on the day before the current plan week
  began (``None`` if there was none); ``week_start`` is that week's first day. Before any
  log of the activity is visible, ``week_start`` is the day asked about.
* **Pace**: unknown pace strings are treated as "normal"; an activity can have its own
  (``PacingSettings.activity_pace``), so stretching can go slower than walking.
* **Reason codes**: every decision carries ``code`` (one of ``REASON_CODES``) beside the
  worded ``reason``, so callers can act on why without reading the text.
"""

from __future__ import annotations

import datetime
import statistics
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ._util import (
    daterange,
    fmt_num,
    is_number,
    minutes_phrase,
    normalise_activity,
    plural,
    round_half_up,
    weekday_name,
)

__all__ = [
    "DayRecord",
    "PacingSettings",
    "PlanDecision",
    "activities_in",
    "is_bad_day",
    "merge_records",
    "normalise_activity",
    "pace_step",
    "plan_for_day",
    "plan_history",
]

# ---------------------------------------------------------------- constants
WEEK_DAYS = 7
COLLECT_DAYS = 7  # wait a week of logs before setting the baseline
MIN_BASELINE_DAYS = 3  # ... and at least this many days with minutes > 0
BASELINE_FRACTION = 0.8  # baseline = 80 % of the average tolerated amount
MIN_TARGET = 2  # computed baselines are never below 2 minutes
MIN_ESTIMATE = 1  # a user's own estimate is respected down to 1 minute
MAX_TARGET = 16 * 60  # no plan asks for more than a plausible day's activity (16 h)
GOAL_SESSION_MINUTES = 30  # guidance: about 150 minutes a week, in sessions of 20-30 minutes
GOAL_WEEKLY_MINUTES = 150
MIN_LOGGED_DAYS_PER_WEEK = 3  # fewer logged days in a week -> not enough information
STABLE_ADHERENCE = 0.7  # target met on >= 70 % of logged days
PAIN_TREND_MARGIN = 1.0  # week avg pain > previous 7 days avg + 1 -> trending up
MIN_PAIN_SCORES_FOR_TREND = 2
BAD_PAIN = 7
BAD_FATIGUE = 8
SPIKE_ABOVE_AVERAGE = 3
SPIKE_ABSOLUTE = 8
SPIKE_ABSOLUTE_UNLESS_AVERAGE = 7
MIN_PAIN_SCORES_FOR_AVERAGE = 3
PEM_JUMP = 3  # points of pain/fatigue above the big day
BIG_DAY_RATIO = 1.5  # > 150 % of the plan is a big day
PACE_PERCENT = {"slower": 5, "normal": 10, "faster": 15}
MAX_STEP_PERCENT = 20

PHASES = ("collecting", "baseline", "progressing", "holding", "flare_hold")
REASON_CODES = (
    "no_logs",
    "own_amount",
    "collecting",
    "baseline",
    "own_amount_capped",
    "flare",
    "raise",
    "goal_reached",
    "at_most",
    "not_enough_logs",
    "target_not_met",
    "pain_trend",
    "pem_cleared",
)

_ONE_DAY = datetime.timedelta(days=1)
_WEEK = datetime.timedelta(days=WEEK_DAYS)


# ---------------------------------------------------------------- public types
@dataclass(frozen=True)
class DayRecord:
    day: datetime.date
    minutes: Mapping[str, float]  # activity -> minutes done that day
    pain: float | None = None  # 0-10
    fatigue: float | None = None  # 0-10
    flare: bool = False
    post_exertional: bool = False


@dataclass(frozen=True)
class PacingSettings:
    starting_minutes: Mapping[str, float] = field(default_factory=dict)
    pace: str = "normal"  # "slower" | "normal" | "faster"
    activity_pace: Mapping[str, str] = field(default_factory=dict)  # its own pace for an activity

    def pace_for(self, activity: str) -> str:
        """The activity's own pace when one is set, otherwise the general pace."""
        for name, pace in (self.activity_pace or {}).items():
            if normalise_activity(name) == normalise_activity(activity):
                return pace
        return self.pace


@dataclass(frozen=True)
class PlanDecision:
    activity: str
    day: datetime.date
    target_minutes: int | None
    phase: str  # one of PHASES
    previous_target: int | None  # target in force the day before this plan week began
    week_start: datetime.date
    reason: str
    code: str = ""  # why: one of REASON_CODES (the reason is its wording)


# ---------------------------------------------------------------- record helpers
def _max_opt(a: float | None, b: float | None) -> float | None:
    if a is None:
        return b
    if b is None:
        return a
    return max(a, b)


def _clean_score(x: object) -> float | None:
    return float(x) if is_number(x) else None


def merge_records(records: Sequence[DayRecord]) -> list[DayRecord]:
    """Normalise activity names and merge records of the same day, sorted by day.

    Minutes are summed per activity (two walks on one day add up); the worst pain and
    fatigue are kept; flags are OR-ed. Non-numeric or negative minutes are dropped.
    """
    by_day: dict[datetime.date, dict[str, Any]] = {}
    for rec in records:
        slot = by_day.setdefault(
            rec.day,
            {"minutes": {}, "pain": None, "fatigue": None, "flare": False, "pem": False},
        )
        for name, mins in (rec.minutes or {}).items():
            if not is_number(mins) or mins < 0:
                continue
            key = normalise_activity(name)
            if not key:
                continue
            slot["minutes"][key] = slot["minutes"].get(key, 0.0) + float(mins)
        slot["pain"] = _max_opt(slot["pain"], _clean_score(rec.pain))
        slot["fatigue"] = _max_opt(slot["fatigue"], _clean_score(rec.fatigue))
        slot["flare"] = slot["flare"] or bool(rec.flare)
        slot["pem"] = slot["pem"] or bool(rec.post_exertional)
    return [
        DayRecord(
            day=d,
            minutes=dict(s["minutes"]),
            pain=s["pain"],
            fatigue=s["fatigue"],
            flare=s["flare"],
            post_exertional=s["pem"],
        )
        for d, s in sorted(by_day.items())
    ]


# the merged records by day
_Index = Mapping[datetime.date, DayRecord]


def _index(records: Sequence[DayRecord]) -> dict[datetime.date, DayRecord]:
    return {r.day: r for r in merge_records(records)}


def is_bad_day(rec: DayRecord) -> bool:
    """Pain >= 7, fatigue >= 8, a flare, or post-exertional symptoms."""
    return bool(
        rec.flare
        or rec.post_exertional
        or (rec.pain is not None and rec.pain >= BAD_PAIN)
        or (rec.fatigue is not None and rec.fatigue >= BAD_FATIGUE)
    )


def activities_in(records: Sequence[DayRecord]) -> list[str]:
    """Normalised names of every activity that appears in the diary, alphabetically."""
    names = {normalise_activity(k) for r in records for k in (r.minutes or {})}
    return sorted(n for n in names if n)


def _pace_percent(pace: str) -> int:
    return PACE_PERCENT.get(str(pace or "normal").strip().lower(), PACE_PERCENT["normal"])


def pace_step(level: int, pace: str = "normal") -> int:
    """Minutes to add to ``level`` after a stable week (at least 1, at most +20 % unless that is < 1)."""
    pct = _pace_percent(pace)
    step = max(1, (level * pct + 50) // 100)  # exact half-up rounding on integers
    cap = max(1, (level * MAX_STEP_PERCENT) // 100)
    return min(step, cap)


def _estimate_for(settings: PacingSettings, activity: str) -> int | None:
    for name, mins in (settings.starting_minutes or {}).items():
        if normalise_activity(name) == activity and is_number(mins) and mins > 0:
            return min(MAX_TARGET, max(MIN_ESTIMATE, round_half_up(float(mins))))
    return None


# ---------------------------------------------------------------- baseline
@dataclass(frozen=True)
class _Baseline:
    target: int
    average: float
    days: int
    bad_day_limit: float | None  # least minutes managed on a bad day, if any
    limited_by_bad_days: bool


def _compute_baseline(index: _Index, days: list[datetime.date], activity: str) -> _Baseline:
    mins = [index[d].minutes[activity] for d in days]
    avg = sum(mins) / len(mins)
    eighty = avg * BASELINE_FRACTION
    bad = [index[d].minutes[activity] for d in days if is_bad_day(index[d])]
    bad_limit = min(bad) if bad else None
    raw = eighty if bad_limit is None else min(eighty, bad_limit)
    return _Baseline(
        target=min(MAX_TARGET, max(MIN_TARGET, round_half_up(raw))),
        average=avg,
        days=len(days),
        bad_day_limit=bad_limit,
        limited_by_bad_days=bad_limit is not None and bad_limit < eighty,
    )


# ---------------------------------------------------------------- flare signals
@dataclass(frozen=True)
class _Signal:
    day: datetime.date
    kind: str  # "pem_flag" | "pem_detected" | "flare" | "spike"
    pem: bool  # switches progression off
    pain: float | None = None
    big_day: datetime.date | None = None
    big_minutes: float | None = None
    big_target: int | None = None


def _pain_average_before(index: _Index, day: datetime.date) -> float | None:
    scores = [p for d in daterange(day - _WEEK, day - _ONE_DAY) if d in index and (p := index[d].pain) is not None]
    if len(scores) < MIN_PAIN_SCORES_FOR_AVERAGE:
        return None
    return sum(scores) / len(scores)


def _is_pain_spike(index: _Index, day: datetime.date) -> bool:
    pain = index[day].pain
    if pain is None:
        return False
    avg = _pain_average_before(index, day)
    if avg is not None and pain >= avg + SPIKE_ABOVE_AVERAGE:
        return True
    return pain >= SPIKE_ABSOLUTE and (avg is None or avg < SPIKE_ABSOLUTE_UNLESS_AVERAGE)


def _jumped(now: float | None, before: float | None) -> bool:
    return now is not None and before is not None and now - before >= PEM_JUMP


def _flare_signal(
    index: _Index, day: datetime.date, activity: str, target_on: Callable[[datetime.date], int | None]
) -> _Signal | None:
    rec = index.get(day)
    if rec is None:
        return None
    if rec.post_exertional:
        return _Signal(day, "pem_flag", pem=True, pain=rec.pain)
    for back in (1, 2):
        big = day - datetime.timedelta(days=back)
        brec = index.get(big)
        target = target_on(big)
        if brec is None or target is None or activity not in brec.minutes:
            continue
        mins = brec.minutes[activity]
        if mins > BIG_DAY_RATIO * target and (_jumped(rec.pain, brec.pain) or _jumped(rec.fatigue, brec.fatigue)):
            return _Signal(
                day, "pem_detected", pem=True, pain=rec.pain, big_day=big, big_minutes=mins, big_target=target
            )
    if rec.flare:
        return _Signal(day, "flare", pem=False, pain=rec.pain)
    if _is_pain_spike(index, day):
        return _Signal(day, "spike", pem=False, pain=rec.pain)
    return None


# ---------------------------------------------------------------- reasons (user-facing text)
def _m(n: float, activity: str) -> str:
    return f"{minutes_phrase(n)} of {activity}"


def _reason_no_logs(activity: str) -> str:
    return (
        f"Log a few days of {activity} — how long you did and how you felt — and I'll "
        f"suggest a gentle starting amount. No need to change anything yet."
    )


def _reason_estimate(activity: str, est: int) -> str:
    return (
        f"We'll start with your own amount: {_m(est, activity)} a day. Once you've logged "
        f"a few days, I'll check it sits comfortably below what you can manage."
    )


def _reason_collecting(activity: str, n_active: int, ready_on: datetime.date | None) -> str:
    if n_active < MIN_BASELINE_DAYS:
        return (
            f"I'm getting to know your usual {activity}: {plural(n_active, 'day')} logged so far, "
            f"and I need at least {MIN_BASELINE_DAYS}. Keep doing what feels comfortable and "
            f"jot it down — then I'll suggest a gentle starting amount."
        )
    when = f" on {weekday_name(ready_on)}" if ready_on else " soon"
    return (
        f"Thanks for logging {activity} ({plural(n_active, 'day')} so far). I'll suggest a "
        f"gentle starting amount{when}, after a full week of logs. Until then, just do what "
        f"feels comfortable."
    )


def _reason_baseline(activity: str, b: _Baseline) -> str:
    if b.limited_by_bad_days:
        assert b.bad_day_limit is not None  # limited by bad days only when there were some
        return (
            f"You've been doing about {minutes_phrase(b.average)} of {activity}, and "
            f"{minutes_phrase(b.bad_day_limit)} on a harder day. We'll start at "
            f"{_m(b.target, activity)} a day for the next week — an amount you can manage even "
            f"on a harder day. Keep to it on good days too."
        )
    return (
        f"You've been doing about {minutes_phrase(b.average)} of {activity}, so we'll start "
        f"a little below that: {minutes_phrase(b.target)} a day for the next week, good days "
        f"included. Starting below your limit helps your body feel safe."
    )


def _reason_estimate_capped(activity: str, est: int, b: _Baseline) -> str:
    harder = ""
    if b.limited_by_bad_days:
        assert b.bad_day_limit is not None  # limited by bad days only when there were some
        harder = f", and {minutes_phrase(b.bad_day_limit)} on a harder day"
    return (
        f"Your starting amount of {_m(est, activity)} is a bit more than has felt "
        f"comfortable lately (about {minutes_phrase(b.average)} on average{harder}), so let's "
        f"start at {minutes_phrase(b.target)} a day for the next week. Starting below your "
        f"limit is what makes pacing work."
    )


def _reason_flare(activity: str, sig: _Signal, kind: str, level: int) -> str:
    when = weekday_name(sig.day)
    if kind == "repeat":
        if sig.kind in ("pem_flag", "pem_detected"):
            opener = f"You felt much worse again on {when}."
        elif sig.kind == "spike":
            opener = f"Your pain jumped again on {when}."
        else:
            opener = f"Another flare on {when} — I'm sorry, that's hard."
        text = (
            f"{opener} We'll keep {activity} at {minutes_phrase(level)} for the next week, "
            f"until things settle. Going gently is the right thing to do."
        )
        if sig.pem:
            text += " We'll pause any increases until you've had a steady week."
        return text
    if kind == "drop":
        action = f"so this week we go back to {_m(level, activity)}"
    else:
        action = f"so this week we stay at {_m(level, activity)}"
    if sig.kind == "pem_flag":
        return (
            f"You felt much worse after activity on {when} — that's post-exertional "
            f"symptoms, a sign we did a bit much, {action}. We'll pause increases until "
            f"you've had a steady week. Easing off is part of the plan, not a setback."
        )
    if sig.kind == "pem_detected":
        # _flare_signal gives a detected crash the big day it followed
        assert sig.big_minutes is not None and sig.big_day is not None and sig.big_target is not None
        short = action.replace(f" of {activity}", "")
        return (
            f"You felt much worse on {when}, after {_m(sig.big_minutes, activity)} on "
            f"{weekday_name(sig.big_day)} (the plan was {fmt_num(sig.big_target)}). That's "
            f"often the body catching up after a big day, {short}, and we'll pause "
            f"increases until you've had a steady week."
        )
    if sig.kind == "spike":
        assert sig.pain is not None  # a spike is a pain score
        return (
            f"Your pain jumped to {fmt_num(sig.pain)}/10 on {when}, {action}. Be kind to "
            f"yourself — gentle, steady movement is enough for now."
        )
    return f"You had a flare on {when}, {action}. That's not a setback — easing off is part of the plan."


def _reason_raise(activity: str, old: int, new: int, pace: str, after_flare: bool) -> str:
    pace = str(pace or "normal").strip().lower()
    tail = ""
    if pace == "slower":
        tail = " A small step, as you asked."
    elif pace == "faster":
        tail = " A slightly bigger step, as you asked."
    if after_flare:
        return (
            f"A calmer week after the flare — well done. Let's go from {old} back up to "
            f"{_m(new, activity)} a day.{tail}"
        )
    return f"A steady week — well done. Let's go from {old} to {_m(new, activity)} a day.{tail}"


def _reason_at_most(activity: str, level: int) -> str:
    return f"You're at {_m(level, activity)} a day, and that's as high as a plan goes — there's no need to do more."


def _reason_goal_reached(activity: str, level: int) -> str:
    return (
        f"You've reached the goal: {_m(level, activity)} a session. On most days of the week that makes "
        f"about {GOAL_WEEKLY_MINUTES} minutes, which is what the guidelines suggest, so we'll hold here. "
        f"Keeping it steady is the aim now, not doing more."
    )


def _reason_not_enough(activity: str, n: int, level: int) -> str:
    if n == 0:
        return (
            f"I don't have any {activity} logged from last week, so we'll stay at "
            f"{minutes_phrase(level)} for now. Whenever you're ready, a quick note helps me "
            f"plan with you."
        )
    return (
        f"I only have {plural(n, 'day')} of {activity} logged from last week — not quite "
        f"enough to go on, so we'll stay at {minutes_phrase(level)} this week. Even a quick "
        f"note on rough days helps."
    )


def _reason_adherence(activity: str, met: int, n: int, level: int) -> str:
    return (
        f"Last week you managed the full {minutes_phrase(level)} on {met} of {n} logged days. "
        f"Let's stay at {_m(level, activity)} this week until it feels comfortable — "
        f"there's no rush."
    )


def _reason_pain_trend(activity: str, now: float, before: float, level: int) -> str:
    return (
        f"Your pain was a little higher last week (about {fmt_num(now)} on average, up from "
        f"{fmt_num(before)}), so we'll stay at {_m(level, activity)} this week and let "
        f"things settle."
    )


def _reason_pem_cleared(activity: str, level: int) -> str:
    return (
        f"A steadier week after that crash — well done. We'll stay at {_m(level, activity)} "
        f"one more week so your body can settle before we build again."
    )


# ---------------------------------------------------------------- simulation
class _Sim:
    """Walks day by day from the first logged day of the activity up to ``end``."""

    # set by run(), which is the only caller of step()
    mode: str
    levels: list[int]
    phase: str
    reason: str
    code: str
    week_start: datetime.date
    previous: int | None
    pem_block: bool
    cap_checked: bool

    def __init__(self, records: Sequence[DayRecord], activity: str, settings: PacingSettings):
        self.index = _index(records)
        self.activity = normalise_activity(activity)
        self.settings = settings
        self.pace = settings.pace_for(activity)
        self.estimate = _estimate_for(settings, self.activity)
        self.logged = sorted(d for d, r in self.index.items() if self.activity in r.minutes)
        self.first = self.logged[0] if self.logged else None
        self.decisions: dict[datetime.date, PlanDecision] = {}

    # -- decisions for days on which no log of the activity is visible yet
    def pre_log(self, day: datetime.date) -> PlanDecision:
        if self.estimate is not None:
            return PlanDecision(
                self.activity,
                day,
                self.estimate,
                "baseline",
                None,
                day,
                _reason_estimate(self.activity, self.estimate),
                "own_amount",
            )
        return PlanDecision(
            self.activity, day, None, "collecting", None, day, _reason_no_logs(self.activity), "no_logs"
        )

    def target_on(self, day: datetime.date) -> int | None:
        if day in self.decisions:
            return self.decisions[day].target_minutes
        if self.first is not None and day <= self.first:
            return self.estimate
        return None

    def run(self, end: datetime.date) -> None:
        if self.first is None or end <= self.first:
            return
        act = self.activity
        # state entering day first + 1
        if self.estimate is not None:
            self.mode = "plan"
            self.levels = [self.estimate]
            self.phase = "baseline"
            self.reason = _reason_estimate(act, self.estimate)
            self.code = "own_amount"
        else:
            self.mode = "collecting"
            self.levels = []
            self.phase = "collecting"
            self.reason = ""
            self.code = "collecting"
        self.week_start = self.first
        self.previous = None
        self.pem_block = False
        self.cap_checked = False
        for day in daterange(self.first + _ONE_DAY, end):
            self.step(day)
            target = self.levels[-1] if self.levels else None
            self.decisions[day] = PlanDecision(
                act, day, target, self.phase, self.previous, self.week_start, self.reason, self.code
            )

    # -- helpers
    def _active_days_before(self, day: datetime.date) -> list[datetime.date]:
        return [d for d in self.logged if d < day and self.index[d].minutes[self.activity] > 0]

    def _baseline_ready(self, day: datetime.date) -> list[datetime.date] | None:
        assert self.first is not None  # run() steps only through the days after the first log
        active = self._active_days_before(day)
        if day >= self.first + datetime.timedelta(days=COLLECT_DAYS) and len(active) >= MIN_BASELINE_DAYS:
            return active
        return None

    def _new_week(self, day: datetime.date, phase: str, code: str, reason: str) -> None:
        self.previous = self.target_on(day - _ONE_DAY)
        self.week_start = day
        self.phase = phase
        self.reason = reason
        self.code = code

    # -- one day
    def step(self, day: datetime.date) -> None:
        act = self.activity
        if self.mode == "collecting":
            sample = self._baseline_ready(day)
            if sample is None:
                n = len(self._active_days_before(day))
                ready_on = None
                if n >= MIN_BASELINE_DAYS:
                    assert self.first is not None  # run() steps only through the days after the first log
                    ready_on = self.first + datetime.timedelta(days=COLLECT_DAYS)
                self.reason = _reason_collecting(act, n, ready_on)
                return
            b = _compute_baseline(self.index, sample, act)
            self.mode = "plan"
            self.levels = [b.target]
            self._new_week(day, "baseline", "baseline", _reason_baseline(act, b))
            return

        capped = False
        if self.estimate is not None and not self.cap_checked:
            sample = self._baseline_ready(day)
            if sample is not None:
                self.cap_checked = True
                b = _compute_baseline(self.index, sample, act)
                if b.target < self.levels[-1]:
                    self.levels = [b.target]
                    self.pem_block = False
                    self._new_week(day, "baseline", "own_amount_capped", _reason_estimate_capped(act, self.estimate, b))
                    capped = True

        sig = _flare_signal(self.index, day - _ONE_DAY, act, self.target_on)
        if sig is not None:
            if self.phase == "flare_hold":
                kind = "repeat"
            elif len(self.levels) > 1:
                self.levels.pop()
                kind = "drop"
            else:
                kind = "stay"
            if sig.pem:
                self.pem_block = True
            self._new_week(day, "flare_hold", "flare", _reason_flare(act, sig, kind, self.levels[-1]))
            return
        if capped:
            return
        if day == self.week_start + _WEEK:
            self._review_week(day)

    def _review_week(self, day: datetime.date) -> None:
        act = self.activity
        level = self.levels[-1]
        start = self.week_start
        week = list(daterange(start, day - _ONE_DAY))
        logged = [d for d in week if d in self.index and act in self.index[d].minutes]
        if len(logged) < MIN_LOGGED_DAYS_PER_WEEK:
            self._new_week(day, "holding", "not_enough_logs", _reason_not_enough(act, len(logged), level))
            return
        met = sum(1 for d in logged if self.index[d].minutes[act] >= level - 1e-9)
        if met / len(logged) < STABLE_ADHERENCE:
            self._new_week(day, "holding", "target_not_met", _reason_adherence(act, met, len(logged), level))
            return
        now = [p for d in week if d in self.index and (p := self.index[d].pain) is not None]
        before = [
            p
            for d in daterange(start - _WEEK, start - _ONE_DAY)
            if d in self.index and (p := self.index[d].pain) is not None
        ]
        if len(now) >= MIN_PAIN_SCORES_FOR_TREND and len(before) >= MIN_PAIN_SCORES_FOR_TREND:
            now_avg, before_avg = statistics.fmean(now), statistics.fmean(before)
            if now_avg - before_avg > PAIN_TREND_MARGIN:
                self._new_week(day, "holding", "pain_trend", _reason_pain_trend(act, now_avg, before_avg, level))
                return
        if self.pem_block:
            self.pem_block = False
            self._new_week(day, "holding", "pem_cleared", _reason_pem_cleared(act, level))
            return
        if level >= MAX_TARGET:
            self._new_week(day, "holding", "at_most", _reason_at_most(act, level))
            return
        if level >= GOAL_SESSION_MINUTES:
            self._new_week(day, "holding", "goal_reached", _reason_goal_reached(act, level))
            return
        after_flare = self.phase == "flare_hold"
        new = min(GOAL_SESSION_MINUTES, level + pace_step(level, self.pace))
        self.levels.append(new)
        self._new_week(day, "progressing", "raise", _reason_raise(act, level, new, self.pace, after_flare))


# ---------------------------------------------------------------- public API
def plan_for_day(
    records: Sequence[DayRecord],
    activity: str,
    day: datetime.date,
    settings: PacingSettings = PacingSettings(),
) -> PlanDecision:
    """The plan for ``activity`` on ``day``, using only records dated before ``day``."""
    sim = _Sim(records, activity, settings)
    sim.run(day)
    return sim.decisions.get(day) or sim.pre_log(day)


def plan_history(
    records: Sequence[DayRecord],
    activity: str,
    start: datetime.date,
    end: datetime.date,
    settings: PacingSettings = PacingSettings(),
) -> list[PlanDecision]:
    """One decision per day from ``start`` to ``end`` inclusive (same as plan_for_day each day)."""
    if start > end:
        return []
    sim = _Sim(records, activity, settings)
    sim.run(end)
    return [sim.decisions.get(d) or sim.pre_log(d) for d in daterange(start, end)]
