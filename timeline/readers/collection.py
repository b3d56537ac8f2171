"""Read a collection of articles: a JSON Lines, CSV or TSV (tab-separated) file with one article
per row, the shape scrapers and news datasets export.

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
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO

from timeline.article import (
    Article,
    article_language,
    clean_text,
    declared_language,
    has_lone_surrogate,
    make_article,
    parse_date,
    slugify,
)
from timeline.errors import ArticleError
from timeline.frozen import quick_init

__all__ = ["COLLECTION_SUFFIXES", "FIELD_LIMIT", "Row", "RowIds", "article_from_row", "is_collection", "iter_rows",
           "read_rows"]

COLLECTION_SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".tsv": "tsv"}
# The cell delimiter of each kind of table file.
_DELIMITERS = {"csv": ",", "tsv": "\t"}
_FIELDS = ("id", "title", "text", "html", "url", "published", "date", "source", "author", "lang")
_FIELD_SET = frozenset(_FIELDS)
#: The largest field a row may have, in characters (a CSV cell may hold a whole web page): a row
#: with a larger one is skipped, and the next row is read.
FIELD_LIMIT = 64 * 1024 * 1024
# The csv module stops at its own limit in the middle of a record (the rest of the record would
# then be read as rows): it reads any size, and a row over FIELD_LIMIT is refused whole.
csv.field_size_limit(sys.maxsize)


@quick_init
@dataclass(frozen=True)
class Row:
    """One row of a collection: where it is (`number`: the line of a JSON Lines file, the record of
    a CSV file after its header) and its fields, or the problem that makes it unreadable. `id`,
    when set, is the article's id (made unique in the run: `RowIds`); `warnings` are what reading
    it found to say (said when the row is processed)."""

    path: str
    number: int
    fields: dict[str, str] | None
    error: str | None = None
    id: str | None = None
    warnings: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        return f"{self.path}: row {self.number}"


def is_collection(path: str) -> bool:
    return Path(path).suffix.lower() in COLLECTION_SUFFIXES


#: The fields that hold the article itself: a value that is no string there is the row's error.
_BODY_FIELDS = frozenset({"text", "html"})
#: The fields that give the publication date.
_DATE_FIELDS = frozenset({"published", "date"})


def _json_kind(value: object) -> str:
    """What a JSON value is, for a message: "a list", "an object", "a number", "true or false"."""
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, (int, float)):
        return "a number"
    return {list: "a list", dict: "an object"}.get(type(value), f"a {type(value).__name__}")


def _fields(path: str, number: int, raw: Iterable[tuple[object, object]]) -> Row:
    """The row of these (name, value) pairs: known fields only, cleaned (timeline.article.clean_text);
    a field over FIELD_LIMIT makes it an error."""
    out: dict[str, str] = {}
    warnings: list[str] = []
    named: dict[str, object] = {}
    for k, v in raw:
        key = k if k in _FIELD_SET else str(k).strip().lower()  # a field's name as it is, most often
        if key not in _FIELD_SET or v is None:
            continue
        if key in named:  # "Text" and "text": one of the two would be dropped, unsaid
            return Row(path, number, None, f"{path}: row {number}: the field '{key}' is given twice "
                                           f"({str(named[key])!r} and {str(k)!r})")
        named[key] = k
        if v.__class__ is str:
            value = v
        elif key in _BODY_FIELDS:  # a list of paragraphs, a number: no article text to read
            return Row(path, number, None, f"{path}: row {number}: '{key}' is {_json_kind(v)}, not a string")
        elif isinstance(v, (dict, list)):  # a tuple: no union built a field
            if key in _DATE_FIELDS:  # read as no date, the text's would be taken for it: a wrong date
                return Row(path, number, None, f"{path}: row {number}: '{key}' is {_json_kind(v)}, not a date")
            warnings.append(f"{path}: row {number}: '{key}' is {_json_kind(v)}, not a single value; ignored")
            continue
        else:
            value = str(v)
        if len(value) > FIELD_LIMIT:
            return Row(path, number, None, f"{path}: row {number}: a field of {len(value):,} characters ('{key}') "
                                            f"is over the limit of {FIELD_LIMIT:,}")
        if value.isprintable():  # no line end, control character or surrogate: nothing to clean
            if value and not value.isspace():  # (`value.strip()`, without copying the value)
                out[key] = value
            continue
        if has_lone_surrogate(value):
            warnings.append(f"{path}: row {number}: '{key}' holds a lone surrogate (half of a UTF-16 pair, "
                            "not a character); replaced by U+FFFD")
        value = clean_text(value)
        if value.strip():
            out[key] = value
    return Row(path, number, out, warnings=tuple(warnings))


def iter_rows(path: str) -> Iterator[Row]:
    """The rows of a collection file, read as they are asked for (memory: one row at a time); a
    file that cannot be opened, or is not a collection at all, is an ArticleError naming it."""
    try:
        fh = open(path, "rb")  # noqa: SIM115 (closed below, when the rows are read)
    except OSError as exc:
        raise ArticleError(f"{path}: cannot read ({exc.strerror or exc})") from None
    with fh:
        yield from _rows(path, fh)


def read_rows(path: str, data: bytes) -> Iterator[Row]:
    """The rows of a collection file's bytes, in order (as `iter_rows`)."""
    return _rows(path, io.BytesIO(data))


