"""A time zone where it is midday now: tests that run against the real clock never meet the quiet hours."""

from __future__ import annotations

import datetime as dt


def midday_zone() -> str:
    offset = (12 - dt.datetime.now(dt.UTC).hour + 12) % 24 - 12  # Etc/GMT-N is N hours ahead of UTC
    return "UTC" if offset == 0 else f"Etc/GMT{-offset:+d}"
