"""The default, offline answerer: picks card lines and fields and wraps them in plain Dutch.

Deterministic and unable to invent: every figure is copied from a card."""

from __future__ import annotations

import re
from collections.abc import Iterator

from actiewijzer.assistant.answer_kinds import counts, has_type
from actiewijzer.assistant.backends import AnswerTask, Draft
from actiewijzer.assistant.citations import card_ref, citation_for, source_ref
from actiewijzer.assistant.doc_scope import document_years, foreign_places
from actiewijzer.assistant.evidence import (
    BudgetLine,
    budget_lines,
    field_values,
    has_amounts,
    lead_sentences,
    milestones_for,
    shared_budget_partners,
)
from actiewijzer.assistant.models import Citation, QuestionKind
from actiewijzer.assistant.ranking import best_lines, holds_answer
from actiewijzer.assistant.resources import Phrases, phrases
from actiewijzer.assistant.router import QuestionPlan, compared_years
from actiewijzer.assistant.rules import RouterRules, router_rules
from actiewijzer.assistant.sources import FoundCard
from actiewijzer.assistant.text import prints_phrase, topic_phrase, truncate, words
from actiewijzer.ingest.models import Card

MAX_CARDS_PER_ANSWER = 3
CANDIDATES = 3  # hits that may answer when the best one lacks the asked kind of figure
SEARCH_TIE = 0.005  # fused search scores this close rank the same
SUBJECT_SHARE = 0.8  # of the best hit's subject coverage, for a lower hit to answer instead
_GENERIC = ("description", "korte_inhoud")
_THIRD_LINE_SHARE = 0.75
_STATUS_WORD = re.compile(r"\bstatus\b", re.IGNORECASE)
_NAME_CHARS = 5  # a title naming a card has a word this long ("Week van de opvoeding")
MAX_LIST = 12
MAX_DETAILED = 6
_FIELD_CHARS = 300


def years_for(found: FoundCard, years: list[int]) -> list[int]:
    """In a comparison each card answers for the years its document covers or prints."""
    covered = [y for y in years if y in document_years(found.document)]
    return covered or [y for y in years if str(y) in found.card.text] or years


def _keeps_status(card: Card) -> bool:
    fields = card.fields
    return any((fields.status, fields.status_notes, fields.time_status, fields.money_status))


def _has_money(lines: list[str]) -> bool:
    """An evidence line (not the intro naming the card) with an amount or a count in it."""
    return any(
        line.startswith("-") and (has_type(line, "amount") or counts(line)) for line in lines
    )


def _years(plan: QuestionPlan) -> str:
    return " en ".join(str(y) for y in plan.years)


def _prints_amount(lines: list[BudgetLine]) -> bool:
    """Budget cells with a figure, not only "/" for the year."""
    return any(re.search(r"\d", line.raw) for line in lines)


