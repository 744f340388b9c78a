"""`actiewijzer cards` and `actiewijzer ingest` through the real entry point."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from actiewijzer.cli import main

PLAN = "Gemeente Zonnedal\nActieplan 2025\n\n1. Context\nTekst.\n\n2. Acties\nActie 1: Jobbeurs\nUitleg.\n"
REQUIRED_KEYS = {
    "doc",
    "id",
    "kind",
    "title",
    "parent",
    "start_line",
    "end_line",
    "start_page",
    "end_page",
    "printed_id",
    "fields",
}


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "zonnedal.txt"
    path.write_text(PLAN, encoding="utf-8")
    return path


def test_cards_json_lists_every_card(plan: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["cards", "--json", str(plan)]) == 0

    cards = json.loads(capsys.readouterr().out)
    assert cards and all(set(card) >= REQUIRED_KEYS for card in cards)
    action = next(card for card in cards if card["id"] == "Actie 1")
    assert (action["doc"], action["kind"], action["parent"]) == ("zonnedal.txt", "actie", "2")
    assert action["fields"]["description"] == "Uitleg."


def test_cards_table_is_readable(plan: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["cards", str(plan)]) == 0

    out = capsys.readouterr().out
    assert out.splitlines()[0].split() == ["document", "id", "soort", "regels", "titel"]
    assert any("Actie 1" in row and "Jobbeurs" in row for row in out.splitlines())


def test_cards_doc_filters_and_rejects_unknown_names(
    plan: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "ander.txt"
    other.write_text("Ander plan\n\nZomaar tekst.", encoding="utf-8")

    assert main(["cards", "--json", "--doc", "ander.txt", str(tmp_path)]) == 0
    assert {card["doc"] for card in json.loads(capsys.readouterr().out)} == {"ander.txt"}

    assert main(["cards", "--doc", "x.txt", str(tmp_path)]) == 2
    assert "onbekend document 'x.txt'; bekend: ander.txt, zonnedal.txt" in capsys.readouterr().err


def test_cards_defaults_to_the_corpus(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["cards", "--json", "--doc", "003_d1b4bea54399587e.txt"]) == 0

    ids = [card["id"] for card in json.loads(capsys.readouterr().out)]
    assert "Regio-uitdaging 7" in ids


def test_ingest_reports_bad_files_and_keeps_going(
    plan: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "kapot.pdf"
    bad.write_bytes(b"geen pdf")

    assert main(["parse", str(bad), str(plan)]) == 1

    captured = capsys.readouterr()
    assert "zonnedal.txt [generic]" in captured.out
    error_lines = captured.err.strip().splitlines()
    assert len(error_lines) == 1
    assert str(bad) in error_lines[0] and "geen geldige PDF" in error_lines[0]


def test_ingest_json_summarises_kinds(plan: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "--json", str(plan)]) == 0

    payload = json.loads(capsys.readouterr().out)
    assert payload["errors"] == []
    report = payload["documents"][0]
    assert report["doc"] == "zonnedal.txt"
    assert report["kinds"]["actie"] == 1
    assert report["cards"] == sum(report["kinds"].values())
