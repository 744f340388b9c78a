"""Fallback for any other plan: numbered headings become a card tree, else packed text blocks."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from actiewijzer.ingest.models import (
    Card,
    CardFields,
    CardKind,
    DocumentFamily,
    DocumentInfo,
    Line,
    ParsedDocument,
)
from actiewijzer.ingest.parsers.generic_headings import Heading, find_headings
from actiewijzer.ingest.parsers.text_utils import (
    clean_line,
    find_years,
    is_page_footer,
    reflow,
)

BLOCK_CHARS = 1500
_RANGE = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)(?!\d)")
_ISSUER = re.compile(
    r"\b(Stad(?:\s+en\s+OCMW)?|Gemeente|OCMW|Provincie)\s+([A-Z][\w'-]+(?:[- ](?:op|aan|den|de)[- ][A-Z]\w+)?)"
)
_REGIONAL = re.compile(r"\b(Vlaamse Regering|Vlaamse overheid|Federale overheid)\b", re.IGNORECASE)
_REPORT_KINDS = (
    "lokaal sociaal beleidsplan",
    "meerjarenplan",
    "beleidsplan",
    "actieplan",
    "evaluatierapport",
    "jaarverslag",
    "rapport",
    "nota",
)


class GenericParser:
    family = DocumentFamily.GENERIC

    def matches(self, lines: Sequence[Line]) -> bool:
        return True

    def parse(self, doc: str, lines: Sequence[Line]) -> ParsedDocument:
        headings = find_headings(lines)
        cards = _heading_cards(doc, lines, headings) if headings else _block_cards(doc, lines)
        return ParsedDocument(info=_document_info(doc, lines), cards=cards)


@dataclass
class _Counter:
    sections: int = 0

    def next_section_id(self) -> str:
        self.sections += 1
        return f"Sectie {self.sections}"


def _heading_cards(doc: str, lines: Sequence[Line], headings: list[Heading]) -> list[Card]:
    counter = _Counter()
    cards: list[Card] = []
    # Text before the first heading (a cover, an introduction) still deserves to be found.
    cards.extend(_block_cards(doc, lines[: headings[0].index], counter))
    stack: list[tuple[Heading, str]] = []
    used: set[str] = {card.id for card in cards}
    ends = [h.index for h in headings[1:]] + [len(lines)]
    for heading, end in zip(headings, ends, strict=True):
        while stack and stack[-1][0].level >= heading.level:
            stack.pop()
        card_id, printed = heading.card_id, heading.card_id is not None
        if card_id is None or card_id in used:
            card_id, printed = counter.next_section_id(), False
        used.add(card_id)
        body = reflow([line.text for line in lines[heading.body_start : end]])
        span = [line for line in lines[heading.index : end] if clean_line(line.text)]
        cards.append(
            _card(
                doc,
                span,
                card_id=card_id,
                kind=heading.kind,
                title=heading.title,
                parent=stack[-1][1] if stack else None,
                paragraphs=[heading.printed, *body],
                printed_id=printed,
            )
        )
        stack.append((heading, card_id))
    return cards


def _block_cards(doc: str, lines: Sequence[Line], counter: _Counter | None = None) -> list[Card]:
    """Blank-line separated blocks, packed up to BLOCK_CHARS so each card reads on its own."""
    counter = counter or _Counter()
    cards: list[Card] = []
    for chunk in _pack(_blocks(lines)):
        paragraphs = reflow([line.text for line in chunk])
        if not paragraphs:
            continue
        title = paragraphs[0] if len(paragraphs[0]) <= 80 else paragraphs[0][:77].rstrip() + "..."
        cards.append(
            _card(
                doc,
                chunk,
                card_id=counter.next_section_id(),
                kind=CardKind.SECTIE,
                title=title,
                parent=None,
                paragraphs=paragraphs,
                printed_id=False,
            )
        )
    return cards


def _blocks(lines: Sequence[Line]) -> list[list[Line]]:
    blocks: list[list[Line]] = [[]]
    for line in lines:
        if not clean_line(line.text) or is_page_footer(line.text):
            if blocks[-1]:
                blocks.append([])
            continue
        blocks[-1].append(line)
    return [block for block in blocks if block]


def _pack(blocks: list[list[Line]]) -> list[list[Line]]:
    chunks: list[list[Line]] = []
    size = 0
    for block in blocks:
        for piece in _split_long(block):
            piece_size = sum(len(clean_line(line.text)) + 1 for line in piece)
            if chunks and size + piece_size <= BLOCK_CHARS:
                chunks[-1].extend(piece)
                size += piece_size
            else:
                chunks.append(list(piece))
                size = piece_size
    return chunks


def _split_long(block: list[Line]) -> list[list[Line]]:
    """A page of text without blank lines (common in PDFs) is cut at line ends."""
    pieces: list[list[Line]] = [[]]
    size = 0
    for line in block:
        length = len(clean_line(line.text)) + 1
        if pieces[-1] and size + length > BLOCK_CHARS:
            pieces.append([])
            size = 0
        pieces[-1].append(line)
        size += length
    return pieces


def _card(
    doc: str,
    span: Sequence[Line],
    *,
    card_id: str,
    kind: CardKind,
    title: str,
    parent: str | None,
    paragraphs: list[str],
    printed_id: bool,
) -> Card:
    first, last = span[0], span[-1]
    body = paragraphs[1:]
    return Card(
        doc=doc,
        id=card_id,
        kind=kind,
        title=title,
        parent=parent,
        text="\n".join(paragraphs),
        start_line=first.number,
        end_line=last.number,
        start_page=first.page,
        end_page=last.page,
        printed_id=printed_id,
        fields=CardFields(description=" ".join(body)[:600] or None),
    )


def _document_info(doc: str, lines: Sequence[Line]) -> DocumentInfo:
    head = [clean_line(line.text) for line in lines[:150]]
    head_text = "\n".join(head)
    label = next((t for t in head if _is_meaningful(t)), None) or doc.rsplit(".", 1)[0]
    years = find_years(head_text) or find_years("\n".join(clean_line(li.text) for li in lines))
    printed_range = _RANGE.search(head_text)
    if printed_range:
        period = f"{printed_range.group(1)}-{printed_range.group(2)}"
    elif years:
        period = str(years[0]) if len(years) == 1 else f"{min(years)}-{max(years)}"
    else:
        period = "onbekend"
    issuers = _ISSUER.findall(head_text)
    regional = _REGIONAL.search(head_text)
    issuer = (
        f"{issuers[0][0]} {issuers[0][1]}"
        if issuers
        else (regional.group(1) if regional else "onbekend")
    )
    lowered = head_text.lower()
    return DocumentInfo(
        doc=doc,
        family=DocumentFamily.GENERIC,
        label=label[:120],
        issuer=issuer,
        municipalities=list(dict.fromkeys(name for _, name in issuers)),
        report_kind=next((kind for kind in _REPORT_KINDS if kind in lowered), "document"),
        period=period,
        year=years[0] if years else None,
    )


def _is_meaningful(text: str) -> bool:
    letters = sum(ch.isalpha() for ch in text)
    return letters >= 4 and len(text) <= 160 and not is_page_footer(text)
