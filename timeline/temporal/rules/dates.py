"""Calendar dates: a day of a month ("January 23", "23 January 2026", "2026-01-23"), ranges of
days or months written once ("April 24-25", "Jan-Mar 2026"), and a month alone ("in May")."""

from __future__ import annotations

import re

from timeline.temporal import vocab
from timeline.temporal.grammar import Family, Fields
from timeline.temporal.parse import Parse
from timeline.temporal.pieces import word_before
from timeline.temporal.rules.common import (
    TITLE_BEFORE,
    calendar,
    day_of,
    fields,
    month_of,
    reads_as_count,
    short_year,
    year_of,
)

family = Family("dates")
rule = family.rule


_DAY_NUMBER = re.compile(r"\d+(?:st|nd|rd|th)?")


@rule("month_day_list", r"{month}~{day:dnum}~,~{days}~,?~(?:and|&)~{day2:dnum}(?:~,?~{year})?")
def day_list(f: Fields) -> Parse | None:
    """Days of one month written once: "3, 4 and 5 February", "Feb. 3, 4 and 5, 2026": one
    expression a day, each with the month and year. Not before a noun ("on 3, 4 and 5 people died")."""
    start, end = f.span("day")[0], f.span("day2")[1]
    numbers = [(m.start(), m.end(), day_of(m.group())) for m in _DAY_NUMBER.finditer(f.text, start, end)]
    days = [d for _, _, d in numbers]
    if days != sorted(set(days)) or reads_as_count(f):
        return None
    if f["month"] and f.span("month")[0] < start:  # "Feb. [3], [4] and [5, 2026]": the month goes with the first
        spans = [(0, numbers[0][1])] + [(s, e) for s, e, _ in numbers[1:-1]] + [(numbers[-1][0], len(f.text))]
    else:  # "[3], [4] and [5 February]": the month goes with the last
        spans = [(s, e) for s, e, _ in numbers[:-1]] + [(numbers[-1][0], len(f.text))]
    return Parse("calendar", **fields(f), spans=tuple(spans), days=tuple(days[1:]))


rule("day_month_list", r"{day:dnum}~,~{days}~,?~(?:and|&)~{day2:dnum} (?:of )?{month}(?:~,?~{year})?")(day_list)


@rule("month_day_range", r"{month}~{day}~(?:-|–|and|to|through)~{day2:day}(?:~,?~{year})?")
def day_range(f: Fields) -> Parse | None:
    """Two days of one month written once: "April 24-25", "April 24 and 25, 1999", "24 to 26 May".
    Not when a noun follows the second number ("on April 24 and 25 people died")."""
    day1, day2 = day_of(f["day"] or "1"), day_of(f["day2"] or "1")
    if day2 <= day1:
        return None
    if reads_as_count(f):
        return None
    # "[April 24]-[25, 1999]", "[24] to [26 May]"
    return Parse("calendar", **fields(f), spans=((0, f.span("day")[1]), (f.span("day2")[0], len(f.text))),
                 days=(day2,))


rule("day_month_range", r"(?:the )?{day}~(?:-|–|and|to|through)~(?:the )?{day2:day} (?:of )?{month}"
     r"(?:~,?~{year})?")(day_range)


