"""The assistant: understand the question, retrieve cards, let a backend write, check grounding."""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Literal

from pydantic import BaseModel

from actiewijzer.assistant.backends import AnswerBackendProtocol, AnswerTask, Draft
from actiewijzer.assistant.card_lines import card_lines
from actiewijzer.assistant.date_lists import date_filter
from actiewijzer.assistant.doc_scope import foreign_places, reports_named
from actiewijzer.assistant.errors import InvalidQuestionError
from actiewijzer.assistant.extractive import ExtractiveBackend
from actiewijzer.assistant.followup import rewrite
from actiewijzer.assistant.grounding import GroundingChecker, needs_fallback
from actiewijzer.assistant.meaning_scope import MeaningScope
from actiewijzer.assistant.merged_answers import merge_answers
from actiewijzer.assistant.models import Answer, ChatTurn, GroundingCheck, QuestionKind
from actiewijzer.assistant.question_words import add_leads, respell
from actiewijzer.assistant.question_years import compared_years
from actiewijzer.assistant.resources import phrases
from actiewijzer.assistant.retrieval import CardRetriever
from actiewijzer.assistant.router import (
    QuestionPlan,
    plan_question,
    strip_instructions,
)
from actiewijzer.assistant.rules import RouterRules, router_rules
from actiewijzer.assistant.scope import (
    Vocabulary,
    corpus_fingerprint,
    covers_question,
    covers_subject,
    in_scope,
    question_alone,
    unknown_subjects,
)
from actiewijzer.assistant.sources import CardSource, Retrieved
from actiewijzer.assistant.text import POINTED_AT, fold, words
from actiewijzer.index.models import SearchFilters
from actiewijzer.settings import AnswerBackend, Settings

_REFUSAL_KINDS = (QuestionKind.ADVERSARIAL, QuestionKind.OUT_OF_SCOPE)
_FIGURE_TYPES = ("amount", "count", "price")  # answers that are a figure for some year
_MIN_THING_CHARS = 5  # "dat pilootproject", not "dat is"


class TokenEvent(BaseModel):
    type: Literal["token"] = "token"
    text: str


class AnswerDoneEvent(BaseModel):
    type: Literal["answer"] = "answer"
    answer: Answer


AnswerEvent = TokenEvent | AnswerDoneEvent


@dataclass
class _Prepared:
    """One reading of a question: the task for a backend, or the rules' refusal of it (its task
    then holds no cards)."""

    task: AnswerTask
    refusal: Draft | None = None
    extractive_draft: Draft | None = None  # written to see whether it declines; used again


