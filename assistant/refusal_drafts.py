"""Answers that decline: not in the documents (with the nearest cards), a place no document is
about, and the checks that turn a drafted answer into a refusal because its lines do not hold
what was asked."""

from __future__ import annotations

from actiewijzer.assistant.answer_kinds import answers_how_often, counts, prints_price
from actiewijzer.assistant.backends import AnswerTask, Draft
from actiewijzer.assistant.citations import card_ref, citation_for
from actiewijzer.assistant.models import Citation, QuestionKind
from actiewijzer.assistant.resources import Phrases
from actiewijzer.assistant.router import QuestionPlan
from actiewijzer.assistant.rules import RouterRules
from actiewijzer.assistant.sources import FoundCard

_COUNTING_LINES = 3


class RefusalWriter:
    """The Dutch answers that say the documents do not hold what was asked, and what they do."""

    def __init__(self, say: Phrases) -> None:
        self.phrases = say

    def with_verdict(
        self, plan: QuestionPlan, lines: list[str], citations: list[Citation], refused: bool
    ) -> Draft:
        """The lines as they are, led by "not in the documents" when refused (after the note
        on ignored instructions)."""
        if refused:
            lines.insert(int(plan.had_instructions), self.phrases.say("not_in_documents"))
        return Draft(text="\n".join(lines), citations=citations, refused=refused)

    def not_in_documents(self, task: AnswerTask, nearest: list[FoundCard] | None = None) -> Draft:
        """ "Dat staat niet in de documenten.", with the words no card uses and the nearest cards."""
        nearest = task.retrieved.nearest if nearest is None else nearest
        lines = [self.phrases.say("not_in_documents")]
        if task.retrieved.missing_words:
            words = "”, „".join(task.retrieved.missing_words)
            lines.append(self.phrases.say("missing_words", words=words))
        citations = []
        if nearest:
            lines.append(self.phrases.say("nearest_intro"))
            for found in nearest:
                lines.append(self.phrases.say("nearest_line", ref=card_ref(found)))
                citations.append(citation_for(found))
        return Draft(text="\n".join(lines), citations=citations, refused=True)

    def unknown_place(self, task: AnswerTask) -> Draft:
        """A place no document is about: the places the documents are about, and the plans
        that apply everywhere."""
        documents = task.source.documents()
        places = sorted({m for d in documents for m in d.municipalities})
        # A plan bound to no municipality (the Flemish one) applies there too: say so.
        wide = [f"{d.report_kind} van {d.issuer}" for d in documents if not d.municipalities]
        missing = ", ".join(task.retrieved.missing_places)
        text = self.phrases.say(
            "missing_place", place=missing, places=", ".join(places), wide="; ".join(wide)
        )
        return Draft(text=text, refused=True)


def says_not_known_yet(
    plan: QuestionPlan, cards: list[FoundCard], citations: list[Citation], rules: RouterRules
) -> bool:
    """The one card's best line says the source does not know yet: the answer is not in
    the documents, and that line, shown below, says why."""
    if plan.kind is not QuestionKind.FACT or len(cards) != 1 or plan.fields or not citations:
        return False
    quotes = citations[0].quotes
    return bool(quotes) and rules.says_not_yet_known(quotes[0])


def counts_nothing(plan: QuestionPlan, cards: list[FoundCard], citations: list[Citation]) -> bool:
    """ "Hoeveel kinderen werden in totaal bereikt?" and the one card's lines that answer
    count nothing: the card holds a count elsewhere, of something else. The lines shown
    say what the card does tell."""
    if plan.kind is not QuestionKind.FACT or plan.answer_type != "count" or len(cards) != 1:
        return False
    # The best lines decide; a fourth one shown for context may count something else.
    quotes = citations[0].quotes[:_COUNTING_LINES] if citations else []
    if plan.counts_occasions and any(map(answers_how_often, quotes)):
        return False  # "maandelijks" answers "hoe vaak" without a number
    return bool(quotes) and not any(counts(quote) for quote in quotes)


def prices_nothing(plan: QuestionPlan, cards: list[FoundCard], citations: list[Citation]) -> bool:
    """ "Hoeveel kost een middagmaal?" and the one card's lines name the restaurant but
    print no price, only its yearly budget: the price is not in the documents."""
    if plan.kind is not QuestionKind.FACT or plan.answer_type != "price" or len(cards) != 1:
        return False
    quotes = citations[0].quotes if citations else []
    return bool(quotes) and not any(map(prints_price, quotes))
