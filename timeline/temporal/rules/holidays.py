"""Holidays: "Christmas", "Thanksgiving", "Easter 2026", "last Christmas", "Christmas night"."""

from __future__ import annotations

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


@rule("shift_holiday", r"{shift} {holiday}")
def holiday(f: Fields) -> Parse:
    """A holiday by its name (vocab.FIXED_HOLIDAYS, WEEKDAY_HOLIDAYS, EASTER_HOLIDAYS, HOLIDAYS_AFTER)."""
    return Parse("named", holiday=f.low("holiday"), **fields(f))


rule("holiday", r"{holiday}")(holiday)

