"""What the structural lines of a Lier (BBC) report look like, and which layout a text has.

Both Lier families number their cards the same way: beleidsdoelstelling "01/11",
actieplan "01/11/SAP/01", actie "01/11/SAP/01/03". They differ in how a card is laid out:
the quarterly evaluation labels every block ("Stand van zaken (toelichting)", "Tijd
(toelichting)", "Aanwending 2024 Q2"), the yearly report prints bare "Stand van Zaken" /
"Tijd" blocks with an inline "Startdatum: .. Einddatum: .." line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from actiewijzer.ingest.models import CardKind, Line
from actiewijzer.ingest.parsers.lier_text import unbulleted

_CARD_NUMBER = re.compile(
    r"^(?P<id>\d{2}/\d{2}/[A-Z]{2,5}/\d{2}(?:/\d{2})?)(?![\d/])\s*(?P<title>.*)$"
)
_ANY_CARD_NUMBER = re.compile(r"\d{2}/\d{2}/[A-Z]{2,5}/\d{2}")
# "01/11 Sociale dienstverlening" (report) or "Beleidsdoelstelling 01/11 Sociale ...".
_GOAL_NUMBER = re.compile(
    r"^(?:beleidsdoelstelling:?\s+)?(?P<id>\d{2}/\d{2})(?![\d/])\s+(?P<title>[A-Z].*)$", re.I
)
# The evaluation opens a goal without printing its number; the plans below carry it.
_GOAL_HEADING = re.compile(r"^(?:overkoepelende evaluatie\s+)?beleidsdoelstelling$", re.I)
# Headings between cards that belong to no card.
_SECTION_HEADING = re.compile(
    r"^(?:(?:niet[- ])?prioritaire\s+)?(?:actieplannen|acties)$|^actie$", re.I
)
# Budget totals after the last card: they belong to the goal, not to the last action.
_TOTALS_HEADING = re.compile(
    r"^totaal\s+(?:beleidsdoelstelling|(?:niet[- ])?prioritaire|actieplan)\D*$", re.I
)
_GOAL_TOTALS = re.compile(r"^totaal\s+beleidsdoelstelling\s*(?P<title>.*)$", re.I)
# A table of contents line ("01/11/SAP/01 Werkervaring ....... 5") is no card.
_DOT_LEADER = re.compile(r"\.{4,}\s*\d*$")

_EVALUATION_LABELS = re.compile(
    r"^(?:stand van zaken|tijd|geld)\s*\((?:toelichting|status)\)$"
    r"|^overkoepelende evaluatie\b|\baanwending\s+\d{4}",
    re.I,
)
_REPORT_LABELS = re.compile(
    r"^stand van zaken$|^tijd$|^geld \(indicator\)$|^startdatum:.*einddatum:", re.I
)


class LierLayout(StrEnum):
    EVALUATION = "evaluatie"
    REPORT = "rapport"


class Marker(StrEnum):
    CARD = "card"  # a numbered plan or action
    GOAL = "goal"  # a beleidsdoelstelling, numbered or not
    SECTION = "section"  # a heading that ends the card above and starts none
    TOTALS = "totals"  # a totals table that belongs to the goal


@dataclass(frozen=True, slots=True)
class StructuralLine:
    index: int  # position in the line sequence
    marker: Marker
    card_id: str | None = None
    kind: CardKind | None = None
    title: str = ""


def card_kind(card_id: str) -> CardKind:
    depth = card_id.count("/")
    if depth == 1:
        return CardKind.BELEIDSDOELSTELLING
    return CardKind.ACTIEPLAN if depth == 3 else CardKind.ACTIE


def parent_id(card_id: str) -> str | None:
    parts = card_id.split("/")
    if len(parts) == 2:
        return None
    return "/".join(parts[:2]) if len(parts) == 4 else "/".join(parts[:4])


def classify(index: int, text: str) -> StructuralLine | None:
    """The structural role of one line, or None for ordinary content."""
    clean = unbulleted(text)
    if not clean or _DOT_LEADER.search(clean):
        return None
    if number := _CARD_NUMBER.match(clean):
        title = number["title"].strip()
        # A wrapped sentence can start with a number; a card title never starts lower case.
        if title and not (title[0].isupper() or title[0].isdigit() or title[0] in "'\"‘“("):
            return None
        card_id = number["id"]
        return StructuralLine(index, Marker.CARD, card_id, card_kind(card_id), title)
    if goal := _GOAL_NUMBER.match(clean):
        return StructuralLine(
            index, Marker.GOAL, goal["id"], CardKind.BELEIDSDOELSTELLING, goal["title"].strip()
        )
    if _GOAL_HEADING.match(clean):
        return StructuralLine(index, Marker.GOAL, None, CardKind.BELEIDSDOELSTELLING, clean)
    if _SECTION_HEADING.match(clean):
        return StructuralLine(index, Marker.SECTION)
    if _TOTALS_HEADING.match(clean):
        return StructuralLine(index, Marker.TOTALS, title=clean)
    return None


def goal_title_from_totals(heading: str) -> str | None:
    match = _GOAL_TOTALS.match(heading)
    return match["title"].strip() or None if match else None


def detect_layout(lines: Sequence[Line]) -> LierLayout | None:
    """Which Lier layout the text has, or None when it is not a Lier BBC report at all."""
    # Cheap first look, because every document passes through here.
    if sum(1 for line in lines if _ANY_CARD_NUMBER.search(line.text)) < 3:
        return None
    numbered = evaluation = report = 0
    for line in lines:
        clean = unbulleted(line.text)
        if not clean:
            continue
        if _CARD_NUMBER.match(clean):
            numbered += 1
        if _EVALUATION_LABELS.search(clean):
            evaluation += 1
        elif _REPORT_LABELS.search(clean):
            report += 1
    if numbered < 3:
        return None
    if evaluation > report:
        return LierLayout.EVALUATION
    if report > evaluation:
        return LierLayout.REPORT
    return None
