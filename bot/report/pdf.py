"""The report as a PDF (fpdf2, A4): one or two pages a clinician can read in a couple of minutes.

Long lists (plan changes, suggested checks) are cut to keep to two pages: the page is laid out with
room for up to ``LIST_LIMITS[0]`` items of each, then fewer, until it fits; what is left out is in the CSV.
"""

from __future__ import annotations

import datetime as dt
import io
import unicodedata
from collections.abc import Sequence
from pathlib import Path

import matplotlib
from fpdf import FPDF
from fpdf.fonts import FontFace

from bot.report import text
from bot.report.data import ReportData
from bot.report.summary import WeekRow, week_rows

MAX_PAGES = 2
LIST_LIMITS = (20, 10, 6, 3, 1)
FONT = "DejaVu"
_FONTS = Path(matplotlib.get_data_path()) / "fonts" / "ttf"  # shipped with matplotlib, covers accents and arrows
MARGIN_MM = 15
CHART_WIDTH_MM = 170
GREY, INK, BOX = (90, 90, 90), (20, 20, 20), (238, 244, 241)
WORDS_MAX = 160  # characters of the person's own words quoted per suggested check


def printable(words: str) -> str:
    """Without control characters and what the font cannot draw (emoji and other astral characters)."""
    kept = (c for c in words if ord(c) <= 0xFFFF and unicodedata.category(c)[0] != "C")
    return " ".join("".join(kept).split())


def quote(words: str) -> str:
    """The person's words, printable, cut at a word to at most WORDS_MAX characters."""
    kept = printable(words)
    return kept if len(kept) <= WORDS_MAX else kept[:WORDS_MAX].rsplit(" ", 1)[0] + "…"


class _Page(FPDF):
    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(FONT, size=7.5)
        self.set_text_color(*GREY)
        self.cell(0, 5, f"{text.FOOTER}   Page {self.page_no()} of {{nb}}", align="C")


def _new_pdf() -> _Page:
    pdf = _Page(format="A4", unit="mm")
    pdf.set_margins(MARGIN_MM, MARGIN_MM, MARGIN_MM)
    pdf.set_auto_page_break(True, margin=16)
    pdf.add_font(FONT, "", str(_FONTS / "DejaVuSans.ttf"))
    pdf.add_font(FONT, "B", str(_FONTS / "DejaVuSans-Bold.ttf"))
    pdf.set_title(text.TITLE)
    pdf.set_creator("pacing-coach")
    pdf.add_page()
    return pdf


def _heading(pdf: FPDF, title: str) -> None:
    pdf.ln(2)
    pdf.set_font(FONT, "B", 11)
    pdf.set_text_color(*INK)
    pdf.cell(0, 7, title, new_x="LMARGIN", new_y="NEXT")


def _para(pdf: FPDF, words: str, size: float = 9, bold: bool = False, colour: tuple[int, int, int] = INK) -> None:
    pdf.set_font(FONT, "B" if bold else "", size)
    pdf.set_text_color(*colour)
    pdf.multi_cell(0, size * 0.5, words, align="L", new_x="LMARGIN", new_y="NEXT")


def _items(pdf: FPDF, items: Sequence[tuple[str, str | None]], limit: int, none: str) -> None:
    """Each item: a bold-ish first line and, when given, a quieter line under it."""
    if not items:
        _para(pdf, none, colour=GREY)
        return
    for first, detail in items[:limit]:
        _para(pdf, "• " + first, bold=True, size=8.5)
        if detail:
            pdf.set_x(MARGIN_MM + 4)
            pdf.set_font(FONT, "", 8)
            pdf.set_text_color(*GREY)
            pdf.multi_cell(0, 4, detail, align="L", new_x="LMARGIN", new_y="NEXT")
    if len(items) > limit:
        _para(pdf, text.MORE_IN_CSV.format(n=len(items) - limit), size=8, colour=GREY)


