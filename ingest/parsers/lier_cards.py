"""Cut a Lier report into goal, action-plan and action cards.

A card runs from its number line to the line before the next structural line (another
number, a heading such as "Prioritaire Actieplannen" or "Actie", or a totals table), so an
action plan's card holds its own description, budget and indicators but not its actions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from actiewijzer.ingest.models import Card, CardFields, CardKind, Line
from actiewijzer.ingest.parsers.lier_budget import is_budget_header
from actiewijzer.ingest.parsers.lier_fields import is_field_label, read_fields
from actiewijzer.ingest.parsers.lier_layout import (
    Marker,
    StructuralLine,
    classify,
    goal_title_from_totals,
    parent_id,
)
from actiewijzer.ingest.parsers.lier_text import (
    display_line,
    flow_paragraphs,
    furniture_numbers,
    tidy_block,
    unbulleted,
)

# A title line ending in one of these words wraps onto the next line.
_OPEN_ENDING = re.compile(
    r"\b(?:en|of|van|de|het|een|voor|met|in|op|tot|naar|te|der|om|bij|door|rond|als)$", re.I
)
_MAX_TITLE_CONTINUATIONS = 2
# A goal heading without its own name ("Overkoepelende evaluatie beleidsdoelstelling"); the
# totals table at the end names it ("Totaal beleidsdoelstelling Sociale dienstverlening").
_UNNAMED_GOAL = re.compile(r"\bbeleidsdoelstelling$", re.I)
# Contact lines on the goal's cover: "Burgemeester : Frank Boogaerts".
_KEY_VALUE = re.compile(r"^(?P<key>[A-Z][\w .-]{1,40}?)\s+:\s+(?P<value>\S.*)$")
_NIS_CODE = re.compile(r"^(?P<key>NIS-code)\s*:?\s*(?P<value>\d{5})$", re.I)


@dataclass(frozen=True, slots=True)
class _Span:
    head: StructuralLine
    end: int  # exclusive index


class _CardCutter:
    def __init__(self, doc: str, lines: Sequence[Line]) -> None:
        self.doc = doc
        self.lines = lines
        self.furniture = furniture_numbers(lines)

    def cards(self) -> list[Card]:
        spans = self._spans()
        by_id: dict[str, Card] = {}
        goal: Card | None = None
        for position, span in enumerate(spans):
            head = span.head
            if head.marker is Marker.TOTALS:
                if goal is not None:
                    self._attach_totals(goal, span)
                continue
            if head.marker is Marker.SECTION:
                continue
            card_id = head.card_id or _next_goal_prefix(spans[position + 1 :])
            if card_id is None:
                continue
            card = self._card(span, card_id)
            if head.marker is Marker.GOAL:
                goal = card
            # A repeated number (a table of contents, a repeated header) keeps the fullest card.
            kept = by_id.get(card_id)
            if kept is None or len(card.text) > len(kept.text):
                by_id[card_id] = card
        return sorted(by_id.values(), key=lambda card: card.start_line)

    def _spans(self) -> list[_Span]:
        heads: list[StructuralLine] = []
        goals_seen: set[str] = set()
        for index, line in enumerate(self.lines):
            if line.number in self.furniture or not (found := classify(index, line.text)):
                continue
            # A goal heading printed again (a running header in text without pages) is no
            # new goal and must not cut the action it interrupts.
            if found.marker is Marker.GOAL and found.card_id:
                if found.card_id in goals_seen:
                    continue
                goals_seen.add(found.card_id)
            heads.append(found)
        heads = [head for position, head in enumerate(heads) if _is_real(head, heads[position:])]
        ends = [head.index for head in heads[1:]] + [len(self.lines)]
        return [_Span(head, end) for head, end in zip(heads, ends, strict=True)]

    def _content(self, start: int, end: int) -> list[int]:
        """Indexes in [start, end) that are not page furniture, trailing blanks cut off."""
        kept = [i for i in range(start, end) if self.lines[i].number not in self.furniture]
        while kept and not display_line(self.lines[kept[-1]].text):
            kept.pop()
        return kept

    def _card(self, span: _Span, card_id: str) -> Card:
        head = span.head
        indexes = self._content(head.index, span.end)
        title, body_from = self._title(head, indexes)
        body = [self.lines[i].text for i in indexes[body_from:]]
        kind = head.kind or CardKind.ACTIE
        first, last = self.lines[indexes[0]], self.lines[indexes[-1]]
        is_goal = kind is CardKind.BELEIDSDOELSTELLING
        fields = _goal_fields(body) if is_goal else read_fields(body)
        return Card(
            doc=self.doc,
            id=card_id,
            kind=kind,
            title=title,
            parent=parent_id(card_id),
            # The number line loses the bullet or dash printed before it.
            text=tidy_block([unbulleted(first.text)] + [self.lines[i].text for i in indexes[1:]]),
            start_line=first.number,
            end_line=last.number,
            start_page=first.page,
            end_page=last.page,
            fields=fields,
        )

    def _title(self, head: StructuralLine, indexes: list[int]) -> tuple[str, int]:
        """The title as printed after the number, joined when it wraps; and where the body starts."""
        parts = [head.title] if head.title else []
        position = 1
        if not parts:
            # The number stands alone: the title is the next printed line.
            while position < len(indexes) and not display_line(self.lines[indexes[position]].text):
                position += 1
            if position < len(indexes) and self._may_continue(indexes[position]):
                parts.append(display_line(self.lines[indexes[position]].text))
                position += 1
        while parts and position < len(indexes) and position <= _MAX_TITLE_CONTINUATIONS:
            index = indexes[position]
            # Only a line printed directly under the title (no blank between) continues it;
            # page furniture in between is already left out of `indexes`.
            if not self._may_continue(index):
                break
            text = display_line(self.lines[index].text)
            if not (text[0].islower() or _OPEN_ENDING.search(parts[-1])):
                break
            parts.append(text)
            position += 1
        return " ".join(display_line(part) for part in parts), position

    def _may_continue(self, index: int) -> bool:
        text = self.lines[index].text
        clean = display_line(text)
        return bool(clean) and not is_field_label(text) and not is_budget_header(text)

    def _attach_totals(self, goal: Card, span: _Span) -> None:
        indexes = self._content(span.head.index, span.end)
        block = tidy_block([self.lines[i].text for i in indexes])
        goal.text = f"{goal.text}\n\n{block}"
        title = goal_title_from_totals(span.head.title)
        if title is None:
            goal.fields.other[span.head.title] = block
            return
        goal.fields.budget.extend(read_fields([self.lines[i].text for i in indexes[1:]]).budget)
        if _UNNAMED_GOAL.search(goal.title):
            goal.title = title


def _is_real(head: StructuralLine, rest: list[StructuralLine]) -> bool:
    """A goal counts only when numbered cards of that goal follow before the next goal."""
    if head.marker is not Marker.GOAL:
        return True
    for later in rest[1:]:
        if later.marker is Marker.GOAL:
            return False
        if later.marker is Marker.CARD and later.card_id:
            return head.card_id is None or later.card_id.startswith(f"{head.card_id}/")
    return False


def _next_goal_prefix(spans: list[_Span]) -> str | None:
    """The number of an unnumbered goal, read from the first plan printed under it."""
    for span in spans:
        if span.head.marker is Marker.CARD and span.head.card_id:
            return "/".join(span.head.card_id.split("/")[:2])
    return None


def _goal_fields(body: list[str]) -> CardFields:
    other: dict[str, str] = {}
    prose: list[str] = []
    for text in body:
        clean = display_line(text)
        if pair := (_KEY_VALUE.match(clean) or _NIS_CODE.match(clean)):
            other[pair["key"].strip()] = pair["value"].strip()
        else:
            prose.append(text)
    # The report's cover prints an address under the goal; only sentences describe it.
    sentences = [p for p in flow_paragraphs(prose).split("\n") if len(p.split()) >= 6]
    return CardFields(description="\n".join(sentences) or None, other=other)


def cut_cards(doc: str, lines: Sequence[Line]) -> list[Card]:
    return _CardCutter(doc, lines).cards()
