"""The lines of a card that best match a question, for result lists and citations."""

from __future__ import annotations

import threading
from collections.abc import Sequence

from actiewijzer.index.text_analysis import Analyzer
from actiewijzer.ingest.models import Card

MAX_SNIPPET_CHARS = 320
MAX_LINES = 3


class Snippets:
    """Analyses each card's lines once (on first use) and scores them against each query."""

    def __init__(self, analyzer: Analyzer) -> None:
        self._analyzer = analyzer
        self._lines: dict[str, Sequence[tuple[str, frozenset[str]]]] = {}
        self._lock = threading.Lock()

    def _analysed(self, card: Card) -> Sequence[tuple[str, frozenset[str]]]:
        cached = self._lines.get(card.key)
        if cached is None:
            lines = [line.strip() for line in card.text.splitlines() if line.strip()]
            cached = [(line, frozenset(self._analyzer.index_terms(line))) for line in lines]
            with self._lock:
                self._lines[card.key] = cached
        return cached

    def for_card(self, card: Card, query: str) -> str:
        lines = self._analysed(card)
        if not lines:
            return card.title
        wanted = set(self._analyzer.query_terms(query))
        scored = [(len(wanted & terms), position) for position, (_, terms) in enumerate(lines)]
        best = sorted((s for s in scored if s[0] > 0), key=lambda s: (-s[0], s[1]))[:MAX_LINES]
        if best:
            chosen = sorted(position for _, position in best)
        else:
            # No shared words (a dense-only hit): the opening lines say what the card is about.
            chosen = list(range(min(MAX_LINES, len(lines))))
        text = " … ".join(lines[p][0] for p in chosen)
        return text if len(text) <= MAX_SNIPPET_CHARS else text[: MAX_SNIPPET_CHARS - 1] + "…"
