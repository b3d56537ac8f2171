"""Sets (TIMEX3 SET): "every Monday", "twice a week", "daily", "on Fridays", "every other day"."""

from __future__ import annotations

import re
from collections.abc import Callable

from timeline.temporal import vocab
from timeline.temporal.grammar import Family, Fields
from timeline.temporal.parse import Parse
from timeline.temporal.pieces import alt, word_before
from timeline.temporal.rules.common import duration_value, month_of, number_of, unit_in, unit_of, weekday_of
from timeline.temporal.rules.durations import AMOUNT_BEFORE

family = Family("sets")
rule = family.rule


def _set(value: str) -> Parse:
    return Parse("literal", type="SET", value=value)


def set_word(value: str) -> Callable[[Fields], Parse]:
    return lambda f: _set(value)


@rule("frequency", r"(?:once|twice|thrice|{num} times) (?:a|an|per|each|every) {unit1}")
def frequency(f: Fields) -> Parse:
    """"twice a week", "three times a day": a set with its period (TimeML puts the count in `freq`)."""
    return _set(duration_value(1, unit_in(f)))


_ADVERB_PERIODS = {"d": "P1D", "w": "P1W", "m": "P1M", "y": "P1Y", "a": "P1Y", "h": "PT1H"}


@rule("frequency_adverb", r"(?:once|twice|thrice|{num} times) (?:daily|weekly|monthly|yearly|annually|hourly)")
def frequency_adverb(f: Fields) -> Parse:
    """"twice daily", "three times weekly"."""
    return _set(_ADVERB_PERIODS[f.text.split()[-1][0].lower()])


@rule("nth_weekday_every", r"(?:the )?{ordday:nth} {weekday_x:weekday_full} of (?:every|each|the) month")
def nth_weekday_every(f: Fields) -> Parse:
    """"the first Friday of every month"."""
    return _set(f"XXXX-XX-WXX-{weekday_of(f['weekday_x'] or '')}")


@rule("every", r"(?:every|each)(?: (?:{other:other}|{num}))? (?:{weekday}|{weekdays}|{pod}|{month}|{season}|"
      r"{span_unit}|{unit1}|{unit})")
def set_every(f: Fields) -> Parse:
    """"every Monday", "each year", "every two weeks", "every morning", "every January"."""
    if f["weekday"] or f["weekdays"]:
        return _set(f"XXXX-WXX-{weekday_of(f['weekday'] or (f['weekdays'] or '')[:-1])}")
    if f["pod"]:
        return _set(f"XXXX-XX-XXT{vocab.PARTS_OF_DAY[f.low('pod') or '']}")
    if f["month"]:
        return _set(f"XXXX-{month_of(f['month']):02d}")
    if f["season"]:
        return _set(f"XXXX-{vocab.SEASONS[f.low('season') or '']}")
    unit = (f.low("span_unit") or f.low("unit1") or f.low("unit") or "day")
    if unit in ("weekend", "weekends"):
        return _set("XXXX-WXX-WE")
    if unit in ("season", "seasons"):
        return _set("P1SE")
    n = number_of(f["num"]) if f["num"] else 1.0
    if f["other"]:
        n = 2.0
    return _set(duration_value(n, unit_of(unit)))


_WEEKDAY_SET_BEFORE = word_before(vocab.WEEKDAY_SET_BEFORE)


@rule("weekdays", r"{weekdays}")
def weekday_plural(f: Fields) -> Parse | None:
    """"on Mondays" is every Monday."""
    if not _WEEKDAY_SET_BEFORE.search(f.before(12)):
        return None
    return _set(f"XXXX-WXX-{weekday_of((f['weekdays'] or '')[:-1])}")


_PAPER_NAME_AFTER = re.compile(r"\s+(?-i:[A-Z])(?!" + alt(w.capitalize() for w in [*vocab.WEEKDAYS, *vocab.MONTHS])
                               + r"\b)")


@rule("daily", r"daily|every day")
def daily(f: Fields) -> Parse | None:
    """"daily"; not a newspaper: the "Daily Mail", "the Communist Party daily Granma"."""
    if f.text.lower() == "daily" and _PAPER_NAME_AFTER.match(f.after(12)):
        return None
    return _set("P1D")


rule("weekly", r"weekly")(set_word("P1W"))
rule("monthly", r"monthly")(set_word("P1M"))


@rule("annual_rate", r"annually|yearly")
def annual_rate(f: Fields) -> Parse:
    """"annually" after an amount is a rate ("rise 8.5% annually", "10,000 units annually"), left
    untagged like "$5 a year"; otherwise a set ("the prize is awarded annually")."""
    if AMOUNT_BEFORE.search(f.before(40)):
        return Parse("none")
    return _set("P1Y")


_ADVERB_END = re.compile(r"\s*(?:[^\w\s]|$)|\s+" + alt(vocab.ADVERB_FOLLOWERS) + r"\b", re.IGNORECASE)


@rule("quarterly", r"quarterly")
def quarterly(f: Fields) -> Parse | None:
    """"reports quarterly", "paid quarterly, in cash": every quarter; "its quarterly dividend" is
    no set (the adjective describes the dividend)."""
    if not _ADVERB_END.match(f.after(12)):
        return None
    return _set("P3M")


rule("nightly", r"nightly")(set_word("P1D"))
rule("hourly", r"hourly")(set_word("PT1H"))
