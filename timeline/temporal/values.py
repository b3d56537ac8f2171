"""The calendar model: TIMEX3 values as Points of the calendar, their arithmetic, their value
strings and how people read them; and durations.

A Point is a granularity and the first day of the period it names: the quarter 1989-Q3 is
Point("quarter", 1989-07-01). Shifting and coarsening work on that day, formatting reads the
granularity, so "a year earlier" than 1989-Q3 is 1988-Q3 with no special case. The resolver
builds Points; `Point.parse` reads a value back, for the calendar interval, the label and the
HTML form that timeline.calendar (the interface the rest of the package uses) hands out.

Days are `datetime.date`s, so points lie in the years 1..9999: arithmetic that leaves them raises
OutOfRange (never a bare OverflowError), and resolve.resolve makes that "no value". Only a year,
decade or century before AD 1 still has a TIMEX3 value, in the BC form of `year_value`.
"""

from __future__ import annotations

import math
import re
from calendar import monthrange
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from timeline.frozen import quick_init

# Finest first. A weekend is finer than a week; a season sits between month and quarter; a time of
# day and a part of the day are finer than their day.
GRANULARITIES = ("time", "part of day", "day", "weekend", "week", "month", "season", "quarter", "half",
                 "year", "decade", "century")
RANK = {g: i for i, g in enumerate(GRANULARITIES)}

MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December")
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# Meteorological northern-hemisphere seasons: (first month, name). Winter runs into the next year.
SEASONS: dict[str, tuple[int, str]] = {"SP": (3, "spring"), "SU": (6, "summer"), "FA": (9, "autumn"),
                                       "WI": (12, "winter")}
# TIMEX3 parts of the day, as labels name them.
PARTS_OF_DAY: dict[str, str] = {"MO": "morning", "MI": "midday", "AF": "afternoon", "EV": "evening",
                                "NI": "night", "DT": "daytime"}

# Duration units (vocab.UNITS values) -> the granularity of a date counted in that unit.
UNIT_GRANULARITY = {
    "S": "day", "MIN": "day", "H": "day", "D": "day", "NIGHT": "day", "W": "week", "FORTNIGHT": "week",
    "WE": "weekend", "M": "month", "Q": "quarter", "Y": "year", "DE": "decade", "CE": "century",
    "ML": "century", "SEASON": "season",
}

_SEASON_OF_MONTH = {(first + k - 1) % 12 + 1: code for code, (first, _) in SEASONS.items() for k in range(3)}


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


def last_day(end: date) -> date:
    """The last day of a half-open interval [start, end): the day before `end`; date.max itself
    when the end is date.max, which stands for the day after 31 December 9999 (`Point.interval`)."""
    return end if end == date.max else end - timedelta(days=1)


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


