"""The overview: geometry (timeline.overview) and how pages and `extract -f svg` draw it."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import replace
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

from timeline import calendar, render
from timeline.article import Article
from timeline.chronology import Timeline
from timeline.events import Event
from timeline.overview import BREAK_MIN_DAYS, TrackSpec, dividers, overview

ROOT = Path(__file__).resolve().parent.parent
SVG = "{http://www.w3.org/2000/svg}"


def ev(n: int, value: str, *, article: str = "a1", status: str = "reported", until: str | None = None,
       ongoing: bool = False, end: date | None = None, sources: tuple[str, ...] = ()) -> Event:
    start, stop, gran = calendar.interval(value)  # type: ignore[misc]
    if until:
        stop = calendar.interval(until)[1]  # type: ignore[index]
    return Event(id=f"{article}-{n}", article=article, sentence=n, text=f"Sentence {n} <b>&", phrase="",
                 offset=(0, 0), date=value, start=start, end=end or stop, granularity=gran,
                 label=calendar.label(value), until=until, ongoing=ongoing, status=status, sources=sources)


def marks_by_id(ov):  # type: ignore[no-untyped-def]
    return {m.target: m for m in ov.marks}


# --- geometry -------------------------------------------------------------------------------------


def test_scale_is_monotonic_across_segments_and_breaks() -> None:
    values = ["1976-05-02", "2026-01-20", "2026-01-23", "2026-01-23", "2026-01-27", "2026-01-30"]
    events = [ev(i, v) for i, v in enumerate(values)]
    ov = overview(events, published=date(2026, 1, 31))
    assert ov is not None
    xs = [marks_by_id(ov)[f"ev-a1-{i}"].x for i in range(len(values))]
    assert xs == sorted(xs) and xs[0] < xs[1] < xs[2] == xs[3] < xs[4] < xs[5]
    assert all(ov.plot_x0 <= x <= ov.plot_x1 for x in xs)
    assert ov.published_x is not None and xs[-1] < ov.published_x <= ov.plot_x1


def test_long_empty_stretch_is_a_break_and_the_story_keeps_its_room() -> None:
    events = [ev(0, "1976"), *(ev(i, f"2026-01-{20 + i}") for i in range(1, 6))]
    ov = overview(events, published=date(2026, 1, 31))
    assert ov is not None
    assert len(ov.breaks) == 1 and ov.breaks[0].label == "49 years"
    story = [marks_by_id(ov)[f"ev-a1-{i}"].x for i in range(1, 6)]
    assert all(b - a > 20 for a, b in zip(story, story[1:], strict=False))  # a day is not a pixel
    assert "49 years" in ov.description


def test_no_break_inside_a_month_or_between_yearly_events() -> None:
    days = overview([ev(i, f"2026-01-{d:02d}") for i, d in enumerate((1, 9, 28))])
    yearly = overview([ev(i, f"{2012 + i}-06-01") for i in range(9)])
    assert days is not None and yearly is not None
    assert days.breaks == () and yearly.breaks == ()
    assert len(days.segments) == len(yearly.segments) == 1


def test_ticks_suit_the_span() -> None:
    days = overview([ev(i, f"2026-01-{d:02d}") for i, d in enumerate((23, 25, 28))])
    months = overview([ev(0, "2025-03-01"), ev(1, "2025-11-20")])
    decades = overview([ev(i, str(y)) for i, y in enumerate(range(1950, 2021, 5))])
    assert days and months and decades
    assert {t.label for t in days.ticks} >= {"23", "25", "28"} and days.ticks[0].sub == "Jan 2026"
    assert {"Mar", "Jun", "Sep"} <= {t.label for t in months.ticks} and months.ticks[0].sub == "2025"
    labels = [int(t.label) for t in decades.ticks]
    steps = {b - a for a, b in zip(labels, labels[1:], strict=False)}
    assert len(steps) == 1 and steps.pop() in (5, 10, 20) and all(y % 5 == 0 for y in labels)
    xs = [t.x for t in decades.ticks]
    assert all(b - a >= 30 for a, b in zip(xs, xs[1:], strict=False))


def test_vertical_layout_runs_time_down_with_its_own_ids() -> None:
    events = [ev(0, "1976"), *(ev(i, f"2026-01-{20 + i}") for i in range(1, 4))]
    across = overview(events, published=date(2026, 1, 31))
    assert across is not None
    down = across.down
    assert down and down.vertical and not across.vertical and down.down is None
    assert down.height > down.width and across.width > across.height
    assert {m.id for m in down.marks} == {"ovv-" + m.target for m in down.marks}
    assert {m.id for m in across.marks} == {"ov-" + m.target for m in across.marks}
    xs = [m.x for m in down.marks]
    assert xs == sorted(xs) and len(down.breaks) == 1
    assert all(down.plot_x0 <= x <= down.plot_x1 <= down.height for x in xs)


def test_a_month_or_a_year_is_drawn_as_its_span() -> None:
    ov = overview([ev(0, "2025"), ev(1, "2025-03"), ev(2, "2025-03-10")])
    assert ov is not None
    year, month, day = (marks_by_id(ov)[f"ev-a1-{i}"] for i in range(3))
    assert (year.kind, month.kind, day.kind) == ("bar", "bar", "point")
    assert 9 < (year.x1 - year.x0) / (month.x1 - month.x0) < 14  # twelve months, give or take a day
    assert month.x0 < day.x < month.x1
    assert year.y != month.y  # stacked, not drawn over each other


def test_intervals_and_ongoing_periods_are_bars() -> None:
    published = date(2026, 1, 31)
    ranged = ev(0, "2009", until="2010")
    since = ev(1, "2025-11", ongoing=True, end=date(2026, 2, 1))
    ov = overview([ranged, since, ev(2, "2026-01-30")], published=published)
    assert ov is not None
    m = marks_by_id(ov)
    assert m["ev-a1-0"].kind == m["ev-a1-1"].kind == "bar" and m["ev-a1-1"].ongoing
    assert m["ev-a1-1"].x1 >= ov.published_x  # type: ignore[operator]


def test_expected_events_keep_their_status() -> None:
    ov = overview([ev(0, "2026-01-30"), ev(1, "2026-03", status="expected")], published=date(2026, 1, 31))
    assert ov is not None
    assert [m.status for m in ov.marks] == ["reported", "expected"]
    assert ov.marks[0].x < ov.published_x < ov.marks[1].x0  # type: ignore[operator]


def test_dense_days_stack_in_lanes() -> None:
    ov = overview([ev(i, "2026-01-30") for i in range(6)] + [ev(9, "2025-06-01")])
    assert ov is not None
    same = [m for m in ov.marks if m.target != "ev-a1-9"]
    assert len({m.y for m in same}) == 6 and len({m.x for m in same}) == 1
    assert ov.tracks[0].lanes == 6 and ov.height > overview([ev(0, "2026-01-30")]).height  # type: ignore[union-attr]


def test_bc_dates_are_placed_by_their_year() -> None:
    bc = replace(ev(0, "2026-01-01"), date="BC0490", start=None, end=None, granularity="year")  # type: ignore[arg-type]
    ov = overview([bc, ev(1, "2026-01-30")], published=date(2026, 1, 31))
    assert ov is not None
    assert len(ov.breaks) == 1 and "years" in ov.breaks[0].label
    assert marks_by_id(ov)["ev-a1-0"].x < marks_by_id(ov)["ev-a1-1"].x
    assert any(t.label.endswith(" BC") for t in ov.ticks)
    nothing = replace(ev(0, "2026-01-01"), date="PAST_REF", start=None, end=None)  # type: ignore[arg-type]
    assert overview([nothing]) is None


def test_tracks_one_row_per_source_with_shapes() -> None:
    shared = ev(3, "2026-01-29", sources=("a1", "b2"))
    events = [ev(1, "2026-01-20"), ev(2, "2026-01-22", article="b2"), shared]
    specs = [TrackSpec("First", frozenset({"a1"}), date(2026, 1, 30)),
             TrackSpec("Second", frozenset({"b2"}), date(2026, 1, 31))]
    ov = overview(events, tracks=specs)
    assert ov is not None
    assert [t.label for t in ov.tracks] == ["First", "Second"]
    assert len({t.shape for t in ov.tracks}) == 2 and ov.tracks[0].y < ov.tracks[1].y
    drawn = [(m.target, m.track, m.id) for m in ov.marks if m.target == "ev-a1-3"]
    assert sorted(t for _, t, _ in drawn) == [1, 2]
    assert sum(1 for *_, i in drawn if i) == 1  # one id per event
    assert all(t.published_x is not None for t in ov.tracks)


def test_an_editors_addition_has_a_track_of_its_own() -> None:
    """An event the editor added belongs to no article: it is drawn in a track of its own, with a
    shape and class no article has, not in the first article's row."""
    added = replace(ev(9, "2026-01-25", article=""), anchor="editor")
    events = [ev(1, "2026-01-20"), ev(2, "2026-01-22", article="b2"), added]
    specs = [TrackSpec("First", frozenset({"a1"})), TrackSpec("Second", frozenset({"b2"}))]
    ov = overview(events, tracks=specs)
    assert ov is not None
    assert [t.label for t in ov.tracks] == ["First", "Second", "added by the editor"]
    assert ov.tracks[2].key == "other" and ov.tracks[2].shape not in {t.shape for t in ov.tracks[:2]}
    (mark,) = [m for m in ov.marks if m.target == "ev--9"]
    assert mark.track == 3 and "tr-other" in mark.cls
    assert [t.key for t in ov.tracks[:2]] == ["1", "2"]
    html = render.render(Timeline((ART, ART2), tuple(events), "Both"), "html")
    legend = re.search(r'<ul class="overview-legend">(.*?)</ul>', html, re.S)
    assert legend and "added by the editor" in legend.group(1) and "tr-other" in legend.group(1)
    # one article: one row, nothing to add
    single = overview([ev(1, "2026-01-20"), added])
    assert single is not None and len(single.tracks) == 1


