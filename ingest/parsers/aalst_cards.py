"""Cut the body of an Aalst plan into ambition, goal and action cards.

The plan opens with an overview that repeats every ambition and goal title; it holds no
action tables, so the body starts at the last ambition heading before the first
"Trekkersrol:". Actions are not numbered: "D4.2-A3" is the third action under goal 4.2.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from actiewijzer.ingest.models import Card, CardFields, CardKind, Line
from actiewijzer.ingest.parsers.aalst_fields import tail_fields
from actiewijzer.ingest.parsers.aalst_layout import (
    AMBITION,
    GOAL,
    GOALS_SUBHEADING,
    TREKKER_LABEL,
    clean_texts,
    footnote_lines,
    is_caps_heading,
    is_label,
    is_running_footer,
    strip_glued_footnote,
    take_title,
)
from actiewijzer.ingest.parsers.aalst_tail import Role, TailScanner
from actiewijzer.ingest.parsers.text_utils import reflow


@dataclass
class _Body:
    """The meaningful lines (no blanks, footers or footnotes), addressed by position."""

    doc: str
    lines: Sequence[Line]
    texts: list[str]
    index: list[int]  # position -> index into lines

    def text(self, position: int) -> str:
        return self.texts[self.index[position]]

    def card(self, first: int, last: int, **values: object) -> Card:
        start, end = self.lines[self.index[first]], self.lines[self.index[last]]
        return Card(
            doc=self.doc,
            start_line=start.number,
            end_line=end.number,
            start_page=start.page,
            end_page=end.page,
            **values,
        )


def cut_cards(doc: str, lines: Sequence[Line]) -> list[Card]:
    texts = clean_texts(lines)
    noise = footnote_lines(lines, texts)
    index = [
        i for i, text in enumerate(texts) if text and i not in noise and not is_running_footer(text)
    ]
    body = _Body(doc, lines, texts, index)
    positions = range(len(index))
    anchors = [p for p in positions if TREKKER_LABEL.match(body.text(p))]
    if not anchors:
        return []
    ambitions = [p for p in positions if AMBITION.match(body.text(p)) and p < anchors[0]]
    start = ambitions[-1] if ambitions else 0
    headings = _headings(body, start)
    cards: list[Card] = []
    ambition_id: str | None = None
    goal_ids: set[str] = set()
    for number, (position, kind, domain) in enumerate(headings):
        end = headings[number + 1][0] if number + 1 < len(headings) else len(index)
        if kind is None:
            continue
        if kind is CardKind.AMBITIE:
            card = _ambition(body, position, end, domain, {c.id for c in cards})
            ambition_id = card.id
            cards.append(card)
        else:
            goal, first_action = _goal(body, position, end, ambition_id, goal_ids)
            goal_ids.add(goal.id)
            cards.append(goal)
            cards.extend(_actions(body, first_action, end, goal.id))
    return cards


def _headings(body: _Body, start: int) -> list[tuple[int, CardKind | None, str | None]]:
    """Ambition and goal headings from `start`, with the domain printed above an ambition.

    The capital domain heading above an ambition ends the region before it; it is entered
    as a stop (kind None) so it lands on no card but in the ambition's fields.
    """
    entries: list[tuple[int, CardKind | None, str | None]] = []
    domain: str | None = None
    for position in range(start, len(body.index)):
        text = body.text(position)
        if AMBITION.match(text):
            first = position
            while first > 0 and is_caps_heading(body.text(first - 1)):
                first -= 1
            if first < position:
                domain = " ".join(body.text(p) for p in range(first, position))
                if entries and first > entries[-1][0]:
                    entries.append((first, None, None))
            entries.append((position, CardKind.AMBITIE, domain))
        elif GOAL.match(text):
            entries.append((position, CardKind.DOELSTELLING, None))
    return entries


def _ambition(body: _Body, position: int, end: int, domain: str | None, used: set[str]) -> Card:
    match = AMBITION.match(body.text(position))
    assert match is not None
    card_id = _unique(f"Ambitie {match['number']}", used)
    following = [body.text(p) for p in range(position + 1, end)]
    opening = [match["title"], *following] if match["title"] else following
    title, used_lines = take_title(opening or [""], allow_upper=False)
    rest = opening[used_lines:]
    blocks = _labelled_blocks(rest)
    text_lines = ([domain] if domain else []) + [f"{card_id}: {title}"]
    for label, paragraphs in blocks.items():
        text_lines.extend(([label] if label else []) + paragraphs)
    other = {
        label: "\n".join(paragraphs) for label, paragraphs in blocks.items() if label and paragraphs
    }
    if domain:
        other["Domein"] = domain
    description = other.get("Motivatie") or "\n".join(blocks.get("", [])) or None
    return body.card(
        position,
        max(position, end - 1),
        id=card_id,
        kind=CardKind.AMBITIE,
        title=title,
        text="\n".join(text_lines),
        fields=CardFields(description=description, other=other),
    )


def _labelled_blocks(texts: Sequence[str]) -> dict[str, list[str]]:
    """Paragraphs under each label line ("Motivatie"); unlabelled text under ""."""
    raw: dict[str, list[str]] = {}
    label = ""
    for text in texts:
        if is_label(text):
            label = text
            raw.setdefault(label, [])
        elif GOALS_SUBHEADING.match(text):
            label = strip_glued_footnote(text)
            raw.setdefault(label, [])
        else:
            raw.setdefault(label, []).append(text)
    return {name: reflow(lines) for name, lines in raw.items()}


def _goal(
    body: _Body, position: int, end: int, ambition_id: str | None, used: set[str]
) -> tuple[Card, int]:
    match = GOAL.match(body.text(position))
    assert match is not None
    printed = f"{int(match['ambition'])}.{int(match['goal'])}"
    # The overview prints "Doelstelling 13.2." twice; should a body repeat a number too, the
    # later goal gets its place within the ambition (13.3 for the third goal), or a letter.
    ambition_number = ambition_id.split()[-1] if ambition_id else match["ambition"]
    ordinal = sum(1 for goal_id in used if goal_id.startswith(f"Doelstelling {ambition_number}."))
    fallback = f"Doelstelling {ambition_number}.{ordinal + 1}"
    card_id = f"Doelstelling {printed}"
    if card_id in used:
        card_id = _unique(fallback, used)
    following = [body.text(p) for p in range(position + 1, end)]
    opening = [match["title"], *following] if match["title"] else following
    title, used_lines = take_title(opening or [""], allow_upper=False)
    consumed = used_lines - (1 if match["title"] else 0)
    last = position + consumed
    card = body.card(
        position,
        last,
        id=card_id,
        kind=CardKind.DOELSTELLING,
        title=title,
        parent=ambition_id,
        text=f"{card_id}: {title}",
    )
    return card, last + 1


def _actions(body: _Body, start: int, end: int, goal_id: str) -> list[Card]:
    goal_number = goal_id.removeprefix("Doelstelling ")
    cards: list[Card] = []
    head_start = start
    position = start
    while position < end:
        if not TREKKER_LABEL.match(body.text(position)) or position == head_start:
            position += 1
            continue
        scanner = TailScanner()
        roles: list[tuple[Role, str]] = []
        tail_end = position
        while tail_end < end:
            fed = scanner.feed(body.text(tail_end))
            if fed is None:
                break
            roles.extend(fed)
            tail_end += 1
        if not _more_anchors(body, tail_end, end):
            # Lines left before the next heading spilled over from this action's table.
            roles.extend((Role.NOTE, body.text(p)) for p in range(tail_end, end))
            tail_end = end
        cards.append(_action(body, head_start, position, tail_end, roles, goal_number, cards))
        head_start = position = tail_end
    return cards


def _more_anchors(body: _Body, start: int, end: int) -> bool:
    return any(TREKKER_LABEL.match(body.text(p)) for p in range(start, end))


def _action(
    body: _Body,
    head_start: int,
    anchor: int,
    tail_end: int,
    roles: Sequence[tuple[Role, str]],
    goal_number: str,
    siblings: Sequence[Card],
) -> Card:
    head = [body.text(p) for p in range(head_start, anchor)]
    title, used = take_title(head, allow_upper=True)
    paragraphs = reflow(head[used:])
    table = tail_fields(roles)
    other: dict[str, str] = {}
    if table.mjp_raw:
        other["MJP"] = "; ".join(table.mjp_raw)
    if len(table.mjp_codes) > 1:
        other["MJP-codes"] = ", ".join(table.mjp_codes)
    if table.notes:
        other["Opmerking"] = "\n".join(table.notes)
    return body.card(
        head_start,
        tail_end - 1,
        id=f"D{goal_number}-A{len(siblings) + 1}",
        kind=CardKind.ACTIE,
        title=title,
        parent=f"Doelstelling {goal_number}",
        text="\n".join([title, *paragraphs, *table.render()]),
        printed_id=False,
        fields=CardFields(
            description="\n".join(paragraphs) or None,
            trekker=table.trekker,
            partners=table.partners,
            mjp_code=table.mjp_code,
            budget=table.budget,
            other=other,
        ),
    )


def _unique(card_id: str, used: set[str]) -> str:
    if card_id not in used:
        return card_id
    suffix = ord("b")
    while f"{card_id}{chr(suffix)}" in used:
        suffix += 1
    return f"{card_id}{chr(suffix)}"
