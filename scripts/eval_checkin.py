#!/usr/bin/env python3
"""Evaluate bot.checkin.parse.parse_checkin on eval/checkin/unseen.yml.

Run from the repo root:  python scripts/eval_checkin.py [path/to/set.yml]

For every case and every field in FIELDS, the expected value (unset when
the case does not list the field) is compared with the parsed value:
  correct  expected set and parsed equal
  missed   expected set, parser left it unset
  wrong    expected set, parser set a different value
  spurious expected unset, parser set it ("wrongly set")
Share correct = correct / (correct + missed + wrong + spurious), per field
and overall; fields that are unset in both do not count. Activities are
compared as total minutes per kind. day_offset and out_of_range are scored
the same way, as extras, outside the overall figure.
Exit status 0 always (it is a report, not a gate) unless --min is given.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

from bot.checkin.parse import FIELDS, parse_checkin  # noqa: E402

EXTRAS = ("day_offset", "out_of_range")


def _activities_key(items) -> tuple:
    totals: Counter = Counter()
    for item in items or ():
        if isinstance(item, (list, tuple)):
            kind, minutes = item
        else:
            kind, minutes = item.kind, item.minutes
        totals[str(kind)] += int(minutes)
    return tuple(sorted(totals.items()))


def _expected(case: dict, name: str):
    exp = case.get("expect") or {}
    if name == "activities":
        return _activities_key(exp.get("activities")) or None
    if name == "day_offset":
        return exp.get("day_offset", 0) or None
    if name == "out_of_range":
        return tuple(sorted(exp.get("out_of_range") or ())) or None
    value = exp.get(name)
    if name == "sleep_hours" and value is not None:
        return float(value)
    return value


def _actual(parsed, name: str):
    value = getattr(parsed, name)
    if name == "activities":
        return _activities_key(value) or None
    if name == "day_offset":
        return value or None
    if name == "out_of_range":
        return tuple(sorted(value)) or None
    return value


def evaluate(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    cases = data["cases"]
    stats: defaultdict[str, Counter[str]] = defaultdict(Counter)
    misses = []
    perfect = 0
    for i, case in enumerate(cases, 1):
        parsed = parse_checkin(case["text"])
        case_ok = True
        for name in FIELDS + EXTRAS:
            exp, got = _expected(case, name), _actual(parsed, name)
            if exp is None and got is None:
                continue
            if exp == got:
                stats[name]["correct"] += 1
                continue
            kind = "missed" if got is None else ("spurious" if exp is None else "wrong")
            stats[name][kind] += 1
            case_ok = False
            misses.append((i, case["text"], name, kind, exp, got))
        perfect += case_ok
    return {"cases": len(cases), "perfect": perfect, "stats": stats, "misses": misses}


def _share(c: Counter) -> tuple[int, int]:
    total = c["correct"] + c["missed"] + c["wrong"] + c["spurious"]
    return c["correct"], total


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("path", nargs="?", default=str(ROOT / "eval" / "checkin" / "unseen.yml"))
    ap.add_argument("--min", type=float, default=None, help="exit 1 if the overall share is below this (0-1)")
    args = ap.parse_args(argv)
    res = evaluate(Path(args.path))
    stats = res["stats"]
    print(f"check-in parser evaluation: {args.path}")
    print(f"cases: {res['cases']}, fully correct: {res['perfect']} ({res['perfect'] / max(res['cases'], 1):.1%})")
    print()
    print(f"{'field':<15}{'correct':>8}{'missed':>8}{'wrong':>7}{'spurious':>10}{'share':>9}")
    overall: Counter[str] = Counter()
    for name in FIELDS + EXTRAS:
        c = stats[name]
        ok, total = _share(c)
        if name in FIELDS:
            overall.update(c)
        share = f"{ok / total:.1%}" if total else "n/a"
        label = name if name in FIELDS else f"({name})"
        print(f"{label:<15}{c['correct']:>8}{c['missed']:>8}{c['wrong']:>7}{c['spurious']:>10}{share:>9}")
    ok, total = _share(overall)
    print(
        f"{'OVERALL':<15}{overall['correct']:>8}{overall['missed']:>8}{overall['wrong']:>7}{overall['spurious']:>10}"
        f"{(ok / total if total else 0):>9.1%}"
    )
    print()
    if res["misses"]:
        print(f"misses ({len(res['misses'])}):")
        for i, text, name, kind, exp, got in res["misses"]:
            print(f"  #{i} [{name}] {kind}: expected {exp!r}, got {got!r}\n      {text!r}")
    else:
        print("misses: none")
    if args.min is not None and total and ok / total < args.min:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