def test_dividers_years_gaps_and_publication() -> None:
    events = [ev(0, "2012"), ev(1, "2020-05-01"), ev(2, "2026-01-30"), ev(3, "2026-03", status="expected")]
    got = dividers(events, date(2026, 1, 31))
    assert [d.label for d in got["a1-0"]] == ["2012"]
    assert got["a1-1"][0].label == "2020" and got["a1-1"][0].gap == "7 years later"
    assert got["a1-2"][0].gap == "6 years later"
    assert [d.kind for d in got["a1-3"]] == ["published"]
    assert got["a1-3"][0].label == "published Saturday 31 January 2026"
    within = dividers([ev(0, "2026-01-02"), ev(1, "2026-01-20"), ev(2, "2026-03-01")], None)
    assert [d.label for ds in within.values() for d in ds] == ["January 2026", "March 2026"]
    assert BREAK_MIN_DAYS == 365


def test_a_divider_shows_a_coarse_date_as_its_span_not_a_year_picked_from_it() -> None:
    late = replace(ev(0, "18"), mod="END", start=calendar.interval("18", "END")[0])  # type: ignore[index]
    events = [late, ev(1, "1870"), ev(2, "199"), ev(3, "1995-03-02"), ev(4, "2010")]
    got = dividers(events, None)
    assert [d.label for ds in got.values() for d in ds] == ["19th century", "1870", "1990s", "1995", "2010"]
    # within one year, a date coarser than a month shows as itself, not as its first month
    within = dividers([ev(0, "2026"), ev(1, "2026-Q1"), ev(2, "2026-01-20"), ev(3, "2026-SU"), ev(4, "2026-07-03")],
                      None)
    assert [d.label for ds in within.values() for d in ds] == [
        "2026", "Q1 2026", "January 2026", "summer 2026", "July 2026"]


