"""The table that closes an Aalst action: who leads it, partners, MJP code and budget.

    Trekkersrol:                  dienst Samenleving – team Lokaal sociaal
                                  beleid
    Samenwerkingsovereenkomst met: Eerstelijnszone Regio Aalst vzw
    MJP: AC000224
    2023 2024 2025
    11 114,35 EUR 11 114,35 EUR 11 114,35 EUR

`TailScanner` decides line by line whether a line still belongs to the table and what it
is (its `Role`). It has to, because nothing marks where the next action starts: the next
action's title simply follows the last budget line. The right-hand column can also spill
over a page break and end up after the budget ("dienst Gebouwen en technieken").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

from actiewijzer.ingest.parsers.aalst_budget import (
    YEAR_HEADER,
    count_cells,
    is_value_line,
    row_label,
)
from actiewijzer.ingest.parsers.aalst_layout import MJP_LABEL, TREKKER_LABEL

PARTNER_LABEL = re.compile(
    r"^(?P<label>(?:in\s+)?samenwerking(?:sovereenkomst(?:en)?)?(?:\s+(?:met|tussen))?"
    r"|(?:samenwerkings)?partners?)\s*(?::|$|\s)\s*(?P<rest>.*)$",
    re.I,
)
# "Samenwerkingsovereenkomst" / "met:" printed over two lines.
_LABEL_TAIL = re.compile(r"^(?P<word>met|tussen)\s*:\s*(?P<rest>.*)$", re.I)
_NOTE = re.compile(r"^(?:[*“\"(+]|opmerking\s*:|nb\s*:)", re.I)
# A lead role names an organisational unit; a new unit starts a new line of the role.
# ("OCMW Aalst ..." and "De Stad ..." open action titles, so they are no unit here.)
UNIT_START = re.compile(r"^(?:dienst|cluster|team|thema|afdeling|departement)\b", re.I)
_PROSE_LENGTH = 60  # the table's right column is narrow; longer lines are prose


class Role(StrEnum):
    TREKKER = "trekker"
    PARTNER_LABEL = "partner-label"
    PARTNER = "partner"
    NOTE = "note"
    MJP = "mjp"
    YEAR_HEADER = "year-header"
    VALUE = "value"
    LABEL = "label"  # "Trekkersrol:" alone


@dataclass
class TailScanner:
    """Feeds the lines after "Trekkersrol:" one at a time; `feed` returns None at the end."""

    mode: Role = Role.TREKKER
    header_seen: bool = False
    columns: int = 0
    section_values: list[str] = field(default_factory=list)
    partner_lines: int = 0

    def feed(self, text: str) -> list[tuple[Role, str]] | None:
        trekker = TREKKER_LABEL.match(text)
        if trekker:
            if self.header_seen:
                return None  # the next action's table
            self.mode = Role.TREKKER
            rest = trekker.group("rest")
            return (
                [(Role.LABEL, "Trekkersrol:"), *self._inline(rest)]
                if rest
                else [(Role.LABEL, "Trekkersrol:")]
            )
        if MJP_LABEL.match(text):
            self.mode, self.section_values = Role.VALUE, []
            return [(Role.MJP, text)]
        if YEAR_HEADER.match(text):
            self.header_seen, self.mode = True, Role.VALUE
            self.columns, self.section_values = len(text.split()), []
            return [(Role.YEAR_HEADER, text)]
        partner = PARTNER_LABEL.match(text)
        if partner and not (self.mode is Role.VALUE and self._values_open()):
            self.mode, self.partner_lines = Role.PARTNER, 0
            return [(Role.PARTNER_LABEL, partner.group("label")), *self._inline(partner["rest"])]
        label_tail = _LABEL_TAIL.match(text)
        if self.mode is Role.PARTNER and self.partner_lines == 0 and label_tail:
            return [(Role.PARTNER_LABEL, label_tail["word"]), *self._inline(label_tail["rest"])]
        if self.header_seen and self.mode is Role.VALUE and self._takes_value(text):
            self.section_values.append(text)
            return [(Role.VALUE, text)]
        if is_value_line(text):
            self.mode, self.section_values = Role.VALUE, [text]
            return [(Role.VALUE, text)]
        if _NOTE.match(text):
            self.mode = Role.NOTE
            return [(Role.NOTE, text)]
        return self._content(text)

    def _inline(self, rest: str) -> list[tuple[Role, str]]:
        if not rest:
            return []
        if MJP_LABEL.match(rest):
            self.mode, self.section_values = Role.VALUE, []
            return [(Role.MJP, rest)]
        if self.mode is Role.PARTNER:
            self.partner_lines += 1
        return [(self.mode, rest)]

    def _values_open(self) -> bool:
        return bool(self.section_values) and count_cells(self.section_values) < self.columns

    def _takes_value(self, text: str) -> bool:
        """Inside the budget: amounts, and while the row is incomplete its word cells."""
        if is_value_line(text) or row_label(text):
            return True
        joined = " ".join(self.section_values)
        if joined.count("(") > joined.count(")"):
            return True  # "(wordt" / "berekend" / ... inside one cell
        if count_cells(self.section_values) < self.columns:
            return len(text) <= 30 and not UNIT_START.match(text)
        if text.startswith("(") and self.section_values:
            # "Te bepalen" / "(wordt berekend ...)": the explanation of a word cell.
            return not is_value_line(self.section_values[-1])
        # "17 000 EUR" / "inkomsten": a word that qualifies the amount above it.
        return text[:1].islower() and len(text.split()) == 1 and not UNIT_START.match(text)

    def _content(self, text: str) -> list[tuple[Role, str]] | None:
        if not self.header_seen:
            if len(text) > _PROSE_LENGTH:
                return None
            return [(self._content_role(text), text)]
        # After the budget only spill-over of the right-hand column may follow.
        if UNIT_START.match(text) and len(text) <= 50:
            self.mode = Role.TREKKER
            return [(Role.TREKKER, text)]
        if text[:1].islower() and len(text) <= _PROSE_LENGTH:
            return [(self._content_role(text), text)]
        if self.mode is Role.PARTNER and self.partner_lines == 0:
            return [(self._content_role(text), text)]
        if self.mode in (Role.TREKKER, Role.PARTNER) and len(text) <= 25:
            return [(self._content_role(text), text)]
        return None

    def _content_role(self, text: str) -> Role:
        if self.mode is Role.VALUE:
            # A free line under the header before any amount: the lead role pushed below it.
            self.mode = Role.TREKKER
        if self.mode is Role.PARTNER:
            self.partner_lines += 1
        return self.mode
