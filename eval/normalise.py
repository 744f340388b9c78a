"""Text normalisation shared by fact matching and the independent grounding re-check."""

from __future__ import annotations

import re
import unicodedata

# "102 252,02", "102.252,02" and "102252,02" are the same figure; so are "€ 5", "5 EUR", "5 euro".
_THOUSANDS = re.compile(r"(?<=\d)[.\s\u00a0\u202f](?=\d{3}(?!\d))")
_CURRENCY = re.compile(r"\s*(?:€|\beuro\b|\beur\b)\s*", re.IGNORECASE)
_SPACES = re.compile(r"\s+")

ACTION_ID = re.compile(
    r"\b\d{2}/\d{2}/SAP/\d{2}(?:/\d{2})?\b"
    r"|\b\d{2}_\d{2}_\d{2}\b"
    r"|\bD\d{1,2}\.\d{1,2}-A\d{1,2}\b"
    r"|\bRegio-uitdaging \d\b",
    re.IGNORECASE,
)
# Amounts and percentages and dates: what an answer must never invent.
FIGURE = re.compile(
    r"\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b"  # 31/12/2025, 01-01-2020, 31.08.2016
    r"|(?<![\d.])-?\d{1,3}(?:[.\s\u00a0]\d{3})+(?!\d)(?:,\d+)?"  # 1.174.330,99 / 11 114,35
    r"|-?\d+,\d+"  # 35,95
    r"|\b\d+(?=\s?%)"  # 80 %
    r"|\b\d{4,}\b"  # 2500, 3000
)


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower()
    text = _CURRENCY.sub(" ", text)
    # Repeat: each pass joins one separator between two digit groups.
    previous = None
    while previous != text:
        previous = text
        text = _THOUSANDS.sub("", text)
    return _SPACES.sub(" ", text).strip()


def contains_fact(answer: str, fact: str) -> bool:
    return normalise(fact) in normalise(answer)


def figures_in(text: str) -> list[str]:
    return [match.group(0).strip() for match in FIGURE.finditer(text)]


def action_ids_in(text: str) -> list[str]:
    return [match.group(0) for match in ACTION_ID.finditer(text)]
