"""Order events into a chronology; merge the same event reported by several articles."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from timeline import calendar
from timeline.article import Article
from timeline.events import Event

# Two reports are of the same event when they give the same date and their sentences share at
# least this share of their content words (Jaccard similarity).
SAME_EVENT_SIMILARITY = 0.5

_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
_STOPWORDS = frozenset("""
a an the and or but of in on at to for from by with as is are was were be been being has have had
that this these those it its he she they them his her their we our you your i said says say will
would could should may might not no than then there which who whom whose what when where how
""".split())


@dataclass(frozen=True)
class Timeline:
    """Articles and their events in chronological order."""

    articles: tuple[Article, ...]
    events: tuple[Event, ...]
    title: str = ""

    def to_dict(self) -> dict[str, object]:
        return {
            "title": self.title,
            "articles": [a.meta() for a in self.articles],
            "events": [e.to_dict() for e in self.events],
        }


def content_words(text: str) -> frozenset[str]:
    """The words of a sentence that carry its meaning (lowercased, stopwords dropped)."""
    return frozenset(w for w in _WORD.findall(text.lower()) if w not in _STOPWORDS)


def similarity(a: str, b: str) -> float:
    """Jaccard similarity of two sentences' content words (0..1)."""
    return _jaccard(content_words(a), content_words(b))


def order_key(e: Event, article_rank: dict[str, int]) -> tuple[object, ...]:
    """Chronological order: start; the coarser period before the finer ones it contains; then
    the source order (article, then position in it)."""
    return (e.start, calendar.granularity_rank(e.granularity), e.end, article_rank.get(e.article, 0),
            e.offset[0], e.id)


def _jaccard(wa: frozenset[str], wb: frozenset[str]) -> float:
    if not wa and not wb:
        return 1.0
    return len(wa & wb) / len(wa | wb)


def merge_reports(events: Sequence[Event]) -> list[Event]:
    """Events of different articles that give the same date to similar sentences become one event
    listing every source; the first report (in article order) is kept as the text."""
    kept: list[Event] = []
    words: list[frozenset[str]] = []  # content words of each kept event, computed once
    # (date, until) -> the article that first reported each kept event -> the kept events' indices,
    # so an article's own events (never merged with each other) are skipped as a group.
    by_date: dict[tuple[str, str | None], dict[str, list[int]]] = {}
    for e in events:
        key = (e.date, e.until)
        mine = content_words(e.text)
        merged = False
        groups = by_date.setdefault(key, {})
        candidates = sorted(i for article, indices in groups.items() if article != e.article for i in indices)
        for i in candidates:
            k = kept[i]
            if e.article in k.sources:
                continue
            if _jaccard(words[i], mine) >= SAME_EVENT_SIMILARITY:
                kept[i] = replace(k, sources=(*k.sources, e.article))
                merged = True
                break
        if not merged:
            groups.setdefault(e.article, []).append(len(kept))
            kept.append(e)
            words.append(mine)
    return kept


def build_timeline(articles: Sequence[Article], events: Iterable[Event], title: str = "") -> Timeline:
    """A Timeline of `articles` with `events` merged across articles and put in order."""
    rank = {a.id: i for i, a in enumerate(articles)}
    ordered = sorted(events, key=lambda e: order_key(e, rank))
    if len(articles) > 1:
        ordered = sorted(merge_reports(ordered), key=lambda e: order_key(e, rank))
    if not title:
        title = articles[0].title if len(articles) == 1 else "Combined timeline"
    return Timeline(tuple(articles), tuple(ordered), title)
