"""The underspecified parse a rule produces: what the words say, before any reference date is known."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class Parse:
    """What a temporal expression says, with nothing resolved yet.

    `kind` selects the resolver (see resolve.RESOLVERS):
      literal   a value that needs no reference ("PRESENT_REF", a set "XXXX-WXX-1", a duration "P3W")
      calendar  calendar fields, some missing ("January 23": month=1, day=23, year unknown)
      weekday   a day of the week, with `shift` -1/0/+1 for last/this/next, None when bare
      named     a month, season or holiday with `shift` ("last November": month=11, shift=-1)
      offset    `amount` `unit`s from the anchor ("yesterday": D -1; "two days later": D +2 on "ref")
      duration  `amount` `unit`s as a TIMEX3 duration (amount None = unknown, "X")
      weekend   "the weekend": the nearest weekend, by tense
      none      a phrase recognised only so that it is not tagged (an age, "as soon as", "$5 a year")
    `gran` refines an offset: "ago" (N units from the anchor), "period" (the fiscal period the text
    reports on), "latest" (the latest complete quarter), "near" (the last date only if mentioned in
    this or the previous sentence), "same_day" (the last date only if it is a day); on a calendar
    parse "week_of" asks for the week containing the date.
    `anchor` is "dct" for deictic expressions (the publication date) and "ref" for anaphoric ones
    (the date the text last mentioned). `moves_ref` is False for comparisons ("up from a year
    earlier", "the year-ago quarter"): they do not become the date later expressions refer to.
    """

    kind: str
    type: str = "DATE"
    value: str | None = None
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    quarter: int | None = None
    half: int | None = None
    season: str | None = None
    decade: int | None = None
    century: int | None = None
    holiday: str | None = None
    pod: str | None = None
    hour: int | None = None
    minute: int | None = None
    shift: int | None = None
    yshift: int | None = None
    unit: str | None = None
    amount: float | None = None
    anchor: str = "dct"
    gran: str | None = None
    mod: str | None = None
    moves_ref: bool = True
    # A range written once ("April 24-25", "24 and 25 April", "2010-15", "Jan-Mar 2026"): the
    # second day (or the second part's value), and the offsets (relative to the match) where the
    # first part ends and the second begins; the tagger emits two expressions, as TimeML does.
    day2: int | None = None
    part2: tuple[int, int] | None = None
    value2: str | None = None  # the second part's value when it is absolute ("2010-2015", "Jan-Mar 2026")
