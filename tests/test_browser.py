"""The built site in a real browser (headless Chromium), the Nu HTML Checker and axe-core.

Every page of the seed site must show its events, make no request outside itself, log no console
error, pass the Nu HTML Checker with 0 errors and axe-core (WCAG 2 A and AA) with 0 violations in
light and dark mode; the timeline must read in order to a screen reader, show keyboard focus and
print as a plain vertical list. The exports (TimelineJS, Mermaid, Markwhen) are loaded into the tools
they are for. The tools are found by tests/webtools.py; without them these tests skip, and with
TIMELINE_BROWSER_TESTS=require (CI) they fail.

`UPDATE_SCREENSHOT=1 python -m pytest tests/test_browser.py -k screenshot` also refreshes
docs/seed-timeline.png, the screenshot in the README.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import re
import shutil
import subprocess
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import webtools
from webtools import need

from timeline.cli import main as cli_main
from timeline.exports import when_text
from timeline.pipeline import timeline_of
from timeline.render import render
from timeline.site import build

ROOT = webtools.ROOT
SEEDS = ROOT / "seeds"
SEED_PAGE = "000-3b01959ef49d4888.html"
THEME = ROOT / "docs" / "theme-example"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


# --- fixtures -----------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`timeline build seeds -o OUT`, once for the session."""
    out = tmp_path_factory.mktemp("seed-site") / "site"
    build([str(SEEDS)], out)
    return out


# A second outlet's report of the seed story, so that the combined timeline merges reports.
OTHER_REPORT = """---
title: Seoul pledges to dismantle scam networks
source: Example Wire
published: 2026-02-04
---
In a post on his personal X account in Korean and Khmer on Friday (Jan 30), President Lee
Jae-myung affirmed that the Seoul government will hunt down and dismantle these criminal networks.
Officials in Phnom Penh said on Tuesday that cooperation with the Korean Desk would continue.
"""


@pytest.fixture(scope="session")
def reports_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds and another outlet's report of the same story, built into one site."""
    folder = tmp_path_factory.mktemp("reports")
    (folder / "other-outlet.md").write_text(OTHER_REPORT, encoding="utf-8")
    out = tmp_path_factory.mktemp("reports-site") / "site"
    build([str(SEEDS), str(folder)], out)
    return out


@pytest.fixture(scope="session")
def themed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed site built with the README's custom theme (docs/theme-example)."""
    out = tmp_path_factory.mktemp("themed-site") / "site"
    build([str(SEEDS)], out, templates=THEME)
    return out


# A story with every status and anchor, and a sentence of two dated clauses.
PLANS = """---
title: Rail link approved
published: 2026-01-31
---
The council approved the new rail link.
Engineers said on Friday that the first trains will run in 2027, and fares have risen since last May.
The operator could break even within two years, officials said.
"""


