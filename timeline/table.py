"""The corpus as a table: one row per event, with its article's metadata, for pandas or DuckDB.

`timeline events SRC... -o FILE` writes the rows as Parquet, CSV or JSON Lines (by the extension).
Locally the articles are processed by a pool of processes (timeline.batch); with `dask=ADDRESS`
the same pure function runs on a dask.distributed cluster: the workers read the files, tag them and
write one Parquet file per partition into a folder (`events.parquet/part-00000.parquet`, ...),
so nothing but file names and counts crosses the network. Rows are in input order (file, then the
event's place in its text) however the work was scheduled, and equal between the two runs.

Dask and pyarrow come with the extra `pip install 'timeline[dask]'`.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from timeline.batch import DEFAULT_OPTIONS, Failure, Item, Options, Outcome, process_item, process_items
from timeline.errors import OutputError, UserError
from timeline.meta import DEFAULT_UNDATED
from timeline.output import spreadsheet_safe, write_output
from timeline.pipeline import ArticleResult

TABLE_FORMATS = ("parquet", "csv", "jsonl")
EXTRA_HINT = "pip install 'timeline[dask]'"

#: The columns, in order: every field of the JSON event (lists flattened: `sources` joined with
#: ";", `offset` and `clause` as two numbers each, `clause` empty when null), then the article's
#: metadata, then which version of its article it is (timeline.versions) and whether it is the
#: latest version among the articles of the run.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "string"),
    ("article", "string"),
    ("sources", "string"),
    ("date", "string"),
    ("mod", "string"),
    ("until", "string"),
    ("ongoing", "bool"),
    ("start", "date"),
    ("end", "date"),
    ("granularity", "string"),
    ("label", "string"),
    ("status", "string"),
    ("anchor", "string"),
    ("text", "string"),
    ("clause_start", "int"),
    ("clause_end", "int"),
    ("phrase", "string"),
    ("offset_start", "int"),
    ("offset_end", "int"),
    ("sentence", "int"),
    ("reference", "string"),
    ("reference_date", "string"),
    ("title", "string"),
    ("source", "string"),
    ("url", "string"),
    ("published", "date"),
    ("published_how", "string"),
    ("version", "int"),
    ("latest", "bool"),
)
COLUMN_NAMES = tuple(name for name, _ in COLUMNS)


def event_rows(result: ArticleResult, latest: bool = True) -> list[dict[str, Any]]:
    """One row per event of a processed article (dates as `datetime.date`); `latest`: whether the
    article is the latest version of its story among the articles of the run."""
    from timeline.versions import version_number

    article = result.article
    rows = []
    for e in result.events:
        d = e.to_dict()
        offset = d.pop("offset")
        assert isinstance(offset, list)
        clause = e.clause or (None, None)
        row: dict[str, Any] = {**d, "sources": ";".join(e.sources or (e.article,)), "start": e.start,
                               "end": e.end, "offset_start": offset[0], "offset_end": offset[1],
                               "clause_start": clause[0], "clause_end": clause[1],
                               "title": article.title, "source": article.source, "url": article.url,
                               "published": article.published, "published_how": article.published_how,
                               "version": version_number(article.id), "latest": latest}
        rows.append({name: row.get(name) for name in COLUMN_NAMES})
    return rows


def table_format(path: str | None, fmt: str | None) -> str:
    """The format asked for (`fmt`) or given by the extension of `path`; JSON Lines on stdout."""
    if fmt:
        return fmt
    if path is None or path == "-":
        return "jsonl"
    suffix = Path(path.rstrip("/")).suffix.lower().lstrip(".")
    if suffix in ("jsonl", "ndjson"):
        return "jsonl"
    if suffix in TABLE_FORMATS:
        return suffix
    raise UserError(f"{path}: unknown table format {suffix or '(no extension)'!r}; "
                    "use .parquet, .csv or .jsonl (or --format)")


def _require(module: str, why: str) -> Any:
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:
        raise UserError(f"{why} needs {module.split('.')[0]}, which is not installed: {EXTRA_HINT}") from None


def arrow_schema() -> Any:
    pa = _require("pyarrow", "Parquet output")
    types = {"string": pa.string(), "bool": pa.bool_(), "date": pa.date32(), "int": pa.int64()}
    return pa.schema([(name, types[kind]) for name, kind in COLUMNS])


def _json_value(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def csv_text(rows: Iterable[dict[str, Any]]) -> str:
    """The rows as CSV (a header line; cells that a spreadsheet would run as a formula made inert)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(COLUMN_NAMES)
    for row in rows:
        writer.writerow(["" if row[c] is None else spreadsheet_safe(str(_json_value(row[c])))
                         if isinstance(row[c], str) else _json_value(row[c]) for c in COLUMN_NAMES])
    return buf.getvalue()


def jsonl_text(rows: Iterable[dict[str, Any]]) -> str:
    return "".join(json.dumps({k: _json_value(v) for k, v in row.items()}, ensure_ascii=False) + "\n" for row in rows)


