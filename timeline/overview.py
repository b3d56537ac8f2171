"""The overview of a timeline: its events drawn to scale, as geometry a template draws.

`overview(events, published=..., tracks=...)` places every event on a time axis and returns an
`Overview`: the scale (segments of proportional time, with long empty stretches between them cut
out and shown as breaks, "… 38 years …"), the ticks that suit each segment (centuries to days),
one mark per event (a point for a day or finer; a bar for a week, month, year, an interval "from X
to Y" or an ongoing period "since X"), stacked in lanes where they crowd, one row of lanes per
track (an article or a source), and the publication day. It also says where the list of events
changes year (or month), where time jumps, and where what was reported ends and what is expected
begins (`dividers`). Pure geometry, in SVG user units: templates/_overview.svg draws it, inline in
the pages and standalone for `extract -f svg`. Nothing here looks at today's date.
"""

from __future__ import annotations

import bisect
import datetime as dt
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Protocol

from timeline import calendar
from timeline.filters import html_id, no_bidi, when_text
from timeline.frozen import quick_init

__all__ = ["Break", "Divider", "Mark", "Overview", "Segment", "Tick", "Track", "TrackSpec", "for_articles",
           "for_story", "overview"]

# --- the layout, in SVG user units ------------------------------------------------------------------

WIDTH = 720.0            # the drawing's width (the viewBox; the page scales it)
MARGIN = 14.0            # left and right of the plot
TRACK_LABEL = 26.0       # room for a track's shape at the left of its row, when there are tracks
TOP = 26.0               # room above the rows for the publication label
LANE = 15.0              # height of one lane of marks
ROW_GAP = 8.0            # between two tracks
AXIS = 40.0              # the axis and its two lines of tick labels, below the rows
# The vertical drawing (narrow screens): time runs down, tick labels left of the axis, a column
# of lanes per track right of it, room on the right for the publication label.
V_LENGTH = 560.0         # the time axis's length
V_TOP = 22.0             # above the axis
V_AXIS = 74.0            # x of the axis (tick labels to its left)
V_RIGHT = 172.0          # right of the last column (the publication label)
BREAK = 62.0             # the width of a break ("… 38 years …")
SEGMENT_PAD = 9.0        # inside each segment's ends, so a mark at its edge is whole
MIN_SEGMENT = 44.0       # the narrowest segment (room for a tick label "2012")
POINT = 5.0              # a point mark's radius
MIN_BAR = 4.0            # the thinnest bar (a month in a decade)
MAX_LANES = 10           # marks beyond this many lanes share the last one
MIN_TICK_SPACING = 30.0  # between two labelled ticks
TITLE_CHARS = 100        # a mark's title (tooltip, accessible name) keeps this much of its sentence
SHORT_TITLES = 300       # with more events than this, a mark's title says when only

# A stretch with no event is cut out when it is at least this long, this many times longer than
# the events on either side of it and this share of the time still drawn (see _clusters).
BREAK_MIN_DAYS = 365
BREAK_RATIO = 2.0
BREAK_SHARE = 0.3
MAX_BREAKS = 4

#: Granularities drawn as a point (a day or finer); the others are drawn as the span they are.
POINT_GRANULARITIES = frozenset({"day", "part of day", "time"})

#: A track's shape, as an SVG path relative to the mark's centre (circle, square, diamond,
#: triangle, inverted triangle, hexagon): tracks differ by shape as well as colour.
SHAPES: tuple[tuple[str, str], ...] = (
    ("circle", "m-5 0a5 5 0 1 0 10 0a5 5 0 1 0-10 0z"),
    ("square", "m-4.5-4.5h9v9h-9z"),
    ("diamond", "m0-6l6 6l-6 6l-6-6z"),
    ("triangle", "m0-6l6 10.5h-12z"),
    ("inverted triangle", "m0 6l6-10.5h-12z"),
    ("hexagon", "m-5.2-3l5.2-3l5.2 3v6l-5.2 3l-5.2-3z"),
)
MAX_TRACKS = len(SHAPES)
#: The track of events that belong to none of the tracks asked for (the editor's additions, or
#: articles beyond MAX_TRACKS): a star, in the text colour (`tr-other`), never an article's shape.
OTHER_SHAPE = ("star", "m0-6l1.8 3.6l4 .6l-2.9 2.8l.7 4l-3.6-1.9l-3.6 1.9l.7-4l-2.9-2.8l4-.6z")
EDITOR_TRACK = "added by the editor"
OTHER_TRACK = "other articles"

