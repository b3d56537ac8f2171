"""Versions of one article: which is the latest in the events table and the site's JSON, and the
changes page between two versions (both linked, a changed headline reported)."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest

from timeline.cli import main
from timeline.diff import diff_timelines
from timeline.pipeline import extract
from timeline.render import render_diff
from timeline.site import build
from timeline.table import COLUMN_NAMES, events_table

BODY = "The port reopened on Monday after a strike. Trade fell 3% in January.\n"


def _story(folder: Path, name: str, title: str, published: str, body: str = BODY) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(f'---\ntitle: "{title}"\npublished: {published}\n---\n{body}', encoding="utf-8")


def _versions(folder: Path) -> Path:
    """story (v1, v2, v3 published in that order; v3 with another headline) and a lone article."""
    _story(folder, "story.txt", "Port reopens", "2026-02-03")
    _story(folder, "story.v2.txt", "Port reopens", "2026-02-04", BODY + "Ships queued on Tuesday.\n")
    _story(folder, "story.v3.txt", "Port reopens after strike", "2026-02-05", BODY + "Ships queued on Tuesday.\n")
    _story(folder, "other.txt", "Rain", "2026-02-04", "It rained on Monday.\n")
    return folder


def test_the_events_table_names_each_version_and_the_latest(tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    src = _versions(tmp_path / "src")
    assert {"version", "latest"} <= set(COLUMN_NAMES)
    expected = {("other", 1, True), ("story", 1, False), ("story-v2", 2, False), ("story-v3", 3, True)}
    out = tmp_path / "events.jsonl"
    assert main(["events", str(src), "-q", "-o", str(out)]) == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {(r["article"], r["version"], r["latest"]) for r in rows} == expected
    # on stdout too: the versions of a folder come one after the other and go out together
    assert main(["events", str(src), "-q"]) == 0
    streamed = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert streamed == rows
    # versions that come apart (another article between them) are set right in the file's last pass
    apart = tmp_path / "apart"
    apart.mkdir()
    for name in ("story.txt", "story.v3.txt"):
        (apart / name).write_bytes((src / name).read_bytes())
    (apart / "b.txt").write_bytes((src / "other.txt").read_bytes())
    out2 = tmp_path / "apart.jsonl"
    assert main(["events", str(apart / "story.txt"), str(apart / "b.txt"), str(apart / "story.v3.txt"), "-q",
                 "-o", str(out2)]) == 0
    rows2 = [json.loads(line) for line in out2.read_text(encoding="utf-8").splitlines()]
    assert {(r["article"], r["latest"]) for r in rows2} == {("story", False), ("b", True), ("story-v3", True)}
    csv_out = tmp_path / "events.csv"
    assert main(["events", str(src), "-q", "-o", str(csv_out)]) == 0
    import csv

    table = list(csv.DictReader(csv_out.open(encoding="utf-8", newline="")))
    assert {(r["article"], int(r["version"]), r["latest"] == "True") for r in table} == expected


def test_the_latest_is_the_last_published_whatever_the_order_of_the_files(tmp_path: Path) -> None:
    src = tmp_path / "src"
    _story(src, "a-v2.txt", "A", "2026-02-01")  # version 2 published before version 1: v1 is the latest
    _story(src, "a.txt", "A", "2026-02-02")
    events_table([str(src / "a-v2.txt"), str(src / "a.txt")], str(tmp_path / "e.jsonl"))
    rows = [json.loads(line) for line in (tmp_path / "e.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {(r["article"], r["version"], r["latest"]) for r in rows} == {("a-v2", 2, False), ("a", 1, True)}


def test_csv_and_parquet_have_the_version_columns(tmp_path: Path) -> None:
    paths = sorted(str(p) for p in _versions(tmp_path / "src").iterdir())
    events_table(paths, str(tmp_path / "e.csv"))
    header, first = (tmp_path / "e.csv").read_text(encoding="utf-8").splitlines()[:2]
    assert header.split(",")[-2:] == ["version", "latest"]
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    events_table(paths, str(tmp_path / "e.parquet"))
    frame = pd.read_parquet(tmp_path / "e.parquet")
    assert str(frame["version"].dtype) == "int64" and str(frame["latest"].dtype) == "bool"
    assert sorted(set(zip(frame["article"], frame["latest"], strict=True))) == [
        ("other", True), ("story", False), ("story-v2", False), ("story-v3", True)]


def test_a_dask_folder_knows_the_latest_across_its_parts(tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    pytest.importorskip("distributed")
    from timeline import table

    src = _versions(tmp_path / "src")
    paths = sorted(str(p) for p in src.iterdir())  # other, story, story.v2, story.v3: one a part
    table.dask_parts(paths, address="local", today=date.today(), folder=str(tmp_path / "d.parquet"), workers=2,
                     per_part=1)
    events_table(paths, str(tmp_path / "l.parquet"))
    local, dask = pd.read_parquet(tmp_path / "l.parquet"), pd.read_parquet(tmp_path / "d.parquet")
    assert local.equals(dask)
    assert sorted(set(zip(dask["article"], dask["latest"], strict=True))) == [
        ("other", True), ("story", False), ("story-v2", False), ("story-v3", True)]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    src = _versions(tmp_path_factory.mktemp("versions") / "src")
    out = src.parent / "out"
    build([str(src)], out, jobs=1)
    return out


def test_the_json_of_a_version_says_which_it_is(site: Path) -> None:
    for page, version, latest in (("story", 1, False), ("story-v2", 2, False), ("story-v3", 3, True)):
        data = json.loads((site / f"{page}.json").read_text(encoding="utf-8"))
        assert data["events"] and all(e["version"] == version and e["latest"] is latest for e in data["events"])
    lone = json.loads((site / "other.json").read_text(encoding="utf-8"))
    assert all("version" not in e and "latest" not in e for e in lone["events"]), "no versions, no fields"


def test_the_changes_page_links_both_versions(site: Path) -> None:
    page = (site / "story.changes-v1-v2.html").read_text(encoding="utf-8")
    assert 'href="story.html"' in page and 'href="story-v2.html"' in page
    md = (site / "story.changes-v1-v2.md").read_text(encoding="utf-8")
    assert "(story.md)" in md and "(story-v2.md)" in md


def test_a_changed_headline_is_a_change(site: Path) -> None:
    same = (site / "story.changes-v1-v2.html").read_text(encoding="utf-8")
    assert "Headline" not in same
    page = (site / "story.changes-v2-v3.html").read_text(encoding="utf-8")
    assert "Headline changed" in page and "Port reopens after strike" in page
    assert "Headline changed" in (site / "story.changes-v2-v3.md").read_text(encoding="utf-8")
    data = json.loads((site / "story.changes-v2-v3.json").read_text(encoding="utf-8"))
    assert data["title_changed"] is True and data["new"]["title"] == "Port reopens after strike"
    assert json.loads((site / "story.changes-v1-v2.json").read_text(encoding="utf-8"))["title_changed"] is False
    # The article's list of versions counts it too.
    latest = (site / "story-v3.html").read_text(encoding="utf-8")
    assert "headline changed" in latest


def test_timeline_diff_reports_a_changed_headline() -> None:
    old = extract(BODY, "2026-02-03", "Port reopens")
    new = extract(BODY, "2026-02-04", "Port reopens after strike")
    d = diff_timelines(old, new)
    assert d.title_changed and not d.has_differences  # the timeline itself is the same
    assert "Headline changed: Port reopens → Port reopens after strike" in render_diff(d, "text")
    assert not diff_timelines(old, old).title_changed


@pytest.mark.parametrize("spool", [None, 64])
def test_versions_apart_on_stdout_know_the_latest(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                  monkeypatch: pytest.MonkeyPatch, spool: int | None) -> None:
    """stdout gets the `latest` column right, as a file does, when an article's versions come apart
    (a collection sorted by date: v1, another article, v2): only the latest version says true, the
    bytes are those of `-o FILE`, in JSON Lines and CSV, and there is nothing to warn about; also
    when the rows spill from memory to the temporary file (a spool of 64 bytes)."""
    if spool is not None:
        from timeline import table

        monkeypatch.setattr(table, "STDOUT_SPOOL", spool)
    feed = tmp_path / "feed.jsonl"
    rows = [("story", "2026-02-03", BODY), ("other", "2026-02-04", "It rained on Monday.\n"),
            ("story-v2", "2026-02-05", BODY + "Ships queued on Tuesday.\n")]
    feed.write_text("".join(json.dumps({"id": i, "title": i, "published": p, "text": t}) + "\n"
                            for i, p, t in rows), encoding="utf-8")
    src = _versions(tmp_path / "src")
    apart = [str(src / "story.txt"), str(src / "other.txt"), str(src / "story.v3.txt")]
    cases = [([str(feed)], {("story", False), ("other", True), ("story-v2", True)}),
             (apart, {("story", False), ("other", True), ("story-v3", True)})]
    for inputs, expected in cases:
        for fmt in ("jsonl", "csv"):
            target = tmp_path / f"e.{fmt}"
            assert main(["events", *inputs, "-q", "-o", str(target)]) == 0
            capsys.readouterr()
            for dash in ([], ["-o", "-"]):
                assert main(["events", *inputs, "-q", "--format", fmt, *dash]) == 0
                out, err = capsys.readouterr()
                assert out.encode("utf-8") == target.read_bytes() and err == ""
                if fmt == "jsonl":
                    got = {(r["article"], r["latest"]) for r in map(json.loads, out.splitlines())}
                else:
                    got = {(r["article"], r["latest"] == "True") for r in csv.DictReader(io.StringIO(out))}
                assert got == expected