class Assistant:
    def __init__(
        self,
        index: CardSource,
        backend: AnswerBackendProtocol | None = None,
        *,
        max_question_chars: int = 2000,
        search_k: int = 8,
        rules: RouterRules | None = None,
        min_closeness: float | None = None,
        out_of_scope_margin: float | None = None,
    ) -> None:
        self.index = index
        self.rules = rules or router_rules()
        self.extractive = ExtractiveBackend(self.rules)
        self.backend: AnswerBackendProtocol = backend or self.extractive
        self.max_question_chars = max_question_chars
        self.retriever_k = search_k
        self.grounding = GroundingChecker(self.rules)
        self.scope = MeaningScope(index, self.rules, min_closeness, out_of_scope_margin)
        self._vocabulary: Vocabulary | None = None

    @classmethod
    def from_settings(cls, settings: Settings, index: CardSource) -> Assistant:
        backend: AnswerBackendProtocol | None = None
        if settings.answer_backend is not AnswerBackend.EXTRACTIVE:
            from actiewijzer.assistant.llm import LLMBackend, build_llm

            backend = LLMBackend(build_llm(settings), name=settings.answer_backend.value)
        return cls(
            index,
            backend,
            max_question_chars=settings.max_question_chars,
            search_k=settings.search_k,
            min_closeness=settings.min_question_closeness,
            out_of_scope_margin=settings.out_of_scope_margin,
        )

    @property
    def vocabulary(self) -> Vocabulary:
        """Rebuilt when an upload or removal changed the cards, so new words are in scope."""
        cards = self.index.cards()
        if self._vocabulary is None or self._vocabulary.fingerprint != corpus_fingerprint(cards):
            self._vocabulary = Vocabulary(cards)
        return self._vocabulary

    def warm_up(self, progress: bool = False) -> None:
        """Do now what the first questions would otherwise wait for: the vocabulary, and the
        embeddings of every card line (minutes on a first start, a cache read after that)."""
        cards = self.index.cards()
        _ = self.vocabulary
        self.index.remember_passages(
            [line for card in cards for line in card_lines(card)], progress
        )
        self.scope.warm_up()

    @cached_property
    def retriever(self) -> CardRetriever:
        return CardRetriever(self.index, self.retriever_k)

    def ask(
        self,
        question: str,
        history: Sequence[ChatTurn] = (),
        filters: SearchFilters | None = None,
    ) -> Answer:
        answer = None
        for event in self.stream(question, history, filters):
            if isinstance(event, AnswerDoneEvent):
                answer = event.answer
        assert answer is not None  # stream always ends with the answer
        return answer

    def stream(
        self,
        question: str,
        history: Sequence[ChatTurn] = (),
        filters: SearchFilters | None = None,
    ) -> Iterator[AnswerEvent]:
        started = time.perf_counter()
        question = self.validate(question)
        parts = self.rules.question_parts(question)
        # "welke acties eindigen in 2023, en welke status hebben ze?": the list shows each
        # status, so it is one question.
        lists_by_date = date_filter(question) is not None
        if len(parts) > 1 and not self.rules.adversarial_in(question) and not lists_by_date:
            yield from self._stream_parts(question, parts, history, filters, started)
            return
        prepared = self._prepare(question, history, filters)
        if history and not prepared.task.plan.is_follow_up and self._refuses(prepared):
            # "hoeveel korting geven die hotels dan?": read alone it finds nothing; read as a
            # follow-up on the earlier turns it may. An instruction refused stays refused.
            again = self._prepare(question, history, filters, as_follow_up=True)
            if not self._refuses(again):
                prepared = again
        task, refusal = prepared.task, prepared.refusal
        plan = task.plan
        if refusal is not None:
            yield TokenEvent(text=refusal.text)
            finished = self._finish(plan, refusal, GroundingCheck(grounded=True), "rules", started)
            yield AnswerDoneEvent(answer=finished)
            return
        backend = self.backend if task.retrieved.answerable else self.extractive
        draft = Draft(text="")
        written = (
            self.extractive.write(task, prepared.extractive_draft)
            if backend is self.extractive
            else backend.write(task)
        )
        for item in written:
            if isinstance(item, Draft):
                draft = item
            else:
                yield TokenEvent(text=item)
        # The vocabulary this question was read with: its cards are the ones the answer quotes.
        known_ids = task.vocabulary.card_ids if task.vocabulary else ()
        checked, grounding = self.grounding.check(draft, task.retrieved, known_ids)
        name = backend.name
        if backend is not self.extractive and needs_fallback(checked, grounding):
            checked, fallback_check = self.grounding.check(
                self.extractive.compose(task), task.retrieved, known_ids
            )
            grounding = grounding.model_copy(
                update={
                    "fell_back_to_extractive": True,
                    "checked": grounding.checked + fallback_check.checked,
                }
            )
            name = f"{backend.name}+{self.extractive.name}"
        yield AnswerDoneEvent(answer=self._finish(plan, checked, grounding, name, started))

    def _prepare(
        self,
        question: str,
        history: Sequence[ChatTurn],
        filters: SearchFilters | None,
        as_follow_up: bool = False,
    ) -> _Prepared:
        """The question understood, checked against the corpus, and its cards retrieved; or the
        rules' refusal of it."""
        rewritten = rewrite(question, history, self.rules, force=as_follow_up)
        plan = plan_question(rewritten, question, self.rules)
        vocabulary = self.vocabulary  # checked against the corpus once per question
        plan.topic_words = vocabulary.complete_ellipses(plan.question, plan.topic_words)
        respell(plan, vocabulary.typos(plan.text, self.rules.stopword_set))
        plan.unknown_words = [w for w in plan.focus_words if not vocabulary.knows(w)]
        add_leads(plan, vocabulary, self.rules.unknown_subject_max_zipf)
        # A follow-up is checked on its own words: the earlier turn's were checked with it.
        own_words = (
            strip_instructions(plan.question, self.rules)[0] if plan.is_follow_up else plan.text
        )
        found = unknown_subjects(own_words, self.rules, vocabulary)
        # A thing only the story names is left aside, unless no card covers the question.
        asking = question_alone(own_words, self.rules, vocabulary) if found else ""
        plan.unknown_subjects = [] if asking else found
        if plan.answer_type == "price" and plan.topic_words and not plan.unknown_words:
            # The price of "een gratis energiescan" is printed next to its rarest word.
            plan.focus_words = [max(plan.topic_words, key=vocabulary.weight)]
        task = AnswerTask(
            plan=plan,
            retrieved=Retrieved(),
            history=history,
            source=self.index,
            vocabulary=vocabulary,
        )
        if (refusal := self._refusal(plan, vocabulary)) is not None:
            return _Prepared(task, refusal)
        retrieved = self.retriever.retrieve(plan, filters)
        if asking and not covers_question(retrieved, plan, asking, self.rules, vocabulary):
            plan.unknown_subjects = found
        if not covers_subject(retrieved, plan, self.rules, vocabulary):
            retrieved = Retrieved(nearest=retrieved.cards[:2], missing_words=plan.unknown_subjects)
        return _Prepared(replace(task, retrieved=retrieved))

    def _refuses(self, prepared: _Prepared) -> bool:
        """Whether the grounded answer to this reading declines; an instruction or a privacy
        question is declined whatever it follows."""
        if prepared.refusal is not None:
            return prepared.task.plan.kind is QuestionKind.OUT_OF_SCOPE
        prepared.extractive_draft = self.extractive.compose(prepared.task)
        return prepared.extractive_draft.refused

    def _stream_parts(
        self,
        question: str,
        parts: list[str],
        history: Sequence[ChatTurn],
        filters: SearchFilters | None,
        started: float,
    ) -> Iterator[AnswerEvent]:
        """ "Wat doet Vlaanderen, en wat doet Lier zelf?": each part is answered on its own, the
        second as a follow-up on the first, so it keeps the first part's subject."""
        answers: list[Answer] = []
        turns = list(history)
        part_filters = self._part_filters(question, parts, history, filters)
        for number, part in enumerate(parts):
            if number and self._leans_on_refusal(parts[number - 1], answers[-1], part, turns):
                break
            if number:
                yield TokenEvent(text="\n\n")
            for event in self.stream(part.strip(" ,"), turns, part_filters[number]):
                if isinstance(event, AnswerDoneEvent):
                    answers.append(event.answer)
                else:
                    yield event
            turns += [
                ChatTurn(role="user", content=part),
                ChatTurn(role="assistant", content=answers[-1].answer),
            ]
        yield AnswerDoneEvent(answer=merge_answers(question, answers, started))

    def _part_filters(
        self,
        question: str,
        parts: list[str],
        history: Sequence[ChatTurn],
        filters: SearchFilters | None,
    ) -> list[SearchFilters | None]:
        """ "Loopt actie 01/11/SAP/01/02 nog? En wat kwam er in de plaats, volgens de evaluatie
        van 2024?": the one document the whole question names is the one each part asks about,
        also a part that, read alone, would fit several documents."""
        if filters and filters.doc:
            return [filters] * len(parts)
        whole_plan = plan_question(rewrite(question, history, self.rules), question, self.rules)
        if whole_plan.kind is QuestionKind.COMPARE:
            return [filters] * len(parts)  # a comparison's parts name a report each
        whole = reports_named(question, self.index.documents(), self.rules)
        if len(whole) != 1:
            return [filters] * len(parts)
        narrowed = (filters or SearchFilters()).model_copy(update={"doc": whole[0]})
        # A part with a year of its own ("in 2020") may point at another report than the rest,
        # as may one naming the place of another ("…, en wat doet Aalst zelf?" after the VAPA).
        return [filters if self._names_own_report(part, whole[0]) else narrowed for part in parts]

    def _names_own_report(self, part: str, whole: str) -> bool:
        if compared_years(part):
            return True
        if not self.rules.places_in(part):
            return False
        own = reports_named(part, self.index.documents(), self.rules)
        return bool(own) and whole not in own

    def _leans_on_refusal(
        self, earlier: str, earlier_answer: Answer, part: str, turns: list[ChatTurn]
    ) -> bool:
        """ "Wat houdt actie 01/11/SAP/02/05 van Aalst in, en wie trekt ze?": the second part
        asks about a card the documents do not have; answered on its own it would describe the
        nearest card as if it were the one asked. An earlier part about no number may have been
        refused for a reason the next part does not share (a year), so that one is still
        answered; a thing no card names ("de afkorting BEO") is shared by "en wat betekent die?"."""
        if not earlier_answer.refused:
            return False
        # "Hoeveel projecten in 2018, en voor welk bedrag?": the amount is the 2018 one too, so
        # the second part lacks the year the first lacked.
        asks_figure = self.rules.answer_type(part) in _FIGURE_TYPES
        if asks_figure and compared_years(earlier) and not compared_years(part):
            return rewrite(part, turns, self.rules).is_follow_up
        off_topic = earlier_answer.kind in (QuestionKind.OUT_OF_SCOPE, QuestionKind.ADVERSARIAL)
        unknown_thing = bool(unknown_subjects(earlier, self.rules, self.vocabulary))
        # "Hoeveel kinderen namen deel aan het pilootproject, en wie voerde dat pilootproject
        # uit?": the thing the documents have no figure of is the one the next part asks about.
        pointed_at = {w for w in POINTED_AT.findall(fold(part)) if len(w) >= _MIN_THING_CHARS}
        same_thing = bool(pointed_at & set(words(earlier)))
        # "... specifiek voor Duffel, en wie is daar de contactpersoon?": the place no document
        # is about is the one the next part asks about.
        docs = self.index.documents()
        elsewhere = bool(foreign_places(self.rules.places_in(earlier), docs))
        leaning = off_topic or unknown_thing or same_thing or elsewhere
        if not (leaning or self.rules.ids_in(earlier)):
            return False
        return rewrite(part, turns, self.rules).is_follow_up

    def validate(self, question: str) -> str:
        stripped = question.strip() if isinstance(question, str) else ""
        if not stripped:
            raise InvalidQuestionError.empty()
        if len(stripped) > self.max_question_chars:
            raise InvalidQuestionError.too_long(len(stripped), self.max_question_chars)
        return stripped

    def _refusal(self, plan: QuestionPlan, vocabulary: Vocabulary) -> Draft | None:
        """Instructions with no real question, or a question about something else entirely."""
        if any(pattern.search(plan.question) for pattern in self.rules.privacy):
            plan.kind = QuestionKind.ADVERSARIAL
            return Draft(text=phrases().say("refusal_privacy"), refused=True)
        if plan.had_instructions and (
            not self.rules.asks_something(plan.text)
            or not self.rules.names_a_subject(plan.text)
            or not in_scope(plan.text, self.rules, vocabulary)
        ):
            plan.kind = QuestionKind.ADVERSARIAL
            return Draft(text=phrases().say("refusal_adversarial"), refused=True)
        # "..., en wie wordt volgens de peilingen de volgende premier?": a follow-up leans on
        # the earlier turn's subject, unless it names a subject the plans never cover.
        if plan.is_follow_up:
            off_topic = self._names_off_topic(plan)
        else:
            far = self.scope.far_from_every_card
            off_topic = not in_scope(plan.text, self.rules, vocabulary) or far(plan)
        if off_topic:
            plan.kind = QuestionKind.OUT_OF_SCOPE
            return Draft(text=phrases().say("refusal_out_of_scope"), refused=True)
        return None

    def _names_off_topic(self, plan: QuestionPlan) -> bool:
        own_words = fold(strip_instructions(plan.question, self.rules)[0])
        return any(pattern.search(own_words) for pattern in self.rules.out_of_scope)

    @staticmethod
    def _finish(
        plan: QuestionPlan, draft: Draft, grounding: GroundingCheck, backend: str, started: float
    ) -> Answer:
        return Answer(
            question=plan.question,
            answer=draft.text,
            refused=draft.refused,
            citations=draft.citations,
            grounding=grounding,
            backend=backend,
            latency_ms=round((time.perf_counter() - started) * 1000, 1),
            kind=QuestionKind.UNANSWERABLE
            if draft.refused and plan.kind not in _REFUSAL_KINDS
            else plan.kind,
        )


__all__ = ["AnswerDoneEvent", "AnswerEvent", "Assistant", "Retrieved", "TokenEvent"]
