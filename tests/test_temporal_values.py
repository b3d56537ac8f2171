"""Calendar points at the edges of `datetime.date`, and the BC values of years before AD 1."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.temporal.values import OutOfRange, Point, year_value


@pytest.mark.parametrize(
    ("year", "gran", "expected"),
    [
        (2016, "year", "2016"), (2016, "decade", "201"), (2016, "century", "20"), (1, "year", "0001"),
        (0, "year", "BC0001"),  # astronomical year 0 is 1 BC: no year zero
        (-974, "year", "BC0975"), (-974, "decade", "BC097"), (-974, "century", "BC09"),
        (-9998, "year", "BC9999"), (-9999, "year", None), (9999, "year", "9999"), (10000, "year", None),
    ],
)
def test_year_value(year: int, gran: str, expected: str | None) -> None:
    assert year_value(year, gran) == expected


@pytest.mark.parametrize(
    ("point", "n", "unit"),
    [
        (Point("day", date.max), 1, None), (Point("day", date.min), -1, None),
        (Point("year", date(9999, 1, 1)), 1, None), (Point("month", date(1, 1, 1)), -1, None),
        (Point("day", date(2026, 1, 31)), 10**15, None), (Point("day", date(2026, 1, 31)), -10**15, "year"),
    ],
)
def test_shifting_past_the_calendar_raises_out_of_range(point: Point, n: int, unit: str | None) -> None:
    with pytest.raises(OutOfRange):
        point.shift(n, unit)


def test_the_last_periods_have_a_last_day_but_no_end() -> None:
    assert Point("year", date(9999, 1, 1)).last() == date.max
    assert Point("day", date(2026, 1, 31)).last() == date(2026, 1, 31)
    with pytest.raises(OutOfRange):
        Point("month", date(9999, 12, 1)).end()
    with pytest.raises(OutOfRange):
        Point.of("weekend", date.max)  # a Friday: its weekend starts on 10000-01-01
    with pytest.raises(OutOfRange):
        Point.of("season", date(1, 1, 15))  # the winter of 1 BC
