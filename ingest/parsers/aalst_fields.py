"""Turn the scanned table lines of an Aalst action into card fields and a readable block."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from actiewijzer.ingest.models import BudgetRow
from actiewijzer.ingest.parsers.aalst_budget import budget_rows
from actiewijzer.ingest.parsers.aalst_layout import MJP_LABEL
from actiewijzer.ingest.parsers.aalst_tail import UNIT_START, Role

# Plan codes are "AC" + six digits; "AC00224" lost a leading zero and "Ac000235" its case,
# so codes are normalised to that shape (the printed text stays in fields.other["MJP"]).
_MJP_CODE = re.compile(r"\b(AC|MJP)\s*(\d{3,7})\b", re.I)
_NOTE_START = re.compile(r"^(?:[*“\"(+]|opmerking\s*:|nb\s*:)", re.I)
# A partner name wrapped after one of these words goes on on the next line.
_OPEN_ENDINGS = {"en", "voor", "van", "de", "het", "der", "den", "met", "tot", "in", "op", "&"}
_LIST_COMMA = re.compile(r"\s*,\s*")
_AND = re.compile(r"\s+en\s+")
# "Emino vzw en Arktos vzw" names two partners, "Agentschap Integratie en Inburgering" one.
_LEGAL_FORM = re.compile(r"\b(?:vzw|cvba|cv|bv|nv|asbl|vof)$", re.I)
_PARENTHETICAL = re.compile(r"\s*\(([^()]*)\)?")


@dataclass
class TailFields:
    trekker: str | None = None
    partners: list[str] = field(default_factory=list)
    partner_label: str | None = None
    notes: list[str] = field(default_factory=list)
    mjp_raw: list[str] = field(default_factory=list)
    mjp_codes: list[str] = field(default_factory=list)
    budget: list[BudgetRow] = field(default_factory=list)

    @property
    def mjp_code(self) -> str | None:
        return self.mjp_codes[0] if self.mjp_codes else None

    def render(self) -> list[str]:
        """The table as lines a reader (or a language model) can follow."""
        lines: list[str] = []
        if self.trekker:
            lines.append(f"Trekkersrol: {self.trekker}")
        if self.partners:
            lines.append(f"{self.partner_label or 'Partners'}: {', '.join(self.partners)}")
        lines.extend(self.notes)
        if self.mjp_raw:
            lines.append(f"MJP: {'; '.join(raw or '-' for raw in self.mjp_raw)}")
        for row in self.budget:
            cells = "; ".join(f"{cell.column}: {cell.raw}" for cell in row.cells)
            prefix = f"{row.section} – " if row.section else ""
            lines.append(f"{prefix}{row.label}: {cells}")
        return lines


def tail_fields(roles: Sequence[tuple[Role, str]]) -> TailFields:
    fields = TailFields()
    trekker_items: list[str] = []
    partner_items: list[str] = []
    columns: list[str] = []
    sections: list[tuple[str | None, list[str]]] = []
    for role, text in roles:
        if role is Role.TREKKER:
            _extend(trekker_items, text, new_item=not trekker_items or bool(UNIT_START.match(text)))
        elif role is Role.PARTNER_LABEL:
            label = text.rstrip(": ").strip()
            # "Samenwerkingsovereenkomst" / "met:" over two lines is one label.
            joined = f"{fields.partner_label} {label}" if fields.partner_label else label
            fields.partner_label = joined
        elif role is Role.PARTNER:
            _extend(partner_items, text, new_item=_starts_partner(partner_items, text))
        elif role is Role.NOTE:
            _extend(fields.notes, text, new_item=not fields.notes or bool(_NOTE_START.match(text)))
        elif role is Role.MJP:
            raw = MJP_LABEL.match(text)
            printed = raw.group("rest").strip() if raw else text
            fields.mjp_raw.append(printed)
            fields.mjp_codes.extend(_codes(printed))
            sections.append((printed, []))
        elif role is Role.YEAR_HEADER:
            columns = text.split()
        elif role is Role.VALUE:
            if not sections:
                sections.append((None, []))
            sections[-1][1].append(text)
    fields.trekker = "; ".join(_unique_items(trekker_items)) or None
    fields.partners, remarks = _partners(partner_items)
    fields.notes.extend(remarks)
    filled = [(mjp, values) for mjp, values in sections if values]
    for mjp, values in filled:
        section = f"MJP {mjp}" if len(filled) > 1 and mjp else None
        fields.budget.extend(budget_rows(columns, values, section))
    return fields


def _unique_items(items: Sequence[str]) -> list[str]:
    seen: set[str] = set()
    kept: list[str] = []
    for item in items:
        if item.lower() not in seen:
            seen.add(item.lower())
            kept.append(item)
    return kept


def _codes(printed: str) -> list[str]:
    codes: list[str] = []
    for prefix, digits in _MJP_CODE.findall(printed):
        code = f"{prefix.upper()}{digits.zfill(6)}"
        if code not in codes:
            codes.append(code)
    return codes


def _extend(items: list[str], text: str, *, new_item: bool) -> None:
    if new_item or not items:
        items.append(text)
        return
    joiner = "" if items[-1].endswith("-") and text[:1].islower() else " "
    items[-1] = items[-1] + joiner + text


def _starts_partner(items: Sequence[str], text: str) -> bool:
    if not items:
        return True
    previous = items[-1]
    if text[:1].islower() or previous.endswith((",", "-")):
        return False
    if previous.count("(") > previous.count(")"):
        return False
    return previous.rsplit(" ", 1)[-1].lower() not in _OPEN_ENDINGS


def _partners(items: Sequence[str]) -> tuple[list[str], list[str]]:
    """Partner names, split on "," and "en"; remarks in brackets or after "+" go to notes."""
    names: list[str] = []
    remarks: list[str] = []
    for item in items:
        if _NOTE_START.match(item) and not item.startswith("("):
            remarks.append(item)
            continue
        remarks.extend(f"({remark.strip()})" for remark in _PARENTHETICAL.findall(item))
        bare = _PARENTHETICAL.sub("", item).strip()
        pieces = _LIST_COMMA.split(bare)
        for piece in pieces:
            for name in _split_and(piece, enumeration=len(pieces) > 1):
                name = name.strip(" .;")
                if name and name not in names:
                    names.append(name)
    return names, remarks


def _split_and(text: str, *, enumeration: bool) -> list[str]:
    """Split "A vzw en B vzw"; keep "Agentschap Integratie en Inburgering" whole.

    "en" separates two names when one ends in a legal form ("VCLB Aalst en X vzw"), when it
    closes a comma list ("Aalst, Lede en CAW"), or when both sides start alike ("LDC X en
    LDC Y").
    """
    parts = _AND.split(text)
    names = [parts[0]]
    for part in parts[1:]:
        left = names[-1]
        same_start = left.split()[:1] == part.split()[:1]
        two_names = _LEGAL_FORM.search(left) or (
            _LEGAL_FORM.search(part) and len(left.split()) >= 2
        )
        if enumeration or same_start or two_names:
            names.append(part)
        else:
            names[-1] = f"{left} en {part}"
    return names
