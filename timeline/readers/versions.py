"""Read a version of an article for `timeline diff`: an article in any format the readers read, or
a timeline JSON file written by `timeline extract -f json` (its dates already resolved)."""

from __future__ import annotations

import codecs
import json
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from timeline.article import Article, ArticleError, clean_text, decode_text, parse_date, read_bytes
from timeline.chronology import Timeline, filter_status
from timeline.events import Event
from timeline.lang import normalize
from timeline.meta import DEFAULT_UNDATED, parse_statuses

__all__ = ["load_timeline_json", "load_version"]


def _cleaned(value: object) -> object:
    """A field of a timeline JSON file as data readers leave text: controls (an ANSI escape, a
    NUL) removed and a lone surrogate U+FFFD (the file holds no article text, so no offsets move)."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, list):
        return [clean_text(v) if isinstance(v, str) else v for v in value]
    return value


def _timeline_from_data(data: object, name: str) -> Timeline:
    if not isinstance(data, dict) or not isinstance(data.get("events"), list) \
            or not isinstance(data.get("articles"), list):
        raise ArticleError(f"{name}: not a timeline JSON file (expected 'articles' and 'events', "
                           "as 'timeline extract -f json' writes)")
    data = {**data, **{key: [{k: _cleaned(v) for k, v in item.items()} if isinstance(item, dict) else item
                             for item in data[key]] for key in ("articles", "events")}}
    if isinstance(data.get("title"), str):
        data["title"] = clean_text(data["title"])
    try:
        articles = tuple(
            Article(
                id=str(a["id"]),
                title=str(a.get("title") or a["id"]),
                source=str(a["source"]) if a.get("source") else None,
                url=str(a["url"]) if a.get("url") else None,
                published=parse_date(a["published"], name),
                published_how=str(a.get("published_how") or "front matter"),
                text="",
                path=name if name != "<stdin>" else None,
                lang=normalize(a.get("lang")) or "en",  # an ISO 639 code, as every reader gives
            )
            for a in data["articles"]
        )
        events = tuple(Event.from_dict(e) for e in data["events"])
    except (KeyError, TypeError, ValueError, AssertionError, AttributeError, IndexError, OverflowError) as exc:
        if isinstance(exc, ArticleError):
            raise
        detail = f"missing field {exc}" if isinstance(exc, KeyError) else "malformed article or event"
        raise ArticleError(f"{name}: not a timeline JSON file ({detail})") from None
    title = str(data.get("title") or (articles[0].title if len(articles) == 1 else ""))
    return Timeline(articles, events, title)


def _parse_json(raw: str, name: str) -> Timeline:
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ArticleError(f"{name}: not valid JSON ({exc.msg}, line {exc.lineno})") from None
    except RecursionError:
        raise ArticleError(f"{name}: not a timeline JSON file (nested too deeply)") from None
    return _timeline_from_data(data, name)


def _json_text(data: bytes, name: str) -> str:
    """The text of a timeline JSON file: UTF-8, or the encoding its byte order mark says (Windows
    PowerShell's `>` writes UTF-16 with one, Notepad UTF-8 with one); the mark is no part of it."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) and not data.startswith(codecs.BOM_UTF32_LE):
        try:
            data = data.decode("utf-16").encode("utf-8")
        except UnicodeError:
            raise ArticleError(f"{name}: not UTF-16 text, though it starts with UTF-16's byte order mark") from None
    return decode_text(data, name).lstrip("\ufeff")


def load_timeline_json(path: str) -> Timeline:
    """Read a timeline JSON file written by `timeline extract -f json` back into a Timeline
    (articles carry their metadata, not their text). One-line ArticleError naming the file."""
    data, name = read_bytes(path)
    return _parse_json(_json_text(data, name), name)


def load_version(path: str, published: date | str | None = None, *, today: date | None = None,
                 format_in: str | None = None, undated: str | None = None,
                 status: Sequence[str] | None = None, fetcher: Callable[[str], Any] | None = None,
                 lang: str | None = None) -> Timeline:
    """The timeline of one version: a timeline JSON file (".json", or text that starts with "{"),
    or an article in any format `timeline extract` reads, with its own publication date.
    `undated` and `status` choose an article's events as for `pipeline.process` (a JSON file's
    events are as they were written; `status` filters them too). A URL is fetched by `fetcher`."""
    from timeline.pipeline import process
    from timeline.readers import article_from_bytes, load_one
    from timeline.readers.url import is_url

    undated = undated or DEFAULT_UNDATED
    if is_url(path):
        article = load_one(path, published=published, today=today, format_in=format_in, fetcher=fetcher, lang=lang)
        return process(article, undated=undated, status=status).timeline()
    data, name = read_bytes(path)
    json_start = data.removeprefix(codecs.BOM_UTF8).lstrip()[:1] == b"{"
    if format_in is None and (path.lower().endswith(".json") or json_start):
        if published is not None:
            raise ArticleError(f"{name}: is a timeline JSON file; its dates are already resolved, "
                               "so a publication date cannot be given for it")
        tl = _parse_json(_json_text(data, name), name)
        return replace(tl, events=filter_status(tl.events, parse_statuses(status)))
    article = article_from_bytes(data, name, published=published, today=today, format_in=format_in, lang=lang)
    return process(article, undated=undated, status=status).timeline()
