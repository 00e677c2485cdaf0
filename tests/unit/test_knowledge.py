"""Tests for the FAQ knowledge base (knowledge/faq), its loader and the Rasa generator."""

from __future__ import annotations

import dataclasses
import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from bot.knowledge import (
    DEFAULT_SEEDS_DIR,
    KnowledgeBase,
    KnowledgeError,
    Topic,
    load_knowledge,
    split_sentences,
    tokenize,
)

REPO = Path(__file__).resolve().parents[2]
UNSEEN_PATH = REPO / "tests" / "data" / "faq_unseen.yml"
GEN_SCRIPT = REPO / "scripts" / "gen_faq_rasa.py"

REQUIRED_TOPICS = {
    "opioids",
    "central_sensitisation",
    "movement_helps",
    "hurt_vs_harm",
    "pacing",
    "boom_and_bust",
    "gradual_return",
    "movement_types",
    "tai_chi_yoga",
    "water_exercise",
    "flare_exercise",
    "sleep",
    "stress_breathing",
    "cbt",
    "medications",
    "physical_therapy",
    "massage",
    "heat",
    "trigger_points",
    "acupuncture",
    "diet",
    "combined_treatment",
    "outlook",
    "about_bot",
}

CLINICIAN_RE = re.compile(
    r"\b(clinician|doctor|GP|pharmacist|physiotherapist|physical therapist|"
    r"healthcare provider|care team|pain team|specialist|dietitian)s?\b",
    re.IGNORECASE,
)
DOSE_RES = [
    re.compile(
        r"\b\d+(?:[.,]\d+)?\s?(?:mg|mcg|µg|ug|ml|g|iu|milligrams?|micrograms?|grams?|units?)\b",
        re.IGNORECASE,
    ),
    re.compile(r"\b\d+\s?(?:tablets?|pills?|capsules?|doses?|drops?|puffs?)\b", re.IGNORECASE),
    re.compile(r"\b(?:once|twice|\d+\s?times)\s(?:a|per)\sday\b", re.IGNORECASE),
    re.compile(r"\b(?:once|twice|three times) daily\b", re.IGNORECASE),
]
NEGATION_RE = re.compile(r"\b(?:not|never|no|isn't|doesn't|don't|rather than|instead of)\b|n't\b", re.I)


def _norm(text: str) -> str:
    """Normalise a phrasing for 'verbatim' comparison."""
    return " ".join(re.sub(r"[^\w\s']", " ", text.lower()).split())


def _bot_text(topic: Topic) -> list[tuple[str, str]]:
    """The text the bot says for a topic, as (field, text) pairs."""
    return [("title", topic.title), ("answer", topic.answer), ("more", topic.more)]


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge()


@pytest.fixture(scope="module")
def unseen() -> dict:
    return yaml.safe_load(UNSEEN_PATH.read_text(encoding="utf-8"))


# --------------------------------------------------------------------------- loading


def test_loads_and_is_cached(kb):
    assert isinstance(kb, KnowledgeBase)
    assert load_knowledge() is kb
    assert load_knowledge(REPO / "knowledge" / "faq") is kb


def test_required_topics_present(kb):
    missing = REQUIRED_TOPICS - set(kb.topics)
    assert not missing, f"missing topics: {sorted(missing)}"


def test_one_file_per_topic(kb):
    stems = sorted(p.stem for p in (REPO / "knowledge" / "faq").glob("*.yml"))
    assert stems == sorted(kb.topics)


def test_topics_are_frozen(kb):
    topic = kb.get("pacing")
    assert isinstance(topic, Topic)
    with pytest.raises(dataclasses.FrozenInstanceError):
        topic.title = "changed"  # type: ignore[misc]
    assert isinstance(topic.questions, tuple) and isinstance(topic.related, tuple)


def test_get_and_related(kb):
    assert kb.get("no_such_topic") is None
    assert kb.related("no_such_topic") == []
    rel = kb.related("pacing")
    assert 1 <= len(rel) <= 3
    assert all(isinstance(t, Topic) for t in rel)
    assert [t.id for t in rel] == list(kb.get("pacing").related)


# --------------------------------------------------------------------------- content shape


def test_ids_titles_and_sentence_counts(kb):
    for tid, t in kb.topics.items():
        assert re.fullmatch(r"[a-z][a-z0-9_]*", tid)
        assert t.id == tid
        assert 0 < len(t.title) <= 40, tid
        assert 2 <= len(split_sentences(t.answer)) <= 4, (tid, split_sentences(t.answer))
        assert 4 <= len(split_sentences(t.more)) <= 8, (tid, len(split_sentences(t.more)))


