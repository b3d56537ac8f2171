"""A hostile tester's twelfth round (a URL list without end, separators in a gold timeline, the
line numbers of front matter errors, ...): each test reproduces a fault found, so it comes back
only with a failing test."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.cli import main


def _one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


# --- the URL list: a list, read with a bound -------------------------------------------------------


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_a_url_list_without_end_is_said_to_be_no_list(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`build --urls /dev/zero` was read as an article ("over the limit of 67,108,864 bytes for an
    article read from a stream"): the list is a list of URLs, and says so."""
    code = main(["build", "--urls", "/dev/zero", "-o", str(tmp_path / "site"), "-q"])
    line = _one_line(capsys.readouterr().err)
    assert code == 2
    assert line.startswith("timeline: /dev/zero: not a readable list of URLs"), line
    assert "article" not in line, line
    assert not (tmp_path / "site").exists()


def test_a_url_list_over_the_limit_is_one_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """A huge file was read whole (no bound at all for a regular file)."""
    from timeline import batch

    monkeypatch.setattr(batch, "URL_LIST_LIMIT", 1000, raising=False)
    urls = tmp_path / "urls.txt"
    urls.write_text("".join(f"https://example.org/news/{n}\n" for n in range(100)), encoding="utf-8")
    code = main(["build", "--urls", str(urls), "-o", str(tmp_path / "site"), "-q"])
    line = _one_line(capsys.readouterr().err)
    assert code == 2
    assert line.startswith(f"timeline: {urls}: not a readable list of URLs (over the limit of 1,000 bytes"), line


@pytest.mark.parametrize(("content", "problem"), [
    (b"\x00" * 64, "binary"),
    (b"\xff\xfe\x00h", "UTF-8"),
    (b"", "empty"),
])
def test_a_url_list_that_is_no_text_says_it_is_no_list(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, problem: str) -> None:
    urls = tmp_path / "urls.txt"
    urls.write_bytes(content)
    code = main(["build", "--urls", str(urls), "-o", str(tmp_path / "site"), "-q"])
    line = _one_line(capsys.readouterr().err)
    assert code == 2
    assert line.startswith(f"timeline: {urls}: not a readable list of URLs"), line
    assert problem in line and "article" not in line, line


def test_a_folder_given_as_the_url_list_is_no_list(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["build", "--urls", str(tmp_path), "-o", str(tmp_path / "site"), "-q"])
    line = _one_line(capsys.readouterr().err)
    assert code == 2
    assert line == f"timeline: {tmp_path}: not a readable list of URLs (a folder)", line



def test_a_url_list_saved_with_a_byte_order_mark_keeps_its_first_url(tmp_path: Path) -> None:
    """A list saved by Notepad (UTF-8 with a byte order mark, CRLF line ends): the mark stayed
    on the first line, whose URL was then "not a web address (http:// or https://)"."""
    from timeline.batch import read_url_list

    urls = tmp_path / "urls.txt"
    urls.write_bytes(b"\xef\xbb\xbfhttps://example.org/a\r\nhttps://example.org/b\r\n")
    assert read_url_list(str(urls)) == ["https://example.org/a", "https://example.org/b"]


# --- eval-story: a gold timeline's separators are not sentences ------------------------------------


@pytest.mark.parametrize("separator", ["====", "===", "---", "****", "______", "= = = =", "-" * 7])
def test_a_separator_like_line_in_a_gold_timeline_is_no_sentence(tmp_path: Path, separator: str) -> None:
    """A line of one repeated character ('====', '---', '***', '___') closing a day's block was
    counted as one of that day's sentences, silently (only 8 dashes or more were read as the
    separator): the gold's sentences per date, and so K and every score, changed. A line of 3 or
    more of one of these characters is the separator, and said."""
    from timeline.storyeval import read_timeline

    path = tmp_path / "gold.txt"
    path.write_text(f"2026-01-26\nThe river flooded the town.\n{separator}\n2026-01-28\nThe army arrived.\n"
                    f"{separator}\n", encoding="utf-8")
    said: list[str] = []
    gold = read_timeline(path, said.append)
    assert [(str(d), s) for d, s in gold.days] == [
        ("2026-01-26", ("The river flooded the town.",)), ("2026-01-28", ("The army arrived.",))]
    assert said and said[0].startswith(f"{path}: line 3: ") and "separator" in said[0], said


