"""Only plausible values are stored: minus signs, exponents, 16-hour days, implausible diary rows, junk files."""

from __future__ import annotations

import datetime as dt
import json

import httpx
import pytest
from fastapi.testclient import TestClient
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.checkin import FORM_SLOTS, ValidateCheckinForm
from api.main import create_app
from api.rasa_client import RasaClient
from api.settings import Settings
from bot.checkin.parse import parse_checkin, parse_correction, parse_duration_minutes, parse_scale, parse_sleep
from bot.checkin.service import CheckinValues, minutes_logged, record
from bot.diary import import_file
from bot.pacing.diary_import import DiaryImportError, read_diary, rows_to_records
from bot.pacing.engine import plan_history
from bot.storage import repo
from bot.storage.db import session_scope

DAY = dt.date(2024, 3, 4)
AUTH = {"Authorization": "Bearer s3cret"}


# ---------------------------------------------------------------- check-in text
@pytest.mark.parametrize(
    "text,field",
    [
        ("slept -5 hours", "sleep_hours"),
        ("sleep: -5h", "sleep_hours"),
        ("slept minus five hours", "sleep_hours"),
        ("pain 1e9", "pain"),
        ("pain -3", "pain"),
        ("pain minus 3", "pain"),
        ("fatigue -2 today", "fatigue"),
        ("walked -20 min", "activities"),
    ],
)
def test_a_minus_sign_or_exponent_fills_no_field(text, field):
    got = parse_checkin(text)
    assert not got.fields(), got  # "-5" is not read as 5, "1e9" not as 1 and 9
    assert field in got.out_of_range


def test_the_rest_of_a_message_with_a_minus_number_still_counts():
    got = parse_checkin("pain -3, fatigue 6, slept 7 hours")
    assert (got.pain, got.fatigue, got.sleep_hours) == (None, 6, 7.0)


@pytest.mark.parametrize("text", ["3-4", "pain 5 -6", "pain - 5"])
def test_a_range_dash_is_not_a_minus_sign(text):
    assert parse_checkin(text if "pain" in text else "pain " + text).pain in (4, 5, 6)


def test_single_answers_refuse_minus_and_exponent_numbers():
    assert parse_scale("1e9") == "out_of_range"
    assert parse_scale("minus 2") == "out_of_range"
    assert parse_sleep("-5 hours") == (None, None)
    assert parse_duration_minutes("-20 min") is None
    assert parse_duration_minutes("1e3") is None
    assert parse_correction("actually make that -5") is None


def test_a_message_whose_activities_pass_16_hours_stores_none_of_them():
    got = parse_checkin("walked 500 min and swam 500 min")
    assert got.activities == () and "activities" in got.out_of_range


# ---------------------------------------------------------------- the check-in form
def run_form(text: str, requested: str):
    slots = dict.fromkeys(FORM_SLOTS) | {"requested_slot": requested, "ci_last_slot": None}
    tracker = Tracker.from_dict(
        {
            "sender_id": "web:test",
            "slots": slots,
            "events": [],
            "paused": False,
            "followup_action": None,
            "active_loop": {"name": "checkin_form"},
            "latest_action_name": "action_listen",
            "latest_message": {"text": text, "intent": {"name": "inform", "confidence": 0.9}, "entities": []},
        }
    )
    dispatcher = CollectingDispatcher()
    events = ValidateCheckinForm().run(dispatcher, tracker, {})
    return {e["name"]: e["value"] for e in events if e["event"] == "slot"}, [m.get("text") for m in dispatcher.messages]


@pytest.mark.parametrize(
    "text,slot,words",
    [
        ("4500 minutes", "ci_activity", "more than 16 hours"),
        ("walked 20 hours", "ci_activity", "more than 16 hours"),
        ("walked -20 min", "ci_activity", "zero or more"),
        ("-5 hours", "ci_sleep", "0 to 24"),
        ("30 hours", "ci_sleep", "0 to 24"),
        ("1e9", "ci_pain", "0 to 10"),
        ("-3", "ci_fatigue", "0 to 10"),
    ],
)
def test_an_impossible_answer_gets_a_kind_question_and_is_not_kept(text, slot, words):
    slots, messages = run_form(text, slot)
    assert slot not in slots
    assert messages and words in messages[0]


