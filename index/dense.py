"""Dense retrieval: the question's embedding against the cards' embeddings in Chroma."""

from __future__ import annotations

import sys
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import TYPE_CHECKING

import numpy as np

from actiewijzer.index.chroma_store import ChromaCardStore
from actiewijzer.index.filters import ResolvedFilter
from actiewijzer.index.models import Ranked, SearchFilters
from actiewijzer.ingest.models import Card

if TYPE_CHECKING:
    from actiewijzer.index.embeddings import Embedder

FilterResolver = Callable[[SearchFilters | None], ResolvedFilter]


@contextmanager
def one_torch_thread() -> Iterator[None]:
    """Embed a single short query on one thread.

    Measured on the 2-core target: with both cores busy (an ingest, a second request) torch's
    OpenMP workers spin against each other and a 10 ms query takes ~1 s at p95; one thread
    keeps it at 10-20 ms. Only touches torch when the embedder already imported it."""
    torch = sys.modules.get("torch")
    if torch is None:
        yield
        return
    before = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        yield
    finally:
        torch.set_num_threads(before)


class QueryVectors:
    """Embedding a question costs more than the whole rest of a search; assistants often ask
    the same question twice (retrieve, then re-rank or cite), so the last few are remembered."""

    def __init__(self, embedder: Embedder, size: int = 256) -> None:
        self._embedder = embedder
        self._size = size
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    def __call__(self, query: str) -> np.ndarray:
        with self._lock:
            cached = self._cache.get(query)
            if cached is not None:
                self._cache.move_to_end(query)
                return cached
        with one_torch_thread():
            vector = np.asarray(self._embedder.embed_query(query), dtype=np.float32)
        with self._lock:
            self._cache[query] = vector
            if len(self._cache) > self._size:
                self._cache.popitem(last=False)
        return vector


class DenseRetriever:
    def __init__(
        self,
        store: ChromaCardStore,
        vectors: QueryVectors,
        cards: Mapping[str, Card],
        resolve: FilterResolver,
    ) -> None:
        self._store = store
        self._vectors = vectors
        self._cards = cards
        self._resolve = resolve

    def retrieve(self, query: str, k: int, filters: SearchFilters | None = None) -> list[Ranked]:
        return self.search(query, k, self._resolve(filters))

    def closeness(self, query: str) -> float | None:
        """The cosine similarity of the query to the nearest card of all; None when empty."""
        hits = self._store.query(self._vectors(query), 1, self._resolve(None))
        return hits[0][1] if hits else None

    def search(self, query: str, k: int | None, admitted: ResolvedFilter) -> list[Ranked]:
        limit = len(self._cards) if k is None or admitted.needs_card_check else k
        hits = self._store.query(self._vectors(query), limit, admitted)
        ranked = [
            Ranked(key=key, score=score)
            for key, score in hits
            if key in self._cards and admitted.admits(self._cards[key])
        ]
        return ranked if k is None else ranked[:k]
