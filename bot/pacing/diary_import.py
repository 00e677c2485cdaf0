"""Import a pain/activity diary from CSV or JSON.

CSV: a header row, then one row per entry. Delimiter ``,`` ``;`` or tab (whichever the
header uses most). Column names are flexible (case, spaces, hyphens and bracketed units
like "Duration (min)" are ignored):

==================  ==========================================================
field               accepted column names
==================  ==========================================================
day (required)      date, day, log date, entry date
activity            activity, type, activity type, exercise
minutes             minutes, mins, min, duration, duration minutes, time
pain                pain, pain level, pain score
fatigue             fatigue, tiredness, tired, fatigue level, tiredness level
flare               flare, flare up, flareup, flare day
post_exertional     post exertional, post exertional symptoms, pem
==================  ==========================================================

JSON: a list of objects, or ``{"rows": [...]}``, with the same key names.

Values: dates as ``2024-03-05`` (ISO, a time part is ignored) or day/month/year
``05/03/2024`` (``.`` or ``-`` also accepted as separators); minutes as plain numbers
(``20``, ``20.5``, ``20 min``, ``20,5``; not ``1e3``, ``inf`` or ``nan``); pain and fatigue
0–10; flare yes/no, true/false, y/n, 1/0 (empty = not said). Unknown columns (notes, ...)
are ignored. At most 5,000 rows and 2 MB.

Two kinds of problem:

* a file that can't be read (not CSV/JSON, binary, a value that isn't a date or a plain
  number, an activity name over 40 characters) raises :class:`DiaryImportError` naming
  the row and column;
* a readable row with an implausible value is skipped and reported in
  ``DiaryFile.skipped``: minutes below 0, a day whose activities add up to more than
  16 hours (``MAX_MINUTES``, all that day's rows are skipped), pain or fatigue outside
  0–10, a date before 1900 or in the future. When every row is skipped, that raises.

Messages name rows and columns but never repeat what the file holds.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from ._util import is_number, normalise_activity
from .engine import DayRecord

__all__ = [
    "MAX_BYTES",
    "MAX_MINUTES",
    "MAX_ROWS",
    "DiaryFile",
    "DiaryImportError",
    "DiaryRow",
    "SkippedRow",
    "parse_diary",
    "read_diary",
    "rows_to_records",
]

MAX_ROWS = 5000
MAX_BYTES = 2_000_000
MAX_MINUTES = 16 * 60  # a day's activity, all activities together
MAX_ACTIVITY_NAME = 40  # the activity column of the database
MIN_YEAR = 1900
FUTURE_GRACE = datetime.timedelta(days=1)  # time zones: "tomorrow" somewhere is today here
_PLAIN_NUMBER = re.compile(r"^[-+]?\d+(?:\.\d+)?$")


@dataclass(frozen=True)
class DiaryRow:
    day: datetime.date
    activity: str | None
    minutes: float | None
    pain: float | None
    fatigue: float | None
    flare: bool | None
    post_exertional: bool | None = None


class DiaryImportError(ValueError):
    """A diary file could not be read. ``str(err)`` is a friendly, specific message."""

    def __init__(self, message: str, row: int | None = None, column: str | None = None):
        super().__init__(message)
        self.row = row
        self.column = column


class _Implausible(DiaryImportError):
    """A readable row whose value can't be true: the row is skipped, not the file."""


@dataclass(frozen=True)
class SkippedRow:
    row: int
    column: str | None
    reason: str  # "Row 4: ..." - names the row and column, never the value


@dataclass(frozen=True)
class DiaryFile:
    rows: list[DiaryRow]
    skipped: list[SkippedRow]


# ---------------------------------------------------------------- column names
_SYNONYMS = {
    "day": {"date", "day", "log date", "entry date", "dates"},
    "activity": {"activity", "type", "activity type", "exercise", "activities"},
    "minutes": {"minutes", "mins", "min", "duration", "duration minutes", "duration mins", "time", "time minutes"},
    "pain": {"pain", "pain level", "pain score"},
    "fatigue": {"fatigue", "tiredness", "tired", "fatigue level", "tiredness level", "fatigue score"},
    "flare": {"flare", "flare up", "flareup", "flare day", "flares"},
    "post_exertional": {"post exertional", "post exertional symptoms", "pem", "post exertional malaise"},
}
_LABEL = {
    "day": "date",
    "activity": "activity",
    "minutes": "minutes",
    "pain": "pain",
    "fatigue": "fatigue",
    "flare": "flare",
    "post_exertional": "post-exertional",
}


