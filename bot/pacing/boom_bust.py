"""Boom-and-bust detection: much more than planned on good days, then a crash.

Definitions (window = the ``window_days`` days ending on ``day``, inclusive):

* **Daily minutes**: for one activity, the minutes of that activity on days where it is
  logged; for ``activity=None``, the total of all activities on days with any activity
  logged. Days without a log are left out (never counted as zeros).
* **Variability**: coefficient of variation (population standard deviation / mean) of
  those daily minutes; ``None`` with fewer than 4 logged days or a mean of 0.
* **Big day**: more than 150 % of that day's plan (for one activity, the plan from the
  engine with the given settings, when there is one) — otherwise more than 150 % of
  the median of the active (> 0 minute) days in the window.
* **Crash day**: a logged day one or two days after a big day that is a bad day
  (pain >= 7, fatigue >= 8, flare, post-exertional), or whose pain or fatigue is at
  least 2 points higher than on the big day, or on which no activity was done at all.
* **Detected**: at least 2 big days followed by a crash, or 1 such cycle when the
  variability is 0.5 or more. Needs at least 4 logged days in the window.
"""

from __future__ import annotations

import datetime
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from ._util import daterange, plural, short_date
from .engine import (
    BIG_DAY_RATIO,
    DayRecord,
    PacingSettings,
    is_bad_day,
    merge_records,
    normalise_activity,
    plan_history,
)

__all__ = ["BoomBustReport", "detect_boom_bust"]

MIN_LOGGED_DAYS = 4
CRASH_JUMP = 2
CRASH_WITHIN_DAYS = 2
MIN_CYCLES = 2
HIGH_VARIABILITY = 0.5


@dataclass(frozen=True)
class BoomBustReport:
    detected: bool
    big_days: tuple[datetime.date, ...]
    crash_days: tuple[datetime.date, ...]
    variability: float | None
    message: str


def _jump(now: float | None, before: float | None) -> bool:
    return now is not None and before is not None and now - before >= CRASH_JUMP


def _is_crash(rec: DayRecord, big: DayRecord) -> bool:
    return (
        is_bad_day(rec)
        or _jump(rec.pain, big.pain)
        or _jump(rec.fatigue, big.fatigue)
        or sum(rec.minutes.values()) == 0
    )


def _list_dates(days: Sequence[datetime.date]) -> str:
    names = [short_date(d) for d in days]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def detect_boom_bust(
    records: Sequence[DayRecord],
    day: datetime.date,
    activity: str | None = None,
    window_days: int = 14,
    settings: PacingSettings | None = None,
) -> BoomBustReport:
    """Look for boom-and-bust in the ``window_days`` days up to and including ``day``."""
    window_days = max(1, int(window_days))
    merged = merge_records(records)
    index = {r.day: r for r in merged}
    start = day - datetime.timedelta(days=window_days - 1)
    act = normalise_activity(activity) if activity else None
    what = act or "activity"

    daily: dict[datetime.date, float] = {}
    for d in daterange(start, day):
        rec = index.get(d)
        if rec is None:
            continue
        if act is not None:
            if act in rec.minutes:
                daily[d] = rec.minutes[act]
        elif rec.minutes:
            daily[d] = sum(rec.minutes.values())

    if len(daily) < MIN_LOGGED_DAYS:
        return BoomBustReport(
            False,
            (),
            (),
            None,
            f"I need a few more days of {what} logged (at least {MIN_LOGGED_DAYS} in the last "
            f"{window_days} days) before I can spot any boom-and-bust pattern. No pressure — "
            f"a quick note now and then is plenty.",
        )

    values = list(daily.values())
    mean = statistics.fmean(values)
    variability = statistics.pstdev(values) / mean if mean > 0 else None

    active = [v for v in values if v > 0]
    median = statistics.median(active) if active else None
    plans: dict[datetime.date, int | None] = {}
    if act is not None:
        for p in plan_history(records, act, start, day, settings or PacingSettings()):
            plans[p.day] = p.target_minutes

    big_days: list[datetime.date] = []
    for d, mins in sorted(daily.items()):
        ref = plans.get(d) or median
        if ref and mins > BIG_DAY_RATIO * ref:
            big_days.append(d)

    crash_days: list[datetime.date] = []
    cycles: list[datetime.date] = []
    for b in big_days:
        hit = False
        for k in range(1, CRASH_WITHIN_DAYS + 1):
            c = b + datetime.timedelta(days=k)
            if c > day or c not in index:
                continue
            if _is_crash(index[c], index[b]):
                hit = True
                if c not in crash_days:
                    crash_days.append(c)
        if hit:
            cycles.append(b)

    detected = len(cycles) >= MIN_CYCLES or (
        len(cycles) >= 1 and variability is not None and variability >= HIGH_VARIABILITY
    )

    if detected:
        message = (
            f"I think I can see a boom-and-bust pattern: on good days you did a lot more than "
            f"your plan or your usual ({_list_dates(cycles)}), and within a day or two you crashed "
            f"({_list_dates(sorted(crash_days))}). That's really common, and it isn't a failing. "
            f"On good days, try stopping at your planned amount and keeping the rest in the bank — "
            f"steady days let your body build up without paying for it later."
        )
    elif cycles:
        message = (
            f"On {_list_dates(cycles)} you did a lot more than usual and felt worse soon after. "
            f"Once isn't a pattern, and it's very human on a good day — but it's worth keeping an "
            f"eye on. Stopping at the planned amount on good days helps avoid the crash."
        )
    elif big_days:
        message = (
            f"You had {plural(len(big_days), 'bigger day')} lately ({_list_dates(big_days)}) "
            f"without a crash — good to see. Still, on good days try to stay close to the plan: "
            f"the payback can arrive a day or two later."
        )
    else:
        message = (
            f"No boom-and-bust pattern in the last {window_days} days — your {what} has been "
            f"nice and even. That steadiness is exactly what pacing is about."
        )
    return BoomBustReport(
        detected=detected,
        big_days=tuple(big_days),
        crash_days=tuple(sorted(crash_days)),
        variability=variability,
        message=message,
    )
