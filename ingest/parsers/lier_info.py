"""Who issued a Lier report and which period it covers, read from the text itself."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from actiewijzer.ingest.models import Line
from actiewijzer.ingest.parsers.lier_budget import is_budget_header
from actiewijzer.ingest.parsers.lier_text import display_line

DEFAULT_MUNICIPALITY = "Lier"
_YEAR_QUARTER = re.compile(r"\b((?:19|20)\d{2})\s+(Q[1-4])\b")
_YEAR = re.compile(r"(?<![\d/.-])((?:19|20)\d{2})(?![\d/.-])")
_MUNICIPALITY = re.compile(r"\b(?:Stad|Gemeente)(?: en OCMW)? ([A-Z][a-zà-ÿ]+)\b")
_ISSUER_LINE = re.compile(r"^(?:Stad|Gemeente) en OCMW [A-Z][a-zà-ÿ]+$")
_HEADER_SPAN = 6  # budget headers wrap over a few lines ("... 2024" / "Q2")


def report_period(lines: Sequence[Line]) -> tuple[str, int | None]:
    """("2024 Q2", 2024) from the budget column headers; the commonest year otherwise."""
    texts = [display_line(line.text) for line in lines]
    headers = [
        " ".join(texts[index : index + _HEADER_SPAN])
        for index, text in enumerate(texts)
        if is_budget_header(lines[index].text)
    ]
    quarters = Counter(f"{y} {q}" for header in headers for y, q in _YEAR_QUARTER.findall(header))
    if quarters:
        period = quarters.most_common(1)[0][0]
        return period, int(period[:4])
    years = Counter(y for header in headers for y in _YEAR.findall(header.split(" Exploitatie")[0]))
    if not years:
        years = Counter(y for text in texts for y in _YEAR.findall(text))
    if not years:
        return "onbekend", None
    year = years.most_common(1)[0][0]
    return year, int(year)


def municipality(lines: Sequence[Line]) -> str:
    names = Counter(
        name for line in lines for name in _MUNICIPALITY.findall(display_line(line.text))
    )
    return names.most_common(1)[0][0] if names else DEFAULT_MUNICIPALITY


def printed_issuer(lines: Sequence[Line]) -> str | None:
    """The issuer as printed on its own line on the report's cover ("Stad en OCMW Lier")."""
    for line in lines[:80]:
        text = display_line(line.text)
        if _ISSUER_LINE.match(text):
            return text
    return None