MONTHS_SHORT = tuple(m[:3] for m in calendar.MONTHS)
_DAYS_PER_YEAR = 365.2425
_BC = re.compile(r"BC(\d{2,4})")


class Dated(Protocol):
    """What the overview reads of an event (timeline.events.Event has all of it; a `target`
    attribute, when there is one, is the id of its entry in the list instead of "ev-" + `id`)."""

    @property
    def id(self) -> str: ...
    @property
    def article(self) -> str: ...
    @property
    def sources(self) -> tuple[str, ...]: ...
    @property
    def date(self) -> str: ...
    @property
    def start(self) -> dt.date: ...
    @property
    def end(self) -> dt.date: ...
    @property
    def granularity(self) -> str: ...
    @property
    def label(self) -> str: ...
    @property
    def status(self) -> str: ...
    @property
    def ongoing(self) -> bool: ...
    @property
    def text(self) -> str: ...


@quick_init
@dataclass(frozen=True)
class TrackSpec:
    """A track to draw: its label, the articles whose events it holds, its publication day."""

    label: str
    articles: frozenset[str]
    published: dt.date | None = None
    other: bool = False  # the track of events in no other track (OTHER_SHAPE, class tr-other)


@quick_init
@dataclass(frozen=True)
class Track:
    """A row of the drawing: `y` is its top and `height` its lanes; `published_x` the x of its
    publication day (None if none); `shape`/`path` the shape of its marks; `index` counts from 1."""

    index: int
    label: str
    shape: str
    path: str
    y: float
    height: float
    lanes: int
    published_x: float | None
    published: dt.date | None
    key: str = ""  # its CSS class is tr-KEY: the index, or "other" for the track of OTHER_SHAPE


@quick_init
@dataclass(frozen=True)
class Segment:
    """A stretch of proportional time: days `start`..`end` (ordinals, floats) at x `x0`..`x1`."""

    start: float
    end: float
    x0: float
    x1: float


@quick_init
@dataclass(frozen=True)
class Break:
    """A stretch with no event, cut out: x `x0`..`x1`, and how long it is ("38 years")."""

    x0: float
    x1: float
    label: str

    @property
    def mid(self) -> float:
        return round((self.x0 + self.x1) / 2, 1)


@quick_init
@dataclass(frozen=True)
class Tick:
    """A tick of the axis at `x`: its label and, on a second line, the larger unit when it changes
    ("Jan" over "2026"); `datetime` for <time>-like reading (unused by SVG, kept for themes)."""

    x: float
    label: str
    sub: str = ""
    day: float = 0.0  # the day number it marks
    align: str = ""  # "start" or "end" for a label at an end of the axis (else centred)


@quick_init
@dataclass(frozen=True)
class Mark:
    """One event drawn: a point at `x` (`kind` "point") or a bar `x0`..`x1` ("bar"), its centre at
    height `y`, in track `track` (1-based). `target` is the id of its entry in the list; `id`
    the mark's own id (only the first mark of an event that several tracks show has one)."""

    kind: str
    x: float
    x0: float
    x1: float
    y: float
    track: int
    target: str
    id: str | None
    title: str
    status: str
    ongoing: bool
    cls: str = ""  # its CSS classes: "mk tr-1 st-expected" (+ " ongoing")
    article: str = ""  # the id of the article whose sentence its title quotes, if it does (its `lang`)


@quick_init
@dataclass(frozen=True)
class Divider:
    """A divider of the list before an entry: `kind` "year", "month" or "published", its label,
    and for a year or month after a long jump, how long ("3 years later")."""

    kind: str
    label: str
    gap: str = ""


@dataclass(frozen=True)
class Overview:
    """The geometry of one timeline's overview (SVG user units; see the module docstring)."""

    width: float
    height: float
    axis_y: float  # the axis's place across: its y (horizontal) or its x (vertical)
    plot_x0: float
    plot_x1: float
    segments: tuple[Segment, ...]
    breaks: tuple[Break, ...]
    ticks: tuple[Tick, ...]
    tracks: tuple[Track, ...]
    marks: tuple[Mark, ...]
    published_x: float | None
    published: dt.date | None
    description: str
    dividers: Mapping[str, tuple[Divider, ...]] = field(default_factory=dict)
    #: The ids of the events whose mark has an id (their entries link back to it).
    marked: frozenset[str] = frozenset()
    #: Time runs down (x is then the place along the time axis, drawn as SVG y) rather than across.
    vertical: bool = False
    #: What the ids of marks start with: "ov-" (horizontal) or "ovv-" (vertical), then the entry's id.
    prefix: str = "ov-"
    #: The same overview with time running down (narrow screens), if asked for.
    down: Overview | None = None