@pytest.fixture(scope="session")
def extras(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`extract -f html` of the seed, its `-f html-fragment` embedded in a host page that has
    styles of its own (a CMS page), and `extract -f html --undated all` of a story with every
    status (`status.html`)."""
    folder = tmp_path_factory.mktemp("extras")
    seed = str(SEEDS / "000_3b01959ef49d4888.txt")
    cli_main(["extract", seed, "-f", "html", "-o", str(folder / "extract.html")])
    (folder / "plans.md").write_text(PLANS, encoding="utf-8")
    cli_main(["extract", str(folder / "plans.md"), "--undated", "all", "-f", "html", "-o", str(folder / "status.html")])
    cli_main(["extract", seed, "-f", "html-fragment", "-o", str(folder / "fragment.part")])
    fragment = (folder / "fragment.part").read_text(encoding="utf-8")
    # The fragment's <style> goes where the CMS puts styles (a <style> in <body> is not valid HTML).
    style = re.search(r"<style>.*?</style>\n", fragment, re.S)
    assert style is not None
    host = (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Report</title>\n'
        "<style>body { font: 18px/1.5 serif; margin: 2rem; color: #222; background: #fff; }\n"
        ".event { color: #222; display: inline; }</style>\n" + style.group(0) + "</head>\n<body>\n<main>\n"
        '<h1>Quarterly report</h1>\n<p class="event">A host paragraph that reuses the class name "event".</p>\n'
        + fragment.replace(style.group(0), "") + "<p>The report goes on.</p>\n</main>\n</body>\n</html>\n"
    )
    (folder / "embedded.html").write_text(host, encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    need(webtools.has_playwright(), "the Python package playwright (pip install '.[test]')")
    exe = webtools.chromium()
    need(exe, "headless Chromium (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=exe, args=webtools.CHROMIUM_ARGS)
        yield b
        b.close()


@dataclass
class Visit:
    """A page opened in the browser, with what it asked for and what it logged."""

    page: Any
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


@pytest.fixture
def visit(browser: Any) -> Iterator[Any]:
    """visit(url, scheme="light", allowed=url's folder) -> Visit; blocks and records every request
    outside `allowed`."""
    contexts: list[Any] = []

    def _visit(url: str, scheme: str = "light", allowed: str | None = None,
               viewport: tuple[int, int] = (1000, 1400)) -> Visit:
        base = allowed or url.rsplit("/", 1)[0] + "/"
        ctx = browser.new_context(color_scheme=scheme, viewport={"width": viewport[0], "height": viewport[1]})
        contexts.append(ctx)
        page = ctx.new_page()
        v = Visit(page)

        def on_request(request: Any) -> None:
            if not request.url.startswith(base) and not request.url.startswith("data:"):
                v.requests.append(request.url)

        page.on("request", on_request)
        page.on("console", lambda m: v.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: v.errors.append(str(e)))
        ctx.route(re.compile(r"^(https?|wss?|ftp)://"),
                  lambda route: route.continue_() if route.request.url.startswith(base) else route.abort())
        response = page.goto(url)
        assert response is None or response.ok, f"{url}: HTTP {response.status}"
        return v

    yield _visit
    for ctx in contexts:
        ctx.close()


def _pages(site: Path) -> list[Path]:
    return sorted(site.glob("*.html"))


def _run_axe(v: Visit) -> list[dict[str, Any]]:
    axe = webtools.npm_file(webtools.AXE_JS)
    need(axe, "axe-core (npm)")
    assert axe is not None
    v.page.add_script_tag(path=str(axe))
    result = v.page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
    return [
        {"id": r["id"], "help": r["help"], "nodes": [n["target"] for n in r["nodes"]][:5]}
        for r in result["violations"]
    ]


# --- what the pages show ------------------------------------------------------------------------


def test_a_forecast_reads_as_one_at_a_glance(extras: Path, visit: Any) -> None:
    v = visit((extras / "status.html").as_uri())
    expected = v.page.locator("ol.timeline > li.status-expected")
    assert expected.count() >= 1
    first = expected.first
    assert "expected" in first.locator(".when").inner_text()  # in words, not by colour alone
    def style(item: Any, prop: str, pseudo: str = "") -> str:
        return str(v.page.evaluate(f"(e) => getComputedStyle(e, {pseudo!r} || null).{prop}", item.element_handle()))

    assert style(first, "borderTopStyle", "::before") == "dashed"  # a hollow dashed dot on the rule
    assert style(first.locator(".what"), "fontStyle") == "italic"
    reported = v.page.locator("ol.timeline > li.status-reported").first
    assert style(reported, "borderTopStyle", "::before") == "solid"
    clause = expected.locator(".clause")  # "... said on Friday that the first trains will run in 2027, ..."
    assert clause.count() == 1 and clause.locator("mark").inner_text() == "2027"
    assert v.page.locator("ol.timeline > li.status-ongoing .when").first.inner_text().rstrip().endswith("ongoing")


def test_each_page_shows_its_events(seed_site: Path, visit: Any) -> None:
    index = json.loads((seed_site / "index.json").read_text(encoding="utf-8"))
    for entry in index["articles"]:
        data = json.loads((seed_site / entry["json"]).read_text(encoding="utf-8"))
        v = visit((seed_site / entry["html"]).as_uri())
        items = v.page.locator("ol.timeline > li.event")
        assert items.count() == len(data["events"]) > 0
        for i, event in enumerate(data["events"]):
            item = items.nth(i)
            assert item.is_visible()
            assert item.locator(".when").inner_text().strip()
            if event["phrase"]:
                assert item.locator("mark").inner_text() == event["phrase"]
            else:  # the lead, dated by the publication: no phrase to mark, and it says so
                assert item.locator("mark").count() == 0 and event["anchor"] == "publication"
                assert item.locator(".when").inner_text().startswith("reported ")
        # The article text, with every event's phrase linked to its entry and back.
        for event in data["events"]:
            if not event["phrase"]:
                continue
            phrase = v.page.locator(f"#tx-{event['id']}")
            assert phrase.inner_text() == event["phrase"]
            assert phrase.get_attribute("href") == f"#ev-{event['id']}"
            assert v.page.locator(f"#ev-{event['id']} mark a").get_attribute("href") == f"#tx-{event['id']}"
        assert v.requests == [] and v.errors == []

    combined = json.loads((seed_site / "combined.json").read_text(encoding="utf-8"))
    v = visit((seed_site / "combined.html").as_uri())
    assert v.page.locator("ol.timeline > li.event").count() == len(combined["events"])
    # Two versions of one article: the combined timeline holds the latest one's events only.
    latest = json.loads((seed_site / "000-3b01959ef49d4888-v2.json").read_text(encoding="utf-8"))
    assert [e["id"] for e in combined["events"]] == [e["id"] for e in latest["events"]]

    v = visit((seed_site / "index.html").as_uri())
    assert v.page.locator("table.articles tbody tr").count() == len(index["articles"])
    assert v.page.locator("a[href='combined.html']").count() == 1


def test_combined_timeline_lists_every_source_of_a_merged_event(reports_site: Path, visit: Any) -> None:
    combined = json.loads((reports_site / "combined.json").read_text(encoding="utf-8"))
    merged = [e for e in combined["events"] if len(e["sources"]) > 1]
    assert merged, "both outlets report the post of Friday (Jan 30)"
    v = visit((reports_site / "combined.html").as_uri())
    assert v.page.locator(f"#ev-{merged[0]['id']} .sources a").count() == len(merged[0]["sources"])
    assert v.requests == [] and v.errors == []


@pytest.mark.parametrize("name", ["index.html", "combined.html", SEED_PAGE, "000-3b01959ef49d4888-v2.html"])
def test_no_request_leaves_the_page_and_no_console_error(seed_site: Path, visit: Any, name: str) -> None:
    v = visit((seed_site / name).as_uri())
    v.page.wait_for_load_state("networkidle")
    assert v.requests == [], f"{name} asked for {v.requests}"
    assert v.errors == [], f"{name} logged {v.errors}"


def test_links_work_clicked_in_the_browser(reports_site: Path, visit: Any) -> None:
    v = visit((reports_site / "index.html").as_uri())
    v.page.get_by_role("link", name="The combined timeline of all articles").click()
    assert v.page.url.endswith("/combined.html")
    first = v.page.locator("ol.timeline > li.event").first
    first.locator(".sources a").first.click()  # to the phrase in the article's text
    assert "#tx-" in v.page.url
    target = v.page.url.split("#", 1)[1]
    assert v.page.locator(f"#{target}").is_visible()
    v.page.locator(f"#{target}").click()  # and from the text back to the timeline entry
    assert v.page.url.endswith("#" + target.replace("tx-", "ev-", 1))
    assert v.requests == [] and v.errors == []


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (the stdlib's name)
        pass


def test_site_served_under_a_sub_path(seed_site: Path, tmp_path: Path, visit: Any) -> None:
    root = tmp_path / "www"
    shutil.copytree(seed_site, root / "news" / "2026" / "timelines")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}/news/2026/timelines/"
        v = visit(base + "index.html", allowed=base)
        seen: set[str] = set()
        queue = [base + "index.html"]
        while queue:
            url = queue.pop()
            if url in seen:
                continue
            seen.add(url)
            response = v.page.goto(url)
            assert response is not None and response.ok, url
            if url.endswith(".html"):
                assert v.page.locator("h1").count() == 1
                hrefs = v.page.eval_on_selector_all(  # an SVG <a>'s .href is not a string: resolve its attribute
                    "a[href]", "els => els.map(a => new URL(a.getAttribute('href'), document.baseURI).href)")
                queue += [h.split("#", 1)[0] for h in hrefs if h.startswith(base)]
        assert {u.rsplit("/", 1)[1] for u in seen} >= {"index.html", "combined.html", SEED_PAGE, "combined.json"}
        assert all(u.startswith(base) for u in seen)
        assert v.requests == [] and v.errors == []
    finally:
        server.shutdown()
        server.server_close()


# A Markdown article full of links that must not run anything: scripts spelt with entities and
# controls, data: and other schemes, relative and protocol-relative paths; and the links that stay.
HOSTILE_LINKS_ARTICLE = """---
title: Hostile links
published: 2026-01-31
---
The levee broke on Friday (Jan 30), residents said.

- [entity colon](javascript&#58;alert(document.domain))
- [hex colon](javascript&#x3a;alert(document.domain))
- [named colon](javascript&colon;alert(document.domain))
- [tab inside](java&#9;script&#58;alert(document.domain))
- [newline inside](java&#10;script:alert(document.domain))
- [entity letter](&#106;avascript:alert(document.domain))
- [mixed case](JaVaScRiPt:alert(document.domain))
- [data page](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)
- [data entity](data&colon;text/html,<script>alert(1)</script>)
- [vbscript](vbscript:msgbox(1))
- [protocol relative](//evil.example/x)
- [up and out](../../secret)
- [a file](file:///etc/passwd)
- [reference][r]
- [web page](https://example.org/story?a=1&b=2)
- [mail](mailto:desk@example.org)
- [in page](#top)

[r]: javascript&colon;alert(document.domain)
"""


def test_hostile_links_in_an_article_run_nothing_when_clicked(tmp_path: Path, visit: Any) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "hostile.md").write_text(HOSTILE_LINKS_ARTICLE, encoding="utf-8")
    out = tmp_path / "site"
    build([str(folder)], out)
    url = (out / "hostile.html").as_uri()
    v = visit(url)
    dialogs: list[str] = []
    navigated: list[str] = []
    requested: list[str] = []

    def on_dialog(dialog: Any) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    def fresh_page() -> Any:  # one page per click, so that no navigation races the next one
        page = v.page.context.new_page()
        page.on("dialog", on_dialog)
        page.on("framenavigated", lambda frame: navigated.append(frame.url))
        page.on("request", lambda request: requested.append(request.url))
        page.on("console", lambda m: v.errors.append(m.text) if m.type == "error" else None)
        page.goto(url)
        return page

    text = v.page.locator(".article-text")
    for name in ("entity colon", "data page", "protocol relative", "up and out", "reference"):
        assert text.get_by_text(name, exact=True).count() == 1, name
        assert text.get_by_role("link", name=name).count() == 0, name
    hrefs = v.page.eval_on_selector_all(".article-text a[href]", "els => els.map(a => a.getAttribute('href'))")
    assert {"https://example.org/story?a=1&b=2", "mailto:desk@example.org", "#top"} <= set(hrefs)
    assert any(h.startswith("#ev-") for h in hrefs)
    for i in range(len(hrefs)):
        page = fresh_page()
        page.locator(".article-text a[href]").nth(i).click(no_wait_after=True)
        page.wait_for_timeout(100)
        page.close()
    assert dialogs == []
    bad = [u for u in navigated + requested if re.match(r"(?i)\s*(javascript|data|vbscript):", u)]
    assert bad == []
    # What a click may ask for: this page (an in-page link), a web page (the test blocks it) or mail.
    left = [u for u in navigated + requested
            if u.split("#", 1)[0] != url and not re.match(r"https?://|mailto:|chrome-error:", u)]
    assert left == [], "a link of the text led out of the page to a file or a relative path"
    assert not [e for e in v.errors if "data" in e.lower() or "javascript" in e.lower()], v.errors


# --- accessibility ------------------------------------------------------------------------------


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations(seed_site: Path, themed_site: Path, extras: Path, visit: Any, scheme: str,
                                 reports_site: Path) -> None:
    pages = [*_pages(seed_site), themed_site / SEED_PAGE, themed_site / "combined.html",
             extras / "extract.html", extras / "embedded.html", extras / "status.html",
             reports_site / "combined.html"]  # two sources: their list after the timeline
    found = {}
    for path in pages:
        v = visit(path.as_uri(), scheme=scheme)
        violations = _run_axe(v)
        if violations:
            found[str(path.relative_to(path.parent.parent))] = violations
    assert found == {}


def test_timeline_reads_in_order_to_a_screen_reader(seed_site: Path, visit: Any) -> None:
    data = json.loads((seed_site / "000-3b01959ef49d4888.json").read_text(encoding="utf-8"))
    v = visit((seed_site / SEED_PAGE).as_uri())
    tree = v.page.locator("ol.timeline").aria_snapshot()
    dated = sum(1 for e in data["events"] if e["anchor"] == "phrase")  # the undated lead is named apart
    undated = f" and {len(data['events']) - dated} undated" if dated < len(data["events"]) else ""
    assert tree.startswith(f'- list "{dated} dated events{undated}"')
    items = re.findall(r"^  - listitem:", tree, re.M)
    assert len(items) == len(data["events"])
    positions = [tree.index(e["phrase"] or e["text"][:30]) for e in data["events"]]
    assert positions == sorted(positions), "list items are in chronological order"
    labels = v.page.locator("ol.timeline > li.event .when").all_inner_texts()
    assert [" ".join(t.split()) for t in labels][0] == data["events"][0]["label"]


def test_keyboard_focus_is_visible(seed_site: Path, visit: Any) -> None:
    v = visit((seed_site / SEED_PAGE).as_uri())
    for _ in range(6):
        v.page.keyboard.press("Tab")
        style = v.page.evaluate(
            "() => { const e = document.activeElement; const s = getComputedStyle(e);"
            " return {tag: e.tagName, style: s.outlineStyle, width: parseFloat(s.outlineWidth)}; }")
        assert style["tag"] == "A"
        assert style["style"] != "none" and style["width"] >= 2, style


@pytest.mark.parametrize("width", [390, 1280])
def test_every_page_fits_the_width_of_a_phone_and_a_desktop(seed_site: Path, visit: Any, width: int) -> None:
    for path in _pages(seed_site):
        v = visit(path.as_uri(), viewport=(width, 900))
        wide = v.page.evaluate("() => document.documentElement.scrollWidth")
        assert wide <= width, f"{path.name} is {wide} px wide at {width} px"


def test_dark_mode_follows_the_system(seed_site: Path, visit: Any) -> None:
    colours = {}
    for scheme in ("light", "dark"):
        v = visit((seed_site / SEED_PAGE).as_uri(), scheme=scheme)
        colours[scheme] = v.page.evaluate(
            "() => { const s = getComputedStyle(document.body); return [s.backgroundColor, s.color]; }")
    assert colours["light"] == ["rgb(255, 255, 255)", "rgb(27, 27, 31)"]
    assert colours["dark"] == ["rgb(18, 19, 22)", "rgb(230, 230, 234)"]


def test_print_is_a_clean_vertical_list(seed_site: Path, visit: Any, tmp_path: Path) -> None:
    v = visit((seed_site / SEED_PAGE).as_uri())
    v.page.emulate_media(media="print")
    assert not v.page.locator("nav.site-nav").is_visible()
    boxes = [item.bounding_box() for item in v.page.locator("ol.timeline > li.event").all()]
    assert all(b is not None for b in boxes)
    lefts = {round(b["x"]) for b in boxes if b}
    assert len(lefts) == 1, "every entry starts at the same left edge"
    tops = [b["y"] for b in boxes if b]
    bottoms = [b["y"] + b["height"] for b in boxes if b]
    assert all(top >= bottom - 1 for top, bottom in zip(tops[1:], bottoms, strict=False)), "one below the other"
    marker = v.page.evaluate(
        "() => getComputedStyle(document.querySelector('ol.timeline > li.event'), '::before').content")
    assert marker in ("none", "normal")
    background = v.page.evaluate("() => getComputedStyle(document.body).backgroundColor")
    assert background == "rgb(255, 255, 255)"
    pdf = tmp_path / "seed-timeline.pdf"
    v.page.pdf(path=str(pdf), format="A4")
    assert pdf.read_bytes().startswith(b"%PDF")


def test_screenshot_of_the_seed_timeline(seed_site: Path, visit: Any, tmp_path: Path) -> None:
    v = visit((seed_site / SEED_PAGE).as_uri(), viewport=(1000, 1400))
    shot = tmp_path / "seed-timeline.png"
    v.page.screenshot(path=str(shot))
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 20_000
    if os.environ.get("UPDATE_SCREENSHOT"):
        shutil.copyfile(shot, ROOT / "docs" / "seed-timeline.png")


def test_fragment_styles_stay_inside_it(extras: Path, visit: Any) -> None:
    v = visit((extras / "embedded.html").as_uri())
    host = v.page.evaluate("() => getComputedStyle(document.querySelector('main > p.event')).display")
    assert host == "inline", "the fragment's styles do not reach the host page"
    body_font = v.page.evaluate("() => getComputedStyle(document.body).fontFamily")
    assert "serif" in body_font and "system-ui" not in body_font
    inside = v.page.evaluate("() => getComputedStyle(document.querySelector('.tl ol.timeline > li.event')).display")
    assert inside == "grid"
    assert v.page.locator(".tl ol.timeline > li.event").count() > 0
    assert v.requests == [] and v.errors == []


# --- the validator ------------------------------------------------------------------------------


def test_nu_html_checker_finds_no_errors(seed_site: Path, themed_site: Path, extras: Path, reports_site: Path) -> None:
    java = webtools.java()
    need(java, "java (apt-get install default-jre-headless)")
    jar = webtools.npm_file(webtools.VNU_JAR)
    need(jar, "the Nu HTML Checker (npm vnu-jar)")
    assert java is not None and jar is not None
    pages = [*_pages(seed_site), *_pages(themed_site), extras / "extract.html", extras / "embedded.html",
             extras / "status.html", reports_site / "combined.html", reports_site / "index.html"]
    res = subprocess.run([java, "-jar", str(jar), "--format", "json", "--exit-zero-always", *map(str, pages)],
                         capture_output=True, text=True, timeout=300)
    messages = json.loads(res.stderr or res.stdout)["messages"]
    errors = [f"{m.get('url', '').rsplit('/', 1)[-1]}:{m.get('lastLine')}: {m['message']}"
              for m in messages if m["type"] in ("error", "non-document-error")]
    assert len(pages) >= 10
    assert errors == []


# --- the exports in the tools they are for ------------------------------------------------------


def _seed_timeline() -> Any:
    from timeline.readers import load_article

    return timeline_of([load_article(str(p)) for p in sorted(SEEDS.glob("*.txt"))])


def _hostile_timeline() -> Any:
    from test_render import sample_timeline

    return sample_timeline()


def _status_timeline() -> Any:
    from test_render import status_timeline

    return status_timeline()


def _export_timeline(which: str) -> Any:
    return {"seed": _seed_timeline, "hostile": _hostile_timeline, "status": _status_timeline}[which]()


@pytest.mark.parametrize("which", ["seed", "hostile", "status"])
def test_mermaid_export_renders(visit: Any, tmp_path: Path, which: str) -> None:
    script = webtools.npm_file(webtools.MERMAID_JS)
    need(script, "mermaid (npm)")
    tl = _export_timeline(which)
    block = render(tl, "mermaid")
    assert block.startswith("```mermaid\n") and block.endswith("```\n")
    source = block.removeprefix("```mermaid\n").removesuffix("```\n")
    host = tmp_path / "mermaid.html"
    host.write_text('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>m</title></head>'
                    '<body><div id="out"></div></body></html>', encoding="utf-8")
    v = visit(host.as_uri())
    v.page.add_script_tag(path=str(script))
    result = v.page.evaluate(
        """async (src) => { mermaid.initialize({startOnLoad: false, securityLevel: 'strict'});
        try { const r = await mermaid.render('tl', src); document.getElementById('out').innerHTML = r.svg;
              return 'ok'; } catch (e) { return String(e && e.message || e); } }""", source)
    assert result == "ok"
    shown = v.page.evaluate("() => document.querySelector('#out svg').textContent")
    squeezed = re.sub(r"\s+", "", shown)
    for event in tl.events:
        assert re.sub(r"\s+", "", event.text) in squeezed, event.text
    assert v.page.locator("#out script").count() == 0
    assert v.requests == [] and v.errors == []


@pytest.mark.parametrize("which", ["seed", "hostile", "status"])
def test_timelinejs_export_renders(visit: Any, tmp_path: Path, which: str) -> None:
    script, css = webtools.npm_file(webtools.TIMELINEJS_JS), webtools.npm_file(webtools.TIMELINEJS_CSS)
    need(script and css, "TimelineJS (npm @knight-lab/timelinejs)")
    assert script is not None and css is not None
    tl = _export_timeline(which)
    data = json.loads(render(tl, "timelinejs"))
    host = tmp_path / "timelinejs.html"
    host.write_text('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title></head>'
                    '<body><div id="tl" style="width: 1000px; height: 600px"></div></body></html>', encoding="utf-8")
    v = visit(host.as_uri())
    v.page.add_style_tag(path=str(css))
    v.page.add_script_tag(path=str(script))
    shown = v.page.evaluate(
        """(data) => new Promise((resolve, reject) => {
            const t = new TL.Timeline('tl', data, {});
            t.on('ready', () => resolve({
              slides: document.querySelectorAll('.tl-slide').length,
              dates: [...document.querySelectorAll('.tl-slide .tl-headline-date')].map(e => e.textContent),
              headlines: [...document.querySelectorAll('.tl-slide h2.tl-headline')].map(e => e.textContent),
              scripts: document.querySelectorAll('#tl script').length,
              groups: [...document.querySelectorAll('.tl-timegroup-message')].map(e => e.textContent)}));
            setTimeout(() => reject(new Error('TimelineJS did not get ready')), 10000); })""", data)
    assert shown["slides"] == len(tl.events) + 1  # the title slide and one per event
    assert [d for d in shown["dates"] if d] == [when_text(e) for e in tl.events]
    assert set(shown["groups"]) == {a.title for a in tl.articles}
    assert shown["scripts"] == 0
    for event in tl.events:  # headlines show the sentence itself, markup and all, as text
        start = " ".join(event.text.split()[:5])
        assert any(h.startswith(start) for h in shown["headlines"]), (start, shown["headlines"])
    # TimelineJS itself asks for its fonts (its CDN, its icon font); our data asks for nothing.
    assert all("knightlab.com/" in r or "/css/icons/" in r for r in v.requests), v.requests
    assert v.errors == []


def test_markwhen_export_parses(tmp_path: Path) -> None:
    node = webtools.node()
    need(node, "node")
    need(webtools.npm_file(webtools.MARKWHEN_PARSER), "the Markwhen parser (npm @markwhen/parser)")
    assert node is not None
    checks = [(_seed_timeline(), "seed"), (_hostile_timeline(), "hostile"), (_status_timeline(), "status")]
    for tl, name in checks:
        source = tmp_path / f"{name}.mw"
        source.write_text(render(tl, "markwhen"), encoding="utf-8")
        script = (
            "const {parse} = require('@markwhen/parser');"
            "const r = parse(require('fs').readFileSync(process.argv[1], 'utf8'));"
            "const out = [];"
            "(function walk(n) { if (n.children) { n.children.forEach(walk); return; }"
            " out.push({text: n.firstLine.restTrimmed, from: n.dateRangeIso.fromDateTimeIso,"
            " to: n.dateRangeIso.toDateTimeIso, tags: n.tags, percent: n.percent ?? null}); })(r.events);"
            "console.log(JSON.stringify({header: r.header, events: out,"
            " errors: r.parseMessages.filter(m => m.type === 'error')}));"
        )
        res = subprocess.run([node, "-e", script, str(source)], capture_output=True, text=True, timeout=60,
                             env={**os.environ, "NODE_PATH": str(webtools.NODE_MODULES)}, check=True)
        parsed = json.loads(res.stdout)
        assert parsed["errors"] == []
        assert parsed["header"]["title"] == tl.title or parsed["header"]["title"] == tl.articles[0].title
        events = sorted(parsed["events"], key=lambda e: e["from"])
        assert len(events) == len(tl.events)
        by_text = {(e["text"].replace("\u2060", ""), e["from"][:10]): e for e in events}
        for event in tl.events:
            got = by_text[(event.text, event.start.isoformat())]
            assert got["tags"] == (["expected"] if event.status == "expected" else []) and got["percent"] is None
            assert got["from"][:10] == event.start.isoformat()
            expected_end = event.end.isoformat() if event.granularity != "time" else event.start.isoformat()
            assert got["to"][:10] == expected_end, (event.text, got)


# --- the overview (issue 18) ----------------------------------------------------------------------


def _overflow(v: Visit) -> int:
    return int(v.page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth"))


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_overview_links_marks_and_entries_both_ways(reports_site: Path, visit: Any, tmp_path: Path,
                                                   scheme: str) -> None:
    """The combined page of two outlets: a row per article and a legend; a mark goes to its entry and
    the entry back to its mark, by click and by keyboard; at 390 px time runs down and nothing
    overflows; axe finds nothing in either layout. Screenshots at 1280 and 390 px."""
    page = (reports_site / "combined.html").as_uri()
    v = visit(page, scheme=scheme, viewport=(1280, 1000))
    wide, narrow = v.page.locator(".overview .ov-wide svg"), v.page.locator(".overview .ov-narrow svg")
    assert wide.is_visible() and not narrow.is_visible()
    assert v.page.locator(".overview-legend li").count() == 2
    assert wide.locator(".ov-row").count() == 2
    v.page.screenshot(path=str(tmp_path / f"combined-1280-{scheme}.png"))
    mark = wide.locator("a.mk").first
    target = mark.get_attribute("href")
    assert target and target.startswith("#ev-")
    mark.click()
    assert v.page.url.endswith(target)
    back = v.page.locator(f"li{target} a.ov-link.ov-wide")
    assert back.is_visible()
    back.click()
    assert v.page.locator(v.page.url[v.page.url.index("#"):]).count() == 1  # the mark, by its id
    focused = None
    for _ in range(40):  # the marks are reachable by keyboard, with a visible focus
        v.page.keyboard.press("Tab")
        focused = v.page.evaluate(
            "() => { const e = document.activeElement; const s = getComputedStyle(e);"
            " return {cls: e.getAttribute('class') || '', style: s.outlineStyle, width: parseFloat(s.outlineWidth)}; }")
        if "mk" in focused["cls"].split():
            break
    assert focused and "mk" in focused["cls"].split(), "a mark takes the focus"
    assert focused["style"] != "none" and focused["width"] >= 2
    assert _run_axe(v) == [] and v.errors == [] and v.requests == []

    phone = visit(page, scheme=scheme, viewport=(390, 900))
    assert phone.page.locator(".overview .ov-narrow svg").is_visible()
    assert not phone.page.locator(".overview .ov-wide svg").is_visible()
    assert _overflow(phone) <= 0, "nothing wider than the phone"
    box = phone.page.locator(".overview .ov-narrow svg").bounding_box()
    assert box and box["height"] > box["width"], "time runs down"
    phone.page.screenshot(path=str(tmp_path / f"combined-390-{scheme}.png"), full_page=True)
    phone.page.locator(".overview .ov-narrow a.mk").first.click()
    assert "#ev-" in phone.page.url
    assert _run_axe(phone) == [] and phone.errors == []

    story = visit((reports_site / "story.html").as_uri(), scheme=scheme)  # the key dates, a row per source
    assert story.page.locator(".overview .ov-wide a.mk").count() > 0
    story.page.locator(".overview .ov-wide a.mk").first.click()
    assert "#day-" in story.page.url
    assert _run_axe(story) == [] and story.errors == []


def test_svg_export_renders_and_validates(visit: Any, tmp_path: Path) -> None:
    out = tmp_path / "seed-overview.svg"
    assert cli_main(["extract", str(SEEDS / "000_3b01959ef49d4888.txt"), "-f", "svg", "-o", str(out)]) == 0
    for scheme in ("light", "dark"):
        v = visit(out.as_uri(), scheme=scheme)
        v.page.wait_for_load_state("networkidle")
        box = v.page.locator("svg").first.bounding_box()
        assert box and box["width"] > 300
        assert v.page.locator("g.mk").count() > 0
        assert v.errors == [] and v.requests == []
        v.page.screenshot(path=str(tmp_path / f"overview-{scheme}.png"))
    java, jar = webtools.java(), webtools.npm_file(webtools.VNU_JAR)
    need(java and jar, "java and the Nu HTML Checker (npm vnu-jar)")
    res = subprocess.run([str(java), "-jar", str(jar), "--format", "json", "--exit-zero-always", "--also-check-svg",
                          str(out)], capture_output=True, text=True, timeout=300)
    messages = json.loads(res.stderr or res.stdout)["messages"]
    assert [m["message"] for m in messages if m["type"] in ("error", "non-document-error")] == []
