"""Cards as llama-index TextNodes in a Chroma collection, through llama-index's ChromaVectorStore.

Embedded (chromadb.PersistentClient, one folder per index generation) by default; a Chroma server
(chromadb.HttpClient, one collection per generation) when settings.chroma_url is set.
"""

from __future__ import annotations

import logging
import math
import os
import uuid
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import urlparse

# Chroma reads this at import time; the project never phones home.
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

import chromadb
import numpy as np
from chromadb.config import Settings as ChromaSettings
from llama_index.core.schema import NodeRelationship, RelatedNodeInfo, TextNode
from llama_index.core.vector_stores.types import (
    FilterOperator,
    MetadataFilter,
    MetadataFilters,
    VectorStoreQuery,
)
from llama_index.vector_stores.chroma import ChromaVectorStore

from actiewijzer.index.errors import ChromaUnavailableError
from actiewijzer.index.filters import ResolvedFilter, period_years
from actiewijzer.ingest.models import Card, DocumentInfo

logger = logging.getLogger(__name__)

_CLIENT_SETTINGS = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
_NODE_NAMESPACE = uuid.UUID("5f0c7d0e-9a51-4c8e-9a43-6a0d2f7c1b11")


def node_id(card_key: str) -> str:
    """Stable across runs and machines, so a card keeps its id between generations."""
    return str(uuid.uuid5(_NODE_NAMESPACE, card_key))


def card_metadata(card: Card, info: DocumentInfo) -> dict[str, str | int | bool]:
    """Flat values only: Chroma `where` filters work on scalars."""
    span = period_years(info) or (-1, -1)
    return {
        "key": card.key,
        "doc": card.doc,
        "card_id": card.id,
        "kind": card.kind.value,
        "title": card.title[:300],
        "parent": card.parent or "",
        "year": info.year if info.year is not None else -1,
        "year_from": span[0],
        "year_to": span[1],
        "municipalities": "|" + "|".join(info.municipalities) + "|",
        "status": card.fields.status or "",
        "printed_id": card.printed_id,
    }


def card_node(card: Card, info: DocumentInfo, text: str, vector: np.ndarray) -> TextNode:
    node = TextNode(
        id_=node_id(card.key),
        text=text,
        metadata=card_metadata(card, info),
        embedding=[float(x) for x in vector],
    )
    # The source relationship makes `ref_doc_id` the document, so deleting a document is one
    # ChromaVectorStore.delete(doc) call.
    node.relationships[NodeRelationship.SOURCE] = RelatedNodeInfo(node_id=card.doc)
    return node


def metadata_filters(admitted: ResolvedFilter) -> MetadataFilters | None:
    """The part of a filter Chroma can apply itself; the status substring is checked after."""
    filters: list[MetadataFilter | MetadataFilters] = []
    if admitted.docs is not None:
        filters.append(
            MetadataFilter(key="doc", value=sorted(admitted.docs), operator=FilterOperator.IN)
        )
    if admitted.kind is not None:
        filters.append(MetadataFilter(key="kind", value=admitted.kind.value))
    return MetadataFilters(filters=filters) if filters else None


def make_client(chroma_url: str | None, embedded_path: Path) -> chromadb.ClientAPI:
    if chroma_url:
        parsed = urlparse(chroma_url)
        try:
            return chromadb.HttpClient(
                host=parsed.hostname or "localhost",
                port=parsed.port or (443 if parsed.scheme == "https" else 8000),
                ssl=parsed.scheme == "https",
                settings=_CLIENT_SETTINGS,
            )
        except Exception as error:  # chromadb raises plain ValueError/ConnectionError here
            raise ChromaUnavailableError(chroma_url, str(error)) from error
    embedded_path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(embedded_path), settings=_CLIENT_SETTINGS)


def forget_embedded_client(path: Path) -> None:
    """chromadb caches one system per path; drop it before the folder is deleted."""
    from chromadb.api.shared_system_client import SharedSystemClient

    system = SharedSystemClient._identifier_to_system.pop(str(path), None)
    if system is not None:
        system.stop()


# Chroma builds the HNSW graph of a small collection (100 to 1000 vectors) anew, at random, each
# time it opens one, and the default search breadth (100) then found other cards in each
# process; with a document filter it missed the best card. A breadth above the number of cards
# makes the graph search visit every card: exact, and the same in every run. A plan holds a few
# thousand cards; beyond this many, search is approximate again.
EXACT_EF_SEARCH = 4096


class ChromaCardStore:
    """One generation's vectors. Queries return (card key, cosine similarity)."""

    def __init__(self, client: chromadb.ClientAPI, collection: str, create: bool = False) -> None:
        self._client = client
        self.collection_name = collection
        if create:
            self._collection = client.create_collection(
                collection,
                configuration={"hnsw": {"space": "cosine", "ef_search": EXACT_EF_SEARCH}},
                embedding_function=None,
            )
        else:
            self._collection = client.get_collection(collection, embedding_function=None)
            self._search_exhaustively()
        self.vector_store = ChromaVectorStore(chroma_collection=self._collection)
        self._count: int | None = None

    def _search_exhaustively(self) -> None:
        """Collections built before the search breadth was set get it now (it is mutable)."""
        hnsw = (self._collection.configuration or {}).get("hnsw") or {}
        if (hnsw.get("ef_search") or 0) >= EXACT_EF_SEARCH:
            return
        try:
            self._collection.modify(configuration={"hnsw": {"ef_search": EXACT_EF_SEARCH}})
        except Exception as error:  # a read-only store still answers, approximately
            logger.warning("zoekbreedte van %s niet aangepast: %s", self.collection_name, error)

    def count(self) -> int:
        if self._count is None:
            self._count = self._collection.count()
        return self._count

    def add(self, nodes: Sequence[TextNode]) -> None:
        if nodes:
            self.vector_store.add(list(nodes))
            self._count = None

    def delete_document(self, doc: str) -> None:
        self.vector_store.delete(ref_doc_id=doc)
        self._count = None

    def copy_documents_from(self, other: ChromaCardStore, docs: Sequence[str]) -> int:
        """Carry unchanged documents into a new generation without embedding them again."""
        if not docs:
            return 0
        got = other._collection.get(
            where={"doc": {"$in": list(docs)}},  # type: ignore[dict-item]
            include=["embeddings", "metadatas", "documents"],
        )
        if got["ids"]:
            self._collection.add(
                ids=got["ids"],
                embeddings=got["embeddings"],
                metadatas=got["metadatas"],
                documents=got["documents"],
            )
            self._count = None
        return len(got["ids"])

    def query(
        self, vector: np.ndarray, k: int, admitted: ResolvedFilter
    ) -> list[tuple[str, float]]:
        k = min(k, self.count())
        if k <= 0:
            return []
        query = VectorStoreQuery(
            query_embedding=[float(x) for x in vector],
            similarity_top_k=k,
            filters=metadata_filters(admitted),
        )
        result = self.vector_store.query(query)
        hits: list[tuple[str, float]] = []
        for node, similarity in zip(result.nodes or [], result.similarities or [], strict=False):
            # ChromaVectorStore reports exp(-distance); with cosine space distance = 1 - cos.
            cosine = 1.0 + math.log(similarity) if similarity > 0 else -1.0
            hits.append((str(node.metadata["key"]), cosine))
        return hits

    def drop(self) -> None:
        try:
            self._client.delete_collection(self.collection_name)
        except Exception:  # already gone: nothing to drop
            return
