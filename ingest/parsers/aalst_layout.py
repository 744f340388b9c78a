"""What the lines of an Aalst lokaal sociaal beleidsplan are: headings, furniture, footnotes.

The plan is laid out as life domains (capital headings such as "WELZIJN EN GEZONDHEID"),
ambitions ("Ambitie 4:"), goals ("Doelstelling 4.2.:") and unnumbered actions, each of which
ends in a small table: "Trekkersrol:", partners, "MJP:" and a budget per year.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from actiewijzer.ingest.models import Line
from actiewijzer.ingest.parsers.text_utils import clean_line

# "Ambitie 1:", "› Ambitie 1: De Stad ..." (the overview puts the title on the same line).
AMBITION = re.compile(r"^(?:[›•o\-]\s+)?Ambitie\s+(?P<number>\d{1,2})\s*[:.]?\s*(?P<title>.*)$")
# The printed quirks all occur: "Doelstelling 1.3..:", "Doelstelling  10.4.:", "5.3. De Stad".
GOAL = re.compile(
    r"^(?:[›•o\-]\s+)?Doelstelling\s+(?P<ambition>\d{1,2})\.(?P<goal>\d{1,2})\.*\s*:?\s*(?P<title>.*)$"
)
TREKKER_LABEL = re.compile(r"^Trekkersrol\s*(?::|$)\s*(?P<rest>.*)$", re.I)
MJP_LABEL = re.compile(r"^MJP\s*:\s*(?P<rest>.*)$", re.I)
# "Doelstellingen en acties 2023-20251": the last digit is a footnote marker glued to the year.
GOALS_SUBHEADING = re.compile(r"^Doelstellingen en acties\b", re.I)
_GLUED_FOOTNOTE = re.compile(r"(?<!\d)((?:19|20)\d\d\s*-\s*(?:19|20)\d\d)\d{1,2}$")
# Running footer in capitals with the page number: "LOKAAL SOCIAAL BELEIDSPLAN AALST 2020-2025 16".
_RUNNING_FOOTER = re.compile(r"^[A-ZÀ-Ý][A-ZÀ-Ý0-9 &'’.\-–()]{14,}\s\d{1,4}$")
# A footnote reads as words; "1 000 EUR 1 000 EUR" at a page foot is an amount.
_FOOTNOTE = re.compile(r"^(?P<number>\d{1,2})\s+(?P<text>[^\W\d_].{24,})$")
_SENTENCE_END = (".", ":", ";", "!", "?")
_WORD = re.compile(r"[^\W\d_]+")
_CURRENCY = {"EUR", "EURO"}
# A paragraph label on a line of its own, such as "Motivatie".
_LABEL = re.compile(r"^[A-Z][a-zë]+(?: [a-zë]+){0,2}$")


def clean_texts(lines: Sequence[Line]) -> list[str]:
    return [clean_line(line.text) for line in lines]


def is_running_footer(text: str) -> bool:
    return bool(_RUNNING_FOOTER.match(text))


def footnote_lines(lines: Sequence[Line], texts: Sequence[str]) -> set[int]:
    """Indexes of footnote lines.

    Footnotes are numbered 1, 2, 3 ... through the whole plan and sit at the foot of a page,
    so a line is one when it starts with the next expected number and what follows it (after
    blank lines) is a new page. That keeps "6 scholen een traject aanvragen" in a list and
    "1 Op 3 van de Aalstenaars" in a motivation out. A footnote that wraps goes on with
    lower-case lines until a sentence ends.
    """
    found: set[int] = set()
    expected = 1
    for index, text in enumerate(texts):
        match = _FOOTNOTE.match(text)
        if not match or int(match.group("number")) != expected or GOAL.match(text):
            continue
        last = index
        while (
            last + 1 < len(texts)
            and not texts[last].endswith(_SENTENCE_END)
            and texts[last + 1][:1].islower()
        ):
            last += 1
        if _page_ends_after(lines, texts, last):
            found.update(range(index, last + 1))
            expected += 1
    return found


def _page_ends_after(lines: Sequence[Line], texts: Sequence[str], index: int) -> bool:
    following = next((i for i in range(index + 1, len(texts)) if texts[i]), None)
    if following is None:
        return True
    if lines[following].page != lines[index].page or is_running_footer(texts[following]):
        return True
    # Text extracted per page without page numbers opens each page with one space.
    raw = lines[following].text
    return raw.startswith(" ") and not raw.startswith("  ")


def is_caps_heading(text: str) -> bool:
    """A line of a domain heading ("INKOMEN", "EN", "(SOCIALE) ACTIVERING", "VRIJE TIJD &").

    Budget lines are capitals too ("7 500 EUR 7 500 EUR"), so currency words do not count.
    """
    words = [word for word in _WORD.findall(text) if word.upper() not in _CURRENCY]
    return (
        bool(words)
        and all(word.isupper() for word in words)
        and len(text) <= 45
        and not is_running_footer(text)
    )


def is_label(text: str) -> bool:
    return bool(_LABEL.match(text)) and len(text) <= 30


def strip_glued_footnote(text: str) -> str:
    return _GLUED_FOOTNOTE.sub(r"\1", text)


def first_word(text: str) -> str:
    return text.split(" ", 1)[0]


def wraps(previous: str, following: str, *, allow_upper: bool) -> bool:
    """Whether `following` continues the heading sentence on `previous` (PDF line wrapping).

    A wrapped line is never much longer than the line it wrapped from could have been, since
    both share one text box: that tells "(SVK)" + "op het grondgebied ..." (a new paragraph)
    from "... lokaal sociaal" + "beleid verder uit". Upper-case continuations ("... in
    Ontmoetingshuis" + "De Brug") are only accepted for action titles, and only when short.
    """
    if not following or previous.endswith(_SENTENCE_END):
        return False
    if TREKKER_LABEL.match(following) or MJP_LABEL.match(following):
        return False
    room = len(previous) + 1 + len(first_word(following))
    fits = room >= len(following) - 3
    head = following[0]
    if head.islower() or head == "(" or previous.endswith("-"):
        return fits
    return allow_upper and fits and len(following) <= 40 and len(previous) >= 60


def take_title(texts: Sequence[str], *, allow_upper: bool) -> tuple[str, int]:
    """The sentence that opens `texts` and how many lines it spans."""
    title = texts[0]
    used = 1
    while used < len(texts) and wraps(texts[used - 1], texts[used], allow_upper=allow_upper):
        joiner = "" if title.endswith("-") and texts[used][:1].islower() else " "
        title = title + joiner + texts[used]
        used += 1
    return title, used
