"""Sentences that lean on the one before (timeline.openers), and the story's preference for those
that read on their own among a day's candidates (timeline.story.LEANING)."""

from __future__ import annotations

import pytest

from timeline.article import make_article
from timeline.openers import OPENERS, leans_back
from timeline.pipeline import ArticleResult, process
from timeline.story import story


@pytest.mark.parametrize(("text", "opener"), [
    ("But the well held for a second day.", "But"),
    ("However, the company said the cap held.", "However"),
    ("In addition, ten boats joined the clean-up.", "In addition"),
    ("He said the cap would hold.", "He"),
    ("It's not government equipment, he said.", "It"),
    ("This was completed at 1930 CDT on 1 June.", "This"),
    ("They have been talking about their mission.", "They"),
    ("\u201cBut we will not stop,\u201d the mayor said.", "But"),  # after its opening quote
    ("Also Friday, an oil company blasted BP.", "Also"),
])
def test_an_opener_that_needs_the_sentence_before_is_named(text: str, opener: str) -> None:
    assert leans_back(text) == opener


@pytest.mark.parametrize("text", [
    "BP said the cap held for a second day.",
    "Butler County declared an emergency.",  # a word that starts like an opener is not one
    "Hell's Kitchen flooded on Monday.",
    "Items washed ashore in Alabama.",
    "Thursday's hearing was postponed.",
    "The company said the cap would hold.",
    "So-called top kill failed on Saturday.",
    "Theirs was the first boat out.",
])
def test_a_sentence_that_opens_on_its_own_is_not_flagged(text: str) -> None:
    assert leans_back(text) is None


def test_each_language_has_its_own_table() -> None:
    assert leans_back("Mais le barrage a cédé lundi.", "fr") == "Mais"
    assert leans_back("Sin embargo, la presa cedió el lunes.", "es") == "Sin embargo"
    assert leans_back("Tuttavia la diga ha ceduto lunedì.", "it") == "Tuttavia"
    assert leans_back("Mais le barrage a cédé lundi.") is None  # not an English opener
    assert leans_back("Aber der Damm brach am Montag.", "de") is None  # no table: no opinion
    assert set(OPENERS) >= {"en", "es", "fr", "it"}


@pytest.mark.parametrize(("text", "lang"), [
    ("Alors que l'opposition manifestait, quatre ministres ont démissionné.", "fr"),  # while: a clause
    ("Il y a eu dix morts lundi au Caire.", "fr"),  # there were
    ("Anche se la stagione fu cruenta, la città resistette.", "it"),  # even if
    ("E' stato annunciato lunedì un nuovo governo.", "it"),  # È stato: it was, not "and"
    ("So far, eleven workers are missing.", "en"),
])
def test_a_phrase_that_starts_like_an_opener_but_stands_alone_is_not_flagged(text: str, lang: str) -> None:
    assert leans_back(text, lang) is None
    assert leans_back("E la città resistette.", "it") == "E"


def _article(name: str, published: str, text: str) -> ArticleResult:
    return process(make_article(f"---\npublished: {published}\nsource: wire\n---\n{text}\n", name=f"{name}.txt"))


LEANS = "But the old levee on the river broke on 3 March and flooded the lower town."
STANDS = "The old levee on the river broke on 3 March and flooded the lower town."


def test_of_two_wordings_of_a_days_news_the_one_that_reads_on_its_own_is_shown() -> None:
    """The same news, from two articles: the earlier one's words would be shown (ties go to the
    earlier article), but they open with "But"; the later one's stand on their own and are shown,
    with both articles as sources."""
    results = [_article("early", "2026-03-04", LEANS), _article("late", "2026-03-05", STANDS)]
    (day,) = story(results, dates=1, sentences=1).dates
    (sentence,) = day.sentences
    assert sentence.text == STANDS
    assert [s.article for s in sentence.sources] == ["early", "late"]


def test_a_day_whose_only_sentence_leans_back_still_shows_it() -> None:
    """A preference, not a filter: no day is left without a sentence for it."""
    (day,) = story([_article("early", "2026-03-04", LEANS)], dates=1, sentences=1).dates
    assert [s.text for s in day.sentences] == [LEANS]