# --- pages ----------------------------------------------------------------------------------------


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []
        self.links: list[tuple[str, str, str]] = []  # (href, class of the <a>, id of the enclosing entry)
        self.entry = ""
        self.entries: list[str] = []
        self.dividers = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.ids.append(str(a["id"]))
        classes = (a.get("class") or "").split()
        if tag == "li" and "event" in classes:
            self.entry = str(a["id"])
            self.entries.append(self.entry)
        if tag == "li" and "divider" in classes:
            self.dividers += 1
            assert a.get("aria-hidden") == "true"
        if tag == "a" and a.get("href"):
            self.links.append((str(a["href"]), " ".join(classes), self.entry))


def _page(timeline: Timeline, fmt: str = "html") -> _Links:
    p = _Links()
    p.feed(render.render(timeline, fmt))
    return p


ART = Article("a1", "Floods", "Src", None, date(2026, 1, 31), "option", "")
ART2 = Article("b2", "Storm", "Other", None, date(2026, 1, 30), "option", "")


def test_marks_link_to_entries_and_entries_back_to_marks() -> None:
    events = (ev(0, "1976"), ev(1, "2025-11", ongoing=True, end=date(2026, 2, 1)), ev(2, "2026-01-30"),
              ev(3, "2026-01-30"), ev(4, "2026-03", status="expected"))
    for fmt in ("html", "html-fragment"):
        page = _page(Timeline((ART,), events), fmt)
        assert len(page.ids) == len(set(page.ids)), "duplicate ids"
        to_entries = [h[1:] for h, cls, _ in page.links if "mk" in cls.split()]
        assert set(to_entries) == set(page.entries) and len(page.entries) == len(events)
        assert len(to_entries) == 2 * len(events)  # a mark in each drawing
        for layout, prefix in (("ov-wide", "ov-ev-"), ("ov-narrow", "ovv-ev-")):  # time across; time down
            back = {entry: h[1:] for h, cls, entry in page.links if cls == f"ov-link {layout}"}
            assert set(back) == set(page.entries)
            assert all(target in page.ids and target == prefix + entry[3:] for entry, target in back.items())
        assert page.dividers >= 3  # 1976, 2025 (49 years later), 2026, published


