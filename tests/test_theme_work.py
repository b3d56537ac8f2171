"""A user's theme bounded in work as it is in memory: loops in loops (each `range` bounded by the
sandbox at 100,000) ran 10**10 times without writing a character, past any limit on the page's
size. Every item a page loops over, every item `range` or `*` makes and every item of a list a
filter or a call is given counts; past MAX_THEME_STEPS the page is refused in one line naming the
template, exit 2. The limit is made small here, so that each test is cheap without the fix too
(it then renders, and the test fails on its exit status)."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_hostile_story8 import _one_line
from test_hostile_story8 import extract_through_theme as _extract


@pytest.mark.parametrize("template", [
    # loops in loops that write nothing: no limit on the page's size stops them
    "{% for i in range(300) %}{% for j in range(300) %}{% endfor %}{% endfor %}\n",
    # a loop over what a theme made, and one that uses `loop`
    '{% for i in range(300) %}{% for c in "abcdefghij" * 30 %}{{ loop.index if false }}{% endfor %}{% endfor %}\n',
    # a recursive loop, each level twice as wide
    "{% for i in range(2) recursive %}{% if loop.depth < 18 %}{{ loop(range(2)) }}{% endif %}{% endfor %}\n",
    # few steps of the loop, each making and summing a long range
    "{% for i in range(10) %}{{ range(30000) | sum }}{% endfor %}\n",
    # a list made once, sorted in every step
    "{% set big = range(3000) | list %}{% for i in range(100) %}{{ big | sort | length }}{% endfor %}\n",
])
def test_a_theme_that_would_work_without_end_is_one_line_naming_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, template: str) -> None:
    from timeline import render

    monkeypatch.setattr(render, "MAX_THEME_STEPS", 50_000, raising=False)
    code, err, path = _extract(tmp_path, capsys, template)
    line = _one_line(err)
    assert code == 2, err
    assert line.startswith(f"timeline: {path}:1: ") and "50,000 steps" in line, line


def test_the_example_is_stopped_at_the_real_limit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The loops of the report, at the default limits: refused, not run 10**10 times."""
    code, err, path = _extract(tmp_path, capsys, "{% for i in range(100000) %}{% for j in range(100000) %}x"
                                                 "{% endfor %}{% endfor %}\n")
    assert code == 2 and _one_line(err).startswith(f"timeline: {path}:1: "), err


def test_a_theme_within_the_limit_renders_as_before(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from timeline import render

    monkeypatch.setattr(render, "MAX_THEME_STEPS", 50_000, raising=False)
    code, err, _ = _extract(tmp_path, capsys, "{% for i in range(100) %}{% for e in events %}{{ loop.index }}"
                                              "{% endfor %}{% endfor %}|{{ range(5) | join(',') }}\n")
    assert code == 0, err
    page = (tmp_path / "out" / "a.html").read_text(encoding="utf-8")
    assert page.endswith("|0,1,2,3,4\n") and page.count("1") >= 100
