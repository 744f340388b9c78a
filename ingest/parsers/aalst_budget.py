"""The yearly budget under an Aalst action: "2023 2024 2025" and one cell per year.

PDF extraction prints the cells in reading order, so a table row comes out as
"3 000 EUR 3 000 EUR 3 000 EUR" on one line, as "595 729,16" / "EUR *" wrapped over lines,
or, when a cell holds two amounts, cell after cell ("8 250 EUR" / "100 000 EUR" / "8 250 EUR"
...). Cells can also be words ("Te bepalen (wordt berekend ...)", "Digitalisering 100 000
EUR"), placeholders ("/", "*") or carry a kind ("17 000 EUR inkomsten").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from actiewijzer.ingest.models import BudgetCell, BudgetRow
from actiewijzer.ingest.parsers.text_utils import parse_amount

YEAR_HEADER = re.compile(r"^(?:(?:19|20)\d\d\s+){1,5}(?:19|20)\d\d$")
_TOKEN = re.compile(
    r"(?P<paren>\([^()]*(?:\)|$))"
    r"|(?P<amount>(?<![\d,])\d{1,3}(?:[ .]\d{3})*(?:,\d+)?(?:\s*(?:EUR|€))?\**)"
    r"|(?P<slash>/\**)"
    r"|(?P<dash>[-–](?=\s|$))"
    r"|(?P<star>\*+)"
    r"|(?P<eur>(?:EUR|€)\**)"
    r"|(?P<word>[^\s()/*]+)",
    re.I,
)
_PLACEHOLDERS = ("slash", "dash", "star")
_INCOME = re.compile(r"\b(inkomsten|ontvangsten|opbrengsten?|subsidies?)\b", re.I)
_EXPENSE = re.compile(r"\b(uitgaven|kosten)\b", re.I)
_ROW_LABEL = re.compile(r"^(inkomsten|ontvangsten|opbrengsten?|subsidies?|uitgaven)\s*:?$", re.I)
_NUMBER_PART = re.compile(r"\d[\d .]*(?:,\d+)?")
EXPENSE_LABEL = "Uitgaven"


@dataclass
class _Cell:
    parts: list[str] = field(default_factory=list)
    amount_raw: str | None = None
    has_value: bool = False  # an amount or a placeholder
    open_text: bool = False  # started with words, still waiting for its amount

    @property
    def raw(self) -> str:
        return " ".join(self.parts)


def is_value_line(text: str) -> bool:
    """Amounts, "EUR", "/" and "*" only: a line no other part of an action prints."""
    kinds = {match.lastgroup for match in _TOKEN.finditer(text)}
    return bool(kinds) and kinds <= {"amount", "slash", "star", "eur", "dash"}


def row_label(text: str) -> str | None:
    """A row label printed on a line of its own ("Ontvangsten")."""
    match = _ROW_LABEL.match(text)
    return match.group(1).capitalize() if match else None


def split_cells(text: str) -> list[_Cell]:
    cells: list[_Cell] = []
    for match in _TOKEN.finditer(text):
        kind, token = match.lastgroup, match.group().strip()
        last = cells[-1] if cells else None
        if kind == "star" and last is not None and last.amount_raw and last.parts[-1] != "*":
            last.parts.append(token)  # "595 729,16" / "EUR *": a footnote mark on the amount
        elif kind == "amount" or kind in _PLACEHOLDERS:
            if last is not None and last.open_text and not last.has_value:
                target = last
            else:
                target = _Cell()
                cells.append(target)
            target.parts.append(token)
            target.has_value = True
            target.open_text = False
            if kind == "amount":
                target.amount_raw = token
        elif last is not None and (
            kind in ("eur", "paren") or (kind == "word" and token[:1].islower())
        ):
            last.parts.append(token)  # "EUR", "(...)" and "inkomsten" qualify the cell
        else:
            cells.append(_Cell(parts=[token], open_text=True))
    return cells


def count_cells(value_lines: Sequence[str]) -> int:
    return len(split_cells(" ".join(value_lines)))


def budget_rows(
    columns: Sequence[str], value_lines: Sequence[str], section: str | None
) -> list[BudgetRow]:
    """Rows for one block of value lines under the year header (one MJP code).

    A label on a line of its own ("Ontvangsten") names the rows printed after it; a
    lower-case one after an amount ("17 000 EUR" / "inkomsten") qualifies that cell.
    """
    if not columns:
        return []
    groups: list[tuple[str | None, list[str]]] = [(None, [])]
    for text in value_lines:
        label = row_label(text)
        if label and (text[:1].isupper() or not groups[-1][1]):
            groups.append((label, []))
        else:
            groups[-1][1].append(text)
    rows: list[BudgetRow] = []
    for label, values in groups:
        for cells in _grid(len(columns), values):
            rows.append(_row(columns, cells, section, label))
    return rows


def _grid(width: int, values: Sequence[str]) -> list[list[_Cell]]:
    per_line = [split_cells(text) for text in values]
    if per_line and all(len(cells) == width for cells in per_line):
        return per_line  # every line is a whole table row
    flat = split_cells(" ".join(values))
    if len(flat) > width and len(flat) % width == 0:
        # Cells that hold several amounts come out cell after cell (column by column).
        depth = len(flat) // width
        return [[flat[col * depth + row] for col in range(width)] for row in range(depth)]
    return [flat[start : start + width] for start in range(0, len(flat), width)]


def _row(
    columns: Sequence[str], cells: Sequence[_Cell], section: str | None, label: str | None
) -> BudgetRow:
    raws = " ".join(cell.raw for cell in cells)
    outside_parens = re.sub(r"\([^()]*\)?", " ", raws)
    income = _INCOME.search(outside_parens)
    if label is None:
        label = income.group(1).capitalize() if income else EXPENSE_LABEL
    is_income = bool(_INCOME.match(label)) and not _EXPENSE.match(label)
    return BudgetRow(
        section=section,
        label=label,
        is_income=is_income,
        cells=[
            BudgetCell(
                column=column,
                raw=cell.raw,
                amount=_amount(cell),
                year=int(column) if column.isdigit() else None,
            )
            for column, cell in zip(columns, cells, strict=False)
        ],
    )


def _amount(cell: _Cell) -> Decimal | None:
    if cell.amount_raw is None:
        return None
    number = _NUMBER_PART.search(cell.amount_raw)
    return parse_amount(number.group().strip()) if number else None
