"""The Vlaams Actieplan Armoedebestrijding inventory: grondrecht sections holding action fiches.

The file opens with a numbering legend (grondrecht codes 00-10, minister codes 01-09), then
prints eleven sections "Acties die inzetten op het grondrecht <NAAM>", each with fiches headed
"ACTIE 07_04_01". Two fiches are printed twice; we keep the first print and note the other.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from actiewijzer.ingest.models import (
    Card,
    CardFields,
    CardKind,
    DocumentFamily,
    Line,
    ParsedDocument,
)
from actiewijzer.ingest.parsers.vapa_fields import MILESTONES_LABEL, is_summary_label, read_fiche
from actiewijzer.ingest.parsers.vapa_info import document_info
from actiewijzer.ingest.parsers.vapa_layout import (
    ACTION_NUMBER,
    ActionHeader,
    Legend,
    SectionHeading,
    action_header_at,
    is_blank,
    is_furniture,
    milestones_label_length,
    normalise_space,
    parse_legend,
    section_heading_at,
)


@dataclass(frozen=True, slots=True)
class _Span:
    """List indices [start, end) of a printed block."""

    start: int
    end: int


class VapaParser:
    family = DocumentFamily.VAPA

    def matches(self, lines: Sequence[Line]) -> bool:
        # "ACTIE 07_04_01" headers plus the inventory's own section heading or fiche label;
        # the numbered header alone could be any document's.
        if not any(action_header_at(lines, i) is not None for i in range(len(lines))):
            return False
        return any(
            section_heading_at(lines, i) is not None or is_summary_label(lines[i].text)
            for i in range(len(lines))
        )

    def parse(self, doc: str, lines: Sequence[Line]) -> ParsedDocument:
        sections, actions = _landmarks(lines)
        first = min([h.index for h in sections] + [h.index for h in actions], default=len(lines))
        legend = parse_legend(lines, first)
        cards: list[Card] = []
        # Fiches printed before any section heading (a user's excerpt) still count.
        first_section = sections[0].index if sections else len(lines)
        loose = [h for h in actions if h.index < first_section]
        for number, header in enumerate(loose):
            following = loose[number + 1].index if number + 1 < len(loose) else first_section
            cards.append(
                _action_card(doc, lines, header, _Span(header.index, following), None, legend)
            )
        for position, heading in enumerate(sections):
            end = sections[position + 1].index if position + 1 < len(sections) else len(lines)
            members = [h for h in actions if heading.index < h.index < end]
            section = _section_card(doc, lines, heading, _Span(heading.index, end), members, legend)
            cards.append(section)
            for number, header in enumerate(members):
                following = members[number + 1].index if number + 1 < len(members) else end
                cards.append(
                    _action_card(
                        doc, lines, header, _Span(header.index, following), section.id, legend
                    )
                )
        return ParsedDocument(info=document_info(doc, lines, cards), cards=_drop_reprints(cards))


def _landmarks(lines: Sequence[Line]) -> tuple[list[SectionHeading], list[ActionHeader]]:
    sections: list[SectionHeading] = []
    actions: list[ActionHeader] = []
    for index in range(len(lines)):
        if (header := action_header_at(lines, index)) is not None:
            actions.append(header)
        elif (heading := section_heading_at(lines, index)) is not None:
            sections.append(heading)
    return sections, actions


def _section_card(
    doc: str,
    lines: Sequence[Line],
    heading: SectionHeading,
    span: _Span,
    members: list[ActionHeader],
    legend: Legend,
) -> Card:
    code = legend.grondrecht_code(heading.name) or _code_from_actions(heading.name, members)
    title = _sentence_case(normalise_space(heading.name))
    intro_end = members[0].index if members else span.end
    intro = [text for _, text in _kept(lines, _Span(heading.body_start, intro_end))]
    heading_text = normalise_space(
        " ".join(line.text for line in lines[heading.index : heading.body_start])
    )
    card_span = _trimmed(lines, span)
    return Card(
        doc=doc,
        id=f"Grondrecht {code}",
        kind=CardKind.GRONDRECHT,
        title=title,
        text="\n".join([heading_text, *intro]),
        start_line=lines[card_span.start].number,
        end_line=lines[card_span.end - 1].number,
        start_page=lines[card_span.start].page,
        end_page=lines[card_span.end - 1].page,
        fields=CardFields(description="\n".join(intro) or None),
    )


def _action_card(
    doc: str,
    lines: Sequence[Line],
    header: ActionHeader,
    span: _Span,
    parent: str | None,
    legend: Legend,
) -> Card:
    body = [text for _, text in _kept(lines, _Span(header.body_start, span.end))]
    title, fields = read_fiche([header.title_head, *body] if header.title_head else body)
    grondrecht = header.number.split("_")[0]
    if grondrecht in legend.grondrechten:
        fields.other["Grondrecht"] = f"{grondrecht} {legend.grondrechten[grondrecht]}"
    # The legend's minister list does not match the numbers actually used (02_06_xx cards name
    # Vandeurzen's cabinet, not code 06's minister), so a derived "Minister" field would mislead;
    # the printed kabinet is the source of truth.
    references = sorted(
        {"_".join(m.groups()) for text in body for m in ACTION_NUMBER.finditer(text)}
        - {header.number}
    )
    if references:
        fields.other["Verwijst naar"] = ", ".join(references)
    card_span = _trimmed(lines, span)
    heading = normalise_space(
        " ".join(line.text for line in lines[header.index : header.body_start])
    )
    return Card(
        doc=doc,
        id=header.number,
        kind=CardKind.ACTIE,
        title=title,
        parent=parent,
        text="\n".join([heading, *body]),
        start_line=lines[card_span.start].number,
        end_line=lines[card_span.end - 1].number,
        start_page=lines[card_span.start].page,
        end_page=lines[card_span.end - 1].page,
        fields=fields,
    )


def _kept(lines: Sequence[Line], span: _Span) -> list[tuple[int, str]]:
    """The printed lines of a block: blanks and furniture dropped, the vertical label joined."""
    texts = [line.text for line in lines[span.start : span.end]]
    kept: list[tuple[int, str]] = []
    offset = 0
    while offset < len(texts):
        index = span.start + offset
        label = milestones_label_length(texts, offset)
        if label:
            kept.append((index, MILESTONES_LABEL))
            offset += label
            continue
        if not is_blank(texts[offset]) and not is_furniture(lines, index):
            kept.append((index, texts[offset].rstrip()))
        offset += 1
    return kept


def _trimmed(lines: Sequence[Line], span: _Span) -> _Span:
    """The span without trailing blank lines and furniture, so end_line is the last printed line."""
    end = span.end
    while end - 1 > span.start and (is_blank(lines[end - 1].text) or is_furniture(lines, end - 1)):
        end -= 1
    return _Span(span.start, end)


def _drop_reprints(cards: list[Card]) -> list[Card]:
    """Keep the first print of a fiche printed twice; its card names where the reprint is."""
    kept: dict[str, Card] = {}
    for card in cards:
        first = kept.get(card.id)
        if first is None:
            kept[card.id] = card
            continue
        spans = [
            s
            for s in (
                first.fields.other.get("Ook afgedrukt"),
                f"regels {card.start_line}-{card.end_line}",
            )
            if s
        ]
        first.fields.other["Ook afgedrukt"] = "; ".join(spans)
    return list(kept.values())


def _code_from_actions(name: str, members: list[ActionHeader]) -> str:
    """Fallback when the legend does not list the heading's name: the actions' first segment."""
    codes = [header.number[:2] for header in members]
    return max(set(codes), key=codes.count) if codes else normalise_space(name)


def _sentence_case(name: str) -> str:
    return name[:1].upper() + name[1:].lower()
