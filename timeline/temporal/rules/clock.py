"""Clock times: "3 p.m.", "15:00 GMT", "noon", "nine o'clock" (with their day, composed: compose.py)."""

from __future__ import annotations

import re

from timeline.temporal.context import SENTENCE_START_BEFORE
from timeline.temporal.grammar import Family, Fields
from timeline.temporal.parse import Parse
from timeline.temporal.rules.common import fields

family = Family("clock")
rule = family.rule


# The end of a range of two numbers that share one meridiem: "-5pm", " – 5 p.m.", " to 5 p.m.",
# " and 5 p.m." (group 1: the join, group 2: hour, group 3: minutes, group 4: "a" or "p").
_SHARED_MERIDIEM_END = re.compile(r"\s*([-–—]|\s(?:to|until|till|and)\s)\s*(1[0-2]|0?[1-9])(?:[:.]([0-5]\d))?"
                                  r"\s*([ap])\.?m\b", re.IGNORECASE)
# The word before the first number a word joins to the second: "from 3 to 5 p.m.", "between 3 and 5 p.m."
# (not "rose 3 to 5 p.m.": a range written with words needs its opening word).
_OPENING_WORD = {"to": "from", "until": "from", "till": "from", "and": "between"}
_OPENED_BY = re.compile(r"\b(from|between)\s+$", re.IGNORECASE)


_HOUR = r"(?:1[0-2]|0?[1-9])(?:[:.][0-5]\d)?"


@rule("clock_range_start", _HOUR + r"(?=\s*[-–—]\s*" + _HOUR + r"\s*[ap]\.?m\b|\s+(?:to|until|till|and)\s+" + _HOUR
      + r"\s*[ap]\.?m\b)")
def clock_range_start(f: Fields) -> Parse | None:
    """The first number of a range that shares its end's meridiem ("3-5pm", "3–5 p.m.", "from 3 to
    5 p.m.", "between 3 and 5 p.m."): a clock time with that meridiem, or the other one when it
    would come after its end ("11-1pm" is 11:00, "10-6am" 22:00, whose end the tagger puts on the
    next day)."""
    end = _SHARED_MERIDIEM_END.match(f.after(20))
    if end is None:
        return None
    join = end[1].strip().lower()
    if join in _OPENING_WORD:
        opened = _OPENED_BY.search(f.before(12))
        if opened is None or opened[1].lower() != _OPENING_WORD[join]:
            return None
    digits = [int(x) for x in re.findall(r"\d+", f.text)]
    hour, minute = digits[0] % 12, digits[1] if len(digits) > 1 else 0
    end_hour, end_minute = int(end[2]) % 12, int(end[3] or 0)
    pm = end[4].lower() == "p"
    start, finish = (hour + 12 * pm) * 60 + minute, (end_hour + 12 * pm) * 60 + end_minute
    if start > finish:
        pm = not pm
    return Parse("time_of_day", type="TIME", hour=hour + 12 * pm, minute=minute)


@rule("clock", r"{clock}(?:~,?~{tz})?")
def clock(f: Fields) -> Parse | None:
    """A clock time alone ("at 3 p.m."): on the day the text last mentioned, else the publication
    day. Not a capitalised "Noon" or "Midnight" in a title ("High Noon", "Midnight Train to Memphis")."""
    in_title = re.match(r"\s+[A-Z]", f.after(3)) or re.search(r"[A-Z]\w*\s+$", f.before(10))
    if f.text in ("Noon", "Midnight") and in_title and not SENTENCE_START_BEFORE.search(f.before(30)):
        return None
    return Parse("time_of_day", **fields(f))

