"""Dutch text to search terms: folding, stemming, compound splitting and typo correction.

Dutch glues words together ("kinderarmoede", "woonatelier") where a question may write them apart
("armoede bij kinderen"), and people misspell ("huurkontrakt"). Both sides therefore index the
stem of each word plus the stems of its compound parts, and the query side also maps unknown
words to the nearest corpus word. The parts come from the corpus' own vocabulary, so the splitter
needs no dictionary and adapts to user documents.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import lru_cache

import simplemma
import Stemmer
import stopwordsiso
from bm25s.stopwords import STOPWORDS_DUTCH
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA, Levenshtein
from wordfreq import zipf_frequency

_WORD = re.compile(r"[a-z]+|[0-9]+")
# "dak- en thuisloosheid", "kinder- of jeugdwerk": the first word borrows the second one's tail.
_ELLIPSIS = re.compile(r"\b([a-z]{2,})- (?:en|of|tot|and) ([a-z]{6,})\b")
# Words that carry no topic in questions about plans, on top of the usual function words.
_QUESTION_WORDS = frozenset(
    [
        "welke",
        "welk",
        "wanneer",
        "waarom",
        "hoeveel",
        "wie",
        "waar",
        "hoe",
        "wat",
        "zijn",
        "is",
        "er",
        "bestaat",
        "bestaan",
        "gebeurt",
        "gebeurde",
        "staat",
        "stond",
        "graag",
        "kunt",
        "kun",
        "zeg",
        "geef",
        "toon",
        "noem",
        "alle",
    ]
)
STOPWORDS = frozenset(STOPWORDS_DUTCH) | _QUESTION_WORDS

# Interfixes Dutch puts between compound parts: stad+s+bestuur, kind+er+opvang, boek+en+kast.
_LINKS = ("", "s", "e", "en", "er")
MIN_PART = 4
MIN_COMPOUND = 8
# A typo correction must be this similar (rapidfuzz ratio, 0-100) to the corpus word.
FUZZY_CUTOFF = 82.0
MIN_FUZZY_LEN = 5
MAX_TYPO_EDITS = 2
LONG_WORD = 12  # a word this long may hold one slip more
MIN_DUTCH_ZIPF = 2.0  # about once per 10 million words


def fold(text: str) -> str:
    """Lower-case and strip accents so 'financiële' and 'financiele' meet."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


class DutchStemmer:
    def __init__(self) -> None:
        self._stemmer = Stemmer.Stemmer("dutch")

    @lru_cache(maxsize=65536)  # noqa: B019 - one stemmer per index, lives as long as it
    def stem(self, word: str) -> str:
        return word if word.isdigit() else self._stemmer.stemWord(word)


def head_and_rest(word: str) -> Iterator[tuple[str, str]]:
    """Every cut of a word into a head and the rest after an interfix, both at least MIN_PART
    long: "doktersrekeningen" -> ..., ("dokter", "rekeningen"), ("dokters", "rekeningen"), ..."""
    for cut in range(MIN_PART, len(word) - MIN_PART + 1):
        head, rest = word[:cut], word[cut:]
        for link in _LINKS:
            if rest.startswith(link) and len(rest) - len(link) >= MIN_PART:
                yield head, rest[len(link) :]


class Decompounder:
    """Split a long word into known corpus words: 'kinderarmoede' -> ['kinder', 'armoede']."""

    def __init__(self, vocabulary: Iterable[str]) -> None:
        self._known = frozenset(w for w in vocabulary if len(w) >= MIN_PART and w.isalpha())

    def is_known(self, word: str) -> bool:
        return word in self._known

    def split(self, word: str) -> list[str]:
        """Best split into two or more parts, also for words the corpus uses whole."""
        if len(word) < MIN_COMPOUND or not word.isalpha():
            return []
        best = min(self._two_or_more(word), key=_cost, default=None)
        return list(best) if best else []

    def _two_or_more(self, word: str) -> list[tuple[str, ...]]:
        splits: list[tuple[str, ...]] = []
        for head, rest in head_and_rest(word):
            if head in self._known and (tail := self._segment(rest)) is not None:
                splits.append((head, *tail))
        return splits

    @lru_cache(maxsize=65536)  # noqa: B019 - one decompounder per index, lives as long as it
    def _segment(self, word: str) -> tuple[str, ...] | None:
        """Fewest known parts covering `word` (the word itself when known), or None."""
        if word in self._known:
            return (word,)
        return min(self._two_or_more(word), key=_cost, default=None)


