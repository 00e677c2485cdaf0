"""The report's days as a CSV: one row per day of the period, logged or not, for a clinician's spreadsheet."""

from __future__ import annotations

import csv
import io

from bot.report import text
from bot.report.data import ReportData, ReportDay
from bot.storage.repo import CHECKIN_FIELDS

COLUMNS = (
    "date,checked_in,pain_0_10,fatigue_0_10,sleep_hours,sleep_quality,stress_0_10,mood,flare,post_exertional,"
    "activities,activity_minutes,plan_minutes,on_plan,plan_change,clinician_check"
).split(",")


def _cell(value: object) -> object:
    return "" if value is None else value


def _row(day: ReportDay, changes: dict[str, list[str]], checks: dict[str, list[str]]) -> list[object]:
    date = day.day.isoformat()
    activities = "; ".join(f"{a} {text.number(m)} min" for a, m in day.minutes.items())
    return [
        date,
        day.checked_in,
        *(_cell(day.value(f)) for f in CHECKIN_FIELDS),
        activities,
        _cell(day.total_minutes),
        sum(day.targets.values()) if day.targets else "",
        _cell(day.on_plan),
        " | ".join(changes.get(date, [])),
        " | ".join(checks.get(date, [])),
    ]


def report_csv(data: ReportData) -> str:
    changes: dict[str, list[str]] = {}
    for c in data.plan_changes:
        line = f"{text.plan_change(c.activity, c.previous_minutes, c.target_minutes)}. {c.reason}"
        changes.setdefault(c.day.isoformat(), []).append(line)
    checks: dict[str, list[str]] = {}
    for k in data.checks:
        checks.setdefault(k.day.isoformat(), []).append("the coach " + text.check(k.level, k.emergency))
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    writer.writerows(_row(d, changes, checks) for d in data.days)
    return out.getvalue()