def test_combined_page_has_a_track_per_article_and_a_legend() -> None:
    events = (ev(1, "2026-01-20"), ev(2, "2026-01-22", article="b2"), ev(3, "2026-01-29", sources=("a1", "b2")))
    html = render.render(Timeline((ART, ART2), events, "Both"), "html")
    assert html.count('class="ov-row"') == 4  # two tracks, in each of the two drawings
    legend = re.search(r'<ul class="overview-legend">(.*?)</ul>', html, re.S)
    assert legend and "Floods" in legend.group(1) and "Storm" in legend.group(1)
    page = _Links()
    page.feed(html)
    assert len(page.ids) == len(set(page.ids))


def test_overview_escapes_text() -> None:
    html = render.render(Timeline((ART,), (ev(0, "2026-01-30"),)), "html")
    svg = re.search(r"<svg.*?</svg>", html, re.S)
    assert svg and "Sentence 0 &lt;b&gt;&amp;" in svg.group(0) and "<b>" not in svg.group(0)


def test_extract_svg_is_standalone_svg() -> None:
    out = subprocess.run([sys.executable, "-m", "timeline.cli", "extract", str(ROOT / "seeds/000_3b01959ef49d4888.txt"),
                          "-f", "svg"], capture_output=True, text=True, check=True, cwd=ROOT).stdout
    root = ET.fromstring(out.encode())
    assert root.tag == SVG + "svg"
    assert root.find(SVG + "title") is not None and root.find(SVG + "desc") is not None
    hrefs = [v for el in root.iter() for k, v in el.attrib.items() if k.endswith("href")]
    assert hrefs == []
    assert not re.search(r"url\(|@import|https?://(?!www\.w3\.org/2000/svg)", out)
    assert "prefers-color-scheme: dark" in out
    assert len(root.findall(f".//{SVG}g[@class]")) >= 5  # marks


