"""Read a collection of articles: a JSON Lines or CSV file with one article per row, the shape
scrapers and news datasets export.

Fields (case-insensitive; unknown ones are ignored): `id`, `title`, `text` or `html` (the page as
saved: read as a web page), `url`, `published` (or `date`), `source`, `author`, `lang` (the
language, "es"; else as the page or the text tells: timeline.lang). Every row needs a
`text` or an `html`; without `published`, an `html` row takes its date from the page, a `text` row
infers one from its text (as a plain-text article does). A row that cannot be read is an error
naming the file and the row; the other rows are read.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from timeline.article import Article, make_article, parse_date, slugify
from timeline.errors import ArticleError

__all__ = ["COLLECTION_SUFFIXES", "Row", "article_from_row", "is_collection", "read_rows"]

COLLECTION_SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv"}
_FIELDS = ("id", "title", "text", "html", "url", "published", "date", "source", "author", "lang")
# A CSV cell may hold a whole web page.
csv.field_size_limit(64 * 1024 * 1024)


@dataclass(frozen=True)
class Row:
    """One row of a collection: where it is (`number`: the line of a JSON Lines file, the record of
    a CSV file after its header) and its fields, or the problem that makes it unreadable."""

    path: str
    number: int
    fields: dict[str, str] | None
    error: str | None = None

    @property
    def name(self) -> str:
        return f"{self.path}: row {self.number}"


def is_collection(path: str) -> bool:
    return Path(path).suffix.lower() in COLLECTION_SUFFIXES


def _clean(raw: dict[object, object]) -> dict[str, str]:
    out: dict[str, str] = {}
    for k, v in raw.items():
        key = str(k).strip().lower()
        if key in _FIELDS and v is not None and not isinstance(v, dict | list) and str(v).strip():
            out[key] = str(v)
    return out


def read_rows(path: str, data: bytes) -> Iterator[Row]:
    """The rows of a collection file's bytes, in order; a file that is not one at all is an
    ArticleError naming it."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ArticleError(f"{path}: not UTF-8 text (invalid byte at offset {exc.start})") from None
    kind = COLLECTION_SUFFIXES.get(Path(path).suffix.lower(), "jsonl")
    if kind == "jsonl":
        yield from _jsonl_rows(path, text)
    else:
        yield from _csv_rows(path, text)


def _jsonl_rows(path: str, text: str) -> Iterator[Row]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except (ValueError, RecursionError) as exc:
            yield Row(path, number, None, f"{path}: row {number}: not a JSON object ({_reason(exc)})")
            continue
        if not isinstance(value, dict):
            yield Row(path, number, None, f"{path}: row {number}: not a JSON object of fields")
            continue
        yield Row(path, number, _clean(value))


def _reason(exc: Exception) -> str:
    return str(exc).split(":")[0] if isinstance(exc, ValueError) else "nested too deeply"


def _csv_rows(path: str, text: str) -> Iterator[Row]:
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        return
    except csv.Error as exc:
        raise ArticleError(f"{path}: not a CSV file ({exc})") from None
    names = [h.strip().lower() for h in header]
    if not {"text", "html"} & set(names):
        raise ArticleError(f"{path}: a collection needs a 'text' or 'html' column (the header has "
                           f"{', '.join(repr(n) for n in names[:8]) or 'nothing'})")
    number = 0
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            number += 1
            yield Row(path, number, None, f"{path}: row {number}: not a CSV record ({exc})")
            return  # the rest of the file cannot be read reliably after a broken record
        number += 1
        if not any(c.strip() for c in cells):
            continue
        if len(cells) > len(names):
            yield Row(path, number, None, f"{path}: row {number}: {len(cells)} cells for {len(names)} columns")
            continue
        yield Row(path, number, _clean(dict(zip(names, cells, strict=False))))


def article_from_row(row: Row, *, today: date | None = None, warn: Callable[[str], None] | None = None,
                     published: date | None = None, lang: str | None = None) -> Article:
    """The article of one row. Its id is the row's `id` (as a slug), else the file's name and the
    row number ("feed-12"). `published` is used when the row has no date field; `lang` (--lang)
    overrides the row's `lang`."""
    from timeline.article import article_language

    if row.fields is None:
        raise ArticleError(row.error or f"{row.name}: cannot be read")
    f = row.fields
    name = row.name
    own = f.get("published") or f.get("date")
    field = "published" if f.get("published") else "date"
    published_value: date | None = parse_date(own, name, field) if own else published
    declared = article_language(lang, f.get("lang"), "", name) if lang or f.get("lang") else None
    if f.get("html"):
        from timeline.readers.html import read_html

        article = read_html(f["html"].encode("utf-8"), name, url=f.get("url"), published=published_value,
                            today=today, warn=warn, lang=declared)
    elif f.get("text"):
        article = make_article(f["text"], name=name, published=published_value, fmt="text", today=today, warn=warn,
                               lang=declared)
    else:
        raise ArticleError(f"{name}: has neither a 'text' nor an 'html' field")
    if own is not None:
        article = replace(article, published_how="collection")
    return replace(
        article,
        id=slugify(f["id"]) if f.get("id") else f"{slugify(Path(row.path).stem)}-{row.number}",
        title=" ".join(f["title"].split()) if f.get("title") else article.title,
        source=f.get("source") or article.source,
        url=f.get("url") or article.url,
        author=f.get("author") or article.author,
        path=name,
    )
