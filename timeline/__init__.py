"""timeline: accurate, dated, ordered event timelines from news articles.

    >>> import timeline
    >>> [t.value for t in timeline.tag("He left on Friday.", "2026-01-31")]
    ['2026-01-30']
    >>> tl = timeline.extract("Police arrived last Wednesday.", "2026-01-31")
    >>> tl.events[0].date
    '2026-01-28'
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

# Names are imported on first use, so `import timeline` (and `timeline --help`) costs only what is used.
_EXPORTS = {
    "Article": "timeline.article",
    "ArticleError": "timeline.article",
    "load_article": "timeline.readers",
    "Timeline": "timeline.chronology",
    "Event": "timeline.events",
    "ArticleResult": "timeline.pipeline",
    "extract": "timeline.pipeline",
    "process": "timeline.pipeline",
    "timeline_of": "timeline.pipeline",
    "Timex": "timeline.temporal",
    "tag": "timeline.temporal",
}
__all__ = ["Article", "ArticleError", "ArticleResult", "Event", "Timeline", "Timex", "extract", "load_article",
           "process", "tag", "timeline_of"]

if TYPE_CHECKING:
    from timeline.article import Article, ArticleError
    from timeline.chronology import Timeline
    from timeline.events import Event
    from timeline.pipeline import ArticleResult, extract, process, timeline_of
    from timeline.readers import load_article
    from timeline.temporal import Timex, tag


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'timeline' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_EXPORTS])
