"""Small text helpers: accent folding, content words, sentences, figures and their normal form."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import cache
from itertools import pairwise

import Stemmer

from actiewijzer.index.text_analysis import is_dutch_word

_WORD = re.compile(r"[0-9a-zà-ÿ][0-9a-zà-ÿ'’-]*", re.IGNORECASE)
# PDF text breaks sentences over lines; a blank line or a bullet ends a block.
_BLOCK_BREAK = re.compile(r"\n\s*\n|\n\s*(?=[●•▪■o]\s)|\n\s*(?=- )|\n\s*(?=\uf0b7)")
# A line ending on a word and the next starting a capitalised word: maybe a paragraph end.
_PARAGRAPH_WITHOUT_STOP = re.compile(r"(?<=[a-zà-ÿ)])[ \t]*\n\s*(?=[A-ZÀ-Ý][a-zà-ÿ])")
_SOFT_BREAK = " \x00"
_LONG_SENTENCE = 400
# Not after an abbreviation: "art. 60", "bv. de stad", "5/06 tem. 9/06", "GO! BS De Nieuwe
# Arend", nor after letters with points ("o.a.", "i.s.m.", "t.e.m. 2020", "i.v.m. 2019").
_ABBREVIATIONS = (
    "GO!", "art.", "bv.", "bijv.", "vb.", "nl.", "resp.", "fin.", "nr.", "gem.", "tem.", "incl.",
    "excl.", "ca.", "max.", "min.", "dhr.", "mevr.", "tel.", "blz.", "ong.", "cfr.",
)  # fmt: skip
_SENTENCE_END = re.compile(
    r"(?<=[.!?;])"
    + "".join(rf"(?<!\b(?i:{re.escape(abbreviation)}))" for abbreviation in _ABBREVIATIONS)
    + r"(?<!\b[a-z]\.[a-z]\.)(?<!\b[a-z]\.[a-z]\.[a-z]\.)\s+(?=[A-ZÀ-Ý0-9„\"(])"
)
# "dat actieplan", "datzelfde pilootproject": a thing the conversation already named.
POINTED_AT = re.compile(r"\b(?:dat|dit|die|deze|datzelfde|ditzelfde|diezelfde|dezelfde)\s+([\w-]+)")
_MAX_PHRASE_WORDS = 6
# Where a listing sentence starts its next item: "opleidingen/ Uitbestedingen", "/In het kader",
# "Werkloosheidsval; Generatiearmoede" (a slash inside a web address has no space beside it).
_ITEM_BREAK = re.compile(r"(?:\s+/\s*|\s*/\s+)(?=[A-ZÀ-Ý])|;\s+")
_MAX_INTRO_CHARS = 160
_ITEM_EDGE = re.compile(r"^[\s/;]+|[\s/;]+$")
# "dak- en thuisloosheid": the first word borrows the tail of the second ("dakloosheid").
ELLIPSIS = re.compile(r"\b([a-z]{2,})- (?:en|of|tot) ([a-z]{5,})\b")
_BULLETS = re.compile(r"^[\s●•▪■\uf0b7\-–]+")
_BULLET_START = re.compile(r"[●•▪■\uf0b7o-]\s")  # a block that is an item of a list

# A separator between digit groups, but not after decimals: "0,96 916" are two table cells.
_THOUSANDS = re.compile(r"(?<=\d)(?<!,\d)(?<!,\d\d)[.\s\u00a0\u202f](?=\d{3}(?!\d))")
_CURRENCY = re.compile(r"\s*(?:€|\beuro\b|\beur\b)\s*", re.IGNORECASE)
_SPACES = re.compile(r"\s+")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'"})

# What an answer must never invent: amounts, percentages, dates, years and counts.
FIGURE = re.compile(
    r"-?\d{1,3}(?:[.\s\u00a0\u202f]\d{3})+(?:,\d+)?(?!\d)"  # 1.174.330,99 / 11 114,35
    r"|-?\d+,\d+"  # 35,95
    r"|\b\d{1,2}[/-]\d{1,2}[/-]\d{2,4}\b"  # 31/12/2025, 01-01-2020
    r"|\b\d+(?:\s?%)"  # 80 %
    r"|(?<![\w/.-])\d+(?![\w/.-]*\d)"  # 2020, 19, 5 (not part of an id such as 01/11/SAP/01)
)


def place_forms(folded_place: str) -> list[str]:
    """A town and the adjectives made from it: "lier" -> "lierse", "aalst" -> "aalsterse",
    "mechelen" -> "mechelse". Irregular ones ("brugse") are left out."""
    forms = [folded_place, f"{folded_place}se", f"{folded_place}erse", f"{folded_place}s"]
    if folded_place.endswith("en"):
        forms.append(f"{folded_place[:-2]}se")
    elif folded_place.endswith("e"):
        forms.append(f"{folded_place[:-1]}se")
    return forms


def fold(text: str) -> str:
    """Lowercase without accents: 'Geïnvesteerd' -> 'geinvesteerd'; a typographic apostrophe
    is a plain one, so the documents' "mama’s" is the question's "mama's"."""
    decomposed = unicodedata.normalize("NFKD", text.lower().translate(_APOSTROPHES))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@cache
def _stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("dutch")


def words(text: str) -> list[str]:
    return [match.group(0).strip("'’-") for match in _WORD.finditer(fold(text))]


def prints_phrase(text: str, phrase: str) -> bool:
    """The phrase's words stand in the text in the same order, side by side."""
    wanted = " ".join(words(phrase))
    return bool(wanted) and f" {wanted} " in f" {' '.join(words(text))} "


