"""Reported speech: "today", "yesterday", "tomorrow", "tonight", "this morning" inside a quotation
are the speaker's (Parse.speaker_day), counted from the day the quote was said when the
attribution dates it ("'We reopen tomorrow,' she said Wednesday"), not from the publication date."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from datetime import date

from timeline.temporal import vocab
from timeline.temporal.pieces import alt
from timeline.temporal.timex import Timex

_SAID = re.compile(r"\b" + alt(vocab.REPORTING_VERBS) + r"\b", re.IGNORECASE)
_QUOTE_MARK = re.compile(r"``|''|[\"“”]")
_QUOTE_REACH = 600  # how far a quotation is looked for around a word (keeps tagging linear)


def _quote_around(text: str, pos: int) -> tuple[int, int] | None:
    """The [open, close) span of the quotation that holds `pos` within its paragraph, if any."""
    lo = max(text.rfind("\n", max(0, pos - _QUOTE_REACH), pos), pos - _QUOTE_REACH, 0)
    hi = text.find("\n", pos, pos + _QUOTE_REACH)
    hi = min(len(text), pos + _QUOTE_REACH) if hi < 0 else hi
    opened = -1
    for q in _QUOTE_MARK.finditer(text, lo, hi):
        mark = q.group()
        is_open = mark in ("``", "“") or (mark == '"' and opened < 0)
        if q.start() >= pos:
            return (opened, q.end()) if opened >= 0 and not is_open else None
        opened = q.start() if is_open else -1
    return None


def in_quotes(text: str, out: Sequence[Timex], speaker: Sequence[bool], dct: date) -> list[Timex]:
    """Re-anchor deictic words inside quotations on the day the attribution gives."""
    result = list(out)
    starts = [t.start for t in out]
    for i, t in enumerate(out):
        if not speaker[i] or len(t.value) < 10:
            continue
        quote = _quote_around(text, t.start)
        if quote is None:
            continue
        lo, hi = bisect_left(starts, quote[0] - 80), bisect_right(starts, quote[1] + 80)
        said = _attribution_day(text, out[lo:hi], speaker[lo:hi], quote)
        if said is None or said == dct:
            continue
        try:
            day = date.fromisoformat(t.value[:10]) + (said - dct)
        except (ValueError, OverflowError):  # the shifted day is outside date's range
            continue
        result[i] = Timex(t.start, t.end, t.text, t.type, day.isoformat() + t.value[10:], t.mod, "previous", t.rule)
    return result


def _attribution_day(text: str, out: Sequence[Timex], speaker: Sequence[bool], quote: tuple[int, int]) -> date | None:
    """The day of "she said Thursday" right after a quotation (or "said on Thursday:" right before it)."""
    for t, deictic in zip(out, speaker, strict=True):
        if len(t.value) < 10 or not t.value[:4].isdigit() or deictic:
            continue
        if quote[1] <= t.start <= quote[1] + 80:
            between = text[quote[1]:t.start]
        elif quote[0] - 40 <= t.end <= quote[0]:
            between = text[t.end:quote[0]]
            between = text[max(0, t.start - 40):t.start] + between
        else:
            continue
        if "\n" in between or not _SAID.search(between) or re.search(r"[.!?]\s", between):
            continue
        try:
            return date.fromisoformat(t.value[:10])
        except ValueError:
            return None
    return None
