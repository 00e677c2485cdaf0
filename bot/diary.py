"""Bringing a past diary (a paper diary typed up, another app's export) into the user's records."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from bot.pacing.diary_import import DiaryRow, parse_diary
from bot.storage import repo
from bot.storage.models import User


@dataclass(frozen=True)
class ImportResult:
    days: int
    activity_entries: int
    first_day: str | None
    last_day: str | None


def import_rows(session: Session, user: User, rows: list[DiaryRow]) -> ImportResult:
    """Stores the rows: one check-in per day (merged), one activity entry per row with minutes."""
    days: dict = {}
    entries = 0
    for row in rows:
        values = days.setdefault(row.day, {})
        for name in ("pain", "fatigue"):
            value = getattr(row, name)
            if value is not None:
                values[name] = int(round(value))
        if row.flare is not None:
            values["flare"] = bool(values.get("flare")) or row.flare
        if getattr(row, "post_exertional", None):
            values["post_exertional"] = True
        if row.activity and row.minutes:
            repo.add_activity(session, user, row.day, row.activity, int(round(row.minutes)), source="import")
            entries += 1
    for day, values in days.items():
        if values:
            repo.save_checkin(session, user, day, values)
    ordered = sorted(days)
    return ImportResult(days=len(days), activity_entries=entries,
                        first_day=ordered[0].isoformat() if ordered else None,
                        last_day=ordered[-1].isoformat() if ordered else None)


def import_file(session: Session, user: User, content: bytes, filename: str | None) -> ImportResult:
    """Parses (raising DiaryImportError with a kind message on bad input) and stores; nothing is stored on error."""
    rows = parse_diary(content, filename)
    return import_rows(session, user, rows)


def describe_import(result: ImportResult) -> str:
    if not result.days:
        return "I couldn't find any days in that file."
    return (f"Thank you, I've added your diary: {result.days} days from {result.first_day} to {result.last_day}, "
            f"with {result.activity_entries} activity entries. That gives us a real starting point instead of a blank week.")
