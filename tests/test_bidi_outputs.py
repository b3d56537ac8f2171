"""Bidi embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069) from an article's
title or text are dropped from every output with no element to isolate them: Markdown, CSV,
Markwhen, Mermaid, and the HTML <title> and attribute values. An RLO left open in a title flipped
the rest of a Markdown line or a spreadsheet cell (a spoofing vector). Right-to-left text itself,
and the marks LRM and RLM, are kept."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from timeline.cli import main
from timeline.filters import md_escape, no_bidi
from timeline.output import spreadsheet_safe

CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
ARABIC = ("\u0627\u062c\u062a\u0645\u0639 \u0627\u0644\u0645\u062c\u0644\u0633 \u0641\u064a 3 "
          "\u0641\u0628\u0631\u0627\u064a\u0631 2026.")


def _article(tmp_path: Path) -> Path:
    src = tmp_path / "src"
    src.mkdir(exist_ok=True)
    p = src / "a.md"
    p.write_text('---\ntitle: "Evil \u202eeltit \u2067x"\npublished: 2026-01-31\n---\n'
                 "On 26 January 2026 the council voted \u202ereversed on it.\n\n"
                 "The plan began in March 2025 with \u2066an isolate.\n", encoding="utf-8")
    return p


def _controls(text: str) -> str:
    return "".join(c for c in text if c in CONTROLS)


@pytest.mark.parametrize("fmt", ["md", "csv", "markwhen", "mermaid"])
def test_extract_text_outputs_drop_bidi_controls(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                 fmt: str) -> None:
    a = _article(tmp_path)
    out = tmp_path / f"out.{fmt}"
    assert main(["extract", str(a), "-f", fmt, "-o", str(out)]) == 0, capsys.readouterr().err
    text = out.read_text(encoding="utf-8")
    assert "reversed" in text and ("eltit" in text or fmt == "csv")
    assert _controls(text) == ""


@pytest.mark.parametrize("fmt", ["md", "csv"])
def test_story_text_outputs_drop_bidi_controls(tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    a = _article(tmp_path)
    (a.parent / "b.md").write_text(a.read_text(encoding="utf-8").replace("Evil", "Other"), encoding="utf-8")
    out = tmp_path / f"story.{fmt}"
    assert main(["story", str(a.parent), "-f", fmt, "-o", str(out), "-q"]) == 0, capsys.readouterr().err
    text = out.read_text(encoding="utf-8")
    assert "reversed" in text and _controls(text) == ""


def test_events_csv_drops_bidi_controls(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a = _article(tmp_path)
    out = tmp_path / "events.csv"
    assert main(["events", str(a.parent), "-o", str(out), "-q"]) == 0, capsys.readouterr().err
    text = out.read_text(encoding="utf-8")
    assert "reversed" in text and _controls(text) == ""


def test_html_title_and_attributes_drop_bidi_controls(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a = _article(tmp_path)
    out = tmp_path / "a.html"
    assert main(["extract", str(a), "-f", "html", "-o", str(out)]) == 0, capsys.readouterr().err
    page = out.read_text(encoding="utf-8")
    title = re.search(r"<title>(.*?)</title>", page, re.S)
    assert title and "eltit" in title.group(1) and _controls(title.group(1)) == ""
    for value in re.findall(r'(?:aria-label|title|alt)="([^"]*)"', page):
        assert _controls(value) == "", value


def test_built_site_html_titles_drop_bidi_controls(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a = _article(tmp_path)
    out = tmp_path / "site"
    assert main(["build", str(a.parent), "-o", str(out), "-q"]) == 0, capsys.readouterr().err
    for page in out.glob("*.html"):
        html = page.read_text(encoding="utf-8")
        for title in re.findall(r"<title>(.*?)</title>", html, re.S):
            assert _controls(title) == "", page.name
    for page in out.glob("*.md"):
        assert _controls(page.read_text(encoding="utf-8")) == "", page.name


def test_right_to_left_text_and_marks_are_kept() -> None:
    rtl = ARABIC + " \u05e9\u05dc\u05d5\u05dd \u200e\u200f\u061c"
    assert no_bidi(rtl) == rtl
    assert md_escape(ARABIC) == ARABIC
    assert spreadsheet_safe(ARABIC) == ARABIC
    assert no_bidi("a\u202eb\u2066c\u2069") == "abc"


def test_an_arabic_sentence_is_unchanged_in_markdown_and_csv(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    p = tmp_path / "ar.txt"
    p.write_text(f"{ARABIC}\n",
                 encoding="utf-8")
    for fmt in ("md", "csv"):
        out = tmp_path / f"ar.{fmt}"
        code = main(["extract", str(p), "-f", fmt, "--undated", "all", "--published", "2026-01-31", "-o", str(out)])
        assert code == 0, capsys.readouterr().err
        assert ARABIC.rstrip(".") in out.read_text(encoding="utf-8"), fmt
