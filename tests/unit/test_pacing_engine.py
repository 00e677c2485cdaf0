"""Unit tests, one rule at a time, for bot/pacing/engine.py."""

from __future__ import annotations

import dataclasses
import random

import pytest

from bot.pacing import engine
from bot.pacing.engine import (
    DayRecord,
    PacingSettings,
    PlanDecision,
    activities_in,
    is_bad_day,
    merge_records,
    pace_step,
    plan_for_day,
    plan_history,
)
from tests.unit.pacing_diaries import d, rec, series

W = "walking"


def plan(records, i, activity=W, settings=PacingSettings()) -> PlanDecision:
    return plan_for_day(records, activity, d(i), settings)


def targets(records, first, last, activity=W, settings=PacingSettings()):
    return [p.target_minutes for p in plan_history(records, activity, d(first), d(last), settings)]


def week0(minutes=10, **kw):
    """Seven logged days of walking, days 0-6 -> baseline 80 % on day 7."""
    return series(W, [minutes] * 7, **kw)


# ---------------------------------------------------------------- names and records
def test_activity_names_are_normalised():
    records = [rec(0, {"Tai-Chi": 5, " Walking ": 10}), rec(1, {"tai_chi": 6, "YOGA": 3})]
    assert activities_in(records) == ["tai chi", "walking", "yoga"]
    assert engine.normalise_activity("  Tai   Chi ") == "tai chi"


def test_same_day_records_are_merged():
    merged = merge_records(
        [
            rec(0, {"walking": 10}, pain=3, fatigue=6),
            rec(0, {"Walking": 5, "yoga": 4}, pain=5, fatigue=2, flare=True),
        ]
    )
    assert len(merged) == 1
    m = merged[0]
    assert m.minutes == {"walking": 15, "yoga": 4}
    assert (m.pain, m.fatigue, m.flare, m.post_exertional) == (5, 6, True, False)


def test_bad_day_definition():
    assert is_bad_day(rec(0, pain=7))
    assert not is_bad_day(rec(0, pain=6.5, fatigue=7.5))
    assert is_bad_day(rec(0, fatigue=8))
    assert is_bad_day(rec(0, flare=True))
    assert is_bad_day(rec(0, post_exertional=True))


def test_input_order_and_repetition_do_not_change_the_plan():
    records = week0(12) + series(W, [10] * 7, first_day=7)
    shuffled = list(records)
    random.Random(4).shuffle(shuffled)
    assert plan_history(records, W, d(0), d(20)) == plan_history(shuffled, W, d(0), d(20))
    assert plan(records, 14) == plan(records, 14)


# ---------------------------------------------------------------- collecting / baseline
def test_no_logs_means_collecting_with_no_target():
    p = plan([], 0)
    assert p.target_minutes is None and p.phase == "collecting"
    assert p.week_start == d(0) and p.previous_target is None
    assert "Log a few days of walking" in p.reason


def test_other_activities_do_not_start_this_activity():
    records = series("yoga", [10] * 10)
    assert plan(records, 9).phase == "collecting"


def test_baseline_waits_a_full_week_of_logs():
    records = week0(10)
    assert [plan(records, i).target_minutes for i in range(8)] == [None] * 7 + [8]
    assert plan(records, 3).phase == "collecting"
    assert "3 days" in plan(records, 3).reason and "Monday" in plan(records, 3).reason
    p = plan(records, 7)
    assert (p.phase, p.week_start, p.previous_target) == ("baseline", d(7), None)


def test_baseline_needs_three_active_days():
    records = series(W, [10, None, None, None, 10, None, None, None, None, 13])  # days 0, 4, 9
    # only 2 active days in the first week; the 3rd on day 9 -> baseline on day 10:
    # avg (10 + 10 + 13) / 3 = 11 -> 8.8 -> 9
    assert targets(records, 7, 10) == [None, None, None, 9]
    assert plan(records, 10).week_start == d(10)


def test_zero_minute_days_are_rest_days_not_part_of_the_baseline():
    records = series(W, [10, 0, 10, 0, 10, 0, 10])
    assert plan(records, 7).target_minutes == 8  # 80 % of 10, zeros left out


def test_baseline_rounds_half_up():
    # avg 13.125 -> 10.5 -> 11 (Python's round() would give 10)
    records = series(W, [13, 13, 13, 13, 13, 13, 13.875])
    assert plan(records, 7).target_minutes == 11


