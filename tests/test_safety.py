"""Nothing lost under load and faults (issue 16, part A/B): a manifest or a cache is a hint, never
an authority; outputs are replaced only once the new ones are complete; temporary files are short,
cleaned on signals and by the next run; every failure is one line."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
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

    def fake(sources, *, address, today, folder, workers=None, per_part=64, options=table.DEFAULT_OPTIONS,
             edits=table.NO_EDITS):
        items = table._items(sources)
        made = [table._part_of(i, items, today, folder, options, edits) for i in range(parts)]
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


# --- A2: what a rebuild may delete or overwrite ---------------------------------------------------------


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_forged_build_manifest_deletes_nothing_hidden_outside_or_input(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from timeline.site import MANIFEST

    out = tmp_path / "site"
    src = _story(out / "articles", "story.md")  # an input article inside OUT
    assert main(["build", str(src), "-o", str(out), "-q", "--force"]) == 0
    mine = {".git/config": "[core]\n", ".gitignore": "*.tmp\n", ".nojekyll": "", "notes/todo.txt": "buy milk\n",
            "notes/plan.md": "# plan\n"}
    for name, text in mine.items():
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_text(text, encoding="utf-8")
    victim = tmp_path / "victim.md"
    victim.write_text("outside\n", encoding="utf-8")
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    forged = [*mine, "articles/story.md", "../victim.md", str(victim)]
    manifest["files"] += forged
    # Even with the right SHA-256 recorded, none of these is a file a build makes and may remove.
    manifest["sha256"].update({name: _sha(out / name if not name.startswith(("/", "..")) else victim)
                               for name in forged})
    (out / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    other = _story(tmp_path / "other", "other.md")
    assert main(["build", str(other), "-o", str(out), "-q"]) == 0
    for name, text in mine.items():
        assert (out / name).read_text(encoding="utf-8") == text, name
    assert src.is_file() and victim.read_text(encoding="utf-8") == "outside\n"
    assert not (out / "story.html").exists() and (out / "other.html").is_file()
    err = capsys.readouterr().err
    assert "ignored" in err and "Traceback" not in err


def test_a_page_the_user_edited_is_neither_overwritten_nor_deleted(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "site"
    a, b = _story(tmp_path / "src", "a.md"), _story(tmp_path / "src", "b.md", 2)
    assert main(["build", str(a), str(b), "-o", str(out), "-q"]) == 0
    (out / "b.html").write_text("<p>my edit</p>\n", encoding="utf-8")
    b.write_text(b.read_text(encoding="utf-8") + "Prices rose on 3 March 2026.\n", encoding="utf-8")
    assert main(["build", str(a), str(b), "-o", str(out), "-q"]) == 0
    err = capsys.readouterr().err
    assert (out / "b.html").read_text(encoding="utf-8") == "<p>my edit</p>\n"
    assert "b.html" in err and "--force" in err and len(err.strip().splitlines()) == 1
    assert "3 March" in (out / "b.md").read_text(encoding="utf-8")  # its other pages are updated
    # Its article gone: the edited page stays, timeline's own files of it go.
    assert main(["build", str(a), "-o", str(out), "-q"]) == 0
    err = capsys.readouterr().err
    assert (out / "b.html").read_text(encoding="utf-8") == "<p>my edit</p>\n"
    assert not (out / "b.md").exists() and not (out / "b.json").exists()
    assert "b.html" in err and len(err.strip().splitlines()) == 1
    # --force overwrites an edited page that is made again.
    (out / "a.html").write_text("<p>edited</p>\n", encoding="utf-8")
    assert main(["build", str(a), "-o", str(out), "-q", "--force"]) == 0
    assert "<p>edited</p>" not in (out / "a.html").read_text(encoding="utf-8")


# --- A5: temporary files, signals, a commit cut short ---------------------------------------------------


def _dead_pid() -> int:
    proc = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True,
                          check=True)
    return int(proc.stdout)


def _run(code: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-c", code], cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


def test_the_next_build_removes_stale_temporaries_of_timeline_only(tmp_path: Path) -> None:
    out = tmp_path / "site"
    a = _story(tmp_path / "src", "a.md")
    assert main(["build", str(a), "-o", str(out), "-q"]) == 0
    dead = _dead_pid()
    stale = [f".tl{dead}-0123abcd.tmp", f".a.html.{dead}-1733410000000000000.tmp"]  # the new and the old names
    kept = [f".tl{os.getpid()}-0123abcd.tmp",  # a run still going
            f".notes.txt.{dead}-1.tmp",  # beside no file timeline made
            ".mine.tmp", "draft.tmp"]
    for name in stale + kept:
        (out / name).write_text("x", encoding="utf-8")
    a.write_text(a.read_text(encoding="utf-8") + "More on 3 March 2026.\n", encoding="utf-8")
    assert main(["build", str(a), "-o", str(out), "-q"]) == 0
    names = {p.name for p in out.iterdir()}
    assert not names & set(stale) and set(kept) <= names


def test_sigterm_while_staging_removes_the_temporaries_and_leaves_the_old_site(tmp_path: Path) -> None:
    src = tmp_path / "src"
    for i in range(6):
        _story(src, f"s{i}.md", 1 + i % 5)
    out = tmp_path / "site"
    assert main(["build", str(src), "-o", str(out), "-q", "-j", "1"]) == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    for f in src.iterdir():
        f.write_text(f.read_text(encoding="utf-8") + "Talks resume on 9 March 2026.\n", encoding="utf-8")
    code = f"""