@rule("month_range_quarter", r"the {month}~(?:-|–|to|through)~{month2:month} (?:period|quarter)(?!s)")
def month_range_quarter(f: Fields) -> Parse | None:
    """"the October-December period", "the January-March quarter": a calendar quarter."""
    m1, m2 = month_of(f["month"] or ""), month_of(f["month2"] or "")
    if m1 % 3 != 1 or m2 != m1 + 2:
        return None
    return Parse("calendar", quarter=(m1 + 2) // 3)


@rule("month_range_year", r"{month}~(?:-|–|to|through)~{month2:month}~,?~{year}")
def month_range(f: Fields) -> Parse | None:
    """Two months of one year written once: "Jan-Mar 2026", "January to March 2026"."""
    m1, m2, year = month_of(f["month"] or ""), month_of(f["month2"] or ""), year_of(f["year"] or "0")
    if m2 <= m1:
        return None
    return Parse("calendar", year=year, month=m1, value2=f"{year:04d}-{m2:02d}",
                 spans=((0, f.span("month")[1]), (f.span("month2")[0], len(f.text))))


@rule("iso_date", r"{year:year_any}-{month:mm}-{day:dd}(?!\d)")
def numeric_date(f: Fields) -> Parse:
    """"2026-01-23", "01/23/2026"."""
    return Parse("calendar", year=year_of(f["year"] or ""), month=int(f["month"] or 0), day=int(f["day"] or 0))


@rule("day_first_numeric_date", r"(?:1[3-9]|2\d|3[01])/{month:mm}/{year:year_any}")
def day_first_date(f: Fields) -> Parse:
    """"15/01/2026": a day first when it cannot be a month."""
    return Parse("calendar", year=year_of(f["year"] or ""), month=int(f["month"] or 0), day=int(f.text.split("/")[0]))


rule("us_numeric_date", r"{month:mm}/{day:dd}/{year:year_any}")(numeric_date)


@rule("anaphoric_month", r"the {rel:ananamed} {month}(?!\.?~\d)")
def anaphoric_month(f: Fields) -> Parse:
    """"the following March", "the previous October": after or before the date last mentioned."""
    return Parse("named", month=month_of(f["month"] or ""), anchor="ref",
                 shift=vocab.ANAPHORIC_NAMED_SHIFTS[f.low("rel") or "next"])


@rule("shift_month", r"(?:this )?{shift} {month}(?!\.?~\d)")
def shift_month(f: Fields) -> Parse:
    """"last October", "this coming November"."""
    return Parse("named", **fields(f))


@rule("week_of", r"the week of {month}~{day}(?:~,?~{year})?")
def week_of(f: Fields) -> Parse:
    """"the week of March 6": the calendar week that contains the date."""
    return Parse("calendar", **fields(f), week_of=True)


# A day and month followed by a year these rules do not take ("15 March 44 BC", "24 August AD 79",
# "1 January 0001") is a day of that year, not of the year of publication: no date here. Nor is one
# followed by a number of five digits or more that no noun follows ("3 January 12026": a typo or a
# year no calendar here has; "on March 5 12000 people marched" is a count and keeps its date).
_BIG_YEAR = (r"\d{5,}(?![\d,.]?\d)(?!\s+(?!(?:it|he|she|they|we|the|a|an|and|or|but|when|after|before|in|on|at"
             r"|to|by|as|was|were|is|are|had|has|will|would|of|for|with|from|that|which)\b)[a-z])")
_ANCIENT_YEAR_AFTER = (r"(?!~,?~(?:\d\d?\d?\d?~(?:B\.?C\.?E?\.?|A\.?D\.?|C\.?E\.?)(?!\w)"
                       r"|(?:A\.?D\.?|C\.?E\.?)~\d\d?\d?(?!\d)|0\d\d\d(?!\d)|" + _BIG_YEAR + "))")
_ANCIENT_AFTER_MONTH = re.compile(r"\s*(?:\d\d?(?:st|nd|rd|th)?)?\s*,?\s*(?:\d{1,4}\s*(?:B\.?C\.?E?|A\.?D|C\.?E)(?!\w)"
                                  r"|(?:A\.?D\.?|C\.?E\.?)\s*\d{1,3}(?!\d)|0\d{3}(?!\d)|" + _BIG_YEAR + ")")


@rule("day_month_stamp", r"{day:dnum} {month:month_stamp} {yy:stamp_yy}")
def day_month_stamp(f: Fields) -> Parse | None:
    """A wire or military date stamp, "14 MAR 16": the day, the month abbreviated in capitals and the
    year in two digits. Only in that shape ("on 14 March 16 people died" is a count) and not before
    a noun ("14 MAR 16 PEOPLE")."""
    if reads_as_count(f):
        return None
    return Parse("calendar", month=month_of(f["month"] or ""), day=day_of(f["day"] or "1"),
                 year=short_year(f["yy"] or "0"))


# "the January 25 revolution (of 2011)", "the 7 July bombings (that ... in 2005)": a past incident named
# by its day (vocab.DATE_INCIDENTS); the year written after it, in its phrase or its relative clause
_INCIDENT_AFTER = re.compile(r"\s+(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in
                                               sorted(vocab.DATE_INCIDENTS, key=len, reverse=True))
                             + r")(?![\w'’-])(?:\s+(?:of|in)\s+(?P<year>[12]\d{3})(?![\w'’-])"
                             r"|\s+(?:that|which)\s+[^.;:!?,()\"“”]{1,60}?\bin\s+(?P<year2>[12]\d{3})(?![\w'’-]))?",
                             re.IGNORECASE)


