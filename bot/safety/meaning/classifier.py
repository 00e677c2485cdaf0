"""The learned layer's classifier: three readers of the exemplar bank, averaged.

    Classifier.train(embedder, exemplars) -> Classifier
    classifier.probabilities(texts) -> array (len(texts), len(CATEGORIES))

Each reader is a logistic regression over one view of a message:
- its sentence embedding (meaning: "I won't be around for Christmas" near "I won't be here much longer");
- its character 2-5-grams (spelling: "sucidal", "kms", "unalive", emoji);
- its words and word pairs ("six foot under", "sell a kidney").
They err in different places, so their average raises fewer false alarms on figures of speech than any one of them
at the same recall (measured on the dev sets in eval/safety/blind and blind_v2: scripts/tune_safety_layer.py).

The bank's embeddings are cached in var/cache/, keyed by the model and the bank's texts, so a restart with the same
bank does not embed it again.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from bot.safety.meaning.bank import CATEGORIES, Exemplar
from bot.safety.meaning.embedder import MODEL_ID, Embedder
from ops.paths import VAR

log = logging.getLogger("pacing.safety.meaning")

CACHE_DIR = VAR / "cache"
REGULARISATION_C = 8.0  # chosen by leave-one-author-out cross-validation (scripts/tune_safety_layer.py)


def embed_cached(embedder: Embedder, texts: list[str], cache_dir: Path = CACHE_DIR) -> np.ndarray:
    key = hashlib.sha256("\n".join([MODEL_ID, *texts]).encode("utf-8")).hexdigest()[:24]
    path = cache_dir / f"bank-embeddings-{key}.npy"
    if path.is_file():
        try:
            cached = np.load(path)
            if cached.shape == (len(texts), 384):
                return cached
        except (OSError, ValueError):
            log.warning("embedding cache unreadable; embedding the bank again")
    vectors = embedder.embed(texts)
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp.npy")
        np.save(tmp, vectors)
        tmp.replace(path)
    except OSError:
        log.warning("could not write the embedding cache")
    return vectors


def _characters() -> TfidfVectorizer:
    return TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=2, sublinear_tf=True, lowercase=True)


def _words() -> TfidfVectorizer:
    # words and single symbols (emoji, "!"), alone and in pairs
    return TfidfVectorizer(
        analyzer="word", ngram_range=(1, 2), sublinear_tf=True, lowercase=True, token_pattern=r"(?u)\b\w+\b|[^\w\s]"
    )


def _regression(c: float) -> LogisticRegression:
    return LogisticRegression(C=c, class_weight="balanced", max_iter=3000)


def _in_category_order(model: LogisticRegression, raw: np.ndarray) -> np.ndarray:
    order = list(model.classes_)
    out = np.zeros((len(raw), len(CATEGORIES)), dtype=np.float64)
    for j, category in enumerate(CATEGORIES):
        if category in order:
            out[:, j] = raw[:, order.index(category)]
    return out


@dataclass(frozen=True)
class _TextReader:
    vectoriser: TfidfVectorizer
    model: LogisticRegression

    def probabilities(self, texts: list[str]) -> np.ndarray:
        return _in_category_order(self.model, self.model.predict_proba(self.vectoriser.transform(texts)))


class Classifier:
    def __init__(self, embedder: Embedder, meaning: LogisticRegression, readers: tuple[_TextReader, ...]):
        self.embedder = embedder
        self.meaning = meaning
        self.readers = readers

    @classmethod
    def train(
        cls,
        embedder: Embedder,
        exemplars: list[Exemplar],
        c: float = REGULARISATION_C,
        vectors: np.ndarray | None = None,
    ) -> Classifier:
        """vectors: the exemplars' embeddings when the caller has them already (cross-validation)."""
        texts = [e.text for e in exemplars]
        labels = [e.category for e in exemplars]
        if vectors is None:
            vectors = embed_cached(embedder, texts)
        meaning = _regression(c).fit(vectors, labels)
        readers = []
        for vectoriser in (_characters(), _words()):
            features = vectoriser.fit_transform(texts)
            readers.append(_TextReader(vectoriser, _regression(c).fit(features, labels)))
        return cls(embedder, meaning, tuple(readers))

    def probabilities(self, texts: list[str], vectors: np.ndarray | None = None) -> np.ndarray:
        """One row per text, one column per category (CATEGORIES' order); vectors: the texts' embeddings if known."""
        if vectors is None:
            vectors = self.embedder.embed(texts)
        views = [_in_category_order(self.meaning, self.meaning.predict_proba(vectors))]
        views += [reader.probabilities(texts) for reader in self.readers]
        return np.mean(views, axis=0)
