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
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from timeline.article import Article, decode_text, make_article, read_bytes, slugify
from timeline.errors import ArticleError

if TYPE_CHECKING:
    from timeline.readers.url import Fetched

__all__ = ["FORMATS_IN", "HTML_SUFFIXES", "article_from_bytes", "input_kind", "is_pdf", "load_article", "load_one",
           "url_id"]

FORMATS_IN = ("text", "markdown", "html")
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
_MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown", ".mkd"}
#: What timeline writes that is no article (its tags and labels would be read as text and dated).
_NOT_ARTICLES = {".svg": "an SVG drawing", ".mmd": "a Mermaid chart", ".mermaid": "a Mermaid chart",
                 ".mw": "a Markwhen timeline",
                 ".json": "JSON"}  # a timeline's or a story's (`diff` reads a timeline's), or a scraper's


def input_kind(name: str, data: bytes, format_in: str | None = None) -> str:
    """What a file is: "html", "collection", "markdown" or "text" (`format_in` decides when given;
    else the suffix; else HTML recognised by its first bytes, e.g. on stdin). A drawing or chart
    timeline writes (`.svg`, `.mmd`, `.mw`) is an ArticleError unless `format_in` says otherwise."""
    if format_in:
        return format_in
    from timeline.readers.collection import is_collection

    suffix = Path(name).suffix.lower()
    if suffix in _NOT_ARTICLES:
        hint = "; a collection of articles is .jsonl, one a line" if suffix == ".json" else ""
        raise ArticleError(f"{name}: is {_NOT_ARTICLES[suffix]}, not an article (--format-in reads it as one{hint})")
    if suffix in HTML_SUFFIXES:
        return "html"
    if is_collection(name):
        return "collection"
    if suffix in _MARKDOWN_SUFFIXES:
        return "markdown"
    from timeline.readers.html import looks_like_html

    return "html" if looks_like_html(data) else "text"


_PDF_MAGIC = b"%PDF-"


def is_pdf(data: bytes) -> bool:
    """Whether bytes are a PDF, by its magic number (after a byte-order mark or blank space that a
    server or an editor put before it): a server may send one without a Content-Type, or as a page."""
    return data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n\f").startswith(_PDF_MAGIC)


def article_from_bytes(data: bytes, name: str, *, url: str | None = None, published: date | str | None = None,
                       today: date | None = None, format_in: str | None = None,
                       warn: Callable[[str], None] | None = None, kind: str | None = None,
                       lang: str | None = None) -> Article:
    """One article from the bytes of a file (or page) called `name` (in language `lang` when given).
    `url`: the address a fetched page ended at; `name` is then the URL asked for, and the article's
    id comes from both (`url_id`)."""
    if is_pdf(data):  # whatever its name, its Content-Type (often none) or --format-in say
        raise ArticleError(f"{name}: is a PDF (its first bytes are %PDF-), which timeline does not read; "
                           "convert it to text first (e.g. pdftotext)")
    kind = kind or input_kind(name, data, format_in)
    if kind == "html":
        from timeline.readers.html import read_html

        article = read_html(data, name, url=url, published=published, today=today, warn=warn, lang=lang)
        return article if url is None else _with_url_id(article, name, url)
    if kind == "collection":
        raise ArticleError(f"{name}: is a collection of articles (one per row); 'timeline build' and "
                           "'timeline events' read collections, this command reads one article")
    return make_article(decode_text(data, name), name=name, published=published, today=today,
                        fmt="markdown" if kind == "markdown" else "text", warn=warn, lang=lang)


def load_one(source: str, *, published: date | str | None = None, today: date | None = None,
             format_in: str | None = None, warn: Callable[[str], None] | None = None,
             fetcher: Callable[[str], Fetched] | None = None, lang: str | None = None) -> Article:
    """One article from a file, stdin ("-") or an http(s) URL (fetched by `fetcher`, by default
    `url.Fetcher()`: no redirect into a private network, a 30 s deadline), in language `lang` when
    given."""
    from timeline.readers.url import Fetcher, is_url, redact

    if is_url(source):
        page = (fetcher or Fetcher())(source)
        return article_from_bytes(page.data, redact(source), url=page.final_url, published=published, today=today,
                                  format_in=format_in or "html", warn=warn, lang=lang)
    data, name = read_bytes(source)
    return article_from_bytes(data, name, published=published, today=today, format_in=format_in, warn=warn,
                              lang=lang)


def load_article(
    path: str, published: date | str | None = None, *, today: date | None = None, fmt: str | None = None,
    warn: Callable[[str], None] | None = None, fetcher: Callable[[str], Fetched] | None = None,
    lang: str | None = None,
) -> Article:
    """Read one article into an Article (`timeline.load_article`): a text, Markdown or HTML file,
    stdin ("-"), or a web page by its http(s) URL (fetched by `fetcher`, see
    `timeline.readers.url.Fetcher`); `fmt` ("text", "markdown", "html") overrides what the name and
    the bytes say. ArticleError names the file on failure."""
    return load_one(path, published=published, today=today, format_in=fmt, warn=warn, fetcher=fetcher, lang=lang)


# Last path segments that name a folder's default page, not the article: the folder names it.
_DEFAULT_PAGES = frozenset({"index", "default", "home", "main"})
_PAGE_SUFFIX = re.compile(r"\.(?:s?html?|xhtml|php\d?|aspx?|jsp|cfm)$", re.IGNORECASE)
_READABLE_MAX = 48


def url_id(url: str, final_url: str | None = None) -> str:
    """An article id from a page's address, unique and safe as a file name: a readable part (the
    last path segment of `final_url`, where the page ended up, else of `url`, without its
    extension; its folder's name for an "index.html"; else the host), then "-" and 10 hex digits
    of the SHA-256 of `url` without credentials and fragment (`url.address_key`):
    "https://example.org/2026/01/30/floods-hit.html" -> "floods-hit-1f0c3e…". The same URL (ending
    at the same address) always gives the same id, and two URLs (two pages) two ids, whatever else
    is built with them."""
    import hashlib

    from timeline.readers.url import address_key

    key = address_key(url)
    try:
        parts = urlsplit(address_key(final_url or url))
        path, host = parts.path, parts.hostname
    except ValueError:  # not a URL that can be fetched; an id all the same
        path, host = "", None
    segments = [_PAGE_SUFFIX.sub("", s) for s in path.split("/") if s]
    while segments and segments[-1].lower() in _DEFAULT_PAGES:
        segments.pop()
    readable = slugify(segments[-1] if segments else re.sub(r"^www\.", "", host or "page"))
    readable = readable[:_READABLE_MAX].strip("-") or "page"
    return f"{readable}-{hashlib.sha256(key.encode('utf-8', 'surrogateescape')).hexdigest()[:10]}"


def _with_url_id(article: Article, url: str, final_url: str | None) -> Article:
    from dataclasses import replace

    from timeline.readers.url import redact

    return replace(article, id=url_id(url, final_url), path=redact(url))