# --- the time of an event -----------------------------------------------------------------------


def _year_day(year: int) -> float:
    """The day number (date.toordinal) of 1 January of an astronomical year (0 is 1 BC)."""
    if year >= 1:
        return float(dt.date(min(year, 9999), 1, 1).toordinal())
    return 1.0 + (year - 1) * _DAYS_PER_YEAR


def _days(e: Dated) -> tuple[float, float] | None:
    """The event's interval as day numbers [start, end): its dates, else (a BC value, which no
    date holds) the years of its value; None if it has no place in time."""
    start, end = getattr(e, "start", None), getattr(e, "end", None)
    if isinstance(start, dt.date) and isinstance(end, dt.date):
        return float(start.toordinal()), float(max(end.toordinal(), start.toordinal() + 1))
    match = _BC.fullmatch(getattr(e, "date", "") or "")
    if not match:
        return None
    digits = match[1]
    span = 10 ** (4 - len(digits))            # a year, a decade, a century
    first_bc = int(digits) * span + span - 1 if span > 1 else int(digits)
    year = 1 - first_bc                        # astronomical
    return _year_day(year), _year_day(year + span)


def _year_of(day: float) -> int:
    """The astronomical year a day number falls in."""
    if day >= 1:
        return dt.date.fromordinal(int(min(day, dt.date.max.toordinal()))).year
    return math.floor((day - 1) / _DAYS_PER_YEAR) + 1


def _year_label(year: int) -> str:
    return str(year) if year >= 1 else f"{1 - year} BC"


def _duration(days: float) -> str:
    """A stretch of time in words, as a break or a gap marker says it: "14 months", "38 years"."""
    if days < 2 * _DAYS_PER_YEAR:
        months = max(1, round(days / (_DAYS_PER_YEAR / 12)))
        return f"{months} month{'s' if months != 1 else ''}"
    years = round(days / _DAYS_PER_YEAR)
    return f"{years} years"


# --- the scale ------------------------------------------------------------------------------------


def _clusters(spans: Sequence[tuple[float, float]]) -> list[list[float]]:
    """Spans merged where they overlap or touch, into runs: the stretches between runs are cut
    out. A stretch is cut, longest first, while it is at least BREAK_MIN_DAYS long, BREAK_RATIO
    times longer than the events on either side and BREAK_SHARE of the time still drawn (at most
    MAX_BREAKS): a 1976 reference next to a story of days, not a year between yearly events."""
    merged: list[list[float]] = []
    for a, b in sorted(spans):
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    gaps = sorted(((merged[i + 1][0] - merged[i][1], i) for i in range(len(merged) - 1)
                   if merged[i + 1][0] - merged[i][1] >= BREAK_MIN_DAYS
                   and merged[i + 1][0] - merged[i][1] > BREAK_RATIO * max(merged[i][1] - merged[i][0],
                                                                           merged[i + 1][1] - merged[i + 1][0])),
                  key=lambda g: (-g[0], g[1]))
    drawn = merged[-1][1] - merged[0][0]
    cut: set[int] = set()
    for gap, i in gaps:
        if len(cut) >= MAX_BREAKS or gap < BREAK_SHARE * drawn:
            break
        cut.add(i)
        drawn -= gap
    runs: list[list[float]] = [list(merged[0])]
    for i in range(1, len(merged)):
        if i - 1 in cut:
            runs.append(list(merged[i]))
        else:
            runs[-1][1] = max(runs[-1][1], merged[i][1])
    return runs


def _segments(runs: Sequence[Sequence[float]], weights: Sequence[int], x0: float, x1: float
              ) -> tuple[list[Segment], list[Break]]:
    """Runs laid out from x0 to x1, breaks of BREAK width between them; each run gets at least
    MIN_SEGMENT and otherwise room in proportion to its events."""
    avail = x1 - x0 - BREAK * (len(runs) - 1)
    floor = min(MIN_SEGMENT, avail / len(runs))
    spare = avail - floor * len(runs)
    total = sum(weights) or 1
    segments: list[Segment] = []
    breaks: list[Break] = []
    x = x0
    for i, ((a, b), w) in enumerate(zip(runs, weights, strict=True)):
        width = floor + spare * w / total
        segments.append(Segment(a, b, round(x, 1), round(x + width, 1)))
        x += width
        if i + 1 < len(runs):
            breaks.append(Break(round(x, 1), round(x + BREAK, 1), _duration(runs[i + 1][0] - b)))
            x += BREAK
    return segments, breaks


