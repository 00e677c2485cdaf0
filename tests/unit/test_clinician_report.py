"""The clinician report (issue 16) for a synthetic 12-week diary: what the pages say, the CSV, the pages as images."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image, ImageStat

from bot.report import gather, make_report, render, text, weeks_asked
from bot.report.data import ReportDay
from bot.report.table import COLUMNS
from bot.storage import repo
from bot.storage.db import migrate, session_scope
from tests.unit import report_diary
from tests.unit.report_diary import ASSESS_WORDS, TODAY

POPPLER = shutil.which("pdftoppm") and shutil.which("pdftotext")
needs_poppler = pytest.mark.skipif(not POPPLER, reason="poppler-utils missing: `make pdftools` installs it")
A4_MM = (210, 297)


def filled(folder: Path) -> str:
    """A migrated SQLite database holding the synthetic diary; returns its URL."""
    url = f"sqlite:///{folder / 'report.db'}"
    migrate(url)
    with session_scope(url) as session:
        report_diary.fill(session, repo.get_or_create_user(session, "web", "person"))
    return url


@pytest.fixture
def database(tmp_path):
    return filled(tmp_path)


def report(url: str, weeks: int):
    with session_scope(url) as session:
        made = make_report(session, repo.get_or_create_user(session, "web", "person"), TODAY, weeks)
    assert made is not None
    return made


@pytest.fixture(scope="module")
def twelve(tmp_path_factory):
    return report(filled(tmp_path_factory.mktemp("twelve")), 12)


def pdf_text(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True)
    return " ".join(out.stdout.split())  # lines joined: a sentence may wrap anywhere


@needs_poppler
def test_the_twelve_week_report_says_what_a_clinician_needs(twelve, tmp_path):
    words = pdf_text(twelve.pdf, tmp_path)
    assert text.TITLE in words
    assert text.SELF_REPORT in words  # the plain line: a self-report to discuss, not a diagnosis
    assert "The last 12 weeks: 7 Sep 2026 to 29 Nov 2026" in words
    for section in (text.SECTION_GLANCE, text.SECTION_WEEKS, text.SECTION_PLAN, text.SECTION_FLARES):
        assert section in words
    assert text.SECTION_CHECKS in words
    assert "Days checked in: 78 of 84." in words  # 6 days of the 84 missed
    assert "Days on plan:" in words and "logged days that had a plan" in words
    assert "Flare days: 3." in words  # the two flare days and the post-exertional one
    assert "6 Nov 2026, pain 8/10" in words and "after doing more than usual" in words
    # the plan's changes with the engine's reasons
    assert "walking: 14 → 13 minutes a day" in words and "You had a flare" in words
    # triage that advised a check: the GP/physio one, the emergency; not the ordinary ache, not the crisis
    assert "27 Sep 2026: the coach suggested a check with a GP or physio" in words
    assert ASSESS_WORDS.replace(" 🦵", "") in words  # their own words, without what the font cannot draw
    assert "suggested urgent medical help" in words and "chest pain walking up the hill" in words
    assert "usual aching" not in words and "crisis" not in words and "the period" not in words


def page_images(pdf: bytes, folder: Path) -> list[Path]:
    """The pages as PNGs at 50 dpi (pdftoppm)."""
    path = folder / "report.pdf"
    path.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-png", "-r", "50", str(path), str(folder / "page")], check=True)
    return sorted(folder.glob("page-*.png"))


@needs_poppler
def test_the_pdf_is_one_or_two_a4_pages_with_something_on_them(twelve, tmp_path):
    pages = page_images(twelve.pdf, tmp_path)
    assert 1 <= len(pages) <= 2
    for page in pages:
        with Image.open(page) as image:
            width, height = image.size
            assert abs(width - A4_MM[0] / 25.4 * 50) <= 2 and abs(height - A4_MM[1] / 25.4 * 50) <= 2
            spread = ImageStat.Stat(image.convert("L")).var[0]
        assert spread > 200, f"{page.name} looks blank (pixel variance {spread:.0f})"


def test_the_csv_has_one_row_per_day_with_the_clinicians_columns(twelve):
    rows = list(csv.DictReader(io.StringIO(twelve.csv)))
    assert list(rows[0]) == COLUMNS
    assert {"date", "pain_0_10", "fatigue_0_10", "sleep_hours", "activity_minutes", "plan_minutes", "on_plan"} <= set(
        COLUMNS
    )
    assert len(rows) == 84 and rows[0]["date"] == "2026-09-07" and rows[-1]["date"] == "2026-11-29"
    flare = next(r for r in rows if r["date"] == "2026-11-06")
    assert flare["flare"] == "True" and flare["pain_0_10"] == "8" and flare["activities"] == "walking 3 min"
    missed = next(r for r in rows if r["date"] == "2026-09-12")  # day 5: nothing logged
    assert missed["checked_in"] == "False" and missed["pain_0_10"] == "" and missed["on_plan"] == ""
    assert any("You had a flare" in r["plan_change"] for r in rows)
    assert next(r for r in rows if r["date"] == "2026-09-27")["clinician_check"].endswith("GP or physio")
    assert sum(r["checked_in"] == "True" for r in rows) == 78


def test_four_weeks_by_default_and_their_files_are_named_for_the_period(database):
    made = report(database, 4)
    assert len(made.data.days) == 28 and made.data.start.isoformat() == "2026-11-02"
    assert set(made.files()) == {"pacing-report-4-weeks-2026-11-29.pdf", "pacing-report-4-weeks-2026-11-29.csv"}
    assert made.pdf.startswith(b"%PDF-")
    assert [c.day.isoformat() for c in made.data.checks] == ["2026-11-21"]  # only the emergency falls in 4 weeks


def test_nothing_logged_makes_no_report(tmp_path):
    url = f"sqlite:///{tmp_path / 'empty.db'}"
    migrate(url)
    with session_scope(url) as session:
        user = repo.get_or_create_user(session, "web", "new")
        assert make_report(session, user, TODAY) is None
        with pytest.raises(ValueError):
            gather(session, user, TODAY, 6)


def test_a_report_with_almost_nothing_in_it_still_renders(tmp_path):
    url = f"sqlite:///{tmp_path / 'one.db'}"
    migrate(url)
    with session_scope(url) as session:
        user = repo.get_or_create_user(session, "web", "one")
        repo.save_checkin(session, user, TODAY, {"pain": 5})
        data = gather(session, user, TODAY, 4)
    made = render(data)
    assert made.pdf.startswith(b"%PDF-") and "2026-11-29,True,5," in made.csv
    assert data.days_with_plan == 0 and data.plan_changes == ()


@pytest.mark.parametrize(
    ("minutes", "on_plan"),
    [({"walking": 10}, True), ({"walking": 15}, True), ({"walking": 9}, False), ({"walking": 16}, False), ({}, None)],
)
def test_on_plan_means_the_target_done_without_a_big_day(minutes, on_plan):
    day = ReportDay(TODAY, {"pain": 4} if minutes else None, minutes, {"walking": 10})
    assert day.on_plan is on_plan


@pytest.mark.parametrize(
    ("said", "weeks"),
    [
        ("make a report for my doctor", 4),
        ("pdf for my GP", 4),
        ("can I get a summary for my physio", 4),
        ("12 week report", 12),
        ("a report of the last 3 months please", 12),
        ("twelve weeks for my rheumatologist", 12),
        ("quarterly summary", 12),
        ("the last 4 weeks", 4),
        ("I walked 12 minutes, report for my GP", 4),
    ],
)
def test_twelve_weeks_only_when_asked(said, weeks):
    assert weeks_asked(said) == weeks


@needs_poppler
def test_a_crowded_period_still_fits_on_two_pages(database, tmp_path):
    with session_scope(database) as session:
        user = repo.get_or_create_user(session, "web", "person")
        for i in range(30):  # a month of worries, each in many words, and a flare every other day
            event = repo.record_event(session, user, "triage", level="assess", text="my hip aches and " * 20)
            event.created_at = report_diary.at_noon(report_diary.day(56 + i % 28))
            if i % 2:
                repo.save_checkin(session, user, report_diary.day(56 + i % 28), {"flare": True, "pain": 8})
    made = report(database, 4)
    assert len(made.data.checks) >= 30 and len(made.data.flare_days) >= 14
    assert 1 <= len(page_images(made.pdf, tmp_path)) <= 2
    assert text.MORE_IN_CSV.split("{n}")[1].strip() in pdf_text(made.pdf, tmp_path)
