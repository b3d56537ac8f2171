"""Quarters, halves and the fiscal periods business news reports on: "the third quarter (of
1990)", "Q3 2025", "the first half", "the year-ago quarter", "the latest quarter"."""

from __future__ import annotations

from timeline.temporal import vocab
from timeline.temporal.grammar import Family, Fields
from timeline.temporal.parse import Parse
from timeline.temporal.pieces import word_before
from timeline.temporal.rules.common import month_of, year_of

family = Family("periods")
rule = family.rule


@rule("corresponding_period", r"the (?:corresponding|comparable|same) (?:quarter|period) (?:of |in )?"
      r"(?:last|the previous|the prior|a) year(?: earlier| ago| before)?")
def year_ago_period(f: Fields) -> Parse:
    """"the year-ago quarter", "the year-earlier period", "year-earlier profit": the fiscal period the
    text reports on, a year back (a comparison: it does not become the date later text refers to)."""
    return Parse("period", amount=-1, anchor="ref", moves_ref=False)


# "last year's fourth quarter" is a calendar quarter (composed: compose.py), "last year's quarter" the period.
rule("year_ago_quarter", r"(?:the )?(?:comparable |same )?(?:(?:year[- ]ago|year[- ]earlier|prior[- ]year|"
     r"previous[- ]year)(?: fiscal)?(?: {qord})?|last[- ]year['’]s(?: fiscal)?)[- ](?:quarter|period)")(year_ago_period)
rule("year_ago_adjective", r"year[- ](?:ago|earlier)(?=\s+[a-z])")(year_ago_period)


@rule("half_code", r"(?-i:H)[12]~{year:year_any}|{yearb:year}~(?-i:H)[12]")
def half_code(f: Fields) -> Parse:
    """"H1 2026", "2026 H2"."""
    text = f.text.strip()
    return Parse("calendar", half=int(text[1] if text[0] in "Hh" else text[-1]),
                 year=year_of(f["year"] or f["yearb"] or ""))


@rule("quarter_code", r"Q{qnum:qdigit}(?:~{year:year_any})?|{yearb:year}~Q{qnum2:qdigit}|{qnum3:qdigit}Q(?:~{year2})?")
def quarter_code(f: Fields) -> Parse:
    """"Q3 2025", "2025 Q3", "3Q '98"."""
    y = f["year"] or f["yearb"] or f["year2"]
    return Parse("calendar", quarter=int(f["qnum"] or f["qnum2"] or f["qnum3"] or 1), year=year_of(y) if y else None)


# "the third quarter" is a noun phrase; in "the third-quarter loss" the adjective alone is the date.
_WHEN_BEFORE = word_before(vocab.WHEN_BEFORE)


@rule("quarter", r"(?:the )?(?:fiscal[- ])?{qord}(?: fiscal)? quarter(?!s)")
def quarter(f: Fields) -> Parse:
    """"the third quarter", "third-quarter"; its year is written after it ("of 1990") or before it
    ("last year's"), composed (compose.py), or inferred; "in the fourth quarter" says when."""
    q = f.low("qord") or ""
    return Parse("calendar", quarter=vocab.QUARTER_ORDINALS[q], when=bool(_WHEN_BEFORE.search(f.before(12))))


rule("quarter_adjective", r"(?:fiscal[- ])?{qord}(?: fiscal)?-quarter")(quarter)


@rule("latest_year", r"the (?:latest|most recent) (?:(?:fiscal|financial|full) )?year(?![\w-])")
def latest_year(f: Fields) -> Parse:
    """"the latest fiscal year", "the most recent year": the last complete year."""
    return Parse("offset", unit="Y", amount=-1, anchor="dct")


@rule("latest_quarter", r"the (?:latest|most recent|recent|just[- ]ended|latest fiscal) (?:quarter|period)")
def latest_quarter(f: Fields) -> Parse:
    """"the latest quarter", "the most recent period": the period the text reports on if it has
    ended, else the latest complete quarter."""
    return Parse("latest")


