"""Holidays: "Christmas", "Thanksgiving", "Easter 2026", "last Christmas", "Christmas night"."""

from __future__ import annotations

from timeline.temporal.grammar import Family, Fields
from timeline.temporal.parse import Parse
from timeline.temporal.rules.common import fields

family = Family("holidays")
rule = family.rule


@rule("shift_holiday", r"{shift} {holiday}")
def holiday(f: Fields) -> Parse:
    """A holiday by its name (vocab.FIXED_HOLIDAYS, WEEKDAY_HOLIDAYS, EASTER_HOLIDAYS, HOLIDAYS_AFTER)."""
    return Parse("named", holiday=f.low("holiday"), **fields(f))


rule("holiday", r"{holiday}")(holiday)
