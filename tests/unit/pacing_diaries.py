"""Synthetic multi-week diaries for the pacing engine (used by tests and scripts/pacing_report.py).

Every diary starts on Monday 4 March 2024 (day 0). Day i is START + i days.
The expected plans are written out by hand in tests/unit/test_pacing_diaries.py.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field

from bot.pacing.engine import DayRecord, PacingSettings

START = datetime.date(2024, 3, 4)  # a Monday


def d(i: int) -> datetime.date:
    return START + datetime.timedelta(days=i)


@dataclass(frozen=True)
class Diary:
    name: str
    description: str
    activities: tuple[str, ...]
    records: tuple[DayRecord, ...]
    days: int  # the diary covers day 0 .. days-1
    settings: PacingSettings = field(default_factory=PacingSettings)

    @property
    def start(self) -> datetime.date:
        return START

    @property
    def end(self) -> datetime.date:
        return d(self.days - 1)


def rec(
    i: int,
    minutes: dict | None = None,
    pain: float | None = None,
    fatigue: float | None = None,
    flare: bool = False,
    post_exertional: bool = False,
) -> DayRecord:
    return DayRecord(
        day=d(i), minutes=dict(minutes or {}), pain=pain, fatigue=fatigue, flare=flare, post_exertional=post_exertional
    )


def series(
    activity: str,
    minutes: Sequence[float | None],
    first_day: int = 0,
    pain: float | Sequence[float | None] | None = 4,
    fatigue: float | Sequence[float | None] | None = 4,
) -> list[DayRecord]:
    """One record per day from ``first_day``; ``None`` minutes = no record that day."""
    out = []
    for k, m in enumerate(minutes):
        if m is None:
            continue
        p = pain[k] if isinstance(pain, Sequence) else pain
        f = fatigue[k] if isinstance(fatigue, Sequence) else fatigue
        out.append(rec(first_day + k, {activity: m}, pain=p, fatigue=f))
    return out


# ---------------------------------------------------------------- diaries
def steady() -> Diary:
    """Walks close to the plan; one week with too many short days (4 of 7 met) -> hold."""
    minutes = (
        [12, 12, 13, 12, 11, 12, 12]  # days 0-6: collecting, average 12
        + [10, 10, 11, 10, 10, 10, 10]  # days 7-13: baseline 10, all met
        + [11, 11, 10, 11, 11, 11, 11]  # days 14-20: plan 11, met 6 of 7
        + [12, 10, 12, 9, 12, 10, 12]  # days 21-27: plan 12, met 4 of 7 (57 %)
        + [12] * 7  # days 28-34: plan 12 (held), all met
        + [13] * 7  # days 35-41: plan 13
    )
    return Diary(
        "steady",
        "Walks close to the plan; one week with several short days.",
        ("walking",),
        tuple(series("walking", minutes)),
        42,
    )


def improving() -> Diary:
    """'Tai Chi' (mixed case) with pain easing from 6 to 3.5; bigger numbers, 2-minute steps."""
    minutes = (
        [20, 22, 18, 20, 20, 21, 19]  # average 20 -> baseline 16
        + [16] * 7
        + [18] * 7
        + [20] * 7
        + [22] * 7
        + [24] * 7
    )
    pain = [6] * 7 + [5.5] * 7 + [5] * 7 + [4.5] * 7 + [4] * 7 + [3.5] * 7
    return Diary(
        "improving",
        "Tai chi with pain slowly easing; steps of 2 minutes.",
        ("tai chi",),
        tuple(series("Tai Chi", minutes, pain=pain, fatigue=5)),
        42,
    )


def flaring() -> Diary:
    """Two flares three days apart in week 4: back one level, held, then building again."""
    recs = series("walking", [10] * 7 + [8] * 7 + [9] * 7 + [10, 10])  # days 0-22
    recs.append(rec(23, {"walking": 5}, pain=7, fatigue=6, flare=True))  # Wednesday flare
    recs += series("walking", [9, 9], first_day=24)
    recs.append(rec(26, {"walking": 4}, pain=7, fatigue=6, flare=True))  # Saturday flare
    recs += series("walking", [9] * 7 + [10] * 7 + [11], first_day=27)  # days 27-41
    return Diary("flaring", "Flares on day 23 and day 26, in a row.", ("walking",), tuple(recs), 42)


def boom_and_bust() -> Diary:
    """Big days followed by crashes; post-exertional symptoms detected twice."""
    recs = [
        rec(0, {"walking": 15}, pain=4, fatigue=4),
        rec(1, {"walking": 30}, pain=3, fatigue=3),
        rec(2, {"walking": 0}, pain=7, fatigue=8),
        rec(3, {"walking": 5}, pain=7, fatigue=6),  # bad day: 5 minutes
        rec(4, {"walking": 25}, pain=3, fatigue=3),
        rec(5, {"walking": 0}, pain=8, fatigue=8, flare=True),
        rec(6, {"walking": 15}, pain=5, fatigue=5),
        rec(7, {"walking": 5}, pain=4, fatigue=4),
        rec(8, {"walking": 20}, pain=3, fatigue=3),  # big day (plan 5)
        rec(9, {"walking": 0}, pain=7, fatigue=7),  # +4 pain: post-exertional
        rec(10, {"walking": 5}, pain=4, fatigue=4),
        rec(11, {"walking": 5}, pain=4, fatigue=4),
        rec(12, {"walking": 15}, pain=3, fatigue=3),  # big day again
        rec(13, {"walking": 0}, pain=6, fatigue=7),  # +3 pain: post-exertional
    ]
    recs += series("walking", [5, 5, 5, 6, 5, 5, 5] + [5] * 7 + [6] * 7 + [7] * 7, first_day=14)
    return Diary("boom_and_bust", "Big days then crashes in weeks 1-2, then steadier.", ("walking",), tuple(recs), 42)


def sparse() -> Diary:
    """Stretching logged only now and then: missing days are not zeros."""
    logs = {
        0: 10,
        4: 12,
        9: 11,  # only 2 logs in the first week
        11: 9,
        13: 9,  # 2 logs in [10, 16]
        17: 9,
        19: 9,
        21: 9,
        23: 9,  # 4 logs in [17, 23]
        25: 10,  # 1 log in [24, 30]
        # nothing in [31, 37]
        38: 10,
        39: 10,
        40: 10,
    }  # 3 logs in [38, 44]
    recs = [rec(i, {"stretching": m}, pain=4, fatigue=4) for i, m in logs.items()]
    return Diary("sparse", "Stretching logged on a few days a week, one empty week.", ("stretching",), tuple(recs), 46)


def starting_amount() -> Diary:
    """User's own starting amounts: swimming 20 (too much -> capped), stretching 5 (kept)."""
    swim = [15] * 7 + [12] * 7 + [13] * 7 + [14] * 7 + [15] * 7 + [17] * 7
    stretch = [7] * 7 + [6] * 7 + [7] * 7 + [8] * 7 + [9] * 7 + [10] * 7
    recs = [rec(i, {"swimming": swim[i], "stretching": stretch[i]}, pain=4, fatigue=4) for i in range(42)]
    settings = PacingSettings(starting_minutes={"Swimming": 20, "stretching": 5})
    return Diary(
        "starting_amount",
        "Own starting amounts: swimming 20 min, stretching 5 min.",
        ("stretching", "swimming"),
        tuple(recs),
        42,
        settings,
    )