@rule("year_period", r"the {year} (?:fiscal )?(?:quarter|period)(?!s)")
def year_period(f: Fields) -> Parse:
    """"the 1988 period", "the 1989 quarter": the fiscal period the text reports on, in that year."""
    return Parse("period", amount=0, anchor="ref", year=year_of(f["year"] or "0"), moves_ref=False)


rule("the_quarter_a_year_ago", r"the (?:same )?(?:quarter|period) a year (?:ago|earlier)")(year_ago_period)


@rule("quarter_ended", r"the (?:fiscal )?quarter(?= (?:ended|ending) {month}~{day})")
def quarter_ended(f: Fields) -> Parse:
    """"the quarter ended Sept. 30": the period the text reports on when it has named one ("the
    fiscal first quarter"), else the calendar quarter that holds that last day."""
    return Parse("period", amount=0, anchor="ref", quarter=(month_of(f["month"] or "") - 1) // 3 + 1)


@rule("the_quarter", r"the (?:same )?(?:quarter|period)(?!s|-to-)")  # not "the quarter-to-quarter comparison"
def the_quarter(f: Fields) -> Parse:
    """"the quarter", "the period": the fiscal period the text reports on (the quarter it last
    mentioned, else the latest complete quarter). "The period" alone is a date only in a text that
    reports on a fiscal period ("during the period of unrest" is not)."""
    return Parse("period", amount=0, anchor="ref", reports_only="quarter" not in f.text.lower())


def _year_part(f: Fields, **flags: bool) -> Parse:
    table = vocab.YEAR_PART_QUARTERS if "quarter" in f.text.lower() else vocab.YEAR_PART_MONTHS
    kind, count = table[f.low("n") or ("two" if table is vocab.YEAR_PART_QUARTERS else "three")]
    which = 1 if vocab.YEAR_PART_EDGES[f.low("edge") or "first"] > 0 else count
    return Parse("calendar", **{kind: which}, **flags)  # type: ignore[arg-type]


@rule("months_of_the_year", r"(?:the )?{edge:yedge} {n:ymonths} months of the year(?!\w)")
def months_of_the_year(f: Fields) -> Parse:
    """"the first six months of the year": its first half; "the final three months of the year":
    its fourth quarter (of the year the publication date gives)."""
    return _year_part(f, when=bool(_WHEN_BEFORE.search(f.before(12))))


@rule("months_of_year",
      r"(?:the )?{edge:yedge} {n:ymonths} months(?= of (?:(?:last|this|next|that) year|[12]\d\d\d)(?!\w))")
def months_of_year(f: Fields) -> Parse:
    """"the first six months" of a year written next ("of 2024", "of last year"): a half or a
    quarter of it (composed, compose.py); alone ("the last six months") it stays a duration."""
    return _year_part(f, weak=True)


@rule("quarters_of_year",
      r"(?:the )?{edge:yedge} {n:yquarters} quarters(?= of (?:(?:last|this|next|that) year|[12]\d\d\d)(?!\w))")
def quarters_of_year(f: Fields) -> Parse:
    """"the first two quarters" of a year written next ("of 1990"): its half (composed, as
    "the first six months of 2024"); alone ("the past two quarters") it stays a duration."""
    return _year_part(f, weak=True)


# "the first half" of a year; "the last half of the '80s" is the end of the decade (a modifier).
@rule("half", r"(?:the )?{hord}[- ]half(?: of the year)?(?!\w| of\b)")
def half(f: Fields) -> Parse:
    """"the first half", "the second half of the year"; its year is composed ("of 1996")."""
    return Parse("calendar", half=vocab.HALF_ORDINALS[f.low("hord") or "first"],
                 when=bool(_WHEN_BEFORE.search(f.before(12))))


@rule("half_of", r"(?:the )?{hord}[- ]half(?= of\b)")
def half_of(f: Fields) -> Parse:
    """"the first half" before "of": the half of the year written next ("of 1996", "of last year"),
    or else, left alone, a modifier of what follows ("the last half of the '80s")."""
    return Parse("calendar", half=vocab.HALF_ORDINALS[f.low("hord") or "first"], weak=True)
