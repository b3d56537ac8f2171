"""Exports: TimelineJS 3 JSON, Markwhen, Mermaid, the embeddable HTML fragment (timeline.exports,
templates/). Their round trip through the real tools is in tests/test_browser.py."""

from __future__ import annotations

import io
import json
import re
from dataclasses import replace
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest
from markupsafe import escape
from test_render import ARTICLE, EVENTS, HOSTILE, _event, sample_timeline

from timeline import meta, render
from timeline.chronology import Timeline
from timeline.cli import main
from timeline.exports import DatePoint, event_span, markwhen_dates, markwhen_text, mermaid_text, when_text
from timeline.output import written_by_timeline


@pytest.fixture(autouse=True)
def _pinned_generator(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(meta, "GENERATOR", render.Generator("timeline", "0.0.0"))


# --- dates as precise as the text ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "first", "last"),
    [
        ("2026-01-30", DatePoint(2026, 1, 30), None),
        ("2025-11", DatePoint(2025, 11), None),
        ("2025", DatePoint(2025), None),
        ("199", DatePoint(1990), DatePoint(1999)),
        ("19", DatePoint(1900), DatePoint(1999)),
        ("2025-Q3", DatePoint(2025, 7), DatePoint(2025, 9)),
        ("2025-H1", DatePoint(2025, 1), DatePoint(2025, 6)),
        ("2025-WI", DatePoint(2025, 12), DatePoint(2026, 2)),
        ("2026-W04", DatePoint(2026, 1, 19), DatePoint(2026, 1, 25)),
        ("2026-W05-WE", DatePoint(2026, 1, 31), DatePoint(2026, 2, 1)),
        ("2026-01-26TNI", DatePoint(2026, 1, 26), None),
        ("2026-01-30T15:00", DatePoint(2026, 1, 30, 15, 0), None),
    ],
)
def test_event_span_is_as_precise_as_the_date(value: str, first: DatePoint, last: DatePoint | None) -> None:
    assert event_span(_event(1, f"It happened {value}.", value, value)) == (first, last)


def test_event_span_of_intervals() -> None:
    ranged = EVENTS[1]  # "From 2009 to 2010"
    assert event_span(ranged) == (DatePoint(2009), DatePoint(2010))
    ongoing = EVENTS[3]  # since last November, to the day before `end`
    assert event_span(ongoing) == (DatePoint(2025, 11), DatePoint(2026, 1, 29))
    times = _event(9, "From 3 p.m. to 5 p.m. it rained.", "3 p.m.", "2026-01-30T15:00", until="2026-01-30T17:00")
    assert event_span(times) == (DatePoint(2026, 1, 30, 15, 0), DatePoint(2026, 1, 30, 17, 0))


