"""Property test of a Markdown article's text as HTML (timeline.annotate.article_html): whatever
mix of hostile links, raw HTML, character references, private-use characters and dates the text
holds, the page has no link but absolute http(s), mailto: and #fragment ones, no script or other
active element, no event-handler attribute, and the link markers never show (issue 10, item 7).
"""

from __future__ import annotations

import os
import re
from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.annotate import article_html
from timeline.article import make_article
from timeline.events import find_events
from timeline.temporal import tag

SCHEMES = ["javascript", "JaVaScRiPt", "java\tscript", "java&#9;script", "&#106;avascript", "data", "vbscript",
           "file", "http", "https", "HTTPS", "mailto", "", "//evil.example", "..", "#"]
COLONS = [":", "&#58;", "&#x3a;", "&#X3A;", "&colon;", "&#0000058", "&#58", "%3a", "&amp;#58;", ":&#10;", ""]
REST = ["alert(document.domain)", "//example.org/a?b=1&c=2", "//example.org/?x=1&notify=1", "desk@example.org",
        "text/html;base64,PHNjcmlwdD4=", "/etc/passwd", "../../secret", "top", "//", "\\\\evil.example",
        "//on Friday (Jan 30)", "x\ue000y", "\U000f0000", "&#0;", "&#x0A;", " ", "<>", "\"onmouseover=alert(1)"]
HTML = ["<script>alert(1)</script>", "<SCRIPT SRC=//evil.example/x.js></SCRIPT>", '<a href="javascript:alert(1)">a</a>',
        "<img src=x onerror=alert(1)>", "<svg onload=alert(1)>", "<iframe src=javascript:alert(1)>",
        "<b onclick=x()>b</b>", "&lt;script&gt;", "&#60;script&#62;", "&amp;", "&colon;", "<!-- c -->",
        "<style>*{}</style>", "<?php ?>"]
TEXT = ["on Friday (Jan 30)", "last November", "2 January 2026", "two days later", "in 2025", "\n\n", "\n", " ",
        "*", "_", "`", "# ", "- ", "> ", "| a | b |\n|---|---|\n| c | d |\n", "```\ncode\n```\n", "\\", "[", "]",
        "(", ")", "<", ">", "&", "\ue000", "\U000f0001", "\U00100000", "\U000ffffd", "word", "The river rose"]


@st.composite
def hrefs(draw: st.DrawFn) -> str:
    return draw(st.sampled_from(SCHEMES)) + draw(st.sampled_from(COLONS)) + draw(st.sampled_from(REST))


@st.composite
def links(draw: st.DrawFn) -> str:
    href = draw(hrefs())
    label = draw(st.sampled_from(["click", "on Friday (Jan 30)", "last November", "`code`", "![alt](x.png)"]))
    form = draw(st.sampled_from(["inline", "angle", "reference", "autolink", "image"]))
    if form == "inline":
        return f"[{label}]({href})"
    if form == "angle":
        return f"[{label}](<{href}>)"
    if form == "reference":
        return f"[{label}][r]\n\n[r]: {href}\n"
    if form == "autolink":
        return f"<{href}>"
    return f"![{label}]({href})"


documents = st.lists(st.one_of(links(), st.sampled_from(HTML), st.sampled_from(TEXT),
                               st.text(alphabet="ab:&#;/<>()[]\"' \n\t\ue000", max_size=8)),
                     min_size=1, max_size=25).map("".join)

INERT_TAGS = {"p", "a", "span", "strong", "em", "code", "pre", "h3", "h4", "h5", "h6", "ul", "ol", "li",
              "blockquote", "hr", "br", "table", "thead", "tbody", "tr", "th", "td"}
KEPT_HREF = re.compile(r"(?:https?://[^/\\?#\s]|mailto:.|#)", re.IGNORECASE)


class _Tags(HTMLParser):
    """Every element and attribute as a browser reads them (character references decoded)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += [(tag, name, value or "") for name, value in attrs]


def _followed(href: str) -> str:
    """The URL a browser follows for an href (WHATWG: C0 and space stripped, tabs and newlines removed)."""
    return re.sub("[\t\n\r]", "", href.strip("".join(map(chr, range(0x21)))))


def _private_use(text: str) -> set[str]:
    return {c for c in text if 0xE000 <= ord(c) <= 0xF8FF or ord(c) >= 0xF0000}


@settings(max_examples=300) if os.environ.get("HYPOTHESIS_PROFILE", "ci") == "ci" else settings()
@given(documents)
def test_article_html_keeps_only_safe_links_and_no_active_content(body: str) -> None:
    article = make_article("x\n\n" + body, name="story.md", published="2026-01-31")
    timexes = tag(article.text, article.published)
    html, anchored = article_html(article, find_events(article, timexes), timexes)
    page = _Tags()
    page.feed(str(html))
    page.close()
    assert set(page.tags) <= INERT_TAGS, html
    assert not re.search(r"<\s*/?\s*script", str(html), re.IGNORECASE), html
    for tag_name, name, value in page.attrs:
        assert not name.lower().startswith("on"), (tag_name, name, html)
        assert name in ("href", "id", "class", "title", "align", "style"), (tag_name, name, html)
        if name == "href":
            assert KEPT_HREF.match(_followed(value)), (value, html)
        if name == "style":
            assert re.fullmatch(r"text-align: (left|right|center);", value), value
    assert _private_use(str(html)) <= _private_use(article.text), "a link marker leaked into the page"
    ids = [value for _, name, value in page.attrs if name == "id"]
    assert {i.removeprefix("tx-") for i in ids} == anchored
