"""The labelled blocks of a Lier card ("Omschrijving", "Status", "Tijd (toelichting)", ...).

A card body is read top to bottom; a label line switches where the following lines go.
Text before any label is the description (the yearly report prints it unlabelled).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from actiewijzer.ingest.models import BudgetRow, CardFields
from actiewijzer.ingest.parsers.lier_budget import is_budget_header, parse_budget_table
from actiewijzer.ingest.parsers.lier_text import display_line, flow_paragraphs, unbulleted


class Slot(StrEnum):
    DESCRIPTION = "description"
    STATUS = "status"
    STATUS_NOTES = "status_notes"
    MONEY_STATUS = "money_status"
    MONEY_NOTES = "money_notes"
    TIME_STATUS = "time_status"
    TIME_NOTES = "time_notes"
    START_DATE = "start_date"
    END_DATE = "end_date"
    INDICATORS = "indicators"
    OTHER = "other"  # keyed by the label as printed
    UNLABELLED = "unlabelled"  # after the dates or a table; stray text joins the description


_LABELS: dict[str, Slot] = {
    "omschrijving": Slot.DESCRIPTION,
    "status": Slot.STATUS,
    "stand van zaken (toelichting)": Slot.STATUS_NOTES,
    "stand van zaken": Slot.STATUS_NOTES,
    "geld (status)": Slot.MONEY_STATUS,
    "geld (indicator)": Slot.MONEY_STATUS,
    "geld (toelichting)": Slot.MONEY_NOTES,
    "geld": Slot.MONEY_NOTES,
    "tijd (status)": Slot.TIME_STATUS,
    "tijd (indicator)": Slot.TIME_STATUS,
    "tijd (toelichting)": Slot.TIME_NOTES,
    "tijd": Slot.TIME_NOTES,
    "startdatum": Slot.START_DATE,
    "einddatum": Slot.END_DATE,
    "indicatoren": Slot.INDICATORS,
    "indicator": Slot.INDICATORS,
}
# Any other "<Word> (status|toelichting|indicator)" block is kept under its own label.
_OTHER_LABEL = re.compile(r"^[A-Z][\w ]{1,40}\((?:status|toelichting|indicator)\)$", re.I)
_DATE = r"\d{1,2}[-/.]\d{1,2}[-/.]\d{4}"
_INLINE_DATES = re.compile(
    rf"^startdatum\s*:?\s*(?P<start>{_DATE})(?:\s+einddatum\s*:?\s*(?P<end>{_DATE}))?$", re.I
)
_INLINE_END = re.compile(rf"^einddatum\s*:?\s*(?P<end>{_DATE})$", re.I)
_INLINE_STATUS = re.compile(r"^status\s*:\s*(?P<status>.+)$", re.I)
# The report prints the status bare under the dates: "1-gestart", "0-Nog niet begonnen".
_BARE_STATUS = re.compile(r"^\d\s*-\s*[A-Za-z][A-Za-z ]{2,30}$")
_SOURCE = re.compile(r"^bron\s*:", re.I)
_NUMERIC_TOKEN = re.compile(r"^[-+]?[\d.,%]+$")


def is_field_label(text: str) -> bool:
    clean = unbulleted(text).rstrip(":").strip()
    return clean.lower() in _LABELS or bool(_OTHER_LABEL.match(clean))


def _label_slot(clean: str) -> tuple[Slot, str] | None:
    label = clean.rstrip(":").strip()
    if slot := _LABELS.get(label.lower()):
        return slot, label
    if _OTHER_LABEL.match(label):
        return Slot.OTHER, label
    return None


@dataclass
class _Reader:
    blocks: dict[tuple[Slot, str], list[str]] = field(default_factory=dict)
    budget: list[BudgetRow] = field(default_factory=list)
    status: str | None = None
    current: tuple[Slot, str] = (Slot.DESCRIPTION, "")

    def add(self, text: str) -> None:
        self.blocks.setdefault(self.current, []).append(text)

    def switch(self, slot: Slot, label: str) -> None:
        self.current = (slot, label if slot is Slot.OTHER else "")
        self.blocks.setdefault(self.current, [])


def read_fields(texts: Sequence[str]) -> CardFields:
    """Fields of one card body (the lines after its number and title, furniture removed)."""
    reader = _Reader()
    index = 0
    while index < len(texts):
        text = texts[index]
        clean = unbulleted(text)
        if clean and is_budget_header(text):
            table = parse_budget_table(texts, index, is_field_label)
            reader.budget.extend(table.rows)
            reader.switch(Slot.UNLABELLED, "")
            index = max(table.end, index + 1)
            continue
        if clean:
            _read_line(reader, text, clean)
        else:
            reader.add("")
        index += 1
    return _fields(reader)


def _read_line(reader: _Reader, text: str, clean: str) -> None:
    slot = reader.current[0]
    # Inside the indicator list "Omschrijving" describes the indicator, not the card.
    if slot is Slot.INDICATORS and clean.lower().rstrip(":") == "omschrijving":
        reader.add(clean)
        return
    if dates := _INLINE_DATES.match(clean):
        reader.blocks[(Slot.START_DATE, "")] = [dates["start"]]
        if dates["end"]:
            reader.blocks[(Slot.END_DATE, "")] = [dates["end"]]
        reader.switch(Slot.UNLABELLED, "")
        return
    if end := _INLINE_END.match(clean):
        reader.blocks[(Slot.END_DATE, "")] = [end["end"]]
        reader.switch(Slot.UNLABELLED, "")
        return
    if status := _INLINE_STATUS.match(clean):
        reader.status = display_line(status["status"])
        return
    if found := _label_slot(clean):
        reader.switch(*found)
        return
    may_be_status = slot in (Slot.UNLABELLED, Slot.DESCRIPTION)
    if may_be_status and reader.status is None and _BARE_STATUS.match(clean):
        reader.status = clean
        return
    if slot is Slot.UNLABELLED:
        # Stray text between blocks reads best as part of the description.
        reader.blocks.setdefault((Slot.DESCRIPTION, ""), []).append(text)
        return
    reader.add(text)


def _fields(reader: _Reader) -> CardFields:
    values: dict[str, str | None] = {}
    other: dict[str, str] = {}
    indicators: list[str] = []
    for (slot, label), texts in reader.blocks.items():
        if slot is Slot.INDICATORS:
            indicators.extend(indicator_names(texts))
            continue
        if slot is Slot.UNLABELLED:
            continue  # only blank lines land here
        value = flow_paragraphs(texts) or None
        if slot is Slot.OTHER:
            if label and value:
                other[label] = value
        elif value:
            values[slot.value] = value
    # A "Status" block wins over a bare status line found elsewhere in the card.
    status = values.pop(Slot.STATUS.value, None) or reader.status
    return CardFields(
        **values,
        status=display_line(status) if status else None,
        budget=reader.budget,
        indicators=indicators,
        other=other,
    )


def indicator_names(texts: Sequence[str]) -> list[str]:
    """Indicator names: the paragraph printed just above each "Omschrijving"."""
    names: list[str] = []
    paragraphs: list[list[str]] = [[]]
    for text in texts:
        clean = display_line(text)
        if clean.lower().rstrip(":") == "omschrijving":
            # The name may be separated from its "Omschrijving" by a blank line.
            written = [p for p in paragraphs if p]
            name = " ".join(_name_lines(written[-1])) if written else ""
            if name:
                names.append(name)
            paragraphs = [[]]
        elif clean:
            paragraphs[-1].append(clean)
        elif paragraphs[-1]:
            paragraphs.append([])
    return names


def _name_lines(paragraph: list[str]) -> list[str]:
    lines: list[str] = []
    in_source = False
    for text in paragraph:
        if _SOURCE.match(text):
            # A source line closes the previous indicator; a name may follow it directly.
            lines, in_source = [], True
        elif in_source and len(text.split()) <= 3:
            continue  # the source's wrapped tail ("Bestuur")
        elif not _is_table_row(text):
            lines.append(text)
            in_source = False
    return lines


def _is_table_row(text: str) -> bool:
    tokens = text.split()
    numeric = sum(bool(_NUMERIC_TOKEN.match(token)) for token in tokens)
    return len(tokens) > 1 and numeric * 2 >= len(tokens)
