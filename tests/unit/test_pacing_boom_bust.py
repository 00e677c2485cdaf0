"""Boom-and-bust detection (bot/pacing/boom_bust.py)."""

from __future__ import annotations

from bot.pacing.boom_bust import detect_boom_bust
from bot.pacing.engine import PacingSettings
from tests.unit.pacing_diaries import boom_and_bust, d, rec, series, sparse, steady

W = "walking"


def test_boom_and_bust_diary_is_detected_in_the_first_two_weeks():
    diary = boom_and_bust()
    r = detect_boom_bust(diary.records, d(13), W)
    assert r.detected
    # before a plan exists: > 150 % of the median active day (15) = 22.5 -> days 1 and 4;
    # with the plan of 5: > 7.5 -> days 8 and 12
    assert r.big_days == (d(1), d(4), d(8), d(12))
    # crashes: 2 (zero + bad), 3 (pain 7), 5 (flare), 6 (pain +2 on day 4), 9, 13
    assert r.crash_days == (d(2), d(3), d(5), d(6), d(9), d(13))
    assert r.variability is not None and r.variability > 0.5
    assert "boom-and-bust" in r.message and "isn't a failing" in r.message
    assert "push through" not in r.message.lower()


def test_boom_and_bust_fades_once_activity_is_steady():
    diary = boom_and_bust()
    r = detect_boom_bust(diary.records, diary.end, W)
    assert not r.detected
    assert r.big_days == () and r.crash_days == ()
    assert r.variability is not None and r.variability < 0.2


def test_steady_diary_is_not_boom_and_bust():
    diary = steady()
    for i in range(6, diary.days):
        assert not detect_boom_bust(diary.records, d(i), W).detected
    r = detect_boom_bust(diary.records, diary.end)
    assert "nice and even" in r.message


def test_too_few_logs_gives_no_verdict():
    r = detect_boom_bust(sparse().records, d(45), "stretching")
    assert not r.detected and r.variability is None
    assert "at least 4" in r.message


def test_all_activities_together_use_the_median():
    records = [
        rec(0, {"walking": 10, "yoga": 5}, pain=4),  # 15
        rec(1, {"walking": 30, "yoga": 10}, pain=3),  # 40: big (> 22.5)
        rec(2, {}, pain=6, fatigue=6),  # logged, nothing done -> crash
        rec(3, {"walking": 15}, pain=4),
        rec(4, {"walking": 15}, pain=4),
        rec(5, {"walking": 35, "yoga": 10}, pain=3),  # 45: big
        rec(6, {"walking": 0}, pain=5),  # zero activity -> crash
    ]
    r = detect_boom_bust(records, d(6))
    assert r.detected
    assert r.big_days == (d(1), d(5)) and r.crash_days == (d(2), d(6))


def test_big_days_without_a_crash_are_not_boom_and_bust():
    records = series(W, [10, 10, 25, 10, 10, 10, 26, 10, 10], pain=4, fatigue=4)
    r = detect_boom_bust(records, d(8), W)
    assert not r.detected
    assert r.big_days == (d(2), d(6)) and r.crash_days == ()
    assert "without a crash" in r.message


def test_single_cycle_with_low_variability_is_only_a_gentle_note():
    records = [*series(W, [10] * 13, pain=3), rec(13, {W: 16}, pain=3), rec(14, {W: 0}, pain=7)]
    r = detect_boom_bust(records, d(14), W)
    assert r.big_days == (d(13),) and r.crash_days == (d(14),)
    assert r.variability is not None and r.variability < 0.5
    assert not r.detected
    assert "Once isn't a pattern" in r.message


def test_missing_days_are_not_crashes():
    # big days followed by days without any log: nothing to call a crash
    records = series(W, [10, 10, 30, None, None, 10, 10, 30, None, 10], pain=4)
    r = detect_boom_bust(records, d(9), W)
    assert r.crash_days == () and not r.detected


def test_plan_from_settings_is_used_for_big_days():
    records = series(W, [10] * 7 + [8, 8, 13, 8], pain=4)  # plan 8 from day 7 -> 13 > 12
    r = detect_boom_bust(records, d(10), W)
    assert r.big_days == (d(9),)
    own = PacingSettings(starting_minutes={W: 5})
    r = detect_boom_bust(series(W, [6, 6, 8, 6]), d(3), W, settings=own)  # > 7.5
    assert r.big_days == (d(2),)


def test_window_length():
    diary = boom_and_bust()
    assert not detect_boom_bust(diary.records, d(27), W, window_days=7).detected
    assert detect_boom_bust(diary.records, d(27), W, window_days=28).detected
