"""Versions of one article: which articles are versions of the same story, and in what order.

Naming scheme: a later version of the article `NAME` has the id `NAME-vN` (N = 2, 3, …), which is
what a file named `NAME.v2.txt`, `NAME-v2.md` or `NAME_v2.txt` gets (ids are slugs of the file
name, or of the front matter's `id:`). The first version is `NAME` itself or `NAME-v1`. So
`seeds/000_3b01959ef49d4888.txt` and `seeds/000_3b01959ef49d4888.v2.txt` are two versions of
`000-3b01959ef49d4888`. Every version keeps its own id, so each still has its own timeline page.

Within a group, versions are ordered by publication date, then version number, then id.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date

from timeline.article import Article
from timeline.diff import TimelineDiff, diff_timelines

__all__ = ["base_id", "diff_versions", "group_versions", "latest_ids", "version_number"]

_VERSION = re.compile(r"^(?P<base>.+?)-v(?P<n>\d{1,4})$")


def base_id(article_id: str) -> str:
    """The id shared by every version of an article: "story-v2" -> "story"; "story" -> "story"."""
    m = _VERSION.match(article_id)
    return m.group("base") if m else article_id


def version_number(article_id: str) -> int:
    """The version an id names: "story-v2" -> 2; an id without "-vN" is version 1."""
    m = _VERSION.match(article_id)
    return int(m.group("n")) if m else 1


def _order(article_id: str, published: date) -> tuple[date, int, str]:
    """Where a version stands among the others: publication date, then version number, then id."""
    return published, version_number(article_id), article_id


def group_versions(articles: Sequence[Article]) -> list[list[Article]]:
    """The articles grouped by `base_id`, each group ordered oldest first (publication date, version
    number, id); groups in the order their first article appears in `articles`. An article with
    no other version is a group of one."""
    groups: dict[str, list[Article]] = {}
    for a in articles:
        groups.setdefault(base_id(a.id), []).append(a)
    return [sorted(g, key=lambda a: _order(a.id, a.published)) for g in groups.values()]


def latest_ids(articles: Iterable[tuple[str, date]]) -> set[str]:
    """Of (article id, publication date) pairs, the ids of the latest version of each article (the
    last of its group as `group_versions` orders them; an article without versions is its own latest)."""
    latest: dict[str, tuple[date, int, str]] = {}
    for article_id, published in articles:
        key, base = _order(article_id, published), base_id(article_id)
        if base not in latest or key > latest[base]:
            latest[base] = key
    return {key[2] for key in latest.values()}


def diff_versions(versions: Sequence[Article]) -> list[TimelineDiff]:
    """The changes between each pair of consecutive versions (oldest first): len(versions) - 1 diffs."""
    from timeline.pipeline import timeline_of

    timelines = [timeline_of([a]) for a in versions]
    return [diff_timelines(old, new) for old, new in zip(timelines, timelines[1:], strict=False)]