def test_questions_count_and_shape(kb):
    for tid, t in kb.topics.items():
        assert 12 <= len(t.questions) <= 20, (tid, len(t.questions))
        assert len({_norm(q) for q in t.questions}) == len(t.questions), f"{tid}: duplicate question"
        for q in t.questions:
            assert isinstance(q, str) and q.strip() == q and q
            # Rasa would read brackets/parentheses as entity annotations.
            assert not set(q) & set("[](){}"), (tid, q)
    # Short forms like "opioids?" and a spread of lengths per topic.
    for tid, t in kb.topics.items():
        lengths = sorted(len(q.split()) for q in t.questions)
        assert lengths[0] <= 4 and lengths[-1] >= 7, (tid, lengths)


def test_questions_unique_across_topics(kb):
    seen: dict[str, str] = {}
    for tid, t in kb.topics.items():
        for q in t.questions:
            key = _norm(q)
            assert key not in seen, f"{q!r} is in both {seen[key]} and {tid}"
            seen[key] = tid


def test_related_ids_valid(kb):
    for tid, t in kb.topics.items():
        assert len(t.related) <= 3, tid
        assert tid not in t.related
        for rid in t.related:
            assert rid in kb.topics, f"{tid}: unknown related {rid}"


def test_sources_exist(kb):
    for tid, t in kb.topics.items():
        if t.medical:
            assert t.sources, f"{tid}: medical topics must cite a seed"
        for src in t.sources:
            assert re.fullmatch(r"\d{3}_[0-9a-f]{16}\.txt", src), (tid, src)
            if DEFAULT_SEEDS_DIR.is_dir():
                assert (DEFAULT_SEEDS_DIR / src).is_file(), (tid, src)


# --------------------------------------------------------------------------- safety of wording


def test_no_dose_patterns_anywhere(kb):
    for tid, t in kb.topics.items():
        texts = [t.title, t.answer, t.more, *t.questions]
        for text in texts:
            for rx in DOSE_RES:
                assert not rx.search(text), f"{tid}: dose-like text {rx.search(text).group(0)!r}"


def test_in_your_head_only_negated_in_cbt(kb):
    for tid, t in kb.topics.items():
        for field, text in _bot_text(t):
            for sentence in split_sentences(text):
                if re.search(r"in (?:your|their|the) head", sentence, re.I):
                    assert tid == "cbt", f"{tid}.{field}: {sentence!r}"
                    assert NEGATION_RE.search(sentence), f"cbt: not negated: {sentence!r}"


def test_never_advises_pushing_through(kb):
    bad = re.compile(r"push(?:ing)? (?:through|thru) (?:it|the pain)|no pain,? no gain|keep pushing", re.I)
    for tid, t in kb.topics.items():
        for field, text in _bot_text(t):
            for sentence in split_sentences(text):
                if bad.search(sentence):
                    assert NEGATION_RE.search(sentence), f"{tid}.{field}: {sentence!r}"


def test_no_diagnosing_language(kb):
    bad = re.compile(
        r"\byou (?:probably|likely|definitely|must) have\b|\bsounds like you have\b|"
        r"\byou(?:'ve| have) got (?:fibromyalgia|fibro)\b",
        re.I,
    )
    for tid, t in kb.topics.items():
        for field, text in _bot_text(t):
            assert not bad.search(text), f"{tid}.{field}"


def test_medical_topics_point_to_clinician(kb):
    for tid, t in kb.topics.items():
        if not t.medical:
            continue
        assert CLINICIAN_RE.search(t.answer) or CLINICIAN_RE.search(t.more), tid
        # "ends with a light pointer to their clinician"
        last = split_sentences(t.more)[-1]
        assert CLINICIAN_RE.search(last), f"{tid}: last sentence of 'more' has no pointer: {last!r}"


def test_about_bot_says_not_a_clinician(kb):
    t = kb.get("about_bot")
    assert t is not None and not t.medical
    assert re.search(r"not a doctor", t.answer, re.I)
    assert re.search(r"no substitute", t.answer, re.I)


# --------------------------------------------------------------------------- generated Rasa files


def _load_gen_module():
    spec = importlib.util.spec_from_file_location("gen_faq_rasa", GEN_SCRIPT)
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def test_generated_rasa_files_in_sync():
    gen = _load_gen_module()
    for rel, content in gen.generate().items():
        path = REPO / rel
        assert path.is_file(), f"{rel} missing: run python scripts/gen_faq_rasa.py"
        assert path.read_text(encoding="utf-8") == content, f"{rel} is out of date: run python scripts/gen_faq_rasa.py"


