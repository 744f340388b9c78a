"""The ESF/WSE addendum (corpus 003): seven regional challenges and the general sections."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from actiewijzer.ingest.loaders import load_lines
from actiewijzer.ingest.models import CardKind, DocumentFamily, Line, ParsedDocument
from actiewijzer.ingest.parsers.esf_addendum import EsfAddendumParser


def corpus_file(corpus_dir: Path, prefix: str) -> Path:
    return next(corpus_dir.glob(f"{prefix}_*.txt"))


@pytest.fixture(scope="module")
def addendum_lines() -> list[Line]:
    from actiewijzer.settings import bundled_corpus_dir

    return load_lines(corpus_file(bundled_corpus_dir(), "003"))


@pytest.fixture(scope="module")
def addendum(addendum_lines: list[Line]) -> ParsedDocument:
    return EsfAddendumParser().parse("003.txt", addendum_lines)


@pytest.mark.parametrize(
    ("prefix", "expected"),
    [("000", False), ("001", False), ("002", False), ("003", True), ("004", False)],
)
def test_matches_only_the_addendum(corpus_dir: Path, prefix: str, expected: bool) -> None:
    lines = load_lines(corpus_file(corpus_dir, prefix))

    assert EsfAddendumParser().matches(lines) is expected


def test_document_info(addendum: ParsedDocument) -> None:
    info = addendum.info
    assert info.family is DocumentFamily.ESF_ADDENDUM
    assert info.label == "Lier, Heist-op-den-Berg, Berlaar, Nijlen – ESF-addendum 2023"
    assert info.issuer == "Lier, Heist-op-den-Berg, Berlaar en Nijlen (met VDAB)"
    assert info.municipalities == ["Lier", "Heist-op-den-Berg", "Berlaar", "Nijlen"]
    assert info.report_kind == "addendum ESF-oproep"
    assert (info.period, info.year) == ("2023", 2023)


def test_seven_challenges_with_persona_obstacles_and_outcomes(addendum: ParsedDocument) -> None:
    challenges = [card for card in addendum.cards if card.kind is CardKind.REGIO_UITDAGING]

    assert [card.id for card in challenges] == [f"Regio-uitdaging {n}" for n in range(1, 8)]
    assert [card.fields.persona for card in challenges] == [
        "Saled & Nassim",
        "Cindy & Jordy",
        "Roy",
        "Jolien",
        "Chadia",
        "Christiane",
        "Thierry",
    ]
    assert all(card.printed_id for card in challenges)
    assert all(card.fields.obstacles and card.fields.outcomes for card in challenges)


def test_challenge_fields_hold_the_printed_items(addendum: ParsedDocument) -> None:
    roy = addendum.by_id("Regio-uitdaging 3")
    assert roy is not None
    assert roy.title == "Regio-uitdaging 3 gebaseerd op persona Roy"
    assert roy.fields.obstacles[0] == "Game- en/of gokverslaving"
    assert (
        roy.fields.obstacles[-1] == "Slechte leefomstandigheden (op verschillende levensdomeinen)"
    )
    assert len(roy.fields.obstacles) == 11
    assert roy.fields.outcomes[0] == "Inzicht krijgen en omgaan met hun verslaving"
    assert roy.fields.outcomes[-1] == "Terug in staat zijn om deel te nemen aan de maatschappij"
    assert len(roy.fields.outcomes) == 9
    assert roy.fields.description is not None
    assert roy.fields.description.startswith("In onze regio zijn er heel wat niet-beroepsactieven")

    thierry = addendum.by_id("Regio-uitdaging 7")
    assert thierry is not None
    assert thierry.fields.obstacles == [
        "Geen huisvesting",
        "Geen sociaal netwerk",
        "Drugs- & alcoholverslaving",
        "Laaggeschooldheid",
        "Moedeloosheid, gebrek aan vertrouwen in de hulp- en dienstverlening",
    ]


def test_general_sections(addendum: ParsedDocument) -> None:
    sections = [card for card in addendum.cards if card.kind is CardKind.SECTIE]
    titles = [card.title for card in sections]

    assert [card.id for card in sections] == [f"Sectie {n}" for n in range(1, len(sections) + 1)]
    assert not any(card.printed_id for card in sections)
    for expected in (
        "Regio-uitdagingen",
        "Lokale Analyse",
        "Resultaten verrijking-sessies",
        "Arena-analyse",
        "Andere lokale input",
        "Lokale timing",
        "Lokale contactpersoon",
    ):
        assert expected in titles
    by_title = {card.title: card for card in sections}
    assert by_title["Arena-analyse"].parent == by_title["Lokale Analyse"].id
    assert "Deadline kandidaturen 02/06/2023" in by_title["Lokale timing"].text
    assert "guido.vangoidsenhoven@mechelen.be" in by_title["Lokale contactpersoon"].text


def test_challenges_hang_under_the_challenges_chapter(addendum: ParsedDocument) -> None:
    chapter = next(card for card in addendum.cards if card.title == "Regio-uitdagingen")

    for card in addendum.cards:
        if card.kind is CardKind.REGIO_UITDAGING:
            assert card.parent == chapter.id


def test_spans_point_at_the_printed_lines(
    addendum: ParsedDocument, addendum_lines: list[Line]
) -> None:
    text_at = {line.number: line.text for line in addendum_lines}
    for card in addendum.cards:
        assert card.title.split()[0] in text_at[card.start_line] or card.start_line == 1
        assert text_at[card.end_line].strip()
    roy = addendum.by_id("Regio-uitdaging 3")
    assert roy is not None
    assert "Regio-uitdaging 3" in text_at[roy.start_line]
    assert "maatschappij" in text_at[roy.end_line]
    contact = next(card for card in addendum.cards if card.title == "Lokale contactpersoon")
    assert contact.end_line == addendum_lines[-1].number or not addendum_lines[-1].text.strip()


def test_cards_do_not_overlap(addendum: ParsedDocument) -> None:
    spans = sorted((card.start_line, card.end_line) for card in addendum.cards)
    for (_, end), (next_start, _) in itertools.pairwise(spans):
        assert end < next_start
