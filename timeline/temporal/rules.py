"""The rules of English news dates: each a name, a pattern over named pieces and a normaliser.

Rules are tried in the order of this table at each position, so a longer or more specific
phrasing comes before the shorter one it contains ("Friday (Jan 30)" before "Friday").
Normalisers only say what the words mean (a Parse); resolve.py turns that into a TIMEX3 value.
The phrasings each rule covers are in tests/corpus/temporal.txt.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from timeline.temporal import vocab
from timeline.temporal.grammar import Fields, Grammar, Rule
from timeline.temporal.parse import Parse
from timeline.temporal.pieces import ANCHOR_NUMBER, ANCHOR_TOKEN, ANCHOR_WORDS, PIECES, alt
from timeline.temporal.tense import tense_at

# ---------------------------------------------------------------------------------------------
# Converters from matched words to numbers.

_DIGITS = re.compile(r"\d+")


def month_of(word: str) -> int:
    return vocab.MONTHS[word.lower().rstrip(".")]


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
        yy = int(word[1:])
        return 1900 + yy if yy >= 30 else 2000 + yy
    return int(word)


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
    nums = [int(x) for x in re.findall(r"\d+", w)]
    if len(nums) == 1 and nums[0] >= 100:  # "0900 GMT", "1430 hours"
        nums = [nums[0] // 100, nums[0] % 100]
    hour, minute = nums[0], (nums[1] if len(nums) > 1 else 0)
    if "p" in w and hour < 12:
        hour += 12
    elif "a" in w and hour == 12:
        hour = 0
    return hour, minute


SHIFTS: dict[str, int] = {
    "last": -1, "past": -1, "previous": -1, "preceding": -1, "this": 0, "current": 0, "present": 0,
    "next": 1, "coming": 1, "following": 1, "upcoming": 1, "this past": -1, "this coming": 1,
}


# "the next day", "the previous week", "that month": units from the date the text last mentioned.
ANAPHORIC_SHIFTS: dict[str, int] = {"next": 1, "following": 1, "previous": -1, "preceding": -1, "prior": -1}


def fill(p: Parse, f: Fields) -> Parse:
    """Copy every calendar piece the rule matched into the parse."""
    if f["month"]:
        p.month = month_of(f["month"])
    if f["day"]:
        p.day = day_of(f["day"])
    if f["year"] or f["year2"]:
        p.year = year_of(f["year"] or f["year2"] or "")
    if f["weekday"]:
        p.weekday = vocab.WEEKDAYS[f["weekday"].lower().rstrip(".")]
    if f["pod"]:
        p.pod = vocab.PARTS_OF_DAY[f["pod"].lower()]
        p.type = "TIME"
    if f["clock"]:
        p.hour, p.minute = clock_of(f["clock"])
        p.type = "TIME"
    if f["season"]:
        p.season = vocab.SEASONS[f["season"].lower()]
    if f["shift"]:
        p.shift = SHIFTS[f.low("shift") or ""]
    return p


def calendar(f: Fields) -> Parse:
    return fill(Parse("calendar"), f)


def weekday(f: Fields) -> Parse:
    return fill(Parse("weekday"), f)


def named(f: Fields) -> Parse:
    return fill(Parse("named"), f)


def literal(value: str, type_: str = "DATE") -> Callable[[Fields], Parse]:
    return lambda f: Parse("literal", type=type_, value=value)


def offset(unit: str, amount: int, anchor: str = "dct", pod: str | None = None) -> Callable[[Fields], Parse]:
    def build(f: Fields) -> Parse:
        p = fill(Parse("offset", unit=unit, amount=amount, anchor=anchor), f)
        if pod:
            p.pod, p.type = pod, "TIME"
        return p

    return build


# ---------------------------------------------------------------------------------------------
# Context checks: words that are dates only in some company.

_PLURAL_NOUN_AFTER = re.compile(
    r"\s+(?!(?:was|is|has|as|this|thus|its|his|always|perhaps|less|unless|across|plus|versus"
    r"|towards|afterwards|besides|nevertheless|whereas|does|was|yes)\b)[a-z]+s\b"
)
_NOT_A_YEAR_AFTER = re.compile(
    r"\s*(?:percent|per\s*cent|%|million|billion|trillion|thousand|hundred|kg|km|miles?|feet|ft|"
    r"meters?|metres?|tons?|tonnes?|barrels?|points?|votes?|people|dollars|euros|yuan|yen|pounds|"
    r"rupees|pesos|won|baht|ringgit|calories|acres|hectares|units|shares|cc|mm|cm|mph|kph|"
    r"megawatts?|mw|gw|kw|watts|degrees|°|block|gmt|utc|bst|cet|est|edt|et|hours|hrs|street|st|avenue|ave|road|rd|"
    r"boulevard|blvd|lane|drive|highway)\b",
    re.IGNORECASE,
)
# "1600 Pennsylvania Avenue": a street number.
_STREET_AFTER = re.compile(r"(?:\s+[A-Z][\w.'-]*){1,3}\s+(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Drive|"
                           r"Way|Place|Square|Court|Parkway|Highway)\b")
_DETERMINER_BEFORE = re.compile(r"(?:\b(?:the|its|his|her|their|our|a|an|this|that|whose)|['’]s)\s+$",
                                re.IGNORECASE)
_CODE_BEFORE = re.compile(
    r"\b(?:no|nos|number|numbers|room|rooms|flight|route|highway|page|pages|pp|p|bus|train|track|"
    r"exit|channel|code|model|version|suite|apartment|apt|box|pin|serial|ticket|line|gate|rule|"
    r"resolution|article|section|chapter|verse|item|row|seat|lot|unit|ward|zone|district|block|"
    r"building|floor|level|grade|size|type|class|form|issue|vol|volume|windows|office|cell|"
    r"population|of|about|around|some|nearly|almost|than|to|and|or|by|only|just|over|under|"
    r"approximately|roughly|estimated|total|totalling|totaling)\.?\s+$",
    re.IGNORECASE,
)
_YEAR_PREP_BEFORE = re.compile(
    r"\b(?:in|since|by|until|till|from|before|after|during|through|of|year|early|late|mid|"
    r"fiscal|the|and|or|to|between|circa|c\.|around|spring|summer|autumn|fall|winter)\s*$",
    re.IGNORECASE,
)


def bare_year(f: Fields) -> Parse | None:
    """A four-digit year standing alone: "in 1998", "the 1998 elections" — but not "2000 people",
    "1998 votes", "room 1207", "Windows 2000"; years before 1800 need a preposition ("in 1648")."""
    y = year_of(f.text)
    before, after = f.before(30), f.after(30)
    if _NOT_A_YEAR_AFTER.match(after) or _STREET_AFTER.match(f.after(40)):
        return None
    if _PLURAL_NOUN_AFTER.match(after) and not _DETERMINER_BEFORE.search(before):
        return None
    prep = _YEAR_PREP_BEFORE.search(before)
    if _CODE_BEFORE.search(before) and not prep:
        return None
    if y < 1800 and not prep:  # "in 1648"
        return None
    if y >= 2100 and not re.search(r"\b(?:by|in|until|till|before|after|since|through)\s+$", before,
                                   re.IGNORECASE):  # "by 2100", not "the 2100 block"
        return None
    return Parse("calendar", year=y)


# An amount and at most three words of what it counts: "$5", "50,000 barrels", "four flights".
_AMOUNT_WORDS = alt(k for k in vocab.NUMBERS if k not in ("a", "an", "single") and " " not in k)
_AMOUNT_BEFORE = re.compile(r"(?:\d[\d,.]*%?|\b" + _AMOUNT_WORDS + r"\b)(?:[ ]+[\w%$-]+){0,3}[ ]+$",
                            re.IGNORECASE)
_RATE_WORDS = re.compile(r"\b(?:once|twice|thrice|times)\s+$", re.IGNORECASE)
# "for a month", "within a week", "nearly an hour": a duration, not a rate.
_DURATION_WORD_BEFORE = re.compile(
    r"\b(?:for|in|within|over|about|around|nearly|almost|than|under|after|before|of|to|as|least|only|"
    r"take|takes|took|last|lasted|lasts|spend|spent|just|some|up)\s+$",
    re.IGNORECASE,
)


def rate(f: Fields) -> Parse | None:
    """"a week" / "per day" after a count of times is a frequency, a set ("twice a week", "three times
    a day"); after an amount it is a rate ("$5 a year", "50,000 barrels a day"), which TimeML news
    annotation leaves untagged; otherwise ("for a month", "a year-earlier loss") it is no rate at all."""
    before = f.before(40)
    if re.match(r"-(?:earlier|ago|old|long)\b", f.after(8)):
        return None
    if _RATE_WORDS.search(before):
        return Parse("literal", type="SET", value=_duration_value(1, unit_in(f)))
    if _DURATION_WORD_BEFORE.search(before) and not f.text.lower().startswith("per"):
        return None
    if _AMOUNT_BEFORE.search(before):
        return Parse("none")
    return None


def _duration_value(n: float | None, unit: str) -> str:
    from timeline.temporal.values import duration_value

    return duration_value(n, unit)


_MONTH_CONTEXT_BEFORE = re.compile(
    r"\b(?:in|of|since|by|until|till|from|before|after|during|through|throughout|early|late|mid|"
    r"last|next|this|that|each|every|between|and|or|to|on|until|past|coming|end|beginning|start|"
    r"middle|around|about|as of)\s*-?\s*$",
    re.IGNORECASE,
)
_NAME_AFTER = re.compile(r"\s+(?-i:[A-Z][a-z]+)")
# "the March accession", "a June agreement": a month between an article and a common noun.
_ARTICLE_BEFORE = re.compile(r"\b(?:the|a|an|its|their|his|her)\s+$", re.IGNORECASE)
_EVENT_NOUN_AFTER = re.compile(r"\s+(?-i:[a-z]{3,})\b(?<!\bto)(?<!\band)(?<!\bfor)(?<!\bthe)(?<!\bwho)"
                               r"(?<!\bwas)(?<!\bhas)(?<!\bsaid)(?<!government)(?<!administration)(?<!cabinet)(?<!family)"
                               r"(?<!ministry)(?<!premiership)")
_TITLE_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr|Prof|Sen|Rep|Gen|Col|Capt|Lt|Sgt)\.?\s*$")


def bare_month(f: Fields) -> Parse | None:
    """A month named alone. Unambiguous names ("November") are dates unless they are part of a
    name ("Mr. August Kim"); names that are also words or given names ("May", "March", "April",
    "June", "August") need a temporal preposition before them ("in May", "since March")."""
    word = f.text
    before = f.before(25)
    if _TITLE_BEFORE.search(before):
        return None
    ambiguous = word.lower() in vocab.AMBIGUOUS_MONTHS
    if ambiguous and not _MONTH_CONTEXT_BEFORE.search(before) and not (
            _ARTICLE_BEFORE.search(before) and _EVENT_NOUN_AFTER.match(f.after(25))):
        return None
    if _NAME_AFTER.match(f.after(20)) and not _MONTH_CONTEXT_BEFORE.search(before):
        return None
    return Parse("named", month=month_of(word))


_WEEKDAY_NAME_AFTER = re.compile(r"\s+(?-i:[A-Z][a-z]+)\b(?<!Night)(?<!Morning)(?<!Evening)")


_PAPER_ON_BEFORE = re.compile(r"\b(?:Mail|Independent|Scotland)\s+on\s+$")  # "the Mail on Sunday"
_GENERIC_WEEKDAY = re.compile(r"(?:\b(?:a|an)\s+$)", re.IGNORECASE)
_WEEKDAY_NOUN_AFTER = re.compile(r"\s+(?:edition|editions|paper|papers|newspaper|roast|school|lunch|brunch|supplement|"
                                 r"magazine|best|clothes|shift|shifts|driver|drivers)\b")


def bare_weekday(f: Fields) -> Parse | None:
    """A weekday alone ("said Friday"); not the name in "Man Friday", "the Sunday Times", "the Mail
    on Sunday" or "the Friday Mosque" (a determiner before, a capitalised name after), nor a kind of
    day ("a Sunday roast", "the Sunday edition")."""
    before = f.before(30)
    if _TITLE_BEFORE.search(before[-10:]) or _GENERIC_WEEKDAY.search(before) or (
            f.text == "Sunday" and _PAPER_ON_BEFORE.search(before)):
        return None
    if _WEEKDAY_NOUN_AFTER.match(f.after(20)) or re.match(r"\s+(?:Night|Morning|Evening|Afternoon)\s+[A-Z]",
                                                           f.after(25)):
        return None
    if re.search(r"\bthe\s+$", f.before(5), re.IGNORECASE) and _WEEKDAY_NAME_AFTER.match(f.after(20)):
        return None
    return fill(Parse("weekday"), f)


def clock(f: Fields) -> Parse | None:
    """A clock time alone ("at 3 p.m."): on the day the text last mentioned, else the publication
    day. Not a capitalised "Noon" or "Midnight" in a title ("High Noon", "Midnight Train to Memphis")."""
    in_title = re.match(r"\s+[A-Z]", f.after(3)) or re.search(r"[A-Z]\w*\s+$", f.before(10))
    if f.text in ("Noon", "Midnight") and in_title and not _SENTENCE_START_BEFORE.search(f.before(30)):
        return None
    return fill(Parse("offset", unit="D", amount=0, anchor="ref", type="TIME", gran="same_day"), f)


_RATE_AFTER = re.compile(r"\s+(?:a|an|per|each)\s+(?:day|week|month|year)\b", re.IGNORECASE)
_AND_A_HALF = re.compile(r"\band\s+a\s+half$", re.IGNORECASE)


def duration(f: Fields) -> Parse | None:
    """"three weeks", "24 hours", "a minute and a half" (the half after the unit counts too); not a
    title in the middle of a sentence (CBS's "60 Minutes", "48 Hours")."""
    unit_word = f["unit"] or f["unit1"] or ""
    if unit_word[:1].isupper() and not _SENTENCE_START_BEFORE.search(f.before(30)):
        return None
    if f["num"] and _RATE_AFTER.match(f.after(12)):  # "24 hours a day", "250 nights a year": a rate
        return Parse("none")
    n = number_of(f["num"]) if f["num"] else None
    if n is not None and _AND_A_HALF.search(f.text):
        n += 0.5
    return Parse("duration", type="DURATION", amount=n, unit=unit_in(f))


def ago(f: Fields) -> Parse:
    """"two days ago": counted back from the publication date; vague amounts are the past."""
    n = number_of(f["num"]) if f["num"] else None
    unit = unit_in(f)
    if n is None:
        return Parse("literal", value="PAST_REF")
    return Parse("offset", unit=unit, amount=-n, anchor="dct", gran="ago", moves_ref=not (unit == "Y" and n == 1),
                 mod="APPROX" if " or so" in f.text.lower() else None)


def later(f: Fields) -> Parse:
    """"two days later", "a year earlier": counted from the date the text last mentioned."""
    n = number_of(f["num"]) if f["num"] else None
    unit = unit_in(f)
    sign = -1 if (f.low("dir") or "") in ("earlier", "before", "previously", "prior") else 1
    if n is None:
        if re.search(r"\bfor\s+$", f.before(6), re.IGNORECASE):  # "for weeks afterwards": how long
            return Parse("duration", type="DURATION", amount=None, unit=unit)
        return Parse("literal", value="PAST_REF" if sign < 0 else "FUTURE_REF")
    return Parse("offset", unit=unit, amount=sign * n, anchor="ref", gran="ago",
                 moves_ref=not (unit == "Y" and n == 1 and sign < 0),
                 mod="APPROX" if " or so" in f.text.lower() else None)


_SENTENCE_START_BEFORE = re.compile(r"(?:^|[.!?:]\s*[\"“'‘(]?|\n\s*[\"“'‘(]?)\s*$")


def relative_unit(f: Fields) -> Parse | None:
    """"last week", "this month", "next year", "the past year", "the coming weekend"; not a title
    in the middle of a sentence (ABC's "This Week")."""
    words = f.text.split()
    if all(w[0].isupper() for w in words) and not _SENTENCE_START_BEFORE.search(f.before(30)):
        return None
    unit = unit_in(f)
    shift = SHIFTS[f.low("shift") or "this"]
    anchor = "dct"
    p = Parse("offset", unit=unit, amount=shift, anchor=anchor)
    return p


def anaphoric_unit(f: Fields) -> Parse:
    """"the next day", "the following week", "the previous year", "that month", "the same day"."""
    unit = unit_in(f)
    p = Parse("offset", unit=unit, amount=ANAPHORIC_SHIFTS.get(f.low("rel") or "that", 0), anchor="ref")
    if f["pod"]:
        p.pod, p.type = vocab.PARTS_OF_DAY[f["pod"].lower()], "TIME"
    return p


_NAME_BEFORE = re.compile(r"(?-i:[A-Z][\w.&'-]*)[ \t]+$")


def deictic_day(f: Fields) -> Parse | None:
    """today, yesterday, tomorrow, tonight, last night, this morning, yesterday afternoon …
    "Today" capitalised after a name is part of it: "USA Today", "VOA Today"."""
    word = f.low("dword") or "today"
    if f.text == "Today" and _NAME_BEFORE.search(f.before(30)):
        return None
    amount = {"yesterday": -1, "tomorrow": 1, "the day before yesterday": -2,
              "the day after tomorrow": 2}.get(word, 0)
    p = fill(Parse("offset", unit="D", amount=amount, anchor="dct"), f)
    if word == "tonight":
        p.pod, p.type = "NI", "TIME"
    return p


def quarter(f: Fields) -> Parse:
    """"the third quarter (of 1990)", "third-quarter", "last year's fourth quarter", "Q3 2025"."""
    q = f.low("qord") or f.low("qnum") or ""
    p = Parse("calendar", quarter=vocab.QUARTER_ORDINALS.get(q) or int(q))
    if f["year"]:
        p.year = year_of(f["year"])
    if f["yrel"]:
        p.yshift = SHIFTS.get(f.low("yrel") or "", 0)
    return p


def half(f: Fields) -> Parse:
    p = Parse("calendar", half=vocab.HALF_ORDINALS[f.low("hord") or "first"])
    if f["year"]:
        p.year = year_of(f["year"])
    if f["yrel"]:
        p.yshift = SHIFTS.get(f.low("yrel") or "", 0)
    return p


def decade(f: Fields) -> Parse:
    """"the 1990s", "the '80s", "the nineties": a decade value such as "199"."""
    w = (f.low("decade") or "").replace("’", "'")
    if w in vocab.DECADE_WORDS:
        return Parse("calendar", decade=190 + vocab.DECADE_WORDS[w], gran="decade")
    digits = w.strip("'s")
    if len(digits) == 4:
        return Parse("calendar", decade=int(digits[:3]))
    return Parse("calendar", decade=190 + int(digits[0]), gran="decade")


def century(f: Fields) -> Parse:
    """"the 20th century" is "19"; "this century" and "the last century" are relative. "The 5th
    century BC" is BC04: TIMEX2's (and HeidelTime's) BC prefix on the same two digits."""
    if f["shift"]:
        return Parse("offset", unit="CE", amount=SHIFTS[f.low("shift") or "this"], anchor="dct")
    w = f.low("century_ord") or "1st"
    n = vocab.ORDINALS.get(w) or day_of(w)
    if (f["era"] or "").startswith("B"):
        return Parse("literal", value=f"BC{n - 1:02d}")
    return Parse("calendar", century=n - 1)


def year_bc(f: Fields) -> Parse | None:
    """"500 BC", "44 B.C.", "3,000 BCE": BC0500, BC0044, BC3000 (the BC prefix of TIMEX2 and
    HeidelTime, years counted without a year zero). Not "2010 BC Hydro" (British Columbia)."""
    n = int((f["bcyear"] or "0").replace(",", ""))
    era = f["era"] or ""
    if not 1 <= n <= 9999 or (era == "BC" and re.match(r"\s+(?-i:[A-Z])", f.after(3))):
        return None
    return Parse("literal", value=f"BC{n:04d}")


def dated(build: Callable[[Fields], Parse | None]) -> Callable[[Fields], Parse | None]:
    """A full date whose year may be any of 1000..9999 ("31 December 9999"); a year past 2199 that
    reads as a count ("on May 5, 3000 people marched") leaves the date without it."""
    def check(f: Fields) -> Parse | None:
        y = f["year"]
        if y and y[0].isdigit() and int(y) >= 2200:
            after = f.after(30)
            if _NOT_A_YEAR_AFTER.match(after) or _PLURAL_NOUN_AFTER.match(after):
                return None
        return build(f)

    return check


def season(f: Fields) -> Parse:
    return fill(Parse("named"), f)


def holiday(f: Fields) -> Parse:
    p = fill(Parse("named"), f)
    p.holiday = f.low("holiday")
    return p


def fiscal_year(f: Fields) -> Parse:
    return Parse("calendar", year=year_of(f["year"] or f["year2"] or "0"))


def set_every(f: Fields) -> Parse:
    """"every Monday", "each year", "every two weeks", "every morning", "every January"."""
    if f["weekday"] or f["weekdays"]:
        wd = vocab.WEEKDAYS[(f.low("weekday") or (f.low("weekdays") or "")[:-1]).rstrip(".")]
        return Parse("literal", type="SET", value=f"XXXX-WXX-{wd}")
    if f["pod"]:
        return Parse("literal", type="SET", value=f"XXXX-XX-XXT{vocab.PARTS_OF_DAY[f.low('pod') or '']}")
    if f["month"]:
        return Parse("literal", type="SET", value=f"XXXX-{month_of(f['month']):02d}")
    if f["season"]:
        return Parse("literal", type="SET", value=f"XXXX-{vocab.SEASONS[f.low('season') or '']}")
    unit = (f.low("span_unit") or f.low("unit1") or f.low("unit") or "day")
    if unit in ("weekend", "weekends"):
        return Parse("literal", type="SET", value="XXXX-WXX-WE")
    if unit in ("season", "seasons"):
        return Parse("literal", type="SET", value="P1SE")
    n = number_of(f["num"]) if f["num"] else 1.0
    if f["other"]:
        n = 2.0
    return Parse("literal", type="SET", value=_duration_value(n, unit_of(unit)))


def not_a_date(f: Fields) -> Parse:
    """A phrase that looks temporal but names no time (an age, "as soon as"): it is consumed so that
    no shorter rule fires inside it, and resolves to nothing."""
    return Parse("none")


_SEASON_CONTEXT_BEFORE = re.compile(
    r"\b(?:in|this|last|next|that|early|late|mid|since|by|until|till|during|through|throughout|each|every|"
    r"past|coming|of|before|after|following|previous)\s*-?\s*$",
    re.IGNORECASE,
)


def bare_season(f: Fields) -> Parse | None:
    """A season alone: "the spring", "in winter". "fall" and "spring" are also verbs and nouns, so
    without "the" they need a preposition or determiner before them ("in fall", "last spring"), and
    "the fall of ..." is the fall of something (a government, a city), not autumn."""
    word = (f.low("season") or "")
    the = f.text.lower().startswith("the")
    if word in vocab.AMBIGUOUS_SEASONS:
        if the and re.match(r"\s+of\b", f.after(5)):
            return None
        if not the and not _SEASON_CONTEXT_BEFORE.search(f.before(20)):
            return None
    return fill(Parse("named"), f)


def the_weekend(f: Fields) -> Parse:
    """"over the weekend", "the weekend": the nearest weekend, by the tense of the sentence."""
    return Parse("weekend")


def year_end(f: Fields) -> Parse:
    """"year-end", "year end", "year's end": the end of the current year; "since year-end" is the end of
    the year before."""
    since = re.search(r"\bsince\s+$", f.before(10), re.IGNORECASE)
    return Parse("offset", unit="Y", amount=-1 if since else 0, anchor="dct", mod="END")


def fiscal_year_ended(f: Fields) -> Parse:
    """"the year ended June 30", "the fiscal year ending Sept. 30": a year-long accounting period."""
    return Parse("duration", type="DURATION", amount=1, unit="Y")


def the_year(f: Fields) -> Parse:
    """"the year", "the full year", "the fiscal year", "the current year": the year the text is about:
    that of a date mentioned in this or the previous sentence, else that of the publication date
    ("the current year" always the latter)."""
    if len(f.text.split()) > 2:  # "the current year", "the full year": the publication's year
        return Parse("offset", unit="Y", amount=0, anchor="dct")
    return Parse("offset", unit="Y", amount=0, anchor="ref", gran="near")


def in_the_unit(f: Fields) -> Parse:
    """"earlier in the year", "later in the month": the period the text is about, with START/END."""
    word = (f.text.split()[0]).lower()
    return Parse("offset", unit=unit_in(f), amount=0, anchor="ref",
                 mod="START" if word.startswith("earl") else "END")


def frequency(f: Fields) -> Parse:
    """"twice a week", "three times a day": a set with its period (TimeML puts the count in `freq`)."""
    return Parse("literal", type="SET", value=_duration_value(1, unit_in(f)))


def unit_long(f: Fields) -> Parse:
    """"day-long" is P1D; "decades-long", "years-long" are of unknown length."""
    n = 1.0 if f["unit1"] else None
    return Parse("duration", type="DURATION", amount=n, unit=unit_in(f))


def annual_rate(f: Fields) -> Parse:
    """"annually" after an amount is a rate ("rise 8.5% annually", "10,000 units annually"), left
    untagged like "$5 a year"; otherwise a set ("the prize is awarded annually")."""
    if _AMOUNT_BEFORE.search(f.before(40)):
        return Parse("none")
    return Parse("literal", type="SET", value="P1Y")


def soon(f: Fields) -> Parse | None:
    """"soon" is the near future ("will soon begin"), but in a past-tense sentence it only means
    "shortly after" ("he was soon released")."""
    before = f.before(60)
    modal = re.search(r"\b(?:may|might|could|can|will|would|should|must|shall)\s+$", before, re.IGNORECASE)
    if not modal and tense_at(before + f.text + f.after(40), len(before)) == "past":
        return None
    return Parse("literal", value="FUTURE_REF")


def set_word(value: str) -> Callable[[Fields], Parse]:
    return lambda f: Parse("literal", type="SET", value=value)


def weekday_plural(f: Fields) -> Parse | None:
    """"on Mondays" is every Monday."""
    if not re.search(r"\b(?:on|most|all|some|many|weekday)\s+$", f.before(12), re.IGNORECASE):
        return None
    wd = vocab.WEEKDAYS[(f.low("weekdays") or "")[:-1]]
    return Parse("literal", type="SET", value=f"XXXX-WXX-{wd}")


def vague_duration(f: Fields) -> Parse:
    """"recent years", "the coming weeks", "the past few months": a duration of unknown length."""
    unit = unit_in(f)
    return Parse("duration", type="DURATION", amount=None, unit=unit)


def bare_units(f: Fields) -> Parse | None:
    """"for years", "within weeks", "decades of war": a vague duration."""
    return Parse("duration", type="DURATION", amount=None, unit=unit_in(f))


def range_duration(f: Fields) -> Parse | None:
    """"two to three weeks", "12 to 18 months": the lower bound, as TIMEX3 does without a range;
    "12 to 15 months of age" is an age."""
    if re.match(r"\s+(?:of\s+age|old)\b", f.after(10)):
        return Parse("none")
    n = number_of(f["num"])
    return Parse("duration", type="DURATION", amount=n, unit=unit_in(f))


def ordinal_day(f: Fields) -> Parse | None:
    """"on the 23rd": a day of the month last mentioned."""
    return Parse("calendar", day=day_of(f["ordday"] or "1"), anchor="ref")


def year_ago_period(f: Fields) -> Parse:
    """"the year-ago quarter", "the year-earlier period", "year-earlier profit": the fiscal period the
    text reports on, a year back (a comparison: it does not become the date later text refers to)."""
    return Parse("offset", unit="Y", amount=-1, anchor="ref", gran="period", moves_ref=False)


def year_period(f: Fields) -> Parse:
    """"the 1988 period", "the 1989 quarter": the fiscal period the text reports on, in that year."""
    return Parse("offset", unit="Y", amount=0, anchor="ref", gran="period", year=year_of(f["year"] or "0"),
                 moves_ref=False)


def latest_quarter(f: Fields) -> Parse:
    """"the latest quarter", "the most recent period": the period the text reports on if it has
    ended, else the latest complete quarter."""
    return Parse("offset", unit="Y", amount=0, anchor="ref", gran="latest")


def the_quarter(f: Fields) -> Parse:
    """"the quarter", "the period", "the latest quarter": the fiscal period the text reports on (the
    quarter it last mentioned, else the latest complete quarter). "The period" alone is a date only
    in a text that reports on a fiscal period ("during the period of unrest" is not)."""
    gran = "period" if "quarter" in f.text.lower() else "period_word"
    return Parse("offset", unit="Y", amount=0, anchor="ref", gran=gran)




def day_range(f: Fields) -> Parse | None:
    """Two days of one month written once: "April 24-25", "April 24 and 25, 1999", "24 to 26 May".
    Not when a noun follows the second number ("on April 24 and 25 people died")."""
    day1, day2 = day_of(f["day"] or "1"), day_of(f["day2"] or "1")
    if day2 <= day1:
        return None
    after = f.after(30)
    if _NOT_A_YEAR_AFTER.match(after) or _PLURAL_NOUN_AFTER.match(after):
        return None
    p = fill(Parse("calendar"), f)
    p.day2 = day2
    p.part2 = (f.span("day")[1], f.span("day2")[0])  # "[April 24]-[25, 1999]", "[24] to [26 May]"
    return p


def mid_pod(f: Fields) -> Parse:
    """"mid-afternoon", "by mid morning", "mid-afternoon yesterday": that part of the day last
    mentioned (or of the day named after it)."""
    pod = vocab.PARTS_OF_DAY[(f.low("pod") or "afternoon")]  # the pod_mid piece, named "pod"
    if f["dword"]:
        p = deictic_day(f) or Parse("offset", unit="D", amount=0, anchor="dct")
    else:
        p = Parse("offset", unit="D", amount=0, anchor="ref", gran="same_day")
    p.pod, p.type, p.mod = pod, "TIME", "MID"
    return p


def one_day(f: Fields) -> Parse | None:
    """"will one day be", "hopes to one day return": some time in the future; otherwise "one day"
    is a duration or a narrative's "One day, ..." (left to the rules below)."""
    if re.search(r"\b(?:will|would|could|may|might|can|should|must|to|shall)\s+$", f.before(12), re.IGNORECASE):
        return Parse("literal", value="FUTURE_REF")
    return None


def year_range(f: Fields) -> Parse | None:
    """Two years written once: "2010-2015", "the 2020-21 season", "fiscal 1990/91" (the second
    year may be written with two digits). Not before a unit ("2010-2015 people")."""
    y1 = year_of(f["year"] or "0")
    tail = f["yy"] or ""
    y2 = int(tail) if len(tail) == 4 else y1 // 100 * 100 + int(tail)
    if len(tail) == 2 and y2 <= y1:
        y2 += 100  # "1999-00"
    if not y1 < y2 <= y1 + 100 or _NOT_A_YEAR_AFTER.match(f.after(30)):
        return None
    return Parse("calendar", year=y1, value2=f"{y2:04d}", part2=(f.span("year")[1], f.span("yy")[0]))


def month_range(f: Fields) -> Parse | None:
    """Two months of one year written once: "Jan-Mar 2026", "January to March 2026"."""
    m1, m2, year = month_of(f["month"] or ""), month_of(f["month2"] or ""), year_of(f["year"] or "0")
    if m2 <= m1:
        return None
    return Parse("calendar", year=year, month=m1, value2=f"{year:04d}-{m2:02d}",
                 part2=(f.span("month")[1], f.span("month2")[0]))


def quarter_ended(f: Fields) -> Parse:
    """"the quarter ended Sept. 30": the period the text reports on when it has named one ("the
    fiscal first quarter"), else the calendar quarter that holds that last day."""
    return Parse("offset", unit="Y", amount=0, anchor="ref", gran="period",
                 quarter=(month_of(f["month"] or "") - 1) // 3 + 1)


def clock_anaphoric(f: Fields) -> Parse:
    """"at 5 p.m. the next day", "at noon that day": a time on a day counted from the last date."""
    amount = ANAPHORIC_SHIFTS.get(f.low("rel") or "that", 0)
    return fill(Parse("offset", unit="D", amount=amount, anchor="ref"), f)


def clock_date(f: Fields) -> Parse:
    """"8 p.m. on Tuesday 3 November 2026", "11pm on Monday, Feb. 2": the time on that date."""
    p = fill(Parse("calendar"), f)
    if f["day2"]:
        p.day, p.month = day_of(f["day2"] or "1"), month_of(f["month2"] or "")
    return p


def month_range_quarter(f: Fields) -> Parse | None:
    """"the October-December period", "the January-March quarter": a calendar quarter."""
    m1, m2 = month_of(f["month"] or ""), month_of(f["month2"] or "")
    if m1 % 3 != 1 or m2 != m1 + 2:
        return None
    return Parse("calendar", quarter=(m1 + 2) // 3)


def compound_duration(f: Fields) -> Parse:
    """"2 hours 2 minutes 27 seconds", "3 hours, 15 minutes": one duration."""
    nums = [int(x) for x in re.findall(r"\d+", f.text)]
    h, m, sec = nums[0], nums[1], (nums[2] if len(nums) > 2 else 0)
    return Parse("literal", type="DURATION", value=f"PT{h}H{m}M" + (f"{sec}S" if sec else ""))


def in_units(f: Fields) -> Parse | None:
    """"the past five years": a duration counted back from now (TIMEX3 DURATION); in "expected to
    last six weeks" the verb "last" is no part of it."""
    if not f.text.lower().startswith("the ") and re.search(
            r"\b(?:to|will|would|could|may|might|can|should|must|did|does|didn['’]t|won['’]t)\s+$",
            f.before(12), re.IGNORECASE):
        return None
    return duration(f)




# ---------------------------------------------------------------------------------------------
# The table. Order matters: at each position the first rule that matches wins.

_PAREN_DATE = r"\(~{month}\.?~{day}(?:~,?~{year:year_any})?~\)"

RULES: list[Rule] = [
    # --- a weekday written with its date: "Friday (Jan 30)", "Friday, Jan. 30, 2026" ---------------
    Rule("weekday_paren_date", r"{weekday}~,?~" + _PAREN_DATE, calendar),
    Rule("weekday_month_day_year", r"{weekday}~,?~{month}~{day}~,?~{year:year_any}", dated(calendar)),
    Rule("weekday_day_month_year", r"{weekday}~,?~(?:the )?{day} (?:of )?{month}~,?~{year:year_any}", dated(calendar)),
    Rule("weekday_month_day", r"{weekday}~,?~{month}~{day}(?!~,?~\d)", calendar),
    Rule("weekday_day_month", r"{weekday}~,?~(?:the )?{day} (?:of )?{month}", calendar),
    # --- clock times with their day: "9 a.m. Tuesday", "Friday at 3 p.m." -------------------------
    Rule("clock_weekday_date", r"{clock}(?:~,?~{tz})?,?(?: on)? {weekday}~,?~(?:{month}~{day}|(?:the )?{day2:day} "
         r"(?:of )?{month2:month})(?:~,?~{year})?", lambda f: clock_date(f)),
    Rule("clock_weekday", r"{clock}(?:~,?~{tz})?,?(?: on)? {weekday}", weekday),
    Rule("clock_month_day", r"{clock}(?:~,?~{tz})?,?(?: on)? {month}~{day}(?:~,?~{year})?", calendar),
    Rule("weekday_clock", r"{weekday}(?: {pod})?~,? at {clock}(?:~,?~{tz})?", weekday),
    Rule("deictic_clock", r"{dword:dayword}(?: {pod})?~,? at {clock}(?:~,?~{tz})?", deictic_day),
    Rule("clock_deictic", r"{clock}(?:~,?~{tz})? {dword:dayword}(?![\w-])", deictic_day),
    Rule("clock_anaphoric_day", r"{clock}(?:~,?~{tz})? (?:the {rel:anarel}|that|the same) day",
         lambda f: clock_anaphoric(f)),
    # --- full calendar dates ---------------------------------------------------------------------
    Rule("month_day_range", r"{month}~{day}~(?:-|–|and|to|through)~{day2:day}(?:~,?~{year})?", day_range),
    Rule("day_month_range", r"(?:the )?{day}~(?:-|–|and|to|through)~(?:the )?{day2:day} (?:of )?{month}"
         r"(?:~,?~{year})?", day_range),
    Rule("month_range_quarter", r"the {month}~(?:-|–|to|through)~{month2:month} (?:period|quarter)(?!s)",
         lambda f: month_range_quarter(f)),
    Rule("month_range_year", r"{month}~(?:-|–|to|through)~{month2:month}~,?~{year}", month_range),
    Rule("month_day_year", r"{month}~{day}~,?~(?:{year:year_any}|{year2})", dated(calendar)),
    Rule("day_month_year", r"(?:the )?{day} (?:of )?{month}~,?~{year:year_any}", dated(calendar)),
    Rule("iso_date", r"{year:year_any}-{month:mm}-{day:dd}(?!\d)", lambda f: Parse(
        "calendar", year=year_of(f["year"] or ""), month=int(f["month"] or 0), day=int(f["day"] or 0))),
    Rule("day_first_numeric_date", r"(?:1[3-9]|2\d|3[01])/{month:mm}/{year:year_any}", lambda f: Parse(
        "calendar", year=year_of(f["year"] or ""), month=int(f["month"] or 0), day=int(f.text.split("/")[0]))),
    Rule("us_numeric_date", r"{month:mm}/{day:dd}/{year:year_any}", lambda f: Parse(
        "calendar", year=year_of(f["year"] or ""), month=int(f["month"] or 0), day=int(f["day"] or 0))),
    Rule("month_day_pod", r"{month}~{day} {pod}", calendar),
    # --- months with a year, or relative to one ---------------------------------------------------
    Rule("month_of_year", r"{month}~(?:of )?,?~{year}", calendar),
    Rule("month_two_digit_year", r"{month}~{year2}", lambda f: Parse(
        "calendar", month=month_of(f["month"] or ""), year=year_of(f["year2"] or ""))),
    Rule("month_of_that_year", r"{month}~(?:of )?that year", lambda f: Parse(
        "named", month=month_of(f["month"] or ""), anchor="ref")),
    Rule("month_of_relative_year", r"{month}~(?:of )?{shift} year", lambda f: Parse(
        "calendar", month=month_of(f["month"] or ""), yshift=SHIFTS[f.low("shift") or "this"])),
    Rule("shift_month", r"(?:this )?{shift} {month}(?!\.?~\d)", named),
    # --- month and day, the year inferred ---------------------------------------------------------
    Rule("month_day_relative_year", r"{month}~{day}~,?~(?:of )?{shift} year", lambda f: Parse(
        "calendar", month=month_of(f["month"] or ""), day=day_of(f["day"] or "1"),
        yshift=SHIFTS[f.low("shift") or "this"])),
    Rule("week_of", r"the week of {month}~{day}(?:~,?~{year})?", lambda f: week_of(f)),
    Rule("month_day", r"{month}~{day}(?!~,?~\d)", calendar),
    Rule("day_month", r"(?:the )?{day} (?:of )?{month}", calendar),
    # --- weekdays --------------------------------------------------------------------------------
    Rule("weekday_pod", r"{weekday_x:weekday_full} {pod}", lambda f: weekday_pod(f)),
    Rule("shift_weekday_date", r"(?:this )?{shift} {weekday}~,?~{month}~{day}", calendar),
    Rule("shift_weekday", r"(?:this )?{shift} {weekday_x:weekday_full}(?: {pod})?", lambda f: weekday_pod(f)),
    Rule("anaphoric_weekday", r"the {rel:anaweek} {weekday_x:weekday_full}", lambda f: anaphoric_weekday(f)),
    Rule("weekday_of_week", r"{weekday_x:weekday_full} (?:of )?{shift} week", lambda f: weekday_of_week(f)),
    # --- holidays --------------------------------------------------------------------------------
    Rule("holiday_pod", r"{holiday} {pod:pod_lower}", holiday),  # "Christmas night", not "Christmas Night Market"
    Rule("holiday_year", r"{holiday}~,?~{year}", holiday),
    Rule("shift_holiday", r"{shift} {holiday}", holiday),
    # --- seasons ---------------------------------------------------------------------------------
    Rule("season_of_year", r"(?:the )?{season}(?: of)?~,?~(?:{year}|{year2})", season),
    Rule("shift_season", r"(?:this )?{shift} {season}", season),
    Rule("that_season", r"that {season}", lambda f: Parse("named", anchor="ref",
                                                           season=vocab.SEASONS[f.low("season") or ""])),
    # --- quarters and halves ---------------------------------------------------------------------
    Rule("relative_year_quarter",
         r"{yrel:shift} year['’]s (?:fiscal )?{qord}(?: fiscal)?[- ]quarter", quarter),
    Rule("corresponding_period", r"the (?:corresponding|comparable|same) (?:quarter|period) (?:of |in )?"
         r"(?:last|the previous|the prior|a) year(?: earlier| ago| before)?", year_ago_period),
    Rule("year_ago_quarter",
         r"(?:the )?(?:comparable |same )?(?:year[- ]ago|year[- ]earlier|prior[- ]year|"
         r"previous[- ]year|last[- ]year['’]s)(?: fiscal)?(?: {qord})?[- ](?:quarter|period)",
         year_ago_period),
    Rule("year_ago_adjective", r"year[- ](?:ago|earlier)(?=\s+[a-z])", year_ago_period),
    Rule("quarter_of_year",
         r"(?:the )?(?:fiscal )?{qord}(?: fiscal)?[- ]quarter(?: of)?~,?~(?:fiscal )?{year}", quarter),
    Rule("quarter_of_relative_year",
         r"(?:the )?(?:fiscal )?{qord}(?: fiscal)?[- ]quarter of (?:the |this )?{yrel:shift} (?:fiscal )?year",
         quarter),
    Rule("year_quarter", r"(?:the )?{year}['’]?s? (?:fiscal )?{qord}(?: fiscal)?[- ]quarter", quarter),
    Rule("half_code", r"(?-i:H)[12]~{year}|{yearb:year}~(?-i:H)[12]", lambda f: Parse(
        "calendar", half=int(f.text.strip()[1] if f.text.strip()[0] in "Hh" else f.text.strip()[-1]),
        year=year_of(f["year"] or f["yearb"] or ""))),
    Rule("quarter_code", r"Q{qnum:qdigit}(?:~{year})?|{yearb:year}~Q{qnum2:qdigit}|{qnum3:qdigit}Q(?:~{year2})?",
         lambda f: quarter_code(f)),
    # "the third quarter" is a noun phrase; in "the third-quarter loss" the adjective alone is the date.
    Rule("quarter", r"(?:the )?(?:fiscal )?{qord}(?: fiscal)? quarter(?!s)", quarter),
    Rule("quarter_adjective", r"(?:fiscal )?{qord}(?: fiscal)?-quarter", quarter),
    Rule("latest_quarter", r"the (?:latest|most recent|recent|just[- ]ended|latest fiscal) (?:quarter|period)",
         latest_quarter),
    Rule("year_period", r"the {year} (?:fiscal )?(?:quarter|period)(?!s)", year_period),
    Rule("the_quarter_a_year_ago", r"the (?:same )?(?:quarter|period) a year (?:ago|earlier)", year_ago_period),
    Rule("quarter_ended", r"the (?:fiscal )?quarter(?= (?:ended|ending) {month}~{day})", quarter_ended),
    Rule("the_quarter", r"the (?:same )?(?:quarter|period)(?!s)", the_quarter),
    Rule("half_of_year", r"(?:the )?{hord}[- ]half(?: of)?~,?~(?:fiscal )?{year}", half),
    Rule("half_of_relative_year", r"(?:the )?{hord}[- ]half of (?:the |this )?{yrel:shift} year", half),
    # "the first half" of a year; "the last half of the '80s" is the end of the decade (a modifier).
    Rule("half", r"(?:the )?{hord}[- ]half(?: of the year)?(?!\w| of\b)", half),
    # --- years -----------------------------------------------------------------------------------
    Rule("fiscal_year", r"(?:fiscal(?: year)?|FY)~(?:{year}|{year2})", fiscal_year),
    Rule("fiscal_year_short", r"(?-i:FY)\d\d(?!\d)", lambda f: Parse("calendar", year=2000 + int(f.text[2:]))),
    Rule("year_fiscal", r"(?:the )?{year} fiscal year", fiscal_year),
    Rule("the_year_n", r"the year {year}", fiscal_year),
    # "in his 30s", "in her early forties": an age, not a decade.
    Rule("age_decade", r"(?:(?<=\bhis[ ])|(?<=\bher[ ])|(?<=\btheir[ ])|(?<=\bmy[ ])|(?<=\byour[ ])"
         r"|(?<=\bour[ ]))(?:(?:early|mid|late)[- ])?{decade}", not_a_date),
    Rule("decade", r"(?:the )?{decade}", decade),
    Rule("century", r"(?:the )?{century_ord}[- ]century(?: {era})?", century),
    Rule("shift_century", r"(?:the )?{shift} century", century),
    Rule("two_digit_year", r"(?<=\bin[ ])['’]\d\d|(?<=\bof[ ])['’]\d\d", lambda f: Parse(
        "calendar", year=year_of(f.text))),
    Rule("year_bc", r"{bcyear} {era:era_bc}", year_bc),
    Rule("year_range", r"{year}(?:-|–|/){yy}", year_range),
    # "9/11": the attacks of Sept. 11, 2001, as news refers to them.
    Rule("nine_eleven", r"9/11", literal("2001-09-11")),
    Rule("year", r"{year}(?!~(?:-|–|to|through)~\d\d\b)", bare_year),
    # --- relative to today -----------------------------------------------------------------------
    Rule("mid_pod", r"mid[- ]?{pod:pod_mid}(?: {dword:dayword})?", mid_pod),
    Rule("deictic_pod", r"{dword:dayword} {pod}", deictic_day),
    Rule("this_pod", r"(?:this|that) {pod}", lambda f: anaphoric_pod(f)),
    Rule("last_night", r"last night", offset("D", -1, "dct", pod="NI")),
    Rule("deictic", r"{dword:dayword}", deictic_day),
    Rule("ago", r"(?:{num}|{vague}) {unit}(?: and a half)?(?: or so)? ago", ago),
    Rule("ago_vague", r"{unit_plural} ago", ago),
    Rule("later", r"{num} {unit}(?: and a half)?(?: or so)? {dir:direction}", later),
    Rule("later_vague", r"(?:{vague} )?{unit_plural} {dir:direction}", later),
    Rule("from_now", r"{num} {unit} from (?:now|today)", lambda f: Parse(
        "offset", unit=unit_in(f), amount=number_of(f["num"]) or 0, anchor="dct", gran="ago")),
    Rule("earlier_that", r"(?:earlier|later) (?:that|the same) {unit1}", lambda f: anaphoric_unit(f)),
    Rule("anaphoric_pod", r"the (?:next|following|previous) {pod}", lambda f: anaphoric_next_pod(f)),
    Rule("anaphoric_unit", r"(?:the {rel:anarel}|that(?: same)?|the same|that very) {unit1}(?: {pod})?",
         anaphoric_unit),
    Rule("unit_after_next", r"the {unit1} (?:after next|before last)(?!\w)(?! {weekday}| {month}| (?:week|month|"
         r"year|night|quarter|season)\b)", lambda f: Parse(
        "offset", unit=unit_in(f), amount=2 if f.text.lower().endswith("next") else -2, anchor="dct")),
    Rule("this_time_last", r"this time (?:last|next) {unit1}", lambda f: Parse(
        "offset", unit=unit_in(f), amount=-1 if " last " in f.text.lower() else 1, anchor="dct")),
    # "the day before," / "the year after.": relative to the last date; "the day before the vote" or
    # "the day before police arrived" is relative to an event instead.
    Rule("unit_before", r"the {unit1} (?:before|after)(?=\s*[.,;:!?)]|$)", lambda f: anaphoric_before(f)),
    Rule("in_the_unit", r"(?:earlier|later|early|late) in the {unit1:year_unit}", in_the_unit),
    Rule("the_weekend", r"the weekend(?!s)", the_weekend),
    Rule("year_end", r"(?:the )?year[- ]end(?![\w-])|year['’]s end", year_end),
    Rule("fiscal_year_ended", r"the (?:fiscal |full |financial )?year(?= end(?:ed|ing)\b)", fiscal_year_ended),
    Rule("the_year", r"the (?:(?:full|fiscal|current|calendar|financial) ){0,2}year(?![\w-]|['’]s end"
         r"| (?:before|after|earlier|later|ago|of|in)\b| \d)", the_year),  # "the year 800" names another
    # "the week", "the month", "the day": the period the text is about (a date of this or the
    # previous sentence, else the publication date's); "the morning": of the day last mentioned.
    Rule("the_unit", r"the (?:week|month|day|decade|century)"
         r"(?![\w-]|['’]s end| (?:before|after|earlier|later|ago|of|in|that|when)\b)",
         lambda f: Parse("offset", unit=unit_of(f.text.split()[-1]), amount=0, anchor="ref", gran="near")),
    Rule("the_pod", r"the {pod}(?![\w-]| (?:of|after|before)\b)", lambda f: anaphoric_pod(f)),
    # --- durations -------------------------------------------------------------------------------
    # "a quarter of the market", "three quarters of its shares": a fraction, not three months.
    Rule("quarter_century", r"(?:a|one) quarter(?:[- ]of[- ]a)?[- ]century", literal("P25Y", "DURATION")),
    Rule("fraction_quarter", r"(?:a|one|three) quarters? of(?! an? (?:century|hour|mile))", not_a_date),
    Rule("one_day", r"one day(?= [a-z])", one_day),
    Rule("compound_duration", r"\d{1,6} (?:hours?|hrs?),? \d{1,6} (?:minutes?|mins?)"
         r"(?:,? (?:and )?\d{1,6} (?:seconds?|secs?))?",
         lambda f: compound_duration(f)),
    Rule("range_duration", r"{num}~(?:to|-|–|or)~{num2:num} {unit}", range_duration),
    Rule("past_n_units", r"(?:the )?(?:{last}|{next}|first|final|latest|initial) {num} {unit}", in_units),
    Rule("past_few_units", r"(?:the )?(?:{last}|{next}|first|final|latest|recent|initial) "
         r"(?:{vague} )?{unit_plural}", vague_duration),
    Rule("relative_unit", r"(?:the |this (?=past|coming))?{shift} (?:{unit1}|{span_unit})", relative_unit),
    Rule("recent_units", r"(?:recent|(?:the )?coming) {unit_plural}", vague_duration),
    Rule("rate", r"(?:a|an|per) {unit1}(?!\w)", rate),
    # An age ("a 6-year-old", "52 years old") is not a time expression (TimeML does not tag ages).
    Rule("age", r"{num}[- ]{unit}[- ]old(?!\w)", not_a_date),
    # "a second time", "A second group": the ordinal, not the unit of time.
    Rule("ordinal_second", r"(?:an?|one) second(?= [a-z]+)(?! (?:later|earlier|ago|before|after|or|and|in|of|to|for|"
         r"longer|more|less|apart|delay|late|too)\b)", not_a_date),
    Rule("unit_period", r"(?:an? )?{num}[- ]{unit1} (?:period|span|stretch|term)(?!\w)", duration),
    Rule("unit_adjective", r"{num}[- ]{unit1}(?=[\s,.;:)]|$)(?!\s+and\s+a\s+half)", duration),
    # "a day-long meeting", "a decades-long battle"
    Rule("unit_long", r"(?:{unit1}|{unit_plural})-long(?!\w)", unit_long),
    Rule("unit_long_word", r"(?:hour|day|week|month|year)long(?!\w)", lambda f: Parse(
        "duration", type="DURATION", amount=1, unit=unit_of(f.text.lower()[:-4]))),
    Rule("units", r"(?:the )?{num} (?:(?:more|additional|extra|further|trading|business|working|calendar"
         r"|school|straight|consecutive) )?{unit}(?: and (?:a half|\d+ minutes))?(?!-\w)", duration),
    # "over the years", "in the years that followed", "in the early years": a vague duration.
    Rule("the_years", r"(?:(?<=\bover[ ])|(?<=\bin[ ])|(?<=\bduring[ ])|(?<=\bthrough[ ]))the "
         r"(?:(?:early|later|following|intervening|ensuing) )?years(?![\w-])",
         lambda f: Parse("duration", type="DURATION", amount=None, unit="Y")),
    Rule("vague_units", r"{vague} {unit_plural}", vague_duration),
    Rule("bare_units", r"(?:(?<=\bfor[ ])|(?<=\bwithin[ ]))(?:{unit_plural})", bare_units),
    # --- sets ------------------------------------------------------------------------------------
    Rule("frequency", r"(?:once|twice|thrice|{num} times) (?:a|an|per|each|every) {unit1}", frequency),
    Rule("frequency_adverb", r"(?:once|twice|thrice|{num} times) (?:daily|weekly|monthly|yearly|annually|hourly)",
         lambda f: Parse("literal", type="SET", value={"d": "P1D", "w": "P1W", "m": "P1M", "y": "P1Y", "a": "P1Y",
                                                        "h": "PT1H"}[f.text.split()[-1][0].lower()])),
    Rule("nth_weekday_every", r"(?:the )?{ordday:nth} {weekday_x:weekday_full} of (?:every|each|the) month",
         lambda f: Parse("literal", type="SET", value=f"XXXX-XX-WXX-{vocab.WEEKDAYS[f.low('weekday_x') or '']}")),
    Rule("every", r"(?:every|each)(?: (?:{other:other}|{num}))? (?:{weekday}|{weekdays}|{pod}|{month}|{season}|"
         r"{span_unit}|{unit1}|{unit})", set_every),
    Rule("weekdays", r"{weekdays}", weekday_plural),
    Rule("daily", r"daily|every day", lambda f: None if f.text == "Daily" and re.match(r"\s+[A-Z]", f.after(3))
         else Parse("literal", type="SET", value="P1D")),  # not the "Daily Mail"
    Rule("weekly", r"weekly", set_word("P1W")),
    Rule("monthly", r"monthly", set_word("P1M")),
    Rule("annually", r"every year|each year", set_word("P1Y")),
    Rule("annual_rate", r"annually|yearly", annual_rate),
    Rule("nightly", r"nightly", set_word("P1D")),
    Rule("hourly", r"hourly", set_word("PT1H")),
    # --- clock times alone -----------------------------------------------------------------------
    Rule("clock", r"{clock}(?:~,?~{tz})?", clock),
    # --- months, weekdays and seasons alone ------------------------------------------------------
    Rule("month", r"{month_safe}|{month_amb}", bare_month),
    Rule("weekday", r"{weekday:weekday_full}", bare_weekday),
    Rule("holiday", r"{holiday}", holiday),
    Rule("season", r"(?:the )?{season}", bare_season),
    Rule("ordinal_day", r"(?<=\bon[ ])the {ordday}(?! (?:of|century|floor|place|anniversary|time|day))",
         ordinal_day),
    # --- vague references ------------------------------------------------------------------------
    Rule("then_current", r"then[- ]current", literal("PAST_REF")),
    Rule("present_ref", r"now|currently|at present|presently|nowadays|these days|"
         r"at the moment|the present|current(?![- ]?(?:account|affairs|events))", literal("PRESENT_REF")),
    Rule("past_ref", r"(?:more |most |only |very )?recently|lately|the past|in the old days",
         literal("PAST_REF")),
    # "as soon as" and "soon after" relate two events; "as soon as possible" is the near future.
    Rule("asap", r"as soon as possible", literal("FUTURE_REF")),
    Rule("soon_after", r"(?:as soon as|(?:very |quite )?(?:soon|shortly) (?:after|before|afterwards?|thereafter))",
         not_a_date),
    Rule("soon", r"soon", soon),
    Rule("future_ref", r"the (?:near |distant |immediate |not-too-distant )?future|someday|one day soon"
         r"|the (?:near|short)[- ]term|an? (?:later|future) date",
         literal("FUTURE_REF")),
    Rule("in_future", r"(?<=\bin[ ])future", literal("FUTURE_REF")),
]


# Normalisers that refer to rules above (kept after the table for readability).

def weekday_pod(f: Fields) -> Parse | None:
    """"Friday night", "last Tuesday morning"; "Tuesday nights" is every Tuesday night (a set);
    "Saturday Night Live" is a name."""
    pod = f.low("pod") or ""
    if (f["pod"] or "")[:1].isupper() and re.match(r"\s+[A-Z]", f.after(3)):
        return None
    if pod.endswith("s") and not f["shift"]:
        wd = vocab.WEEKDAYS[f.low("weekday_x") or ""]
        return Parse("literal", type="SET", value=f"XXXX-WXX-{wd}T{vocab.PARTS_OF_DAY[pod]}")
    p = fill(Parse("weekday"), f)
    p.weekday = vocab.WEEKDAYS[f.low("weekday_x") or ""]
    if f["pod"]:
        p.pod, p.type = vocab.PARTS_OF_DAY[f.low("pod") or ""], "TIME"
    return p


def anaphoric_weekday(f: Fields) -> Parse:
    p = Parse("weekday", weekday=vocab.WEEKDAYS[f.low("weekday_x") or ""], anchor="ref")
    p.shift = 1 if (f.low("rel") or "") in ("next", "coming", "following", "upcoming") else -1
    return p


def weekday_of_week(f: Fields) -> Parse:
    p = Parse("weekday", weekday=vocab.WEEKDAYS[f.low("weekday_x") or ""])
    p.shift = SHIFTS[f.low("shift") or "this"]
    p.gran = "week"
    return p


def anaphoric_pod(f: Fields) -> Parse:
    """"this morning" is today's; "that night" is the night of the day last mentioned."""
    p = Parse("offset", unit="D", amount=0, anchor="dct" if f.text.lower().startswith("this") else "ref")
    p.pod, p.type = vocab.PARTS_OF_DAY[f.low("pod") or ""], "TIME"
    return p


def anaphoric_next_pod(f: Fields) -> Parse:
    amount = -1 if "previous" in f.text.lower() else 1
    p = Parse("offset", unit="D", amount=amount, anchor="ref")
    p.pod, p.type = vocab.PARTS_OF_DAY[f.low("pod") or ""], "TIME"
    return p


def anaphoric_before(f: Fields) -> Parse:
    unit = unit_in(f)
    return Parse("offset", unit=unit, amount=-1 if "before" in f.text.lower() else 1, anchor="ref")


def week_of(f: Fields) -> Parse:
    """"the week of March 6": the calendar week that contains the date."""
    p = fill(Parse("calendar"), f)
    p.gran = "week_of"
    return p


def quarter_code(f: Fields) -> Parse:
    q = int(f["qnum"] or f["qnum2"] or f["qnum3"] or 1)
    p = Parse("calendar", quarter=q)
    y = f["year"] or f["yearb"] or f["year2"]
    if y:
        p.year = year_of(y)
    return p


EXTRA_PIECES: dict[str, str] = {
    # Any four-digit year (1000..9999), in full dates only: there a number is a year.
    "year_any": PIECES["year"] + r"|[2-9]\d{3}(?!\d)",
    # An era after a year or a century; case-sensitive, so "bc" and "ad" are never one.
    "era": r"(?-i:BCE|B\.C\.E\.|BC|B\.C\.|AD|A\.D\.|CE|C\.E\.)(?![\w-])",
    "era_bc": r"(?-i:BCE|B\.C\.E\.|BC|B\.C\.)(?![\w-])",
    "bcyear": r"(?:\d{1,3},\d{3}|\d{1,4})(?![\d,])",
    "dayword": r"the day before yesterday|the day after tomorrow|yesterday|today|tomorrow|tonight",
    # "before"/"after" end the expression only when no noun phrase follows ("a day before the vote"
    # is relative to the vote, not to the last date).
    "direction": r"later|earlier|afterwards?|previously"
                 r"|(?:before|after|prior|on)(?!\s+\w)",
    "anarel": r"next|following|previous|preceding|prior|same",
    "qdigit": r"[1-4]",
    "span_unit": r"(?:weekends?|seasons?)(?!\w)",
    "anaweek": r"next|following|coming|previous|preceding|prior",
    "year_unit": r"(?:year|month|week|quarter)(?!\w)",
    "other": r"other",
    "nth": r"(?:first|second|third|fourth|last|1st|2nd|3rd|4th)",
    "yy": r"(?:1[0-9]\d\d|20\d\d|\d\d)(?!\d)",
    "pod_mid": r"(?:morning|afternoon|evening)(?!\w)",
    "pod_lower": r"(?-i:morning|afternoon|evening|night)(?!\w)",
}

GRAMMAR = Grammar(RULES, {**PIECES, **EXTRA_PIECES}, ANCHOR_WORDS, ANCHOR_TOKEN, ANCHOR_NUMBER)
