"""A hostile tester's tenth round (dates at the edges of the calendar, timeline diff, the edits
file, front matter, CSV dialects): each test reproduces a fault found, so it comes back only with
a failing test."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_hostile_story import FLOOD, _article  # the same article writer and story as the rounds before

from timeline.cli import main
from timeline.temporal import tag


def _one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


# --- dates at the edge of the calendar ---------------------------------------------------------------


@pytest.mark.parametrize(("text", "phrase", "value"), [
    ("By December 9999, all was done.", "December 9999", "9999-12"),
    ("In winter 2300 it froze.", "winter 2300", "2300-WI"),
    ("In Q4 2300 prices rose.", "Q4 2300", "2300-Q4"),
    ("In H2 9999 prices rose.", "H2 9999", "9999-H2"),
])
def test_a_month_or_quarter_of_a_far_year_is_not_dated_near_the_publication(
        text: str, phrase: str, value: str) -> None:
    """"By December 9999" (in an article of 2026) was dated 2025-12, "Q4 2300" 2025-Q4: a year past
    2199 after a month, season or quarter was dropped, and what was left dated as if written without
    one, near the publication, though "31 December 9999" keeps its year."""
    found = [(t.text, t.value) for t in tag(text, "2026-01-31")]
    assert found == [(phrase, value)], found


def test_a_month_before_a_count_is_still_no_year() -> None:
    found = [(t.text, t.value) for t in tag("In May 3000 people marched.", "2026-01-31")]
    assert found == [("May", "2025-05")], found


# --- collections ---------------------------------------------------------------------------------


@pytest.mark.parametrize("header", ["title,text,text,published", "title,Text,text ,published"])
def test_a_csv_header_naming_a_column_twice_is_one_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], header: str) -> None:
    """A CSV whose header names `text` twice (two exports pasted side by side, `Text` and `text`):
    each row kept the second cell and lost the first, silently ("wrote 1 event", the first
    column's dates gone). Which cell is the article is the file's to say."""
    src = tmp_path / "feed.csv"
    src.write_text(f"{header}\nA,On 28 January 2026 the army arrived.,On 3 March 2026 more.,2026-01-31\n",
                   encoding="utf-8")
    code = main(["events", str(src), "-o", str(tmp_path / "e.jsonl")])
    err = capsys.readouterr().err
    assert code == 2 and "Traceback" not in err
    assert err.startswith(f"timeline: {src}: the header names the column 'text' twice"), err
    assert "March" not in (tmp_path / "e.jsonl").read_text(encoding="utf-8")


# --- web pages -----------------------------------------------------------------------------------


def _nested(depth: int) -> bytes:
    body = "<div>" * depth + "<p>On 28 January 2026 the army arrived in the flooded town.</p>" + "</div>" * depth
    return f"<html><head><title>Flood</title></head><body>{body}</body></html>".encode()


@pytest.mark.parametrize("depth", [300, 1500])
def test_a_page_nesting_its_text_300_deep_is_read(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                  depth: int) -> None:
    """A saved page whose article sits inside 300 nested `<div>`s (a page builder's output):
    "no text on the page", exit 2, the article lost: libxml2 stops building the tree at 256
    levels unless told otherwise (XML_PARSE_HUGE), and said nothing."""
    src = tmp_path / "page.html"
    src.write_bytes(_nested(depth))
    code = main(["extract", str(src), "--published", "2026-01-31", "-f", "md"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "28 January 2026" in out


def test_a_page_nested_past_what_the_parser_reads_is_one_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Past 2,048 levels the parser builds no deeper even so: the text there is lost, which is said
    in one line naming the file (it was "no text on the page", as if the page had none)."""
    src = tmp_path / "page.html"
    src.write_bytes(_nested(2100))
    code = main(["extract", str(src), "--published", "2026-01-31", "-f", "md"])
    line = _one_line(capsys.readouterr().err)
    assert code == 2
    assert line.startswith(f"timeline: {src}: elements nested more than 2,048 deep"), line


# --- two writers, one folder ---------------------------------------------------------------------


def test_a_build_into_a_folder_another_build_is_writing_waits_for_it(tmp_path: Path) -> None:
    """Two `timeline build`s into one folder at once (two terminals, a cron job and a person):
    the pages of one were left beside the manifest of the other, and a third build called the
    stale index "up to date". While another process holds the folder, a build waits for it."""
    import fcntl
    import os
    import threading

    src = _article(tmp_path / "src", "a.md", FLOOD).parent
    out = tmp_path / "site"
    out.mkdir()
    fd = os.open(out, os.O_RDONLY)  # what the other build holds (a lock of another open file, as another process's)
    fcntl.flock(fd, fcntl.LOCK_EX)
    done: list[int] = []
    worker = threading.Thread(target=lambda: done.append(main(["build", str(src), "-o", str(out), "-q", "-j", "1"])),
                              daemon=True)
    try:
        worker.start()
        worker.join(1.5)
        assert not done, "the build wrote into a folder another build was writing"
        assert not (out / "index.html").exists()
    finally:
        os.close(fd)
    worker.join(60)
    assert done == [0]
    assert (out / "index.html").exists()


# --- the edits file ------------------------------------------------------------------------------


@pytest.mark.parametrize(("section", "edit"), [
    ("events", "{drop: true, date: 2026-02-03, note: Moved after the inquiry.}"),
    ("days", "{drop: yes, headline: The flood}"),
])
def test_an_edit_that_drops_and_corrects_is_one_error(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], section: str, edit: str) -> None:
    """`{drop: true, date: 2026-02-03, note: ...}`: the event was dropped and the editor's new date
    and note silently thrown away (or the day dropped with its headline), exit 0. Which one was
    meant is the editor's to say: one line naming the file and line, exit 2."""
    import json

    src = _article(tmp_path / "src", "a.md", FLOOD)
    assert main(["extract", str(src), "-f", "json"]) == 0
    key = json.loads(capsys.readouterr().out)["events"][0]["id"] if section == "events" else "2026-01-26"
    path = tmp_path / "edits.yml"
    path.write_text(f"{section}:\n  {key}: {edit}\n", encoding="utf-8")
    code = main(["story" if section == "days" else "extract", str(src), "--edits", str(path), "-f", "md"])
    line = _one_line(capsys.readouterr().err)
    assert code == 2
    assert line.startswith(f"timeline: {path}:2: the edit of {key} drops it and gives "), line


def test_a_json_row_naming_a_field_twice_in_two_cases_is_said(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A JSON Lines row with both "Text" and "text" (two scrapers' exports merged): field names are
    read in any case, so one of the two texts was dropped, silently ("wrote 1 event")."""
    import json

    src = tmp_path / "feed.jsonl"
    src.write_text(json.dumps({"title": "A", "Text": "On 28 January 2026 the army arrived.",
                               "text": "On 3 March 2026 the army left.", "published": "2026-01-31"}) + "\n",
                   encoding="utf-8")
    code = main(["events", str(src), "-o", str(tmp_path / "e.jsonl")])
    err = capsys.readouterr().err
    assert code == 2 and "Traceback" not in err
    assert err.startswith(f"timeline: {src}: row 1: the field 'text' is given twice ('Text' and 'text')"), err
