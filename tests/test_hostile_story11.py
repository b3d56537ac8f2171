"""A hostile tester's eleventh round (the story's order, the edits file read from a device or a
folder, eval-story's folder): each test reproduces a fault found, so it comes back only with a
failing test."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_hostile_story import _article  # the same article writer as the rounds before

from timeline.cli import main

NEW_YEAR = "On 1 January 2026 the river rose. On 28 January 2026 the army arrived."


def _one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


# --- the story's order: the coarser period first, as every other timeline ---------------------------


@pytest.mark.parametrize("edit", [
    "add:\n  - {date: 2026-01, text: January was the wettest month on record.}\n",
    "add:\n  - {date: \"2026\", text: The year of the flood began.}\n",
    "days:\n  2026-01-28: {date: 2026-01}\n",
])
def test_a_month_the_editor_gives_comes_before_the_days_it_holds(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], edit: str) -> None:
    """An addition dated "2026-01" (or a day moved to the month) was listed after the key day
    1 January 2026, which starts with it: the story sorted by start alone, keeping the edits' order,
    while `extract` of the same article and edits lists the month first (the coarser period before
    the finer ones it contains, DESIGN's order)."""
    src = _article(tmp_path / "src", "a.md", NEW_YEAR)
    edits = tmp_path / "edits.yml"
    edits.write_text(edit, encoding="utf-8")
    assert main(["story", str(src.parent), "--edits", str(edits), "-f", "json"]) == 0
    story = [d["date"] for d in json.loads(capsys.readouterr().out)["dates"]]
    assert main(["extract", str(src), "--edits", str(edits), "-f", "json"]) == 0
    timeline = list(dict.fromkeys(e["date"] for e in json.loads(capsys.readouterr().out)["events"]))
    coarse = "2026" if "2026" in story else "2026-01"
    assert story[:2] == [coarse, "2026-01-01"], story
    if "add:" in edit:  # the same order as the timeline of the same article and edits
        assert story == [d for d in timeline if d in story], (story, timeline)


def test_a_day_moved_to_a_time_of_another_key_day_comes_after_that_day(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _article(tmp_path / "src", "a.md", NEW_YEAR)
    edits = tmp_path / "edits.yml"
    edits.write_text("days:\n  2026-01-01: {date: 2026-01-28T10:00}\n", encoding="utf-8")
    assert main(["story", str(tmp_path / "src"), "--edits", str(edits), "-f", "json"]) == 0
    told = json.loads(capsys.readouterr().out)
    assert [d["date"] for d in told["dates"]] == ["2026-01-28", "2026-01-28T10:00"]