@quick_init
@dataclass(frozen=True, slots=True)
class Point:
    """A calendar period: granularity and the first day of the period; for a part of the day its
    TIMEX3 code in `part` ("NI"), for a time of day its clock in `part` ("15:00") and its zone."""

    gran: str
    start: date
    part: str = ""
    zone: str = ""

    @staticmethod
    def parse(value: str) -> Point | None:
        """The Point a TIMEX3 DATE/TIME value names ("2026-01-30", "2025-Q3", "2026-W05-WE",
        "2026-01-26TNI", "2026-01-30T15:00Z", "199"); None for values with no calendar position
        (PRESENT_REF, durations, sets, unknown digits, BC values) and impossible ones (2025-02-30)."""
        return _parse(value)

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
            return Point("season", date(y, SEASONS[_SEASON_OF_MONTH[m]][0], 1))
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
        if self.gran in ("time", "part of day"):
            return add_days(self.start, 1)
        if self.gran == "weekend":  # Saturday and Sunday
            return add_days(self.start, 2)
        return self.shift(1).start

    def interval(self, mod: str | None = None) -> tuple[date, date, str] | None:
        """[start, end) and the granularity. A period that ends on 31 December 9999 has date.max
        as its end, standing for the day after it, which no date holds (`last_day`). A mod of
        phase (START "early 2025", MID "mid-2024", END "late 2025", "the end of the year") narrows
        the interval to a third of the period: see `phase`."""
        try:
            end = self.end()
        except OutOfRange:
            end = date.max
        try:
            return (*phase(self.start, end, self.gran, mod), self.gran)
        except OutOfRange:
            return None

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
        2025, 199, 19, 2026-01-26TNI, 2026-01-30T15:00."""
        return _value(self)

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


    def datetime(self) -> str:
        """The closest valid HTML `<time datetime>` string. HTML has no decade, century, quarter,
        half or season: those give the year they start in; a weekend gives its ISO week and a part
        of the day its day."""
        d, g = self.start, self.gran
        if g in ("day", "part of day"):
            return d.isoformat()
        if g == "time":
            return f"{d.isoformat()}T{self.part}{_zone_offset(self.zone)}"
        if g == "month":
            return d.isoformat()[:7]
        if g in ("week", "weekend"):
            y, w, _ = d.isocalendar()
            return f"{y:04d}-W{w:02d}"
        return f"{d.year:04d}"

    def label(self, mod: str | None = None) -> str:
        """How a person reads the point ("Friday 30 January 2026", "Q3 2025", "winter 2025–26",
        "the 1990s"), with a TIMEX3 mod applied ("early 2025", "about November 2025")."""
        return _modded_label(self, mod) if mod else _label(self)


# The TIMEX3 mods that say which part of a period is meant, as the third of it they keep.
PHASES: dict[str, int] = {"START": 0, "MID": 1, "END": 2}
# Periods split into thirds in whole months (a year: January-April, May-August, September-
# December); a month or a week in days, the first and last third rounded down (March: 1-10,
# 11-21, 22-31).
_MONTHS_IN = {"season": 3, "quarter": 3, "half": 6, "year": 12, "decade": 120, "century": 1200}


def phase(start: date, end: date, gran: str, mod: str | None) -> tuple[date, date]:
    """[start, end) narrowed to the third of the period a mod of phase names: "early 2025" is
    2025-01-01..2025-05-01, "mid-2024" 2024-05-01..2024-09-01, "late 2025" and "the end of 2025"
    2025-09-01..2026-01-01, "early March" its first ten days. Other mods, and days and finer
    periods, leave it as it is."""
    third = PHASES.get(mod or "")
    if third is None:
        return start, end
    months = _MONTHS_IN.get(gran)
    if months is not None:
        k = months // 3
        return add_months(start, k * third), (add_months(start, k * (third + 1)) if third < 2 else end)
    if gran not in ("month", "week"):
        return start, end
    k = (end - start).days // 3
    return (start if third == 0 else (add_days(start, k) if third == 1 else add_days(end, -k)),
            add_days(start, k) if third == 0 else (add_days(end, -k) if third == 1 else end))


def season_point(year: int, code: str) -> Point:
    return Point("season", date(year, SEASONS[code][0], 1))


_DURATION_LETTER = {"Y": "Y", "M": "M", "W": "W", "D": "D", "H": "H", "MIN": "M", "S": "S", "Q": "Q",
                    "NIGHT": "D", "WE": "WE", "SEASON": "SE"}


def _fmt(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else f"{n:g}"


# A fraction is written in the next smaller unit: 2.5 years are 2 years 6 months, 1.5 days 1 day 12
# hours, 5.5 hours 5 hours 30 minutes. Unit -> (smaller units in one, its letter and the smaller
# one's, whether each is a time part, written after "T").
_SMALLER: dict[str, tuple[int, str, str, bool, bool]] = {
    "Y": (12, "Y", "M", False, False), "D": (24, "D", "H", False, True),
    "H": (60, "H", "M", True, True), "MIN": (60, "M", "S", True, True),
}


def _with_fraction(n: float, factor: int, letter: str, smaller: str, whole_time: bool, part_time: bool) -> str:
    """"P2Y6M", "P1DT12H", "PT5H30M", "PT30M": a whole count (left out when 0) and the rest."""
    whole, part = int(n), round((n - int(n)) * factor)
    out, in_time = "P", False
    if whole:
        out, in_time = out + ("T" if whole_time else "") + f"{whole}{letter}", whole_time
    return out + ("T" if part_time and not in_time else "") + f"{part}{smaller}"


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
    if n is not None and not math.isfinite(n):  # counted in fortnights or millennia past a float
        n = None
    if n is not None and not float(n).is_integer():
        if unit in _SMALLER:
            return _with_fraction(n, *_SMALLER[unit])
        if unit == "W":  # 1.5 weeks are 10.5 days
            n, unit = n * 7, "D"
    amount = "X" if n is None else _fmt(n)
    letter = _DURATION_LETTER.get(unit, unit)
    if unit in ("H", "MIN", "S"):
        return f"PT{amount}{letter}"
    return f"P{amount}{letter}"


# --- reading values back -------------------------------------------------------------------------

_Y = r"(?P<y>\d{4})"
_YMD = _Y + r"-(?P<m>\d{2})-(?P<d>\d{2})"
_FORMS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (gran, re.compile(pattern))
    for gran, pattern in (
        ("day", _YMD),
        ("part of day", _YMD + "T(?P<p>" + "|".join(PARTS_OF_DAY) + ")"),
        ("time", _YMD + r"T(?P<hh>\d{2})(?::(?P<mm>\d{2})(?::(?P<ss>\d{2})(?:[.,]\d+)?)?)?"
                        r"(?P<z>Z|[+-]\d{2}(?::?\d{2})?)?"),
        ("month", _Y + r"-(?P<m>\d{2})"),
        ("year", _Y),
        ("decade", r"(?P<dec>\d{3})"),
        ("century", r"(?P<cen>\d{2})"),
        ("quarter", _Y + r"-Q(?P<q>[1-4])"),
        ("half", _Y + r"-H(?P<h>[12])"),
        ("season", _Y + "-(?P<s>" + "|".join(SEASONS) + ")"),
        ("week", _Y + r"-W(?P<w>\d{1,2})"),
        ("weekend", _Y + r"-W(?P<w>\d{1,2})-WE"),
        ("week day", _Y + r"-W(?P<w>\d{1,2})-(?P<wd>[1-7])"),
    )
)


def _point(gran: str, g: dict[str, str]) -> Point | None:
    """The Point of one matched form (ValueError on an impossible date)."""
    if gran == "decade":
        return Point("decade", date(int(g["dec"]) * 10, 1, 1))
    if gran == "century":
        return Point("century", date(int(g["cen"]) * 100, 1, 1))
    y = int(g["y"])
    if gran == "year":
        return Point("year", date(y, 1, 1))
    if gran == "month":
        return Point("month", date(y, int(g["m"]), 1))
    if gran == "quarter":
        return Point("quarter", date(y, 3 * int(g["q"]) - 2, 1))
    if gran == "half":
        return Point("half", date(y, 6 * int(g["h"]) - 5, 1))
    if gran == "season":
        return season_point(y, g["s"])
    if gran in ("week", "weekend", "week day"):
        monday = date.fromisocalendar(y, int(g["w"]), 1)
        if gran == "week":
            return Point("week", monday)
        if gran == "weekend":
            return Point("weekend", monday + timedelta(days=5))
        return Point("day", monday + timedelta(days=int(g["wd"]) - 1))
    day = date(y, int(g["m"]), int(g["d"]))
    if gran == "day":
        return Point("day", day)
    if gran == "part of day":
        return Point("part of day", day, g["p"])
    hh, mm, ss = int(g["hh"]), int(g["mm"] or 0), int(g["ss"] or 0)
    if hh > 24 or mm > 59 or ss > 60 or (hh == 24 and (mm or ss)):
        return None
    clock = f"{hh:02d}:{mm:02d}" + (f":{ss:02d}" if g["ss"] else "")
    return Point("time", day, clock, g["z"] or "")


def _zone_offset(zone: str) -> str:
    """A zone designator in HTML's form: "Z", "+01:00"."""
    if not zone or zone == "Z":
        return zone
    digits = zone[1:].replace(":", "")
    return f"{zone[0]}{digits[:2]}:{digits[2:] or '00'}"