# ---------------------------------------------------------------- a day's total across check-ins
@pytest.fixture
def db(tmp_path):
    from bot.storage.db import get_engine, migrate

    url = f"sqlite:///{tmp_path / 'plausible.db'}"
    migrate(url)
    yield url
    get_engine(url).dispose()


def test_a_second_checkin_cannot_take_the_day_past_16_hours(db):
    with session_scope(db) as s:
        user = repo.get_or_create_user(s, "web", "u1")
        assert record(s, user, CheckinValues(pain=4, activities=[("walking", 600)], day=DAY)) is True
        assert record(s, user, CheckinValues(fatigue=5, activities=[("swimming", 400)], day=DAY)) is False
        assert record(s, user, CheckinValues(activities=[("stretching", 360)], day=DAY)) is True
    with session_scope(db) as s:
        user = repo.get_or_create_user(s, "web", "u1")
        assert minutes_logged(s, user, DAY) == 960
        assert repo.checkins(s, user)[0].fatigue == 5  # the rest of the refused check-in is kept


# ---------------------------------------------------------------- diary import
def diary_csv(lines: list[str]) -> str:
    return "date,activity,minutes,pain,fatigue\n" + "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    "line,column,words",
    [
        ("2024-03-05,walking,-5,3,3", "minutes", "below 0"),
        ("2024-03-05,walking,961,3,3", "minutes", "16 hours"),
        ("2024-03-05,walking,10,11,3", "pain", "0 to 10"),
        ("2024-03-05,walking,10,3,-1", "fatigue", "0 to 10"),
        ("2999-03-05,walking,10,3,3", "date", "future"),
        ("1850-03-05,walking,10,3,3", "date", "1900"),
    ],
)
def test_an_implausible_diary_row_is_skipped_and_said_why(line, column, words):
    diary = read_diary(diary_csv(["2024-03-04,walking,10,3,3", line]), today=dt.date(2024, 6, 1))
    assert [r.day for r in diary.rows] == [DAY]
    assert [(s.row, s.column) for s in diary.skipped] == [(3, column)]
    assert words in diary.skipped[0].reason


def test_a_diary_day_adding_up_to_more_than_16_hours_is_skipped_whole():
    diary = read_diary(
        diary_csv(["2024-03-04,walking,600,3,3", "2024-03-04,swimming,400,3,3", "2024-03-05,walking,30,3,3"]),
        today=dt.date(2024, 6, 1),
    )
    assert [(r.day, r.minutes) for r in diary.rows] == [(dt.date(2024, 3, 5), 30.0)]
    assert [s.row for s in diary.skipped] == [2, 3]


def test_a_diary_of_960_minute_days_never_plans_more_than_960():
    lines = [f"{DAY + dt.timedelta(days=i)},walking,960,2,2" for i in range(120)]
    records = rows_to_records(read_diary(diary_csv(lines), today=dt.date(2025, 1, 1)).rows)
    plans = plan_history(records, "walking", DAY, DAY + dt.timedelta(days=130))
    assert max(p.target_minutes or 0 for p in plans) <= 960


def test_an_import_onto_a_day_already_full_from_chat_leaves_that_day_alone(db):
    with session_scope(db) as s:
        user = repo.get_or_create_user(s, "web", "u2")
        repo.add_activity(s, user, DAY, "walking", 900)
        result = import_file(
            s,
            user,
            diary_csv(["2024-03-04,cycling,100,3,3", "2024-03-05,cycling,100,3,3"]).encode(),
            "d.csv",
            today=dt.date(2024, 6, 1),
        )
        assert (result.days, result.activity_entries, result.skipped_rows) == (1, 1, 1)
        assert minutes_logged(s, user, DAY) == 900


