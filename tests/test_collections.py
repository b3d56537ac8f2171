"""Collections (JSON Lines and CSV files of articles, timeline/readers/collection.py): a bad row is
skipped with one line naming the file and the row, never the whole file; ids are unique in a run;
text and metadata reach no output with control characters."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from timeline.cli import main

ROW = {"published": "2026-02-04", "text": "The river burst its banks on Monday."}


def _events(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[dict[str, object]], str]:
    code = main(["events", *argv])
    captured = capsys.readouterr()
    return code, [json.loads(line) for line in captured.out.splitlines()], captured.err


def test_a_bad_utf8_byte_skips_its_row_only(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    feed = tmp_path / "feed.jsonl"
    good = [json.dumps({**ROW, "id": name}).encode() for name in ("a", "b", "c")]
    feed.write_bytes(good[0] + b"\n" + good[1].replace(b"river", b"riv\xffer") + b"\n" + good[2] + b"\n")
    code, rows, err = _events(capsys, str(feed))
    assert code == 2
    assert [r["article"] for r in rows] == ["a", "c"]
    assert f"{feed}: row 2: not UTF-8 text" in err
    assert "of 2 articles" in err and "1 skipped" in err


def test_a_lone_surrogate_is_replaced_and_said(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"id": "s", "published": "2026-02-04", "text": "The river \\ud800 burst on Monday."}\n'
                    '{"id": "t", "published": "2026-02-04", "text": "Talks \\ud83d\\ude00 resumed on Friday."}\n',
                    encoding="utf-8")
    code, rows, err = _events(capsys, str(feed))
    assert code == 0, err
    assert [r["text"] for r in rows] == ["The river \ufffd burst on Monday.", "Talks \U0001f600 resumed on Friday."]
    assert f"{feed}: row 1:" in err and "surrogate" in err and "row 2" not in err
    assert "internal error" not in err


def test_a_field_over_the_limit_skips_its_row_and_reads_the_next(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    from timeline.readers import collection

    monkeypatch.setattr(collection, "FIELD_LIMIT", 1000)
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["id", "published", "text"])
    w.writerow(["big", "2026-02-04", "It rained on Monday.\n" * 100])  # 2,100 characters, lines too
    w.writerow(["next", "2026-02-04", "Talks resumed on Friday."])
    w.writerow(["last", "2026-02-04", "The port reopened on Tuesday."])
    feed = tmp_path / "feed.csv"
    feed.write_text(buf.getvalue(), encoding="utf-8")
    code, rows, err = _events(capsys, str(feed))
    assert code == 2
    assert [r["article"] for r in rows] == ["next", "last"]
    assert f"{feed}: row 1: a field of 2,100 characters" in err
    assert "of 2 articles" in err and "1 skipped" in err


def test_control_characters_are_stripped_from_text_and_metadata(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["id", "title", "source", "published", "text"])
    w.writerow(["n", "Flo\x00ods\x1b[31m", "Wi\x07re", "2026-02-04", "The river\x00 burst\x1b its banks on Monday.\r\n"
                "Talks\x7f resumed\x85 on\tFriday."])
    feed = tmp_path / "feed.csv"
    feed.write_text(buf.getvalue(), encoding="utf-8")
    code, rows, err = _events(capsys, str(feed))
    assert code == 0, err
    assert [r["text"] for r in rows] == ["The river burst its banks on Monday.", "Talks resumed on Friday."]
    assert {(r["title"], r["source"]) for r in rows} == {("Floods[31m", "Wire")}
    out = tmp_path / "site"
    assert main(["build", str(feed), "-o", str(out), "-j", "1", "-q"]) == 0
    for page in out.rglob("*"):
        if page.is_file() and page.suffix in (".html", ".md", ".json"):
            data = page.read_text(encoding="utf-8")
            assert not any(ch in data for ch in "\x00\x07\x1b\x7f\x85"), page


def test_duplicate_ids_are_made_unique_with_a_warning(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps({**ROW, "id": i}) + "\n" for i in ("../../x", "x", "x-2", "y")),
                    encoding="utf-8")
    code, rows, err = _events(capsys, str(feed))
    assert code == 0, err
    assert [r["article"] for r in rows] == ["x", "x-2", "x-2-2", "y"]
    assert len({r["id"] for r in rows}) == 4
    assert f"{feed}: row 2: the id 'x' is taken by an earlier article; this one is 'x-2'" in err
    assert f"{feed}: row 3: the id 'x-2' is taken by an earlier article; this one is 'x-2-2'" in err
    again = _events(capsys, str(feed))[1]
    assert again == rows  # deterministic
    # the ids of two collections in one run are unique too
    other = tmp_path / "more.jsonl"
    other.write_text(json.dumps({**ROW, "id": "y"}) + "\n", encoding="utf-8")
    assert [r["article"] for r in _events(capsys, str(feed), str(other))[1]][-1] == "y-2"


def test_a_bad_utf8_byte_in_a_csv_skips_its_row_only(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    feed = tmp_path / "feed.csv"
    feed.write_bytes(b"id,published,text\na,2026-02-04,It rained on Monday.\n"
                     b"b,2026-02-04,It sn\xffowed on Tuesday.\nc,2026-02-04,It was sunny on Friday.\n")
    code, rows, err = _events(capsys, str(feed))
    assert code == 2
    assert [r["article"] for r in rows] == ["a", "c"]
    assert f"{feed}: row 2: not UTF-8 text" in err


def _tsv(rows: list[list[str]]) -> str:
    buf = io.StringIO()
    csv.writer(buf, delimiter="\t", lineterminator="\n").writerows(rows)
    return buf.getvalue()


@pytest.mark.parametrize("suffix", [".tsv", ".TSV"])
def test_a_tsv_file_is_read_as_a_collection_of_rows(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                    suffix: str) -> None:
    """Tab-separated values, as spreadsheets and datasets export them: one article a row, the
    columns named by the header, as in a CSV file (a cell may hold a comma, or a tab within quotes)."""
    feed = tmp_path / f"feed{suffix}"
    feed.write_text(_tsv([["id", "Published", "text"],
                          ["a", "2026-02-04", "It rained, hard, on Monday."],
                          ["b", "2026-02-04", "The dam\tfailed on Tuesday."]]), encoding="utf-8")
    code, rows, err = _events(capsys, str(feed))
    assert code == 0, err
    assert [(r["article"], r["date"]) for r in rows] == [("a", "2026-02-02"), ("b", "2026-02-03")]
    # found in a folder too, with the other collections
    code, in_folder, err = _events(capsys, str(tmp_path))
    assert code == 0, err
    assert in_folder == rows


def test_a_tsv_file_without_a_text_column_is_one_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    feed = tmp_path / "feed.tsv"
    feed.write_text("It rained on Monday.\tand on Tuesday\n", encoding="utf-8")
    code, rows, err = _events(capsys, str(feed))
    assert code == 2 and rows == []
    problem = [line for line in err.splitlines() if str(feed) in line]
    assert len(problem) == 1 and "'text' or 'html' column" in problem[0]
    assert "Traceback" not in err


@pytest.mark.parametrize(("line", "field"), [
    ('{"text": "It rained on Monday.", "text": "It snowed on Tuesday.", "published": "2026-02-04"}', "text"),
    ('{"published": "2026-02-04", "text": "It rained on Monday.", "published": "2026-01-04"}', "published"),
    ('{"title": "Rain", "text": "It rained on Monday.", "title": "Snow", "published": "2026-02-04"}', "title"),
    ('{"html": "<p>It rained on Monday.</p>", "published": "2026-02-04", "html": "<p>Snow.</p>"}', "html"),
])
def test_a_json_row_giving_a_field_twice_is_that_row_s_error(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], line: str, field: str) -> None:
    """A key written twice in one JSON object ({"text": "a", "text": "b"}): a JSON reader keeps one of
    the two, silently; the row is an error naming the file, the row and the field, the rows after it
    are read."""
    feed = tmp_path / "feed.jsonl"
    feed.write_text(line + "\n" + json.dumps({**ROW, "id": "next"}) + "\n", encoding="utf-8")
    code, rows, err = _events(capsys, str(feed))
    assert code == 2 and "Traceback" not in err
    assert [r["article"] for r in rows] == ["next"]
    problem = [x for x in err.splitlines() if str(feed) in x]
    assert len(problem) == 1, err
    assert problem[0].startswith(f"timeline: {feed}: row 1: the field '{field}' is given twice"), err


def test_a_field_name_inside_a_value_or_a_nested_object_is_no_second_field(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({**ROW, "id": "a", "title": "text", "meta": {"text": "x", "published": "y"},
                                "extra": ["text"]}) + "\n", encoding="utf-8")
    code, rows, err = _events(capsys, str(feed))
    assert code == 0, err
    assert [r["article"] for r in rows] == ["a"]