def _rows(path: str, fh: BinaryIO) -> Iterator[Row]:
    kind = COLLECTION_SUFFIXES.get(Path(path).suffix.lower(), "jsonl")
    try:
        if kind == "jsonl":
            yield from _jsonl_rows(path, fh)
        else:
            yield from _csv_rows(path, fh, kind)
    except OSError as exc:
        raise ArticleError(f"{path}: cannot read ({exc.strerror or exc})") from None


def _jsonl_rows(path: str, fh: BinaryIO) -> Iterator[Row]:
    """One row per line: a line that is not UTF-8 or not a JSON object is that row's error."""
    for number, raw in enumerate(fh, start=1):
        try:
            line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            yield Row(path, number, None, f"{path}: row {number}: not UTF-8 text (an invalid byte at column "
                                          f"{exc.start + 1})")
            continue
        if not line or line.isspace():  # (what `not line.strip()` says, without copying the line)
            continue
        try:
            value = _loads(line)
        except (ValueError, RecursionError) as exc:
            yield Row(path, number, None, f"{path}: row {number}: not a JSON object ({_reason(exc)})")
            continue
        if not isinstance(value, dict):
            yield Row(path, number, None, f"{path}: row {number}: not a JSON object of fields")
            continue
        yield _fields(path, number, _pairs(line, value))


_SCAN = json.decoder.JSONDecoder().scan_once  # what json.loads runs, without its checks around it


def _loads(line: str) -> object:
    """`json.loads(line)`: an object that is the whole line but for JSON whitespace is scanned at
    once; anything else (and every error) goes through json.loads itself, which says why."""
    if line[:1] == "{":
        try:
            value, end = _SCAN(line, 0)
        except (ValueError, RecursionError, StopIteration):
            pass
        else:
            if end == len(line) or not line[end:].strip(" \t\n\r"):
                return value
    return json.loads(line)


class _Pairs(dict):  # type: ignore[type-arg]
    """A JSON object that keeps its (name, value) pairs as written, a name given twice included."""

    pairs: list[tuple[str, object]]


def _keep_pairs(pairs: list[tuple[str, object]]) -> _Pairs:
    obj = _Pairs(pairs)
    obj.pairs = pairs
    return obj


def _pairs(line: str, value: dict[str, object]) -> Iterable[tuple[object, object]]:
    """The fields of the JSON object `value` read from `line`, as written: a field of ours whose
    name the line holds twice in quotes may be given twice ({"text": "a", "text": "b"}, of which a
    JSON reader keeps the last one, silently); then the line is read again with every pair, so
    that `_fields` finds the name given twice. Most lines are read once."""
    for key in value:
        if key.__class__ is str and key.strip().lower() in _FIELD_SET and line.count(f'"{key}"') > 1:
            return json.loads(line, object_pairs_hook=_keep_pairs).pairs  # type: ignore[no-any-return]
    return value.items()


def _reason(exc: Exception) -> str:
    return str(exc).split(":")[0] if isinstance(exc, ValueError) else "nested too deeply"


def _csv_rows(path: str, fh: BinaryIO, kind: str = "csv") -> Iterator[Row]:
    """The rows of a CSV file, or of a TSV file (`kind` "tsv": cells between tabs, quoted as in CSV)."""
    # Bytes that are not UTF-8 are read as lone surrogates (which valid text never holds) and
    # make their row an error, not the file.
    text = io.TextIOWrapper(fh, encoding="utf-8-sig", errors="surrogateescape", newline="")
    reader = csv.reader(text, delimiter=_DELIMITERS[kind])
    try:
        header = next(reader)
    except StopIteration:
        return
    except csv.Error as exc:
        raise ArticleError(f"{path}: not a {kind.upper()} file ({exc})") from None
    if any(has_lone_surrogate(h) for h in header):
        raise ArticleError(f"{path}: not UTF-8 text (in the header)")
    names = [h.strip().lower() for h in header]
    twice = sorted({n for n in names if n and names.count(n) > 1})
    if twice:  # a second column of one name hid the first: each row kept one of its two cells
        raise ArticleError(f"{path}: the header names the column {twice[0]!r} twice (the header has "
                           f"{', '.join(repr(h.strip()) for h in header[:8])})")
    if not {"text", "html"} & set(names):
        raise ArticleError(f"{path}: a collection needs a 'text' or 'html' column (the header has "
                           f"{', '.join(repr(n) for n in names[:8]) or 'nothing'})")
    number = 0
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:  # the reader goes on at the next line
            number += 1
            yield Row(path, number, None, f"{path}: row {number}: not a {kind.upper()} record ({exc})")
            continue
        number += 1
        if not any(c.strip() for c in cells):
            continue
        if len(cells) > len(names):
            yield Row(path, number, None, f"{path}: row {number}: {len(cells)} cells for {len(names)} columns")
            continue
        if any(has_lone_surrogate(c) for c in cells):
            yield Row(path, number, None, f"{path}: row {number}: not UTF-8 text (an invalid byte)")
            continue
        yield _fields(path, number, zip(names, cells, strict=False))


