"""`timeline events` streams: items are read, processed and their rows written one after the other
(memory bounded by the largest article, not the corpus), in input order, with the same bytes as
writing every row at once; the output file appears only when complete."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from timeline import table
from timeline.batch import Item, iter_items
from timeline.readers.collection import Row

TODAY = date(2026, 3, 1)


def _feed(folder: Path, n: int) -> Path:
    feed = folder / "feed.jsonl"
    feed.write_text("".join(json.dumps({"id": f"r{i}", "published": "2026-02-04",
                                        "text": f"The port reopened on Monday after {i} days."}) + "\n"
                            for i in range(n)), encoding="utf-8")
    return feed


def _logged(items: Iterator[Item], log: list[str]) -> Iterator[Item]:
    for item in items:
        log.append(f"read {item.row.fields['id'] if item.row and item.row.fields else item.name}")
        yield item


@pytest.mark.parametrize("jobs", [1, 2])
def test_rows_are_written_as_the_items_are_read_in_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                         jobs: int) -> None:
    n = 1200  # (rows are processed a batch at a time: several batches)
    log: list[str] = []
    write = table._TableSink.write

    def logged_write(self: table._TableSink, rows: Any) -> None:
        log.extend(f"write {r['article']}" for r in rows)
        write(self, rows)

    monkeypatch.setattr(table._TableSink, "write", logged_write)
    feed = _feed(tmp_path, n)
    out = tmp_path / "events.jsonl"
    report = table.events_table(_logged(iter_items([str(feed)]), log), str(out), today=TODAY, jobs=jobs)
    assert report.rows == n and report.articles == n
    written = [line.split()[1] for line in log if line.startswith("write")]
    assert written == [f"r{i}" for i in range(n)]  # input order
    assert [json.loads(line)["article"] for line in out.read_text(encoding="utf-8").splitlines()] == written
    # the first rows were written long before the last item was read: nothing waits for the corpus
    assert log.index("write r0") < log.index(f"read r{n // 2}")


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_streamed_bytes_are_those_of_all_rows_at_once(tmp_path: Path, fmt: str) -> None:
    feed = _feed(tmp_path, 30)
    rows, errors = table.local_rows(list(iter_items([str(feed)])), today=TODAY, jobs=1)
    assert not errors and len(rows) == 30
    expected = {"csv": lambda: table.csv_text(rows).encode(), "jsonl": lambda: table.jsonl_text(rows).encode(),
                "parquet": lambda: table.parquet_bytes(rows)}[fmt]()
    out = tmp_path / f"events.{fmt}"
    table.events_table(iter_items([str(feed)]), str(out), today=TODAY, jobs=1)
    assert out.read_bytes() == expected


def test_parquet_is_written_in_row_groups(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    monkeypatch.setattr(table, "ROW_GROUP", 4)
    feed = _feed(tmp_path, 10)
    out = tmp_path / "events.parquet"
    table.events_table(iter_items([str(feed)]), str(out), today=TODAY, jobs=1)
    assert pq.ParquetFile(out).metadata.num_row_groups == 3
    assert pq.read_table(out).column("article").to_pylist() == [f"r{i}" for i in range(10)]


def test_an_interrupted_run_leaves_the_old_output_and_no_temporary_file(tmp_path: Path) -> None:
    feed = _feed(tmp_path, 6)
    out = tmp_path / "out" / "events.csv"
    out.parent.mkdir()
    table.events_table(iter_items([str(feed)]), str(out), today=TODAY, jobs=1)
    before = out.read_bytes()
    before_names = sorted(p.name for p in out.parent.iterdir())

    def interrupted() -> Iterator[Item]:
        for i, item in enumerate(iter_items([str(feed)])):
            if i == 3:
                raise KeyboardInterrupt
            yield Item(item.name, item.key, row=Row(item.row.path, item.row.number, {  # type: ignore[union-attr]
                "text": "Other text on Monday.", "published": "2026-02-05"}))

    with pytest.raises(KeyboardInterrupt):
        table.events_table(interrupted(), str(out), today=TODAY, jobs=1)
    assert out.read_bytes() == before
    assert sorted(p.name for p in out.parent.iterdir()) == before_names  # no .tmp left behind


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_a_full_device_is_a_one_line_error(tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    from timeline.cli import main

    assert main(["events", str(_feed(tmp_path, 3)), "-o", "/dev/full", "--format", fmt, "-q"]) == 2
    err = capsys.readouterr().err
    assert err.strip() == "timeline: /dev/full: cannot write (No space left on device)"
