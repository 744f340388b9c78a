"""Local addenda to the ESF/WSE call: regional challenges built on personas, plus general sections.

The addendum template prints "Lokaal Addendum <regio>", "Lokaal werkingsgebied: ...", then
"Regio-uitdagingen" with one "● Regio-uitdaging N gebaseerd op persona X" block each, then
"Lokale Analyse", "Lokale timing" and "Lokale contactpersoon". Each block lists obstacles and,
after "Hoe kunnen we ... zodat ze:", the outcomes partners should work towards.
"""

from __future__ import annotations

import itertools
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
from actiewijzer.ingest.parsers.text_utils import (
    clean_line,
    find_years,
    is_bullet,
    reflow,
    strip_bullet,
)

_REGIO = re.compile(r"^Regio-uitdaging\s+(\d+)\b", re.IGNORECASE)
_PERSONA = re.compile(r"gebaseerd\s+op\s+(?:de\s+)?persona(?:'s)?\s+(.+)$", re.IGNORECASE)
# The template's own headings; "Lokale X" covers the call's fixed chapter names.
_TOP_HEADING = re.compile(r"^(Regio-uitdagingen|Lokale?\s+[A-Za-zÀ-ÿ-]+(?:\s+[A-Za-zÀ-ÿ-]+)?)$")
_WORKING_AREA = re.compile(r"^Lokaal\s+werkingsgebied\s*:\s*(.+)$", re.IGNORECASE)
_HEADING_BULLETS = ("●", "•", "\uf0b7", "\uf0a7")
_OBSTACLE_LEAD = re.compile(r"obstakel|drempel(?!s om)", re.IGNORECASE)
_OUTCOME_LEAD = re.compile(r"zodat\s+ze|hoe\s+kunnen\s+we", re.IGNORECASE)


@dataclass(frozen=True)
class _Block:
    """A run of lines [start, end) of the document, by list index."""

    start: int
    end: int


class EsfAddendumParser:
    family = DocumentFamily.ESF_ADDENDUM

    def matches(self, lines: Sequence[Line]) -> bool:
        text = "\n".join(clean_line(line.text) for line in lines)
        challenges = {m.group(1) for m in re.finditer(r"Regio-uitdaging\s+(\d+)", text)}
        return (
            len(challenges) >= 2
            and re.search(r"\bpersona", text, re.IGNORECASE) is not None
            and re.search(r"addendum|ESF|WSE", text, re.IGNORECASE) is not None
        )

    def parse(self, doc: str, lines: Sequence[Line]) -> ParsedDocument:
        builder = _CardBuilder(doc, lines)
        headings = [i for i, line in enumerate(lines) if _is_top_heading(line.text)]
        bounds = [0, *headings, len(lines)]
        for start, end in itertools.pairwise(bounds):  # consecutive pairs
            if start == end:
                continue
            if start == 0:
                title, title_end = _document_title(lines)
            else:
                title, title_end = clean_line(lines[start].text), start + 1
            builder.add_segment(_Block(start, end), title, title_end)
        return ParsedDocument(info=_document_info(doc, lines), cards=builder.cards)


def _is_top_heading(text: str) -> bool:
    cleaned = clean_line(text)
    return not is_bullet(text) and bool(_TOP_HEADING.match(cleaned))


def _is_heading_bullet(text: str) -> bool:
    stripped = text.strip()
    item = strip_bullet(text)
    return (
        stripped.startswith(_HEADING_BULLETS)
        and 0 < len(item) <= 60
        and not item.endswith((".", ";", ":", ","))
    )


def _document_title(lines: Sequence[Line]) -> tuple[str, int]:
    """The cover title, which extraction may break over a few lines, and where it ends."""
    parts: list[str] = []
    end = 0
    for index, line in enumerate(lines):
        text = clean_line(line.text)
        if not text:
            continue
        if ":" in text or _is_top_heading(line.text) or len(parts) == 3:
            break
        parts.append(text)
        end = index + 1
    return " ".join(parts) or "Lokaal addendum", end


