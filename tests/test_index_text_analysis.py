"""Dutch compounds and typos meet the corpus vocabulary."""

from __future__ import annotations

from collections import Counter

import pytest

from actiewijzer.index.text_analysis import (
    Analyzer,
    Decompounder,
    SpellingCorrector,
    fold,
    is_typo_of,
    words,
)

CORPUS = [
    "Aanpak van kinderarmoede en armoede bij kinderen.",
    "Het woonatelier helpt jongeren met een huurcontract en de huurmarkt.",
    "Energiearmoede: energiescans voor gezinnen. Sociale dienstverlening van de stad.",
    "Financiële ondersteuning voor huurders. Het stadsbestuur en de kinderopvang.",
    "Preventie van dak- en thuisloosheid; ook thuis en loosheid los.",
]


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer(CORPUS)


def test_fold_and_words() -> None:
    assert fold("Financiële") == "financiele"
    assert words("SAP/02-04: Woonatelier!") == ["sap", "02", "04", "woonatelier"]


def test_compound_split_uses_corpus_vocabulary() -> None:
    splitter = Decompounder(["kinder", "armoede", "energie", "woon", "atelier", "stad", "bestuur"])
    assert splitter.split("kinderarmoede") == ["kinder", "armoede"]
    assert splitter.split("energiearmoede") == ["energie", "armoede"]
    assert splitter.split("stadsbestuur") == ["stad", "bestuur"]  # linking -s-
    assert splitter.split("woonatelier") == ["woon", "atelier"]
    assert splitter.split("armoede") == []  # too short to be a compound
    assert splitter.split("onbekendwoord") == []


def test_compound_query_meets_split_text(analyzer: Analyzer) -> None:
    # "armoede bij kinderen" shares the stems of the parts of "kinderarmoede".
    assert set(analyzer.query_terms("armoede bij kinderen")) <= set(
        analyzer.index_terms("kinderarmoede")
    )


def test_typo_is_corrected_to_a_corpus_word(analyzer: Analyzer) -> None:
    assert set(analyzer.index_terms("woonatelier")) <= set(analyzer.query_terms("woonatellier"))
    assert set(analyzer.index_terms("huurcontract")) <= set(analyzer.query_terms("huurkontrakt"))


def test_a_real_word_is_no_typo_of_a_corpus_word() -> None:
    corrector = SpellingCorrector(Counter(["scherpen", "gezinnen", "registreren", "game"]))
    # Real Dutch words one edit away from a document word: not corrected.
    assert corrector.correct("schepen") == []
    assert corrector.correct("verzinnen") == []
    assert corrector.correct("gisteren") == []
    # Another form of a document word still is: "gamen" finds "game".
    assert corrector.correct("gamen") == ["game"]
    assert corrector.correct("gezinen") == ["gezinnen"]


def test_typo_inside_a_compound_keeps_the_known_part(analyzer: Analyzer) -> None:
    terms = analyzer.query_terms("huurmarktkontraktje")
    assert set(analyzer.index_terms("huurmarkt")) <= set(terms)


def test_stopwords_and_question_words_carry_no_weight(analyzer: Analyzer) -> None:
    assert analyzer.query_terms("Welke acties zijn er voor de") == ["actie"]


def test_elliptical_compound_is_completed(analyzer: Analyzer) -> None:
    # "dak- en thuisloosheid" means "dakloosheid en thuisloosheid".
    terms = analyzer.index_terms("Preventie van dak- en thuisloosheid")
    assert set(analyzer.query_terms("dakloosheid")) & set(terms)


def test_a_typo_is_a_few_edits_not_another_word_with_the_same_tail() -> None:
    assert is_typo_of("huurkontrakt", "huurcontract")
    assert is_typo_of("fietspnut", "fietspunt")
    assert not is_typo_of("menstruatiearmoede", "generatiearmoede")
    corrector = SpellingCorrector(Counter(["generatiearmoede", "armoede"]))
    assert corrector.correct("menstruatiearmoede") == []
