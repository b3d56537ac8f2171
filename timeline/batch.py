"""Process many article files: in this process or in a pool of processes (`jobs`), with an
optional cache; results come back in input order, so the output never depends on scheduling.

A file that cannot be read or processed is a `Failure` (its one-line error, naming the file), not
an exception: a build or a corpus table goes on with the other files and reports it at the end.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import json
import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, replace
from datetime import date
from itertools import chain, islice
from pathlib import Path
from typing import Any

from timeline.article import Article, NoPublicationDate, decode_text
from timeline.cache import Entry, ProcessCache, article_key, code_digest
from timeline.errors import ArticleError, UserError
from timeline.frozen import quick_init
from timeline.meta import DEFAULT_UNDATED
from timeline.pipeline import ArticleResult, options_key, process, process_batch
from timeline.readers import article_from_bytes, load_one
from timeline.readers.collection import Row, article_from_row
from timeline.readers.url import Fetched, Fetcher, address_key, is_url, redact

MANIFEST = ".timeline-build"  # the list of files a site build wrote into its folder (timeline.site)
ARTICLE_SUFFIXES = {".txt", ".md", ".markdown", ".text", ".html", ".htm", ".xhtml", ".jsonl", ".ndjson", ".csv", ".tsv"}


def _outputs_in(folder: Path) -> set[Path]:
    """The files a build wrote into `folder` and nobody changed since: listed in its manifest with
    the SHA-256 they still have (none if it has no readable manifest). A list alone is no proof:
    a manifest copied with a folder, or forged, named articles that were then read by nobody."""
    from timeline.output import regular_sha256

    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        hashes = data.get("sha256") or {}
        listed = [(folder / name, hashes.get(name)) for name in data.get("files", []) if isinstance(name, str)]
    except (OSError, ValueError, AttributeError, TypeError, RecursionError):
        return set()
    return {path for path, digest in listed if isinstance(digest, str) and regular_sha256(path) == digest}


def collect_sources(sources: Sequence[str]) -> list[Path]:
    """Article files named directly or found (recursively, sorted) in the named folders: text,
    Markdown, web pages and collections (see ARTICLE_SUFFIXES); in a folder, the files an earlier
    build wrote there (listed in its manifest) and those `-o` wrote there and nobody changed since
    (timeline.output.recorded_outputs) are outputs, not articles. A file named twice (in
    a folder and by itself, through a symlink or a hard link) is one article, listed once."""
    files: list[Path] = []
    for src in sources:
        p = Path(src)
        if p.is_dir():
            from timeline.output import RECORD, recorded_outputs

            outputs = {f for m in p.rglob(MANIFEST) for f in _outputs_in(m.parent)}
            # and what `-o` wrote there (`timeline story src -o src/story.html`), while it holds that
            outputs |= {f for r in p.rglob(RECORD) for f in recorded_outputs(r.parent)}
            found = sorted(f for f in _articles_in(p) if f not in outputs)
            if not found:
                raise ArticleError(f"{src}: no articles (*.txt, *.md, *.html, *.jsonl, *.csv, *.tsv) in this folder")
            files.extend(found)
        elif p.exists():
            files.append(p)
        elif src == "-":  # `cat a.md | timeline story -`: not a missing file named "-"
            raise ArticleError("-: stdin is not read here: give files, folders or URLs "
                               "(one article from stdin: timeline extract -)")
        else:
            raise ArticleError(f"{src}: no such file or folder")
    return _once(files)


def _articles_in(folder: Path) -> Iterator[Path]:
    """The article files of `folder` and its subfolders (ARTICLE_SUFFIXES, none hidden), in one
    walk: a symlink to nowhere (the article moved, or a loop) too, which reading says; an ArticleError
    for one that is neither a file nor a folder (a named pipe, which reading would wait on for ever;
    a socket), which was left out unsaid."""
    for f in folder.rglob("*"):
        if f.suffix.lower() not in ARTICLE_SUFFIXES or any(p.startswith(".") for p in f.relative_to(folder).parts):
            continue
        if f.is_file() or (f.is_symlink() and not f.exists()):
            yield f
        elif f.exists() and not f.is_dir():
            raise ArticleError(f"{f}: cannot read (not a regular file)")


def _once(files: list[Path]) -> list[Path]:
    """`files` without the second naming of a file (the same device and inode)."""
    seen: set[tuple[int, int]] = set()
    out: list[Path] = []
    for f in files:
        try:
            st = f.stat()
        except OSError:
            out.append(f)  # reading it will say what is wrong
            continue
        if (st.st_dev, st.st_ino) not in seen:
            seen.add((st.st_dev, st.st_ino))
            out.append(f)
    return out


@quick_init
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
    URL (fetched here by `fetcher`, by default `Fetcher()`: a page that cannot be fetched becomes an
    item whose processing reports why; a page listed twice is read once). URLs are named without
    their credentials (`url.redact`)."""
    return list(iter_items(sources, urls, fetcher=fetcher))


