"""Print the pacing plan, week by week, for each synthetic diary, plus the boom-and-bust verdict.

Run from the repository root:  python scripts/pacing_report.py
"""

from __future__ import annotations

import datetime
import sys
import textwrap
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bot.pacing.boom_bust import detect_boom_bust  # noqa: E402
from bot.pacing.engine import plan_history  # noqa: E402
from bot.pacing.protocol import protocol_history  # noqa: E402
from bot.pacing.protocol_words import PHASE_NAMES, goal_progress_text  # noqa: E402
from bot.pacing.summary import weekly_summary  # noqa: E402
from tests.unit.pacing_diaries import all_diaries  # noqa: E402


def _wrap(text: str, indent: str) -> str:
    return textwrap.fill(text, width=100, initial_indent=indent, subsequent_indent=indent)


def _plan_rows(history):
    """Group consecutive days that share (week start, target, phase)."""
    rows: list[list[Any]] = []  # [key, first day, last day, reason]
    for p in history:
        key = (p.week_start, p.target_minutes, p.phase)
        if rows and rows[-1][0] == key:
            rows[-1][2] = p.day
            rows[-1][3] = p.reason  # collecting reasons change as logs arrive
        else:
            rows.append([key, p.day, p.day, p.reason])
    return rows


def _protocol_rows(diary) -> list[str]:
    """The protocol phase at the start of each week, what it proposes, and the goal's progress."""
    rows = ["  protocol, week by week:"]
    steps = protocol_history(diary.records, diary.start, diary.end, diary.settings, diary.goal)
    for week, step in enumerate(steps[::7], start=1):
        plans = ", ".join(f"{p.activity} {'-' if p.target_minutes is None else p.target_minutes}" for p in step.plans)
        line = f"  week {week:>2} from {step.day.isoformat()}  phase {step.phase} {PHASE_NAMES[step.phase]:<27} {plans}"
        notes = []
        if step.proposed:
            notes.append("propose " + " + ".join(step.proposed))
        if step.pain_eased:
            notes.append(f"pain eased {step.pain_eased[0]:.1f} -> {step.pain_eased[1]:.1f}")
        if step.asks_for_goal:
            notes.append("asks for a goal")
        rows.append((line + (f"  [{'; '.join(notes)}]" if notes else "")).rstrip())
    last = steps[-1]
    if last.goal_progress is not None:
        rows.append(_wrap(goal_progress_text(last.goal_progress), " " * 6))
    return rows


def report() -> str:
    out: list[str] = []
    for diary in all_diaries():
        out.append("=" * 100)
        pace = diary.settings.pace
        own = dict(diary.settings.starting_minutes)
        out.append(f"{diary.name}: {diary.description}")
        out.append(
            f"  days {diary.start} .. {diary.end}; pace={pace}" + (f"; own starting amounts={own}" if own else "")
        )
        for activity in diary.activities:
            out.append(f"  -- {activity}")
            history = plan_history(diary.records, activity, diary.start, diary.end, diary.settings)
            for (week_start, target, phase), first, last, reason in _plan_rows(history):
                shown = "-" if target is None else f"{target} min"
                span = f"{first.isoformat()}..{last.isoformat()}"
                out.append(f"  week from {week_start.isoformat()}  {span}  {shown:>7}  {phase}")
                out.append(_wrap(reason, " " * 6))
            checks = []
            for offset in range(6, diary.days, 7):
                day = diary.start + datetime.timedelta(days=offset)
                bb = detect_boom_bust(diary.records, day, activity, settings=diary.settings)
                checks.append((day, bb))
            out.append(
                "  boom-and-bust, 14 days up to: "
                + ", ".join(f"{day.isoformat()} {'YES' if bb.detected else 'no'}" for day, bb in checks)
            )
            hits = [(day, bb) for day, bb in checks if bb.detected]
            if hits:
                day, bb = hits[0]
                out.append(
                    f"  first detected by {day}: big days "
                    f"{', '.join(x.isoformat() for x in bb.big_days)}; crash days "
                    f"{', '.join(x.isoformat() for x in bb.crash_days)}"
                )
                out.append(_wrap(bb.message, " " * 6))
            final = detect_boom_bust(diary.records, diary.end, activity, settings=diary.settings)
            var = "n/a" if final.variability is None else f"{final.variability:.2f}"
            out.append(
                f"  boom-and-bust verdict on {diary.end}: "
                f"{'DETECTED' if final.detected else 'not detected'} (variability {var})"
            )
            out.append(_wrap(final.message, " " * 6))
        out.extend(_protocol_rows(diary))
        summary = weekly_summary(diary.records, diary.end)
        out.append("  weekly summary on the last day:")
        for line in summary.text.splitlines():
            out.append(_wrap(line, " " * 6))
    return "\n".join(out)


def main() -> int:
    print(report())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
