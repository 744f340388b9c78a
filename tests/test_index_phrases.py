"""Distinctive phrases: names joined by function words find the few cards that print them."""

from __future__ import annotations

from index_support import card

from actiewijzer.index.filters import ResolvedFilter
from actiewijzer.index.lexical import LexicalIndex
from actiewijzer.index.phrases import PhraseIndex
from actiewijzer.ingest.models import CardKind

TEXTS = {
    "a": "Het steunpunt breidt de Rap op Stap kantoren uit: 48 kantoren zijn actief.",
    "b": "Mensen konden hun huur betalen dankzij een voorschot.",
    "c": "Ouders konden betalen met de UiTPAS. Huis van het Kind Lier opent.",
    "d": "Huis van het Kind: spreekuur op dinsdag.",
    "e": "Huis van het Kind en consultatiebureau werken samen.",
    "f": "Het Huis van het Kind breidt uit naar Koningshooikt.",
    "g": "Een stap op rap tempo: de stap naar werk.",
}


def phrase_index(document_words: tuple[str, ...] = ()) -> PhraseIndex:
    return PhraseIndex(list(TEXTS), list(TEXTS.values()), document_words)


def keys(index: PhraseIndex, query: str) -> list[str]:
    return [hit.key for hit in index.rank(query)]


def test_a_name_joined_by_a_function_word_finds_the_card_that_prints_it() -> None:
    assert keys(phrase_index(), "hoeveel rap op stap kantoren zijn er?") == ["a"]


def test_the_words_in_another_order_are_no_match() -> None:
    assert "g" not in keys(phrase_index(), "rap op stap")


def test_plain_word_pairs_are_left_to_bm25() -> None:
    # "konden betalen" is printed in one card only, but a verb pair is no name.
    assert keys(phrase_index(), "hoeveel mensen konden betalen") == []


def test_a_phrase_many_cards_print_is_a_topic_not_a_name() -> None:
    assert keys(phrase_index(), "wat doet het huis van het kind") == []


def test_a_phrase_naming_a_document_is_ignored() -> None:
    index = phrase_index(document_words=("rap",))
    assert keys(index, "rap op stap kantoren") == []


def test_a_longer_phrase_ranks_its_card_first() -> None:
    index = PhraseIndex(
        ["short", "long"],
        ["week van de opvoeding", "de week van de opvoeding in lier, week van de opvoeding"],
    )
    # Both print the phrase; the one printing more of the question is no better: ties keep order.
    assert keys(index, "week van de opvoeding") == ["short", "long"]
    index = PhraseIndex(
        ["one", "two"], ["zorgpad voor zwangeren", "zorgpad voor kwetsbare zwangeren"]
    )
    assert keys(index, "het zorgpad voor kwetsbare zwangeren") == ["two"]


def test_lexical_phrase_search_respects_filters() -> None:
    cards = [
        card("lier.txt", "01", CardKind.ACTIE, "Vakantie", TEXTS["a"]),
        card("vapa.txt", "06_05_01", CardKind.ACTIE, "Vakantie", TEXTS["a"]),
    ]
    index = LexicalIndex(cards, [c.text for c in cards])
    everything = [h.key for h in index.phrase_search("rap op stap", ResolvedFilter())]
    assert everything == ["lier.txt::01", "vapa.txt::06_05_01"]
    only_vapa = ResolvedFilter(docs=frozenset({"vapa.txt"}))
    assert [h.key for h in index.phrase_search("rap op stap", only_vapa)] == ["vapa.txt::06_05_01"]
