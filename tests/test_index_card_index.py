"""CardIndex with a hashing embedder and tiny documents: storage, search, filters, safe re-ingest."""

from __future__ import annotations

from pathlib import Path

import pytest
from index_support import (
    HashingEmbedder,
    aalst_document,
    lier_document,
    parse_json_source,
    vapa_document,
    write_source,
)

from actiewijzer.index.card_index import CardIndex
from actiewijzer.index.card_text import embedding_text
from actiewijzer.index.errors import (
    EmbeddingModelMismatchError,
    UnknownCardError,
    UnknownDocumentError,
)
from actiewijzer.index.models import MatchSource, RetrievalMode, SearchFilters
from actiewijzer.ingest.models import CardKind, IngestError, ParsedDocument
from actiewijzer.settings import Settings


@pytest.fixture
def sources(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "src"
    return [write_source(folder, d) for d in (lier_document(), vapa_document(), aalst_document())]


@pytest.fixture
def embedder() -> HashingEmbedder:
    return HashingEmbedder()


@pytest.fixture
def index(settings: Settings, embedder: HashingEmbedder, sources: list[Path]) -> CardIndex:
    card_index = CardIndex(settings, embedder, parse=parse_json_source)
    card_index.ingest_paths(sources, progress=False)
    return card_index


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> CardIndex:
    """One index for the tests that only read, so the suite stays fast."""
    root = tmp_path_factory.mktemp("shared")
    paths = [
        write_source(root / "src", d) for d in (lier_document(), vapa_document(), aalst_document())
    ]
    card_index = CardIndex(
        Settings(data_dir=root / "data"), HashingEmbedder(), parse=parse_json_source
    )
    card_index.ingest_paths(paths, progress=False)
    return card_index


def ids(hits: list) -> list[str]:
    return [hit.card.id for hit in hits]


def test_ingest_stores_typed_cards(shared: CardIndex) -> None:
    assert shared.is_ready
    assert {d.doc for d in shared.documents()} == {"lier.txt", "vapa.txt", "aalst.txt"}
    card = shared.get_card("lier.txt", "01/11/SAP/01/03")
    assert card.fields.status == "2 - Halverwege"
    assert shared.get_document("lier.txt").ancestors(card)[0].id == "01/11/SAP/01"


def test_card_printed_twice_is_stored_once(shared: CardIndex) -> None:
    vapa_ids = [c.id for c in shared.cards("vapa.txt")]
    assert vapa_ids.count("07_04_02") == 1
    assert "Hulp bij een huurcontract" in shared.get_card("vapa.txt", "07_04_02").text
    hits = shared.search("huurcontract begeleiding", k=None)
    assert len(ids(hits)) == len(set(ids(hits)))


def test_topic_search_finds_cards_and_parents_help(shared: CardIndex) -> None:
    hits = shared.search("energiearmoede", k=5)
    assert {"01/11/SAP/01/03", "D4.2-A1"} <= set(ids(hits))
    top = hits[0]
    assert top.snippet and top.document.doc == top.card.doc
    assert MatchSource.LEXICAL in top.sources
    # "Energiescans" alone does not say "energiearmoede": the plan title above it does.
    scan = next(h for h in hits if h.card.id == "01/11/SAP/01/03")
    assert scan.context[0].startswith("01/11/SAP/01")


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Wat is de stand van SAP/02/04?", "01/11/SAP/02/04"),
        ("actie 7.4.1", "07_04_01"),
        ("07-04-01", "07_04_01"),
        ("doelstelling 4.2", "Doelstelling 4.2"),
    ],
)
def test_named_number_ranks_first(shared: CardIndex, question: str, expected: str) -> None:
    hits = shared.search(question, k=5)
    assert hits[0].card.id == expected
    assert MatchSource.EXACT_ID in hits[0].sources
    assert hits[0].score == 1.0


def test_lookup_ids_searches_all_documents(settings: Settings, tmp_path: Path) -> None:
    card_index = CardIndex(settings, HashingEmbedder(), parse=parse_json_source)
    folder = tmp_path / "two"
    card_index.ingest_paths(
        [
            write_source(folder, lier_document("lier2024.txt")),
            write_source(folder, lier_document("lier2020.txt", period="2020")),
        ],
        progress=False,
    )
    found = card_index.lookup_ids("01/11/SAP/02/04")
    assert {c.doc for c in found} == {"lier2024.txt", "lier2020.txt"}
    hits = card_index.search("01/11/SAP/02/04", k=3, filters=SearchFilters(year=2020))
    assert hits[0].card.doc == "lier2020.txt"


