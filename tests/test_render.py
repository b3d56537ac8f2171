"""Rendering a Timeline to HTML, Markdown, JSON and CSV (timeline.render, templates/).

Golden files in tests/golden/ hold the expected output for `sample_timeline()` in every format,
compared byte for byte. After a deliberate change to the templates or the renderer, refresh them with

    UPDATE_GOLDEN=1 /work/venv/bin/python -m pytest tests/test_render.py

and review the diff of tests/golden/ before committing. The generator version is pinned to
GOLDEN_GENERATOR in these tests so that a version bump does not change the golden files.
"""

from __future__ import annotations

import io
import json
import os
import re
from dataclasses import dataclass, field, replace
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest

from timeline import calendar, meta, render
from timeline.article import Article
from timeline.chronology import Timeline
from timeline.events import Event

GOLDEN = Path(__file__).parent / "golden"
GOLDEN_GENERATOR = render.Generator("timeline", "0.0.0")
URL = "https://news.example.org/2026/01/30/river-floods?ref=a&b=1"
HOSTILE = 'Since last November, *prices* | rose <script>alert("x")</script> & fell 5% [sic] _again_.'


def _event(
    n: int,
    text: str,
    phrase: str,
    value: str,
    *,
    mod: str | None = None,
    until: str | None = None,
    ongoing: bool = False,
    end: date | None = None,
    **extra: object,
) -> Event:
    """An event of article "a1" whose interval and label come from the calendar (`extra`: more
    Event fields: status, anchor, clause, label, ...)."""
    placed = calendar.interval(value)
    assert placed is not None, value
    start, stop, granularity = placed
    if until is not None:
        until_placed = calendar.interval(until)
        assert until_placed is not None, until
        stop = until_placed[1]
    offset = text.index(phrase)
    fields: dict[str, object] = {"label": calendar.label(value, mod), "status": "ongoing" if ongoing else "reported",
                                 **extra}
    return Event(
        id=f"a1-{n}",
        article="a1",
        sentence=n,
        text=text,
        phrase=phrase,
        offset=(offset, offset + len(phrase)),
        date=value,
        start=start,
        end=end or stop,
        granularity=granularity,
        mod=mod,
        until=until,
        ongoing=ongoing,
        **fields,  # type: ignore[arg-type]
    )


ARTICLE = Article(
    id="a1",
    title="River floods <again> & again",
    source="Example News",
    url=URL,
    published=date(2026, 1, 30),
    published_how="inferred from 'Friday (Jan 30)'",
    text="(not used by the renderer)",
)

EVENTS = (
    _event(1, "The river last flooded in the 1990s.", "the 1990s", "199"),
    _event(2, "From 2009 to 2010 the levee was rebuilt.", "2009 to 2010", "2009", until="2010"),
    _event(3, "Prices fell in early 2025.", "early 2025", "2025", mod="START"),
    _event(4, HOSTILE, "last November", "2025-11", ongoing=True, end=date(2026, 1, 30)),
    _event(5, "Last week, officials met twice.", "Last week", "2026-W04"),
    _event(6, "On Friday (Jan 30) the storm hit A & B.", "Friday (Jan 30)", "2026-01-30"),
    _event(7, "At 3 p.m. the levee broke.", "3 p.m.", "2026-01-30T15:00"),
)


def sample_timeline() -> Timeline:
    """The hand-built timeline behind the golden files."""
    return Timeline(articles=(ARTICLE,), events=EVENTS)


PLANS = "Engineers said on Friday (Jan 30) that a new levee will open in 2027."
STATUS_EVENTS = (
    _event(11, "Crews worked through the night.", "", "2026-01-29", anchor="narrative",
           label="Thursday 29 January 2026 (day of the story)"),
    _event(10, "The river burst its banks in the old town.", "", "2026-01-30", anchor="publication",
           label="reported Friday 30 January 2026"),
    _event(12, PLANS, "Friday (Jan 30)", "2026-01-30", clause=(0, 33)),
    _event(13, PLANS, "2027", "2027", status="expected", clause=(34, len(PLANS))),
)