def source_files(sources: Sequence[str]) -> list[str]:
    """The article files of the sources that are not URLs (collect_sources)."""
    paths = [s for s in sources if not is_url(s)]
    return [str(f) for f in collect_sources(paths)] if paths else []


def iter_items(sources: Sequence[str], urls: Sequence[str] = (), *, files: Sequence[str] | None = None,
               fetcher: Callable[[str], Fetched] | None = None, keyed: bool = True) -> Iterator[Item]:
    """`collect_items`, one item at a time: a collection's rows are read as they are asked for, so
    a corpus of a million rows is never in memory at once. The files are found first (a missing
    one is an ArticleError before any item; `files`: found already by `source_files`); the ids of
    the rows are made unique in the run (timeline.readers.collection.RowIds). Without `keyed`, a
    row's item has no cache key (`events` keeps no cache: a key is work for nothing)."""
    from timeline.readers.collection import RowIds, is_collection, iter_rows

    found = list(files) if files is not None else source_files(sources)
    return _items_of(found, [*(s for s in sources if is_url(s)), *urls], fetcher, RowIds(), is_collection, iter_rows,
                     keyed)


def count_items(files: Sequence[str]) -> int:
    """About how many items the files hold (for a progress bar): one a file, one a line of a
    collection (less a CSV header); read quickly, without parsing."""
    from timeline.readers.collection import is_collection

    total = 0
    for path in files:
        if not is_collection(path):
            total += 1
            continue
        try:
            with open(path, "rb") as fh:
                lines = sum(block.count(b"\n") for block in iter(lambda: fh.read(1 << 20), b""))  # noqa: B023
        except OSError:
            lines = 1
        total += max(1, lines - (path.lower().endswith((".csv", ".tsv"))))
    return total


def _items_of(files: list[str], urls: list[str], fetcher: Callable[[str], Fetched] | None, ids: Any,
              is_collection: Callable[[str], bool], iter_rows: Callable[[str], Iterator[Row]],
              keyed: bool = True) -> Iterator[Item]:
    for path in files:
        if not is_collection(path):
            yield Item(path, file_key(path) if keyed else None, path=path)
            continue
        try:
            for row in iter_rows(path):
                row = ids.assign(row)
                if not keyed or row.fields is None:
                    yield Item(row.name, None, row=row)
                    continue
                fields = json.dumps([row.id, row.fields], sort_keys=True)
                yield Item(row.name, digest_key("row", path, str(row.number), fields), row=row)
        except ArticleError as exc:
            yield Item(path, None, row=Row(path, 0, None, str(exc)))
    seen: set[str] = set()
    for url in urls:
        key, shown = address_key(url), redact(url)
        if key in seen:  # the same page again (another fragment, other credentials): read once
            continue
        seen.add(key)
        try:
            page = (fetcher or Fetcher())(url)
        except ArticleError as exc:
            yield Item(shown, None, row=Row(shown, 0, None, str(exc)))
            continue
        yield Item(shown, digest_key("url", key, page.final_url, page.data), data=page.data, url=page.final_url)


def read_url_list(path: str) -> list[str]:
    """The URLs of a list file: one per line; blank lines and lines starting with '#' are skipped.
    Every other line is taken as a URL: one that cannot be fetched (not http(s), a space in it, a
    bad port...) is that URL's one-line error when it is fetched, and the rest goes on."""
    text = decode_text(_url_list_bytes(path), path).removeprefix("\ufeff")  # Notepad's byte order mark
    return [line for line in (raw.strip() for raw in text.splitlines()) if line and not line.startswith("#")]


