"""A logistic-regression classifier over sentence embeddings of the exemplar bank.

    Classifier.train(embedder, exemplars) -> Classifier
    classifier.probabilities(texts) -> array (len(texts), len(CATEGORIES))

The bank's embeddings are cached in var/cache/, keyed by the model and the bank's texts, so a restart with the same
bank does not embed it again.
"""
from __future__ import annotations

import hashlib
import logging
from pathlib import Path

import numpy as np
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


class Classifier:
    def __init__(self, embedder: Embedder, model: LogisticRegression):
        self.embedder = embedder
        self.model = model
        order = list(model.classes_)
        self._columns = [order.index(c) if c in order else None for c in CATEGORIES]

    @classmethod
    def train(cls, embedder: Embedder, exemplars: list[Exemplar], c: float = REGULARISATION_C,
              vectors: np.ndarray | None = None) -> Classifier:
        if vectors is None:
            vectors = embed_cached(embedder, [e.text for e in exemplars])
        labels = [e.category for e in exemplars]
        model = LogisticRegression(C=c, class_weight="balanced", max_iter=3000)
        model.fit(vectors, labels)
        return cls(embedder, model)

    def probabilities_of_vectors(self, vectors: np.ndarray) -> np.ndarray:
        raw = self.model.predict_proba(vectors)
        out = np.zeros((len(vectors), len(CATEGORIES)), dtype=np.float64)
        for j, column in enumerate(self._columns):
            if column is not None:
                out[:, j] = raw[:, column]
        return out

    def probabilities(self, texts: list[str]) -> np.ndarray:
        return self.probabilities_of_vectors(self.embedder.embed(texts))
