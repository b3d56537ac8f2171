"""The editor's last word: an edits file drops, re-dates, heads, annotates and adds events, the
same in every format; a stale id is a warning, a malformed file one error naming file and line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from timeline.cli import main
from timeline.edits import Edits, EventEdit, apply, load_edits
from timeline.errors import UserError


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def seed_events(capsys: pytest.CaptureFixture[str], seed: Path, *extra: str) -> list[dict[str, object]]:
    code, out, _ = run(capsys, "extract", str(seed), "-f", "json", *extra)
    assert code == 0
    return list(json.loads(out)["events"])


@pytest.fixture
def ids(capsys: pytest.CaptureFixture[str], seed_path: Path) -> dict[str, str]:
    """The seed's event ids by date value."""
    return {str(e["date"]): str(e["id"]) for e in seed_events(capsys, seed_path)}


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "edits.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_drop_redate_head_and_add_exactly_as_written(capsys: pytest.CaptureFixture[str], seed_path: Path,
                                                      tmp_path: Path, ids: dict[str, str]) -> None:
    edits = write(tmp_path, f"""
events:
  {ids['2025']}: {{drop: true}}
  {ids['2025-10']}:
    date: 2025-10-14            # a day, where the article said "last October"
    headline: Lee announces crackdown on gangs abroad
    note: Date from the ministry's statement of 14 October.
    status: reported
add:
  - {{date: 2025-11-03, text: "The Korean Desk opens in Phnom Penh.", source: Yonhap, url: "https://example.org/y"}}
""")
    before = seed_events(capsys, seed_path)
    after = seed_events(capsys, seed_path, "--edits", str(edits))
    assert ids["2025"] not in {e["id"] for e in after}
    assert len(after) == len(before)  # one dropped, one added
    redated = next(e for e in after if e["id"] == ids["2025-10"])
    assert (redated["date"], redated["start"], redated["end"], redated["granularity"]) == \
        ("2025-10-14", "2025-10-14", "2025-10-15", "day")
    assert redated["headline"] == "Lee announces crackdown on gangs abroad"
    assert redated["edited"] == ["date", "headline", "note"]  # status was already "reported"
    assert redated["anchor"] == "editor"
    added = next(e for e in after if e.get("edited") == ["added"])
    assert (added["date"], added["text"], added["source"], added["url"]) == \
        ("2025-11-03", "The Korean Desk opens in Phnom Penh.", "Yonhap", "https://example.org/y")
    # back in chronological order: 14 Oct < since Nov 2025 < 3 Nov < Jan 2026
    starts = [e["start"] for e in after]
    assert starts == sorted(starts)
    assert [e["date"] for e in after][:3] == ["2025-10-14", "2025-11", "2025-11-03"]
    # an unedited event carries no editor fields
    assert all("edited" not in e for e in after if e["id"] not in (ids["2025-10"], added["id"]))


def test_edits_show_in_html_and_markdown(capsys: pytest.CaptureFixture[str], seed_path: Path, tmp_path: Path,
                                         ids: dict[str, str]) -> None:
    edits = write(tmp_path, f"""
events:
  {ids['2025-10']}: {{date: 2025-10-14, note: "From the <ministry>."}}
add:
  - {{date: 2025-11-03, text: "The desk opens.", source: Yonhap, url: "javascript:alert(1)"}}
""")
    code, html, _ = run(capsys, "extract", str(seed_path), "-f", "html", "--edits", str(edits))
    assert code == 0
    assert "Date corrected by the editor." in html and "From the &lt;ministry&gt;." in html
    assert "Added by the editor." in html and "javascript:" not in html  # not a link, never raw
    code, md, _ = run(capsys, "extract", str(seed_path), "-f", "md", "--edits", str(edits))
    assert "_(Date corrected by the editor. From the \\<ministry\\>.)_" in md
    assert "The desk opens. _(Added by the editor. Source: Yonhap.)_" in md
    assert all(line.startswith(("- ", "#", "The Nation", "<!--")) or not line for line in md.splitlines())


def test_a_stale_id_is_a_warning_naming_it(capsys: pytest.CaptureFixture[str], seed_path: Path,
                                           tmp_path: Path) -> None:
    edits = write(tmp_path, "events:\n  000-nothing-12345678: {drop: true}\n")
    code, out, err = run(capsys, "extract", str(seed_path), "-f", "json", "--edits", str(edits))
    assert code == 0 and json.loads(out)["events"]
    assert err.strip() == f"timeline: warning: {edits}: no event has the id '000-nothing-12345678' (edit not applied)"


