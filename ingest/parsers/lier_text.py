"""Line clean-up for the Lier reports: glyphs, page furniture, readable paragraphs."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from actiewijzer.ingest.models import Line
from actiewijzer.ingest.parsers.text_utils import is_page_footer

BULLET = "•"
# Symbol-font bullets arrive as private-use code points (U+F0B7); readers expect a bullet.
_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")
_ODD_SPACE = re.compile("[\u00a0\u2000-\u200b\u202f\u205f\u3000\f\v]")
_WHITESPACE_RUN = re.compile(r"\s+")
# Markdown-ish emphasis some exports put around labels ("**Stand van Zaken**").
_EMPHASIS = re.compile(r"\*\*(.+?)\*\*")
_DIGITS = re.compile(r"\d+")
_LIST_ITEM = re.compile(r"^(?:[•\-–o·*]\s|[•\-–]\S|\d+[.)]\s)")
_SENTENCE_END = (".", ":", ";", "!", "?")


def raw_line(text: str) -> str:
    """Glyphs and odd spaces fixed, tabs kept (budget tables use them as column breaks)."""
    text = _PRIVATE_USE.sub(BULLET, text)
    return _ODD_SPACE.sub(" ", text).rstrip()


def display_line(text: str) -> str:
    """What a reader sees: one space between words, no emphasis markers."""
    text = _EMPHASIS.sub(r"\1", raw_line(text))
    return _WHITESPACE_RUN.sub(" ", text).strip()


def unbulleted(text: str) -> str:
    """A label or number line without the bullet or dash printed before it."""
    return display_line(text).lstrip("•-–·* ").strip()


def furniture_numbers(lines: Sequence[Line]) -> frozenset[int]:
    """Line numbers of page footers and headers, which may sit in the middle of a card.

    Footers are recognised by shape ("Stad en OCMW Lier Pagina 6"). For paged input
    (PDF) a line that recurs at the top or bottom of most pages is furniture too, so
    running headers we have never seen are dropped as well.
    """
    found = {line.number for line in lines if is_page_footer(display_line(line.text))}
    found.update(_running_page_edges(lines))
    return frozenset(found)


def _running_page_edges(lines: Sequence[Line]) -> set[int]:
    pages: dict[int, list[Line]] = defaultdict(list)
    for line in lines:
        if line.page is not None and display_line(line.text):
            pages[line.page].append(line)
    if len(pages) < 3:
        return set()
    edges = [page[:2] + page[-2:] for page in pages.values()]
    pages_per_shape: Counter[str] = Counter()
    for edge in edges:
        pages_per_shape.update({_shape(line.text) for line in edge})
    threshold = max(3, len(pages) // 2)
    recurring = {shape for shape, count in pages_per_shape.items() if count >= threshold}
    return {line.number for edge in edges for line in edge if _shape(line.text) in recurring}


def _shape(text: str) -> str:
    # Page numbers differ from page to page; the rest of a running header does not.
    return _DIGITS.sub("#", display_line(text))[:80]


def tidy_block(texts: Sequence[str]) -> str:
    """Card text: lines as printed, at most one blank line in a row, no blank ends."""
    out: list[str] = []
    for text in texts:
        clean = display_line(text)
        if clean or (out and out[-1]):
            out.append(clean)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out)


def flow_paragraphs(texts: Sequence[str]) -> str:
    """Field text: wrapped lines joined into sentences, list items kept on their own line.

    A blank line inside a sentence (an extraction artefact) does not split it: a paragraph
    that ends without punctuation continues when the next one starts in lower case.
    """
    paragraphs: list[list[str]] = [[]]
    for text in texts:
        clean = display_line(text)
        if clean:
            paragraphs[-1].append(clean)
        elif paragraphs[-1]:
            paragraphs.append([])
    merged: list[str] = []
    for paragraph in (p for p in paragraphs if p):
        body = _join_wrapped(paragraph)
        if merged and _continues(merged[-1], body):
            merged[-1] = f"{merged[-1]} {body}"
        else:
            merged.append(body)
    return "\n".join(merged)


def _join_wrapped(paragraph: list[str]) -> str:
    out = paragraph[0]
    for text in paragraph[1:]:
        out += ("\n" if _LIST_ITEM.match(text) else " ") + text
    return out


def _continues(previous: str, text: str) -> bool:
    return (
        not previous.endswith(_SENTENCE_END)
        and not _LIST_ITEM.match(text)
        and (text[:1].islower() or text[:1] == "(")
    )
