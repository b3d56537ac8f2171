"""Events and chronology: the seed article's timeline, intervals, clauses and ordering."""

from __future__ import annotations

from datetime import date

import pytest

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


@pytest.mark.parametrize("sentence", [
    "A curfew ran from 10pm Friday 30 January 2026 to 6am.",
    "A curfew ran 10pm-6am on Friday 30 January 2026.",
])
def test_clock_range_past_midnight_on_a_named_day_is_one_interval(sentence: str) -> None:
    tl = timeline.extract("Curfew news\n" + sentence, "2026-01-31")
    (e,) = [e for e in tl.events if e.phrase]
    assert (e.date, e.until) == ("2026-01-30T22:00", "2026-01-31T06:00")


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


# --- one event, reported by several articles or twice in one ---------------------------------------


def _reports(*texts: str, published: str = "2011-10-20") -> list[timeline.Event]:
    """The combined timeline of one article per text (ids a, b, c, ...)."""
    articles = [make_article(t, name=f"{chr(97 + i)}.txt", published=published) for i, t in enumerate(texts)]
    return list(timeline.timeline_of(articles, undated="none").events)


def test_a_month_and_a_day_of_one_event_are_one_event_dated_by_the_day() -> None:
    (e,) = _reports("Apple released the iPhone 4S in October.", "Apple released the iPhone 4S on October 14.")
    assert (e.date, e.phrase, e.article, e.sources) == ("2011-10-14", "October 14", "b", ("a", "b"))
    assert len(e.reports) == 2 and e.reports[1] == e.id  # each source's own report, in the order of sources


def test_two_different_events_in_one_month_stay_two() -> None:
    events = _reports("Apple released iOS 5 in October.", "Apple released the iPhone 4S on October 14.")
    assert [(e.date, e.sources) for e in events] == [("2011-10", ("a",)), ("2011-10-14", ("b",))]


def test_reports_whose_figures_differ_stay_two() -> None:
    events = _reports("Police arrested 5 people on Friday.", "Police arrested 7 people on Friday.")
    assert len(events) == 2


def test_dates_that_do_not_nest_stay_two() -> None:
    events = _reports("Apple released the iPhone 4S on October 14.", "Apple released the iPhone 4S on October 4.")
    assert len(events) == 2


def test_two_mentions_in_one_article_are_one_event() -> None:
    text = ("The plant closed in March 2024. Its 300 workers lost their jobs in 2024. "
            "The plant closed on March 5, 2024, the union said.")
    tl = timeline.extract(text, "2026-01-31", undated="none")
    assert [(e.date, e.phrase) for e in tl.events] == [("2024", "2024"), ("2024-03-05", "March 5, 2024")]
    assert tl.events[1].sources == ("article",) and tl.events[1].reports == (tl.events[1].id,)


def test_two_clauses_of_one_sentence_are_never_merged() -> None:
    tl = timeline.extract("Police arrived on Friday, and police arrived again on Friday night.", "2026-01-31")
    assert len(tl.events) == 2


def test_a_sentence_repeated_thousands_of_times_is_one_event_in_linear_time(monkeypatch: pytest.MonkeyPatch) -> None:
    import timeline.chronology as chronology

    calls = 0
    nested = chronology._nested

    def counted(a: timeline.Event, b: timeline.Event) -> bool:
        nonlocal calls
        calls += 1
        return nested(a, b)

    monkeypatch.setattr(chronology, "_nested", counted)  # one call per pair of events compared
    article = make_article("Updated on 5 May 2025. " * 8000, name="r.txt", published="2026-01-31")
    events = find_events(article, undated="none")
    assert len(events) == 8000 and len(chronology.merge_reports(events)) == 1
    assert calls == 0  # every repeat is found by its exact key
    distinct = make_article(" ".join(f"Store {i} opened on 5 May 2025 in town{i}." for i in range(3000)),
                            name="d.txt", published="2026-01-31")
    events = find_events(distinct, undated="none")
    assert len(chronology.merge_reports(events)) == 3000
    # candidates come from the rare-word index, a few per word, never from every pair
    assert calls <= 3 * chronology.MAX_CANDIDATES * len(events)


def test_a_modifier_shapes_the_interval_used_for_order() -> None:
    """"late 2025" starts in September: it sorts after March 2025, "early 2025" before it, and
    the event's start and end say so in every output."""
    text = "The plant will close in late 2025. Its owner was sold in March 2025. Workers struck in early 2025."
    tl = timeline.extract(text, "2026-01-31", undated="none")
    assert [(e.phrase, e.start.isoformat(), e.end.isoformat()) for e in tl.events] == [
        ("early 2025", "2025-01-01", "2025-05-01"),
        ("March 2025", "2025-03-01", "2025-04-01"),
        ("late 2025", "2025-09-01", "2026-01-01"),
    ]
    assert tl.events[2].to_dict()["start"] == "2025-09-01"