import os, signal, sys
import timeline.site as site
put = site.Stage.put
count = [0]
def put_then_term(self, page):
    count[0] += 1
    if count[0] == 4:
        os.kill(os.getpid(), signal.SIGTERM)
    return put(self, page)
site.Stage.put = put_then_term
from timeline.cli import main
sys.exit(main(["build", {str(src)!r}, "-o", {str(out)!r}, "-q", "-j", "1"]))
"""
    proc = _run(code, tmp_path)
    assert proc.returncode == 128 + signal.SIGTERM, proc.stderr
    assert "Traceback" not in proc.stderr
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_a_build_killed_while_committing_is_repaired_by_the_next(tmp_path: Path) -> None:
    src = tmp_path / "src"
    for i in range(6):
        _story(src, f"s{i}.md", 1 + i % 5)
    out = tmp_path / "site"
    assert main(["build", str(src), "-o", str(out), "-q", "-j", "1"]) == 0
    for f in src.iterdir():
        f.write_text(f.read_text(encoding="utf-8") + "Talks resume on 9 March 2026.\n", encoding="utf-8")
    code = f"""
import os, sys
import timeline.site as site
real = os.replace
count = [0]
def replace_then_die(a, b):  # the fifth page committed (counting pages only: the order of other files varies)
    if str(b).endswith((".html", ".md", ".json")):
        count[0] += 1
        if count[0] == 5:
            os._exit(9)  # as SIGKILL: no cleanup at all
    return real(a, b)
