"""A card's lines: its sentences, with PDF breaks undone, list items joined to their intro,
year rows of a table kept apart, and the year heading each line stands under."""

from __future__ import annotations

import re
from dataclasses import dataclass

from actiewijzer.assistant.answer_kinds import YEAR, printed_quarters, prints_contact
from actiewijzer.assistant.text import fold, marked_sentences, quotable_pieces
from actiewijzer.ingest.models import Card

MAX_LINE_CHARS = 400
_MIN_WORDS = 4
_MAX_HEADING_WORDS = 6
_MAX_ITEMS = 10
_MIN_YEAR_COLUMNS = 3
_ITEM_MARK = re.compile(r"^o\s+")  # the "o" bullet of a sub-list


@dataclass(frozen=True)
class CardLine:
    text: str
    heading_years: frozenset[int] = frozenset()  # of the heading above ("Kwartaal 3 - 2023:")
    heading_quarters: frozenset[int] = frozenset()  # of that heading: {3}


def _year_heading(sentence: str) -> frozenset[int]:
    """A short line naming a year heads the lines below it: "2024:", "Kwartaal 1 &2 - 2024:"."""
    if len(sentence.split()) > _MAX_HEADING_WORDS:
        return frozenset()
    return frozenset(int(y) for y in YEAR.findall(sentence))


def _is_year_row(sentence: str) -> bool:
    """The header of a table with a column per year: "Gemeente 2017 2018 2019 2020"."""
    years = YEAR.findall(sentence)
    return len(set(years)) >= _MIN_YEAR_COLUMNS and 2 * len(years) >= len(sentence.split())


def card_sentences(card: Card) -> list[CardLine]:
    """The card's sentences, without the heading that repeats its number and title, each with
    the year of the heading it stands under. A line introducing a list ("volgende acties:")
    carries its items: the answer is in them, and short items are no lines of their own."""
    title = fold(card.title).strip()
    found: dict[str, CardLine] = {}
    heading: frozenset[int] = frozenset()
    quarters: frozenset[int] = frozenset()
    marked = marked_sentences(card.text)
    row_of_header = False
    for position, (sentence, _) in enumerate(marked):
        if row_of_header:
            row_of_header = False
            continue
        if _is_year_row(sentence) and position + 1 < len(marked):
            # "Gemeente 2017 … 2022" / "Lier 15,80% … 15,25%": the row only says which year
            # each value is for together with its header, so they make one line.
            sentence = f"{sentence}: {marked[position + 1][0]}"
            row_of_header = True
        elif years := _year_heading(sentence):
            heading, quarters = years, frozenset(printed_quarters(sentence))
        sentence = _without_card_heading(sentence, card.id, title)
        if sentence.endswith(":") and not _year_heading(sentence):
            sentence = _with_items(sentence, marked[position + 1 :])
        if len(sentence.split()) < _MIN_WORDS and not prints_contact(sentence):
            continue
        for piece in quotable_pieces(sentence, MAX_LINE_CHARS):
            found.setdefault(piece, CardLine(piece, heading, quarters))
    return list(found.values())


def _without_card_heading(sentence: str, card_id: str, title: str) -> str:
    folded = fold(sentence)
    if folded.startswith(fold(f"actie {card_id}")):
        folded = folded[len(f"actie {card_id}") :].strip()
        sentence = sentence[len(f"actie {card_id}") :].strip()
    if folded.startswith(fold(card_id)):
        # "Doelstelling 1.3: De Stad zet in op ...": the colon belongs to the number.
        sentence = sentence[len(card_id) :].strip(" :.")
        folded = folded[len(card_id) :].strip(" :.")
    if title and folded.startswith(title):
        # Folding may lengthen the text ("…" -> "..."): cut where the folded title ends.
        cut = len(title)
        while cut and len(fold(sentence[:cut])) > len(title):
            cut -= 1
        sentence = sentence[cut:].strip(" :-–")
    return sentence


def _with_items(intro: str, following: list[tuple[str, bool]]) -> str:
    """ "Aanvullende obstakels: Werkloosheidsval; Generatiearmoede; …" from the bulleted lines
    after the intro, up to the next intro or the end of the list."""
    items = []
    for sentence, bulleted in following[:_MAX_ITEMS]:
        if not bulleted or sentence.endswith(":"):
            break
        items.append(_ITEM_MARK.sub("", sentence).rstrip(" .;"))
    return f"{intro} {'; '.join(items)}." if items else intro


def card_lines(card: Card) -> list[str]:
    return [line.text for line in card_sentences(card)]
