"""Typed action cards: the unit of retrieval, citation and evaluation."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from pydantic import BaseModel, Field


@dataclass(frozen=True, slots=True)
class Line:
    """One line of extracted text. `number` is 1-based; `page` is set for PDF only."""

    number: int
    text: str
    page: int | None = None


class DocumentFamily(StrEnum):
    LIER_EVALUATIE = "lier-evaluatie"  # 000: Stad Lier evaluation 2024 Q2
    LIER_RAPPORT = "lier-rapport"  # 001: Stad en OCMW Lier report on 2020
    AALST_LSB = "aalst-lsb"  # 002: Aalst lokaal sociaal beleidsplan 2023-2025
    ESF_ADDENDUM = "esf-addendum"  # 003: Lier-Heist-Berlaar-Nijlen addendum
    VAPA = "vapa"  # 004: Vlaams Actieplan Armoedebestrijding inventory
    GENERIC = "generic"  # any other document


class CardKind(StrEnum):
    BELEIDSDOELSTELLING = "beleidsdoelstelling"
    ACTIEPLAN = "actieplan"
    ACTIE = "actie"
    AMBITIE = "ambitie"
    DOELSTELLING = "doelstelling"
    GRONDRECHT = "grondrecht"
    REGIO_UITDAGING = "regio-uitdaging"
    SECTIE = "sectie"


class BudgetCell(BaseModel):
    column: str  # column label as printed, e.g. "Budget 2024", "Geboekt 2020", "2025"
    raw: str  # as printed: "1.174.330,99", "3 000 EUR", "/"
    amount: Decimal | None = None  # None when the cell is empty or "/"
    year: int | None = None


class BudgetRow(BaseModel):
    section: str | None = None  # "Exploitatie", "Investeringen", ...
    label: str  # "Ontvangsten", "Uitgaven", "Saldo Exploitatie", "Uitgaven" (Aalst default)
    is_income: bool = False
    cells: list[BudgetCell] = Field(default_factory=list)


class Milestone(BaseModel):
    year: str  # "2015", "2016-2017", ...
    text: str


class CardFields(BaseModel):
    """Structured fields; each stays None/empty when the document does not print it."""

    description: str | None = None  # Omschrijving / body summary
    status: str | None = None  # "2 - Halverwege", "4-Afgerond", ...
    status_notes: str | None = None  # Stand van zaken (toelichting)
    money_status: str | None = None  # Geld (status / indicator)
    money_notes: str | None = None
    time_status: str | None = None
    time_notes: str | None = None
    start_date: str | None = None
    end_date: str | None = None
    budget: list[BudgetRow] = Field(default_factory=list)
    indicators: list[str] = Field(default_factory=list)
    trekker: str | None = None  # Trekkersrol
    partners: list[str] = Field(default_factory=list)
    mjp_code: str | None = None
    kabinet: str | None = None
    administratie: str | None = None
    betrokkenen: str | None = None
    korte_inhoud: str | None = None
    mijlpalen: list[Milestone] = Field(default_factory=list)
    persona: str | None = None
    obstacles: list[str] = Field(default_factory=list)
    outcomes: list[str] = Field(default_factory=list)
    # Any other labelled block the document prints ("Doelgroep", "Timing", ...), label -> text.
    other: dict[str, str] = Field(default_factory=dict)


class DocumentInfo(BaseModel):
    doc: str  # file name, the document's key
    family: DocumentFamily
    label: str  # human label: "Stad Lier – evaluatie 2024 Q2"
    issuer: str
    municipalities: list[str] = Field(default_factory=list)
    report_kind: str  # "evaluatierapport", "rapport", "lokaal sociaal beleidsplan", ...
    period: str  # "2024 Q2", "2020", "2023-2025", "2015-2019"
    year: int | None = None  # the year a citation shows


class Card(BaseModel):
    doc: str
    id: str  # as printed: "01/11/SAP/02/04", "07_04_01", "Regio-uitdaging 3"; Aalst: "D4.2-A3"
    kind: CardKind
    title: str
    parent: str | None = None  # the parent card's id, in the same document
    text: str  # full card text, page furniture removed
    start_line: int  # 1-based, inclusive
    end_line: int
    start_page: int | None = None
    end_page: int | None = None
    printed_id: bool = True  # False for ids we made up (Aalst actions, generic sections)
    fields: CardFields = Field(default_factory=CardFields)

    @property
    def key(self) -> str:
        return f"{self.doc}::{self.id}"


class ParsedDocument(BaseModel):
    info: DocumentInfo
    cards: list[Card]
    sha256: str = ""

    def by_id(self, card_id: str) -> Card | None:
        return next((c for c in self.cards if c.id == card_id), None)

    def ancestors(self, card: Card) -> list[Card]:
        """Parent chain, nearest first; used to put plan and goal titles in what we index."""
        chain: list[Card] = []
        seen = {card.id}
        parent = self.by_id(card.parent) if card.parent else None
        while parent is not None and parent.id not in seen:
            chain.append(parent)
            seen.add(parent.id)
            parent = self.by_id(parent.parent) if parent.parent else None
        return chain


class IngestError(Exception):
    """A file that cannot be ingested. The message is Dutch and names the file."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
