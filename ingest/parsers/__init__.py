"""One parser per document family, tried in order; the generic fallback takes the rest."""

from __future__ import annotations

from collections.abc import Sequence

from actiewijzer.ingest.models import Line
from actiewijzer.ingest.parsers.aalst import AalstParser
from actiewijzer.ingest.parsers.base import DocumentParser
from actiewijzer.ingest.parsers.esf_addendum import EsfAddendumParser
from actiewijzer.ingest.parsers.generic import GenericParser
from actiewijzer.ingest.parsers.lier import LierEvaluatieParser, LierRapportParser
from actiewijzer.ingest.parsers.vapa import VapaParser

FAMILY_PARSERS: tuple[DocumentParser, ...] = (
    LierEvaluatieParser(),
    LierRapportParser(),
    AalstParser(),
    EsfAddendumParser(),
    VapaParser(),
)


def choose_parser(lines: Sequence[Line]) -> DocumentParser:
    for parser in FAMILY_PARSERS:
        if parser.matches(lines):
            return parser
    return GenericParser()


__all__ = ["FAMILY_PARSERS", "DocumentParser", "GenericParser", "choose_parser"]