def status_timeline() -> Timeline:
    """Events with every status and anchor, and a sentence of two dated clauses (golden files
    `timeline-status.*`)."""
    return Timeline(articles=(ARTICLE,), events=STATUS_EVENTS)


@pytest.fixture(autouse=True)
def _pinned_generator(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(meta, "GENERATOR", GOLDEN_GENERATOR)


@dataclass
class _Item:
    """One `<li>` of the timeline `<ol>`."""

    id: str | None
    datetimes: list[str | None] = field(default_factory=list)
    marks: list[str] = field(default_factory=list)
    text: str = ""


class _Page(HTMLParser):
    """Collects what the structural tests look at."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str, str | None]] = []
        self.items: list[_Item] = []
        self.dividers: list[dict[str, str | None]] = []  # <li class="divider">: not events
        self.in_divider = False
        self.ol_count = 0
        self.marks_outside_items = 0
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs.extend((tag, k, v) for k, v in attrs)
        parent = self.stack[-1] if self.stack else ""
        if tag == "ol":
            self.ol_count += 1
        if tag == "li" and parent == "ol":
            self.in_divider = "divider" in (dict(attrs).get("class") or "").split()
            if self.in_divider:
                self.dividers.append(dict(attrs))
            else:
                self.items.append(_Item(dict(attrs).get("id")))
        if tag == "time" and self._in_item():
            self.items[-1].datetimes.append(dict(attrs).get("datetime"))
        if tag == "mark":
            if self._in_item():
                self.items[-1].marks.append("")
            else:
                self.marks_outside_items += 1
        if tag not in ("meta", "br", "hr", "img", "link", "input"):
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "li":
            self.in_divider = False
        while self.stack:
            if self.stack.pop() == tag:
                break

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._in_item():
            item = self.items[-1]
            item.text += data
            if "mark" in self.stack:
                item.marks[-1] += data

    def _in_item(self) -> bool:
        return "li" in self.stack and "ol" in self.stack and bool(self.items) and not self.in_divider


def _parse(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    page.close()
    return page


# --- HTML ---------------------------------------------------------------------------------------


def test_html_document_skeleton() -> None:
    html = render.render(sample_timeline(), "html")
    assert html.startswith('<!doctype html>\n<html lang="en">')
    page = _parse(html)
    for tag in ("head", "title", "style", "body", "header", "main", "footer", "h1", "ol"):
        assert tag in page.tags, tag
    assert ("meta", "charset", "utf-8") in page.attrs
    assert ("meta", "name", "viewport") in page.attrs
    assert "River floods <again> & again" in "".join(page.text)
    assert "@media print" in html
    assert "prefers-color-scheme: dark" in html
    assert ":focus-visible" in html
    assert "inferred from 'Friday (Jan 30)'" in "".join(page.text)


def test_html_escapes_user_text() -> None:
    html = render.render(sample_timeline(), "html")
    assert "<script" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; fell" in html
    assert "River floods &lt;again&gt; &amp; again" in html
    assert 'href="https://news.example.org/2026/01/30/river-floods?ref=a&amp;b=1"' in html


def test_html_events_in_order_with_time_and_mark() -> None:
    page = _parse(render.render(sample_timeline(), "html"))
    assert page.ol_count == 1
    assert [item.id for item in page.items] == [f"ev-{e.id}" for e in EVENTS]
    assert [item.datetimes for item in page.items] == [
        ["1990"],
        ["2009", "2010"],
        ["2025"],
        ["2025-11"],
        ["2026-W04"],
        ["2026-01-30"],
        ["2026-01-30T15:00"],
    ]
    assert [item.marks for item in page.items] == [[e.phrase] for e in EVENTS]
    assert page.marks_outside_items == 0
    texts = [" ".join(item.text.split()) for item in page.items]
    assert texts[0].startswith("the 1990s")
    assert texts[1].startswith("2009 – 2010")
    assert texts[3].startswith("since November 2025 — ongoing")
    assert 'rose <script>alert("x")</script> & fell' in texts[3]
    assert texts[5].startswith("Friday 30 January 2026")


def test_html_ids_are_valid_and_unique() -> None:
    page = _parse(render.render(sample_timeline(), "html"))
    ids = [v for _tag, k, v in page.attrs if k == "id"]
    assert len(ids) == len(set(ids))
    assert all(v and not re.search(r"\s", v) for v in ids)
    assert render.html_id("story 1\t2") == "ev-story_1_2"


def test_html_is_self_contained() -> None:
    html = render.render(sample_timeline(), "html")
    page = _parse(html)
    assert not {"script", "link", "img", "iframe", "object", "embed"} & set(page.tags)
    urls = [v for _tag, _k, v in page.attrs if v and re.match(r"\s*(https?:)?//", v)]
    assert urls == [URL]
    assert "@import" not in html
    assert "url(" not in html
    assert len(re.findall(r"https?://", html)) == 1


def test_html_hostile_url_is_not_a_link() -> None:
    article = Article("a1", "T", "Src", "javascript:alert(1)", date(2026, 1, 30), "option", "")
    html = render.render(Timeline(articles=(article,), events=EVENTS[:1]), "html")
    assert "javascript:" not in html
    assert not re.findall(r'<a [^>]*href="(?!#)', html)  # links within the page only (overview marks)
    assert "given with --published" in html


def test_html_several_articles_and_no_events() -> None:
    second = Article("b2", "Second & story", None, None, date(2026, 1, 31), "front matter", "")
    merged = replace(EVENTS[5], sources=("a1", "b2"))
    timeline = Timeline(articles=(ARTICLE, second), events=(merged,), title="Floods")
    page = _parse(render.render(timeline, "html"))
    text = " ".join("".join(page.text).split())
    assert "Reported by River floods <again> & again; Second & story" in text
    assert "from the front matter" in text
    empty = render.render(Timeline(articles=(ARTICLE,), events=()), "html")
    assert "<ol" not in empty and "No dated events were found." in empty


def _classes(html: str) -> list[set[str]]:
    return [set((v or "").split()) for tag, k, v in _parse(html).attrs
            if tag == "li" and k == "class" and "event" in (v or "").split()]


@pytest.mark.parametrize("fmt", ["html", "html-fragment"])
def test_html_shows_status_anchor_and_clause(fmt: str) -> None:
    html = render.render(status_timeline(), fmt)
    page = _parse(html)
    classes = _classes(html)
    assert [next(c for c in cs if c.startswith("status-")) for cs in classes] == [
        "status-reported", "status-reported", "status-reported", "status-expected"]
    assert [next(c for c in cs if c.startswith("anchor-")) for cs in classes] == [
        "anchor-narrative", "anchor-publication", "anchor-phrase", "anchor-phrase"]
    texts = [" ".join(item.text.split()) for item in page.items]
    # a forecast says so in words, not only by its style
    assert texts[3].startswith("2027 — expected") and "expected" not in texts[2]
    assert texts[1].startswith("reported Friday 30 January 2026") and texts[0].startswith(
        "Thursday 29 January 2026 (day of the story)")
    assert [item.marks for item in page.items] == [[], [], ["Friday (Jan 30)"], ["2027"]]
    assert '<span class="clause">Engineers said on <mark>Friday (Jan 30)</mark></span> that a new levee' in html
    assert 'Engineers said on Friday (Jan 30) <span class="clause">that a new levee will open in <mark>2027</mark>.' \
        in html
    assert ".tl .event.status-expected::before" in html  # a hollow dashed dot on the rule


def test_clause_and_phrase_filters() -> None:
    reported, expected = STATUS_EVENTS[2], STATUS_EVENTS[3]
    assert render.clause_parts(expected) == ("Engineers said on Friday (Jan 30) ",
                                             "that a new levee will open in 2027.", "")
    assert render.clause_parts(STATUS_EVENTS[0]) == ("", "Crews worked through the night.", "")
    # the phrase is found in the event's own clause, not at its first occurrence
    twice = replace(expected, text="In 2027 it said a new levee will open in 2027.", phrase="2027", offset=(0, 0),
                    clause=(8, 46))
    assert render.phrase_parts(twice) == ("In 2027 it said a new levee will open in ", "2027", ".")
    assert str(render.mark_phrase(reported, "#tx-1")).startswith('<span class="clause">Engineers said on '
                                                                 '<mark><a class="to-text" href="#tx-1">Friday (Jan 30)'
                                                                 '</a></mark></span>')
    assert render.phrase_parts(STATUS_EVENTS[1]) == ("The river burst its banks in the old town.", "", "")


def test_status_in_markdown_json_csv() -> None:
    md = render.render(status_timeline(), "md")
    assert "- **2027** (expected) — Engineers said on Friday (Jan 30) that a new levee will open in **2027**." in md
    assert "- **reported Friday 30 January 2026** — The river burst its banks in the old town." in md
    data = json.loads(render.render(status_timeline(), "json"))["events"]
    assert [(e["status"], e["anchor"], e["clause"]) for e in data] == [
        ("reported", "narrative", None), ("reported", "publication", None), ("reported", "phrase", [0, 33]),
        ("expected", "phrase", [34, len(PLANS)])]
    frame = pd.read_csv(io.StringIO(render.render(status_timeline(), "csv")), dtype=str, keep_default_na=False)
    assert list(frame["status"]) == ["reported", "reported", "reported", "expected"]
    assert list(frame["anchor"]) == ["narrative", "publication", "phrase", "phrase"]


# --- Markdown -----------------------------------------------------------------------------------


def test_markdown_layout_and_escaping() -> None:
    md = render.render(sample_timeline(), "md")
    lines = md.splitlines()
    assert lines[0] == r"# River floods \<again\> & again"
    assert lines[2].startswith("[Example News](<https://news.example.org/2026/01/30/river-floods?ref=a&b=1>)")
    items = [line for line in lines if line.startswith("- ")]
    assert len(items) == len(EVENTS)
    assert items[5] == "- **Friday 30 January 2026** — On **Friday (Jan 30)** the storm hit A & B."
    assert items[3] == (
        r"- **since November 2025** (ongoing) — Since **last November**, \*prices\* \| rose "
        r'\<script\>alert("x")\</script\> & fell 5% \[sic\] \_again\_.'
    )
    assert "<script>" not in md


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a*b_c`d", r"a\*b\_c\`d"),
        ("x | y", r"x \| y"),
        ("<b>&amp;</b>", r"\<b\>\&amp;\</b\>"),
        ("AT&T", "AT&T"),
        ("# not a heading", r"\# not a heading"),
        ("- not a list", r"\- not a list"),
        ("2025. not a list", r"2025\. not a list"),
        ("[link](x) ![img](y)", r"\[link\](x) !\[img\](y)"),
        ("$5m-$6m", r"\$5m-\$6m"),
        ("~~strike~~", r"\~\~strike\~\~"),
        ("back\\slash", r"back\\slash"),
        ("two\nlines", "two lines"),
    ],
)
def test_md_escape(text: str, expected: str) -> None:
    assert render.md_escape(text) == expected


# --- JSON and CSV -------------------------------------------------------------------------------


def test_json_round_trip() -> None:
    timeline = sample_timeline()
    out = render.render(timeline, "json")
    assert out.endswith("}\n")
    data = json.loads(out)
    assert data == timeline.to_dict()
    assert list(data) == ["title", "articles", "events"]
    assert [e["id"] for e in data["events"]] == [e.id for e in EVENTS]
    assert data["events"][3]["text"] == HOSTILE
    assert "River floods <again> & again" in out  # ensure_ascii=False, no HTML escaping


def test_csv_round_trip() -> None:
    out = render.render(sample_timeline(), "csv")
    assert "\r" not in out
    frame = pd.read_csv(io.StringIO(out), dtype=str, keep_default_na=False)
    assert list(frame.columns) == list(render.CSV_COLUMNS)
    assert len(frame) == len(EVENTS)
    assert list(frame["id"]) == [e.id for e in EVENTS]
    assert frame.loc[3, "text"] == HOSTILE
    assert frame.loc[1, "start"] == "2009-01-01" and frame.loc[1, "end"] == "2011-01-01"
    assert set(frame["sources"]) == {"a1"}


def test_csv_joins_sources_and_handles_no_events() -> None:
    merged = replace(EVENTS[0], sources=("a1", "b2"))
    out = render.render(Timeline(articles=(ARTICLE,), events=(merged,)), "csv")
    frame = pd.read_csv(io.StringIO(out), dtype=str, keep_default_na=False)
    assert frame.loc[0, "sources"] == "a1;b2"
    empty = render.render(Timeline(articles=(ARTICLE,), events=()), "csv")
    assert empty == ",".join(render.CSV_COLUMNS) + "\n"


# --- environment --------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", render.FORMATS)
def test_deterministic(fmt: str) -> None:
    assert render.render(sample_timeline(), fmt) == render.render(sample_timeline(), fmt)


def test_unknown_format() -> None:
    with pytest.raises(ValueError, match="pdf"):
        render.render(sample_timeline(), "pdf")


def test_user_templates_override_and_fall_back(tmp_path: Path) -> None:
    (tmp_path / "timeline.md").write_text(
        "CUSTOM {{ title }}\n{% for e in events %}{{ e.date|label }}|{% endfor %}\n", encoding="utf-8"
    )
    (tmp_path / "style.css").write_text("body { color: rebeccapurple; }\n", encoding="utf-8")
    md = render.render(sample_timeline(), "md", templates_dir=tmp_path)
    assert md.startswith("CUSTOM River floods <again> & again\nthe 1990s|2009|")
    html = render.render(sample_timeline(), "html", templates_dir=tmp_path)
    assert "rebeccapurple" in html  # the user's partial, inside the default timeline.html
    assert '<ol class="timeline"' in html


def test_missing_templates_dir(tmp_path: Path) -> None:
    with pytest.raises(NotADirectoryError):
        render.make_env(tmp_path / "nope")


def test_autoescape_by_extension() -> None:
    env = render.make_env()
    assert callable(env.autoescape)
    assert env.autoescape("timeline.html") is True
    assert env.autoescape("timeline.md") is False
    assert env.autoescape("style.css") is False


def test_default_theme_is_found() -> None:
    assert (render.default_templates_dir() / "timeline.html").is_file()


# --- golden files -------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["timeline", "timeline-status"])
@pytest.mark.parametrize("fmt", render.FORMATS)
def test_golden(fmt: str, name: str) -> None:
    out = render.render(sample_timeline() if name == "timeline" else status_timeline(), fmt)
    path = GOLDEN / f"{name}.{fmt}"
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.mkdir(exist_ok=True)
        path.write_bytes(out.encode("utf-8"))
    assert path.is_file(), f"missing {path}; run UPDATE_GOLDEN=1 pytest tests/test_render.py"
    assert out.encode("utf-8") == path.read_bytes(), (
        f"{path.name} differs; after a deliberate change run UPDATE_GOLDEN=1 pytest tests/test_render.py"
    )


def test_right_to_left_text_takes_its_own_direction() -> None:
    """An Arabic or Hebrew article (saved pages of any language are read) sets its title, its
    paragraphs and its events' sentences right to left, each by its own first strong letter, while
    the page around it stays left to right: `unicode-bidi: plaintext` on those blocks."""
    import re

    css = re.sub(r"/\*.*?\*/", "", render.make_env().get_template("style.css").render(), flags=re.S)
    rules = re.findall(r"([^{}]+)\{([^{}]*)\}", css)
    plaintext = {sel.strip() for sels, body in rules if "unicode-bidi: plaintext" in body for sel in sels.split(",")}
    assert {"h1", ".article-text p", ".article-text li", ".tl .event > .what"} <= plaintext
