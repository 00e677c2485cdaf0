"""Times in people's own words, read by Duckling (pyduckling-native): clock times ("half 2", "4pm", "at 11"),
spans ("until Monday", "this weekend"), moments from now ("in 2 hours") and lengths ("for a week").

Everything is on the user's wall clock: Duckling is given the user's local time as its reference, so the
results are local dates and times with no zone attached (the caller knows the user's zone)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import duckling

_REFERENCE_ZONE = "UTC"  # the local wall clock is handed over as if it were UTC, and read back the same way


@dataclass(frozen=True)
class ClockTime:
    """A time of day. `twelve_hour` is set when the words leave morning or evening open ("at 4", "half 2")."""

    hour: int
    minute: int
    twelve_hour: bool
    words: str

    @property
    def hhmm(self) -> str:
        return f"{self.hour:02d}:{self.minute:02d}"


@dataclass(frozen=True)
class Span:
    """A stretch of local time, `end` not included ("until Monday" ends at Monday 00:00); `start` None means from
    now, `end` None open-ended. `last` is the last moment inside it ("11am to 12": 12:00)."""

    start: dt.datetime | None
    end: dt.datetime | None
    last: dt.datetime | None
    words: str


@dataclass(frozen=True)
class Moment:
    """One point in local time counted from now ("in 2 hours")."""

    at: dt.datetime
    words: str


@dataclass(frozen=True)
class TimeWords:
    clock_times: tuple[ClockTime, ...] = ()
    spans: tuple[Span, ...] = ()
    moments: tuple[Moment, ...] = ()
    lengths: tuple[dt.timedelta, ...] = ()


@cache
def _time_zones() -> Any:
    duckling.init()
    return duckling.load_time_zones(str(resources.files("tzdata") / "zoneinfo"))


@cache
def _locale() -> Any:
    return duckling.parse_locale("EN_GB", duckling.default_locale_lang(duckling.parse_lang("EN")))


def _duckling(text: str, local_now: dt.datetime, dimensions: list[str]) -> list[dict[str, Any]]:
    reference = int(local_now.replace(tzinfo=dt.UTC).timestamp())
    context = duckling.Context(duckling.parse_ref_time(_time_zones(), _REFERENCE_ZONE, reference), _locale())
    found: list[dict[str, Any]] = duckling.parse(text, context, duckling.parse_dimensions(dimensions), False)
    return found


def _local(value: str) -> dt.datetime:
    return dt.datetime.fromisoformat(value).replace(tzinfo=None)


_SECONDS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400, "week": 7 * 86400, "month": 30 * 86400}


def _grain(point: dict[str, Any]) -> dt.timedelta:
    return dt.timedelta(seconds=_SECONDS.get(point.get("grain", ""), 0))


def _clock_time(entity: dict[str, Any]) -> ClockTime | None:
    value = entity["value"]
    if value.get("grain") not in ("hour", "minute"):
        return None
    first = _local(value["value"])
    hours = {_local(v["value"]).hour for v in value.get("values", []) if "value" in v} | {first.hour}
    twelve_hour = len(hours) > 1 and all(h % 12 == first.hour % 12 for h in hours)
    return ClockTime(first.hour, first.minute, twelve_hour, entity["body"])


def _span(entity: dict[str, Any]) -> Span:
    value = entity["value"]
    start = _local(value["from"]["value"]) if value.get("from") else None
    end = _local(value["to"]["value"]) if value.get("to") else None
    last = end - _grain(value["to"]) if end is not None else None
    return Span(start, end, last, entity["body"])


def _day_span(entity: dict[str, Any]) -> Span:
    """A whole day or more ("tomorrow", "on Monday", "next week")."""
    value = entity["value"]
    start = _local(value["value"])
    end = start + _grain(value)
    return Span(start, end, end - dt.timedelta(days=1), entity["body"])


def _duration(entity: dict[str, Any]) -> dt.timedelta | None:
    seconds = (entity["value"].get("normalized") or {}).get("value")
    if seconds is None:
        unit, count = entity["value"].get("unit"), entity["value"].get("value")
        seconds = _SECONDS[unit] * count if unit in _SECONDS and isinstance(count, int | float) else None
    return dt.timedelta(seconds=float(seconds)) if seconds else None


def read_time_words(text: str, local_now: dt.datetime) -> TimeWords:
    """Every time expression in the text, left to right."""
    clock_times: list[ClockTime] = []
    spans: list[Span] = []
    moments: list[Moment] = []
    lengths: list[dt.timedelta] = []
    for entity in sorted(_duckling(text, local_now, ["time", "duration"]), key=lambda e: e["start"]):
        value = entity["value"]
        if entity["dim"] == "duration":
            length = _duration(entity)
            if length is not None:
                lengths.append(length)
        elif value.get("type") == "interval":
            spans.append(_span(entity))
        elif _duckling(entity["body"], local_now, ["duration"]):
            moments.append(Moment(_local(value["value"]), entity["body"]))
        else:
            clock = _clock_time(entity)
            if clock is not None:
                clock_times.append(clock)
            else:
                spans.append(_day_span(entity))
    return TimeWords(tuple(clock_times), tuple(spans), tuple(moments), tuple(lengths))


def read_clock_time(words: str, local_now: dt.datetime) -> ClockTime | None:
    """A lone piece of a list ("4" in "at 11 and 4") read as the time it stands for."""
    found = read_time_words(f"at {words.strip()}", local_now).clock_times
    return found[0] if found else None