def test_baseline_not_above_least_minutes_on_a_bad_day():
    records = series(W, [20, 20, 20, 20, 20, 20, 20], pain=[3, 7, 3, 3, 3, 3, 3])
    records[1] = rec(1, {W: 9}, pain=7)  # bad day (pain 7): managed 9
    records[4] = rec(4, {W: 12}, fatigue=8)  # bad day (fatigue 8): managed 12
    p = plan(records, 7)
    assert p.target_minutes == 9  # not 80 % of the average (~16)
    assert "9 minutes on a harder day" in p.reason


def test_flare_day_in_first_week_caps_baseline_too():
    records = week0(15)
    records[2] = rec(2, {W: 6}, pain=5, flare=True)
    assert plan(records, 7).target_minutes == 6


def test_baseline_minimum_two_minutes():
    records = series(W, [1, 1, 2, 1, 1, 1, 1])
    assert plan(records, 7).target_minutes == engine.MIN_TARGET == 2


def test_baseline_held_for_a_week_whatever_good_days_tempt():
    records = week0(10) + series(W, [30] * 7, first_day=7, pain=2, fatigue=2)
    assert targets(records, 7, 13) == [8] * 7
    assert {p.phase for p in plan_history(records, W, d(7), d(13))} == {"baseline"}


# ---------------------------------------------------------------- progression
def test_stable_week_raises_ten_percent_at_least_one_minute():
    records = week0(10) + series(W, [8] * 7, first_day=7)
    p = plan(records, 14)
    assert (p.target_minutes, p.phase, p.previous_target, p.week_start) == (9, "progressing", 8, d(14))
    assert p.reason == "A steady week — well done. Let's go from 8 to 9 minutes of walking a day."


@pytest.mark.parametrize(
    "level,pace,step",
    [
        (8, "normal", 1),
        (10, "normal", 1),
        (14, "normal", 1),
        (15, "normal", 2),
        (25, "normal", 3),
        (3, "slower", 1),
        (10, "slower", 1),
        (30, "slower", 2),
        (50, "slower", 3),
        (3, "faster", 1),
        (10, "faster", 2),
        (20, "faster", 3),
        (40, "faster", 6),
        (10, "FASTER ", 2),
        (10, "whatever", 1),
    ],
)
def test_pace_steps(level, pace, step):
    assert pace_step(level, pace) == step


def test_faster_pace_never_more_than_twenty_percent():
    for level in range(5, 300):
        assert pace_step(level, "faster") <= level * 0.20
        assert pace_step(level, "faster") >= pace_step(level, "normal")
    for level in range(1, 5):  # +1 minimum wins for plans under 5 minutes
        assert pace_step(level, "faster") == 1


def test_unknown_pace_behaves_like_normal():
    records = week0(10) + series(W, [8] * 7, first_day=7)
    assert plan(records, 14, settings=PacingSettings(pace="turbo")).target_minutes == 9


def test_target_met_on_70_percent_of_logged_days_is_enough():
    # 5 of 7 met (71 %) -> raise
    records = week0(10) + series(W, [8, 8, 7, 8, 8, 7, 8], first_day=7)
    assert plan(records, 14).target_minutes == 9
    # 4 of 7 met (57 %) -> hold, kindly
    records = week0(10) + series(W, [8, 7, 7, 8, 8, 7, 8], first_day=7)
    p = plan(records, 14)
    assert (p.target_minutes, p.phase) == (8, "holding")
    assert "4 of 7 logged days" in p.reason and "no rush" in p.reason


def test_missing_days_are_not_zeros():
    # 3 logged days, all met, 4 days not logged -> still a stable week
    records = week0(10) + series(W, [8, None, 8, None, None, 8, None], first_day=7)
    assert plan(records, 14).target_minutes == 9


def test_days_with_other_activities_only_do_not_count_as_misses():
    records = week0(10) + series(W, [8, None, 8, None, None, 8, None], first_day=7)
    records += [rec(8, {"yoga": 20}, pain=4), rec(10, {"yoga": 20}, pain=4)]
    assert plan(records, 14).target_minutes == 9


def test_too_few_logs_in_a_week_means_hold():
    records = week0(10) + series(W, [8, None, 8], first_day=7)
    p = plan(records, 14)
    assert (p.target_minutes, p.phase) == (8, "holding")
    assert p.reason.startswith("I only have 2 days of walking logged from last week")
    p = plan(week0(10), 14)
    assert (p.target_minutes, p.phase) == (8, "holding")
    assert p.reason.startswith("I don't have any walking logged")


