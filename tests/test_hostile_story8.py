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
