"""Weekly summary (bot/pacing/summary.py)."""

from __future__ import annotations

import pytest

from bot.pacing.summary import weekly_summary
from tests.unit.pacing_diaries import d, rec


def _two_weeks():
    last = [  # days 0-6 (Mon 4 - Sun 10 Mar)
        rec(0, {"walking": 10}, pain=6, fatigue=6),
        rec(1, {"walking": 10}, pain=5, fatigue=6),
        rec(3, {"walking": 10, "yoga": 10}, pain=5, fatigue=5),
        rec(5, {"walking": 10}, pain=6, fatigue=7),
    ]
    this = [  # days 7-13 (Mon 11 - Sun 17 Mar); Thursday and Sunday not logged
        rec(7, {"walking": 12}, pain=4, fatigue=5),
        rec(8, {"walking": 12, "stretching": 5}, pain=3, fatigue=4),  # best (pain 3)
        rec(9, {"walking": 12}, pain=4, fatigue=5),
        rec(11, {}, pain=7, fatigue=7, flare=True),  # worst, flare, no activity
        rec(12, {"walking": 12}, pain=5, fatigue=5),
    ]
    return last + this


def test_this_week_against_last_week():
    s = weekly_summary(_two_weeks(), d(13))
    t, last = s.this_week, s.last_week
    assert (t.start, t.end, last.start, last.end) == (d(7), d(13), d(0), d(6))
    assert t.days_logged == 5 and last.days_logged == 4
    assert t.avg_pain == pytest.approx(23 / 5)
    assert t.avg_fatigue == pytest.approx(26 / 5)
    assert t.avg_minutes_per_day == pytest.approx(53 / 4)  # the no-activity day is left out
    assert last.avg_minutes_per_day == pytest.approx(50 / 4)
    assert (t.best_day, t.worst_day) == (d(8), d(11))
    assert t.flare_days == (d(11),) and last.flare_days == ()
    assert s.avg_pain == t.avg_pain and s.flare_days == t.flare_days


def test_text_is_short_plain_and_kind():
    s = weekly_summary(_two_weeks(), d(13))
    lines = s.text.splitlines()
    assert 2 <= len(lines) <= 4
    assert lines[0] == ("This week you logged 5 days and averaged 13.2 minutes of activity a day (last week: 12.5).")
    assert lines[1].startswith("Pain averaged 4.6/10, a little lower than last week (5.5)")
    assert lines[2] == "Tuesday was your easiest day and Friday the hardest."
    assert lines[3].startswith("You had a flare on Friday — go gently")
    assert "push through" not in s.text.lower()


def test_no_logs_this_week():
    s = weekly_summary(_two_weeks(), d(30))
    assert s.this_week.days_logged == 0 and s.this_week.avg_pain is None
    assert s.this_week.best_day is None
    lines = s.text.splitlines()
    assert 2 <= len(lines) <= 4 and lines[0].startswith("No logs this week yet — that's OK.")


def test_no_previous_week_and_no_flares():
    records = [rec(i, {"yoga": 15}, pain=4, fatigue=3) for i in range(3)]
    s = weekly_summary(records, d(2))
    assert s.last_week.days_logged == 0
    lines = s.text.splitlines()
    assert lines[0] == "This week you logged 3 days and averaged 15 minutes of activity a day."
    assert lines[1] == "Pain averaged 4/10; fatigue averaged 3/10."
    assert lines[-1].startswith("No flares this week")


def test_fatigue_only_days_still_have_best_and_worst():
    records = [rec(0, {"walking": 5}, fatigue=3), rec(1, {"walking": 5}, fatigue=8)]
    s = weekly_summary(records, d(1))
    assert (s.best_day, s.worst_day) == (d(0), d(1))
    assert s.avg_pain is None and "Fatigue averaged" in s.text
