"""The Aalst lokaal sociaal beleidsplan parser on the bundled sample (corpus/002_*.txt)."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from actiewijzer.ingest.models import Card, CardKind, IngestError, Line, ParsedDocument
from actiewijzer.ingest.parsers.aalst import AalstParser
from actiewijzer.settings import bundled_corpus_dir


def read_lines(path: Path, *, pages: bool = False) -> list[Line]:
    """The file as numbered lines; `pages` mimics a PDF loader (page numbers, no indent)."""
    raw = path.read_text(encoding="utf-8").split("\n")
    if not pages:
        return [Line(number, text) for number, text in enumerate(raw, start=1)]
    lines: list[Line] = []
    page = 1
    for number, text in enumerate(raw, start=1):
        # This extraction opens a new page with one space.
        if text.startswith(" ") and not text.startswith("  ") and text.strip():
            page += 1
        lines.append(Line(number, text.strip(), page))
    return lines


@pytest.fixture(scope="module")
def aalst_path() -> Path:
    (path,) = bundled_corpus_dir().glob("002_*.txt")
    return path


@pytest.fixture(scope="module")
def file_lines(aalst_path: Path) -> list[str]:
    return aalst_path.read_text(encoding="utf-8").split("\n")


@pytest.fixture(scope="module")
def parsed(aalst_path: Path) -> ParsedDocument:
    return AalstParser().parse(aalst_path.name, read_lines(aalst_path))


def card(parsed: ParsedDocument, card_id: str) -> Card:
    found = parsed.by_id(card_id)
    assert found is not None, card_id
    return found


def of_kind(parsed: ParsedDocument, kind: CardKind) -> list[Card]:
    return [c for c in parsed.cards if c.kind is kind]


def test_counts(parsed: ParsedDocument) -> None:
    assert len(of_kind(parsed, CardKind.AMBITIE)) == 14
    assert len(of_kind(parsed, CardKind.DOELSTELLING)) == 36
    assert len(of_kind(parsed, CardKind.ACTIE)) == 137


def test_ids_are_unique_and_follow_the_scheme(parsed: ParsedDocument) -> None:
    ids = [c.id for c in parsed.cards]
    assert len(ids) == len(set(ids))
    assert [c.id for c in of_kind(parsed, CardKind.AMBITIE)] == [
        f"Ambitie {n}" for n in range(1, 15)
    ]
    for goal in of_kind(parsed, CardKind.DOELSTELLING):
        assert re.fullmatch(r"Doelstelling \d+\.\d+", goal.id)
        assert goal.parent == f"Ambitie {goal.id.split()[1].split('.')[0]}"
    for action in of_kind(parsed, CardKind.ACTIE):
        match = re.fullmatch(r"D(\d+\.\d+)-A(\d+)", action.id)
        assert match, action.id
        assert action.parent == f"Doelstelling {match.group(1)}"
        assert action.printed_id is False
        assert parsed.by_id(action.parent) is not None


def test_action_numbers_count_up_per_goal(parsed: ParsedDocument) -> None:
    goal_42 = [c.id for c in of_kind(parsed, CardKind.ACTIE) if c.parent == "Doelstelling 4.2"]
    assert goal_42 == ["D4.2-A1"]
    goal_11 = [c.id for c in of_kind(parsed, CardKind.ACTIE) if c.parent == "Doelstelling 1.1"]
    assert goal_11 == [f"D1.1-A{n}" for n in range(1, 10)]


def test_printed_goal_quirks_become_clean_ids(parsed: ParsedDocument) -> None:
    # "Doelstelling 1.3..:", "Doelstelling  10.4.:" and "Doelstelling 5.3. De Stad".
    assert card(parsed, "Doelstelling 1.3").title.startswith("De Stad zet in op de uitbouw")
    assert card(parsed, "Doelstelling 10.4").title == "De Stad zet in op aangepaste zorgwoonvormen."
    assert card(parsed, "Doelstelling 5.3").title.startswith("De Stad ondersteunt jongeren")


def test_overview_duplicate_13_2_follows_the_body_numbering(parsed: ParsedDocument) -> None:
    # The overview prints "Doelstelling 13.2." for two goals; the body numbers the second 13.3.
    assert "vermaatschappelijking van de zorg" in card(parsed, "Doelstelling 13.2").title
    assert "ontmoetingskansen" in card(parsed, "Doelstelling 13.3").title
    assert card(parsed, "D13.3-A1").title == "De Stad zet in op buurtopbouwwerk"


def test_a_goal_number_repeated_in_the_body_gets_its_place_in_the_ambition() -> None:
    texts = [
        "Ambitie 13:",
        "Elke Aalstenaar kan beroep doen op hulp.",
        "Doelstelling 13.1.: De Stad zet in op preventie.",
        "De Stad ondersteunt lokale dienstencentra",
        "Trekkersrol:",
        "Cluster Zorg",
        "MJP: AC000224",
        "2023 2024 2025",
        "1 000 EUR 1 000 EUR 1 000 EUR",
        "Doelstelling 13.2.: De Stad ondersteunt vermaatschappelijking van de zorg.",
        "De Stad ondersteunt mantelzorgers",
        "Trekkersrol:",
        "Cluster Zorg",
        "MJP: AC000219",
        "2023 2024 2025",
        "500 EUR 500 EUR 500 EUR",
        "Doelstelling 13.2.: De Stad bevordert de sociale cohesie.",
        "De Stad zet in op buurtopbouwwerk",
        "Trekkersrol:",
        "dienst Samenleving",
        "MJP: AC000224",
        "2023 2024 2025",
        "/ / /",
    ]
    lines = [Line(number, text) for number, text in enumerate(texts, start=1)]
    document = AalstParser().parse("mini.txt", lines)
    goals = [c for c in document.cards if c.kind is CardKind.DOELSTELLING]
    assert [g.id for g in goals] == ["Doelstelling 13.1", "Doelstelling 13.2", "Doelstelling 13.3"]
    assert goals[2].title == "De Stad bevordert de sociale cohesie."
    last = document.cards[-1]
    assert (last.id, last.parent, last.title) == (
        "D13.3-A1",
        "Doelstelling 13.3",
        "De Stad zet in op buurtopbouwwerk",
    )


def test_no_card_starts_in_the_overview(parsed: ParsedDocument, file_lines: list[str]) -> None:
    overview_start = next(i for i, t in enumerate(file_lines, 1) if t.startswith("› Ambitie 1:"))
    body_start = max(i for i, t in enumerate(file_lines, 1) if t.strip() == "Ambitie 1:")
    assert overview_start < body_start
    assert min(c.start_line for c in parsed.cards) == body_start
    assert card(parsed, "Ambitie 1").start_line == body_start


def test_spans_are_ordered_and_do_not_overlap(parsed: ParsedDocument) -> None:
    previous_end = 0
    for action in of_kind(parsed, CardKind.ACTIE):
        assert previous_end < action.start_line <= action.end_line
        previous_end = action.end_line


def test_every_action_starts_on_its_title(parsed: ParsedDocument, file_lines: list[str]) -> None:
    for action in of_kind(parsed, CardKind.ACTIE):
        first_line = " ".join(file_lines[action.start_line - 1].split())
        assert action.title.startswith(first_line), action.id
        assert not re.match(r"\d+ Samenwerkingsovereenkomsten", action.title)


def test_action_with_partner_and_decimal_budget(parsed: ParsedDocument) -> None:
    action = card(parsed, "D1.1-A3")
    assert action.title == "De Stad biedt een aanbod i.f.v. lokaal cliëntoverleg aan."
    assert (action.start_line, action.end_line) == (558, 580)
    assert action.fields.trekker == (
        "dienst Samenleving – team lokaal sociaal beleid en team Bemiddeling"
    )
    assert action.fields.partners == ["Eerstelijnszone Regio Aalst vzw"]
    assert action.fields.mjp_code == "AC000224"
    (row,) = action.fields.budget
    assert (row.label, row.is_income, row.section) == ("Uitgaven", False, None)
    assert [(c.column, c.raw, c.amount, c.year) for c in row.cells] == [
        ("2023", "11 114,35 EUR", Decimal("11114.35"), 2023),
        ("2024", "11 114,35 EUR", Decimal("11114.35"), 2024),
        ("2025", "11 114,35 EUR", Decimal("11114.35"), 2025),
    ]
    assert "Trekkersrol: dienst Samenleving" in action.text
    assert "11 114,35 EUR" in action.text


def test_first_action_and_the_footnote_after_it(
    parsed: ParsedDocument, file_lines: list[str]
) -> None:
    first = card(parsed, "D1.1-A1")
    assert first.title == "De werking van het lokale Welzijnsforum wordt verder uitgerold."
    assert (first.start_line, first.end_line) == (499, 520)
    assert first.fields.mjp_code == "AC000223"
    assert [c.raw for c in first.fields.budget[0].cells] == ["3 000 EUR"] * 3
    assert first.fields.budget[0].cells[0].amount == Decimal("3000")
    # Footnote 1 sits between this action and the next; it belongs to neither.
    assert file_lines[532].startswith("1 Samenwerkingsovereenkomsten")
    second = card(parsed, "D1.1-A2")
    assert second.title == "De Stad zet in op de organisatie van thematische intervisies"
    assert second.start_line == 534
    assert "Samenwerkingsovereenkomsten lokale actoren" not in first.text + second.text
    assert [(c.raw, c.amount) for c in second.fields.budget[0].cells] == [("/", None)] * 3


def test_mjp_nvt_and_missing(parsed: ParsedDocument) -> None:
    nvt = card(parsed, "D1.1-A4")
    assert nvt.fields.mjp_code is None
    assert nvt.fields.other["MJP"] == "nvt"
    assert card(parsed, "D1.1-A9").fields.mjp_code is None  # printed "MJP: AC"
    # "AC00224" lost a zero in print; the code is normalised, the print kept.
    misprint = card(parsed, "D5.1-A1")
    assert misprint.fields.mjp_code == "AC000224"
    assert misprint.fields.other["MJP"] == "AC00224"


def test_shared_mjp_code(parsed: ParsedDocument) -> None:
    sharing = [c for c in of_kind(parsed, CardKind.ACTIE) if c.fields.mjp_code == "AC000224"]
    assert len(sharing) >= 40
    assert {"D1.1-A2", "D1.1-A3", "D4.1-A4", "D13.3-A2"} <= {c.id for c in sharing}
    assert len({c.parent for c in sharing}) > 10


def test_wrapped_title_amounts_and_two_line_partner_label(parsed: ParsedDocument) -> None:
    action = card(parsed, "D4.1-A4")
    assert action.title == (
        "De Stad ondersteunt de organisatie van een jaarlijks kerstfeest "
        "voor wie het moeilijk heeft in onze stad"
    )
    assert (action.start_line, action.end_line) == (1545, 1581)
    assert action.fields.partners == ["Kerst in de Stad vzw"]
    assert "Samenwerkingsovereenkomst met: Kerst in de Stad vzw" in action.text
    assert [(c.raw, c.amount) for c in action.fields.budget[0].cells] == [
        ("5 000 EUR", Decimal("5000"))
    ] * 3


def test_income_row(parsed: ParsedDocument) -> None:
    (row,) = card(parsed, "D10.3-A1").fields.budget
    assert (row.label, row.is_income) == ("Inkomsten", True)
    assert [(c.raw, c.amount) for c in row.cells] == [
        ("17 000 EUR inkomsten", Decimal("17000"))
    ] * 3


def test_several_mjp_codes_and_cells_with_two_amounts(parsed: ParsedDocument) -> None:
    action = card(parsed, "D5.2-A1")
    assert action.fields.mjp_code == "AC000208"
    assert action.fields.other["MJP-codes"] == "AC000208, AC000206, AC000209"
    rows = [(r.section, [c.amount for c in r.cells]) for r in action.fields.budget]
    assert rows == [
        ("MJP AC000208", [Decimal("8250")] * 3),
        ("MJP AC000208", [Decimal("100000")] * 3),
        ("MJP AC000206", [Decimal("17000")] * 3),
        ("MJP AC000206", [Decimal("4500")] * 3),
        ("MJP AC000209", [Decimal("313500")] * 3),
    ]


def test_amount_and_footnote_mark_wrapped_over_lines(parsed: ParsedDocument) -> None:
    (row,) = card(parsed, "D2.1-A3").fields.budget
    assert [(c.raw, c.amount) for c in row.cells] == [
        ("595 729,16 EUR *", Decimal("595729.16"))
    ] * 3
    assert card(parsed, "D2.1-A3").fields.other["Opmerking"].startswith("*Is 1 budget")


def test_word_cells(parsed: ParsedDocument) -> None:
    (row,) = card(parsed, "D7.2-A4").fields.budget
    assert len(row.cells) == 3
    assert all(
        c.raw.startswith("Te bepalen (wordt berekend") and c.amount is None for c in row.cells
    )
    assert "8 900 EUR" in row.cells[0].raw


def test_table_spilling_over_a_page_stays_with_its_action(parsed: ParsedDocument) -> None:
    action = card(parsed, "D1.3-A3")
    assert action.end_line == 924
    assert action.fields.trekker == (
        "Cluster Mens - Jeugd; dienst Samenleving – team Lokaal sociaal beleid; "
        "dienst Gebouwen en technieken"
    )
    assert "997 000 EUR investeringsbudget" in action.fields.other["Opmerking"]
    following = card(parsed, "D1.3-A4")
    assert following.start_line == 928
    assert following.title.startswith("De Stad zet in op de verdere uitbouw van Ontmoetingshuis")


def test_table_printed_out_of_order(parsed: ParsedDocument) -> None:
    # "Trekkersrol: MJP: AC000224" / "2023 2024 2025" / lead, partners, then the amounts.
    action = card(parsed, "D13.3-A2")
    assert action.fields.mjp_code == "AC000224"
    assert action.fields.trekker == (
        "dienst Samenleving – team Lokaal Sociaal Beleid; dienst Ontwikkeling"
    )
    assert action.fields.partners == ["Vierdewereldgroep Mensen voor Mensen vzw"]
    assert [c.amount for c in action.fields.budget[0].cells] == [Decimal("55571.75")] * 3
    assert action.fields.other["Opmerking"].startswith("Opmerking: Vierdewereldgroep")


def test_partner_lists_are_split_into_names(parsed: ParsedDocument) -> None:
    assert card(parsed, "D5.1-A1").fields.partners == ["Emino vzw", "Arktos vzw"]
    assert card(parsed, "D6.2-A3").fields.partners == ["Agentschap Integratie en Inburgering"]
    assert card(parsed, "D13.1-A1").fields.partners == ["LDC De Toekomst", "LDC De Dendervallei"]


def test_ambition_card(parsed: ParsedDocument) -> None:
    ambition = card(parsed, "Ambitie 11")
    assert ambition.title == "Elke Aalstenaar heeft toegang tot betaalbare gezondheidszorg."
    assert ambition.fields.other["Domein"] == "WELZIJN EN GEZONDHEID"
    assert ambition.fields.description is not None
    assert ambition.fields.description.startswith("Onderzoek (enquête naar de inkomens")
    assert ambition.end_line < card(parsed, "Doelstelling 11.1").start_line
    # Ambitie 12 prints no domain heading of its own: it is in the same domain.
    assert card(parsed, "Ambitie 12").fields.other["Domein"] == "WELZIJN EN GEZONDHEID"
    # Footnote 7 stands inside the motivation of Ambitie 7 and is left out.
    assert "kansarmoede -index van Kind & Gezin" not in card(parsed, "Ambitie 7").text


def test_goal_card(parsed: ParsedDocument) -> None:
    goal = card(parsed, "Doelstelling 4.2")
    assert goal.title == "De Stad zet in op materiële hulp."
    assert goal.parent == "Ambitie 4"
    assert (goal.start_line, goal.end_line) == (1582, 1582)
    assert goal.text.startswith("Doelstelling 4.2: De Stad zet in op materiële hulp.")


def test_document_info(parsed: ParsedDocument) -> None:
    info = parsed.info
    assert info.label == "Stad Aalst – lokaal sociaal beleidsplan 2023-2025"
    assert (info.issuer, info.municipalities) == ("Stad Aalst", ["Aalst"])
    assert (info.report_kind, info.period, info.year) == (
        "lokaal sociaal beleidsplan",
        "2023-2025",
        2023,
    )
    assert len(parsed.sha256) == 64


def test_pdf_like_lines_give_the_same_cards(aalst_path: Path, parsed: ParsedDocument) -> None:
    paged = AalstParser().parse(aalst_path.name, read_lines(aalst_path, pages=True))
    assert [(c.id, c.start_line, c.end_line, c.title) for c in paged.cards] == [
        (c.id, c.start_line, c.end_line, c.title) for c in parsed.cards
    ]
    assert paged.by_id("D1.1-A2").start_page is not None  # type: ignore[union-attr]


def test_matches_only_the_aalst_plan() -> None:
    verdicts = {
        path.name[:3]: AalstParser().matches(read_lines(path))
        for path in sorted(bundled_corpus_dir().glob("*.txt"))
    }
    assert verdicts == {"000": False, "001": False, "002": True, "003": False, "004": False}


def test_empty_document_is_refused() -> None:
    with pytest.raises(IngestError, match="geen tekst"):
        AalstParser().parse("leeg.txt", [Line(1, "  ")])


def test_table_rows_joined_by_tabs_as_from_docx() -> None:
    texts = [
        "WELZIJN EN GEZONDHEID",
        "Ambitie 11: Elke Aalstenaar heeft toegang tot betaalbare gezondheidszorg.",
        "Motivatie",
        "Armoede heeft een impact op gezondheid.",
        "Doelstelling 11.1.: De Stad ondersteunt laagdrempelige gezondheidszorg.",
        "De Stad zet in op palliatieve zorg",
        "De stad ondersteunt begeleiding van mensen in de thuissituatie.",
        "Trekkersrol:\tdienst Samenleving – team Lokaal Sociaal Beleid",
        "Samenwerkingsovereenkomst met:\tvzw Palliatieve Zorg Aalst",
        "MJP: AC000224",
        "2023\t2024\t2025",
        "102 252,02 EUR\t102 252,02 EUR\t/",
        "Ontvangsten",
        "1 000 EUR\t1 000 EUR\t1 000 EUR",
    ]
    lines = [Line(number, text) for number, text in enumerate(texts, start=1)]
    assert AalstParser().matches(lines) is False  # one table is no plan
    document = AalstParser().parse("eigen.docx", lines)
    action = card(document, "D11.1-A1")
    assert action.fields.trekker == "dienst Samenleving – team Lokaal Sociaal Beleid"
    assert action.fields.partners == ["vzw Palliatieve Zorg Aalst"]
    expense, income = action.fields.budget
    assert [(c.raw, c.amount) for c in expense.cells] == [
        ("102 252,02 EUR", Decimal("102252.02")),
        ("102 252,02 EUR", Decimal("102252.02")),
        ("/", None),
    ]
    assert (income.label, income.is_income) == ("Ontvangsten", True)
    assert card(document, "Ambitie 11").fields.other["Domein"] == "WELZIJN EN GEZONDHEID"
