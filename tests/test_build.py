"""`timeline build` at scale: one pass per article, every core, incremental rebuilds, bad files
skipped (and reported), and the output folder guarded before anything is written."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

import timeline.annotate
import timeline.pipeline
import timeline.site
import timeline.temporal.tagger
import timeline.text
from timeline.cache import CACHE_NAME
from timeline.cli import main
from timeline.errors import ArticleError, OutputError
from timeline.site import MANIFEST, build

ROOT = Path(__file__).resolve().parent.parent

STORIES = [
    "Floods hit the valley on Monday. Rain had started last Friday, officials said.",
    "The council voted on 3 March 2026 to rebuild the bridge. Work begins in May.",
    "Since last November, prices have risen. On Jan. 12 the bank held rates.",
    "Police arrived last Wednesday. Two days later the suspects were charged.",
    "The festival opened on Saturday (Jan 31) and closes next Sunday.",
]


def _corpus(folder: Path, n: int = 12) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        body = STORIES[i % len(STORIES)] + f" Report number {i} was filed on 2 February 2026."
        (folder / f"story{i:02d}.txt").write_text(f"---\npublished: 2026-02-0{1 + i % 5}\n---\n{body}\n",
                                                  encoding="utf-8")
    return folder


def _tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and p.name != CACHE_NAME}


def test_parallel_build_is_byte_identical_to_one_job(tmp_path: Path) -> None:
    src = _corpus(tmp_path / "src", 40)
    build([str(src)], tmp_path / "one", jobs=1)
    build([str(src)], tmp_path / "two", jobs=2)
    build([str(src)], tmp_path / "three", jobs=3)
    assert _tree(tmp_path / "one") == _tree(tmp_path / "two") == _tree(tmp_path / "three")
    assert len([p for p in (tmp_path / "one").glob("story[0-9]*.html")]) == 40


def test_each_article_is_segmented_and_tagged_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = _corpus(tmp_path / "src", 6)
    calls = {"segment": 0, "tag": 0}
    real_segment, real_tag = timeline.text.segment, timeline.temporal.tagger.tag

    def segment(text: str):  # type: ignore[no-untyped-def]
        calls["segment"] += 1
        return real_segment(text)

    def tag(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls["tag"] += 1
        return real_tag(*args, **kwargs)

    for name, module in list(sys.modules.items()):
        if name == "timeline" or name.startswith("timeline."):
            if getattr(module, "segment", None) is real_segment:
                monkeypatch.setattr(module, "segment", segment)
            if getattr(module, "tag", None) is real_tag:
                monkeypatch.setattr(module, "tag", tag)
    # Two versions of one story: the changes page must reuse both timelines, not tag them again.
    (src / "story00.v2.txt").write_text("---\npublished: 2026-02-09\n---\n" + STORIES[0] + " It eased on Tuesday.\n",
                                        encoding="utf-8")
    build([str(src)], tmp_path / "out", jobs=1)
    assert calls == {"segment": 7, "tag": 7}
    assert (tmp_path / "out" / "story00.changes-v1-v2.html").exists()


def test_no_change_rebuild_writes_nothing_and_a_change_reprocesses_one(tmp_path: Path) -> None:
    src, out = _corpus(tmp_path / "src"), tmp_path / "out"
    first = build([str(src)], out, jobs=1)
    assert first.processed == 12 and first.cached == 0 and len(first.written) == len(first) > 30
    before = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}
    again = build([str(src)], out, jobs=1)
    assert again.up_to_date and again.written == () and again.processed == 0
    assert {p.name: p.stat().st_mtime_ns for p in out.iterdir()} == before
    story = src / "story03.txt"
    story.write_text(story.read_text(encoding="utf-8").replace("Two days later", "Three days later"), encoding="utf-8")
    changed = build([str(src)], out, jobs=1)
    assert (changed.processed, changed.cached) == (1, 11)
    names = {p.name for p in changed.written}
    assert {"story03.html", "story03.json", "story03.md", "combined.html", "combined.json"} <= names
    assert "story04.html" not in names  # unchanged pages keep their file (and its time stamp)
    fresh = tmp_path / "fresh"
    build([str(src)], fresh, jobs=1)
    assert _tree(out) == _tree(fresh), "an incremental build gives the same site as a clean one"


def test_rebuild_restores_a_deleted_output_and_keeps_an_edited_one(tmp_path: Path) -> None:
    src, out = _corpus(tmp_path / "src", 3), tmp_path / "out"
    build([str(src)], out, jobs=1)
    good = _tree(out)
    (out / "story01.html").unlink()
    (out / "index.md").write_text("edited", encoding="utf-8")
    report = build([str(src)], out, jobs=1)
    assert not report.up_to_date and report.processed == 0
    assert (out / "story01.html").read_bytes() == good["story01.html"]
    # An edited page is the user's: kept, with a warning naming it, until --force.
    assert (out / "index.md").read_text(encoding="utf-8") == "edited"
    assert any("index.md" in w and "--force" in w for w in report.warnings)
    build([str(src)], out, jobs=1, force=True)
    assert _tree(out) == good


def test_a_template_change_rerenders_but_does_not_reprocess(tmp_path: Path) -> None:
    src, out, theme = _corpus(tmp_path / "src", 3), tmp_path / "out", tmp_path / "theme"
    theme.mkdir()
    (theme / "theme.css").write_text(".tl { --accent: #123456; }\n", encoding="utf-8")
    build([str(src)], out, templates=theme, jobs=1)
    (theme / "theme.css").write_text(".tl { --accent: #654321; }\n", encoding="utf-8")
    report = build([str(src)], out, templates=theme, jobs=1)
    assert report.processed == 0 and report.cached == 3
    assert "#654321" in (out / "story00.html").read_text(encoding="utf-8")


def test_force_reprocesses_everything(tmp_path: Path) -> None:
    src, out = _corpus(tmp_path / "src", 3), tmp_path / "out"
    build([str(src)], out, jobs=1)
    assert build([str(src)], out, jobs=1, force=True).processed == 3


def test_a_tool_change_invalidates_the_cache(tmp_path: Path) -> None:
    src, out = _corpus(tmp_path / "src", 3), tmp_path / "out"
    build([str(src)], out, jobs=1)
    cache = out / CACHE_NAME
    data = json.loads(cache.read_text(encoding="utf-8"))
    data["code"] = "another version"
    cache.write_text(json.dumps(data), encoding="utf-8")
    (src / "story00.txt").write_text((src / "story00.txt").read_text(encoding="utf-8") + "\nMore on Friday.\n",
                                     encoding="utf-8")
    assert build([str(src)], out, jobs=1).processed == 3


def test_a_broken_cache_is_ignored_and_never_executed(tmp_path: Path) -> None:
    src, out = _corpus(tmp_path / "src", 3), tmp_path / "out"
    build([str(src)], out, jobs=1)
    (out / CACHE_NAME).write_bytes(b"\x80\x04cos\nsystem\n(S'touch pwned'\ntR.")  # a pickle that runs a command
    (src / "story00.txt").write_text((src / "story00.txt").read_text(encoding="utf-8") + "\nMore on Friday.\n",
                                     encoding="utf-8")
    report = build([str(src)], out, jobs=1)
    assert report.processed == 3
    assert not Path("pwned").exists() and not (tmp_path / "pwned").exists()
    json.loads((out / CACHE_NAME).read_text(encoding="utf-8"))  # rewritten as JSON


def test_bad_articles_are_skipped_reported_and_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = _corpus(tmp_path / "src", 3)
    (src / "undated.txt").write_text("Nothing here gives a date.\n", encoding="utf-8")
    (src / "binary.txt").write_bytes(b"\x00\x01\x02")
    out = tmp_path / "out"
    assert main(["build", str(src), "-o", str(out), "-j", "1"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert any("undated.txt: no publication date" in line for line in err)
    assert any("binary.txt: " in line for line in err)
    assert err[-1].startswith("timeline: wrote ") and "2 skipped" in err[-1]
    assert (out / "story00.html").exists() and not (out / "undated.html").exists()
    # An unchanged rebuild reports them again (and still exits 2).
    assert main(["build", str(src), "-o", str(out), "-q"]) == 2
    assert "undated.txt" in capsys.readouterr().err


def test_strict_stops_at_the_first_bad_article(tmp_path: Path) -> None:
    src = _corpus(tmp_path / "src", 2)
    (src / "undated.txt").write_text("Nothing here gives a date.\n", encoding="utf-8")
    with pytest.raises(ArticleError, match="undated.txt"):
        build([str(src)], tmp_path / "out", strict=True, jobs=1)
    assert not (tmp_path / "out").exists()


def test_cli_jobs_must_be_a_positive_number(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["build", "-j", "0"])
    assert exc.value.code == 2 and "number of jobs" in capsys.readouterr().err


def test_force_never_replaces_an_input_article(tmp_path: Path) -> None:
    src = tmp_path / "md"
    src.mkdir()
    story = "---\npublished: 2026-01-31\n---\nIt rained on Monday.\n"
    (src / "story.md").write_text(story, encoding="utf-8")
    with pytest.raises(OutputError, match="story.md: is one of the build's inputs"):
        build([str(src)], src, force=True, jobs=1)
    assert (src / "story.md").read_text(encoding="utf-8") == story
    assert sorted(p.name for p in src.iterdir()) == ["story.md"], "nothing written"


def test_a_folder_build_never_reads_its_own_outputs_as_articles(tmp_path: Path) -> None:
    src = tmp_path / "articles"
    src.mkdir()
    (src / "story.txt").write_text("---\npublished: 2026-01-31\n---\nIt rained on Monday.\n", encoding="utf-8")
    build([str(src)], src, force=True, jobs=1)  # the site next to its article: allowed with --force
    assert (src / "story.md").exists() and (src / "index.md").exists()
    report = build([str(src)], src, jobs=1)
    assert report.articles == 1 and report.up_to_date


def test_a_symlink_found_late_refuses_the_build_before_anything_is_written(tmp_path: Path) -> None:
    src, out = _corpus(tmp_path / "src", 3), tmp_path / "out"
    build([str(src)], out, jobs=1)
    before = _tree(out)
    outside = tmp_path / "outside.html"
    outside.write_text("precious", encoding="utf-8")
    (out / "story02.html").unlink()
    os.symlink(outside, out / "story02.html")
    (src / "story00.txt").write_text((src / "story00.txt").read_text(encoding="utf-8") + "\nMore on Friday.\n",
                                     encoding="utf-8")
    with pytest.raises(OutputError, match="story02.html"):
        build([str(src)], out, jobs=1)
    assert outside.read_text(encoding="utf-8") == "precious"
    after = _tree(out)
    assert after == {k: v for k, v in before.items() if k != "story02.html"} | {"story02.html": b"precious"}


def test_manifest_is_deterministic_and_lists_what_was_written(tmp_path: Path) -> None:
    src = _corpus(tmp_path / "src", 3)
    build([str(src)], tmp_path / "a", jobs=1)
    build([str(src)], tmp_path / "b", jobs=2)
    a, b = (json.loads((tmp_path / d / MANIFEST).read_text(encoding="utf-8")) for d in ("a", "b"))
    assert a == b and sorted(a["files"]) == sorted(p.name for p in (tmp_path / "a").iterdir()
                                                    if not p.name.startswith("."))


def _plans(folder: Path, n: int = 3) -> Path:
    """Stories with a lead of no date, a dated past event and a forecast."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"plan{i}.txt").write_text(
            f"---\npublished: 2026-02-02\n---\nThe council approved bridge plan {i}.\n"
            f"The old bridge closed on Monday. Work begins in May. The bridge has {i + 2} lanes.\n", encoding="utf-8")
    return folder


