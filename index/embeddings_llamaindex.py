"""Adapter: any `Embedder` as a llama-index `BaseEmbedding` (for VectorStoreIndex & co.)."""

from __future__ import annotations

import asyncio

from llama_index.core.embeddings import BaseEmbedding
from pydantic import PrivateAttr

from actiewijzer.index.embeddings import Embedder

# llama-index hands us texts in slices of `embed_batch_size`; a large slice lets the
# backend sort by length across many cards, which is where batching saves its time.
DEFAULT_LLAMA_BATCH = 256


class LlamaIndexEmbedding(BaseEmbedding):
    _embedder: Embedder = PrivateAttr()

    def __init__(self, embedder: Embedder, embed_batch_size: int = DEFAULT_LLAMA_BATCH) -> None:
        super().__init__(model_name=embedder.model_id, embed_batch_size=embed_batch_size)
        self._embedder = embedder

    @classmethod
    def class_name(cls) -> str:
        return "ActiewijzerEmbedding"

    @property
    def embedder(self) -> Embedder:
        return self._embedder

    def _get_query_embedding(self, query: str) -> list[float]:
        return self._embedder.embed_query(query).tolist()

    async def _aget_query_embedding(self, query: str) -> list[float]:
        # Embedding is CPU-bound; a worker thread keeps the event loop responsive.
        return await asyncio.to_thread(self._get_query_embedding, query)

    def _get_text_embedding(self, text: str) -> list[float]:
        return self._get_text_embeddings([text])[0]

    async def _aget_text_embedding(self, text: str) -> list[float]:
        return await asyncio.to_thread(self._get_text_embedding, text)

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        return self._embedder.embed_passages(texts).tolist()

    async def _aget_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        return await asyncio.to_thread(self._get_text_embeddings, texts)