def test_svg_of_a_timeline_without_events_is_valid() -> None:
    out = render.render(Timeline((ART,), ()), "svg")
    assert ET.fromstring(out.encode()).tag == SVG + "svg"


# --- the story page (timeline story) --------------------------------------------------------------


def _dam_story(sources: tuple[str, ...] = ("wire", "wire", "wire", "herald")):  # type: ignore[no-untyped-def]
    from test_story import DAM, article

    from timeline.story import story

    results = [article(*a, source=s) for a, s in zip(DAM, sources, strict=True)]
    return story(results, dates=2, sentences=2, title="The dam")


def test_story_page_draws_its_key_days_linked_both_ways() -> None:
    st = _dam_story()
    page = _Links()
    page.feed(render.render_story(st, "html"))
    assert len(page.ids) == len(set(page.ids)), "duplicate ids"
    days = [i for i in page.ids if i.startswith("day-")]
    assert days == ["day-2026-03-03", "day-2026-03-09"]
    marks = [h[1:] for h, cls, _ in page.links if "mk" in cls.split()]
    assert sorted(set(marks)) == days
    back = [h[1:] for h, cls, _ in page.links if cls.startswith("ov-link")]
    assert sorted(back) == sorted(["ov-" + d for d in days] + ["ovv-" + d for d in days])
    assert all(b in page.ids for b in back)


def test_a_story_of_one_day_draws_no_overview() -> None:
    """All its marks would be on one day: on a phone, a tall strip of nothing (390 px wide, the
    time running down 550 px to the next day). The page lists the day without it."""
    from test_story import DAM, article

    from timeline.story import story

    one = story([article(*a, source="wire") for a in DAM], dates=1, sentences=2, title="The dam")
    assert len(one.dates) == 1
    page = render.render_story(one, "html")
    assert 'class="overview"' not in page and 'class="ov-link' not in page and 'id="day-' in page
    assert 'class="overview"' in render.render_story(_dam_story(), "html")


def test_story_tracks_are_its_sources() -> None:
    from timeline.overview import for_story

    ov = for_story(_dam_story())
    assert ov is not None and [t.label for t in ov.tracks] == ["herald", "wire"]
    assert {m.target: m.track for m in ov.marks} == {"day-2026-03-03": 2, "day-2026-03-09": 1}
    single = for_story(_dam_story(("wire",) * 4))
    assert single is not None and len(single.tracks) == 1


def test_story_svg_is_standalone_svg() -> None:
    out = render.render_story(_dam_story(), "svg")
    root = ET.fromstring(out.encode())
    assert root.tag == SVG + "svg" and "The dam" in root.findtext(SVG + "title", "")
    assert len(root.findall(f".//{SVG}g[@class]")) >= 2
    assert not [v for el in root.iter() for k, v in el.attrib.items() if k.endswith("href")]


def test_a_crowded_overview_titles_its_marks_by_date_only() -> None:
    from timeline import overview as module

    few = overview([ev(0, "2026-01-30")])
    many = overview([ev(i, "2026-01-30") for i in range(module.SHORT_TITLES + 1)])
    assert few and many
    assert few.marks[0].title == "Friday 30 January 2026: Sentence 0 <b>&"
    assert {m.title for m in many.marks} == {"Friday 30 January 2026"}


def _extent(t, text: str | None = None, char: float = 7.0) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """Where a 12 px tick label (or its second line, `text`) is drawn, at a width of `char` a
    character (digits are ~7 px)."""
    w = char * len(t.label if text is None else text)
    return {"start": (t.x, t.x + w), "end": (t.x - w, t.x)}.get(t.align, (t.x - w / 2, t.x + w / 2))


def _apart(spans: list[tuple[float, float]]) -> bool:
    return all(a[1] < b[0] for a, b in zip(spans, spans[1:], strict=False))


