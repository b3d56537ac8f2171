"""The corpus as a table: one row per event, with its article's metadata, for pandas or DuckDB.

`timeline events SRC... -o FILE` writes the rows as Parquet, CSV or JSON Lines (by the extension).
Locally the articles are processed by a pool of processes (timeline.batch); with `dask=ADDRESS`
the same pure function runs on a dask.distributed cluster: the workers read the files, tag them and
write one Parquet file per partition into a folder (`events.parquet/part-00000.parquet`, ...),
so nothing but file names and counts crosses the network. Rows are in input order (file, then the
event's place in its text) however the work was scheduled, and equal between the two runs.

Dask and pyarrow come with the extra `dask` (`pip install '.[dask]'` in the project's folder).
"""

from __future__ import annotations

import contextlib
import csv
import functools
import hashlib
import io
import json
import operator
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

from timeline.batch import DEFAULT_OPTIONS, Failure, Item, Options, Outcome, process_item, process_items
from timeline.bidi import CONTROLS as BIDI_CONTROLS
from timeline.edits import NO_EDITS, Edits, additions, apply
from timeline.errors import OutputError, UserError
from timeline.events import Event
from timeline.meta import DEFAULT_UNDATED
from timeline.output import FORMULA_START, check_parent, regular_sha256, spreadsheet_safe, streamed_output
from timeline.pipeline import ArticleResult
from timeline.versions import version_number

TABLE_FORMATS = ("parquet", "csv", "jsonl")
# How to install what Parquet and Dask need. Never by this project's name with the extra: on the package
# index, "timeline" is an unrelated project; the extra is installed from this project's folder.
EXTRA_HINT = "or, in timeline's source folder, pip install '.[dask]'"
_INSTALL = {"pyarrow": "pip install pyarrow", "dask": "pip install 'dask[bag]' distributed pyarrow",
            "distributed": "pip install 'dask[bag]' distributed pyarrow"}

#: The columns, in order: every field of the JSON event (lists flattened: `sources` joined with
#: ";", `offset` and `clause` as two numbers each, `clause` empty when null), then the article's
#: metadata (`lang`: the language its dates were read in, "en" for English), then which version of
#: its article it is (timeline.versions) and whether it is the latest version among the articles of
#: the run.
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
    ("edited", "string"),  # what the editor changed, ";"-joined (timeline.edits); empty when nothing
    ("headline", "string"),
    ("note", "string"),
    ("title", "string"),
    ("source", "string"),
    ("url", "string"),
    ("published", "date"),
    ("published_how", "string"),
    ("lang", "string"),
    ("version", "int"),
    ("latest", "bool"),
)
COLUMN_NAMES = tuple(name for name, _ in COLUMNS)


def event_rows(result: ArticleResult, edits: Edits = NO_EDITS, used: set[str] | None = None,
               latest: bool = True) -> list[dict[str, Any]]:
    """One row per event of a processed article (dates as `datetime.date`), with the editor's
    `edits` applied (timeline.edits; the ids they matched added to `used`); `latest`: whether the
    article is the latest version of its story among the articles of the run."""
    article = result.article
    rows = []
    events: Sequence[Event] = result.events
    if edits:
        if used is not None:
            used.update(k for k in (edits.key(e, versions=True) for e in events) if k is not None)
        events = apply(events, edits, add=False, versions=True)
    title, source, url, published = article.title, article.source, article.url, article.published
    how, lang, version = article.published_how, article.lang, version_number(article.id)
    for e in events:
        # The row built at once, in COLUMN_NAMES order (what `Event.to_dict` gives, lists flattened,
        # then the article's metadata: tests/test_rowspeed.py checks it against that definition).
        clause = e.clause or (None, None)
        offset = e.offset
        edited = e.edited
        rows.append({
            "id": e.id, "article": e.article, "sources": ";".join(e.sources or (e.article,)), "date": e.date,
            "mod": e.mod, "until": e.until, "ongoing": e.ongoing, "start": e.start, "end": e.end,
            "granularity": e.granularity, "label": e.label, "status": e.status, "anchor": e.anchor,
            "text": e.text, "clause_start": clause[0], "clause_end": clause[1], "phrase": e.phrase,
            "offset_start": offset[0], "offset_end": offset[1], "sentence": e.sentence, "reference": e.reference,
            "reference_date": e.reference_date, "edited": ";".join(edited) or None,
            "headline": e.headline if edited else None, "note": e.note if edited else None,
            "title": title, "source": source, "url": url, "published": published, "published_how": how,
            "lang": lang, "version": version, "latest": latest,
        })
    return rows