@pytest.mark.parametrize(("text", "line", "problem"), [
    ("events:\n  x: [1\n", 3, "expected ',' or ']'"),
    ("events:\n  x:\n    date: 2025-13-45\n", 3, "date '2025-13-45' is not a TIMEX3 date value"),
    ("events:\n  x: {drop: maybe}\n", 2, "drop must be true or false"),
    ("events:\n  x: {colour: red}\n", 2, "unknown field 'colour'"),
    ("events:\n  x: {status: rumoured}\n", 2, "status 'rumoured' is not one of"),
    ("events:\n  x: {}\n", 2, "the edit of x changes nothing"),
    ("add:\n  - {date: 2025-11-03}\n", 2, "an added event needs text"),
    ("add:\n  - {date: 2025-11-03, until: 2025-11-02, text: Talks.}\n", 2, "until '2025-11-02' ends before date"),
    # an earlier time of the same day: the days overlap, the clocks do not
    ("add:\n  - {date: 2025-11-03T10:00, until: 2025-11-03T09:00, text: Talks.}\n", 2,
     "until '2025-11-03T09:00' ends before date '2025-11-03T10:00' begins"),
    ("remove: [x]\n", 1, "unknown key 'remove'"),
    ("- a list\n", 1, "the edits file must be a mapping"),
])
def test_a_malformed_file_is_one_error_naming_file_and_line(capsys: pytest.CaptureFixture[str], seed_path: Path,
                                                            tmp_path: Path, text: str, line: int,
                                                            problem: str) -> None:
    edits = write(tmp_path, text)
    code, out, err = run(capsys, "extract", str(seed_path), "--edits", str(edits))
    assert code == 2 and out == ""
    assert err.startswith(f"timeline: {edits}:{line}: {problem}") and err.count("\n") == 1


def test_a_missing_edits_file_is_an_error(capsys: pytest.CaptureFixture[str], seed_path: Path,
                                          tmp_path: Path) -> None:
    code, _, err = run(capsys, "extract", str(seed_path), "--edits", str(tmp_path / "none.yml"))
    assert code == 2 and "none.yml: edits file not found" in err


def test_load_edits_reads_dates_as_values_not_yaml_dates(tmp_path: Path) -> None:
    edits = load_edits(write(tmp_path, "events:\n  a-1: {date: 2025-10-14, until: 2025-11}\n"))
    assert edits.events["a-1"] == EventEdit(date="2025-10-14", until="2025-11")
    with pytest.raises(UserError):
        load_edits(write(tmp_path, "events:\n  a-1: {date: 2025-10-14}\n  a-1: {drop: true}\n"))


def test_diff_applies_the_edits_to_both_versions(capsys: pytest.CaptureFixture[str], seed_path: Path,
                                                 tmp_path: Path, ids: dict[str, str]) -> None:
    old = tmp_path / "v1.txt"
    new = tmp_path / "v2.txt"
    text = seed_path.read_text(encoding="utf-8")
    old.write_text(text, encoding="utf-8")  # article ids from the file names: v1, v2
    new.write_text(text, encoding="utf-8")
    code, out, _ = run(capsys, "diff", str(old), str(new), "-f", "json")
    assert code == 0
    unchanged = json.loads(out)["unchanged"]
    # the editor drops an event by the id it has in the seed's own JSON: both sides lose it
    edits = write(tmp_path, f"events:\n  {ids['2026-01-23']}: {{drop: true}}\n")
    code, out, err = run(capsys, "diff", str(old), str(new), "-f", "json", "--edits", str(edits))
    assert code == 0, out
    assert "warning" not in err
    data = json.loads(out)
    assert data["added"] == [] and data["removed"] == [] and data["unchanged"] == unchanged - 1


def test_apply_is_pure_and_keeps_other_events() -> None:
    from datetime import date

    from timeline.events import Event

    e = Event(id="a-1", article="a", sentence=0, text="x", phrase="", offset=(0, 0), date="2025",
              start=date(2025, 1, 1), end=date(2026, 1, 1), granularity="year", label="2025")
    assert apply([e], Edits()) == [e]
    assert apply([e], Edits(events={"a-1": EventEdit(drop=True)})) == []
    (f,) = apply([e], Edits(events={"a-1": EventEdit(headline="H")}))
    assert (f.headline, f.edited, e.headline) == ("H", ("headline",), None)


def test_the_readme_example_edits_the_seed_without_a_stale_id(capsys: pytest.CaptureFixture[str],
                                                               seed_path: Path) -> None:
    example = Path(__file__).resolve().parent.parent / "docs" / "examples" / "edits.yml"
    code, out, err = run(capsys, "extract", str(seed_path), "-f", "json", "--edits", str(example))
    assert code == 0 and err == ""  # every id of the example still names an event of the seed
    assert sum(1 for e in json.loads(out)["events"] if e.get("edited")) == 2