def _x(day: float, seg: Segment) -> float:
    inner0, inner1 = seg.x0 + SEGMENT_PAD, seg.x1 - SEGMENT_PAD
    if seg.end <= seg.start:
        return round((inner0 + inner1) / 2, 1)
    return round(inner0 + (day - seg.start) / (seg.end - seg.start) * (inner1 - inner0), 1)


def _segment_of(day: float, segments: Sequence[Segment]) -> Segment:
    for seg in segments:
        if day <= seg.end:
            return seg
    return segments[-1]


# --- ticks ----------------------------------------------------------------------------------------

# (unit, its length in days): the ticks of a segment are the finest unit whose ticks are at least
# MIN_TICK_SPACING apart.
TICK_UNITS: tuple[tuple[str, float], ...] = (
    ("day", 1), ("week", 7), ("month", 30.44), ("quarter", 91.3), ("year", _DAYS_PER_YEAR),
    ("2 years", 2 * _DAYS_PER_YEAR), ("5 years", 5 * _DAYS_PER_YEAR), ("decade", 10 * _DAYS_PER_YEAR),
    ("20 years", 20 * _DAYS_PER_YEAR), ("50 years", 50 * _DAYS_PER_YEAR), ("century", 100 * _DAYS_PER_YEAR),
    ("500 years", 500 * _DAYS_PER_YEAR), ("millennium", 1000 * _DAYS_PER_YEAR),
)
_YEARS_OF = {"year": 1, "2 years": 2, "5 years": 5, "decade": 10, "20 years": 20, "50 years": 50,
             "century": 100, "500 years": 500, "millennium": 1000}


def _tick_days(unit: str, start: float, end: float) -> list[tuple[float, str, str]]:
    """(day, label, second line) of every tick of `unit` in [start, end]."""
    out: list[tuple[float, str, str]] = []
    if unit in _YEARS_OF:
        step = _YEARS_OF[unit]
        year = math.ceil(_year_of(start) / step) * step
        while year <= dt.date.max.year and (day := _year_day(year)) <= end:  # no year after 9999
            if day >= start:
                out.append((day, _year_label(year), ""))
            year += step
        return out
    first = dt.date.fromordinal(max(1, math.ceil(start)))
    last = int(min(end, dt.date.max.toordinal()))
    previous: tuple[int, int] | None = None
    if unit in ("day", "week"):  # counted in day numbers: a step past 31 December 9999 is no date
        n = first.toordinal()
        if unit == "week":  # Mondays
            n += (7 - first.weekday()) % 7
        while n <= last:
            d = dt.date.fromordinal(n)
            sub = f"{MONTHS_SHORT[d.month - 1]} {d.year}" if (d.year, d.month) != previous else ""
            out.append((float(n), str(d.day), sub))
            previous = (d.year, d.month)
            n += 1 if unit == "day" else 7
        return out
    months = 1 if unit == "month" else 3
    y, m = first.year, first.month
    if first.day != 1:
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    while (m - 1) % months:
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    while y <= 9999 and (day := float(dt.date(y, m, 1).toordinal())) <= last:
        out.append((day, MONTHS_SHORT[m - 1], str(y) if previous is None or previous[0] != y else ""))
        previous = (y, m)
        m += months
        if m > 12:
            y, m = y + 1, m - 12
    return out


def _ticks(seg: Segment, breaks: Sequence[Break] = ()) -> list[Tick]:
    """The ticks of a segment, clear of the labels of `breaks`; the first says its month and year
    (or year) even when the tick before it, left out, did."""
    length = max(seg.end - seg.start, 1.0)
    per_day = (seg.x1 - seg.x0 - 2 * SEGMENT_PAD) / length
    unit = next((u for u, days in TICK_UNITS if days * per_day >= MIN_TICK_SPACING), TICK_UNITS[-1][0])
    if seg.start < 1 and unit not in _YEARS_OF:
        unit = "year"
    ticks = [Tick(_x(day, seg), label, sub, day) for day, label, sub in _tick_days(unit, seg.start, seg.end)]
    ticks = [t for t in ticks if not any(b.x0 - 22 < t.x < b.x1 + 22 for b in breaks)]
    if ticks and not ticks[0].sub and unit not in _YEARS_OF:
        d = dt.date.fromordinal(int(ticks[0].day))
        sub = f"{MONTHS_SHORT[d.month - 1]} {d.year}" if unit in ("day", "week") else str(d.year)
        ticks[0] = Tick(ticks[0].x, ticks[0].label, sub, ticks[0].day, ticks[0].align)
    if not ticks:  # a segment narrower than one tick of its unit: say where it starts
        if seg.start >= 1:
            d = dt.date.fromordinal(int(seg.start))
            label = f"{d.day} {MONTHS_SHORT[d.month - 1]}" if length < 62 else MONTHS_SHORT[d.month - 1]
            ticks = [Tick(_x(seg.start, seg), label, str(d.year))]
        else:
            ticks = [Tick(_x(seg.start, seg), _year_label(_year_of(seg.start)))]
    return ticks