def _norm_header(name: object) -> str:
    s = str(name or "").lower()
    s = re.sub(r"\(.*?\)|\[.*?\]", " ", s)
    s = re.sub(r"[^a-z0-9]+", " ", s)
    return s.strip()


def _field_for(name: object) -> str | None:
    key = _norm_header(name)
    for fld, names in _SYNONYMS.items():
        if key in names:
            return fld
    return None


def _map_columns(headers: Sequence[object], where: str) -> dict[str, object]:
    """field -> original column name; raises for duplicates / no date column."""
    mapping: dict[str, object] = {}
    for h in headers:
        fld = _field_for(h)
        if fld is None:
            continue
        if fld in mapping:
            raise DiaryImportError(
                f"Two columns both look like {_LABEL[fld]}. Could you remove or rename one of them?", column=_LABEL[fld]
            )
        mapping[fld] = h
    if "day" not in mapping:
        raise DiaryImportError(
            f"I couldn't find a date column {where}. Please add a column called 'date', with "
            f"columns like 'activity', 'minutes', 'pain', 'fatigue' and 'flare' alongside it.",
            column="date",
        )
    if len(mapping) == 1:
        raise DiaryImportError(
            "I found a date column but nothing to go with it. I can read 'activity', "
            "'minutes', 'pain', 'fatigue' and 'flare'."
        )
    return mapping


# ---------------------------------------------------------------- values
_EMPTY = {"", "-", "n/a", "na", "none", "null"}
_DMY = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2,4})$")


def _where(row: int, kind: str) -> str:
    return f"{'Row' if kind == 'csv' else 'Entry'} {row}"


def _parse_date(raw: Any, row: int, kind: str, today: datetime.date) -> datetime.date:
    where = _where(row, kind)
    hint = "Please use a date like 2024-03-05 or 05/03/2024 (day/month/year)."
    if raw is None or (isinstance(raw, str) and raw.strip().lower() in _EMPTY):
        raise DiaryImportError(f"{where} has no date. {hint}", row=row, column="date")
    if not isinstance(raw, (str, int)) or isinstance(raw, bool):
        raise DiaryImportError(f"{where}: I couldn't read the date. {hint}", row=row, column="date")
    s = str(raw).strip()
    day: datetime.date | None = None
    m = _DMY.match(s)
    if m:
        d, mo, y = (int(g) for g in m.groups())
        if len(m.group(3)) != 4:
            raise DiaryImportError(f"{where}: I couldn't be sure of the year. {hint}", row=row, column="date")
        if mo > 12 and d <= 12:
            raise DiaryImportError(f"{where}: the date looks like month/day/year. {hint}", row=row, column="date")
        try:
            day = datetime.date(y, mo, d)
        except ValueError:
            day = None
    else:
        try:
            day = datetime.date.fromisoformat(s)
        except ValueError:
            try:
                day = datetime.datetime.fromisoformat(s).date()
            except ValueError:
                day = None
    if day is None:
        raise DiaryImportError(f"{where}: I couldn't read the date. {hint}", row=row, column="date")
    if day.year < MIN_YEAR or day > today + FUTURE_GRACE:
        raise _Implausible(
            f"{where}: the date looks mistyped (before {MIN_YEAR} or in the future).", row=row, column="date"
        )
    return day


def _parse_number(raw: Any, row: int, kind: str, column: str) -> float | None:
    if raw is None:
        return None
    unreadable = DiaryImportError(
        f"{_where(row, kind)}: I expected a plain number for {column} (like 20 or 20.5). Could you check it?",
        row=row,
        column=column,
    )
    if isinstance(raw, bool):
        raise unreadable
    if isinstance(raw, (int, float)):
        value = float(raw)
    elif isinstance(raw, str):
        s = raw.strip().lower()
        if s in _EMPTY:
            return None
        s = re.sub(r"\s*(minutes|minute|mins|min|m)$", "", s)
        if "," in s and "." not in s:
            s = s.replace(",", ".")
        if not _PLAIN_NUMBER.match(s):
            raise unreadable
        value = float(s)
    else:
        raise unreadable
    if not math.isfinite(value):
        raise unreadable
    return value


