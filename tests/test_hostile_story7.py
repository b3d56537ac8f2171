"""A hostile tester's seventh round (story, build, events, diff, extract, eval-story with messy
inputs): each test reproduces a fault found, so it comes back only with a failing test."""

from __future__ import annotations

import errno
import io
import json
import os
import sys
from pathlib import Path

import pytest
from test_hostile_story import FLOOD, _article  # the same article writer and story as the rounds before

from timeline.cli import main

# --- a file name that is not UTF-8 --------------------------------------------------------------


def _bytes_name(folder: Path, raw: bytes) -> Path:
    """A file in `folder` whose name is the bytes `raw` (not UTF-8: Python holds it with
    surrogate escapes, as every path it reads from the folder)."""
    return Path(os.fsdecode(os.path.join(os.fsencode(folder), raw)))


@pytest.mark.skipif(sys.platform == "win32", reason="names are bytes on POSIX only")
def test_a_build_of_an_article_whose_name_is_not_utf8_is_no_traceback(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`timeline build` of a folder holding `bad\\xff\\xfe.md` (and an empty `z\\xff.md`): the
    pages were written, then the cache (the article's path) and the manifest (the error naming the
    empty file) could not be encoded as UTF-8: a traceback, exit 1, and every rebuild the same."""
    src = tmp_path / "src"
    _article(src, "a.md", FLOOD)
    _bytes_name(src, b"bad\xff\xfe.md").write_text(f"---\ntitle: Bad\npublished: 2026-01-31\n---\n{FLOOD}\n",
                                                   encoding="utf-8")
    _bytes_name(src, b"z\xff.md").write_bytes(b"")
    out = tmp_path / "site"
    for _ in range(2):  # the build, then a rebuild reading the cache it wrote
        code = main(["build", str(src), "-o", str(out), "-q"])
        err = capsys.readouterr().err
        assert code == 2, err  # the empty file is an error, reported; the others built
        assert "Traceback" not in err and "empty file" in err
        assert len([p for p in out.glob("*.html") if p.name not in ("index.html", "combined.html", "story.html")]) == 2
        for hidden in (".timeline-build", ".timeline-cache"):
            json.loads((out / hidden).read_text(encoding="utf-8"))  # UTF-8 and JSON both


# --- stdout that cannot be written --------------------------------------------------------------


class _Full(io.TextIOBase):
    """A stdout on a full disk (`timeline story src > /dev/full`)."""

    def writable(self) -> bool:
        return True

    def write(self, s: str) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    @property
    def buffer(self) -> _Full:
        return self

    def isatty(self) -> bool:
        return False


@pytest.mark.parametrize("command", [["story", "{src}"], ["story", "{src}", "-f", "svg"], ["extract", "{a}"],
                                     ["events", "{src}"], ["events", "{src}", "-f", "csv"],
                                     ["diff", "{a}", "{b}"], ["tag", "{a}"]])
def test_a_full_stdout_is_one_line_and_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                               monkeypatch: pytest.MonkeyPatch, command: list[str]) -> None:
    """`timeline story src > /dev/full` (and extract, events, diff, tag): a traceback ending in
    `OSError: [Errno 28] No space left on device`, exit 1."""
    a = _article(tmp_path / "src", "a.md", FLOOD)
    b = _article(tmp_path / "src", "b.md", FLOOD + " On 30 January 2026 the water fell.")
    args = [part.format(src=a.parent, a=a, b=b) for part in command]
    monkeypatch.setattr(sys, "stdout", _Full())
    code = main([*args, *(["-q"] if args[0] in ("story", "events") else [])])
    err = capsys.readouterr().err
    assert code == 2
    assert "Traceback" not in err
    assert err.count("\n") == 1 and "No space left on device" in err, err


# --- an event added twice -----------------------------------------------------------------------


@pytest.mark.parametrize("second", ["*first", "{date: 2026-01-27, text: The dam was closed.}"])
def test_an_event_added_twice_is_one_line_naming_it(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                    second: str) -> None:
    """Two additions of the same date and text (written twice, or a YAML alias of the first) were
    two events with one id: `id="ev-edit-…"` twice in a page (invalid HTML, and its links go to
    the first), the same id twice in JSON and in the events table."""
    src = _article(tmp_path / "src", "a.md", FLOOD)
    edits = tmp_path / "edits.yml"
    edits.write_text(f"add:\n  - &first {{date: 2026-01-27, text: The dam was closed.}}\n  - {second}\n",
                     encoding="utf-8")
    for command in (["extract", str(src)], ["story", str(src.parent)], ["events", str(src.parent)]):
        code = main([*command, "--edits", str(edits), "-f", "json" if command[0] != "events" else "jsonl"])
        captured = capsys.readouterr()
        assert code == 2, captured.out
        line = 3  # the repetition, written or an alias (the alias, not its anchor)
        assert captured.err.count("\n") == 1 and f"{edits}:{line}:" in captured.err and "twice" in captured.err


def test_an_event_added_in_two_edits_files_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`timeline build one/ two/`, each with an edits.yml adding the same event: one id twice."""
    for name in ("one", "two"):
        _article(tmp_path / name, f"{name}.md", FLOOD)
        (tmp_path / name / "edits.yml").write_text("add:\n  - {date: 2026-01-27, text: The dam was closed.}\n",
                                                   encoding="utf-8")
    code = main(["build", str(tmp_path / "one"), str(tmp_path / "two"), "-o", str(tmp_path / "site"), "-q"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and "edits.yml" in err and "twice" in err, err


# --- thousands of copies of one report ----------------------------------------------------------


class _Index(int):
    """An article's index that counts how often it is compared (`x in list` compares each item)."""

    compared = 0

    def __eq__(self, other: object) -> bool:
        _Index.compared += 1
        return int(self) == other

    __hash__ = int.__hash__


def test_thousands_of_copies_of_a_report_join_its_sources_in_linear_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """A story of 8,000 copies of one wire report (a syndication feed): each copy of a chosen
    sentence was looked for in the list of the sentence's sources so far, 32 million comparisons
    a day (8,000 copies: 23 s where 2,000 took 4.1 s)."""
    from datetime import date

    from timeline import story as story_module

    n = 3000
    day = date(2026, 1, 26)
    results = [story_module.StoryArticle("a", None, None, day, "en", b"", (), (), (), ())] * n
    text = "The river flooded the town on Monday and the army arrived."

    def candidates(results: object, days: object, furniture: object) -> dict[date, list[object]]:
        return {day: [story_module._Candidate(text, _Index(i), False) for i in range(n)]}

    monkeypatch.setattr(story_module, "_candidates", candidates)
    _Index.compared = 0
    picked = story_module.choose_sentences(results, [day], 2, frozenset())  # type: ignore[arg-type]
    assert len(picked[day]) == 1 and sorted(picked[day][0].sources) == list(range(n))
    assert _Index.compared < 20 * n, f"{_Index.compared} comparisons for {n} copies"


# --- two files naming the same version ----------------------------------------------------------


@pytest.mark.parametrize("names", [("s.md", "s.v01.md", "s.v001.md"), ("s.md", "s-v1.md", "s.v2.md")])
def test_two_files_of_one_version_are_one_line_not_one_changes_page_over_another(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], names: tuple[str, ...]) -> None:
    """`s.md`, `s.v01.md` and `s.v001.md` are all version 1 of `s`: the build wrote the changes
    of each pair to one page, `s.changes-v1-v1.html`, the second over the first (and a page that
    compares version 1 with version 1)."""
    src = tmp_path / "src"
    for day, name in enumerate(names, start=1):
        _article(src, name, FLOOD + f" On {day} February 2026 the water fell.", published=f"2026-02-0{day}")
    out = tmp_path / "site"
    code = main(["build", str(src), "-o", str(out), "-q"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and "version 1 of 's'" in err, err
    assert sum(f"{src / name}:" in err or f"{src / name} " in err for name in names) == 2  # the two of one version
    assert not list(out.glob("*changes-v1-v1*"))


# --- a timeline JSON file with a malformed field ------------------------------------------------


@pytest.mark.parametrize("offset", ["[1]", "[Infinity, 0]", "[0, -Infinity]", "[NaN, 1]"])
def test_a_timeline_json_whose_offset_is_malformed_is_one_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], offset: str) -> None:
    """`timeline diff old.json new.md` where an event of old.json has `"offset": [1]`: IndexError
    (and `[Infinity, 0]`, which Python's JSON reads: OverflowError), a traceback."""
    a = _article(tmp_path, "a.md", FLOOD)
    assert main(["extract", str(a), "-f", "json", "-o", str(tmp_path / "a.json")]) == 0
    data = json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))
    raw = json.dumps(data).replace(json.dumps(data["events"][0]["offset"]), offset, 1)
    (tmp_path / "a.json").write_text(raw, encoding="utf-8")
    capsys.readouterr()
    code = main(["diff", str(tmp_path / "a.json"), str(a)])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and "a.json: not a timeline JSON file" in err, err


