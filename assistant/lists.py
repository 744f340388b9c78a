"""Lists of cards: the ones on a topic, or in a status, each with its number and document."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from actiewijzer.assistant.answer_check import has_status
from actiewijzer.assistant.backends import AnswerTask
from actiewijzer.assistant.card_lines import card_lines
from actiewijzer.assistant.citations import card_ref, citation_for
from actiewijzer.assistant.meaning import LineCloseness
from actiewijzer.assistant.models import Citation
from actiewijzer.assistant.ranking import best_lines, points_back
from actiewijzer.assistant.resources import Phrases
from actiewijzer.assistant.router import QuestionPlan
from actiewijzer.assistant.rules import RouterRules
from actiewijzer.assistant.text import (
    fold,
    place_forms,
    prints_phrase,
    topic_phrase,
    truncate,
    words,
)
from actiewijzer.ingest.models import Card

MAX_LIST = 12  # each card listed says what it does, also when more were found
MAX_TWO_LINES = 6  # a list this short shows two lines per card
MAX_JOINED_WORDS = 3  # more loose topic words than this, joined by "en", name no topic
_SPACED = re.compile(r"\s+")


def _describing(card: Card) -> Callable[[str], bool]:
    """Whether a line belongs to the card's description, not to a field row such as
    "Trekkersrol"."""
    prose = " ".join(filter(None, (card.fields.description, card.fields.korte_inhoud)))
    folded = _SPACED.sub(" ", fold(prose))
    return lambda line: _SPACED.sub(" ", fold(line)).rstrip(" .…") in folded


class ListWriter:
    def __init__(self, rules: RouterRules, say: Phrases) -> None:
        self.rules = rules
        self.phrases = say

    def status_list(self, task: AnswerTask, lines: list[str], citations: list[Citation]) -> None:
        cards = task.retrieved.cards
        key = "status_intro_one" if len(cards) == 1 else "status_intro"
        if not any(has_status(f.card, task.plan.status_matches) for f in cards):
            key = "status_none_on_topic"  # the topic's actions, none with the asked status
        lines.append(self.phrases.say(key, status_word=task.plan.status_word))
        for found in cards[:MAX_LIST]:
            status = found.card.fields.status or ""
            lines.append(self.phrases.say("status_line", ref=card_ref(found), status=status))
            citations.append(citation_for(found, [status]))
        if len(cards) > MAX_LIST:
            lines.append(self.phrases.say("topic_more"))

    def date_list(self, task: AnswerTask, lines: list[str], citations: list[Citation]) -> None:
        """The cards whose start or end date meets the question's condition, each with its status."""
        cards, condition = task.retrieved.cards, task.plan.date_filter
        # "end_date_…" or "start_date_…": the templates of the date the list goes by.
        which = f"{condition.field if condition else 'end'}_date"
        if not task.retrieved.dates_kept:
            lines.append(self.phrases.say(f"{which}_not_kept"))
            return
        if not cards or condition is None:
            lines.append(self.phrases.say(f"{which}_none"))
            return
        if condition.on_day is not None:
            lines.append(self.phrases.say(f"{which}_intro_on", day=f"{condition.on_day:%d-%m-%Y}"))
        else:
            lines.append(self.phrases.say(f"{which}_intro"))
        for found in cards[:MAX_LIST]:
            fields = found.card.fields
            start_date, end_date = fields.start_date or "", fields.end_date or ""
            status = fields.status or ""
            key = f"{which}_line" if status else f"{which}_line_no_status"
            dates = {"start_date": start_date, "end_date": end_date, "status": status}
            lines.append(self.phrases.say(key, ref=card_ref(found), **dates))
            citations.append(citation_for(found, [q for q in dates.values() if q]))
        if len(cards) > MAX_LIST:
            lines.append(self.phrases.say("topic_more"))

    def _details(
        self,
        card: Card,
        plan: QuestionPlan,
        places: list[str],
        limit: int,
        closeness: LineCloseness | None = None,
    ) -> list[str]:
        """What the card does there: its best line on the topic, else the first line of its
        description (a title naming the topic leaves the text free to name the how). Room for
        a second line gives the description's line before it, or after the first: the context
        that often names the project ("Binnen het project I2I …")."""
        if not limit:
            return []
        title = set(words(card.title))
        fresh = [text for text in card_lines(card) if not set(words(text)) <= title]
        describes = _describing(card)
        described = [text for text in fresh if describes(text)]
        best = best_lines(
            card, plan, self.rules.stopword_set, 1, ignored=places, closeness=closeness
        )
        shown = [b.text for b in best if b.text in fresh]
        if not shown:
            shown = described[:1]
        if shown and limit > 1 and shown[0] in described:
            at = described.index(shown[0])
            shown = described[at - 1 : at + 1] if at else described[:2]
        elif shown and limit > 1 and described:
            # A field row names the topic ("Samenwerking met: Steunpunt Welzijn vzw"): the
            # description says what the action does.
            shown = [described[0], *shown]
        return [truncate(text, 240) for text in shown[:limit]]

    def topic_list(self, task: AnswerTask, lines: list[str], citations: list[Citation]) -> None:
        cards = task.retrieved.cards
        words = task.retrieved.topic_words or task.plan.topic_words
        topic = topic_phrase(task.plan.question, words)
        under = task.retrieved.under
        # Only a list narrowed under a number keeps its own words ("gaan over Arktos"), when
        # the question gives them as one phrase.
        narrowing = task.retrieved.topic_words if under else []
        narrowed = readable_topic(task.plan.question, narrowing, max_loose_words=1)
        if narrowed:  # "in welke acties van 01/11 werkt Lier samen met Arktos?"
            named = ", ".join(card_ref(found) for found in under)
            lines.append(self.phrases.say("topic_intro_under_on", ref=named, topic=narrowed))
        elif under:  # "alle acties onder het grondrecht Voeding"
            named = ", ".join(card_ref(found) for found in under)
            lines.append(self.phrases.say("topic_intro_under", ref=named))
        elif task.plan.named_ids and not topic:  # "welke acties horen bij Doelstelling 14.3?"
            named = ", ".join(task.plan.named_ids)
            lines.append(self.phrases.say("topic_intro_under", ref=named))
        elif not readable_topic(task.plan.question, words):
            lines.append(self.phrases.say("topic_intro_question"))
        else:
            lines.append(self.phrases.say("topic_intro", topic=topic))
        per_card = 2 if len(cards) <= MAX_TWO_LINES else 1
        # The town only scopes the list: the line shown must be about the topic.
        places = [form for place in task.plan.places for form in place_forms(fold(place))]
        for found in cards[:MAX_LIST]:
            lines.append(self.phrases.say("topic_line", ref=card_ref(found)))
            quotes = [found.card.title]
            details = self._details(found.card, task.plan, places, per_card, task.line_closeness)
            if naming := _printing(found.card, task.retrieved.names):
                # "samen met vzw Mondiale Werken": the line that names the partner says how.
                rest = [d for d in details if d not in naming]
                details = [*naming, *rest][: max(per_card, len(naming))]
            for detail in details:
                lines.append(self.phrases.say("topic_detail", text=detail))
                quotes.append(detail)
            citations.append(citation_for(found, quotes))
        if len(cards) > MAX_LIST:
            lines.append(self.phrases.say("topic_more"))


def _printing(card: Card, names: Sequence[str]) -> list[str]:
    """The card's first line that prints one of the names, cut to a list line's length; with
    the line before it when it points back ("Hiertoe is een samenwerkingsverband opgezet met
    vzw Mondiale Werken" says what for in the line before)."""
    lines = card_lines(card)
    for at, text in enumerate(lines):
        if any(prints_phrase(text, name) for name in names):
            shown = [lines[at - 1], text] if at and points_back(text) else [text]
            return [truncate(line, 240) for line in shown]
    return []


def readable_topic(question: str, words: list[str], max_loose_words: int = MAX_JOINED_WORDS) -> str:
    """The topic as the question words it; "" when there is none, or when it would only string
    loose words together ("cultuurparticipatie en vapa en vanaf en oorspronkelijke en ...")."""
    topic = topic_phrase(question, words) if words else ""
    if topic == " en ".join(words) and len(words) > max_loose_words:
        return ""
    return topic
