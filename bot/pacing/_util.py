"""Small shared helpers for the pacing package (standard library only)."""

from __future__ import annotations

import datetime
import math
import re
from collections.abc import Iterator
from typing import TypeGuard

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

_SPACES = re.compile(r"[\s_\-]+")


def normalise_activity(name: str) -> str:
    """'  Tai-Chi ' -> 'tai chi'. Lowercase, hyphens/underscores/runs of spaces -> one space."""
    return _SPACES.sub(" ", str(name)).strip().lower()


def round_half_up(x: float) -> int:
    """Round to the nearest whole number, halves upwards (10.5 -> 11), unlike Python's round()."""
    return math.floor(x + 0.5 + 1e-9)


def weekday_name(day: datetime.date) -> str:
    """English weekday name, independent of the machine's locale."""
    return WEEKDAYS[day.weekday()]


def short_date(day: datetime.date) -> str:
    """'Tue 5 Mar' (locale independent)."""
    return f"{WEEKDAYS[day.weekday()][:3]} {day.day} {MONTHS[day.month - 1]}"


def fmt_num(x: float) -> str:
    """12.0 -> '12', 12.46 -> '12.5'."""
    if abs(x - round(x)) < 0.05:
        return str(round(x))
    return f"{x:.1f}"


def minutes_phrase(n: float) -> str:
    return f"{fmt_num(n)} minute" + ("" if fmt_num(n) == "1" else "s")


def plural(n: int, word: str, plural_word: str | None = None) -> str:
    return f"{n} {word if n == 1 else (plural_word or word + 's')}"


def is_number(x: object) -> TypeGuard[int | float]:
    return isinstance(x, (int, float)) and not isinstance(x, bool) and math.isfinite(x)


def daterange(start: datetime.date, end: datetime.date) -> Iterator[datetime.date]:
    """Every date from start to end inclusive."""
    d = start
    one = datetime.timedelta(days=1)
    while d <= end:
        yield d
        d += one
