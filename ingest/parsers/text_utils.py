"""Small text helpers every parser needs: spaces, bullets, Flemish amounts, page furniture."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

# PDF extraction turns Symbol/Wingdings bullets into private-use code points (U+F0B7, U+F0A7, ...).
_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")
# Non-breaking and thin spaces come from PDF tables; they must compare equal to a space.
_ODD_SPACES = re.compile("[\u00a0\u2000-\u200b\u202f\u205f\u3000\t]")
_SPACE_RUN = re.compile(r" {2,}")

BULLET_CHARS = "●•▪◦‣·○■□✓→›»-–—*\uf0b7\uf0a7\uf0d8\uf0fc"
_BULLET = re.compile(rf"^\s*[{re.escape(BULLET_CHARS)}]+\s+|^\s*[\ue000-\uf8ff]\s*")

_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20[0-9]\d)(?!\d)")


def normalise_space(text: str) -> str:
    """One plain space between words, none at the ends."""
    text = _ODD_SPACES.sub(" ", text)
    return _SPACE_RUN.sub(" ", text).strip()


def strip_private_use(text: str) -> str:
    return _PRIVATE_USE.sub("", text)


def clean_line(text: str) -> str:
    """What a card shows: private-use glyphs gone, spaces normalised."""
    return normalise_space(strip_private_use(text))


def is_bullet(text: str) -> bool:
    return bool(_BULLET.match(text)) and bool(strip_bullet(text))


def strip_bullet(text: str) -> str:
    """The item text of a bulleted line ("● Arena-analyse" -> "Arena-analyse")."""
    return clean_line(_BULLET.sub("", text, count=1))


def is_blank(text: str) -> bool:
    return not clean_line(text)


def find_years(text: str) -> list[int]:
    """Four-digit years in reading order, without duplicates."""
    seen: dict[int, None] = {}
    for match in _YEAR.finditer(text):
        seen.setdefault(int(match.group(1)), None)
    return list(seen)


_AMOUNT_NOISE = re.compile(r"(?i)eur(o)?|€|\s")
_AMOUNT_SHAPE = re.compile(r"^[+-]?\d[\d.,]*$")


def parse_amount(raw: str) -> Decimal | None:
    """A Flemish amount as a Decimal: "1.174.330,99", "11 114,35 EUR", "€ 3 000" ...

    None for empty cells, "/" and "-" placeholders, and anything that is not an amount.
    Dots are thousands separators unless the only separator is one dot followed by
    other than three digits ("12.5"), which English-formatted exports do print.
    """
    text = _AMOUNT_NOISE.sub("", _ODD_SPACES.sub(" ", raw))
    negative = text.startswith("-") and len(text) > 1
    if text.startswith(("+", "-")):
        text = text[1:]
    if text.startswith("(") and text.endswith(")"):  # accountants' negative
        text, negative = text[1:-1], True
    if not text or not _AMOUNT_SHAPE.match(text):
        return None
    if "," in text:
        integer, _, fraction = text.rpartition(",")
        if "," in integer:
            return None
        normalised = integer.replace(".", "") + "." + fraction
    elif text.count(".") == 1 and len(text.split(".")[1]) != 3:
        normalised = text
    else:
        groups = text.split(".")
        if any(len(group) != 3 for group in groups[1:]):
            return None
        normalised = "".join(groups)
    try:
        value = Decimal(normalised)
    except InvalidOperation:
        return None
    return -value if negative else value


_FOOTER_PATTERNS = (
    re.compile(r"(?i)\bpagina\s+\d+(\s*(van|/)\s*\d+)?\s*$"),
    re.compile(r"(?i)^\s*(page|p\.)\s*\d+(\s*(of|/)\s*\d+)?\s*$"),
    re.compile(r"^\s*[-–]\s*\d{1,4}\s*[-–]\s*$"),
    re.compile(r"^\s*\d{1,4}\s*/\s*\d{1,4}\s*$"),
)
_BARE_NUMBER = re.compile(r"^\s*\d{1,4}\s*$")


def is_page_footer(text: str, *, bare_numbers: bool = False) -> bool:
    """Page furniture such as "Stad en OCMW Lier Pagina 6", "- 12 -", "3/40".

    Bare numbers count only when the caller knows the document prints page numbers
    alone on a line, because tables print ranks and counts the same way.
    """
    if any(pattern.search(text) for pattern in _FOOTER_PATTERNS):
        return True
    return bare_numbers and bool(_BARE_NUMBER.match(text))


_SENTENCE_END = (".", ":", ";", "!", "?")


def reflow(texts: list[str]) -> list[str]:
    """Undo PDF line wrapping: join a line to the previous one when the sentence clearly goes on.

    A line continues the previous one when that one does not end a sentence and this one
    starts in lower case (or the previous ends with a comma). Bullets always start anew.
    Blank lines are dropped, because extraction puts them inside sentences as well.
    """
    paragraphs: list[str] = []
    for raw in texts:
        text = clean_line(raw)
        if not text:
            continue
        if paragraphs and not is_bullet(raw) and _continues(paragraphs[-1], text):
            previous = paragraphs[-1]
            joiner = "" if previous.endswith("-") and text[0].islower() else " "
            paragraphs[-1] = previous + joiner + text
        else:
            paragraphs.append(strip_bullet(raw) if is_bullet(raw) else text)
            if is_bullet(raw):
                paragraphs[-1] = "- " + paragraphs[-1]
    return paragraphs


def _continues(previous: str, text: str) -> bool:
    if previous.endswith(_SENTENCE_END):
        return False
    return previous.endswith(",") or text[0].islower() or text[0] in "“‘\"'("