@pytest.mark.parametrize("fmt", ["text", "md", "html"])
def test_escape_sequences_in_a_timeline_json_reach_no_diff_report(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    """A timeline JSON file (`timeline diff old.json new.md`) is read as data, but its titles,
    texts and labels went to the report as written: an ANSI escape that clears the screen or
    retitles the terminal, in the text report on a terminal too."""
    a = _article(tmp_path, "a.md", FLOOD)
    assert main(["extract", str(a), "-f", "json", "-o", str(tmp_path / "a.json")]) == 0
    data = json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))
    data["title"] = "T\x1b]0;pwned\x07"
    data["articles"][0]["title"] = "A\x1b[31mred"
    data["events"][0].update(text="Flood \x1b[2J\x00 on Monday.", label="L\x1b[5m", phrase="P\x9b1m")
    (tmp_path / "a.json").write_text(json.dumps(data), encoding="utf-8")
    capsys.readouterr()
    assert main(["diff", str(tmp_path / "a.json"), str(a), "-f", fmt]) == 1
    out = capsys.readouterr().out
    assert "Flood" in out
    assert not any(c in out for c in "\x1b\x00\x07\x9b"), repr(out)


# --- Markdown marks never closed ----------------------------------------------------------------
# A line of "[" (or "![", "<", "*a ", "_a ", "~~a ", backticks of many lengths) made every copy of
# the mark scan the rest of its line for a closing one: quadratic (a 400 KB line of unclosed marks
# took more than 300 s in `timeline extract`; 1.2 s now; the figures are in the report and
# `benchmarks/linear.py --only markup`). Each inline pattern now stops at its own opener, which is
# also what CommonMark reads:


