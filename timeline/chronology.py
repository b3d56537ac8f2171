"""Order events into a chronology; merge the same event reported by several articles."""

from __future__ import annotations

from dataclasses import dataclass

from timeline.article import Article
from timeline.events import Event


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
