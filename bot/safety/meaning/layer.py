"""The learned layer as the screen uses it: a message -> how likely it is a crisis, an emergency or a sensation.

A message is read whole and clause by clause (a check-in can carry one worrying clause among ordinary ones); each
group's score is its highest over those readings. The model runs once per message: a clause's vector is pooled from
the message's own pass over its tokens (on the dev sets the same figures as embedding each clause alone, within one
item, at half the time; PACING_SPAN_POOLING=0 embeds each clause alone, for comparison).
Thresholds were chosen on dev data for sensitivity first
(scripts/tune_safety_layer.py); they are deliberately low: a false alarm costs a kind message, a miss far more.
"""

from __future__ import annotations

import logging
import os
import re
import threading
from dataclasses import dataclass

import numpy as np

from bot.safety.meaning.bank import CATEGORIES, CRISIS, SENSATION, Exemplar, training_set
from bot.safety.meaning.checkin_numbers import without_checkin_numbers
from bot.safety.meaning.classifier import Classifier
from bot.safety.meaning.embedder import Embedder

log = logging.getLogger("pacing.safety.meaning")

# (whole message, any single clause): a clause read alone loses its context ("kill me" in "kill me if I book zumba
# again"), so it must be much surer before it escalates on its own.
# The rule for choosing them on the dev sets (scripts/tune_safety_layer.py): the lowest whole-message threshold whose
# false alarms stay within target (figures of speech <= 8 %, low mood <= 15 %, ordinary messages <= 5 %); sensitivity
# first. Dev sets: eval/safety/blind, blind_v2, v3, v5, v7 (3,547 messages).
CRISIS_THRESHOLDS = (0.35, 0.80)
EMERGENCY_THRESHOLDS = (0.35, 0.80)
SENSATION_THRESHOLDS = (0.45, 0.80)
MAX_SEGMENTS = 8
SPAN_POOLING = os.environ.get("PACING_SPAN_POOLING", "1") != "0"
_LEVELS = {"emergency": "stop", "stop": "stop", "assess": "assess", "normal_sensation": "normal"}

_SENTENCE_BREAK = re.compile(r"(?<=[.!?;:\n])\s+|\s*\n\s*|\s+(?:-|–|—)\s+")
_CLAUSE_BREAK = re.compile(
    r",\s*|\s+(?:but|tho|though|although|and then|anyway|also|plus|btw|ngl|tbh|honestly|lol)\s+", re.IGNORECASE
)

_CRISIS_COLUMNS = [CATEGORIES.index(c) for c in CRISIS]
_SENSATION_COLUMNS = [CATEGORIES.index(c) for c in SENSATION]
_EMERGENCY_COLUMN = CATEGORIES.index("emergency")


@dataclass(frozen=True)
class Score:
    whole: float  # the message read as a whole
    clause: float  # its most worrying clause read alone (0 when it has one clause)

    def over(self, thresholds: tuple[float, float]) -> bool:
        return self.whole >= thresholds[0] or self.clause >= thresholds[1]


@dataclass(frozen=True)
class Meaning:
    crisis: Score
    emergency: Score
    sensation: Score
    level: str | None  # the most likely triage level when the message reads as a sensation: normal | assess | stop
    top: str  # the most likely category of the whole message

    @property
    def is_crisis(self) -> bool:
        return self.crisis.over(CRISIS_THRESHOLDS)

    @property
    def is_emergency(self) -> bool:
        return self.emergency.over(EMERGENCY_THRESHOLDS)

    @property
    def is_sensation(self) -> bool:
        return self.sensation.over(SENSATION_THRESHOLDS)


def segments(text: str) -> list[str]:
    """The message itself, then its sentences and clauses of three words or more, at most MAX_SEGMENTS."""
    text = " ".join(text.split())
    out = [text]
    for sentence in _SENTENCE_BREAK.split(text):
        parts = [sentence, *_CLAUSE_BREAK.split(sentence)]
        for part in parts:
            part = part.strip(" ,.;")
            if len(part.split()) >= 3 and part not in out:
                out.append(part)
    return out[:MAX_SEGMENTS]


def _score(values: np.ndarray) -> Score:
    return Score(float(values[0]), float(values[1:].max()) if len(values) > 1 else 0.0)


def meaning_of(probabilities: np.ndarray) -> Meaning:
    """Scores of one message from the probabilities of its segments (row 0 is the whole message)."""
    crisis = probabilities[:, _CRISIS_COLUMNS].sum(axis=1)
    sensation = probabilities[:, _SENSATION_COLUMNS].sum(axis=1)
    strongest = int(np.argmax(sensation))
    level_row = probabilities[strongest, _SENSATION_COLUMNS]
    level = _LEVELS[SENSATION[int(np.argmax(level_row))]]
    return Meaning(
        crisis=_score(crisis),
        emergency=_score(probabilities[:, _EMERGENCY_COLUMN]),
        sensation=_score(sensation),
        level=level,
        top=CATEGORIES[int(np.argmax(probabilities[0]))],
    )


class LearnedLayer:
    def __init__(self, classifier: Classifier):
        self.classifier = classifier

    @classmethod
    def build(cls) -> LearnedLayer:
        return cls(Classifier.train(Embedder(), reading_set()))

    def read(self, text: str) -> Meaning:
        words = for_reading(text)
        if len(words.split()) < 2:
            return NOTHING_TO_READ  # numbers only ("pain 5 sleep 6"): nothing the words could add to the rules
        parts = segments(words)
        if not SPAN_POOLING:
            return meaning_of(self.classifier.probabilities(parts))
        vectors = self.classifier.embedder.embed_with_parts(parts[0], parts[1:])
        return meaning_of(self.classifier.probabilities(parts, vectors=vectors))


NOTHING_TO_READ = Meaning(Score(0.0, 0.0), Score(0.0, 0.0), Score(0.0, 0.0), None, "ordinary")


def for_reading(text: str) -> str:
    """What the layer reads of a message: each sentence once, without its check-in numbers."""
    return without_checkin_numbers(without_repeats(text))


def reading_set() -> list[Exemplar]:
    """The exemplar bank as the layer reads it (check-in numbers out), so training and reading see the same words."""
    out = []
    for e in training_set():
        words = for_reading(e.text)
        if len(words.split()) >= 2:
            out.append(Exemplar(words, e.category, e.source))
    return out


def without_repeats(text: str) -> str:
    """A sentence said again and again adds no meaning, and would push the rest out of the model's window."""
    sentences = [s.strip() for s in re.split(r"(?<=[.!?\n])\s+", text) if s.strip()]
    return " ".join(dict.fromkeys(sentences))


_layer: LearnedLayer | None = None
_ready = threading.Event()
_started = False
_lock = threading.Lock()


def _load() -> None:
    global _layer
    try:
        _layer = LearnedLayer.build()
    except Exception as exc:  # any failure leaves the rules screening alone, never a broken screen
        log.error("the learned safety layer is off: %s", exc)
    finally:
        _ready.set()


def start_loading() -> None:
    """Builds the process's layer in the background (once). Until it is ready the rules screen alone."""
    global _started
    with _lock:
        if not _started:
            _started = True
            threading.Thread(target=_load, name="safety-layer-loader", daemon=True).start()


def learned_layer(wait: bool = False) -> LearnedLayer | None:
    """The process's layer; None while it loads (unless wait) or when the model cannot load."""
    start_loading()
    if wait:
        _ready.wait()
    return _layer


def layer_state() -> str:
    """ "ready", "loading" or "off" (the model could not load: the rules screen alone)."""
    if _layer is not None:
        return "ready"
    return "off" if _ready.is_set() else "loading"