def parquet_bytes(rows: Sequence[dict[str, Any]]) -> bytes:
    """The rows as one Parquet file (the schema of COLUMNS, whatever the rows hold)."""
    pa = _require("pyarrow", "Parquet output")
    pq = _require("pyarrow.parquet", "Parquet output")
    table = pa.Table.from_pylist(list(rows), schema=arrow_schema())
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink)
    return bytes(sink.getvalue().to_pybytes())


# --- the work of one partition, the same locally and on a Dask worker ---------------------------------


@dataclass(frozen=True)
class Part:
    """What one partition gave: its rows (when gathered) or the file it wrote, and its errors."""

    index: int
    rows: tuple[dict[str, Any], ...]
    errors: tuple[str, ...]
    count: int
    file: str | None = None
    articles: tuple[tuple[str, date], ...] = ()  # (id, published) of each article read: which is latest


def _latest_ids(parts: Iterable[Part]) -> set[str]:
    from timeline.versions import latest_ids

    return latest_ids(a for p in parts for a in p.articles)


def _mark_latest(parts: Sequence[Part], folder: str | None) -> list[Part]:
    """The parts with `latest` set across all of them (a worker sees only its own articles, and
    writes every row as the latest): rows gathered are corrected here, a part written to `folder`
    that holds an earlier version is rewritten (beside itself, then renamed into place)."""
    latest = _latest_ids(parts)
    out = []
    for part in parts:
        if all(a in latest for a, _ in part.articles):
            out.append(part)
        elif folder is None or part.file is None:
            rows = tuple({**r, "latest": r["article"] in latest} for r in part.rows)
            out.append(replace(part, rows=rows))
        else:
            pa = _require("pyarrow", "Parquet output")
            pq = _require("pyarrow.parquet", "Parquet output")
            path = os.path.join(folder, part.file)
            table = pq.read_table(path, schema=arrow_schema())
            flags = pa.array([a in latest for a in table.column("article").to_pylist()], pa.bool_())
            table = table.set_column(table.schema.get_field_index("latest"), "latest", flags)
            tmp = os.path.join(folder, f".{part.file}.latest.tmp")
            pq.write_table(table, tmp)
            os.replace(tmp, path)
            out.append(part)
    return out


def _items(sources: Sequence[str | Item]) -> list[Item]:
    return [s if isinstance(s, Item) else Item(s, None, path=s) for s in sources]


def _part_of(index: int, items: Sequence[Item], today: date, folder: str | None,
             options: Options = DEFAULT_OPTIONS) -> Part:
    """Read, process and turn into rows the files of one partition (on a worker); with `folder`,
    write them there as `part-NNNNN.parquet` and return only the count."""
    rows: list[dict[str, Any]] = []
    errors: list[str] = []
    articles: list[tuple[str, date]] = []
    for item in items:
        entry = process_item(item, today, options)
        if entry.result is None:
            if not entry.skipped:
                errors.append(entry.error or item.name)
        else:
            rows.extend(event_rows(entry.result))
            articles.append((entry.result.article.id, entry.result.article.published))
    if folder is None:
        return Part(index, tuple(rows), tuple(errors), len(rows), articles=tuple(articles))
    name = f"part-{index:05d}.parquet"
    data = parquet_bytes(rows)
    os.makedirs(folder, exist_ok=True)
    tmp = os.path.join(folder, f".{name}.tmp")
    with open(tmp, "wb") as fh:
        fh.write(data)
    os.replace(tmp, os.path.join(folder, name))
    return Part(index, (), tuple(errors), len(rows), name, tuple(articles))


# --- local and distributed runs ----------------------------------------------------------------------


@dataclass(frozen=True)
class TableReport:
    """What `events_table` did: rows written, articles read, the errors of the ones skipped."""

    rows: int
    articles: int
    errors: tuple[str, ...]
    output: str


def local_rows(sources: Sequence[str | Item], *, today: date, jobs: int | None,
               advance: Callable[[int], None] = lambda n: None,
               options: Options = DEFAULT_OPTIONS) -> tuple[list[dict[str, Any]], list[str]]:
    """The rows of every article, processed by a pool on this machine, and the errors of bad ones."""
    outcomes, _, _ = process_items(_items(sources), today=today, jobs=jobs, advance=advance, options=options)
    return _rows_and_errors(outcomes)


def _rows_and_errors(outcomes: Iterable[Outcome]) -> tuple[list[dict[str, Any]], list[str]]:
    from timeline.versions import latest_ids

    outcomes = list(outcomes)
    latest = latest_ids((o.article.id, o.article.published) for o in outcomes if not isinstance(o, Failure))
    rows: list[dict[str, Any]] = []
    errors: list[str] = []
    for o in outcomes:
        if isinstance(o, Failure):
            if not o.skipped:
                errors.append(o.message)
        else:
            rows.extend(event_rows(o, o.article.id in latest))
    return rows, errors


