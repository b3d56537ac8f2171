"""TIMEX3 values as calendar intervals [start, end) and as labels people read.

Pure functions of the value (and mod): nothing here looks at today's date. `interval()` places a
DATE/TIME value on the calendar so events can be ordered; `label()` says it in words ("Friday
30 January 2026", "Q3 2025", "the early 1990s", "3 weeks"); `html_datetime()` gives the machine-readable
form an HTML `<time datetime>` attribute accepts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

__all__ = [
    "GRANULARITIES",
    "granularity_rank",
    "html_datetime",
    "interval",
    "label",
]

#: Granularity names, coarsest first; `granularity_rank()` is the index in this tuple.
GRANULARITIES: tuple[str, ...] = (
    "century",
    "decade",
    "year",
    "half",
    "quarter",
    "season",
    "month",
    "week",
    "weekend",
    "day",
    "part of day",
    "time",
)

MONTHS: tuple[str, ...] = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WEEKDAYS: tuple[str, ...] = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

#: Meteorological northern-hemisphere seasons: (first month, name). Winter runs into the next year.
SEASONS: dict[str, tuple[int, str]] = {
    "SP": (3, "spring"),
    "SU": (6, "summer"),
    "FA": (9, "autumn"),
    "WI": (12, "winter"),
}

#: TIMEX3 parts of the day.
PARTS_OF_DAY: dict[str, str] = {
    "MO": "morning",
    "MI": "midday",
    "AF": "afternoon",
    "EV": "evening",
    "NI": "night",
    "DT": "daytime",
}

VAGUE: dict[str, str] = {"PRESENT_REF": "now", "PAST_REF": "the past", "FUTURE_REF": "the future"}

#: Duration units: TIMEX3 letter -> (singular, plural). Date part and time part ("T…") differ for M.
DATE_UNITS: dict[str, tuple[str, str]] = {
    "CE": ("century", "centuries"),
    "DE": ("decade", "decades"),
    "Y": ("year", "years"),
    "Q": ("quarter", "quarters"),
    "M": ("month", "months"),
    "WE": ("weekend", "weekends"),
    "W": ("week", "weeks"),
    "D": ("day", "days"),
}
TIME_UNITS: dict[str, tuple[str, str]] = {
    "H": ("hour", "hours"),
    "M": ("minute", "minutes"),
    "S": ("second", "seconds"),
}

_RANK = {name: i for i, name in enumerate(GRANULARITIES)}


@dataclass(frozen=True)
class _Parsed:
    """A value placed on the calendar, plus what its label needs."""

    start: date
    end: date | None  # None when the period runs past date.max (9999-12-31 has no day after it)
    granularity: str
    year: int
    part: str = ""  # quarter/half/season code, part-of-day code or "HH:MM[:SS]" time text
    zone: str = ""  # time zone designator of a TIME value ("Z", "+01:00"), if any
    week: int = 0


_Y = r"(?P<y>\d{4})"
_YMD = _Y + r"-(?P<m>\d{2})-(?P<d>\d{2})"
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern))
    for name, pattern in (
        ("day", _YMD),
        ("part of day", _YMD + r"T(?P<p>MO|MI|AF|EV|NI|DT)"),
        (
            "time",
            _YMD + r"T(?P<hh>\d{2})(?::(?P<mm>\d{2})(?::(?P<ss>\d{2})(?:[.,]\d+)?)?)?"
            r"(?P<z>Z|[+-]\d{2}(?::?\d{2})?)?",
        ),
        ("month", _Y + r"-(?P<m>\d{2})"),
        ("year", _Y),
        ("decade", r"(?P<dec>\d{3})"),
        ("century", r"(?P<cen>\d{2})"),
        ("quarter", _Y + r"-Q(?P<q>[1-4])"),
        ("half", _Y + r"-H(?P<h>[12])"),
        ("season", _Y + r"-(?P<s>SP|SU|FA|WI)"),
        ("week", _Y + r"-W(?P<w>\d{1,2})"),
        ("weekend", _Y + r"-W(?P<w>\d{1,2})-WE"),
        ("week day", _Y + r"-W(?P<w>\d{1,2})-(?P<wd>[1-7])"),
    )
)


def _add_months(year: int, month: int, n: int) -> date | None:
    """The first day of the month `n` months after year-month (None past 9999-12)."""
    index = year * 12 + (month - 1) + n
    return date(index // 12, index % 12 + 1, 1) if index // 12 <= date.max.year else None


def _plus(d: date, days: int) -> date | None:
    """`d` moved by `days` (None past date.max)."""
    return d + timedelta(days=days) if (date.max - d).days >= days else None


def _build(kind: str, g: dict[str, str]) -> _Parsed | None:
    """The interval of one matched form; raises ValueError/OverflowError on impossible dates. A
    period that ends after date.max ("9999-12-31") keeps its start, with no end."""
    if kind == "decade":
        y = int(g["dec"]) * 10
        return _Parsed(date(y, 1, 1), _add_months(y, 1, 120), "decade", y)
    if kind == "century":
        y = int(g["cen"]) * 100
        return _Parsed(date(y, 1, 1), _add_months(y, 1, 1200), "century", y)
    y = int(g["y"])
    if kind == "year":
        return _Parsed(date(y, 1, 1), _add_months(y, 1, 12), "year", y)
    if kind == "month":
        m = int(g["m"])
        return _Parsed(date(y, m, 1), _add_months(y, m, 1), "month", y)
    if kind == "quarter":
        first = 3 * (int(g["q"]) - 1) + 1
        return _Parsed(date(y, first, 1), _add_months(y, first, 3), "quarter", y, "Q" + g["q"])
    if kind == "half":
        first = 6 * (int(g["h"]) - 1) + 1
        return _Parsed(date(y, first, 1), _add_months(y, first, 6), "half", y, "H" + g["h"])
    if kind == "season":
        first = SEASONS[g["s"]][0]
        return _Parsed(date(y, first, 1), _add_months(y, first, 3), "season", y, g["s"])
    if kind in ("week", "weekend", "week day"):
        w = int(g["w"])
        monday = date.fromisocalendar(y, w, 1)
        if kind == "week":
            return _Parsed(monday, _plus(monday, 7), "week", y, week=w)
        if kind == "weekend":
            saturday = monday + timedelta(days=5)
            return _Parsed(saturday, _plus(saturday, 2), "weekend", y, week=w)
        day = monday + timedelta(days=int(g["wd"]) - 1)
        return _Parsed(day, _plus(day, 1), "day", day.year)
    day = date(y, int(g["m"]), int(g["d"]))
    nxt = _plus(day, 1)
    if kind == "day":
        return _Parsed(day, nxt, "day", y)
    if kind == "part of day":
        return _Parsed(day, nxt, "part of day", y, g["p"])
    hh, mm, ss = int(g["hh"]), int(g["mm"] or 0), int(g["ss"] or 0)
    if hh > 24 or mm > 59 or ss > 60 or (hh == 24 and (mm or ss)):
        return None
    clock = f"{hh:02d}:{mm:02d}" + (f":{ss:02d}" if g["ss"] else "")
    return _Parsed(day, nxt, "time", y, clock, zone=g["z"] or "")


def _parse(value: str) -> _Parsed | None:
    """Match `value` against every calendar form; None when it has no calendar position."""
    for kind, pattern in _PATTERNS:
        match = pattern.fullmatch(value)
        if match:
            try:
                return _build(kind, match.groupdict())
            except (ValueError, OverflowError):  # 2026-02-30, week 53 of a 52-week year, year 0
                return None
    return None


def interval(value: str) -> tuple[date, date, str] | None:
    """The calendar interval [start, end) and granularity name of a TIMEX3 DATE/TIME value.

    None for values without a calendar position: PRESENT_REF/PAST_REF/FUTURE_REF, durations,
    sets and values with unknown digits (XXXX-11, 2025-XX), impossible dates, and BC values
    (BC0975) and periods reaching past 9999-12-31, which no `datetime.date` holds.
    """
    parsed = _parse(value)
    if parsed is None or parsed.end is None:
        return None
    return parsed.start, parsed.end, parsed.granularity


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
    parsed = _parse(value)
    if parsed is None or parsed.start.year < 1:
        return None
    g = parsed.granularity
    if g in ("day", "part of day"):
        return parsed.start.isoformat()
    if g == "time":
        zone = parsed.zone
        if zone and zone != "Z":
            digits = zone[1:].replace(":", "")
            zone = f"{zone[0]}{digits[:2]}:{digits[2:] or '00'}"
        return f"{parsed.start.isoformat()}T{parsed.part}{zone}"
    if g == "month":
        return parsed.start.isoformat()[:7]
    if g in ("week", "weekend"):
        return f"{parsed.year:04d}-W{parsed.week:02d}"
    return f"{parsed.start.year:04d}"


# --- labels -------------------------------------------------------------------------------------


def _ordinal(n: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 21st …"""
    suffix = "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _day_label(d: date) -> str:
    """A day as "Friday 30 January 2026" (English names, independent of the locale)."""
    return f"{WEEKDAYS[d.weekday()]} {d.day} {MONTHS[d.month - 1]} {d.year}"