def _parse_minutes(raw: Any, row: int, kind: str) -> float | None:
    value = _parse_number(raw, row, kind, "minutes")
    if value is None:
        return None
    if value < 0:
        raise _Implausible(f"{_where(row, kind)}: minutes below 0.", row=row, column="minutes")
    if value > MAX_MINUTES:
        raise _Implausible(f"{_where(row, kind)}: more than 16 hours of activity.", row=row, column="minutes")
    return value


def _parse_score(raw: Any, row: int, kind: str, column: str) -> float | None:
    value = _parse_number(raw, row, kind, column)
    if value is None:
        return None
    if value < 0 or value > 10:
        raise _Implausible(f"{_where(row, kind)}: {column} outside the 0 to 10 scale.", row=row, column=column)
    return value


_TRUE = {"yes", "y", "true", "t", "1", "x"}
_FALSE = {"no", "n", "false", "f", "0"}


def _parse_flag(raw: Any, row: int, kind: str, column: str) -> bool | None:
    if raw is None:
        return None
    if isinstance(raw, bool):
        return raw
    if is_number(raw) and raw in (0, 1):
        return bool(raw)
    s = str(raw).strip().lower()
    if s in _EMPTY:
        return None
    if s in _TRUE:
        return True
    if s in _FALSE:
        return False
    raise DiaryImportError(
        f"{_where(row, kind)}: for {column} I understand yes/no (or true/false, 1/0).", row=row, column=column
    )


def _parse_activity(raw: Any, row: int, kind: str) -> str | None:
    if raw is None:
        return None
    if not isinstance(raw, str):
        raise DiaryImportError(
            f"{_where(row, kind)}: the activity should be a name, like walking.", row=row, column="activity"
        )
    s = normalise_activity(raw)
    if len(s) > MAX_ACTIVITY_NAME:
        raise DiaryImportError(
            f"{_where(row, kind)}: the activity name is longer than {MAX_ACTIVITY_NAME} characters. "
            f"Could you shorten it?",
            row=row,
            column="activity",
        )
    return None if s in _EMPTY else s


# reads one cell of a row by its column (a CSV header, a JSON key)
_Getter = Callable[[Any], Any]


def _make_row(get: _Getter, mapping: dict[str, object], row: int, kind: str, today: datetime.date) -> DiaryRow:
    def val(fld: str) -> Any:
        return get(mapping[fld]) if fld in mapping else None

    day = _parse_date(val("day"), row, kind, today)
    activity = _parse_activity(val("activity"), row, kind)
    minutes = _parse_minutes(val("minutes"), row, kind)
    if minutes is not None and activity is None:
        raise DiaryImportError(
            f"{_where(row, kind)} has minutes but no activity — which activity was it? (e.g. walking, stretching)",
            row=row,
            column="activity",
        )
    return DiaryRow(
        day=day,
        activity=activity,
        minutes=minutes,
        pain=_parse_score(val("pain"), row, kind, "pain"),
        fatigue=_parse_score(val("fatigue"), row, kind, "fatigue"),
        flare=_parse_flag(val("flare"), row, kind, "flare"),
        post_exertional=_parse_flag(val("post_exertional"), row, kind, "post-exertional"),
    )


def _too_many() -> DiaryImportError:
    return DiaryImportError(
        f"That diary has more than {MAX_ROWS:,} rows, which is more than I can take in one go. "
        f"Could you split it into smaller files?"
    )


