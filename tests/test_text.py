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


def _paragraph_spans_as_before(text: str) -> list[tuple[int, int]]:
    """The paragraph splitter as it was before it was made linear (it looked at the whole text
    before every line break): the oracle the linear one must agree with."""
    from timeline.text import _BLANK_LINE, _LINE_BREAK, _soft_wrap

    spans = []
    start = 0
    for block in _BLANK_LINE.finditer(text + "\n\n"):
        end = min(block.start(), len(text))
        line_start = pstart = start
        for brk in _LINE_BREAK.finditer(text, start, end):
            if not _soft_wrap(text, brk, line_start, first=not text[:line_start].strip()):
                spans.append((pstart, brk.start()))
                pstart = brk.end()
            line_start = brk.end()
        spans.append((pstart, end))
        start = block.end()
        if start >= len(text):
            break
    return spans


def test_paragraph_spans_are_unchanged_by_the_linear_splitter() -> None:
    """Single-line paragraphs, wrapped lines, headlines and leading blank lines: the same spans as
    the quadratic splitter gave (random texts from a fixed seed)."""
    import random

    from timeline.text import _paragraph_spans

    lines = ["Carmaker Unveils Its First Electric Truck At The Detroit Motor Show", "May 8, 2006",
             "By Jane Smith", "The label lost its case.", "the talks went on for a long time after the strike and",
             "iPhone sales rose", "- a list item", "# A heading", "", "   ", "\t", "Short line",
             "A long line that stops in the middle of a sentence because it was wrapped by",
             "continued here in lower case."]
    rng = random.Random(16)
    for _ in range(400):
        text = rng.choice(["", "\n", "  \n\n", " "]) + "\n".join(rng.choice(lines) for _ in range(rng.randint(0, 12)))
        assert _paragraph_spans(text) == _paragraph_spans_as_before(text), repr(text)


@pytest.mark.parametrize(("text", "expected"), [
    # a list whose line breaks were lost: one sentence an item, each opened by its date and a colon
    ("Spills in history: 1991: 520m gallons were released in the Gulf War 1979: 140m gallons were spilt "
     "off Mexico 1989: 11m gallons were spilt in Alaska However, this was a complex task.",
     ["Spills in history:", "1991: 520m gallons were released in the Gulf War",
      "1979: 140m gallons were spilt off Mexico", "1989: 11m gallons were spilt in Alaska",
      "However, this was a complex task."]),
    ("Timeline 20 April: Rig explodes, killing 11 people 28 April: Coastguard fears a vast spill "
     "4 August: BP says the well is sealed.",
     ["Timeline", "20 April: Rig explodes, killing 11 people", "28 April: Coastguard fears a vast spill",
      "4 August: BP says the well is sealed."]),
    ("Career: 1966-69: Chief of trade, UNCTAD January 15, 1985 -- July 31, 1987: Deputy chairman "
     "1996 onwards: Member of the committee",
     ["Career:", "1966-69: Chief of trade, UNCTAD", "January 15, 1985 -- July 31, 1987: Deputy chairman",
      "1996 onwards: Member of the committee"]),
])
def test_a_run_on_list_of_dated_items_is_one_sentence_an_item(text: str, expected: list[str]) -> None:
    assert _sentences(text) == expected


@pytest.mark.parametrize("text", [
    "The score in 2009: three goals to one, a record.",  # one date before a colon is no list
    "They met at 10:30 and at 11:45: twice in an hour.",
    "In 2009 sales rose; in 2010: they fell. Meanwhile, costs rose.",
])
def test_a_single_date_before_a_colon_does_not_split_a_sentence(text: str) -> None:
    assert len(_sentences(text)) == text.count(". ") + 1


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # a day written as an ordinal with a full stop before its month (German style) ends no sentence
    ("Am 8. Januar 2015 begann der Prozess. Er endete am 3. März 2016.", "en",
     ["Am 8. Januar 2015 begann der Prozess.", "Er endete am 3. März 2016."]),
    ("Am 8. Januar 2015 begann der Prozess. Er endete am 3. März 2016.", "fr",
     ["Am 8. Januar 2015 begann der Prozess.", "Er endete am 3. März 2016."]),
    ('The court sat on "8. Januar 2015" by its record. It ended.', "en",
     ['The court sat on "8. Januar 2015" by its record.', "It ended."]),
    ("He won on 8. January 2015 in Bonn. Then he left.", "en", ["He won on 8. January 2015 in Bonn.", "Then he left."]),
    # a numbered list item that opens with a month stays whole, its number kept as "1)" and "-" keep theirs
    ("1. January was cold.\n2. February was wet.", "en", ["1. January was cold.", "2. February was wet."]),
    # a number that is no day, or a word after it that is no month, still ends a sentence
    ("Sales rose in 2015. January was cold.", "en", ["Sales rose in 2015.", "January was cold."]),
    ("The count was 8. Officials left.", "en", ["The count was 8.", "Officials left."]),
    ("Termin: 1. Mai. Danach nichts.", "en", ["Termin: 1. Mai.", "Danach nichts."]),
])
def test_an_ordinal_day_before_its_month_ends_no_sentence(text: str, lang: str, expected: list[str]) -> None:
    assert [text[s.start:s.end] for s in segment(text, lang)] == expected
