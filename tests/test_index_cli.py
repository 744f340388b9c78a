"""`actiewijzer search` and `actiewijzer index` on a small index with a hashing embedder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from index_support import (
    HashingEmbedder,
    aalst_document,
    lier_document,
    parse_json_source,
    vapa_document,
    write_source,
)

from actiewijzer.cli import main
from actiewijzer.index import cli as index_cli
from actiewijzer.index.card_index import CardIndex
from actiewijzer.settings import Settings


@pytest.fixture
def sources(tmp_path: Path) -> list[Path]:
    docs = (lier_document(), vapa_document(), aalst_document())
    return [write_source(tmp_path / "src", d) for d in docs]


@pytest.fixture
def cli_index(
    monkeypatch: pytest.MonkeyPatch, settings: Settings, sources: list[Path]
) -> CardIndex:
    embedder = HashingEmbedder()

    def open_index(
        cls: type[CardIndex], _settings: Settings, embedder_arg: object = None
    ) -> CardIndex:
        return CardIndex(settings, embedder, parse=parse_json_source)

    monkeypatch.setattr(index_cli.CardIndex, "open", classmethod(open_index))
    monkeypatch.setattr(index_cli, "get_settings", lambda: settings)
    card_index = CardIndex(settings, embedder, parse=parse_json_source)
    card_index.ingest_paths(sources, progress=False)
    return card_index


def test_search_prints_ranked_cards(
    cli_index: CardIndex, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", "actie 7.4.1", "--k", "2"]) == 0
    out = capsys.readouterr().out
    first = out.splitlines()[0]
    assert first.startswith(" 1. [1.00] 07_04_01 – Woonatelier voor jongeren (actie)")
    assert "vapa.txt · regels 1-2" in out


def test_search_json_and_filters(cli_index: CardIndex, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "energie", "--json", "--all", "--doc", "lier.txt"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert hits and all(h["card"]["doc"] == "lier.txt" for h in hits)
    assert {"card", "document", "score", "snippet", "sources", "context"} <= set(hits[0])


def test_search_unknown_document_is_a_dutch_error(
    cli_index: CardIndex, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", "energie", "--doc", "nope.txt"]) == 2
    err = capsys.readouterr().err
    assert "onbekend document 'nope.txt'" in err and "lier.txt" in err


def test_index_skips_unchanged_and_removes(
    cli_index: CardIndex, sources: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["index", *map(str, sources)]) == 0
    assert "ongewijzigd, overgeslagen" in capsys.readouterr().out
    assert main(["index", "--remove", "vapa.txt"]) == 0
    assert "vapa.txt: 3 kaarten verwijderd" in capsys.readouterr().out
    assert {d.doc for d in cli_index.documents()} == {"lier.txt", "aalst.txt"}
