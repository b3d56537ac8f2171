"""An output whose folder is a regular file (`-o notes.txt/x.csv`): one line naming the output and
saying its parent is not a folder, exit 2, for every command that writes to `-o`. The events table
with --dask said "File exists", the others "Not a directory", which names neither culprit."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.cli import main

ARTICLE = "---\ntitle: A\npublished: 2026-01-31\n---\nOn 26 January 2026 the river flooded the town.\n"


@pytest.mark.parametrize("command", [
    ["events", "{a}", "-o", "{out}/x.parquet", "--dask", "local", "-q"],
    ["events", "{a}", "-o", "{out}/x.csv", "-q"],
    ["events", "{a}", "-o", "{out}/deeper/x.jsonl", "-q"],
    ["build", "{a}", "-o", "{out}/sub", "-q"],
    ["story", "{a}", "-o", "{out}/x.html", "-q"],
    ["extract", "{a}", "-o", "{out}/x.json"],
    ["tag", "{a}", "-o", "{out}/x.json"],
    ["diff", "{a}", "{a}", "-o", "{out}/x.md"],
])
def test_an_output_inside_a_file_says_its_parent_is_not_a_folder(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]) -> None:
    pytest.importorskip("pyarrow")
    if "--dask" in command:
        pytest.importorskip("dask")
    a = tmp_path / "a.md"
    a.write_text(ARTICLE, encoding="utf-8")
    blocker = tmp_path / "file"
    blocker.write_text("mine\n", encoding="utf-8")
    args = [part.format(a=a, out=blocker) for part in command]
    out = args[args.index("-o") + 1]
    code = main(args)
    err = capsys.readouterr().err
    assert code == 2, err
    assert err.count("\n") == 1 and "Traceback" not in err, err
    assert err == f"timeline: {out}: cannot write ({blocker} is not a folder)\n"
    assert blocker.read_text(encoding="utf-8") == "mine\n"


@pytest.mark.parametrize("entry", ["build", "events_table", "write_output"])
def test_a_library_caller_gets_the_same_error(tmp_path: Path, entry: str) -> None:
    """The check ran in the CLI only: `timeline.site.build(sources, Path("notes.txt/site"))` and the
    other library functions that write where their caller says raised a raw OSError ("Not a
    directory", "File exists") that names neither the output nor the file in its way."""
    from timeline.errors import OutputError
    from timeline.output import write_output
    from timeline.site import build
    from timeline.table import events_table

    a = tmp_path / "a.md"
    a.write_text(ARTICLE, encoding="utf-8")
    blocker = tmp_path / "file"
    blocker.write_text("mine\n", encoding="utf-8")
    out = blocker / "deeper" / "x.csv"
    calls = {"build": lambda: build([str(a)], out, jobs=1),
             "events_table": lambda: events_table([str(a)], str(out), jobs=1),
             "write_output": lambda: write_output(out, "x\n")}
    with pytest.raises(OutputError) as raised:
        calls[entry]()
    assert str(raised.value) == f"{out}: cannot write ({blocker} is not a folder)"
    assert blocker.read_text(encoding="utf-8") == "mine\n"