def slower_pace() -> Diary:
    """Pace 'slower' (+5 %) from a 30-minute baseline; day 6 not logged."""
    minutes = [40, 35, 40, 35, 40, 35, None] + [30] * 7 + [32] * 7 + [34] * 7 + [36] * 7 + [38] * 7
    return Diary(
        "slower_pace",
        "Walking with pace 'slower' (+5 % a week).",
        ("walking",),
        tuple(series("walking", minutes, pain=3, fatigue=3)),
        42,
        PacingSettings(pace="slower"),
    )


def faster_pace() -> Diary:
    """Pace 'faster' (+15 %, never above +20 %) from a 10-minute baseline."""
    minutes = [12, 13, 12, 13, 12, 13, None] + [10] * 7 + [12] * 7 + [14] * 7 + [16] * 7 + [18] * 7
    return Diary(
        "faster_pace",
        "Cycling with pace 'faster' (+15 % a week, capped at +20 %).",
        ("cycling",),
        tuple(series("cycling", minutes, pain=3, fatigue=3)),
        42,
        PacingSettings(pace="faster"),
    )


ALL_DIARIES = (steady, improving, flaring, boom_and_bust, sparse, starting_amount, slower_pace, faster_pace)


def all_diaries() -> list[Diary]:
    return [build() for build in ALL_DIARIES]
