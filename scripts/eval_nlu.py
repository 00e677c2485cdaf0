#!/usr/bin/env python3
"""NLU evaluation on held-out phrasings: intents, the FAQ response selector, and "don't know" behaviour.

Run from the repository root with the app venv:  .venv/bin/python scripts/eval_nlu.py

Held-out data (never used for training):
  tests/data/faq_unseen.yml  FAQ phrasings -> topic, and off-topic questions (out_of_scope)
  tests/data/nlu_unseen.yml  phrasings for the other intents people type

It writes a Rasa NLU test file to results/nlu_heldout.yml and runs, in the engine venv,
  rasa test nlu --model <current model> --nlu results/nlu_heldout.yml --out results/nlu --successes --no-plot
then a second "probe" run (results/nlu/probe) on every non-FAQ example labelled as FAQ, only to read the response
selector's confidence for them (Rasa's report leaves out examples whose label is not a retrieval intent).

Figures are printed in the bot's own terms, mirroring api/conversation.py, actions/faq.py and config.yml:
  - the safety screen (bot/safety) answers crisis, emergency and dose questions before Rasa sees them;
  - the FallbackClassifier turns a top intent below its threshold into nlu_fallback ("I don't know");
    its ambiguity_threshold cannot be reproduced here (Rasa's report keeps only the top intent's confidence);
  - an FAQ answer is given only when the intent is `faq` AND the response selector's confidence >= FAQ_CONFIDENCE.
A threshold sweep (no retraining) is printed at the end. It is a report: the exit status is always 0.
"""

from __future__ import annotations

import ast
import json
import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

from ops.paths import RASA, RESULTS  # noqa: E402

FAQ_UNSEEN = ROOT / "tests" / "data" / "faq_unseen.yml"
NLU_UNSEEN = ROOT / "tests" / "data" / "nlu_unseen.yml"
TEST_FILE = RESULTS / "nlu_heldout.yml"
PROBE_FILE = RESULTS / "nlu_probe.yml"
OUT = RESULTS / "nlu"
PROBE_OUT = OUT / "probe"
NOT_FAQ_ANSWER_INTENTS = ("out_of_scope", "nlu_fallback")  # both end in action_default_fallback ("don't know")


# ---------------------------------------------------------------- settings in use


def fallback_settings() -> tuple[float, float]:
    config = yaml.safe_load((ROOT / "config.yml").read_text(encoding="utf-8"))
    for comp in config.get("pipeline") or []:
        if comp.get("name") == "FallbackClassifier":
            return float(comp.get("threshold", 0.3)), float(comp.get("ambiguity_threshold", 0.1))
    return 0.0, 0.0


