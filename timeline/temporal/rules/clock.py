"""Clock times: "3 p.m.", "15:00 GMT", "noon", "nine o'clock", with their day when written with one."""

from __future__ import annotations

import re

from timeline.temporal import vocab
from timeline.temporal.grammar import Family, Fields
from timeline.temporal.parse import Parse
from timeline.temporal.rules.common import SENTENCE_START_BEFORE, calendar, day_of, fields, month_of, weekday
from timeline.temporal.rules.relative import deictic_day

family = Family("clock")
rule = family.rule


@rule("clock_weekday_date", r"{clock}(?:~,?~{tz})?,?(?: on)? {weekday}~,?~(?:{month}~{day}|(?:the )?{day2:day} "
      r"(?:of )?{month2:month})(?:~,?~{year})?")
def clock_date(f: Fields) -> Parse:
    """"8 p.m. on Tuesday 3 November 2026", "11pm on Monday, Feb. 2": the time on that date."""
    p = calendar(f)
    if f["day2"]:
        p = p.but(day=day_of(f["day2"] or "1"), month=month_of(f["month2"] or ""))
    return p


rule("clock_weekday", r"{clock}(?:~,?~{tz})?,?(?: on)? {weekday}")(weekday)
rule("clock_month_day", r"{clock}(?:~,?~{tz})?,?(?: on)? {month}~{day}(?:~,?~{year})?")(calendar)
rule("clock_deictic", r"{clock}(?:~,?~{tz})? {dword:dayword}(?![\w-])")(deictic_day)


@rule("clock_anaphoric_day", r"{clock}(?:~,?~{tz})? (?:the {rel:anarel}|that|the same) day")
def clock_anaphoric(f: Fields) -> Parse:
    """"at 5 p.m. the next day", "at noon that day": a time on a day counted from the last date."""
    amount = vocab.ANAPHORIC_SHIFTS.get(f.low("rel") or "that", 0)
    return Parse("offset", unit="D", amount=amount, anchor="ref", **fields(f))


@rule("clock", r"{clock}(?:~,?~{tz})?")
def clock(f: Fields) -> Parse | None:
    """A clock time alone ("at 3 p.m."): on the day the text last mentioned, else the publication
    day. Not a capitalised "Noon" or "Midnight" in a title ("High Noon", "Midnight Train to Memphis")."""
    in_title = re.match(r"\s+[A-Z]", f.after(3)) or re.search(r"[A-Z]\w*\s+$", f.before(10))
    if f.text in ("Noon", "Midnight") and in_title and not SENTENCE_START_BEFORE.search(f.before(30)):
        return None
    return Parse("time_of_day", **fields(f))