#: The most bytes of a URL list (some hundred thousand addresses): past it, or from a stream
#: without end (`--urls /dev/zero`), the list is refused rather than read until memory runs out.
URL_LIST_LIMIT = 16 * 2**20


def _url_list_bytes(path: str) -> bytes:
    """The bytes of a URL list file (stdin for "-"), read with a bound; one-line ArticleError
    "NAME: not a readable list of URLs (why)" on any problem, never an article's words."""
    name = "<stdin>" if path == "-" else path

    def refuse(why: str) -> ArticleError:
        return ArticleError(f"{name}: not a readable list of URLs ({why})")

    try:
        if path == "-":
            data = sys.stdin.buffer.read(URL_LIST_LIMIT + 1)
        else:
            p = Path(path)
            if p.is_dir():
                raise refuse("a folder")
            if not p.exists():
                raise refuse("a symlink to nothing" if p.is_symlink() else "no such file")
            with p.open("rb") as stream:
                data = stream.read(URL_LIST_LIMIT + 1)
    except OSError as exc:
        raise refuse(f"cannot read: {exc.strerror or exc}") from None
    if len(data) > URL_LIST_LIMIT:
        raise refuse(f"over the limit of {URL_LIST_LIMIT:,} bytes")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise refuse(f"not UTF-8 text: invalid byte at offset {exc.start}") from None
    if b"\x00" in data:
        raise refuse("binary data, not lines of text")
    if not data.strip():
        raise refuse("empty file")
    return data


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
    if item.row is not None:
        return article_from_row(item.row, today=today, warn=warn, published=published, lang=lang)
    if item.data is not None:
        return article_from_bytes(item.data, item.name, url=item.url, today=today, format_in="html", warn=warn,
                                  published=published, lang=lang)
    return load_one(item.path or item.name, today=today, warn=warn, published=published, lang=lang)


def process_item(item: Item, today: date, options: Options = DEFAULT_OPTIONS) -> Entry:
    """Read and process one article with `options`; any error becomes the entry's one-line
    message, and what the readers warned of goes with it."""
    heard: list[str] = []
    try:
        article = _article_of(item, today, options, heard)
        result = process(article, undated=options.undated, status=options.status)
    except Exception as exc:  # each kind its own message (`_failed`)
        return _failed(item, exc, heard)
    return _entry(result, heard, today)


def process_batch_items(items: Sequence[Item], today: date, options: Options = DEFAULT_OPTIONS) -> list[Entry]:
    """`process_item` of each item, the same entries, made stage by stage: every article read, then
    all processed by `pipeline.process_batch` (quicker for many small articles, a collection's
    rows). Every article of `items` is held at once: for items of bounded size."""
    heard: list[list[str]] = [[] for _ in items]
    entries: list[Entry | None] = [None] * len(items)
    places: list[int] = []
    articles: list[Article] = []
    for k, item in enumerate(items):
        try:
            articles.append(_article_of(item, today, options, heard[k]))
        except Exception as exc:
            entries[k] = _failed(item, exc, heard[k])
            continue
        places.append(k)
    done = process_batch(articles, undated=options.undated, status=options.status)
    for k, result in zip(places, done, strict=True):
        entries[k] = _failed(items[k], result, heard[k]) if isinstance(result, Exception) \
            else _entry(result, heard[k], today)
    return entries  # type: ignore[return-value]  # (every place is filled)


def _article_of(item: Item, today: date, options: Options, heard: list[str]) -> Article:
    try:
        return _read(item, today, None, heard.append, options.lang)
    except NoPublicationDate:
        if options.published is None:
            raise
        return replace(_read(item, today, options.published, heard.append, options.lang),
                       published_how="given (--published, for an article that gives no date)")


def _entry(result: ArticleResult, heard: list[str], today: date) -> Entry:
    used_today = today.isoformat() if result.article.published_how.startswith("inferred") else None
    return Entry(result, None, used_today, warnings=tuple(heard))


