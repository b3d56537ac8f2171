"""Modifiers around an expression, kept inside its span as TimeML does: "early", "the end of",
"about", "more than" before it (vocab.POSITION_MODS, OF_POSITION_MODS, QUANTITY_MODS), "or so",
"or later" after it (vocab.RIGHT_MODS); and "the day before", "three days after", "a week from"
right before a date, which count from it."""

from __future__ import annotations

import re
from datetime import date

from timeline.temporal import vocab
from timeline.temporal.grammar import Match
from timeline.temporal.pieces import alt, word_before
from timeline.temporal.rules import number_of
from timeline.temporal.values import RANK, OutOfRange, Point, add_days

_LEFT_MOD = re.compile(
    r"(?<![\w-])(?:the\s+)?(?:very\s+)?(?P<mod>" + alt(vocab.OF_POSITION_MODS) + r"\s+of(?:\s+the)?"
    "|" + alt(vocab.POSITION_MODS) + "|" + alt(vocab.QUANTITY_MODS) + r")(?:\s+|-)$",
    re.IGNORECASE,
)
_PHRASAL_VERB_BEFORE = word_before(vocab.PHRASAL_VERBS)
_RIGHT_MOD = re.compile(r"\s+or\s+(?P<mod>" + alt(vocab.RIGHT_MODS) + r")\b", re.IGNORECASE)
# "over" means "more than" after these ("lasted over a week", "for over a decade"), else "across".
_MORE_THAN_OVER = re.compile(r"\b" + alt(vocab.OVER_MEANS_MORE_AFTER) + r"\s+$|^\W*$", re.IGNORECASE)
_STARTS_WITH_NUMBER = re.compile(r"\d|an?\s|" + alt([*vocab.NUMBERS, *vocab.VAGUE_QUANTITIES]) + r"\b",
                                 re.IGNORECASE)

