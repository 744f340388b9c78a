"""Lists by end date: "welke acties hadden 31-12-2023 als einddatum?", "... een einddatum ten
laatste eind 2021", "... als enige een einddatum na 2025"; and by start date alike ("... een
startdatum later dan 01-01-2020"). Both dates are fields of the Lier reports, so such a
question is answered from every card's field, not by search."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import StrEnum

from actiewijzer.assistant.text import fold

_DAY = r"(\d{1,2})[-/.](\d{1,2})[-/.]((?:19|20)\d{2})"
_YEAR = r"((?:19|20)\d{2})"
# The question speaks of an end date at all: without it "na 2025" dates something else.
_ASKS_END = re.compile(r"\beinddatum\w*|\beindig\w*|\bafgelopen\b|\blopen\s+af\b|\bliepen\s+af\b")
_ASKS_START = re.compile(r"\bstartdatum\w*|\bbegindatum\w*")
_ON_DAY = re.compile(_DAY)
_BY_YEAR = re.compile(
    rf"\b(?:ten laatste|uiterlijk|tegen|tot en met|tot|t\.e\.m\.)\s+(?:(?:het )?einde?\s+)?{_YEAR}\b"
)
_BEFORE_YEAR = re.compile(rf"\b(?:voor|vóór|voordien)\s+{_YEAR}\b")
_AFTER_YEAR = re.compile(rf"\b(?:na|later dan|voorbij)\s+(?:(?:het )?einde?\s+)?{_YEAR}\b")
# "2023 of (nog) vroeger", "2026 of later": the year bounds the list, with the year itself.
_YEAR_OR_EARLIER = re.compile(rf"\b{_YEAR}\s+of\s+(?:nog\s+)?(?:vroeger|eerder)\b")
_YEAR_OR_LATER = re.compile(rf"\b{_YEAR}\s+of\s+(?:nog\s+)?later\b")
_IN_YEAR = re.compile(rf"\b(?:in|eind|einde|in de loop van)\s+{_YEAR}\b")
# The words right before a day that make it a bound, not the very day.
_CONDITION_REACH = 20
_BEFORE_DAY = re.compile(r"\b(?:vroeger dan|eerder dan|voor|vóór)\s*(?:de\s+)?$")
_BY_DAY = re.compile(r"\b(?:ten laatste|uiterlijk|tegen|tot en met|t\.e\.m\.)\s*(?:op\s+)?$")
_AFTER_DAY = re.compile(r"\b(?:na|later dan)\s*$")
# "welke acties ...", "welke actie ... als enige": a list is asked, not one card's end date.
_WHICH_ACTIONS = re.compile(r"\bwelke\s+(?:\w+\s+)?(?:acties?|projecten|maatregelen)\b")


class DateField(StrEnum):
    START = "start"
    END = "end"


_ASKS = {DateField.END: _ASKS_END, DateField.START: _ASKS_START}


class DateTest(StrEnum):
    ON = "on"  # that very day
    BY = "by"  # on or before
    AFTER = "after"  # strictly after
    IN_YEAR = "in"  # some day of that year


@dataclass(frozen=True)
class DateFilter:
    test: DateTest
    day: date
    field: DateField = DateField.END

    def admits(self, end: date) -> bool:
        if self.test is DateTest.ON:
            return end == self.day
        if self.test is DateTest.BY:
            return end <= self.day
        if self.test is DateTest.AFTER:
            return end > self.day
        return end.year == self.day.year

    @property
    def on_day(self) -> date | None:
        """The one day asked for; a year condition ("na 2025") is not said back: the grounding
        check only lets a figure through that a cited card prints."""
        return self.day if self.test is DateTest.ON else None


def date_filter(question: str) -> DateFilter | None:
    """The start or end date condition a question lists actions by; None when it asks no such
    list."""
    folded = fold(question)
    # "een startdatum later dan 01-01-2020, met hun start- en einddatum": the first one named
    # is the one the list goes by.
    named = [(m, f) for f, p in _ASKS.items() if (m := p.search(folded))]
    if not named or not _WHICH_ACTIONS.search(folded):
        return None
    asks, field = min(named, key=lambda found: found[0].start())
    condition = _condition(folded, asks)
    return replace(condition, field=field) if condition else None


def _condition(folded: str, asks: re.Match[str]) -> DateFilter | None:
    after = folded[asks.start() :]  # the condition follows the word, or comes just before it
    around = folded[max(0, asks.start() - 40) :]
    if (day := _ON_DAY.search(around)) and (on := _as_day(*day.groups())):
        # "vroeger dan 31-12-2025", "ten laatste 30/06/2024", "na 31-12-2023": a condition.
        said_before = around[max(0, day.start() - _CONDITION_REACH) : day.start()]
        if _BEFORE_DAY.search(said_before):
            return DateFilter(DateTest.BY, on - timedelta(days=1))
        if _BY_DAY.search(said_before):
            return DateFilter(DateTest.BY, on)
        if _AFTER_DAY.search(said_before):
            return DateFilter(DateTest.AFTER, on)
        return DateFilter(DateTest.ON, on)
    for text in (after, around):
        if match := _YEAR_OR_EARLIER.search(text):
            return DateFilter(DateTest.BY, date(int(match.group(1)), 12, 31))
        if match := _YEAR_OR_LATER.search(text):
            return DateFilter(DateTest.AFTER, date(int(match.group(1)) - 1, 12, 31))
        if match := _BY_YEAR.search(text):
            return DateFilter(DateTest.BY, date(int(match.group(1)), 12, 31))
        if match := _BEFORE_YEAR.search(text):
            return DateFilter(DateTest.BY, date(int(match.group(1)) - 1, 12, 31))
        if match := _AFTER_YEAR.search(text):
            return DateFilter(DateTest.AFTER, date(int(match.group(1)), 12, 31))
        if match := _IN_YEAR.search(text):
            return DateFilter(DateTest.IN_YEAR, date(int(match.group(1)), 1, 1))
    return None


def printed_day(text: str | None) -> date | None:
    """ "31-12-2023" or "31/12/2023" as printed in a card's end date field."""
    match = _ON_DAY.search(text or "")
    return _as_day(*match.groups()) if match else None


def _as_day(day: str, month: str, year: str) -> date | None:
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None  # "31-02-2023" is no day