# ---------------------------------------------------------------- formats
class _Rows:
    """The rows read so far and the rows skipped as implausible."""

    def __init__(self, today: datetime.date):
        self.today = today
        self.rows: list[tuple[int, DiaryRow]] = []
        self.skipped: list[SkippedRow] = []

    def add(self, get: _Getter, mapping: dict[str, object], row: int, kind: str) -> None:
        if len(self.rows) + len(self.skipped) >= MAX_ROWS:
            raise _too_many()
        try:
            self.rows.append((row, _make_row(get, mapping, row, kind, self.today)))
        except _Implausible as exc:
            self.skipped.append(SkippedRow(row, exc.column, str(exc)))

    def result(self, kind: str) -> DiaryFile:
        """Skips every row of a day whose activities add up to more than MAX_MINUTES."""
        totals: dict[datetime.date, float] = {}
        for _, r in self.rows:
            totals[r.day] = totals.get(r.day, 0.0) + (r.minutes or 0.0)
        kept: list[DiaryRow] = []
        skipped = list(self.skipped)
        for row, r in self.rows:
            if totals[r.day] > MAX_MINUTES:
                skipped.append(
                    SkippedRow(
                        row, "minutes", f"{_where(row, kind)}: that day adds up to more than 16 hours of activity."
                    )
                )
            else:
                kept.append(r)
        skipped.sort(key=lambda s: s.row)
        if not kept and skipped:
            first = skipped[0]
            raise DiaryImportError(
                f"None of the rows looked right, so nothing was added. {first.reason} Could you check the file?",
                row=first.row,
                column=first.column,
            )
        return DiaryFile(kept, skipped)


def _parse_csv(text: str, today: datetime.date) -> DiaryFile:
    lines = text.splitlines()
    header_line = next((ln for ln in lines if ln.strip()), "")
    delimiter = max((",", ";", "\t"), key=lambda c: (header_line.count(c), c == ","))
    # newline=None reads "\r\n", "\n" and a bare "\r" (old Mac spreadsheets) alike
    reader = csv.reader(io.StringIO(text, newline=None), delimiter=delimiter)
    header: list[str] | None = None
    rows = _Rows(today)
    mapping: dict[str, object] = {}
    try:
        for cells in reader:
            line = reader.line_num
            if not any(c.strip() for c in cells):
                continue
            if header is None:
                header = [c.strip() for c in cells]
                mapping = _map_columns(header, "in the first row")
                positions = {h: i for i, h in enumerate(header)}
                continue
            if len(cells) > len(header) and any(c.strip() for c in cells[len(header) :]):
                raise DiaryImportError(
                    f"Row {line} has {len(cells)} values but the header has {len(header)} columns. "
                    f"Is there an extra comma in that row?",
                    row=line,
                )

            def get(col: str, cells: list[str] = cells, positions: dict[str, int] = positions) -> str | None:
                i = positions[col]
                return cells[i] if i < len(cells) else None

            rows.add(get, mapping, line, "csv")
    except csv.Error:
        raise DiaryImportError(
            "I couldn't read that as a CSV file (a line is broken, perhaps an "
            "unclosed quote). Could you check the file?"
        ) from None
    if header is None:
        raise DiaryImportError("The file looks empty — there's nothing in it for me to read.")
    if not rows.rows and not rows.skipped:
        raise DiaryImportError("I found the column names but no diary rows under them yet.")
    return rows.result("csv")


def _not_plain() -> DiaryImportError:
    return DiaryImportError("Some numbers in the file aren't plain numbers like 20 or 20.5. Could you check it?")


def _refuse_exponent(literal: str) -> float:
    """JSON numbers as plain decimals only: 1e308 is nobody's minutes."""
    if "e" in literal.lower():
        raise _not_plain()
    return float(literal)


def _refuse_constant(_: str) -> float:
    """NaN and Infinity, which Python's json would otherwise accept."""
    raise _not_plain()