class ExtractiveBackend:
    name = "extractive"

    def __init__(self, rules: RouterRules | None = None, say: Phrases | None = None) -> None:
        self.rules = rules or router_rules()
        self.phrases = say or phrases()

    def write(self, task: AnswerTask) -> Iterator[str | Draft]:
        draft = self.compose(task)
        for chunk in draft.text.split(" "):
            yield chunk + " "
        yield draft

    def compose(self, task: AnswerTask) -> Draft:
        plan, retrieved = task.plan, task.retrieved
        if retrieved.missing_places:
            return self.unknown_place(task)
        if not retrieved.answerable:
            return self.not_in_documents(task)
        lines: list[str] = []
        citations: list[Citation] = []
        if plan.had_instructions:
            lines.append(self.phrases.say("adversarial_note"))
        if plan.kind is QuestionKind.STATUS and not plan.named_ids and plan.status_word:
            self._status_list(task, lines, citations)
        elif plan.kind is QuestionKind.TOPIC:
            self._topic_list(task, lines, citations)
        else:
            cards = self._cards_to_answer(task)
            if not cards:
                return self.not_in_documents(task, retrieved.cards[:1])
            if len({f.card.doc for f in cards}) > 1:
                lines.append(self.phrases.say("compare_intro_cards"))
            lacking = self._sides_lacking(task, cards)
            for found in cards:
                if found in lacking:
                    lines.append(self.phrases.say("compare_side_missing", ref=card_ref(found)))
                    citations.append(citation_for(found))
                    continue
                self._card_answer(task, found, lines, citations, len(cards) > 1)
            if lacking:
                return self._with_verdict(plan, lines, citations, refused=True)
            if plan.kind is QuestionKind.BUDGET and (
                gap := self._budget_gap(task, cards, lines, citations)
            ):
                return gap
        if retrieved.missing_ids:
            lines.append(self.phrases.say("not_in_documents"))
        return Draft(text="\n".join(lines), citations=citations)

    def _budget_gap(
        self, task: AnswerTask, cards: list[FoundCard], lines: list[str], citations: list[Citation]
    ) -> Draft | None:
        """The answer when the tables found print no amount for what was asked, else None."""
        plan = task.plan
        if len(cards) == 1 and not _has_money(lines):
            # A table row printing "/" for the year says so; no row at all is not an answer.
            asked_cells = budget_lines(cards[0].card, plan)[0]
            if not asked_cells:
                return self.not_in_documents(task, cards)
            lines.append(
                self.phrases.say("budget_none", ref=card_ref(cards[0]), years=_years(plan))
            )
            self._other_years(cards[0].card, plan, lines)
            # "/" says no money is planned; "*" or "nog te bepalen" that the amount is not
            # known yet, so the asked figure is not in the documents.
            undecided = all(line.raw != "/" for line in asked_cells)
            return self._with_verdict(plan, lines, citations, refused=undecided)
        if all(budget_lines(f.card, plan)[1] for f in cards):
            # The asked column ("Budget BEO 2020") is in no table found: the figures shown
            # are the nearest ones, not the answer.
            return self._with_verdict(plan, lines, citations, refused=True)
        return None

    def _with_verdict(
        self, plan: QuestionPlan, lines: list[str], citations: list[Citation], refused: bool
    ) -> Draft:
        """The lines as they are, led by "not in the documents" when refused (after the note
        on ignored instructions)."""
        if refused:
            lines.insert(int(plan.had_instructions), self.phrases.say("not_in_documents"))
        return Draft(text="\n".join(lines), citations=citations, refused=refused)

    def _other_years(self, card: Card, plan: QuestionPlan, lines: list[str]) -> None:
        """Nothing for the asked year: the years that do print an amount, so "/" for 2024 is
        not read as "no money at all"."""
        if not plan.years:
            return
        printed = [line for line in budget_lines(card, plan, [])[0] if _prints_amount([line])]
        if printed:
            lines.append(self.phrases.say("budget_other_years"))
            lines += [
                self.phrases.say("budget_line", row=line.row, column=line.column, raw=line.raw)
                for line in printed
            ]

    def not_in_documents(self, task: AnswerTask, nearest: list[FoundCard] | None = None) -> Draft:
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
        documents = task.source.documents()
        places = sorted({m for d in documents for m in d.municipalities})
        # A plan bound to no municipality (the Flemish one) applies there too: say so.
        wide = [f"{d.report_kind} van {d.issuer}" for d in documents if not d.municipalities]
        missing = ", ".join(task.retrieved.missing_places)
        text = self.phrases.say(
            "missing_place", place=missing, places=", ".join(places), wide="; ".join(wide)
        )
        return Draft(text=text, refused=True)

    def _cards_to_answer(self, task: AnswerTask) -> list[FoundCard]:
        """One card answers, unless the question compares, names several numbers or a code."""
        cards = task.retrieved.cards
        if task.retrieved.listing:
            return cards[:MAX_LIST]
        # A number printed in several documents (no year to choose by) is answered per document.
        ambiguous = bool(task.plan.named_ids) and len({f.card.doc for f in cards}) > 1
        if task.plan.kind is QuestionKind.COMPARE or len(task.plan.named_ids) > 1 or ambiguous:
            per_doc: dict[str, FoundCard] = {}
            several_named = len(task.plan.named_ids) > 1
            for found in cards:
                # Compared across documents: the best card of each; named numbers: each of them.
                key = f"{found.card.doc}::{found.card.id}" if several_named else found.card.doc
                per_doc.setdefault(key, found)
            compared = compared_years(task.plan.question)
            wanted = max(2, len(task.plan.named_ids), len(compared))
            return list(per_doc.values())[: min(wanted, MAX_CARDS_PER_ANSWER)]
        return [chosen] if (chosen := self._answering_card(task)) else []

    def _sides_lacking(self, task: AnswerTask, cards: list[FoundCard]) -> list[FoundCard]:
        """In a comparison of counts, the cards that do not print the counted thing: "bedden
        nachtopvang" in Lier is not the number of nights Lier paid for."""
        plan = task.plan
        if plan.kind is not QuestionKind.COMPARE or plan.answer_type != "count" or len(cards) < 2:
            return []
        foreign = foreign_places(plan.places, task.source.documents())
        stop = self.rules.stopword_set
        # Each side is asked for its own year ("2019-2020 ... en 2022-2023"), so none is required.
        unbound = plan.model_copy(update={"years": []})
        return [f for f in cards if not holds_answer(f.card, unbound, stop, foreign)]

    def _answering_card(self, task: AnswerTask) -> FoundCard | None:
        """The best-ranked card that holds the kind of answer asked for (a count, a date...)."""
        plan, cards = task.plan, task.retrieved.cards[:CANDIDATES]
        if plan.kind is QuestionKind.BUDGET:
            return self._budget_card(task, cards)
        if plan.kind is QuestionKind.STATUS and _STATUS_WORD.search(plan.question):
            # "welke status heeft de ruilwinkel in Aalst?": a plan that keeps no status per
            # action cannot answer it with the action's other lines. "Wat was de stand van
            # zaken in 2016?" may be told by milestones.
            cards = [f for f in cards if _keeps_status(f.card)]
        if not plan.answer_type:
            return cards[0] if cards else None
        stop = self.rules.stopword_set
        foreign = foreign_places(plan.places, task.source.documents())
        holding = [f for f in cards if holds_answer(f.card, plan, stop, foreign)]
        holding = self._by_evidence_among_ties(holding, task)
        if not holding or holding[0] is cards[0] or task.vocabulary is None:
            return holding[0] if holding else None
        # "de Week van de opvoeding" names the best card by its title: another card answers
        # only when it prints that name too, not because it counts something else in a week.
        named = cards[0].card.title
        if prints_phrase(plan.text, named) and any(len(w) >= _NAME_CHARS for w in words(named)):
            printing = (f for f in holding if prints_phrase(f"{f.card.title} {f.card.text}", named))
            return next(printing, None)
        # A lower-ranked card answers only if it is as much about the subject as the best one:
        # a count of "kinderen" in another project does not answer a question about a shop.
        cover = task.vocabulary.subject_coverage
        subject = self._subject_words(plan)
        wanted = cover(cards[0].card, subject) * SUBJECT_SHARE
        # ... and is about it at all: a timeline covering none of "verrijkingsdag" is no answer.
        shares = ((f, cover(f.card, subject)) for f in holding)
        return next((f for f, share in shares if share >= wanted and share > 0), None)

    def _subject_words(self, plan: QuestionPlan) -> list[str]:
        """The question's words without those naming a document: "het addendum voor Lier,
        Berlaar en Nijlen" says where to look, not which part of it answers."""
        places, domain = self.rules.place_words, self.rules.domain
        return [w for w in plan.topic_words if w not in places and not domain.matches(w)]

    def _by_evidence_among_ties(
        self, holding: list[FoundCard], task: AnswerTask
    ) -> list[FoundCard]:
        """Cards the search scores (nearly) the same are told apart by how much of the
        subject their title names ("Uitbouw project Woonatelier", not Straathoekwerk, which
        mentions the Woonatelier in passing), then by their best line: "De publieke opening
        wordt verwacht zomer 2024" answers "wanneer opent" better than a subsidy "afgestemd op
        opening"."""
        if len(holding) < 2:
            return holding
        tied = [f for f in holding if holding[0].score - f.score <= SEARCH_TIE]
        if len(tied) < 2:
            return holding
        plan, stop = task.plan, self.rules.stopword_set
        subject = self._subject_words(plan)

        def evidence(found: FoundCard) -> tuple[float, float]:
            top = best_lines(found.card, plan, stop, 1)
            named = task.vocabulary.title_coverage(found.card, subject) if task.vocabulary else 0
            return named, top[0].score if top else 0.0

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
        if _prints_amount(budget_lines(found.card, plan)[0]):
            return True
        money = plan.model_copy(update={"answer_type": "amount"})
        if any(
            has_type(line.text, "amount")
            for line in best_lines(found.card, money, self.rules.stopword_set, 2)
        ):
            return True
        parent = self._parent(task, found)
        return parent is not None and _prints_amount(budget_lines(parent.card, plan)[0])

    def _card_answer(
        self,
        task: AnswerTask,
        found: FoundCard,
        lines: list[str],
        citations: list[Citation],
        several: bool,
    ) -> None:
        plan = task.plan
        years = years_for(found, plan.years) if several else plan.years
        quotes: list[str] = []
        position = len(citations)  # the card before the cards it shares a budget with
        if plan.kind is QuestionKind.BUDGET or (several and has_amounts(found.card)):
            quotes = self._budget(task, found, lines, citations, years)
            if several:
                quotes += self._facts(task, found, [], years, intro=False)
        else:
            lines.append(self.phrases.say("fact_intro", ref=card_ref(found)))
            quotes = self._facts(task, found, lines, years)
            if several:  # each side of a comparison says what money it has, if any
                quotes += self._field_lines(found.card, ["budget_notes"], lines)
        citations.insert(position, citation_for(found, quotes))

    def _field_lines(self, card: Card, names: list[str], lines: list[str]) -> list[str]:
        labels = self.phrases.table("field_labels")
        quotes = []
        for value in field_values(card, names):
            text = truncate(value.value, _FIELD_CHARS)
            label = labels.get(value.name, value.name)
            lines.append(self.phrases.say("field_line", label=label, value=text))
            quotes.append(text)
        return quotes

    def _facts(
        self,
        task: AnswerTask,
        found: FoundCard,
        lines: list[str],
        years: list[int],
        intro: bool = True,
    ) -> list[str]:
        plan, card = task.plan, found.card
        specific = [f for f in plan.fields if f not in _GENERIC]
        if years and milestones_for(card, years):
            specific = [f for f in specific if f != "mijlpalen"]  # only the asked year's, below
        quotes = self._field_lines(card, specific, lines)
        if years:
            for value in milestones_for(card, years):
                text = truncate(value.value, _FIELD_CHARS)
                lines.append(self.phrases.say("field_line", label="Mijlpaal", value=text))
                quotes.append(text)
        limit = 1 if quotes and not plan.answer_type else 2
        chosen = best_lines(card, plan, self.rules.stopword_set, limit + 1, years)
        # A third line only when it tells as much as the best one: two facts asked, or told apart.
        if len(chosen) > limit and chosen[limit].score < _THIRD_LINE_SHARE * chosen[0].score:
            chosen = chosen[:limit]
        for line in chosen:
            if line.text not in quotes:
                lines.append(self.phrases.say("fact_line", text=line.text))
                quotes.append(line.text)
        if not quotes:
            quotes = self._field_lines(card, ["description", "korte_inhoud"][:1], lines)
        if not quotes:
            for sentence in lead_sentences(card):
                lines.append(self.phrases.say("fact_line", text=sentence))
                quotes.append(sentence)
        return quotes

    def _budget(
        self,
        task: AnswerTask,
        found: FoundCard,
        lines: list[str],
        citations: list[Citation],
        years: list[int],
    ) -> list[str]:
        card = found.card
        budget, column_missing = budget_lines(card, task.plan, years)
        extra = [f for f in task.plan.fields if f not in _GENERIC and f != "budget_notes"]
        if not budget:
            return self._budget_elsewhere(task, found, lines, citations, years, extra)
        lines.append(self.phrases.say("budget_intro", ref=card_ref(found)))
        if column_missing:
            wanted = ", ".join(task.plan.budget_columns)
            lines.append(self.phrases.say("budget_column_missing", wanted=wanted))
        quotes = []
        for line in budget:
            lines.append(
                self.phrases.say("budget_line", row=line.row, column=line.column, raw=line.raw)
            )
            quotes.append(f"{line.row} {line.column} {line.raw}")
        if any(line.is_income for line in budget):
            lines.append(self.phrases.say("budget_income_note"))
        # "*9 000 EUR voor scholen + 3 000 EUR voor interne diensten": how the amount splits.
        for label, value in card.fields.other.items():
            if has_type(value, "amount") and value not in quotes:
                lines.append(self.phrases.say("field_line", label=label, value=value))
                quotes.append(value)
        quotes += self._field_lines(card, extra, lines)
        partners = [
            related
            for related in task.retrieved.related
            if related.card
            in shared_budget_partners(card, [r.card for r in task.retrieved.related])
        ]
        if partners:
            others = ", ".join(source_ref(p) for p in partners)
            lines.append(self.phrases.say("budget_shared", others=others, mjp=card.fields.mjp_code))
            citations.extend(citation_for(p, [card.fields.mjp_code or ""]) for p in partners)
        return quotes

    def _budget_elsewhere(
        self,
        task: AnswerTask,
        found: FoundCard,
        lines: list[str],
        citations: list[Citation],
        years: list[int],
        extra: list[str],
    ) -> list[str]:
        """No budget table: a labelled amount, a sentence with an amount, or the parent's table."""
        card = found.card
        lines.append(self.phrases.say("fact_intro", ref=card_ref(found)))
        quotes = self._field_lines(card, ["budget_notes", *extra], lines)
        money = task.plan.model_copy(update={"answer_type": "amount"})
        for line in best_lines(card, money, self.rules.stopword_set, 2, years):
            if has_type(line.text, "amount") and line.text not in quotes:
                lines.append(self.phrases.say("fact_line", text=line.text))
                quotes.append(line.text)
        if any(has_type(q, "amount") for q in quotes):
            return quotes
        parent = self._parent(task, found)
        if parent is not None and budget_lines(parent.card, task.plan, years)[0]:
            task.retrieved.related.append(parent)
            lines.append(self.phrases.say("budget_on_parent", ref=card_ref(parent)))
            self._budget(task, parent, lines, citations, years)
            citations.append(citation_for(parent, [parent.card.title]))
            return quotes
        lines.append(self.phrases.say("budget_none", ref=card_ref(found), years=_years(task.plan)))
        return quotes

    @staticmethod
    def _parent(task: AnswerTask, found: FoundCard) -> FoundCard | None:
        if not found.card.parent:
            return None
        try:
            parent = task.source.get_card(found.card.doc, found.card.parent)
        except LookupError:
            return None
        return FoundCard(parent, found.document, 0.0, found.context[1:])

    def _status_list(self, task: AnswerTask, lines: list[str], citations: list[Citation]) -> None:
        cards = task.retrieved.cards
        key = "status_intro_one" if len(cards) == 1 else "status_intro"
        lines.append(self.phrases.say(key, status_word=task.plan.status_word))
        for found in cards[:MAX_LIST]:
            status = found.card.fields.status or ""
            lines.append(self.phrases.say("status_line", ref=card_ref(found), status=status))
            citations.append(citation_for(found, [status]))
        if len(cards) > MAX_LIST:
            lines.append(self.phrases.say("topic_more"))

    def _topic_list(self, task: AnswerTask, lines: list[str], citations: list[Citation]) -> None:
        cards = task.retrieved.cards
        words = task.retrieved.topic_words or task.plan.topic_words
        topic = topic_phrase(task.plan.question, words)
        if topic or not task.plan.named_ids:
            lines.append(self.phrases.say("topic_intro", topic=topic or task.plan.text))
        else:  # "welke acties horen bij Doelstelling 14.3?"
            named = ", ".join(task.plan.named_ids)
            lines.append(self.phrases.say("topic_intro_under", ref=named))
        stop, detailed = self.rules.stopword_set, len(cards) <= MAX_DETAILED
        for found in cards[:MAX_LIST]:
            lines.append(self.phrases.say("topic_line", ref=card_ref(found)))
            quotes = [found.card.title]
            # A short list also says what each card does there: its best line on the topic.
            for line in best_lines(found.card, task.plan, stop, 1) if detailed else []:
                lines.append(self.phrases.say("topic_detail", text=truncate(line.text, 240)))
                quotes.append(truncate(line.text, 240))
            citations.append(citation_for(found, quotes))
        if len(cards) > MAX_LIST:
            lines.append(self.phrases.say("topic_more"))
