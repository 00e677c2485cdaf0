"""Bringing a past diary (a paper diary typed up, another app's export) into the user's records."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from bot.pacing.diary_import import MAX_MINUTES, DiaryImportError, DiaryRow, read_diary
from bot.storage import repo
from bot.storage.models import User

log = logging.getLogger("pacing.diary")
MAX_FILE_BYTES = 1024 * 1024  # a diary file, sent in the chat or through the service API
UNREADABLE = "Please send it as a CSV or JSON diary."
MAX_REASONS = 10  # the skipped rows named in a reply; the count covers them all


@dataclass(frozen=True)
class ImportResult:
    days: int
    activity_entries: int
    first_day: str | None
    last_day: str | None
    skipped_rows: int = 0
    skipped: list[str] = field(default_factory=list)  # why, row by row ("Row 4: minutes below 0.")


def _days_already_full(session: Session, user: User, rows: list[DiaryRow]) -> set[dt.date]:
    """Days whose stored activity plus the file's would pass MAX_MINUTES."""
    added: dict[dt.date, float] = {}
    for row in rows:
        if row.activity and row.minutes:
            added[row.day] = added.get(row.day, 0.0) + row.minutes
    if not added:
        return set()
    stored: dict[dt.date, int] = {}
    for entry in repo.activities(session, user, since=min(added)):
        stored[entry.day] = stored.get(entry.day, 0) + entry.minutes
    return {day for day, minutes in added.items() if stored.get(day, 0) + minutes > MAX_MINUTES}


def import_rows(session: Session, user: User, rows: list[DiaryRow]) -> ImportResult:
    """Stores the rows: one check-in per day (merged), one activity entry per row with minutes.

    A day that already holds activity is left as it is when the file's minutes would take it past 16 hours.
    """
    full = _days_already_full(session, user, rows)
    days: dict[dt.date, dict[str, Any]] = {}
    entries = 0
    for row in rows:
        if row.day in full:
            continue
        values = days.setdefault(row.day, {})
        for name in ("pain", "fatigue"):
            value = getattr(row, name)
            if value is not None:
                values[name] = round(value)
        if row.flare is not None:
            values["flare"] = bool(values.get("flare")) or row.flare
        if getattr(row, "post_exertional", None):
            values["post_exertional"] = True
        if row.activity and row.minutes:
            repo.add_activity(session, user, row.day, row.activity, round(row.minutes), source="import")
            entries += 1
    for day, values in days.items():
        if values:
            repo.save_checkin(session, user, day, values)
    ordered = sorted(days)
    skipped = [
        f"{day.isoformat()}: with what was already logged that day, it adds up to more than 16 hours of activity."
        for day in sorted(full)
    ]
    return ImportResult(
        days=len(days),
        activity_entries=entries,
        first_day=ordered[0].isoformat() if ordered else None,
        last_day=ordered[-1].isoformat() if ordered else None,
        skipped_rows=sum(1 for row in rows if row.day in full),
        skipped=skipped,
    )


def import_file(
    session: Session, user: User, content: bytes, filename: str | None, today: dt.date | None = None
) -> ImportResult:
    """Parses (raising DiaryImportError with a kind message on bad input) and stores; nothing is stored on error.

    Implausible rows are left out and counted in the result (see bot.pacing.diary_import).
    """
    try:
        diary = read_diary(content, filename, today)
    except (ValueError, TypeError, OverflowError, RecursionError) as exc:  # junk no check in the reader foresaw
        log.warning("diary file refused: %s", type(exc).__name__)
        raise DiaryImportError(UNREADABLE) from exc
    result = import_rows(session, user, diary.rows)
    reasons = [s.reason for s in diary.skipped] + result.skipped
    return ImportResult(
        days=result.days,
        activity_entries=result.activity_entries,
        first_day=result.first_day,
        last_day=result.last_day,
        skipped_rows=len(diary.skipped) + result.skipped_rows,
        skipped=reasons[:MAX_REASONS] + (["…and more."] if len(reasons) > MAX_REASONS else []),
    )


def _describe_skipped(result: ImportResult) -> str:
    if not result.skipped_rows:
        return ""
    rows = (
        "1 row that didn't look right"
        if result.skipped_rows == 1
        else f"{result.skipped_rows} rows that didn't look right"
    )
    return f" I left out {rows}, so you can check them: " + " ".join(result.skipped)


def describe_import(result: ImportResult) -> str:
    if not result.days:
        return "I couldn't find any days in that file." + _describe_skipped(result)
    return (
        f"Thank you, I've added your diary: {result.days} days from {result.first_day} to {result.last_day}, "
        f"with {result.activity_entries} activity entries. That gives us a real starting point instead of a "
        f"blank week." + _describe_skipped(result)
    )
