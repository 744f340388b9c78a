"""The question-understanding rules of `prompts/router.yaml`, as a typed object."""

from __future__ import annotations

import re
from functools import cache, cached_property
from itertools import takewhile

from pydantic import BaseModel, ConfigDict

from actiewijzer.assistant.resources import load_yaml
from actiewijzer.assistant.text import content_words, fold, place_forms, words


class WordList:
    """Words and phrases; `*` stands for any letters: "budget*" is a prefix, "*budget" a suffix
    ("werkingsbudget"). A word led by "!" is an exception: "!budgetmeter*" keeps "budget*" from
    matching "budgetmeters". Matched on accent-folded lowercase text."""

    def __init__(self, words: list[str]) -> None:
        exceptions = [w[1:] for w in words if w.startswith("!")]
        self._pattern = _word_pattern([w for w in words if not w.startswith("!")])
        self._exceptions = _word_pattern(exceptions)
        self._excepts = bool(exceptions)

    def _text(self, text: str) -> str:
        folded = fold(text)
        return self._exceptions.sub(" ", folded) if self._excepts else folded

    def found(self, text: str) -> list[str]:
        return [match.group(0) for match in self._pattern.finditer(self._text(text))]

    def matches(self, text: str) -> bool:
        return self._pattern.search(self._text(text)) is not None


def _word_pattern(words: list[str]) -> re.Pattern[str]:
    parts = []
    for word in words:
        folded = fold(word)
        body = r"\w*".join(re.escape(piece) for piece in folded.split("*"))
        tail = "" if word.endswith("*") else r"(?!\w)"
        head = r"(?<!\w)" if folded[:1].isalnum() or folded.startswith("*") else ""
        parts.append(head + body + tail)
    return re.compile("|".join(parts) or r"(?!x)x")


_MAX_PHRASE = 3  # words after an opener that may still belong to its noun phrase
# "daar ... aan", "waar ... voor": a preposition split off its pronominal adverb ("er" is too
# often the dummy subject: "komt er in Erembodegem ...").
_POINTING_ADVERBS = frozenset(["daar", "hier", "waar"])

# Words after which an everyday word is a place: "in Geel", "te Boom", "de stad Hove".
_PLACE_PREPOSITION = r"(?:in|te|uit|naar|van|stad|gemeente)\s+"


def names_as_place(text: str, place: str) -> bool:
    """ "de nachtopvang te Mechelen" is about Mechelen; "CAW Boom Mechelen Lier" is a name."""
    pattern = rf"(?<!\w)(?:{_PLACE_PREPOSITION}|(?:regio|arrondissement)\s+){re.escape(fold(place))}(?!\w)"
    return re.search(pattern, fold(text)) is not None


# "het beleidsplan van Mechelen": a document of that place, not a mention in another one.
_PLAN_OF = r"(?:\w*plan|evaluatie\w*|rapport\w*|addendum|beleid)\s+(?:van|uit)\s+(?:de\s+(?:stad|gemeente)\s+)?"


def names_plan_of(text: str, place: str) -> bool:
    return re.search(rf"(?<!\w){_PLAN_OF}{re.escape(fold(place))}(?!\w)", fold(text)) is not None


def _place_patterns(place: str, kind: str) -> list[tuple[re.Pattern[str], bool]]:
    """How a question names the place, each pattern with whether it reads the folded text:
    anywhere ("places"); 'Geel' with a capital, not opening a sentence, or 'in geel'
    ("word_places"); only with such a capital ("capital_places")."""
    folded = re.escape(fold(place))
    if kind == "places":
        forms = "|".join(re.escape(form) for form in place_forms(fold(place)))
        return [(re.compile(rf"(?<!\w)(?:{forms})(?!\w)"), True)]
    capital = re.compile(rf"(?<![.!?]\s)(?<!^)(?<!\w){re.escape(place)}(?!\w)")
    if kind == "capital_places":
        return [(capital, False)]
    return [(capital, False), (re.compile(rf"(?<!\w){_PLACE_PREPOSITION}{folded}(?!\w)"), True)]


def _matches_folded(patterns: list[re.Pattern[str]], text: str) -> bool:
    """Patterns written for accent-folded lowercase text."""
    folded = fold(text)
    return any(pattern.search(folded) for pattern in patterns)