def test_a_forecast_in_a_quote_is_an_expected_event_of_its_own() -> None:
    """The close of a quotation ends a clause: the day it was said and the day it forecasts are
    two events of the sentence, the forecast expected."""
    text = 'The minister toured the town.\n"We will rebuild by next summer," the minister said on Tuesday.'
    tl = timeline.extract(text, "2026-01-29", undated="none")
    assert sorted((e.phrase, e.date, e.status) for e in tl.events) == [
        ("Tuesday", "2026-01-27", "reported"),
        ("next summer", "2026-SU", "expected"),
    ]


def test_an_expected_sentence_at_the_publication_date_is_not_labelled_reported() -> None:
    """An undated forecast is dated by the publication, "as of" it: never "reported ... (expected)"."""
    from timeline.filters import when_text

    tl = timeline.extract("The mayor opened the bridge. The mayor will resign.", "2024-05-23", undated="all")
    by_text = {e.text: e for e in tl.events}
    assert when_text(by_text["The mayor will resign."]) == "as of Thursday 23 May 2024 (expected)"
    assert when_text(by_text["The mayor opened the bridge."]) == "reported Thursday 23 May 2024"
    from timeline.render import render

    html = render(tl, "html")
    assert html.count('<span class="anchor">as of</span>') == 1
    assert html.count('<span class="anchor">reported</span>') == 1


@pytest.mark.parametrize(("text", "sentence", "expected"), [
    # a forecast reported in the past: the forecast, and the report at the publication date ...
    ("He announced that the line would open in 2027.", 0,
     [("2026-01-31", "publication", "reported"), ("2027", "phrase", "expected")]),
    # ... or at the day the story reports
    ("Apple announced its results on Friday. Its chief said that sales would double next year.", 1,
     [("2026-01-30", "narrative", "reported"), ("2027", "phrase", "expected")]),
    # a past told as what someone said ("said that"): the report too, at the day the story reports
    ("Apple announced its results on Friday. Its chief said that the company sold 13 million phones last year.", 1,
     [("2025", "phrase", "reported"), ("2026-01-30", "narrative", "reported")]),
    # a claim made now about another time
    ("The union claims that the company broke an agreement reached in 2019.", 0,
     [("2019", "phrase", "reported"), ("2026-01-31", "publication", "reported")]),
    # a report with a day of its own, a past date told in the past without "that": nothing more
    ('"We will rebuild by next summer," the minister said on Tuesday.', 0,
     [("2026-01-27", "phrase", "reported"), ("2026-SU", "phrase", "expected")]),
    ("The union said the strike ended in 2019.", 0, [("2019", "phrase", "reported")]),
])
def test_undated_all_also_dates_the_report_of_a_forecast_or_a_claim(
        text: str, sentence: int, expected: list[tuple[str, str, str]]) -> None:
    events = find_events(make_article(text, name="t.txt", published="2026-01-31"), undated="all")
    assert sorted((e.date, e.anchor, e.status) for e in events if e.sentence == sentence) == expected
    with_none = find_events(make_article(text, name="t.txt", published="2026-01-31"), undated="none")
    assert all(e.anchor == "phrase" for e in with_none)


def test_a_quotation_over_several_sentences_keeps_the_day_of_its_saying_within_its_paragraph() -> None:
    """The rest of a quotation is the same saying (curly or straight quotes), at the day said
    before the quotation; a new paragraph, or a closed quotation, ends it."""
    text = ("The plant closed in 2019. The minister said on Tuesday: \u201cWe will not forget. "
            "The workers are the heart of this town.\u201d The town is quiet.\n\n"
            'The mayor spoke on Wednesday: "We are proud.\n\n'
            'The town is strong."')
    tl = timeline.extract(text, "2026-01-31", undated="all")
    by_text = {e.text: (e.date, e.anchor) for e in tl.events if e.anchor != "phrase"}
    assert by_text["The workers are the heart of this town.\u201d"] == ("2026-01-27", "narrative")
    assert by_text["The town is quiet."] == ("2026-01-31", "publication")
    assert by_text['The town is strong."'] == ("2026-01-31", "publication")


def test_a_quotation_over_several_paragraphs_reopened_at_each_goes_on_with_its_saying() -> None:
    """News style: a quotation that runs over paragraphs leaves each open and reopens the next
    with a quotation mark; it is still the one saying."""
    text = ('The plant closed in 2019.\n\nThe minister said on Tuesday: "We will not forget the workers.\n\n'
            '"They are the heart of this town."\n\nThe town is quiet.')
    tl = timeline.extract(text, "2026-01-31", undated="all")
    by_text = {e.text: (e.date, e.anchor) for e in tl.events if e.anchor != "phrase"}
    assert by_text['"They are the heart of this town."'] == ("2026-01-27", "narrative")
    assert by_text["The town is quiet."] == ("2026-01-31", "publication")


