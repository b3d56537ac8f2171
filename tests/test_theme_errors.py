"""Errors in a user's theme (`--templates DIR`): one line naming the template file and line,
exit status 2, never a traceback (issue 10, item 5)."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline import render
from timeline.chronology import Timeline
from timeline.cli import main
from timeline.errors import TemplateError

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_3b01959ef49d4888.txt"
SEED_V2 = ROOT / "seeds" / "000_3b01959ef49d4888.v2.txt"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


# --- 5. errors in a user's theme --------------------------------------------------------------------


def _theme(tmp_path: Path, name: str, text: str) -> Path:
    theme = tmp_path / "theme"
    theme.mkdir(exist_ok=True)
    (theme / name).write_text(text, encoding="utf-8")
    return theme


def _one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    return lines[0]


def test_unclosed_if_in_a_theme(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    theme = _theme(tmp_path, "timeline.html",
                   '{% extends "base.html" %}\n{% block content %}\n{% if events %}\n<p>x</p>\n{% endblock %}\n')
    code, out, err = run(capsys, "extract", str(SEED), "-f", "html", "--templates", str(theme))
    assert code == 2 and out == ""
    line = _one_line(err)
    assert line.startswith(f"timeline: {theme / 'timeline.html'}:5: "), line
    assert "endblock" in line


def test_undefined_variable_in_a_theme(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    theme = _theme(tmp_path, "timeline.md", "# {{ title }}\n\n{{ no_such_name }}\n")
    code, _, err = run(capsys, "extract", str(SEED), "-f", "md", "--templates", str(theme))
    assert code == 2
    assert _one_line(err) == f"timeline: {theme / 'timeline.md'}:3: 'no_such_name' is undefined"


def test_missing_extends_target_in_a_theme(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    theme = _theme(tmp_path, "diff.html", '{# my diff page #}\n{% extends "my-base.html" %}\n')
    code, _, err = run(capsys, "diff", str(SEED), str(SEED_V2), "-f", "html", "--templates", str(theme))
    assert code == 2
    line = _one_line(err)
    assert line.startswith(f"timeline: {theme / 'diff.html'}:2: template 'my-base.html' not found"), line


def test_an_error_in_a_partial_names_the_partial(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    theme = _theme(tmp_path, "_event.html", "<li>\n{{ event.text }}\n{{ event.no_such_field.x }}\n</li>\n")
    code, _, err = run(capsys, "extract", str(SEED), "-f", "html", "--templates", str(theme))
    assert code == 2
    assert _one_line(err).startswith(f"timeline: {theme / '_event.html'}:3: "), err
    with pytest.raises(TemplateError):
        render.render(_seed_timeline(), "html", theme)


def test_a_theme_error_in_a_site_build_is_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    theme = _theme(tmp_path, "article.html", '{% extends "timeline.html" %}\n{% block content %}{{ x + }}\n')
    code, _, err = run(capsys, "build", str(SEED), "-o", str(tmp_path / "out"), "--templates", str(theme), "-q")
    assert code == 2 and _one_line(err).startswith(f"timeline: {theme / 'article.html'}:2: ")
    assert not (tmp_path / "out").exists()


def _seed_timeline() -> Timeline:
    from timeline.pipeline import timeline_of
    from timeline.readers import load_article

    return timeline_of([load_article(str(SEED))])
