"""The four-phase protocol on a synthetic 18-week diary, against plans worked out by hand."""

from __future__ import annotations

import pytest

from bot.pacing.engine import DayRecord, PacingSettings, plan_for_day, plan_history
from bot.pacing.protocol import FunctionalGoal, protocol_history, protocol_step
from bot.pacing.protocol_words import protocol_text
from tests.unit.pacing_diaries import d, four_phases, series

GOAL = four_phases().goal

# (first day, walking target, engine phase, reason code) for each plan week, by hand:
# baseline 80 % of 10 = 8; +10 % rounded half-up and at least 1 minute; the flare on day 24
# drops back to 9 for a week from day 25; 15 -> 17 (1.5 -> 2) ... 28 -> 31 capped at the goal, 30.
WALKING_WEEKS = [
    (0, None, "collecting", "no_logs"),
    (1, None, "collecting", "collecting"),
    (7, 8, "baseline", "baseline"),
    (14, 9, "progressing", "raise"),
    (21, 10, "progressing", "raise"),
    (25, 9, "flare_hold", "flare"),
    (32, 10, "progressing", "raise"),
    (39, 11, "progressing", "raise"),
    (46, 12, "progressing", "raise"),
    (53, 13, "progressing", "raise"),
    (60, 14, "progressing", "raise"),
    (67, 15, "progressing", "raise"),
    (74, 17, "progressing", "raise"),
    (81, 19, "progressing", "raise"),
    (88, 21, "progressing", "raise"),
    (95, 23, "progressing", "raise"),
    (102, 25, "progressing", "raise"),
    (109, 28, "progressing", "raise"),
    (116, 30, "progressing", "raise"),
    (123, 30, "holding", "goal_reached"),
]
# stretching from day 49 (6 a day -> baseline 5), light strength from day 56 (5 a day -> 4), +1 a week
STRETCHING_TARGETS = {56: 5, 63: 6, 70: 7, 77: 8, 84: 9, 91: 10, 98: 11, 105: 12, 112: 13, 119: 14}
STRENGTH_TARGETS = {63: 4, 70: 5, 77: 6, 84: 7, 91: 8, 98: 9, 105: 10, 112: 11, 119: 12}
# (first day, protocol phase, activities proposed)
PROTOCOL_SPANS = [
    (0, 1, ()),
    (14, 2, ()),
    (45, 3, ("stretching", "light strength")),
    (50, 3, ("light strength",)),
    (57, 3, ()),
    (84, 4, ()),
]


def _changes(values):
    """[(first index, value)] for each run of equal values."""
    out = []
    for i, v in enumerate(values):
        if not out or out[-1][1] != v:
            out.append((i, v))
    return out


def test_walking_plan_week_by_week():
    diary = four_phases()
    hist = plan_history(diary.records, "walking", diary.start, diary.end, diary.settings)
    got = _changes([(p.target_minutes, p.phase, p.code) for p in hist])
    assert [(i, *v) for i, v in got] == WALKING_WEEKS


@pytest.mark.parametrize(
    ("activity", "expected"), [("stretching", STRETCHING_TARGETS), ("light strength", STRENGTH_TARGETS)]
)
def test_each_added_activity_has_its_own_baseline_and_steps(activity, expected):
    diary = four_phases()
    hist = plan_history(diary.records, activity, diary.start, diary.end, diary.settings)
    got = dict(_changes([p.target_minutes for p in hist]))
    assert {i: t for i, t in got.items() if t is not None} == expected


def test_the_diary_moves_through_all_four_phases():
    diary = four_phases()
    steps = protocol_history(diary.records, diary.start, diary.end, diary.settings, GOAL)
    assert [(i, *v) for i, v in _changes([(s.phase, s.proposed) for s in steps])] == PROTOCOL_SPANS
    assert steps[44].phase_start == d(14) and steps[45].phase_start == d(45) and steps[125].phase_start == d(84)


def test_consolidation_waits_for_a_steady_fortnight_after_the_flare():
    diary = four_phases()
    # day 28 is past week 4, but the flare week (25-31) is inside the last 14 days until day 45
    assert protocol_step(diary.records, d(44), diary.settings).phase == 2
    assert protocol_step(diary.records, d(45), diary.settings).phase == 3