def _failed(item: Item, exc: Exception, heard: list[str]) -> Entry:
    """The entry of an item whose reading or processing raised `exc`."""
    if isinstance(exc, UserError):
        # (The web page reader's error is imported only when there is an error: an import
        # statement costs more than many a row's whole reading.)
        from timeline.readers.html import NoArticleText  # a UserError: a page without article text

        return Entry(None, str(exc), skipped=isinstance(exc, NoArticleText), warnings=tuple(heard))
    if isinstance(exc, RecursionError):
        return Entry(None, f"{item.name}: too deeply nested to read", warnings=tuple(heard))
    # a bug must not abort a whole build: report it, naming the file
    return Entry(None, f"{item.name}: internal error ({type(exc).__name__}: {exc}); please report it",
                 warnings=tuple(heard))


def _process_chunk(items: Sequence[Item], today: date, options: Options) -> list[str]:
    # Each entry comes back as its cache JSON only (made here in the worker, in parallel): the
    # main process decodes it (Entry.from_json) for less than unpickling the objects would cost.
    return [process_item(i, today, options).as_json() for i in items]


def fork_available() -> bool:
    """Whether worker processes can be forked (Linux): they then start at once, sharing what the
    parent has loaded, instead of importing everything again."""
    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


def _warm_before_fork() -> None:
    """What every worker would otherwise load after the fork, once in each: the grammar's
    compiled patterns, and the modules reading an article imports lazily (front matter's yaml,
    the page reader with email.utils, about 40 ms each a process)."""
    import yaml  # noqa: F401

    import timeline.bidi  # noqa: F401
    import timeline.readers.html  # noqa: F401
    from timeline.temporal.rules import GRAMMAR

    GRAMMAR.warm()


def _pool_context() -> multiprocessing.context.BaseContext:
    # The parent holds no threads or locks when a pool forks.
    return multiprocessing.get_context("fork" if fork_available() else None)


# Below this many articles per worker a pool costs more than it saves.
_MIN_PER_JOB = 4


