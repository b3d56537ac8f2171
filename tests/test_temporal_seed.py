"""The temporal tagger on the project's seed article, and properties of the engine itself."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from timeline.temporal import tag
from timeline.temporal.parse import Parse
from timeline.temporal.resolve import Context, resolve
from timeline.temporal.rules import GRAMMAR
from timeline.temporal.values import Point

SEED = Path(__file__).parent.parent / "seeds" / "000_3b01959ef49d4888.txt"
PUBLISHED = date(2026, 1, 31)


def _seed_text() -> str:
    text = SEED.read_text(encoding="utf-8")
    if text.startswith("---"):  # front matter
        text = text.split("---", 2)[2]
    return text


@pytest.fixture(scope="module")
def seed_timexes() -> dict[str, str]:
    return {t.text: t.value for t in tag(_seed_text(), PUBLISHED)}


@pytest.mark.parametrize(("text", "value"), [
    ("Friday (Jan 30)", "2026-01-30"),
    ("last October", "2025-10"),
    ("last November", "2025-11"),
    ("last Wednesday", "2026-01-28"),
    ("January 23", "2026-01-23"),
    ("last year", "2025"),
])
def test_seed_dates(seed_timexes: dict[str, str], text: str, value: str) -> None:
    assert seed_timexes.get(text) == value


@pytest.mark.parametrize("phrase", ["136 suspects", "US$33.8 million", "7 Korean officers", "869", "73"])
def test_seed_numbers_are_not_dates(phrase: str) -> None:
    text = _seed_text()
    start = text.index(phrase)
    end = start + len(phrase)
    assert not [t for t in tag(text, PUBLISHED) if t.start < end and start < t.end]


def test_publication_date_as_string_or_date() -> None:
    assert tag("It happened yesterday.", "2026-01-31") == tag("It happened yesterday.", PUBLISHED)


def test_fast_scanner_agrees_with_the_reference_on_hostile_input() -> None:
    """Long runs of digits, near-miss words and modifiers: the anchored scanner finds exactly what
    trying every rule at every position finds (speed and linearity: benchmarks/tagger.py)."""
    hostile = ("1 " * 50 + "Jan. " * 20 + "the the the " * 20 + "9-9-9-" * 20 + "last last next " * 20
               + "a few several " * 20 + "nineteen ninety " * 20 + "about about " * 20 + "May may MAY " * 20)
    assert [(m.start, m.end, m.rule) for m in GRAMMAR.units(hostile)] == [
        (m.start, m.end, m.rule) for m in GRAMMAR.units_all(hostile)]


def test_tagging_a_long_text() -> None:
    text = ". ".join(["Talks resumed on Jan. 23, 2026 and ended two days later"] * 400) + "."
    found = tag(text, PUBLISHED)
    assert len(found) == 800
    assert {t.value for t in found} == {"2026-01-23", "2026-01-25"}


def test_resolver_takes_its_reference_as_an_argument() -> None:
    """The same parse resolves differently against different publication dates (no hidden now())."""
    yesterday = Parse("offset", unit="D", amount=-1, anchor="dct")
    assert resolve(yesterday, Context(date(2026, 1, 31))).value == "2026-01-30"
    assert resolve(yesterday, Context(date(1989, 10, 26))).value == "1989-10-25"


def test_anaphora_uses_the_reference_point() -> None:
    next_day = Parse("offset", unit="D", amount=1, anchor="ref")
    ref = Point("day", date(2025, 3, 3))
    assert resolve(next_day, Context(PUBLISHED, ref=ref)).value == "2025-03-04"
    # The text last mentioned a year: the day is unknown.
    assert resolve(next_day, Context(PUBLISHED, ref=Point("year", date(2019, 1, 1)))).value == "2019-XX-XX"


def test_quarter_without_year_is_the_latest_begun() -> None:
    q3 = Parse("calendar", quarter=3)
    assert resolve(q3, Context(date(1989, 11, 2), tense="future")).value == "1989-Q3"
    assert resolve(q3, Context(date(2026, 1, 31), tense="past")).value == "2025-Q3"
    q1 = Parse("calendar", quarter=1)
    assert resolve(q1, Context(date(1989, 11, 2), tense="future")).value == "1990-Q1"