def _head(pdf: FPDF, data: ReportData, made_on: dt.date) -> None:
    pdf.set_font(FONT, "B", 16)
    pdf.set_text_color(*INK)
    pdf.cell(0, 9, text.TITLE, new_x="LMARGIN", new_y="NEXT")
    _para(pdf, text.period(data.start, data.end, data.weeks) + f" (made on {text.day(made_on)})", size=10)
    pdf.ln(1.5)
    pdf.set_fill_color(*BOX)
    pdf.set_font(FONT, "B", 9.5)
    pdf.multi_cell(0, 5, text.SELF_REPORT, fill=True, padding=2, align="L", new_x="LMARGIN", new_y="NEXT")


def _glance(pdf: FPDF, data: ReportData) -> None:
    _heading(pdf, text.SECTION_GLANCE)
    lines = text.glance(
        data.days_checked_in, len(data.days), data.days_on_plan, data.days_with_plan, len(data.flare_days)
    )
    _para(pdf, "   ".join(lines))


def _chart(pdf: FPDF, png: bytes) -> None:
    pdf.ln(1)
    pdf.image(io.BytesIO(png), x=(pdf.w - CHART_WIDTH_MM) / 2, w=CHART_WIDTH_MM)


def _week_cells(row: WeekRow) -> tuple[str, ...]:
    return (
        text.day(row.start),
        str(row.days_logged),
        text.number(row.pain),
        text.number(row.fatigue),
        text.number(row.sleep_hours),
        text.number(row.minutes_per_day),
        str(row.flare_days),
        f"{row.on_plan} of {row.with_plan}" if row.with_plan else "–",
    )


def _weeks(pdf: FPDF, data: ReportData) -> None:
    _heading(pdf, text.SECTION_WEEKS)
    pdf.set_font(FONT, "", 8)
    pdf.set_text_color(*INK)
    with pdf.table(
        col_widths=(24, 16, 12, 16, 14, 24, 12, 16),
        text_align="CENTER",
        line_height=4.6,
        headings_style=FontFace(emphasis="BOLD", fill_color=BOX),
        first_row_as_headings=True,
    ) as table:
        for cells in [text.WEEK_COLUMNS, *(_week_cells(r) for r in week_rows(data))]:
            table.row(cells)
    _para(pdf, text.SCALE_NOTE, size=7.5, colour=GREY)


def _lists(pdf: FPDF, data: ReportData, limit: int) -> None:
    _heading(pdf, text.SECTION_PLAN)
    changes = [
        (f"{text.day(c.day)}, {text.plan_change(c.activity, c.previous_minutes, c.target_minutes)}", c.reason)
        for c in data.plan_changes
    ]
    _items(pdf, changes, limit, text.NO_PLAN_CHANGES)
    _heading(pdf, text.SECTION_FLARES)
    flares = [text.flare(d.day, d.value("pain"), bool(d.value("post_exertional"))) for d in data.flare_days]
    _para(pdf, "; ".join(flares) + "." if flares else text.NO_FLARES, colour=INK if flares else GREY)
    _heading(pdf, text.SECTION_CHECKS)
    checks = [
        (
            f"{text.day(c.day)}: the coach {text.check(c.level, c.emergency)}",
            f"In my words: “{quote(c.words)}”" if c.words and printable(c.words) else None,
        )
        for c in data.checks
    ]
    _items(pdf, checks, limit, text.NO_CHECKS)


def _render(data: ReportData, chart_png: bytes, made_on: dt.date, limit: int) -> _Page:
    pdf = _new_pdf()
    _head(pdf, data, made_on)
    _glance(pdf, data)
    _chart(pdf, chart_png)
    _weeks(pdf, data)
    _lists(pdf, data, limit)
    return pdf


def report_pdf(data: ReportData, chart_png: bytes, made_on: dt.date) -> bytes:
    for limit in LIST_LIMITS:
        pdf = _render(data, chart_png, made_on, limit)
        if pdf.pages_count <= MAX_PAGES:
            break
    return bytes(pdf.output())