# --- labels --------------------------------------------------------------------------------------

VAGUE: dict[str, str] = {"PRESENT_REF": "now", "PAST_REF": "the past", "FUTURE_REF": "the future"}


def ordinal(n: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 21st …"""
    suffix = "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _day_label(d: date) -> str:
    """A day as "Friday 30 January 2026" (English names, independent of the locale)."""
    return f"{WEEKDAY_NAMES[d.weekday()]} {d.day} {MONTH_NAMES[d.month - 1]} {d.year}"


def _winter_years(year: int) -> str:
    """The years of a winter: "2025–26", or "1999–2000" when the century changes."""
    nxt = year + 1
    return f"{year}–{nxt % 100:02d}" if nxt // 100 == year // 100 else f"{year}–{nxt}"


def _clock_label(p: Point) -> str:
    """The clock time of a time point: "15:00", "15:00:20", "15:00 UTC", "15:00 UTC+01:00"."""
    if not p.zone:
        return p.part
    return f"{p.part} UTC" + ("" if p.zone == "Z" else _zone_offset(p.zone))


@lru_cache(maxsize=4096)
def _parse(value: str) -> Point | None:
    """`Point.parse`, remembered (Points are immutable): a site asks for the interval, the label and
    the HTML form of the same few hundred values tens of thousands of times, each a walk through
    _FORMS (caching it cut rendering 1,000 article pages by about a tenth)."""
    for gran, pattern in _FORMS:
        m = pattern.fullmatch(value)
        if m:
            try:
                return _point(gran, m.groupdict())
            except (ValueError, OverflowError):  # 2026-02-30, week 53 of a 52-week year, year 0
                return None
    return None


@lru_cache(maxsize=4096)
def _value(p: Point) -> str:
    """Point.value, remembered: a text names the same days again and again."""
    return _WRITTEN[p.gran][0].format_map(_Words(p))


def _label(p: Point) -> str:
    """The plain label of a point (no mod)."""
    return _WRITTEN[p.gran][1].format_map(_Words(p))


class _Words(dict):  # type: ignore[type-arg]
    """The parts of a point that its value and its label are written from, each computed when a
    form asks for it (`_PARTS`)."""

    def __init__(self, p: Point) -> None:
        super().__init__()
        self.p = p

    def __missing__(self, key: str) -> object:
        value = self[key] = _PARTS[key](self.p)
        return value


_PARTS: dict[str, Callable[[Point], object]] = {
    "y": lambda p: p.start.year,
    "m": lambda p: p.start.month,
    "day": lambda p: p.start.day,
    "iso": lambda p: p.start.isoformat(),
    "iso_year": lambda p: p.start.isocalendar()[0],
    "week": lambda p: p.start.isocalendar()[1],
    "quarter": lambda p: (p.start.month - 1) // 3 + 1,
    "half": lambda p: 1 if p.start.month <= 6 else 2,
    "season": lambda p: _SEASON_OF_MONTH[p.start.month],
    "decade": lambda p: p.start.year // 10,
    "century": lambda p: p.start.year // 100,
    "part": lambda p: p.part,
    "zone": lambda p: p.zone,
    "month_name": lambda p: MONTH_NAMES[p.start.month - 1],
    "day_label": lambda p: _day_label(p.start),
    "half_name": lambda p: "first" if p.start.month <= 6 else "second",
    "century_name": lambda p: ordinal(p.start.year // 100 + 1),
    "season_name": lambda p: SEASONS[_SEASON_OF_MONTH[p.start.month]][1],
    "season_years": lambda p: _winter_years(p.start.year) if p.start.month == 12 else str(p.start.year),
    "pod_name": lambda p: PARTS_OF_DAY[p.part],
    "clock": lambda p: _clock_label(p),
}


# How a point of each granularity is written: (its TIMEX3 value, its label).
_WRITTEN: dict[str, tuple[str, str]] = {
    "time": ("{iso}T{part}{zone}", "{day_label}, {clock}"),
    "part of day": ("{iso}T{part}{zone}", "{day_label}, {pod_name}"),
    "day": ("{iso}", "{day_label}"),
    "weekend": ("{iso_year:04d}-W{week:02d}-WE", "weekend of {day} {month_name} {y}"),  # by its Saturday
    "week": ("{iso_year:04d}-W{week:02d}", "week {week} of {iso_year}"),
    "month": ("{y:04d}-{m:02d}", "{month_name} {y}"),
    "season": ("{y:04d}-{season}", "{season_name} {season_years}"),
    "quarter": ("{y:04d}-Q{quarter}", "Q{quarter} {y}"),
    "half": ("{y:04d}-H{half}", "{half_name} half of {y}"),
    "year": ("{y:04d}", "{y}"),
    "decade": ("{decade:03d}", "the {y}s"),
    "century": ("{century:02d}", "the {century_name} century"),
}


_PREFIX_MODS = {"APPROX": "about ", "BEFORE": "before ", "AFTER": "after "}
_SUFFIX_MODS = {"ON_OR_BEFORE": " or earlier", "ON_OR_AFTER": " or later"}
_PHASE_MODS = {"START": "early ", "MID": "mid-", "END": "late "}
_PHASE_NOUNS = {"START": "the start of ", "MID": "the middle of ", "END": "the end of "}


def _phased(base: str, mod: str) -> str:
    """"early 2025", "the early 1990s", "the mid-20th century"."""
    if base.startswith("the "):
        return "the " + _PHASE_MODS[mod] + base[4:]
    return _PHASE_MODS[mod] + base


def _modded_label(p: Point, mod: str) -> str:
    """The label of a point with a TIMEX3 mod applied; unknown mods leave it as it is."""
    base = _label(p)
    g = p.gran
    # Times and parts of day: the mod qualifies the clock or the part of the day, not the date.
    if g == "time" and (mod in _PREFIX_MODS or mod in _SUFFIX_MODS):
        clock = _PREFIX_MODS.get(mod, "") + _clock_label(p) + _SUFFIX_MODS.get(mod, "")
        return f"{_day_label(p.start)}, {clock}"
    if g == "part of day" and mod in _PHASE_MODS:
        if p.part == "MI":  # "early midday" / "mid-midday" say nothing more than "midday"
            return base
        return f"{_day_label(p.start)}, {_PHASE_MODS[mod]}{PARTS_OF_DAY[p.part]}"
    if g == "time" and mod in _PHASE_MODS:
        return base
    # "first half of 2025" needs an article once something stands before it.
    noun = f"the {base}" if g == "half" else base
    if mod in _PHASE_MODS:
        if g in ("half", "week", "weekend"):
            return _PHASE_NOUNS[mod] + noun
        return _phased(base, mod)
    if mod in _PREFIX_MODS:
        return _PREFIX_MODS[mod] + noun
    if mod in _SUFFIX_MODS:
        return base + _SUFFIX_MODS[mod]
    return base


#: Duration units: TIMEX3 letter -> (singular, plural). Date part and time part ("T…") differ for M.
DATE_UNITS: dict[str, tuple[str, str]] = {
    "CE": ("century", "centuries"), "DE": ("decade", "decades"), "Y": ("year", "years"),
    "Q": ("quarter", "quarters"), "M": ("month", "months"), "WE": ("weekend", "weekends"),
    "W": ("week", "weeks"), "D": ("day", "days"),
}
TIME_UNITS: dict[str, tuple[str, str]] = {"H": ("hour", "hours"), "M": ("minute", "minutes"),
                                          "S": ("second", "seconds")}
_DURATION = re.compile(
    r"P(?P<date>(?:(?:\d+(?:[.,]\d+)?|X)(?:CE|DE|WE|Y|Q|M|W|D))*)"
    r"(?:T(?P<time>(?:(?:\d+(?:[.,]\d+)?|X)[HMS])+))?"
)
_DURATION_PART = re.compile(r"(\d+(?:[.,]\d+)?|X)(CE|DE|WE|Y|Q|M|W|D|H|S)")
_DURATION_MODS = {"APPROX": "about ", "LESS_THAN": "less than ", "MORE_THAN": "more than ",
                  "EQUAL_OR_LESS": "at most ", "EQUAL_OR_MORE": "at least "}


def duration_label(value: str, mod: str | None = None) -> str | None:
    """A duration as "3 weeks", "1 day and 6 hours", "months"; None if `value` is not one."""
    match = _DURATION.fullmatch(value)
    if not match or value in ("P", "PT") or value.endswith("T"):
        return None
    parts: list[str] = []
    unspecified = False
    for section, units in ((match["date"], DATE_UNITS), (match["time"] or "", TIME_UNITS)):
        for amount, unit in _DURATION_PART.findall(section):
            singular, plural = units[unit]
            if amount == "X":
                parts.append(plural)
                unspecified = True
            else:
                amount = amount.replace(",", ".")
                parts.append(f"{amount} {singular if float(amount) == 1 else plural}")
    if not parts:
        return None
    text = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    if mod in _DURATION_MODS and not unspecified:
        return _DURATION_MODS[mod] + text
    return text


# Years before AD 1, as the tagger writes them (`year_value`): BC0975 is 975 BC, BC097 the 970s BC,
# BC04 the 5th century BC. No datetime.date holds them, so they have no interval.
_BC = re.compile(r"BC(?:(?P<y>\d{4})|(?P<dec>\d{3})|(?P<cen>\d{2}))")


def bc_label(value: str, mod: str | None = None) -> str | None:
    """The label of a BC value ("975 BC", "the 970s BC", "the 5th century BC"), None if not one."""
    match = _BC.fullmatch(value)
    if match is None:
        return None
    if match["y"]:
        base = f"{int(match['y'])} BC"
    elif match["dec"]:
        base = f"the {int(match['dec']) * 10}s BC"
    else:
        base = f"the {ordinal(int(match['cen']) + 1)} century BC"
    if mod in _PHASE_MODS:
        return _phased(base, mod)
    if mod in _PREFIX_MODS:
        return _PREFIX_MODS[mod] + base
    return base + _SUFFIX_MODS.get(mod or "", "")


def label(value: str, mod: str | None = None) -> str:
    """How a person reads a TIMEX3 value (with an optional mod); unknown values come back unchanged.
    Never raises (a label must never break a render)."""
    try:
        return _label_of(value, mod)
    except Exception:
        return value


@lru_cache(maxsize=4096)
def _label_of(value: str, mod: str | None) -> str:
    """`label`, remembered: an event's label, its entry's, its mark's, its divider's and its
    range's ask for the same few hundred values again and again (about 9 us a reading)."""
    if value in VAGUE:
        base = VAGUE[value]
        return _PREFIX_MODS[mod] + base if mod in _PREFIX_MODS else base
    point = Point.parse(value)
    if point is not None:
        return point.label(mod)
    return duration_label(value, mod) or bc_label(value, mod) or value
