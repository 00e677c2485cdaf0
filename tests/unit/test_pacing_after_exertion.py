"""After a day past the plan, the check-in asks whether today is worse; the answer feeds the crash rules."""

from __future__ import annotations

import pytest

from bot.pacing.after_exertion import above_plan_yesterday, flare_day_options, read_after_exertion
from bot.pacing.boom_bust import detect_boom_bust
from bot.pacing.engine import DayRecord, PacingSettings, PlanDecision, plan_for_day
from tests.unit.pacing_diaries import d, series

# walking 12 a day for a week -> baseline 10 from day 7
WEEK = series("walking", [12] * 7, pain=4, fatigue=4)


def test_asks_only_when_yesterday_went_past_the_plan():
    on_plan = [*WEEK, DayRecord(d(7), {"walking": 10}, pain=4)]
    past = [*WEEK, DayRecord(d(7), {"walking": 14}, pain=4)]
    assert above_plan_yesterday(on_plan, d(8)) == []
    [above] = above_plan_yesterday(past, d(8))
    assert (above.activity, above.minutes, above.target) == ("walking", 14, 10)


def test_no_question_while_there_is_no_plan_yet_or_no_log_yesterday():
    assert above_plan_yesterday(WEEK, d(3)) == []  # still collecting: no target to go past
    assert above_plan_yesterday(WEEK, d(9)) == []  # nothing logged on day 8


def test_an_own_starting_amount_is_the_plan_from_day_one():
    recs = [DayRecord(d(0), {"Walking": 20}, pain=3)]
    assert above_plan_yesterday(recs, d(1), PacingSettings(starting_minutes={"walking": 8}))


@pytest.mark.parametrize(
    ("text", "worse"),
    [
        ("worse today", True),
        ("yes, a bit", True),
        ("crashed", True),
        ("about the same", False),
        ("no", False),
        ("better actually", False),
        ("not worse", False),
        ("skip", None),
        ("", None),
        ("hmm", None),
    ],
)
def test_answers_read_in_plain_words(text, worse):
    assert read_after_exertion(text) is worse


def test_worse_today_drops_the_plan_back_and_pauses_increases():
    recs = [
        *WEEK,
        *series("walking", [10] * 7, first_day=7, pain=4, fatigue=4),
        *series("walking", [11, 11, 11, 11, 11, 20], first_day=14, pain=4, fatigue=4),
        DayRecord(d(20), {"walking": 20}, pain=4),
        DayRecord(d(21), {"walking": 5}, pain=5, post_exertional=True),  # answered "worse today"
    ]
    assert plan_for_day(recs, "walking", d(21)).target_minutes == 12  # raised on day 21 after a steady week
    plan = plan_for_day(recs, "walking", d(22))
    assert (plan.target_minutes, plan.phase, plan.code) == (11, "flare_hold", "flare")  # one level back
    assert "pause increases" in plan.reason


def test_worse_today_counts_as_the_crash_in_boom_and_bust():
    base = [DayRecord(d(i), {"walking": 10}, pain=4) for i in range(10)]
    big = [DayRecord(d(10), {"walking": 30}, pain=4), DayRecord(d(11), {"walking": 10}, pain=4, post_exertional=True)]
    report = detect_boom_bust(base + big, d(11), "walking")
    assert report.crash_days == (d(11),)


def _plan(activity: str, target: int | None) -> PlanDecision:
    return PlanDecision(activity, d(0), target, "progressing", None, d(0), "", "raise")


def test_a_flare_day_offers_gentle_movement_never_nothing():
    options = flare_day_options([_plan("walking", 12), _plan("swimming", 3)])
    assert options == [
        "a slow, easy 6 minutes of walking",
        "a slow, easy 2 minutes of swimming",
        "5 minutes of gentle stretching, sitting or lying down",
    ]
    assert flare_day_options([]) == ["5 minutes of gentle stretching, sitting or lying down"]
    assert flare_day_options([_plan("stretching", 8)]) == ["a slow, easy 4 minutes of stretching"]
