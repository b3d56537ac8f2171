"""TIMEX3 values as calendar intervals [start, end) and as labels people read.

Pure functions of the value (and mod): nothing here looks at today's date. `interval()` places a
DATE/TIME value on the calendar so events can be ordered; `label()` says it in words ("Friday
30 January 2026", "Q3 2025", "the early 1990s", "3 weeks"); `html_datetime()` gives the machine-readable
form an HTML `<time datetime>` attribute accepts. This is the interface; the one calendar model
behind it (the tagger's too) is timeline.temporal.values.Point.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from timeline.temporal import values
from timeline.temporal.values import DATE_UNITS, PARTS_OF_DAY, SEASONS, TIME_UNITS, VAGUE, Point, label

__all__ = [
    "DATE_UNITS",
    "GRANULARITIES",
    "MONTHS",
    "PARTS_OF_DAY",
    "SEASONS",
    "TIME_UNITS",
    "VAGUE",
    "WEEKDAYS",
    "granularity_rank",
    "html_datetime",
    "interval",
    "label",
    "span_label",
]

#: Granularity names, coarsest first; `granularity_rank()` is the index in this tuple.
GRANULARITIES: tuple[str, ...] = tuple(reversed(values.GRANULARITIES))
#: English month and weekday names, as labels write them.
MONTHS: tuple[str, ...] = values.MONTH_NAMES
WEEKDAYS: tuple[str, ...] = values.WEEKDAY_NAMES

_RANK = {name: i for i, name in enumerate(GRANULARITIES)}


@lru_cache(maxsize=4096)  # asked again and again for the same few hundred values (about 10 us a reading)
def interval(value: str, mod: str | None = None) -> tuple[date, date, str] | None:
    """The calendar interval [start, end) and granularity name of a TIMEX3 DATE/TIME value; a mod
    of phase (START, MID, END: "early", "mid-", "late", "the end of") keeps a third of it
    (`values.phase`).

    None for values without a calendar position: PRESENT_REF/PAST_REF/FUTURE_REF, durations,
    sets and values with unknown digits (XXXX-11, 2025-XX), impossible dates, and BC values
    (BC0975), which no `datetime.date` holds. A period that ends on 31 December 9999 ends at
    date.max, which stands for the day after it (`last_day`).
    """
    point = Point.parse(value)
    return None if point is None else point.interval(mod)


def last_day(end: date) -> date:
    """The last day of an interval [start, end) that `interval` gives (date.max for an end at date.max)."""
    return values.last_day(end)


def span_label(value: str) -> str:
    """The period a DATE value names, as a heading or a range end says it: "19th century",
    "1990s", "summer 2025", "Q3 2025", "2025" (no "the", no phase: "the late 19th century" is in
    the 19th century); "" for a value without a calendar place."""
    if interval(value) is None:
        return ""
    text = label(value)
    return text[4:] if text.startswith("the ") else text


def granularity_rank(name: str) -> int:
    """Rank of a granularity name, coarser = smaller ("century" 0 … "time" 11); ValueError if unknown."""
    try:
        return _RANK[name]
    except KeyError:
        expected = ", ".join(GRANULARITIES)
        raise ValueError(f"unknown granularity {name!r}; expected one of {expected}") from None


def html_datetime(value: str) -> str | None:
    """The closest valid HTML `<time datetime>` string for a TIMEX3 value, or None.

    Day, month, year, week and time values map directly ("2026-01-30", "2025-11", "2025", "2026-W04",
    "2026-01-30T15:00"); HTML has no decade, century, quarter, half or season, so those give the year
    they start in, a weekend gives its ISO week and a part of day gives its day.
    """
    point = Point.parse(value)
    return None if point is None else point.datetime()
