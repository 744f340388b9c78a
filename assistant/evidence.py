"""The parts of a card that answer a question: sentences, labelled fields and budget cells.

Everything returned is copied from the card, so the answer cannot contain a figure the card
does not print."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from actiewijzer.assistant.router import QuestionPlan, values_named
from actiewijzer.assistant.rules import router_rules
from actiewijzer.assistant.text import fold, sentences
from actiewijzer.ingest.models import BudgetCell, BudgetRow, Card

_GENERIC_FIELDS = ("description", "korte_inhoud")
_MAX_SENTENCE_CHARS = 400
_NUMBER = re.compile(r"\d")
_MIN_SENTENCE_WORDS = 5


@dataclass(frozen=True)
class FieldValue:
    name: str
    value: str


@dataclass(frozen=True)
class BudgetLine:
    row: str
    column: str
    raw: str
    is_income: bool


def field_values(card: Card, names: Sequence[str]) -> list[FieldValue]:
    """The requested fields the card prints; the generic ones only when nothing specific is."""
    values = [v for name in names if (v := _field_text(card, name))]
    specific = [v for v in values if v.name not in _GENERIC_FIELDS]
    return specific or values


def _field_text(card: Card, name: str) -> FieldValue | None:
    labels = router_rules().other_field_labels.get(name)
    if labels is not None:
        # A field the document prints under its own label ("Budgettair engagement").
        found = [v.strip() for k, v in card.fields.other.items() if labels.matches(k) and v.strip()]
        return FieldValue(name, "; ".join(found)) if found else None
    value = getattr(card.fields, name, None)
    if name == "mijlpalen":
        text = "; ".join(f"{m.year}: {m.text}" for m in card.fields.mijlpalen)
    elif isinstance(value, list):
        text = "; ".join(str(v) for v in value if str(v).strip())
    else:
        text = (value or "").strip()
    return FieldValue(name, text) if text else None


def milestones_for(card: Card, years: Sequence[int]) -> list[FieldValue]:
    wanted = {str(y) for y in years}
    return [
        FieldValue("mijlpalen", f"{m.year}: {m.text}")
        for m in card.fields.mijlpalen
        if any(y in m.year for y in wanted)
    ]


def lead_sentences(card: Card, limit: int = 2) -> list[str]:
    """The card's opening sentences, for 'what is this action about' with no description field."""
    title = fold(card.title)
    found = []
    for sentence in sentences(card.text):
        folded = fold(sentence)
        if len(sentence) < 25 or folded in title or title in folded or fold(card.id) in folded:
            continue
        found.append(
            sentence
            if len(sentence) <= _MAX_SENTENCE_CHARS
            else sentence[:_MAX_SENTENCE_CHARS].rsplit(" ", 1)[0] + " …"
        )
        if len(found) == limit:
            break
    return found


def budget_lines(
    card: Card, plan: QuestionPlan, years: Sequence[int] | None = None
) -> tuple[list[BudgetLine], bool]:
    """Cells for the asked row, columns and year. The flag says an asked column was missing."""
    years = plan.years if years is None else years
    rows = [r for r in card.fields.budget if _row_matches(r, plan)]
    lines: list[BudgetLine] = []
    column_missing = False
    for row in rows:
        printed = [c for c in row.cells if c.raw.strip() and _year_matches(c, years)]
        cells = [c for c in printed if _is_asked_value(c, plan)] or printed
        if plan.budget_columns:
            asked = set(plan.budget_columns)
            chosen = [c for c in cells if asked & _column_meanings(c.column)]
            # "budget" is also the everyday word for money: only a named column can be missing.
            column_missing = column_missing or (not chosen and plan.budget_columns != ["budget"])
            # "hoeveel was daarvan al aangewend?": the amount, and the share of the budget the
            # table prints beside it ("% Aangewend").
            shares = [c for c in printed if _is_percent(c) and asked & _column_meanings(c.column)]
            cells = [c for c in printed if c in chosen or (chosen and c in shares)] or cells
        lines += [
            BudgetLine(_row_label(row), c.column, c.raw.strip(), row.is_income) for c in cells
        ]
    return lines, column_missing and bool(lines)


def _row_label(row: BudgetRow) -> str:
    return f"{row.section} – {row.label}" if row.section and row.section != row.label else row.label


def _row_matches(row: BudgetRow, plan: QuestionPlan) -> bool:
    label = fold(f"{row.section or ''} {row.label}")
    if plan.budget_row in label:
        return plan.budget_row != "uitgaven" or not row.is_income
    # Documents without row labels (Aalst) print one expense row.
    return plan.budget_row == "uitgaven" and not row.is_income and "saldo" not in label


def _year_matches(cell: BudgetCell, years: Sequence[int]) -> bool:
    if not years:
        return True
    year = cell.year if cell.year is not None else _year_in(cell.column)
    return year is None or year in years


def _year_in(text: str) -> int | None:
    match = re.search(r"(?:19|20)\d{2}", text)
    return int(match.group(0)) if match else None


def _is_percent(cell: BudgetCell) -> bool:
    return "%" in cell.column


def _is_asked_value(cell: BudgetCell, plan: QuestionPlan) -> bool:
    if _is_percent(cell):
        return plan.wants_percent
    return not plan.wants_percent or plan.wants_amount


def _column_meanings(column: str) -> set[str]:
    """The column words a question may use for this label: "% Aangewend 2024 Q2" is the
    "aanwending" column too, as the question words map "aangewend" to it."""
    table = router_rules().budget_columns
    label = fold(column)
    return {meaning for meaning in table.values() if meaning in label} | set(
        values_named(table, label)
    )


def has_amounts(card: Card) -> bool:
    """A budget table with at least one amount (not only "/")."""
    return any(cell.amount is not None for row in card.fields.budget for cell in row.cells)


def shared_budget_partners(card: Card, siblings: Sequence[Card]) -> list[Card]:
    """Other cards with the same MJP code and the very same amounts: one budget, not two."""
    if not card.fields.mjp_code or not card.fields.budget:
        return []
    own = _amounts(card)
    if not own:
        return []
    return [
        other
        for other in siblings
        if other.key != card.key
        and other.fields.mjp_code
        and fold(other.fields.mjp_code) == fold(card.fields.mjp_code)
        and _amounts(other) == own
    ]


def _amounts(card: Card) -> tuple[tuple[str, str], ...]:
    return tuple(
        (cell.column, str(cell.amount))
        for row in card.fields.budget
        for cell in row.cells
        if cell.amount is not None
    )


def prints_amount(lines: list[BudgetLine]) -> bool:
    """Budget cells with a figure, not only "/" for the year."""
    return any(re.search(r"\d", line.raw) for line in lines)
