"""Action numbers in the forms people write them find the printed card."""

from __future__ import annotations

import pytest
from index_support import aalst_document, lier_document, vapa_document

from actiewijzer.index.docstore import unique_cards
from actiewijzer.index.id_lookup import IdLookup, find_mentions, id_tokens


@pytest.fixture(scope="module")
def lookup() -> IdLookup:
    cards = [
        c
        for d in (lier_document(), vapa_document(), aalst_document())
        for c in unique_cards(d).cards
    ]
    return IdLookup(cards)


def found(lookup: IdLookup, text: str, strong_only: bool = True) -> list[str]:
    return [m.card.id for m in lookup.find(text) if m.strong or not strong_only]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Wat is de status van 01/11/SAP/02/04?", "01/11/SAP/02/04"),
        ("en SAP/02/04", "01/11/SAP/02/04"),
        ("hoe staat 02/04 ervoor", "01/11/SAP/02/04"),
        ("actie 07_04_01", "07_04_01"),
        ("actie 07-04-01", "07_04_01"),
        ("Wat houdt actie 7.4.1 in?", "07_04_01"),
        ("doelstelling 4.2 van Aalst", "Doelstelling 4.2"),
        ("Wat is Ambitie 4?", "Ambitie 4"),
        ("grondrecht 7", "Grondrecht 07"),
        ("beleidsdoelstelling 01/11", "01/11"),
        ("actieplan 01/11/SAP/01", "01/11/SAP/01"),
    ],
)
def test_forms_people_write(lookup: IdLookup, question: str, expected: str) -> None:
    assert found(lookup, question)[0] == expected


def test_regio_uitdaging_keyword_with_number() -> None:
    from index_support import card

    from actiewijzer.ingest.models import CardKind

    cards = [
        card("esf.txt", f"Regio-uitdaging {n}", CardKind.REGIO_UITDAGING, f"Uitdaging {n}", "x")
        for n in range(1, 8)
    ] + [card("aalst.txt", "Ambitie 3", CardKind.AMBITIE, "Wonen", "x")]
    lookup = IdLookup(cards)
    assert found(lookup, "Wat is Regio-uitdaging 3?") == ["Regio-uitdaging 3"]
    assert found(lookup, "regio uitdaging 3") == ["Regio-uitdaging 3"]
    assert found(lookup, "ambitie 3") == ["Ambitie 3"]


def test_whole_id_ranks_before_a_tail_match(lookup: IdLookup) -> None:
    matches = lookup.find("01/11/SAP/01")
    assert matches[0].card.id == "01/11/SAP/01" and matches[0].exact


def test_a_lone_number_or_a_year_names_nothing(lookup: IdLookup) -> None:
    assert lookup.find("hoeveel in 2024 voor 3 gezinnen") == []
    assert lookup.find("periode 2023-2025") == []


def test_bare_pair_in_another_notation_is_weak(lookup: IdLookup) -> None:
    # "4.2" is Aalst's notation; the Lier card 01/11/SAP/04/02 does not exist here, but
    # "02/04" written with dots must not outrank a real match in the same notation.
    strong = found(lookup, "4.2")
    assert strong == ["Doelstelling 4.2"]


def test_unrelated_keyword_does_not_match_other_kinds(lookup: IdLookup) -> None:
    assert found(lookup, "ambitie 4.2") == ["Doelstelling 4.2"]  # falls back to the numbers
    assert "Ambitie 4" not in found(lookup, "grondrecht 4")


def test_mentions_and_tokens() -> None:
    assert id_tokens("01/11/SAP/02/04") == ("1", "11", "sap", "2", "4")
    assert id_tokens("D4.2-A3") == ("d", "4", "2", "a", "3")
    mention = find_mentions("Regio-uitdaging 3")[0]
    assert mention.keyword == ("regio", "uitdaging") and mention.tokens == ("3",)
