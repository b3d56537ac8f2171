"""Compose: merge adjacent recognised expressions whose fields do not conflict, as Duckling's
intersect rules do, so that a date is written from its parts instead of one rule per combination.

"Friday (Jan 30)" is a weekday and a date, "5 p.m. on 5 May 2025" a clock time and a date,
"the early hours of Sunday" a part of the day and a weekday, "Jan. 5, 1998" a date and a year.
Each composition names what stands left, what may stand between (`join`) and what stands right,
and how the two parses merge. They run in STAGES: the year joins its date first, then a weekday
its date, then a part of the day its day ("Thursday morning" before "the early hours of"), then a
clock time its day, each stage one linear pass
over the matches from left to right, trying its compositions in order on each adjacent pair (a
merged match may merge again with the next: "3 p.m. Friday, Jan. 30"). Units that are parts of
an expression only next to another one ("Sat.", "morning", a year after a date: Parse.weak) are
dropped when nothing takes them. rules.GRAMMAR scans with the rules, then composes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from timeline.temporal import vocab
from timeline.temporal.context import count_after
from timeline.temporal.grammar import Match
from timeline.temporal.parse import Parse
from timeline.temporal.pieces import alt

Merge = Callable[[Parse, Parse, str, Match], Parse | None]


@dataclass(frozen=True)
class Composition:
    """`left` and `right` next to each other, with text between them that `join` matches whole,
    become one expression: `merge(left, right, text, right_match)` (None: they stay apart). `lead`
    and `close` take in words just before the left part ("the") or after the right one (")");
    `bare` refuses a right part written with "the" ("Christmas the year 2000" stays two)."""

    name: str
    left: Callable[[Parse], bool]
    join: re.Pattern[str]
    right: Callable[[Parse], bool]
    merge: Merge
    close: re.Pattern[str] | None = None
    lead: re.Pattern[str] | None = None
    bare: bool = False


def _join(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


# --- what the parts are --------------------------------------------------------------------------


def is_year(p: Parse) -> bool:
    """A year and nothing else ("2026", "'98", "fiscal 2025")."""
    return p.kind == "calendar" and p.year is not None and not p.spans and p.month is None \
        and p.quarter is None and p.half is None and p.decade is None and p.century is None and p.yshift is None


def is_relative_year(p: Parse) -> bool:
    """"last year", "this year", "the current fiscal year": a year counted from the publication's."""
    return p.kind == "offset" and p.unit == "Y" and p.anchor == "dct" and p.mod is None


def is_that_year(p: Parse) -> bool:
    """"that year", "the same year": the year last mentioned."""
    return p.kind == "offset" and p.unit == "Y" and p.anchor == "ref" and p.amount == 0 and not p.near \
        and p.mod is None


def _yearless(p: Parse) -> bool:
    return p.year is None and p.yshift is None and p.anchor == "dct" and not p.spans and p.hour is None \
        and p.type == "DATE"


def is_month_day(p: Parse) -> bool:
    """"January 23", "23 January": a day of a month, its year unknown."""
    return p.kind == "calendar" and p.month is not None and p.day is not None and _yearless(p) and not p.week_of


def is_month(p: Parse) -> bool:
    """A month alone ("in May", "Jan.")."""
    return p.kind == "named" and p.month is not None and p.shift is None and _yearless(p)


def is_season(p: Parse) -> bool:
    return p.kind == "named" and p.season is not None and p.shift is None and _yearless(p)


def is_holiday(p: Parse) -> bool:
    return p.kind == "named" and p.holiday is not None and p.shift is None and _yearless(p)


def is_quarter_or_half(p: Parse) -> bool:
    """"the third quarter", "the first half": its year unknown."""
    return p.kind == "calendar" and (p.quarter is not None or p.half is not None) and _yearless(p)


def is_weekday(p: Parse) -> bool:
    """A weekday alone ("Friday", "last Friday", "Fri."), with nothing else."""
    return p.kind == "weekday" and p.anchor == "dct" and p.week_shift is None and p.pod is None \
        and p.hour is None


def is_day(p: Parse) -> bool:
    """One day, which a time of day can be put on: a date, a weekday, a holiday, "yesterday", "the
    next day". A day with a part of the day takes a clock time too ("9 p.m. Friday night")."""
    if p.hour is not None or p.spans or p.week_of or p.mod is not None:
        return False
    if p.kind == "calendar":
        return p.day is not None and p.month is not None
    if p.kind == "weekday":
        return p.week_shift is None
    if p.kind == "named":
        return p.holiday is not None
    return p.kind == "offset" and p.unit == "D"


