"""Nothing lost under load and faults (issue 16, part A/B): a manifest or a cache is a hint, never
an authority; outputs are replaced only once the new ones are complete; temporary files are short,
cleaned on signals and by the next run; every failure is one line."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from timeline.cli import main

ROOT = Path(__file__).resolve().parent.parent


def _story(folder: Path, name: str = "a.txt", day: int = 1) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(f"---\npublished: 2026-02-0{day}\n---\nThe port reopened on Monday. Trade fell in January.\n",
                    encoding="utf-8")
    return path


# --- A1, A4: the folder of Parquet parts of `timeline events --dask` ----------------------------------


def _fake_dask(monkeypatch: pytest.MonkeyPatch, fail: BaseException | None = None, parts: int = 1) -> None:
    """`dask_parts` without a cluster: the parts are made here (`_part_of`, as a worker would), then
    `fail` is raised if given, as the cluster would after some parts were written."""
    from timeline import table

    def fake(sources, *, address, today, folder, workers=None, per_part=64, options=table.DEFAULT_OPTIONS):
        items = table._items(sources)
        made = [table._part_of(i, items, today, folder, options) for i in range(parts)]
        if fail is not None:
            raise fail
        return made

    monkeypatch.setattr(table, "dask_parts", fake)


def test_a_forged_events_manifest_deletes_nothing_outside_or_unverified(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("pyarrow")
    _fake_dask(monkeypatch)
    src = _story(tmp_path / "src")
    victim = tmp_path / "victim.txt"
    victim.write_text("precious", encoding="utf-8")
    absolute = tmp_path / "elsewhere" / "abs.txt"
    absolute.parent.mkdir()
    absolute.write_text("also precious", encoding="utf-8")
    out = tmp_path / "ev.parquet"
    out.mkdir()
    (out / ".timeline-events").write_text(json.dumps({"files": ["../victim.txt", str(absolute)]}), encoding="utf-8")
    assert main(["events", str(src), "-o", str(out), "--dask", "local", "-q"]) == 0
    err = capsys.readouterr().err
    assert victim.read_text(encoding="utf-8") == "precious"
    assert absolute.read_text(encoding="utf-8") == "also precious"
    assert "warning" in err and "ignored" in err and len(err.strip().splitlines()) == 1
    assert sorted(p.name for p in out.iterdir()) == [".timeline-events", "part-00000.parquet"]


def test_an_events_part_is_replaced_only_while_it_holds_what_timeline_wrote(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("pyarrow")
    _fake_dask(monkeypatch, parts=2)
    src = _story(tmp_path / "src")
    out = tmp_path / "ev.parquet"
    assert main(["events", str(src), "-o", str(out), "--dask", "local", "-q"]) == 0
    manifest = json.loads((out / ".timeline-events").read_text(encoding="utf-8"))
    assert manifest["sha256"]["part-00001.parquet"] == hashlib.sha256(
        (out / "part-00001.parquet").read_bytes()).hexdigest()
    # A rerun with fewer parts removes timeline's own extra part...
    _fake_dask(monkeypatch, parts=1)
    assert main(["events", str(src), "-o", str(out), "--dask", "local", "-q"]) == 0
    assert sorted(p.name for p in out.iterdir()) == [".timeline-events", "part-00000.parquet"]
    # ...but a part the user changed is theirs: refused, and kept, without --force.
    (out / "part-00000.parquet").write_bytes(b"mine")
    assert main(["events", str(src), "-o", str(out), "--dask", "local", "-q"]) == 2
    assert (out / "part-00000.parquet").read_bytes() == b"mine"
    assert "not empty" in capsys.readouterr().err


def test_an_unreachable_scheduler_leaves_the_old_parts(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("pyarrow")
    distributed = pytest.importorskip("distributed")
    _fake_dask(monkeypatch, parts=2)
    src = _story(tmp_path / "src")
    out = tmp_path / "ev.parquet"
    assert main(["events", str(src), "-o", str(out), "--dask", "local", "-q"]) == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    monkeypatch.undo()

    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("Timed out trying to connect to tcp://127.0.0.1:1")

    monkeypatch.setattr(distributed, "Client", refuse)
    assert main(["events", str(src), "-o", str(out), "--dask", "tcp://127.0.0.1:1", "-q"]) == 2
    assert "cannot reach the scheduler" in capsys.readouterr().err
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ev.parquet", "src"]


def test_a_cluster_that_fails_midway_leaves_the_old_output_and_no_staging(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("pyarrow")
    _fake_dask(monkeypatch, parts=3)
    src = _story(tmp_path / "src")
    out = tmp_path / "ev.parquet"
    assert main(["events", str(src), "-o", str(out), "--dask", "local", "-q"]) == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    class KilledWorker(Exception):  # as distributed.scheduler.KilledWorker
        pass

    _fake_dask(monkeypatch, KilledWorker("Attempted to run task ('lambda-1', 2) on 3 different workers, "
                                         "but all those workers died while running it."), parts=2)
    assert main(["events", str(src), "-o", str(out), "--dask", "local", "-q"]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "KilledWorker" in err and "Traceback" not in err
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ev.parquet", "src"]


def test_a_new_events_folder_appears_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("pyarrow")
    _fake_dask(monkeypatch, RuntimeError("boom"), parts=2)
    src = _story(tmp_path / "src")
    assert main(["events", str(src), "-o", str(tmp_path / "ev.parquet"), "--dask", "local", "-q"]) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["src"]