@pytest.mark.parametrize(("source", "text"), [
    ("[a [b](http://x.org) c", "[a b c"),  # a link's text holds no "[": the link is "b"
    ("![a ![b](i.png) c", "![a b c"),  # nor an image's
    ("<x<y@z.org> and <a<http://x.org>", "<xy@z.org and <ahttp://x.org"),  # an autolink no "<"
    ("*a **b** c*", "a b c"),  # emphasis inside emphasis, as before
    ("***Friday***", "Friday"),
    ("``a` b`` c", "a` b c"),
])
def test_inline_markdown_stops_at_its_own_opener(source: str, text: str) -> None:
    from timeline.mdtext import plain_text, to_source

    got, where = plain_text(source)
    assert got == text
    for i, char in enumerate(got):  # every character still points at itself in the source
        s, e = to_source(where, i, i + 1)
        assert source[s:e] == char


# --- a collection row whose date is a list ------------------------------------------------------


@pytest.mark.parametrize("value", [[2010, 5, 1], {"year": 2010}])
def test_a_row_whose_publication_date_is_no_single_value_is_one_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], value: object) -> None:
    """A JSON Lines row with `"published": [2010, 5, 1]` was read as a row without a date: its
    publication date was inferred from the text (20 April, not 1 May), silently; front matter
    says "must be a single value". A title that is a list was dropped silently too."""
    feed = tmp_path / "feed.jsonl"
    rows = [{"id": "a", "title": "A", "published": value, "text": "The rig exploded on 20 April 2010."},
            {"id": "b", "title": ["B", "C"], "published": "2010-05-01", "text": "The rig sank on 22 April 2010."}]
    feed.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    code = main(["events", str(feed), "-q"])
    captured = capsys.readouterr()
    assert code == 2
    lines = captured.err.splitlines()
    assert any(f"{feed}: row 1:" in line and "'published'" in line for line in lines), lines
    assert any(f"{feed}: row 2:" in line and "'title'" in line for line in lines), lines
    assert [json.loads(r)["article"] for r in captured.out.splitlines()] == ["b"]  # row 1 is not read


