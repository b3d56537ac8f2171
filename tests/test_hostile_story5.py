"""A hostile tester's fifth round (story, front matter, diff, collections, edits, the SVG
overview): each test reproduces a fault found, so it comes back only with a failing test."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_hostile_story import FLOOD, _article  # the same article writer and story as the round before

from timeline.cli import main


def _story(args: list[str], capsys: pytest.CaptureFixture[str]) -> dict:
    assert main(["story", *args, "-f", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_no_sentences_keeps_the_same_days(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = _article(tmp_path / "src", "a.md", FLOOD)
    with_sentences = _story([str(src.parent), "--sentences", "1"], capsys)
    without = _story([str(src.parent), "--sentences", "0"], capsys)
    assert [(d["date"], d["articles"]) for d in without["dates"]] == \
        [(d["date"], d["articles"]) for d in with_sentences["dates"]]
    assert all(d["articles"] > 0 and d["sentences"] == [] for d in without["dates"])


def test_an_unknown_lang_in_the_front_matter_is_said_and_the_language_detected(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = _article(tmp_path / "src", "a.md", FLOOD, extra="lang: xx\n")
    assert main(["extract", str(src), "-f", "json"]) == 0
    out, err = capsys.readouterr()
    assert str(src) in err and "'xx'" in err and "Traceback" not in err
    assert json.loads(out).get("lang", "en") == "en"  # detected: English
    assert "2026-01-26" in out


def test_an_unknown_lang_in_a_collection_row_is_said(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "r1", "published": "2026-01-31", "lang": "xx", "text": FLOOD}) + "\n",
                    encoding="utf-8")
    assert main(["events", str(feed), "-f", "jsonl"]) == 0
    out, err = capsys.readouterr()
    assert "'xx'" in err and "2026-01-26" in out


@pytest.mark.parametrize("command", ["diff", "extract"])
@pytest.mark.parametrize("drawing", ["story-overview.svg", "timeline.mmd", "timeline.mw"])
def test_a_drawing_timeline_wrote_is_no_article(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                command: str, drawing: str) -> None:
    src = _article(tmp_path / "src", "a.md", FLOOD)
    out = tmp_path / drawing
    fmt = {".svg": "svg", ".mmd": "mermaid", ".mw": "markwhen"}[out.suffix]
    assert main(["extract", str(src), "-f", fmt, "-o", str(out)]) == 0
    capsys.readouterr()
    args = [command, str(out), str(src)] if command == "diff" else [command, str(out)]
    assert main(args) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and str(out) in err[0] and "not an article" in err[0]


@pytest.mark.parametrize(("value", "kind"), [(["On 26 January 2026 the river flooded."], "a list"),
                                             (42, "a number"), ({"body": "x"}, "an object")])
@pytest.mark.parametrize("field", ["text", "html"])
def test_a_text_that_is_no_string_is_said_so(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                             field: str, value: object, kind: str) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "r1", "published": "2026-01-31", field: value}) + "\n"
                    + json.dumps({"id": "r2", "published": "2026-01-31", "text": FLOOD}) + "\n", encoding="utf-8")
    assert main(["events", str(feed), "-f", "jsonl"]) == 2
    out, err = capsys.readouterr()
    assert f"{feed}: row 1: '{field}' is {kind}, not a string" in err and "neither" not in err
    assert "2026-01-26" in out  # the other row is read


@pytest.mark.parametrize("command", ["extract", "diff", "events", "story"])
def test_days_in_the_edits_file_are_said_to_be_the_story_s_only(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str) -> None:
    src = _article(tmp_path / "src", "a.md", FLOOD)
    edits = tmp_path / "edits.yml"
    edits.write_text("days:\n  2026-01-28: {drop: true}\n", encoding="utf-8")
    args = {"extract": [str(src)], "diff": [str(src), str(src)], "events": [str(src.parent), "-f", "jsonl"],
            "story": [str(src.parent)]}[command]
    main([command, *args, "--edits", str(edits)])
    err = capsys.readouterr().err
    said = f"{edits}: 'days:' applies to 'timeline story'" in err
    assert said == (command != "story")


RLO = "\u202e"


def test_a_right_to_left_override_never_reaches_the_drawing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "src"
    _article(folder, "a.md", FLOOD, extra=f"source: Evil{RLO}Wire\n")
    _article(folder, "b.md", FLOOD, extra="source: Daily\n")
    out = tmp_path / "story.svg"
    assert main(["story", str(folder), "-f", "svg", "--title", f"Floods{RLO} of 2026", "-o", str(out)]) == 0
    svg = out.read_text(encoding="utf-8")
    assert "EvilWire" in svg and "Floods of 2026" in svg and RLO not in svg
    one = _article(tmp_path / "one", "c.md", f"On 26 January 2026 the river{RLO} flooded the town.",
                   extra=f"source: S{RLO}\n")
    text = one.read_text(encoding="utf-8").replace("title: c.md", f"title: Flood{RLO} report")
    one.write_text(text, encoding="utf-8")
    drawing = tmp_path / "one.svg"
    assert main(["extract", str(one), "-f", "svg", "-o", str(drawing)]) == 0
    svg = drawing.read_text(encoding="utf-8")
    assert "Flood report" in svg and RLO not in svg
    capsys.readouterr()


def test_one_article_listing_neighbouring_days_gives_each_its_place(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # one article naming two days is no sign they are one event: the merge of neighbours is
    # for a day that several articles mention together with the better day beside it
    lines = " ".join(f"On {d} January 2025 the council voted on item {d}." for d in range(1, 13))
    src = _article(tmp_path / "src", "log.md", lines, published="2025-01-20")
    st = _story([str(src), "--dates", "12", "--sentences", "0"], capsys)
    assert [d["date"] for d in st["dates"]] == [f"2025-01-{d:02d}" for d in range(1, 13)]
