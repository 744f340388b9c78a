"""Shared text helpers: Flemish amounts, bullets, page footers, PDF line wrapping."""

from __future__ import annotations

from decimal import Decimal

import pytest

from actiewijzer.ingest.parsers.text_utils import (
    clean_line,
    find_years,
    is_bullet,
    is_page_footer,
    parse_amount,
    reflow,
    strip_bullet,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1.174.330,99", Decimal("1174330.99")),
        ("11 114,35 EUR", Decimal("11114.35")),
        ("3 000 EUR", Decimal("3000")),
        ("€ 1.500", Decimal("1500")),
        ("0,00", Decimal("0.00")),
        ("-2.500,50", Decimal("-2500.50")),
        ("12\u00a0000", Decimal("12000")),
        ("52,25", Decimal("52.25")),
        ("12.5", Decimal("12.5")),
    ],
)
def test_parse_amount(raw: str, expected: Decimal) -> None:
    assert parse_amount(raw) == expected


@pytest.mark.parametrize("raw", ["", "/", "-", "n.v.t.", "1,2,3", "12.34.5"])
def test_parse_amount_rejects_non_amounts(raw: str) -> None:
    assert parse_amount(raw) is None


def test_bullets_and_private_use_glyphs() -> None:
    assert clean_line("\uf0b7 Indicatoren ") == "Indicatoren"
    assert is_bullet("\uf0b7 Indicatoren")
    assert strip_bullet(" ● Regio-uitdaging 3 gebaseerd op persona Roy") == (
        "Regio-uitdaging 3 gebaseerd op persona Roy"
    )
    assert is_bullet("- Schulden")
    assert not is_bullet("-2.500,50")
    assert not is_bullet("Schulden")


def test_page_footers() -> None:
    assert is_page_footer("Stad en OCMW Lier Pagina 6 ")
    assert is_page_footer("- 12 -")
    assert is_page_footer("3/40")
    assert not is_page_footer("15")
    assert is_page_footer("15", bare_numbers=True)
    assert not is_page_footer("Pagina's met uitleg over het plan")


def test_find_years_in_order_without_duplicates() -> None:
    assert find_years("Plan 2023-2025, herzien in 2023; 21/04/2024; 528 deelnemers") == [
        2023,
        2025,
        2024,
    ]


def test_reflow_joins_wrapped_sentences_and_keeps_bullets_apart() -> None:
    raw = [
        "Het belang van een vertrouwenspersoon voor de",
        "",
        "cliënt",
        "- Nood aan afstemming",
        "die niet stopt bij de regio-",
        "uitdagingen.",
        "Nieuwe zin.",
    ]

    assert reflow(raw) == [
        "Het belang van een vertrouwenspersoon voor de cliënt",
        "- Nood aan afstemming die niet stopt bij de regio-uitdagingen.",
        "Nieuwe zin.",
    ]