def is_day_without_time(p: Parse) -> bool:
    return is_day(p) and p.pod is None


def is_clock(p: Parse) -> bool:
    """A clock time alone ("3 p.m.", "noon", "0900 GMT")."""
    return p.kind == "time_of_day" and p.hour is not None


def is_part_of_day(p: Parse) -> bool:
    """A part of the day alone ("morning", "the early hours", "mid-afternoon")."""
    return p.kind == "time_of_day" and p.pod is not None and p.hour is None


# --- how they merge ------------------------------------------------------------------------------

def _with_year(left: Parse, right: Parse, text: str, rm: Match) -> Parse | None:
    """A date, month, season, holiday, quarter or half in the year written after it. A month alone
    or a day takes any four-digit year, unless a year past 2199 reads as a count ("on May 5, 3000
    people marched", "in May 3000 people marched"): a year dropped left the month dated near the
    publication ("By December 9999" read as the December before it)."""
    year = right.year
    assert year is not None
    if year > 2199 and count_after(text[rm.end:rm.end + 30], 0):
        return None
    kind = "calendar" if left.kind == "named" and left.month is not None else left.kind
    return left.but(kind=kind, year=year, weak=False)


def _with_relative_year(left: Parse, right: Parse, text: str, rm: Match) -> Parse | None:
    """"July last year", "March 3 this year", "the fourth quarter of last year"."""
    kind = "calendar" if left.kind == "named" and left.month is not None else left.kind
    if kind != "calendar":
        return None
    return left.but(kind=kind, yshift=int(right.amount or 0), weak=False)


def _year_first(left: Parse, right: Parse, text: str, rm: Match) -> Parse | None:
    """"2024's third quarter", "last year's fourth quarter", "the 2004 Boxing Day": the year, then
    the quarter or the holiday."""
    if is_relative_year(left):
        return right.but(yshift=int(left.amount or 0))
    return right.but(year=left.year)


def is_months(p: Parse) -> bool:
    """"the three months", "the six months": a count of months."""
    return p.kind == "duration" and p.unit == "M" and p.amount in (3, 6)


