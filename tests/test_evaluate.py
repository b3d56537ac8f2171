"""Tests for timeline.evaluate: the TimeML reader and the TempEval-3 Task A scorer, on tiny handmade docs."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from timeline.evaluate import (
    GoldDocument,
    GoldTimex,
    Report,
    evaluate,
    format_report,
    read_corpus,
    read_timeml,
    report_to_dict,
    score,
)
from timeline.temporal.timex import Timex

DOC = """<?xml version="1.0" ?>
<TimeML>
<DOCID>TEST001</DOCID>
<DCT><TIMEX3 tid="t0" type="TIME" value="1998-08-07T14:30" functionInDocument="CREATION_TIME">\
1998-08-07 14:30</TIMEX3></DCT>
<TITLE>Ignored &amp; not scored</TITLE>
<TEXT>
AT&amp;T <EVENT eid="e1" class="REPORTING">said</EVENT> <TIMEX3 tid="t1" type="DATE" value="1998-W31" \
temporalFunction="true">last week</TIMEX3> that profits <EVENT eid="e2" class="OCCURRENCE">rose</EVENT> \
&lt;5%&gt; in <TIMEX3 tid="t2" type="DATE" value="1998-Q2" mod="END">the end of the second quarter</TIMEX3>.
It <EVENT eid="e3" class="OCCURRENCE">expects</EVENT> growth <TIMEX3 tid="t3" type="SET" value="P1Y" \
quant="EVERY">every year</TIMEX3>.
</TEXT>
<TLINK lid="l1" relType="BEFORE" eventInstanceID="ei1" relatedToTime="t1"/>
</TimeML>
"""

EXPECTED_TEXT = (
    "\nAT&T said last week that profits rose <5%> in the end of the second quarter.\n"
    "It expects growth every year.\n"
)


def write(path: Path, content: str) -> Path:
    """Write `content` to `path` (creating folders) and return the path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")
    return path


def minimal(doc_id: str, dct: str, body: str) -> str:
    """A small TimeML document with the given id, DCT value and TEXT body."""
    return (
        f'<TimeML><DOCID>{doc_id}</DOCID><DCT><TIMEX3 tid="t0" type="DATE" value="{dct}">x</TIMEX3></DCT>'
        f"<TEXT>{body}</TEXT></TimeML>"
    )


# --------------------------------------------------------------------------------------------- reader


def test_reader_text_strips_tags_and_unescapes_entities(tmp_path: Path) -> None:
    doc = read_timeml(write(tmp_path / "a.tml", DOC))
    assert doc.id == "TEST001"
    assert doc.text == EXPECTED_TEXT


def test_reader_dct_is_the_date_of_the_creation_time(tmp_path: Path) -> None:
    doc = read_timeml(write(tmp_path / "a.tml", DOC))
    assert doc.dct == date(1998, 8, 7)


def test_reader_offsets_after_entities_and_event_tags(tmp_path: Path) -> None:
    doc = read_timeml(write(tmp_path / "a.tml", DOC))
    assert [(t.text, t.type, t.value, t.mod) for t in doc.timexes] == [
        ("last week", "DATE", "1998-W31", None),
        ("the end of the second quarter", "DATE", "1998-Q2", "END"),
        ("every year", "SET", "P1Y", None),
    ]
    for t in doc.timexes:
        assert doc.text[t.start:t.end] == t.text
    # "\nAT&T said " is 11 characters: the entity counts as one character, the EVENT tag as none.
    assert (doc.timexes[0].start, doc.timexes[0].end) == (11, 20)
    assert doc.timexes[1].start == EXPECTED_TEXT.index("the end")


def test_reader_nested_and_adjacent_tags(tmp_path: Path) -> None:
    body = (
        '<EVENT eid="e1">met</EVENT><TIMEX3 tid="t1" type="DATE" value="1990-01-01">'
        '<SIGNAL sid="s1">on</SIGNAL> Jan. 1</TIMEX3><EVENT eid="e2">!</EVENT>'
    )
    doc = read_timeml(write(tmp_path / "n.tml", minimal("N", "1990-01-02", body)))
    assert doc.text == "meton Jan. 1!"
    (t,) = doc.timexes
    assert (t.start, t.end, t.text) == (3, 12, "on Jan. 1")


def test_reader_id_falls_back_to_file_stem(tmp_path: Path) -> None:
    content = minimal("", "2000-01-01", "text").replace("<DOCID></DOCID>", "")
    doc = read_timeml(write(tmp_path / "stem_name.tml", content))
    assert doc.id == "stem_name"
    assert doc.timexes == ()


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("<TimeML><DCT><TIMEX3 value='1998-01-01'/></DCT><TEXT>open", "bad XML"),
        ("<TimeML><DCT><TIMEX3 value='1998-01-01'/></DCT></TimeML>", "TEXT"),
        ("<TimeML><TEXT>no creation time</TEXT></TimeML>", "DCT"),
        ("<TimeML><DCT><TIMEX3 value='soon'/></DCT><TEXT>x</TEXT></TimeML>", "DCT"),
    ],
)
def test_reader_rejects_malformed_files_naming_them(tmp_path: Path, content: str, reason: str) -> None:
    path = write(tmp_path / "broken.tml", content)
    with pytest.raises(ValueError) as info:
        read_timeml(path)
    message = str(info.value)
    assert str(path) in message
    assert reason in message
    assert "\n" not in message