def test_generator_check_mode_exit_code():
    proc = subprocess.run([sys.executable, str(GEN_SCRIPT), "--check"], cwd=REPO, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr


def test_generator_check_detects_drift(tmp_path):
    proc = subprocess.run(
        [sys.executable, str(GEN_SCRIPT), "--check", "--root", str(tmp_path)],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 1
    assert "out of date" in proc.stderr


def test_generated_rasa_content(kb):
    nlu = yaml.safe_load((REPO / "data/nlu/faq.yml").read_text(encoding="utf-8"))
    domain = yaml.safe_load((REPO / "domain/faq.yml").read_text(encoding="utf-8"))
    assert str(nlu["version"]) == "3.1" and str(domain["version"]) == "3.1"
    intents = [block["intent"] for block in nlu["nlu"]]
    assert intents == [f"faq/{tid}" for tid in sorted(kb.topics)]
    for block in nlu["nlu"]:
        tid = block["intent"].split("/", 1)[1]
        examples = [line[2:] for line in block["examples"].splitlines()]
        assert examples == list(kb.topics[tid].questions)
    assert domain["intents"] == ["faq"]
    assert sorted(domain["responses"]) == [f"utter_faq/{tid}" for tid in sorted(kb.topics)]
    for tid, t in kb.topics.items():
        assert domain["responses"][f"utter_faq/{tid}"] == [{"text": t.answer}]


# --------------------------------------------------------------------------- closest()


@pytest.mark.parametrize(
    "text, expected",
    [
        ("why does my rheumatologist refuse to give me oxycodone", "opioids"),
        ("what's this pain volume dial people talk about", "central_sensitisation"),
        ("am i doing damage if my muscles ache after exercise", "hurt_vs_harm"),
        ("overdoing it on good days then paying for it for a week", "boom_and_bust"),
        ("does tai chi work for fibro pain", "tai_chi_yoga"),
        ("would a hydrotherapy pool help me", "water_exercise"),
        ("cant sleep with fibromyalgia pain", "sleep"),
        ("how do i use a tennis ball for trigger points", "trigger_points"),
        ("does my gp think my pain is all in my head because he suggested cbt", "cbt"),
        ("Is excercise during a flare-up a bad idea?", "flare_exercise"),
        ("SENSITIZATION of the nervous system", "central_sensitisation"),
    ],
)
def test_closest_finds_sensible_topics(kb, text, expected):
    ids = [t.id for t in kb.closest(text)]
    assert expected in ids, (text, ids)


def test_closest_empty_for_gibberish_and_chitchat(kb):
    for text in ["", "   ", "asdkjh qwpoeiru zzxxcv", "!!!???", "write me a poem", "tell me a joke"]:
        assert kb.closest(text) == [], text


def test_closest_limits_and_is_deterministic(kb):
    text = "gentle exercise walking swimming yoga tai chi stretching pacing"
    first = [t.id for t in kb.closest(text, n=5)]
    assert len(first) == 5
    assert [t.id for t in kb.closest(text, n=5)] == first
    assert len(kb.closest(text)) == 3
    assert kb.closest(text, n=0) == []


def test_closest_ranks_held_out_phrasings(kb, unseen):
    items = unseen["in_scope"].items()
    hits = sum(1 for text, tid in items if tid in [t.id for t in kb.closest(text)])
    assert hits / len(items) >= 0.85, f"only {hits}/{len(items)} held-out phrasings in top 3"


def test_tokenize_handles_spelling_variants():
    assert tokenize("sensitization") == tokenize("sensitisation")
    assert tokenize("behavior") == tokenize("behaviour")
    assert tokenize("fibro") == tokenize("fibromyalgia")
    assert tokenize("excercises") == tokenize("exercise")
    assert tokenize("the and of is") == []


# --------------------------------------------------------------------------- held-out phrasings


def test_unseen_file_shape(kb, unseen):
    in_scope = unseen["in_scope"]
    oos = unseen["out_of_scope"]
    assert isinstance(in_scope, dict) and isinstance(oos, list)
    per_topic: dict[str, int] = {}
    for text, tid in in_scope.items():
        assert isinstance(text, str) and text.strip()
        assert tid in kb.topics, f"unknown topic {tid!r} for {text!r}"
        per_topic[tid] = per_topic.get(tid, 0) + 1
    thin = {tid: per_topic.get(tid, 0) for tid in kb.topics if per_topic.get(tid, 0) < 3}
    assert not thin, f"fewer than 3 held-out phrasings: {thin}"
    assert len(oos) >= 25
    assert all(isinstance(q, str) and q.strip() for q in oos)
    assert len({_norm(q) for q in oos}) == len(oos)
    assert not {_norm(q) for q in oos} & {_norm(q) for q in in_scope}


def _nlu_examples() -> dict[str, str]:
    """Normalised example -> intent, over every NLU training file (FAQ and the rest)."""
    out: dict[str, str] = {}
    for path in sorted((REPO / "data" / "nlu").glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for block in data.get("nlu") or []:
            if "intent" not in block:
                continue
            for line in str(block.get("examples", "")).splitlines():
                line = line.strip()
                if not line.startswith("- "):
                    continue
                # drop entity annotations: [text](entity) / [text]{"entity": ...}
                text = re.sub(r"\[([^\]]*)\](?:\([^)]*\)|\{[^}]*\})", r"\1", line[2:])
                out.setdefault(_norm(text), block["intent"])
    return out


def test_unseen_phrasings_not_in_training(kb, unseen):
    training = {_norm(q) for t in kb.topics.values() for q in t.questions}
    training |= set(_nlu_examples())
    leaked = [q for q in [*unseen["in_scope"], *unseen["out_of_scope"]] if _norm(q) in training]
    assert not leaked, f"held-out phrasings used in training: {leaked}"


def test_faq_questions_do_not_clash_with_other_intents(kb):
    # The same example under two intents makes `rasa data validate --fail-on-warning` fail.
    others = {k: v for k, v in _nlu_examples().items() if not v.startswith("faq/")}
    clashes = [(tid, q, others[_norm(q)]) for tid, t in kb.topics.items() for q in t.questions if _norm(q) in others]
    assert not clashes, f"FAQ questions also used by other intents: {clashes}"


# --------------------------------------------------------------------------- validation


GOOD_TOPIC = {
    "id": "alpha",
    "title": "Alpha",
    "questions": ["what is alpha"],
    "answer": "First sentence here. Second sentence here.",
    "more": "More text. Even more.",
    "related": [],
    "sources": [],
    "medical": False,
}


def _write(dir_: Path, **overrides) -> None:
    data = {**GOOD_TOPIC, **overrides}
    (dir_ / f"{data['id']}.yml").write_text(yaml.safe_dump(data), encoding="utf-8")


def test_validation_accepts_minimal_topic(tmp_path):
    _write(tmp_path)
    kb = load_knowledge(tmp_path, seeds_dir=tmp_path / "absent")
    assert list(kb.topics) == ["alpha"]


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"related": ["nope"]}, "related topic 'nope' does not exist"),
        ({"answer": "Only one sentence."}, "answer has 1 sentence"),
        ({"answer": "One. Two. Three. Four. Five."}, "answer has 5 sentence"),
        ({"title": "x" * 41}, "title is 41 characters"),
        ({"id": "Bad-Id"}, "not snake_case"),
        ({"medical": "yes"}, "'medical' must be true or false"),
    ],
)
def test_validation_rejects_bad_topics(tmp_path, overrides, message):
    _write(tmp_path, **overrides)
    with pytest.raises(KnowledgeError, match=re.escape(message)):
        load_knowledge(tmp_path, seeds_dir=tmp_path / "absent")