def test_pain_trending_up_means_hold():
    records = week0(10, pain=3) + series(W, [8] * 7, first_day=7, pain=[4, 4, 5, 5, 5, 5, 5])
    p = plan(records, 14)  # 4.7 vs 3.0: more than 1 point up
    assert (p.target_minutes, p.phase) == (8, "holding")
    assert "pain was a little higher" in p.reason
    records = week0(10, pain=3) + series(W, [8] * 7, first_day=7, pain=4)  # exactly +1: fine
    assert plan(records, 14).target_minutes == 9


def test_one_step_a_week_at_most():
    records = week0(10) + series(W, [8] * 7 + [9] * 7, first_day=7)
    assert targets(records, 13, 21) == [8, 9, 9, 9, 9, 9, 9, 9, 10]


# ---------------------------------------------------------------- flares
def _built_up():
    """Baseline 8 (days 7-13), 9 (days 14-20), 10 from day 21."""
    return week0(10) + series(W, [8] * 7 + [9] * 7, first_day=7)


def test_flare_drops_to_previous_level_for_a_week():
    records = _built_up() + series(W, [10, 10], first_day=21) + [rec(23, {W: 3}, pain=6, flare=True)]
    records += series(W, [9] * 7, first_day=24)
    assert targets(records, 21, 31) == [10, 10, 10, 9, 9, 9, 9, 9, 9, 9, 10]
    p = plan(records, 24)
    assert (p.phase, p.week_start, p.previous_target) == ("flare_hold", d(24), 10)
    assert p.reason.startswith("You had a flare on Wednesday, so this week we go back to 9 minutes")
    assert plan(records, 31).reason.startswith("A calmer week after the flare")


def test_flare_in_baseline_week_stays_at_baseline():
    records = week0(10) + series(W, [8, 8], first_day=7) + [rec(9, {W: 8}, pain=5, flare=True)]
    records += series(W, [8] * 7, first_day=10)
    assert targets(records, 7, 17) == [8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 9]
    p = plan(records, 10)
    assert p.phase == "flare_hold"
    assert p.reason.startswith("You had a flare on Wednesday, so this week we stay at 8 minutes")


def test_several_flares_in_a_row_keep_it_there():
    records = _built_up() + series(W, [10, 10], first_day=21)
    records += [
        rec(23, {W: 3}, pain=6, flare=True),
        rec(24, {W: 3}, pain=6, flare=True),
        rec(25, {W: 3}, pain=6, flare=True),
    ]
    records += series(W, [9] * 7, first_day=26)
    # drops once (10 -> 9), never further; the hold restarts after each flare day
    assert targets(records, 22, 33) == [10, 10, 9, 9, 9, 9, 9, 9, 9, 9, 9, 10]
    p = plan(records, 26)
    assert (p.phase, p.week_start) == ("flare_hold", d(26))
    assert p.reason.startswith("Another flare on Friday")


def test_pain_spike_without_flare_flag_counts_as_flare():
    records = _built_up() + series(W, [10, 10], first_day=21) + [rec(23, {W: 10}, pain=7)]
    # pain 4 all week, then 7 = average + 3
    p = plan(records, 24)
    assert (p.target_minutes, p.phase) == (9, "flare_hold")
    assert p.reason.startswith("Your pain jumped to 7/10 on Wednesday")


def test_pain_of_eight_is_a_spike_unless_it_is_your_usual():
    records = [*_built_up(), rec(21, {W: 10}, pain=8)]
    assert plan(records, 22).phase == "flare_hold"
    usual = [*week0(10, pain=7.5), *series(W, [8] * 7, first_day=7, pain=7.5), rec(14, {W: 9}, pain=8)]
    assert plan(usual, 15).phase == "progressing"


def test_pain_a_little_up_is_not_a_spike():
    records = [*_built_up(), rec(21, {W: 10}, pain=6)]
    assert plan(records, 22).phase == "progressing"


def test_post_exertional_flag_holds_then_needs_a_stable_week_before_building():
    records = [*_built_up(), rec(21, {W: 10}, pain=5, post_exertional=True)]
    records += series(W, [9] * 7 + [9] * 7 + [10] * 7, first_day=22)
    t = targets(records, 21, 43)
    assert t == [10] + [9] * 7 + [9] * 7 + [10] * 7 + [11]
    assert [p.phase for p in plan_history(records, W, d(22), d(43))] == (
        ["flare_hold"] * 7 + ["holding"] * 7 + ["progressing"] * 8
    )
    assert "post-exertional" in plan(records, 22).reason
    assert plan(records, 29).reason.startswith("A steadier week after that crash")