def _winter_years(year: int) -> str:
    """The years of a winter: "2025–26", or "1999–2000" when the century changes."""
    nxt = year + 1
    return f"{year}–{nxt % 100:02d}" if nxt // 100 == year // 100 else f"{year}–{nxt}"


def _point_label(p: _Parsed) -> str:
    """The plain label of a parsed value (no mod)."""
    g = p.granularity
    if g in ("day", "part of day", "time"):
        base = _day_label(p.start)
        if g == "part of day":
            return f"{base}, {PARTS_OF_DAY[p.part]}"
        if g == "time":
            return f"{base}, {_clock_label(p)}"
        return base
    if g == "month":
        return f"{MONTHS[p.start.month - 1]} {p.year}"
    if g == "year":
        return str(p.year)
    if g == "decade":
        return f"the {p.year}s"
    if g == "century":
        return f"the {_ordinal(p.year // 100 + 1)} century"
    if g == "quarter":
        return f"{p.part} {p.year}"
    if g == "half":
        return f"{'first' if p.part == 'H1' else 'second'} half of {p.year}"
    if g == "season":
        name = SEASONS[p.part][1]
        return f"{name} {_winter_years(p.year)}" if p.part == "WI" else f"{name} {p.year}"
    if g == "week":
        return f"week {p.week} of {p.year}"
    # weekend: name it by its Saturday
    return f"weekend of {p.start.day} {MONTHS[p.start.month - 1]} {p.start.year}"