class _CardBuilder:
    def __init__(self, doc: str, lines: Sequence[Line]) -> None:
        self.doc = doc
        self.lines = lines
        self.cards: list[Card] = []
        self._sections = 0

    def add_segment(self, block: _Block, title: str, body_start: int) -> None:
        """A chapter: its own card, then its challenges or bulleted sub-chapters as children."""
        challenges = [i for i in range(block.start, block.end) if self._is_challenge(i)]
        if challenges:
            own = _Block(block.start, challenges[0])
            section = self._section(own, title, body_start, parent=None)
            for start, end in _runs(challenges, block.end):
                self._challenge(_Block(start, end), parent=section)
            return
        subheadings = self._subheadings(block)
        own = _Block(block.start, subheadings[0] if subheadings else block.end)
        section = self._section(own, title, body_start, parent=None)
        for start, end in _runs(subheadings, block.end):
            if self._has_body(_Block(start + 1, end)):
                heading = strip_bullet(self.lines[start].text)
                self._section(_Block(start, end), heading, start + 1, parent=section)

    def _is_challenge(self, index: int) -> bool:
        return bool(_REGIO.match(strip_bullet(self.lines[index].text)))

    def _subheadings(self, block: _Block) -> list[int]:
        """Bulleted headings inside a chapter, unless they are only an outline of it.

        "Lokale timing" opens with three bullets and then one table: that is a list, not
        three chapters. Bullets count as headings when at least two have text under them.
        """
        candidates = [
            i for i in range(block.start + 1, block.end) if _is_heading_bullet(self.lines[i].text)
        ]
        bodies = [
            self._has_body(_Block(start + 1, end)) for start, end in _runs(candidates, block.end)
        ]
        if sum(bodies) >= 2 or (len(candidates) == 1 and all(bodies)):
            return candidates
        return []

    def _has_body(self, block: _Block) -> bool:
        return any(clean_line(self.lines[i].text) for i in range(block.start, block.end))

    def _section(
        self, block: _Block, title: str, body_start: int, parent: str | None
    ) -> str | None:
        if not self._has_body(block):
            return parent
        body = reflow([line.text for line in self.lines[body_start : block.end]])
        paragraphs = [title, *body]
        self._sections += 1
        card_id = f"Sectie {self._sections}"
        description = next((p for p in body if not p.startswith("- ")), None)
        self._append(
            block,
            card_id=card_id,
            kind=CardKind.SECTIE,
            title=title,
            parent=parent,
            text="\n".join(paragraphs),
            fields=CardFields(description=description),
            printed_id=False,
        )
        return card_id

    def _challenge(self, block: _Block, parent: str | None) -> None:
        heading = strip_bullet(self.lines[block.start].text)
        number_match = _REGIO.match(heading)
        assert number_match is not None  # only called on challenge lines
        persona = _PERSONA.search(heading)
        paragraphs = reflow([line.text for line in self.lines[block.start + 1 : block.end]])
        lists = _labelled_lists(paragraphs)
        obstacles = next((items for lead, items in lists if _OBSTACLE_LEAD.search(lead)), [])
        outcomes = next((items for lead, items in lists if _OUTCOME_LEAD.search(lead)), [])
        prose = [p for p in paragraphs if not p.startswith("- ") and not p.endswith(":")]
        self._append(
            block,
            card_id=f"Regio-uitdaging {int(number_match.group(1))}",
            kind=CardKind.REGIO_UITDAGING,
            title=heading,
            parent=parent,
            text="\n".join([heading, *paragraphs]),
            fields=CardFields(
                description=" ".join(prose) or None,
                persona=persona.group(1).strip() if persona else None,
                obstacles=obstacles,
                outcomes=outcomes,
            ),
            printed_id=True,
        )

    def _append(
        self,
        block: _Block,
        *,
        card_id: str,
        kind: CardKind,
        title: str,
        parent: str | None,
        text: str,
        fields: CardFields,
        printed_id: bool,
    ) -> None:
        filled = [line for line in self.lines[block.start : block.end] if clean_line(line.text)]
        first, last = filled[0], filled[-1]
        self.cards.append(
            Card(
                doc=self.doc,
                id=card_id,
                kind=kind,
                title=title,
                parent=parent,
                text=text,
                start_line=first.number,
                end_line=last.number,
                start_page=first.page,
                end_page=last.page,
                printed_id=printed_id,
                fields=fields,
            )
        )


def _runs(starts: list[int], end: int) -> list[tuple[int, int]]:
    """[start, next start) pairs, the last one running to `end`."""
    if not starts:
        return []
    return list(zip(starts, [*starts[1:], end], strict=True))


def _labelled_lists(paragraphs: list[str]) -> list[tuple[str, list[str]]]:
    """Each bulleted list with the lead-in sentence ("... De obstakels zijn:") above it."""
    lists: list[tuple[str, list[str]]] = []
    lead = ""
    for paragraph in paragraphs:
        if paragraph.startswith("- "):
            if not lists or lists[-1][0] != lead:
                lists.append((lead, []))
            lists[-1][1].append(paragraph[2:].rstrip(" ;.").strip())
        else:
            lead = paragraph
    return lists


def _document_info(doc: str, lines: Sequence[Line]) -> DocumentInfo:
    texts = [clean_line(line.text) for line in lines]
    municipalities = next(
        (_municipalities(m.group(1)) for t in texts if (m := _WORKING_AREA.match(t))), []
    )
    years = find_years("\n".join(texts))
    period = "-".join(str(y) for y in sorted({years[0], max(years)})) if years else "onbekend"
    partner = " (met VDAB)" if any("VDAB" in t for t in texts) else ""
    if municipalities:
        label_area = ", ".join(municipalities)
        issuer = _join_dutch(municipalities) + partner
    else:
        label_area = _document_title(lines)[0]
        issuer = "onbekend"
    return DocumentInfo(
        doc=doc,
        family=DocumentFamily.ESF_ADDENDUM,
        label=f"{label_area} – ESF-addendum {period}",
        issuer=issuer,
        municipalities=municipalities,
        report_kind="addendum ESF-oproep",
        period=period,
        year=years[0] if years else None,
    )


def _municipalities(area: str) -> list[str]:
    names = re.split(r",|\s+en\s+", area)
    # "Heist o/d Berg" is printed short for Heist-op-den-Berg.
    expanded = [re.sub(r"\s+o/d\s+", "-op-den-", name.strip()) for name in names]
    return [name for name in expanded if name]


def _join_dutch(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " en " + names[-1]
