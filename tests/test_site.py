"""`timeline build`: deterministic output, written last, never over foreign files."""

from __future__ import annotations

from pathlib import Path

import pytest

import timeline
from timeline.article import ArticleError
from timeline.cache import CACHE_NAME
from timeline.errors import OutputError
from timeline.site import MANIFEST, build


def _tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_build_is_deterministic(tmp_path: Path, seed_path: Path) -> None:
    build([str(seed_path.parent)], tmp_path / "a")
    build([str(seed_path.parent)], tmp_path / "b")
    assert _tree(tmp_path / "a") == _tree(tmp_path / "b")


def test_refuses_foreign_folder(tmp_path: Path, seed_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(OutputError, match="not empty"):
        build([str(seed_path)], out)
    assert _tree(out) == {"keep.txt": b"mine"}
    build([str(seed_path)], out, force=True)
    assert (out / "keep.txt").read_text(encoding="utf-8") == "mine"


def test_rebuild_removes_only_its_own_stale_files(tmp_path: Path, seed_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "one.txt").write_text("It rained on Monday.", encoding="utf-8")
    (src / "two.txt").write_text("It snowed on Tuesday.", encoding="utf-8")
    out = tmp_path / "out"
    with pytest.raises(ArticleError):
        build([str(src)], out)  # no publication dates: nothing may be written
    assert not out.exists()
    for f in src.iterdir():
        f.write_text("---\npublished: 2026-01-31\n---\n" + f.read_text(encoding="utf-8"), encoding="utf-8")
    build([str(src)], out)
    assert (out / "two.html").exists() and (out / MANIFEST).exists()
    (src / "two.txt").unlink()
    build([str(src)], out)
    assert not (out / "two.html").exists() and (out / "one.html").exists()


def test_bad_source(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match="no such file"):
        build([str(tmp_path / "missing")], tmp_path / "out")


# --- the site: pages, links, the article text, themes, progress ------------------------------------

import io  # noqa: E402
import json  # noqa: E402
import re  # noqa: E402
from html.parser import HTMLParser  # noqa: E402

from timeline.annotate import article_html  # noqa: E402
from timeline.article import make_article  # noqa: E402
from timeline.cli import main  # noqa: E402
from timeline.events import find_events  # noqa: E402
from timeline.progress import Progress  # noqa: E402
from timeline.temporal import tag  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
THEME = ROOT / "docs" / "theme-example"


class _Links(HTMLParser):
    """Every id and every link/resource URL of a page, and the tags that are open around each <a>."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.urls: list[str] = []
        self.stack: list[str] = []
        self.nested_links = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(str(a["id"]))
        for name in ("href", "src", "action", "poster", "data"):
            if a.get(name) is not None:
                self.urls.append(str(a[name]))
        if tag == "a" and "a" in self.stack:
            self.nested_links += 1
        if tag not in ("meta", "br", "hr", "img", "link", "input", "wbr"):
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        while self.stack and self.stack.pop() != tag:
            pass


def _parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site") / "out"
    build([str(ROOT / "seeds")], out)
    return out


def _article_json(site: Path) -> list[Path]:
    return [p for p in site.glob("*.json") if p.stem not in ("index", "combined") and ".changes-" not in p.stem]


def test_site_has_index_articles_combined_and_their_data(site: Path) -> None:
    ids = {json.loads(p.read_text(encoding="utf-8"))["articles"][0]["id"] for p in _article_json(site)}
    assert len(ids) == len(list((ROOT / "seeds").glob("*.txt"))), "one page per article (and version)"
    changes = ["000-3b01959ef49d4888.changes-v1-v2"]
    expected = {f"{stem}.{ext}" for stem in [*ids, *changes, "index", "combined"] for ext in ("html", "json", "md")}
    assert {p.name for p in site.iterdir()} == expected | {MANIFEST, CACHE_NAME}
    index = json.loads((site / "index.json").read_text(encoding="utf-8"))
    # Two versions of one article are one entry of the index: the latest.
    assert [a["id"] for a in index["articles"]] == ["000-3b01959ef49d4888-v2"]
    for entry in index["articles"]:
        data = json.loads((site / entry["json"]).read_text(encoding="utf-8"))
        assert entry["events"] == len(data["events"]) > 0
        assert entry["covers"][0] <= entry["covers"][1]


def test_versions_have_a_changes_page_and_link_each_other(site: Path) -> None:
    changes = json.loads((site / "000-3b01959ef49d4888.changes-v1-v2.json").read_text(encoding="utf-8"))
    assert (len(changes["added"]), len(changes["removed"]), len(changes["changed"])) == (1, 1, 2)
    for page in ("000-3b01959ef49d4888.html", "000-3b01959ef49d4888-v2.html", "index.html"):
        assert 'href="000-3b01959ef49d4888.changes-v1-v2.html"' in (site / page).read_text(encoding="utf-8")
    older = (site / "000-3b01959ef49d4888.html").read_text(encoding="utf-8")
    assert 'see the latest version' in older and 'href="000-3b01959ef49d4888-v2.html"' in older


def test_every_link_is_relative_and_resolves(site: Path) -> None:
    pages = {p.name: _parse(p) for p in site.glob("*.html")}
    for name, page in pages.items():
        assert page.nested_links == 0, name
        for url in page.urls:
            if re.match(r"https?://", url):
                continue  # an article's own URL, a link for people (nothing is loaded from it)
            assert not re.match(r"[a-z]+:|/", url), f"{name}: {url} is not relative"
            file, _, fragment = url.partition("#")
            target = file or name
            assert (site / target).is_file(), f"{name}: {url}"
            if fragment:
                assert target.endswith(".html") and fragment in pages[target].ids, f"{name}: {url}"


def test_article_page_links_text_and_timeline_both_ways(site: Path) -> None:
    index = json.loads((site / "index.json").read_text(encoding="utf-8"))
    entry = index["articles"][0]
    html = (site / entry["html"]).read_text(encoding="utf-8")
    data = json.loads((site / entry["json"]).read_text(encoding="utf-8"))
    for event in data["events"]:
        eid = event["id"]
        if not event["phrase"]:  # the lead, dated by the publication: no phrase in the text to link
            assert event["anchor"] == "publication" and f'id="tx-{eid}"' not in html
            continue
        assert re.search(rf'<a class="timex" id="tx-{eid}" href="#ev-{eid}">{re.escape(event["phrase"])}</a>', html)
        assert f'<mark><a class="to-text" href="#tx-{eid}">' in html
    assert html.index('<ol class="timeline"') < html.index('class="article-text"')


def test_combined_timeline_lists_an_event_once_with_its_sources(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "other-outlet.md").write_text(
        "---\npublished: 2026-02-04\nsource: Example Wire\n---\n"
        "In a post on his personal X account in Korean and Khmer on Friday (Jan 30), President Lee Jae-myung "
        "affirmed that the Seoul government will hunt down and dismantle these criminal networks.\n",
        encoding="utf-8")
    site = tmp_path / "site"
    build([str(ROOT / "seeds"), str(src)], site)
    combined = json.loads((site / "combined.json").read_text(encoding="utf-8"))
    latest = ("000-3b01959ef49d4888-v2", "other-outlet")
    per_article = sum(len(json.loads((site / f"{a}.json").read_text(encoding="utf-8"))["events"]) for a in latest)
    merged = [e for e in combined["events"] if len(e["sources"]) > 1]
    assert [e["sources"] for e in merged] == [list(latest)]
    assert len(combined["events"]) == per_article - 1
    html = (site / "combined.html").read_text(encoding="utf-8")
    item = html[html.index(f'id="ev-{merged[0]["id"]}"'):]
    item = item[:item.index("</li>")]
    assert item.count('<p class="sources">Reported by ') == 1
    assert all(f'href="{source}.html#tx-' in item for source in merged[0]["sources"])


def test_a_month_and_a_day_of_one_event_merge_and_link_each_source_to_its_phrase(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "early.md").write_text("---\npublished: 2026-03-20\n---\nThe bank raised rates in March.\n",
                                  encoding="utf-8")
    (src / "late.md").write_text("---\npublished: 2026-03-21\n---\nThe bank raised rates on March 18.\n",
                                 encoding="utf-8")
    site = tmp_path / "site"
    build([str(src)], site, undated="none")
    (event,) = json.loads((site / "combined.json").read_text(encoding="utf-8"))["events"]
    assert (event["date"], event["sources"]) == ("2026-03-18", ["early", "late"])
    early = json.loads((site / "early.json").read_text(encoding="utf-8"))["events"][0]
    html = (site / "combined.html").read_text(encoding="utf-8")
    # each source links to its own report's phrase: "March" in early.html, "March 18" in late.html
    assert f'href="early.html#tx-{early["id"]}"' in html and f'href="late.html#tx-{event["id"]}"' in html


def test_reserved_article_ids_are_refused(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "index.md").write_text("---\npublished: 2026-01-31\n---\nIt rained on Monday.\n", encoding="utf-8")
    with pytest.raises(ArticleError, match="index.md: the id 'index' is the name of a page"):
        build([str(src)], tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_cli_build_refuses_foreign_folder_with_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    assert main(["build", str(ROOT / "seeds"), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "not empty" in err and "--force" in err and len(err.strip().splitlines()) == 1
    assert [p.name for p in out.iterdir()] == ["notes.txt"]


def test_cli_build_is_silent_but_for_the_summary_when_not_a_tty(tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", str(ROOT / "seeds"), "-o", str(tmp_path / "o"), "--title", "Scam crackdown"]) == 0
    err = capsys.readouterr().err
    assert err.startswith("timeline: wrote ") and "\r" not in err and len(err.splitlines()) == 1
    assert "<h1>Scam crackdown</h1>" in (tmp_path / "o" / "index.html").read_text(encoding="utf-8")
    assert main(["build", str(ROOT / "seeds"), "-o", str(tmp_path / "o"), "-q"]) == 0
    assert capsys.readouterr().err == ""


class _Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_on_a_terminal_and_only_after_a_moment() -> None:
    clock, term = _Clock(), _Terminal()
    with Progress(4, "building", stream=term, clock=clock, delay=0.5) as bar:
        bar.advance()
        assert term.getvalue() == ""  # a quick build draws nothing
        clock.now = 1.0
        bar.advance()
        assert term.getvalue().endswith("timeline: building [" + "#" * 15 + "-" * 15 + "] 2/4")
        clock.now = 1.05
        bar.advance()  # too soon to redraw
        assert term.getvalue().count("\r") == 1
        clock.now = 2.0
        bar.advance()
    assert term.getvalue().endswith("4/4\r\033[K")
    quiet = io.StringIO()  # not a terminal
    with Progress(2, stream=quiet, clock=clock, delay=0) as bar:
        clock.now = 10.0
        bar.advance(2)
    assert quiet.getvalue() == ""


def test_markdown_article_text_is_rendered_safely_with_its_dates_linked() -> None:
    raw = (
        "---\npublished: 2026-01-31\n---\n"
        "# Floods\n\n"
        "The river rose on **Friday (Jan 30)** after [rain last Wednesday](https://example.org/rain).\n\n"
        "<script>alert(1)</script> <b onclick=\"x()\">bold</b> [bad](javascript:alert(1))\n\n"
        "![a chart of 2025](https://example.org/chart.png)\n\n"
        "- Since last November, levels have risen.\n"
    )
    article = make_article(raw, name="floods.md")
    timexes = tag(article.text, article.published)
    events = find_events(article, timexes)
    html, anchored = article_html(article, events, timexes)
    assert "<h3>Floods</h3>" in html and "<h1>" not in html
    assert "<script" not in html and "<b onclick" not in html and "javascript:" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<img" not in html and "[image: a chart of <a class=\"timex\"" in html
    by_phrase = {e.phrase: e for e in events}
    friday = by_phrase["Friday (Jan 30)"]
    assert f'<strong><a class="timex" id="tx-{friday.id}" href="#ev-{friday.id}">Friday (Jan 30)</a></strong>' in html
    wednesday = by_phrase["last Wednesday"]
    assert f'<span class="timex" id="tx-{wednesday.id}">last Wednesday</span></a>' in html  # no link in a link
    assert anchored == {e.id for e in events}
    parser = _Links()
    parser.feed(str(html))
    assert parser.nested_links == 0


def test_plain_text_paragraphs() -> None:
    article = make_article("It rained on Monday.\nIt snowed on Tuesday.\n", name="w.txt", published="2026-01-31")
    timexes = tag(article.text, article.published)
    html, _ = article_html(article, find_events(article, timexes), timexes)
    assert html.count("<p>") == 2 and html.count('class="timex"') == 2
    wrapped = make_article("It rained\non Monday.\n\nIt snowed on Tuesday.\n", name="w.txt", published="2026-01-31")
    html, _ = article_html(wrapped, [], [])
    assert html == "<p>It rained on Monday.</p>\n<p>It snowed on Tuesday.</p>"


# --- themes ----------------------------------------------------------------------------------------


def test_custom_theme_example_builds(tmp_path: Path) -> None:
    out = tmp_path / "themed"
    assert main(["build", str(ROOT / "seeds"), "-o", str(out), "--templates", str(THEME), "-q"]) == 0
    page = (out / "000-3b01959ef49d4888.html").read_text(encoding="utf-8")
    assert '<span class="precision">to the day</span>' in page  # the theme's _event.html
    assert "--accent: #a4161a;" in page and "Georgia" in page  # its theme.css, after the default CSS
    assert page.index("--accent: #0b57d0;") < page.index("--accent: #a4161a;")
    assert '<ol class="timeline"' in page and 'class="article-text"' in page  # the rest is the default theme


def test_readme_shows_the_custom_theme_example_as_it_is() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for path in sorted(THEME.iterdir()):
        assert path.read_text(encoding="utf-8").strip() in readme, f"README shows {path.name} as it is"


def test_readme_documents_every_template_and_filter() -> None:
    from timeline.render import make_env

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    theme = [p.name for p in sorted((ROOT / "templates").iterdir()) if p.name != "README.md"]
    missing = [name for name in theme if f"`{name}`" not in readme]
    assert missing == [], "README documents every template"
    env = make_env()
    ours = sorted(set(env.filters) - set(make_env.__globals__["jinja2"].Environment().filters))
    assert [f for f in ours if not re.search(rf"[`|]{f}\b", readme)] == [], "README documents every filter"


def test_index_lists_articles_newest_first_and_keeps_file_order_for_a_day(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    for name, day in (("a-old", "2024-03-02"), ("b-new", "2026-02-01"), ("c-same", "2025-05-05"),
                      ("d-same", "2025-05-05")):
        (src / f"{name}.txt").write_text(f"---\ntitle: Story {name}\npublished: {day}\n---\n"
                                         "The harbour reopened on Friday after storms.\n", encoding="utf-8")
    out = tmp_path / "out"
    build([str(src)], out)
    html = (out / "index.html").read_text(encoding="utf-8")
    md = (out / "index.md").read_text(encoding="utf-8")
    order = ["b-new", "c-same", "d-same", "a-old"]
    for page in (html, md):
        at = [page.index(f"Story {name}") for name in order]
        assert at == sorted(at), page
    # on a phone the table becomes labelled blocks: each fact says what it is
    assert html.count('data-label="Published"') == 4


class _TitleDirections(HTMLParser):
    """Each element whose text is exactly one of `titles`, with the `dir` it or an ancestor sets."""

    def __init__(self, titles: set[str]) -> None:
        super().__init__(convert_charrefs=True)
        self.titles = titles
        self.stack: list[str | None] = []
        self.tags: list[str] = []
        self.found: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("br", "meta", "link", "img", "input", "hr", "wbr", "source"):
            return
        self.stack.append(dict(attrs).get("dir") or ("auto" if tag == "bdi" else None))
        self.tags.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.stack and tag not in ("br", "meta", "link", "img", "input", "hr", "wbr", "source"):
            self.stack.pop()
            self.tags.pop()

    def handle_data(self, data: str) -> None:
        if data.strip() in self.titles and "svg" not in self.tags:  # an SVG's <title> is a tooltip: no dir
            direction = next((d for d in reversed(self.stack) if d is not None), None)
            self.found.append((data.strip(), direction))


def test_a_right_to_left_title_runs_right_to_left_in_the_index_and_the_combined_page(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    arabic = "الحكومة تفرض حظر التجول في العاصمة 2024"
    (src / "ar.md").write_text(f"---\ntitle: {arabic}\npublished: 2024-03-07\n---\n"
                               "The council met on 5 March 2024 to discuss the curfew.\n", encoding="utf-8")
    (src / "en.md").write_text("---\ntitle: Curfew in the capital\npublished: 2024-03-08\n---\n"
                               "The curfew was lifted on 6 March 2024, officials said.\n", encoding="utf-8")
    out = tmp_path / "out"
    build([str(src)], out)
    for page in ("index.html", "combined.html"):
        parser = _TitleDirections({arabic, "Curfew in the capital"})
        parser.feed((out / page).read_text(encoding="utf-8"))
        assert parser.found, page
        # each title takes its direction from its own first strong letter, isolated from the page's
        assert all(direction == "auto" for _, direction in parser.found), (page, parser.found)


def test_the_combined_page_lists_its_sources_after_the_timeline(tmp_path: Path) -> None:
    """Many sources listed first push the timeline a long way down a phone's screen: the list comes
    after it, under its own heading, and the intro links to it."""
    src = tmp_path / "src"
    src.mkdir()
    for n in range(4):
        (src / f"s{n}.md").write_text(f"---\ntitle: Report number {n}\npublished: 2024-03-0{n + 5}\n---\n"
                                      f"The bridge reopened on {n + 1} March 2024 after repairs.\n", encoding="utf-8")
    out = tmp_path / "out"
    build([str(src)], out)
    html = (out / "combined.html").read_text(encoding="utf-8")
    timeline_at = html.index('<ol class="timeline"')
    heading = re.search(r'<h2 id="sources-heading">([^<]*)</h2>', html)
    assert heading is not None and heading.group(1) == "Sources (4 articles)"
    assert heading.start() > html.index("</ol>", timeline_at)  # after the whole list of events
    for n in range(4):  # every source, once, after the timeline, linking to its page
        assert html.count(f'<cite dir="auto">Report number {n}</cite>') == 1
        assert html.index(f'<a href="s{n}.html"><cite') > heading.start()
    assert '<a href="#sources-heading">' in html[:timeline_at]
    article = (out / "s0.html").read_text(encoding="utf-8")  # one article: its source stays on top
    assert "sources-heading" not in article and article.index("article-meta") < article.index('<ol class="timeline"')


def test_dates_covered_show_a_coarse_date_as_its_span_not_a_year_or_month_picked_from_it(tmp_path: Path) -> None:
    from timeline.site import coverage

    def covered(text: str) -> tuple[str, str]:
        tl = timeline.extract(text, "2024-03-07", undated="none")
        got = coverage(tl.events)
        assert got is not None
        return got.first.short(), got.last.short()

    assert covered("In the late 19th century, the empire grew. In 2005 a museum opened.") == ("19th century", "2005")
    assert covered("In the early 1990s the empire fell. In summer 2005 a museum opened.") == ("1990s", "summer 2005")
    assert covered("In 1990 the empire fell. On 3 May 2005 a museum opened.") == ("1990", "3 May 2005")
    # the index shows them so, in <time> elements whose machine value is the span's first or last year or month
    src = tmp_path / "src"
    src.mkdir()
    (src / "e.md").write_text("---\ntitle: Empire\npublished: 2024-03-07\n---\nIn the late 19th century, the "
                              "empire grew. In summer 2005 a museum opened.\n", encoding="utf-8")
    build([str(src)], tmp_path / "out")
    html = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert ('<td data-label="Dates covered"><time datetime="1800">19th century</time> – '
            '<time datetime="2005-08">summer 2005</time></td>') in html
