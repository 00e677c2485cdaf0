"""What the protocol step says to the person: warm, plain words for each phase (no numbers invented)."""

from __future__ import annotations

from ._util import fmt_num, minutes_phrase, plural, short_date
from .protocol import GoalProgress, ProtocolStep

__all__ = ["PHASE_NAMES", "goal_progress_text", "protocol_text"]

PHASE_NAMES = {1: "baseline", 2: "slow progression", 3: "consolidation", 4: "maintenance and progression"}

_VARIETY_HOW = {
    "stretching": "gentle stretching",
    "light strength": "light strength (sit-to-stand from a chair, or press-ups against a wall)",
}


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _phase_line(step: ProtocolStep) -> str:
    act = step.first_activity or "activity"
    if step.phase == 1:
        return f"Phase 1 of 4, finding your baseline: a comfortable amount of {act}, repeated, before any increase."
    if step.phase == 2:
        return f"Phase 2 of 4, slow progression: small weekly steps in {act} when a week has gone steadily."
    if step.phase == 3:
        return f"Phase 3 of 4, consolidation: your {act} has been steady, so we're adding some variety."
    return "Phase 4 of 4, maintenance and progression: keeping what you've built, toward a goal that matters to you."


def _variety_line(step: ProtocolStep) -> str | None:
    if not step.proposed:
        return None
    what = _and([_VARIETY_HOW.get(a, a) for a in step.proposed])
    return (
        f"When you feel ready, try a few minutes of {what}, whatever feels comfortable. Each one gets its own "
        f"starting amount and pace: log a few days of it and I'll suggest a gentle baseline, just as we did "
        f"for {step.first_activity}."
    )


def _pain_line(step: ProtocolStep) -> str | None:
    if step.pain_eased is None:
        return None
    early, lately = step.pain_eased
    return (
        f"Your pain has eased from about {fmt_num(early)}/10 in your first two weeks to about "
        f"{fmt_num(lately)}/10 lately. A gradual easing like this is what we hope for as you build up."
    )


def goal_progress_text(progress: GoalProgress) -> str:
    """Progress toward the person's goal, quoting their own words."""
    goal = progress.goal
    act = goal.activity
    lines = [f'Your goal, in your words: "{goal.text}".']
    if progress.target_now is None:
        lines.append(f"Log your first few sessions of {act} and I'll build its own gentle plan toward it.")
        return " ".join(lines)
    if progress.target_then is not None and progress.target_now > progress.target_then:
        lines.append(
            f"Since you set it on {short_date(goal.set_on)}, your {act} has grown from "
            f"{minutes_phrase(progress.target_then)} to {minutes_phrase(progress.target_now)} a session."
        )
    else:
        lines.append(f"Your {act} plan is {minutes_phrase(progress.target_now)} a session.")
    if progress.days_done_recently:
        lines.append(f"You did some {act} on {plural(progress.days_done_recently, 'day')} of the last 7.")
    lines.append("Each steady week brings it a little closer.")
    return " ".join(lines)


def protocol_text(step: ProtocolStep) -> str:
    """The phase, what it proposes and, when the diary shows it, easing pain and goal progress."""
    lines = [_phase_line(step)]
    for line in (_variety_line(step), _pain_line(step)):
        if line:
            lines.append(line)
    if step.asks_for_goal:
        lines.append(
            "You've come a long way. This is a good time to choose an activity you enjoy and a goal that "
            'matters to you, like "climb the stairs to my flat", "carry my grandson" or "swim 10 lengths". '
            'Tell me in your own words, starting with "my goal is".'
        )
    if step.goal_progress is not None:
        lines.append(goal_progress_text(step.goal_progress))
    return "\n".join(lines)