site.os.replace = replace_then_die
from timeline.cli import main
sys.exit(main(["build", {str(src)!r}, "-o", {str(out)!r}, "-q", "-j", "1"]))
"""
    assert _run(code, tmp_path).returncode == 9
    assert any(p.name.endswith(".tmp") for p in out.iterdir())  # killed half way: temporaries left
    proc = _run(f"from timeline.cli import main; import sys; sys.exit(main(['build', {str(src)!r}, '-o', "
                f"{str(out)!r}, '-j', '1']))", tmp_path)
    assert proc.returncode == 0 and "warning" not in proc.stderr, proc.stderr
    fresh = tmp_path / "fresh"
    # In a fresh process as the repair was: the build record holds a digest of the code, which this
    # process took when a test first asked for it (a source edited since, mid-run, differed).
    assert _run(f"from timeline.cli import main; import sys; sys.exit(main(['build', {str(src)!r}, '-o', "
                f"{str(fresh)!r}, '-q', '-j', '1']))", tmp_path).returncode == 0

    def tree(root: Path) -> dict[str, bytes]:
        return {p.name: p.read_bytes() for p in root.iterdir() if p.name != ".timeline-cache"}

    assert tree(out) == tree(fresh)


# --- B8: the cache is a hint too -------------------------------------------------------------------------


def _forge_cache(out: Path, change) -> None:  # type: ignore[no-untyped-def]
    from timeline.cache import CACHE_NAME

    data = json.loads((out / CACHE_NAME).read_text(encoding="utf-8"))
    for entry in data["entries"].values():
        if entry["result"] and entry["result"]["article"]["id"] == "b":
            change(entry)
    (out / CACHE_NAME).write_text(json.dumps(data), encoding="utf-8")


def _renamed(entry: dict) -> None:  # type: ignore[type-arg]
    entry["result"]["article"]["id"] = "../x/y"
    for e in entry["result"]["events"]:
        e["article"], e["sources"] = "../x/y", ["../x/y"]


def _mismatched(entry: dict) -> None:  # type: ignore[type-arg]
    entry["result"]["article"]["id"] = "c"


@pytest.mark.parametrize("forge", [_renamed, _mismatched])
def test_a_forged_cache_entry_is_reprocessed_with_one_warning(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], forge) -> None:  # type: ignore[no-untyped-def]
    src, out = tmp_path / "src", tmp_path / "site"
    _story(src, "a.md"), _story(src, "b.md", 2)
    assert main(["build", str(src), "-o", str(out), "-q"]) == 0
    good = (out / "b.html").read_bytes()
    _forge_cache(out, forge)
    _story(src, "a.md", 3)  # something changed: the cache is read
    for _ in range(2):
        assert main(["build", str(src), "-o", str(out), "-q"]) == 0
        assert (out / "b.html").read_bytes() == good and not (tmp_path / "x").exists()
    err = capsys.readouterr().err
    assert "Traceback" not in err and err.count(".timeline-cache") == 1 and len(err.strip().splitlines()) == 1


def test_a_forged_warning_cannot_drive_the_terminal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src, out = tmp_path / "src", tmp_path / "site"
    _story(src, "a.md"), _story(src, "b.md", 2)
    assert main(["build", str(src), "-o", str(out), "-q"]) == 0
    _forge_cache(out, lambda entry: entry.update(warnings=["b.md: \x1b]0;owned\x07\x1b[2J\rfine\u202e"]))
    _story(src, "a.md", 3)
    assert main(["build", str(src), "-o", str(out), "-q"]) == 0
    err = capsys.readouterr().err
    assert "b.md" in err and not any(c in err for c in "\x1b\x07\r\u202e")
    assert "\\x1b" in err


# --- B9: long names, unwritable outputs ------------------------------------------------------------------


def test_a_245_character_file_name_builds(tmp_path: Path) -> None:
    src = tmp_path / "src"
    name = "a" * 241 + ".txt"
    _story(src, name)
    out = tmp_path / "site"
    assert main(["build", str(src), "-o", str(out), "-q"]) == 0
    assert (out / ("a" * 241 + ".html")).is_file()
    assert main(["extract", str(src / name), "-o", str(tmp_path / ("b" * 245 + ".json"))]) == 0


def test_a_page_name_too_long_for_the_file_system_skips_that_article_only(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = tmp_path / "rows.jsonl"
    rows.write_text(json.dumps({"id": "b" * 300, "text": "Talks failed on Friday.", "published": "2026-02-01"}) + "\n",
                    encoding="utf-8")
    ok = _story(tmp_path / "src", "ok.md")
    out = tmp_path / "site"
    assert main(["build", str(rows), str(ok), "-o", str(out), "-q"]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "too long" in err and "Traceback" not in err
    assert (out / "ok.html").is_file() and not any(p.name.endswith(".tmp") for p in out.iterdir())


@pytest.mark.skipif(not Path("/sys/kernel").is_dir(), reason="needs /sys/kernel")
@pytest.mark.parametrize("command", [["build"], ["extract"], ["events"]])
def test_an_unwritable_output_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                          command: list[str]) -> None:
    ok = _story(tmp_path / "src", "ok.md")
    target = "/sys/kernel/x" + (".csv" if command == ["events"] else "")
    assert main([*command, str(ok), "-o", target]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "/sys/kernel/x" in err and "cannot" in err


# --- D: counts that are true ---------------------------------------------------------------------------


def test_the_build_summary_counts_articles_versions_and_skipped_files_truly(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "src"
    _story(src, "a.md")
    (src / "bad.txt").write_text("no date at all\n", encoding="utf-8")
    out = tmp_path / "site"
    assert main(["build", str(src), "-o", str(out)]) == 2
    summary = capsys.readouterr().err.strip().splitlines()[-1]
    assert "(1 article: 1 processed, 0 unchanged; 1 skipped)" in summary, summary
    assert main(["build", str(src), "-o", str(out)]) == 2
    summary = capsys.readouterr().err.strip().splitlines()[-1]
    assert "up to date (1 article; 1 skipped)" in summary, summary
    _story(src, "a.v2.md", 3)
    assert main(["build", str(src), "-o", str(out)]) == 2
    summary = capsys.readouterr().err.strip().splitlines()[-1]
    assert "(1 article in 2 versions: 1 processed, 1 unchanged; 1 skipped)" in summary, summary


def test_the_undated_lead_is_not_counted_as_a_dated_event(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "lead.md"
    src.write_text("---\npublished: 2026-02-03\n---\nThe port is open again. It closed on Monday. "
                   "Trade fell in January.\n", encoding="utf-8")
    out = tmp_path / "site"
    assert main(["build", str(src), "-o", str(out), "-q"]) == 0
    from timeline.pipeline import process
    from timeline.readers import load_article

    events = process(load_article(str(src))).events
    dated = sum(1 for e in events if e.anchor == "phrase")
    assert 0 < dated < len(events)  # the lead is an event, dated by the publication
    for page in ("lead.html", "index.html", "index.md", "lead.md"):
        text = (out / page).read_text(encoding="utf-8")
        assert f"{len(events)} dated event" not in text, page
    assert f"{dated} dated events and {len(events) - dated} undated" in (out / "lead.html").read_text(encoding="utf-8")


def test_a_stale_staging_folder_is_removed_only_when_old_and_only_its_parts(tmp_path: Path) -> None:
    from timeline.output import remove_stale_temps

    dead = _dead_pid()
    old, young = tmp_path / f".tl{dead}-00000001.tmp", tmp_path / f".tl{dead}-00000002.tmp"
    for folder in (old, young):
        folder.mkdir()
        (folder / "part-00000.parquet").write_bytes(b"x")
    os.utime(old, (time.time() - 3 * 86400, time.time() - 3 * 86400))
    (tmp_path / "precious.txt").write_text("mine", encoding="utf-8")
    assert remove_stale_temps(tmp_path) == [old]
    assert young.is_dir() and (tmp_path / "precious.txt").is_file()


def test_a_temporary_of_a_process_id_given_again_to_a_later_process_is_stale(tmp_path: Path) -> None:
    """On a busy machine process IDs come round again: a temporary whose writer's ID now names a
    process that started after the file was last written is the dead writer's, and is removed; one
    of a process still running since before is kept."""
    import os
    import subprocess
    import sys
    import time

    from timeline.output import remove_stale_temps, temp_name

    if not Path("/proc/self/stat").exists():
        pytest.skip("needs /proc to tell when a process started")
    later = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        time.sleep(0.2)
        reused = tmp_path / temp_name(later.pid)
        reused.write_text("left by a killed build", encoding="utf-8")
        old = time.time() - 3600
        os.utime(reused, (old, old))  # written an hour before that process started
        live = tmp_path / temp_name(later.pid)
        live.write_text("being written now", encoding="utf-8")
        assert remove_stale_temps(tmp_path) == [reused]
        assert live.exists() and not reused.exists()
    finally:
        later.kill()
        later.wait()
