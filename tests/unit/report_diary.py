"""A synthetic diary of 12 weeks and a bit (and what was stored alongside) for the clinician report's tests.

Walking most days, a few days missed, pain easing from 6 to 4, a flare on day 60-61 of the 12 weeks, one
post-exertional day, and triage events: one that advised a GP or physio check, one ordinary ache (not in the
report), one crisis (never in this report) and one emergency.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from bot.storage import repo
from bot.storage.models import User

TODAY = dt.date(2026, 11, 29)  # a Sunday
START_12 = TODAY - dt.timedelta(days=83)
BEFORE = 21  # days logged before the 12 weeks, so the period starts with a plan
MISSED = {5, 17, 18, 33, 47, 70}  # days of the 12 weeks with nothing logged
FLARE_DAYS = {60, 61}
PEM_DAY = 30
ASSESS_WORDS = "my knee has been swelling a bit after walks 🦵"


def day(i: int) -> dt.date:
    """Day i of the 12 weeks (negative: before them)."""
    return START_12 + dt.timedelta(days=i)


def at_noon(d: dt.date) -> dt.datetime:
    return dt.datetime.combine(d, dt.time(12), dt.UTC)


def fill(session: Session, user: User) -> None:
    repo.record_consent(session, user)
    for i in range(-BEFORE, 84):
        if i in MISSED:
            continue
        flare = i in FLARE_DAYS
        pain = 8 if flare else 6 - (2 * max(i, 0)) // 84
        values = {
            "pain": pain,
            "fatigue": 7 if flare or i == PEM_DAY else 5,
            "sleep_hours": 5.0 if flare else 6.5 + (i % 3) * 0.5,
            "sleep_quality": "poor" if flare else "ok",
            "stress": 4,
            "mood": "ok",
            "flare": flare,
            "post_exertional": i == PEM_DAY,
        }
        repo.save_checkin(session, user, day(i), values)
        repo.add_activity(session, user, day(i), "walking", 3 if flare else 12 + (i % 4))
    for i, kind, level, emergency, words in (
        (20, "triage", "assess", False, ASSESS_WORDS),
        (25, "triage", "normal", False, "usual aching after a walk"),
        (40, "crisis", None, False, "a private crisis line"),
        (75, "triage", "stop", True, "chest pain walking up the hill"),
        (-5, "triage", "assess", False, "before the period"),
        (90, "triage", "assess", False, "after the period"),
    ):
        event = repo.record_event(session, user, kind, level=level, emergency=emergency, text=words)
        event.created_at = at_noon(day(i))
    session.flush()