def addition_rows(edits: Edits) -> list[dict[str, Any]]:
    """The rows of the events the editor added (no article: `source` and `url` are the ones the
    addition cites)."""
    rows = []
    for e in additions(edits):
        d = e.to_dict()
        row: dict[str, Any] = {**d, "sources": "", "start": e.start, "end": e.end, "offset_start": 0,
                               "offset_end": 0, "article": "", "title": None, "source": e.cite, "url": e.cite_url,
                               "edited": "added"}
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
        top = module.split(".")[0]
        raise UserError(f"{why} needs {top}, which is not installed: "
                        f"{_INSTALL.get(top, f'pip install {top}')} ({EXTRA_HINT})") from None


def arrow_schema() -> Any:
    pa = _require("pyarrow", "Parquet output")
    types = {"string": pa.string(), "bool": pa.bool_(), "date": pa.date32(), "int": pa.int64()}
    return pa.schema([(name, types[kind]) for name, kind in COLUMNS])


def _json_value(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def _csv_cell(value: Any) -> Any:
    """A cell as `csv_text` writes it: empty for None, text made inert for a spreadsheet, a date
    in ISO form, numbers and booleans as they are."""
    if value is None:
        return ""
    if isinstance(value, str):
        return spreadsheet_safe(value)
    return value.isoformat() if isinstance(value, date) else value


# What `spreadsheet_safe` would change: a cell that starts with a formula character (after the
# newline each cell is joined with below), or a bidi control (timeline.bidi).
_FORMULA_AFTER_NEWLINE = re.compile("\n[" + "".join(map(re.escape, FORMULA_START)) + "]")
_STRING_COLUMNS = tuple(i for i, (_, kind) in enumerate(COLUMNS) if kind == "string")
_DATE_COLUMNS = tuple(i for i, (_, kind) in enumerate(COLUMNS) if kind == "date")


def _clean_column(values: tuple[Any, ...]) -> bool:
    """Whether `spreadsheet_safe` would leave every text of a column as it is: a few searches over
    the column's cells joined, instead of a call a cell (a false alarm only costs the slow way)."""
    try:
        text = "\n" + "\n".join(filter(None, values))
    except TypeError:  # a value that is not text: cell by cell
        return False
    if _FORMULA_AFTER_NEWLINE.search(text):
        return False
    return text.isascii() or not any(c in text for c in BIDI_CONTROLS)


def _csv_rows(writer: Any, rows: Iterable[dict[str, Any]]) -> None:
    """The rows written as `_csv_cell` makes each cell, a batch at a time: the csv writer writes None
    as an empty cell and numbers and booleans as `_csv_cell` leaves them, so only text columns that
    `spreadsheet_safe` would change and the date columns are converted, cell by cell."""
    values = [_ROW_VALUES(row) for row in rows]
    if not values:
        return
    columns = list(zip(*values, strict=True))
    cell = _csv_cell
    for i in _STRING_COLUMNS:
        if not _clean_column(columns[i]):
            columns[i] = tuple(map(cell, columns[i]))
    for i in _DATE_COLUMNS:
        columns[i] = tuple(map(cell, columns[i]))
    writer.writerows(zip(*columns, strict=True))


def csv_text(rows: Iterable[dict[str, Any]]) -> str:
    """The rows as CSV (a header line; cells that a spreadsheet would run as a formula made inert)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(COLUMN_NAMES)
    _csv_rows(writer, rows)
    return buf.getvalue()


def _iso(value: Any) -> str:
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} in a row")


_ENCODER = json.JSONEncoder(ensure_ascii=False, default=_iso)  # one encoder: json.dumps makes one a call


def _row_encoder() -> Callable[[dict[str, Any]], str]:
    """What `_ENCODER.encode` does to a row, with the C encoder made once instead of once a call
    (`JSONEncoder.encode` makes one each time); rows hold no containers, so there is nothing
    circular to check. The Python encoder where the C one is missing."""
    make = json.encoder.c_make_encoder  # type: ignore[attr-defined]
    if make is None:
        return _ENCODER.encode
    enc = _ENCODER
    chunks = make(None, _iso, json.encoder.encode_basestring, None, enc.key_separator,  # type: ignore[attr-defined]
                  enc.item_separator, enc.sort_keys, enc.skipkeys, enc.allow_nan)
    join = "".join
    return lambda row: join(chunks(row, 0))


_encode_row = _row_encoder()


def jsonl_text(rows: Iterable[dict[str, Any]]) -> str:
    encode = _encode_row
    return "".join([encode(row) + "\n" for row in rows])


def parquet_bytes(rows: Sequence[dict[str, Any]]) -> bytes:
    """The rows as one Parquet file (the schema of COLUMNS, whatever the rows hold)."""
    pa = _require("pyarrow", "Parquet output")
    pq = _require("pyarrow.parquet", "Parquet output")
    table = pa.Table.from_pylist(list(rows), schema=arrow_schema())
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink)
    return bytes(sink.getvalue().to_pybytes())


#: Rows per Parquet row group when rows are streamed: the file holds one row group per this many
#: rows (a table of fewer rows is byte for byte what `parquet_bytes` makes).
ROW_GROUP = 65_536


class _TableSink:
    """Rows written as they come, in the format asked for, to a binary file: CSV and JSON Lines a
    batch at a time, Parquet a row group at a time (pyarrow's ParquetWriter); the bytes are those of
    `csv_text`, `jsonl_text` and (up to ROW_GROUP rows) `parquet_bytes` of all the rows at once.
    Text is passed on in pieces of about PIECE characters (a million one-row writes cost more than
    the rows), and whatever is pending when the sink closes; CSV rows are encoded ROWS at a time
    (an article's few rows at a time cost more to check than to write)."""

    PIECE = 1 << 16
    ROWS = 256

    def __init__(self, kind: str, out: BinaryIO | _TextOut, name: str) -> None:
        self.kind = kind
        self.out = out
        self.name = name
        self.values: list[tuple[Any, ...]] = []  # Parquet: each row's values, in COLUMN_NAMES order
        self.pending: list[str] = []
        self.rows: list[dict[str, Any]] = []  # CSV: rows not yet encoded (up to ROWS)
        self.size = 0
        self.flushed = False
        self.writer: Any = None
        if kind == "parquet":
            pq = _require("pyarrow.parquet", "Parquet output")
            self.writer = pq.ParquetWriter(out, arrow_schema())
        elif kind == "csv":
            self.buffer = io.StringIO()
            self.csv = csv.writer(self.buffer, lineterminator="\n")
            self._write(csv_text(()))

    def _write(self, text: str) -> None:
        self.pending.append(text)
        self.size += len(text)
        if self.size >= self.PIECE:
            self._pass_on()

    def _pass_on(self) -> None:
        text = "".join(self.pending)
        self.pending = []
        self.size = 0
        try:
            data = text.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise OutputError(f"{self.name}: cannot write ({exc.reason} in the output)") from None
        if data:
            self.out.write(data)

    def write(self, rows: Sequence[dict[str, Any]]) -> None:
        if not rows:
            return
        if self.kind == "jsonl":
            self._write(jsonl_text(rows))
        elif self.kind == "csv":
            self.rows.extend(rows)
            if len(self.rows) >= self.ROWS:
                self._csv_flush()
        else:
            values = _ROW_VALUES
            self.values.extend([values(row) for row in rows])
            if len(self.values) >= ROW_GROUP:
                self._flush()

    def _csv_flush(self) -> None:
        """The CSV rows held so far encoded at once (`_csv_rows` checks a column at a time)."""
        _csv_rows(self.csv, self.rows)
        self.rows = []
        self._write(self.buffer.getvalue())
        self.buffer.seek(0)
        self.buffer.truncate()

    def _flush(self) -> None:
        pa = _require("pyarrow", "Parquet output")
        columns = [list(c) for c in zip(*self.values, strict=True)] or [[] for _ in COLUMN_NAMES]
        self.writer.write_table(pa.Table.from_pydict(dict(zip(COLUMN_NAMES, columns, strict=True)),
                                                     schema=arrow_schema()))
        self.values = []
        self.flushed = True

    def close(self) -> None:
        if self.rows:
            self._csv_flush()
        if self.pending:
            self._pass_on()
        if self.writer is not None:
            if self.values or not self.flushed:
                self._flush()  # an empty table too, as parquet_bytes writes it
            self.writer.close()


_ROW_VALUES = operator.itemgetter(*COLUMN_NAMES)  # a row's values, in column order, in one call


class _TextOut:
    """A text stream without a binary buffer (one a caller put in sys.stdout) as a binary one."""

    def __init__(self, stream: Any) -> None:
        self.stream = stream

    def write(self, data: bytes) -> int:
        self.stream.write(data.decode("utf-8"))
        return len(data)

    def flush(self) -> None:
        self.stream.flush()


#: What stdout's rows keep in memory before they spill to a temporary file (`_table_sink`).
STDOUT_SPOOL = 1 << 22


@contextlib.contextmanager
def _table_sink(kind: str, output: str | None, force: bool, inputs: Sequence[str],
                latest: Callable[[], set[str] | None] = lambda: None) -> Iterator[_TableSink]:
    """The sink of the table: stdout, or the file `-o` names (written beside it and renamed into
    place at the end: timeline.output.streamed_output). Rows are written with `latest` true; if,
    at the end, `latest()` gives the ids of the latest versions (the run held several versions of
    an article), a file's `latest` column is set from them in one more pass before it is renamed.
    stdout cannot be taken back, so it is treated as a file: its rows are spooled (STDOUT_SPOOL
    bytes in memory, the rest in an anonymous temporary file) and go out at the end through the
    same pass: the bytes of `-o FILE`, with memory bounded as for a file."""
    import shutil
    import sys
    import tempfile

    if output is None or output == "-":
        with tempfile.SpooledTemporaryFile(max_size=STDOUT_SPOOL) as spool:
            sink = _TableSink(kind, spool, "<stdout>")  # type: ignore[arg-type]
            yield sink  # on an error nothing goes out, as a file is left as it was
            sink.close()
            ids = latest()
            spool.seek(0)
            sys.stdout.flush()
            out = getattr(sys.stdout, "buffer", None) or _TextOut(sys.stdout)
            if ids is None:
                shutil.copyfileobj(spool, out)
            else:
                with io.TextIOWrapper(spool, encoding="utf-8", newline="") as text:
                    for piece in _relatest_pieces(kind, text, ids):
                        out.write(piece.encode("utf-8"))
            out.flush()
        return
    def finish(tmp: Path) -> None:
        ids = latest()
        if ids is not None:
            (_relatest_parquet if kind == "parquet" else functools.partial(_relatest_text, kind))(
                str(tmp), str(tmp), ids)

    with streamed_output(Path(output), force=force, inputs=tuple(inputs), finish=finish) as fh:
        sink = _TableSink(kind, fh, output)
        yield sink
        sink.close()


# --- the work of one partition, the same locally and on a Dask worker ---------------------------------


@dataclass(frozen=True)
class Part:
    """What one partition gave: its rows (when gathered) or the file it wrote, and its errors."""

    index: int
    rows: tuple[dict[str, Any], ...]
    errors: tuple[str, ...]
    count: int
    file: str | None = None
    sha256: str | None = None  # of the file written
    used: tuple[str, ...] = ()  # the edited ids its events matched
    articles: tuple[tuple[str, date], ...] = ()  # (id, published) of each article read: which is latest


def _latest_ids(parts: Iterable[Part]) -> set[str]:
    from timeline.versions import latest_ids

    return latest_ids(a for p in parts for a in p.articles)


def _mark_latest(parts: Sequence[Part], folder: str | None) -> list[Part]:
    """The parts with `latest` set across all of them (a worker sees only its own articles, and
    writes every row as the latest): rows gathered are corrected here, a part written to `folder`
    (the run's staging folder) that holds an earlier version is written again, with its new SHA-256."""
    latest = _latest_ids(parts)
    out = []
    for part in parts:
        if all(a in latest for a, _ in part.articles):
            out.append(part)
        elif folder is None or part.file is None:
            rows = tuple({**r, "latest": r["article"] in latest} for r in part.rows)
            out.append(replace(part, rows=rows))
        else:
            path = os.path.join(folder, part.file)
            _relatest_parquet(path, path, latest)
            with open(path, "rb") as fh:
                out.append(replace(part, sha256=hashlib.sha256(fh.read()).hexdigest()))
    return out


def _relatest_parquet(source: str, target: str, latest: set[str]) -> None:
    """A Parquet file of rows with its `latest` column set from `latest` (article ids), row group
    by row group (memory bounded by one group); `target` may be `source`."""
    pa = _require("pyarrow", "Parquet output")
    pq = _require("pyarrow.parquet", "Parquet output")
    tmp = target + ".latest.tmp"
    reader = pq.ParquetFile(source)
    with pq.ParquetWriter(tmp, arrow_schema()) as writer:
        for i in range(max(1, reader.num_row_groups)):
            table = reader.read_row_group(i) if reader.num_row_groups else reader.read()
            flags = pa.array([a in latest for a in table.column("article").to_pylist()], pa.bool_())
            writer.write_table(table.set_column(table.schema.get_field_index("latest"), "latest", flags))
    os.replace(tmp, target)


def _relatest_text(kind: str, source: str, target: str, latest: set[str]) -> None:
    """A CSV or JSON Lines file of rows with its `latest` column set from `latest`, line by line."""
    tmp = target + ".latest.tmp"
    with open(source, encoding="utf-8", newline="") as src, open(tmp, "w", encoding="utf-8", newline="") as dst:
        for piece in _relatest_pieces(kind, src, latest):
            dst.write(piece)
    os.replace(tmp, target)


def _relatest_pieces(kind: str, src: Iterable[str], latest: set[str]) -> Iterator[str]:
    """The CSV or JSON Lines text read from `src` (lines) with its `latest` column set from
    `latest` (article ids), in pieces of about _TableSink.PIECE characters."""
    buffer = io.StringIO()
    if kind == "jsonl":
        for line in src:
            row = json.loads(line)
            row["latest"] = row["article"] in latest
            buffer.write(_ENCODER.encode(row) + "\n")
            if buffer.tell() >= _TableSink.PIECE:
                yield buffer.getvalue()
                buffer.seek(0)
                buffer.truncate()
    else:
        reader, writer = csv.reader(src), csv.writer(buffer, lineterminator="\n")
        header = next(reader)
        article, flag = header.index("article"), header.index("latest")
        writer.writerow(header)
        for row in reader:
            row[flag] = "True" if row[article].lstrip("'") in latest else "False"
            writer.writerow(row)
            if buffer.tell() >= _TableSink.PIECE:
                yield buffer.getvalue()
                buffer.seek(0)
                buffer.truncate()
    yield buffer.getvalue()


def _items(sources: Sequence[str | Item]) -> list[Item]:
    return [s if isinstance(s, Item) else Item(s, None, path=s) for s in sources]


def _part_of(index: int, items: Sequence[Item], today: date, folder: str | None,
             options: Options = DEFAULT_OPTIONS, edits: Edits = NO_EDITS) -> Part:
    """Read, process and turn into rows the files of one partition (on a worker); with `folder`,
    write them there as `part-NNNNN.parquet` and return only the count."""
    rows: list[dict[str, Any]] = []
    errors: list[str] = []
    used: set[str] = set()
    articles: list[tuple[str, date]] = []
    for item in items:
        entry = process_item(item, today, options)
        if entry.result is None:
            if not entry.skipped:
                errors.append(entry.error or item.name)
        else:
            rows.extend(event_rows(entry.result, edits, used))
            articles.append((entry.result.article.id, entry.result.article.published))
    return _part(index, rows, errors, folder, tuple(sorted(used)), tuple(articles))


def _part(index: int, rows: list[dict[str, Any]], errors: list[str], folder: str | None,
          used: tuple[str, ...] = (), articles: tuple[tuple[str, date], ...] = ()) -> Part:
    if folder is None:
        return Part(index, tuple(rows), tuple(errors), len(rows), used=used, articles=articles)
    name = f"part-{index:05d}.parquet"
    data = parquet_bytes(rows)
    # `folder` is the run's own staging folder (see `events_table`): nobody else writes there, and
    # a task run again after a worker died writes the same bytes again.
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "wb") as fh:
        fh.write(data)
    return Part(index, (), tuple(errors), len(rows), name, hashlib.sha256(data).hexdigest(), used, articles)


# --- local and distributed runs ----------------------------------------------------------------------


@dataclass(frozen=True)
class TableReport:
    """What `events_table` did: rows written, articles read, the errors of the ones skipped, and
    what reading them warned of."""

    rows: int
    articles: int
    errors: tuple[str, ...]
    output: str
    warnings: tuple[str, ...] = ()


def local_rows(sources: Sequence[str | Item], *, today: date, jobs: int | None,
               advance: Callable[[int], None] = lambda n: None,
               options: Options = DEFAULT_OPTIONS) -> tuple[list[dict[str, Any]], list[str]]:
    """The rows of every article, processed by a pool on this machine, and the errors of bad ones."""
    outcomes, _, _ = process_items(_items(sources), today=today, jobs=jobs, advance=advance, options=options)
    return _rows_and_errors(outcomes)


def _rows_and_errors(outcomes: Iterable[Outcome]) -> tuple[list[dict[str, Any]], list[str]]:
    rows: list[dict[str, Any]] = []
    errors: list[str] = []
    for o in outcomes:
        if isinstance(o, Failure):
            if not o.skipped:
                errors.append(o.message)
        else:
            rows.extend(event_rows(o))
    from timeline.versions import latest_ids

    latest = latest_ids((r["article"], r["published"]) for r in rows)
    return [{**r, "latest": r["article"] in latest} for r in rows], errors


def _client(address: str, workers: int | None) -> tuple[Any, Callable[[], None]]:
    """A dask.distributed client of the cluster at `address` ("local": a LocalCluster of worker
    processes on this machine, on 127.0.0.1) and how to close it."""
    distributed = _require("distributed", "--dask")
    import logging

    logging.getLogger("distributed").setLevel(logging.CRITICAL)  # failures are reported as one line
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
               workers: int | None = None, per_part: int = 64, options: Options = DEFAULT_OPTIONS,
               edits: Edits = NO_EDITS) -> list[Part]:
    """The partitions of the articles processed on a Dask cluster: a dask.bag of (index, items)
    chunks mapped through `_part_of` on the workers (which read the files named; collection rows
    and fetched pages travel with their item); in input order."""
    paths = _items(sources)
    db = _require("dask.bag", "--dask")
    chunks = [(i, list(paths[s:s + per_part])) for i, s in enumerate(range(0, len(paths), per_part))]
    client, close = _client(address, workers)
    try:
        bag = db.from_sequence(chunks, partition_size=1)
        parts = bag.map(lambda c: _part_of(c[0], c[1], today, folder, options, edits)).compute(scheduler=client.get)
    finally:
        with contextlib.suppress(Exception):
            close()
    parts = _mark_latest(sorted(parts, key=lambda p: p.index), folder)
    if edits.add:  # the editor's additions: the last part
        parts.append(_part(len(chunks), addition_rows(edits), [], folder))
    return parts


def _on_cluster(address: str, run: Callable[[], list[Part]]) -> list[Part]:
    """`run()`, with what a cluster may raise (KilledWorker after repeated worker deaths, a lost
    connection, a worker's error) as one line."""
    try:
        return run()
    except (UserError, KeyboardInterrupt):
        raise
    except Exception as exc:
        first = (str(exc).strip().splitlines() or [""])[0].split(". ")[0][:200]
        raise UserError(f"--dask {address}: the run failed ({type(exc).__name__}: {first}); "
                        "nothing was written, the old output is as it was") from None


def events_table(paths: Iterable[str | Item], output: str | None, *, fmt: str | None = None,
                 today: date | None = None,
                 jobs: int | None = None, dask: str | None = None, force: bool = False,
                 inputs: Sequence[str] = (), advance: Callable[[int], None] = lambda n: None,
                 published: date | None = None, undated: str = DEFAULT_UNDATED,
                 status: Sequence[str] | None = None, edits: Edits = NO_EDITS,
                 lang: str | None = None) -> TableReport:
    """Write one row per event of every article in `paths` to `output` (stdout when None or "-").
    `published` dates the articles that give no date; `undated` and `status` choose the events, as
    for `pipeline.process`. Locally `paths` may be an iterator (timeline.batch.iter_items): it is
    read as the rows are written. `edits` (timeline.edits) are the editor's last word: dropped,
    changed and added rows."""
    today = today or date.today()
    options = Options(published, undated, tuple(status) if status is not None else None, lang)
    kind = table_format(output, fmt)
    to_stdout = output is None or output == "-"
    if not to_stdout:
        check_parent(output)  # "notes.txt/x.csv": both named, before any article is read
    if kind == "parquet":
        _require("pyarrow", "Parquet output")
        if to_stdout:
            raise UserError("Parquet cannot go to stdout; give a file name with -o (events.parquet)")
    if dask is None:
        return _stream_table(paths, kind, output, today=today, jobs=jobs, force=force, inputs=inputs,
                             advance=advance, options=options, edits=edits)
    paths = list(paths)  # a Dask run partitions the whole list
    assert isinstance(paths, list)
    if kind == "parquet":
        assert output is not None
        return _dask_parquet(paths, Path(output), dask, today, options, force, edits)
    address = dask
    parts = _on_cluster(address, lambda: dask_parts(paths, address=address, today=today, folder=None,
                                                    options=options, edits=edits))
    rows = [r for p in parts for r in p.rows]
    errors = [e for p in parts for e in p.errors]
    with _table_sink(kind, output, force, inputs) as sink:
        sink.write(rows)
    return TableReport(len(rows), len(paths), tuple(errors), output or "-",
                       tuple(edits.unused(u for p in parts for u in p.used)))


def _stream_table(paths: Iterable[str | Item], kind: str, output: str | None, *, today: date, jobs: int | None,
                  force: bool, inputs: Sequence[str], advance: Callable[[int], None], options: Options,
                  edits: Edits = NO_EDITS) -> TableReport:
    """The local run: items read, processed and their rows written one after the other (in input
    order), so memory is bounded by the largest article (times the chunks in flight), not the
    corpus; the file appears, whole, when every row is written."""
    from timeline.batch import default_jobs, fewer_collections, stream_entries

    rows = articles = 0
    errors: list[str] = []
    warnings: list[str] = []
    used: set[str] = set()
    # Which version of an article is the latest: versions that come one after the other (the files
    # of a folder: story.txt, story.v2.txt) are held back together, one group at a time, and go out
    # knowing which is the latest; a run whose versions of one article came apart (two groups of one
    # article) has its `latest` column set in a last pass (`_table_sink`), stdout's as a file's.
    from timeline.versions import base_id, latest_ids

    read: list[tuple[str, date]] = []
    groups: dict[str, int] = {}
    group: list[tuple[str, date, list[dict[str, Any]]]] = []

    def flush() -> None:
        if len(group) > 1:
            ids = latest_ids((a, p) for a, p, _ in group)
            for a, _, made in group:
                sink.write([{**r, "latest": a in ids} for r in made])
        elif group:
            sink.write(group[0][2])
        group.clear()

    def latest() -> set[str] | None:
        return latest_ids(read) if any(n > 1 for n in groups.values()) else None

    group_base = ""
    items = (p if isinstance(p, Item) else Item(p, None, path=p) for p in paths)
    # (fewer collections: a million rows allocate hundreds of millions of short-lived objects)
    with fewer_collections(), _table_sink(kind, output, force, inputs, latest) as sink:
        for item, entry in stream_entries(items, today, default_jobs() if jobs is None else max(1, jobs), advance,
                                          options):
            articles += 1
            warnings.extend(entry.warnings)
            if entry.result is None:
                if not entry.skipped:
                    errors.append(entry.error or item.name)
                continue
            made = event_rows(entry.result, edits, used)
            article = entry.result.article
            read.append((article.id, article.published))
            base = base_id(article.id)
            if not group or group_base != base:
                flush()
                groups[base] = groups.get(base, 0) + 1
                group_base = base
            group.append((article.id, article.published, made))
            rows += len(made)
        flush()
        if edits.add:
            made = addition_rows(edits)
            sink.write(made)
            rows += len(made)
    return TableReport(rows, articles, tuple(errors), output or "-", (*warnings, *edits.unused(used)))


_FOLDER_MANIFEST = ".timeline-events"
_PART_NAME = re.compile(r"part-[0-9]{5}\.parquet")


def _dask_parquet(paths: Sequence[str | Item], target: Path, address: str, today: date, options: Options,
                  force: bool, edits: Edits = NO_EDITS) -> TableReport:
    """A Dask run into a folder of Parquet parts, replacing an earlier one only when complete: the
    workers write into a staging folder beside `target`; only when every part is there are they
    moved in (a new folder: the staging folder renamed), timeline's own old parts that the run no
    longer makes removed, and the manifest written last. On any failure the old output is as it
    was and the staging folder is removed."""
    from timeline.output import remove_stale_temps, temp_name

    ours, warnings = _parts_folder(target, force)
    parent = target.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        remove_stale_temps(parent)
        staging = parent / temp_name()
        staging.mkdir()
    except OSError as exc:
        raise OutputError(f"{target}: cannot write ({exc.strerror or exc})") from None
    try:
        parts = _on_cluster(address, lambda: dask_parts(paths, address=address, today=today, folder=str(staging),
                                                        options=options, edits=edits))
        files = {p.file: p.sha256 or "" for p in parts if p.file}
        _commit_parts(staging, target, files, ours)
    except BaseException:
        _remove_staging(staging)
        raise
    errors = [e for p in parts for e in p.errors]
    warnings += edits.unused(u for p in parts for u in p.used)
    return TableReport(sum(p.count for p in parts), len(paths), tuple(errors), str(target), tuple(warnings))


def _remove_staging(staging: Path) -> None:
    """Remove this run's staging folder: the parts and manifest it put there, then the folder."""
    if not staging.is_dir():
        return
    for inner in staging.iterdir():
        if (_PART_NAME.fullmatch(inner.name) or inner.name == _FOLDER_MANIFEST) and not inner.is_symlink():
            inner.unlink(missing_ok=True)
    with contextlib.suppress(OSError):
        staging.rmdir()


def _commit_parts(staging: Path, target: Path, files: dict[str, str], ours: dict[str, str]) -> None:
    """Put the complete new parts in place of the old (see `_dask_parquet`). Into an existing folder,
    the manifest first lists the new parts and the old ones they replace, so a run killed while
    moving them in leaves a folder the next run still knows as its own."""
    try:
        if not target.exists():
            _write_folder_manifest(staging, files)
            os.rename(staging, target)
            return
        _write_folder_manifest(target, files, replacing=ours)
        for name in sorted(files):
            os.replace(staging / name, target / name)
        for name in sorted(set(ours) - set(files)):
            _remove_if_ours(target / name, ours[name])
        _write_folder_manifest(target, files)
        staging.rmdir()
    except OSError as exc:
        raise OutputError(f"{target}: cannot write ({exc.strerror or exc})") from None


def _remove_if_ours(path: Path, digest: str) -> None:
    """Delete `path` only while it is a regular file holding the bytes of SHA-256 `digest`."""
    if regular_sha256(path) == digest:
        path.unlink()


def _read_folder_manifest(folder: Path) -> tuple[dict[str, str], list[str]]:
    """The parts the manifest of `folder` says timeline wrote, that still hold exactly what it wrote
    (name -> SHA-256), and a warning when entries were ignored: the manifest is a hint, never an
    authority, so an entry counts only if it names a part as timeline names them (no path, nothing
    hidden) and the part's bytes match the SHA-256 recorded when it was written."""
    path = folder / _FOLDER_MANIFEST
    try:
        if not stat.S_ISREG(path.lstat().st_mode):
            return {}, [f"{path}: is not timeline's manifest; ignored"]
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}, []
    except (OSError, ValueError, RecursionError):
        return {}, [f"{path}: damaged manifest ignored (the files it lists are not touched)"]
    names = data.get("files") if isinstance(data, dict) else None
    hashes = data.get("sha256") if isinstance(data, dict) else None
    replacing = data.get("replacing") if isinstance(data, dict) else None
    if not isinstance(names, list):
        return {}, [f"{path}: damaged manifest ignored (the files it lists are not touched)"]
    hashes = hashes if isinstance(hashes, dict) else {}
    replacing = replacing if isinstance(replacing, dict) else {}
    ours: dict[str, str] = {}
    ignored: list[str] = []
    for name in names:
        if not (isinstance(name, str) and _PART_NAME.fullmatch(name)):
            ignored.append(str(name))
            continue
        current = regular_sha256(folder / name)
        if current is not None and current in (hashes.get(name), replacing.get(name)):
            ours[name] = current
    warnings = []
    if ignored:
        warnings.append(f"{path}: {len(ignored)} entr{'y' if len(ignored) == 1 else 'ies'} ignored, not a part "
                        f"timeline writes (the first: {ignored[0][:80]!r}); nothing they name is touched")
    return ours, warnings


