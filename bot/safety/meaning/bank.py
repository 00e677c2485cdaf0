"""The exemplar bank the learned layer is trained on.

knowledge/safety/exemplars/*.yml: YAML lists of {text, category[, kind]}, written by several authors briefed
separately, in patients' voices. Each category is one class of the classifier; GROUPS maps them to what the
screen decides. Messages the assistant's own NLU data holds for other purposes (greetings, FAQ questions, check-in
reports, reminders) are added as ordinary messages: they are what people say when nothing is wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from ops.paths import ROOT

BANK_DIR = ROOT / "knowledge" / "safety" / "exemplars"
NLU_DIR = ROOT / "data" / "nlu"

CATEGORIES = (
    "crisis_explicit",
    "crisis_indirect",
    "self_harm",
    "emergency",
    "stop",
    "assess",
    "normal_sensation",
    "figure_of_speech",
    "low_mood",
    "ordinary",
)
CRISIS = ("crisis_explicit", "crisis_indirect", "self_harm")
SENSATION = ("emergency", "stop", "assess", "normal_sensation")
QUIET = ("figure_of_speech", "low_mood", "ordinary")

# NLU intents whose examples are ordinary messages. Left out: sensation questions (their level is unknown) and
# button payloads.
_ORDINARY_INTENTS = re.compile(
    r"^(?!ask_sensation$|triage_answer$|faq_more$|faq_topic$|faq_feedback$|delete_"
    r"|movement_reminder$).+"
)


@dataclass(frozen=True)
class Exemplar:
    text: str
    category: str
    source: str


def load_bank(directory: Path = BANK_DIR) -> list[Exemplar]:
    out: list[Exemplar] = []
    for path in sorted(directory.glob("*.yml")):
        for row in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            category = row.get("category")
            if category not in CATEGORIES:
                raise ValueError(f"{path.name}: unknown category {category!r} for {row.get('text')!r}")
            text = str(row.get("text") or "").strip()
            if text:
                out.append(Exemplar(text, category, path.stem))
    return out


def nlu_ordinary(directory: Path = NLU_DIR) -> list[Exemplar]:
    out: list[Exemplar] = []
    for path in sorted(directory.glob("*.yml")):
        for block in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("nlu", []):
            intent = str(block.get("intent") or "")
            if not intent or not _ORDINARY_INTENTS.match(intent):
                continue
            for line in str(block.get("examples") or "").splitlines():
                text = line.strip().removeprefix("- ").strip()
                if text and not text.startswith("/"):
                    out.append(Exemplar(re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text), "ordinary", f"nlu:{intent}"))
    return out


def training_set() -> list[Exemplar]:
    return load_bank() + nlu_ordinary()
