"""Dates relative to the day of writing ("yesterday", "last week", "two days ago") or to the date
the text last mentioned ("the next day", "two days later", "that month", "the morning")."""

from __future__ import annotations

import re

from timeline.temporal import vocab
from timeline.temporal.context import SENTENCE_START_BEFORE
from timeline.temporal.grammar import Family, Fields
from timeline.temporal.parse import Parse
from timeline.temporal.pieces import alt, word_before
from timeline.temporal.rules.common import (
    NAME_BEFORE,
    fields,
    number_of,
    shift_of,
    unit_in,
    unit_of,
)

family = Family("relative")
rule = family.rule


_GENERIC_OF_BEFORE = re.compile(r"(?<![\d.,])\b(?!(?:" + alt([*vocab.OF_POSITION_MODS, *vocab.PARTS_OF_DAY,
                                                             *vocab.OF_PREPOSITIONS])
                                + r")\s)[a-z]+\s+of\s+$", re.IGNORECASE)


def deictic_day(f: Fields) -> Parse | None:
    """today, yesterday, tomorrow, tonight, the day after tomorrow, with a part of the day or a
    clock time when written with one. "Today" capitalised after a name is part of it: "USA Today";
    "the cars of tomorrow", "the problems of today" name no day (vocab.GENERIC_DAYS)."""
    word = f.low("dword") or "today"
    if f.text == "Today" and NAME_BEFORE.search(f.before(30)):
        return None
    if word in vocab.GENERIC_DAYS and _GENERIC_OF_BEFORE.search(f.before(30)) and not re.match(r"['’]s\b", f.after(3)):
        return Parse("none")
    p = Parse("offset", unit="D", amount=vocab.DEICTIC_DAYS.get(word, 0), anchor="dct", speaker_day=True, **fields(f))
    if word == "tonight":
        p = p.but(pod="NI", type="TIME")
    return p


@rule("mid_pod", r"mid[- ]?{pod:pod_mid}")
def mid_pod(f: Fields) -> Parse:
    """"mid-afternoon", "by mid morning": that part of the day last mentioned (or of the day named
    after it: "mid-afternoon yesterday" is composed)."""
    return Parse("time_of_day", pod=vocab.PARTS_OF_DAY[(f.low("pod") or "afternoon")], type="TIME", mod="MID")


@rule("this_pod", r"(?:this|that) {pod}")
def anaphoric_pod(f: Fields) -> Parse:
    """"this morning" is today's (in a quotation, the speaker's day); "that night" is the night of
    the day last mentioned."""
    this = f.text.lower().startswith("this")
    return Parse("offset", unit="D", amount=0, anchor="dct" if this else "ref", speaker_day=this,
                 pod=vocab.PARTS_OF_DAY[f.low("pod") or ""], type="TIME")


@rule("last_night", r"last night")
def last_night(f: Fields) -> Parse:
    """"last night": the night before the day of writing (in a quotation, of speaking)."""
    return Parse("offset", unit="D", amount=-1, anchor="dct", pod="NI", type="TIME", speaker_day=True)


_SUDDENLY_BEFORE = word_before(vocab.SUDDENLY_BEFORE)


@rule("overnight", r"overnight(?! " + alt(vocab.SUDDEN_NOUNS) + ")")
def overnight(f: Fields) -> Parse | None:
    """"stocks fell overnight", "overnight losses": the night before the day last mentioned, else
    before the day of writing; not "an overnight stay" or "virtually overnight" (suddenly)."""
    if _SUDDENLY_BEFORE.search(f.before(15)):
        return None
    return Parse("time_of_day", pod="NI", type="TIME", amount=-1)


rule("deictic", r"{dword:dayword}")(deictic_day)


@rule("ago_today", r"{num} {unit} ago (?:today|to the day|this (?:week|month))")
def ago_today(f: Fields) -> Parse:
    """"a year ago today", "50 years ago this month": the publication's day (week, month) that many
    units before, an anniversary, not the year ("a year ago")."""
    word = f.text.split()[-1].lower()
    gran = {"week": "week", "month": "month"}.get(word, "day")
    return Parse("count", unit=unit_in(f), amount=-(number_of(f["num"]) or 0), anchor="dct", gran=gran)