def written_as_name(phrase: str, texts: Iterable[str]) -> bool:
    """ "Lejo vzw", "trekker: cluster Zorg": words the documents write with a capital (the
    last one) wherever they use them."""
    joined = r"\s+".join(re.escape(w) for w in phrase.split())
    pattern = re.compile(rf"(?<![\w-]){joined}(?![\w-])", re.IGNORECASE)
    seen = [m.group(0).split()[-1] for text in texts for m in pattern.finditer(text)]
    return bool(seen) and all(found[0].isupper() for found in seen)


def written_names(question: str, texts: Sequence[str], stopwords: frozenset[str]) -> list[str]:
    """Word pairs a lowercase question shares with the documents, which write them as a name:
    "bij welke acties staat cluster zorg als trekker?" asks for "cluster Zorg"."""
    pairs = [
        f"{first} {second}"
        for first, second in pairwise(words(question))
        if len(first) >= 3 and len(second) >= 3 and not {first, second} & stopwords
    ]
    # "wijk Mijlbeek": the second word is a name on its own, the first only says what it is;
    # not so "dienst Sport", though the documents write "Sport" only as the service's name.
    return [
        pair
        for pair in dict.fromkeys(pairs)
        if written_as_name(pair, texts) and not name_of_its_own(pair.split()[-1], texts)
    ]


def name_of_its_own(word: str, texts: Sequence[str]) -> bool:
    """ "Lejo", "Mijlbeek": a word Dutch does not know, which the documents always capitalise."""
    return not is_dutch_word(word) and written_as_name(word, texts)


def stem(word: str) -> str:
    # "ideeën", "zeeën" (folded "ideeen"): the plural of a noun in "-ee" the stemmer keeps whole.
    if word.endswith(("eeen", "eeën")):
        word = word[:-2]
    return str(_stemmer().stemWord(word))


def content_words(text: str, stopwords: Iterable[str] = ()) -> list[str]:
    """The words that carry meaning: no stopwords, no bare numbers, at least 3 letters."""
    skip = set(stopwords)
    return [w for w in words(text) if len(w) >= 3 and w not in skip and not w.isdigit()]


def stems(text: str) -> set[str]:
    return {stem(w) for w in words(text) if len(w) >= 3}


def word_in_text(word: str, folded_text: str, text_stems: set[str]) -> bool:
    """A question word is in a card when its stem is, or (long words) inside a compound."""
    return stem(word) in text_stems or (len(word) >= 6 and word in folded_text)


def words_in_text(wanted: Iterable[str], text: str) -> set[str]:
    """The wanted words the text names, folding and stemming it once."""
    folded = fold(text)
    text_stems = stems(folded)
    return {w for w in wanted if word_in_text(w, folded, text_stems)}


def sentences(text: str) -> list[str]:
    """Sentences of a card, with PDF line breaks inside a sentence undone."""
    return [sentence for sentence, _ in marked_sentences(text)]


def marked_sentences(text: str) -> list[tuple[str, bool]]:
    """Sentences, each with whether it opens a bulleted block (an item of a list)."""
    found: list[tuple[str, bool]] = []
    for block in _BLOCK_BREAK.split(text):
        block = _PARAGRAPH_WITHOUT_STOP.sub(_SOFT_BREAK, block)
        item, _, after = block.rpartition(_SOFT_BREAK)
        if item and _BULLET_START.match(item.strip()) and after.strip().endswith(":"):
            # "- Constante zorg voor een kind\n Hoe kunnen we hen helpen, zodat ze:": the last
            # item, then the intro of the next list on a line of its own.
            found.extend(marked_sentences(item))
            found.extend(marked_sentences(after))
            continue
        joined = _SPACES.sub(" ", block.replace("\n", " ")).strip()
        bulleted = bool(_BULLET_START.match(joined))
        joined = _BULLETS.sub("", joined).strip()
        parts = [
            piece.strip()
            for part in _SENTENCE_END.split(joined)
            for piece in _unglued(part)
            if piece.strip()
        ]
        found.extend((part, bulleted and n == 0) for n, part in enumerate(parts))
    return found


