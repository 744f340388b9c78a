"""`actiewijzer cards` and `actiewijzer ingest`: see what the parsers make of a set of files."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from actiewijzer.ingest.models import Card, IngestError, ParsedDocument
from actiewijzer.ingest.pipeline import IngestBatch, expand_paths, parse_files
from actiewijzer.settings import Settings

EXIT_OK = 0
EXIT_FILE_ERRORS = 1
EXIT_USAGE = 2
_TITLE_WIDTH = 70


@dataclass(frozen=True)
class DocumentReport:
    """One line of `ingest` output. `note` says what storage did (empty: parsed only)."""

    doc: str
    family: str
    cards: int
    kinds: dict[str, int] = field(default_factory=dict)
    note: str = ""


def register(subparsers: Any) -> None:
    cards = subparsers.add_parser(
        "cards",
        help="toon de kaarten die uit documenten gehaald worden",
        description="Parseer documenten en toon elke kaart (standaard: het meegeleverde corpus).",
    )
    cards.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="bestand of map")
    cards.add_argument("--doc", metavar="FILE", help="alleen dit document (bestandsnaam)")
    cards.add_argument("--json", action="store_true", help="JSON in plaats van een tabel")
    cards.set_defaults(func=cards_command)

    # `actiewijzer ingest` (parse and store) belongs to the index room; this only parses.
    ingest = subparsers.add_parser(
        "parse",
        help="parseer documenten zonder ze op te slaan en toon de kaarten per document",
        description="Parseer documenten (.txt, .pdf, .docx) of mappen met documenten.",
    )
    ingest.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="bestand of map")
    ingest.add_argument("--json", action="store_true", help="JSON in plaats van tekst")
    ingest.set_defaults(func=ingest_command)


def cards_command(args: argparse.Namespace) -> int:
    paths = expand_paths(args.paths or [Settings().corpus_dir])
    if args.doc is not None:
        selected = [path for path in paths if path.name == args.doc]
        if not selected:
            known = ", ".join(sorted({path.name for path in paths})) or "(geen)"
            print(f"onbekend document '{args.doc}'; bekend: {known}", file=sys.stderr)
            return EXIT_USAGE
        paths = selected
    batch = parse_files(paths)
    _print_errors(batch.errors)
    cards = [card for document in batch.documents for card in document.cards]
    if args.json:
        print(
            json.dumps(
                [card.model_dump(mode="json") for card in cards], ensure_ascii=False, indent=2
            )
        )
    else:
        _print_card_table(cards)
    return EXIT_FILE_ERRORS if batch.errors else EXIT_OK


def ingest_command(args: argparse.Namespace) -> int:
    batch = parse_files(args.paths)
    reports = _store(batch, args)
    _print_errors(batch.errors)
    if args.json:
        payload = {
            "documents": [asdict(report) for report in reports],
            "errors": [{"path": error.path, "reason": error.reason} for error in batch.errors],
        }
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        for report in reports:
            kinds = ", ".join(f"{count} {kind}" for kind, count in report.kinds.items())
            note = f" – {report.note}" if report.note else ""
            print(f"{report.doc} [{report.family}]: {report.cards} kaarten ({kinds}){note}")
    return EXIT_FILE_ERRORS if batch.errors else EXIT_OK


def _store(batch: IngestBatch, args: argparse.Namespace) -> list[DocumentReport]:
    """Hook where storage plugs in; the ingest room itself only parses and summarises."""
    return [summarise(document) for document in batch.documents]


def summarise(document: ParsedDocument, note: str = "") -> DocumentReport:
    kinds = Counter(card.kind.value for card in document.cards)
    return DocumentReport(
        doc=document.info.doc,
        family=document.info.family.value,
        cards=len(document.cards),
        kinds=dict(sorted(kinds.items())),
        note=note,
    )


def _print_errors(errors: list[IngestError]) -> None:
    for error in errors:
        print(f"fout: {error.path}: {error.reason}", file=sys.stderr)


def _print_card_table(cards: list[Card]) -> None:
    rows = [("document", "id", "soort", "regels", "titel")]
    for card in cards:
        span = f"{card.start_line}-{card.end_line}"
        if card.start_page is not None:
            span += f" (p. {card.start_page}-{card.end_page})"
        title = (
            card.title if len(card.title) <= _TITLE_WIDTH else card.title[: _TITLE_WIDTH - 1] + "…"
        )
        rows.append((card.doc, card.id, card.kind.value, span, title))
    widths = [max(len(row[column]) for row in rows) for column in range(4)]
    for row in rows:
        cells = [value.ljust(width) for value, width in zip(row[:4], widths, strict=True)]
        print("  ".join([*cells, row[4]]))