# --- marks and lanes ------------------------------------------------------------------------------


def _lane(lanes: list[float], x0: float, x1: float) -> int:
    """The first lane free from x0 on (at most MAX_LANES), which is then taken up to x1."""
    for i, taken in enumerate(lanes):
        if taken <= x0:
            lanes[i] = x1
            return i
    if len(lanes) < MAX_LANES:
        lanes.append(x1)
        return len(lanes) - 1
    lanes[-1] = max(lanes[-1], x1)
    return len(lanes) - 1


def _title(e: Dated, short: bool = False) -> str:
    """What a mark says (its accessible name and tooltip): when, then the sentence (shortened);
    when only, if `short`."""
    if short:
        return when_text(e)  # type: ignore[arg-type]
    text = " ".join(no_bidi(getattr(e, "headline", None) or e.text).split())
    if len(text) > TITLE_CHARS:
        text = text[:TITLE_CHARS - 1].rstrip() + "…"
    return f"{when_text(e)}: {text}"  # type: ignore[arg-type]


# --- the list's dividers --------------------------------------------------------------------------


def dividers(events: Sequence[Dated], published: dt.date | None) -> dict[str, tuple[Divider, ...]]:
    """Event id -> the dividers before its entry: a year (or, for a timeline within one year, a
    month) where it changes, with "3 years later" after a long jump (BREAK_MIN_DAYS), and
    "published …" before the first entry after the publication day."""
    return _dividers([(e, _days(e)) for e in events], published)


def _dividers(placed: Sequence[tuple[Dated, tuple[float, float] | None]], published: dt.date | None
              ) -> dict[str, tuple[Divider, ...]]:
    """`dividers` of events already placed in time (each with its `_days`)."""
    years = {_year_of(d[0]) for _, d in placed if d}
    by_month = len(years) == 1
    unit = calendar.granularity_rank("month" if by_month else "year")
    out: dict[str, tuple[Divider, ...]] = {}
    previous: tuple[int, int] | str | None = None
    previous_end: float | None = None
    pub_done = published is None
    pub_day = float(published.toordinal()) if published else 0.0
    for e, d in placed:
        if d is None:
            continue
        here: list[Divider] = []
        if not pub_done and d[0] > pub_day:
            here.append(Divider("published", f"published {calendar.label(published.isoformat())}"))  # type: ignore[union-attr]
            pub_done = True
        year = _year_of(d[0])
        month = dt.date.fromordinal(int(d[0])).month if d[0] >= 1 else 1
        span = _span_label(e, unit)
        key: tuple[int, int] | str = span or (year, month if by_month else 0)
        if key != previous:
            gap = ""
            if previous_end is not None and d[0] - previous_end >= BREAK_MIN_DAYS:
                gap = _duration(d[0] - previous_end) + " later"
            label = span or (f"{calendar.MONTHS[month - 1]} {_year_label(year)}" if by_month else _year_label(year))
            here.append(Divider("month" if by_month else "year", label, gap))
            previous = key
        previous_end = d[1] if previous_end is None else max(previous_end, d[1])
        if here and e.id not in out:
            out[e.id] = tuple(here)
    return out


def _span_label(e: Dated, unit: int) -> str:
    """For an event coarser than the dividers' unit (a century or decade among years; a year,
    half, quarter or season among months), its span as people say it ("19th century", "1990s",
    "Q3 2025"), without its phase ("late", "early"): not a year or month picked from inside it.
    "" for an event the unit holds, or a value without a calendar place."""
    try:
        coarse = calendar.granularity_rank(e.granularity) < unit
    except ValueError:
        return ""
    return calendar.span_label(e.date) if coarse else ""


# --- the overview ---------------------------------------------------------------------------------


def _description(placed: Sequence[tuple[Dated, tuple[float, float]]], breaks: Sequence[str],
                 shapes: Sequence[tuple[str, str]]) -> str:
    """The drawing in words (its <desc>): how many events, from when to when, what was left out,
    and the shape of each track's marks."""
    n = len(placed)
    first = placed[0][0]
    last = max(placed, key=lambda p: p[1][1])[0]
    span = first.label if first is last else f"from {first.label} to {last.label}"
    text = f"{n} event{'s' if n != 1 else ''}, {span}, drawn to scale"
    if breaks:
        text += "; left out, as they have no events: " + ", ".join(breaks)
    text += "."
    if shapes:
        text += " One row each: " + "; ".join(f"{label} ({shape}s)" for label, shape in shapes) + "."
    return text