def test_another_undated_or_status_option_reprocesses_and_never_reuses_stale_events(tmp_path: Path) -> None:
    src, out = _plans(tmp_path / "src"), tmp_path / "out"
    build([str(src)], out, jobs=1)  # undated="lead", every status

    def events(name: str = "plan1.json") -> list[dict[str, object]]:
        return list(json.loads((out / name).read_text(encoding="utf-8"))["events"])

    lead = events()
    assert [e["anchor"] for e in lead].count("publication") == 1
    report = build([str(src)], out, jobs=1, undated="none")
    assert (report.processed, report.cached) == (3, 0), "the cache key holds the options"
    assert {e["anchor"] for e in events()} == {"phrase"} and len(events()) == len(lead) - 1
    report = build([str(src)], out, jobs=1, undated="none", status=("expected",))
    assert report.processed == 3 and [e["date"] for e in events()] == ["2026-05"]  # "Work begins in May."
    assert build([str(src)], out, jobs=1, undated="none", status=("expected",)).up_to_date
    back = build([str(src)], out, jobs=1)
    assert back.processed == 3 and events() == lead


def test_cli_build_undated_and_status(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src, out = _plans(tmp_path / "src"), tmp_path / "out"
    assert main(["build", str(src), "-o", str(out), "-q", "--undated", "all", "--status", "reported,ongoing"]) == 0
    events = json.loads((out / "combined.json").read_text(encoding="utf-8"))["events"]
    assert events and {e["status"] for e in events} == {"reported"}
    assert {e["anchor"] for e in events} == {"phrase", "publication"}
    assert len(json.loads((out / "plan0.json").read_text(encoding="utf-8"))["events"]) == 3  # lead, Monday, lanes


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_page_that_fails_to_render_leaves_the_site_as_it_was(tmp_path: Path, jobs: int) -> None:
    """Pages are written beside their targets as they are rendered, and put in place only when
    every page has been: a theme error in one page changes nothing and leaves no temporary file."""
    from timeline.errors import TemplateError

    src, out, theme = _corpus(tmp_path / "src", 20), tmp_path / "out", tmp_path / "theme"
    build([str(src)], out, jobs=jobs)
    before = _tree(out)
    theme.mkdir()
    default = (ROOT / "templates" / "article.html").read_text(encoding="utf-8")
    (theme / "article.html").write_text(default.replace("{% block content %}", "{% block content %}"
                                                        "{% if article.id == 'story17' %}{{ no_such_name }}{% endif %}",
                                                        1), encoding="utf-8")
    (src / "story03.txt").write_text((src / "story03.txt").read_text(encoding="utf-8") + "\nMore on Friday.\n",
                                     encoding="utf-8")
    with pytest.raises(TemplateError, match="article.html"):
        build([str(src)], out, jobs=jobs, templates=theme)
    assert _tree(out) == before
    assert [p.name for p in out.iterdir() if p.name.endswith(".tmp")] == []


def test_the_library_writes_the_same_site_as_the_build(tmp_path: Path) -> None:
    """render_site (pages as strings) then write_site: the same files as `timeline build`."""
    from timeline.readers import load_article
    from timeline.site import render_site, write_site

    src = _corpus(tmp_path / "src", 4)
    build([str(src)], tmp_path / "built", jobs=1)
    pages = render_site([load_article(str(p)) for p in sorted(src.iterdir())])
    written = write_site(pages, tmp_path / "written")
    assert len(written) == len(pages)
    built = {k: v for k, v in _tree(tmp_path / "built").items() if k != MANIFEST}
    assert {k: v for k, v in _tree(tmp_path / "written").items() if k != MANIFEST} == built
    assert write_site(pages, tmp_path / "written") == []  # as the last write left them: nothing to write
