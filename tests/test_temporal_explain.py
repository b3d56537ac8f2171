"""`timeline tag --explain` and `explain()`: which rule made each expression, from which parts,
with which parse, resolved against what; and what composing joins and keeps apart."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from timeline.cli import main
from timeline.temporal import tag
from timeline.temporal.tagger import explain

PUBLISHED = date(2026, 1, 31)


def test_explain_names_the_rule_the_parts_the_parse_and_the_anchor(capsys: pytest.CaptureFixture[str],
                                                                   tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("Talks resumed on Friday (Jan 30). They ended two days later.\n", encoding="utf-8")
    assert main(["tag", str(story), "--published", "2026-01-31", "--explain"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert [(e["text"], e["value"], e["rule"], e["parts"], e["anchor"]) for e in found] == [
        ("Friday (Jan 30)", "2026-01-30", "weekday_date", ["weekday", "month_day"], None),
        ("two days later", "2026-02-01", "later", [], "previous"),
    ]
    assert found[0]["parse"] == "calendar(month=1, day=30, weekday=5)"
    assert found[1]["parse"] == "count(unit='D', amount=2.0, anchor='ref')"


def test_tag_without_explain_keeps_its_json(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("It rained on Friday.\n", encoding="utf-8")
    assert main(["tag", str(story), "--published", "2026-01-31"]) == 0
    assert list(json.loads(capsys.readouterr().out)[0]) == ["start", "end", "text", "type", "value", "mod", "anchor"]


def test_explain_finds_what_tag_finds() -> None:
    text = "On 5 May 2025 at 5 p.m. the vote closed; turnout fell from a year earlier, officials said Monday."
    assert [e.timex for e in explain(text, PUBLISHED)] == tag(text, PUBLISHED)


def test_explain_can_show_the_phrases_it_keeps_from_being_tagged() -> None:
    silent = [e for e in explain("a 6-year-old boy", PUBLISHED, silent=True) if e.timex is None]
    assert [e.rule for e in silent] == ["age"]
    assert explain("a 6-year-old boy", PUBLISHED) == []


@pytest.mark.parametrize(("text", "expected"), [
    # the parts of a date compose however they are ordered and punctuated
    ("on 5 May 2025 at 5 p.m.", [("5 May 2025 at 5 p.m.", "2025-05-05T17:00")]),
    ("at 5 p.m. on 5 May 2025", [("5 p.m. on 5 May 2025", "2025-05-05T17:00")]),
    ("Friday,January 30, 2026", [("Friday,January 30, 2026", "2026-01-30")]),
    ("Sat., Jan. 31, at noon", [("Sat., Jan. 31, at noon", "2026-01-31T12:00")]),
    ("the night of Jan. 5", [("the night of Jan. 5", "2026-01-05TNI")]),
    # parts that are no date alone are dropped when nothing takes them
    ("The March for Justice", []),
    ("the morning of the attack", []),
    ("the Sun reported", []),
    # a paragraph break keeps a date and a year apart
    ("It ended in January\n\n2026 began", [("January", "2026-01"), ("2026", "2026")]),
])
def test_what_composes(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(t.text, t.value) for t in tag(text, PUBLISHED)] == expected


@pytest.mark.parametrize(("text", "phrase", "why"), [
    # a plan made for the date
    ("Unions have called a meeting for Friday.", "Friday",
     "the future: schedule word 'called': the date a plan was made for"),
    # the tense nearest to it
    ("The council met on Friday.", "Friday", "the past: past tense ('met')"),
    ("The council will meet on Friday.", "Friday", "the future: future tense ('will')"),
    # a timetable in the present
    ("Polls close at 8 p.m. Tuesday.", "8 p.m. Tuesday", "the future: a timetable in the present ('close')"),
    # "since"
    ("Since April, prices have risen.", "April", "the past: 'since': never after the publication date"),
    # no marker at all: the default
    ("A storm on Friday.", "Friday", "the past: no tense marker near it: the nearest such date, a past one preferred"),
    # the date that opens a chronology's item, whose present is a headline's
    ("2 June: Government begins criminal inquiry.", "2 June",
     "the past: the date of a chronology's item, told in a headline's present ('begins'): a day gone by"),
    # a quotation counted from the day it was said
    ('"We reopen tomorrow," she said Monday.', "tomorrow", "in a quotation: counted from the day it was said"),
])
def test_explain_says_why_a_relative_date_went_to_the_past_or_the_future(text: str, phrase: str, why: str) -> None:
    found = {e.timex.text: e for e in explain(text, date(2026, 1, 28)) if e.timex is not None}
    assert found[phrase].why == why
    assert found[phrase].to_dict()["why"] == why


def test_explain_gives_no_why_for_an_absolute_date() -> None:
    assert [e.why for e in explain("The plant opened on 5 May 2025.", PUBLISHED)] == [None]


@pytest.mark.parametrize("text", [
    "At Christmas every year, the town lights up.",
    "Each year on New Year's Eve, crowds gather by the river.",
    "The event is held annually on Halloween.",
    "Every year at Easter the village holds a fair.",
])
def test_a_holiday_in_a_clause_that_says_every_year_is_no_day(text: str) -> None:
    """A habit written with a set ("every year", "annually") beside the holiday: the set is tagged,
    the holiday names no one day (the tagger gave the nearest one)."""
    timexes = tag(text, "2026-01-31")
    assert all(t.type == "SET" for t in timexes), timexes
