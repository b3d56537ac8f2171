"""Durations: "three weeks", "the past five years", "a [two-hour] meeting", "for years", and the
phrases that look like one but are not ("a 6-year-old", "$5 a year", "three quarters of")."""

from __future__ import annotations

import re

from timeline.temporal import vocab
from timeline.temporal.context import SENTENCE_START_BEFORE
from timeline.temporal.grammar import Family, Fields
from timeline.temporal.parse import Parse
from timeline.temporal.pieces import alt, word_before
from timeline.temporal.rules.common import (
    duration_value,
    literal,
    not_a_date,
    number_of,
    unit_in,
    unit_of,
)

family = Family("durations")
rule = family.rule

rule("quarter_century", r"(?:a|one) quarter(?:[- ]of[- ]a)?[- ]century")(literal("P25Y", "DURATION"))
# "a quarter of the market", "three quarters of its shares": a fraction, not three months.
rule("fraction_quarter", r"(?:a|one|three) quarters? of(?! an? (?:century|hour|mile))")(not_a_date)

_FUTURE_BEFORE = word_before((*vocab.MODALS, "to"))


@rule("one_day", r"one day(?= [a-z])")
def one_day(f: Fields) -> Parse | None:
    """"will one day be", "hopes to one day return": some time in the future; otherwise "one day"
    is a duration or a narrative's "One day, ..." (left to the rules below)."""
    if _FUTURE_BEFORE.search(f.before(12)):
        return Parse("literal", value="FUTURE_REF")
    return None


@rule("compound_duration", r"\d{1,6} (?:hours?|hrs?),? \d{1,6} (?:minutes?|mins?)"
      r"(?:,? (?:and )?\d{1,6} (?:seconds?|secs?))?")
def compound_duration(f: Fields) -> Parse:
    """"2 hours 2 minutes 27 seconds", "3 hours, 15 minutes": one duration."""
    nums = [int(x) for x in re.findall(r"\d+", f.text)]
    h, m, sec = nums[0], nums[1], (nums[2] if len(nums) > 2 else 0)
    return Parse("literal", type="DURATION", value=f"PT{h}H{m}M" + (f"{sec}S" if sec else ""))


@rule("range_duration", r"{num}~(?:to|-|–|or)~{num2:num} {unit}")
def range_duration(f: Fields) -> Parse | None:
    """"two to three weeks", "12 to 18 months": the lower bound, as TIMEX3 does without a range;
    "12 to 15 months of age" is an age."""
    if re.match(r"\s+(?:of\s+age|old)\b", f.after(10)):
        return Parse("none")
    low, high = f.low("num") or "", f.low("num2") or ""
    if low in vocab.TENS and vocab.NUMBERS.get(high, 10) < 10 and re.match(r"[a-z]+-[a-z]+\s", f.text.lower()):
        # "twenty-one days" is one number written with its hyphen, not a range from twenty to one
        return Parse("duration", type="DURATION", amount=vocab.NUMBERS[low] + vocab.NUMBERS[high], unit=unit_in(f))
    return Parse("duration", type="DURATION", amount=number_of(f["num"]), unit=unit_in(f))


_RATE_AFTER = re.compile(r"\s+(?:a|an|per|each)\s+(?:day|week|month|year)\b", re.IGNORECASE)
_ORDINAL_AFTER = re.compile(r"\s+(?:fiscal\s+)?(?:quarter|half)\b", re.IGNORECASE)  # "the 1988 second quarter"
_AND_A_HALF = re.compile(r"\band\s+a\s+half$", re.IGNORECASE)


def duration(f: Fields) -> Parse | None:
    """"three weeks", "24 hours", "a minute and a half" (the half after the unit counts too); not a
    title in the middle of a sentence (CBS's "60 Minutes", "48 Hours")."""
    unit_word = f["unit"] or f["unit1"] or ""
    if unit_word[:1].isupper() and not SENTENCE_START_BEFORE.search(f.before(30)):
        return None
    if unit_word.lower() == "second" and _ORDINAL_AFTER.match(f.after(20)):
        return None
    if f["num"] and _RATE_AFTER.match(f.after(12)):  # "24 hours a day", "250 nights a year": a rate
        return Parse("none")
    n = number_of(f["num"]) if f["num"] else None
    if n is not None and _AND_A_HALF.search(f.text):
        n += 0.5
    return Parse("duration", type="DURATION", amount=n, unit=unit_in(f))


_VERB_BEFORE_LAST = word_before(vocab.VERB_BEFORE_LAST)


