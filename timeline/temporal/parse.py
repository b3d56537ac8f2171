"""The underspecified parse a rule produces: what the words say, before any reference date is known."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from timeline.frozen import quick_init

# The kinds of parse, each with its resolver (resolve.RESOLVERS).
KINDS = {
    "literal": 'a value that needs no reference ("PRESENT_REF", a set "XXXX-WXX-1", a duration "P3W")',
    "calendar": 'calendar fields, some missing ("January 23": month=1, day=23, year unknown)',
    "weekday": "a day of the week, with `shift` -1/0/+1 for last/this/next, None when bare",
    "named": 'a month, season or holiday with `shift` ("last November": month=11, shift=-1)',
    "offset": 'the period `amount` `unit`s from the anchor\'s ("yesterday": D -1; "the next week": W +1 on "ref")',
    "count": '`amount` `unit`s counted from the anchor ("two days ago", "three weeks later", "a year from now")',
    "time_of_day": 'a clock time or part of the day alone ("at 3 p.m."): on the day last mentioned, if a day',
    "period": 'the fiscal period the text reports on, `amount` years away ("the quarter", "the year-ago period")',
    "latest": 'the latest complete fiscal quarter ("the latest quarter")',
    "duration": '`amount` `unit`s as a TIMEX3 duration (amount None = unknown, "X")',
    "weekend": '"the weekend": the nearest weekend, by tense',
    "none": 'a phrase recognised only so that it is not tagged (an age, "as soon as", "$5 a year")',
}


@quick_init
@dataclass(frozen=True, slots=True)
class Parse:
    """What a temporal expression says, with nothing resolved yet (`kind`: see KINDS).

    `anchor` is "dct" for deictic expressions (the publication date) and "ref" for anaphoric ones
    (the date the text last mentioned). The flags say how an expression is read; the engine and
    the tagger read them, never a rule's name.
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
    shift: int | None = None  # last/this/next
    yshift: int | None = None  # the year, relative to the publication's ("last year's fourth quarter")
    week_shift: int | None = None  # the week, relative to the publication's ("Friday of last week")
    unit: str | None = None
    amount: float | None = None
    anchor: str = "dct"
    mod: str | None = None
    gran: str | None = None  # a count's granularity when the text names it ("a year ago today": day)
    # How it is read.
    moves_ref: bool = True  # False for comparisons ("up from a year earlier"): later text does not refer to them
    near: bool = False  # anaphoric only on a date of this or the previous sentence ("the year", "the week")
    week_of: bool = False  # the calendar week that holds the date ("the week of March 6")
    latest_decade: bool = False  # "the '90s", "the nineties": the latest such decade by the publication year
    reports_only: bool = False  # "the period": a date only in a text that reports on a fiscal period
    speaker_day: bool = False  # "today", "tonight", "this morning": in a quotation, the speaker's day
    incident: bool = False  # names a past incident ("the January 25 revolution"): the latest such day gone by
    when: bool = False  # says when the sentence's event happens ("will open in the fourth quarter")
    weak: bool = False  # a unit that is part of an expression only next to another one (compose.py)
    # A range or list written once ("April 24-25", "3, 4 and 5 February", "2010-15", "Jan-Mar 2026"):
    # the spans of its parts (relative to the match; the last runs to the end of the expression),
    # and the day of each part after the first, or the second part's absolute value; the tagger
    # emits one expression per part, as TimeML does.
    spans: tuple[tuple[int, int], ...] = ()
    days: tuple[int, ...] = ()
    value2: str | None = None  # the second part's value when it is absolute ("2010-2015", "Jan-Mar 2026")

    def but(self, **changes: Any) -> Parse:
        """A copy with `changes` (parses are frozen: they flow between stages unchanged). Field by
        field, as dataclasses.replace does it, at half its cost (the tagger makes many)."""
        unknown = set(changes) - _FIELDS
        if unknown:
            raise TypeError(f"Parse has no field {sorted(unknown)[0]!r}")
        new = object.__new__(Parse)
        for name in _FIELD_NAMES:
            object.__setattr__(new, name, changes[name] if name in changes else getattr(self, name))
        return new

    @property
    def is_year_or_decade(self) -> bool:
        """A year or a decade alone ("1998", "the 1990s"): what "pre-" and "post-" attach to."""
        return self.kind == "calendar" and not self.spans and self.month is None and self.quarter is None \
            and self.half is None and self.season is None and self.century is None \
            and (self.year is not None) != (self.decade is not None)

    def shown(self) -> str:
        """The fields that are set, as "calendar(month=1, day=30)" (for `timeline tag --explain`)."""
        fields = []
        for name in self.__slots__:  # type: ignore[attr-defined]
            if name == "kind":
                continue
            value = getattr(self, name)
            default = Parse.__dataclass_fields__[name].default
            if value != default:
                fields.append(f"{name}={value!r}")
        return f"{self.kind}({', '.join(fields)})"


_FIELD_NAMES = tuple(f.name for f in fields(Parse))
_FIELDS = frozenset(_FIELD_NAMES)
