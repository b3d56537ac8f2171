"""A hostile tester's eleventh round (the story's order, sentences and span; the edits file read
from a device or a folder; an empty name, stdin or JSON given as articles; eval-story's folder;
versions that carry their id): each test reproduces a fault found, so it comes back only with a
failing test."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from test_hostile_story import _article  # the same article writer as the rounds before

from timeline.cli import main

NEW_YEAR = "On 1 January 2026 the river rose. On 28 January 2026 the army arrived."


def _one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


# --- the story's order: the coarser period first, as every other timeline ---------------------------


@pytest.mark.parametrize("edit", [
    "add:\n  - {date: 2026-01, text: January was the wettest month on record.}\n",
    "add:\n  - {date: \"2026\", text: The year of the flood began.}\n",
    "days:\n  2026-01-28: {date: 2026-01}\n",
])
def test_a_month_the_editor_gives_comes_before_the_days_it_holds(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], edit: str) -> None:
    """An addition dated "2026-01" (or a day moved to the month) was listed after the key day
    1 January 2026, which starts with it: the story sorted by start alone, keeping the edits' order,
    while `extract` of the same article and edits lists the month first (the coarser period before
    the finer ones it contains, DESIGN's order)."""
    src = _article(tmp_path / "src", "a.md", NEW_YEAR)
    edits = tmp_path / "edits.yml"
    edits.write_text(edit, encoding="utf-8")
    assert main(["story", str(src.parent), "--edits", str(edits), "-f", "json"]) == 0
    story = [d["date"] for d in json.loads(capsys.readouterr().out)["dates"]]
    assert main(["extract", str(src), "--edits", str(edits), "-f", "json"]) == 0
    timeline = list(dict.fromkeys(e["date"] for e in json.loads(capsys.readouterr().out)["events"]))
    coarse = "2026" if "2026" in story else "2026-01"
    assert story[:2] == [coarse, "2026-01-01"], story
    if "add:" in edit:  # the same order as the timeline of the same article and edits
        assert story == [d for d in timeline if d in story], (story, timeline)


def test_a_day_moved_to_a_time_of_another_key_day_comes_after_that_day(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _article(tmp_path / "src", "a.md", NEW_YEAR)
    edits = tmp_path / "edits.yml"
    edits.write_text("days:\n  2026-01-01: {date: 2026-01-28T10:00}\n", encoding="utf-8")
    assert main(["story", str(tmp_path / "src"), "--edits", str(edits), "-f", "json"]) == 0
    told = json.loads(capsys.readouterr().out)
    assert [d["date"] for d in told["dates"]] == ["2026-01-28", "2026-01-28T10:00"]


# --- the edits file: read with a bound, and never left out unsaid ------------------------------------


def test_an_edits_file_over_the_limit_is_one_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """`--edits /dev/zero` (or a runaway generated file) was read whole into memory: a MemoryError
    traceback, or the machine's memory gone. An edits file is a few kilobytes; past a bound, one
    line naming it."""
    from timeline import edits as edits_module

    monkeypatch.setattr(edits_module, "EDITS_LIMIT", 1000, raising=False)
    src = _article(tmp_path / "src", "a.md", NEW_YEAR)
    path = tmp_path / "edits.yml"
    path.write_text("events:\n" + "".join(f"  x-{n:08x}: {{drop: true}}\n" for n in range(100)), encoding="utf-8")
    code = main(["extract", str(src), "--edits", str(path), "-f", "md"])
    line = _one_line(capsys.readouterr().err)
    assert code == 2
    assert line.startswith(f"timeline: {path}: over the limit of 1,000 bytes for an edits file"), line


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_an_edits_file_without_end_is_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    src = _article(tmp_path / "src", "a.md", NEW_YEAR)
    code = main(["story", str(src.parent), "--edits", "/dev/zero", "-q"])
    line = _one_line(capsys.readouterr().err)
    assert code == 2
    assert line.startswith("timeline: /dev/zero: over the limit of "), line


def test_a_pipe_given_as_the_edits_file_is_still_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`--edits <(cat a.yml b.yml)`: the bound reads a pipe as it did, to its end."""
    import threading

    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    src = _article(tmp_path / "src", "a.md", NEW_YEAR)
    fifo = tmp_path / "edits.yml"
    os.mkfifo(fifo)

    def write() -> None:
        with open(fifo, "w", encoding="utf-8") as f:
            f.write("add:\n  - {date: 2026-01-05, text: The dam was inspected.}\n")

    writer = threading.Thread(target=write)
    writer.start()
    code = main(["extract", str(src), "--edits", str(fifo), "-f", "md"])
    writer.join(10)
    assert code == 0
    assert "The dam was inspected." in capsys.readouterr().out


@pytest.mark.parametrize("kind", ["link to nowhere", "folder", "named pipe"])
def test_a_folder_s_edits_file_that_is_no_file_is_said(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str) -> None:
    """`timeline build articles/` reads `articles/edits.yml`; one that was a link to a moved file,
    a folder or a named pipe was passed over without a word, and the site built unedited, exit 0:
    the editor's drops and corrections silently gone. One line naming it, exit 2, nothing written."""
    src = tmp_path / "src"
    _article(src, "a.md", NEW_YEAR)
    _article(src, "b.md", NEW_YEAR, published="2026-01-30")
    edits = src / "edits.yml"
    if kind == "link to nowhere":
        edits.symlink_to(tmp_path / "moved.yml")
    elif kind == "folder":
        edits.mkdir()
    else:
        if not hasattr(os, "mkfifo"):
            pytest.skip("no named pipes here")
        os.mkfifo(edits)
    code = main(["build", str(src), "-o", str(tmp_path / "site"), "-q"])
    line = _one_line(capsys.readouterr().err)
    assert code == 2
    assert line.startswith(f"timeline: {edits}: "), line
    assert not (tmp_path / "site").exists()


# --- an empty name: "$DIR" unset in a script ---------------------------------------------------------


@pytest.mark.parametrize("argv", [
    ["story", ""], ["events", ""], ["build", "", "-o", "site"], ["extract", ""], ["diff", "", "a.md"],
    ["story", "a.md", "--edits", ""], ["story", "a.md", "--urls", ""], ["build", "a.md", "-o", "site", "--edits", ""],
    ["extract", "a.md", "-f", "html", "--templates", ""], ["eval-story", ""], ["extract", "a.md", "-o", ""],
])
def test_an_empty_name_is_one_line_not_the_current_folder(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, argv: list[str]) -> None:
    """`timeline story "$SRC"` with SRC unset read '' as the current folder, every article under it
    (a home folder: thousands), and `build "" -o site` built it; `--edits ""` and `--urls ""` were
    taken as no file, the story made unedited, and `--templates ""` made the current folder the
    theme (a page.html there overriding the theme's). One line saying the name is empty, exit 2."""
    _article(tmp_path, "a.md", NEW_YEAR)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as stop:
        main(argv)
    line = _one_line(capsys.readouterr().err)
    assert stop.value.code == 2
    assert "'' is an empty name, not a file or folder" in line, line
    assert not (tmp_path / "site").exists()


# --- eval-story's folder -----------------------------------------------------------------------------


def test_eval_story_of_a_file_says_it_is_no_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`timeline eval-story t17/bpoil/timelines/bbc.txt` said "no such folder" of a file that is
    there: the user looks for a typo that is not there."""
    src = _article(tmp_path, "a.md", NEW_YEAR)
    assert main(["eval-story", str(src)]) == 2
    line = _one_line(capsys.readouterr().err)
    assert line == f"timeline: {src}: not a folder (a topic folder holds articles/ and timelines/)", line
    assert main(["eval-story", str(tmp_path / "nothing")]) == 2
    assert _one_line(capsys.readouterr().err) == f"timeline: {tmp_path / 'nothing'}: no such folder"


# --- the story's sentences: a lead that opens with its dateline has no headline run into it ----------


SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_3b01959ef49d4888.txt"


def test_the_bundled_seed_s_lead_is_shown_whole(capsys: pytest.CaptureFixture[str]) -> None:
    """`timeline story articles/` of the README's quick start showed the seed's lead as "Cambodia as a
    base to defraud South Koreans.": its first 17 words taken for a headline run into the lead (they
    share "South Korean"), though the lead opens with its dateline, "BANGKOK:", as a body does."""
    assert main(["story", str(SEED), "-f", "json", "-q"]) == 0
    shown = [s["text"] for d in json.loads(capsys.readouterr().out)["dates"] for s in d["sentences"]]
    assert not any(t.startswith("Cambodia as a base") for t in shown), shown
    assert any("South Korean President Lee Jae-myung (pic) has escalated his warnings" in t for t in shown), shown


@pytest.mark.parametrize("dateline", ["BANGKOK:", "WASHINGTON (Reuters) -", "LONDON —"])
def test_a_lead_opening_with_its_dateline_keeps_its_first_words(dateline: str) -> None:
    from timeline.story import headline_cut

    lead = (f"{dateline} South Korean officials have warned the criminal syndicates using "
            "Cambodia as a base to defraud South Koreans.")
    assert headline_cut(lead) == lead
    # a headline run into a lead, as a corpus that lost the line between them gives it, is still cut
    glued = ("Police raid Jackson doctor's home Drug police are searching the Las Vegas home of "
             "Michael Jackson's doctor.")
    assert headline_cut(glued).startswith("Drug police are searching")


# --- page furniture is no sentence of the story, in a lead either ------------------------------------


def test_page_furniture_at_the_top_of_every_page_is_no_report_of_its_day(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A site's blurb scraped above every article ("Sign up for our free newsletter ...", "This copy
    may not be in its final form", five times in a dev story) was shown as the news of each
    publication day: the furniture rule (a sentence word for word in three articles or more
    published over 60 days apart is no sentence of the story) held for dated sentences only, not
    for the first sentences of a report's lead."""
    blurb = "Sign up for our free newsletter to get the latest local news."
    for n in range(1, 6):
        _article(tmp_path / "src", f"f{n}.md",
                 f"{blurb}\nThe mayor of the town opened the {n}th new bridge over the river.\n"
                 f"On {n} March 2025 the council voted on the new budget for the town.",
                 published=f"2025-{2 * n:02d}-15")
    assert main(["story", str(tmp_path / "src"), "-f", "json", "-q"]) == 0
    shown = [s["text"] for d in json.loads(capsys.readouterr().out)["dates"] for s in d["sentences"]]
    assert blurb not in shown, shown
    assert any(t.startswith("The mayor of the town opened") for t in shown), shown  # a report's own news stays


# --- the story's span: any day of the calendar -------------------------------------------------------


def test_a_story_of_days_before_1600_can_be_asked_for(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An article on Columbus's voyage (its days of 1492 tagged and shown by `extract`) gave a story
    of its publication day alone: days long before the articles are background unless --from asks
    for them, and `--from 1492-01-01` was refused as "outside the accepted range of publication
    dates (1600-01-01 to 2199-12-31)": a span's ends are days of the calendar, no publication dates."""
    _article(tmp_path / "src", "h.md", "On 12 October 1492 Columbus reached the Bahamas.\n"
             "On 28 October 1492 he reached Cuba.\nOn 5 December 1492 he reached Hispaniola.")
    assert main(["story", str(tmp_path / "src"), "--from", "1492-01-01", "--to", "9999-12-31", "-f", "json"]) == 0
    told = json.loads(capsys.readouterr().out)
    assert [d["date"] for d in told["dates"]][:3] == ["1492-10-12", "1492-10-28", "1492-12-05"], told["dates"]
    assert (told["from"], told["to"]) == ("1492-01-01", "9999-12-31")
    with pytest.raises(SystemExit):
        main(["story", str(tmp_path / "src"), "--from", "1492-13-01"])
    assert "'1492-13-01' is not a day of the calendar" in _one_line(capsys.readouterr().err)


# --- JSON is no article ------------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["extract", "tag", "events", "story"])
def test_a_json_file_given_as_an_article_is_one_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str) -> None:
    """`timeline story articles/ -o story.json`, then `timeline extract story.json -f html` (meaning to
    render it) made a "timeline" of the JSON's own text, its keys and dates ('"from": "2026-01-26"')
    as events, exit 0; `events` of a timeline JSON file made rows of its fields. JSON is none of the
    inputs an article may be (a collection is .jsonl): one line, as for a drawing timeline wrote."""
    src = _article(tmp_path / "src", "a.md", NEW_YEAR)
    story = tmp_path / "story.json"
    assert main(["story", str(src.parent), "-o", str(story), "-q"]) == 0
    capsys.readouterr()
    code = main([command, str(story)] + (["--published", "2026-01-31"] if command in ("extract", "tag") else ["-q"]))
    line = _one_line(capsys.readouterr().err)
    assert code == 2
    assert line.startswith(f"timeline: {story}: is JSON, not an article"), line
    assert main(["extract", str(story), "--format-in", "text", "--published", "2026-01-31"]) == 0  # asked: read
    capsys.readouterr()
    assert main(["extract", str(src), "-o", str(tmp_path / "t.json")]) == 0
    assert main(["diff", str(tmp_path / "t.json"), str(src)]) == 0  # diff still reads a timeline JSON


@pytest.mark.parametrize("command", ["story", "events", "build"])
def test_stdin_named_to_a_command_of_many_articles_is_said(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, command: str) -> None:
    """`cat a.md | timeline story -` (the README: "`-` reads the article from stdin") said
    "-: no such file or folder", as if a file named "-" were missing."""
    monkeypatch.chdir(tmp_path)
    code = main([command, "-", "-q"] + (["-o", "site"] if command == "build" else []))
    line = _one_line(capsys.readouterr().err)
    assert code == 2
    assert line == ("timeline: -: stdin is not read here: give files, folders or URLs "
                    "(one article from stdin: timeline extract -)"), line


# --- versions that carry their id --------------------------------------------------------------------


def test_two_versions_with_one_front_matter_id_are_told_how_to_name_the_later(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """rail.md and rail.v2.md, named as the README names versions, each with the `id: rail` a CMS
    exports: the build said "two articles have the id 'rail'; rename one", but renaming a file
    changes nothing (the front matter's id wins) and the files are named as asked. Say what to do."""
    src = tmp_path / "src"
    _article(src, "rail.md", NEW_YEAR, extra="id: rail\n")
    _article(src, "rail.v2.md", NEW_YEAR, published="2026-02-01", extra="id: rail\n")
    code = main(["build", str(src), "-o", str(tmp_path / "site"), "-q"])
    line = _one_line(capsys.readouterr().err)
    assert code == 2
    assert line == (f"timeline: {src / 'rail.v2.md'}: two articles have the id 'rail' (its front matter's "
                    "'id:'); this file is named as version 2: set 'id: rail-v2' in its front matter"), line
