#!/usr/bin/env python3
"""Choose the learned layer's regularisation and thresholds on dev data: leave-one-author-out over the bank.

    python scripts/tune_safety_layer.py

Each author's file is held out in turn; the classifier is trained on the others (plus the NLU's ordinary
messages) and scored on the held-out file, message by message, whole and clause by clause as the bot reads it.
Prints, per C and pair of thresholds (whole message, single clause): crisis recall, emergency recall, sensation recall, and false alarms on the quiet
categories. Thresholds are picked for sensitivity first. Never run this on a blind set.
"""
from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from bot.safety.meaning.bank import CRISIS, QUIET, SENSATION, load_bank, nlu_ordinary  # noqa: E402
from bot.safety.meaning.classifier import Classifier, embed_cached  # noqa: E402
from bot.safety.meaning.embedder import Embedder  # noqa: E402
from bot.safety.meaning.layer import meaning_of, segments  # noqa: E402


def main() -> int:
    embedder = Embedder()
    bank, ordinary = load_bank(), nlu_ordinary()
    everything = bank + ordinary
    vectors = embed_cached(embedder, [e.text for e in everything])
    index = {id(e): i for i, e in enumerate(everything)}
    authors = sorted({e.source for e in bank})
    seg_cache: dict[str, np.ndarray] = {}
    for e in bank:
        segs = segments(e.text)
        seg_cache[e.text] = embedder.embed(segs)
    for c in (2.0, 4.0, 8.0):
        scores: list[tuple[str, object]] = []
        for held in authors:
            train = [e for e in everything if e.source != held]
            clf = Classifier.train(embedder, train, c=c, vectors=vectors[[index[id(e)] for e in train]])
            for e in bank:
                if e.source == held:
                    scores.append((e.category, meaning_of(clf.probabilities_of_vectors(seg_cache[e.text]))))
        print(f"== C={c}")
        for name, group, attr in (("crisis", CRISIS, "crisis"), ("emergency", ("emergency",), "emergency"),
                                  ("sensation", SENSATION, "sensation")):
            for whole, clause in ((0.3, 0.7), (0.35, 0.8), (0.4, 0.8), (0.45, 0.8), (0.5, 0.8), (0.5, 0.9),
                                  (0.6, 0.9)):
                def hit(m) -> bool:
                    return getattr(m, attr).over((whole, clause))
                pos = [hit(m) for cat, m in scores if cat in group]
                quiet = defaultdict(list)
                for cat, m in scores:
                    if cat not in group:
                        quiet[cat if cat in QUIET else "other"].append(hit(m))
                fa = " ".join(f"{k}={100 * np.mean(v):.1f}%" for k, v in sorted(quiet.items()))
                print(f"  {name:<9} whole>={whole:.2f} clause>={clause:.2f} recall {100 * np.mean(pos):5.1f}%"
                      f"  alarms: {fa}")
        levels = [(cat, m.level) for cat, m in scores if cat in SENSATION and m.is_sensation]
        want = {"emergency": "stop", "stop": "stop", "assess": "assess", "normal_sensation": "normal"}
        print(f"  level right on sensations read as such: {100 * np.mean([want[c] == lv for c, lv in levels]):.1f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main())
