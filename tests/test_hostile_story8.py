"""A hostile tester's eighth round (themes, eval and eval-story with malformed gold files, fetching
from a misbehaving server): each test reproduces a fault found, so it comes back only with a
failing test."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_hostile_story import FLOOD, _article  # the same article writer and story as the rounds before

from timeline.cli import main


def _one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


# --- a theme whose template is no file ----------------------------------------------------------


@pytest.mark.parametrize("kind", ["directory", "symlink to nowhere"])
def test_a_theme_template_that_is_no_file_is_one_line_naming_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str) -> None:
    """`--templates theme` where theme/timeline.html is a folder (or a link to nowhere): the
    user's override was silently ignored and the default theme's page written, exit 0."""
    src = _article(tmp_path, "a.md", FLOOD)
    theme = tmp_path / "theme"
    theme.mkdir()
    if kind == "directory":
        (theme / "timeline.html").mkdir()
    else:
        (theme / "timeline.html").symlink_to(theme / "moved.html")
    out = tmp_path / "out"
    out.mkdir()
    code = main(["extract", str(src), "-f", "html", "--templates", str(theme), "-o", str(out / "a.html")])
    line = _one_line(capsys.readouterr().err)
    assert code == 2
    assert str(theme / "timeline.html") in line
    assert not list(out.iterdir())  # nothing written


def test_a_theme_template_that_cannot_be_read_is_one_line_naming_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """A theme's timeline.html that cannot be opened (its mode 000, as a user other than root):
    the PermissionError went to the last-resort handler, which said "cannot write"."""
    import builtins

    import jinja2.loaders

    src = _article(tmp_path, "a.md", FLOOD)
    theme = tmp_path / "theme"
    theme.mkdir()
    (theme / "timeline.html").write_text("<p>{{ title }}</p>\n", encoding="utf-8")

    def deny(file: object, *args: object, **kw: object) -> object:
        if str(file).startswith(str(theme)):
            raise PermissionError(13, "Permission denied", str(file))
        return builtins.open(file, *args, **kw)  # type: ignore[call-overload]

    monkeypatch.setattr(jinja2.loaders, "open", deny, raising=False)  # what FileSystemLoader opens with
    code = main(["extract", str(src), "-f", "html", "--templates", str(theme)])
    out, err = capsys.readouterr()
    line = _one_line(err)
    assert code == 2 and not out
    assert line.startswith(f"timeline: {theme / 'timeline.html'}:1: cannot read (Permission denied)"), line


# --- eval: a gold .tml that cannot be read ------------------------------------------------------

_TML = ('<?xml version="1.0" ?>\n<TimeML><DOCID>a</DOCID><DCT><TIMEX3 tid="t0" type="DATE" value="2026-02-03" '
        'functionInDocument="CREATION_TIME">3 February 2026</TIMEX3></DCT>\n<TEXT>On <TIMEX3 tid="t1" '
        'type="DATE" value="2026-02-01">1 February 2026</TIMEX3> the storm hit.</TEXT></TimeML>\n')


@pytest.mark.parametrize("kind", ["directory", "symlink to nowhere"])
def test_a_gold_file_that_cannot_be_read_is_one_line_saying_so(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str) -> None:
    """`timeline eval gold/` where gold/b.tml is a folder said "gold/b.tml: cannot write (Is a
    directory)" (nothing is written); a link to nowhere said "[Errno 2] No such file or
    directory: 'gold/b.tml'", not in the "FILE: problem" form."""
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "a.tml").write_text(_TML, encoding="utf-8")
    bad = gold / "b.tml"
    if kind == "directory":
        bad.mkdir()
    else:
        bad.symlink_to(gold / "moved.tml")
    code = main(["eval", str(gold)])
    line = _one_line(capsys.readouterr().err)
    assert code == 2
    assert line.startswith(f"timeline: {bad}: cannot read"), line
    assert "write" not in line and "Errno" not in line


# --- eval-story: a gold timeline or an article that is a link to nowhere -------------------------


@pytest.mark.parametrize("folder", ["timelines", "articles"])
def test_eval_story_says_a_file_that_is_a_link_to_nowhere(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], folder: str) -> None:
    """A topic whose timelines/ (or articles/) holds a link to nowhere (the file moved): it was
    silently left out of the score, exit 0, as if the newsroom had written one timeline fewer."""
    topic = tmp_path / "topic"
    _article(topic / "articles", "a.txt", FLOOD)
    (topic / "timelines").mkdir()
    (topic / "timelines" / "good.txt").write_text("2026-01-26\nThe river flooded the town.\n" + "-" * 32 + "\n",
                                                  encoding="utf-8")
    gone = topic / folder / "gone.txt"
    gone.symlink_to(tmp_path / "moved.txt")
    code = main(["eval-story", str(topic), "-j", "1"])
    err = capsys.readouterr().err
    assert code == 2, err
    assert "Traceback" not in err
    assert str(gone) in err and "Errno" not in err
