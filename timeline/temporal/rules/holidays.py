"""Holidays: "Christmas", "Thanksgiving", "Easter 2026", "last Christmas", "Christmas night"."""

from __future__ import annotations

import re

from timeline.temporal import vocab
from timeline.temporal.grammar import Family, Fields
from timeline.temporal.parse import Parse
from timeline.temporal.rules.common import fields

family = Family("holidays")
rule = family.rule


@rule("holiday_season", r"(?:{shift} )?{holiday}(?: and New Year(?:['’]s)?)? (?:{season_word:holiday_season_word})")
def holiday_season(f: Fields) -> Parse | None:
    """"the Christmas season", "the Christmas and New Year sales period": the weeks around a holiday
    of a fixed day are its month, not the day (vocab.HOLIDAY_SEASON_WORDS)."""
    day = vocab.FIXED_HOLIDAYS.get(f.low("holiday") or "")
    if day is None:
        return None
    kw = {k: v for k, v in fields(f).items() if k != "holiday"}
    return Parse("named", month=day[0], **kw)


# "Easter Island", "Christmas trees", "Father Christmas": a thing, a place or a person named after a holiday
_THING_AFTER = re.compile(r"\s+(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in
                                            sorted(vocab.HOLIDAY_THINGS, key=len, reverse=True)) + r")(?![\w'’-])",
                          re.IGNORECASE)
_PERSON_BEFORE = re.compile(r"(?<![\w'’-])(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in
                                                      vocab.HOLIDAY_PERSONS) + r")\s+$", re.IGNORECASE)


# "the Boxing Day tsunami (of 2004)": a past incident named after the holiday it fell on (vocab.HOLIDAY_EVENTS)
_EVENT_AFTER = re.compile(r"\s+(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in
                                            sorted(vocab.HOLIDAY_EVENTS, key=len, reverse=True))
                          + r")(?![\w'’-])(?:\s+(?:of|in)\s+(?P<year>[12]\d{3})(?![\w'’-]))?", re.IGNORECASE)
# a year or "last year's" right before: the composition year_holiday dates it ("the 2004 Boxing Day tsunami")
_YEAR_BEFORE = re.compile(r"(?:\b[12]\d{3}|\byear)(?:['’]s?)?\s+$", re.IGNORECASE)


def _incident(f: Fields) -> Parse | None:
    """The parse of a holiday that names a past incident: its year's holiday when the year follows,
    else none (precision first: the nearest holiday is the wrong one); None when it names no incident."""
    m = _EVENT_AFTER.match(f.after(40))
    if m is None or _YEAR_BEFORE.search(f.before(20)):
        return None
    if m["year"] and not f["shift"]:
        return Parse("named", holiday=f.low("holiday"), year=int(m["year"]))
    return Parse("none")


@rule("shift_holiday", r"{shift} {holiday}")
def holiday(f: Fields) -> Parse:
    """A holiday by its name (vocab.FIXED_HOLIDAYS, WEEKDAY_HOLIDAYS, EASTER_HOLIDAYS, HOLIDAYS_AFTER);
    none when the name is a thing's, a place's or a person's (vocab.HOLIDAY_THINGS, HOLIDAY_PERSONS)."""
    if _THING_AFTER.match(f.after(16)) or _PERSON_BEFORE.search(f.before(16)):
        return Parse("none")
    incident = _incident(f)
    if incident is not None:
        return incident
    return Parse("named", holiday=f.low("holiday"), **fields(f))


rule("holiday", r"{holiday}")(holiday)

