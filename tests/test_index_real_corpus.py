"""The real embedder on the real corpus, against embedded Chroma and against a Chroma server.

Both backends run the same retrieval tests. The server is started here with `chroma run` on
loopback and stopped at teardown. Passage vectors are cached across the two ingests, so the
corpus is embedded once.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import numpy as np
import pytest

from actiewijzer.index.card_index import CardIndex
from actiewijzer.index.filters import ResolvedFilter
from actiewijzer.index.models import MatchSource, SearchFilters
from actiewijzer.ingest.models import CardKind
from actiewijzer.settings import Settings

pytestmark = pytest.mark.slow

L24 = "000_1d3db954757a17d2.txt"
L20 = "001_79d99e376702927a.txt"
VAPA = "004_0bee7784f433cdc9.txt"
ESF = "003_d1b4bea54399587e.txt"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _chroma_executable() -> str:
    beside_python = Path(sys.executable).parent / "chroma"
    found = str(beside_python) if beside_python.exists() else shutil.which("chroma")
    if not found:
        pytest.skip("de `chroma` CLI is niet geïnstalleerd")
    return found


@pytest.fixture(scope="module")
def chroma_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = _free_port()
    folder = tmp_path_factory.mktemp("chroma-server")
    env = {**os.environ, "ANONYMIZED_TELEMETRY": "False"}
    process = subprocess.Popen(
        [
            _chroma_executable(),
            "run",
            "--path",
            str(folder),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                pytest.fail(f"chroma run stopte meteen (code {process.returncode})")
            try:
                if httpx.get(f"{url}/api/v2/heartbeat", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                pytest.fail("Chroma-server antwoordde niet binnen 60 s")
            time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="module")
def embedder(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from actiewijzer.index.embeddings import CachedEmbedder, make_embedder

    return CachedEmbedder(make_embedder(Settings()), tmp_path_factory.mktemp("embcache"))


@pytest.fixture(scope="module", params=["embedded", "server"])
def index(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, embedder
) -> CardIndex:  # type: ignore[no-untyped-def]
    url = request.getfixturevalue("chroma_server") if request.param == "server" else None
    settings = Settings(data_dir=tmp_path_factory.mktemp(f"data-{request.param}"), chroma_url=url)
    card_index = CardIndex.open(settings, embedder)
    reports = card_index.ensure_corpus(progress=False)
    assert reports and not [r for r in reports if r.error], reports
    return card_index


def top_ids(index: CardIndex, query: str, k: int = 5, **filters: object) -> list[str]:
    hits = index.search(query, k=k, filters=SearchFilters(**filters) if filters else None)
    return [h.card.key for h in hits]


def test_corpus_is_indexed(index: CardIndex) -> None:
    assert {d.doc for d in index.documents()} >= {L24, L20, VAPA, ESF}
    assert len(index.cards()) > 250


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Wat is de status van 01/11/SAP/02/04 in 2024?", f"{L24}::01/11/SAP/02/04"),
        ("Wat houdt actie 7.4.1 in?", f"{VAPA}::07_04_01"),
        ("07-04-01", f"{VAPA}::07_04_01"),
        ("Regio-uitdaging 3", f"{ESF}::Regio-uitdaging 3"),
    ],
)
def test_action_number_is_rank_one(index: CardIndex, question: str, expected: str) -> None:
    hits = index.search(question, k=5)
    assert hits[0].card.key == expected
    assert MatchSource.EXACT_ID in hits[0].sources


def test_year_picks_the_right_lier_report(index: CardIndex) -> None:
    assert top_ids(index, "01/11/SAP/01/01", year=2020)[0] == f"{L20}::01/11/SAP/01/01"
    assert top_ids(index, "01/11/SAP/01/01", year=2024)[0] == f"{L24}::01/11/SAP/01/01"


def test_typo_woonatellier(index: CardIndex) -> None:
    assert top_ids(index, "woonatellier", k=2)[0].endswith("::01/11/SAP/04/03")


def test_typo_huurkontrakt_finds_rental_cards(index: CardIndex) -> None:
    hits = index.search("huurkontrakt", k=5)
    assert all("huur" in (h.card.title + h.card.text).lower() for h in hits[:3])


def test_compound_kinderarmoede(index: CardIndex) -> None:
    hits = index.search("kinderarmoede", k=5)
    assert any("kinderarmoede" in (h.card.title + " ".join(h.context)).lower() for h in hits[:2])
    split = index.search("armoede bij kinderen in Lier", k=10, filters=SearchFilters(doc=L24))
    assert any(h.card.id.startswith("01/11/SAP/02") for h in split[:5])


def test_topic_query_returns_every_relevant_card(index: CardIndex) -> None:
    hits = index.search("energiearmoede", k=None)
    energy = {c.key for c in index.cards(VAPA) if "energiearmoede" in c.title.lower()}
    assert energy and energy <= {h.card.key for h in hits}
    assert len(hits) < len(index.cards()) / 3  # a cut-off, not the whole corpus


def test_filters_on_the_real_corpus(index: CardIndex) -> None:
    hits = index.search("armoede", k=None, filters=SearchFilters(municipality="Nijlen"))
    assert hits and all(h.card.doc == ESF for h in hits)
    actions = index.search("wonen", k=20, filters=SearchFilters(kind=CardKind.ACTIE, year=2017))
    assert actions and all(h.card.kind == CardKind.ACTIE and h.card.doc == VAPA for h in actions)


def test_server_backend_holds_the_vectors(index: CardIndex) -> None:
    settings = index._settings
    if settings.chroma_url is None:
        pytest.skip("alleen voor de Chroma-server")
    import chromadb

    port = int(settings.chroma_url.rsplit(":", 1)[1])
    client = chromadb.HttpClient(host="127.0.0.1", port=port)
    names = [c.name for c in client.list_collections()]
    assert names == [f"{settings.chroma_collection}-{index.generation}"]
    assert client.get_collection(names[0]).count() == len(index.cards())


def test_dense_search_under_a_document_filter_is_exact(index: CardIndex) -> None:
    """Chroma's approximate search missed near cards of one document, differently in each
    process; the store searches exhaustively, so it matches exact cosine similarity."""
    store = index._current().store
    assert store is not None
    stored = store._collection.get(include=["embeddings", "metadatas"])
    vectors = np.asarray(stored["embeddings"], dtype=np.float64)
    docs = [str(m["doc"]) for m in stored["metadatas"] or []]
    rng = np.random.default_rng(0)
    for doc in sorted(set(docs)):
        inside = np.array([d == doc for d in docs])
        for _ in range(6):
            # A question lands near some card, not on it.
            query = vectors[rng.integers(len(vectors))] + 0.05 * rng.normal(size=vectors.shape[1])
            query /= np.linalg.norm(query)
            k = min(60, int(inside.sum()))
            exact = np.sort(vectors[inside] @ query)[::-1][:k]
            found = [
                score for _, score in store.query(query, k, ResolvedFilter(docs=frozenset({doc})))
            ]
            np.testing.assert_allclose(found, exact, atol=1e-5)