def _parse_json(text: str, today: datetime.date) -> DiaryFile:
    try:
        data = json.loads(text, parse_float=_refuse_exponent, parse_constant=_refuse_constant)
    except json.JSONDecodeError as exc:
        raise DiaryImportError(
            f"This doesn't look like valid JSON (problem near line {exc.lineno}, column "
            f"{exc.colno}). Could you check the file?",
            row=exc.lineno,
        ) from None
    except DiaryImportError:
        raise
    except (ValueError, RecursionError):  # a number with thousands of digits; lists nested thousands deep
        raise DiaryImportError(
            "I couldn't read that JSON file: it has a number far too long, or is "
            "nested too deeply. Could you check the file?"
        ) from None
    if isinstance(data, dict):
        if "rows" not in data:
            raise DiaryImportError('I expected a list of entries, or an object with a "rows" list.')
        data = data["rows"]
    if not isinstance(data, list):
        raise DiaryImportError('I expected a list of entries, or an object with a "rows" list.')
    if not data:
        raise DiaryImportError("The diary has no entries yet — there's nothing for me to read.")
    if len(data) > MAX_ROWS:
        raise _too_many()
    rows = _Rows(today)
    for i, item in enumerate(data, start=1):
        if not isinstance(item, dict):
            raise DiaryImportError(f'Entry {i} isn\'t an object with fields like "date" and "minutes".', row=i)
        mapping = _map_columns(list(item.keys()), f"in entry {i}")
        rows.add(item.get, mapping, i, "json")
    return rows.result("json")


def _too_big() -> DiaryImportError:
    return DiaryImportError(
        f"That file is too big for me (over {MAX_BYTES // 1_000_000} MB). Could you split it into smaller files?"
    )


def read_diary(content: bytes | str, filename: str | None = None, today: datetime.date | None = None) -> DiaryFile:
    """Parse a CSV or JSON diary: the rows, and the implausible rows left out (see module doc).

    ``today`` (default: the machine's date) is the latest plausible day. Raises DiaryImportError.
    """
    today = today or datetime.date.today()
    if content is None:
        raise DiaryImportError("The file looks empty — there's nothing in it for me to read.")
    if isinstance(content, (bytes, bytearray)):
        if len(content) > MAX_BYTES:
            raise _too_big()
        try:
            text = bytes(content).decode("utf-8-sig")
        except UnicodeDecodeError:
            text = bytes(content).decode("cp1252", errors="replace")
    else:
        text = str(content)
        if len(text.encode("utf-8", errors="surrogatepass")) > MAX_BYTES:
            raise _too_big()
        text = text.lstrip("\ufeff")
    if not text.strip():
        raise DiaryImportError("The file looks empty — there's nothing in it for me to read.")
    if "\x00" in text:
        raise DiaryImportError(
            "That doesn't look like a diary file — I can read CSV (from a spreadsheet) or JSON text files."
        )
    ext = (filename or "").lower().rsplit(".", 1)[-1] if filename and "." in filename else ""
    if ext == "json" or (ext != "csv" and text.lstrip()[:1] in ("[", "{")):
        return _parse_json(text, today)
    return _parse_csv(text, today)


def parse_diary(
    content: bytes | str, filename: str | None = None, today: datetime.date | None = None
) -> list[DiaryRow]:
    """The plausible rows of a CSV or JSON diary (``read_diary`` also says which were skipped)."""
    return read_diary(content, filename, today).rows


def rows_to_records(rows: Sequence[DiaryRow]) -> list[DayRecord]:
    """Merge rows into one DayRecord per day, sorted by day.

    Minutes are summed per activity; the worst pain/fatigue of the day is kept; a flare
    on any row marks the day. An activity without minutes adds nothing (we don't know how
    long); minutes without an activity are ignored.
    """
    days: dict[datetime.date, dict[str, Any]] = {}
    for r in rows:
        s = days.setdefault(r.day, {"minutes": {}, "pain": None, "fatigue": None, "flare": False, "pem": False})
        if r.activity and r.minutes is not None:
            key = normalise_activity(r.activity)
            s["minutes"][key] = s["minutes"].get(key, 0.0) + float(r.minutes)
        if r.pain is not None:
            s["pain"] = r.pain if s["pain"] is None else max(s["pain"], r.pain)
        if r.fatigue is not None:
            s["fatigue"] = r.fatigue if s["fatigue"] is None else max(s["fatigue"], r.fatigue)
        s["flare"] = s["flare"] or bool(r.flare)
        s["pem"] = s["pem"] or bool(r.post_exertional)
    return [
        DayRecord(
            day=d,
            minutes=s["minutes"],
            pain=s["pain"],
            fatigue=s["fatigue"],
            flare=s["flare"],
            post_exertional=s["pem"],
        )
        for d, s in sorted(days.items())
    ]
