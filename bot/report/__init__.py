"""The clinician report (issue 16): the last 4 or 12 weeks of a person's diary as a PDF and a CSV.

data.py gathers the period from storage and the pacing engine, summary.py makes the week-by-week table,
charts.py draws the trends, pdf.py lays out the pages, table.py writes the CSV, text.py holds the words,
period.py reads how many weeks were asked for, and build.py puts them together.
"""

from bot.report.build import ClinicianReport, make_report, render
from bot.report.data import ReportData, gather
from bot.report.period import weeks_asked

__all__ = ["ClinicianReport", "ReportData", "gather", "make_report", "render", "weeks_asked"]
