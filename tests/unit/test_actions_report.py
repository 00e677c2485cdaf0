"""action_clinician_report on rasa_sdk trackers: 4 weeks unless 12 are asked for, two links, kind words otherwise."""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.report import ActionClinicianReport
from bot import files
from bot.storage import repo
from bot.storage.db import migrate, session_scope
from tests.unit import report_diary


def tracker(text, sender="web:person"):
    return Tracker.from_dict(
        {
            "sender_id": sender,
            "slots": {},
            "events": [{"event": "user", "text": text}],
            "paused": False,
            "followup_action": None,
            "active_loop": {},
            "latest_action_name": "action_listen",
            "latest_message": {"text": text, "intent": {"name": "clinician_report", "confidence": 0.9}, "entities": []},
        }
    )


def run(text, monkeypatch, tmp_path, sender="web:person", diary=True):
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'a.db'}")
    monkeypatch.setattr(files, "FILES", tmp_path / "files")
    monkeypatch.setattr("actions.report.today_for", lambda user: report_diary.TODAY)
    migrate()
    with session_scope() as session:
        user = repo.get_or_create_user(session, *sender.split(":", 1))
        if diary:
            report_diary.fill(session, user)
        else:
            repo.record_consent(session, user)
    d = CollectingDispatcher()
    ActionClinicianReport().run(d, tracker(text, sender), {})
    return d.messages


def downloads(messages):
    return [m["custom"]["download"] for m in messages if (m.get("custom") or {}).get("download")]


def test_make_a_report_for_my_doctor_gives_a_pdf_and_a_csv_of_four_weeks(monkeypatch, tmp_path):
    messages = run("make a report for my doctor", monkeypatch, tmp_path)
    assert "last 4 weeks" in messages[0]["text"] and "12 week report" in messages[0]["text"]
    pdf, table = downloads(messages)
    assert pdf["url"].endswith("/pacing-report-4-weeks-2026-11-29.pdf") and "PDF" in pdf["label"]
    assert table["url"].endswith(".csv")
    token, name = pdf["url"].split("/")[2:]
    assert files.lookup(token, name).read_bytes().startswith(b"%PDF-")
    assert files.web_conversation(token) == "person"  # opens only in this browser, like the other files


def test_twelve_weeks_when_asked_and_a_messaging_app_gets_a_capability_link(monkeypatch, tmp_path):
    messages = run("a report of the last 3 months for my GP", monkeypatch, tmp_path, sender="telegram:42")
    assert "last 12 weeks" in messages[0]["text"]
    pdf, _ = downloads(messages)
    assert "12-weeks" in pdf["url"] and files.web_conversation(pdf["url"].split("/")[2]) is None


def test_nothing_to_report_yet_is_said_kindly(monkeypatch, tmp_path):
    messages = run("pdf for my GP", monkeypatch, tmp_path, diary=False)
    assert not downloads(messages) and "ask me again" in messages[0]["text"]