# --- characters XML cannot hold -----------------------------------------------------------------


@pytest.mark.parametrize("where", ["front matter", "body", "row", "edits"])
def test_a_noncharacter_makes_no_drawing_that_is_not_xml(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                         where: str) -> None:
    """U+FFFE and U+FFFF are no characters, and XML cannot hold them: a title or a sentence with
    one made `-f svg` a file no XML reader parses ("not well-formed (invalid token)")."""
    bad = "\ufffe\uffff"
    flood = FLOOD.replace("the river", f"the river{bad}" if where == "body" else "the river")
    args: list[str] = []
    if where == "row":
        src = tmp_path / "feed.jsonl"
        src.write_text(json.dumps({"id": "a", "title": f"Flood{bad}", "source": f"S{bad}",
                                   "published": "2026-01-31", "text": flood}) + "\n", encoding="utf-8")
    else:
        extra = f'source: "S{bad}"\n' if where == "front matter" else ""
        src = _article(tmp_path / "src", "a.md", flood, extra=extra)
        if where == "edits":
            edits = tmp_path / "edits.yml"
            escaped = r"\ufffe\uffff"  # YAML's escapes: the file itself may not hold them
            edits.write_text(f'add:\n  - {{date: 2026-01-27, text: "Dam{escaped} closed.", source: "S{escaped}"}}\n'
                             f'days:\n  2026-01-26: {{headline: "H{escaped}"}}\n', encoding="utf-8")
            args = ["--edits", str(edits)]
        if where == "front matter":
            src.write_text(src.read_text(encoding="utf-8").replace("title: a.md", f'title: "Flood{bad}"'),
                           encoding="utf-8")
    outputs = []
    if where != "row":
        outputs.append((["extract", str(src), "-f", "svg", *args], tmp_path / "a.svg"))
    outputs.append((["story", str(src), "-f", "svg", "-q", *args], tmp_path / "s.svg"))
    outputs.append((["story", str(src), "-f", "html", "-q", *args], tmp_path / "s.html"))
    for command, out in outputs:
        assert main([*command, "-o", str(out)]) == 0, capsys.readouterr().err
        text = out.read_text(encoding="utf-8")
        assert "\ufffe" not in text and "\uffff" not in text
        if out.suffix == ".svg":
            import xml.dom.minidom

            xml.dom.minidom.parseString(text)


# --- an empty front matter ----------------------------------------------------------------------


@pytest.mark.parametrize("opening", ["---\n---\n", "---\r\n---\r\n", "\ufeff---\n...\n"])
def test_an_empty_front_matter_is_a_front_matter(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                 opening: str) -> None:
    """`---` then `---` (an empty front matter, as Jekyll and Hugo write it) was "not closed": a
    warning, and the whole file read as the article, its title "---"."""
    a = tmp_path / "a.md"
    a.write_bytes((opening + "# Flood\n\n" + FLOOD + "\n").encode("utf-8"))
    assert main(["extract", str(a), "-f", "json", "--published", "2026-01-31"]) == 0
    captured = capsys.readouterr()
    assert "not closed" not in captured.err
    data = json.loads(captured.out)
    assert data["title"] == "Flood"
    assert all("---" not in e["text"] for e in data["events"])


