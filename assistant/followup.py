"""Follow-up questions ("en in 2020?", "in welke wijk begint dat?") made whole from the history."""

from __future__ import annotations

import re
from collections.abc import Sequence

from pydantic import BaseModel, Field

from actiewijzer.assistant.models import ChatTurn
from actiewijzer.assistant.rules import RouterRules
from actiewijzer.assistant.text import content_words, fold

_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


class RewrittenQuestion(BaseModel):
    text: str  # what the rest of the assistant answers
    is_follow_up: bool = False
    carried: list[str] = Field(default_factory=list)  # ids and words taken from earlier turns
    context_ids: list[str] = Field(default_factory=list)  # ids the previous answer names
    previous_question: str | None = None
    previous_answer: str = ""  # names the report a follow-up stays in


def is_follow_up(question: str, history: Sequence[ChatTurn], rules: RouterRules) -> bool:
    if not history or rules.ids_in(question):
        return False
    folded = rules.without_acknowledgement(fold(question).strip())
    if any(folded.startswith(opening) for opening in rules.follow_up_openings):
        return True
    if rules.points_back(folded):
        return True
    # Words that only name a place or a list ("Aalst", "acties") are not a subject of their own.
    content = content_words(question, rules.stopword_set | rules.topic_noise_set)
    pointer = rules.pointers.matches(folded)
    if rules.kinds["topic"].matches(folded) and content and not pointer:
        return False  # "welke acties gaan over X?" names its own subject
    if len(content) <= rules.follow_up_max_content_words:
        return True
    # "in welke wijk begint dat?": a pointer word standing where the subject should be.
    return pointer and len(content) <= rules.follow_up_max_content_words + 2


def rewrite(
    question: str, history: Sequence[ChatTurn], rules: RouterRules, force: bool = False
) -> RewrittenQuestion:
    """Carry the action number, document and topic of the earlier turns into this question.

    The earlier user question gives the subject; when it named no number, the assistant's
    previous answer does (it always names the cards it cited). `force` reads it as a follow-up
    whatever its words: the caller found nothing for it read alone."""
    if not history or not (force or is_follow_up(question, history, rules)):
        return RewrittenQuestion(text=question)
    earlier_user = [turn.content for turn in history if turn.role == "user"]
    earlier_answers = [turn.content for turn in history if turn.role == "assistant"]
    previous = earlier_user[-1] if earlier_user else ""
    carried: list[str] = list(dict.fromkeys(rules.ids_in(previous)))
    # The previous answer names the card "dat" points at, or a broader one around it
    # ("Doelstelling 11.1"): a hint for retrieval, not a number the user asked for.
    context_ids = rules.ids_in(earlier_answers[-1])[:2] if earlier_answers and not carried else []
    subject = previous
    if _YEAR.search(question):
        subject = _YEAR.sub("", subject)  # the new year replaces the old one
    for card_id in carried:
        if card_id not in subject:
            subject = f"{subject} {card_id}"
    text = f"{question.strip()} ({' '.join(subject.split())})" if subject.strip() else question
    return RewrittenQuestion(
        text=text,
        is_follow_up=True,
        carried=carried,
        context_ids=context_ids,
        previous_question=previous or None,
        previous_answer=earlier_answers[-1] if earlier_answers else "",
    )
