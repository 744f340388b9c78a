"""Budget tables of the Lier reports, as printed by the BBC software.

Evaluation (header wrapped over lines, cells space separated)::

     Budget 2024 Budget BEO 2024 Aanwending 2024 Q2 % Aangewend 2024
    Q2
    Geboekt 2024 Q2 % Geboekt 2024 Q2
    Exploitatie
    Ontvangsten 1.174.330,99 1.271.041,48 0,00 0,00 664.154,79 52,25
    Saldo
    Exploitatie
    -576.646,51 -576.646,51 -664.234,58 115,19 95.004,84 -16,48

Report (tab separated)::

    <TAB>Geboekt 2020<TAB>Budget 2020
    Exploitatie<TAB><TAB>
    Ontvangsten<TAB>728.358,95<TAB>701.615,00
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from actiewijzer.ingest.models import BudgetCell, BudgetRow
from actiewijzer.ingest.parsers.lier_text import display_line, raw_line, unbulleted
from actiewijzer.ingest.parsers.text_utils import parse_amount

_YEAR = re.compile(r"^(?:19|20)\d{2}$")
_PERIOD_SUFFIX = re.compile(r"^(?:Q[1-4]|S[12]|T[1-4])$")
_AMOUNT = re.compile(r"^-?\d{1,3}(?:\.\d{3})+(?:,\d+)?$|^-?\d+(?:,\d+)?$")
_HEADER_WORD = re.compile(r"\b(?:budget|geboekt|aanwending|aangewend|realisatie|krediet)\b", re.I)
_SECTION = re.compile(r"^(?:exploitatie|investering\w*|financiering|liquiditeit\w*)$", re.I)
_MAX_HEADER_LINES = 6
_MAX_LABEL_PARTS = 3


def is_budget_header(text: str) -> bool:
    clean = display_line(text)
    years = [token for token in clean.split() if _YEAR.match(token)]
    return len(years) >= 2 and bool(_HEADER_WORD.search(clean)) and "," not in clean


@dataclass(frozen=True, slots=True)
class BudgetTable:
    rows: list[BudgetRow]
    end: int  # index of the first line after the table


def parse_budget_table(
    texts: Sequence[str], start: int, is_label: Callable[[str], bool]
) -> BudgetTable:
    """Read the table whose header starts at `start`; stop at the first line that is no row.

    `is_label` tells a field label ("Indicatoren") from a wrapped row label ("Saldo").
    """
    index, columns = _read_header(texts, start)
    rows: list[BudgetRow] = []
    section: str | None = None
    pending: list[str] = []  # row label parts waiting for their amounts
    pending_from = index
    while index < len(texts):
        raw = raw_line(texts[index])
        clean = unbulleted(raw)
        if not clean:
            index += 1
            continue
        label, amounts = _split_row(raw)
        if amounts:
            row_label = " ".join([*pending, label]).strip() or (section or "Totaal")
            rows.append(_row(section, row_label, amounts, columns))
            pending = []
        elif _SECTION.match(clean) and not pending:
            section = clean
        elif (
            len(pending) < _MAX_LABEL_PARTS
            and not is_label(clean)
            and len(clean.split()) <= 4
            and clean[0].isupper()
            and not any(ch.isdigit() for ch in clean)
        ):
            if not pending:
                pending_from = index
            pending.append(clean)
        else:
            break
        index += 1
    # Label parts that never got amounts were ordinary text after the table.
    end = pending_from if pending else index
    return BudgetTable(rows, end)


def _read_header(texts: Sequence[str], start: int) -> tuple[int, list[str]]:
    parts = [raw_line(texts[start])]
    index = start + 1
    while index < len(texts) and index - start < _MAX_HEADER_LINES:
        raw = raw_line(texts[index])
        clean = unbulleted(raw)
        if clean and (_SECTION.match(clean) or _split_row(raw)[1]):
            break
        if clean:
            parts.append(raw)
        index += 1
    return index, _columns(parts)


def _columns(parts: list[str]) -> list[str]:
    if any("\t" in part for part in parts):
        return [display_line(cell) for part in parts for cell in part.split("\t") if cell.strip()]
    tokens = " ".join(display_line(part) for part in parts).split()
    columns: list[str] = []
    current: list[str] = []
    for position, token in enumerate(tokens):
        current.append(token)
        following = tokens[position + 1] if position + 1 < len(tokens) else ""
        year_closes = _YEAR.match(token) and not _PERIOD_SUFFIX.match(following)
        if year_closes or _PERIOD_SUFFIX.match(token):
            columns.append(" ".join(current))
            current = []
    if current:
        columns.append(" ".join(current))
    return columns


def _split_row(raw: str) -> tuple[str, list[str]]:
    """("Ontvangsten", ["1.174.330,99", ...]) for a row; ("Saldo", []) for a label part."""
    tokens = raw.replace("\t", " ").split()
    first_amount = len(tokens)
    while first_amount > 0 and _AMOUNT.match(tokens[first_amount - 1]):
        first_amount -= 1
    label_tokens, amounts = tokens[:first_amount], tokens[first_amount:]
    label = " ".join(label_tokens)
    if amounts and (any(ch.isdigit() for ch in label) or _is_plain_year_list(amounts)):
        return display_line(raw), []
    return label, amounts


def _is_plain_year_list(amounts: list[str]) -> bool:
    # "Gemeente 2017 2018 2019" is an indicator table header, not budget amounts.
    return all(_YEAR.match(amount) for amount in amounts)


def _row(section: str | None, label: str, amounts: list[str], columns: list[str]) -> BudgetRow:
    cells = []
    for position, raw in enumerate(amounts):
        column = columns[position] if position < len(columns) else f"kolom {position + 1}"
        year = next((int(t) for t in column.split() if _YEAR.match(t)), None)
        cells.append(BudgetCell(column=column, raw=raw, amount=parse_amount(raw), year=year))
    return BudgetRow(
        section=section, label=label, is_income=label.lower().startswith("ontvangst"), cells=cells
    )