def test_a_later_flare_does_not_undo_consolidation():
    diary = four_phases()
    worse = [r for r in diary.records if r.day != d(60)] + [DayRecord(d(60), {"walking": 3}, pain=8, flare=True)]
    step = protocol_step(worse, d(62), diary.settings)
    assert step.phase == 3
    assert step.plans[0].phase == "flare_hold" and step.plans[0].target_minutes == 13


def test_pain_easing_is_said_only_when_the_diary_shows_it():
    eased = protocol_step(four_phases().records, d(45), four_phases().settings)
    # first 14 days all 6; days 31-44: eleven days of 5 and three of 4.5
    assert eased.pain_eased == (6, pytest.approx(68.5 / 14))
    assert "Your pain has eased from about 6/10" in protocol_text(eased)
    flat = four_phases(pain_eases=False)
    step = protocol_step(flat.records, d(45), flat.settings)
    assert step.phase == 3 and step.pain_eased is None
    assert "eased" not in protocol_text(step) and "pain" not in protocol_text(step).lower()


def test_phase_four_asks_for_a_goal_then_reports_progress_in_their_words():
    diary = four_phases()
    asking = protocol_step(diary.records, d(86), diary.settings)
    assert asking.asks_for_goal and "my goal is" in protocol_text(asking)
    step = protocol_step(diary.records, d(125), diary.settings, GOAL)
    assert step.goal_progress is not None
    assert (step.goal_progress.target_then, step.goal_progress.target_now) == (21, 30)
    text = protocol_text(step)
    assert '"climb the stairs to my flat"' in text and "from 21 minutes to 30 minutes" in text
    assert "my goal is" not in text


def test_a_preferred_activity_not_logged_yet_gets_its_own_plan():
    diary = four_phases()
    swim = FunctionalGoal("swim 10 lengths", "Swimming", d(90))
    step = protocol_step(diary.records, d(100), diary.settings, swim)
    assert [p.activity for p in step.plans] == ["walking", "light strength", "stretching", "swimming"]
    assert step.plans[-1].target_minutes is None
    assert "Log your first few sessions of swimming" in protocol_text(step)


def test_goal_is_not_reported_before_phase_four():
    diary = four_phases()
    step = protocol_step(diary.records, d(60), diary.settings, GOAL)
    assert step.phase == 3 and step.goal_progress is None and "goal" not in protocol_text(step).lower()


def test_no_logs_is_phase_one_without_proposals():
    step = protocol_step([], d(0))
    assert (step.phase, step.first_activity, step.plans) == (1, None, ())


# ---------------------------------------------------------------- the guidance ceiling
def test_progression_stops_at_thirty_minutes_and_says_why():
    recs = series("walking", [35] * 7 + [28] * 7 + [30] * 14, pain=3, fatigue=3)
    hist = plan_history(recs, "walking", d(0), d(27))
    assert [hist[i].target_minutes for i in (7, 14, 21)] == [28, 30, 30]  # 28 + 3 would be 31
    assert hist[21].code == "goal_reached" and hist[21].phase == "holding"
    assert "150 minutes" in hist[21].reason and "reached the goal" in hist[21].reason


def test_an_own_amount_above_the_goal_is_held_not_cut():
    recs = series("walking", [45] * 21, pain=3, fatigue=3)  # comfortably above 35: it stands
    plan = plan_for_day(recs, "walking", d(20), PacingSettings(starting_minutes={"walking": 35}))
    assert (plan.target_minutes, plan.code) == (35, "goal_reached")


def test_an_activity_can_have_its_own_pace():
    recs = series("cycling", [25] * 7 + [20] * 7, pain=3, fatigue=3)
    normal = plan_for_day(recs, "cycling", d(14))
    slower = plan_for_day(recs, "cycling", d(14), PacingSettings(activity_pace={"Cycling": "slower"}))
    assert (normal.target_minutes, slower.target_minutes) == (22, 21)