@pytest.mark.parametrize("stamp", [
    "NEW YORK | Tue Jul 6, 2010 5:28 am EDT NEW YORK (Reuters) - ",
    "NEW YORK | Tue Jul 6, 2010 5:28 am EDT NEW YORK -LRB- Reuters -RRB- - ",
    "Rig owner sued By Jo Lee NEW YORK | Tue Jul 6, 2010 10:19 pm BST NEW YORK (Reuters) - ",
])
def test_a_wire_pages_time_stamp_is_its_dateline_and_dates_no_event(stamp: str) -> None:
    """"PLACE | Tue Jul 6, 2010 5:28 am EDT PLACE (Reuters) -": the page's time stamp restates the
    publication date; its clock time does not date the lead."""
    tl = timeline.extract(stamp + "The administration may succeed in pushing through its drilling ban.", "2010-07-06")
    assert [(e.date, e.anchor) for e in tl.events] == [("2010-07-06", "publication")]


@pytest.mark.parametrize("stamp", [
    "June 3 | Thu Jun 3, 2010 9:10 am EDT June 3 (Reuters) - ",  # a date where the place should be
    "CHREY THOM, Cambodia | Mon May 18, 2009 11:51 am EDT CHREY THOM, Cambodia (Reuters Life!)\n",
])
def test_a_time_stamp_before_an_odd_dateline_dates_no_event(stamp: str) -> None:
    text = "A caption.\n" + stamp + "The administration may succeed in pushing through its drilling ban."
    tl = timeline.extract(text, "2010-06-03")
    assert all("T" not in e.date for e in tl.events)


_KANO = "Gunmen killed three people in Kano on January 6. The governor visited the city. "


@pytest.mark.parametrize(("text", "sentence", "expected"), [
    # the subject names the event an earlier sentence dated: its day
    (_KANO + "The shooting was the third in the city.", 2, ("2026-01-06", "narrative")),
    (_KANO + "The fatal shooting shocked the city.", 2, ("2026-01-06", "narrative")),
    # an event after publication, told in the future
    ("Leaders will meet at a summit in Geneva on March 3. Aides are busy. The summit will take place at the UN.", 2,
     ("2026-03-03", "narrative")),
    # not: an indefinite noun ("a shooting" is another one)
    (_KANO + "A shooting was reported in the city.", 2, ("2026-01-31", "publication")),
    # not: another event of that kind ("the next shooting")
    (_KANO + "The next shooting was reported in the city.", 2, ("2026-01-31", "publication")),
    # not: no earlier sentence dated an event of that kind
    (_KANO + "The vote was close.", 2, ("2026-01-31", "publication")),
    # not: what follows from a past event, told in the future
    (_KANO + "The shooting will set back the peace talks.", 2, ("2026-01-31", "publication")),
    # not: the noun somewhere in the sentence, not its subject (the sentence tells of the comment)
    (_KANO + "Officials did not comment on the shooting.", 2, ("2026-01-31", "publication")),
    # not: an antecedent after the sentence
    ("The governor visited the city. The shooting was the third in the city. "
     "Gunmen killed three people in Kano on January 6.", 1, ("2026-01-31", "publication")),
])
def test_an_undated_sentence_whose_subject_is_an_event_dated_before_takes_its_day(
        text: str, sentence: int, expected: tuple[str, str]) -> None:
    """Event coreference: "The shooting was ..." is the killing an earlier sentence dated."""
    events = find_events(make_article(text, name="t.txt", published="2026-01-31"), undated="all")
    assert [(e.date, e.anchor) for e in events if e.sentence == sentence] == [expected]


def test_event_coreference_stays_within_its_article() -> None:
    """A noun of the second article does not refer to an event the first dated."""
    first = make_article(_KANO, name="a.txt", published="2026-01-31")
    second = make_article("The governor visited the city. The shooting was the third in the city.",
                          name="b.txt", published="2026-01-31")
    tl = timeline.timeline_of([first, second], undated="all")
    shooting = [e for e in tl.events if e.text.startswith("The shooting")]
    assert [(e.date, e.anchor) for e in shooting] == [("2026-01-31", "publication")]


@pytest.mark.parametrize("text", ["The floods were as deadly back then as they are today.",
                                  "Nobody knows how we got to where we are now.",
                                  "Paper maps are rarer than they are nowadays in the archive."])
def test_the_present_after_a_copula_is_a_state_not_an_arrangement(text: str) -> None:
    """"The vote is on Sunday" is arranged, yet to come (expected); "as they are today" is the
    present as it stands: reported, not expected."""
    tl = timeline.extract(text, "2010-01-19")
    assert [e.status for e in tl.events] == ["reported"]
    assert [e.status for e in timeline.extract("The vote is on Sunday.", "2010-01-19").events] == ["expected"]
