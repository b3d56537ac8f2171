"""Calendar points at a granularity, their arithmetic, and TIMEX3 value strings.

A Point is a granularity and the first day of the period it names: the quarter 1989-Q3 is
Point("quarter", 1989-07-01). Shifting and coarsening work on that day, formatting reads the
granularity, so "a year earlier" than 1989-Q3 is 1988-Q3 with no special case.

Days are `datetime.date`s, so points lie in the years 1..9999: arithmetic that leaves them raises
OutOfRange (never a bare OverflowError), and resolve.resolve makes that "no value". Only a year,
decade or century before AD 1 still has a TIMEX3 value, in the BC form of `year_value`.
"""

from __future__ import annotations

import math
from calendar import monthrange
from dataclasses import dataclass
from datetime import date, timedelta

# Finest first. A weekend is finer than a week; a season sits between month and quarter.
GRANULARITIES = ("day", "weekend", "week", "month", "season", "quarter", "half", "year", "decade",
                 "century")
RANK = {g: i for i, g in enumerate(GRANULARITIES)}

# Duration units (vocab.UNITS values) -> the granularity of a date counted in that unit.
UNIT_GRANULARITY = {
    "S": "day", "MIN": "day", "H": "day", "D": "day", "NIGHT": "day", "W": "week", "FORTNIGHT": "week",
    "WE": "weekend", "M": "month", "Q": "quarter", "Y": "year", "DE": "decade", "CE": "century",
    "ML": "century", "SEASON": "season",
}

SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_SEASON_OF_MONTH = {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU",
                    9: "FA", 10: "FA", 11: "FA"}


MIN_YEAR, MAX_YEAR = date.min.year, date.max.year  # the years a datetime.date can hold (1..9999)


class OutOfRange(ValueError):
    """A calendar computation left the years 1..9999 that `datetime.date` represents: the expression
    has no such value (resolve.resolve turns this into "no value")."""


def add_days(d: date, n: int) -> date:
    """`d` moved by `n` days (OutOfRange past date.min or date.max)."""
    try:
        return d + timedelta(days=n)
    except OverflowError:  # out of date's range, or a count too large for timedelta
        raise OutOfRange(f"{d} {n:+d} days is outside years {MIN_YEAR}..{MAX_YEAR}") from None


def make_date(y: int, m: int, d: int) -> date:
    """date(y, m, d), with OutOfRange (not a bare ValueError) for a year outside 1..9999."""
    if not MIN_YEAR <= y <= MAX_YEAR:
        raise OutOfRange(f"year {y} is outside {MIN_YEAR}..{MAX_YEAR}")
    return date(y, m, d)


