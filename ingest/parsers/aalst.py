"""Stad Aalst, lokaal sociaal beleidsplan: ambitions, goals and unnumbered actions.

Cards: "Ambitie 4", "Doelstelling 4.2" and actions "D4.2-A3" (the third action under goal
4.2; the plan prints no action numbers, so `printed_id` is False for them).
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Sequence

from actiewijzer.ingest.models import (
    DocumentFamily,
    DocumentInfo,
    IngestError,
    Line,
    ParsedDocument,
)
from actiewijzer.ingest.parsers.aalst_cards import cut_cards
from actiewijzer.ingest.parsers.aalst_layout import (
    AMBITION,
    GOAL,
    MJP_LABEL,
    TREKKER_LABEL,
    clean_texts,
)

REPORT_KIND = "lokaal sociaal beleidsplan"
# "Doelstellingen en acties 2023-20251": the period the actions cover (footnote glued on).
_ACTION_PERIOD = re.compile(r"\bacties\s+((?:19|20)\d\d)\s*-\s*((?:19|20)\d\d)", re.I)
_PLAN_PERIOD = re.compile(r"beleidsplan\b.*?((?:19|20)\d\d)\s*-\s*((?:19|20)\d\d)", re.I)
_TOWN = re.compile(r"\b(?:Stad|OCMW|Gemeente)\s+([A-Z][a-zë]+(?:-[A-Z][a-zë]+)*)\b")
_FOOTER_TOWN = re.compile(r"BELEIDSPLAN\s+([A-Z][A-Z\-]+)\b")


class AalstParser:
    family = DocumentFamily.AALST_LSB

    def matches(self, lines: Sequence[Line]) -> bool:
        """Action tables with "Trekkersrol:" and "MJP:" under numbered ambitions and goals."""
        counts = Counter[str]()
        for text in clean_texts(lines):
            if TREKKER_LABEL.match(text):
                counts["trekker"] += 1
            elif MJP_LABEL.match(text):
                counts["mjp"] += 1
            elif GOAL.match(text):
                counts["goal"] += 1
            elif AMBITION.match(text):
                counts["ambition"] += 1
        return (
            counts["trekker"] >= 2
            and counts["mjp"] >= 1
            and counts["goal"] >= 1
            and counts["ambition"] >= 1
        )

    def parse(self, doc: str, lines: Sequence[Line]) -> ParsedDocument:
        if not any(line.text.strip() for line in lines):
            raise IngestError(doc, "het document bevat geen tekst")
        cards = cut_cards(doc, lines)
        if not cards:
            raise IngestError(
                doc,
                "geen acties met 'Trekkersrol:' onder 'Ambitie <n>' / 'Doelstelling <n>.<m>' gevonden",
            )
        digest = hashlib.sha256("\n".join(line.text for line in lines).encode()).hexdigest()
        return ParsedDocument(info=describe(doc, lines), cards=cards, sha256=digest)


def describe(doc: str, lines: Sequence[Line]) -> DocumentInfo:
    texts = clean_texts(lines)
    period, year = _period(texts)
    town = _town(texts)
    issuer = f"Stad {town}" if town else "onbekende gemeente"
    label = f"{issuer} – {REPORT_KIND}" + (f" {period}" if period else "")
    return DocumentInfo(
        doc=doc,
        family=DocumentFamily.AALST_LSB,
        label=label,
        issuer=issuer,
        municipalities=[town] if town else [],
        report_kind=REPORT_KIND,
        period=period,
        year=year,
    )


def _period(texts: Sequence[str]) -> tuple[str, int | None]:
    """The action period ("2023-2025"); the plan's own span in its footer as a fallback.

    The actions are what gets cited, and this edition's footer still reads "2020-2025".
    """
    for pattern in (_ACTION_PERIOD, _PLAN_PERIOD):
        found = Counter(
            (match.group(1), match.group(2)) for text in texts for match in pattern.finditer(text)
        )
        if found:
            (start, end), _ = found.most_common(1)[0]
            return f"{start}-{end}", int(start)
    return "", None


def _town(texts: Sequence[str]) -> str | None:
    found = Counter(match.group(1) for text in texts for match in _TOWN.finditer(text))
    if found:
        return found.most_common(1)[0][0]
    for text in texts:
        match = _FOOTER_TOWN.search(text)
        if match:
            return match.group(1).title()
    return None
