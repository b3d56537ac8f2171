"""Process many article files: in this process or in a pool of processes (`jobs`), with an
optional cache; results come back in input order, so the output never depends on scheduling.

A file that cannot be read or processed is a `Failure` (its one-line error, naming the file), not
an exception: a build or a corpus table goes on with the other files and reports it at the end.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from timeline.article import Article, NoPublicationDate
from timeline.cache import Entry, ProcessCache, article_key, code_digest
from timeline.errors import ArticleError, UserError
from timeline.meta import DEFAULT_UNDATED
from timeline.pipeline import ArticleResult, options_key, process
from timeline.readers.collection import Row
from timeline.readers.url import Fetched, fetch, is_url

MANIFEST = ".timeline-build"  # the list of files a site build wrote into its folder (timeline.site)
ARTICLE_SUFFIXES = {".txt", ".md", ".markdown", ".text", ".html", ".htm", ".xhtml", ".jsonl", ".ndjson", ".csv"}


def _outputs_in(folder: Path) -> set[Path]:
    """The files a build wrote into `folder`, from its manifest (none if it has no readable one)."""
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        return {folder / str(name) for name in data.get("files", [])}
    except (OSError, ValueError, AttributeError, TypeError):
        return set()


def collect_sources(sources: Sequence[str]) -> list[Path]:
    """Article files named directly or found (recursively, sorted) in the named folders: text,
    Markdown, web pages and collections (see ARTICLE_SUFFIXES); in a folder, the files an earlier
    build wrote there (listed in its manifest) are outputs, not articles."""
    files: list[Path] = []
    for src in sources:
        p = Path(src)
        if p.is_dir():
            outputs = {f for m in p.rglob(MANIFEST) for f in _outputs_in(m.parent)}
            found = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in ARTICLE_SUFFIXES
                           and not any(part.startswith(".") for part in f.relative_to(p).parts)
                           and f not in outputs)
            if not found:
                raise ArticleError(f"{src}: no articles (*.txt, *.md, *.html, *.jsonl, *.csv) in this folder")
            files.extend(found)
        elif p.exists():
            files.append(p)
        else:
            raise ArticleError(f"{src}: no such file or folder")
    return files


@dataclass(frozen=True)
class Item:
    """One article to read: a file the worker reads (`path`), a row of a collection already read
    (`row`), or a page already fetched (`data`, from `url`). `name` is what messages call it;
    `key` its cache key (None when it could not be read to make one: processing then says why)."""

    name: str
    key: str | None
    path: str | None = None
    row: Row | None = None
    data: bytes | None = None
    url: str | None = None


def digest_key(*parts: str | bytes) -> str:
    h = hashlib.sha256(code_digest().encode())
    for part in parts:
        h.update(b"\0" + (part.encode("utf-8", "surrogateescape") if isinstance(part, str) else part))
    return h.hexdigest()


def collect_items(sources: Sequence[str], urls: Sequence[str] = (), *,
                  fetcher: Callable[[str], Fetched] | None = None) -> list[Item]:
    """The articles of the sources, in order: one item per file, per row of a collection file, per
    URL (fetched here: a page that cannot be fetched becomes an item whose processing reports why)."""
    from timeline.readers.collection import is_collection, read_rows

    items: list[Item] = []
    paths = [s for s in sources if not is_url(s)]
    for path in [str(f) for f in collect_sources(paths)] if paths else []:
        if not is_collection(path):
            items.append(Item(path, file_key(path), path=path))
            continue
        try:
            data = Path(path).read_bytes()
            rows = list(read_rows(path, data))
        except (OSError, ArticleError) as exc:
            message = str(exc) if isinstance(exc, ArticleError) else f"{path}: cannot read ({exc})"
            items.append(Item(path, None, row=Row(path, 0, None, message)))
            continue
        for row in rows:
            fields = json.dumps(row.fields, sort_keys=True) if row.fields else None
            key = digest_key("row", path, str(row.number), fields) if fields else None
            items.append(Item(row.name, key, row=row))
    for url in [*(s for s in sources if is_url(s)), *urls]:
        try:
            page = (fetcher or fetch)(url)
        except ArticleError as exc:
            items.append(Item(url, None, row=Row(url, 0, None, str(exc))))
            continue
        items.append(Item(url, digest_key("url", url, page.final_url, page.data), data=page.data, url=page.final_url))
    return items


def read_url_list(path: str) -> list[str]:
    """The URLs of a list file: one per line; blank lines and lines starting with '#' are skipped."""
    from timeline.article import read_source

    text, name = read_source(path)
    urls = []
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if not is_url(line):
            raise ArticleError(f"{name}: line {number}: not an http(s) URL: {line[:80]!r}")
        urls.append(line)
    return urls


@dataclass(frozen=True)
class Failure:
    """An article that gave no result, and why (one line naming the file). A page without article
    text is a `skipped` failure: a warning, not an error."""

    path: str
    message: str
    skipped: bool = False


Outcome = ArticleResult | Failure


@dataclass(frozen=True)
class Options:
    """How articles are read and turned into events, the same for every article of a run:
    `published` dates the articles that give no date of their own; `undated` and `status` choose
    the events (as for `pipeline.process`). Results depend on them, so cache keys do too."""

    published: date | None = None
    undated: str = DEFAULT_UNDATED
    status: tuple[str, ...] | None = None
    lang: str | None = None  # --lang: the language of every article (None: each says or shows its own)

    def key(self) -> str:
        published = self.published.isoformat() if self.published else "-"
        lang = f";lang={self.lang}" if self.lang else ""
        return f"published={published};{options_key(self.undated, self.status)}{lang}"

    def keyed(self, key: str | None) -> str | None:
        """An item's cache key for results made with these options."""
        return digest_key("options", key, self.key()) if key is not None else None


