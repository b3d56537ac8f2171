"""Resolve a Parse to a TIMEX3 value against a reference: a dispatch table of small functions.

Each resolver is a pure function of (parse, context): the publication date (`dct`), the date the
text last mentioned (`ref`) and the tense around the expression. It returns the value and, for
dates with a calendar position, the Point that later anaphoric expressions can refer to.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from timeline.frozen import quick_init
from timeline.temporal import vocab
from timeline.temporal.parse import Parse
from timeline.temporal.values import (
    MAX_YEAR,
    MIN_YEAR,
    RANK,
    UNIT_GRANULARITY,
    OutOfRange,
    Point,
    add_days,
    duration_value,
    make_date,
    season_point,
    year_value,
)


@quick_init
@dataclass(frozen=True, slots=True)
class Context:
    """What a relative expression is resolved against."""

    dct: date
    ref: Point | None = None  # the date the text last mentioned
    tense: str | None = None  # "past", "present", "future" or None (unknown)
    ref_near: bool = False  # whether `ref` was mentioned in this or the previous sentence
    period: Point | None = None  # the fiscal period (quarter) the text last mentioned
    clock: str | None = None  # "23:00" when the date last mentioned was a clock time on `ref`'s day
    scene: bool = False  # whether `ref` sets a scene: written with its year, not attributive ("the 1988 bombing")
    explicit: bool = False  # whether `ref` was written with its year, or counted from such a date
    night: bool = False  # whether `ref` was the evening or night of a day the text named ("Wednesday night")
    perfect: bool = False  # whether a present perfect after the expression governs its sentence ("has held")


@quick_init
@dataclass(frozen=True, slots=True)
class Resolved:
    value: str
    point: Point | None = None
    anchor: str | None = None  # "publication", "previous" or None
    type: str | None = None  # a TIMEX3 type other than the parse's ("fifty years on" with no date to count from)


# ---------------------------------------------------------------------------------------------
# Choosing among candidate years.

# How much farther a candidate on the wrong side of the reference (by tense) may be and still win.
_WRONG_SIDE_PENALTY = {"past": 12.0, "future": 12.0, "present": 1.0, None: 1.0}


def _distance(p: Point, day: date) -> int:
    """Days between `day` and the period `p` (0 when `day` falls within it)."""
    if day < p.start:
        return (p.start - day).days
    last = p.last()
    return 0 if day <= last else (day - last).days


def choose(candidates: list[Point], day: date, tense: str | None) -> Point:
    """The candidate a news reader means: the nearest to `day`, where a candidate after it counts
    as farther in a past-tense sentence, and one before it counts as farther in a future one (a
    month or season over by `day` is out; a day is not: "ordered to leave by Jan. 14")."""
    penalty = _WRONG_SIDE_PENALTY.get(tense, 2.0)
    if tense == "future":  # a month or season still to come is not over ("will open in March", in April)
        candidates = [p for p in candidates if p.gran == "day" or p.last() >= day] or candidates

    def cost(p: Point) -> tuple[float, int]:
        d = _distance(p, day)
        after = p.start > day
        wrong = (tense != "future" and after) or (tense == "future" and not after and d > 0)
        return (d * penalty if wrong else float(d), 0 if after else 1)

    return min(candidates, key=cost)


def _around(make: Callable[[int], Point | None], year: int) -> list[Point]:
    """The candidates `make` gives in the year before, the year and the year after (those that
    exist). None at all when one of those years is outside 1..9999: the missing one might have
    been the nearest, and a wrong date is worse than none."""
    if not MIN_YEAR < year < MAX_YEAR:
        return []
    return [p for y in (year - 1, year, year + 1) if (p := make(y)) is not None]


def _day(y: int, m: int, d: int) -> Point | None:
    try:
        return Point("day", date(y, m, d))
    except ValueError:
        return None


# ---------------------------------------------------------------------------------------------
# Resolvers, one per Parse.kind.


def resolve_literal(p: Parse, ctx: Context) -> Resolved | None:
    return Resolved(p.value or "")


def resolve_duration(p: Parse, ctx: Context) -> Resolved | None:
    return Resolved(duration_value(p.amount, p.unit or "D"))


def _base_year(p: Parse, ctx: Context) -> int | None:
    """A year written out, or one relative to the publication date ("last year's third quarter")."""
    if p.year is not None:
        return p.year
    if p.yshift is not None:
        return ctx.dct.year + p.yshift
    return None


def _latest_begun(this_year: Point, p: Parse, ctx: Context) -> Point:
    """A quarter or half named without a year ("the third quarter") is, in business news, the latest
    one that has begun by the publication date (the one being reported on); in a future-tense
    sentence, a quarter that ended two or more quarters ago is next year's ("will post a first-quarter
    loss" in November), and so is one that has ended when the sentence says what happens in it
    ("will open in the fourth quarter" in January, Parse.when)."""
    pt = this_year if this_year.start <= ctx.dct else this_year.shift(-1, "year")
    if ctx.tense == "future" and (pt.shift(2).start <= ctx.dct or (p.when and pt.last() < ctx.dct)):
        pt = pt.shift(1, "year")
    return pt


def resolve_calendar(p: Parse, ctx: Context) -> Resolved | None:
    if p.century is not None:
        return Resolved(f"{p.century:02d}", Point("century", date(max(1, p.century * 100), 1, 1)))
    if p.decade is not None:
        dec = p.decade
        if p.latest_decade and dec * 10 > ctx.dct.year:  # "the '90s" written in 2026: the 1990s
            dec -= 10
        return Resolved(f"{dec:03d}", Point("decade", date(max(1, dec * 10), 1, 1)))
    year = _base_year(p, ctx)
    anchor = None if p.year is not None else "publication"
    if p.quarter is not None:
        if year is not None:
            return Resolved(f"{year:04d}-Q{p.quarter}", Point("quarter", make_date(year, 3 * p.quarter - 2, 1)),
                            anchor)
        pt = _latest_begun(Point("quarter", date(ctx.dct.year, 3 * p.quarter - 2, 1)), p, ctx)
        return Resolved(pt.value(), pt, "publication")
    if p.half is not None:
        h = p.half
        if year is not None:
            pt = Point("half", make_date(year, 6 * h - 5, 1))
        else:
            pt = _latest_begun(Point("half", date(ctx.dct.year, 6 * h - 5, 1)), p, ctx)
        return Resolved(pt.value(), pt, anchor if year is not None else "publication")
    if p.month is None and p.day is not None:  # "on the 23rd": a day of the month last mentioned
        base = ctx.ref if ctx.ref is not None and RANK[ctx.ref.gran] <= RANK["month"] else None
        month_start = (base.start if base else ctx.dct).replace(day=1)
        pt2 = _day(month_start.year, month_start.month, p.day)
        if pt2 is None:
            return None
        return Resolved(pt2.value(), pt2, "previous" if base else "publication")
    if p.month is None:
        if year is None:
            return None
        return Resolved(f"{year:04d}", Point("year", make_date(year, 1, 1)), anchor)
    month = p.month
    if p.day is None:
        if year is not None:
            pt = Point("month", make_date(year, month, 1))
            return Resolved(pt.value(), pt, anchor)
        pt = choose(_around(lambda y: Point("month", date(y, month, 1)), ctx.dct.year), ctx.dct, ctx.tense)
        return Resolved(pt.value(), pt, "publication")
    day = p.day
    if year is not None:
        pt3 = _day(year, month, day)
        return Resolved(pt3.value(), pt3, anchor) if pt3 else None
    if p.weekday is not None:
        # A weekday written with its date fixes the year: the nearest year where they agree.
        for dy in (0, -1, 1, -2, 2, -3, 3, -4, 4, -5, 5, -6, 6):
            pt4 = _day(ctx.dct.year + dy, month, day)
            if pt4 is not None and pt4.start.isoweekday() == p.weekday:
                return Resolved(pt4.value(), pt4, None)
    story = _story_point(ctx)
    if story is not None:
        # A narrative set in an earlier year goes on in it: "died on 4 May 2022 ... The third death
        # came on 9 June" is 9 June 2022, the nearest to the date the text just mentioned.
        near = _in_story(lambda y: _day(y, month, day), story)
        if ctx.perfect:
            # "The ceasefire, agreed on 10 October, has largely held": the sentence speaks from the
            # present, so the latest such day by the publication date, not before the narrative's year
            since = [c for c in _around(lambda y: _day(y, month, day), ctx.dct.year)
                     if story.start.year <= c.start.year and c.start <= ctx.dct]
            if since:
                pt7 = max(since, key=lambda c: c.start)
                return Resolved(pt7.value(), pt7, "publication")
        if near:
            pt6 = choose(near, story.start, None)
            return Resolved(pt6.value(), pt6, "previous")
    cands = _around(lambda y: _day(y, month, day), ctx.dct.year)
    if not cands:
        return None
    if p.incident:  # "the January 25 revolution": a day gone by
        cands = [c for c in cands if c.start <= ctx.dct] or cands
    pt5 = choose(cands, ctx.dct, ctx.tense)
    return Resolved(pt5.value(), pt5, "publication")


def _next_to(make: Callable[[int], Point | None], ref: Point, shift: int) -> Resolved | None:
    """The first period `make` gives that starts after `ref` ends (shift 1), or the last that ends
    before `ref` starts (shift -1): "the following March" after 2019 is March 2020."""
    cands = _around(make, ref.start.year)
    try:
        if shift > 0:
            after = [c for c in cands if c.start >= ref.end()]
            pt = min(after, key=lambda c: c.start) if after else None
        else:
            before = [c for c in cands if c.last() < ref.start]
            pt = max(before, key=lambda c: c.start) if before else None
    except OutOfRange:
        return None
    return Resolved(pt.value(), pt, "previous") if pt is not None else None


def _story_point(ctx: Context) -> Point | None:
    """The date a past-tense narrative is at, when the text mentioned a day or a month of an earlier
    year in this or the previous sentence, written with its year ("on 4 May 2022", "in June 2014");
    else None: dates are read from the publication date. A year alone ("dating to 1994. In
    January, ..."), a date counted from the publication ("last October") or one that only
    qualifies a noun ("the Dec. 21, 1988, bombing") sets no scene."""
    if ctx.tense != "past" or not ctx.ref_near or not ctx.scene or ctx.ref is None \
            or RANK[ctx.ref.gran] > RANK["month"]:
        return None
    if ctx.dct.year - ctx.ref.start.year < 1:
        return None
    return ctx.ref.coarsen("day") if RANK[ctx.ref.gran] < RANK["day"] else ctx.ref


def _in_story(make: Callable[[int], Point | None], story: Point) -> list[Point]:
    """The candidates of a narrative at `story`: around its year."""
    return _around(make, story.start.year)


def _weekday_near(base: date, weekday: int, shift: int | None, tense: str | None) -> date:
    """The `weekday` a sentence means, seen from `base`. Bare, it is base itself when base is that
    weekday ("said Friday" in Friday's paper); otherwise in a future tense the first one after base,
    else (news reports what happened) the latest one before it."""
    back = (base.isoweekday() - weekday) % 7
    forward = (weekday - base.isoweekday()) % 7
    if shift == -1:  # "last Friday": the latest Friday before base
        return add_days(base, -(back or 7))
    if shift == 1:  # "next Friday": the first Friday after base
        return add_days(base, forward or 7)
    if shift == 2:  # "Friday week": a week after the first Friday after base
        return add_days(base, (forward or 7) + 7)
    if shift == 0:  # "this Friday": the one in base's week
        return add_days(base, weekday - base.isoweekday())
    if tense == "future":
        return add_days(base, forward)
    return add_days(base, -back)


def resolve_weekday(p: Parse, ctx: Context) -> Resolved | None:
    assert p.weekday is not None
    if p.anchor == "ref" and ctx.ref is not None and RANK[ctx.ref.gran] <= RANK["week"]:
        d = _weekday_near(ctx.ref.start, p.weekday, p.shift, ctx.tense)
        return Resolved(d.isoformat(), Point("day", d), "previous")
    if p.week_shift is not None:  # "Friday of last week", "Monday next week"
        week = Point.of("week", ctx.dct).shift(p.week_shift)
        d = add_days(week.start, p.weekday - 1)
        return Resolved(d.isoformat(), Point("day", d), "publication")
    d = _weekday_near(ctx.dct, p.weekday, p.shift, ctx.tense)
    return Resolved(d.isoformat(), Point("day", d), "publication")


def resolve_weekend(p: Parse, ctx: Context) -> Resolved | None:
    """"the weekend": the weekend under way or just past; in a future-tense sentence, the coming one."""
    dow = ctx.dct.isoweekday()
    if dow >= 6 or ctx.tense == "future":
        pt = Point.of("weekend", ctx.dct)
    else:
        pt = Point("weekend", add_days(ctx.dct, -(dow + 1)))
    return Resolved(pt.value(), pt, "publication")


def _holiday(name: str, year: int) -> date | None:
    if name in vocab.FIXED_HOLIDAYS:
        m, d = vocab.FIXED_HOLIDAYS[name]
        return date(year, m, d)
    if name in vocab.WEEKDAY_HOLIDAYS:  # the first such weekday on or after a day
        m, d, wd = vocab.WEEKDAY_HOLIDAYS[name]
        first = date(year, m, d)
        return first + timedelta(days=(wd - first.isoweekday()) % 7)
    if name in vocab.EASTER_HOLIDAYS:
        return easter(year) + timedelta(days=vocab.EASTER_HOLIDAYS[name])
    if name in vocab.HOLIDAYS_AFTER:
        base, days = vocab.HOLIDAYS_AFTER[name]
        start = _holiday(base, year)
        return None if start is None else start + timedelta(days=days)
    return None


def easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    leap = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * leap) // 451
    month = (h + leap - 7 * m + 114) // 31
    day = (h + leap - 7 * m + 114) % 31 + 1
    return date(year, month, day)


def resolve_named(p: Parse, ctx: Context) -> Resolved | None:
    """A month, season or holiday, maybe with last/this/next: "last November", "this summer"."""
    make: Callable[[int], Point | None]
    if p.month is not None:
        month = p.month

        def make(y: int) -> Point | None:
            return Point("month", date(y, month, 1))

        current = Point.of("month", ctx.dct)
    elif p.season is not None:
        code = p.season

        def make(y: int) -> Point | None:
            return season_point(y, code)

        current = Point.of("season", ctx.dct)
    elif p.holiday is not None:
        name = p.holiday

        def make(y: int) -> Point | None:
            d = _holiday(name, y)
            return Point("day", d) if d else None

        current = Point("day", ctx.dct)
    else:
        return None
    if p.year is not None:
        pt = make(p.year)
        return Resolved(pt.value(), pt, None) if pt else None
    if p.anchor == "ref" and ctx.ref is not None and RANK[ctx.ref.gran] <= RANK["year"]:
        if p.shift in (-1, 1):  # "the following March", "the previous summer": after or before that date
            return _next_to(make, ctx.ref, p.shift)
        pt = make(ctx.ref.start.year)  # "that summer", "August of that year": in the year last mentioned
        return Resolved(pt.value(), pt, "previous") if pt else None
    story = _story_point(ctx) if p.shift is None else None
    if story is not None:
        # A narrative set in an earlier year goes on in it: "The war began in June 2014. By August,
        # ..." is August 2014, the nearest to the date just mentioned.
        near = _in_story(make, story)
        if near:
            pt = choose(near, story.start, None)
            return Resolved(pt.value(), pt, "previous")
    cands = _around(make, ctx.dct.year)
    if not cands:
        return None
    if p.shift == -1:
        before = [c for c in cands if c.start < current.start]
        if not before:
            return None
        pt = max(before, key=lambda c: c.start)
    elif p.shift == 1:
        after = [c for c in cands if c.start > current.start]
        if not after:
            return None
        pt = min(after, key=lambda c: c.start)
    elif p.shift == 0:
        same = [c for c in cands if c.start.year == ctx.dct.year]
        pt = same[0] if same else choose(cands, ctx.dct, ctx.tense)
        if p.season == "WI" and ctx.dct.month <= 2:  # "this winter" in January: the one under way
            pt = current
    else:
        pt = choose(cands, ctx.dct, ctx.tense)
    return Resolved(pt.value(), pt, "publication")


def _result_gran(p: Parse, ref: Point) -> str:
    """The granularity of "N units earlier/later/ago" counted from `ref`."""
    unit = p.unit or "D"
    if unit in ("W", "FORTNIGHT") and p.anchor == "dct":  # "six weeks ago" is a week
        return "week"
    if unit in ("S", "MIN", "H", "D", "NIGHT", "W", "FORTNIGHT"):
        return "day"
    target = UNIT_GRANULARITY[unit]
    if unit == "DE" or unit == "CE":
        return "year"
    # "a year earlier" than a quarter or a month is that quarter or month a year before.
    if RANK[ref.gran] < RANK[target] and ref.gran in ("month", "quarter", "half", "season"):
        return ref.gran
    return target


def resolve_offset(p: Parse, ctx: Context) -> Resolved | None:
    """"yesterday", "last week", "this month" (from the publication date); "the next day", "that
    month", "the week" (from the date last mentioned): the period of that unit, moved."""
    unit = p.unit or "D"
    amount = p.amount or 0
    if not math.isfinite(amount):  # a count of 400 digits: past any calendar
        return None
    base, anchor = _anchor(p, ctx)
    target = UNIT_GRANULARITY.get(unit, "day")
    if RANK[base.gran] > RANK[target]:
        # The text last mentioned a coarser period ("in 2019 ... the next day"): the day is unknown.
        return Resolved(base.unknown_finer(target), None, anchor)
    try:
        pt = base.coarsen(target).shift(int(amount))
    except OutOfRange:
        return _beyond_calendar(base.start.year, unit, int(amount), target, anchor)
    if p.near and anchor == "previous" and ctx.tense == "future" and RANK[target] > RANK["day"] \
            and pt.last() < ctx.dct:
        # "will report by the end of the year" after "in December": that year is over, a future
        # is in the publication's
        pt = Point("day", ctx.dct).coarsen(target)
        anchor = "publication"
    return Resolved(pt.value(), pt, anchor)


def _anchor(p: Parse, ctx: Context, day_only: bool = False) -> tuple[Point, str]:
    """What a relative parse counts from: the date last mentioned (anaphoric, and for "the year"
    only when it is near; with `day_only`, only when it is a day), else the publication day."""
    if p.anchor == "ref" and ctx.ref is not None and (not p.near or ctx.ref_near) and (
            not day_only or ctx.ref.gran == "day"):
        return ctx.ref, "previous"
    return Point("day", ctx.dct), "publication"


def resolve_time_of_day(p: Parse, ctx: Context) -> Resolved | None:
    """A clock time or part of the day alone: on the day the text last mentioned, if it was a day,
    else on the publication day."""
    base, anchor = _anchor(p.but(anchor="ref"), ctx, day_only=True)
    if anchor == "previous" and ctx.tense == "past" and base.start > ctx.dct and not ctx.explicit:
        # "will appear in court on Monday. The car was seen at 2am": not on a day still to come (a
        # day written with its year is the day meant: "Added: Tuesday, 19 January, 2010, 18:32")
        base, anchor = Point("day", ctx.dct), "publication"
    if p.amount:  # "overnight": the night before that day
        base = base.shift(int(p.amount))
    elif p.hour == 24 and anchor == "publication" and ctx.tense == "past":
        base = base.shift(-1)  # "ran past midnight": the one that began the publication day
    elif anchor == "previous" and ctx.night and ctx.ref_near and p.hour is not None and p.hour < 12:
        base = base.shift(1)  # "closed on Wednesday night, reopened at 6am": the morning after (named just before)
    return Resolved(base.value(), base, anchor)


# Units of a count ("fifty years on", "a decade later") that reach beyond the news of the day: counted
# forward only from a date the text wrote with its year (`Context.explicit`).
_LONG_UNITS = frozenset({"Y", "DE", "CE", "ML"})


def resolve_count(p: Parse, ctx: Context) -> Resolved | None:
    """"two days ago", "a year from now" (from the publication date); "two days later", "a year
    earlier" (from the date last mentioned): `amount` units away, at the granularity they name."""
    unit = p.unit or "D"
    amount = p.amount or 0
    if not math.isfinite(amount):
        return None
    # Business news compares the period it reports on with the same period a year before: "net
    # income rose from a year ago" after "the third quarter" is that quarter a year before.
    if unit == "Y" and amount == -1 and ctx.period is not None and (
            p.anchor == "dct" or ctx.ref is None or RANK[ctx.ref.gran] <= RANK["quarter"]):
        moved = ctx.period.shift(-1, "year")
        return Resolved(moved.value(), moved, "previous")
    if amount > 0 and unit in _LONG_UNITS and p.anchor == "ref" and not (ctx.ref is not None and ctx.explicit):
        # "Fifty years on" after "on Tuesday", or with no date before it: how long since something
        # the text does not date, not a date fifty years after the publication.
        return Resolved(duration_value(amount, unit), type="DURATION")
    base, anchor = _anchor(p, ctx)
    if p.gran is not None:  # "a year ago today": the day (week, month) of `base`, so many units before
        try:
            moved = _shift_by_unit(base, unit, amount).coarsen(p.gran)
        except OutOfRange:
            return None
        return Resolved(moved.value(), moved, anchor)
    if unit in ("H", "MIN") and anchor == "previous" and ctx.clock is not None and base.gran == "day":
        return _clock_later(base.start, ctx.clock, amount * (60 if unit == "H" else 1))
    gran = _result_gran(p, base)
    if RANK[base.gran] > RANK[gran]:  # "two days later" after "in November": the day is unknown
        return Resolved(base.unknown_finer(gran), None, anchor)
    try:
        moved = _shift_by_unit(base.coarsen(gran), unit, amount)
    except OutOfRange:
        return _beyond_calendar(base.start.year, unit, amount, gran, anchor)
    return Resolved(moved.value(), moved, anchor)


def _clock_later(day: date, clock: str, minutes: float) -> Resolved | None:
    """A clock time counted from another ("left at 11 p.m. on Sunday and docked nine hours later"
    is Monday at 08:00): a TIME, on the day the count reaches."""
    hh, mm = (int(x) for x in clock[:5].split(":"))
    try:
        moved = dt.datetime.combine(day, dt.time()) + timedelta(minutes=hh * 60 + mm + minutes)
    except OverflowError:
        return None
    if not MIN_YEAR <= moved.year <= MAX_YEAR:
        return None
    value = f"{moved.date().isoformat()}T{moved.hour:02d}:{moved.minute:02d}"
    return Resolved(value, Point("day", moved.date()), "previous")


def resolve_latest(p: Parse, ctx: Context) -> Resolved | None:
    """"the latest quarter": the reported period if it has ended, else the latest complete quarter."""
    if ctx.period is not None and ctx.period.last() < ctx.dct:
        return Resolved(ctx.period.value(), ctx.period, "previous")
    pt = Point.of("quarter", ctx.dct).shift(-1)
    return Resolved(pt.value(), pt, "publication")


_YEARS_IN_UNIT = {"Y": 1, "DE": 10, "CE": 100, "ML": 1000}


def _beyond_calendar(year: int, unit: str, amount: float, gran: str, anchor: str | None) -> Resolved | None:
    """A year, decade or century counted past AD 1 or 9999, which no date holds: "3,000 years ago"
    is BC0975, "21 centuries ago" BC0075 (from 2026); past 9999, or at a finer granularity, there
    is no value. No Point: nothing later can be counted from it."""
    if unit not in _YEARS_IN_UNIT or gran not in ("year", "decade", "century"):
        return None
    value = year_value(year + int(amount) * _YEARS_IN_UNIT[unit], gran)
    return Resolved(value, None, anchor) if value is not None else None


def resolve_period(p: Parse, ctx: Context) -> Resolved | None:
    """"the quarter", "the period", "the year-ago quarter", "the 1988 period", "year-earlier": the
    fiscal period the text reports on (the quarter it last mentioned, else the latest complete
    quarter), in the year written or `amount` years away."""
    base = ctx.period
    anchor: str | None = "previous"
    if base is None and p.reports_only:
        return None
    if base is None and p.quarter is not None:  # "the quarter ended Sept. 30": the latest such quarter
        base, anchor = Point.of("quarter", ctx.dct.replace(month=p.quarter * 3 - 2, day=1)), "publication"
        if base.start > ctx.dct:
            base = base.shift(-1, "year")
    if base is None:
        base, anchor = Point.of("quarter", ctx.dct).shift(-1), "publication"
    if p.year is not None:
        base = base.shift(p.year - base.start.year, "year")
        anchor = None
    pt = base.shift(int(p.amount or 0), "year")
    return Resolved(pt.value(), pt, anchor)


def _shift_by_unit(p: Point, unit: str, amount: float) -> Point:
    n = int(amount)
    if unit == "FORTNIGHT":
        return p.shift(2 * n, "week")
    if unit in ("S", "MIN", "H"):
        return p
    if unit == "DE":
        return p.shift(10 * n, "year")
    if unit in ("CE", "ML"):
        return p.shift(100 * n * (10 if unit == "ML" else 1), "year")
    return p.shift(n, UNIT_GRANULARITY.get(unit, "day"))


def resolve_none(p: Parse, ctx: Context) -> Resolved | None:
    """A phrase recognised only so that it is not tagged (an age, "as soon as")."""
    return None


RESOLVERS: dict[str, Callable[[Parse, Context], Resolved | None]] = {
    "none": resolve_none,
    "literal": resolve_literal,
    "duration": resolve_duration,
    "calendar": resolve_calendar,
    "weekday": resolve_weekday,
    "weekend": resolve_weekend,
    "named": resolve_named,
    "offset": resolve_offset,
    "count": resolve_count,
    "time_of_day": resolve_time_of_day,
    "period": resolve_period,
    "latest": resolve_latest,
}


def resolve(p: Parse, ctx: Context) -> Resolved | None:
    """The TIMEX3 value of `p` in `ctx` (None when the parse cannot be a real date, or names one
    outside the years 1..9999 that has no TIMEX3 form either)."""
    try:
        return _resolve(p, ctx)
    except OutOfRange:
        return None


def _resolve(p: Parse, ctx: Context) -> Resolved | None:
    r = RESOLVERS[p.kind](p, ctx)
    if r is None:
        return None
    if p.week_of and r.point is not None and r.point.gran == "day":  # "the week of March 6"
        week = r.point.coarsen("week")
        return Resolved(week.value(), week, r.anchor)
    suffix = ""
    if p.hour is not None:
        suffix = f"T{p.hour:02d}:{p.minute or 0:02d}"
    elif p.pod is not None:
        suffix = f"T{p.pod}"
    if suffix and r.point is not None and r.point.gran == "day":
        return Resolved(r.value + suffix, r.point, r.anchor)
    if suffix and _UNKNOWN_DAY.fullmatch(r.value):  # "that night" after "in November": 2025-11-XXTNI
        return Resolved(r.value + suffix, r.point, r.anchor)
    if p.type == "TIME" and "T" not in r.value:
        return None  # a time of day in a period with no day to write ("that night" after "the first half")
    return r


_UNKNOWN_DAY = re.compile(r"\d{4}-(?:\d\d|XX)-XX")