@pytest.mark.parametrize("line", ["==", "-", "=-=-", "A == B", "***Breaking***"])
def test_a_sentence_that_is_not_a_separator_stays_a_sentence(tmp_path: Path, line: str) -> None:
    from timeline.storyeval import read_timeline

    path = tmp_path / "gold.txt"
    path.write_text(f"2026-01-26\nThe river flooded the town.\n{line}\n{'-' * 32}\n", encoding="utf-8")
    gold = read_timeline(path)
    assert gold.days[0][1] == ("The river flooded the town.", line)


# --- front matter errors: the line of the file ------------------------------------------------------


@pytest.mark.parametrize("odd", ["\u0085", "\u2028", "\u2029", "\u2028\u2028\u0085"])
def test_a_front_matter_error_names_the_file_s_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], odd: str) -> None:
    """YAML reads U+0085, U+2028 and U+2029 as line breaks, so an error after one in a title or a
    summary was said to be on a later line than the file's (as an editor and `sed -n` number it)."""
    path = tmp_path / "a.md"
    path.write_text(f"---\ntitle: \"A{odd}B\"\nsummary: 'x{odd}y'\nbad: [unclosed, x: : y\n---\n"
                    "On 1 January 2026 the river rose.\n", encoding="utf-8")
    code = main(["extract", str(path)])
    line = _one_line(capsys.readouterr().err)
    assert code == 2
    assert line == f"timeline: {path}: front matter is not valid YAML (line 4)", line


@pytest.mark.parametrize("bad", ["{date: 2026-13-45, text: x}", "{date: [, text: x}"])
def test_an_edits_file_error_names_the_file_s_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], bad: str) -> None:
    """The same of an edits file ("edits.yml:4" for the file's line 3), both for YAML's own errors
    and for the values checked after."""
    src = tmp_path / "a.txt"
    src.write_text("On 1 January 2026 the river rose.\n", encoding="utf-8")
    edits = tmp_path / "edits.yml"
    edits.write_text(f"add:\n  - {{date: 2026-01-05, text: \"The dam\u2028was inspected.\"}}\n  - {bad}\n",
                     encoding="utf-8")
    code = main(["extract", str(src), "--edits", str(edits)])
    line = _one_line(capsys.readouterr().err)
    assert code == 2
    assert line.startswith(f"timeline: {edits}:3: "), line


@pytest.mark.parametrize("odd", ["\u2028", "\u0085", "\x0c", "\x1e"])
def test_a_gold_sentence_with_a_unicode_break_is_one_sentence_on_its_line(tmp_path: Path, odd: str) -> None:
    """A gold timeline was split with str.splitlines, which also breaks at U+2028, U+0085, form
    feed and the like (no line end in the file): one sentence was counted as two (changing K), and
    every warning after it named a line too far."""
    from timeline.storyeval import read_timeline

    path = tmp_path / "gold.txt"
    path.write_text(f"2026-01-26\nThe river{odd}flooded the town.\n{'-' * 32}\n2026-01-2x\nLost.\n",
                    encoding="utf-8")
    said: list[str] = []
    gold = read_timeline(path, said.append)
    assert len(gold.days) == 1 and len(gold.days[0][1]) == 1, gold.days
    assert len(said) == 1 and said[0].startswith(f"{path}: line 4: "), said


# --- saved pages: what a browser never shows is no part of the article ------------------------------


