"""Years, decades and centuries: "in 1998", "fiscal 2025", "the 1990s", "the 20th century", "753 BC",
"2010-2015", and a four-digit number only where it reads as a year (not "2000 people")."""

from __future__ import annotations

import re

from timeline.temporal import vocab
from timeline.temporal.context import NOT_A_YEAR_AFTER, PLURAL_NOUN_AFTER
from timeline.temporal.grammar import Family, Fields
from timeline.temporal.parse import Parse
from timeline.temporal.pieces import CLOCK_RESTATED, word_before
from timeline.temporal.rules.common import (
    day_of,
    literal,
    not_a_date,
    shift_of,
    year_of,
)

family = Family("years")
rule = family.rule


@rule("fiscal_year", r"(?:fiscal(?: year)?|FY)~(?:{year}|{year2})")
def fiscal_year(f: Fields) -> Parse:
    """"fiscal 2025", "FY2025", "the 2025 fiscal year", "the year 2000": that year."""
    return Parse("calendar", year=year_of(f["year"] or f["year2"] or "0"))


@rule("fiscal_year_short", r"(?-i:FY)\d\d(?!\d)")
def fiscal_year_short(f: Fields) -> Parse:
    """"FY26"."""
    return Parse("calendar", year=2000 + int(f.text[2:]))


rule("year_fiscal", r"(?:the )?{year} fiscal year")(fiscal_year)
rule("the_year_n", r"the year {year}")(fiscal_year)
# "in his 30s", "in her early forties": an age, not a decade.
rule("age_decade", r"(?:(?<=\bhis[ ])|(?<=\bher[ ])|(?<=\btheir[ ])|(?<=\bmy[ ])|(?<=\byour[ ])"
     r"|(?<=\bour[ ]))(?:(?:early|mid|late)[- ])?{decade}")(not_a_date)


@rule("decade", r"(?:the )?{decade}")
def decade(f: Fields) -> Parse:
    """"the 1990s", "the '80s", "the nineties": a decade value such as "199"."""
    w = (f.low("decade") or "").replace("’", "'")
    if w in vocab.DECADE_WORDS:
        return Parse("calendar", decade=190 + vocab.DECADE_WORDS[w], latest_decade=True)
    digits = w.strip("'s")
    if len(digits) == 4:
        return Parse("calendar", decade=int(digits[:3]))
    return Parse("calendar", decade=190 + int(digits[0]), latest_decade=True)


@rule("century", r"(?:the )?{century_ord}[- ]century(?: {era})?")
def century(f: Fields) -> Parse:
    """"the 20th century" is "19"; "this century" and "the last century" are relative. "The 5th
    century BC" is BC04: TIMEX2's (and HeidelTime's) BC prefix on the same two digits."""
    if f["shift"]:
        return Parse("offset", unit="CE", amount=shift_of(f), anchor="dct")
    w = f.low("century_ord") or "1st"
    n = vocab.ORDINALS.get(w) or day_of(w)
    if (f["era"] or "").startswith("B"):
        return Parse("literal", value=f"BC{n - 1:02d}")
    return Parse("calendar", century=n - 1)


rule("shift_century", r"(?:the )?{shift} century")(century)


@rule("two_digit_year", r"(?<=\bin[ ])['’]\d\d|(?<=\bof[ ])['’]\d\d")
def two_digit_year(f: Fields) -> Parse:
    """"in '98", "the class of '98"."""
    return Parse("calendar", year=year_of(f.text))


@rule("year_bc", r"{bcyear} {era:era_bc}")
def year_bc(f: Fields) -> Parse | None:
    """"500 BC", "44 B.C.", "3,000 BCE": BC0500, BC0044, BC3000 (the BC prefix of TIMEX2 and
    HeidelTime, years counted without a year zero). Not "2010 BC Hydro" (British Columbia)."""
    n = int((f["bcyear"] or "0").replace(",", ""))
    era = f["era"] or ""
    if not 1 <= n <= 9999 or (era == "BC" and re.match(r"\s+(?-i:[A-Z])", f.after(3))):
        return None
    return Parse("literal", value=f"BC{n:04d}")


@rule("year_range", r"{year}(?:-|–|/){yy}")
def year_range(f: Fields) -> Parse | None:
    """Two years written once: "2010-2015", "the 2020-21 season", "fiscal 1990/91" (the second
    year may be written with two digits). Not before a unit ("2010-2015 people")."""
    y1 = year_of(f["year"] or "0")
    tail = f["yy"] or ""
    y2 = int(tail) if len(tail) == 4 else y1 // 100 * 100 + int(tail)
    if len(tail) == 2 and y2 <= y1:
        y2 += 100  # "1999-00"
    if not y1 < y2 <= y1 + 100 or NOT_A_YEAR_AFTER.match(f.after(30)):
        return None
    return Parse("calendar", year=y1, value2=f"{y2:04d}",
                 spans=((0, f.span("year")[1]), (f.span("yy")[0], len(f.text))))


# "9/11": the attacks of Sept. 11, 2001, as news refers to them.
rule("nine_eleven", r"9/11")(literal("2001-09-11"))

# "1600 Pennsylvania Avenue": a street number.
_STREET_AFTER = re.compile(r"(?:\s+[A-Z][\w.'-]*){1,3}\s+(?-i:" + "|".join(vocab.STREET_WORDS) + r")\b")
_DETERMINER_BEFORE = re.compile(r"(?:\b(?:" + "|".join(vocab.DETERMINERS) + r")|['’]s)\s+$", re.IGNORECASE)
_CODE_BEFORE = word_before(vocab.NOT_A_YEAR_BEFORE, gap=r"\.?\s+")
_YEAR_CONTEXT_BEFORE = word_before(vocab.YEAR_CONTEXT_BEFORE, gap=r"\s*")
_FAR_YEAR_CONTEXT_BEFORE = word_before(vocab.FAR_YEAR_CONTEXT_BEFORE)
_RESTATED_AFTER = re.compile(CLOCK_RESTATED)  # "by 1100 (1600 GMT)": a clock time (the rule "clock")
_HHMM = re.compile(r"(?:[01]\d|2[0-3])[0-5]\d")


@rule("year", r"{year}(?!~(?:-|–|to|through)~\d\d\b)")
def bare_year(f: Fields) -> Parse | None:
    """A four-digit year standing alone: "in 1998", "the 1998 elections" — but not "2000 people",
    "1998 votes", "room 1207", "Windows 2000"; years before 1800 need a preposition ("in 1648")."""
    y = year_of(f.text)
    before, after = f.before(30), f.after(30)
    if NOT_A_YEAR_AFTER.match(after) or _STREET_AFTER.match(f.after(40)) \
            or (_RESTATED_AFTER.match(after) and _HHMM.fullmatch(f.text)):
        return None
    if PLURAL_NOUN_AFTER.match(after) and not _DETERMINER_BEFORE.search(before):
        return None
    prep = _YEAR_CONTEXT_BEFORE.search(before)
    if _CODE_BEFORE.search(before) and not prep:
        return None
    if y < 1800 and not prep:  # "in 1648"
        return None
    if y >= 2100 and not _FAR_YEAR_CONTEXT_BEFORE.search(before):  # "by 2100", not "the 2100 block"
        return None
    return Parse("calendar", year=y)
