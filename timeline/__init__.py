"""timeline: accurate, dated, ordered event timelines from news articles.

    >>> import timeline
    >>> [t.value for t in timeline.tag("He left on Friday.", "2026-01-31")]
    ['2026-01-30']
    >>> tl = timeline.extract("Police arrived last Wednesday.", "2026-01-31")
    >>> tl.events[0].date
    '2026-01-28'
"""

from __future__ import annotations

from timeline.article import Article, ArticleError, load_article
from timeline.chronology import Timeline
from timeline.events import Event
from timeline.pipeline import extract, timeline_of
from timeline.temporal import Timex, tag

__all__ = ["Article", "ArticleError", "Event", "Timeline", "Timex", "extract", "load_article", "tag",
           "timeline_of"]