def test_read_corpus_folder_is_recursive_and_sorted(tmp_path: Path) -> None:
    write(tmp_path / "b" / "z.tml", minimal("Z", "1999-03-04", "z"))
    write(tmp_path / "a" / "deep" / "y.tml", minimal("Y", "1999-03-05", "y"))
    write(tmp_path / "x.tml", minimal("X", "1999-03-06", "x"))
    write(tmp_path / "notes.txt", "not timeml")
    docs = read_corpus(tmp_path)
    assert [d.id for d in docs] == ["Y", "Z", "X"]  # a/deep/y.tml < b/z.tml < x.tml
    assert [d.dct for d in docs] == [date(1999, 3, 5), date(1999, 3, 4), date(1999, 3, 6)]


def test_read_corpus_single_file_and_errors(tmp_path: Path) -> None:
    path = write(tmp_path / "one.xml", minimal("ONE", "2001-02-03", "t"))
    assert [d.id for d in read_corpus(path)] == ["ONE"]
    with pytest.raises(FileNotFoundError):
        read_corpus(tmp_path / "missing.tml")
    (tmp_path / "empty").mkdir()
    with pytest.raises(ValueError, match="empty"):
        read_corpus(tmp_path / "empty")


def test_read_corpus_folder_with_a_bad_file_names_it(tmp_path: Path) -> None:
    write(tmp_path / "good.tml", minimal("G", "1999-01-01", "g"))
    bad = write(tmp_path / "sub" / "bad.tml", "<TimeML><TEXT>")
    with pytest.raises(ValueError, match=str(bad).replace("\\", "\\\\")):
        read_corpus(tmp_path)


# --------------------------------------------------------------------------------------------- scorer

GOLD_TEXT = "On Monday the firm said last week profits fell; talks go on every day."


def gold_doc() -> GoldDocument:
    """Gold: 'Monday' (hit exactly), 'last week' (overlapped, wrong value), 'every day' (missed)."""

    def g(phrase: str, kind: str, value: str, mod: str | None = None) -> GoldTimex:
        start = GOLD_TEXT.index(phrase)
        return GoldTimex(start, start + len(phrase), phrase, kind, value, mod)

    return GoldDocument(
        id="DOC1",
        dct=date(1998, 8, 7),
        text=GOLD_TEXT,
        timexes=(
            g("Monday", "DATE", "1998-08-03"),
            g("last week", "DATE", "1998-W31"),
            g("every day", "SET", "P1D"),
        ),
    )


def fake_predictions(text: str) -> list[Timex]:
    """One exact match, one overlap with a wrong value and a longer span, one spurious prediction."""

    def p(phrase: str, kind: str, value: str) -> Timex:
        start = text.index(phrase)
        return Timex(start, start + len(phrase), phrase, kind, value)

    return [
        p("Monday", "DATE", "1998-08-03"),
        p("said last week", "DATE", "1998-W32"),
        p("the firm", "DATE", "PRESENT_REF"),
    ]


def test_scorer_hand_computed_figures() -> None:
    calls: list[tuple[str, date]] = []

    def tagger(text: str, published: date) -> list[Timex]:
        calls.append((text, published))
        return fake_predictions(text)

    report = evaluate([gold_doc()], tagger=tagger)
    assert calls == [(GOLD_TEXT, date(1998, 8, 7))]
    assert (report.documents, report.gold, report.predicted) == (1, 3, 3)
    # strict: only "Monday" → P = 1/3, R = 1/3, F1 = 1/3
    assert report.strict.matched == 1
    assert report.strict_precision == pytest.approx(1 / 3)
    assert report.strict_recall == pytest.approx(1 / 3)
    assert report.strict_f1 == pytest.approx(1 / 3)
    # relaxed: "Monday" and "said last week"~"last week" → P = 2/3, R = 2/3, F1 = 2/3
    assert report.relaxed.matched == 2
    assert report.relaxed_precision == pytest.approx(2 / 3)
    assert report.relaxed_recall == pytest.approx(2 / 3)
    assert report.relaxed_f1 == pytest.approx(2 / 3)
    # type: both relaxed matches are DATE = DATE → 2/3; value: only Monday → 1/3
    assert report.type_f1 == pytest.approx(2 / 3)
    assert report.value_f1 == pytest.approx(1 / 3)
    assert report.mod_accuracy == pytest.approx(1.0)


