"""Segmentation (timeline/text.py): sentences and paragraphs with offsets into the text; headlines,
datelines and bylines are sentences of their own."""

from __future__ import annotations

import pytest

from timeline.text import segment


def _sentences(text: str) -> list[str]:
    return [text[s.start:s.end] for s in segment(text)]


@pytest.mark.parametrize(("text", "expected"), [
    # a headline without final punctuation is never joined to the dateline after it
    ("Apple Corps loses court case against Apple Computer in London\nMay 8, 2006\nThe label lost its case.",
     ["Apple Corps loses court case against Apple Computer in London", "May 8, 2006", "The label lost its case."]),
    ("Carmaker unveils its first electric truck at the motor show in Detroit\n30 January 2026\nIt is blue.",
     ["Carmaker unveils its first electric truck at the motor show in Detroit", "30 January 2026", "It is blue."]),
    ("Carmaker unveils its first electric truck at the motor show in Detroit\nBy Jane Smith\nIt is blue.",
     ["Carmaker unveils its first electric truck at the motor show in Detroit", "By Jane Smith", "It is blue."]),
    # nor to the lead, when it is in title case
    ("Carmaker Unveils Its First Electric Truck At The Detroit Motor Show\nThe carmaker showed a truck.",
     ["Carmaker Unveils Its First Electric Truck At The Detroit Motor Show", "The carmaker showed a truck."]),
    # a Markdown heading is its own line
    ("# The carmaker shows its first electric truck to dealers in Detroit\nThe carmaker showed a truck.",
     ["# The carmaker shows its first electric truck to dealers in Detroit", "The carmaker showed a truck."]),
])
def test_headline_dateline_and_byline_are_sentences_of_their_own(text: str, expected: list[str]) -> None:
    assert _sentences(text) == expected


def test_a_hard_wrapped_first_line_is_still_joined() -> None:
    text = ("In a post on his personal account in Korean and Khmer on Friday (Jan 30), President Lee\n"
            "Jae-myung affirmed that the government will act.\nOfficials agreed.")
    assert _sentences(text) == [
        "In a post on his personal account in Korean and Khmer on Friday (Jan 30), President Lee\n"
        "Jae-myung affirmed that the government will act.", "Officials agreed."]


def test_a_wrapped_line_that_starts_with_a_date_far_from_the_top_is_joined() -> None:
    lines = ["Lead sentence one.", "Second sentence here.", "Third sentence here.",
             "The ministers of the two countries are expected to meet again on",
             "March 5 in the capital to sign the agreement."]
    assert _sentences("\n".join(lines))[-1] == "\n".join(lines[-2:])


@pytest.mark.parametrize("name", ["iPhone", "iOS", "eBay"])
def test_a_sentence_may_start_with_a_name_in_small_letters(name: str) -> None:
    text = f"Android phones outsold rivals. {name} users spend more."
    assert _sentences(text) == ["Android phones outsold rivals.", f"{name} users spend more."]


def test_abbreviations_still_do_not_end_sentences() -> None:
    assert _sentences("Mr. Smith met Dr. Jones in the U.S. on Jan. 5. They talked.") == [
        "Mr. Smith met Dr. Jones in the U.S. on Jan. 5.", "They talked."]
