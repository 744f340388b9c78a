"""The Chroma card store's search settings (exactness itself: test_index_real_corpus.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import chromadb
import pytest

from actiewijzer.index.chroma_store import (
    EXACT_EF_SEARCH,
    ChromaCardStore,
    forget_embedded_client,
    make_client,
)


@pytest.fixture
def client(tmp_path: Path) -> Iterator[chromadb.ClientAPI]:
    path = tmp_path / "chroma"
    yield make_client(None, path)
    forget_embedded_client(path)


def test_new_store_searches_exhaustively(client: chromadb.ClientAPI) -> None:
    ChromaCardStore(client, "nieuw", create=True)
    hnsw = client.get_collection("nieuw").configuration["hnsw"]
    assert hnsw is not None and hnsw["ef_search"] == EXACT_EF_SEARCH


def test_store_made_before_the_setting_gets_exhaustive_search(
    client: chromadb.ClientAPI,
) -> None:
    client.create_collection("oud", configuration={"hnsw": {"space": "cosine"}})
    before = client.get_collection("oud").configuration["hnsw"]
    assert before is not None and before["ef_search"] < EXACT_EF_SEARCH
    ChromaCardStore(client, "oud")
    hnsw = client.get_collection("oud").configuration["hnsw"]
    assert hnsw is not None and hnsw["ef_search"] == EXACT_EF_SEARCH