def test_a_phase_of_a_century_or_decade_exports_as_the_span_it_names(tmp_path: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    """"the late 19th century" is no claim about 1866: Markwhen and TimelineJS get the century (the
    phrase stays the TimelineJS display date), "the early 1970s" the decade; whole spans stay spans."""
    article = tmp_path / "coarse.txt"
    article.write_text("The mill was built in the late 19th century.\n\nThe line opened in the early 1970s.\n\n"
                       "The town grew in the 1990s.\n\nSales fell in the third quarter of 2025.\n", encoding="utf-8")
    assert main(["extract", str(article), "--published", "2026-01-31", "-f", "markwhen"]) == 0
    mw = capsys.readouterr().out
    for line in ("1800/1899: The mill", "1970/1979: The line", "1990/1999: The town", "2025-07/2025-09: Sales"):
        assert line in mw, mw
    assert main(["extract", str(article), "--published", "2026-01-31", "-f", "timelinejs"]) == 0
    slides = {s["display_date"]: s for s in json.loads(capsys.readouterr().out)["events"]}
    late = slides["the late 19th century"]
    assert (late["start_date"], late["end_date"]) == ({"year": 1800}, {"year": 1899})
    early = slides["the early 1970s"]
    assert (early["start_date"], early["end_date"]) == ({"year": 1970}, {"year": 1979})


def test_date_point_forms() -> None:
    assert DatePoint(2025).edtf() == "2025" and DatePoint(2025).short() == "2025"
    assert DatePoint(2025, 11).edtf() == "2025-11" and DatePoint(2025, 11).short() == "Nov 2025"
    p = DatePoint(2026, 1, 30, 15, 5)
    assert p.edtf() == "2026-01-30 15:05" and p.datetime() == "2026-01-30T15:05"
    assert p.short() == "30 Jan 2026, 15:05"
    assert p.timelinejs() == {"year": 2026, "month": 1, "day": 30, "hour": 15, "minute": 5}
    assert DatePoint(2025, 11).timelinejs() == {"year": 2025, "month": 11}


def test_when_text() -> None:
    assert [when_text(e) for e in EVENTS] == [
        "the 1990s", "2009 – 2010", "early 2025", "since November 2025 (ongoing)", "week 4 of 2026",
        "Friday 30 January 2026", "Friday 30 January 2026, 15:00",
    ]


# --- TimelineJS ---------------------------------------------------------------------------------


def test_timelinejs_format() -> None:
    data = json.loads(render.render(sample_timeline(), "timelinejs"))
    assert set(data) == {"title", "events", "generator"}
    assert data["title"]["text"]["headline"] == "River floods &lt;again&gt; &amp; again"  # TimelineJS reads HTML
    events = data["events"]
    assert [e["unique_id"] for e in events] == [e.id for e in EVENTS]
    assert [e["start_date"] for e in events] == [
        {"year": 1990}, {"year": 2009}, {"year": 2025}, {"year": 2025, "month": 11},
        {"year": 2026, "month": 1, "day": 19}, {"year": 2026, "month": 1, "day": 30},
        {"year": 2026, "month": 1, "day": 30, "hour": 15, "minute": 0},
    ]
    assert [e.get("end_date") for e in events] == [
        {"year": 1999}, {"year": 2010}, None, {"year": 2026, "month": 1, "day": 29},
        {"year": 2026, "month": 1, "day": 25}, None, None,
    ]
    assert [e["display_date"] for e in events] == [when_text(e) for e in EVENTS]
    assert {e["group"] for e in events} == {"River floods &amp;lt;again&amp;gt; &amp; again"}  # see _label
    hostile = events[3]["text"]
    assert "<script" not in hostile["text"] and "&lt;script&gt;" in hostile["text"]
    assert "<mark>last November</mark>" in hostile["text"]
    assert hostile["headline"].startswith("Since last November, *prices* | rose &lt;script&gt;")
    assert events[5]["text"]["headline"] == "On Friday (Jan 30) the storm hit A &amp; B."
    long = _event(8, "One two three four five six seven eight nine ten eleven twelve thirteen, 2025.", "2025", "2025")
    headline = json.loads(render.render(Timeline(sample_timeline().articles, (long,)), "timelinejs"))
    expected = "One two three four five six seven eight nine ten eleven twelve…"
    assert headline["events"][0]["text"]["headline"] == expected


def test_timelinejs_groups_by_article() -> None:
    from dataclasses import replace

    from test_render import ARTICLE

    other = replace(ARTICLE, id="b2", title="Second story")
    moved = replace(EVENTS[0], article="b2", id="b2-1")
    tl = Timeline(articles=(ARTICLE, other), events=(moved, *EVENTS[1:3]), title="Floods")
    data = json.loads(render.render(tl, "timelinejs"))
    title = "River floods &amp;lt;again&amp;gt; &amp; again"
    assert [e["group"] for e in data["events"]] == ["Second story", title, title]
    assert data["title"]["text"]["headline"] == "Floods"


# --- Markwhen -----------------------------------------------------------------------------------


def test_markwhen_layout() -> None:
    out = render.render(sample_timeline(), "markwhen")
    lines = out.splitlines()
    assert lines[:5] == ["---", 'title: "River floods <again> & again"', 'description: "Example News"',
                         "timezone: UTC", "---"]
    events = [line for line in lines if re.match(r"\d{4}", line)]
    assert [line.split(": ", 1)[0] for line in events] == [
        "1990/1999", "2009/2010", "2025", "2025-11/2026-01-29", "2026-01-19/2026-01-25", "2026-01-30",
        "2026-01-30 15:00",
    ]
    assert [markwhen_dates(e) for e in EVENTS] == [line.split(": ", 1)[0] for line in events]


def test_markwhen_text_is_inert() -> None:
    assert markwhen_text("a #tag and #12 and C#") == "a \uff03tag and #12 and C#"
    assert markwhen_text("fell 5% then !ref") == "fell 5\u2060% then \uff01ref"
    assert markwhen_text("two\nlines") == "two lines"


def test_markwhen_groups_articles_into_sections() -> None:
    from dataclasses import replace

    from test_render import ARTICLE

    other = replace(ARTICLE, id="b2", title="Second #story")
    tl = Timeline(articles=(ARTICLE, other), events=(replace(EVENTS[0], article="b2", id="b2-1"), EVENTS[2]))
    out = render.render(tl, "markwhen")
    assert "\n# River floods <again> & again\n2025: Prices fell in early 2025.\n" in out
    assert "\n# Second \uff03story\n1990/1999: The river last flooded in the 1990s.\n" in out


# --- Mermaid ------------------------------------------------------------------------------------


def test_mermaid_block() -> None:
    out = render.render(sample_timeline(), "mermaid")
    lines = out.splitlines()
    assert lines[0] == "```mermaid" and lines[-1] == "```"
    assert lines[1] == "%% generated by timeline" and lines[2] == "timeline"
    assert lines[3] == "    title River floods #60;again#62; #38; again"
    periods = [line for line in lines[4:-1] if not line.startswith("        :")]
    assert [p.split(" : ", 1)[0].strip() for p in periods] == [mermaid_text(when_text(e)) for e in EVENTS]
    for line in lines[4:-1]:  # one period and one event per line; no bare ":" "#" "%" left
        event = re.sub(r"#\d+;", "", line.split(" : ", 1)[1])
        assert not re.search(r"[:;%<>&`{}#]", event), line


def test_mermaid_groups_events_of_the_same_period() -> None:
    from dataclasses import replace

    twin = replace(EVENTS[5], id="a1-6b", text="Later on Friday (Jan 30) the river rose.")
    tl = Timeline(articles=sample_timeline().articles, events=(EVENTS[5], twin))
    lines = render.render(tl, "mermaid").splitlines()
    assert lines[4] == "    Friday 30 January 2026 : On Friday (Jan 30) the storm hit A #38; B."
    assert lines[5] == "        : Later on Friday (Jan 30) the river rose."


def test_mermaid_text() -> None:
    assert mermaid_text("Desk: 5% of #1; <b> & `x` {y}") == (
        "Desk#58; 5#37; of #35;1#59; #60;b#62; #38; #96;x#96; #123;y#125;")


# --- the embeddable fragment --------------------------------------------------------------------


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.classes: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.classes.append(dict(attrs).get("class") or "")


def test_fragment_is_the_timeline_alone_with_scoped_styles() -> None:
    out = render.render(sample_timeline(), "html-fragment")
    parser = _Tags()
    parser.feed(re.sub(r"<svg.*?</svg>", "", out, flags=re.S))  # an SVG's <title> is the drawing's
    assert not {"html", "head", "body", "meta", "title", "script", "link"} & set(parser.tags)
    assert parser.tags[0] == "section" and parser.classes[0] == "tl tl-embed"
    events = [c for t, c in zip(parser.tags, parser.classes, strict=True) if t == "li" and "event" in c.split()]
    assert parser.tags.count("ol") == 1 and len(events) == len(EVENTS)
    css = re.search(r"<style>(.*?)</style>", out, re.S)
    assert css is not None
    rules = re.sub(r"/\*.*?\*/", "", css.group(1), flags=re.S)
    selectors = [s.strip() for block in re.findall(r"([^{}]+)\{", rules) for s in block.split(",")]
    selectors = [s for s in selectors if s and not s.startswith("@")]
    assert selectors and all(s.startswith(".tl") for s in selectors), [s for s in selectors if not s.startswith(".tl")]
    assert ":root" not in rules and "body" not in rules
    assert "&lt;script&gt;" in out and "<script" not in out


def test_a_fragment_of_several_articles_lists_its_sources_after_the_timeline() -> None:
    """As on the combined page: a long list of sources above the events would push them down a
    phone's screen, so it comes after them under "Sources (N articles)"; one article keeps its line on top."""
    second = replace(ARTICLE, id="a2", title="Second report on the levee")
    out = render.render(Timeline(articles=(ARTICLE, second), events=EVENTS), "html-fragment")
    end_of_events = out.index("</ol>", out.index('<ol class="timeline"'))
    heading = re.search(r'<h3 id="tl-combined-sources">([^<]*)</h3>', out)
    assert heading is not None and heading.group(1) == "Sources (2 articles)", out
    assert heading.start() > end_of_events
    for article in (ARTICLE, second):
        cite = f"<cite dir=\"auto\">{escape(article.title)}</cite>"
        assert out.count(cite) == 1 and out.index(cite) > heading.start(), cite
    assert out.index('<ol class="timeline"') < out.index('class="article-meta"')
    single = render.render(sample_timeline(), "html-fragment")
    assert "Sources (" not in single and single.index('class="article-meta"') < single.index('<ol class="timeline"')


# --- the command line ---------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", render.FORMATS)
def test_extract_every_format(capsys: pytest.CaptureFixture[str], seed_path: Path, tmp_path: Path, fmt: str) -> None:
    assert main(["extract", str(seed_path), "-f", fmt]) == 0
    out = capsys.readouterr().out
    assert out.strip()
    target = tmp_path / f"out.{fmt}"
    assert main(["extract", str(seed_path), "-f", fmt, "-o", str(target)]) == 0
    assert target.read_text(encoding="utf-8") == out
    assert written_by_timeline(target), "our own output may be replaced without --force"
    assert main(["extract", str(seed_path), "-f", fmt, "-o", str(target)]) == 0
    if fmt == "csv":
        rows = pd.read_csv(io.StringIO(out))
        assert len(rows) == 7 and list(rows["anchor"]).count("publication") == 1  # six dated events and the lead
        assert set(rows["status"]) == {"reported", "ongoing"}


def test_extract_rejects_unknown_format(capsys: pytest.CaptureFixture[str], seed_path: Path) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["extract", str(seed_path), "-f", "pdf"])
    assert exc.value.code == 2 and "pdf" in capsys.readouterr().err