@rule("ago", r"(?:{num}|{vague}) {unit}(?: and a half)?(?: or so)? ago")
def ago(f: Fields) -> Parse:
    """"two days ago": counted back from the publication date; vague amounts are the past."""
    n = number_of(f["num"]) if f["num"] else None
    unit = unit_in(f)
    if n is None:
        return Parse("literal", value="PAST_REF")
    return Parse("count", unit=unit, amount=-n, anchor="dct", moves_ref=not (unit == "Y" and n == 1),
                 mod="APPROX" if " or so" in f.text.lower() else None)


rule("ago_vague", r"{unit_plural} ago")(ago)


@rule("later", r"{num} {unit}(?: and a half)?(?: or so)? {dir:direction}")
def later(f: Fields) -> Parse:
    """"two days later", "a year earlier": counted from the date the text last mentioned."""
    n = number_of(f["num"]) if f["num"] else None
    unit = unit_in(f)
    word = f.low("dir") or ""
    sign = vocab.DIRECTIONS.get(word) or vocab.BARE_DIRECTIONS.get(word, 1)
    if n is None:
        if re.search(r"\bfor\s+$", f.before(6), re.IGNORECASE):  # "for weeks afterwards": how long
            return Parse("duration", type="DURATION", amount=None, unit=unit)
        if unit in ("H", "MIN") and sign > 0:  # "hours later" than a day the text named: that day
            return Parse("offset", unit="D", amount=0, anchor="ref")
        return Parse("literal", value="PAST_REF" if sign < 0 else "FUTURE_REF")
    return Parse("count", unit=unit, amount=sign * n, anchor="ref",
                 moves_ref=not (unit == "Y" and n == 1 and sign < 0),
                 mod="APPROX" if " or so" in f.text.lower() else None)


rule("later_vague", r"(?:{vague} )?{unit_plural} {dir:direction}")(later)


@rule("from_now", r"{num} {unit} from (?:now|today)")
def from_now(f: Fields) -> Parse:
    """"three days from now": counted from the publication date."""
    return Parse("count", unit=unit_in(f), amount=number_of(f["num"]) or 0, anchor="dct")


@rule("earlier_that", r"(?:earlier|later) (?:that|the same) {unit1}")
def anaphoric_unit(f: Fields) -> Parse:
    """"the next day", "the following week", "the previous year", "that month", "the same day"."""
    return Parse("offset", unit=unit_in(f), amount=vocab.ANAPHORIC_SHIFTS.get(f.low("rel") or "that", 0), anchor="ref")


@rule("anaphoric_pod", r"the (?:next|following|previous) {pod}")
def anaphoric_next_pod(f: Fields) -> Parse:
    """"the next morning", "the previous evening": of the day after or before the last date."""
    amount = -1 if "previous" in f.text.lower() else 1
    return Parse("offset", unit="D", amount=amount, anchor="ref", pod=vocab.PARTS_OF_DAY[f.low("pod") or ""],
                 type="TIME")


rule("anaphoric_unit", r"(?:the {rel:anarel}|that(?: same)?|the same|that very) {unit1}")(anaphoric_unit)


@rule("unit_after_next", r"the {unit1} (?:after next|before last)(?!\w)(?! {weekday}| {month}| (?:week|month|"
      r"year|night|quarter|season)\b)")
def unit_after_next(f: Fields) -> Parse:
    """"the week after next", "the year before last"."""
    return Parse("offset", unit=unit_in(f), amount=2 if f.text.lower().endswith("next") else -2, anchor="dct")


@rule("this_time_last", r"this time (?:last|next) {unit1}")
def this_time_last(f: Fields) -> Parse:
    """"this time last year": the period a unit before the publication date's."""
    return Parse("offset", unit=unit_in(f), amount=-1 if " last " in f.text.lower() else 1, anchor="dct")


# "the day before," / "the year after.": relative to the last date; "the day before the vote" or
# "the day before police arrived" is relative to an event instead.
@rule("unit_before", r"the {unit1} (?:before|after)(?=\s*[.,;:!?)]|$)")
def anaphoric_before(f: Fields) -> Parse:
    return Parse("offset", unit=unit_in(f), amount=-1 if "before" in f.text.lower() else 1, anchor="ref")


