"""Synthetic multi-week diaries for the pacing engine (used by tests and scripts/pacing_report.py).

Every diary starts on Monday 4 March 2024 (day 0). Day i is START + i days.
The expected plans are written out by hand in tests/unit/test_pacing_diaries.py.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field

from bot.pacing.engine import DayRecord, PacingSettings
from bot.pacing.protocol import FunctionalGoal

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
    goal: FunctionalGoal | None = None  # a functional goal, from its ``set_on`` day

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
    """Pace 'slower' (+5 %) from a 24-minute baseline; day 6 not logged."""
    minutes = [35, 25, 35, 25, 35, 25, None] + [24] * 7 + [25] * 7 + [26] * 7 + [27] * 7 + [28] * 7
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


def _spans(spans: Sequence[tuple[int, int, float]]) -> dict[int, float]:
    """{day: minutes} from (first day, last day, minutes) spans, inclusive."""
    return {i: m for first, last, m in spans for i in range(first, last + 1)}


FOUR_PHASE_WALKS = (
    (0, 6, 10),  # collecting: average 10 -> baseline 8 on day 7
    (7, 13, 8),
    (14, 20, 9),
    (21, 23, 10),
    (24, 24, 4),  # a flare: day 25 drops back to 9 for a week
    (25, 31, 9),
    (32, 38, 10),
    (39, 45, 11),
    (46, 52, 12),
    (53, 59, 13),
    (60, 66, 14),
    (67, 73, 15),
    (74, 80, 17),
    (81, 87, 19),
    (88, 94, 21),
    (95, 101, 23),
    (102, 108, 25),
    (109, 115, 28),
    (116, 125, 30),  # the goal of 30 a session: held from day 123
)
FOUR_PHASE_STRETCHING = ((49, 55, 6), (56, 62, 5), *((56 + 7 * k, 62 + 7 * k, 5 + k) for k in range(1, 10)))
FOUR_PHASE_STRENGTH = ((56, 62, 5), (63, 69, 4), *((63 + 7 * k, 69 + 7 * k, 4 + k) for k in range(1, 9)))
FOUR_PHASE_PAIN = (6, 6, 5.5, 5.5, 5, 5, 4.5, 4.5, 4, 4, 4, 3.5, 3.5, 3.5, 3, 3, 3, 3)  # one a week
FOUR_PHASE_FLARE_DAY = 24
FOUR_PHASE_DAYS = 126


def four_phases(pain_eases: bool = True) -> Diary:
    """18 weeks of walking kept to the plan, one flare in week 4, stretching from day 49, light strength from 56."""
    walks, stretches, strength = (
        _spans(FOUR_PHASE_WALKS),
        _spans(FOUR_PHASE_STRETCHING),
        _spans(FOUR_PHASE_STRENGTH),
    )
    recs = []
    for i in range(FOUR_PHASE_DAYS):
        minutes = {"walking": walks[i]}
        if i in stretches:
            minutes["stretching"] = stretches[i]
        if i in strength:
            minutes["light strength"] = strength[i]
        flare = i == FOUR_PHASE_FLARE_DAY
        pain = 7 if flare else (FOUR_PHASE_PAIN[i // 7] if pain_eases else 5)
        recs.append(rec(i, minutes, pain=pain, fatigue=4, flare=flare))
    return Diary(
        "four_phases" if pain_eases else "four_phases_flat_pain",
        "Walking through all four phases; stretching and light strength (slower) added in phase 3"
        + ("." if pain_eases else "; pain never eases."),
        ("walking", "stretching", "light strength"),
        tuple(recs),
        FOUR_PHASE_DAYS,
        PacingSettings(activity_pace={"light strength": "slower"}),
        FunctionalGoal("climb the stairs to my flat", "walking", d(88)),
    )


ALL_DIARIES = (
    steady,
    improving,
    flaring,
    boom_and_bust,
    sparse,
    starting_amount,
    slower_pace,
    faster_pace,
    four_phases,
)


def all_diaries() -> list[Diary]:
    return [build() for build in ALL_DIARIES]
