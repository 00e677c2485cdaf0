"""The words of the clinician report, in the chat and on the page: warm and plain."""

from __future__ import annotations

import datetime as dt

from bot.pacing._util import fmt_num

TITLE = "My pacing diary"
SELF_REPORT = (
    "This is a self-report from my pacing diary, to talk through with a clinician. It is not a diagnosis, "
    "and the coach that helped me keep it is not a clinician."
)
FOOTER = "Self-report, not a diagnosis. Made with pacing-coach."

READY = (
    "Here is a report of your last {weeks} weeks for your doctor, physio or anyone in your care team: your pain, "
    "tiredness, sleep and activity as charts, how your plan changed and why, flares, and any time I suggested "
    "getting checked. It's your own diary, so it's yours to share or keep. The links work for one hour."
)
ASK_LONGER = 'If a longer view helps, ask for "a 12 week report".'
NOTHING_YET = (
    "I don't have anything from your last {weeks} weeks to put in a report yet. Once you've checked in for a few "
    "days, ask me again and I'll make one you can take to your appointment."
)
PDF_LABEL = "Report for my clinician (PDF, {weeks} weeks)"
CSV_LABEL = "The same days as a spreadsheet (CSV)"

SECTION_GLANCE = "At a glance"
SECTION_WEEKS = "Week by week"
SECTION_PLAN = "Changes to my pacing plan"
SECTION_FLARES = "Flares"
SECTION_CHECKS = "Times the coach suggested seeing a clinician"
NO_PLAN_CHANGES = "No changes to the plan in this period."
NO_FLARES = "No flares logged in this period."
NO_CHECKS = "None in this period."
MORE_IN_CSV = "…and {n} more; every day is in the CSV file made with this report."

WEEK_COLUMNS = ("Week from", "Days logged", "Pain", "Tiredness", "Sleep (h)", "Activity (min/day)", "Flares", "On plan")
SCALE_NOTE = "Pain and tiredness are scored 0 to 10 (10 is the worst). Averages are over the days with a score."

CHECK_WORDS = {
    "assess": "suggested a check with a GP or physio",
    "stop": "suggested stopping that activity and getting checked",
}
EMERGENCY_WORDS = "suggested urgent medical help"


def day(d: dt.date) -> str:
    return f"{d.day} {d:%b %Y}"


def period(start: dt.date, end: dt.date, weeks: int) -> str:
    return f"The last {weeks} weeks: {day(start)} to {day(end)}"


def glance(days_checked_in: int, days: int, on_plan: int, with_plan: int, flare_days: int) -> list[str]:
    lines = [f"Days checked in: {days_checked_in} of {days}."]
    if with_plan:
        lines.append(f"Days on plan: {on_plan} of the {with_plan} logged days that had a plan.")
    else:
        lines.append("Days on plan: no plan was set yet in this period.")
    lines.append(f"Flare days: {flare_days}.")
    return lines


def number(value: float | None) -> str:
    return "–" if value is None else fmt_num(value)


def plan_change(activity: str, before: int | None, after: int | None) -> str:
    if after is None:
        return f"{activity}: gathering a week of logs before a plan"
    if before is None or before == after:
        return f"{activity}: {after} minutes a day"
    return f"{activity}: {before} → {after} minutes a day"


def check(level: str | None, emergency: bool) -> str:
    return EMERGENCY_WORDS if emergency else CHECK_WORDS.get(level or "", CHECK_WORDS["assess"])


def flare(d: dt.date, pain: object, post_exertional: bool) -> str:
    parts = [day(d)]
    if isinstance(pain, int | float):
        parts.append(f"pain {fmt_num(pain)}/10")
    if post_exertional:
        parts.append("after doing more than usual")
    return ", ".join(parts)