def test_scorer_f1_with_unequal_precision_and_recall() -> None:
    doc = gold_doc()
    report = score([(doc, fake_predictions(doc.text)[:1])])
    # one prediction, exact and right: P = 1, R = 1/3, F1 = 2·1·(1/3)/(4/3) = 1/2
    assert report.strict_precision == 1.0
    assert report.strict_recall == pytest.approx(1 / 3)
    assert report.strict_f1 == pytest.approx(0.5)
    assert report.value_f1 == pytest.approx(0.5)


def test_scorer_errors_name_kind_document_and_context() -> None:
    doc = gold_doc()
    report = score([(doc, fake_predictions(doc.text))])
    kinds = sorted((e.kind, e.gold_text, e.pred_text) for e in report.errors)
    assert kinds == [
        ("missed", "every day", None),
        ("spurious", None, "the firm"),
        ("wrong span", "last week", "said last week"),
        ("wrong value", "last week", "said last week"),
    ]
    wrong_value = next(e for e in report.errors if e.kind == "wrong value")
    got = (wrong_value.doc_id, wrong_value.gold_value, wrong_value.pred_value)
    assert got == ("DOC1", "1998-W31", "1998-W32")
    assert "[said last week]" in wrong_value.context
    assert "\n" not in wrong_value.context


def test_matching_is_one_to_one_and_prefers_largest_overlap() -> None:
    text = "from January to March 1990"
    gold = (
        GoldTimex(5, 12, "January", "DATE", "1990-01"),
        GoldTimex(16, 26, "March 1990", "DATE", "1990-03"),
    )
    doc = GoldDocument("D", date(1990, 6, 1), text, gold)
    # One long prediction overlaps both gold timexes; it may match only one (March 1990: 10 chars > 3).
    report = score([(doc, [Timex(9, 26, text[9:26], "DATE", "1990-03")])])
    assert report.relaxed.matched == 1
    assert report.value.matched == 1
    assert [(e.kind, e.gold_text) for e in report.errors if e.kind == "missed"] == [("missed", "January")]
    # Two identical predictions of one gold span: one matches, the other is spurious.
    twice = [Timex(5, 12, "January", "DATE", "1990-01")] * 2
    report = score([(doc, twice)])
    assert (report.strict.matched, report.strict_precision, report.strict_recall) == (1, 0.5, 0.5)


def test_exact_span_wins_a_tie_and_touching_spans_do_not_overlap() -> None:
    text = "from January to March 1990"
    doc = GoldDocument("D", date(1990, 6, 1), text, (GoldTimex(5, 12, "January", "DATE", "1990-01"),))
    # Both overlap all 7 characters of "January"; the exact one must be the match.
    wide = Timex(0, 12, text[0:12], "DATE", "1990-01")
    exact = Timex(5, 12, "January", "DATE", "1990-01")
    report = score([(doc, [wide, exact])])
    assert (report.strict.matched, report.relaxed.matched) == (1, 1)
    assert [(e.kind, e.pred_text) for e in report.errors] == [("spurious", "from January")]
    # "from " ends where "January" starts and " to" starts where it ends: no overlap, no match.
    touching = [Timex(0, 5, "from ", "DATE", "1990-01"), Timex(12, 15, " to", "DATE", "1990-01")]
    report = score([(doc, touching)])
    assert report.relaxed.matched == 0
    assert sorted(e.kind for e in report.errors) == ["missed", "spurious", "spurious"]


def test_empty_predictions_score_zero_without_dividing_by_zero() -> None:
    report = evaluate([gold_doc()], tagger=lambda text, published: [])
    assert (report.strict_f1, report.relaxed_f1, report.type_f1, report.value_f1) == (0.0, 0.0, 0.0, 0.0)
    assert [e.kind for e in report.errors] == ["missed"] * 3


def test_format_report_table_and_verbose_lines() -> None:
    doc = gold_doc()
    report: Report = score([(doc, fake_predictions(doc.text))])
    table = format_report(report)
    assert "0.3333" in table and "0.6667" in table
    assert "wrong value" not in table
    verbose = format_report(report, verbose=True)
    lines = verbose.splitlines()
    wrong = [line for line in lines if line.startswith("wrong value")]
    assert len(wrong) == 1
    assert "DOC1" in wrong[0] and '"last week"' in wrong[0]
    assert "gold DATE 1998-W31" in wrong[0] and "got" in wrong[0] and "1998-W32" in wrong[0]
    order = [next(i for i, line in enumerate(lines) if line.startswith(k)) for k in ("missed", "spurious")]
    assert order == sorted(order)


def test_report_to_dict_is_json_ready() -> None:
    doc = gold_doc()
    data = report_to_dict(score([(doc, fake_predictions(doc.text))]))
    round_trip = json.loads(json.dumps(data))
    assert round_trip["value"]["f1"] == pytest.approx(1 / 3)
    assert round_trip["strict"]["matched"] == 1
    assert {e["kind"] for e in round_trip["errors"]} == {"missed", "spurious", "wrong span", "wrong value"}