def test_typos_and_compounds(shared: CardIndex) -> None:
    assert shared.search("woonatellier", k=3)[0].card.id == "07_04_01"
    assert shared.search("huurkontrakt", k=3)[0].card.id == "07_04_02"
    assert "01/11/SAP/02/04" in ids(shared.search("armoede bij kinderen", k=3))


def test_closeness_is_the_cosine_to_the_nearest_card_of_all(shared: CardIndex) -> None:
    document = shared.get_document(shared.documents()[0].doc)
    own_text = embedding_text(document.cards[0], document)
    # The hashing embedder embeds a query as it embeds a passage: a card's own text is its own
    # nearest neighbour, at cosine 1.
    assert shared.closeness(own_text) == pytest.approx(1.0, abs=1e-4)
    far = shared.closeness("zzz qqq xxx")
    assert far is not None and far < 0.5
    assert shared.closeness("   ") is None


def test_filters(shared: CardIndex) -> None:
    def search(**kwargs: object) -> list[str]:
        return ids(shared.search("energie armoede huur", k=None, filters=SearchFilters(**kwargs)))

    assert all(i.startswith("01/11") for i in search(doc="lier.txt"))
    assert set(search(municipality="aalst")) <= {"Ambitie 4", "Doelstelling 4.2", "D4.2-A1"}
    assert "D4.2-A1" in search(municipality="Aalst")
    assert search(municipality="Gent") == []
    assert set(search(year=2017)) <= {"Grondrecht 07", "07_04_01", "07_04_02"}
    assert search(year=1990) == []
    assert set(search(kind=CardKind.ACTIE)) >= {"01/11/SAP/01/03", "D4.2-A1"}
    assert all(
        shared.get_card(h.card.doc, h.card.id).kind == CardKind.ACTIE
        for h in shared.search("armoede", k=None, filters=SearchFilters(kind=CardKind.ACTIE))
    )
    done = shared.search("huiswerk", k=None, filters=SearchFilters(status="AFGEROND"))
    assert ids(done) == ["01/11/SAP/02/04"]


def test_unknown_document_and_card_errors_are_dutch(shared: CardIndex) -> None:
    with pytest.raises(UnknownDocumentError) as doc_error:
        shared.get_document("onbestaand.txt")
    assert "onbekend document 'onbestaand.txt'" in str(doc_error.value)
    assert "lier.txt" in str(doc_error.value)
    with pytest.raises(UnknownCardError) as card_error:
        shared.get_card("lier.txt", "01/11/SAP/02/09")
    message = str(card_error.value)
    assert "onbekende kaart '01/11/SAP/02/09'" in message and "01/11/SAP/02/04" in message
    with pytest.raises(UnknownDocumentError):
        shared.search("armoede", filters=SearchFilters(doc="nope.txt"))


def test_overview_cards_do_not_crowd_out_actions(shared: CardIndex) -> None:
    hits = shared.search("armoede", k=None)
    kinds = [h.card.kind for h in hits]
    assert kinds[0] == CardKind.ACTIE


def test_unchanged_file_is_skipped(
    settings: Settings, embedder: HashingEmbedder, sources: list[Path], index: CardIndex
) -> None:
    generation = index.generation
    embedded = embedder.passages_embedded
    reports = index.ingest_paths(sources, progress=False)
    assert all(r.skipped for r in reports)
    assert embedder.passages_embedded == embedded
    assert index.generation == generation


def test_changed_file_reembeds_only_that_document(
    embedder: HashingEmbedder, sources: list[Path], index: CardIndex
) -> None:
    changed = lier_document()
    changed.cards[2].title = "Energiescans en zonnepanelen"
    write_source(sources[0].parent, changed)
    before = embedder.passages_embedded
    reports = index.ingest_paths(sources, progress=False)
    assert [r.skipped for r in reports] == [False, True, True]
    assert embedder.passages_embedded - before == len(changed.cards)
    assert index.get_card("lier.txt", "01/11/SAP/01/03").title == "Energiescans en zonnepanelen"
    assert "01/11/SAP/01/03" in ids(index.search("zonnepanelen", k=3))
    assert len(index.cards()) == 5 + 3 + 3


def test_remove_document_removes_its_cards(index: CardIndex) -> None:
    assert index.remove_document("vapa.txt") == 3
    assert {d.doc for d in index.documents()} == {"lier.txt", "aalst.txt"}
    assert all(h.card.doc != "vapa.txt" for h in index.search("woonatelier huurcontract", k=None))
    assert index.lookup_ids("07_04_01") == []
    with pytest.raises(UnknownDocumentError):
        index.remove_document("vapa.txt")


