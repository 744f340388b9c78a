"""Is a question about these documents at all? Domain words, or words the cards use."""

from __future__ import annotations

from actiewijzer.assistant.rules import RouterRules
from actiewijzer.assistant.sources import CardSource
from actiewijzer.assistant.text import content_words, fold, stem, words


class Vocabulary:
    """The stems of every card title and text, built once per index."""

    def __init__(self, source: CardSource) -> None:
        self.stems: set[str] = set()
        self.words: set[str] = set()
        for card in source.cards():
            found = words(f"{card.title} {card.text}")
            self.words.update(found)
            self.stems.update(stem(w) for w in found if len(w) >= 3)

    def coverage(self, question_words: list[str]) -> float:
        if not question_words:
            return 0.0
        known = sum(stem(w) in self.stems or w in self.words for w in question_words)
        return known / len(question_words)


def in_scope(text: str, rules: RouterRules, vocabulary: Vocabulary) -> bool:
    if any(pattern.search(text) for pattern in rules.out_of_scope):
        return False
    if rules.ids_in(text) or rules.domain.matches(text):
        return True
    content = content_words(fold(text), rules.stopword_set)
    return vocabulary.coverage(content) >= rules.min_vocabulary_coverage