def _clock_label(p: _Parsed) -> str:
    """The clock time of a TIME value: "15:00", "15:00:20", "15:00 UTC", "15:00 UTC+01:00"."""
    if not p.zone:
        return p.part
    if p.zone == "Z":
        return f"{p.part} UTC"
    digits = p.zone[1:].replace(":", "")
    return f"{p.part} UTC{p.zone[0]}{digits[:2]}:{digits[2:] or '00'}"


_PREFIX_MODS = {"APPROX": "about ", "BEFORE": "before ", "AFTER": "after "}
_SUFFIX_MODS = {"ON_OR_BEFORE": " or earlier", "ON_OR_AFTER": " or later"}
_PHASE_MODS = {"START": "early ", "MID": "mid-", "END": "late "}
_PHASE_NOUNS = {"START": "the start of ", "MID": "the middle of ", "END": "the end of "}


def _modded_point(p: _Parsed, mod: str) -> str:
    """The label of a calendar value with a TIMEX3 mod applied; unknown mods leave it as it is."""
    base = _point_label(p)
    g = p.granularity
    # Times and parts of day: the mod qualifies the clock or the part of the day, not the date.
    if g == "time" and (mod in _PREFIX_MODS or mod in _SUFFIX_MODS):
        clock = _clock_label(p)
        modded = _PREFIX_MODS.get(mod, "") + clock + _SUFFIX_MODS.get(mod, "")
        return f"{_day_label(p.start)}, {modded}"
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
        if base.startswith("the "):  # "the early 1990s", "the mid-20th century"
            return "the " + _PHASE_MODS[mod] + base[4:]
        return _PHASE_MODS[mod] + base
    if mod in _PREFIX_MODS:
        return _PREFIX_MODS[mod] + noun
    if mod in _SUFFIX_MODS:
        return base + _SUFFIX_MODS[mod]
    return base


_DURATION = re.compile(
    r"P(?P<date>(?:(?:\d+(?:[.,]\d+)?|X)(?:CE|DE|WE|Y|Q|M|W|D))*)"
    r"(?:T(?P<time>(?:(?:\d+(?:[.,]\d+)?|X)[HMS])+))?"
)
_DURATION_PART = re.compile(r"(\d+(?:[.,]\d+)?|X)(CE|DE|WE|Y|Q|M|W|D|H|S)")
_DURATION_MODS = {
    "APPROX": "about ",
    "LESS_THAN": "less than ",
    "MORE_THAN": "more than ",
    "EQUAL_OR_LESS": "at most ",
    "EQUAL_OR_MORE": "at least ",
}


def _duration_label(value: str, mod: str | None) -> str | None:
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


# Years before AD 1, as the tagger writes them (TIMEX2's BC prefix, no year zero): BC0975 is 975 BC,
# BC097 the 970s BC, BC04 the 5th century BC. No datetime.date holds them, so they have no interval.
_BC = re.compile(r"BC(?:(?P<y>\d{4})|(?P<dec>\d{3})|(?P<cen>\d{2}))")


def _bc_label(value: str, mod: str | None) -> str | None:
    """The label of a BC value ("975 BC", "the 970s BC", "the 5th century BC"), None if not one."""
    match = _BC.fullmatch(value)
    if match is None:
        return None
    if match["y"]:
        base = f"{int(match['y'])} BC"
    elif match["dec"]:
        base = f"the {int(match['dec']) * 10}s BC"
    else:
        base = f"the {_ordinal(int(match['cen']) + 1)} century BC"
    if mod in _PHASE_MODS:
        return ("the " + _PHASE_MODS[mod] + base[4:]) if base.startswith("the ") else _PHASE_MODS[mod] + base
    if mod in _PREFIX_MODS:
        return _PREFIX_MODS[mod] + base
    return base + _SUFFIX_MODS.get(mod or "", "")


def label(value: str, mod: str | None = None) -> str:
    """How a person reads a TIMEX3 value (with an optional mod); unknown values come back unchanged.

    "2026-01-30" -> "Friday 30 January 2026", ("2025", "START") -> "early 2025", "P3W" -> "3 weeks",
    "PRESENT_REF" -> "now", "BC0975" -> "975 BC". Never raises.
    """
    try:
        if value in VAGUE:
            base = VAGUE[value]
            return _PREFIX_MODS[mod] + base if mod in _PREFIX_MODS else base
        parsed = _parse(value)
        if parsed is not None:
            return _modded_point(parsed, mod) if mod else _point_label(parsed)
        duration = _duration_label(value, mod)
        if duration is not None:
            return duration
        bc = _bc_label(value, mod)
        if bc is not None:
            return bc
    except Exception:  # a label must never break a render
        return value
    return value