def _months_to(left: Parse, right: Parse, text: str, rm: Match) -> Parse | None:
    """"the three months to December" is the fourth quarter, "the six months to June" the first
    half, in the year the month falls in; a period that ends at another month stays apart (its
    length, and the month)."""
    months, month = int(left.amount or 0), right.month or 0
    if month % months:
        return None
    if months == 3:
        return right.but(kind="calendar", month=None, quarter=month // 3, weak=False)
    return right.but(kind="calendar", month=None, half=month // 6, weak=False)


def _in_that_year(left: Parse, right: Parse, text: str, rm: Match) -> Parse | None:
    """"August of that year", "May of the same year": in the year the text last mentioned."""
    return left.but(anchor="ref", weak=False)


def is_date(p: Parse) -> bool:
    """A day of a month, with or without its year."""
    return p.kind == "calendar" and p.month is not None and p.day is not None and p.weekday is None \
        and p.anchor == "dct" and not p.spans and p.hour is None and p.type == "DATE" and not p.week_of


def _weekday_date(left: Parse, right: Parse, text: str, rm: Match) -> Parse | None:
    """"Friday, Jan. 30": the date, whose weekday fixes its year."""
    return right.but(weekday=left.weekday)


_NAME_AFTER = re.compile(r"\s+[A-Z]")


def _day_pod(left: Parse, right: Parse, text: str, rm: Match) -> Parse | None:
    """"Friday night", "yesterday afternoon", "Christmas morning", "Friday at dawn". "Tuesday nights"
    is every Tuesday night (a set); "Saturday Night Live" and "Christmas Night Market" are names."""
    word = text[rm.start:rm.end]
    if word[:1].isupper() and (left.kind == "named" or _NAME_AFTER.match(text, rm.end)):
        return None
    if word.lower().endswith("s"):
        if left.kind != "weekday" or left.shift is not None:
            return None
        return Parse("literal", type="SET", value=f"XXXX-WXX-{left.weekday}T{right.pod}")
    return left.but(pod=right.pod, type="TIME", mod=left.mod or right.mod)


def _pod_of_day(left: Parse, right: Parse, text: str, rm: Match) -> Parse | None:
    """"the morning of March 3", "the early hours of Sunday", "at teatime on Friday", "mid-afternoon
    yesterday"."""
    return right.but(pod=left.pod, type="TIME", mod=right.mod or left.mod)


def _day_clock(left: Parse, right: Parse, text: str, rm: Match) -> Parse | None:
    """"Friday at 3 p.m.", "on 5 May 2025 at 5 p.m.", "today at noon"."""
    return left.but(hour=right.hour, minute=right.minute, type="TIME")


def _day_clock_word(left: Parse, right: Parse, text: str, rm: Match) -> Parse | None:
    """"Friday noon", "tomorrow midnight", "tomorrow midday" (a part of the day, MI)."""
    word = text[rm.start:rm.end].lower()
    if word not in _CLOCK_WORDS:
        return None
    if word in vocab.PARTS_OF_DAY:
        return left.but(pod=vocab.PARTS_OF_DAY[word], type="TIME")
    return _day_clock(left, right, text, rm)


_CLOCK_WORDS = ("noon", "midday", "midnight")


def _clock_day(left: Parse, right: Parse, text: str, rm: Match) -> Parse | None:
    """"3 p.m. Friday", "5 p.m. on 5 May 2025", "midnight tonight", "5 p.m. the next day"."""
    return right.but(hour=left.hour, minute=left.minute, type="TIME")


# --- the compositions, stage by stage ------------------------------------------------------------

_YEAR_JOIN = _join(r"\s*(?:of\s+)?,?\s*")
_OF = _join(r"\s+of\s+")
_THE_BEFORE = _join(r"\bthe\s+$")
_THE = _join(r"the\b")

STAGES: tuple[tuple[Composition, ...], ...] = (
    (  # a year
        Composition("date_year", is_month_day, _YEAR_JOIN, is_year, _with_year, bare=True),
        Composition("month_year", is_month, _YEAR_JOIN, is_year, _with_year, bare=True),
        Composition("season_year", is_season, _YEAR_JOIN, is_year, _with_year, bare=True),
        Composition("holiday_year", is_holiday, _join(r"\s*,?\s*"), is_year, _with_year, bare=True),
        Composition("quarter_year", is_quarter_or_half, _YEAR_JOIN, is_year, _with_year, bare=True),
        Composition("date_relative_year", is_month_day, _join(r"\s*,?\s*(?:of\s+)?"), is_relative_year,
                    _with_relative_year, bare=True),
        Composition("month_relative_year", is_month, _join(r"\s*(?:of\s+)?"), is_relative_year, _with_relative_year,
                    bare=True),
        Composition("quarter_relative_year", is_quarter_or_half, _OF, is_relative_year, _with_relative_year),
        Composition("month_that_year", lambda p: is_month(p) or is_season(p), _join(r"\s*(?:of\s+)?"), is_that_year,
                    _in_that_year),
        Composition("year_quarter", lambda p: is_year(p) or is_relative_year(p), _join(r"(?:['’]s?)?\s+"),
                    lambda p: p.kind == "calendar" and p.quarter is not None and _yearless(p), _year_first,
                    lead=_THE_BEFORE, bare=True),
        Composition("months_to_quarter", is_months, _join(r"\s+to\s+"), is_month, _months_to),
        # "the 2004 Boxing Day tsunami", "last year's Christmas": that year's holiday, not the nearest
        Composition("year_holiday", lambda p: is_year(p) or is_relative_year(p), _join(r"(?:['’]s)?\s+"),
                    is_holiday, _year_first, lead=_THE_BEFORE, bare=True),
    ),
    (  # a weekday
        Composition("weekday_date", is_weekday, _join(r"\s*,?\s*"), is_date, _weekday_date),
        Composition("weekday_date", is_weekday, _join(r"\s*,?\s*\(\s*"), is_date, _weekday_date,
                    close=_join(r"\s*\)")),
    ),
    (  # a part of the day after its day
        Composition("day_pod", is_day_without_time, _join(r"\s+(?:at\s+)?"), is_part_of_day, _day_pod),
    ),
    (  # a part of the day before its day
        Composition("pod_of_day", is_part_of_day, _join(r"\s+(?:of|on)\s+"), is_day_without_time, _pod_of_day),
        Composition("pod_day", is_part_of_day, _join(r"\s+"),
                    lambda p: p.kind == "offset" and p.unit == "D" and p.anchor == "dct" and p.pod is None,
                    _pod_of_day),
    ),
    (  # a clock time
        Composition("clock_day", is_clock, _join(r",?\s+(?:on\s+)?"), is_day, _clock_day),
        Composition("day_clock", is_day, _join(r"\s*,?\s+at\s+"), is_clock, _day_clock),
        Composition("day_clock", is_day_without_time, _join(r"\s+"), is_clock, _day_clock_word),
    ),
)
COMPOSITIONS: tuple[Composition, ...] = tuple(c for stage in STAGES for c in stage)


def _merge(text: str, c: Composition, prev_end: int, left: Match, right: Match) -> Match | None:
    """`left` and `right` merged by `c`, or None."""
    if not (c.left(left.parse) and c.right(right.parse)):
        return None
    if "\n\n" in text[left.end:right.start] or c.join.fullmatch(text, left.end, right.start) is None:
        return None
    if c.bare and _THE.match(text, right.start):
        return None
    end = right.end
    if c.close is not None:
        closing = c.close.match(text, end)
        if closing is None:
            return None
        end = closing.end()
    parse = c.merge(left.parse, right.parse, text, right)
    if parse is None:
        return None
    start = left.start
    if c.lead is not None:
        lead = c.lead.search(text, max(prev_end, start - 8), start)
        if lead is not None:
            start = lead.start()
    return Match(start, end, c.name, parse.but(weak=False), (left, right))


# What any join may hold (whitespace, a comma, a bracket, "of", "at", "on", "to", "'s"): a quick test before
# the compositions' own.
_ANY_JOIN = re.compile(r"[\s,()]*(?:(?:of|at|on|to|['’]s?)[\s,()]*)?", re.IGNORECASE)
_LONGEST_JOIN = 24


def _stage(text: str, compositions: Iterable[Composition], matches: list[Match]) -> list[Match]:
    out: list[Match] = []
    for m in matches:
        if out and _joinable(text, out[-1], m):
            prev_end = out[-2].end if len(out) > 1 else 0
            for c in compositions:
                merged = _merge(text, c, prev_end, out[-1], m)
                if merged is not None:
                    out[-1] = merged
                    break
            else:
                out.append(m)
        else:
            out.append(m)
    return out


def share_years(text: str, matches: list[Match]) -> list[Match]:
    """In "from 23 March to 1 June 2020" and "between May and June of 2019" the first date takes
    the year written after the second."""
    out = list(matches)
    for i in range(len(matches) - 1):
        m, nxt = matches[i], matches[i + 1]
        p, q = m.parse, nxt.parse
        if p.kind not in ("calendar", "named") or p.year is not None or p.yshift is not None or p.month is None \
                or p.shift is not None or p.anchor != "dct" \
                or q.kind != "calendar" or q.year is None or q.month is None \
                or _RANGE_JOIN.fullmatch(text, m.end, nxt.start) is None:
            continue
        year = q.year if (p.month, p.day or 1) <= (q.month, q.day or 31) else q.year - 1
        out[i] = Match(m.start, m.end, m.rule, p.but(kind="calendar", year=year), m.parts)
    return out


_RANGE_JOIN = re.compile(r"\s*" + alt(vocab.RANGE_JOINERS) + r"\s*", re.IGNORECASE)


def compose(text: str, matches: list[Match]) -> list[Match]:
    """The matches of `text` (in order) with adjacent parts merged, the years of ranges shared, and
    the parts nothing took dropped. Only runs of matches close enough to join go through the
    stages (most expressions stand alone)."""
    out: list[Match] = []
    run: list[Match] = []
    for m in matches:
        if run and not _joinable(text, run[-1], m):
            out += _composed(text, run)
            run = []
        run.append(m)
    out += _composed(text, run)
    return share_years(text, [m for m in out if not m.parse.weak])


def _composed(text: str, run: list[Match]) -> list[Match]:
    if len(run) > 1:
        for stage in STAGES:
            run = _stage(text, stage, run)
    return run


def _joinable(text: str, left: Match, right: Match) -> bool:
    return right.start - left.end <= _LONGEST_JOIN and _ANY_JOIN.fullmatch(text, left.end, right.start) is not None
