"""Which retrieved cards answer a question: the best one holding the kind of answer asked
for, one per document in a comparison, or each card the question names."""

from __future__ import annotations

import re
from collections.abc import Iterable

from actiewijzer.assistant.answer_check import holds_answer, prints_budget_text
from actiewijzer.assistant.answer_kinds import YEAR, has_type
from actiewijzer.assistant.backends import AnswerTask
from actiewijzer.assistant.card_lines import card_lines
from actiewijzer.assistant.doc_scope import (
    TITLED_SECTIONS,
    document_years,
    foreign_places,
    titled_for,
)
from actiewijzer.assistant.evidence import budget_lines, prints_amount
from actiewijzer.assistant.lists import MAX_LIST
from actiewijzer.assistant.models import QuestionKind
from actiewijzer.assistant.question_years import compared_years
from actiewijzer.assistant.ranking import best_lines
from actiewijzer.assistant.router import QuestionPlan
from actiewijzer.assistant.rules import RouterRules
from actiewijzer.assistant.sources import FoundCard
from actiewijzer.assistant.text import fold, prints_phrase, words, words_in_text
from actiewijzer.index.phrases import longest_phrase_printed
from actiewijzer.index.text_analysis import is_verb_form
from actiewijzer.ingest.models import Card

MAX_CARDS_PER_ANSWER = 3
CANDIDATES = 3  # hits that may answer when the best one lacks the asked kind of figure
SEARCH_TIE = 0.005  # fused search scores this close rank the same
SUBJECT_SHARE = 0.8  # of the best hit's subject coverage, for a lower hit to answer instead
_STATUS_WORD = re.compile(r"\bstatus\b", re.IGNORECASE)
_NAME_CHARS = 5  # a title naming a card has a word this long ("Week van de opvoeding")
_CLAUSE = re.compile(r"[,:;?]")  # "hoeveel ... in 2020, en welk bedrag ...?": two clauses

# An acronym written in capitals ("PLUS", "TEJO"): the name of an organisation or project.
_ACRONYM = re.compile(r"\b[A-Z][A-Z0-9&]{2,}\b")


def _names_written(question: str) -> list[str]:
    return list(dict.fromkeys(_ACRONYM.findall(question)))


def _prints(card: Card, name: str) -> bool:
    return re.search(rf"\b{re.escape(name)}\b", f"{card.title}\n{card.text}") is not None


def _keeps_status(card: Card) -> bool:
    fields = card.fields
    return any((fields.status, fields.status_notes, fields.time_status, fields.money_status))


def parent_of(task: AnswerTask, found: FoundCard) -> FoundCard | None:
    if not found.card.parent:
        return None
    try:
        parent = task.source.get_card(found.card.doc, found.card.parent)
    except LookupError:
        return None
    return FoundCard(parent, found.document, 0.0, found.context[1:])


_COMPARING = re.compile(r"\bvergelijk", re.IGNORECASE)


def _counted_years(question: str) -> set[int]:
    """The years the clauses that count ("hoeveel ...") name, when each of them names one."""
    clauses = [c for c in _CLAUSE.split(fold(question)) if re.search(r"\bhoeveel\b", c)]
    named = [{int(y) for y in YEAR.findall(c)} for c in clauses]
    return set().union(*named) if named and all(named) else set()


def _two_cards_compared(plan: QuestionPlan, cards: list[FoundCard]) -> list[FoundCard]:
    """ "Vergelijk de actie rond palliatieve zorg met die rond de mobiele ...werker": two cards
    of one document, each on what the other lacks; none when the best card covers it all."""
    # Two years compared are one card's two reports; a span ("jaarbudgetten voor 2023-2025")
    # is the period both cards print.
    if len(cards) < 2 or len(compared_years(plan.question)) > 1:
        return []
    if len({f.card.doc for f in cards}) > 1:
        return []
    if not _COMPARING.search(plan.question):
        return []
    lacking = set(plan.topic_words) - _words_named(cards[0].card, plan.topic_words)
    other = next((f for f in cards[1:] if _words_named(f.card, lacking)), None)
    return [cards[0], other] if other else []


def _words_named(card: Card, wanted: Iterable[str]) -> set[str]:
    return words_in_text(wanted, f"{card.title}\n{card.text}")


def _said_under(found: FoundCard, cards: list[FoundCard]) -> FoundCard:
    """A goal that prints only its title ("Doelstelling 1.3: De Stad zet in op sociale
    sites") leaves what it means to its action found with it ("het Sociaal Huis, de
    Zorgbalie, ...")."""
    card = found.card
    title = fold(card.title)
    if any(fold(line).strip(" :.") not in title for line in card_lines(card)):
        return found
    children = (f for f in cards if f.card.doc == card.doc and f.card.parent == card.id)
    return next(children, found)


