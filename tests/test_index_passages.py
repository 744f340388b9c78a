"""PassageCloseness: the question's cosine to each card line, each line embedded once."""

from __future__ import annotations

import numpy as np
import pytest
from index_support import HashingEmbedder, lier_document, parse_json_source, write_source

from actiewijzer.index.card_index import CardIndex
from actiewijzer.index.dense import QueryVectors
from actiewijzer.index.passages import PassageCloseness

LINES = [
    "De sociale kruidenier opent een tweede winkel.",
    "Gezinnen met een laag inkomen kopen er goedkoper.",
]


@pytest.fixture
def embedder() -> HashingEmbedder:
    return HashingEmbedder()


def test_closeness_is_the_cosine_to_each_passage_in_order(embedder: HashingEmbedder) -> None:
    closeness = PassageCloseness(embedder, QueryVectors(embedder))
    found = closeness("gezinnen met een laag inkomen", LINES)
    expected = embedder.embed_passages(LINES) @ embedder.embed_query(
        "gezinnen met een laag inkomen"
    )
    assert found == pytest.approx(list(expected))
    assert found[1] > found[0]
    assert closeness("iets", []) == []


def test_each_passage_is_embedded_once(embedder: HashingEmbedder) -> None:
    closeness = PassageCloseness(embedder, QueryVectors(embedder))
    closeness.remember([*LINES, LINES[0]])
    assert embedder.passages_embedded == 2
    closeness("een vraag", LINES)
    closeness("een andere vraag", [LINES[1], "Een nieuwe regel."])
    assert embedder.passages_embedded == 3


def test_the_index_compares_with_its_own_model(settings, embedder: HashingEmbedder) -> None:
    index = CardIndex(settings, embedder)
    # An empty index has no dense search to compare with.
    assert index.passage_closeness("een vraag", LINES) is None


def test_the_filled_index_answers_and_remembers(settings, embedder: HashingEmbedder) -> None:
    shared_index = CardIndex(settings, embedder, parse=parse_json_source)
    shared_index.ingest_paths([write_source(settings.data_dir / "src", lier_document())], False)
    line = shared_index.cards()[0].title
    before = embedder.passages_embedded
    shared_index.remember_passages([line, "zzz qqq"])
    assert embedder.passages_embedded == before + 2
    found = shared_index.passage_closeness(line, [line, "zzz qqq"])
    assert found is not None
    assert embedder.passages_embedded == before + 2  # remembered, not embedded again
    # The hashing embedder embeds a query as a passage: a line's own text is at cosine 1.
    assert found[0] == pytest.approx(1.0, abs=1e-4) and found[1] < 0.5
    assert shared_index.passage_closeness("   ", [line]) is None
    assert np.isfinite(found).all()
