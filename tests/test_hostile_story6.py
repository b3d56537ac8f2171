"""A hostile tester's sixth round (story, the edits file, the SVG overview, front matter, diff):
each test reproduces a fault found, so it comes back only with a failing test."""

from __future__ import annotations

import json
import xml.dom.minidom
from datetime import date
from pathlib import Path

import pytest
from test_hostile_story import FLOOD, _article  # the same article writer and story as the rounds before

from timeline.cli import main

# Control characters a YAML double-quoted string can hold: a NUL, an ANSI colour, a window title
# set by OSC, a vertical tab. None may reach a page, a table, a drawing or a terminal.
_CONTROLS = "\x00\x01\x07\x0b\x1b\x7f\x9b"
_HOSTILE = r'"Red \e[31malarm\e[0m \x01 bell\a title\e]0;pwned\x07 nul\0 end."'


def _no_controls(text: str) -> None:
    assert not any(c in text for c in _CONTROLS), repr(text[:200])


# --- control characters and lone surrogates written in an edits file --------------------------------


@pytest.mark.parametrize("fmt", ["md", "csv", "svg", "html"])
def test_escape_sequences_in_the_edits_file_reach_no_story_output(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    src = _article(tmp_path / "src", "a.md", FLOOD)
    edits = tmp_path / "edits.yml"
    edits.write_text(f"add:\n  - {{date: 2026-01-27, text: {_HOSTILE}, source: {_HOSTILE}, headline: {_HOSTILE}, "
                     f"note: {_HOSTILE}}}\ndays:\n  2026-01-26: {{headline: {_HOSTILE}, note: {_HOSTILE}}}\n",
                     encoding="utf-8")
    out = tmp_path / f"story.{fmt}"
    assert main(["story", str(src.parent), "--edits", str(edits), "-f", fmt, "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    _no_controls(text)
    assert "alarm" in text and "pwned" in text  # the words stay; only the controls go
    if fmt == "svg":
        xml.dom.minidom.parseString(text.encode("utf-8"))  # well-formed XML: no control character in it


def test_escape_sequences_in_the_edits_file_reach_no_timeline_drawing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = _article(tmp_path / "src", "a.md", FLOOD)
    edits = tmp_path / "edits.yml"
    edits.write_text(f"add:\n  - {{date: 2026-01-27, text: {_HOSTILE}, headline: {_HOSTILE}}}\n", encoding="utf-8")
    out = tmp_path / "t.svg"
    assert main(["extract", str(src), "--edits", str(edits), "-f", "svg", "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    _no_controls(text)
    xml.dom.minidom.parseString(text.encode("utf-8"))


@pytest.mark.parametrize("command", ["extract", "story"])
def test_a_lone_surrogate_in_the_edits_file_is_no_traceback(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str) -> None:
    src = _article(tmp_path / "src", "a.md", FLOOD)
    edits = tmp_path / "edits.yml"
    edits.write_text('add:\n  - {date: 2026-01-27, text: "Half \\ud800 a pair.", source: "S\\udfff"}\n',
                     encoding="utf-8")
    assert main([command, str(src if command == "extract" else src.parent), "--edits", str(edits), "-f", "md"]) == 0
    out = capsys.readouterr().out
    assert "Half \ufffd a pair." in out


# --- control characters written as YAML escapes in an article's front matter ----------------------


@pytest.mark.parametrize("fmt", ["md", "svg", "html", "csv"])
def test_escape_sequences_in_the_front_matter_reach_no_output(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    src = _article(tmp_path / "src", "a.md", FLOOD, extra=f"source: {_HOSTILE}\n")
    src.write_text(src.read_text(encoding="utf-8").replace("title: a.md", f"title: {_HOSTILE}"), encoding="utf-8")
    out = tmp_path / f"t.{fmt}"
    assert main(["extract", str(src), "-f", fmt, "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    _no_controls(text)
    assert "alarm" in text or fmt == "csv"  # the table has no title or source column
    if fmt == "svg":
        xml.dom.minidom.parseString(text.encode("utf-8"))


def test_escape_sequences_in_a_title_given_on_the_command_line_reach_no_output(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = _article(tmp_path / "src", "a.md", FLOOD)
    for fmt in ("md", "svg"):
        out = tmp_path / f"s.{fmt}"
        assert main(["story", str(src.parent), "--title", "Flood \x1b[31mred\x07", "-f", fmt, "-o", str(out)]) == 0
        text = out.read_text(encoding="utf-8")
        _no_controls(text)
        assert "Flood" in text and "red" in text


# --- the story's span after the editor's days ------------------------------------------------------


def test_from_and_to_follow_the_days_the_editor_moved_dropped_or_added(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = _article(tmp_path / "src", "a.md", FLOOD)
    assert main(["story", str(src.parent), "-f", "json"]) == 0
    before = json.loads(capsys.readouterr().out)
    assert (before["from"], before["to"]) == ("2026-01-26", "2026-01-28")
    edits = tmp_path / "edits.yml"
    edits.write_text("days:\n  2026-01-28: {drop: true}\n  2026-01-26: {date: 2026-01-25}\n"
                     "add:\n  - {date: 2026-01-20, text: The warning was issued.}\n", encoding="utf-8")
    assert main(["story", str(src.parent), "--edits", str(edits), "-f", "json"]) == 0
    after = json.loads(capsys.readouterr().out)
    assert [d["date"] for d in after["dates"]] == ["2026-01-20", "2026-01-25"]
    assert (after["from"], after["to"]) == ("2026-01-20", "2026-01-25")
    assert main(["story", str(src.parent), "--edits", str(edits), "-f", "md"]) == 0
    assert "Tuesday 20 January 2026 – Sunday 25 January 2026" in capsys.readouterr().out


def test_from_and_to_asked_for_stay_as_asked_after_the_edits(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = _article(tmp_path / "src", "a.md", FLOOD)
    edits = tmp_path / "edits.yml"
    edits.write_text("days:\n  2026-01-26: {date: 2026-01-27}\n", encoding="utf-8")
    assert main(["story", str(src.parent), "--edits", str(edits), "--from", "2026-01-26", "--to", "2026-01-30",
                 "-f", "json"]) == 0
    st = json.loads(capsys.readouterr().out)
    assert (st["from"], st["to"]) == ("2026-01-26", "2026-01-30")


def test_a_site_story_says_the_span_of_its_edited_days(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = _article(tmp_path / "src", "a.md", FLOOD)
    _article(tmp_path / "src", "b.md", FLOOD, published="2026-01-30")
    (tmp_path / "src" / "edits.yml").write_text("days:\n  2026-01-26: {drop: true}\n", encoding="utf-8")
    assert main(["build", str(src.parent), "-o", str(tmp_path / "site"), "-q"]) == 0
    st = json.loads((tmp_path / "site" / "story.json").read_text(encoding="utf-8"))
    assert st["dates"] and st["from"] == st["dates"][0]["date"] and st["to"] == st["dates"][-1]["date"]


# --- linear time: a big edits file against many events ---------------------------------------------


class _CountingEdits(dict):  # type: ignore[type-arg]
    """The edits by id, counting the passes over all of them."""

    passes = 0

    def __iter__(self):  # type: ignore[no-untyped-def]
        type(self).passes += 1
        return super().__iter__()


def test_finding_the_edit_of_another_version_does_not_scan_every_edit() -> None:
    from timeline.edits import Edits, EventEdit

    edits = Edits("e.yml", _CountingEdits({f"old-{i:08x}": EventEdit(note="n") for i in range(2000)}))
    from types import SimpleNamespace

    found = [edits.key(SimpleNamespace(id=f"new-{i:08x}", article="new"), versions=True)  # type: ignore[arg-type]
             for i in range(0, 4000, 2)]
    assert found == [f"old-{i:08x}" if i < 2000 else None for i in range(0, 4000, 2)]
    assert _CountingEdits.passes <= 1  # one pass to index them, not one an event (2,000 x 2,000 before)


def test_a_sentence_shown_already_is_found_without_comparing_it_with_every_one() -> None:
    """A story of thousands of days (`--dates 8000` on an article listing 8,000 days: 22 s, where
    2,000 took 2.6 s) compared each new sentence with every sentence shown that shares a word,
    and in one story every sentence shares its common words."""
    import math
    import time

    from timeline.story import ELSEWHERE, _Told

    def unit(vec: dict[str, float]) -> dict[str, float]:
        norm = math.sqrt(sum(x * x for x in vec.values()))
        return {w: x / norm for w, x in vec.items()}

    def run(n: int) -> tuple[float, _Told, list[bool]]:
        told = _Told()
        for i in range(n):
            told.add(unit({"council": 1.0, "met": 1.0, f"item{i}": 4.0}))
        began = time.process_time()
        fresh = [told.says(unit({"council": 1.0, "met": 1.0, f"new{i}": 4.0}), ELSEWHERE) for i in range(n)]
        return time.process_time() - began, told, fresh

    # a growth, not a number of seconds (a loaded machine slows both sizes alike): four times the
    # sentences against four times the sentences shown take about four times as long (eight and more
    # when each is compared with every sentence shown that shares a word)
    n = 5000
    small = min(run(n // 4)[0] for _ in range(2))
    seconds, told, fresh = run(n)
    assert not any(fresh)
    assert told.says(unit({"council": 1.0, "met": 1.0, "item7": 4.0}), ELSEWHERE)  # one shown: found
    assert told.says(unit({"council": 1.0, "item7": 4.0}), ELSEWHERE)  # nearly the same: found
    assert not told.says(unit({"council": 1.0, "met": 1.0}), ELSEWHERE)  # only the common words: not the same
    assert seconds < 6 * small + 0.2, f"{seconds:.2f} s for {n} sentences against {n}, {small:.2f} s for {n // 4}"


# --- a story written into the folder it reads is no article of the next story ----------------------


@pytest.mark.parametrize("fmt", ["html", "md", "json", "csv"])
def test_a_story_written_into_its_own_folder_is_not_read_back(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    """`timeline story src -o src/story.html`, then `timeline story src`: the page was read as
    an article (and the CSV as a collection of rows), so every count of the story grew."""
    src = _article(tmp_path / "src", "a.md", FLOOD)
    _article(tmp_path / "src", "b.md", FLOOD, published="2026-01-30")
    before = _story_json([str(src.parent)], capsys)
    assert main(["story", str(src.parent), "-f", fmt, "-o", str(src.parent / f"story.{fmt}")]) == 0
    capsys.readouterr()
    assert _story_json([str(src.parent)], capsys) == before
    assert main(["build", str(src.parent), "-o", str(tmp_path / "site"), "-q"]) == 0
    index = json.loads((tmp_path / "site" / "index.json").read_text(encoding="utf-8"))
    assert sorted(a["id"] for a in index["articles"]) == ["a", "b"]


def test_a_file_written_by_timeline_and_then_edited_is_an_article_again(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = _article(tmp_path / "src", "a.md", FLOOD)
    _article(tmp_path / "src", "b.md", FLOOD, published="2026-01-30")
    out = src.parent / "c.md"
    assert main(["extract", str(src), "-f", "md", "-o", str(out)]) == 0
    _article(tmp_path / "src", "c.md", "On 29 January 2026 the water went down in the town.", published="2026-02-01")
    capsys.readouterr()
    assert _story_json([str(src.parent)], capsys)["articles"] == 3  # the user's own file now: read


def _story_json(args: list[str], capsys: pytest.CaptureFixture[str]) -> dict:
    assert main(["story", *args, "-f", "json"]) == 0
    return json.loads(capsys.readouterr().out)


# --- the editor's words are never dropped silently ------------------------------------------------


def test_an_addition_on_a_key_day_keeps_its_headline_and_note(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = _article(tmp_path / "src", "a.md", FLOOD)
    edits = tmp_path / "edits.yml"
    edits.write_text('add:\n  - {date: 2026-01-26, text: "The navy arrived too.", headline: "Navy arrives", '
                     'note: "From the ministry."}\n', encoding="utf-8")
    day = next(d for d in _story_json([str(src.parent), "--edits", str(edits)], capsys)["dates"]
               if d["date"] == "2026-01-26")
    assert day["sentences"][0]["text"] == "The navy arrived too."
    assert (day["headline"], day["note"]) == ("Navy arrives", "From the ministry.")
    # the day's own edit has the last word on its headline; the addition's note fills the gap
    edits.write_text(edits.read_text(encoding="utf-8") + "days:\n  2026-01-26: {headline: Flood}\n", encoding="utf-8")
    day = next(d for d in _story_json([str(src.parent), "--edits", str(edits)], capsys)["dates"]
               if d["date"] == "2026-01-26")
    assert (day["headline"], day["note"]) == ("Flood", "From the ministry.")


# --- diff: linear on an article of thousands of alike sentences, each changed -----------------------


def test_a_diff_of_thousands_of_alike_sentences_each_changed_is_not_quadratic() -> None:
    """Every sentence 'The council met on DAY to discuss item N.' became '... to debate item N.':
    every old sentence scored over the threshold with every new one, so all n x n pairs were kept
    and sorted (8,000 events: 192 s and 9.6 GB; 2,000: 6.2 s and 640 MB)."""
    import time
    from datetime import timedelta

    from timeline.article import make_article
    from timeline.diff import diff_timelines
    from timeline.pipeline import timeline_of

    def version(verb: str, n: int) -> object:
        lines = []
        for i in range(n):
            d = date(1900, 1, 1) + timedelta(days=3 * i)
            lines.append(f"The council met on {d.day} {d.strftime('%B')} {d.year} to {verb} item {i}.\n\n")
        return timeline_of([make_article("".join(lines), name="v.txt", published=date(2026, 1, 10))])

    n = 3000
    old, new = version("discuss", n), version("debate", n)
    began = time.perf_counter()
    d = diff_timelines(old, new)  # type: ignore[arg-type]
    seconds = time.perf_counter() - began
    assert (len(d.changed), len(d.added), len(d.removed)) == (n, 0, 0)
    assert all(c.old.date == c.new.date and c.what == ("text",) for c in d.changed)  # each with its own
    assert seconds < 4.0, f"{seconds:.1f} s for {n} changed events"


# --- a file or folder name never carries an escape sequence into a report ---------------------------

_NAME = "x\x1b[31mred\x1b]0;pwned\x07"


@pytest.mark.parametrize("fmt", ["text", "md"])
def test_a_file_name_with_escape_sequences_reaches_no_diff_report(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    old = _article(tmp_path, f"{_NAME}.md", FLOOD)
    new = _article(tmp_path, "new.md", FLOOD.replace("the army", "the navy"))
    assert main(["diff", str(old), str(new), "-f", fmt]) == 1
    out = capsys.readouterr().out
    _no_controls(out)
    assert "\\x1b[31mred" in out or fmt == "md"  # shown as its escape, as stderr shows it (md: the title)


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_a_folder_name_with_escape_sequences_reaches_no_eval_story_report(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    pytest.importorskip("rouge_score")
    topic = tmp_path / _NAME
    _article(topic / "articles", "a.md", FLOOD)
    (topic / "timelines").mkdir()
    (topic / "timelines" / f"g{_NAME}.txt").write_text("2026-01-26\nThe river flooded the town.\n", encoding="utf-8")
    assert main(["eval-story", str(tmp_path), "-f", fmt]) == 0
    out = capsys.readouterr().out
    _no_controls(out)
    assert "red" in out


# --- eval-story reads the articles of articles/, not every file there ------------------------------


def test_eval_story_reads_articles_not_every_file_of_the_folder(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An edits.yml, a README or notes in articles/ were read as articles (the edits file got a
    publication date from its text and joined the story); a collection was one failed article."""
    pytest.importorskip("rouge_score")
    topic = tmp_path / "topic"
    _article(topic / "articles", "a.txt", FLOOD, published="2026-01-27")
    (topic / "articles" / "edits.yml").write_text("days:\n  2026-01-28: {drop: true}\n", encoding="utf-8")
    (topic / "articles" / "README").write_text("Collected on 29 January 2026 from the wires.\n", encoding="utf-8")
    (topic / "articles" / "feed.jsonl").write_text(
        "".join(json.dumps({"id": f"r{i}", "published": "2026-01-28", "text": FLOOD}) + "\n" for i in range(2)),
        encoding="utf-8")
    (topic / "timelines").mkdir()
    (topic / "timelines" / "g.txt").write_text("2026-01-26\nThe river flooded the town.\n"
                                               "--------------------------------\n2026-01-29\nNothing.\n",
                                               encoding="utf-8")
    assert main(["eval-story", str(topic), "-f", "json"]) == 0
    out, err = capsys.readouterr()
    report = json.loads(out)
    assert report["failures"] == [] and err == ""
    assert report["articles"] == 3  # a.txt and the two rows of feed.jsonl
    assert report["timelines"][0]["articles"] == 3


def test_thousands_of_additions_join_the_story_in_linear_time() -> None:
    """Each addition looked for its day among all the days so far: 20,000 added days took 81 s
    in `timeline story` (5,000: 6.4 s; `extract` with the same file: 5 s). Checked as a growth, not
    a number of seconds (a loaded machine slows both sizes alike): four times the additions take
    about four times as long (sixteen, when each looks among all before it)."""
    import time
    from datetime import timedelta

    from timeline.edits import Addition, Edits
    from timeline.story import Story, edit_story

    def run(n: int) -> tuple[float, Story]:
        adds = tuple(Addition(date=(date(1900, 1, 1) + timedelta(days=i)).isoformat(), text=f"Added {i}.")
                     for i in range(n))
        began = time.process_time()
        st, stale = edit_story(Story("Key dates", None, None, 0, ()), Edits("e.yml", add=(*adds, adds[5])))
        assert stale == []
        return time.process_time() - began, st

    n = 20000
    small = min(run(n // 4)[0] for _ in range(2))
    seconds, st = run(n)
    assert len(st.dates) == n
    assert [s.text for s in st.dates[5].sentences] == ["Added 5.", "Added 5."]  # the same day: joined
    assert (st.start, st.end) == ("1900-01-01", st.dates[-1].date)
    assert seconds < 9 * small + 0.5, f"{seconds:.2f} s for {n} additions, {small:.2f} s for {n // 4}"
