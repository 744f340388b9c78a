"""Files in, parsed documents out: load, pick the family parser, parse, check the result."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from actiewijzer.ingest.loaders import SUPPORTED_SUFFIXES, load_lines
from actiewijzer.ingest.models import IngestError, Line, ParsedDocument
from actiewijzer.ingest.parsers import choose_parser

logger = logging.getLogger(__name__)

_SHOWN_PROBLEMS = 5


@dataclass
class IngestBatch:
    """What a run over several files produced: the documents that parsed and the files that did not."""

    documents: list[ParsedDocument] = field(default_factory=list)
    errors: list[IngestError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def parse_file(path: Path) -> ParsedDocument:
    """Parse one file; the document key is its file name. Raises IngestError."""
    path = Path(path)
    lines = load_lines(path)
    parser = choose_parser(lines)
    try:
        document = parser.parse(path.name, lines)
    except Exception as error:
        # A parser bug on one odd document must not take the whole batch down.
        logger.exception("parser %s faalde op %s", parser.family, path)
        raise IngestError(
            str(path), f"parser '{parser.family}' kon het document niet verwerken: {error}"
        ) from error
    problems = validate_document(document, lines)
    if problems:
        shown = "; ".join(problems[:_SHOWN_PROBLEMS])
        more = len(problems) - _SHOWN_PROBLEMS
        if more > 0:
            shown += f"; en nog {more}"
        raise IngestError(str(path), f"parser '{parser.family}' gaf ongeldige kaarten: {shown}")
    document.sha256 = hashlib.sha256(path.read_bytes()).hexdigest()
    return document


def parse_files(paths: Iterable[Path]) -> IngestBatch:
    """Parse every file (directories expand to their supported files); bad files are collected."""
    batch = IngestBatch()
    paths = [Path(path) for path in paths]
    for folder in paths:
        if folder.is_dir() and not _documents_in(folder):
            supported = ", ".join(SUPPORTED_SUFFIXES)
            batch.errors.append(
                IngestError(str(folder), f"map bevat geen ondersteunde documenten ({supported})")
            )
    seen: dict[str, Path] = {}
    for path in expand_paths(paths):
        if path.name in seen:
            batch.errors.append(
                IngestError(
                    str(path), f"dubbele documentnaam '{path.name}' (ook {seen[path.name]})"
                )
            )
            continue
        try:
            batch.documents.append(parse_file(path))
        except IngestError as error:
            batch.errors.append(error)
            continue
        seen[path.name] = path
    return batch


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files stay as given (an unsupported one is reported later); folders give their documents."""
    expanded: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            expanded.extend(_documents_in(path))
        else:
            expanded.append(path)
    return expanded


def _documents_in(folder: Path) -> list[Path]:
    found = [
        path
        for path in folder.rglob("*")
        if path.is_file()
        and path.suffix.lower() in SUPPORTED_SUFFIXES
        and path.stem.upper() != "README"
        and not any(part.startswith(".") for part in path.relative_to(folder).parts)
    ]
    return sorted(found)


def validate_document(document: ParsedDocument, lines: Sequence[Line]) -> list[str]:
    """What a parser got wrong: duplicate ids, spans outside the file, dangling parents."""
    problems: list[str] = []
    last_line = lines[-1].number if lines else 0
    ids: set[str] = set()
    for card in document.cards:
        if card.doc != document.info.doc:
            problems.append(f"kaart '{card.id}' hoort bij document '{card.doc}'")
        if card.id in ids:
            problems.append(f"dubbel kaartnummer '{card.id}'")
        ids.add(card.id)
        if not 1 <= card.start_line <= card.end_line <= last_line:
            problems.append(
                f"kaart '{card.id}' heeft regels {card.start_line}-{card.end_line}, "
                f"het bestand telt er {last_line}"
            )
        if (
            card.start_page is not None
            and card.end_page is not None
            and card.start_page > card.end_page
        ):
            problems.append(
                f"kaart '{card.id}' eindigt op pagina {card.end_page} vóór pagina {card.start_page}"
            )
    for card in document.cards:
        if card.parent is not None and card.parent not in ids:
            problems.append(f"kaart '{card.id}' verwijst naar onbekende ouder '{card.parent}'")
    if not document.cards:
        problems.append("geen enkele kaart gevonden")
    return problems