def test_post_exertional_detected_after_a_big_day():
    # plan 9 on day 14..20; day 15 walked 20 (> 13.5) with pain 4; day 16 pain 7 (+3)
    records = week0(10) + series(W, [8] * 7 + [9, 20], first_day=7)
    records += [rec(16, {W: 2}, pain=7, fatigue=4)]
    p = plan(records, 17)
    assert (p.target_minutes, p.phase) == (8, "flare_hold")
    assert "20 minutes of walking on Tuesday" in p.reason and "(the plan was 9)" in p.reason


def test_post_exertional_detected_up_to_48_hours_later_via_fatigue():
    records = week0(10) + series(W, [8] * 7 + [9, 20, 9], first_day=7)
    records += [rec(17, {W: 2}, pain=5, fatigue=7)]  # fatigue 4 -> 7, two days after the big day
    assert plan(records, 18).phase == "flare_hold"


def test_big_day_without_feeling_worse_is_not_a_flare():
    records = week0(10) + series(W, [8] * 7 + [9, 20, 9, 9], first_day=7, pain=4)
    assert plan(records, 18).phase == "progressing"


def test_feeling_worse_without_a_big_day_is_not_post_exertional():
    records = week0(10) + series(W, [8] * 7 + [9, 9], first_day=7, pain=4, fatigue=4)
    records += [rec(16, {W: 9}, pain=4, fatigue=7)]  # fatigue +3 but no big day
    assert plan(records, 17).phase == "progressing"


# ---------------------------------------------------------------- user's own starting amount
def test_starting_amount_used_before_any_logs():
    s = PacingSettings(starting_minutes={"Walking": 12.4})
    p = plan([], 0, settings=s)
    assert (p.target_minutes, p.phase, p.week_start) == (12, "baseline", d(0))
    assert "your own amount: 12 minutes of walking" in p.reason


def test_starting_amount_capped_once_logs_exist():
    s = PacingSettings(starting_minutes={"walking": 15})
    records = series(W, [10] * 7)  # safe rule: 8
    assert targets(records, 0, 7, settings=s) == [15] * 7 + [8]
    p = plan(records, 7, settings=s)
    assert (p.phase, p.previous_target, p.week_start) == ("baseline", 15, d(7))


def test_starting_amount_capped_by_bad_days():
    s = PacingSettings(starting_minutes={"walking": 15})
    records = series(W, [20] * 7)
    records[3] = rec(3, {W: 6}, pain=8)
    assert plan(records, 7, settings=s).target_minutes == 6


def test_starting_amount_kept_when_below_the_safe_rule():
    s = PacingSettings(starting_minutes={"walking": 5})
    records = series(W, [10] * 7)
    assert targets(records, 0, 7, settings=s) == [5] * 7 + [6]  # reviewed as a normal week


def test_tiny_or_invalid_starting_amounts():
    assert plan([], 0, settings=PacingSettings(starting_minutes={W: 0.6})).target_minutes == 1
    assert plan([], 0, settings=PacingSettings(starting_minutes={W: 0})).target_minutes is None
    assert plan([], 0, settings=PacingSettings(starting_minutes={W: -3})).target_minutes is None


def test_starting_amount_for_other_activity_is_ignored():
    p = plan([], 0, settings=PacingSettings(starting_minutes={"yoga": 10}))
    assert p.target_minutes is None


# ---------------------------------------------------------------- API shape
def test_plan_history_range():
    records = week0(10)
    hist = plan_history(records, W, d(5), d(8))
    assert [p.day for p in hist] == [d(5), d(6), d(7), d(8)]
    assert plan_history(records, W, d(8), d(5)) == []


def test_decisions_are_frozen():
    p = plan([], 0)
    with pytest.raises(dataclasses.FrozenInstanceError):
        p.target_minutes = 3  # type: ignore[misc]


def test_plan_before_the_diary_started():
    records = series(W, [10] * 7, first_day=10)
    p = plan(records, 3)
    assert p.phase == "collecting" and p.week_start == d(3)


def test_odd_minute_values_are_ignored():
    records = [DayRecord(d(i), {W: 10}, pain=3) for i in range(7)]
    records.append(DayRecord(d(2), {W: float("nan"), "yoga": -5}))
    assert plan(records, 7).target_minutes == 8


def test_long_gap_after_baseline_keeps_the_plan():
    records = week0(10)
    p = plan(records, 60)
    assert (p.target_minutes, p.phase) == (8, "holding")
