"""A question's words made to meet the cards': typos respelled, compounds led by a card word."""

from __future__ import annotations

import re

from actiewijzer.assistant.router import QuestionPlan
from actiewijzer.assistant.scope import Vocabulary


def respell(plan: QuestionPlan, typos: dict[str, str]) -> None:
    """Typos replaced by the document words they stand for; the question itself stays as asked."""
    for typo, meant in typos.items():
        plan.text = re.sub(rf"(?<!\w){re.escape(typo)}(?!\w)", meant, plan.text, flags=re.I)
    plan.topic_words = [typos.get(w, w) for w in plan.topic_words]
    plan.focus_words = [typos.get(w, w) for w in plan.focus_words]


def add_leads(plan: QuestionPlan, vocabulary: Vocabulary, max_zipf: float) -> None:
    """ "met Kerstmis": the cards say "kerst" ("kerstfeest"), so that word is looked for too."""
    for word in list(plan.topic_words):
        if vocabulary.knows(word):
            continue
        if (lead := vocabulary.card_word_leading(word, max_zipf)) and lead not in plan.topic_words:
            plan.topic_words.append(lead)
