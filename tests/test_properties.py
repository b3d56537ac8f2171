"""Properties of the temporal tagger and the article pipeline on random and date-like text.

For any text and any publication date a `datetime.date` can hold (date.min .. date.max),
`timeline.tag` must not raise; every timex lies inside the text (`text[start:end] == timex.text`),
in order and without overlap; its value has a TIMEX3 form its type allows (and a day, week or month
that exists); the same input gives the same output; the fast anchored scanner finds what the
reference scan finds; and `pipeline.process` of the article (segment, tag, events, chronology)
does not raise either.

Two Hypothesis profiles, chosen by the HYPOTHESIS_PROFILE environment variable:

    python -m pytest tests/test_properties.py                              # "ci": 60 examples per
                                                                           # test, derandomized
    HYPOTHESIS_PROFILE=thorough python -m pytest tests/test_properties.py  # 5,000 random examples
                                                                           # per test (minutes)

"ci" (the default) is deterministic, so a CI run is reproducible; "thorough" draws new examples
each run and prints a `@reproduce_failure` blob for what it finds: fix the cause in general form
and keep the example as an `@example` below. Neither keeps an example database (Hypothesis's own
caches go to .hypothesis/, which ignores itself).
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from hypothesis import example, given
from hypothesis import strategies as st

from timeline.article import make_article
from timeline.errors import UserError
from timeline.pipeline import process
from timeline.temporal import Timex, tag
from timeline.temporal.rules import GRAMMAR
from timeline.text import segment

# The profiles ("ci", "thorough") are registered in conftest.py.

# --- TIMEX3 values -------------------------------------------------------------------------------
# The forms of the design notes (DESIGN.md, "Values") and those the tagger writes besides: centuries,
# halves, unknown digits (2025-11-XX), BC years, decades and centuries (BC0975, BC097, BC04).

_MONTH = r"(?:0[1-9]|1[0-2])"
_DAY = r"(?:0[1-9]|[12]\d|3[01])"
_YEAR = r"\d{4}"
_POD = r"(?:MO|MI|AF|EV|NI|DT)"
_DAY_VALUE = rf"{_YEAR}-{_MONTH}-{_DAY}"
_DATE = re.compile(
    r"PAST_REF|PRESENT_REF|FUTURE_REF"
    rf"|\d{{2}}|\d{{3}}|{_YEAR}"  # century, decade, year
    rf"|{_YEAR}-{_MONTH}|{_DAY_VALUE}"
    rf"|{_YEAR}-{_MONTH}-XX|{_YEAR}-XX|{_YEAR}-XX-XX|{_YEAR}-WXX"  # a finer part unknown
    rf"|{_YEAR}-Q[1-4]|{_YEAR}-H[12]|{_YEAR}-(?:SP|SU|FA|WI)"
    rf"|{_YEAR}-W(?:0[1-9]|[1-4]\d|5[0-3])(?:-WE)?"
    r"|BC\d{4}|BC\d{3}|BC\d{2}"  # 975 BC, the 970s BC, the 5th century BC
)
_TIME = re.compile(rf"(?:{_DAY_VALUE}|{_YEAR}-(?:{_MONTH}|XX)-XX)T(?:{_POD}|(?:[01]\d|2[0-3]):[0-5]\d|24:00)")
_AMOUNT = r"(?:\d+(?:\.\d+)?|X)"
_DURATION = re.compile(
    rf"P(?=[\dX])(?:{_AMOUNT}(?:Y|M|W|D|Q|DE|CE|ML|WE|SE))*(?:T(?:{_AMOUNT}[HMS])+)?"
    rf"|PT(?:{_AMOUNT}[HMS])+"
)
_SET = re.compile(
    rf"{_DURATION.pattern}"
    rf"|XXXX-{_MONTH}|XXXX-(?:SP|SU|FA|WI)|XXXX-WXX-[1-7](?:T{_POD})?|XXXX-WXX-WE"
    rf"|XXXX-XX-XXT{_POD}|XXXX-XX-WXX-[1-7]"
)
VALUE_FORMS = {"DATE": _DATE, "TIME": _TIME, "DURATION": _DURATION, "SET": _SET}
MODS = {None, "START", "MID", "END", "APPROX", "BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER",
        "LESS_THAN", "MORE_THAN", "EQUAL_OR_LESS", "EQUAL_OR_MORE"}


def valid_value(type_: str, value: str) -> bool:
    """Whether `value` is a TIMEX3 value of that type, and the day, week or month it names exists."""
    form = VALUE_FORMS.get(type_)
    if form is None or form.fullmatch(value) is None:
        return False
    if re.fullmatch(rf"{_DAY_VALUE}(?:T.*)?", value):
        try:
            date.fromisoformat(value[:10])
        except ValueError:
            return False
    week = re.fullmatch(rf"({_YEAR})-W(\d\d)(?:-WE)?", value)
    if week:
        try:
            date.fromisocalendar(int(week[1]), int(week[2]), 1)
        except ValueError:
            return False
    return not value[:4].isdigit() or value[:4] != "0000"


def test_value_validator_accepts_the_design_forms_and_refuses_others() -> None:
    good = [("DATE", v) for v in ("2026-01-30", "2025-11", "2025", "199", "19", "2025-Q3", "2025-SP",
                                  "2026-W04", "2026-W05-WE", "PAST_REF", "PRESENT_REF", "FUTURE_REF",
                                  "2025-11-XX", "BC0975", "BC097", "BC04")]
    good += [("TIME", "2026-01-26TNI"), ("TIME", "2026-01-30T15:00"), ("TIME", "2025-11-XXTNI"), ("DURATION", "P3W"),
             ("DURATION", "PXM"), ("DURATION", "PT2H30M"), ("DURATION", "P1DT12H"), ("SET", "XXXX-WXX-1"),
             ("SET", "P1D")]
    bad = [("DATE", "2025-02-30"), ("DATE", "2025-W53"), ("DATE", "0000"), ("DATE", "-0975"), ("DATE", "P3W"),
           ("TIME", "2026-01-30T25:00"), ("TIME", "2026-H1"), ("DURATION", "P"), ("DURATION", "2026"),
           ("SET", "2026-01-30"), ("DATE", "10000"), ("DATE", "BC10000")]
    assert all(valid_value(t, v) for t, v in good)
    assert not any(valid_value(t, v) for t, v in bad)


# --- strategies ----------------------------------------------------------------------------------

_WORDS = """
January Jan. February March May June July August Sept. October November December
Monday Tuesday Wed. Friday Saturday Sunday yesterday today tomorrow tonight now currently recently
last next this coming past previous following same that the a an of on at in by since from to until
through and or early late mid mid- end beginning middle about around some nearly over under more than
ago later earlier before after afterwards from now day days week weeks weekend month months year years
decade decades century centuries millennium millennia quarter half fiscal FY Q3 first second third
fourth morning afternoon evening night noon midnight a.m. p.m. am pm GMT EST o'clock
spring summer fall autumn winter Christmas Easter Thanksgiving New Year's Day Black Friday
BC B.C. BCE AD A.D. CE the year the period year-ago year-earlier year-end then soon
every each daily weekly twice times once said will would had been is was police he she
""".split()
_PUNCTUATION = [",", ".", ";", ":", "-", "–", "—", "(", ")", '"', "“", "”", "'", "’", "/", "%", "$", "#", "!", "?"]
_UNICODE = ["İ", "ß", "é", "ﬁ", "\u200b", "\u00a0", "日本", "😀", "e\u0301", "Σ", "\u2028", "\t"]


numbers = st.one_of(
    st.integers(0, 99).map(str),
    st.integers(1000, 2200).map(str),  # years
    st.integers(0, 10**12).map(str),
    st.integers(1000, 10**12).map(lambda n: f"{n:,}"),  # 3,000
    st.integers(1, 400).map(lambda k: "9" * k),  # far past any date
    st.tuples(st.integers(0, 40), st.sampled_from(["st", "nd", "rd", "th"])).map(lambda t: f"{t[0]}{t[1]}"),
    st.integers(0, 209).map(lambda n: f"{n}0s"),  # decades
    st.tuples(st.integers(0, 25), st.integers(0, 61)).map(lambda t: f"{t[0]}:{t[1]:02d}"),  # clocks
    st.tuples(st.integers(0, 13), st.sampled_from([" p.m.", "pm", " a.m.", "am", ".30am"])).map(
        lambda t: f"{t[0]}{t[1]}"),
    st.tuples(st.integers(0, 12000), st.integers(0, 13), st.integers(0, 32)).map(
        lambda t: f"{t[0]:04d}-{t[1]:02d}-{t[2]:02d}"),  # ISO dates, some impossible
    st.tuples(st.integers(0, 13), st.integers(0, 32), st.integers(0, 12000)).map(
        lambda t: f"{t[0]}/{t[1]}/{t[2]}"),
    st.decimals(0, 100, places=1).map(str),
)
# The phrasings of the example corpus (brackets removed): strung together, their expressions meet
# in ways no single phrasing shows ("two days later" + "2026", "5 p.m." + "on Friday").
_CORPUS = Path(__file__).parent / "corpus" / "temporal.txt"
PHRASINGS = sorted({p.strip().replace("[", "").replace("]", "")
                    for line in _CORPUS.read_text(encoding="utf-8").splitlines()
                    if "|" in line and not line.startswith("#") for p in line.split("|")[1:]})
_UNITS = ["second", "minutes", "hour", "hours", "day", "days", "nights", "week", "weeks", "fortnight", "weekend",
          "month", "months", "quarter", "season", "year", "years", "decade", "decades", "century", "centuries",
          "millennium", "millennia"]
_AFTER_UNIT = ["ago", "later", "earlier", "before", "after", "from now", "from today", "or so ago", "-long", "-old",
               "a day", "afterwards", ""]
# A count, a unit and what may follow it: "3,000 years ago", "999...9 days later", "a decade from now".
quantities = st.tuples(st.one_of(numbers, st.sampled_from(["a", "one", "two", "twenty-one", "several", "a few"])),
                       st.sampled_from(_UNITS), st.sampled_from(_AFTER_UNIT)).map(" ".join)
tokens = st.one_of(
    st.sampled_from(_WORDS), st.sampled_from(_WORDS), st.sampled_from(_WORDS), numbers, numbers,
    st.sampled_from(PHRASINGS), st.sampled_from(PHRASINGS), quantities,
    st.sampled_from(_PUNCTUATION), st.sampled_from(_UNICODE), st.text(min_size=1, max_size=4),
)
separators = st.sampled_from([" ", " ", " ", " ", "", ", ", "\n", "\n\n", "-", ". "])


@st.composite
def date_like_text(draw: st.DrawFn) -> str:
    """Date words, numbers, months, weekdays, "ago", "later", punctuation and odd characters,
    strung together with spaces, commas, newlines or nothing."""
    words = draw(st.lists(tokens, max_size=40))
    return "".join(w + draw(separators) for w in words)


texts = st.one_of(date_like_text(), date_like_text(), st.text(max_size=200))
_EDGES = [date.min, date.max, date(1, 1, 7), date(1, 2, 28), date(1, 12, 31), date(2, 1, 1),
          date(9998, 12, 31), date(9999, 1, 1), date(9999, 12, 25), date(9999, 12, 27)]
publication_dates = st.one_of(st.dates(), st.sampled_from(_EDGES))


# --- properties ----------------------------------------------------------------------------------


def _check_timexes(text: str, found: list[Timex]) -> None:
    previous_end = 0
    for t in found:
        assert 0 <= t.start < t.end <= len(text), t
        assert text[t.start:t.end] == t.text, t
        assert t.start >= previous_end, f"{t} overlaps or precedes the timex before it"
        previous_end = t.end
        assert valid_value(t.type, t.value), f"{t.type} {t.value!r} is no TIMEX3 value of that type ({t})"
        assert t.mod in MODS, t
        assert t.anchor in (None, "publication", "previous"), t


# What earlier thorough runs found, kept as examples every run tries first.
@example("25 o'clock ", date.min)  # was T25:00
@example("50,000 barrels a day earlier this month ", date.max)  # "earlier" was in two expressions
@example("In the first half of 2026 we met. That night, they collapsed.", date(2026, 1, 31))  # a TIME 2026-H1
@example("3,000 years ago, 100,000,000,000 days ago, 10000 years from now", date(2026, 1, 31))  # raised
@example("yesterday, last week, Christmas, last year", date.min)  # raised
@example("9" * 400 + " years ago, every " + "9" * 400 + " days", date(2026, 1, 31))  # an infinite float
@example("tomorrow, next year, Easter, next week, in two years", date.max)  # raised
@example("9" * 307 + " millennia, " + "9" * 308 + " fortnights", date(2026, 1, 31))  # years past a float: raised
@given(texts, publication_dates)
def test_tag_is_total_and_well_formed(text: str, published: date) -> None:
    found = tag(text, published)
    _check_timexes(text, found)


@given(texts, publication_dates)
def test_tag_is_deterministic(text: str, published: date) -> None:
    first = tag(text, published)
    assert tag(text, published) == first
    assert tag(text, published.isoformat()) == first  # an ISO string is the same date
    assert tag(text, published, segment(text)) == first  # sentences given or not


@example("January 2026 H12000 people")  # the fused "H1" + "2000" had no anchor
@example("Januarythe year two thousand ")  # a year said in words after "year" had no anchor
@given(texts)
def test_anchored_scan_finds_what_the_reference_scan_finds(text: str) -> None:
    spans = [(m.start, m.end, m.rule) for m in GRAMMAR.units(text)]
    assert spans == [(m.start, m.end, m.rule) for m in GRAMMAR.units_all(text)]


@given(texts)
def test_anchors_are_those_of_the_anchor_regex(text: str) -> None:
    """The anchors searched from the first place one can start (GRAMMAR._first_anchor) are the
    anchor regex's own; a text with no such place is tagged with nothing."""
    from timeline.temporal.grammar import _lower

    low = _lower(text)
    assert [m.span() for m in GRAMMAR.anchors(low)] == [m.span() for m in GRAMMAR._anchors.finditer(low)]
    if GRAMMAR._first_anchor(low) is None:
        assert tag(text, date(2026, 1, 31)) == []


front_matter = st.sampled_from(["", "---\ntitle: A story\n---\n", "---\npublished: 2026-01-31\n---\n",
                                 "# A heading\n\n", "---\n- a list\n---\n", "---\n"])


@given(front_matter, texts, publication_dates, st.sampled_from(["text", "markdown"]))
def test_the_article_pipeline_is_total(head: str, body: str, published: date, fmt: str) -> None:
    text = head + body
    try:
        article = make_article(text, published=published, fmt=fmt)
    except UserError:  # an empty text, front matter that is no mapping: one-line errors by design
        return
    result = process(article)
    _check_timexes(article.text, list(result.timexes))
    for event in result.events:
        assert isinstance(event.label, str) and event.label
    result.timeline()