def _cost(parts: tuple[str, ...]) -> tuple[int, int]:
    # Fewer parts first; then the longest shortest part, which avoids spurious short splits.
    return (len(parts), -min(map(len, parts)))


def is_typo_of(word: str, meant: str) -> bool:
    """Few enough edits to be a slip of the keyboard: "huurkontrakt" of "huurcontract" (2), but
    not "menstruatiearmoede" of "generatiearmoede" (4), another word with the same tail."""
    allowed = MAX_TYPO_EDITS + (len(word) >= LONG_WORD)
    return Levenshtein.distance(word, meant, score_cutoff=allowed) <= allowed


def dutch_zipf(word: str) -> float:
    """How common a word is in everyday Dutch, on wordfreq's Zipf scale (0: never seen,
    3: once per million words, 6: once per thousand)."""
    return float(zipf_frequency(word, "nl"))


_MIN_MISSPELT = 5  # "eigelijk" of "eigenlijk"; shorter function words have too many neighbours


@lru_cache(maxsize=4096)
def misspells_function_word(word: str) -> bool:
    """ "eigelijk", "misschein": one slip (a letter left out, swapped, changed or added) from an
    adverb or pronoun, and no such word itself; a typo, not a thing the question names ("syrie"
    is one slip from "serie", a noun)."""
    return (
        len(word) >= _MIN_MISSPELT
        and not is_function_word(word)
        and any(OSA.distance(word, other, score_cutoff=1) <= 1 for other in _LONG_FUNCTION_WORDS)
    )


# Adverbs, pronouns and auxiliaries ("nergens", "ooit", "precies", "mocht"): the broader list
# names no subject, though a card may happen to use the word.
_FUNCTION_WORDS = frozenset(stopwordsiso.stopwords("nl"))
_LONG_FUNCTION_WORDS = [w for w in _FUNCTION_WORDS if len(w) >= _MIN_MISSPELT]


def is_function_word(word: str) -> bool:
    return word in _FUNCTION_WORDS


def is_dutch_word(word: str) -> bool:
    """Common enough in Dutch to be a word, not a typo: "schepen" is, "huurkontrakt" is not,
    though both are one edit away from a word in the documents."""
    return dutch_zipf(word) >= MIN_DUTCH_ZIPF


# Asked of every topic word in several checks per question; a lemma lookup costs ~0.2 ms.
@lru_cache(maxsize=65536)
def is_verb_form(word: str) -> bool:
    """A conjugated verb or participle ("sprak", "steunt", "gelanceerd"): its lemma is an
    infinitive it does not merely extend, as a plural ("woonwagens") extends its noun."""
    lemma = simplemma.lemmatize(word, lang="nl")
    # "geweest" (zijn), "gegaan" (gaan): the few infinitives that do not end in "-en".
    infinitive = lemma.endswith(("en", "aan", "zijn"))
    return lemma != word and infinitive and not word.startswith(lemma)


