"""The two Stad Lier document families: the quarterly evaluation and the yearly report.

Both print the BBC numbering (goal "01/11", plan "01/11/SAP/01", action "01/11/SAP/01/03")
and share the card cutter; they differ in layout, which `detect_layout` tells apart, and in
how the document presents itself.
"""

from __future__ import annotations

import hashlib
from abc import ABC, abstractmethod
from collections.abc import Sequence

from actiewijzer.ingest.models import (
    DocumentFamily,
    DocumentInfo,
    IngestError,
    Line,
    ParsedDocument,
)
from actiewijzer.ingest.parsers.lier_cards import cut_cards
from actiewijzer.ingest.parsers.lier_info import municipality, printed_issuer, report_period
from actiewijzer.ingest.parsers.lier_layout import LierLayout, detect_layout


class _LierParser(ABC):
    family: DocumentFamily
    layout: LierLayout

    def matches(self, lines: Sequence[Line]) -> bool:
        return detect_layout(lines) is self.layout

    def parse(self, doc: str, lines: Sequence[Line]) -> ParsedDocument:
        if not any(line.text.strip() for line in lines):
            raise IngestError(doc, "het document bevat geen tekst")
        cards = cut_cards(doc, lines)
        if not cards:
            raise IngestError(
                doc, "geen genummerde actieplannen of acties gevonden (verwacht: 01/11/SAP/01)"
            )
        digest = hashlib.sha256("\n".join(line.text for line in lines).encode()).hexdigest()
        return ParsedDocument(info=self.describe(doc, lines), cards=cards, sha256=digest)

    # What the citation label calls the report, and its kind; set per family.
    label_word: str
    report_kind: str

    def describe(self, doc: str, lines: Sequence[Line]) -> DocumentInfo:
        """Issuer, period and label as the citation shows them."""
        period, year = report_period(lines)
        town = municipality(lines)
        issuer = self.issuer(lines, town)
        return DocumentInfo(
            doc=doc,
            family=self.family,
            label=f"{issuer} – {self.label_word} {period}",
            issuer=issuer,
            municipalities=[town],
            report_kind=self.report_kind,
            period=period,
            year=year,
        )

    @abstractmethod
    def issuer(self, lines: Sequence[Line], town: str) -> str:
        """Who the document says it is from."""


class LierEvaluatieParser(_LierParser):
    """Stad Lier, evaluation of the policy goals per quarter ("2024 Q2")."""

    family = DocumentFamily.LIER_EVALUATIE
    layout = LierLayout.EVALUATION
    label_word = "evaluatie"
    report_kind = "evaluatierapport"

    def issuer(self, lines: Sequence[Line], town: str) -> str:
        # The evaluation speaks of itself as "Stad Lier"; "Stad en OCMW" is only its footer.
        return f"Stad {town}"


class LierRapportParser(_LierParser):
    """Stad en OCMW Lier, yearly report on the policy goals ("2020")."""

    family = DocumentFamily.LIER_RAPPORT
    layout = LierLayout.REPORT
    label_word = "rapport"
    report_kind = "rapport"

    def issuer(self, lines: Sequence[Line], town: str) -> str:
        return printed_issuer(lines) or f"Stad en OCMW {town}"
