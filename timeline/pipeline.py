"""The library entry points: text in, Timeline out."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from timeline.article import Article, make_article
from timeline.chronology import Timeline, build_timeline
from timeline.events import find_events


def timeline_of(articles: Sequence[Article], title: str = "") -> Timeline:
    """The chronology of one or more articles (the same event in several is merged)."""
    events = [e for a in articles for e in find_events(a)]
    return build_timeline(articles, events, title)


def extract(
    text: str,
    published: date | str | None,
    title: str | None = None,
    *,
    article_id: str = "article",
    source: str | None = None,
    url: str | None = None,
    fmt: str = "text",
    today: date | None = None,
) -> Timeline:
    """The timeline of one article's text. `published` is a date or an ISO string; when it is None
    the front matter's date is used, else one is inferred from the text (`today` bounds it)."""
    article = make_article(text, article_id=article_id, published=published, title=title, fmt=fmt,
                           today=today)
    if source or url:
        from dataclasses import replace

        article = replace(article, source=source or article.source, url=url or article.url)
    return timeline_of([article])
