"""Find the headings of an unknown plan: "2.3 Titel", "Actie 4", "Doelstelling 2: ...", "II. AANPAK"."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from actiewijzer.ingest.models import CardKind, Line
from actiewijzer.ingest.parsers.text_utils import clean_line, is_bullet

# Lower rank = higher in the tree; keyword headings nest inside numbered chapters.
_KEYWORD_RANK = {
    "hoofdstuk": 0,
    "deel": 0,
    "ambitie": 1,
    "thema": 1,
    "prioriteit": 1,
    "beleidsdoelstelling": 1,
    "doelstelling": 2,
    "actieplan": 2,
    "actie": 3,
    "maatregel": 3,
    "project": 3,
}
_KIND_BY_WORD = {
    "ambitie": CardKind.AMBITIE,
    "beleidsdoelstelling": CardKind.BELEIDSDOELSTELLING,
    "doelstelling": CardKind.DOELSTELLING,
    "actieplan": CardKind.ACTIEPLAN,
    "actie": CardKind.ACTIE,
    "maatregel": CardKind.ACTIE,
}
_KEYWORD = re.compile(
    rf"^(?P<word>{'|'.join(_KEYWORD_RANK)})\s+"
    r"(?P<num>\d{1,3}(?:[._/-]\d{1,3})*[a-z]?|[IVXLC]{1,6})\b"
    r"(?P<sep>\s*[.:–-])?\s*(?P<title>.*)$",
    re.IGNORECASE,
)
_NUMBERED = re.compile(r"^(?P<num>\d{1,2}(?:\.\d{1,2}){0,4})(?P<dot>\.)?(?:\s+(?P<title>\S.*))?$")
_ROMAN = re.compile(r"^(?P<num>[IVX]{1,5})\.\s+(?P<title>\S.*)$")
_DOT_LEADER = re.compile(r"\.{4,}|…\s*\d+$")
_MAX_TITLE = 120
_LIST_RUN = 3  # this many numbered lines in a row are a list or a table of contents


@dataclass(frozen=True)
class Heading:
    index: int  # list index of the heading line
    body_start: int  # list index where the body starts (after a title on the next line)
    level: int
    card_id: str | None  # printed number or "Actie 4"; None when nothing usable is printed
    title: str
    printed: str  # the heading as it reads: "2.3 Armoede bestrijden"
    kind: CardKind


def find_headings(lines: Sequence[Line]) -> list[Heading]:
    """Headings in document order; empty when fewer than two, so the caller packs blocks."""
    texts = [clean_line(line.text) for line in lines]
    headings: list[Heading] = []
    index = 0
    while index < len(lines):
        heading = None
        if texts[index] and not is_bullet(lines[index].text):
            heading = _keyword_heading(texts, index) or _numbered_heading(texts, index)
        if heading is not None:
            headings.append(heading)
            index = heading.body_start
        else:
            index += 1
    headings = _drop_lists(headings, texts)
    return headings if len(headings) >= 2 else []


def _keyword_heading(texts: list[str], index: int) -> Heading | None:
    match = _KEYWORD.match(texts[index])
    if match is None:
        return None
    title = match.group("title").strip()
    # "Actie 4 werd in 2021 uitgevoerd" is a sentence, not a heading.
    if title and not match.group("sep") and title[0].islower():
        return None
    if len(title) > _MAX_TITLE * 2 or _DOT_LEADER.search(title):
        return None
    word = match.group("word").lower()
    number = match.group("num")
    body_start = index + 1
    if not title:
        title, body_start = _title_below(texts, index)
    depth = len(re.split(r"[._/-]", number))
    card_id = f"{word.capitalize()} {number}"
    return Heading(
        index=index,
        body_start=body_start,
        level=100 + 10 * _KEYWORD_RANK[word] + depth,
        card_id=card_id,
        title=title or card_id,
        printed=f"{card_id}: {title}" if title else card_id,
        kind=_KIND_BY_WORD.get(word, CardKind.SECTIE),
    )


def _numbered_heading(texts: list[str], index: int) -> Heading | None:
    roman = _ROMAN.match(texts[index])
    if roman and _is_title(roman.group("title")):
        title = roman.group("title")
        return Heading(index, index + 1, 0, roman.group("num"), title, texts[index], _kind(title))
    match = _NUMBERED.match(texts[index])
    if match is None:
        return None
    number = match.group("num")
    if "." not in number and not match.group("dot"):
        return None  # "3 organisaties", a rank in a table, a page number
    title = match.group("title")
    body_start, printed = index + 1, texts[index]
    if title is None:
        title, body_start = _title_below(texts, index)
        printed = f"{texts[index]} {title}"
    if not title or not _is_title(title):
        return None
    depth = number.count(".") + 1
    return Heading(index, body_start, depth, number, title, printed, _kind(title))


def _title_below(texts: list[str], index: int) -> tuple[str, int]:
    """Extraction often puts a title on the line after its number."""
    for below in range(index + 1, min(index + 4, len(texts))):
        if texts[below]:
            if _is_title(texts[below]) and not _NUMBERED.match(texts[below]):
                return texts[below], below + 1
            break
    return "", index + 1


def _is_title(text: str) -> bool:
    return (
        0 < len(text) <= _MAX_TITLE
        and (text[0].isupper() or text[0] in "“‘\"'")
        and not text.endswith((".", ";", ",", ":"))
        and not _DOT_LEADER.search(text)
    )


def _kind(title: str) -> CardKind:
    first = title.split(maxsplit=1)[0].lower().strip(":.")
    return _KIND_BY_WORD.get(first, CardKind.SECTIE)


def _drop_lists(headings: list[Heading], texts: list[str]) -> list[Heading]:
    """Numbered lines that follow each other with no text between are a list, not chapters."""
    kept: list[Heading] = []
    run: list[Heading] = []

    def flush() -> None:
        if len(run) < _LIST_RUN:
            kept.extend(run)
        run.clear()

    for heading in headings:
        if run and _adjacent(run[-1], heading, texts) and run[-1].level == heading.level:
            run.append(heading)
            continue
        flush()
        run.append(heading)
    flush()
    return kept


def _adjacent(previous: Heading, current: Heading, texts: list[str]) -> bool:
    return not any(texts[i] for i in range(previous.body_start, current.index))
