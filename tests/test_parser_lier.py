"""The Stad Lier parsers against the two sample reports (000: evaluation 2024 Q2, 001: 2020)."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest

from actiewijzer.ingest.models import (
    BudgetRow,
    Card,
    CardKind,
    DocumentFamily,
    IngestError,
    Line,
    ParsedDocument,
)
from actiewijzer.ingest.parsers.lier import LierEvaluatieParser, LierRapportParser
from actiewijzer.settings import bundled_corpus_dir

EVALUATION_COLUMNS = [
    "Budget 2024",
    "Budget BEO 2024",
    "Aanwending 2024 Q2",
    "% Aangewend 2024 Q2",
    "Geboekt 2024 Q2",
    "% Geboekt 2024 Q2",
]


def corpus_file(prefix: str) -> Path:
    return next(bundled_corpus_dir().glob(f"{prefix}_*.txt"))


def read_lines(path: Path) -> list[Line]:
    text = path.read_text(encoding="utf-8")
    return [Line(number=i, text=t) for i, t in enumerate(text.splitlines(), start=1)]


@pytest.fixture(scope="module")
def evaluation() -> ParsedDocument:
    path = corpus_file("000")
    return LierEvaluatieParser().parse(path.name, read_lines(path))


@pytest.fixture(scope="module")
def report() -> ParsedDocument:
    path = corpus_file("001")
    return LierRapportParser().parse(path.name, read_lines(path))


def card(document: ParsedDocument, card_id: str) -> Card:
    found = document.by_id(card_id)
    assert found is not None, f"{card_id} missing"
    return found


def row(card: Card, label: str, section: str = "Exploitatie") -> BudgetRow:
    return next(r for r in card.fields.budget if r.label == label and r.section == section)


# --- recognising the family -------------------------------------------------------------


@pytest.mark.parametrize(
    ("prefix", "evaluation_matches", "report_matches"),
    [
        ("000", True, False),
        ("001", False, True),
        ("002", False, False),
        ("003", False, False),
        ("004", False, False),
    ],
)
def test_matches_recognises_the_family_from_the_text(
    prefix: str, evaluation_matches: bool, report_matches: bool
) -> None:
    lines = read_lines(corpus_file(prefix))
    assert LierEvaluatieParser().matches(lines) is evaluation_matches
    assert LierRapportParser().matches(lines) is report_matches


def test_families() -> None:
    assert LierEvaluatieParser().family is DocumentFamily.LIER_EVALUATIE
    assert LierRapportParser().family is DocumentFamily.LIER_RAPPORT


# --- document info ----------------------------------------------------------------------


def test_document_info_of_the_evaluation(evaluation: ParsedDocument) -> None:
    info = evaluation.info
    assert info.doc == corpus_file("000").name
    assert info.family is DocumentFamily.LIER_EVALUATIE
    assert info.label == "Stad Lier – evaluatie 2024 Q2"
    assert (info.issuer, info.municipalities) == ("Stad Lier", ["Lier"])
    assert (info.report_kind, info.period, info.year) == ("evaluatierapport", "2024 Q2", 2024)


def test_document_info_of_the_report(report: ParsedDocument) -> None:
    info = report.info
    assert info.family is DocumentFamily.LIER_RAPPORT
    assert info.label == "Stad en OCMW Lier – rapport 2020"
    assert (info.issuer, info.municipalities) == ("Stad en OCMW Lier", ["Lier"])
    assert (info.report_kind, info.period, info.year) == ("rapport", "2020", 2020)


# --- cards, ids, parents ----------------------------------------------------------------


@pytest.mark.parametrize(("fixture", "actions"), [("evaluation", 29), ("report", 25)])
def test_card_counts(fixture: str, actions: int, request: pytest.FixtureRequest) -> None:
    document: ParsedDocument = request.getfixturevalue(fixture)
    kinds = Counter(c.kind for c in document.cards)
    assert kinds == {
        CardKind.BELEIDSDOELSTELLING: 1,
        CardKind.ACTIEPLAN: 4,
        CardKind.ACTIE: actions,
    }
    assert len({c.id for c in document.cards}) == len(document.cards)


@pytest.mark.parametrize("fixture", ["evaluation", "report"])
def test_ids_and_parent_links(fixture: str, request: pytest.FixtureRequest) -> None:
    document: ParsedDocument = request.getfixturevalue(fixture)
    for c in document.cards:
        if c.kind is CardKind.BELEIDSDOELSTELLING:
            assert (c.id, c.parent, c.title) == ("01/11", None, "Sociale dienstverlening")
        elif c.kind is CardKind.ACTIEPLAN:
            assert c.id.startswith("01/11/SAP/0") and c.id.count("/") == 3
            assert c.parent == "01/11"
        else:
            assert c.id.count("/") == 4
            assert c.parent == c.id.rsplit("/", 1)[0]
            assert document.by_id(c.parent) is not None
        assert c.printed_id and c.doc == document.info.doc
    action = card(document, "01/11/SAP/02/03")
    assert [a.id for a in document.ancestors(action)] == ["01/11/SAP/02", "01/11"]


@pytest.mark.parametrize(("fixture", "prefix"), [("evaluation", "000"), ("report", "001")])
def test_every_card_starts_on_its_printed_number(
    fixture: str, prefix: str, request: pytest.FixtureRequest
) -> None:
    document: ParsedDocument = request.getfixturevalue(fixture)
    lines = read_lines(corpus_file(prefix))
    for c in document.cards:
        assert 1 <= c.start_line <= c.end_line <= len(lines)
        if c.kind is not CardKind.BELEIDSDOELSTELLING:
            assert c.id in lines[c.start_line - 1].text
        assert lines[c.end_line - 1].text.strip(), "a card ends on a printed line"


def test_same_number_means_another_action_in_each_year(
    evaluation: ParsedDocument, report: ParsedDocument
) -> None:
    in_2024 = card(evaluation, "01/11/SAP/01/01")
    in_2020 = card(report, "01/11/SAP/01/01")
    assert in_2024.title == "Samenwerkingsverbanden in kader van Lokale Diensten Economie"
    assert in_2020.title == "Ondersteuning Fietspunt"


# --- spans and titles, checked against the files ----------------------------------------


@pytest.mark.parametrize(
    ("card_id", "start", "end", "title"),
    [
        ("01/11", 1, 8, "Sociale dienstverlening"),
        ("01/11/SAP/01", 11, 85, "Werkervaring kansengroepen"),
        (
            "01/11/SAP/01/01",
            88,
            161,
            "Samenwerkingsverbanden in kader van Lokale Diensten Economie",
        ),
        ("01/11/SAP/01/06", 472, 515, "Uitbouw gemeenschapsdienst"),
        (
            "01/11/SAP/01/07",
            516,
            562,
            "Uitbouw van project Lokale Partnerschappen in functie van activeringsbegeleiding "
            "van mensen met verre afstand tot de arbeidsmarkt.",
        ),
        (
            "01/11/SAP/02/02",
            692,
            738,
            "Ondersteuning Vertrouwenscentrum Kindermishandeling en ondersteuning Family "
            "Justice Center",
        ),
        ("01/11/SAP/03", 1634, 1792, "Dienstverlening"),
        (
            "01/11/SAP/04/04",
            2102,
            2149,
            "Toekenning aanvullende financiële steun rond kosten huisvesting",
        ),
    ],
)
def test_evaluation_spans_and_titles(
    evaluation: ParsedDocument, card_id: str, start: int, end: int, title: str
) -> None:
    c = card(evaluation, card_id)
    assert (c.start_line, c.end_line, c.title) == (start, end, title)


@pytest.mark.parametrize(
    ("card_id", "start", "end", "title"),
    [
        ("01/11", 5, 19, "Sociale dienstverlening"),
        ("01/11/SAP/01", 23, 53, "Werkervaring kansengroepen"),
        ("01/11/SAP/01/01", 57, 75, "Ondersteuning Fietspunt"),
        ("01/11/SAP/02", 157, 189, "Kinderarmoede"),
        ("01/11/SAP/02/14", 489, 507, "Bouw of verbouwing Huis van het kind"),
        ("01/11/SAP/04/01", 615, 629, "Acute Opvang voor mensen in woonnood"),
        (
            "01/11/SAP/04/04",
            673,
            695,
            "Toekenning aanvullende financiële steun rond kosten huisvesting",
        ),
    ],
)
def test_report_spans_and_titles(
    report: ParsedDocument, card_id: str, start: int, end: int, title: str
) -> None:
    c = card(report, card_id)
    assert (c.start_line, c.end_line, c.title) == (start, end, title)


# --- card text --------------------------------------------------------------------------


@pytest.mark.parametrize("fixture", ["evaluation", "report"])
def test_card_text_has_no_page_furniture_or_glyphs(
    fixture: str, request: pytest.FixtureRequest
) -> None:
    document: ParsedDocument = request.getfixturevalue(fixture)
    for c in document.cards:
        assert "Pagina" not in c.text
        assert "\uf0b7" not in c.text + c.title
        assert c.text.startswith(c.id) or c.kind is CardKind.BELEIDSDOELSTELLING


def test_footer_inside_a_card_is_dropped_but_the_span_goes_on(evaluation: ParsedDocument) -> None:
    c = card(evaluation, "01/11/SAP/01/01")  # "Stad en OCMW Lier Pagina 6" sits on line 141
    assert c.start_line < 141 < c.end_line
    assert "Tijd (status)\n\nTijd (toelichting)" in c.text
    assert "bouwen." in c.text


def test_plan_text_leaves_its_actions_out(
    evaluation: ParsedDocument, report: ParsedDocument
) -> None:
    for document in (evaluation, report):
        plan = card(document, "01/11/SAP/01")
        assert "01/11/SAP/01/01" not in plan.text
        assert not plan.text.rstrip().endswith("Actie")


# --- fields -----------------------------------------------------------------------------


def test_evaluation_action_fields(evaluation: ParsedDocument) -> None:
    fields = card(evaluation, "01/11/SAP/01/01").fields
    assert fields.description == (
        "Lier kent een toelage toe aan vzw Werkmmaat voor realisatie van Fietspunt als "
        "werkervaringsproject voor leefloners van OCMW Lier."
    )
    assert fields.status == "2 - Halverwege"
    assert fields.status_notes is not None
    assert fields.status_notes.startswith("Fietspunt heeft in essentie tot doel")
    assert "• Fietsverhuringen via Blue-bike" in fields.status_notes
    assert fields.time_notes is not None
    assert fields.time_notes.startswith("Deze actie is een continue proces")
    assert (fields.start_date, fields.end_date) == ("01-01-2020", "31-12-2025")
    assert fields.budget == []


@pytest.mark.parametrize(
    ("card_id", "status"),
    [
        ("01/11/SAP/01/06", "3 - Nadert einde"),
        ("01/11/SAP/01/07", "1 - Gestart"),
        ("01/11/SAP/02/06", "4 - Afgerond"),
        ("01/11/SAP/01/04", "2 - Halverwege"),
    ],
)
def test_evaluation_statuses(evaluation: ParsedDocument, card_id: str, status: str) -> None:
    assert card(evaluation, card_id).fields.status == status


def test_evaluation_plan_budget_and_indicators(evaluation: ParsedDocument) -> None:
    plan = card(evaluation, "01/11/SAP/01")
    assert (
        plan.fields.money_notes == "Het actieplan wordt binnen het beschikbare budget gerealiseerd."
    )
    income = row(plan, "Ontvangsten")
    assert income.is_income
    assert [cell.column for cell in income.cells] == EVALUATION_COLUMNS
    first = income.cells[0]
    assert (first.raw, first.amount, first.year) == ("1.174.330,99", Decimal("1174330.99"), 2024)
    balance = row(plan, "Saldo Exploitatie")
    assert not balance.is_income
    assert balance.cells[-1].raw == "-16,48"
    assert balance.cells[-1].amount == Decimal("-16.48")
    assert len(plan.fields.indicators) == 4
    assert plan.fields.indicators[0] == (
        "Werkzoekendengraad algemeen: actuele werkzoekendengraad (jaarlijks)"
    )
    assert plan.fields.indicators[1] == (
        "Werkzoekendengraad bij langdurig werkzoekenden – actueel aandeel in het "
        "werkzoekendenbestand (jaarlijks)"
    )


def test_evaluation_investment_rows(evaluation: ParsedDocument) -> None:
    plan = card(evaluation, "01/11/SAP/02")
    assert [(r.section, r.label) for r in plan.fields.budget] == [
        ("Exploitatie", "Ontvangsten"),
        ("Exploitatie", "Uitgaven"),
        ("Exploitatie", "Saldo Exploitatie"),
        ("Investeringen", "Uitgaven"),
        ("Investeringen", "Saldo Investeringen"),
    ]
    spent = row(plan, "Uitgaven", "Investeringen")
    assert spent.cells[0].raw == "50.000,00"
    assert spent.cells[0].amount == Decimal("50000.00")
    assert len(plan.fields.indicators) == 3


def test_goal_gets_the_totals_printed_after_the_last_action(evaluation: ParsedDocument) -> None:
    goal = card(evaluation, "01/11")
    assert goal.fields.description is not None
    assert goal.fields.description.startswith("Stad Lier investeert uitgebreid in welzijn")
    income = row(goal, "Ontvangsten")
    assert income.cells[0].raw == "10.112.241,51"
    assert "Totaal niet prioritaire actieplannen" in goal.fields.other
    # The last action stops before the totals.
    assert "Totaal" not in card(evaluation, "01/11/SAP/04/04").text


def test_report_action_fields(report: ParsedDocument) -> None:
    fields = card(report, "01/11/SAP/01/02").fields
    assert fields.description is not None
    assert fields.description.startswith("Om maximale toeleiding van OCMW-cliënten")
    assert (fields.start_date, fields.end_date) == ("01-01-2020", "31-12-2022")
    assert fields.status == "1-gestart"
    assert fields.status_notes is not None
    assert fields.status_notes.startswith("Deze actie heeft tot doel")
    assert fields.time_notes is not None
    assert fields.time_notes.startswith("Door de Corona-crisis")


@pytest.mark.parametrize(
    ("card_id", "status"),
    [
        ("01/11/SAP/02/14", "0-Nog niet begonnen"),
        ("01/11/SAP/03/01", "4-Afgerond"),
        ("01/11/SAP/03", "4 - Afgerond"),
        ("01/11/SAP/01", "1 - Gestart"),
    ],
)
def test_report_statuses(report: ParsedDocument, card_id: str, status: str) -> None:
    assert card(report, card_id).fields.status == status


def test_report_labels_in_markdown_bold_are_labels(report: ParsedDocument) -> None:
    fields = card(report, "01/11/SAP/04/01").fields
    assert fields.status_notes is not None
    assert fields.status_notes.startswith("In de eerste plaats")
    assert fields.time_notes == (
        "Ook in 2020 is het aanbod aan Acute Opvang verstrekt en - via lokale maatregelen - "
        "nog verruimd."
    )


def test_report_description_heals_a_blank_line_inside_a_sentence(report: ParsedDocument) -> None:
    description = card(report, "01/11/SAP/04/02").fields.description
    assert description is not None
    assert "huurder met als doel de verbetering" in description


def test_report_plan_fields_and_budget(report: ParsedDocument) -> None:
    plan = card(report, "01/11/SAP/02")
    fields = plan.fields
    assert (fields.money_status, fields.status) == ("G", "1 - Gestart")
    assert fields.money_notes is not None
    assert fields.money_notes.startswith("De effectieve uitgaven sluiten nauw aan")
    assert (fields.start_date, fields.end_date) == ("01-01-2020", "31-12-2025")
    income = row(plan, "Ontvangsten")
    assert income.is_income
    assert [(c.column, c.raw, c.amount, c.year) for c in income.cells] == [
        ("Geboekt 2020", "76.471,72", Decimal("76471.72"), 2020),
        ("Budget 2020", "38.328,00", Decimal("38328.00"), 2020),
    ]
    investment = row(plan, "Uitgaven", "Investerings")  # printed so, without the final "en"
    assert investment.cells[1].amount == Decimal("-6500.00")
    first_plan = card(report, "01/11/SAP/01")
    assert row(first_plan, "Saldo Exploitatie").cells[0].raw == "-206.981,01"


def test_report_goal_keeps_its_cover_details(report: ParsedDocument) -> None:
    goal = card(report, "01/11")
    assert goal.fields.other["Burgemeester"] == "Frank Boogaerts"
    assert row(goal, "Uitgaven", "Investerings").cells[0].raw == "102.579,37"


# --- other inputs: PDF pages, numbers on their own line, empty input --------------------


def paged(lines: list[Line], page_size: int = 40) -> list[Line]:
    """The evaluation as a PDF loader would give it: a running header and a footer per page."""
    out: list[Line] = []
    for page, start in enumerate(range(0, len(lines), page_size), start=1):
        chunk = [
            "Evaluatie beleidsdoelstellingen 2024 Q2",
            *(line.text for line in lines[start : start + page_size]),
            f"Stad en OCMW Lier Pagina {page}",
        ]
        first = len(out) + 1
        out.extend(Line(number=first + i, text=t, page=page) for i, t in enumerate(chunk))
    return out


def test_pdf_pages_give_the_same_cards_with_pages(evaluation: ParsedDocument) -> None:
    lines = paged(read_lines(corpus_file("000")))
    document = LierEvaluatieParser().parse("000.pdf", lines)
    assert [c.id for c in document.cards] == [c.id for c in evaluation.cards]
    by_number = {line.number: line for line in lines}
    for plain, from_pdf in zip(evaluation.cards, document.cards, strict=True):
        assert from_pdf.title == plain.title
        assert from_pdf.text == plain.text
        assert from_pdf.fields == plain.fields
        assert "Evaluatie beleidsdoelstellingen" not in from_pdf.text
        assert from_pdf.start_page == by_number[from_pdf.start_line].page
        assert from_pdf.end_page == by_number[from_pdf.end_line].page
    assert document.info.period == "2024 Q2"


def test_number_alone_on_its_line_takes_the_title_from_the_next() -> None:
    texts = [
        "Overkoepelende evaluatie beleidsdoelstelling",
        "Prioritaire Actieplannen",
        "02/03/SAP/01 Veilig fietsen",
        "Omschrijving",
        "Lier legt fietspaden aan.",
        "Actie",
        "\uf0b7 02/03/SAP/01/01",
        "Fietspad langs de Nete",
        "Omschrijving",
        "Een nieuw fietspad.",
        "Stand van zaken (toelichting)",
        "Loopt.",
        "Status",
        "1 - Gestart",
        "\uf0b7 02/03/SAP/01/02 Fietsstallingen aan het",
        "station",
        "Status",
        "2 - Halverwege",
    ]
    lines = [Line(number=i, text=t) for i, t in enumerate(texts, start=1)]
    assert LierEvaluatieParser().matches(lines)
    document = LierEvaluatieParser().parse("synthetisch.txt", lines)
    first = card(document, "02/03/SAP/01/01")
    assert (first.title, first.start_line, first.end_line) == ("Fietspad langs de Nete", 7, 14)
    assert first.fields.description == "Een nieuw fietspad."
    assert first.fields.status == "1 - Gestart"
    assert card(document, "02/03/SAP/01/02").title == "Fietsstallingen aan het station"
    goal = card(document, "02/03")
    assert (goal.parent, goal.start_line, goal.end_line) == (None, 1, 1)
    assert card(document, "02/03/SAP/01").end_line == 5


def test_text_without_cards_is_refused() -> None:
    with pytest.raises(IngestError, match=r"leeg\.txt"):
        LierRapportParser().parse("leeg.txt", [Line(number=1, text="  ")])
