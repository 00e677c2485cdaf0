"""Post-exertional symptoms: when yesterday went past the plan, ask gently whether today is worse.

* **Above plan yesterday**: an activity's logged minutes yesterday were more than that day's
  target (the plan the engine gave for yesterday). Days without a target (still collecting)
  never ask.
* **The answer** ("worse today", "yes", "a bit worse" / "about the same", "no", "better") becomes
  the day's ``post_exertional`` flag, which the engine's crash rule and the boom-and-bust rule
  already read; a skip or anything unclear stores nothing.
* **A flare day** is never a zero day: each plan gets a gentle alternative (half its target, at
  least 2 minutes, done slowly), and gentle stretching is always offered.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ._util import minutes_phrase
from .engine import DayRecord, PacingSettings, PlanDecision, merge_records, plan_for_day

__all__ = ["AboveYesterday", "above_plan_yesterday", "flare_day_options", "read_after_exertion"]

GENTLE_SHARE = 0.5
MIN_GENTLE_MINUTES = 2
GENTLE_STRETCH_MINUTES = 5

_WORSE = re.compile(r"\b(worse|yes|yeah|yep|a bit|a little|more (pain|sore|tired)|crash(ed|ing)?|wiped)\b", re.I)
_NOT_WORSE = re.compile(
    r"\b(no|nope|nah|not really|about the same|the same|same|fine|ok|okay|better|not worse|nothing)\b", re.I
)


@dataclass(frozen=True)
class AboveYesterday:
    activity: str
    minutes: float
    target: int


def above_plan_yesterday(
    records: Sequence[DayRecord], today: datetime.date, settings: PacingSettings = PacingSettings()
) -> list[AboveYesterday]:
    """The activities done past yesterday's plan (empty: nothing to ask)."""
    yesterday = today - datetime.timedelta(days=1)
    rec = next((r for r in merge_records(records) if r.day == yesterday), None)
    if rec is None:
        return []
    out = []
    for activity, minutes in sorted(rec.minutes.items()):
        target = plan_for_day(records, activity, yesterday, settings).target_minutes
        if target is not None and minutes > target:
            out.append(AboveYesterday(activity, minutes, target))
    return out


def read_after_exertion(text: str) -> bool | None:
    """True for worse today, False for not worse, None for a skip or anything unclear."""
    said = str(text or "").strip()
    if re.search(r"\b(not worse|no worse|not really)\b", said, re.I):
        return False
    worse, not_worse = bool(_WORSE.search(said)), bool(_NOT_WORSE.search(said))
    if worse != not_worse:
        return worse
    return None


def flare_day_options(plans: Sequence[PlanDecision]) -> list[str]:
    """Gentle things to do on a flare day, never nothing: a shorter, slower version of each plan, and a stretch."""
    options = []
    for plan in plans:
        if plan.target_minutes:
            gentle = max(MIN_GENTLE_MINUTES, int(plan.target_minutes * GENTLE_SHARE))
            options.append(f"a slow, easy {minutes_phrase(gentle)} of {plan.activity}")
    if not any(p.activity == "stretching" for p in plans if p.target_minutes):
        options.append(f"{minutes_phrase(GENTLE_STRETCH_MINUTES)} of gentle stretching, sitting or lying down")
    return options
