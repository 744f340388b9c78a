"""The Vlaams Actieplan Armoedebestrijding parser on the bundled inventory (corpus/004_*)."""

from __future__ import annotations

import itertools
import time
from functools import cache
from pathlib import Path

import pytest

from actiewijzer.ingest.models import CardKind, DocumentFamily, Line, ParsedDocument
from actiewijzer.ingest.parsers.vapa import VapaParser
from actiewijzer.settings import bundled_corpus_dir

# The corpus is shipped unchanged, so printed line numbers are stable facts of the file.
GRONDRECHT_TITLES = {
    "Grondrecht 00": "Alle grondrechten",
    "Grondrecht 01": "Participatie",
    "Grondrecht 02": "Maatschappelijke dienstverlening",
    "Grondrecht 03": "Inkomen",
    "Grondrecht 04": "Gezin",
    "Grondrecht 05": "Onderwijs",
    "Grondrecht 06": "Vrijetijdsbesteding",
    "Grondrecht 07": "Werk",
    "Grondrecht 08": "Wonen",
    "Grondrecht 09": "Gezondheid",
    "Grondrecht 10": "Voeding",
}


def _read_lines(path: Path) -> list[Line]:
    """A tiny stand-in for the real text loader: one Line per '\\n'-separated line."""
    texts = path.read_text(encoding="utf-8").split("\n")
    if texts and texts[-1] == "":
        texts.pop()
    return [Line(number, text) for number, text in enumerate(texts, start=1)]


def _corpus_file(prefix: str) -> Path:
    return next(bundled_corpus_dir().glob(f"{prefix}_*.txt"))


@cache
def _vapa_lines() -> tuple[Line, ...]:
    return tuple(_read_lines(_corpus_file("004")))


@cache
def _parsed() -> ParsedDocument:
    lines = _vapa_lines()
    return VapaParser().parse(_corpus_file("004").name, lines)


def _raw(number: int) -> str:
    return _vapa_lines()[number - 1].text


def _actions() -> list:
    return [card for card in _parsed().cards if card.kind is CardKind.ACTIE]


def _card(card_id: str):
    card = _parsed().by_id(card_id)
    assert card is not None, f"kaart {card_id} ontbreekt"
    return card


def _milestone(card_id: str, year: str) -> str:
    return next(m.text for m in _card(card_id).fields.mijlpalen if m.year == year)


# --- recognition -----------------------------------------------------------------------------


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_matches_only_the_vapa_inventory(prefix: str) -> None:
    lines = _read_lines(_corpus_file(prefix))
    assert VapaParser().matches(lines) is (prefix == "004")


def test_family_and_document_info() -> None:
    info = _parsed().info
    assert VapaParser.family is DocumentFamily.VAPA
    assert info.family is DocumentFamily.VAPA
    assert info.label == "Vlaamse Regering – Vlaams Actieplan Armoedebestrijding 2015-2019"
    assert info.issuer == "Vlaamse Regering"
    assert info.municipalities == []
    assert info.report_kind == "actieplan"
    assert info.period == "2015-2019"
    assert info.year == 2015


def test_parses_fast() -> None:
    lines = _vapa_lines()
    started = time.perf_counter()
    VapaParser().parse("004.txt", lines)
    assert time.perf_counter() - started < 1.5


# --- counts and structure --------------------------------------------------------------------


def test_eleven_grondrecht_sections_with_printed_titles() -> None:
    sections = [card for card in _parsed().cards if card.kind is CardKind.GRONDRECHT]
    assert {card.id: card.title for card in sections} == GRONDRECHT_TITLES
    werk = _card("Grondrecht 07")
    assert (werk.start_line, _raw(werk.start_line).strip()) == (
        15377,
        "Acties die inzetten op het grondrecht",
    )
    assert werk.text.startswith("Acties die inzetten op het grondrecht WERK")
    assert werk.end_line == 17413  # the section ends where "WONEN" begins


def test_201_unique_actions_from_203_headers() -> None:
    headers = [
        line
        for line in _vapa_lines()
        if line.text.lstrip().startswith("ACTIE") and "ACTIEPLAN" not in line.text
    ]
    assert len(headers) == 203
    ids = [card.id for card in _actions()]
    assert len(ids) == 201
    assert len(set(ids)) == 201
    assert len(_parsed().cards) == 212


def test_every_action_sits_in_the_section_of_its_grondrecht_code() -> None:
    # The first number segment is the grondrecht code; in this inventory every fiche is printed
    # in the section of that same grondrecht, so the two agree without exception.
    for card in _actions():
        assert card.parent == f"Grondrecht {card.id[:2]}", card.id


def test_spans_start_on_the_header_and_end_on_printed_text() -> None:
    cards = _parsed().cards
    for card in cards:
        assert 1 <= card.start_line <= card.end_line <= len(_vapa_lines())
        assert _raw(card.end_line).strip(), f"{card.id} eindigt op een lege regel"
        if card.kind is CardKind.ACTIE:
            assert _raw(card.start_line).lstrip().startswith("ACTIE"), card.id
    actions = sorted(_actions(), key=lambda c: c.start_line)
    for earlier, later in itertools.pairwise(actions):
        assert earlier.end_line < later.start_line


