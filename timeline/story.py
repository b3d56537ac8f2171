"""The story of a collection: the days that matter across many articles, each with the sentences
that say what happened that day and the articles that report it.

A stage after `pipeline.process`, over the `ArticleResult`s of a collection; entered through
`story()`. Days are scored from the dated mentions of every article; sentences are chosen among
those dated to the day.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from timeline.pipeline import ArticleResult

__all__ = ["Story", "StoryDate", "StorySentence", "story"]


@dataclass(frozen=True)
class StorySentence:
    """One sentence of a day: its text and the article that says it (the first of its sources)."""

    text: str
    article: str
    source: str | None
    url: str | None
    published: str | None  # YYYY-MM-DD


@dataclass(frozen=True)
class StoryDate:
    """One key day: its TIMEX3 value, a label for people, its score, how many articles mention it,
    and the sentences chosen for it."""

    date: str
    label: str
    score: float
    articles: int
    sentences: tuple[StorySentence, ...]


@dataclass(frozen=True)
class Story:
    """The key days of a collection, in chronological order; `articles` is how many were read."""

    title: str
    start: str | None
    end: str | None
    articles: int
    dates: tuple[StoryDate, ...]


def story(results: Iterable[ArticleResult], *, dates: int | None = None, sentences: int | None = None,
          start: date | None = None, end: date | None = None, title: str | None = None) -> Story:
    """The story of processed articles: `dates` days (None: as many as the story needs), `sentences`
    sentences a day (None: 2), only days within [start, end] (inclusive)."""
    from timeline.calendar import label

    results = list(results)
    k = 2 if sentences is None else max(0, sentences)
    mentions: dict[str, set[str]] = defaultdict(set)
    texts: dict[str, list[tuple[ArticleResult, str]]] = defaultdict(list)
    for r in results:
        for e in r.events:
            if e.granularity != "day" or e.anchor != "phrase" or e.status == "expected":
                continue
            if (start and e.start < start) or (end and e.start > end):
                continue
            mentions[e.date].add(r.article.id)
            texts[e.date].append((r, e.text))
    ranked = sorted(mentions, key=lambda d: (-len(mentions[d]), d))
    n = dates if dates is not None else max(10, min(100, sum(1 for d in ranked if len(mentions[d]) >= 3)))
    chosen = sorted(ranked[:n])
    out = []
    for d in chosen:
        seen: set[str] = set()
        picked = []
        for r, text in texts[d]:
            if text in seen:
                continue
            seen.add(text)
            a = r.article
            picked.append(StorySentence(text, a.id, a.source, a.url, a.published.isoformat()))
            if len(picked) >= k:
                break
        out.append(StoryDate(d, label(d), float(len(mentions[d])), len(mentions[d]), tuple(picked)))
    return Story(title or "Story", start.isoformat() if start else None, end.isoformat() if end else None,
                 len(results), tuple(out))