class SpellingCorrector:
    """Map a word the corpus never uses to the closest word it does use."""

    def __init__(self, vocabulary: Counter[str]) -> None:
        self._counts = vocabulary
        self._choices = [w for w in vocabulary if len(w) >= MIN_FUZZY_LEN - 1 and w.isalpha()]

    def correct(self, word: str, limit: int = 1) -> list[str]:
        if len(word) < MIN_FUZZY_LEN or not word.isalpha() or not self._choices:
            return []
        matches = process.extract(
            word, self._choices, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=limit + 3
        )
        if is_dutch_word(word):
            # A real word the documents never use is no typo ("schepen" is not "scherpen"),
            # but it may be another form of one they do use ("gamen" of "game").
            matches = [m for m in matches if _same_stem_start(word, m[0])]
        matches = [m for m in matches if is_typo_of(word, m[0])]
        # Equal similarity: prefer the word the corpus uses more (a real word, not a PDF break).
        ranked = sorted(matches, key=lambda m: (-m[1], -self._counts[m[0]]))
        return [m[0] for m in ranked[:limit]]


def _same_stem_start(word: str, other: str) -> bool:
    shorter, longer = sorted((word, other), key=len)
    return longer.startswith(shorter[:-1])


class Analyzer:
    """Turns card text and questions into the same kind of BM25 terms."""

    def __init__(self, corpus_texts: Iterable[str]) -> None:
        counts: Counter[str] = Counter()
        for text in corpus_texts:
            counts.update(words(text))
        self.vocabulary = counts
        self.stemmer = DutchStemmer()
        # Stems join the known parts: "kinder" (from "kinderen") is the head of "kinderarmoede".
        stems = {self.stemmer.stem(w) for w in counts}
        self.decompounder = Decompounder([*counts, *stems])
        self.corrector = SpellingCorrector(counts)

    def _terms(self, word: str) -> list[str]:
        terms = [self.stemmer.stem(word)]
        terms.extend(self.stemmer.stem(part) for part in self.decompounder.split(word))
        return terms

    def index_terms(self, text: str) -> list[str]:
        terms: list[str] = []
        for word in words(text) + self._completed_ellipses(text):
            if word not in STOPWORDS:
                terms.extend(self._terms(word))
        return terms

    def _completed_ellipses(self, text: str) -> list[str]:
        """'dak- en thuisloosheid' also says 'dakloosheid': the shared tail is the last part."""
        completed: list[str] = []
        for first, second in _ELLIPSIS.findall(fold(text)):
            parts = self.decompounder.split(second)
            if parts:
                completed.append(first + parts[-1])
                continue
            # The tail need not be a word of its own ("thuis|loosheid"): a known head will do.
            for cut in range(MIN_PART, len(second) - 3):
                if self.decompounder.is_known(second[:cut]):
                    completed.append(first + second[cut:])
                    break
        return completed

    def query_terms(self, text: str) -> list[str]:
        """Like index_terms, but unknown words also bring their corrected spellings."""
        return list(self._query_terms(text))

    @lru_cache(maxsize=1024)  # noqa: B019 - one analyzer per index, lives as long as it
    def _query_terms(self, text: str) -> tuple[str, ...]:
        terms: list[str] = []
        for word in dict.fromkeys(words(text)):
            if word in STOPWORDS:
                continue
            terms.extend(dict.fromkeys(self._terms(word)))
            if word not in self.vocabulary and not self.decompounder.split(word):
                for fixed in self._corrections(word):
                    terms.extend(t for t in self._terms(fixed) if t not in terms)
        return tuple(terms)

    def _corrections(self, word: str) -> list[str]:
        fixed = self.corrector.correct(word)
        if fixed:
            return fixed
        # A typo inside a compound ('huurkontrakt'): keep the known head and/or tail,
        # and correct the other part when the corpus has something close to it.
        for cut in range(len(word) - MIN_PART + 1, MIN_PART - 1, -1):
            head, tail = word[:cut], word[cut:]
            if self.decompounder.is_known(head):
                return [head, *self.corrector.correct(tail, limit=1)]
        for cut in range(1, len(word) - MIN_PART + 1):
            head, tail = word[:cut], word[cut:]
            if self.decompounder.is_known(tail):
                return [*self.corrector.correct(head, limit=1), tail]
        return []
