"""The fallback parser: numbered headings become a card tree, plain text becomes packed blocks."""

from __future__ import annotations

from actiewijzer.ingest.models import CardKind, DocumentFamily, Line
from actiewijzer.ingest.parsers.generic import BLOCK_CHARS, GenericParser

PLAN = """Gemeente Zonnedal
Lokaal actieplan armoede 2024-2026

Dit plan beschrijft hoe de gemeente armoede wil terugdringen.

1. Context
Zonnedal telt veel gezinnen die rondkomen met een laag inkomen.

2. Doelstellingen
2.1 Meer mensen aan het werk
We willen de werkzaamheidsgraad verhogen.
Actie 1: Jobbeurs organiseren
Elk jaar een jobbeurs in het sociaal huis.
Actie 2: Taalcoaching op de werkvloer
Samen met werkgevers bieden we taalcoaching aan.
2.2 Betaalbaar wonen
Meer sociale huurwoningen en een huurpremie.

3.
Budget
Het budget bedraagt 1.200.000 EUR over drie jaar.
"""


def lines_of(text: str) -> list[Line]:
    return [Line(number, raw) for number, raw in enumerate(text.split("\n"), start=1)]


def test_numbered_headings_build_a_hierarchy() -> None:
    document = GenericParser().parse("zonnedal.txt", lines_of(PLAN))
    tree = {card.id: (card.kind, card.title, card.parent) for card in document.cards}

    assert tree["1"] == (CardKind.SECTIE, "Context", None)
    assert tree["2"] == (CardKind.SECTIE, "Doelstellingen", None)
    assert tree["2.1"] == (CardKind.SECTIE, "Meer mensen aan het werk", "2")
    assert tree["Actie 1"] == (CardKind.ACTIE, "Jobbeurs organiseren", "2.1")
    assert tree["Actie 2"] == (CardKind.ACTIE, "Taalcoaching op de werkvloer", "2.1")
    assert tree["2.2"] == (CardKind.SECTIE, "Betaalbaar wonen", "2")
    # The title one line below its number still belongs to it.
    assert tree["3"] == (CardKind.SECTIE, "Budget", None)


def test_heading_cards_carry_spans_and_text() -> None:
    lines = lines_of(PLAN)
    document = GenericParser().parse("zonnedal.txt", lines)
    action = document.by_id("Actie 1")

    assert action is not None
    assert action.printed_id
    assert lines[action.start_line - 1].text == "Actie 1: Jobbeurs organiseren"
    assert lines[action.end_line - 1].text == "Elk jaar een jobbeurs in het sociaal huis."
    assert (
        action.text == "Actie 1: Jobbeurs organiseren\nElk jaar een jobbeurs in het sociaal huis."
    )
    assert action.fields.description == "Elk jaar een jobbeurs in het sociaal huis."


def test_text_before_the_first_heading_becomes_a_section() -> None:
    document = GenericParser().parse("zonnedal.txt", lines_of(PLAN))
    intro = document.cards[0]

    assert (intro.id, intro.printed_id, intro.parent) == ("Sectie 1", False, None)
    assert "hoe de gemeente armoede wil terugdringen" in intro.text


def test_document_info_is_derived_from_the_text() -> None:
    info = GenericParser().parse("zonnedal.txt", lines_of(PLAN)).info

    assert info.family is DocumentFamily.GENERIC
    assert info.label == "Gemeente Zonnedal"
    assert info.issuer == "Gemeente Zonnedal"
    assert info.municipalities == ["Zonnedal"]
    assert (info.period, info.year) == ("2024-2026", 2024)
    assert info.report_kind == "actieplan"


def test_unknown_issuer_and_no_year() -> None:
    info = GenericParser().parse("notities.txt", lines_of("Wat losse notities\n\nover niets.")).info

    assert info.issuer == "onbekend"
    assert (info.period, info.year) == ("onbekend", None)
    assert info.label == "Wat losse notities"


def test_numbered_list_is_not_a_chapter_tree() -> None:
    text = "Werkwijze\n\nWe volgen drie stappen:\n1. Aanmelden\n2. Intake\n3. Opvolging\n\nEinde."
    document = GenericParser().parse("lijst.txt", lines_of(text))

    assert all(card.id.startswith("Sectie ") for card in document.cards)


def test_text_without_headings_falls_back_to_packed_blocks() -> None:
    paragraph = "Deze alinea gaat over wonen, werk en welzijn in onze gemeente. " * 5
    text = "\n\n".join(f"Alinea {n}: {paragraph}" for n in range(1, 13))
    lines = lines_of(text)

    document = GenericParser().parse("los.txt", lines)

    assert len(document.cards) > 1
    assert [card.id for card in document.cards] == [
        f"Sectie {n}" for n in range(1, len(document.cards) + 1)
    ]
    assert all(not card.printed_id and card.kind is CardKind.SECTIE for card in document.cards)
    assert all(len(card.text) <= BLOCK_CHARS for card in document.cards)
    # Every paragraph lands in exactly one block, in order.
    joined = "\n".join(card.text for card in document.cards)
    assert [n for n in range(1, 13) if f"Alinea {n}:" in joined] == list(range(1, 13))
    assert document.cards[0].start_line == 1
    assert document.cards[-1].end_line == len(lines)


def test_one_long_page_without_blank_lines_is_cut() -> None:
    text = "\n".join(f"regel {n} met wat tekst over het lokaal sociaal beleid" for n in range(200))

    document = GenericParser().parse("pagina.txt", lines_of(text))

    assert len(document.cards) > 1
    assert all(len(card.text) <= BLOCK_CHARS for card in document.cards)


def test_matches_anything() -> None:
    assert GenericParser().matches(lines_of("wat dan ook"))
