"""Named regex pieces that rule patterns are composed from, each built from a vocabulary table,
and the helpers that turn a word table into a context check ("a preposition right before")."""

from __future__ import annotations

import re
from collections.abc import Iterable

from timeline.temporal import vocab


def alt(words: Iterable[str]) -> str:
    """A non-capturing alternation of `words` that prefers the longest; spaces match any
    whitespace. It is written as a trie ("jan(?:uary)?" rather than "january|jan"), which the
    regex engine tries in a few steps instead of one step per word."""
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in set(words):
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return "(?:" + _trie(trie) + ")"


def _trie(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
    branches = [(r"\s+" if ch == " " else re.escape(ch)) + _trie(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


def case_sensitive(words: Iterable[str]) -> str:
    """`words` exactly as written (inside a case-insensitive pattern)."""
    return "(?-i:" + alt(words) + ")"


def capitalised(words: Iterable[str]) -> str:
    """Capitalised or upper-case forms only: "May", "MAY", never "may"."""
    words = list(words)
    return case_sensitive([w.capitalize() for w in words] + [w.upper() for w in words])


# --- context checks built from word tables -------------------------------------------------------


def word_before(words: Iterable[str], gap: str = r"\s+", ignore_case: bool = True) -> re.Pattern[str]:
    """One of `words` right before a position (search it in the text before an expression)."""
    return re.compile(r"\b" + alt(words) + gap + "$", re.IGNORECASE if ignore_case else 0)


def word_after(words: Iterable[str], gap: str = r"\s+", ignore_case: bool = True) -> re.Pattern[str]:
    """One of `words` right after a position (match it on the text after an expression)."""
    return re.compile(gap + alt(words) + r"\b", re.IGNORECASE if ignore_case else 0)


# --- pieces --------------------------------------------------------------------------------------

_FULL_MONTHS = [m for m in vocab.MONTHS if len(m) > 4 or m in ("may", "june", "july")]
_ABBR_MONTHS = [m for m in vocab.MONTHS if m not in _FULL_MONTHS]
_SAFE_MONTHS = [m for m in _FULL_MONTHS if m not in vocab.AMBIGUOUS_MONTHS]
_FULL_WEEKDAYS = [w for w in vocab.WEEKDAYS if w.endswith("day")]
_ABBR_WEEKDAYS = [w for w in vocab.WEEKDAYS if not w.endswith("day")]

_UNITS_1_9 = alt(vocab.UNITS_1_9)
_TEENS = alt(vocab.TEENS)
NUMBER_WORD = (
    "(?:" + alt(vocab.TENS) + r"(?:[-\s]" + _UNITS_1_9 + ")?"
    "|" + alt(k for k in vocab.NUMBERS if k not in vocab.TENS) + ")"
    r"(?:\s+" + alt(vocab.MULTIPLIERS) + r"(?!\w))?"  # "two thousand", "five hundred"
)
# 24, 1.5, 2,000, "5 1/2", "two and a half", "one and a half", "a half"
NUMBER = (
    r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+1/2|\s+and\s+a\s+half)?(?!\d)"
    "|" + NUMBER_WORD + r"(?:\s+and\s+a\s+half)?"
    r"|half\s+an?|a\s+half"
)
# Years said in words (radio transcripts): "nineteen ninety-six", "nineteen hundred", "two thousand one".
_TENS_UNITS = alt(vocab.TENS) + r"(?:[-\s]" + _UNITS_1_9 + ")?"
YEAR_WORDS = (
    r"(?:eighteen|nineteen|twenty)[-\s](?:hundred|oh[-\s]" + _UNITS_1_9 + "|" + _TEENS + "|" + _TENS_UNITS + ")"
    r"|two\s+thousand(?:(?:\s+and)?\s+(?:" + _TEENS + "|" + _TENS_UNITS + "|" + _UNITS_1_9 + "))?"
)
_DAY_WORDS = alt(k for k in vocab.ORDINALS if k != "last")
_UNIT_WORDS = [u for u in vocab.UNITS if vocab.UNITS[u] not in ("SEASON", "WE")]
_SPAN_UNITS = [u for u in vocab.UNITS if vocab.UNITS[u] in ("SEASON", "WE")]
_ONE_WORD_SHIFTS = [w for w in vocab.SHIFTS if " " not in w]
_YEAR = r"(?:(?:1[0-9]\d\d|2[01]\d\d)(?!\d)|(?:" + YEAR_WORDS + r")(?![\w-]))"
_DAY_NUMBER = r"(?:3[01]|[12]\d|0?[1-9])"
# After a 24-hour number: the zone or word that makes it a clock time.
CLOCK_ZONE = alt(vocab.CLOCK_ZONES)
_CLOCK_ZONE_AFTER = r"(?=\s*(?:" + CLOCK_ZONE + r"|h)\b)"
# What follows a 24-hour number restated in a zone in brackets: "by 1100 (1600 GMT)", wire style
# (the number is a clock time, not a year)
CLOCK_RESTATED = r"\s*(?:\(|-LRB-)\s*(?:[01]\d|2[0-3])[0-5]\d\s*(?:" + CLOCK_ZONE + r")\b"


def _holidays() -> list[str]:
    return [*vocab.FIXED_HOLIDAYS, *vocab.WEEKDAY_HOLIDAYS, *vocab.EASTER_HOLIDAYS, *vocab.HOLIDAYS_AFTER]


PIECES: dict[str, str] = {
    # "January", "Jan.", "Sept", and the ambiguous names only when capitalised ("May", not "may").
    "month": "(?:" + alt(_SAFE_MONTHS) + "|" + capitalised(vocab.AMBIGUOUS_MONTHS)
             + "|" + alt(_ABBR_MONTHS) + r"\.?)(?!\w)",
    "month_safe": alt(_SAFE_MONTHS) + r"(?!\w)",
    "month_amb": capitalised(vocab.AMBIGUOUS_MONTHS) + r"(?!\w)",
    # 23, 23rd, and the ordinal words ("the fifth of December", "March eighth").
    "day": r"(?:" + _DAY_NUMBER + r"(?:st|nd|rd|th)?(?![\d])|" + _DAY_WORDS + r"(?![\w-]))",
    "ordday": _DAY_NUMBER + r"(?:st|nd|rd|th)",
    "dnum": _DAY_NUMBER + r"(?:st|nd|rd|th)?(?!\d)",
    # The days between the first and the last of a list ("3, [4] and 5 February", "3, [4, 5] and 6").
    "days": _DAY_NUMBER + r"(?:st|nd|rd|th)?(?!\d)(?:\s*,\s*" + _DAY_NUMBER + r"(?:st|nd|rd|th)?(?!\d)){0,5}",
    "year": _YEAR,
    # Any four-digit year (1000..9999), in full dates only: there a number is a year.
    "year_any": _YEAR + r"|[2-9]\d{3}(?!\d)",
    "year2": r"['’]\d\d(?!\d)",
    "yy": r"(?:1[0-9]\d\d|20\d\d|\d\d)(?!\d)",
    # A wire or military date stamp ("14 MAR 16"): the month abbreviated in capitals, a year in two
    # digits that no clock time ("14 MAR 16:30") or other word continues.
    "month_stamp": case_sensitive(m.upper() for m in _ABBR_MONTHS + ["may"]) + r"(?!\w)",
    "stamp_yy": r"\d\d(?!\w|[:.,]\d)",
    "bcyear": r"(?:\d{1,3},\d{3}|\d{1,4})(?![\d,])",
    "era": case_sensitive(vocab.BC_ERAS + vocab.AD_ERAS) + r"(?![\w-])",
    "era_bc": case_sensitive(vocab.BC_ERAS) + r"(?![\w-])",
    "mm": r"(?:0?[1-9]|1[0-2])",
    "dd": r"(?:0?[1-9]|[12]\d|3[01])",
    "weekday": "(?:" + alt(_FULL_WEEKDAYS) + "|" + alt(_ABBR_WEEKDAYS) + r"\.?)(?!\w)",
    "weekday_full": alt(_FULL_WEEKDAYS) + r"(?!\w)",
    "weekdays": alt(w + "s" for w in _FULL_WEEKDAYS),
    "num": "(?:" + NUMBER + ")",
    "vague": alt(vocab.VAGUE_QUANTITIES),
    "unit": alt(_UNIT_WORDS) + r"(?!\w)",
    "unit1": alt(u for u in _UNIT_WORDS if (not u.endswith("s") or u in ("hrs", "mins", "secs")) and u != "millennia"),
    "unit_plural": alt(u for u in _UNIT_WORDS if u.endswith("s") or u in ("millennia", "centuries")),
    "span_unit": alt(_SPAN_UNITS) + r"(?!\w)",
    "year_unit": alt(["year", "month", "week", "quarter"]) + r"(?!\w)",
    "season": alt(vocab.SEASONS) + r"(?!\w)",
    "pod": alt(vocab.PARTS_OF_DAY) + r"(?!\w)",
    "pod_mid": alt(vocab.MID_PARTS_OF_DAY) + r"(?!\w)",
    "pod_lower": case_sensitive(["morning", "afternoon", "evening", "night"]) + r"(?!\w)",
    "qord": alt(vocab.QUARTER_ORDINALS),
    "qdigit": r"[1-4]",
    "hord": alt(vocab.HALF_ORDINALS),
    "yedge": alt(vocab.YEAR_PART_EDGES),
    "ymonths": alt(vocab.YEAR_PART_MONTHS),
    "yquarters": alt(vocab.YEAR_PART_QUARTERS),
    "ordinal": alt(vocab.ORDINALS),
    "nth": alt(vocab.NTH_ORDINALS),
    "decade": r"(?:1\d|20)?\d0['’]?s|['’]\d0s|" + alt(vocab.DECADE_WORDS),
    "century_ord": r"(?:1\d|2[01]|[1-9])(?:st|nd|rd|th)|" + alt(k for k in vocab.ORDINALS if k != "last"),
    "clock": (
        r"(?:1[0-2]|0?[1-9])(?:[:.][0-5]\d)?\s*(?:a\.m\.|p\.m\.|a\.m|p\.m|am|pm)(?!\w)"  # 12-hour: 1..12
        r"|(?:[01]\d|2[0-3])[0-5]\d" + _CLOCK_ZONE_AFTER +  # 0900 GMT
        r"|(?:[01]\d|2[0-3])[0-5]\d(?=" + CLOCK_RESTATED + ")"  # 1100 (1600 GMT)
        r"|(?:[01]?\d|2[0-3])[:.][0-5]\d(?!\d)" + _CLOCK_ZONE_AFTER +  # 10.30 GMT
        r"|(?:[01]?\d|2[0-3]):[0-5]\d(?![\d:])"
        r"|noon|midday|midnight|(?:" + alt(vocab.CLOCK_HOUR_WORDS) + r"|1[0-2]|0?[1-9])\s+o['’]clock"
    ),
    "tz": alt(vocab.TIME_ZONES) + r"(?:\s+time)?(?!\w)",
    "holiday": alt(_holidays()) + r"(?!\w)",
    "holiday_season_word": alt(vocab.HOLIDAY_SEASON_WORDS) + r"(?!\w)",
    "last": alt(w for w in _ONE_WORD_SHIFTS if vocab.SHIFTS[w] < 0),
    "next": alt(w for w in _ONE_WORD_SHIFTS if vocab.SHIFTS[w] > 0),
    "shift": alt(_ONE_WORD_SHIFTS),
    "anarel": alt(vocab.ANAPHORIC_SHIFTS),
    "anaweek": alt(vocab.ANAPHORIC_WEEKDAY_SHIFTS),
    "ananamed": alt(vocab.ANAPHORIC_NAMED_SHIFTS),
    "dayword": alt(vocab.DEICTIC_DAYS),
    # "before"/"after" end the expression only when no noun phrase follows ("a day before the vote"
    # is relative to the vote, not to the last date).
    "direction": alt(vocab.DIRECTIONS) + "|" + alt(vocab.BARE_DIRECTIONS) + r"(?!\s+\w)",
    "other": r"other",
}


def _anchor_words() -> set[str]:
    words = set(vocab.ANCHOR_WORDS) | set(vocab.MONTHS) | set(vocab.UNITS)
    words |= set(vocab.WEEKDAYS)  # "sat", "sun", "wed" too: "Sat., Jan. 31" is composed from them
    words |= {w + "s" for w in vocab.WEEKDAYS if w.endswith("day")}
    words |= set(vocab.SEASONS) | set(vocab.PARTS_OF_DAY) | set(vocab.DECADE_WORDS)
    # A holiday needs an anchor of its own only when none of its words is one ("Christmas", not
    # "Labor Day").
    for name in _holidays():
        parts = re.findall(r"[a-z]+", name)
        if not any(p in words for p in parts):
            words.add(parts[-1])
    return words


# The anchors (see grammar.Grammar.scan), read off the lowercased text token by token: a word
# anchors when it is one of ANCHOR_WORDS; a number when it has the shape of a year, a clock time,
# an ordinal day, a decade or a quarter.
ANCHOR_WORDS = frozenset(_anchor_words() | {"q1", "q2", "q3", "q4", "h1", "h2"})
ANCHOR_TOKEN = (
    r"(?<![a-z0-9])(?:[a-z]+(?:[1-4](?![a-z0-9]))?"  # words; "q3"
    r"|9/11(?![/\d])"  # the attacks of 2001
    r"|\d+(?:[:.]\d+)*(?:\s*[ap]\.?m\b|st\b|nd\b|rd\b|th\b|s\b|q\b)?"  # numbers with their suffix
    r"|['’]\d\d)"  # '98, '80s
)
ANCHOR_NUMBER = (
    r"\d{4}"  # years, ISO dates
    r"|\d{1,2}:[0-5]\d(?::[0-5]\d)?"  # clock times
    r"|\d{1,2}\.[0-5]\d(?=\s*(?:" + alt(z.lower() for z in vocab.CLOCK_ZONES) + r"|h)\b)"  # 10.30 GMT
    r"|\d{1,2}(?:[:.][0-5]\d)?\s*[ap]\.?m"  # 3 p.m., 9am, 2.15am
    r"|\d{1,2}(?:[:.][0-5]\d)?(?=\s*[-–—]\s*\d{1,2}(?:[:.][0-5]\d)?\s*[ap]\.?m)"  # the 3 of 3-5pm
    r"|\d{1,2}(?:[:.][0-5]\d)?(?=\s+(?:to|until|till|and)\s+\d{1,2}(?:[:.][0-5]\d)?\s*[ap]\.?m)"  # from 3 to 5 pm
    r"|\d+(?:st|nd|rd|th|s)"  # ordinal days, decades
    r"|[1-4]q|['’]\d\d"  # quarters; '98, '80s
    r"|9/11"
)