def day_of_incident(f: Fields) -> Parse:
    """A day and month: before a noun of a past incident ("the January 25 revolution"), the latest
    such day gone by, or the year written after the incident."""
    p = calendar(f)
    m = _INCIDENT_AFTER.match(f.after(120))
    if m is None:
        return p
    year = m["year"] or m["year2"]
    return p.but(year=int(year)) if year else p.but(incident=True)


rule("month_day", r"{month}~{day}" + _ANCIENT_YEAR_AFTER)(day_of_incident)
rule("day_month", r"(?:the )?{day} (?:of )?{month}" + _ANCIENT_YEAR_AFTER)(day_of_incident)

# --- a month alone -------------------------------------------------------------------------------

_MONTH_CONTEXT_BEFORE = word_before(vocab.MONTH_CONTEXT_BEFORE, gap=r"\s*-?\s*")
_NAME_AFTER = re.compile(r"\s+(?-i:[A-Z][a-z]+)")
_ADJECTIVE_BEFORE = word_before(vocab.MONTH_ADJECTIVE_BEFORE)
_NOUN_AFTER = re.compile(r"\s+(?-i:([a-z]{3,}))\b")


def _event_noun_after(after: str) -> bool:
    """A common noun after a month, as in "the March accession" (not "the May government")."""
    m = _NOUN_AFTER.match(after)
    return m is not None and m.group(1) not in vocab.NOT_EVENT_NOUNS


@rule("month", r"{month_safe}|{month_amb}")
def bare_month(f: Fields) -> Parse | None:
    """A month named alone. Unambiguous names ("November") are dates unless they are part of a
    name ("Mr. August Kim"); names that are also words or given names ("May", "March", "April",
    "June", "August") need a temporal preposition before them ("in May", "since March")."""
    word = f.text
    before = f.before(25)
    if TITLE_BEFORE.search(before):
        return None
    ambiguous = word.lower() in vocab.AMBIGUOUS_MONTHS
    if ambiguous and not _MONTH_CONTEXT_BEFORE.search(before) and not (
            _ADJECTIVE_BEFORE.search(before) and _event_noun_after(f.after(25))):
        return None
    if _NAME_AFTER.match(f.after(20)) and not _MONTH_CONTEXT_BEFORE.search(before):
        return None
    if _ANCIENT_AFTER_MONTH.match(f.after(25)):  # "March 15, 44 BC": a month of that year, not of this one
        return None
    return Parse("named", month=month_of(word))


@rule("ordinal_day", r"(?<=\bon[ ])the {ordday}(?! (?:of|century|floor|place|anniversary|time|day))")
def ordinal_day(f: Fields) -> Parse | None:
    """"on the 23rd": a day of the month last mentioned."""
    return Parse("calendar", day=day_of(f["ordday"] or "1"), anchor="ref")

