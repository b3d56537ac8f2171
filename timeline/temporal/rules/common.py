"""What every rule family shares: converters from matched words to numbers, the calendar fields
of a match, and the context checks several families make."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from timeline.temporal import vocab
from timeline.temporal.context import count_after
from timeline.temporal.grammar import Fields
from timeline.temporal.parse import Parse
from timeline.temporal.pieces import alt, word_before

# --- converters ----------------------------------------------------------------------------------

_DIGITS = re.compile(r"\d+")


def month_of(word: str) -> int:
    return vocab.MONTHS[word.lower().rstrip(".")]


def weekday_of(word: str) -> int:
    return vocab.WEEKDAYS[" ".join(word.lower().split()).rstrip(".")]


def day_of(word: str) -> int:
    """23 from "23", "23rd" or "twenty-third"."""
    if word[0].isalpha():
        return vocab.ORDINALS[" ".join(word.lower().split())]
    m = _DIGITS.search(word)
    assert m is not None
    return int(m.group())


def year_of(word: str) -> int:
    """A year; "'98" is 1998 and "'05" is 2005 (two-digit years pivot at 30); "nineteen ninety-six"
    is 1996 and "two thousand one" 2001."""
    if word[0].isalpha():
        return spelled_year(word)
    if word[0] in "'’":
        return short_year(word[1:])
    return int(word)


def short_year(digits: str) -> int:
    """A year written with two digits: "98" is 1998 and "05" 2005 (they pivot at 30)."""
    yy = int(digits)
    return 1900 + yy if yy >= 30 else 2000 + yy


def spelled_year(words: str) -> int:
    """"nineteen ninety-six" -> 1996, "nineteen hundred" -> 1900, "nineteen oh five" -> 1905,
    "two thousand and one" -> 2001."""
    w = [x for x in words.lower().replace("-", " ").split() if x not in ("and", "oh")]
    if w[:2] == ["two", "thousand"]:
        return 2000 + sum(vocab.NUMBERS[x] for x in w[2:])
    if w[1:] == ["hundred"]:
        return vocab.NUMBERS[w[0]] * 100
    return vocab.NUMBERS[w[0]] * 100 + sum(vocab.NUMBERS[x] for x in w[1:])


def number_of(words: str | None) -> float | None:
    """The number a quantity phrase states; None for vague ones ("several", "a few")."""
    if words is None:
        return None
    w = " ".join(words.lower().replace("-", " ").split())
    half = 0.0
    for suffix in (" and a half", " 1/2"):
        if w.endswith(suffix):
            w, half = w[: -len(suffix)], 0.5
    if w in ("half a", "half an", "a half"):
        return 0.5
    if w and w[0].isdigit():
        return float(w.replace(",", "")) + half
    if w in vocab.NUMBERS:
        return vocab.NUMBERS[w] + half
    parts = w.split()
    if len(parts) > 1 and parts[-1] in vocab.MULTIPLIERS:  # "two thousand", "twenty five hundred"
        base = number_of(" ".join(parts[:-1]))
        return None if base is None else base * vocab.MULTIPLIERS[parts[-1]] + half
    if len(parts) == 2 and parts[0] in vocab.NUMBERS and parts[1] in vocab.NUMBERS:
        return vocab.NUMBERS[parts[0]] + vocab.NUMBERS[parts[1]] + half
    return None


def unit_of(word: str) -> str:
    return vocab.UNITS[word.lower()]


def unit_in(f: Fields) -> str:
    """The unit a rule matched, whichever unit piece it used."""
    word = f["unit"] or f["unit1"] or f["unit_plural"] or f["span_unit"]
    assert word is not None, "rule has no unit piece"
    return unit_of(word)


def clock_of(word: str) -> tuple[int, int]:
    """(hour, minute) of "3 p.m.", "3:30pm", "15:00", "noon", "midnight", "nine o'clock"."""
    w = word.lower()
    if w in ("noon", "midday"):
        return 12, 0
    if w == "midnight":
        return 24, 0
    if "o'clock" in w or "o’clock" in w:
        n = number_of(w.split()[0])
        return int(n or 0), 0
    digits = re.findall(r"\d+", w)
    nums = [int(x) for x in digits]
    if len(digits) == 1 and len(digits[0]) >= 3:  # "0900 GMT", "1430 hours", "0030 GMT" (not hour 30)
        nums = [nums[0] // 100, nums[0] % 100]
    hour, minute = nums[0], (nums[1] if len(nums) > 1 else 0)
    if "p" in w and hour < 12:
        hour += 12
    elif "a" in w and hour == 12:
        hour = 0
    return hour, minute


def shift_of(f: Fields, key: str = "shift", default: str = "this") -> int:
    """-1, 0 or +1 for the last/this/next word the rule matched under `key`."""
    return vocab.SHIFTS[f.low(key) or default]


def fields(f: Fields) -> dict[str, Any]:
    """The calendar fields of every piece the rule matched (month, day, year, weekday, part of the
    day, clock time, season, last/this/next), as Parse keyword arguments."""
    out: dict[str, Any] = {}
    if f["month"]:
        out["month"] = month_of(f["month"])
    if f["day"]:
        out["day"] = day_of(f["day"])
    if f["year"] or f["year2"]:
        out["year"] = year_of(f["year"] or f["year2"] or "")
    if f["weekday"]:
        out["weekday"] = weekday_of(f["weekday"])
    if f["pod"]:
        out["pod"] = vocab.PARTS_OF_DAY[f["pod"].lower()]
        out["type"] = "TIME"
    if f["clock"]:
        out["hour"], out["minute"] = clock_of(f["clock"])
        out["type"] = "TIME"
    if f["season"]:
        out["season"] = vocab.SEASONS[f["season"].lower()]
    if f["shift"]:
        out["shift"] = vocab.SHIFTS[f.low("shift") or ""]
    return out


def calendar(f: Fields) -> Parse:
    return Parse("calendar", **fields(f))


def weekday(f: Fields) -> Parse:
    return Parse("weekday", **fields(f))


def named(f: Fields) -> Parse:
    return Parse("named", **fields(f))


def literal(value: str, type_: str = "DATE") -> Callable[[Fields], Parse]:
    """A normaliser whose value needs no reference."""
    return lambda f: Parse("literal", type=type_, value=value)


def not_a_date(f: Fields) -> Parse:
    """A phrase that looks temporal but names no time (an age, "as soon as"): it is consumed so that
    no shorter rule fires inside it, and resolves to nothing."""
    return Parse("none")


def duration_value(n: float | None, unit: str) -> str:
    from timeline.temporal.values import duration_value as value

    return value(n, unit)


# --- context checks ------------------------------------------------------------------------------

# A capitalised word right before: part of a name ("USA Today").
NAME_BEFORE = re.compile(r"(?-i:[A-Z][\w.&'-]*)[ \t]+$")
TITLE_BEFORE = re.compile(r"\b(?-i:" + alt(vocab.TITLES) + r")\.?\s*$")
MODAL_BEFORE = word_before(vocab.MODALS)


def reads_as_count(f: Fields) -> bool:
    """Whether the text after the match makes its number an amount."""
    return count_after(f.after(30), 0)
