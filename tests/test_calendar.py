"""TIMEX3 values as calendar intervals and labels (timeline.calendar)."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.calendar import GRANULARITIES, granularity_rank, html_datetime, interval, label

D = date

INTERVALS: list[tuple[str, tuple[date, date, str]]] = [
    # day, including leap days
    ("2026-01-30", (D(2026, 1, 30), D(2026, 1, 31), "day")),
    ("2024-02-29", (D(2024, 2, 29), D(2024, 3, 1), "day")),
    ("2000-02-29", (D(2000, 2, 29), D(2000, 3, 1), "day")),
    ("2025-12-31", (D(2025, 12, 31), D(2026, 1, 1), "day")),
    # month: February in leap and common years, December into the next year
    ("2025-11", (D(2025, 11, 1), D(2025, 12, 1), "month")),
    ("2024-02", (D(2024, 2, 1), D(2024, 3, 1), "month")),
    ("2025-12", (D(2025, 12, 1), D(2026, 1, 1), "month")),
    # year, decade, century
    ("2025", (D(2025, 1, 1), D(2026, 1, 1), "year")),
    ("199", (D(1990, 1, 1), D(2000, 1, 1), "decade")),
    ("201", (D(2010, 1, 1), D(2020, 1, 1), "decade")),
    ("19", (D(1900, 1, 1), D(2000, 1, 1), "century")),
    ("20", (D(2000, 1, 1), D(2100, 1, 1), "century")),
    # quarter, half
    ("2025-Q1", (D(2025, 1, 1), D(2025, 4, 1), "quarter")),
    ("2025-Q3", (D(2025, 7, 1), D(2025, 10, 1), "quarter")),
    ("2025-Q4", (D(2025, 10, 1), D(2026, 1, 1), "quarter")),
    ("2025-H1", (D(2025, 1, 1), D(2025, 7, 1), "half")),
    ("2025-H2", (D(2025, 7, 1), D(2026, 1, 1), "half")),
    # meteorological seasons; winter crosses the year and ends with a leap February
    ("2025-SP", (D(2025, 3, 1), D(2025, 6, 1), "season")),
    ("2025-SU", (D(2025, 6, 1), D(2025, 9, 1), "season")),
    ("2025-FA", (D(2025, 9, 1), D(2025, 12, 1), "season")),
    ("2025-WI", (D(2025, 12, 1), D(2026, 3, 1), "season")),
    ("2023-WI", (D(2023, 12, 1), D(2024, 3, 1), "season")),
    # ISO weeks: Monday to the next Monday; week 1 may start in the previous December
    ("2026-W04", (D(2026, 1, 19), D(2026, 1, 26), "week")),
    ("2026-W4", (D(2026, 1, 19), D(2026, 1, 26), "week")),
    ("2026-W01", (D(2025, 12, 29), D(2026, 1, 5), "week")),
    ("2025-W01", (D(2024, 12, 30), D(2025, 1, 6), "week")),
    ("2020-W53", (D(2020, 12, 28), D(2021, 1, 4), "week")),
    ("2026-W53", (D(2026, 12, 28), D(2027, 1, 4), "week")),
    ("2021-W01", (D(2021, 1, 4), D(2021, 1, 11), "week")),
    # weekend: Saturday to Monday
    ("2026-W05-WE", (D(2026, 1, 31), D(2026, 2, 2), "weekend")),
    ("2020-W53-WE", (D(2021, 1, 2), D(2021, 1, 4), "weekend")),
    # a day named by ISO week and weekday
    ("2026-W05-5", (D(2026, 1, 30), D(2026, 1, 31), "day")),
    # parts of the day and times: the whole day
    ("2026-01-26TNI", (D(2026, 1, 26), D(2026, 1, 27), "part of day")),
    ("2026-01-26TMO", (D(2026, 1, 26), D(2026, 1, 27), "part of day")),
    ("2026-01-26TAF", (D(2026, 1, 26), D(2026, 1, 27), "part of day")),
    ("2026-01-26TEV", (D(2026, 1, 26), D(2026, 1, 27), "part of day")),
    ("2026-01-26TDT", (D(2026, 1, 26), D(2026, 1, 27), "part of day")),
    ("2026-01-30T15:00", (D(2026, 1, 30), D(2026, 1, 31), "time")),
    ("2026-01-30T15:00:20", (D(2026, 1, 30), D(2026, 1, 31), "time")),
    ("2026-01-30T15:00Z", (D(2026, 1, 30), D(2026, 1, 31), "time")),
    ("2024-02-29T23:59", (D(2024, 2, 29), D(2024, 3, 1), "time")),
]


@pytest.mark.parametrize(("value", "expected"), INTERVALS)
def test_interval(value: str, expected: tuple[date, date, str]) -> None:
    assert interval(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        "PRESENT_REF",
        "PAST_REF",
        "FUTURE_REF",
        "P3W",
        "PXM",
        "PT2H",
        "XXXX-11",
        "2025-XX",
        "XXXX-WXX-1",
        "XXXX-XX-XXTNI",
        "2025-02-29",  # not a leap year
        "1900-02-29",  # century years are leap only every 400 years
        "2025-13",
        "2025-W53",  # 2025 has 52 ISO weeks
        "2021-W53-WE",
        "2026-W00",
        "2026-01-30T25:00",
        "0000",
        "",
        "yesterday",
        "BC0975",  # before AD 1: no datetime.date holds it
        "BC04",
    ],
)
def test_interval_none(value: str) -> None:
    assert interval(value) is None


def test_intervals_are_half_open_and_nonempty() -> None:
    for value, _ in INTERVALS:
        result = interval(value)
        assert result is not None
        start, end, _granularity = result
        assert start < end


def test_granularity_rank_orders_coarse_to_fine() -> None:
    ranks = [granularity_rank(name) for name in GRANULARITIES]
    assert ranks == sorted(ranks) == list(range(len(GRANULARITIES)))
    assert granularity_rank("century") < granularity_rank("year") < granularity_rank("month")
    assert granularity_rank("month") < granularity_rank("week") < granularity_rank("day")
    assert granularity_rank("day") < granularity_rank("part of day") < granularity_rank("time")
    with pytest.raises(ValueError):
        granularity_rank("fortnight")


def test_every_interval_granularity_is_ranked() -> None:
    for value, _ in INTERVALS:
        result = interval(value)
        assert result is not None
        granularity_rank(result[2])


LABELS: list[tuple[str, str | None, str]] = [
    ("2026-01-30", None, "Friday 30 January 2026"),
    ("2024-02-29", None, "Thursday 29 February 2024"),
    ("2025-11", None, "November 2025"),
    ("2025", None, "2025"),
    ("199", None, "the 1990s"),
    ("200", None, "the 2000s"),
    ("19", None, "the 20th century"),
    ("20", None, "the 21st century"),
    ("11", None, "the 12th century"),
    ("2025-Q3", None, "Q3 2025"),
    ("2025-H1", None, "first half of 2025"),
    ("2025-H2", None, "second half of 2025"),
    ("2025-SP", None, "spring 2025"),
    ("2025-SU", None, "summer 2025"),
    ("2025-FA", None, "autumn 2025"),
    ("2025-WI", None, "winter 2025–26"),
    ("1999-WI", None, "winter 1999–2000"),
    ("2026-W04", None, "week 4 of 2026"),
    ("2026-W4", None, "week 4 of 2026"),
    ("2026-W01", None, "week 1 of 2026"),
    ("2020-W53", None, "week 53 of 2020"),
    ("2026-W05-WE", None, "weekend of 31 January 2026"),
    ("2026-W05-5", None, "Friday 30 January 2026"),
    ("2026-01-26TNI", None, "Monday 26 January 2026, night"),
    ("2026-01-26TMO", None, "Monday 26 January 2026, morning"),
    ("2026-01-26TAF", None, "Monday 26 January 2026, afternoon"),
    ("2026-01-26TEV", None, "Monday 26 January 2026, evening"),
    ("2026-01-30T15:00", None, "Friday 30 January 2026, 15:00"),
    ("2026-01-30T15:00:20", None, "Friday 30 January 2026, 15:00:20"),
    ("2026-01-30T15:00Z", None, "Friday 30 January 2026, 15:00 UTC"),
    # mods
    ("2025", "START", "early 2025"),
    ("2025", "MID", "mid-2025"),
    ("2025", "END", "late 2025"),
    ("2025-11", "START", "early November 2025"),
    ("2025-11", "MID", "mid-November 2025"),
    ("2025-11", "END", "late November 2025"),
    ("199", "START", "the early 1990s"),
    ("199", "MID", "the mid-1990s"),
    ("19", "END", "the late 20th century"),
    ("2025-H1", "END", "the end of the first half of 2025"),
    ("2026-W04", "START", "the start of week 4 of 2026"),
    ("2026-01-26TMO", "START", "Monday 26 January 2026, early morning"),
    ("2026-01-26TEV", "END", "Monday 26 January 2026, late evening"),
    ("2025-11", "APPROX", "about November 2025"),
    ("2025-H1", "APPROX", "about the first half of 2025"),
    ("2026-01-30", "BEFORE", "before Friday 30 January 2026"),
    ("2025", "AFTER", "after 2025"),
    ("2025", "ON_OR_BEFORE", "2025 or earlier"),
    ("2025-11", "ON_OR_AFTER", "November 2025 or later"),
    ("2026-01-30T15:00", "APPROX", "Friday 30 January 2026, about 15:00"),
    ("2026-01-30T15:00", "BEFORE", "Friday 30 January 2026, before 15:00"),
    ("2025", "NOT_A_MOD", "2025"),
    # vague references
    ("PRESENT_REF", None, "now"),
    ("PAST_REF", None, "the past"),
    ("FUTURE_REF", None, "the future"),
    # durations, singular and plural
    ("P3W", None, "3 weeks"),
    ("P1W", None, "1 week"),
    ("P5Y", None, "5 years"),
    ("P1Y", None, "1 year"),
    ("PXM", None, "months"),
    ("PXY", None, "years"),
    ("P2M", None, "2 months"),
    ("PT2H", None, "2 hours"),
    ("PT1H", None, "1 hour"),
    ("PT30M", None, "30 minutes"),
    ("PT1S", None, "1 second"),
    ("P1D", None, "1 day"),
    ("P1DT6H", None, "1 day and 6 hours"),
    ("P1Y2M3D", None, "1 year, 2 months and 3 days"),
    ("P2DE", None, "2 decades"),
    ("P1.5Y", None, "1.5 years"),
    ("P3W", "LESS_THAN", "less than 3 weeks"),
    ("P3W", "MORE_THAN", "more than 3 weeks"),
    ("P3W", "EQUAL_OR_LESS", "at most 3 weeks"),
    ("P3W", "EQUAL_OR_MORE", "at least 3 weeks"),
    ("P3W", "APPROX", "about 3 weeks"),
    ("PXM", "MORE_THAN", "months"),
    # years before AD 1, and the last day a date holds
    ("BC0975", None, "975 BC"),
    ("BC0001", None, "1 BC"),
    ("BC097", None, "the 970s BC"),
    ("BC04", None, "the 5th century BC"),
    ("BC00", None, "the 1st century BC"),
    ("BC04", "START", "the early 5th century BC"),
    ("BC0500", "APPROX", "about 500 BC"),
    ("9999-12-31", None, "Friday 31 December 9999"),
    ("9999-Q4", None, "Q4 9999"),
    # unknown values come back as they are
    ("XXXX-WXX-1", None, "XXXX-WXX-1"),
    ("XXXX-11", None, "XXXX-11"),
    ("2025-02-29", None, "2025-02-29"),
    ("2021-W53", None, "2021-W53"),
    ("P", None, "P"),
    ("nonsense", "START", "nonsense"),
    ("", None, ""),
]


@pytest.mark.parametrize(("value", "mod", "expected"), LABELS)
def test_label(value: str, mod: str | None, expected: str) -> None:
    assert label(value, mod) == expected


@pytest.mark.parametrize(
    "value", ["\x00", "P" + "1Y" * 1000, "9" * 500, "2025-W" + "9" * 50, "9999-12-31T24:00", "9999-WI"]
)
def test_label_never_raises(value: str) -> None:
    assert isinstance(label(value, "START"), str)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-01-30", "2026-01-30"),
        ("2025-11", "2025-11"),
        ("2025", "2025"),
        ("2026-W04", "2026-W04"),
        ("2026-W4", "2026-W04"),
        ("2026-W05-WE", "2026-W05"),
        ("2026-01-26TNI", "2026-01-26"),
        ("2026-01-30T15:00", "2026-01-30T15:00"),
        ("2026-01-30T15:00:20", "2026-01-30T15:00:20"),
        ("2026-01-30T15:00+0100", "2026-01-30T15:00+01:00"),
        ("199", "1990"),
        ("2025-Q3", "2025"),
        ("2025-WI", "2025"),
        ("PRESENT_REF", None),
        ("P3W", None),
        ("XXXX-11", None),
        ("BC0975", None),
        ("9999-12-31", "9999-12-31"),
    ],
)
def test_html_datetime(value: str, expected: str | None) -> None:
    assert html_datetime(value) == expected


PHASED: list[tuple[str, str, tuple[date, date]]] = [
    # a year in thirds of four months
    ("2025", "START", (D(2025, 1, 1), D(2025, 5, 1))),
    ("2024", "MID", (D(2024, 5, 1), D(2024, 9, 1))),
    ("2025", "END", (D(2025, 9, 1), D(2026, 1, 1))),
    # a quarter in months, a decade in thirds of 40 months
    ("2025-Q4", "END", (D(2025, 12, 1), D(2026, 1, 1))),
    ("199", "START", (D(1990, 1, 1), D(1993, 5, 1))),
    # a month in days: the first and last thirds rounded down, the middle the rest
    ("2026-03", "START", (D(2026, 3, 1), D(2026, 3, 11))),
    ("2026-03", "MID", (D(2026, 3, 11), D(2026, 3, 22))),
    ("2026-03", "END", (D(2026, 3, 22), D(2026, 4, 1))),
    ("2026-02", "END", (D(2026, 2, 20), D(2026, 3, 1))),
    # other mods, and a day, keep the whole period
    ("2025", "APPROX", (D(2025, 1, 1), D(2026, 1, 1))),
    ("2026-01-30", "END", (D(2026, 1, 30), D(2026, 1, 31))),
]


@pytest.mark.parametrize(("value", "mod", "expected"), PHASED)
def test_a_mod_of_phase_keeps_a_third_of_the_period(value: str, mod: str, expected: tuple[date, date]) -> None:
    got = interval(value, mod)
    assert got is not None and got[:2] == expected
    assert got[2] == interval(value)[2]  # type: ignore[index]  # the granularity stays the value's
