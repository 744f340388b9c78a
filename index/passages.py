"""How near a question's meaning comes to each of a few short passages (a card's lines).

Words alone miss a line that says the same thing otherwise ("wie kan er terecht" against
"de doelgroep zijn gezinnen met ..."); the embedding model hears it. Passage vectors go through
the persistent cache and stay in memory, so a card's lines are embedded once per model, and a
question after the warm-up costs one query embedding (shared with the search) and a dot product.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from actiewijzer.index.dense import QueryVectors, one_torch_thread

if TYPE_CHECKING:
    from actiewijzer.index.embeddings import Embedder

# Far above the lines of any corpus we serve (the sample has ~5 000); past it the memory is
# dropped and refilled from the on-disk cache, rather than growing with every uploaded document.
_MAX_REMEMBERED = 100_000


class PassageCloseness:
    def __init__(self, embedder: Embedder, queries: QueryVectors) -> None:
        self._embedder = embedder
        self._queries = queries
        self._vectors: dict[str, np.ndarray] = {}
        self._lock = threading.Lock()

    def __call__(self, query: str, passages: Sequence[str]) -> list[float]:
        """The cosine similarity of the query to each passage, in order."""
        if not passages:
            return []
        vectors = self._vectors_for(passages, progress=False, one_thread=True)
        return [float(v) for v in vectors @ self._queries(query)]

    def remember(self, passages: Sequence[str], progress: bool = False) -> None:
        """Embed (or read from the cache) every passage now, in large batches."""
        self._vectors_for(passages, progress=progress, one_thread=False)

    def _vectors_for(self, passages: Sequence[str], progress: bool, one_thread: bool) -> np.ndarray:
        with self._lock:
            missing = list(dict.fromkeys(p for p in passages if p not in self._vectors))
        if missing:
            if one_thread:  # inside a request: see dense.one_torch_thread
                with one_torch_thread():
                    fresh = self._embedder.embed_passages(missing)
            else:
                fresh = self._embedder.embed_passages(missing, progress=progress)
            with self._lock:
                if len(self._vectors) + len(missing) > _MAX_REMEMBERED:
                    self._vectors.clear()
                self._vectors.update(zip(missing, fresh, strict=True))
        with self._lock:
            known = [self._vectors.get(p) for p in passages]
        if any(v is None for v in known):  # dropped by a concurrent clear(): embed again
            return self._embedder.embed_passages(list(passages))
        return np.stack([v for v in known if v is not None])