def _client(address: str, workers: int | None) -> tuple[Any, Callable[[], None]]:
    """A dask.distributed client of the cluster at `address` ("local": a LocalCluster of worker
    processes on this machine, on 127.0.0.1) and how to close it."""
    distributed = _require("distributed", "--dask")
    import logging

    logging.getLogger("distributed").setLevel(logging.ERROR)
    if address == "local":
        cluster = distributed.LocalCluster(n_workers=workers or 2, threads_per_worker=1, processes=True,
                                           host="127.0.0.1", dashboard_address=None)
        client = distributed.Client(cluster)

        def close() -> None:
            client.close()
            cluster.close()

        return client, close
    try:
        client = distributed.Client(address, timeout=30)
    except (OSError, TimeoutError, ValueError) as exc:
        raise UserError(f"--dask {address}: cannot reach the scheduler ({exc})") from None
    return client, client.close


def dask_parts(sources: Sequence[str | Item], *, address: str, today: date, folder: str | None,
               workers: int | None = None, per_part: int = 64, options: Options = DEFAULT_OPTIONS) -> list[Part]:
    """The partitions of the articles processed on a Dask cluster: a dask.bag of (index, items)
    chunks mapped through `_part_of` on the workers (which read the files named; collection rows
    and fetched pages travel with their item); in input order."""
    paths = _items(sources)
    db = _require("dask.bag", "--dask")
    chunks = [(i, list(paths[s:s + per_part])) for i, s in enumerate(range(0, len(paths), per_part))]
    client, close = _client(address, workers)
    try:
        bag = db.from_sequence(chunks, partition_size=1)
        parts = bag.map(lambda c: _part_of(c[0], c[1], today, folder, options)).compute(scheduler=client.get)
    finally:
        close()
    return _mark_latest(sorted(parts, key=lambda p: p.index), folder)


def events_table(paths: Sequence[str | Item], output: str | None, *, fmt: str | None = None,
                 today: date | None = None,
                 jobs: int | None = None, dask: str | None = None, force: bool = False,
                 inputs: Sequence[str] = (), advance: Callable[[int], None] = lambda n: None,
                 published: date | None = None, undated: str = DEFAULT_UNDATED,
                 status: Sequence[str] | None = None) -> TableReport:
    """Write one row per event of every article in `paths` to `output` (stdout when None or "-").
    `published` dates the articles that give no date; `undated` and `status` choose the events, as
    for `pipeline.process`."""
    today = today or date.today()
    options = Options(published, undated, tuple(status) if status is not None else None)
    kind = table_format(output, fmt)
    to_stdout = output is None or output == "-"
    if kind == "parquet":
        _require("pyarrow", "Parquet output")
        if to_stdout:
            raise UserError("Parquet cannot go to stdout; give a file name with -o (events.parquet)")
    if dask is not None and kind == "parquet":
        assert output is not None
        folder = _parts_folder(Path(output), force)
        parts = dask_parts(paths, address=dask, today=today, folder=str(folder), options=options)
        _write_folder_manifest(folder, [p.file for p in parts if p.file])
        errors = [e for p in parts for e in p.errors]
        return TableReport(sum(p.count for p in parts), len(paths), tuple(errors), str(folder))
    if dask is not None:
        parts = dask_parts(paths, address=dask, today=today, folder=None, options=options)
        rows = [r for p in parts for r in p.rows]
        errors = [e for p in parts for e in p.errors]
    else:
        rows, errors = local_rows(paths, today=today, jobs=jobs, advance=advance, options=options)
    if kind == "parquet":
        assert output is not None
        write_output(Path(output), parquet_bytes(rows), force=force, inputs=tuple(inputs))
    else:
        text = csv_text(rows) if kind == "csv" else jsonl_text(rows)
        if to_stdout:
            import sys

            sys.stdout.write(text)
            sys.stdout.flush()
        else:
            assert output is not None
            write_output(Path(output), text, force=force, inputs=tuple(inputs))
    return TableReport(len(rows), len(paths), tuple(errors), output or "-")


_FOLDER_MANIFEST = ".timeline-events"


def _parts_folder(folder: Path, force: bool) -> Path:
    """The folder of a partitioned Parquet output: new, empty, or one this command wrote (its old
    parts are removed); anything else is refused (a file, or a folder holding other files)."""
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"{folder}: exists and is not a folder (a Dask run writes a folder of Parquet parts)")
    if folder.is_dir():
        manifest = folder / _FOLDER_MANIFEST
        ours: set[str] = set()
        if manifest.is_file():
            try:
                ours = set(json.loads(manifest.read_text(encoding="utf-8"))["files"]) | {_FOLDER_MANIFEST}
            except (OSError, ValueError, KeyError, TypeError):
                ours = set()
        foreign = sorted(p.name for p in folder.iterdir() if p.name not in ours)
        if foreign and not force:
            raise OutputError(f"{folder}: folder is not empty and was not written by 'timeline events' "
                              f"(it holds {foreign[0]}); choose another -o or use --force")
        for name in sorted(ours - {_FOLDER_MANIFEST}):
            target = folder / name
            if target.is_file() and not target.is_symlink():
                target.unlink()
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _write_folder_manifest(folder: Path, files: Sequence[str]) -> None:
    from timeline.output import atomic_write

    atomic_write(folder / _FOLDER_MANIFEST, json.dumps({"generator": "timeline", "files": sorted(files)}) + "\n")
