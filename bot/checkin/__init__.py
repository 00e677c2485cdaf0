"""Daily check-in: text parsing (``bot.checkin.parse``) and recording (``bot.checkin.service``).

The parser's names are re-exported lazily so that importing
``bot.checkin.service`` does not pull in the parser.
"""

from typing import Any

_PARSE_NAMES = (
    "FIELDS",
    "Activity",
    "CheckinParse",
    "activity_mentions",
    "is_skip",
    "is_stop",
    "parse_activity",
    "parse_checkin",
    "parse_correction",
    "parse_duration_minutes",
    "parse_mood",
    "parse_scale",
    "parse_sleep",
    "parse_yes_no",
    "sleep_out_of_range",
    "activity_out_of_range",
    "has_non_value",
    "MAX_ACTIVITY_MINUTES",
)


def __getattr__(name: str) -> Any:
    if name in _PARSE_NAMES:
        from . import parse

        return getattr(parse, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = list(_PARSE_NAMES)