@dataclass(frozen=True)
class _Shared:
    """What both layouts of one overview share: the tracks asked for, the events placed in time
    (in order) with their titles and ids, the runs of time drawn and their weights."""

    specs: list[TrackSpec]
    placed: list[tuple[Dated, tuple[float, float]]]
    titles: list[str]
    targets: list[str]
    rows: list[list[int]]
    points: list[bool]
    runs: list[list[float]]
    weights: list[int]
    #: The article whose sentence each title quotes ("" when it says when only, or an editor's headline).
    quotes: list[str] = field(default_factory=list)


#: The width of a character of a tick label (12 px; a digit of DejaVu Sans, the widest common fallback, is 7.6 px).
TICK_CHAR = 7.6
TICK_GAP = 3.0


def _half(t: Tick) -> float:
    """Half the width of a tick's widest line of text, at least 24 px: closer to an end of the axis
    than that, its label is drawn inward (from the tick) instead of centred on it."""
    return max(24.0, TICK_CHAR * max(len(t.label), len(t.sub)) / 2)


def _uncrowded(ticks: list[Tick]) -> list[Tick]:
    """The ticks whose labels do not run into those kept before them. The numbers and their second
    line (the month and year where they change) are two rows of text, each kept clear on its own.
    Of two ticks that would touch, one that names a month or year (its second line) stays and the
    plain number gives way, so an axis of days always says which month it is in; else the one at
    an end of the axis goes (it is the one moved inward), else the later."""
    def extent(t: Tick, text: str) -> tuple[float, float]:
        w = TICK_CHAR * len(text)
        if t.align == "start":
            return t.x, t.x + w
        if t.align == "end":
            return t.x - w, t.x
        return t.x - w / 2, t.x + w / 2

    # Each tick's extents, worked out once: (label's start, label's end, sub's start, sub's end).
    spans = {id(t): (*extent(t, t.label), *extent(t, t.sub)) for t in ticks}

    def clash(a: Tick, b: Tick) -> bool:  # a drawn before b
        sa, sb = spans[id(a)], spans[id(b)]
        if sa[1] + TICK_GAP > sb[0]:
            return True
        return bool(a.sub and b.sub) and sa[3] + TICK_GAP > sb[2]

    kept: list[Tick] = []
    last_sub: Tick | None = None  # the last tick kept that has a second line
    for t in ticks:
        while t.sub and kept and not kept[-1].sub and clash(kept[-1], t):
            kept.pop()  # a plain number gives way to the tick that names its month
        if kept and (clash(kept[-1], t) or (last_sub is not None and clash(last_sub, t))):
            if kept[-1].align == "start" and len(kept) == 1 and not kept[-1].sub:
                kept[-1] = t  # the first label, moved inward, gives way (`t` has no second line
                # here, or the label would have given way above: `last_sub` stays None)
            continue
        kept.append(t)
        if t.sub:
            last_sub = t
    return kept