# --- header variants -------------------------------------------------------------------------


def test_header_with_double_space() -> None:
    card = _card("00_04_19")
    assert _raw(card.start_line) == " ACTIE  00_04_19 "
    assert card.start_line == 2217
    assert card.title == "Projectoproep outreachend werken met gezinnen in armoede"
    assert card.fields.kabinet == "Armoedebestrijding"
    assert card.fields.administratie == "WVG – team coördinatie armoedebestrijding"
    assert _milestone("00_04_19", "2017").startswith("Lancering en opstart projectoproep")


def test_header_with_number_on_next_line() -> None:
    card = _card("05_02_06")
    assert (card.start_line, card.end_line) == (11007, 11101)
    assert _raw(11007).strip() == "ACTIE"
    assert card.title == (
        "Geletterdheidsondersteuning van ouders in het basis- en secundair onderwijs "
        "via samenwerking met de Basiseducatie"
    )
    assert card.fields.kabinet == "kabinet Onderwijs"
    assert card.fields.administratie == "Departement Onderwijs en Vorming"
    assert _milestone("05_02_06", "2017") == "De intermediairen kennen het aanbod en promoten het."
    # The margin label "Mijlpa" / "len" is joined again, not left as stray letters.
    assert "\nMijlpalen\n2015" in card.text


def test_header_with_title_and_next_label_glued_on() -> None:
    card = _card("00_08_01")
    assert card.start_line == 2271
    assert card.title == "Het PDPO ondersteunt lokale actoren inzake armoedebestrijding"
    assert card.fields.kabinet == "Kabinet Landbouw en Visserij"
    assert card.fields.administratie == "Vlaamse Landmaatschappij"
    assert card.fields.other["Andere actoren"] == "plattelandscoördinatoren, LEADER - coördinatoren"
    assert "Platteland Plus" in _milestone("00_08_01", "2016")

    spaced = _card("07_04_03")
    assert spaced.title == "Via decreet uitzendarbeid zetten we in op mensen uit kansengroepen."
    assert spaced.fields.administratie == "AGO"


def test_fields_of_a_werk_action() -> None:
    card = _card("07_04_01")
    assert card.parent == "Grondrecht 07"
    assert card.title == (
        "Er wordt geïnvesteerd in werkkansen voor mensen met een zodanige afstand tot de arbeidsmarkt "
        "dat zij niet onmiddellijk in het normaal economisch circuit terecht kunnen"
    )
    fields = card.fields
    assert (fields.kabinet, fields.administratie) == ("Sociale Economie", "WSE")
    assert fields.other["Evaluatie en indicator"] == "Niet voorzien"
    assert fields.other["Betrokken administratie"] == "VDAB"
    assert fields.other["Andere actoren"] == "Vdab + Lokale besturen"
    assert (
        fields.betrokkenen is not None
        and "andere actoren: Vdab + Lokale besturen" in fields.betrokkenen
    )
    assert fields.other["Grondrecht"] == "07 werk"
    assert "Minister" not in fields.other  # the legend's minister codes are unreliable
    assert fields.korte_inhoud is not None and fields.korte_inhoud.startswith(
        "Ook de mensen die te kampen hebben"
    )
    assert fields.description == fields.korte_inhoud


def test_labels_wrapped_over_lines_and_typos_in_labels() -> None:
    wrapped = _card("02_04_03").fields  # "mensen in / armoede", "andere / actoren"
    assert wrapped.other["Mensen in armoede"] == "Via samenwerkingsverbanden"
    assert (
        wrapped.other["Andere actoren"]
        == "Agentschap Integratie en Inburgering, ESF- agentschap, Kind en Gezin"
    )
    typo = _card("02_06_11").fields  # "Evaluatie en inidcator"
    assert typo.kabinet == "WVG"
    assert typo.other["Evaluatie en indicator"].startswith("Indicatoren: Correlatie")


def test_milestones_per_year() -> None:
    years = [m.year for m in _card("00_01_03").fields.mijlpalen]
    assert years == ["2015", "2017", "2019"]
    assert _milestone("00_01_03", "2015").startswith(
        "(beginfase, nulmeting) De bepaling van de doelgroep"
    )
    assert _milestone("00_01_03", "2019").startswith("(einddoel) De gelijkenissen en verschillen")
    # A range wrapped after its dash is one milestone year.
    assert [m.year for m in _card("00_04_18").fields.mijlpalen][-2:] == [
        "2018-2019-2020-2021",
        "2022",
    ]
    # A fiche that prints its years without the "Mijlpalen" label.
    assert [m.year for m in _card("05_07_01").fields.mijlpalen][:2] == ["2015", "2017"]
    assert all(_card(card.id).fields.mijlpalen for card in _actions())


def test_fiche_without_korte_inhoud_label() -> None:
    card = _card("09_06_12")
    assert card.fields.korte_inhoud is None
    assert [m.year for m in card.fields.mijlpalen] == ["2015", "2016", "2019"]


