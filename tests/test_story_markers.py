"""Story sentences that open with page furniture (a dash, a bullet) or with a credit, a list
marker or a dated lead (timeline.story.clean_sentence), and tokenized corpora shown detokenized
(timeline.story.detokenize): on sentences written for the test."""

from __future__ import annotations

import pytest

from timeline.story import clean_sentence

SENT = "The army said on 26 January 2026 that it had deployed troops around the parliament."


@pytest.mark.parametrize("mark", ["— ", "– ", "- ", "-- ", "* ", "• ", "· ", "► "])
def test_a_leading_dash_or_bullet_is_cut_and_the_sentence_kept(mark: str) -> None:
    assert clean_sentence(mark + SENT) == SENT


@pytest.mark.parametrize("text", [
    "(Reuters) Police arrested dozens of protesters near the palace on 26 January 2026.",
    "#1 The government imposed a curfew on 26 January 2026 across the whole region.",
    "1. The opposition leader called for a general strike on 26 January 2026 in every city.",
    "26 January 2026: Protesters set fire to two police cars outside the ministry.",
    "¿Quién ordenó el toque de queda del 26 de enero de 2026 en toda la capital?",
])
def test_a_credit_a_list_marker_or_a_dated_lead_keeps_its_words(text: str) -> None:
    assert clean_sentence(text) == text


@pytest.mark.parametrize("text", [
    "- and then the troops left the square on 26 January 2026 without a word.",  # a fragment after the dash
    "(l) The minister speaks to the press on 26 January 2026 outside the palace.",  # a photo caption
    "(and so the troops left the square on 26 January 2026 without a word.)",  # no credit: a fragment
    "— —",
])
def test_what_follows_the_marker_must_still_be_a_whole_sentence(text: str) -> None:
    assert clean_sentence(text) is None


def test_in_a_tokenized_article_a_hyphen_that_opens_a_sentence_is_a_compound_cut_not_a_bullet() -> None:
    cut = "- Morsi veut renouer avec l' Iran chiite d' Ahmadinejad , selon le journal ."
    assert clean_sentence(cut, tokenized=True) is None
    assert clean_sentence(cut) is not None  # in a written article, a bullet
