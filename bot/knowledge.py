"""FAQ knowledge base for pacing-coach.

One YAML file per topic lives in ``knowledge/faq/<topic_id>.yml``. This module
loads and validates them and offers a small, deterministic keyword-overlap
ranking (:meth:`KnowledgeBase.closest`) used to suggest topics when the bot
does not know the answer.

Pure Python + PyYAML; it must never import rasa.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_KB_DIR = REPO_ROOT / "knowledge" / "faq"
DEFAULT_SEEDS_DIR = REPO_ROOT.parent / "shared" / "seeds"

MAX_TITLE_LEN = 40
MIN_ANSWER_SENTENCES = 2
MAX_ANSWER_SENTENCES = 4
MAX_RELATED = 3
_ID_RE = re.compile(r"^[a-z][a-z0-9_]*$")
_REQUIRED = ("id", "title", "questions", "answer", "more", "related", "sources", "medical")

__all__ = [
    "KnowledgeBase",
    "KnowledgeError",
    "Topic",
    "load_knowledge",
    "split_sentences",
    "tokenize",
]


class KnowledgeError(ValueError):
    """Raised when the knowledge base files are missing or invalid."""


@dataclass(frozen=True)
class Topic:
    id: str
    title: str
    questions: tuple[str, ...]
    answer: str
    more: str
    related: tuple[str, ...]
    sources: tuple[str, ...]
    medical: bool


# --------------------------------------------------------------------------- text helpers

# Split after . ! ? (optionally followed by a closing quote/bracket) when the next
# sentence starts with a capital letter, digit or opening quote. The FAQ text avoids
# abbreviations such as "e.g." so this stays simple and predictable.
_SENTENCE_SPLIT_RE = re.compile(r"(?<=[.!?])[\"'\u2019\u201d)]*\s+(?=[A-Z0-9\"'\u2018\u201c(])")


def split_sentences(text: str) -> list[str]:
    """Split plain prose into sentences (good enough for the FAQ's own text)."""
    text = " ".join(text.split())
    if not text:
        return []
    return [s.strip() for s in _SENTENCE_SPLIT_RE.split(text) if s.strip()]


STOP_WORDS = frozenset(
    """
    a about above actually after again against all almost also am an and any anyone anything
    are aren arent as at be because been before being below best between both but by
    can cant could couldnt did didnt do does doesnt doing dont down during each even ever
    every few for from further get gets getting go goes going good got had hadnt has hasnt
    have havent having he her here hers herself him himself his how i id if ill im in into
    is isnt it its itself ive just kind know like lot lots make makes me might more most
    much must my myself need needs no nor not now of off ok okay on once one only or other
    our ours ourselves out over own please really right same say says she should shouldnt
    so some something still such sure tell than thank thanks that thats the their theirs
    them themselves then there theres these they theyre thing things think this those
    through to too under until up us use very want was wasnt way we well were werent what
    whats when where which while who whom whos why will with without wont worth would
    wouldnt yes yet you youd youll your youre yours yourself yourselves youve
    anybody someone somebody u ur pls plz hi hello hey
    """.split()
)

# Spelling variants, common typos and a few synonyms, mapped before stemming.
_CANONICAL = {
    "fibro": "fibromyalgia",
    "fibromyalga": "fibromyalgia",
    "fibromialgia": "fibromyalgia",
    "fm": "fibromyalgia",
    "opiate": "opioid",
    "opiates": "opioid",
    "opiod": "opioid",
    "opiods": "opioid",
    "opioids": "opioid",
    "narcotic": "opioid",
    "narcotics": "opioid",
    "excercise": "exercise",
    "excercises": "exercise",
    "excercising": "exercise",
    "exersize": "exercise",
    "exercize": "exercise",
    "workout": "exercise",
    "workouts": "exercise",
    "physio": "physiotherapy",
    "physios": "physiotherapy",
    "physiotherapist": "physiotherapy",
    "physiotherapists": "physiotherapy",
    "pt": "physiotherapy",
    "meds": "medication",
    "medicine": "medication",
    "medicines": "medication",
    "medications": "medication",
    "tablets": "medication",
    "tablet": "medication",
    "pills": "medication",
    "pill": "medication",
    "behavior": "behaviour",
    "behavioral": "behavioural",
    "program": "programme",
    "programs": "programme",
    "mindfullness": "mindfulness",
    "acupunture": "acupuncture",
    "accupuncture": "acupuncture",
    "tiredness": "tired",
    "exhausted": "tired",
    "fatigue": "tired",
    "insomnia": "sleep",
    "flareup": "flare",
    "flareups": "flare",
    "hydrotherapy": "aqua",
    "aquafit": "aqua",
    "swimming": "swim",
    "pool": "aqua",
    "taichi": "tai",
    "sensitization": "sensitisation",
    "sensitized": "sensitised",
    "centralized": "centralised",
}

_SUFFIXES = (
    "isations",
    "isation",
    "ising",
    "ised",
    "ises",
    "ise",
    "ivity",
    "ity",
    "ive",
    "ations",
    "ation",
    "ments",
    "ment",
    "ness",
    "ings",
    "ing",
    "ies",
    "ied",
    "ed",
    "es",
    "ly",
    "s",
)


def _stem(word: str) -> str:
    """A deliberately tiny stemmer: strips common suffixes, at most twice."""
    for _ in range(2):
        before = word
        for suf in _SUFFIXES:
            if word.endswith(suf) and len(word) - len(suf) >= 3:
                if suf == "s" and word.endswith(("ss", "us", "is")):
                    continue
                word = word[: -len(suf)] + ("y" if suf in ("ies", "ied") else "")
                break
        if word == before:
            break
    if len(word) > 4 and word.endswith("e"):
        word = word[:-1]
    return word


def _normalise_word(word: str) -> str:
    word = _CANONICAL.get(word, word)
    # UK/US: -ize/-ization -> -ise/-isation
    word = re.sub(r"iz(e|es|ed|ing|ation|ations)$", r"is\1", word)
    word = _CANONICAL.get(word, word)
    return word


def tokenize(text: str) -> list[str]:
    """Lower-case, strip accents and apostrophes, drop stop-words, stem lightly."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = re.sub(r"['\u2019\u2018`]", "", text)
    out: list[str] = []
    for raw in re.findall(r"[a-z0-9]+", text):
        if raw in STOP_WORDS or len(raw) < 2 or raw.isdigit():
            continue
        word = _normalise_word(raw)
        if word in STOP_WORDS:
            continue
        out.append(_stem(word))
    return out


# --------------------------------------------------------------------------- knowledge base

# Field weights for closest(): a query word found in a topic's title or training
# questions is a much stronger signal than one found only in the longer prose.
_FIELD_WEIGHTS = (("title", 3.0), ("questions", 2.0), ("answer", 1.0), ("more", 0.5))
# Words used in the title/questions of more than this share of topics ("pain",
# "fibromyalgia", ...) say nothing about which topic is meant, so closest() ignores them.
_MAX_DF_SHARE = 0.5
_PREFIX_LEN = 5


@dataclass
class KnowledgeBase:
    topics: dict[str, Topic]
    _weights: dict[str, dict[str, float]] = field(default_factory=dict, repr=False)
    _idf: dict[str, float] = field(default_factory=dict, repr=False)
    _by_prefix: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._build_index()

    # -- lookups --------------------------------------------------------------------------
    def get(self, topic_id: str) -> Topic | None:
        return self.topics.get(topic_id)

    def related(self, topic_id: str) -> list[Topic]:
        topic = self.topics.get(topic_id)
        if topic is None:
            return []
        return [self.topics[r] for r in topic.related if r in self.topics][:MAX_RELATED]

    def __len__(self) -> int:
        return len(self.topics)

    def __iter__(self) -> Iterator[Topic]:
        return iter(self.topics.values())

    def __contains__(self, topic_id: object) -> bool:
        return topic_id in self.topics

    # -- ranking --------------------------------------------------------------------------
    def _build_index(self) -> None:
        weights: dict[str, dict[str, float]] = {}
        df: Counter[str] = Counter()  # topics mentioning the word anywhere
        df_asked: Counter[str] = Counter()  # topics whose title/questions use the word
        for tid, topic in self.topics.items():
            w: dict[str, float] = {}
            for fname, fweight in _FIELD_WEIGHTS:
                value = getattr(topic, fname)
                text = " ".join(value) if isinstance(value, tuple) else value
                for tok in set(tokenize(text)):
                    if fweight > w.get(tok, 0.0):
                        w[tok] = fweight
            weights[tid] = w
            df.update(w.keys())
            df_asked.update(tok for tok, fw in w.items() if fw >= 2.0)
        n = max(len(self.topics), 1)
        idf = {tok: math.log(1.0 + n / count) for tok, count in df.items() if df_asked[tok] <= _MAX_DF_SHARE * n}
        by_prefix: dict[str, list[str]] = {}
        for tok in sorted(idf):
            if len(tok) >= _PREFIX_LEN:
                by_prefix.setdefault(tok[:_PREFIX_LEN], []).append(tok)
        self._weights = weights
        self._idf = idf
        self._by_prefix = {k: tuple(v) for k, v in by_prefix.items()}

    def _expand(self, tok: str) -> list[tuple[str, float]]:
        """Vocabulary words a query token matches: exact (1.0) or same 5-letter start (0.5)."""
        if tok in self._idf:
            return [(tok, 1.0)]
        if len(tok) >= _PREFIX_LEN:
            return [(v, 0.5) for v in self._by_prefix.get(tok[:_PREFIX_LEN], ())]
        return []

    def scores(self, text: str) -> dict[str, float]:
        """Overlap score per topic id (only topics with a score above zero)."""
        result: dict[str, float] = {}
        for qtok in dict.fromkeys(tokenize(text)):  # unique, order kept
            for vtok, match_weight in self._expand(qtok):
                idf = self._idf[vtok]
                for tid, w in self._weights.items():
                    fw = w.get(vtok)
                    if fw:
                        result[tid] = result.get(tid, 0.0) + idf * fw * match_weight
        return {tid: round(s, 9) for tid, s in result.items() if s > 0}

    def closest(self, text: str, n: int = 3) -> list[Topic]:
        """Topics sharing the most (weighted) words with ``text``; [] when nothing overlaps."""
        if n <= 0:
            return []
        ranked = sorted(self.scores(text).items(), key=lambda kv: (-kv[1], kv[0]))
        return [self.topics[tid] for tid, _ in ranked[:n]]


# --------------------------------------------------------------------------- loading


def _as_str_tuple(value: object, fname: str, where: str, problems: list[str]) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        problems.append(f"{where}: '{fname}' must be a list of strings")
        return ()
    return tuple(" ".join(v.split()) for v in value)


def _parse_topic(path: Path, data: object, problems: list[str]) -> Topic | None:
    where = path.name
    if not isinstance(data, dict):
        problems.append(f"{where}: expected a mapping at the top level")
        return None
    missing = [k for k in _REQUIRED if k not in data]
    if missing:
        problems.append(f"{where}: missing field(s) {', '.join(missing)}")
        return None
    unknown = sorted(set(data) - set(_REQUIRED))
    if unknown:
        problems.append(f"{where}: unknown field(s) {', '.join(unknown)}")

    tid = data["id"]
    if not isinstance(tid, str) or not _ID_RE.match(tid):
        problems.append(f"{where}: id {tid!r} is not snake_case")
        return None
    if path.stem != tid:
        problems.append(f"{where}: id '{tid}' does not match the file name")

    strings = {}
    for key in ("title", "answer", "more"):
        value = data[key]
        if not isinstance(value, str) or not value.strip():
            problems.append(f"{where}: '{key}' must be a non-empty string")
            value = ""
        strings[key] = " ".join(value.split()) if key == "title" else value.strip()

    title = strings["title"]
    if len(title) > MAX_TITLE_LEN:
        problems.append(f"{where}: title is {len(title)} characters (max {MAX_TITLE_LEN})")

    n_sent = len(split_sentences(strings["answer"]))
    if not MIN_ANSWER_SENTENCES <= n_sent <= MAX_ANSWER_SENTENCES:
        problems.append(
            f"{where}: answer has {n_sent} sentence(s), expected {MIN_ANSWER_SENTENCES}-{MAX_ANSWER_SENTENCES}"
        )

    questions = _as_str_tuple(data["questions"], "questions", where, problems)
    if not questions:
        problems.append(f"{where}: needs at least one question")
    related = _as_str_tuple(data["related"], "related", where, problems)
    if len(related) > MAX_RELATED:
        problems.append(f"{where}: at most {MAX_RELATED} related topics")
    if tid in related:
        problems.append(f"{where}: a topic cannot be related to itself")
    sources = _as_str_tuple(data["sources"], "sources", where, problems)
    medical = data["medical"]
    if not isinstance(medical, bool):
        problems.append(f"{where}: 'medical' must be true or false")
        medical = bool(medical)

    return Topic(
        id=tid,
        title=title,
        questions=questions,
        answer=strings["answer"],
        more=strings["more"],
        related=related,
        sources=sources,
        medical=medical,
    )


def _load(kb_dir: Path, seeds_dir: Path | None) -> KnowledgeBase:
    if not kb_dir.is_dir():
        raise KnowledgeError(f"knowledge directory not found: {kb_dir}")
    files = sorted(p for p in kb_dir.iterdir() if p.suffix in (".yml", ".yaml"))
    if not files:
        raise KnowledgeError(f"no topic files in {kb_dir}")

    problems: list[str] = []
    topics: dict[str, Topic] = {}
    for path in files:
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError as exc:
            problems.append(f"{path.name}: invalid YAML: {exc}")
            continue
        topic = _parse_topic(path, data, problems)
        if topic is None:
            continue
        if topic.id in topics:
            problems.append(f"{path.name}: duplicate topic id '{topic.id}'")
            continue
        topics[topic.id] = topic

    for topic in topics.values():
        for rid in topic.related:
            if rid not in topics:
                problems.append(f"{topic.id}: related topic '{rid}' does not exist")

    if seeds_dir is not None and seeds_dir.is_dir():
        for topic in topics.values():
            for src in topic.sources:
                if not (seeds_dir / src).is_file():
                    problems.append(f"{topic.id}: source '{src}' not found in {seeds_dir}")

    if problems:
        raise KnowledgeError("invalid knowledge base:\n  " + "\n  ".join(problems))
    return KnowledgeBase(topics=dict(sorted(topics.items())))


@lru_cache(maxsize=8)
def _load_cached(kb_dir: str, seeds_dir: str | None) -> KnowledgeBase:
    return _load(Path(kb_dir), Path(seeds_dir) if seeds_dir else None)


def load_knowledge(path: str | Path | None = None, *, seeds_dir: str | Path | None = None) -> KnowledgeBase:
    """Load and validate the FAQ knowledge base (cached per directory).

    ``path`` defaults to ``<repo>/knowledge/faq``. Topic ``sources`` are checked
    against ``seeds_dir`` (default ``<repo>/../shared/seeds``) only when that folder
    exists. Raises :class:`KnowledgeError` listing every problem found.
    """
    kb_dir = Path(path) if path is not None else DEFAULT_KB_DIR
    seeds = Path(seeds_dir) if seeds_dir is not None else DEFAULT_SEEDS_DIR
    return _load_cached(str(kb_dir.resolve()), str(seeds.resolve()))
