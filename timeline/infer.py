"""Infer a missing publication date from the article text, and say from what.

Evidence, strongest first: a byline ("Published on 6 February 2026", timeline.byline) or a
dateline ("WASHINGTON, Jan. 30 (AP) —") is the date itself; a weekday
written with its date ("Friday (Jan 30)") fixes the year, and a full date ("January 23, 2026")
is explicit. A dated event told in the past bounds the publication date from below: the article
ran at the earliest the day after the latest one. Nothing else (no clock) is consulted, except
`today`, which only rules out years in the future.
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import date, timedelta

from timeline.temporal.parse import Parse
from timeline.temporal.rules import GRAMMAR
from timeline.temporal.tagger import is_dateline
from timeline.temporal.tense import TENSE_WINDOW, tense_at
from timeline.text import segment


def _explicit_day(p: Parse, today: date) -> date | None:
    """The day a calendar parse names when the text fixes the year (written, or by a weekday)."""
    if p.kind != "calendar" or p.month is None or p.day is None:
        return None
    if p.year is not None:
        try:
            return date(p.year, p.month, p.day)
        except ValueError:
            return None
    if p.weekday is None:
        return None
    for year in range(today.year, today.year - 30, -1):
        try:
            d = date(year, p.month, p.day)
        except ValueError:
            continue
        if d <= today and d.isoweekday() == p.weekday:
            return d
    return None


def infer_published(text: str, today: date, lang: str = "en") -> tuple[date, str] | None:
    """(publication date, evidence) inferred from `text`, or None when nothing supports one. A
    text in another language than English gives it by a byline or dateline with a full date
    ("Publicado el 3 de febrero de 2026"; timeline.temporal.foreign), read with dateparser."""
    if lang != "en":
        from timeline.temporal.foreign import published_in_text

        return published_in_text(text, lang, today)
    from timeline.byline import published_by_byline

    if (by_byline := published_by_byline(text, today)) is not None:
        return by_byline
    sentences = segment(text)
    starts = [s.start for s in sentences]
    best: tuple[date, str] | None = None
    for m in GRAMMAR.scan(text):
        d = _explicit_day(m.parse, today)
        phrase = text[m.start:m.end]
        if d is None:
            # A dateline may omit the year: the latest such day not after today.
            if m.parse.kind == "calendar" and m.parse.month \
                    and m.parse.day and is_dateline(text, m.start, m.end):
                for year in (today.year, today.year - 1):
                    try:
                        cand = date(year, m.parse.month, m.parse.day)
                    except ValueError:
                        continue
                    if cand <= today:
                        return cand, f"the dateline '{phrase}' (it gives no year: the latest such day)"
            continue
        if is_dateline(text, m.start, m.end):
            return d, f"the dateline '{phrase}'"
        bound = d + timedelta(days=1)
        if bound > today or (best is not None and bound <= best[0]):
            continue  # in the future, or no later than the latest day already found: its tense cannot matter
        k = bisect_right(starts, m.start) - 1
        sentence = sentences[k] if k >= 0 and m.start < sentences[k].end else None
        if sentence is not None:  # a bounded window, as the tagger reads tense: linear on a run-on of dates
            lo, hi = max(sentence.start, m.start - TENSE_WINDOW), min(sentence.end, m.end + TENSE_WINDOW)
            if tense_at(text[lo:hi], m.start - lo) == "future":
                continue  # a date still to come bounds the publication date from above, not below
        best = (bound, f"'{phrase}'")
    return best
