"""The safety pipeline as a message meets it, for evaluation: understanding step, then triage with follow-ups.

Mirrors api/conversation.py + actions/triage.py without a server: crisis and emergency answered by the screen; a
sensation goes to triage with the learned layer's hint, follow-ups answered in the person's own words.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from bot.safety.understand import Understanding, understand
from bot.triage.rules import FollowUp, Outcome, triage

# The blind sets' names for follow-up answers -> the triage's follow-up keys.
IF_ASKED_KEYS = {
    "red_flags": "red_flags",
    "how_long": "timing",
    "trend": "trend",
    "swelling_or_giving_way": "swelling",
    "spreading": "spreading",
}
MAX_QUESTIONS = 4  # the red-flag check, then at most three follow-ups


@dataclass
class PipelineResult:
    route: str  # "crisis" | "emergency" | "triage" | "dose_request" | "missed"
    level: str | None = None  # normal | assess | stop (None when triage did not finish)
    emergency: bool = False
    asked: list[str] = field(default_factory=list)
    understanding: Understanding | None = None
    seconds: float = 0.0


def run_message(text: str, answers: dict[str, str] | None = None, use_learned: bool = True) -> PipelineResult:
    started = time.perf_counter()
    u = understand(text, wait_for_model=True, use_learned=use_learned)
    seconds = time.perf_counter() - started
    if u.kind == "crisis":
        return PipelineResult("crisis", understanding=u, seconds=seconds)
    if u.kind == "emergency":
        return PipelineResult("emergency", "stop", True, understanding=u, seconds=seconds)
    if u.kind == "none":
        return PipelineResult("missed", understanding=u, seconds=seconds)
    scripted = {IF_ASKED_KEYS.get(k, k): str(v) for k, v in (answers or {}).items()}
    given: dict[str, str] = {}
    asked: list[str] = []
    hint = u.level if use_learned else None
    for _ in range(MAX_QUESTIONS + 2):
        res = triage(text, given or None, hint=hint)
        if isinstance(res, Outcome):
            return PipelineResult("triage", res.level, res.emergency, asked, u, seconds)
        assert isinstance(res, FollowUp)
        if res.key in given:
            break
        asked.append(res.key)
        given[res.key] = scripted.get(res.key, "not sure")
    return PipelineResult("triage", None, False, asked, u, seconds)
