"""Check-in numbers taken out of a message before the learned layer reads it.

"pain 5 sleep 6 fatigue 7" says how a day went, never whether someone is in crisis; but many crisis exemplars sit
inside a check-in, so a model that sees the numbers learns to read them as danger. The layer reads, and is trained
on, the words around them instead. The rules still see every message whole.
"""

from __future__ import annotations

import re

_FIELD = (
    r"(?:pain|pian|sleep|slept|fatigue|tiredness|tired|energy|mood|stress|anxiety|steps|water|weather|temp|p|s|f|m)"
)
_NUMBER = r"\d+(?:\.\d+)?(?:\s*-\s*\d+)?\s*(?:/\s*10|out of 10|hrs?|hours?|h|k|ish|%)?"
_CHECKIN_NUMBERS = re.compile(
    rf"\b{_FIELD}\s*(?:level|score)?\s*(?:is|was|at|of|about|around|like|:|=|-|–)?\s*{_NUMBER}(?![\w/])|"
    rf"\b\d+(?:\.\d+)?\s*(?:/\s*10|out of 10)\s*{_FIELD}?\b",
    re.IGNORECASE,
)
_LEFTOVER = re.compile(r"(?:\s*[,.;:/|]\s*){2,}")


def without_checkin_numbers(text: str) -> str:
    """The message without its check-in fields ("pain 7", "slept 5h", "7/10 pain"); everything else is kept."""
    out = _CHECKIN_NUMBERS.sub(" ", text)
    out = _LEFTOVER.sub(". ", out)
    return " ".join(out.split()).strip(" ,.;:")