DEFAULT_OPTIONS = Options()


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def _read(item: Item, today: date, published: date | None, warn: Callable[[str], None],
          lang: str | None = None) -> Article:
    from timeline.readers import article_from_bytes, load_one
    from timeline.readers.collection import article_from_row

    if item.row is not None:
        return article_from_row(item.row, today=today, warn=warn, published=published, lang=lang)
    if item.data is not None:
        return article_from_bytes(item.data, item.name, url=item.url, today=today, format_in="html", warn=warn,
                                  published=published, lang=lang)
    return load_one(item.path or item.name, today=today, warn=warn, published=published, lang=lang)


def process_item(item: Item, today: date, options: Options = DEFAULT_OPTIONS) -> Entry:
    """Read and process one article with `options`; any error becomes the entry's one-line
    message, and what the readers warned of goes with it."""
    from timeline.readers.html import NoArticleText

    heard: list[str] = []
    try:
        try:
            article = _read(item, today, None, heard.append, options.lang)
        except NoPublicationDate:
            if options.published is None:
                raise
            article = replace(_read(item, today, options.published, heard.append, options.lang),
                              published_how="given (--published, for an article that gives no date)")
        result = process(article, undated=options.undated, status=options.status)
    except NoArticleText as exc:
        return Entry(None, str(exc), skipped=True, warnings=tuple(heard))
    except UserError as exc:
        return Entry(None, str(exc), warnings=tuple(heard))
    except RecursionError:
        return Entry(None, f"{item.name}: too deeply nested to read", warnings=tuple(heard))
    except Exception as exc:  # a bug must not abort a whole build: report it, naming the file
        return Entry(None, f"{item.name}: internal error ({type(exc).__name__}: {exc}); please report it",
                     warnings=tuple(heard))
    used_today = today.isoformat() if article.published_how.startswith("inferred") else None
    return Entry(result, None, used_today, warnings=tuple(heard))


def _process_chunk(items: Sequence[Item], today: date, options: Options) -> list[Entry]:
    # Each entry comes back with its cache JSON, made here in the worker, in parallel.
    return [process_item(i, today, options).with_json() for i in items]


def fork_available() -> bool:
    """Whether worker processes can be forked (Linux): they then start at once, sharing what the
    parent has loaded, instead of importing everything again."""
    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


def _pool_context() -> multiprocessing.context.BaseContext:
    # The parent holds no threads or locks when a pool forks.
    return multiprocessing.get_context("fork" if fork_available() else None)


# Below this many articles per worker a pool costs more than it saves.
_MIN_PER_JOB = 4


def run_entries(items: Sequence[Item], today: date, jobs: int, advance: Callable[[int], None] = lambda n: None,
                options: Options = DEFAULT_OPTIONS) -> Iterator[Entry]:
    """The entries of `items`, in order, processed by `jobs` processes."""
    jobs = max(1, min(jobs, len(items) // _MIN_PER_JOB))
    if jobs == 1:
        for item in items:
            yield process_item(item, today, options)
            advance(1)
        return
    if fork_available():
        from timeline.temporal.rules import GRAMMAR

        GRAMMAR.warm()  # once here, instead of once in every worker
    size = max(1, min(32, len(items) // (jobs * 8)))
    chunks = [items[i:i + size] for i in range(0, len(items), size)]
    with ProcessPoolExecutor(max_workers=jobs, mp_context=_pool_context()) as pool:
        runs = pool.map(_process_chunk, chunks, [today] * len(chunks), [options] * len(chunks))
        for chunk, entries in zip(chunks, runs, strict=True):
            yield from entries
            advance(len(chunk))


def process_items(items: Sequence[Item], *, today: date | None = None, jobs: int | None = None,
                  cache: ProcessCache | None = None, advance: Callable[[int], None] = lambda n: None,
                  options: Options = DEFAULT_OPTIONS) -> tuple[list[Outcome], list[str], dict[str, Entry]]:
    """Every item's outcome in input order, the warnings heard while reading them (in order), and
    the cache entries they make (by `options.keyed(item.key)`)."""
    today = today or date.today()
    items = [replace(i, key=options.keyed(i.key)) for i in items]  # results depend on the options
    jobs = default_jobs() if jobs is None else max(1, jobs)
    entries: dict[int, Entry] = {}
    todo: list[int] = []
    for i, item in enumerate(items):
        hit = cache.get(item.key, today) if (cache is not None and item.key is not None) else None
        if hit is not None:
            entries[i] = hit
            advance(1)
        else:
            todo.append(i)
    for i, entry in zip(todo, run_entries([items[i] for i in todo], today, jobs, advance, options), strict=True):
        entries[i] = entry
    outcomes: list[Outcome] = []
    warnings: list[str] = []
    made: dict[str, Entry] = {}
    for i, item in enumerate(items):
        entry = entries[i]
        if item.key is not None:
            made[item.key] = entry
        warnings.extend(entry.warnings)
        outcomes.append(entry.result if entry.result is not None else
                        Failure(item.name, entry.error or item.name, entry.skipped))
    return outcomes, warnings, made


def file_key(path: str) -> str | None:
    """The cache key of a file, or None when it cannot be read (processing then reports why)."""
    try:
        with open(path, "rb") as fh:
            return article_key(path, fh.read())
    except OSError:
        return None