def test_validation_rejects_duplicate_ids(tmp_path):
    _write(tmp_path)
    data = {**GOOD_TOPIC}
    (tmp_path / "beta.yml").write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(KnowledgeError, match="duplicate topic id 'alpha'"):
        load_knowledge(tmp_path, seeds_dir=tmp_path / "absent")


def test_validation_checks_sources_only_when_seeds_present(tmp_path):
    kb_dir = tmp_path / "kb"
    kb_dir.mkdir()
    _write(kb_dir, sources=["999_0000000000000000.txt"])
    assert load_knowledge(kb_dir, seeds_dir=tmp_path / "absent")  # folder absent: skipped
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    with pytest.raises(KnowledgeError, match=re.escape("source '999_0000000000000000.txt' not found")):
        load_knowledge(kb_dir, seeds_dir=seeds)
    (seeds / "999_0000000000000000.txt").write_text("seed", encoding="utf-8")
    other = tmp_path / "kb2"
    other.mkdir()
    _write(other, sources=["999_0000000000000000.txt"])
    assert load_knowledge(other, seeds_dir=seeds)


def test_loader_never_imports_rasa():
    source = (REPO / "bot" / "knowledge.py").read_text(encoding="utf-8")
    assert not re.search(r"^\s*(?:import|from)\s+rasa\b", source, re.M)
