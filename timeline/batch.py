"""Process many article files: in this process or in a pool of processes (`jobs`), with an
optional cache; results come back in input order, so the output never depends on scheduling.

A file that cannot be read or processed is a `Failure` (its one-line error, naming the file), not
an exception: a build or a corpus table goes on with the other files and reports it at the end.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from timeline.cache import Entry, ProcessCache, article_key
from timeline.errors import ArticleError, UserError
from timeline.events import DEFAULT_UNDATED
from timeline.pipeline import ArticleResult, options_key, process

MANIFEST = ".timeline-build"  # the list of files a site build wrote into its folder (timeline.site)
ARTICLE_SUFFIXES = {".txt", ".md", ".markdown", ".text"}


def _outputs_in(folder: Path) -> set[Path]:
    """The files a build wrote into `folder`, from its manifest (none if it has no readable one)."""
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        return {folder / str(name) for name in data.get("files", [])}
    except (OSError, ValueError, AttributeError, TypeError):
        return set()


def collect_sources(sources: Sequence[str]) -> list[Path]:
    """Article files named directly or found (recursively, sorted) in the named folders; in a
    folder, the files an earlier build wrote there (listed in its manifest) are outputs, not articles."""
    files: list[Path] = []
    for src in sources:
        p = Path(src)
        if p.is_dir():
            outputs = {f for m in p.rglob(MANIFEST) for f in _outputs_in(m.parent)}
            found = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in ARTICLE_SUFFIXES
                           and not any(part.startswith(".") for part in f.relative_to(p).parts)
                           and f not in outputs)
            if not found:
                raise ArticleError(f"{src}: no articles (*.txt, *.md) in this folder")
            files.extend(found)
        elif p.exists():
            files.append(p)
        else:
            raise ArticleError(f"{src}: no such file or folder")
    return files


@dataclass(frozen=True)
class Failure:
    """An article file that gave no result, and why (one line naming the file)."""

    path: str
    message: str


Outcome = ArticleResult | Failure


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def process_file(path: str, today: date, *, undated: str = DEFAULT_UNDATED,
                 status: Sequence[str] | None = None) -> Entry:
    """Load and process one article file (`undated`, `status`: as for `pipeline.process`); any
    error becomes the entry's one-line message."""
    from timeline.article import load_article

    try:
        article = load_article(path, today=today)
        result = process(article, undated=undated, status=status)
    except UserError as exc:
        return Entry(None, str(exc))
    except RecursionError:
        return Entry(None, f"{path}: too deeply nested to read")
    except Exception as exc:  # a bug must not abort a whole build: report it, naming the file
        return Entry(None, f"{path}: internal error ({type(exc).__name__}: {exc}); please report it")
    used_today = today.isoformat() if article.published_how.startswith("inferred") else None
    return Entry(result, None, used_today)


def _process_chunk(paths: Sequence[str], today: date, options: dict[str, Any]) -> list[Entry]:
    return [process_file(p, today, **options) for p in paths]


def fork_available() -> bool:
    """Whether worker processes can be forked (Linux): they then start at once, sharing what the
    parent has loaded, instead of importing everything again."""
    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


def _pool_context() -> multiprocessing.context.BaseContext:
    # The parent holds no threads or locks when a pool forks.
    return multiprocessing.get_context("fork" if fork_available() else None)


# Below this many articles per worker a pool costs more than it saves.
_MIN_PER_JOB = 4


def run_entries(paths: Sequence[str], today: date, jobs: int,
                advance: Callable[[int], None] = lambda n: None, *, undated: str = DEFAULT_UNDATED,
                status: Sequence[str] | None = None) -> Iterator[Entry]:
    """The entries of `paths`, in order, processed by `jobs` processes."""
    jobs = max(1, min(jobs, len(paths) // _MIN_PER_JOB))
    options: dict[str, Any] = {"undated": undated, "status": tuple(status) if status is not None else None}
    if jobs == 1:
        for p in paths:
            yield process_file(p, today, **options)
            advance(1)
        return
    if fork_available():
        from timeline.temporal.rules import GRAMMAR

        GRAMMAR.warm()  # once here, instead of once in every worker
    size = max(1, min(32, len(paths) // (jobs * 8)))
    chunks = [paths[i:i + size] for i in range(0, len(paths), size)]
    with ProcessPoolExecutor(max_workers=jobs, mp_context=_pool_context()) as pool:
        results = pool.map(_process_chunk, chunks, [today] * len(chunks), [options] * len(chunks))
        for chunk, entries in zip(chunks, results, strict=True):
            yield from entries
            advance(len(chunk))


def process_files(paths: Sequence[str], *, today: date | None = None, jobs: int | None = None,
                  cache: ProcessCache | None = None, keys: Sequence[str | None] | None = None,
                  advance: Callable[[int], None] = lambda n: None, undated: str = DEFAULT_UNDATED,
                  status: Sequence[str] | None = None) -> tuple[list[Outcome], dict[str, Entry]]:
    """Every file's outcome, in input order, and the cache entries they make (by key; `keys`
    when the caller has them: `file_key` of each path with the same options). `undated` and
    `status` as for `pipeline.process`."""
    today = today or date.today()
    jobs = default_jobs() if jobs is None else max(1, jobs)
    if keys is None:
        keys = [file_key(p, undated=undated, status=status) for p in paths]
    entries: dict[int, Entry] = {}
    todo: list[int] = []
    for i, key in enumerate(keys):
        hit = cache.get(key, today) if (cache is not None and key is not None) else None
        if hit is not None:
            entries[i] = hit
            advance(1)
        else:
            todo.append(i)
    for i, entry in zip(todo, run_entries([paths[i] for i in todo], today, jobs, advance,
                                                  undated=undated, status=status), strict=True):
        entries[i] = entry
    outcomes: list[Outcome] = []
    made: dict[str, Entry] = {}
    for i, path in enumerate(paths):
        entry = entries[i]
        key = keys[i]
        if key is not None:
            made[key] = entry
        outcomes.append(entry.result if entry.result is not None else Failure(path, entry.error or path))
    return outcomes, made


def file_key(path: str, *, undated: str = DEFAULT_UNDATED, status: Sequence[str] | None = None) -> str | None:
    """The cache key of a file processed with these options, or None when it cannot be read
    (processing then reports why)."""
    try:
        with open(path, "rb") as fh:
            return article_key(path, fh.read(), options_key(undated, status))
    except OSError:
        return None