def _articles(folder: Path) -> Path:
    folder.mkdir()
    for name, day, text in (("harbour", "2024-03-02", "The harbour reopened on Friday after storms closed it."),
                            ("bridge", "2024-03-05", "The harbour reopened on Friday, officials said on Monday."),
                            ("storm", "2024-02-20", "Storms closed the harbour on Sunday and damaged the pier.")):
        (folder / f"{name}.txt").write_text(f"---\ntitle: {name}\npublished: {day}\n---\n{text}\n", encoding="utf-8")
    return folder


def test_build_reads_edits_yml_at_the_top_of_a_source_folder(tmp_path: Path) -> None:
    from timeline.site import build

    src = _articles(tmp_path / "src")
    out = tmp_path / "out"
    build([str(src)], out)
    events = json.loads((out / "storm.json").read_text(encoding="utf-8"))["events"]
    storm = next(e for e in events if e["anchor"] == "phrase")
    (src / "edits.yml").write_text(f"""
events:
  {storm['id']}: {{date: 2024-02-17, headline: The storm}}
  nothing-00000000: {{drop: true}}
add:
  - {{date: 2024-03-10, text: "The pier reopened.", source: Port authority}}
""", encoding="utf-8")
    report = build([str(src)], out)
    assert not report.up_to_date  # a changed edits file renders again
    assert any("nothing-00000000" in w for w in report.warnings)
    page = json.loads((out / "storm.json").read_text(encoding="utf-8"))["events"]
    edited = next(e for e in page if e["id"] == storm["id"])
    assert (edited["date"], edited["headline"], edited["edited"]) == ("2024-02-17", "The storm", ["date", "headline"])
    combined = json.loads((out / "combined.json").read_text(encoding="utf-8"))["events"]
    assert [e["text"] for e in combined if e.get("edited") == ["added"]] == ["The pier reopened."]
    assert "Added by the editor." in (out / "combined.html").read_text(encoding="utf-8")
    story = json.loads((out / "story.json").read_text(encoding="utf-8"))
    assert "2024-03-10" in [d["date"] for d in story["dates"]]
    assert build([str(src)], out).up_to_date  # and the same edits again write nothing


def test_story_takes_the_same_edits_drop_a_day_redate_add(capsys: pytest.CaptureFixture[str],
                                                          tmp_path: Path) -> None:
    src = _articles(tmp_path / "src")
    code, out, _ = run(capsys, "story", str(src), "-q")
    assert code == 0
    days = [d["date"] for d in json.loads(out)["dates"]]
    assert len(days) >= 2
    edits = write(tmp_path, f"""
days:
  {days[0]}: {{drop: true}}
  {days[1]}: {{date: 2024-01-31, headline: Moved by the editor, note: From the log.}}
  2001-01-01: {{drop: true}}
add:
  - {{date: 2024-04-01, text: "Repairs finished.", source: Port authority, url: "https://example.org/p"}}
""")
    code, out, err = run(capsys, "story", str(src), "-q", "--edits", str(edits))
    assert code == 0
    assert "the story has no day '2001-01-01'" in err
    story = json.loads(out)["dates"]
    dates = [d["date"] for d in story]
    assert days[0] not in dates and "2024-01-31" in dates and dates == sorted(dates)
    moved = next(d for d in story if d["date"] == "2024-01-31")
    assert (moved["headline"], moved["note"], moved["edited"]) == ("Moved by the editor", "From the log.",
                                                                    ["date", "headline", "note"])
    added = next(d for d in story if d["date"] == "2024-04-01")
    assert added["edited"] == ["added"] and added["sentences"][0]["url"] == "https://example.org/p"
    code, md, _ = run(capsys, "story", str(src), "-q", "-f", "md", "--edits", str(edits))
    assert "**Moved by the editor**" in md and "_Date corrected, headline added by the editor." not in md
    assert "Date corrected and headline added by the editor. From the log." in md
    # the CSV says it too, on each row of the day
    import csv
    import io

    code, table, _ = run(capsys, "story", str(src), "-q", "-f", "csv", "--edits", str(edits))
    rows = [r for r in csv.DictReader(io.StringIO(table)) if r["date"] == "2024-01-31"]
    assert rows and all((r["headline"], r["note"], r["edited"]) == ("Moved by the editor", "From the log.",
                                                                     "date;headline;note") for r in rows)


