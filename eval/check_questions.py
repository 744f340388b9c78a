"""Check question files against the parsed corpus: every gold card exists, every fact is in it.

A fact that is not literally in its gold cards can never be found by a grounded answer, and a
gold id the parser does not produce makes every citation look wrong; both are set bugs, not
system bugs. Run: `python -m actiewijzer.eval.check_questions [FILE ...]` (default: all bundled
`questions_*.yaml`). Works over any file, whoever wrote it.
"""

from __future__ import annotations

import argparse
import difflib
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fnmatch import fnmatch
from importlib import resources
from pathlib import Path
from typing import Any

from actiewijzer.assistant.models import QuestionKind
from actiewijzer.eval.dataset import QUESTION_GLOB, CardRef, EvalQuestion, load_question_set
from actiewijzer.eval.normalise import normalise
from actiewijzer.ingest.models import Card
from actiewijzer.ingest.pipeline import expand_paths, parse_files
from actiewijzer.settings import Settings

_SUGGESTIONS = 3


@dataclass(frozen=True)
class Problem:
    source: str  # file name, or "" for problems across files
    question_id: str
    message: str

    def __str__(self) -> str:
        where = f"{self.source}: " if self.source else ""
        return f"{where}{self.question_id}: {self.message}"


def _strings(value: Any) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield str(key)
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def card_haystack(card: Card) -> str:
    """Everything a grounded answer could quote from this card, normalised like answers are."""
    parts = [card.id, card.title, card.text, *_strings(card.fields.model_dump(mode="json"))]
    return normalise(" ".join(parts))


class CorpusCards:
    """The parsed corpus keyed by (doc, id), with a normalised text per card."""

    def __init__(self, cards: Iterable[Card]) -> None:
        self._cards = {(card.doc, card.id): card for card in cards}
        self._haystacks: dict[tuple[str, str], str] = {}
        self.docs = sorted({doc for doc, _ in self._cards})

    @classmethod
    def parse(cls, corpus_dir: Path | None = None) -> CorpusCards:
        folder = corpus_dir or Settings().corpus_dir
        batch = parse_files(expand_paths([folder]))
        if batch.errors:
            reasons = "; ".join(str(error) for error in batch.errors)
            raise RuntimeError(f"corpus in {folder} niet volledig geparseerd: {reasons}")
        return cls(card for document in batch.documents for card in document.cards)

    def get(self, ref: CardRef) -> Card | None:
        return self._cards.get((ref.doc, ref.id))

    def haystack(self, ref: CardRef) -> str:
        key = (ref.doc, ref.id)
        if key not in self._haystacks:
            self._haystacks[key] = card_haystack(self._cards[key])
        return self._haystacks[key]

    def unknown_ref_message(self, ref: CardRef) -> str:
        if ref.doc not in self.docs:
            return f"onbekend document '{ref.doc}'; bekend: {', '.join(self.docs)}"
        ids = [card_id for doc, card_id in self._cards if doc == ref.doc]
        close = difflib.get_close_matches(ref.id, ids, n=_SUGGESTIONS) or ids[:_SUGGESTIONS]
        return f"onbekende kaart '{ref.id}' in {ref.doc}; bedoelde je: {', '.join(close)}"


def check_question(question: EvalQuestion, corpus: CorpusCards) -> list[str]:
    """Problems with one question, as Dutch messages (empty: fine)."""
    problems: list[str] = []
    known_gold: list[CardRef] = []
    for label, refs in (("gold", question.gold), ("acceptable", question.acceptable)):
        for ref in refs:
            if corpus.get(ref) is None:
                problems.append(f"{label}: {corpus.unknown_ref_message(ref)}")
            elif label == "gold":
                known_gold.append(ref)
    if question.expect_refusal and question.gold:
        problems.append("weigering verwacht maar er zijn gold-kaarten")
    if question.expect_refusal and question.facts:
        problems.append("weigering verwacht maar er zijn feiten")
    if question.kind == QuestionKind.FOLLOW_UP and not question.history:
        problems.append("vervolgvraag zonder voorgeschiedenis (history)")
    if question.history and question.history[-1].role != "assistant":
        # The question is the next user turn, so the history must end on the assistant's answer.
        problems.append("history moet eindigen met een beurt van de assistent")
    if question.facts and not question.gold:
        problems.append("feiten zonder gold-kaarten om ze in te vinden")
    for fact in question.facts:
        needle = normalise(fact)
        if not needle:
            problems.append(f"leeg feit {fact!r}")
        elif known_gold and not any(needle in corpus.haystack(ref) for ref in known_gold):
            shown = ", ".join(ref.id for ref in known_gold)
            problems.append(f"feit {fact!r} staat in geen enkele gold-kaart ({shown})")
    return problems


def check_questions(
    questions: Sequence[EvalQuestion], corpus: CorpusCards, source: str = ""
) -> list[Problem]:
    return [
        Problem(source, question.id, message)
        for question in questions
        for message in check_question(question, corpus)
    ]


def bundled_question_files() -> list[Path]:
    package = resources.files("actiewijzer.eval")
    return sorted(
        Path(str(entry)) for entry in package.iterdir() if fnmatch(entry.name, QUESTION_GLOB)
    )


def check_files(paths: Sequence[Path], corpus: CorpusCards) -> list[Problem]:
    """Each file on its own (so messages name it), plus ids that clash across files."""
    problems: list[Problem] = []
    owner: dict[str, str] = {}
    for path in paths:
        try:
            question_set = load_question_set(path)
        except Exception as error:  # yaml or pydantic: report, keep checking the other files
            problems.append(Problem(path.name, "-", f"kan bestand niet lezen: {error}"))
            continue
        problems += check_questions(question_set.questions, corpus, path.name)
        for question in question_set.questions:
            if question.id in owner:
                message = f"id komt ook voor in {owner[question.id]}"
                problems.append(Problem(path.name, question.id, message))
            owner.setdefault(question.id, path.name)
    return problems


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, help="vraagbestanden (standaard: alle)")
    parser.add_argument("--corpus", type=Path, help="map met het corpus (standaard: meegeleverd)")
    args = parser.parse_args(argv)
    files = list(args.files) or bundled_question_files()
    if not files:
        print("geen vraagbestanden gevonden", file=sys.stderr)
        return 2
    problems = check_files(files, CorpusCards.parse(args.corpus))
    for problem in problems:
        print(problem)
    names = ", ".join(path.name for path in files)
    print(f"{len(problems)} problemen in {names}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