# --- reprints, cross-references, furniture ---------------------------------------------------


def test_reprinted_fiches_are_kept_once_with_the_reprint_noted() -> None:
    first = _card("03_06_06")
    assert (first.start_line, first.end_line) == (8711, 8768)
    assert first.fields.other["Ook afgedrukt"] == "regels 8830-8887"
    assert _raw(8830).lstrip().startswith("ACTIE 03_06_06")
    second = _card("03_06_07")
    assert (second.start_line, second.end_line) == (8769, 8829)
    assert second.fields.other["Ook afgedrukt"] == "regels 8888-8948"
    assert second.fields.administratie == "VAPH"
    assert sum(card.id == "03_06_06" for card in _parsed().cards) == 1


def test_cross_references_do_not_create_cards() -> None:
    starts = {card.start_line for card in _parsed().cards}
    for number, reference in [
        (5792, "zie fiche 02_06_01"),
        (3118, "actie 01_09_04"),
        (7304, "Zie fiche 03_04_03"),
    ]:
        assert reference in _raw(number)
        assert number not in starts
    assert _parsed().by_id("03_04_03") is None  # referred to, never printed
    assert sum(card.id == "02_06_01" for card in _parsed().cards) == 1
    holder = _card("02_06_02")
    assert holder.start_line < 5792 <= holder.end_line
    assert "06_09_17" in _card("06_09_11").fields.other["Verwijst naar"]


def test_page_furniture_is_removed_from_text_and_span() -> None:
    paged = _card("00_04_10")  # page number "23" printed after the fiche
    assert _raw(1428).strip() == "23"
    assert paged.end_line == 1420
    assert "\n23\n" not in f"{paged.text}\n"
    linked = _card("00_01_01")  # a bare URL link annotation closes the page
    assert _raw(194).startswith("http://www4dar")
    assert linked.end_line == 188
    assert not linked.text.rstrip().endswith(".aspx")
    assert (
        linked.fields.administratie
        == "Departement Kanselarij & Bestuur, Studiedienst Vlaamse Regering (SVR)"
    )


def test_other_labels_are_the_printed_ones() -> None:
    used = {label for card in _actions() for label in card.fields.other}
    assert used <= {
        "Budgettair engagement",
        "Evaluatie en indicator",
        "Betrokken kabinet",
        "Betrokken administratie",
        "Mensen in armoede",
        "Andere actoren",
        "Grondrecht",
        "Minister",
        "Verwijst naar",
        "Ook afgedrukt",
    }
    assert sum("Budgettair engagement" in card.fields.other for card in _actions()) > 150


# --- other inputs ----------------------------------------------------------------------------


def _pdf_like(texts: list[tuple[str, int]]) -> list[Line]:
    return [Line(number, text, page) for number, (text, page) in enumerate(texts, start=1)]


def test_pdf_pages_and_glued_number_variants() -> None:
    lines = _pdf_like(
        [
            ("00 alle grondrechten", 1),
            ("07 werk", 1),
            ("Acties die inzetten op het grondrecht", 1),
            ("WERK", 1),
            ("ACTIE07_04_01Werkkansen voor iedereen", 1),
            ("Budgettair engagement 1 miljoen euro", 1),
            ("verantwoordelijken kabinet Werk", 1),
            ("administratie VDAB", 1),
            ("betrokkenen", 1),
            ("kabinet mensen in armoede Netwerk tegen Armoede", 1),
            ("administratie andere actoren OCMW's", 1),
            ("korte inhoud actie", 1),
            ("Meer mensen aan het werk, zie fiche 07_04_02.", 1),
            ("https://example.org/werk", 1),
            ("Mijlpalen", 2),
            ("2015 Start", 2),
            ("2019 (einddoel) Klaar", 2),
            ("ACTIE", 2),
            ("07_04_02 Tweede actie", 2),
            ("kabinet Werk", 2),
        ]
    )
    parser = VapaParser()
    assert parser.matches(lines)
    parsed = parser.parse("eigen.pdf", lines)
    assert [card.id for card in parsed.cards] == ["Grondrecht 07", "07_04_01", "07_04_02"]
    first = parsed.cards[1]
    assert first.title == "Werkkansen voor iedereen"
    assert (first.fields.kabinet, first.fields.administratie) == ("Werk", "VDAB")
    assert first.fields.other["Mensen in armoede"] == "Netwerk tegen Armoede"
    assert first.fields.other["Andere actoren"] == "OCMW's"
    assert first.fields.korte_inhoud == "Meer mensen aan het werk, zie fiche 07_04_02."
    assert [(m.year, m.text) for m in first.fields.mijlpalen] == [
        ("2015", "Start"),
        ("2019", "(einddoel) Klaar"),
    ]
    assert (first.start_page, first.end_page) == (1, 2)
    assert "example.org" not in first.text  # link annotation at the foot of page 1
    second = parsed.cards[2]
    assert (second.start_line, second.title, second.parent) == (18, "Tweede actie", "Grondrecht 07")