def test_a_template_s_inert_text_is_no_event_but_a_shadow_root_s_is(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A `<template>` is markup kept for scripts to copy, never shown: its text ("On 5 March 2026
    the bridge fell") was read as the article's and made an event. A declarative shadow root
    (`<template shadowrootmode="open">`) is shown, so its text stays."""
    import json

    page = tmp_path / "a.html"
    page.write_text(
        "<!doctype html><html><head><title>River report</title></head><body><article><h1>River report</h1>"
        "<template><p>On 5 March 2026 the template said the bridge fell into the river.</p></template>"
        "<my-card><template shadowrootmode=\"open\"><p>On 9 March 2026 the shadow root said the mayor quit "
        "his office.</p></template></my-card>"
        "<p>On 1 March 2026 the river rose above the warning mark in the town centre, officials said.</p>"
        "<p>On 2 March 2026 the army arrived with sandbags and boats for the residents.</p>"
        "</article></body></html>", encoding="utf-8")
    assert main(["extract", str(page), "--published", "2026-03-10", "-f", "json"]) == 0
    texts = " ".join(e["text"] for e in json.loads(capsys.readouterr().out)["events"])
    assert "bridge fell" not in texts, texts
    assert "mayor quit" in texts and "army arrived" in texts, texts


@pytest.mark.parametrize("where", [
    '<meta property="article:published_time" content="{v}">',
    '<time datetime="{v}">1 March</time>',
    '<abbr class="published" title="{v}">today</abbr>',
])
@pytest.mark.parametrize("stamp", ["2026-03-01T10:00:00+24:00", "2026-03-01T10:00:00-99:99", "2026-03-01T10:00+3000"])
def test_a_time_zone_past_a_day_in_the_markup_is_no_traceback(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], where: str, stamp: str) -> None:
    """A timestamp whose zone is a day or more from UTC ("+24:00", "-99:99": no zone on earth) made
    the date extractor raise ValueError ("offset must be a timedelta strictly between ..."): a
    traceback for the whole page. Such a zone is no zone: the page is read."""
    page = tmp_path / "a.html"
    page.write_text(
        "<!doctype html><html><head><title>River report</title>" + where.format(v=stamp) +
        "</head><body><article><h1>River report</h1>" + where.format(v=stamp) +
        "<p>On 1 March 2026 the river rose above the warning mark in the town centre, officials said.</p>"
        "<p>The army arrived with sandbags and boats for the residents on Monday.</p>"
        "</article></body></html>", encoding="utf-8")
    code = main(["extract", str(page), "-f", "md"])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    assert code == 0, captured.err
    assert "river rose" in captured.out


# --- diff: a timeline JSON file saved on Windows ---------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-be-bom"])
def test_a_timeline_json_with_a_byte_order_mark_is_read(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], encoding: str) -> None:
    """`timeline extract a.md -f json > old.json` in Windows PowerShell writes UTF-16 with a byte
    order mark (`Out-File -Encoding utf8`, and Notepad, UTF-8 with one): diff refused the file
    ("not UTF-8 text", "not valid JSON (Unexpected UTF-8 BOM (decode using utf-8-sig)...)"), where
    a gold timeline with a mark is read. The mark says the encoding: the file is read."""
    src = tmp_path / "a.txt"
    src.write_text("On 1 March 2026 the river rose above the warning mark in the town centre.\n",
                   encoding="utf-8")
    old = tmp_path / "old.json"
    assert main(["extract", str(src), "--published", "2026-03-10", "-f", "json", "-o", str(old)]) == 0
    capsys.readouterr()
    text = old.read_text(encoding="utf-8")
    saved = tmp_path / "saved.json"
    data = b"\xfe\xff" + text.encode("utf-16-be") if encoding == "utf-16-be-bom" else text.encode(encoding)
    saved.write_bytes(data)
    code = main(["diff", str(old), str(saved), "-f", "json"])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert captured.err == ""



@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le-bom", "utf-16-be-bom"])
def test_a_text_article_saved_as_utf16_by_windows_is_read(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                          encoding: str) -> None:
    """Notepad's "Unicode" and PowerShell's `>` save UTF-16 with a byte order mark and CRLF line
    ends: the article was refused as "not UTF-8 text". Its front matter and dates are read as from
    UTF-8 (a byte order mark too), and `tag` gives offsets into the file's own text (its CRLF counted)."""
    import json

    body = "---\r\npublished: 2026-02-05\r\n---\r\nThe minister resigned on Monday.\r\nTalks resume on 9 March.\r\n"
    if encoding == "utf-16":
        data = body.encode("utf-16")
    else:
        bom, codec = (b"\xff\xfe", "utf-16-le") if encoding == "utf-16-le-bom" else (b"\xfe\xff", "utf-16-be")
        data = bom + body.encode(codec)
    (tmp_path / "a.txt").write_bytes(data)
    (tmp_path / "b.txt").write_bytes(b"\xef\xbb\xbf" + body.encode("utf-8"))
    tagged = []
    for name in ("a.txt", "b.txt"):
        assert main(["tag", str(tmp_path / name)]) == 0
        tagged.append(json.loads(capsys.readouterr().out))
    assert tagged[0] == tagged[1]
    assert [(t["text"], t["value"]) for t in tagged[0]] == [("Monday", "2026-02-02"), ("9 March", "2026-03-09")]
    assert tagged[0][1]["start"] == len("The minister resigned on Monday.\r\nTalks resume on ")  # the file's CRLF
