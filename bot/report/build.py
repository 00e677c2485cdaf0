"""The clinician report for a person: gathered from storage, drawn, laid out as a PDF, and the same days as a CSV."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from bot.report.charts import trend_chart
from bot.report.data import ReportData, gather
from bot.report.pdf import report_pdf
from bot.report.table import report_csv
from bot.storage.models import User


@dataclass(frozen=True)
class ClinicianReport:
    data: ReportData
    pdf: bytes
    csv: str

    def files(self) -> dict[str, bytes]:
        """File name -> content, as bot.files.publish takes them."""
        stem = f"pacing-report-{self.data.weeks}-weeks-{self.data.end.isoformat()}"
        return {f"{stem}.pdf": self.pdf, f"{stem}.csv": self.csv.encode()}


def render(data: ReportData) -> ClinicianReport:
    """The files (no database needed: data holds plain values), dated the period's last day."""
    return ClinicianReport(data=data, pdf=report_pdf(data, trend_chart(data), data.end), csv=report_csv(data))


def make_report(session: Session, user: User, today: dt.date, weeks: int = 4) -> ClinicianReport | None:
    """None when there is nothing in the period to report."""
    data = gather(session, user, today, weeks)
    return None if data.empty else render(data)
