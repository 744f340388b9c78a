"""A card may point at a card no document holds ("Zie fiche 03_04_03" in VAPA 03_02_01): the
answer never names such a number, whichever backend wrote it."""

from __future__ import annotations

from assistant_corpus import DOC_VAPA, sample_documents

from actiewijzer.assistant.assistant import Assistant
from actiewijzer.assistant.backends import Draft
from actiewijzer.assistant.citations import citation_for
from actiewijzer.assistant.grounding import GroundingChecker
from actiewijzer.assistant.llm import LLMBackend
from actiewijzer.assistant.sources import FoundCard, Retrieved
from actiewijzer.assistant.testing import InMemoryCardIndex, ScriptedLLM
from actiewijzer.assistant.text import fold
from actiewijzer.ingest.models import Card, CardKind
from actiewijzer.settings import bundled_corpus_dir

# VAPA lines 7218-7313: action 03_02_01, whose 2015 milestone says "Zie fiche 03_04_03".
_FIRST, _LAST = 7218, 7313


def _index_with_afstemming() -> InMemoryCardIndex:
    lines = (bundled_corpus_dir() / DOC_VAPA).read_text(encoding="utf-8").splitlines()
    card = Card(
        doc=DOC_VAPA,
        id="03_02_01",
        kind=CardKind.ACTIE,
        title="Afstemming kinderbijslag - studiefinanciering",
        text="\n".join(lines[_FIRST - 1 : _LAST]),
        start_line=_FIRST,
        end_line=_LAST,
    )
    documents = sample_documents()
    vapa = next(d for d in documents if d.info.doc == DOC_VAPA)
    vapa.cards.append(card)
    return InMemoryCardIndex(documents)


INDEX = _index_with_afstemming()


def test_the_source_really_refers_to_a_card_it_lacks() -> None:
    card = INDEX.get_card(DOC_VAPA, "03_02_01")
    assert "Zie fiche 03_04_03" in card.text
    assert all(c.id != "03_04_03" for c in INDEX.cards())


def test_a_sentence_naming_a_card_no_document_holds_is_dropped() -> None:
    document = next(d for d in INDEX.documents() if d.doc == DOC_VAPA)
    found = FoundCard(INDEX.get_card(DOC_VAPA, "03_02_01"), document)
    draft = Draft(
        text="Het overleg wordt opgestart. Zie fiche 03_04_03 voor de rest.",
        citations=[citation_for(found)],
    )
    known = {fold(c.id) for c in INDEX.cards()}
    checked, grounding = GroundingChecker().check(draft, Retrieved(cards=[found]), known)
    assert "03_04_03" not in checked.text and "Het overleg wordt opgestart." in checked.text
    assert grounding.dangling_ids == ["03_04_03"]
    # The card prints the number, so nothing was invented: the answer stays grounded.
    assert grounding.grounded and grounding.unsupported == []


def test_an_llm_repeating_the_reference_never_shows_the_number() -> None:
    llm = ScriptedLLM(
        replies=[
            f"Het overleg wordt opgestart [{DOC_VAPA} | 03_02_01]. "
            f"Zie fiche 03_04_03 [{DOC_VAPA} | 03_02_01]."
        ]
    )
    answer = Assistant(INDEX, LLMBackend(llm)).ask(
        "Wat is de eerste mijlpaal van actie 03_02_01 over kinderbijslag en studiefinanciering?"
    )
    assert "03_04_03" not in answer.answer
    assert answer.grounding.dangling_ids == ["03_04_03"]
    assert [c.id for c in answer.citations] == ["03_02_01"]