def faq_confidence() -> float:
    """FAQ_CONFIDENCE from actions/faq.py, read without importing the action server's code."""
    tree = ast.parse((ROOT / "actions" / "faq.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "FAQ_CONFIDENCE" for t in node.targets):
            return float(ast.literal_eval(node.value))
    raise SystemExit("FAQ_CONFIDENCE not found in actions/faq.py")


# ---------------------------------------------------------------- held-out data


@dataclass
class Example:
    text: str
    intent: str  # target intent (faq for FAQ phrasings)
    topic: str | None  # target FAQ topic
    source: str  # which held-out list it came from


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9' ]+", " ", text.lower()).split())


def _clean(text: str) -> str:
    # Rasa reads [..](..) / {..} as entity annotations inside examples.
    return " ".join(re.sub(r"[\[\]{}()]", " ", str(text)).split())


def load_heldout() -> list[Example]:
    faq = yaml.safe_load(FAQ_UNSEEN.read_text(encoding="utf-8"))
    other = yaml.safe_load(NLU_UNSEEN.read_text(encoding="utf-8"))
    examples: list[Example] = []
    for text, topic in (faq.get("in_scope") or {}).items():
        examples.append(Example(_clean(text), "faq", str(topic), "faq_unseen:in_scope"))
    for text in faq.get("out_of_scope") or []:
        examples.append(Example(_clean(text), "out_of_scope", None, "faq_unseen:out_of_scope"))
    for intent, texts in (other.get("intents") or {}).items():
        for text in texts or []:
            examples.append(Example(_clean(text), str(intent), None, f"nlu_unseen:{intent}"))
    seen: dict[str, Example] = {}
    for ex in examples:
        if _norm(ex.text) in seen:
            print(f"!! duplicate held-out phrasing dropped: {ex.text!r}")
            continue
        seen[_norm(ex.text)] = ex
    return list(seen.values())


def training_examples() -> dict[str, str]:
    out: dict[str, str] = {}
    for path in sorted((ROOT / "data" / "nlu").glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for block in data.get("nlu") or []:
            for line in str(block.get("examples", "")).splitlines():
                line = line.strip()
                if line.startswith("- "):
                    text = re.sub(r"\[([^\]]*)\](?:\([^)]*\)|\{[^}]*\})", r"\1", line[2:])
                    out.setdefault(_norm(text), str(block.get("intent")))
    return out


def write_test_file(path: Path, groups: dict[str, list[str]]) -> None:
    blocks = []
    for label, texts in groups.items():
        lines = "".join(f"- {t}\n" for t in texts)
        blocks.append(f"  - intent: {label}\n    examples: |\n" + "".join(f"      {ln}\n" for ln in lines.splitlines()))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        'version: "3.1"\n# GENERATED by scripts/eval_nlu.py from tests/data/*_unseen.yml\nnlu:\n' + "\n".join(blocks),
        encoding="utf-8",
    )


# ---------------------------------------------------------------- running Rasa


def run_rasa_test(model: Path, nlu_file: Path, out: Path) -> bool:
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.json"):
        old.unlink()
    env = dict(os.environ, RASA_TELEMETRY_ENABLED="false", TF_CPP_MIN_LOG_LEVEL="3")
    started = time.monotonic()
    with (out / "rasa_test.log").open("w") as log:
        proc = subprocess.run(
            [
                str(RASA),
                "test",
                "nlu",
                "--model",
                str(model),
                "--nlu",
                str(nlu_file),
                "--out",
                str(out),
                "--successes",
                "--no-plot",
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    print(
        f">> rasa test nlu on {nlu_file.relative_to(ROOT)}: exit {proc.returncode} "
        f"in {time.monotonic() - started:.0f} s (log: {(out / 'rasa_test.log').relative_to(ROOT)})"
    )
    return proc.returncode == 0


def _read_json(path: Path):
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def read_predictions(out: Path, kind: str) -> dict[str, tuple[str, float]]:
    """text -> (predicted label, confidence) from <kind>_successes.json + <kind>_errors.json."""
    key = "intent_prediction" if kind == "intent" else "intent_response_key_prediction"
    preds: dict[str, tuple[str, float]] = {}
    for name in (f"{kind}_successes.json", f"{kind}_errors.json"):
        for row in _read_json(out / name) or []:
            p = row.get(key) or {}
            preds[_norm(row["text"])] = (p.get("name") or "", float(p.get("confidence") or 0.0))
    return preds


# ---------------------------------------------------------------- the bot's terms


@dataclass
class Scored:
    ex: Example
    intent: str  # predicted intent (fallback undone, as Rasa reports it)
    intent_conf: float
    topic: str | None  # response selector's topic
    rs_conf: float  # response selector's confidence (None-safe: 0.0 when unknown)
    safety: str | None = None  # the safety screen's kind when it answers before Rasa (api/conversation.py)


def bot_outcome(s: Scored, fallback: float, faq_conf: float) -> str:
    """What the bot does: 'safety:<kind>' (the screen answers first), 'answer:<topic>', 'dont_know' (fallback /
    out_of_scope / low FAQ confidence) or the intent."""
    if s.safety:
        return f"safety:{s.safety}"
    intent = "nlu_fallback" if s.intent_conf < fallback else s.intent
    if intent == "faq":
        return f"answer:{s.topic}" if s.rs_conf >= faq_conf and s.topic else "dont_know"
    if intent in NOT_FAQ_ANSWER_INTENTS:
        return "dont_know"
    return intent


@dataclass
class Figures:
    intent_acc: float
    faq_correct: float
    faq_wrong_topic: float
    faq_dont_know: float
    faq_other_intent: float
    oos_recall: float
    oos_recall_faq_list: float
    oos_dont_know: float
    non_faq_fallback: float
    n_faq: int
    n_oos: int


def _pct(n: int, d: int) -> float:
    return 100.0 * n / d if d else float("nan")


def figures(scored: list[Scored], fallback: float, faq_conf: float) -> Figures:
    faq = [s for s in scored if s.ex.intent == "faq"]
    oos = [s for s in scored if s.ex.intent == "out_of_scope"]
    oos_list = [s for s in oos if s.ex.source.startswith("faq_unseen")]
    others = [s for s in scored if s.ex.intent not in ("faq", "out_of_scope")]
    outcomes = {id(s): bot_outcome(s, fallback, faq_conf) for s in scored}

    def intent_ok(s: Scored) -> bool:
        """The bot takes the intended path: an FAQ answer (any topic), an honest "don't know", or the intent."""
        got = outcomes[id(s)]
        if s.ex.intent == "faq":
            return got.startswith("answer:")
        if s.ex.intent == "out_of_scope":
            return got == "dont_know" or got.startswith("safety:")
        return got == s.ex.intent

    answered = lambda s: outcomes[id(s)].startswith("answer:")  # noqa: E731
    return Figures(
        intent_acc=_pct(sum(intent_ok(s) for s in scored), len(scored)),
        faq_correct=_pct(sum(outcomes[id(s)] == f"answer:{s.ex.topic}" for s in faq), len(faq)),
        faq_wrong_topic=_pct(sum(answered(s) and outcomes[id(s)] != f"answer:{s.ex.topic}" for s in faq), len(faq)),
        faq_dont_know=_pct(sum(outcomes[id(s)] == "dont_know" for s in faq), len(faq)),
        faq_other_intent=_pct(sum(not answered(s) and outcomes[id(s)] != "dont_know" for s in faq), len(faq)),
        oos_recall=_pct(sum(not answered(s) for s in oos), len(oos)),
        oos_recall_faq_list=_pct(sum(not answered(s) for s in oos_list), len(oos_list)),
        oos_dont_know=_pct(
            sum(outcomes[id(s)] == "dont_know" or outcomes[id(s)].startswith("safety:") for s in oos), len(oos)
        ),
        non_faq_fallback=_pct(sum(s.intent_conf < fallback for s in others), len(others)),
        n_faq=len(faq),
        n_oos=len(oos),
    )


def candidate_thresholds(values: list[float], current: float, grid: tuple[float, ...]) -> list[float]:
    cands = {round(current, 3), *grid}
    for v in values:  # just above an observed confidence: the point where that prediction flips
        if 0.05 < v < 0.95:
            cands.add(round(v + 0.005, 3))
    return sorted(cands)


def best_of(scored, thresholds, make, current: float) -> float:
    """Threshold maximising the mean of FAQ right-answer rate and out-of-scope recall (ties: more intended paths,
    then the one closest to the current value)."""

    def key(t: float):
        f = figures(scored, *make(t))
        return round(f.faq_correct + f.oos_recall, 6), round(f.intent_acc, 6), -abs(t - current)

    return max(thresholds, key=key)


def safety_kind(text: str) -> str | None:
    """The safety screen runs before Rasa for every message; return its kind when it would answer instead."""
    try:
        from bot.safety.screen import screen_message
    except ImportError:
        return None
    kind = screen_message(text).kind
    return kind if kind in ("crisis", "emergency", "dose_request") else None


# ---------------------------------------------------------------- report


def main() -> int:
    from ops.model import ensure_model

    fallback, ambiguity = fallback_settings()
    faq_conf = faq_confidence()
    examples = load_heldout()

    training = training_examples()
    leaked = [(ex.text, training[_norm(ex.text)]) for ex in examples if _norm(ex.text) in training]
    if leaked:
        print(f"!! {len(leaked)} held-out phrasing(s) also in data/nlu (the figures overstate): {leaked}")

    groups: dict[str, list[str]] = {}
    for ex in examples:
        label = f"faq/{ex.topic}" if ex.intent == "faq" else ex.intent
        groups.setdefault(label, []).append(ex.text)
    write_test_file(TEST_FILE, groups)
    oos_texts = [ex.text for ex in examples if ex.intent == "out_of_scope"]
    # Everything not labelled faq, under two fake response keys (Rasa evaluates response selection only with
    # >= 2 response labels), to read the response selector's confidence for it.
    probe = [ex.text for ex in examples if ex.intent != "faq"]
    write_test_file(PROBE_FILE, {"faq/zz_probe_a": probe[::2], "faq/zz_probe_b": probe[1::2]})

    model = ensure_model(quiet=True)
    print(f">> model: {model.relative_to(ROOT)}")
    print(
        f">> held-out examples: {len(examples)} ({sum(e.intent == 'faq' for e in examples)} FAQ phrasings, "
        f"{len(oos_texts)} off-topic, {sum(e.intent not in ('faq', 'out_of_scope') for e in examples)} other intents)"
    )
    if not run_rasa_test(model, TEST_FILE, OUT):
        print("!! rasa test nlu failed; see the log above")
        return 0
    run_rasa_test(model, PROBE_FILE, PROBE_OUT)

    intent_report = _read_json(OUT / "intent_report.json") or {}
    rs_report = _read_json(OUT / "response_selection_report.json") or {}
    intents = read_predictions(OUT, "intent")
    responses = read_predictions(OUT, "response_selection")
    responses.update(read_predictions(PROBE_OUT, "response_selection"))

    scored: list[Scored] = []
    missing = []
    for ex in examples:
        key = _norm(ex.text)
        if key not in intents:
            missing.append(ex.text)
            continue
        intent, iconf = intents[key]
        rkey, rconf = responses.get(key, ("", 0.0))
        topic = rkey.split("/", 1)[1] if "/" in rkey else None
        scored.append(Scored(ex, intent, iconf, topic, rconf, safety_kind(ex.text)))
    if missing:
        print(f"!! no prediction found for {len(missing)} example(s): {missing[:5]}")

    def rep(report: dict, key: str) -> float:
        v = report.get(key)
        if isinstance(v, dict):
            v = v.get("f1-score")
        return 100.0 * float(v) if v is not None else float("nan")

    now = figures(scored, fallback, faq_conf)
    faq_rs = [s for s in scored if s.ex.intent == "faq"]
    print()
    print("== settings in use")
    print(
        f"   FallbackClassifier threshold (config.yml): {fallback:.2f}  (ambiguity_threshold {ambiguity:.2f}, "
        f"not modelled here)"
    )
    print(f"   FAQ_CONFIDENCE (actions/faq.py):           {faq_conf:.2f}")
    print()
    print("== Rasa's own report (fallback undone, as `rasa test nlu` reports)")
    print(
        f"   intent accuracy:  {rep(intent_report, 'accuracy'):.1f} %"
        f"   macro F1: {rep(intent_report, 'macro avg'):.1f} %"
        f"   weighted F1: {rep(intent_report, 'weighted avg'):.1f} %   ({len(scored)} examples)"
    )
    print(
        f"   response selector accuracy on FAQ phrasings (exact topic): {rep(rs_report, 'accuracy'):.1f} %   "
        f"macro F1: {rep(rs_report, 'macro avg'):.1f} %   ({len(faq_rs)} phrasings)"
    )
    print()
    print("== in the bot's terms (fallback threshold and FAQ_CONFIDENCE applied)")
    print(
        f'   intended path taken: {now.intent_acc:.1f} %  (FAQ -> a KB answer; off-topic -> "don\'t know" / '
        f"out-of-scope reply; other intents -> that intent)"
    )
    print(f"   FAQ phrasings answered with the right topic: {now.faq_correct:.1f} %")
    print(f"   FAQ phrasings answered with a wrong topic:   {now.faq_wrong_topic:.1f} %")
    print(f'   false "don\'t know" on FAQ phrasings:         {now.faq_dont_know:.1f} %')
    print(f"   FAQ phrasings routed to another intent:      {now.faq_other_intent:.1f} %")
    print(
        f"   out-of-scope recall (no FAQ answer):         {now.oos_recall:.1f} % of {now.n_oos} off-topic "
        f"({now.oos_recall_faq_list:.1f} % on faq_unseen.yml's list)"
    )
    print(
        f'   off-topic told "don\'t know"/out of scope:    {now.oos_dont_know:.1f} %  (+ safety screen; the rest '
        f"went to another intent, e.g. triage or chit-chat)"
    )
    print(f"   other intents falling back (below {fallback:.2f}):  {now.non_faq_fallback:.1f} %")
    caught = [s for s in scored if s.safety]
    if caught:
        print(
            f"   answered by the safety screen before Rasa ({len(caught)}, counted as no FAQ answer): "
            + "; ".join(f"{s.ex.text!r} ({s.safety})" for s in caught)
        )

    print()
    print("== per intent (recall, bot's terms)")
    by_intent: dict[str, list[Scored]] = {}
    for s in scored:
        by_intent.setdefault(s.ex.intent, []).append(s)
    for intent, rows in sorted(by_intent.items()):
        if intent == "faq":
            ok = sum(bot_outcome(s, fallback, faq_conf) == f"answer:{s.ex.topic}" for s in rows)
        elif intent == "out_of_scope":
            ok = sum(not bot_outcome(s, fallback, faq_conf).startswith("answer:") for s in rows)  # = OOS recall
        else:
            ok = sum(bot_outcome(s, fallback, faq_conf) == intent for s in rows)
        print(f"   {intent:<16} {ok:>3}/{len(rows):<3} {_pct(ok, len(rows)):5.1f} %")

    print()
    print("== per FAQ topic (right answer / phrasings)")
    per_topic: dict[str, list[Scored]] = {}
    for s in faq_rs:
        assert s.ex.topic is not None  # every FAQ phrasing names its topic (load_examples)
        per_topic.setdefault(s.ex.topic, []).append(s)
    line = []
    for topic, rows in sorted(per_topic.items()):
        ok = sum(bot_outcome(s, fallback, faq_conf) == f"answer:{topic}" for s in rows)
        line.append(f"{topic} {ok}/{len(rows)}")
    for i in range(0, len(line), 4):
        print("   " + "   ".join(line[i : i + 4]))

    print()
    print("== misses (bot's terms): text -> what the bot does (intent conf / selector conf)")
    for s in scored:
        got = bot_outcome(s, fallback, faq_conf)
        want_ok = (
            got == f"answer:{s.ex.topic}"
            if s.ex.intent == "faq"
            else not got.startswith("answer:")
            if s.ex.intent == "out_of_scope"
            else got == s.ex.intent
        )
        if not want_ok:
            want = f"answer:{s.ex.topic}" if s.ex.intent == "faq" else s.ex.intent
            print(f"   [{want}] {s.ex.text!r} -> {got} ({s.intent}:{s.intent_conf:.2f} / {s.topic}:{s.rs_conf:.2f})")

    # ------------------------------------------------------------ sweeps (no retraining)
    print()
    print(f"== sweep of FAQ_CONFIDENCE (fallback threshold fixed at {fallback:.2f})")
    rs_values = [s.rs_conf for s in scored if s.intent == "faq"]
    cands = candidate_thresholds(rs_values, faq_conf, (0.3, 0.4, 0.5, 0.6, 0.7, 0.8))
    best = best_of(scored, cands, lambda t: (fallback, t), faq_conf)
    shown = sorted({round(faq_conf, 3), 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, best})
    _sweep_table(scored, shown, lambda t: (fallback, t), current=faq_conf, best=best)

    print()
    print(f"== sweep of the fallback threshold (FAQ_CONFIDENCE fixed at {faq_conf:.2f})")
    cands = candidate_thresholds([s.intent_conf for s in scored], fallback, (0.3, 0.4, 0.45, 0.5, 0.6, 0.7))
    best = best_of(scored, cands, lambda t: (t, faq_conf), fallback)
    shown = sorted({round(fallback, 3), 0.3, 0.4, 0.5, 0.6, 0.7, best})
    _sweep_table(scored, shown, lambda t: (t, faq_conf), current=fallback, best=best)
    print(
        "   (best = highest mean of FAQ right-answer rate and out-of-scope recall, over the grid and the points just "
        "above each observed confidence; ties: more intended paths, then nearest the current value)"
    )
    print()
    print(f">> details: {OUT.relative_to(ROOT)}/intent_report.json, response_selection_report.json, *_errors.json")
    return 0


def _sweep_table(scored, thresholds, make, current: float, best: float) -> None:
    print(
        "   threshold | path taken | FAQ right | wrong topic | don't know | other intent | OOS recall"
        " | fallback (other intents)"
    )
    for t in thresholds:
        f = figures(scored, *make(t))
        mark = " <- now" if abs(t - current) < 1e-9 else (" <- best" if abs(t - best) < 1e-9 else "")
        if abs(t - current) < 1e-9 and abs(t - best) < 1e-9:
            mark = " <- now, best"
        print(
            f"   {t:9.3f} | {f.intent_acc:9.1f}% | {f.faq_correct:8.1f}% | {f.faq_wrong_topic:10.1f}% | "
            f"{f.faq_dont_know:9.1f}% | {f.faq_other_intent:11.1f}% | {f.oos_recall:9.1f}% | "
            f"{f.non_faq_fallback:6.1f}%{mark}"
        )


if __name__ == "__main__":
    try:
        main()
    except SystemExit as exc:  # e.g. training failed
        print(f"!! {exc}")
    except Exception as exc:  # a report: never fail the caller
        import traceback

        traceback.print_exc()
        print(f"!! eval_nlu failed: {exc}")
    sys.exit(0)
