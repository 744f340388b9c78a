"""The default, offline answerer: picks card lines and fields and wraps them in plain Dutch.

Deterministic and unable to invent: every figure is copied from a card."""

from __future__ import annotations

import re
from collections.abc import Iterator

from actiewijzer.assistant.answer_kinds import counts, has_type
from actiewijzer.assistant.backends import AnswerTask, Draft
from actiewijzer.assistant.budget_context import budget_for_other_years, name_line
from actiewijzer.assistant.card_choice import CardChooser, parent_of
from actiewijzer.assistant.citations import card_ref, citation_for, source_ref
from actiewijzer.assistant.doc_scope import document_years
from actiewijzer.assistant.evidence import (
    budget_lines,
    field_values,
    has_amounts,
    lead_sentences,
    milestones_for,
    prints_amount,
    shared_budget_partners,
)
from actiewijzer.assistant.lists import ListWriter
from actiewijzer.assistant.models import Citation, QuestionKind
from actiewijzer.assistant.ranking import best_lines
from actiewijzer.assistant.refusal_drafts import (
    RefusalWriter,
    counts_nothing,
    prices_nothing,
    says_not_known_yet,
)
from actiewijzer.assistant.resources import Phrases, phrases
from actiewijzer.assistant.router import QuestionPlan
from actiewijzer.assistant.rules import RouterRules, router_rules
from actiewijzer.assistant.sources import FoundCard
from actiewijzer.assistant.text import fold, prints_phrase, truncate
from actiewijzer.ingest.models import Card

_GENERIC = ("description", "korte_inhoud")
_FACT_LINES = 4
_LINES_BESIDE_FIELDS = 3
_MORE_ASKS_LINES = 3
_FIELD_CHARS = 300
# The one field the card prints of those asked ("welke indicatoren?") is quoted near whole.
_ASKED_FIELD_CHARS = 900
_NAMES_PLAN = re.compile(r"\b(?:actieplan|beleidsdoelstelling)")
# "ik zoek de cijfers op actieniveau, niet die van het hele actieplan"
_NOT_THE_PLAN = re.compile(r"\bniet\b[^.?!,]{0,30}?\b(?:actieplan|beleidsdoelstelling)")


def _repeats(line: str, shown: list[str]) -> bool:
    """The line says nothing a shown one does not: a list item is also a line of its own."""
    return any(prints_phrase(other, line) for other in shown)


def years_for(found: FoundCard, years: list[int]) -> list[int]:
    """In a comparison each card answers for the years its document covers or prints."""
    covered = [y for y in years if y in document_years(found.document)]
    return covered or [y for y in years if str(y) in found.card.text] or years


def _has_money(lines: list[str]) -> bool:
    """An evidence line (not the intro naming the card) with an amount or a count in it."""
    # "Saldo Exploitatie, Budget 2024: -576.646,51": a deficit is money too.
    unsigned = [re.sub(r"(?<=\s)[-−](?=\d)", "", line) for line in lines]
    return any(
        line.startswith("-") and (has_type(line, "amount") or counts(line)) for line in unsigned
    )


def _unlabelled(label: str, value: str) -> str:
    """ "Opmerking: Opmerking: ...": a note that prints its own label says it once."""
    said = re.match(rf"\s*{re.escape(label)}\s*:\s*", value, re.IGNORECASE)
    return value[said.end() :] if said else value


def _tells_budget_in_words(plan: QuestionPlan, card: Card) -> bool:
    """The card's budget field answers a question that asks what it says, not a sum."""
    asks_sum = plan.answer_type in ("amount", "count", "price") or plan.wants_amount
    asks_text = router_rules().budget_text.matches(plan.question)
    return asks_text and not asks_sum and bool(field_values(card, ["budget_notes"]))


def _borrows_budget(task: AnswerTask, cards: list[FoundCard]) -> bool:
    """ "Hoeveel budget had de actie Mama Lier?": the table shown is the action plan's, the
    nearest thing to the action's own, unless the plan's is asked ("het actieplan waar het
    fietspunt onder valt")."""
    card = cards[0].card
    shown = any(r.card.doc == card.doc and r.card.id == card.parent for r in task.retrieved.related)
    asks_plan = _NAMES_PLAN.search(_NOT_THE_PLAN.sub(" ", fold(task.plan.question)))
    return len(cards) == 1 and shown and not asks_plan


def _years(plan: QuestionPlan) -> str:
    return " en ".join(str(y) for y in plan.years)