@rule("in_the_unit", r"(?:earlier|later|early|late) in the {unit1:year_unit}")
def in_the_unit(f: Fields) -> Parse:
    """"earlier in the year", "later in the month": the period the text is about, with START/END."""
    word = (f.text.split()[0]).lower()
    return Parse("offset", unit=unit_in(f), amount=0, anchor="ref", mod="START" if word.startswith("earl") else "END")


@rule("year_to_date", r"(?:the )?year[- ]to[- ]date")
def year_to_date(f: Fields) -> Parse:
    """"sales are up 5% year to date", "year-to-date gains": the current year, so far."""
    return Parse("offset", unit="Y", amount=0, anchor="dct")


@rule("the_weekend", r"the weekend(?!s)")
def the_weekend(f: Fields) -> Parse:
    """"over the weekend", "the weekend": the nearest weekend, by the tense of the sentence."""
    return Parse("weekend")


@rule("year_end", r"(?:the )?year[- ]end(?![\w-])|year['’]s end")
def year_end(f: Fields) -> Parse:
    """"year-end", "year end", "year's end": the end of the current year; "since year-end" is the end of
    the year before."""
    since = re.search(r"\bsince\s+$", f.before(10), re.IGNORECASE)
    return Parse("offset", unit="Y", amount=-1 if since else 0, anchor="dct", mod="END")


@rule("mid_year", r"mid-year(?![\w-])(?: {year})?")
def mid_year(f: Fields) -> Parse:
    """"mid-year": the middle of the current year, as "the middle of the year" is; before a year
    ("mid-year 2025"), the middle of that one."""
    if f["year"]:
        return Parse("calendar", year=int(f["year"] or 0), mod="MID")
    return Parse("offset", unit="Y", amount=0, anchor="dct", mod="MID")


@rule("fiscal_year_ended", r"the (?:fiscal |full |financial )?year(?= end(?:ed|ing)\b| to {month}(?!\w))")
def fiscal_year_ended(f: Fields) -> Parse:
    """"the year ended June 30", "the fiscal year ending Sept. 30", "the year to March": a year-long
    accounting period (the day or month it ends at is dated apart)."""
    return Parse("duration", type="DURATION", amount=1, unit="Y")


@rule("the_year", r"the (?:(?:full|fiscal|current|calendar|financial) ){0,2}year(?![\w-]|['’]s end"
      r"| (?:before|after|earlier|later|ago|of|in)\b| \d)")  # "the year 800" names another
def the_year(f: Fields) -> Parse:
    """"the year", "the full year", "the fiscal year", "the current year": the year the text is about:
    that of a date mentioned in this or the previous sentence, else that of the publication date
    ("the current year" always the latter)."""
    if len(f.text.split()) > 2:  # "the current year", "the full year": the publication's year
        return Parse("offset", unit="Y", amount=0, anchor="dct")
    return Parse("offset", unit="Y", amount=0, anchor="ref", near=True)


# "the week", "the month", "the day": the period the text is about (a date of this or the
# previous sentence, else the publication date's); "the morning": of the day last mentioned.
@rule("the_unit", r"the (?:week|month|day|decade|century)"
      r"(?![\w-]|['’]s end| (?:before|after|earlier|later|ago|of|in|that|when)\b)")
def the_unit(f: Fields) -> Parse:
    return Parse("offset", unit=unit_of(f.text.split()[-1]), amount=0, anchor="ref", near=True)


rule("the_pod", r"the {pod}(?![\w-]| (?:of|after|before)\b)")(anaphoric_pod)


@rule("relative_unit", r"(?:the |this (?=past|coming))?{shift} (?:(?:fiscal|financial) (?=year))?"
      r"(?:{unit1}|{span_unit})")
def relative_unit(f: Fields) -> Parse | None:
    """"last week", "this month", "next year", "the past year", "the coming weekend"; not a title
    in the middle of a sentence (ABC's "This Week")."""
    words = f.text.split()
    if all(w[0].isupper() for w in words) and not SENTENCE_START_BEFORE.search(f.before(30)):
        return None
    return Parse("offset", unit=unit_in(f), amount=shift_of(f), anchor="dct")
