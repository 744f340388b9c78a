"""The grounding check every answer passes, whatever wrote it.

Every figure (amount, percentage, date, year, count) and every card number in the answer must be
printed in a card the answer cites, and every citation must point at a card retrieved for this
question. Sentences that fail are dropped; what was checked, found unsupported and dropped is
recorded in a `GroundingCheck`."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable

from actiewijzer.assistant.backends import Draft
from actiewijzer.assistant.models import Citation, GroundingCheck
from actiewijzer.assistant.rules import RouterRules, router_rules
from actiewijzer.assistant.sources import FoundCard, Retrieved
from actiewijzer.assistant.text import figure_in, figures_in, fold, normalise_figures

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=\S)")


def card_haystack(found: FoundCard) -> str:
    """Everything a cited card prints, in the normal form figures are compared in."""
    card, document = found.card, found.document
    parts = [card.id, card.title, card.text, card.fields.model_dump_json(), document.label]
    parts += [document.period, str(document.year or "")]
    return normalise_figures("\n".join(parts))


class GroundingChecker:
    def __init__(self, rules: RouterRules | None = None) -> None:
        self.rules = rules or router_rules()

    def check(
        self, draft: Draft, retrieved: Retrieved, known_ids: Collection[str] = ()
    ) -> tuple[Draft, GroundingCheck]:
        """`known_ids`, folded, are every card number the documents hold: a cited card may
        point at one they lack ("Zie fiche 03_04_03"), and an answer never names such a number."""
        kept_citations, foreign = self._retrieved_citations(draft.citations, retrieved)
        cited = [f for c in kept_citations if (f := retrieved.by_key(f"{c.doc}::{c.id}"))]
        haystack = "\n".join(card_haystack(found) for found in cited)
        cited_ids = {fold(found.card.id) for found in cited}

        checked: list[str] = []
        unsupported: list[str] = []
        dropped: list[str] = []
        dangling: list[str] = []
        kept_lines: list[str] = []
        for line in draft.text.splitlines():
            kept_sentences = []
            for sentence in _SENTENCE_END.split(line):
                if any(marker in sentence for marker in draft.rejected_citations):
                    dropped.append(sentence)
                    continue
                ids = self.rules.ids_in(sentence)
                if known_ids and (absent := [i for i in ids if fold(i) not in known_ids]):
                    dangling += absent
                    dropped.append(sentence)
                    continue
                missing = self._unsupported(sentence, ids, haystack, cited_ids, checked)
                if missing:
                    unsupported += missing
                    dropped.append(sentence)
                else:
                    kept_sentences.append(sentence)
            if kept_sentences:
                kept_lines.append(" ".join(kept_sentences))

        citations_ok = not foreign and not draft.rejected_citations
        grounding = GroundingCheck(
            grounded=not unsupported and citations_ok,
            checked=list(dict.fromkeys(checked)),
            unsupported=list(dict.fromkeys(unsupported)),
            dropped_sentences=dropped,
            dangling_ids=list(dict.fromkeys(dangling)),
            citations_retrieved=citations_ok,
        )
        cleaned = draft.model_copy(
            update={"text": "\n".join(kept_lines), "citations": kept_citations}
        )
        return cleaned, grounding

    @staticmethod
    def _unsupported(
        sentence: str, ids: list[str], haystack: str, cited_ids: set[str], checked: list[str]
    ) -> list[str]:
        missing = []
        for card_id in ids:
            checked.append(card_id)
            if fold(card_id) not in cited_ids and not figure_in(card_id, haystack):
                missing.append(card_id)
        id_free = sentence
        for card_id in ids:
            id_free = id_free.replace(card_id, " ")
        for figure in figures_in(id_free):
            checked.append(figure)
            if not figure_in(figure, haystack):
                missing.append(figure)
        return missing

    @staticmethod
    def _retrieved_citations(
        citations: Iterable[Citation], retrieved: Retrieved
    ) -> tuple[list[Citation], list[str]]:
        keys = retrieved.keys
        kept: list[Citation] = []
        foreign: list[str] = []
        for citation in citations:
            key = f"{citation.doc}::{citation.id}"
            if key in keys:
                kept.append(citation)
            else:
                foreign.append(key)
        return kept, foreign


def needs_fallback(draft: Draft, grounding: GroundingCheck) -> bool:
    """Nothing grounded is left to say: better the extractive answer than a hollow one."""
    if draft.refused:
        return False
    return not draft.text.strip() or not draft.citations or bool(grounding.unsupported)
