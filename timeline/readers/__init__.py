"""Readers: one small module per input kind, behind one way in.

- plain text and Markdown, with optional YAML front matter (`timeline.article.make_article`);
- saved web pages, `.html`/`.htm` or HTML recognised by its first bytes (`html.read_html`);
- web pages by URL (`url.fetch`, then the HTML reader);
- collections: JSON Lines or CSV files of one article per row (`collection`).

`load_one` reads one article for the commands that take one (`extract`, `tag`, `diff`); the site
build and the corpus table read many through `timeline.batch`. Every reader records where the
publication date came from in `Article.published_how`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from timeline.article import Article, decode_text, make_article, read_bytes, slugify
from timeline.errors import ArticleError

__all__ = ["FORMATS_IN", "HTML_SUFFIXES", "article_from_bytes", "input_kind", "load_one", "url_id"]

FORMATS_IN = ("text", "markdown", "html")
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
_MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown", ".mkd"}


def input_kind(name: str, data: bytes, format_in: str | None = None) -> str:
    """What a file is: "html", "collection", "markdown" or "text" (`format_in` decides when given;
    else the suffix; else HTML recognised by its first bytes, e.g. on stdin)."""
    if format_in:
        return format_in
    from timeline.readers.collection import is_collection

    suffix = Path(name).suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if is_collection(name):
        return "collection"
    if suffix in _MARKDOWN_SUFFIXES:
        return "markdown"
    from timeline.readers.html import looks_like_html

    return "html" if looks_like_html(data) else "text"


def article_from_bytes(data: bytes, name: str, *, url: str | None = None, published: date | str | None = None,
                       today: date | None = None, format_in: str | None = None,
                       warn: Callable[[str], None] | None = None, kind: str | None = None,
                       lang: str | None = None) -> Article:
    """One article from the bytes of a file (or page) called `name` (in language `lang` when given)."""
    kind = kind or input_kind(name, data, format_in)
    if kind == "html":
        from timeline.readers.html import read_html

        article = read_html(data, name, url=url, published=published, today=today, warn=warn, lang=lang)
        return article if url is None else _with_url_id(article, url)
    if kind == "collection":
        raise ArticleError(f"{name}: is a collection of articles (one per row); 'timeline build' and "
                           "'timeline events' read collections, this command reads one article")
    return make_article(decode_text(data, name), name=name, published=published, today=today,
                        fmt="markdown" if kind == "markdown" else "text", warn=warn, lang=lang)


def load_one(source: str, *, published: date | str | None = None, today: date | None = None,
             format_in: str | None = None, warn: Callable[[str], None] | None = None,
             lang: str | None = None) -> Article:
    """One article from a file, stdin ("-") or an http(s) URL (in language `lang` when given)."""
    from timeline.readers.url import fetch, is_url

    if is_url(source):
        page = fetch(source)
        return article_from_bytes(page.data, source, url=page.final_url, published=published, today=today,
                                  format_in=format_in or "html", warn=warn, lang=lang)
    data, name = read_bytes(source)
    return article_from_bytes(data, name, published=published, today=today, format_in=format_in, warn=warn,
                              lang=lang)


def url_id(url: str) -> str:
    """An article id from a page's address: its last path segment without the extension
    ("https://example.org/2026/01/30/floods-hit.html" -> "floods-hit"), else its host."""
    parts = urlsplit(url)
    segments = [s for s in parts.path.split("/") if s]
    last = re.sub(r"\.(?:s?html?|php|aspx?|jsp)$", "", segments[-1], flags=re.IGNORECASE) if segments else ""
    return slugify(last or parts.hostname or "page")


def _with_url_id(article: Article, url: str) -> Article:
    from dataclasses import replace

    return replace(article, id=url_id(url), path=url)
