"""Weekly summary: this week (the 7 days ending today) compared with the 7 days before.

* **Days logged**: days with any record.
* **Average pain / fatigue**: over the days with a score.
* **Activity minutes per day**: total minutes of all activities, averaged over the days
  with any activity logged (days without a log are not zeros).
* **Best / worst day**: lowest / highest pain (fatigue when no pain was logged that
  day); ties go to the earlier day.
* **Flare days**: days marked as a flare or with post-exertional symptoms.
"""

from __future__ import annotations

import datetime
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from ._util import daterange, fmt_num, plural, weekday_name
from .engine import DayRecord, merge_records

__all__ = ["WeekStats", "WeeklySummary", "weekly_summary"]

SAME_MARGIN = 0.5


@dataclass(frozen=True)
class WeekStats:
    start: datetime.date
    end: datetime.date
    days_logged: int
    avg_pain: float | None
    avg_fatigue: float | None
    avg_minutes_per_day: float | None
    best_day: datetime.date | None
    worst_day: datetime.date | None
    flare_days: tuple[datetime.date, ...]


@dataclass(frozen=True)
class WeeklySummary:
    today: datetime.date
    this_week: WeekStats
    last_week: WeekStats
    text: str

    # flat access for callers that want "this week vs last" numbers directly
    @property
    def avg_pain(self) -> float | None:
        return self.this_week.avg_pain

    @property
    def avg_fatigue(self) -> float | None:
        return self.this_week.avg_fatigue

    @property
    def avg_minutes_per_day(self) -> float | None:
        return self.this_week.avg_minutes_per_day

    @property
    def days_logged(self) -> int:
        return self.this_week.days_logged

    @property
    def best_day(self) -> datetime.date | None:
        return self.this_week.best_day

    @property
    def worst_day(self) -> datetime.date | None:
        return self.this_week.worst_day

    @property
    def flare_days(self) -> tuple[datetime.date, ...]:
        return self.this_week.flare_days


def _mean(xs: list[float]) -> float | None:
    return statistics.fmean(xs) if xs else None


def _score(rec: DayRecord) -> float | None:
    return rec.pain if rec.pain is not None else rec.fatigue


def _stats(index: dict[datetime.date, DayRecord], start: datetime.date, end: datetime.date) -> WeekStats:
    recs = [index[d] for d in daterange(start, end) if d in index]
    scored = [(r.day, _score(r)) for r in recs if _score(r) is not None]
    best = min(scored, key=lambda t: (t[1], t[0]))[0] if scored else None
    worst = max(scored, key=lambda t: (t[1], -t[0].toordinal()))[0] if scored else None
    return WeekStats(
        start=start,
        end=end,
        days_logged=len(recs),
        avg_pain=_mean([r.pain for r in recs if r.pain is not None]),
        avg_fatigue=_mean([r.fatigue for r in recs if r.fatigue is not None]),
        avg_minutes_per_day=_mean([sum(r.minutes.values()) for r in recs if r.minutes]),
        best_day=best,
        worst_day=worst,
        flare_days=tuple(r.day for r in recs if r.flare or r.post_exertional),
    )


def _compare(now: float, before: float | None) -> str:
    if before is None:
        return f"{fmt_num(now)}/10"
    diff = now - before
    if diff <= -SAME_MARGIN:
        return f"{fmt_num(now)}/10, a little lower than last week ({fmt_num(before)})"
    if diff >= SAME_MARGIN:
        return f"{fmt_num(now)}/10, a little higher than last week ({fmt_num(before)})"
    return f"{fmt_num(now)}/10, about the same as last week"


def _text(this: WeekStats, last: WeekStats) -> str:
    if this.days_logged == 0:
        return (
            "No logs this week yet — that's OK.\n"
            "Whenever you have a moment, a quick note of what you did and how you felt "
            "helps me plan with you."
        )
    lines = []
    first = f"This week you logged {plural(this.days_logged, 'day')}"
    if this.avg_minutes_per_day is not None:
        first += f" and averaged {fmt_num(this.avg_minutes_per_day)} minutes of activity a day"
        if last.avg_minutes_per_day is not None:
            first += f" (last week: {fmt_num(last.avg_minutes_per_day)})"
    lines.append(first + ".")
    parts = []
    if this.avg_pain is not None:
        parts.append(f"Pain averaged {_compare(this.avg_pain, last.avg_pain)}")
    if this.avg_fatigue is not None:
        label = "fatigue" if parts else "Fatigue"
        parts.append(f"{label} averaged {_compare(this.avg_fatigue, last.avg_fatigue)}")
    if parts:
        lines.append("; ".join(parts) + ".")
    if this.best_day and this.worst_day and this.best_day != this.worst_day:
        lines.append(
            f"{weekday_name(this.best_day)} was your easiest day and {weekday_name(this.worst_day)} the hardest."
        )
    if this.flare_days:
        names = [weekday_name(d) for d in this.flare_days]
        when = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        lines.append(f"You had a flare on {when} — go gently; a hard day doesn't undo your progress.")
    elif len(lines) < 4:
        lines.append("No flares this week — well done for pacing yourself.")
    return "\n".join(lines[:4])


def weekly_summary(records: Sequence[DayRecord], today: datetime.date) -> WeeklySummary:
    """Summary of the 7 days ending ``today`` against the 7 days before them."""
    index = {r.day: r for r in merge_records(records)}
    this = _stats(index, today - datetime.timedelta(days=6), today)
    last = _stats(index, today - datetime.timedelta(days=13), today - datetime.timedelta(days=7))
    return WeeklySummary(today=today, this_week=this, last_week=last, text=_text(this, last))
