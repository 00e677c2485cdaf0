"""The report's week-by-week table: averages over the days that have a value (days not logged are not zeros)."""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from bot.report.data import ReportData, ReportDay


@dataclass(frozen=True)
class WeekRow:
    start: dt.date
    days_logged: int
    pain: float | None
    fatigue: float | None
    sleep_hours: float | None
    minutes_per_day: float | None
    flare_days: int
    on_plan: int
    with_plan: int


def mean(values: Iterable[object]) -> float | None:
    numbers = [float(v) for v in values if isinstance(v, int | float) and not isinstance(v, bool)]
    return statistics.fmean(numbers) if numbers else None


def _row(days: Sequence[ReportDay]) -> WeekRow:
    return WeekRow(
        start=days[0].day,
        days_logged=sum(d.checked_in for d in days),
        pain=mean(d.value("pain") for d in days),
        fatigue=mean(d.value("fatigue") for d in days),
        sleep_hours=mean(d.value("sleep_hours") for d in days),
        minutes_per_day=mean(d.total_minutes for d in days),
        flare_days=sum(d.flare for d in days),
        on_plan=sum(d.on_plan is True for d in days),
        with_plan=sum(d.on_plan is not None for d in days),
    )


def week_rows(data: ReportData) -> list[WeekRow]:
    return [_row(data.days[i : i + 7]) for i in range(0, len(data.days), 7)]