class ExtractiveBackend:
    name = "extractive"

    def __init__(self, rules: RouterRules | None = None, say: Phrases | None = None) -> None:
        self.rules = rules or router_rules()
        self.phrases = say or phrases()
        self.lists = ListWriter(self.rules, self.phrases)
        self.chooser = CardChooser(self.rules)
        self.refusals = RefusalWriter(self.phrases)

    def write(self, task: AnswerTask, composed: Draft | None = None) -> Iterator[str | Draft]:
        """The answer word by word, then whole; `composed` is one already written for the task."""
        draft = composed or self.compose(task)
        for chunk in draft.text.split(" "):
            yield chunk + " "
        yield draft

    def compose(self, task: AnswerTask) -> Draft:
        plan, retrieved = task.plan, task.retrieved
        if retrieved.missing_places:
            return self.refusals.unknown_place(task)
        lines: list[str] = []
        citations: list[Citation] = []
        if retrieved.by_date:
            self.lists.date_list(task, lines, citations)
            kept = retrieved.dates_kept
            return Draft(text="\n".join(lines), citations=citations, refused=not kept)
        if not retrieved.answerable:
            return self.refusals.not_in_documents(task)
        if plan.had_instructions:
            lines.append(self.phrases.say("adversarial_note"))
        lists_status = not plan.named_ids or retrieved.by_status_under_number
        if plan.kind is QuestionKind.STATUS and lists_status and plan.status_word:
            self.lists.status_list(task, lines, citations)
        elif plan.kind is QuestionKind.TOPIC:
            self.lists.topic_list(task, lines, citations)
        else:
            cards = self.chooser.cards_to_answer(task)
            if not cards:
                return self.refusals.not_in_documents(task, retrieved.cards[:1])
            if len({f.card.doc for f in cards}) > 1:
                lines.append(self.phrases.say("compare_intro_cards"))
            lacking = self.chooser.sides_lacking(task, cards)
            for found in cards:
                if found in lacking:
                    lines.append(self.phrases.say("compare_side_missing", ref=card_ref(found)))
                    citations.append(citation_for(found))
                    continue
                self._card_answer(task, found, lines, citations, len(cards) > 1)
            if not citations:
                return self.refusals.not_in_documents(task, retrieved.cards[:1])
            if (
                lacking
                or (plan.kind is QuestionKind.BUDGET and _borrows_budget(task, cards))
                or says_not_known_yet(plan, cards, citations, self.rules)
                or counts_nothing(plan, cards, citations)
                or prices_nothing(plan, cards, citations)
            ):
                return self.refusals.with_verdict(plan, lines, citations, refused=True)
            if plan.kind is QuestionKind.BUDGET and (
                gap := self._budget_gap(task, cards, lines, citations)
            ):
                return gap
        if retrieved.missing_ids:
            lines.append(self.phrases.say("not_in_documents"))
        return Draft(text="\n".join(lines), citations=citations)

    def _asks_beyond_two(self, plan: QuestionPlan) -> int:
        """ "welke twee bronnen ..., via welk project ..., welk team ...?": each ask beyond two
        may need a line of its own."""
        asks = len(self.rules.asking.found(plan.question))
        return min(_MORE_ASKS_LINES, max(0, asks - 2))

    def _asks_money(self, plan: QuestionPlan) -> bool:
        """The question's own words ask money: "welk budget", "hoe hoog was de dotatie" (not
        "wat gebeurt er met die subsidieregeling?")."""
        if self.rules.kinds["budget"].matches(plan.question):
            return True
        return plan.answer_type == "amount" and self.rules.money.matches(plan.question)

    def _budget_gap(
        self, task: AnswerTask, cards: list[FoundCard], lines: list[str], citations: list[Citation]
    ) -> Draft | None:
        """The answer when the tables found print no amount for what was asked, else None."""
        plan, card = task.plan, cards[0].card
        if len(cards) == 1 and _tells_budget_in_words(plan, card):
            return None  # "welk budgettair engagement?": "Kleine onkosten voor ..." answers it
        asked_cells = budget_lines(card, plan)[0] if len(cards) == 1 else []
        if (
            len(cards) == 1
            and plan.figure_years
            and self._asks_money(plan)
            and not asked_cells
            and budget_for_other_years(card, plan.figure_years, lines)
        ):
            # Shown as the nearest, not as the answer.
            return self.refusals.with_verdict(plan, lines, citations, refused=True)
        if len(cards) == 1 and not _has_money(lines):
            # A table row printing "/" for the year says so; no row at all is not an answer.
            if not asked_cells and (notes := field_values(card, ["budget_notes"])):
                # "Budgettair engagement: Nog te bepalen": no amount, and the card says so;
                # "Nihil" is the amount: none.
                unknown = not any(self.rules.says_no_money(note.value) for note in notes)
                return self.refusals.with_verdict(plan, lines, citations, refused=unknown)
            if not asked_cells:
                return self.refusals.not_in_documents(task, cards)
            lines.append(
                self.phrases.say("budget_none", ref=card_ref(cards[0]), years=_years(plan))
            )
            self._other_years(card, plan, lines)
            # "/" says no money is planned; "*" or "nog te bepalen" that the amount is not
            # known yet, so the asked figure is not in the documents.
            undecided = all(line.raw != "/" for line in asked_cells)
            return self.refusals.with_verdict(plan, lines, citations, refused=undecided)
        if all(budget_lines(f.card, plan)[1] for f in cards):
            # The asked column ("Budget BEO 2020") is in no table found: the figures shown
            # are the nearest ones, not the answer.
            return self.refusals.with_verdict(plan, lines, citations, refused=True)
        return None

    def _other_years(self, card: Card, plan: QuestionPlan, lines: list[str]) -> None:
        """Nothing for the asked year: the years that do print an amount, so "/" for 2024 is
        not read as "no money at all"."""
        if not plan.years:
            return
        printed = [line for line in budget_lines(card, plan, [])[0] if prints_amount([line])]
        if printed:
            lines.append(self.phrases.say("budget_other_years"))
            lines += [
                self.phrases.say("budget_line", row=line.row, column=line.column, raw=line.raw)
                for line in printed
            ]

    def _card_answer(
        self,
        task: AnswerTask,
        found: FoundCard,
        lines: list[str],
        citations: list[Citation],
        several: bool,
    ) -> None:
        plan = task.plan
        years = years_for(found, plan.years) if several else plan.figure_years
        quotes: list[str] = []
        position = len(citations)  # the card before the cards it shares a budget with
        # Sides compared by their money, unless the question names another field to compare.
        other_field = bool(plan.fields) and "budget_notes" not in plan.fields
        if plan.kind is QuestionKind.BUDGET or (
            several and has_amounts(found.card) and not other_field
        ):
            quotes = self._budget(task, found, lines, citations, years)
            if several:
                quotes += self._facts(task, found, [], years, intro=False)
        else:
            lines.append(self.phrases.say("fact_intro", ref=card_ref(found)))
            quotes = self._facts(task, found, lines, years)
            if several:  # each side of a comparison says what money it has, if any
                quotes += self._field_lines(found.card, ["budget_notes"], lines)
            if not quotes:
                lines.pop()  # a card with no line to quote (a bare heading) says nothing
                return
        citations.insert(position, citation_for(found, quotes))

    def _quote(self, texts: list[str], lines: list[str], quotes: list[str]) -> None:
        """Each card line as an answer line, unless a shown one already says it."""
        for text in texts:
            if not _repeats(text, quotes):
                lines.append(self.phrases.say("fact_line", text=text))
                quotes.append(text)

    def _field_lines(self, card: Card, names: list[str], lines: list[str]) -> list[str]:
        labels = self.phrases.table("field_labels")
        quotes = []
        values = field_values(card, names)
        limit = _ASKED_FIELD_CHARS if len(values) == 1 else _FIELD_CHARS
        for value in values:
            label = labels.get(value.name, value.name)
            text = truncate(_unlabelled(label, value.value), limit)
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
        # Four lines, three beside the fields asked: a question written in other words than the
        # card's often finds its answer in the third or fourth best line.
        count = _LINES_BESIDE_FIELDS if quotes and not plan.answer_type else _FACT_LINES
        count += self._asks_beyond_two(plan)
        chosen = best_lines(
            card, plan, self.rules.stopword_set, count, years, closeness=task.line_closeness
        )
        self._quote([line.text for line in chosen], lines, quotes)
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
                value = _unlabelled(label, value)
                lines.append(self.phrases.say("field_line", label=label, value=value))
                quotes.append(value)
        quotes += self._field_lines(card, extra, lines)
        if named := name_line(task, found, self.rules.stopword_set):
            self._quote([named], lines, quotes)
        if more := self._asks_beyond_two(task.plan):
            # "hoeveel budget ..., wie is de trekker en welke rol heeft Aalst?": the rest is
            # told by the card's other lines.
            rest = task.plan.model_copy(update={"answer_type": None})
            stop, closeness = self.rules.stopword_set, task.line_closeness
            others = best_lines(card, rest, stop, more + len(quotes), years, closeness=closeness)
            fresh = [line.text for line in others if not _repeats(line.text, quotes)]
            self._quote(fresh[:more], lines, quotes)
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
        quotes = self._field_lines(card, ["budget_notes"], lines)
        # A figure in the card's budget field is its amount, "euro" or not ("800.000 per jaar").
        budgeted = any(re.search(r"\d", quote) for quote in quotes)
        quotes += self._field_lines(card, extra, lines)
        money = task.plan.model_copy(update={"answer_type": "amount"})
        closeness = task.line_closeness
        for line in best_lines(card, money, self.rules.stopword_set, 2, years, closeness=closeness):
            if has_type(line.text, "amount") and line.text not in quotes:
                lines.append(self.phrases.say("fact_line", text=line.text))
                quotes.append(line.text)
        if budgeted or any(has_type(q, "amount") for q in quotes):
            # "... en welk aandeel moet uit ondervertegenwoordigde groepen komen?": the rest of
            # the question is answered by the card's other lines.
            rest = task.plan.model_copy(update={"answer_type": None})
            others = best_lines(card, rest, self.rules.stopword_set, 2, years, closeness=closeness)
            self._quote([line.text for line in others], lines, quotes)
            return quotes
        if quotes and _tells_budget_in_words(task.plan, card):
            return quotes
        parent = parent_of(task, found)
        if parent is not None and budget_lines(parent.card, task.plan, years)[0]:
            task.retrieved.related.append(parent)
            lines.append(self.phrases.say("budget_on_parent", ref=card_ref(parent)))
            self._budget(task, parent, lines, citations, years)
            citations.append(citation_for(parent, [parent.card.title]))
            return quotes
        lines.append(self.phrases.say("budget_none", ref=card_ref(found), years=_years(task.plan)))
        return quotes
