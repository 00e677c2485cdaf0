"""How many weeks a report was asked for: 12 when the words say so ("last 3 months", "12 week report"), else 4."""

from __future__ import annotations

import re

DEFAULT_WEEKS = 4
LONG_WEEKS = 12

_LONG = re.compile(
    r"\b(?:12|twelve)[\s-]*(?:weeks?|wks?)\b"
    r"|\b(?:3|three)[\s-]*months?\b"
    r"|\b(?:quarter|quarterly)\b"
    r"|\b(?:90|ninety)[\s-]*days?\b",
    re.IGNORECASE,
)


def weeks_asked(text: str) -> int:
    return LONG_WEEKS if _LONG.search(text or "") else DEFAULT_WEEKS
