"""A hostile tester's round on the newer commands (story, eval-story, the edits file, the SVG
overview, other languages, diff, build over a user's files): each test reproduces a fault found,
so it comes back only with a failing test."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.cli import main


def _article(folder: Path, name: str, text: str, published: str = "2026-01-31", extra: str = "") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(f"---\ntitle: {name}\npublished: {published}\n{extra}---\n{text}\n", encoding="utf-8")
    return path


FLOOD = "On Monday 26 January 2026 the river flooded the town. On 28 January 2026 the army arrived."


# --- data loss: a file the command reads besides its articles is an input too ----------------------


@pytest.mark.parametrize("command", ["story", "extract", "events"])
def test_the_edits_file_is_never_the_output_even_with_force(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str) -> None:
    src = _article(tmp_path / "src", "a.md", FLOOD)
    edits = tmp_path / "edits.json"
    edits.write_text('{"events": {}}\n', encoding="utf-8")
    args = [command, str(src.parent if command != "extract" else src), "--edits", str(edits),
            "-o", str(edits), "--force"]
    if command == "events":
        args[-3:-3] = ["-f", "jsonl"]
    code = main(args)
    err = capsys.readouterr().err
    assert code == 2
    assert "is also an input" in err and "Traceback" not in err
    assert edits.read_text(encoding="utf-8") == '{"events": {}}\n'


def test_a_template_is_never_the_output_even_with_force(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = _article(tmp_path / "src", "a.md", FLOOD)
    theme = tmp_path / "theme"
    theme.mkdir()
    css = theme / "theme.css"
    css.write_text("/* my newsroom's colours */\n", encoding="utf-8")
    code = main(["story", str(src.parent), "--templates", str(theme), "-f", "html", "-o", str(css), "--force"])
    assert code == 2
    assert "is also an input" in capsys.readouterr().err
    assert css.read_text(encoding="utf-8") == "/* my newsroom's colours */\n"


def test_the_url_list_is_never_the_output_even_with_force(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = _article(tmp_path / "src", "a.md", FLOOD)
    urls = tmp_path / "urls.md"
    urls.write_text("# none yet\n", encoding="utf-8")
    code = main(["story", str(src.parent), "--urls", str(urls), "-o", str(urls), "--force"])
    assert code == 2
    assert urls.read_text(encoding="utf-8") == "# none yet\n"


def test_a_build_never_replaces_its_edits_file_even_with_force(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "src"
    for i in range(2):
        _article(src, f"a{i}.md", FLOOD)
    out = tmp_path / "out"
    assert main(["build", str(src), "-o", str(out), "-q"]) == 0
    edits = out / "a0.json"  # JSON is YAML: an edits file the user keeps under a page's name
    edits.write_text('{"events": {}}\n', encoding="utf-8")
    code = main(["build", str(src), "-o", str(out), "--edits", str(edits), "--force", "-q"])
    capsys.readouterr()
    assert code == 2
    assert edits.read_text(encoding="utf-8") == '{"events": {}}\n'


# --- the overview at the end of the calendar -------------------------------------------------------


@pytest.mark.parametrize("fmt", ["svg", "html"])
def test_dates_at_the_end_of_the_calendar_draw_without_a_traceback(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    src = _article(tmp_path, "a.md", FLOOD)
    edits = tmp_path / "edits.yml"
    edits.write_text('add:\n  - {date: "9996", text: A}\n  - {date: "9999-12-30", text: The last day but one.}\n',
                     encoding="utf-8")
    for command in (["extract", str(src)], ["story", str(tmp_path)]):
        code = main([*command, "--edits", str(edits), "-f", fmt])
        out, err = capsys.readouterr()
        assert code == 0, err
        assert "9999" in out


def test_year_ticks_up_to_the_year_9999_end() -> None:
    import subprocess
    import sys

    code = ("import datetime as dt; from timeline.overview import _tick_days; "
            "print(len(_tick_days('year', dt.date(9990, 1, 1).toordinal(), dt.date(9999, 6, 15).toordinal())))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert int(done.stdout) == 10  # 9990 … 9999, each once


# --- the editor's days: a day moved onto another key day ---------------------------------------------


def test_a_day_moved_onto_another_key_day_joins_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    _article(tmp_path / "src", "a.md", FLOOD)
    edits = tmp_path / "edits.yml"
    edits.write_text("days:\n  2026-01-26: {date: 2026-01-28, note: The flood was on the 28th.}\n", encoding="utf-8")
    assert main(["story", str(tmp_path / "src"), "--edits", str(edits), "-f", "json"]) == 0
    days = json.loads(capsys.readouterr().out)["dates"]
    assert [d["date"] for d in days] == ["2026-01-28"]  # one day, not the same day twice
    texts = [s["text"] for s in days[0]["sentences"]]
    assert any("army arrived" in t for t in texts) and any("river flooded" in t for t in texts)
    assert days[0]["note"] == "The flood was on the 28th."
    assert main(["story", str(tmp_path / "src"), "--edits", str(edits), "-f", "html"]) == 0
    page = capsys.readouterr().out
    assert page.count('id="day-2026-01-28"') == 1  # ids unique: the links to it go somewhere


# --- the story's sources: an article is the source of what it says ----------------------------------


def test_an_article_giving_another_figure_is_not_a_source_of_the_sentence(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    src = tmp_path / "src"
    _article(src, "a.md", "On 26 January 2026 officials said 12 people were evacuated from the town.",
             published="2026-01-27")
    _article(src, "b.md", "On 26 January 2026 officials said 4,000 people were evacuated from the town.",
             published="2026-01-28")
    _article(src, "c.md", "On 26 January 2026 officials said 12 people were evacuated from the town.",
             published="2026-01-29")
    assert main(["story", str(src), "-f", "json"]) == 0
    day = next(d for d in json.loads(capsys.readouterr().out)["dates"] if d["date"] == "2026-01-26")
    for sentence in day["sentences"]:
        said = {"a": "12 people", "b": "4,000 people", "c": "12 people"}
        for source in sentence["sources"]:
            assert said[source["article"]] in sentence["text"], (source["article"], sentence["text"])
    assert any({s["article"] for s in x["sources"]} == {"a", "c"} for x in day["sentences"])


# --- a theme's template that is not UTF-8 --------------------------------------------------------------


@pytest.mark.parametrize("command", [["story"], ["build", "-o"]])
def test_a_template_that_is_not_utf8_is_one_line_naming_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]) -> None:
    src = tmp_path / "src"
    for i in range(2):
        _article(src, f"a{i}.md", FLOOD)
    theme = tmp_path / "theme"
    theme.mkdir()
    (theme / "story.md").write_bytes(b"\xff\xfe{{ title }}\n")
    (theme / "story.html").write_bytes(b"<p>caf\xe9</p>\n")
    args = [command[0], str(src), *([command[1], str(tmp_path / "out")] if len(command) > 1 else ["-f", "md"]),
            "--templates", str(theme)]
    code = main(args)
    err = capsys.readouterr().err
    assert code == 2
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1, err
    assert "story." in err and "UTF-8" in err


# --- a day of a year the calendar rules do not take is no day of this year ------------------------------


@pytest.mark.parametrize("text", ["Caesar was killed on 15 March 44 BC in Rome.",
                                  "Caesar was killed on March 15, 44 B.C. in Rome.",
                                  "Augustus died on 19 August AD 14.",
                                  "Rome burned on 19 July 64 CE.", "It fell on 3 March 201 BCE.",
                                  "The calendar began on 1 January 0001 in theory.",
                                  "Vesuvius erupted on 24 August AD 79 and buried Pompeii."])
def test_a_day_and_month_of_an_ancient_year_is_not_dated_this_year(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str) -> None:
    import json

    src = _article(tmp_path, "a.md", text)
    assert main(["extract", str(src), "-f", "json"]) == 0
    dates = [str(e["date"]) for e in json.loads(capsys.readouterr().out)["events"]]
    # no day of this year or last but the publication day (the undated lead's)
    assert not any(d.startswith(("2025", "2026")) and len(d) == 10 and d != "2026-01-31" for d in dates), dates


# --- the editor's days and --from/--to ---------------------------------------------------------------


def test_the_span_asked_for_holds_for_the_editors_days_too(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    _article(tmp_path / "src", "a.md", FLOOD)
    edits = tmp_path / "edits.yml"
    edits.write_text("days:\n  2026-01-26: {date: 2026-03-01}\n"
                     "add:\n  - {date: 2026-12-01, text: The inquiry reports.}\n"
                     "  - {date: 2026-01-27, text: The dam is inspected.}\n", encoding="utf-8")
    code = main(["story", str(tmp_path / "src"), "--edits", str(edits), "--from", "2026-01-20", "--to", "2026-01-30",
                 "-f", "json"])
    out, err = capsys.readouterr()
    assert code == 0
    story = json.loads(out)
    assert [d["date"] for d in story["dates"]] == ["2026-01-27", "2026-01-28"]
    assert "2026-12-01" in err and "2026-03-01" in err  # said, not silently dropped


# --- eval-story: a gold timeline saved with a byte-order mark -------------------------------------------


def test_a_gold_timeline_with_a_byte_order_mark_is_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    topic = tmp_path / "flood"
    for i in range(2):
        _article(topic / "articles", f"a{i}.md", FLOOD, published="2026-01-28")
    (topic / "timelines").mkdir()
    dashes = "-" * 32
    gold = f"2026-01-26\nThe river flooded the town.\n{dashes}\n2026-01-28\nThe army arrived.\n{dashes}\n"
    (topic / "timelines" / "x.txt").write_bytes(b"\xef\xbb\xbf" + gold.encode("utf-8"))
    code = main(["eval-story", str(topic), "-f", "json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "not a date" not in err


# --- one file named twice (a folder and a file in it, a symlink) is one article --------------------------


def test_a_file_named_twice_is_one_article(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    src = _article(tmp_path / "src", "a.md", FLOOD)
    link = tmp_path / "link.md"
    link.symlink_to(src)
    twice = [str(src.parent), str(src), str(link)]
    assert main(["story", *twice, "-f", "json"]) == 0
    story = json.loads(capsys.readouterr().out)
    assert story["articles"] == 1 and all(d["articles"] <= 1 for d in story["dates"])
    once, out = tmp_path / "once.jsonl", tmp_path / "ev.jsonl"
    assert main(["events", str(src), "-f", "jsonl", "-o", str(once), "-q"]) == 0
    assert main(["events", *twice, "-f", "jsonl", "-o", str(out), "-q"]) == 0
    assert out.read_bytes() == once.read_bytes()
    code = main(["build", *twice, "-o", str(tmp_path / "site"), "-q"])
    assert code == 0, capsys.readouterr().err  # not "two articles have the id 'a'; rename one"


# --- escape sequences in an article file reach no terminal, page or table --------------------------------


@pytest.mark.parametrize("command", [["diff", "OLD", "NEW"], ["story", "OLD", "-f", "md"],
                                     ["extract", "OLD", "-f", "md"], ["story", "OLD", "-f", "csv"]])
def test_escape_sequences_in_an_article_file_reach_no_output(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]) -> None:
    old = _article(tmp_path, "old.md", "On 26 January 2026 the river \x1b[2J\x1b]0;owned\x07flooded\x9b31m the town.")
    new = _article(tmp_path, "new.md", "On 27 January 2026 the river \x1b[31mflooded the town.")
    args = [str(old) if a == "OLD" else str(new) if a == "NEW" else a for a in command]
    main(args)
    out, err = capsys.readouterr()
    assert "flooded" in out
    for char in ("\x1b", "\x07", "\x9b"):
        assert char not in out and char not in err


def test_an_article_file_with_controls_keeps_its_offsets(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    body = "The vote \x1b[1mwas\x1b[0m held on 26 January 2026.\r\nIt passed."
    src = tmp_path / "a.md"
    src.write_bytes(f"---\npublished: 2026-01-31\n---\n{body}\n".encode())
    assert main(["tag", str(src)]) == 0
    timex = json.loads(capsys.readouterr().out)[0]
    assert body[timex["start"]:timex["end"]] == "26 January 2026"


# --- a theme reads its context and runs no other code -----------------------------------------------------


@pytest.mark.parametrize("template", ["{{ title.__class__.__mro__ }}",
                                      "{{ cycler.__init__.__globals__.os.system('echo owned > OWNED') }}"])
def test_a_theme_cannot_reach_python(tmp_path: Path, capsys: pytest.CaptureFixture[str], template: str,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    src = _article(tmp_path / "src", "a.md", FLOOD)
    theme = tmp_path / "theme"
    theme.mkdir()
    (theme / "story.md").write_text(template + "\n", encoding="utf-8")
    code = main(["story", str(src.parent), "--templates", str(theme), "-f", "md"])
    out, err = capsys.readouterr()
    assert code == 2 and "unsafe" in err and "Traceback" not in err, (out, err)
    assert not (tmp_path / "OWNED").exists()


# --- the edits file: an interval that ends before it begins ----------------------------------------------


@pytest.mark.parametrize("edit", ['add:\n  - {date: "2026-01-26", until: "2025-01-01", text: Backwards.}\n',
                                  'events:\n  x-12345678: {date: "2026-01", until: "2025-12-31"}\n'])
def test_an_until_before_its_date_is_one_error_naming_the_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], edit: str) -> None:
    src = _article(tmp_path, "a.md", FLOOD)
    edits = tmp_path / "edits.yml"
    edits.write_text(edit, encoding="utf-8")
    code = main(["extract", str(src), "--edits", str(edits), "-f", "md"])
    err = capsys.readouterr().err
    assert code == 2
    assert "edits.yml:2:" in err and "until" in err and len(err.strip().splitlines()) == 1, err


# --- JSON and YAML nested too deeply for the parser (a forged manifest, cache, record or edits file) --------

_DEEP = "[" * 100_000 + "]" * 100_000


def _one_line_or_warning(code: int, err: str) -> None:
    assert "Traceback" not in err and "RecursionError" not in err and "internal error" not in err, err[-500:]


@pytest.mark.parametrize("hidden", [".timeline-build", ".timeline-cache"])
def test_a_deeply_nested_build_manifest_or_cache_is_ignored(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], hidden: str) -> None:
    src = tmp_path / "src"
    for i in range(2):
        _article(src, f"a{i}.md", FLOOD)
    out = tmp_path / "out"
    assert main(["build", str(src), "-o", str(out), "-q"]) == 0
    (out / hidden).write_text(_DEEP, encoding="utf-8")
    _article(src, "a2.md", FLOOD)
    code = main(["build", str(src), "-o", str(out), "-q"])
    _one_line_or_warning(code, capsys.readouterr().err)
    (src / ".timeline-build").write_text(_DEEP, encoding="utf-8")  # a source folder's manifest, too
    code = main(["story", str(src), "-f", "json"])
    _one_line_or_warning(code, capsys.readouterr().err)
    assert code == 0


def test_a_deeply_nested_output_record_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = _article(tmp_path / "src", "a.md", FLOOD)
    out = tmp_path / "out"
    out.mkdir()
    (out / ".timeline-outputs").write_text(_DEEP, encoding="utf-8")
    code = main(["story", str(src.parent), "-o", str(out / "story.json")])
    _one_line_or_warning(code, capsys.readouterr().err)
    assert code == 2


def test_a_deeply_nested_edits_file_or_timeline_json_is_one_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = _article(tmp_path / "src", "a.md", FLOOD)
    edits = tmp_path / "edits.yml"
    edits.write_text("events: " + _DEEP + "\n", encoding="utf-8")
    code = main(["story", str(src.parent), "--edits", str(edits)])
    _one_line_or_warning(code, capsys.readouterr().err)
    assert code == 2
    deep = tmp_path / "deep.json"
    deep.write_text('{"articles": [], "events": ' + _DEEP + "}", encoding="utf-8")
    code = main(["diff", str(deep), str(src)])
    _one_line_or_warning(code, capsys.readouterr().err)
    assert code == 2
