"""Diary import (bot/pacing/diary_import.py): good files, and kind, specific errors."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

from bot.pacing.diary_import import (
    MAX_BYTES,
    MAX_ROWS,
    DiaryImportError,
    DiaryRow,
    parse_diary,
    read_diary,
    rows_to_records,
)
from bot.pacing.engine import DayRecord, plan_for_day

DATA = Path(__file__).resolve().parents[1] / "data" / "diaries"
D = datetime.date


def load(name: str) -> bytes:
    return (DATA / name).read_bytes()


def error_for(content, filename=None) -> DiaryImportError:
    with pytest.raises(DiaryImportError) as info:
        parse_diary(content, filename)
    return info.value


# ---------------------------------------------------------------- good files
def test_good_csv_with_flexible_columns_and_day_month_year_dates():
    rows = parse_diary(load("good.csv"), "good.csv")
    assert rows[0] == DiaryRow(D(2024, 3, 4), "walking", 10.0, 4.0, 5.0, False)
    assert rows[1] == DiaryRow(D(2024, 3, 4), "stretching", 5.0, None, None, None)
    assert rows[4] == DiaryRow(D(2024, 3, 6), None, None, 7.0, 8.0, True)
    assert rows[5].activity == "tai chi" and rows[5].flare is False
    assert len(rows) == 6


def test_good_csv_merges_into_day_records():
    records = rows_to_records(parse_diary(load("good.csv")))
    assert [r.day for r in records] == [D(2024, 3, 4), D(2024, 3, 5), D(2024, 3, 6), D(2024, 3, 7)]
    assert records[0] == DayRecord(D(2024, 3, 4), {"walking": 10.0, "stretching": 5.0}, 4.0, 5.0)
    # two walks on the 5th add up; the worse pain of the day is kept
    assert records[1].minutes == {"walking": 20.0} and records[1].pain == 5.0
    assert records[2] == DayRecord(D(2024, 3, 6), {}, 7.0, 8.0, flare=True)


def test_semicolon_csv_with_iso_dates_and_decimal_commas():
    rows = parse_diary(load("good_semicolon.csv"))
    assert [(r.day, r.activity, r.minutes, r.flare) for r in rows] == [
        (D(2024, 3, 4), "walking", 10.0, False),
        (D(2024, 3, 5), "yoga", 20.5, True),
        (D(2024, 3, 6), "walking", 11.0, None),
    ]


def test_good_json_list():
    rows = parse_diary(load("good.json"), "good.json")
    assert rows[0] == DiaryRow(D(2024, 3, 4), "walking", 10.0, 4.0, 5.0, False)
    assert rows[1] == DiaryRow(D(2024, 3, 5), "walking", 12.0, 3.0, 4.0, None)
    assert rows[2] == DiaryRow(D(2024, 3, 6), None, None, 7.0, 8.0, True)
    assert rows[3] == DiaryRow(D(2024, 3, 7), "swimming", 20.5, None, 3.0, False)


def test_good_json_rows_object_detected_without_filename():
    rows = parse_diary(load("good_rows.json").decode())
    assert [(r.day, r.activity, r.minutes, r.pain, r.flare) for r in rows] == [
        (D(2024, 3, 4), "cycling", 15.0, 2.0, None),
        (D(2024, 3, 5), "cycling", 15.0, 3.0, True),
    ]


def test_utf8_bom_and_post_exertional_column():
    content = "\ufeffDate,Activity,Minutes,PEM\n2024-03-04,Walking,10,yes\n".encode("utf-8")
    rows = parse_diary(content)
    assert rows[0].post_exertional is True
    assert rows_to_records(rows)[0].post_exertional is True


def test_imported_diary_feeds_the_engine():
    lines = ["date,activity,minutes,pain"] + [f"{day:02d}/03/2024,walking,10,4" for day in range(4, 11)]
    records = rows_to_records(parse_diary("\n".join(lines)))
    p = plan_for_day(records, "walking", D(2024, 3, 11))
    assert (p.target_minutes, p.phase) == (8, "baseline")


# ---------------------------------------------------------------- bad dates
def test_impossible_date_names_row_and_column():
    err = error_for(load("bad_date.csv"))
    assert err.row == 3 and err.column == "date"
    assert str(err).startswith("Row 3: I couldn't read the date.")
    assert "31/02/2024" not in str(err)  # the message names the row, never repeats the file
    assert "2024-03-05 or 05/03/2024" in str(err)


@pytest.mark.parametrize(
    "value,fragment",
    [
        ("03/25/2024", "looks like month/day/year"),
        ("yesterday", "couldn't read the date."),
        ("04/03/24", "couldn't be sure of the year"),
        ("0024-03-04", "looks mistyped"),
        ("", "has no date"),
    ],
)
def test_bad_dates(value, fragment):
    err = error_for(f"date,activity,minutes\n{value},walking,10\n")
    assert fragment in str(err) and err.row == 2


def test_bad_date_in_json_names_the_entry():
    err = error_for('[{"date": "2024-13-01", "pain": 3}]')
    assert str(err).startswith("Entry 1:") and err.column == "date"


# ---------------------------------------------------------------- absurd numbers
def test_absurd_minutes_row_is_skipped_and_reported():
    diary = read_diary(load("absurd_minutes.csv"))
    assert [(s.row, s.column) for s in diary.skipped] == [(4, "minutes")]
    assert "more than 16 hours" in diary.skipped[0].reason and "2000" not in diary.skipped[0].reason


def test_negative_minutes():
    assert "minutes below 0" in str(error_for("date,activity,minutes\n2024-03-04,walking,-5\n"))


def test_pain_out_of_range_json_row_is_skipped():
    diary = read_diary(load("pain_out_of_range.json"), "pain_out_of_range.json")
    assert [(s.row, s.column) for s in diary.skipped] == [(2, "pain")]
    assert "outside the 0 to 10 scale" in diary.skipped[0].reason and "12" not in diary.skipped[0].reason


@pytest.mark.parametrize(
    "line,column",
    [
        ("2024-03-04,walking,10,-1,3,no", "pain"),
        ("2024-03-04,walking,10,3,11,no", "fatigue"),
        ("2024-03-04,walking,ten,3,3,no", "minutes"),
        ("2024-03-04,walking,10,3,3,maybe", "flare"),
        ("2024-03-04,walking,nan,3,3,no", "minutes"),
    ],
)
def test_other_bad_values(line, column):
    err = error_for("date,activity,minutes,pain,fatigue,flare\n" + line + "\n")
    assert err.column == column and err.row == 2


def test_json_boolean_is_not_a_number():
    err = error_for('[{"date": "2024-03-04", "activity": "walking", "minutes": true}]')
    assert err.column == "minutes"


def test_minutes_without_activity():
    err = error_for("date,activity,minutes\n2024-03-04,,10\n")
    assert "which activity was it?" in str(err) and err.column == "activity"


# ---------------------------------------------------------------- empty / wrong shape
@pytest.mark.parametrize("content", [b"", "   \n\n", None])
def test_empty_file(content):
    assert "looks empty" in str(error_for(content))


def test_empty_file_on_disk():
    assert "looks empty" in str(error_for(load("empty.csv"), "empty.csv"))


def test_header_only():
    assert "no diary rows" in str(error_for(load("header_only.csv")))


def test_empty_json_list():
    assert "no entries" in str(error_for("[]", "x.json"))


def test_wrong_columns():
    err = error_for(load("wrong_columns.csv"))
    assert "couldn't find a date column" in str(err)
    assert "'when'" not in str(err)


def test_date_column_alone_is_not_enough():
    assert "nothing to go with it" in str(error_for("date,notes\n2024-03-04,hello\n"))


def test_duplicate_columns():
    err = error_for("date,minutes,duration,activity\n2024-03-04,10,10,walking\n")
    assert "Two columns both look like minutes" in str(err)


def test_extra_values_in_a_row():
    err = error_for("date,activity,minutes\n2024-03-04,walking,10,oops\n")
    assert err.row == 2 and "3 columns" in str(err)


def test_invalid_json():
    err = error_for('[{"date": "2024-03-04",}]', "diary.json")
    assert "doesn't look like valid JSON" in str(err)


@pytest.mark.parametrize("content", ['{"entries": []}', '"hello"', "[1, 2]"])
def test_json_with_the_wrong_shape(content):
    error_for(content, "diary.json")


# ---------------------------------------------------------------- limits
def test_row_cap():
    lines = ["date,activity,minutes"] + ["2024-03-04,walking,0"] * (MAX_ROWS + 1)
    assert "more than 5,000 rows" in str(error_for("\n".join(lines)))
    assert len(parse_diary("\n".join(lines[: MAX_ROWS + 1]))) == MAX_ROWS


def test_json_row_cap():
    rows = [{"date": "2024-03-04", "pain": 3}] * (MAX_ROWS + 1)
    assert "more than 5,000 rows" in str(error_for(json.dumps(rows)))


def test_byte_cap():
    assert "too big" in str(error_for(b"x" * (MAX_BYTES + 1)))


def test_error_is_a_value_error():
    assert issubclass(DiaryImportError, ValueError)


def test_rows_to_records_ignores_minutes_without_activity():
    rows = [
        DiaryRow(D(2024, 3, 4), None, 10.0, 3.0, None, None),
        DiaryRow(D(2024, 3, 4), "walking", None, None, 4.0, None),
    ]
    assert rows_to_records(rows) == [DayRecord(D(2024, 3, 4), {}, 3.0, 4.0)]