class ExplodingEmbedder(HashingEmbedder):
    def __init__(self, explode_after: int) -> None:
        super().__init__()
        self.calls_left = explode_after

    def embed_passages(self, texts, progress=False):  # type: ignore[no-untyped-def]
        if self.calls_left == 0:
            raise RuntimeError("stroomuitval tijdens het embedden")
        self.calls_left -= 1
        return super().embed_passages(texts, progress)


def test_failed_ingest_leaves_old_index_intact(
    settings: Settings, sources: list[Path], tmp_path: Path
) -> None:
    CardIndex(settings, HashingEmbedder(), parse=parse_json_source).ingest_paths(
        sources[:1], progress=False
    )
    reader = CardIndex.open(settings, HashingEmbedder())
    before = ids(reader.search("energiearmoede", k=5))
    generation = reader.generation

    writer = CardIndex(settings, ExplodingEmbedder(explode_after=1), parse=parse_json_source)
    with pytest.raises(RuntimeError, match="stroomuitval"):
        writer.ingest_paths(sources[1:], progress=False)

    assert ids(reader.search("energiearmoede", k=5)) == before
    fresh = CardIndex.open(settings, HashingEmbedder())
    assert fresh.generation == generation
    assert {d.doc for d in fresh.documents()} == {"lier.txt"}
    leftovers = sorted(p.name for p in (settings.index_dir / "generations").iterdir())
    assert leftovers == [generation]


def test_parse_error_is_reported_and_others_still_ingested(
    settings: Settings, sources: list[Path]
) -> None:
    def parse(path: Path) -> ParsedDocument:
        if path.name == "vapa.txt":
            raise IngestError(str(path), "onleesbare tabel")
        return parse_json_source(path)

    card_index = CardIndex(settings, HashingEmbedder(), parse=parse)
    reports = card_index.ingest_paths(sources, progress=False)
    assert [r.error for r in reports] == [None, "onleesbare tabel", None]
    assert {d.doc for d in card_index.documents()} == {"lier.txt", "aalst.txt"}


def test_reader_in_another_instance_sees_new_generation(
    settings: Settings, sources: list[Path]
) -> None:
    writer = CardIndex(settings, HashingEmbedder(), parse=parse_json_source)
    writer.ingest_paths(sources[:1], progress=False)
    reader = CardIndex.open(settings, HashingEmbedder())
    assert {d.doc for d in reader.documents()} == {"lier.txt"}
    writer.ingest_paths(sources, progress=False)
    assert {d.doc for d in reader.documents()} == {"lier.txt", "vapa.txt", "aalst.txt"}
    assert reader.search("actie 7.4.1", k=1)[0].card.id == "07_04_01"


def test_model_mismatch_is_refused(
    settings: Settings, index: CardIndex, sources: list[Path]
) -> None:
    other = CardIndex.open(settings, HashingEmbedder(dim=32, model_id="ander-model"))
    with pytest.raises(EmbeddingModelMismatchError, match="--rebuild") as error:
        other.search("energiearmoede")
    assert "test-hashing-embedder" in str(error.value) and "ander-model" in str(error.value)
    with pytest.raises(EmbeddingModelMismatchError):
        other.ingest_paths(sources[:1], progress=False)
    # Lexical search needs no vectors and keeps working.
    assert other.search("energiearmoede", mode=RetrievalMode.LEXICAL)
    # A rebuild re-embeds every document with the new model, after which queries work again.
    rebuilt = CardIndex(
        settings, HashingEmbedder(dim=32, model_id="ander-model"), parse=parse_json_source
    )
    rebuilt.ingest_paths([], progress=False, rebuild=True)
    assert {d.doc for d in rebuilt.documents()} == {"lier.txt", "vapa.txt", "aalst.txt"}
    assert rebuilt.search("actie 7.4.1")[0].card.id == "07_04_01"


def test_empty_index(settings: Settings) -> None:
    card_index = CardIndex.open(settings, HashingEmbedder())
    assert not card_index.is_ready
    assert card_index.search("armoede") == []
    assert card_index.documents() == []


def test_k_none_returns_every_relevant_card_and_k_limits(shared: CardIndex) -> None:
    everything = shared.search("energiearmoede huurders", k=None)
    assert len(shared.search("energiearmoede huurders", k=2)) == 2
    assert len(everything) >= 2
    assert len(everything) < len(shared.cards())  # the cut-off drops unrelated cards