# "the day before last Tuesday", "three days after Christmas", "a week from Monday": a date
# counted from the date right after it. Not after a verb of duration ("spent two weeks before
# Christmas in Paris" is a stay, not a date).
_COUNTED_FROM = re.compile(
    r"(?<![\w-])(?P<num>" + alt(vocab.COUNT_WORDS) + r"|\d{1,2})\s+(?P<unit>days?|weeks?|months?)"
    r"\s+(?P<dir>before|after|prior\s+to|from|on)\s+$",
    re.IGNORECASE,
)
_DURATION_VERB_BEFORE = word_before(vocab.DURATION_VERBS)
# "a week on Friday" (British: a week from Friday) only before a weekday, and not after a word that
# makes "a week" a length ("collapsed after a week on Friday", "for two weeks on Monday").
_WEEKDAY_AT = re.compile(r"(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)
_LENGTH_BEFORE = re.compile(r"\b(?:after|for|within|in|over|than|about|of|by|nearly|almost|only|just)\s+$",
                            re.IGNORECASE)
# The two searches above for a lowercased ASCII window, without the case-blind flag (their letters
# are all small ones, tests/test_rowspeed.py): on ASCII text the same matches, twice as fast (each is
# tried at every place of the window, for every expression).
_LEFT_MOD_LOW = re.compile(_LEFT_MOD.pattern)
_COUNTED_FROM_LOW = re.compile(_COUNTED_FROM.pattern)


def _search(pattern: re.Pattern[str], low_pattern: re.Pattern[str], window: str) -> re.Match[str] | None:
    """`pattern.search(window)`, on the lowercased window when it is ASCII (the groups then read in
    lower case, as every caller reads them)."""
    return low_pattern.search(window.lower()) if window.isascii() else pattern.search(window)


def left_modifier(text: str, m: Match) -> tuple[int, str | None]:
    """Extend the span left over a modifier ("early", "the end of", "about") and return its mod."""
    window = text[max(0, m.start - 40):m.start]
    lm = _search(_LEFT_MOD, _LEFT_MOD_LOW, window)
    if lm is None:
        return m.start, None
    word = " ".join(lm.group("mod").lower().split())
    core = text[m.start:m.end]
    lm_start = lm.start("mod") if lm.group().endswith("-") else lm.start()  # "the [mid-1990s] boom"
    p = m.parse
    is_duration, counted = p.kind == "duration", p.kind == "count"
    if word.endswith(" of") or word.endswith(" of the"):
        word = word.rsplit(" of", 1)[0]
        if p.kind in ("duration", "literal"):
            return m.start, None
        return m.start - (len(window) - lm_start), vocab.OF_POSITION_MODS.get(word)
    if word in vocab.POSITION_MODS:
        if p.kind in ("duration", "literal") or counted:
            return m.start, None
        return m.start - (len(window) - lm_start), vocab.POSITION_MODS[word]
    mod = vocab.QUANTITY_MODS.get(word)
    if mod is None:
        return m.start, None
    if word in ("around", "about", "over") and _PHRASAL_VERB_BEFORE.search(window, 0, lm.start("mod")):
        return m.start, None  # "get around Wednesday's ruling", "came about Friday": a verb's particle
    if word in ("over", "under", "some") and not (_STARTS_WITH_NUMBER.match(core) and (is_duration or counted)):
        return m.start, None
    if word == "over" and not counted and not _MORE_THAN_OVER.search(window, 0, lm.start("mod")):
        return m.start, None  # "spread over three years": across them, not more than
    if word in ("pre", "post") and not p.is_year_or_decade:
        return m.start, None
    if not is_duration and mod in ("LESS_THAN", "MORE_THAN") and counted:
        mod = "APPROX" if mod == "LESS_THAN" else mod
    # A date takes "about" ("around Nov. 1"), but "up to June 30" or "at least March" is a
    # preposition phrase around the date, not part of it.
    if not is_duration and not counted and mod not in ("APPROX", "BEFORE", "AFTER"):
        return m.start, None
    return m.start - (len(window) - lm_start), mod


def right_modifier(text: str, end: int) -> tuple[int, str] | None:
    """Where an expression ends with the modifier after it ("two years or so"), and its mod."""
    rm = _RIGHT_MOD.match(text, end)
    return None if rm is None else (rm.end(), vocab.RIGHT_MODS[rm.group("mod").lower()])


def counted_from(text: str, start: int, point: Point, dct: date) -> tuple[int, Point] | None:
    """Where "the day before" / "three days after" starts, right before a date, and the date it names."""
    window = text[max(0, start - 40):start]
    cm = _search(_COUNTED_FROM, _COUNTED_FROM_LOW, window)
    if cm is None or _DURATION_VERB_BEFORE.search(window, 0, cm.start()):
        return None
    if cm.group("dir").lower() == "on" and (not cm.group("unit").lower().startswith("week")
                                           or not _WEEKDAY_AT.match(text, start)
                                           or _LENGTH_BEFORE.search(window, 0, cm.start())):
        return None
    word = cm.group("num").lower()
    n = 1 if word in ("the", "a", "an") else int(number_of(word) or 0)
    unit = {"d": "day", "w": "week", "m": "month"}[cm.group("unit")[0].lower()]
    if n <= 0 or RANK.get(point.gran, 99) > RANK[unit]:
        return None
    sign = 1 if cm.group("dir").lower() in ("after", "from", "on") else -1
    try:
        if cm.group("dir").lower() in ("from", "on") and point.start < dct:  # "a week from Monday": the coming Monday
            recent = point.gran == "day" and point.start > add_days(dct, -7)
            point = point.shift(1, "week") if recent else point
        # "the week after Christmas" is that whole week; "a week after Jan. 5" is a day.
        whole = word == "the" and unit != "day"
        moved = point.coarsen(unit).shift(sign) if whole else point.shift(sign * n, unit)
    except OutOfRange:  # counted past date.min or date.max
        return None
    return start - (len(window) - cm.start()), moved