def add_months(d: date, n: int) -> date:
    """The first day of the month `n` months after d's month (periods start on the 1st)."""
    m = d.year * 12 + (d.month - 1) + n
    if not MIN_YEAR <= m // 12 <= MAX_YEAR:
        raise OutOfRange(f"{d} {n:+d} months is outside years {MIN_YEAR}..{MAX_YEAR}")
    return date(m // 12, m % 12 + 1, 1)


def year_value(year: int, gran: str = "year") -> str | None:
    """The TIMEX3 value of an astronomical year (0 is 1 BC, -974 is 975 BC) at year, decade or
    century granularity: 2016, 201, 20; before AD 1 the BC forms of TIMEX2/HeidelTime, counted
    without a year zero: BC0975 (975 BC), BC097 (the 970s BC), BC09 (the 900s BC). None past 9999
    either way (no four-digit form holds it)."""
    bc = year <= 0
    n = 1 - year if bc else year
    if n > MAX_YEAR:
        return None
    digits = {"year": f"{n:04d}", "decade": f"{n // 10:03d}", "century": f"{n // 100:02d}"}[gran]
    return "BC" + digits if bc else digits


@dataclass(frozen=True, slots=True)
class Point:
    """A calendar period: granularity and the first day of the period."""

    gran: str
    start: date

    @staticmethod
    def of(gran: str, d: date) -> Point:
        """The period of granularity `gran` that contains day `d`."""
        if gran == "day":
            return Point("day", d)
        if gran == "week":
            return Point("week", add_days(d, 1 - d.isoweekday()))
        if gran == "weekend":
            return Point("weekend", add_days(d, 6 - d.isoweekday()))
        if gran == "month":
            return Point("month", d.replace(day=1))
        if gran == "season":
            m = d.month
            y = d.year - 1 if m in (1, 2) else d.year
            if y < MIN_YEAR:  # January of AD 1 is in the winter of 1 BC
                raise OutOfRange(f"the season of {d} began before AD 1")
            return Point("season", date(y, SEASON_START[_SEASON_OF_MONTH[m]], 1))
        if gran == "quarter":
            return Point("quarter", date(d.year, (d.month - 1) // 3 * 3 + 1, 1))
        if gran == "half":
            return Point("half", date(d.year, 1 if d.month <= 6 else 7, 1))
        if gran == "year":
            return Point("year", date(d.year, 1, 1))
        if gran == "decade":
            return Point("decade", date(max(1, d.year // 10 * 10), 1, 1))
        if gran == "century":
            return Point("century", date(max(1, d.year // 100 * 100), 1, 1))
        raise ValueError(f"unknown granularity {gran!r}")

    def coarsen(self, gran: str) -> Point:
        """The period of granularity `gran` that contains this one's first day."""
        return Point.of(gran, self.start)

    def end(self) -> date:
        """The first day after the period (OutOfRange for a period that ends on date.max)."""
        return self.shift(1).start

    def last(self) -> date:
        """The last day of the period (always a date, even for the last period before date.max)."""
        try:
            return self.end() - timedelta(days=1)
        except OutOfRange:
            return date.max

    def shift(self, n: int, unit: str | None = None) -> Point:
        """Move by `n` units (default: the point's own granularity), keeping the granularity."""
        unit_gran = unit or self.gran
        d = self.start
        if unit_gran == "day":
            nd = add_days(d, n)
        elif unit_gran in ("week", "weekend"):
            nd = add_days(d, 7 * n)
        else:
            months = {"month": 1, "season": 3, "quarter": 3, "half": 6, "year": 12, "decade": 120,
                      "century": 1200}[unit_gran]
            if self.gran in ("day", "week", "weekend"):
                moved = add_months(d, months * n)
                nd = moved.replace(day=min(d.day, monthrange(moved.year, moved.month)[1]))
                return Point.of(self.gran, nd)
            nd = add_months(d, months * n)
        return Point.of(self.gran, nd)

    def value(self) -> str:
        """The TIMEX3 value: 2026-01-30, 2026-W05, 2026-W05-WE, 2025-11, 2025-SP, 2025-Q3, 2025-H1,
        2025, 199, 19."""
        d, g = self.start, self.gran
        if g == "day":
            return d.isoformat()
        if g in ("week", "weekend"):
            y, w, _ = d.isocalendar()
            return f"{y:04d}-W{w:02d}" + ("-WE" if g == "weekend" else "")
        if g == "month":
            return f"{d.year:04d}-{d.month:02d}"
        if g == "season":
            return f"{d.year:04d}-{_SEASON_OF_MONTH[d.month]}"
        if g == "quarter":
            return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
        if g == "half":
            return f"{d.year:04d}-H{1 if d.month <= 6 else 2}"
        if g == "year":
            return f"{d.year:04d}"
        if g == "decade":
            return f"{d.year // 10:03d}"
        return f"{d.year // 100:02d}"

    def unknown_finer(self, gran: str) -> str:
        """A value finer than this point is known: "2025-11-XX" for a day within November 2025."""
        base = self.value()
        if self.gran == "month" and gran == "day":
            return base + "-XX"
        if self.gran == "year" and gran == "month":
            return base + "-XX"
        if self.gran == "year" and gran == "day":
            return base + "-XX-XX"
        if self.gran == "year" and gran in ("week", "weekend"):
            return base + "-WXX"
        return base


def season_point(year: int, code: str) -> Point:
    return Point("season", date(year, SEASON_START[code], 1))


_DURATION_LETTER = {"Y": "Y", "M": "M", "W": "W", "D": "D", "H": "H", "MIN": "M", "S": "S", "Q": "Q",
                    "NIGHT": "D", "WE": "WE", "SEASON": "SE"}


def _fmt(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else f"{n:g}"


def duration_value(n: float | None, unit: str) -> str:
    """A TIMEX3 duration: (3, "W") -> "P3W", (2, "H") -> "PT2H", (None, "Y") -> "PXY",
    (2.5, "Y") -> "P2Y6M", (0.5, "Y") -> "P6M", (2, "DE") -> "P20Y", (None, "DE") -> "PXDE". An
    amount too large for a float (a number of 400 digits) is unknown: "PXY"."""
    if n is not None and not math.isfinite(n):
        n = None
    if unit == "FORTNIGHT":
        n, unit = (None if n is None else 2 * n), "W"
    if unit in ("DE", "CE", "ML"):
        if n is None:
            return f"PX{unit}"
        n, unit = n * {"DE": 10, "CE": 100, "ML": 1000}[unit], "Y"
    if n is not None and not float(n).is_integer():
        # A fraction is written in the next smaller unit: 2.5 years is 2 years 6 months, 5.5 hours
        # is 5 hours 30 minutes, 1.5 days is 1 day 12 hours.
        if unit == "Y":
            y, mo = int(n), round((n - int(n)) * 12)
            return f"P{y}Y{mo}M" if y else f"P{mo}M"
        elif unit == "D":
            d, h = int(n), round((n - int(n)) * 24)
            return f"P{d}DT{h}H" if d else f"PT{h}H"
        elif unit == "W":
            n, unit = n * 7, "D"
        elif unit == "H":
            h, m = int(n), round((n - int(n)) * 60)
            return f"PT{h}H{m}M" if h else f"PT{m}M"
        elif unit == "MIN":
            mi, s = int(n), round((n - int(n)) * 60)
            return f"PT{mi}M{s}S" if mi else f"PT{s}S"
    amount = "X" if n is None else _fmt(n)
    letter = _DURATION_LETTER.get(unit, unit)
    if unit in ("H", "MIN", "S"):
        return f"PT{amount}{letter}"
    return f"P{amount}{letter}"