def _parts_folder(folder: Path, force: bool) -> tuple[dict[str, str], list[str]]:
    """Check the folder of a partitioned Parquet output before anything runs: new, empty, or one
    this command wrote (anything else is refused without `force`: a file, or a folder holding
    other files; with it, those files are left alone). Returns the parts of the last run that
    still hold what it wrote (name -> SHA-256), the only files a run may remove, and the warnings
    about its manifest. Nothing is deleted here."""
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"{folder}: exists and is not a folder (a Dask run writes a folder of Parquet parts)")
    if not folder.is_dir():
        return {}, []
    ours, warnings = _read_folder_manifest(folder)
    foreign = sorted(p.name for p in folder.iterdir() if p.name not in ours and p.name != _FOLDER_MANIFEST)
    if foreign and not force:
        raise OutputError(f"{folder}: folder is not empty and was not written by 'timeline events' "
                          f"(it holds {foreign[0]}); choose another -o or use --force")
    return ours, warnings


def _write_folder_manifest(folder: Path, files: dict[str, str], replacing: dict[str, str] | None = None) -> None:
    from timeline.output import atomic_write

    data: dict[str, object] = {"generator": "timeline", "files": sorted(files), "sha256": dict(sorted(files.items()))}
    if replacing:
        data["replacing"] = dict(sorted(replacing.items()))
    atomic_write(folder / _FOLDER_MANIFEST, json.dumps(data) + "\n")
