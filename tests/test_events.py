"""Events and chronology: the seed article's timeline, intervals, clauses and ordering."""

from __future__ import annotations

from datetime import date

import timeline
from timeline.article import make_article
from timeline.chronology import build_timeline
from timeline.events import find_events

SEED_DATED = [
    ("2025", "last year"),
    ("2025-10", "last October"),
    ("2025-11", "last November"),
    ("2026-01-23", "January 23"),
    ("2026-01-28", "last Wednesday"),
    ("2026-01-30", "Friday (Jan 30)"),
]


def test_seed_timeline_dates_in_order(seed_body: str) -> None:
    tl = timeline.extract(seed_body, "2026-01-31", undated="none")
    got = [(e.date, e.phrase) for e in tl.events]
    assert got == SEED_DATED
    assert {e.anchor for e in tl.events} == {"phrase"}
    texts = [e.text for e in tl.events]
    assert "deaths in scam compounds last year" in texts[0]
    assert "policy he announced last October" in texts[1]
    assert "deployed police officers to Cambodia" in texts[2]
    assert "73 South Korean suspects were extradited" in texts[3]
    assert "136 suspects have been arrested" in texts[4]
    assert "post on his personal X account" in texts[5]


def test_seed_keeps_its_dated_events_and_gains_the_lead(seed_body: str) -> None:
    tl = timeline.extract(seed_body, "2026-01-31")  # the default: undated="lead"
    assert [(e.date, e.phrase) for e in tl.events] == [*SEED_DATED, ("2026-01-31", "")]
    lead = tl.events[-1]
    assert lead.text.startswith("BANGKOK: South Korean President Lee Jae-myung (pic) has escalated his warnings")
    assert (lead.anchor, lead.status, lead.label) == ("publication", "reported", "reported Saturday 31 January 2026")
    assert lead.offset == (0, 0) and lead.sentence == 0


def test_since_is_an_ongoing_interval(seed_body: str) -> None:
    tl = timeline.extract(seed_body, "2026-01-31")
    since = next(e for e in tl.events if e.date == "2025-11")
    assert since.ongoing and since.start == date(2025, 11, 1) and since.end == date(2026, 2, 1)
    assert since.label == "November 2025"


def test_json_fields(seed_body: str) -> None:
    tl = timeline.extract(seed_body, "2026-01-31")
    e = tl.events[-2].to_dict()
    assert e["date"] == "2026-01-30" and e["start"] == "2026-01-30" and e["end"] == "2026-01-31"
    assert e["granularity"] == "day" and e["label"] == "Friday 30 January 2026"
    start, end = e["offset"]
    assert seed_body[start:end] == "Friday (Jan 30)" == e["phrase"]
    assert (e["status"], e["anchor"], e["clause"], e["reference"], e["reference_date"]) == (
        "reported", "phrase", None, None, None)
    assert tl.to_dict()["articles"][0]["published"] == "2026-01-31"
    lead = tl.events[-1].to_dict()
    assert (lead["date"], lead["phrase"], lead["anchor"]) == ("2026-01-31", "", "publication")


def test_ids_are_stable_and_unique(seed_body: str) -> None:
    a = [e.id for e in timeline.extract(seed_body, "2026-01-31").events]
    b = [e.id for e in timeline.extract(seed_body, "2026-01-31").events]
    assert a == b and len(set(a)) == len(a)


def test_from_to_interval() -> None:
    tl = timeline.extract("He served as mayor from 2009 to 2010.", "2026-01-31")
    (e,) = tl.events
    assert (e.date, e.until, e.start, e.end) == ("2009", "2010", date(2009, 1, 1), date(2011, 1, 1))
    assert e.phrase == "2009 to 2010"


def _clause(e: timeline.Event) -> str | None:
    return e.text[e.clause[0]:e.clause[1]] if e.clause else None


def test_two_clauses_two_events_each_the_whole_sentence() -> None:
    text = "The storm hit on Monday, and the bridge reopened on Thursday."
    tl = timeline.extract(text, "2026-01-31")
    assert [(e.date, e.text, _clause(e)) for e in tl.events] == [
        ("2026-01-26", text, "The storm hit on Monday"),
        ("2026-01-29", text, "the bridge reopened on Thursday."),
    ]


def test_durations_sets_and_vague_words_do_not_date_events() -> None:
    text = "Talks lasted three weeks. They meet every Monday. Prices are rising now."
    assert timeline.extract(text, "2026-01-31", undated="none").events == ()
    (lead,) = timeline.extract(text, "2026-01-31").events
    assert (lead.text, lead.date, lead.phrase, lead.anchor) == ("Talks lasted three weeks.", "2026-01-31", "",
                                                                "publication")


def test_order_coarser_before_finer_then_source() -> None:
    text = "The plant opened on March 5, 2025. Sales rose in 2025. Output fell in March 2025."
    tl = timeline.extract(text, "2026-01-31")
    assert [e.date for e in tl.events] == ["2025", "2025-03", "2025-03-05"]


def test_merge_same_event_across_articles() -> None:
    a = make_article("Police arrested 136 suspects on Wednesday, officials said.", name="a.txt",
                     published="2026-01-31")
    b = make_article("Officials said police arrested 136 suspects on Wednesday.", name="b.txt",
                     published="2026-01-31")
    c = make_article("A court freed two suspects on Wednesday.", name="c.txt", published="2026-01-31")
    events = find_events(a) + find_events(b) + find_events(c)
    tl = build_timeline([a, b, c], events)
    assert len(tl.events) == 2
    merged = next(e for e in tl.events if "136" in e.text)
    assert merged.sources == ("a", "b")


def test_markdown_markup_removed_from_event_text() -> None:
    tl = timeline.extract("The **new law** took effect on [Monday](https://x.org).", "2026-01-31",
                          fmt="markdown")
    assert tl.events[0].text == "The new law took effect on Monday."


def test_until_and_after_do_not_break_a_clause() -> None:
    text = "Forecasters expect the rain to ease over the weekend, but water could keep rising until early October."
    tl = timeline.extract(text, "2026-09-18")
    assert [(e.date, _clause(e)) for e in tl.events] == [
        ("2026-W38-WE", "Forecasters expect the rain to ease over the weekend"),
        ("2026-10", "water could keep rising until early October."),
    ]
    assert {e.status for e in tl.events} == {"expected"}


def test_markdown_table_row_reads_as_text() -> None:
    text = "| Date | Event |\n|------|-------|\n| Jan 5 | Draft **leaked** |\n"
    tl = timeline.extract(text, "2026-03-02", fmt="markdown")
    assert [(e.date, e.text) for e in tl.events] == [("2026-01-05", "Jan 5 — Draft leaked")]
