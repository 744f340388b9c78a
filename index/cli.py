"""`actiewijzer search` and `actiewijzer ingest` (alias `index`)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from actiewijzer.index.card_index import CardIndex
from actiewijzer.index.errors import CardIndexError
from actiewijzer.index.models import RetrievalMode, SearchFilters, SearchHit
from actiewijzer.ingest.models import Card, CardKind
from actiewijzer.settings import get_settings


def register(subparsers: argparse._SubParsersAction) -> None:
    search = subparsers.add_parser("search", help="zoek actiekaarten (hybride: BM25 + embeddings)")
    search.add_argument("query", help='bv. "energiearmoede" of "actie 07_04_01"')
    search.add_argument("--doc", help="alleen dit document (bestandsnaam)")
    search.add_argument("--k", type=int, default=10, help="aantal resultaten (standaard 10)")
    search.add_argument("--all", action="store_true", help="alle relevante kaarten, zonder limiet")
    search.add_argument("--year", type=int, help="jaar binnen de periode van het document")
    search.add_argument("--kind", choices=[k.value for k in CardKind], help="soort kaart")
    search.add_argument("--municipality", help="gemeente, bv. Lier")
    search.add_argument("--status", help="deel van de status, bv. afgerond")
    search.add_argument(
        "--mode", choices=[m.value for m in RetrievalMode], default=RetrievalMode.HYBRID.value
    )
    search.add_argument("--json", action="store_true", help="resultaten als JSON")
    search.set_defaults(func=run_search)

    index = subparsers.add_parser(
        "ingest",
        aliases=["index"],
        help="lees eigen documenten (.txt, .pdf, .docx) in de zoekindex in",
        description="Parseer en indexeer documenten; wat al geïndexeerd is blijft bewaard.",
    )
    index.add_argument("paths", nargs="*", type=Path, help=".txt, .pdf of .docx bestanden")
    index.add_argument("--rebuild", action="store_true", help="alles opnieuw inlezen en embedden")
    index.add_argument(
        "--remove", metavar="DOC", action="append", default=[], help="document verwijderen"
    )
    index.set_defaults(func=run_index)


def run_search(args: argparse.Namespace) -> int:
    try:
        index = CardIndex.open(get_settings())
        index.ensure_corpus(progress=not args.json)
        filters = SearchFilters(
            doc=args.doc,
            municipality=args.municipality,
            year=args.year,
            kind=CardKind(args.kind) if args.kind else None,
            status=args.status,
        )
        hits = index.search(
            args.query, None if args.all else args.k, filters, RetrievalMode(args.mode)
        )
    except (LookupError, CardIndexError) as error:
        print(f"fout: {_message(error)}", file=sys.stderr)
        return 2
    if args.json:
        print(
            json.dumps([hit.model_dump(mode="json") for hit in hits], ensure_ascii=False, indent=2)
        )
    elif not hits:
        print("geen resultaten")
    else:
        for rank, hit in enumerate(hits, start=1):
            print(format_hit(rank, hit))
    return 0


def run_index(args: argparse.Namespace) -> int:
    if not args.paths and not args.remove and not args.rebuild:
        print("fout: geef bestanden op, of --remove DOC, of --rebuild", file=sys.stderr)
        return 2
    try:
        index = CardIndex.open(get_settings())
        for doc in args.remove:
            print(f"{doc}: {index.remove_document(doc)} kaarten verwijderd")
        reports = []
        if args.paths or args.rebuild:
            reports = index.ingest_paths(args.paths, progress=True, rebuild=args.rebuild)
    except (LookupError, CardIndexError) as error:
        print(f"fout: {_message(error)}", file=sys.stderr)
        return 2
    for report in reports:
        if report.error:
            print(f"fout: {report.doc}: {report.error}", file=sys.stderr)
        else:
            state = "ongewijzigd, overgeslagen" if report.skipped else "ingelezen"
            print(f"{report.doc}: {report.cards} kaarten ({report.family}), {state}")
    return 1 if any(r.error for r in reports) else 0


def format_hit(rank: int, hit: SearchHit) -> str:
    card = hit.card
    where = f"regels {card.start_line}-{card.end_line}"
    if card.start_page is not None:
        where += f", p. {card.start_page}" + (
            f"-{card.end_page}" if card.end_page and card.end_page != card.start_page else ""
        )
    lines = [
        f"{rank:>2}. [{hit.score:.2f}] {card.id} – {card.title} ({card.kind.value})",
        f"    {hit.document.label} · {card.doc} · {where}",
    ]
    facts = [f"status: {card.fields.status}"] if card.fields.status else []
    budget = budget_summary(card)
    if budget:
        facts.append(f"budget: {budget}")
    if facts:
        lines.append("    " + " · ".join(facts))
    if hit.context:
        lines.append("    onder: " + " > ".join(reversed(hit.context)))
    lines.append(f"    {hit.snippet}")
    return "\n".join(lines)


def budget_summary(card: Card, max_cells: int = 3) -> str:
    """The first few printed amounts, e.g. 'Uitgaven Budget 2024 12.000,00; Geboekt 2024 8.500,00'."""
    parts: list[str] = []
    for row in card.fields.budget:
        cells = [c for c in row.cells if c.amount is not None]
        if cells:
            shown = "; ".join(f"{c.column} {c.raw}" for c in cells[:max_cells])
            parts.append(f"{row.label} {shown}")
        if len(parts) >= 2:
            break
    return " | ".join(parts)


def _message(error: BaseException) -> str:
    # LookupError subclasses wrap their message in quotes when str()-ed through KeyError.
    return str(error.args[0]) if error.args else str(error)