def _layout(sh: _Shared, vertical: bool, description: str,
            divs: Mapping[str, tuple[Divider, ...]], down: Overview | None = None) -> Overview:
    """One layout of an overview: time across (x0..x1 of WIDTH) or down (V_LENGTH)."""
    specs, multi = sh.specs, len(sh.specs) > 1
    if vertical:
        x0 = V_TOP + (TRACK_LABEL if multi else 0.0)
        x1 = x0 + V_LENGTH
    else:
        x0 = MARGIN + (TRACK_LABEL if multi else 0.0)
        x1 = WIDTH - MARGIN
    segments, breaks = _segments(sh.runs, sh.weights, x0, x1)
    prefix = "ovv-" if vertical else "ov-"

    # Marks, track by track, stacked into lanes where they crowd.
    per_track: list[list[tuple[int, float, float, int]]] = [[] for _ in specs]
    lane_ends: list[list[float]] = [[] for _ in specs]
    for k, (_e, (a, b)) in enumerate(sh.placed):
        seg = _segment_of(a, segments)
        if sh.points[k]:
            xa = xb = _x((a + min(b, a + 1)) / 2, seg)
            lo, hi = xa - POINT - 1, xa + POINT + 1
        else:
            xa, xb = _x(a, seg), _x(b, _segment_of(b, segments))
            if xb - xa < MIN_BAR:
                mid = (xa + xb) / 2
                xa, xb = round(mid - MIN_BAR / 2, 1), round(mid + MIN_BAR / 2, 1)
            lo, hi = xa - 1, xb + 1
        for t in sh.rows[k]:
            per_track[t].append((k, xa, xb, _lane(lane_ends[t], lo, hi)))
    # Rows: top to bottom (columns, left to right, when time runs down), each as deep as its lanes.
    track_rows: list[Track] = []
    y = V_AXIS + 10 if vertical else TOP
    for i, spec in enumerate(specs):
        lanes = max(1, len(lane_ends[i]))
        shape, path = OTHER_SHAPE if spec.other else SHAPES[i % len(SHAPES)]
        pub_x = None
        if spec.published:
            p = float(spec.published.toordinal())
            pub_x = _x(p + 0.5, _segment_of(p, segments))
        track_rows.append(Track(i + 1, spec.label, shape, path, round(y, 1), lanes * LANE, lanes, pub_x,
                                spec.published, "other" if spec.other else str(i + 1)))
        y += lanes * LANE + ROW_GAP
    axis_y = V_AXIS if vertical else round(y - ROW_GAP + 10, 1)
    marks: list[Mark] = []
    seen: set[int] = set()
    for i, row in enumerate(per_track):
        top = track_rows[i].y
        for k, xa, xb, lane in row:
            e = sh.placed[k][0]
            first = k not in seen
            seen.add(k)
            marks.append(Mark("point" if sh.points[k] else "bar", round((xa + xb) / 2, 1), xa, xb,
                              round(top + lane * LANE + LANE / 2, 1), i + 1, sh.targets[k],
                              prefix + sh.targets[k] if first else None, sh.titles[k], e.status, bool(e.ongoing),
                              f"mk tr-{track_rows[i].key} st-{e.status}" + (" ongoing" if e.ongoing else ""),
                              sh.quotes[k] if sh.quotes else ""))
    ticks = [t for seg in segments for t in _ticks(seg, breaks)]
    if not vertical:  # a label at an end of the axis does not run off the drawing
        moved: list[Tick] = []
        for t in ticks:
            half = _half(t)
            moved.append(t if x0 + half <= t.x <= x1 - half
                         else Tick(t.x, t.label, t.sub, t.day, "start" if t.x < x0 + half else "end"))
        ticks = _uncrowded(moved)
    return Overview(
        width=round(y - ROW_GAP + V_RIGHT, 1) if vertical else WIDTH,
        height=round(x1 + MARGIN, 1) if vertical else round(axis_y + AXIS, 1),
        axis_y=axis_y, plot_x0=x0, plot_x1=x1, vertical=vertical, prefix=prefix,
        segments=tuple(segments), breaks=tuple(breaks), ticks=tuple(ticks), tracks=tuple(track_rows),
        marks=tuple(marks), published_x=None if multi else track_rows[0].published_x,
        published=None if multi else specs[0].published, description=description, dividers=divs,
        marked=frozenset(sh.placed[k][0].id for k in seen), down=down,
    )