def test_hostile_text_everywhere() -> None:
    tl = sample_timeline()
    assert HOSTILE in json.loads(render.render(tl, "json"))["events"][3]["text"]
    for fmt in ("html", "html-fragment"):
        assert "<script>" not in render.render(tl, fmt)
    assert date(2026, 1, 30).isoformat() in render.render(tl, "markwhen")


def test_every_csv_is_utf8_without_a_byte_order_mark(tmp_path: Path) -> None:
    """The README says so (and how to open such a file in Excel): the events table, an article's
    CSV and the story's CSV are UTF-8, with no byte-order mark, whatever the script of the text."""
    from timeline.cli import main

    text = "São Paulo — the council of Zürich met on 3 March 2025. مجلس المدينة اجتمع.\n"
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(text, encoding="utf-8")
    outputs = {
        "events": (["events", str(tmp_path / "a.txt"), "--published", "2025-03-05", "-q"], "events.csv"),
        "extract": (["extract", str(tmp_path / "a.txt"), "--published", "2025-03-05", "-f", "csv"], "article.csv"),
        "story": (["story", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--published", "2025-03-05", "-q",
                   "-f", "csv"], "story.csv"),
    }
    for command, (args, name) in outputs.items():
        out = tmp_path / name
        assert main([*args, "-o", str(out)]) == 0, command
        data = out.read_bytes()
        assert not data.startswith(b"\xef\xbb\xbf"), command
        assert "Zürich" in data.decode("utf-8"), command


# --- a clock range within one day names its day once ---------------------------------------------


@pytest.mark.parametrize("fmt", ["md", "html", "html-fragment", "mermaid", "timelinejs"])
def test_a_same_day_clock_range_names_its_day_once(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                   fmt: str) -> None:
    """"Friday 30 January 2026, 09:00–17:00", not "..., 09:00 – Friday 30 January 2026, 17:00";
    a range across days keeps both days."""
    src = tmp_path / "open.txt"
    src.write_text("Open day\n\nThe office was open on Friday 30 January 2026 from 09:00 to 17:00, the manager "
                   "said.\n\nOn Friday 30 January 2026 the shift ran from 10 p.m. to 6 a.m., he said.\n",
                   encoding="utf-8")
    assert main(["extract", str(src), "--published", "2026-02-02", "-f", fmt]) == 0
    out = capsys.readouterr().out.replace("#58;", ":")  # (Mermaid writes a colon so)
    assert "Friday 30 January 2026, 09:00\u201317:00" in out
    assert "09:00 \u2013 Friday" not in out and "17:00 \u2013" not in out
    assert "Friday 30 January 2026, 22:00 \u2013 Saturday 31 January 2026, 06:00" in out