@rule("past_n_units", r"(?:the )?(?:{last}|{next}|first|final|latest|initial) {num} {unit}")
def in_units(f: Fields) -> Parse | None:
    """"the past five years": a duration counted back from now (TIMEX3 DURATION); in "expected to
    last six weeks" the verb "last" is no part of it."""
    if not f.text.lower().startswith("the ") and _VERB_BEFORE_LAST.search(f.before(12)):
        return None
    return duration(f)


@rule("past_few_units", r"(?:the )?(?:{last}|{next}|first|final|latest|recent|initial) (?:{vague} )?{unit_plural}")
def vague_duration(f: Fields) -> Parse:
    """"recent years", "the coming weeks", "the past few months": a duration of unknown length."""
    return Parse("duration", type="DURATION", amount=None, unit=unit_in(f))


_AMOUNT_WORDS = alt(k for k in vocab.NUMBERS if k not in ("a", "an", "single") and " " not in k)
# An amount and at most three words of what it counts: "$5", "50,000 barrels", "four flights".
AMOUNT_BEFORE = re.compile(r"(?:\d[\d,.]*%?|\b" + _AMOUNT_WORDS + r"\b)(?:[ ]+[\w%$-]+){0,3}[ ]+$", re.IGNORECASE)
_FREQUENCY_BEFORE = word_before(vocab.FREQUENCY_WORDS)
_DURATION_CONTEXT_BEFORE = word_before(vocab.DURATION_CONTEXT_BEFORE)


@rule("rate", r"(?:a|an|per) {unit1}(?!\w)")
def rate(f: Fields) -> Parse | None:
    """"a week" / "per day" after a count of times is a frequency, a set ("twice a week", "three times
    a day"); after an amount it is a rate ("$5 a year", "50,000 barrels a day"), which TimeML news
    annotation leaves untagged; otherwise ("for a month", "a year-earlier loss") it is no rate at all."""
    before = f.before(40)
    if re.match(r"-(?:earlier|ago|old|long)\b", f.after(8)):
        return None
    if _FREQUENCY_BEFORE.search(before):
        return Parse("literal", type="SET", value=duration_value(1, unit_in(f)))
    if _DURATION_CONTEXT_BEFORE.search(before) and not f.text.lower().startswith("per"):
        return None
    if AMOUNT_BEFORE.search(before):
        return Parse("none")
    return None


# An age ("a 6-year-old", "52 years old") is not a time expression (TimeML does not tag ages).
rule("age", r"{num}[- ]{unit}[- ]old(?!\w)")(not_a_date)
# "a second time", "A second group": the ordinal, not the unit of time.
rule("ordinal_second", r"(?:an?|one) second(?= [a-z]+)(?! (?:later|earlier|ago|before|after|or|and|in|of|to|for|"
     r"longer|more|less|apart|delay|late|too)\b)")(not_a_date)
rule("unit_period", r"(?:an? )?{num}[- ]{unit1} (?:period|span|stretch|term)(?!\w)")(duration)
rule("unit_adjective", r"{num}[- ]{unit1}(?=[\s,.;:)]|$)(?!\s+and\s+a\s+half)")(duration)


@rule("unit_long", r"(?:{unit1}|{unit_plural})-long(?!\w)")
def unit_long(f: Fields) -> Parse:
    """"a day-long meeting" is P1D; "decades-long", "years-long" are of unknown length."""
    return Parse("duration", type="DURATION", amount=1.0 if f["unit1"] else None, unit=unit_in(f))


@rule("unit_long_word", r"(?:hour|day|week|month|year)long(?!\w)")
def unit_long_word(f: Fields) -> Parse:
    """"weeklong", "yearlong"."""
    return Parse("duration", type="DURATION", amount=1, unit=unit_of(f.text.lower()[:-4]))


rule("units", r"(?:the )?{num} (?:(?:more|additional|extra|further|trading|business|working|calendar"
     r"|school|straight|consecutive) )?{unit}(?: and (?:a half|\d+ minutes))?(?!-\w)")(duration)


# "over the years", "in the years that followed", "in the early years": a vague duration.
@rule("the_years", r"(?:(?<=\bover[ ])|(?<=\bin[ ])|(?<=\bduring[ ])|(?<=\bthrough[ ]))the "
      r"(?:(?:early|later|following|intervening|ensuing) )?years(?![\w-])")
def the_years(f: Fields) -> Parse:
    return Parse("duration", type="DURATION", amount=None, unit="Y")


rule("vague_units", r"{vague} {unit_plural}")(vague_duration)
rule("units_ahead", r"the {unit_plural} ahead")(vague_duration)  # "in the weeks ahead"
# "for years", "within weeks": a vague duration.
rule("bare_units", r"(?:(?<=\bfor[ ])|(?<=\bwithin[ ]))(?:{unit_plural})")(vague_duration)