@pytest.mark.parametrize(
    "content,filename",
    [
        ("date,activity,minutes\n2024-03-04,walking,1e308\n", "d.csv"),
        ("date,activity,minutes\n2024-03-04,walking,inf\n", "d.csv"),
        ("date,activity,minutes\n2024-03-04,walking,nan\n", "d.csv"),
        ('[{"date": "2024-03-04", "activity": "walking", "minutes": 1e308}]', "d.json"),
        ('[{"date": "2024-03-04", "activity": "walking", "minutes": NaN}]', "d.json"),
        ('[{"date": "2024-03-04", "activity": "walking", "minutes": Infinity}]', "d.json"),
        ('[{"date": "2024-03-04", "activity": "walking", "minutes": ' + "9" * 5000 + "}]", "d.json"),
        ("[" * 50_000 + "]" * 50_000, "d.json"),
    ],
)
def test_huge_or_non_numbers_refuse_the_file(content, filename):
    with pytest.raises(DiaryImportError):
        read_diary(content, filename)


# ---------------------------------------------------------------- the import endpoints
@pytest.fixture
def client(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'svc.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    settings = Settings(database_url=url, operator_token="s3cret")
    app = create_app(settings, RasaClient(settings, transport=httpx.MockTransport(lambda r: httpx.Response(503))))
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


def post_diary(client, content: bytes, filename="diary.csv", path="/pacing/users/web/ann/diary"):
    return client.post(path, headers=AUTH, files={"file": (filename, content, "application/octet-stream")})


def test_a_csv_with_bare_cr_line_endings_is_read(client):
    r = post_diary(client, b"date,activity,minutes\r2024-03-04,walking,10\r2024-03-05,walking,12\r")
    assert r.status_code == 200, r.text
    assert (r.json()["days"], r.json()["activity_entries"]) == (2, 2)


def test_the_import_reply_counts_skipped_rows_and_says_why(client):
    r = post_diary(client, diary_csv(["2024-03-04,walking,10,3,3", "2024-03-05,walking,10,12,3"]).encode())
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["days"] == 1 and body["skipped_rows"] == 1
    assert "Row 3" in body["skipped"][0] and "pain" in body["skipped"][0]


@pytest.mark.parametrize(
    "path",
    [
        "/pacing/users/" + "w" * 10_000 + "/ann/diary",
        "/pacing/users/carrier-pigeon/ann/diary",
        "/pacing/users/web/" + "a" * 129 + "/diary",
    ],
)
def test_an_unknown_channel_or_overlong_id_is_refused(client, path):
    r = post_diary(client, b"date,pain\n2024-03-04,3\n", path=path)
    assert r.status_code in (404, 422)
    assert "wwwwwwwwww" not in r.text and "aaaaaaaaaa" not in r.text


JUNK = {
    "undecodable bytes": (b"\xff\xfe\x00\x01date,pain\n\x80\x81,3\n", "d.csv"),
    "empty": (b"", "d.csv"),
    "binary junk": (bytes(range(256)) * 20, "d.bin"),
    "list of non-objects": (b'[1, "two", [3]]', "d.json"),
    "1e308": (b"date,activity,minutes\n2024-03-04,walking,1e308\n", "d.csv"),
    "inf": (b'[{"date": "2024-03-04", "activity": "walking", "minutes": "inf"}]', "d.json"),
    "nan": (b'[{"date": "2024-03-04", "activity": "walking", "minutes": NaN}]', "d.json"),
    "junk header": (b"zqxj" * 500 + b"\n1,2\n", "d.csv"),
    "a long activity": (b"date,activity,minutes\n2024-03-04," + b"zqxj" * 30 + b",10\n", "d.csv"),
    "unclosed quote": (b'date,activity,minutes\n2024-03-04,"walking,10\n' + b"x" * 200_000, "d.csv"),
}


@pytest.mark.parametrize("name", list(JUNK))
def test_junk_gets_a_clear_422_that_does_not_echo_the_file(client, name):
    content, filename = JUNK[name]
    r = post_diary(client, content, filename)
    assert r.status_code == 422, r.text
    detail = r.json()["detail"]
    assert isinstance(detail, str) and detail
    for echo in ("zqxj", "1e308", "inf'", "nan", "two"):
        assert echo not in detail.lower()
    export = client.get("/operator/users/web/ann/export", headers=AUTH)
    assert export.status_code == 404 or export.json()["activities"] == []


def test_json_result_is_plain_json(client):
    r = post_diary(
        client, json.dumps([{"date": "2024-03-04", "activity": "walking", "minutes": 10}]).encode(), "d.json"
    )
    assert r.status_code == 200 and r.json()["skipped"] == []
