"""`timeline events`: a corpus as one row per event, locally and on a Dask cluster (a LocalCluster
with two worker processes on 127.0.0.1, started and stopped by the test)."""

from __future__ import annotations

import csv
import json
import sys
from datetime import date
from pathlib import Path

import pytest

from timeline.cli import main
from timeline.pipeline import process
from timeline.readers import load_article
from timeline.table import COLUMN_NAMES, event_rows, events_table

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_3b01959ef49d4888.txt"


def _corpus(folder: Path, n: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"s{i:03d}.md").write_text(
            f"---\ntitle: Story {i}\nsource: Wire {i % 3}\nurl: https://example.org/{i}\n"
            f"published: 2026-02-0{1 + i % 7}\n---\n"
            f"The port reopened on Monday after {i} days. Trade fell 3% in January.\n", encoding="utf-8")
    return folder


def test_every_json_event_field_is_a_column() -> None:
    import dataclasses

    result = process(load_article(str(SEED)))
    # an event the editor edited has every field (timeline.edits)
    event = dataclasses.replace(result.events[0], edited=("headline",), headline="H").to_dict()
    flattened = {k for k in event if k not in ("offset", "clause")} | {"offset_start", "offset_end", "clause_start",
                                                                        "clause_end"}
    meta = {"title", "source", "url", "published", "published_how", "lang", "version", "latest"}
    assert flattened | meta == set(COLUMN_NAMES)
    row = event_rows(result)[0]
    assert row["title"] == result.article.title and row["published"] == result.article.published
    assert [row["offset_start"], row["offset_end"]] == event["offset"]


def test_rows_say_status_and_anchor_and_follow_the_options(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.md").write_text("---\npublished: 2026-02-02\n---\nThe port closed.\nTrade fell 3% in January. "
                              "The port will reopen in March. Prices rose 5% compared with 2019.\n", encoding="utf-8")
    assert main(["events", str(src), "-q"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(r["date"], r["anchor"], r["status"], r["reference_date"]) for r in rows] == [
        ("2026-02-02", "publication", "reported", None), ("2026-01", "phrase", "reported", None),
        ("2026-03", "phrase", "expected", None), ("2026-02-02", "publication", "reported", "2019")]
    assert rows[0]["clause_start"] is None and rows[0]["label"] == "reported Monday 2 February 2026"
    assert main(["events", str(src), "-q", "--undated", "none", "--status", "expected"]) == 0
    assert [json.loads(line)["date"] for line in capsys.readouterr().out.splitlines()] == ["2026-03"]


def test_csv_and_jsonl_rows(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = _corpus(tmp_path / "src", 3)
    assert main(["events", str(src), "-o", str(tmp_path / "e.csv"), "-q"]) == 0
    with open(tmp_path / "e.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 6 and list(rows[0]) == list(COLUMN_NAMES)
    assert rows[0]["title"] == "Story 0" and rows[0]["url"] == "https://example.org/0"
    assert main(["events", str(src), "-q"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["id"] for r in lines] == [r["id"] for r in rows]
    assert lines[0]["published"] == "2026-02-01" and lines[0]["offset_start"] == int(rows[0]["offset_start"])


def test_csv_cells_are_never_formulas(tmp_path: Path) -> None:
    (tmp_path / "f.txt").write_text("---\ntitle: '=HYPERLINK(\"http://evil\")'\npublished: 2026-01-31\n---\n"
                                    "It rained on Monday.\n", encoding="utf-8")
    events_table([str(tmp_path / "f.txt")], str(tmp_path / "e.csv"))
    with open(tmp_path / "e.csv", encoding="utf-8", newline="") as fh:
        row = next(csv.DictReader(fh))
    assert row["title"] == "'=HYPERLINK(\"http://evil\")"


def test_parquet_local_and_on_a_local_dask_cluster_give_the_same_rows(tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    pytest.importorskip("distributed")
    src = _corpus(tmp_path / "src", 150)
    (src / "bad.txt").write_text("no date at all\n", encoding="utf-8")
    paths = sorted(str(p) for p in src.iterdir())
    local = events_table(paths, str(tmp_path / "local.parquet"), jobs=2)
    assert local.rows == 300 and len(local.errors) == 1 and "bad.txt" in local.errors[0]
    from timeline import table

    parts = table.dask_parts(paths, address="local", today=date.today(), folder=str(tmp_path / "dask.parquet"),
                             workers=2, per_part=40)
    assert [p.file for p in parts] == [f"part-{i:05d}.parquet" for i in range(4)]
    a = pd.read_parquet(tmp_path / "local.parquet")
    b = pd.read_parquet(tmp_path / "dask.parquet")
    assert len(a) == 300 and a.equals(b)
    assert str(a["start"].iloc[0]) == "2026-01-26" and a["title"].iloc[0] == "Story 0"


def test_cli_dask_local_writes_a_folder_of_parts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pd = pytest.importorskip("pandas")
    pytest.importorskip("distributed")
    src = _corpus(tmp_path / "src", 4)
    out = tmp_path / "events.parquet"
    assert main(["events", str(src), "-o", str(out), "--dask", "local"]) == 0
    assert "wrote 8 events of 4 articles" in capsys.readouterr().err
    assert out.is_dir() and len(pd.read_parquet(out)) == 8
    # Again: the folder is its own, so its parts are replaced.
    assert main(["events", str(src), "-o", str(out), "--dask", "local", "-q"]) == 0
    assert len(pd.read_parquet(out)) == 8


def test_a_foreign_folder_is_never_replaced(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("pyarrow")
    src = _corpus(tmp_path / "src", 1)
    out = tmp_path / "events.parquet"
    out.mkdir()
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    assert main(["events", str(src), "-o", str(out), "--dask", "local", "-q"]) == 2
    assert "not empty" in capsys.readouterr().err
    assert [p.name for p in out.iterdir()] == ["notes.txt"]


@pytest.mark.parametrize("argv", [["-o", "e.parquet"], ["-o", "e.jsonl", "--dask", "local"]])
def test_without_the_extra_parquet_and_dask_exit_2_naming_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    for name in ("pyarrow", "pyarrow.parquet", "distributed", "dask", "dask.bag"):
        monkeypatch.setitem(sys.modules, name, None)  # import fails as if it were not installed
    src = _corpus(tmp_path / "src", 1)
    monkeypatch.chdir(tmp_path)
    assert main(["events", str(src), *argv]) == 2
    err = capsys.readouterr().err
    assert "pip install '.[dask]'" in err and len(err.strip().splitlines()) == 1
    assert "timeline[dask]" not in err  # "timeline" on the package index is another project
    assert ("pip install pyarrow" if argv[1] == "e.parquet" else "pip install 'dask[bag]' distributed") in err
    assert not (tmp_path / "e.parquet").exists()


def test_unknown_extension_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["events", str(SEED), "-o", str(tmp_path / "e.xlsx")]) == 2
    assert "unknown table format 'xlsx'" in capsys.readouterr().err
