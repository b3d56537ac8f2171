"""The last day of the calendar, 31 December 9999: a real date (TIMEX3 and Python's `date` hold it)
that every output accepts, although the day after it, the end of its half-open interval, is no date."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from timeline import calendar
from timeline.article import make_article
from timeline.cli import main
from timeline.pipeline import process
from timeline.story import story

LAST = "The vault will open to the public on 31 December 9999, the board said."


def _write(folder: Path, name: str, text: str, published: str = "2026-01-31") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(f"---\ntitle: {name}\npublished: {published}\n---\n{text}\n", encoding="utf-8")
    return path


def test_periods_that_end_on_the_last_day_have_an_interval_to_date_max() -> None:
    assert calendar.interval("9999-12-31") == (date.max, date.max, "day")
    assert calendar.interval("9999-12-31T23:00") == (date.max, date.max, "time")
    assert calendar.interval("9999") == (date(9999, 1, 1), date.max, "year")
    assert calendar.interval("9999-12") == (date(9999, 12, 1), date.max, "month")
    assert calendar.interval("9999", "END") == (date(9999, 9, 1), date.max, "year")
    assert calendar.interval("9999-12-30") == (date(9999, 12, 30), date.max, "day")
    # date.max as an end stands for the day after it: the last day is date.max itself
    assert calendar.last_day(date.max) == date.max
    assert calendar.last_day(date(9999, 12, 31 - 1)) == date(9999, 12, 29)
    assert calendar.last_day(date(2026, 3, 1)) == date(2026, 2, 28)


def test_an_event_on_the_last_day_is_found() -> None:
    r = process(make_article(f"---\npublished: 2026-01-31\n---\n{LAST}\n", name="vault.txt"))
    [e] = [e for e in r.events if e.date == "9999-12-31"]
    assert e.start == date.max
    assert e.label.endswith("31 December 9999")


def test_events_of_the_last_day_as_rows(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = _write(tmp_path / "src", "vault.md", LAST)
    assert main(["events", str(src)]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert any(r["date"] == "9999-12-31" and r["start"] == "9999-12-31" for r in rows)


def test_a_story_keeps_the_last_day_and_its_neighbour() -> None:
    # the last day and the day before it, each told by articles of its own (not one event)
    results = [process(make_article(f"---\npublished: 2026-01-{d}\n---\n{LAST}\n", name=f"v{d}.txt"))
               for d in (20, 21, 22)]
    results += [process(make_article(f"---\npublished: 2026-01-{d}\n---\nThe keys were cut on 30 December 9999 "
                                     "in the old forge.\n", name=f"k{d}.txt")) for d in (23, 24)]
    st = story(results, dates=3, sentences=1, end=date.max)
    days = [d.date for d in st.dates]
    assert "9999-12-31" in days and "9999-12-30" in days
    assert st.to_dict()["to"] == "9999-12-31"


@pytest.mark.parametrize("fmt", ["svg", "html", "md", "json"])
def test_extract_and_story_draw_the_last_day(tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    _write(tmp_path / "src", "a.md", LAST)
    _write(tmp_path / "src", "b.md", LAST + " Guards were hired on 28 January 2026.", published="2026-02-01")
    edits = tmp_path / "edits.yml"
    edits.write_text('add:\n  - {date: "9999-12-31", text: The last day of the calendar.}\n  - {date: "9999", '
                     'text: The last year.}\n', encoding="utf-8")
    for command in (["extract", str(tmp_path / "src" / "a.md")], ["story", str(tmp_path / "src")]):
        code = main([*command, "--edits", str(edits), "-f", fmt])
        out, err = capsys.readouterr()
        assert code == 0, err
        assert "9999" in out
        assert "The last day of the calendar." in out


def test_a_build_with_the_last_day(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "src"
    _write(src, "a.md", LAST)
    _write(src, "b.md", "On 28 January 2026 guards were hired for the vault, which opens on 31 December 9999.",
           published="2026-02-01")
    out = tmp_path / "site"
    assert main(["build", str(src), "-o", str(out), "-q"]) == 0, capsys.readouterr().err
    combined = (out / "combined.html").read_text(encoding="utf-8")
    assert 'datetime="9999-12-31"' in combined
    assert "31 December 9999" in (out / "a.html").read_text(encoding="utf-8")


def test_the_span_of_an_event_on_the_last_day_is_that_day() -> None:
    from timeline.exports import event_span

    r = process(make_article(f"---\npublished: 2026-01-31\n---\n{LAST}\n", name="vault.txt"))
    [e] = [e for e in r.events if e.date == "9999-12-31"]
    first, last = event_span(e)
    assert (first.year, first.month, first.day) == (9999, 12, 31)
    assert last is None or (last.year, last.month, last.day) == (9999, 12, 31)


@pytest.mark.parametrize("fmt", ["timelinejs", "markwhen", "mermaid", "csv"])
def test_exports_of_the_last_day(tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    src = _write(tmp_path / "src", "a.md", LAST)
    assert main(["extract", str(src), "-f", fmt]) == 0
    out = capsys.readouterr().out
    assert "9999" in out and "9999-12-30" not in out