def _unglued(sentence: str) -> list[str]:
    """A PDF paragraph that ends without a full stop runs into the next one ("… is groot
    De Vlaamse Regering voorziet …"): a sentence that long is cut where a line ended on a word
    and the next began with a capital."""
    if len(sentence.replace(_SOFT_BREAK, "")) <= _LONG_SENTENCE:
        return [sentence.replace(_SOFT_BREAK, " ")]
    return [part.replace(_SOFT_BREAK, " ") for part in sentence.split(_SOFT_BREAK)]


def quotable_pieces(sentence: str, limit: int) -> list[str]:
    """A sentence too long to quote whole is quoted in pieces: by its items when it lists them
    ("Voor 2016 … ingezet: Methodemix …/ Specifieke projecten …/In het kader van …"), each
    under the intro it completes, and otherwise by stretches of words. Cutting only its start
    would lose what the question asks whenever that stands near the end."""
    if len(sentence) <= limit:
        return [sentence]
    intro, colon, rest = sentence.partition(": ")
    if not colon or len(intro) > _MAX_INTRO_CHARS:
        intro, rest = "", sentence
    pieces = []
    for start, chunk, cut_in_item in _packed(rest, limit - len(intro) - len(": … … ")):
        lead = (f"{intro}: " if intro else "") + ("… " if start else "")
        pieces.append(lead + chunk + (" …" if cut_in_item else ""))
    return pieces


def _packed(text: str, room: int) -> list[tuple[int, str, bool]]:
    """Consecutive items of the text, as many as fit the room together; an item too long for
    it is cut between words. Each chunk with where it starts and whether it ends mid-item."""
    starts = [0, *(m.end() for m in _ITEM_BREAK.finditer(text))]
    items = [(a, text[a:b]) for a, b in zip(starts, [*starts[1:], len(text)], strict=True)]
    chunks: list[tuple[int, str, bool]] = []
    for start, item in items:
        if chunks and not chunks[-1][2] and len(chunks[-1][1]) + len(item) <= room:
            chunks[-1] = (chunks[-1][0], chunks[-1][1] + item, False)
            continue
        while len(item) > room:
            cut = item[:room].rsplit(" ", 1)[0] or item[:room]
            chunks.append((start, cut, True))
            start, item = start + len(cut), item[len(cut) :]
        chunks.append((start, item, False))
    return [
        (start, _ITEM_EDGE.sub("", chunk), cut) for start, chunk, cut in chunks if chunk.strip()
    ]


def normalise_figures(text: str) -> str:
    """'102 252,02', '102.252,02 EUR' and '€ 102252,02' share one form."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = _CURRENCY.sub(" ", text)
    previous = None
    while previous != text:  # each pass joins one separator between two digit groups
        previous = text
        text = _THOUSANDS.sub("", text)
    text = re.sub(r"(?<=\d)\s+%", "%", text)
    return _SPACES.sub(" ", text).strip()


def figures_in(text: str) -> list[str]:
    return [match.group(0).strip() for match in FIGURE.finditer(text)]


def figure_in(figure: str, normalised_haystack: str) -> bool:
    """Is this figure printed in the haystack, as a whole figure (not '5' inside '2025')?"""
    wanted = re.escape(normalise_figures(figure))
    return re.search(rf"(?<![\d,]){wanted}(?![\d]|,\d)", normalised_haystack) is not None


def topic_phrase(question: str, topic_words: list[str]) -> str:
    """The words of the question from the first to the last topic word: "dak- en thuislozen",
    "huis van het kind" read better than the bare words. Too long a stretch: the words."""
    folded = fold(question)
    spans = [span for w in topic_words if (span := _word_span(w, folded))]
    if not spans or len(spans) < len(topic_words) or len(folded) != len(question):
        return " en ".join(topic_words)
    start, end = min(s for s, _ in spans), max(e for _, e in spans)
    phrase = question[start:end]
    return phrase if len(phrase.split()) <= _MAX_PHRASE_WORDS else " en ".join(topic_words)


def _word_span(word: str, folded: str) -> tuple[int, int] | None:
    if match := re.search(rf"(?<!\w){re.escape(word)}\w*", folded):
        return match.span()
    # A completed ellipsis ("dakloosheid") stands in the question as its head: "dak- en".
    for head, _full in ELLIPSIS.findall(folded):
        if word.startswith(head):
            return folded.index(f"{head}-"), folded.index(f"{head}-") + len(head) + 1
    return None


def truncate(text: str, limit: int) -> str:
    text = _SPACES.sub(" ", text).strip()
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"