class CardChooser:
    def __init__(self, rules: RouterRules) -> None:
        self.rules = rules

    def cards_to_answer(self, task: AnswerTask) -> list[FoundCard]:
        """One card answers, unless the question compares, names several numbers or a code."""
        cards = task.retrieved.cards
        if task.retrieved.listing:
            return cards[:MAX_LIST]
        # A number printed in several documents (no year to choose by) is answered per document.
        ambiguous = bool(task.plan.named_ids) and len({f.card.doc for f in cards}) > 1
        if task.plan.kind is QuestionKind.COMPARE or len(task.plan.named_ids) > 1 or ambiguous:
            if two_sides := _two_cards_compared(task.plan, cards):
                return two_sides
            per_doc: dict[str, FoundCard] = {}
            compared = compared_years(task.plan.question)
            several_named = len(task.plan.named_ids) > 1
            for found in cards:
                # Compared across documents: the best card of each; named numbers: each of them.
                key = f"{found.card.doc}::{found.card.id}" if several_named else found.card.doc
                per_doc.setdefault(key, found)
            wanted = max(2, len(task.plan.named_ids), len(compared))
            return list(per_doc.values())[: min(wanted, MAX_CARDS_PER_ANSWER)]
        return [chosen] if (chosen := self._answering_card(task)) else []

    def sides_lacking(self, task: AnswerTask, cards: list[FoundCard]) -> list[FoundCard]:
        """In a comparison of counts, the cards that do not print the counted thing: "bedden
        nachtopvang" in Lier is not the number of nights Lier paid for."""
        plan = task.plan
        if plan.kind is not QuestionKind.COMPARE or plan.answer_type != "count" or len(cards) < 2:
            return []
        foreign = foreign_places(plan.places, task.source.documents())
        stop = self.rules.stopword_set
        # Each side is asked for its own year ("2019-2020 ... en 2022-2023"), so none is required.
        unbound = plan.model_copy(update={"years": []})
        # "...: hoeveel kinderen bereikte ze in 2020, en ...?" counts in the 2020 report only.
        counted_in = _counted_years(plan.question)
        asked = [f for f in cards if document_years(f.document) & counted_in] or cards
        return [f for f in asked if not holds_answer(f.card, unbound, stop, foreign)]

    def _answering_card(self, task: AnswerTask) -> FoundCard | None:
        """The best-ranked card that holds the kind of answer asked for (a count, a date...)."""
        plan, cards = task.plan, task.retrieved.cards[:CANDIDATES]
        # "en hoeveel van die sessies ...?": the card the conversation is about answers first,
        # wherever the follow-up's own words rank it.
        talked_about = [f for f in task.retrieved.cards if f.card.id in plan.context_ids]
        if plan.kind is QuestionKind.FACT and plan.answer_type and talked_about:
            stop = self.rules.stopword_set
            if holding := [f for f in talked_about if holds_answer(f.card, plan, stop)]:
                return holding[0]
        if plan.kind is QuestionKind.BUDGET:
            # "... en hoeveel geeft Vlaanderen daar per jaar voor?": the card talked about.
            pointing = talked_about and self.rules.pointers.matches(plan.question)
            if pointing and (paying := [f for f in talked_about if self._has_money(task, f)]):
                return paying[0]
            return self._budget_card(task, cards)
        if plan.kind is QuestionKind.STATUS and _STATUS_WORD.search(plan.question):
            # "welke status heeft de ruilwinkel in Aalst?": a plan that keeps no status per
            # action cannot answer it with the action's other lines. "Wat was de stand van
            # zaken in 2016?" may be told by milestones.
            cards = [f for f in cards if _keeps_status(f.card)]
        if not plan.answer_type:
            best = next(iter(self._by_evidence_among_ties(cards, task)), None)
            if best is None or best.card.id in plan.context_ids:
                return best  # a follow-up keeps the card the conversation is about
            return _said_under(best, cards)
        stop = self.rules.stopword_set
        foreign = foreign_places(plan.places, task.source.documents())
        holding = [f for f in cards if holds_answer(f.card, plan, stop, foreign)]
        holding = self._by_evidence_among_ties(self._printing_names(task, cards, holding), task)
        if not holding or holding[0] is cards[0] or task.vocabulary is None:
            return holding[0] if holding else None
        # "de Week van de opvoeding" names the best card by its title: another card answers
        # only when it prints that name too, not because it counts something else in a week.
        named = cards[0].card.title
        if prints_phrase(plan.text, named) and any(len(w) >= _NAME_CHARS for w in words(named)):
            printing = (f for f in holding if prints_phrase(f"{f.card.title} {f.card.text}", named))
            return next(printing, None)
        # "wie kan ik bellen?": the document's section titled after what is asked ("Lokale
        # contactpersoon") answers for the part of that document found first.
        if plan.answer_type in TITLED_SECTIONS and (section := self._section(plan, cards, holding)):
            return section
        # A lower-ranked card answers only if it is as much about the subject as the best one:
        # a count of "kinderen" in another project does not answer a question about a shop.
        cover = task.vocabulary.subject_coverage
        subject = self._subject_words(plan)
        wanted = cover(cards[0].card, subject) * SUBJECT_SHARE
        # ... and is about it at all: a timeline covering none of "verrijkingsdag" is no answer.
        shares = ((f, cover(f.card, subject)) for f in holding)
        return next((f for f, share in shares if share >= wanted and share > 0), None)

    def _section(
        self, plan: QuestionPlan, cards: list[FoundCard], holding: list[FoundCard]
    ) -> FoundCard | None:
        titled = (
            f
            for f in holding
            if f.card.doc == cards[0].card.doc and titled_for(f.card, plan.answer_type, self.rules)
        )
        return next(titled, None)

    @staticmethod
    def _printing_names(
        task: AnswerTask, cards: list[FoundCard], holding: list[FoundCard]
    ) -> list[FoundCard]:
        """ "hoeveel leerlingen meldden zich aan bij PLUS?": a name in capitals that is the
        rarest thing asked, and that a card found prints, is one the answering card prints
        too; a count of pupils elsewhere is no answer."""
        plan = task.plan
        written = [
            n for n in _names_written(plan.question) if any(_prints(f.card, n) for f in cards)
        ]
        if not written or task.vocabulary is None:
            return holding
        weight = task.vocabulary.weight
        rarest = max((weight(w) for w in plan.topic_words if not is_verb_form(w)), default=0.0)
        names = [n for n in written if weight(n.lower()) >= rarest]
        return [f for f in holding if all(_prints(f.card, n) for n in names)]

    def _subject_words(self, plan: QuestionPlan) -> list[str]:
        """The question's words without those naming a document: "het addendum voor Lier,
        Berlaar en Nijlen" says where to look, not which part of it answers."""
        places, domain = self.rules.place_words, self.rules.domain
        return [w for w in plan.topic_words if w not in places and not domain.matches(w)]

    def _by_evidence_among_ties(
        self, holding: list[FoundCard], task: AnswerTask
    ) -> list[FoundCard]:
        """Cards the search scores (nearly) the same are told apart by how much of the
        subject their title and their answering line name together ("Uitbouw project
        Woonatelier", not Straathoekwerk, which mentions the Woonatelier in passing; "jaarlijks
        tot 25 extra sociale woningen via het Sociaal Verhuurkantoor", not the card titled
        after that landlord that counts its 150 homes), then by that line: "De publieke opening
        wordt verwacht zomer 2024" answers "wanneer opent" better than a subsidy "afgestemd op
        opening"."""
        if len(holding) < 2 or holding[0].card.id in task.plan.context_ids:
            return holding  # a follow-up keeps the card the conversation is about
        # Another document's card is ranked by the asked year or document, not by its lines.
        top = holding[0]
        tied = [
            f for f in holding if top.score - f.score <= SEARCH_TIE and f.card.doc == top.card.doc
        ]
        if len(tied) < 2:
            return holding
        plan, stop = task.plan, self.rules.stopword_set
        subject = self._subject_words(plan)

        places = self.rules.place_words

        def evidence(found: FoundCard) -> tuple[int, float, float, float]:
            # "de dag van de directeur": the card printing the question's name for a thing
            # is about it; another shares only its words ("de dag van de toewijzing").
            named = longest_phrase_printed(plan.text, found.card.text, places)
            answering = best_lines(found.card, plan, stop, 1, closeness=task.line_closeness)
            line, score = (answering[0].text, answering[0].score) if answering else ("", 0.0)
            if task.vocabulary is None:
                return named, 0.0, 0.0, score
            share = task.vocabulary.named_share(f"{found.card.title} {line}", subject)
            # Named as much, the card titled after the subject is about it; the other mentions
            # it in passing, in a line that may score higher on a place or a year.
            titled = task.vocabulary.named_share(found.card.title, subject)
            return named, share, titled, score

        best = max(tied, key=evidence)  # the first of equals: the search order stands
        return [best, *(f for f in holding if f is not best)]

    def _budget_card(self, task: AnswerTask, cards: list[FoundCard]) -> FoundCard | None:
        """The best hit, unless it prints no amount for the asked year (nor does its plan) and
        a lower hit that is at least as much about the subject does."""
        if not cards or task.vocabulary is None or task.plan.answer_type != "amount":
            return cards[0] if cards else None
        if self._has_money(task, cards[0]):
            return cards[0]
        cover = task.vocabulary.subject_coverage
        wanted = cover(cards[0].card, task.plan.topic_words)
        better = (
            f
            for f in cards[1:]
            if cover(f.card, task.plan.topic_words) > wanted and self._has_money(task, f)
        )
        return next(better, cards[0])

    def _has_money(self, task: AnswerTask, found: FoundCard) -> bool:
        plan = task.plan
        if prints_amount(budget_lines(found.card, plan)[0]):
            return True
        if prints_budget_text(found.card):
            return True
        money = plan.model_copy(update={"answer_type": "amount"})
        if any(
            has_type(line.text, "amount")
            for line in best_lines(found.card, money, self.rules.stopword_set, 2)
        ):
            return True
        parent = parent_of(task, found)
        return parent is not None and prints_amount(budget_lines(parent.card, plan)[0])