def overview(events: Sequence[Dated], *, published: dt.date | None = None,
             tracks: Sequence[TrackSpec] | None = None, down: bool = True) -> Overview | None:
    """The geometry of the overview of `events`, time across: one row of lanes, or one per track
    of `tracks` (at most MAX_TRACKS; an event is drawn in the track of each of its sources); the
    publication day `published` as a line across (each track's own when tracks are given). With
    `down`, its `.down` is the same overview with time running down (for narrow screens; x and y
    of the geometry are then along and across the time axis), computed from the same work.
    None when no event has a place in time."""
    specs = list(tracks or [])[:MAX_TRACKS] or [TrackSpec("", frozenset(), published)]
    specs = [s if no_bidi(s.label) == s.label else replace(s, label=no_bidi(s.label))  # a source's name: SVG
             for s in specs]  # text, no <bdi>
    multi = len(specs) > 1
    placed = sorted(((e, d) for e in events if (d := _days(e)) is not None), key=lambda p: p[1])
    if not placed:
        return None
    which: dict[str, list[int]] = {}
    for i, spec in enumerate(specs):
        for article in spec.articles:
            which.setdefault(article, []).append(i)
    rows: list[list[int]] = []
    for e, _ in placed:
        if multi:
            sources = tuple(getattr(e, "sources", ()) or (e.article,))
            rows.append(sorted({t for s in sources for t in which.get(s, [])}))
        else:
            rows.append([0])
    orphans = [k for k, row in enumerate(rows) if not row]
    if orphans:  # a track of their own, not the first article's
        editor = all(getattr(placed[k][0], "anchor", "") == "editor" for k in orphans)
        specs.append(TrackSpec(EDITOR_TRACK if editor else OTHER_TRACK, frozenset(), other=True))
        for k in orphans:
            rows[k] = [len(specs) - 1]
    spans = [d for _, d in placed]
    pubs = [float(s.published.toordinal()) for s in specs if s.published]
    runs = _clusters(spans + [(p, p + 1) for p in pubs])
    starts = sorted(a for a, _ in spans)
    weights = [1 + bisect.bisect_right(starts, run[1]) - bisect.bisect_left(starts, run[0]) for run in runs]
    short = len(placed) > SHORT_TITLES  # a drawing of thousands of marks stays light
    sh = _Shared(specs, placed, [_title(e, short) for e, _ in placed],
                 [getattr(e, "target", None) or html_id(e.id) for e, _ in placed], rows,
                 [e.granularity in POINT_GRANULARITIES and not e.ongoing and not getattr(e, "until", None)
                  for e, _ in placed], runs, weights,
                 quotes=["" if short or getattr(e, "headline", None) else str(getattr(e, "article", "") or "")
                         for e, _ in placed])
    # The words and the dividers first (they need no layout: the breaks' lengths are the runs'
    # gaps, the tracks' shapes their order), so each layout is made once, whole.
    shapes = [(spec.label, (OTHER_SHAPE if spec.other else SHAPES[i % len(SHAPES)])[0])
              for i, spec in enumerate(specs)] if multi else []
    gaps = [_duration(runs[i + 1][0] - runs[i][1]) for i in range(len(runs) - 1)]
    description = _description(placed, gaps, shapes)
    divs = _dividers(placed, None if multi else specs[0].published)
    return _layout(sh, False, description, divs, _layout(sh, True, description, divs) if down else None)


def for_articles(events: Sequence[Dated], articles: Sequence[object]) -> Overview | None:
    """The overview of a page of `articles` (with its `.down`): one article, one row and its
    publication day; two to MAX_TRACKS articles, a track each; more, a track per source
    (publisher) if there are two to MAX_TRACKS of them, else one row."""
    if len(articles) == 1:
        return overview(events, published=getattr(articles[0], "published", None))
    tracks: list[TrackSpec] | None = None
    if 1 < len(articles) <= MAX_TRACKS:
        tracks = [TrackSpec(str(getattr(a, "title", "") or getattr(a, "id", "")), frozenset({a.id}),  # type: ignore[attr-defined]
                            getattr(a, "published", None)) for a in articles]
    elif len(articles) > MAX_TRACKS:
        by_source: dict[str, set[str]] = {}
        for a in articles:
            by_source.setdefault(str(getattr(a, "source", "") or "unknown source"), set()).add(a.id)  # type: ignore[attr-defined]
        if 1 < len(by_source) <= MAX_TRACKS:
            tracks = [TrackSpec(name, frozenset(ids)) for name, ids in sorted(by_source.items())]
    return overview(events, tracks=tracks)


@dataclass(frozen=True)
class _Day:
    """A key day of a story (timeline.story.StoryDate) as the overview reads an event; its entry
    is `day-` + its value (templates/story.html)."""

    id: str
    article: str
    sources: tuple[str, ...]
    date: str
    start: dt.date
    end: dt.date
    granularity: str
    label: str
    text: str
    target: str
    status: str = "reported"
    ongoing: bool = False
    until: str | None = None


def for_story(story: object) -> Overview | None:
    """The overview of a story's key days (timeline.story.Story; read by attribute, so this module
    does not import the story's): a row per source (publisher) when its sentences come from two to
    MAX_TRACKS of them, else one row; no publication day (a story has many)."""
    days: list[_Day] = []
    for d in getattr(story, "dates", ()):
        place = calendar.interval(d.date)
        if place is None:
            continue
        names = tuple(dict.fromkeys(str(src.source or src.article) for s in d.sentences
                                    for src in (s.sources or (s,))))
        text = d.headline or (d.sentences[0].text if d.sentences else d.label)
        days.append(_Day(d.date, names[0] if names else "", names, d.date, place[0], place[1], place[2],
                         d.label, text, "day-" + d.date))
    sources = sorted({n for day in days for n in day.sources})
    tracks = [TrackSpec(n, frozenset({n})) for n in sources] if 1 < len(sources) <= MAX_TRACKS else None
    return overview(days, tracks=tracks)