class RouterRules(BaseModel):
    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    adversarial_patterns: list[str]
    # Steers that frame the whole sentence ("hypothetisch gesproken, ..., welke actie?"): the
    # question in it is part of the fiction, so the sentence goes, not just the clause.
    framing_patterns: list[str] = []
    side_request_patterns: list[str] = []
    # Words about the conversation itself ("geef enkel het antwoord"): no subject to answer.
    meta_words: list[str] = []
    # "hoeveel verschillende mensen": a count of people, not of contacts or visits.
    people_count_patterns: list[str] = []
    people_words: frozenset[str] = frozenset()
    person_endings: tuple[str, ...] = ()
    # "hoe vaak": a count of occasions ("12 intervisiemomenten"), not of the people there.
    occasion_count_patterns: list[str]
    frequency_patterns: list[str] = []
    occasion_endings: tuple[str, ...] = ()
    # "welke persona's ...": a list of the cards that tell a persona, not of every card.
    persona_words: frozenset[str] = frozenset()
    out_of_scope_patterns: list[str]
    domain_words: list[str]
    min_vocabulary_coverage: float
    kind_keywords: dict[str, list[str]]
    status_values: dict[str, list[str]]
    status_of_one_patterns: list[str] = []
    whole_list_words: list[str] = []
    names_with_asking_words: list[str] = []
    budget_columns: dict[str, str]
    budget_rows: dict[str, str]
    default_budget_row: str
    percent_words: list[str]
    amount_words: list[str] = []
    budget_text_words: list[str] = []
    money_nouns: list[str] = []
    stopping_words: list[str] = []
    same_meaning: list[list[str]] = []
    still_running_patterns: list[str] = []
    price_units: list[str] = []
    year_before_words: list[str] = []
    present_words: list[str] = []
    year_after_words: list[str] = []
    time_of_year_pattern: str = r"(?!)"
    document_year_pattern: str = r"(?!)"
    organisation_name_pattern: str = r"(?!)"
    idiom_patterns: list[str] = []
    reason_patterns: list[str] = []
    not_yet_known_patterns: list[str] = []
    no_money_patterns: list[str] = []
    document_name_patterns: list[str] = []
    document_reference_pattern: str = r"(?!)"
    field_keywords: dict[str, list[str]]
    follow_up_openings: list[str]
    follow_up_pointers: list[str]
    story_pointers: list[str] = []
    relatives: list[str] = []
    everyday_words: dict[str, str] = {}
    follow_up_max_content_words: int
    acknowledgement_pattern: str = r"(?!)"
    stopwords: list[str]
    topic_noise: list[str]
    id_patterns: list[str]
    privacy_patterns: list[str] = []
    follow_up_pointing_patterns: list[str] = []
    # Places a question may name (places.yaml). One no document is about, that the answering card
    # does not mention either, makes the question one these documents cannot answer.
    places: list[str] = []
    word_places: list[str] = []
    capital_places: list[str] = []
    answer_types: dict[str, list[str]] = {}
    other_fields: dict[str, list[str]] = {}
    topic_patterns: list[str] = []
    mjp_code_patterns: list[str] = []
    measure_suffixes: list[str] = []
    measure_heads: list[str] = []  # measures only as the end of a compound
    focus_patterns: list[str] = []
    second_question_patterns: list[str] = []
    noun_phrase_openers: list[str] = []
    comparative_endings: list[str] = []
    asking_words: list[str] = []
    unknown_subject_max_zipf: float = 4.5
    min_subject_coverage: float = 0.5

    @cached_property
    def privacy(self) -> list[re.Pattern[str]]:
        return [re.compile(p, re.IGNORECASE) for p in self.privacy_patterns]

    @cached_property
    def answer_type_words(self) -> dict[str, WordList]:
        return {name: WordList(words) for name, words in self.answer_types.items()}

    def answer_type(self, text: str) -> str | None:
        """The first answer type whose words the question uses ("hoeveel geld" -> amount);
        a word naming a measure ("werkzoekendengraad") asks for a count."""
        found = next(
            (n for n, words in self.answer_type_words.items() if words.matches(text)), None
        )
        words = re.findall(r"\w+", fold(text))
        # "de kansarmoede-indicator": the hyphenated compound is one word here.
        compounds = re.findall(r"\w[\w-]*", fold(text))
        if found is None and any(map(self._names_measure, compounds)):
            return "count"
        if found is None and self._asks_only_why(fold(text).strip()):
            return "reason"
        joined = " ".join(words)
        if found in (None, "count") and "hoe hoog" in joined and self.money.matches(joined):
            found = "amount"
        if found == "amount" and any(f"per {unit}" in joined for unit in self.price_units):
            return "price"
        return found

    def _asks_only_why(self, folded: str) -> bool:
        """ "waarom werd het stopgezet?" asks a reason; "Hoe ver stond het? Wat was gepland,
        waarom nog geen evaluatie?" asks more, and a card without a reason still answers."""
        asks = [m for p in self.reason if (m := p.search(folded))]
        return bool(asks) and "?" not in folded[: min(m.start() for m in asks)]

    @cached_property
    def budget_text(self) -> WordList:
        """Words asking what a budget field says: "welk budgettair engagement?"."""
        return WordList(self.budget_text_words)

    def _names_measure(self, word: str) -> bool:
        if word.endswith(tuple(self.measure_suffixes)):
            return True
        return any(word.endswith(head) and word != head for head in self.measure_heads)

    @cached_property
    def money(self) -> WordList:
        return WordList(self.money_nouns)

    @cached_property
    def reason(self) -> list[re.Pattern[str]]:
        return [re.compile(p) for p in self.reason_patterns]

    @cached_property
    def not_yet_known(self) -> list[re.Pattern[str]]:
        return [re.compile(p) for p in self.not_yet_known_patterns]

    def says_not_yet_known(self, line: str) -> bool:
        """ "Tegen einde 2024 wordt opgevraagd of ...": the source says it does not know yet."""
        return _matches_folded(self.not_yet_known, line)

    @cached_property
    def no_money(self) -> list[re.Pattern[str]]:
        return [re.compile(p) for p in self.no_money_patterns]

    def says_no_money(self, budget_text: str) -> bool:
        """ "Budgettair engagement: Nihil": no money is planned, which answers "hoeveel?"."""
        return _matches_folded(self.no_money, budget_text)

    def named_document_years(self, text: str) -> list[str]:
        """ "de evaluatie van 2024" -> ["2024"]: each year printed as a document's name."""
        return [m.group("year") for m in self.document_year.finditer(fold(text))]

    def document_years(self, text: str) -> set[int]:
        """The years that name a document, not a figure's year. A year also printed apart
        ("in 2024, volgens de evaluatie 2024") dates a figure too."""
        named = self.named_document_years(text)
        printed = re.findall(r"\b(?:19|20)\d\d\b", fold(text))
        return {int(y) for y in named if printed.count(y) == named.count(y)}

    def without_times_of_year(self, text: str) -> str:
        """ "eind 2020", "begin juni 2023": when something happened, not a field asked for."""
        return self.time_of_year.sub(" ", text)

    def organisation_names(self, text: str) -> set[str]:
        """The words of the names of cabinets and administrations: "kabinet Begroting en
        Financiën" -> {"begroting", "financien"}."""
        found = self.organisation_name.finditer(text)
        return {w for match in found for w in words(match.group("name")) if len(w) >= 3}

    def without_names_and_idioms(self, text: str) -> str:
        """The text with the words that ask for nothing left out: names of cabinets, idioms."""
        return self.without_idioms(self.organisation_name.sub(" ", text))

    @cached_property
    def still_running(self) -> list[re.Pattern[str]]:
        return [re.compile(p) for p in self.still_running_patterns]

    def asks_if_still_running(self, text: str) -> bool:
        """ "Loopt het project ... nog?": whether it still runs (on folded text)."""
        folded = fold(text)
        return any(pattern.search(folded) for pattern in self.still_running)

    def without_idioms(self, text: str) -> str:
        for idiom in self.idioms:
            text = idiom.sub(" ", text)
        return text

    @cached_property
    def document_names(self) -> list[re.Pattern[str]]:
        return [re.compile(p, re.IGNORECASE) for p in self.document_name_patterns]

    @cached_property
    def document_reference(self) -> re.Pattern[str]:
        return re.compile(self.document_reference_pattern, re.IGNORECASE)

    def refers_to_a_document(self, text: str) -> bool:
        """ "staat er in het addendum iets over ...?": a question about the documents."""
        return self.document_reference.search(text) is not None

    def without_document_names(self, text: str) -> str:
        """ "welke acties uit het lokaal sociaal beleidsplan": the words that name a document."""
        for name in self.document_names:
            text = name.sub(" ", text)
        return text

    @cached_property
    def time_of_year(self) -> re.Pattern[str]:
        return re.compile(self.time_of_year_pattern, re.IGNORECASE)

    @cached_property
    def document_year(self) -> re.Pattern[str]:
        return re.compile(self.document_year_pattern)

    @cached_property
    def organisation_name(self) -> re.Pattern[str]:
        # Case matters: a name is told by its capitals.
        return re.compile(self.organisation_name_pattern)

    @cached_property
    def idioms(self) -> list[re.Pattern[str]]:
        return [re.compile(p, re.IGNORECASE) for p in self.idiom_patterns]

    def year_shift(self, text: str) -> int:
        """-1 for "het jaar voordien", +1 for "het jaar daarna", else 0; "meer dan het jaar
        ervoor" compares with that year but still asks about the earlier turn's."""
        text = re.sub(r"\bdan\s+(?:het|een)\s+jaar\s+\w+", " ", fold(text))
        if self.year_before.matches(text):
            return -1
        return 1 if self.year_after.matches(text) else 0

    @cached_property
    def present(self) -> WordList:
        """Words asking how things stand now ("bestaat dat nu nog?"): the newest report tells."""
        return WordList(self.present_words)

    @cached_property
    def year_before(self) -> WordList:
        return WordList(self.year_before_words)

    @cached_property
    def year_after(self) -> WordList:
        return WordList(self.year_after_words)

    @cached_property
    def other_field_labels(self) -> dict[str, WordList]:
        return {name: WordList(words) for name, words in self.other_fields.items()}

    @cached_property
    def place_patterns(self) -> list[tuple[str, list[tuple[re.Pattern[str], bool]]]]:
        lists = {"places": self.places, "word_places": self.word_places}
        lists["capital_places"] = self.capital_places
        return [(p, _place_patterns(p, kind)) for kind, names in lists.items() for p in names]

    @cached_property
    def place_words(self) -> frozenset[str]:
        """Every place name, its parts and the adjectives made from it, folded:
        "heist-op-den-berg", "heist", "aalst", "aalsterse"."""
        names = [fold(n) for n in (*self.places, *self.word_places, *self.capital_places)]
        parts = {part for name in names for part in re.split(r"[\s-]+", name) if len(part) >= 4}
        return frozenset(form for name in {*names, *parts} for form in place_forms(name))

    def places_in(self, text: str) -> list[str]:
        texts = {True: fold(text), False: text.strip()}
        return [
            place
            for place, patterns in self.place_patterns
            if any(pattern.search(texts[folded]) for pattern, folded in patterns)
        ]

    @cached_property
    def adversarial(self) -> list[re.Pattern[str]]:
        return [re.compile(p, re.IGNORECASE) for p in self.adversarial_patterns]

    def mjp_codes_in(self, text: str) -> list[str]:
        found = [m.group(0) for p in self.mjp_code_patterns for m in re.finditer(p, text, re.I)]
        return list(dict.fromkeys(fold(code) for code in found))

    @cached_property
    def people_count(self) -> list[re.Pattern[str]]:
        return [re.compile(p) for p in self.people_count_patterns]

    def counts_people(self, text: str) -> bool:
        return _matches_folded(self.people_count, text)

    @cached_property
    def occasion_count(self) -> list[re.Pattern[str]]:
        return [re.compile(p) for p in self.occasion_count_patterns]

    def counts_occasions(self, text: str) -> bool:
        return _matches_folded(self.occasion_count, text)

    @cached_property
    def frequency(self) -> list[re.Pattern[str]]:
        return [re.compile(p) for p in self.frequency_patterns]

    def tells_frequency(self, line: str) -> bool:
        return _matches_folded(self.frequency, line)

    def is_occasion_word(self, word: str) -> bool:
        """ "keer", "intervisiemomenten": a word that counts occasions (folded)."""
        return word.endswith(self.occasion_endings)

    def asks_for_personas(self, text: str) -> bool:
        return not self.persona_words.isdisjoint(words(text))

    def is_people_word(self, word: str) -> bool:
        """ "gezinnen", "deelnemers": a word that counts people (folded)."""
        return word in self.people_words or word.endswith(self.person_endings)

    @cached_property
    def framing(self) -> list[re.Pattern[str]]:
        return [re.compile(p, re.IGNORECASE) for p in self.framing_patterns]

    def framing_in(self, text: str) -> bool:
        return any(pattern.search(text) for pattern in self.framing)

    def out_of_scope_in(self, text: str) -> bool:
        return any(pattern.search(text) for pattern in self.out_of_scope)

    @cached_property
    def side_requests(self) -> list[re.Pattern[str]]:
        return [re.compile(p, re.IGNORECASE) for p in self.side_request_patterns]

    def side_request_in(self, text: str) -> bool:
        return any(pattern.search(text) for pattern in self.side_requests)

    def adversarial_in(self, text: str) -> bool:
        return self.framing_in(text) or any(pattern.search(text) for pattern in self.adversarial)

    def asks_twice(self, text: str) -> bool:
        return len(self.question_parts(text)) > 1

    def question_parts(self, text: str) -> list[str]:
        """ "Wat doet Vlaanderen, en wat doet Lier?" -> both questions; else the one."""
        folded = fold(text)
        for pattern in self.second_question_patterns:
            if (match := re.search(pattern, folded)) and len(folded) == len(text):
                # The "?" or "," the pattern starts on ends the first question; or the place
                # the pattern marks.
                cut = match.start() + len(match.group(0)) - len(match.group(0).lstrip("?,"))
                if "cut" in match.groupdict():
                    cut = match.start("cut")
                first, second = text[:cut].strip(), text[cut:].strip()
                if any(map(str.isalnum, first)) and any(map(str.isalnum, second)):
                    return [first, second]
        return [text]

    @cached_property
    def focus(self) -> list[re.Pattern[str]]:
        return [re.compile(p) for p in self.focus_patterns]

    def focus_words(self, text: str) -> list[str]:
        """The nouns a question asks about, by position ("wie is de schepen ...")."""
        folded = fold(text).strip()
        found = [m.group("focus") for p in self.focus for m in p.finditer(folded)]
        return list(dict.fromkeys(found))

    @cached_property
    def asking(self) -> WordList:
        return WordList(self.asking_words)

    def asks_something(self, text: str) -> bool:
        return "?" in text or self.asking.matches(text)

    def names_a_subject(self, text: str) -> bool:
        """Whether the text is about something beyond the conversation itself."""
        asking = (fold(word.rstrip("*")) for word in self.asking_words)
        skip = {*self.stopword_set, *self.meta_words, *asking}
        return bool(content_words(fold(text), skip))

    @cached_property
    def opener_set(self) -> frozenset[str]:
        return frozenset(fold(word) for word in self.noun_phrase_openers)

    def named_things(self, text: str) -> list[str]:
        """The words of the noun phrases a question opens with a determiner, a preposition or
        a comparative: "met de kringwinkel" -> kringwinkel; "de middelbare school" -> school,
        since a word in -e before another one is an adjective."""
        # "'Samen tegen schooluitval'": a quote around a name is no part of its last word.
        tokens = [t.strip("'") or t for t in re.findall(r"[\w'-]+|[^\w\s]", fold(text))]
        endings = tuple(self.comparative_endings)
        found: list[str] = []

        def compares(word: str) -> bool:
            return len(word) > 5 and word.endswith(endings)

        for at, token in enumerate(tokens):
            if token not in self.opener_set and not compares(token):
                continue
            if at and tokens[at - 1] in _POINTING_ADVERBS:
                continue  # "mocht ge daar aan meedoen": "daaraan" split, no noun phrase after it
            phrase = list(takewhile(self._in_noun_phrase, tokens[at + 1 : at + 1 + _MAX_PHRASE]))
            found += [
                w
                for n, w in enumerate(phrase)
                if (n == len(phrase) - 1 or w[-1] != "e")
                # "onze oudste": the comparative stands for a noun left out, not a thing.
                and not compares(w)
            ]
        return list(dict.fromkeys(found))

    def names_asked_kind(self, word: str) -> bool:
        """A word naming what kind of answer is wanted ("telefoonnummer", "werkingsbudget"),
        not what it is about."""
        return self.answer_type(word) is not None or any(
            words.matches(word) for words in self._field_and_kind_words
        )

    @cached_property
    def _field_and_kind_words(self) -> list[WordList]:
        return [*self.fields.values(), *self.kinds.values()]

    def _in_noun_phrase(self, token: str) -> bool:
        return token[0].isalpha() and token not in self.stopword_set

    @cached_property
    def topic_questions(self) -> list[re.Pattern[str]]:
        return [re.compile(p) for p in self.topic_patterns]

    @cached_property
    def whole_list(self) -> WordList:
        """Words asking for every card on a topic: "geef ze allemaal", "welke acties"."""
        return WordList(self.whole_list_words)

    def asks_for_list(self, text: str) -> bool:
        folded = fold(text)
        return self.kinds["topic"].matches(folded) or any(
            p.search(folded) for p in self.topic_questions
        )

    @cached_property
    def out_of_scope(self) -> list[re.Pattern[str]]:
        return [re.compile(p, re.IGNORECASE) for p in self.out_of_scope_patterns]

    @cached_property
    def ids(self) -> list[re.Pattern[str]]:
        return [re.compile(p, re.IGNORECASE) for p in self.id_patterns]

    def ids_in(self, text: str) -> list[str]:
        return [m.group(0) for pattern in self.ids for m in pattern.finditer(text)]

    @cached_property
    def domain(self) -> WordList:
        return WordList(self.domain_words)

    @cached_property
    def kinds(self) -> dict[str, WordList]:
        return {
            kind: WordList(self._except_names(words)) for kind, words in self.kind_keywords.items()
        }

    @cached_property
    def fields(self) -> dict[str, WordList]:
        return {
            name: WordList(self._except_names(words)) for name, words in self.field_keywords.items()
        }

    @cached_property
    def asking_word_names(self) -> WordList:
        """Things named with a word that otherwise asks ("budgetmeters", "partnerschappen"):
        subjects, not sums or partners asked."""
        return WordList(self.names_with_asking_words)

    def _except_names(self, words: list[str]) -> list[str]:
        """ "budget*" asks money, "budgetmeters" names a thing: an exception to the word list."""
        return [*words, *(f"!{w}" for w in self.names_with_asking_words)]

    @cached_property
    def _pointing(self) -> list[re.Pattern[str]]:
        return [re.compile(p) for p in self.follow_up_pointing_patterns]

    @cached_property
    def _acknowledgement(self) -> re.Pattern[str]:
        return re.compile(self.acknowledgement_pattern)

    def without_acknowledgement(self, folded: str) -> str:
        """ "ok top. en wie regelt da?" -> "en wie regelt da?": the thanks before a follow-up."""
        return self._acknowledgement.sub("", folded, count=1)

    @cached_property
    def _status_of_one(self) -> list[re.Pattern[str]]:
        return [re.compile(p) for p in self.status_of_one_patterns]

    def asks_status_of_one(self, text: str) -> bool:
        """ "welke status heeft de actie?": one action's status, not a list by status."""
        return _matches_folded(self._status_of_one, text)

    def points_back(self, text: str) -> bool:
        return _matches_folded(self._pointing, text)

    @cached_property
    def pointers(self) -> WordList:
        return WordList(self.follow_up_pointers)

    @cached_property
    def pointers_to_story(self) -> WordList:
        """Words by which a question leans on the story told before it ("met onze vzw")."""
        return WordList(self.story_pointers)

    @cached_property
    def relative_words(self) -> WordList:
        """The asker's relatives ("mijn schoonvader"): part of the story, never its subject."""
        return WordList(self.relatives)

    @cached_property
    def stopword_set(self) -> frozenset[str]:
        return frozenset(fold(word) for word in self.stopwords)

    @cached_property
    def topic_noise_set(self) -> frozenset[str]:
        return frozenset(fold(word) for word in self.topic_noise)


@cache
def router_rules() -> RouterRules:
    return RouterRules.model_validate(load_yaml("router.yaml") | load_yaml("places.yaml"))
