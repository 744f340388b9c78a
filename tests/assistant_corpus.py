"""A small card set cut from the real sample corpus, for fast assistant tests.

Card text is the corpus text of the given line range; fields copy what those lines print.
Used while (and besides) the full parsers and CardIndex run in the slow tests."""

from __future__ import annotations

from decimal import Decimal
from functools import cache

from actiewijzer.assistant.testing import InMemoryCardIndex
from actiewijzer.ingest.models import (
    BudgetCell,
    BudgetRow,
    Card,
    CardFields,
    CardKind,
    DocumentFamily,
    DocumentInfo,
    Milestone,
    ParsedDocument,
)
from actiewijzer.settings import bundled_corpus_dir

DOC_2024 = "000_1d3db954757a17d2.txt"
DOC_2020 = "001_79d99e376702927a.txt"
DOC_AALST = "002_4541158de1776ede.txt"
DOC_ESF = "003_d1b4bea54399587e.txt"
DOC_VAPA = "004_0bee7784f433cdc9.txt"


@cache
def _lines(doc: str) -> list[str]:
    return (bundled_corpus_dir() / doc).read_text(encoding="utf-8").splitlines()


def _card(doc: str, card_id: str, kind: CardKind, title: str, start: int, end: int, parent: str | None = None, printed: bool = True, **fields: object) -> Card:  # fmt: skip
    return Card(
        doc=doc,
        id=card_id,
        kind=kind,
        title=title,
        parent=parent,
        text="\n".join(_lines(doc)[start - 1 : end]),
        start_line=start,
        end_line=end,
        printed_id=printed,
        fields=CardFields.model_validate(fields),
    )


def _cell(column: str, raw: str, year: int | None) -> BudgetCell:
    amount = (
        None
        if raw.strip() in ("", "/")
        else Decimal(raw.replace(" EUR", "").replace(".", "").replace(" ", "").replace(",", "."))
    )
    return BudgetCell(column=column, raw=raw, amount=amount, year=year)


def aalst_budget(raw: str) -> list[BudgetRow]:
    """An Aalst action's table: one expenses row with the same amount for 2023, 2024 and 2025."""
    return [BudgetRow(label="Uitgaven", cells=[_cell(str(y), raw, y) for y in (2023, 2024, 2025)])]


def lier_2024() -> ParsedDocument:
    info = DocumentInfo(doc=DOC_2024, family=DocumentFamily.LIER_EVALUATIE, label="Stad Lier – evaluatie 2024 Q2", issuer="Stad Lier", municipalities=["Lier"], report_kind="evaluatierapport", period="2024 Q2", year=2024)  # fmt: skip
    budget = [
        BudgetRow(section="Exploitatie", label="Ontvangsten", is_income=True, cells=[_cell("Budget 2024", "1.174.330,99", 2024), _cell("Geboekt 2024 Q2", "664.154,79", 2024)]),
        BudgetRow(section="Exploitatie", label="Uitgaven", cells=[_cell("Budget 2024", "1.750.977,50", 2024), _cell("Aanwending 2024 Q2", "664.234,58", 2024), _cell("% Aangewend 2024 Q2", "35,95", 2024), _cell("Geboekt 2024 Q2", "569.149,95", 2024)]),
    ]  # fmt: skip
    return ParsedDocument(info=info, cards=[
        _card(DOC_2024, "01/11/SAP/01", CardKind.ACTIEPLAN, "Werkervaring kansengroepen", 9, 86, description="Lier realiseert tegen 31/12/2025 een verlaging van de werkloosheidsgraad.", budget=budget),
        _card(DOC_2024, "01/11/SAP/01/01", CardKind.ACTIE, "Samenwerkingsverbanden in kader van Lokale Diensten Economie", 88, 162, parent="01/11/SAP/01", description="Lier kent een toelage toe aan vzw Werkmmaat voor realisatie van Fietspunt als werkervaringsproject voor leefloners van OCMW Lier."),
    ])  # fmt: skip


def lier_2020() -> ParsedDocument:
    info = DocumentInfo(doc=DOC_2020, family=DocumentFamily.LIER_RAPPORT, label="Stad en OCMW Lier – rapport 2020", issuer="Stad en OCMW Lier", municipalities=["Lier"], report_kind="rapport", period="2020", year=2020)  # fmt: skip
    budget = [
        BudgetRow(section="Exploitatie", label="Ontvangsten", is_income=True, cells=[_cell("Geboekt 2020", "728.358,95", 2020), _cell("Budget 2020", "701.615,00", 2020)]),
        BudgetRow(section="Exploitatie", label="Uitgaven", cells=[_cell("Geboekt 2020", "935.339,96", 2020), _cell("Budget 2020", "916.400,00", 2020)]),
    ]  # fmt: skip
    return ParsedDocument(info=info, cards=[
        _card(DOC_2020, "01/11/SAP/01", CardKind.ACTIEPLAN, "Werkervaring kansengroepen", 23, 56, status="1 - Gestart", start_date="01-01-2020", end_date="31-12-2025", budget=budget),
        _card(DOC_2020, "01/11/SAP/01/01", CardKind.ACTIE, "Ondersteuning Fietspunt", 57, 76, parent="01/11/SAP/01", status="1-gestart", start_date="01-01-2020", end_date="31-12-2025"),
        _card(DOC_2020, "01/11/SAP/01/02", CardKind.ACTIE, "Uitbesteding intensieve trajecten naar werk(ervaring)", 77, 96, parent="01/11/SAP/01", status="1-gestart", start_date="01-01-2020", end_date="31-12-2022"),
        _card(DOC_2020, "01/11/SAP/03/01", CardKind.ACTIE, "Bouw of verbouwing sociaal restaurant en sociale kruidenier", 561, 579, status="4-Afgerond", start_date="01-01-2020", end_date="31-12-2020"),
    ])  # fmt: skip


