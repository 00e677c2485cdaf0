"""scripts/pacing_report.py runs from the repo root and covers every synthetic diary."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.unit.pacing_diaries import all_diaries, d

ROOT = Path(__file__).resolve().parents[2]


def test_report_runs_and_lists_every_diary():
    out = subprocess.run(
        [sys.executable, "scripts/pacing_report.py"], cwd=ROOT, capture_output=True, text=True, timeout=120, check=True
    ).stdout
    for diary in all_diaries():
        assert f"{diary.name}: {diary.description}" in out
    assert "flare_hold" in out and "progressing" in out and "holding" in out
    assert "2024-03-17 YES" in out  # boom-and-bust diary, weeks 1-2
    assert out.count("boom-and-bust verdict on") == 12  # one per activity
    four = out[out.index("four_phases:") :]
    for week, phase in ((2, "phase 1 baseline"), (3, "phase 2 slow progression"), (8, "phase 3 consolidation")):
        assert f"week {week:>2} from {d(7 * (week - 1)).isoformat()}  {phase}" in four
    assert "phase 4 maintenance and progression walking 30, light strength 12, stretching 14" in four
    assert "[propose stretching + light strength; pain eased 6.0 -> 4.8]" in four
    assert '"climb the stairs to my flat"' in four and "holding" in four and "reached the goal" in four