def run_entries(items: Sequence[Item], today: date, jobs: int, advance: Callable[[int], None] = lambda n: None,
                options: Options = DEFAULT_OPTIONS, meanwhile: Callable[[], None] | None = None) -> Iterator[Entry]:
    """The entries of `items`, in order, processed by `jobs` processes; `meanwhile` is called once
    while the workers are busy (this process would only wait for them)."""
    jobs = max(1, min(jobs, len(items) // _MIN_PER_JOB))
    if jobs == 1:
        for item in items:
            yield process_item(item, today, options)
            advance(1)
        return
    if fork_available():
        _warm_before_fork()
    size = max(1, min(16, len(items) // (jobs * 8)))  # small: the last chunk keeps one worker alone briefly
    chunks = [items[i:i + size] for i in range(0, len(items), size)]
    with ProcessPoolExecutor(max_workers=jobs, mp_context=_pool_context()) as pool:
        try:
            runs = pool.map(_process_chunk, chunks, [today] * len(chunks), [options] * len(chunks))
            if meanwhile is not None:
                meanwhile()
            for chunk, sent in zip(chunks, runs, strict=True):
                yield from (Entry.from_json(text) for text in sent)
                advance(len(chunk))
        except BaseException:  # a failure or a signal: the chunks not started are cancelled, not run
            pool.shutdown(wait=True, cancel_futures=True)
            raise


def _weight(item: Item) -> int:
    """Roughly how many characters an item carries to a worker (a file is read there)."""
    if item.row is not None and item.row.fields:
        return sum(len(v) for v in item.row.fields.values())
    return len(item.data) if item.data is not None else 1024


_CHUNK_ITEMS = 32
_CHUNK_CHARS = 1 << 20


def _chunks(items: Iterator[Item]) -> Iterator[list[Item]]:
    """Items in chunks for the workers: growing from 1 to 32 items (a small run is still spread
    over the workers), and closed at about 1 MB of text."""
    limit = 1
    chunk: list[Item] = []
    weight = 0
    for item in items:
        chunk.append(item)
        weight += _weight(item)
        if len(chunk) >= limit or weight >= _CHUNK_CHARS:
            yield chunk
            chunk, weight, limit = [], 0, min(_CHUNK_ITEMS, limit * 2)
    if chunk:
        yield chunk


def stream_entries(items: Iterable[Item], today: date, jobs: int, advance: Callable[[int], None] = lambda n: None,
                   options: Options = DEFAULT_OPTIONS) -> Iterator[tuple[Item, Entry]]:
    """Each item with its entry, in input order, as they are done: the items are read from the
    iterable only as far as the work goes (with `jobs` processes, at most two chunks a worker are
    in flight), so memory is bounded by the largest chunk, not by the corpus."""
    it = iter(items)
    head = list(islice(it, jobs * _MIN_PER_JOB))
    jobs = max(1, min(jobs, len(head) // _MIN_PER_JOB))
    if jobs == 1:
        for batch in _row_batches(chain(head, it)):
            entries = process_batch_items(batch, today, options) if len(batch) > 1 \
                else [process_item(batch[0], today, options)]
            for item, entry in zip(batch, entries, strict=True):
                yield item, entry
                advance(1)
        return
    if fork_available():
        _warm_before_fork()
    pending: deque[tuple[list[Item], Future[list[Entry]]]] = deque()
    with ProcessPoolExecutor(max_workers=jobs, mp_context=_pool_context()) as pool:
        try:
            for chunk in _chunks(chain(head, it)):
                pending.append((chunk, pool.submit(_process_plain, chunk, today, options)))
                while len(pending) > 2 * jobs or (pending and pending[0][1].done()):
                    yield from _done(pending.popleft(), advance)
            while pending:
                yield from _done(pending.popleft(), advance)
        except BaseException:  # a failure, a signal, a reader gone: the chunks not started are not run
            pool.shutdown(wait=True, cancel_futures=True)
            raise


def _process_plain(items: Sequence[Item], today: date, options: Options) -> list[Entry]:
    return process_batch_items(items, today, options)  # no cache here: no cache JSON to make


# Rows processed together in one process (`process_batch_items`): enough for each stage's code to
# stay in the processor's caches from one row to the next, few enough to hold at once.
_BATCH_ROWS = 256
_BATCH_CHARS = 1 << 18


def _row_batches(items: Iterable[Item]) -> Iterator[list[Item]]:
    """The items in batches of consecutive collection rows (up to _BATCH_ROWS rows or about
    _BATCH_CHARS characters); a file or a page is a batch of its own (its size is known only once
    read: memory stays bounded by the largest article)."""
    batch: list[Item] = []
    weight = 0
    for item in items:
        if item.row is None:
            if batch:
                yield batch
                batch, weight = [], 0
            yield [item]
            continue
        batch.append(item)
        weight += _weight(item)
        if len(batch) >= _BATCH_ROWS or weight >= _BATCH_CHARS:
            yield batch
            batch, weight = [], 0
    if batch:
        yield batch


def _done(job: tuple[list[Item], Future[list[Entry]]], advance: Callable[[int], None]) -> Iterator[tuple[Item, Entry]]:
    chunk, future = job
    yield from zip(chunk, future.result(), strict=True)
    advance(len(chunk))


def process_items(items: Sequence[Item], *, today: date | None = None, jobs: int | None = None,
                  cache: ProcessCache | None = None, advance: Callable[[int], None] = lambda n: None,
                  options: Options = DEFAULT_OPTIONS, meanwhile: Callable[[], None] | None = None,
                  ) -> tuple[list[Outcome], list[str], dict[str, Entry]]:
    """Every item's outcome in input order, the warnings heard while reading them (in order), and
    the cache entries they make (by `options.keyed(item.key)`). With worker processes, `meanwhile`
    is called while they work (the build compiles its templates then)."""
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
    for i, entry in zip(todo, run_entries([items[i] for i in todo], today, jobs, advance, options, meanwhile),
                        strict=True):
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


# The collector's young-generation threshold during a build (Python's default: 700 allocations).
GC_THRESHOLD = 10_000


@contextlib.contextmanager
def fewer_collections() -> Iterator[None]:
    """Collect garbage less often for a while (and in the processes forked meanwhile): reading,
    tagging and rendering a site allocate millions of short-lived objects, and each collection of
    the older generations walks the whole heap, which the default threshold made cost a build of
    1,000 articles 0.2-0.8 s. Garbage is still collected; the threshold is restored after."""
    before = gc.get_threshold()
    gc.set_threshold(max(before[0], GC_THRESHOLD), *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)


def file_key(path: str) -> str | None:
    """The cache key of a file, or None when it cannot be read (processing then reports why)."""
    try:
        if not Path(path).is_file():  # a pipe is read once, by processing: read here, it was then empty
            return None
        with open(path, "rb") as fh:
            return article_key(path, fh.read())
    except OSError:
        return None