@pytest.mark.parametrize("value", ["0", "false", "0.0", "[]", "{}"])
def test_a_publication_date_of_zero_or_false_is_said_to_be_no_date(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], value: str) -> None:
    """`published: 0` (or false, or an empty list) was read as no date at all: the date was inferred
    from the text, silently, where `published: 1` and `published: true` are errors."""
    a = _article(tmp_path, "a.md", FLOOD, published=value)
    code = main(["extract", str(a), "-f", "json"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and f"{a}: " in err and "published" in err, err


# --- a build manifest in a folder of articles ---------------------------------------------------


@pytest.mark.parametrize("manifest", [{"files": ["a.md"]}, {"files": ["a.md"], "sha256": {"a.md": "0" * 64}}])
def test_a_build_manifest_hides_no_article_it_did_not_write(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], manifest: dict[str, object]) -> None:
    """A `.timeline-build` in a folder of articles (left by a build with --force into it, copied
    with the folder, or forged) that lists `a.md` made `a.md` no article of `story`, `events` and
    `build`, silently, whatever its bytes: the list was an authority, its SHA-256 never checked."""
    src = tmp_path / "src"
    _article(src, "a.md", FLOOD)
    _article(src, "b.md", "On 30 January 2026 the water fell.")
    (src / ".timeline-build").write_text(json.dumps(manifest), encoding="utf-8")
    assert main(["story", str(src), "-f", "json", "-q"]) == 0
    assert json.loads(capsys.readouterr().out)["articles"] == 2
    assert main(["events", str(src), "-q"]) == 0
    assert {json.loads(r)["article"] for r in capsys.readouterr().out.splitlines()} == {"a", "b"}


def test_a_build_into_the_folder_of_its_articles_is_still_not_read_back(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """What the manifest lists with the bytes it recorded is the build's own output, as before."""
    src = tmp_path / "src"
    _article(src, "a.md", FLOOD)
    assert main(["build", str(src), "-o", str(src / "site"), "-q"]) == 0
    assert main(["story", str(src), "-f", "json", "-q"]) == 0
    assert json.loads(capsys.readouterr().out)["articles"] == 1


# --- thousands of rows with one id --------------------------------------------------------------


class _CountingSet(set):  # type: ignore[type-arg]
    looked = 0

    def __contains__(self, item: object) -> bool:
        _CountingSet.looked += 1
        return super().__contains__(item)


def test_thousands_of_rows_with_one_id_get_theirs_in_linear_time() -> None:
    """A feed whose 20,000 rows all have `"id": "x"`: the k-th tried x-2, x-3, ... up to x-k, a
    quadratic count of look-ups (64 s to number the rows, before reading any)."""
    from timeline.readers.collection import Row, RowIds

    ids = RowIds()
    ids.seen = _CountingSet()
    _CountingSet.looked = 0
    n = 3000
    got = [ids.assign(Row("f.jsonl", i + 1, {"id": "x", "text": "t"})).id for i in range(n)]
    got.append(ids.assign(Row("f.jsonl", n + 1, {"id": "x-5", "text": "t"})).id)  # taken: the next free
    assert got[:4] == ["x", "x-2", "x-3", "x-4"] and got[n - 1] == f"x-{n}" and got[n] == "x-5-2"
    assert len(set(got)) == n + 1
    assert _CountingSet.looked < 5 * n, f"{_CountingSet.looked} look-ups for {n} rows"


# --- a symlink to nowhere -----------------------------------------------------------------------


@pytest.mark.skipif(sys.platform == "win32", reason="symlinks")
@pytest.mark.parametrize("command", ["story", "events", "build"])
def test_an_article_that_is_a_symlink_to_nowhere_is_said_not_dropped(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str) -> None:
    """`gone.md -> moved/gone.md` (the article moved away) or a symlink loop named `loop.md` was
    no article and no error: left out of the story, the table and the site without a word."""
    src = tmp_path / "src"
    _article(src, "a.md", FLOOD)
    (src / "gone.md").symlink_to(tmp_path / "moved" / "gone.md")
    (src / "loop.md").symlink_to(src / "loop.md")
    args = {"story": ["-f", "json"], "events": [], "build": ["-o", str(tmp_path / "site")]}[command]
    code = main([command, str(src), *args, "-q"])
    err = capsys.readouterr().err
    assert code == 2
    assert "gone.md" in err and "loop.md" in err and "Traceback" not in err, err