@pytest.mark.parametrize("dask", [False, True])
def test_events_table_agrees_with_the_edits(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                            dask: bool) -> None:
    import pandas as pd

    src = _articles(tmp_path / "src")
    plain = tmp_path / "plain.csv"
    assert run(capsys, "events", str(src), "-o", str(plain), "-q")[0] == 0
    before = pd.read_csv(plain)
    dropped, moved = before["id"][0], before["id"][1]
    edits = write(tmp_path, f"""
events:
  {dropped}: {{drop: true}}
  {moved}: {{date: 2023-12-31, headline: Earlier}}
  gone-00000000: {{drop: true}}
add:
  - {{date: 2024-04-01, text: "Repairs finished.", source: Port authority, url: "https://example.org/p"}}
""")
    out = tmp_path / ("edited.parquet" if dask else "edited.csv")
    code, _, err = run(capsys, "events", str(src), "-o", str(out), "-q", "--edits", str(edits),
                       *(["--dask", "local"] if dask else []))
    assert code == 0
    assert "no event has the id 'gone-00000000'" in err and dropped not in err and moved not in err
    after = pd.read_parquet(out) if dask else pd.read_csv(out)
    assert dropped not in set(after["id"]) and len(after) == len(before)
    row = after[after["id"] == moved].iloc[0]
    assert (str(row["date"]), str(row["start"])[:10]) == ("2023-12-31", "2023-12-31")
    assert (row["edited"], row["headline"]) == ("date;headline", "Earlier")
    added = after[after["text"] == "Repairs finished."].iloc[0]
    assert (added["source"], added["url"], str(added["date"]), added["edited"]) == (
        "Port authority", "https://example.org/p", "2024-04-01", "added")


def test_a_day_moved_onto_another_counts_the_articles_of_both(capsys: pytest.CaptureFixture[str],
                                                               tmp_path: Path) -> None:
    # Two articles mention 20 April, three others 15 July (and one of those 20 April too): moved onto
    # 15 July, 20 April's articles join it: five distinct articles, neither the larger count (3)
    # nor the sum (2 + 3 = 5 counts a3 twice when it mentions both: 6).
    src = tmp_path / "src"
    src.mkdir()
    texts = {"a1": "The rig exploded on 20 April 2010, killing eleven workers.",
             "a2": "The rig exploded on 20 April 2010, killing eleven workers.",
             "a3": "Engineers capped the well on 15 July 2010, months after the blast of 20 April 2010.",
             "a4": "Engineers capped the well on 15 July 2010 after months of leaks.",
             "a5": "Engineers capped the well on 15 July 2010 after months of leaks."}
    for k, (name, text) in enumerate(texts.items(), 1):
        (src / f"{name}.md").write_text(f"---\npublished: 2010-08-0{k}\n---\nAn update on the spill.\n\n{text}\n",
                                        encoding="utf-8")
    span = ("--dates", "2", "--from", "2010-04-01", "--to", "2010-07-31", "-q")
    code, out, _ = run(capsys, "story", str(src), *span)
    assert code == 0
    assert [(d["date"], d["articles"]) for d in json.loads(out)["dates"]] == [("2010-04-20", 3), ("2010-07-15", 3)]
    edits = write(tmp_path, "days:\n  2010-04-20: {date: 2010-07-15}\n")
    code, out, _ = run(capsys, "story", str(src), *span, "--edits", str(edits))
    assert code == 0
    assert [(d["date"], d["articles"]) for d in json.loads(out)["dates"]] == [("2010-07-15", 5)]


def test_days_edits_in_a_build_of_one_article_are_said_not_applied(tmp_path: Path) -> None:
    # 'days:' edits a story's key days; a build of one article makes no story page
    from timeline.site import build

    src = tmp_path / "src"
    src.mkdir()
    (src / "a.md").write_text("---\npublished: 2024-02-20\n---\nThe storm hit the coast on 17 February.\n",
                              encoding="utf-8")
    (src / "edits.yml").write_text("days:\n  2024-02-17: {drop: true}\n", encoding="utf-8")
    report = build([str(src)], tmp_path / "out")
    assert any("'days:' applies to the story page" in w and "edits.yml" in w for w in report.warnings)
    assert not (tmp_path / "out" / "story.html").exists()


def test_an_addition_repeated_through_an_alias_is_reported_at_the_alias(tmp_path: Path) -> None:
    """`- *first` repeats the addition anchored at line 2: the error names line 4, where it is
    repeated (the composed alias is the anchor's node and carried the anchor's line)."""
    p = tmp_path / "edits.yml"
    p.write_text("add:\n  - &first {date: 2026-01-27, text: The dam was closed.}\n"
                 "  - {date: 2026-01-28, text: Other.}\n  - *first\n", encoding="utf-8")
    with pytest.raises(UserError, match=rf"^{p}:4: the event 'The dam was closed\.' is added twice"):
        load_edits(p)


def test_an_alias_used_legitimately_still_reads(tmp_path: Path) -> None:
    """The same edit given to two events through an alias is fine, as before."""
    p = tmp_path / "edits.yml"
    p.write_text("events:\n  a-1: &same {headline: Same}\n  a-2: *same\n", encoding="utf-8")
    edits = load_edits(p)
    assert edits.events["a-1"] == edits.events["a-2"] and edits.events["a-2"].headline == "Same"
