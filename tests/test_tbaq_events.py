"""benchmarks/tbaq_events.py: the gold pairs it reads from TimeML links, and its score, on a small
TimeML file written for the test."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

_BENCH = Path(__file__).resolve().parent.parent / "benchmarks"

DOC = """<?xml version="1.0" ?>
<TimeML>
<DOCID>test</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-10-26" functionInDocument="CREATION_TIME">1998-10-26</TIMEX3></DCT>
<TEXT>
A sniper <EVENT eid="e1">killed</EVENT> the doctor on <TIMEX3 tid="t1" type="DATE" value="1998-10-23">Friday</TIMEX3>.
The police are <EVENT eid="e2" class="OCCURRENCE">searching</EVENT> the woods.
The clinic <EVENT eid="e3" class="OCCURRENCE">opened</EVENT> in <TIMEX3 tid="t2" type="DATE" value="1992">1992</TIMEX3>.
Officials <EVENT eid="e4" class="REPORTING">met</EVENT> <TIMEX3 tid="t3" type="DATE" value="PAST_REF">recently</TIMEX3>.
</TEXT>
<MAKEINSTANCE eventID="e1" eiid="ei1" tense="PAST" aspect="NONE" polarity="POS" pos="VERB"/>
<MAKEINSTANCE eventID="e2" eiid="ei2" tense="PAST" aspect="NONE" polarity="POS" pos="VERB"/>
<MAKEINSTANCE eventID="e3" eiid="ei3" tense="PAST" aspect="NONE" polarity="POS" pos="VERB"/>
<MAKEINSTANCE eventID="e4" eiid="ei4" tense="PAST" aspect="NONE" polarity="POS" pos="VERB"/>
<TLINK lid="l1" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t1"/>
<TLINK lid="l2" relType="IS_INCLUDED" eventInstanceID="ei2" relatedToTime="t0"/>
<TLINK lid="l3" relType="INCLUDES" timeID="t2" relatedToEventInstance="ei3"/>
<TLINK lid="l4" relType="IS_INCLUDED" eventInstanceID="ei4" relatedToTime="t3"/>
</TimeML>
"""


@pytest.fixture(scope="module")
def bench():
    saved = {n: sys.modules.get(n) for n in ("halves", "tbaq_events")}
    try:
        spec = importlib.util.spec_from_file_location("tbaq_events", _BENCH / "tbaq_events.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        yield module
    finally:
        for name, old in saved.items():
            if old is None:
                sys.modules.pop(name, None)
            else:
                sys.modules[name] = old


def test_links_to_calendar_dates_are_the_gold_pairs(bench, tmp_path: Path) -> None:
    path = tmp_path / "doc.tml"
    path.write_text(DOC, encoding="utf-8")
    text, dct, pairs = bench.gold_pairs(path)
    assert dct == "1998-10-26"
    # "recently" (PAST_REF) is no calendar date; a time that INCLUDES an event counts as the event in it
    assert [(text[s:e], value) for s, e, _word, value, _at in pairs] == [
        ("killed", "1998-10-23"), ("searching", "1998-10-26"), ("opened", "1992")]
    at = {text[s:e]: where for s, e, _word, _value, where in pairs}
    assert at["searching"] == -1 and text[at["killed"]:].startswith("Friday")


def test_the_score_counts_each_link_where_its_date_is(bench, tmp_path: Path, capsys) -> None:
    (tmp_path / "doc.tml").write_text(DOC, encoding="utf-8")
    assert bench.main(["--corpus", str(tmp_path)]) == 0
    last = capsys.readouterr().out.strip().splitlines()[-1]
    # three gold events: two dated in their sentence (Friday, 1992), one at the creation date
    assert last.startswith("all: 3 gold events; clause 1.000")
    assert "by a date in the sentence 1.000 of 2" in last and "the creation date 1.000 of 1" in last