def test_tick_labels_never_overlap_even_at_the_ends() -> None:
    """A label moved inward at an end of the axis ("2010" ending at the edge) must not run into
    its neighbour ("20002010" on a page spanning 1866 to 2009)."""
    for first, last, pub in (("18", "2010", "2009-04-25"), ("1866", "2009-04-25", "2009-04-25"),
                             ("1901", "2026", "2026-01-31"), ("2019-12-30", "2026-01-31", "2026-01-31"),
                             ("2025-12-28", "2026-01-31", "2026-01-31")):
        ov = overview([ev(1, first), ev(2, last)], published=date.fromisoformat(pub))
        assert ov is not None
        spans = [_extent(t) for t in ov.ticks]
        subs = [_extent(t, t.sub) for t in ov.ticks if t.sub]
        labels = [t.label for t in ov.ticks]
        assert _apart(spans) and _apart(subs), (first, last, labels)  # each line of labels on its own
        assert min(a for a, _ in spans + subs) >= 0 and max(b for _, b in spans + subs) <= ov.width


def test_an_axis_of_days_names_each_month_it_crosses() -> None:
    """Day numbers alone ("28 29 30 2 3") do not say which month: the first tick and the first of
    each month keep their month and year under the number, even where a day's number gives way."""
    ov = overview([ev(1, "2010-04-20"), ev(2, "2010-05-11")], published=date(2010, 5, 11))
    assert ov is not None
    assert [t.sub for t in ov.ticks if t.sub] == ["Apr 2010", "May 2010"], [(t.label, t.sub) for t in ov.ticks]
    assert ov.ticks[0].day <= date(2010, 4, 21).toordinal()


def _uncrowded_by_rescanning(ticks: list) -> list:
    """The tick labels kept, worked out the slow way: every extent and the last tick with a second
    line found again at each comparison (what timeline.overview._uncrowded must agree with)."""
    from timeline.overview import TICK_CHAR, TICK_GAP

    def extent(t, text):  # noqa: ANN001, ANN202
        w = TICK_CHAR * len(text)
        return {"start": (t.x, t.x + w), "end": (t.x - w, t.x)}.get(t.align, (t.x - w / 2, t.x + w / 2))

    def clash(a, b):  # noqa: ANN001, ANN202
        if extent(a, a.label)[1] + TICK_GAP > extent(b, b.label)[0]:
            return True
        return bool(a.sub and b.sub) and extent(a, a.sub)[1] + TICK_GAP > extent(b, b.sub)[0]

    kept: list = []
    for t in ticks:
        while t.sub and kept and not kept[-1].sub and clash(kept[-1], t):
            kept.pop()
        last_sub = next((k for k in reversed(kept) if k.sub), None)
        if kept and (clash(kept[-1], t) or (last_sub is not None and clash(last_sub, t))):
            if kept[-1].align == "start" and len(kept) == 1 and not kept[-1].sub:
                kept[-1] = t
            continue
        kept.append(t)
    return kept


def test_crowded_tick_labels_are_chosen_as_by_rescanning_at_every_comparison() -> None:
    """The extents of a tick's labels are worked out once (build speed); the labels kept are the
    same as when they are worked out again at every comparison, over thousands of crowded axes."""
    import random

    from timeline.overview import Tick, _uncrowded

    rng = random.Random(16)
    for _ in range(3000):
        x, ticks = 14.0, []
        for i in range(rng.randint(1, 25)):
            x += rng.choice((2.0, 7.5, 15.0, 22.8, 31.0, 48.0))
            align = "start" if i == 0 and rng.random() < 0.5 else ("end" if rng.random() < 0.1 else "")
            sub = rng.choice(("", "", "Jan 2026", "2026", "Mar"))
            ticks.append(Tick(round(x, 1), rng.choice(("1", "14", "Sep", "2012", "500 BC")), sub, float(i), align))
        assert _uncrowded(list(ticks)) == _uncrowded_by_rescanning(list(ticks))
