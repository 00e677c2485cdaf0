"""Pacing engine for pacing-coach: plans, boom-and-bust detection, weekly summaries, diary import.

Pure Python, standard library only, deterministic (no clock, no randomness).
"""

from .boom_bust import BoomBustReport, detect_boom_bust
from .diary_import import DiaryImportError, DiaryRow, parse_diary, rows_to_records
from .engine import (
    DayRecord,
    PacingSettings,
    PlanDecision,
    activities_in,
    merge_records,
    normalise_activity,
    plan_for_day,
    plan_history,
)
from .summary import WeeklySummary, WeekStats, weekly_summary

__all__ = [
    "BoomBustReport",
    "DayRecord",
    "DiaryImportError",
    "DiaryRow",
    "PacingSettings",
    "PlanDecision",
    "WeekStats",
    "WeeklySummary",
    "activities_in",
    "detect_boom_bust",
    "merge_records",
    "normalise_activity",
    "parse_diary",
    "plan_for_day",
    "plan_history",
    "rows_to_records",
    "weekly_summary",
]