def row_id(row: Row) -> str:
    """The id of a row's article: its `id` field as a slug, else the file's name and the row
    number ("feed-12")."""
    if row.id is not None:
        return row.id
    f = row.fields or {}
    return slugify(f["id"]) if f.get("id") else f"{_stem_slug(row.path)}-{row.number}"


@lru_cache(maxsize=64)
def _stem_slug(path: str) -> str:
    return slugify(Path(path).stem)


class RowIds:
    """The ids of the rows of one run, made unique: the first row with an id keeps it; a later one
    gets the first free of "ID-2", "ID-3", ... and a warning (`../../x` and `x` are both "x", and
    must not become one article with the same event ids). Deterministic: it depends only on the
    rows before, in order."""

    def __init__(self) -> None:
        self.seen: set[str] = set()
        # the last number given to each id wanted again: "ID-2" up to it are taken (an id is never
        # freed), so the next row wanting it starts there (a feed of 20,000 rows of one id tried
        # 200 million names)
        self.last: dict[str, int] = {}

    def assign(self, row: Row) -> Row:
        if row.fields is None:
            return row
        wanted = row_id(row)
        aid, n = wanted, 1
        if aid in self.seen:
            n = self.last.get(wanted, 1)
            while aid in self.seen:
                n += 1
                aid = f"{wanted}-{n}"
            self.last[wanted] = n
        self.seen.add(aid)
        if aid == wanted:  # the common case, made without dataclasses.replace (several times dearer)
            return Row(row.path, row.number, row.fields, row.error, aid, row.warnings)
        return replace(row, id=aid, warnings=(*row.warnings, f"{row.name}: the id {wanted!r} is taken by an earlier "
                                                            f"article; this one is {aid!r}"))


def article_from_row(row: Row, *, today: date | None = None, warn: Callable[[str], None] | None = None,
                     published: date | None = None, lang: str | None = None) -> Article:
    """The article of one row. Its id is `row_id(row)`. `published` is used when the row has no
    date field; `warn` hears the row's warnings; `lang` (--lang) overrides the row's `lang`."""
    if row.fields is None:
        raise ArticleError(row.error or f"{row.name}: cannot be read")
    f = row.fields
    name = row.name
    own = f.get("published") or f.get("date")
    field = "published" if f.get("published") else "date"
    published_value: date | None = parse_date(own, name, field) if own else published
    aid = row_id(row)
    title = " ".join(f["title"].split()) if f.get("title") else None
    declared = article_language(lang, None, "", name) if lang else declared_language(f.get("lang"), name, warn)
    if f.get("html"):
        from timeline.readers.html import read_html

        article = read_html(f["html"].encode("utf-8"), name, url=f.get("url"), published=published_value,
                            today=today, warn=warn, lang=declared)
    elif f.get("text"):
        # The row's own fields go in at once: one Article, not one made and then another.
        article = make_article(f["text"], name=name, article_id=aid, title=title, published=published_value,
                               fmt="text", today=today, warn=warn, lang=declared, source=f.get("source"),
                               url=f.get("url"), author=f.get("author"),
                               published_how="collection" if own is not None else None)
        _said(row, warn)
        return article
    else:
        raise ArticleError(f"{name}: has neither a 'text' nor an 'html' field")
    _said(row, warn)
    # One new Article (not dataclasses.replace, several times dearer); every field of Article is an
    # init field.
    return Article(**{
        **article.__dict__,
        "id": aid,
        "title": title or article.title,
        "source": f.get("source") or article.source,
        "url": f.get("url") or article.url,
        "author": f.get("author") or article.author,
        "path": name,
        "published_how": "collection" if own is not None else article.published_how,
    })


def _said(row: Row, warn: Callable[[str], None] | None) -> None:
    for message in row.warnings:  # once the row is read (it may be read again with a --published date)
        if warn is not None:
            warn(message)

