#!/usr/bin/env python3
"""Choose the learned layer's thresholds on dev data, for sensitivity first.

    python scripts/tune_safety_layer.py                      # the dev sets (DEV_SETS below)
    python scripts/tune_safety_layer.py DIR [DIR ...]

Trains the classifier on the whole bank (plus the NLU's ordinary messages), reads every message of the dev sets as
the bot does (whole and clause by clause) and prints, per pair of thresholds (whole message, single clause):
- crisis: recall on the crisis probes, with the rules (either one escalates), and false alarms on figures of
  speech, low mood, ordinary messages and sensation reports;
- emergency: recall on the vignettes marked emergency, alarms on the other vignettes and on the distractors;
- sensation: how many vignettes read as a sensation, alarms on the distractors.
Never run this on a blind set: a set whose figures chose a threshold is dev data from then on.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
import yaml  # noqa: E402

from bot.safety.meaning.classifier import Classifier  # noqa: E402
from bot.safety.meaning.embedder import Embedder  # noqa: E402
from bot.safety.meaning.layer import LearnedLayer, Meaning, reading_set  # noqa: E402
from bot.safety.screen import screen_message  # noqa: E402

DEV_SETS = (
    ROOT / "eval" / "safety" / "blind",
    ROOT / "eval" / "safety" / "blind_v2",
    ROOT / "eval" / "safety" / "blind_v3",
    ROOT / "eval" / "safety" / "blind_v5",
    ROOT / "eval" / "safety" / "blind_v7",
    ROOT / "eval" / "safety" / "blind_v8",
    ROOT / "eval" / "safety" / "blind_v9",
    ROOT / "eval" / "safety" / "blind_v10",
    ROOT / "eval" / "safety" / "blind_v11",
    ROOT / "eval" / "safety" / "blind_v12",
    ROOT / "eval" / "safety" / "blind_v13",
    ROOT / "eval" / "safety" / "blind_v14",
    ROOT / "eval" / "safety" / "blind_v15",
    ROOT / "eval" / "safety" / "blind_v16",
    ROOT / "eval" / "safety" / "blind_v17",
)
GRID = [(w, c) for w in (0.35, 0.40, 0.45, 0.50, 0.55, 0.60) for c in (0.80, 0.85, 0.90, 1.01)]


def dev_messages(directories: list[Path]) -> list[tuple[str, str, bool]]:
    """(label, text, emergency) per message; label: crisis | figure_of_speech | low_mood | ordinary | sensation."""
    out = []
    for directory in directories:
        for path in sorted(directory.glob("*.yml")):
            for item in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
                if path.name.startswith("crisis"):
                    label = "crisis"
                elif path.name.startswith("distractors"):
                    label = item["category"]
                else:
                    label = "sensation"
                out.append((label, item["text"], bool(item.get("emergency"))))
    return out


def readings(classifier: Classifier, texts: list[str]) -> list[Meaning]:
    layer = LearnedLayer(classifier)  # read exactly as the bot reads: one pass per message, clauses pooled from it
    return [layer.read(t) for t in texts]


def rate(hits: list[bool]) -> str:
    return f"{100 * np.mean(hits):5.1f}%" if hits else "  -  "


def main(argv: list[str]) -> int:
    directories = [Path(a) for a in argv] or list(DEV_SETS)
    messages = dev_messages(directories)
    classifier = Classifier.train(Embedder(), reading_set())
    meanings = readings(classifier, [t for _, t, _ in messages])
    rules_crisis = [screen_message(t).kind == "crisis" for _, t, _ in messages]
    quiet = ("figure_of_speech", "low_mood", "ordinary")
    print(f"dev sets: {', '.join(str(d.relative_to(ROOT)) for d in directories)}; {len(messages)} messages")
    for name in ("crisis", "emergency", "sensation"):
        print(f"== {name} (whole, clause)")
        for whole, clause in GRID:
            hit = [getattr(m, name).over((whole, clause)) for m in meanings]
            if name == "crisis":
                hit = [h or r for h, r in zip(hit, rules_crisis, strict=True)]
                positive = [h for h, (lab, _, _) in zip(hit, messages, strict=True) if lab == "crisis"]
                alarms = {
                    q: [h for h, (lab, _, _) in zip(hit, messages, strict=True) if lab == q]
                    for q in (*quiet, "sensation")
                }
            elif name == "emergency":
                positive = [h for h, (lab, _, em) in zip(hit, messages, strict=True) if em]
                alarms = {
                    "non_emergency_vignette": [
                        h for h, (lab, _, em) in zip(hit, messages, strict=True) if lab == "sensation" and not em
                    ],
                    "distractors": [h for h, (lab, _, _) in zip(hit, messages, strict=True) if lab in quiet],
                }
            else:
                positive = [h for h, (lab, _, _) in zip(hit, messages, strict=True) if lab == "sensation"]
                alarms = {q: [h for h, (lab, _, _) in zip(hit, messages, strict=True) if lab == q] for q in quiet}
            shown = " ".join(f"{k} {rate(v)}" for k, v in alarms.items())
            print(f"  {whole:.2f} {clause:.2f}  recall {rate(positive)}  alarms: {shown}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