def aalst() -> ParsedDocument:
    info = DocumentInfo(doc=DOC_AALST, family=DocumentFamily.AALST_LSB, label="Stad Aalst – lokaal sociaal beleidsplan 2023-2025", issuer="Stad Aalst", municipalities=["Aalst"], report_kind="lokaal sociaal beleidsplan", period="2023-2025", year=2023)  # fmt: skip
    return ParsedDocument(info=info, cards=[
        _card(DOC_AALST, "D1.1-A3", CardKind.ACTIE, "De Stad biedt een aanbod i.f.v. lokaal cliëntoverleg aan.", 556, 580, printed=False, trekker="dienst Samenleving – team lokaal sociaal beleid en team Bemiddeling", partners=["Eerstelijnszone Regio Aalst vzw"], mjp_code="AC000224", budget=aalst_budget("11 114,35 EUR")),
        _card(DOC_AALST, "D7.1-A2", CardKind.ACTIE, "De Stad biedt opvoedingsondersteuning aan huis bij kwetsbare gezinnen met kinderen", 2567, 2590, printed=False, trekker="dienst Samenleving – team Lokaal Sociaal beleid; dienst Ontwikkeling", partners=["Home-Start Domo vzw"], mjp_code="AC000224", budget=aalst_budget("48 343,05 EUR")),
        _card(DOC_AALST, "D11.2-A1", CardKind.ACTIE, "De Stad zet in op de ontwikkeling van een zorgpad voor kwetsbare zwangeren", 4542, 4566, printed=False, trekker="dienst Samenleving – team Lokaal Sociaal Beleid; dienst Ontwikkeling", partners=["vzw Eerstelijnszone Regio Aalst", "WGC Daenshuis vzw", "Vierdewereldgroep Mensen voor Mensen vzw"], mjp_code="AC000224", budget=aalst_budget("48 343,05 EUR")),
    ])  # fmt: skip


def esf() -> ParsedDocument:
    info = DocumentInfo(doc=DOC_ESF, family=DocumentFamily.ESF_ADDENDUM, label="Lier, Heist-op-den-Berg, Berlaar en Nijlen – ESF-addendum 2023", issuer="Lier, Heist-op-den-Berg, Berlaar, Nijlen", municipalities=["Lier", "Heist-op-den-Berg", "Berlaar", "Nijlen"], report_kind="addendum", period="2023", year=2023)  # fmt: skip
    return ParsedDocument(info=info, cards=[
        _card(DOC_ESF, "Regio-uitdaging 3", CardKind.REGIO_UITDAGING, "Regio-uitdaging 3 gebaseerd op persona Roy", 136, 175, persona="Roy", obstacles=["Game- en/of gokverslaving", "Administratieve problemen", "Schulden"]),
    ])  # fmt: skip


def vapa() -> ParsedDocument:
    info = DocumentInfo(doc=DOC_VAPA, family=DocumentFamily.VAPA, label="Vlaams Actieplan Armoedebestrijding 2015-2019", issuer="Vlaamse Regering", municipalities=[], report_kind="actieplan", period="2015-2019", year=2015)  # fmt: skip
    return ParsedDocument(info=info, cards=[
        _card(DOC_VAPA, "07_04_01", CardKind.ACTIE, "Er wordt geïnvesteerd in werkkansen voor mensen met een zodanige afstand tot de arbeidsmarkt", 15380, 15425, kabinet="Sociale Economie", administratie="WSE", mijlpalen=[Milestone(year="2015", text="Start nieuw maatwerkdecreet en LDE-decreet: 1 april 2015")]),
        _card(DOC_VAPA, "08_03_01", CardKind.ACTIE, "Uitwerken en implementeren van een Actieplan Energiearmoede.", 17417, 17580),
    ])  # fmt: skip


def sample_documents() -> list[ParsedDocument]:
    return [lier_2024(), lier_2020(), aalst(), esf(), vapa()]


def sample_index() -> InMemoryCardIndex:
    return InMemoryCardIndex(sample_documents())
