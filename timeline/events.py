"""Turn dated sentences into events: one per dated sentence, or per clause when a sentence dates
several things; "since X" and "from X to Y" become intervals."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from timeline import calendar
from timeline.article import Article
from timeline.temporal import Timex, tag
from timeline.text import Sentence, segment


@dataclass(frozen=True, slots=True)
class Event:
    """One dated event: a sentence (or clause) and the date expression that places it in time.

    `start`/`end` are the calendar interval [start, end) of the date (end exclusive). For an
    ongoing interval ("since last November") `end` is the day after publication and `ongoing` is
    True; `until` is the TIMEX3 value of the end of an explicit interval ("from 2009 to 2010").
    `offset` is the [start, end) of `phrase` in the article text; `text_start` is where `text`
    (the sentence or clause, whitespace-normalised) begins in the article text.
    """

    id: str
    article: str
    sentence: int
    text: str
    phrase: str
    offset: tuple[int, int]
    date: str
    start: dt.date
    end: dt.date
    granularity: str
    label: str
    mod: str | None = None
    until: str | None = None
    ongoing: bool = False
    sources: tuple[str, ...] = field(default=())
    text_start: int = 0

    def to_dict(self) -> dict[str, object]:
        """JSON-ready form, in the documented schema."""
        return {
            "id": self.id,
            "article": self.article,
            "sources": list(self.sources or (self.article,)),
            "date": self.date,
            "mod": self.mod,
            "until": self.until,
            "ongoing": self.ongoing,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "granularity": self.granularity,
            "label": self.label,
            "text": self.text,
            "phrase": self.phrase,
            "offset": list(self.offset),
            "sentence": self.sentence,
        }

    @staticmethod
    def from_dict(d: dict[str, object]) -> Event:
        """Read back an event written by to_dict (timeline JSON files)."""
        offset = d.get("offset") or [0, 0]
        assert isinstance(offset, list)
        sources = d.get("sources") or [d["article"]]
        assert isinstance(sources, list)
        return Event(
            id=str(d["id"]), article=str(d["article"]), sentence=int(str(d.get("sentence", 0))),
            text=str(d["text"]), phrase=str(d["phrase"]), offset=(int(offset[0]), int(offset[1])),
            date=str(d["date"]), start=dt.date.fromisoformat(str(d["start"])),
            end=dt.date.fromisoformat(str(d["end"])), granularity=str(d["granularity"]),
            label=str(d["label"]), mod=str(d["mod"]) if d.get("mod") else None,
            until=str(d["until"]) if d.get("until") else None, ongoing=bool(d.get("ongoing")),
            sources=tuple(str(s) for s in sources),
        )


_SINCE_BEFORE = re.compile(r"\b(?:ever\s+)?since\s+$", re.IGNORECASE)
_FROM_BEFORE = re.compile(r"\b(?:from|between)\s+$", re.IGNORECASE)
_RANGE_BETWEEN = re.compile(r"^\s*(?:to|until|till|through|thru|and|-|–|—)\s*$", re.IGNORECASE)
_DASH_BETWEEN = re.compile(r"^\s*(?:-|–|—|to|through)\s*$", re.IGNORECASE)
# Where one clause ends and the next begins, between two dated expressions of a sentence.
_CLAUSE_BREAK = re.compile(r";|:|\s[-–—]\s|,?\s+(?:and|but|while|whereas|then)\s+|,\s+", re.IGNORECASE)
# "after", "before", "when", "until" start a clause of their own ("rose on Friday after rain fell
# last Wednesday"), except right before the date they govern ("kept rising until early October").
_SUBORDINATE = re.compile(r"\s+(?:after|before|when|until|once)\s+(?=\S)", re.IGNORECASE)
_MD_INLINE = [
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),  # images -> alt text
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # links -> link text
    (re.compile(r"(\*\*|__)(.+?)\1"), r"\2"),  # bold
    (re.compile(r"(?<![\w*])([*_])(?!\s)(.+?)(?<!\s)\1(?![\w*])"), r"\2"),  # emphasis
    (re.compile(r"`([^`]+)`"), r"\1"),  # code
    (re.compile(r"^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)"), ""),  # heading, quote, list marks
]


def plain(text: str, fmt: str) -> str:
    """Sentence text for people: whitespace collapsed and, for Markdown, inline markup removed."""
    if fmt == "markdown":
        for pattern, repl in _MD_INLINE:
            text = pattern.sub(repl, text)
        row = text.strip()
        if row.startswith("|") and row.endswith("|"):  # a table row: its cells, separated by dashes
            text = " — ".join(cell.strip() for cell in row.strip("|").split("|") if cell.strip())
    return " ".join(text.split())


@dataclass(frozen=True)
class _Dated:
    timex: Timex
    start: dt.date
    end: dt.date
    granularity: str
    until: Timex | None = None
    ongoing: bool = False


def _dated(t: Timex) -> _Dated | None:
    if t.type not in ("DATE", "TIME"):
        return None
    iv = calendar.interval(t.value)
    if iv is None:
        return None
    return _Dated(t, iv[0], iv[1], iv[2])


# How far before a date "since", "from" or "between" is looked for: a bounded window keeps a
# sentence with thousands of dates linear.
_LOOK_BEHIND = 40


def _intervals(text: str, sentence: Sentence, items: list[_Dated], published: dt.date) -> list[_Dated]:
    """Join "from X to Y" / "between X and Y" / "X–Y" pairs, and mark "since X" as ongoing."""
    out: list[_Dated] = []
    i = 0
    while i < len(items):
        cur = items[i]
        before = text[max(sentence.start, cur.timex.start - _LOOK_BEHIND):cur.timex.start]
        if i + 1 < len(items):
            nxt = items[i + 1]
            between = text[cur.timex.end:nxt.timex.start]
            ranged = (_FROM_BEFORE.search(before) and _RANGE_BETWEEN.match(between)) or _DASH_BETWEEN.match(between)
            if ranged and nxt.end > cur.start:
                out.append(_Dated(cur.timex, cur.start, max(nxt.end, cur.end), cur.granularity, until=nxt.timex))
                i += 2
                continue
        if _SINCE_BEFORE.search(before):
            out.append(_Dated(cur.timex, cur.start, max(published + dt.timedelta(days=1), cur.end),
                              cur.granularity, ongoing=True))
        else:
            out.append(cur)
        i += 1
    return out


def _finest(group: list[_Dated]) -> _Dated:
    """The most precise date of a clause (the first among equals)."""
    return max(group, key=lambda d: (calendar.granularity_rank(d.granularity), -d.timex.start))


def _clauses(text: str, sentence: Sentence, items: list[_Dated]) -> list[tuple[_Dated, int, int]]:
    """Split a sentence with several dated expressions into clauses: (date, clause start, end)."""
    if len(items) == 1:
        return [(items[0], sentence.start, sentence.end)]
    groups: list[list[_Dated]] = [[items[0]]]
    cuts: list[int] = []
    for prev, cur in zip(items, items[1:], strict=False):
        gap_start = (prev.until or prev.timex).end
        gap = text[gap_start:cur.timex.start]
        breaks = list(_CLAUSE_BREAK.finditer(gap)) + [b for b in _SUBORDINATE.finditer(gap) if b.end() < len(gap)]
        breaks.sort(key=lambda b: b.start())
        if breaks:
            cuts.append(gap_start + breaks[-1].start())
            groups.append([cur])
        else:
            groups[-1].append(cur)
    bounds = [sentence.start, *cuts, sentence.end]
    out = []
    for k, group in enumerate(groups):
        start, end = bounds[k], bounds[k + 1]
        out.append((_finest(group), start, end))
    return out


_CLAUSE_LEAD = re.compile(r"[\s;:,–—-]*(?:(?:and|but|while|whereas|then)\s+)?", re.IGNORECASE)


def _event_id(article: str, date_value: str, phrase: str, text: str) -> str:
    digest = hashlib.sha1(f"{date_value}\x1f{phrase}\x1f{text}".encode()).hexdigest()[:8]
    return f"{article}-{digest}"


def find_events(article: Article, timexes: Sequence[Timex] | None = None,
                sentences: Sequence[Sentence] | None = None) -> list[Event]:
    """The events of one article, in text order (`timexes` and `sentences` when already made)."""
    text = article.text
    if sentences is None:
        sentences = segment(text)
    if timexes is None:
        timexes = tag(text, article.published, sentences)
    by_sentence: dict[int, list[_Dated]] = {}
    si = 0
    for t in timexes:
        d = _dated(t)
        if d is None:
            continue
        while si + 1 < len(sentences) and sentences[si].end <= t.start:
            si += 1
        by_sentence.setdefault(si, []).append(d)
    events: list[Event] = []
    seen: set[str] = set()
    repeats: dict[str, int] = {}  # id -> how many times it came up (the next suffix to try)
    for si, items in sorted(by_sentence.items()):
        sentence = sentences[si]
        for d, cstart, cend in _clauses(text, sentence, _intervals(text, sentence, items, article.published)):
            lead = _CLAUSE_LEAD.match(text, cstart)
            if lead is not None and cstart != sentence.start:
                cstart = lead.end()
            raw = text[cstart:cend].rstrip(" ,;:–—-")
            body = plain(raw, article.format)
            if body and cstart != sentence.start:
                body = body[0].upper() + body[1:]
            t = d.timex
            base = eid = _event_id(article.id, t.value, t.text, body)
            n = repeats.get(base, 1)
            while eid in seen:  # the same sentence again: "-2", "-3", ... counted, never searched
                n += 1
                eid = f"{base}-{n}"
            repeats[base] = n
            seen.add(eid)
            phrase_end = d.until.end if d.until else t.end
            events.append(Event(
                id=eid,
                article=article.id,
                sentence=sentence.index,
                text=body,
                phrase=" ".join(text[t.start:phrase_end].split()),
                offset=(t.start, phrase_end),
                date=t.value,
                start=d.start,
                end=d.end,
                granularity=d.granularity,
                label=calendar.label(t.value, t.mod),
                mod=t.mod,
                until=d.until.value if d.until else None,
                ongoing=d.ongoing,
                sources=(article.id,),
                text_start=cstart,
            ))
    return events
