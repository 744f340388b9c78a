"""How the Vlaams Actieplan Armoedebestrijding inventory prints its structure.

The inventory is a long run of two-column table "fiches" extracted from PDF. This module
knows what the printed landmarks look like: the numbering legend at the top, the grondrecht
section headings, the `ACTIE 07_04_01` headers (in their broken variants), page furniture, and
the "Mijlpalen" label that the PDF prints vertically, one letter group per line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from actiewijzer.ingest.models import Line

# "07_04_01": grondrecht _ minister _ sequence number.
ACTION_NUMBER = re.compile(r"(?<![\d_])(\d{2})_(\d{2})_(\d{2})(?![\d_])")
# Upper-case ACTIE at the start of a line; "ACTIEPLAN" and "zie actie 02_06_01" are not headers.
_ACTION_HEADER = re.compile(
    r"^\s*ACTIE(?![A-Za-z])\s*(?P<number>\d{2}_\d{2}_\d{2}(?![\d_]))?(?P<rest>.*)$"
)
_NUMBER_ALONE = re.compile(r"^\s*(?P<number>\d{2}_\d{2}_\d{2})(?![\d_])(?P<rest>.*)$")
_SECTION_HEADING = re.compile(
    r"^\s*Acties\s+die\s+inzetten\s+op\s+(?P<rest>.*?)\s*$", re.IGNORECASE
)
_GRONDRECHT_WORD = re.compile(r"^(?:het\s+)?grondrecht(?:en)?\b\s*(?P<name>.*)$", re.IGNORECASE)
_LEGEND_ENTRY = re.compile(r"^\s*(?P<code>\d{2})\s+(?P<name>\S.*?)\s*$")
_BARE_PAGE_NUMBER = re.compile(r"^\s*\d{1,3}\s*$")
# PDF link annotations come out as a bare URL after the page's last line.
_LINK_ANNOTATION = re.compile(r"^https?://\S+$")
_MILESTONES_WORD = "mijlpalen"
# How many lines ahead a header's number may sit, when the PDF put it on its own line.
_NUMBER_LOOKAHEAD = 3


@dataclass(frozen=True, slots=True)
class ActionHeader:
    index: int  # list index of the ACTIE line
    number: str  # "07_04_01"
    body_start: int  # list index where the title text starts
    title_head: str  # title text printed on the header line itself ("" when none)


@dataclass(frozen=True, slots=True)
class SectionHeading:
    index: int  # list index of "Acties die inzetten op ..."
    body_start: int  # list index after the grondrecht's name
    name: str  # as printed: "WERK", "ALLE grondrechten"


@dataclass(frozen=True, slots=True)
class Legend:
    """The numbering legend printed above the first action."""

    grondrechten: dict[str, str]  # "07" -> "werk"
    ministers: dict[str, str]  # "05" -> "Vlaams minister Philippe Muyters"

    def grondrecht_code(self, name: str) -> str | None:
        wanted = normalise_space(name).casefold()
        return next(
            (code for code, label in self.grondrechten.items() if label.casefold() == wanted), None
        )


def normalise_space(text: str) -> str:
    return " ".join(text.split())


def is_blank(text: str) -> bool:
    return not text.strip()


def action_header_at(lines: Sequence[Line], index: int) -> ActionHeader | None:
    match = _ACTION_HEADER.match(lines[index].text)
    if match is None:
        return None
    if match.group("number"):
        return ActionHeader(index, match.group("number"), index + 1, match.group("rest").strip())
    if match.group("rest").strip():
        return None  # "ACTIE" followed by prose, not by a number
    # "ACTIE" alone: the number was pushed to one of the next lines.
    for ahead in range(index + 1, min(index + 1 + _NUMBER_LOOKAHEAD, len(lines))):
        if is_blank(lines[ahead].text):
            continue
        alone = _NUMBER_ALONE.match(lines[ahead].text)
        if alone is None:
            return None
        return ActionHeader(index, alone.group("number"), ahead + 1, alone.group("rest").strip())
    return None


def section_heading_at(lines: Sequence[Line], index: int) -> SectionHeading | None:
    match = _SECTION_HEADING.match(lines[index].text)
    if match is None:
        return None
    target = _GRONDRECHT_WORD.match(match.group("rest"))
    if target is None:  # "Acties die inzetten op ALLE grondrechten"
        return SectionHeading(index, index + 1, match.group("rest"))
    if target.group("name"):
        return SectionHeading(index, index + 1, target.group("name"))
    # "... op het grondrecht" with the grondrecht's name on the next printed line.
    for ahead in range(index + 1, min(index + 4, len(lines))):
        name = lines[ahead].text.strip()
        if name:
            if action_header_at(lines, ahead) is not None:
                break
            return SectionHeading(index, ahead + 1, name)
    return None


def parse_legend(lines: Sequence[Line], end: int) -> Legend:
    """Read the two "NN name" lists (grondrechten, then ministers) printed before `end`."""
    blocks: list[dict[str, str]] = []
    previous = -1
    for line in lines[:end]:
        match = _LEGEND_ENTRY.match(line.text)
        if match is None:
            continue
        code = int(match.group("code"))
        if code <= previous or not blocks:
            blocks.append({})  # the numbering restarts: the next list begins
        blocks[-1][match.group("code")] = match.group("name")
        previous = code
    lists = [block for block in blocks if len(block) >= 3]
    grondrechten = lists[0] if lists else {}
    ministers = lists[1] if len(lists) > 1 else {}
    return Legend(grondrechten, ministers)


def is_furniture(lines: Sequence[Line], index: int) -> bool:
    """Page numbers and link annotations that the PDF prints between a card's lines."""
    text = lines[index].text
    if _BARE_PAGE_NUMBER.match(text):
        before = index == 0 or is_blank(lines[index - 1].text)
        after = index + 1 >= len(lines) or is_blank(lines[index + 1].text)
        return before and after
    if _LINK_ANNOTATION.match(text):
        if index + 1 >= len(lines):
            return True
        following = lines[index + 1]
        # A link annotation is the page's last line: what follows starts a new page, which the
        # text export marks with a leading space and a PDF loader with the page number.
        new_page = following.page is not None and following.page != lines[index].page
        return (
            new_page
            or following.text.startswith(" ")
            or bool(_LINK_ANNOTATION.match(following.text))
        )
    return False


def milestones_label_length(texts: Sequence[str], index: int) -> int:
    """Lines taken by a "Mijlpalen" label starting at `index` (0 when there is none).

    The PDF prints the label rotated in the margin, so it arrives as "M", "ijl", "p", "al", ...
    """
    joined = ""
    taken = 0  # lines up to and including the last letter group
    ahead = index
    while ahead < len(texts) and len(joined) < len(_MILESTONES_WORD):
        piece = texts[ahead].strip()
        ahead += 1
        if not piece:
            continue  # extraction may put blank lines between the letter groups
        if not piece.isalpha() or not _MILESTONES_WORD.startswith((joined + piece).casefold()):
            break
        joined += piece
        taken = ahead - index
    return taken if len(joined) >= 3 and joined[0] in "Mm" else 0
