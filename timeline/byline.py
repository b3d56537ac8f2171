"""English bylines that state the publication date on a line of their own near the top of a text
("Published on 6 February 2026", "Posted: February 6, 2026", "Updated 6 Feb 2026 14:02 GMT").

Such a line gives the publication date itself (not a past event the article ran the day after),
dates no event and is no title. Its date must be one `timeline.pubdate` reads strictly (a full
date with its year); anything else on the line makes it no byline.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from timeline.errors import ArticleError
from timeline.pubdate import parse_date

#: The words that open a byline, longest first where one starts another.
BYLINE_WORDS = ("first published", "last updated", "published", "posted", "updated")
_TOP_LINES = 3  # a byline is one of the first lines with text (after a title and an author)
_TOP_CHARS = 600
_LINE = re.compile(
    r"(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in BYLINE_WORDS) + r")"
    r"(?:\s+(?:on|at))?\s*:?\s*(?P<date>\S.*?)\s*\.?", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Byline:
    line: str  # the line as written, stripped
    day: date
    start: int  # where its date is in the text
    end: int


def bylines(text: str) -> list[Byline]:
    """The bylines among the first lines with text of `text`."""
    out: list[Byline] = []
    at, seen = 0, 0
    for raw in text[:_TOP_CHARS].split("\n"):
        start, line = at, raw.strip()
        at += len(raw) + 1
        if not line:
            continue
        seen += 1
        if seen > _TOP_LINES:
            break
        day = _byline_day(line)
        if day is not None:
            lead = start + len(raw) - len(raw.lstrip())
            m = _LINE.fullmatch(line)
            assert m is not None
            out.append(Byline(line, day, lead + m.start("date"), lead + m.end("date")))
    return out


def is_byline_line(line: str) -> bool:
    """Whether one line is a byline ("Published on 6 February 2026")."""
    return _byline_day(line.strip()) is not None


def is_byline(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is (in) the date of a byline near the top of `text`."""
    return byline_test(text)(start, end)


def byline_test(text: str) -> Callable[[int, int], bool]:
    """`is_byline` for many spans of one text: its bylines are found once, when a span near the
    top first asks (an article asks for each of its dates)."""
    found: list[Byline] | None = None

    def test(start: int, end: int) -> bool:
        nonlocal found
        if start >= _TOP_CHARS:
            return False
        if found is None:
            found = bylines(text)
        return any(b.start <= start and end <= b.end for b in found)

    return test


def published_by_byline(text: str, today: date) -> tuple[date, str] | None:
    """(publication date, evidence) from the bylines of `text`: the earliest (a text published,
    then updated, was published first), not after `today`; None without one."""
    found = sorted((b.day, b.start, b.line) for b in bylines(text) if b.day <= today)
    return (found[0][0], f"the byline '{found[0][2]}'") if found else None


def _byline_day(line: str) -> date | None:
    m = _LINE.fullmatch(line)
    if m is None:
        return None
    try:
        return parse_date(m["date"], "<byline>", "byline")
    except ArticleError:
        return None
