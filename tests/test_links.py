"""Links in an article's text and the article's URL: only absolute http(s) URLs with a host,
mailto: and in-page #fragments stay links, judged on the URL a browser would follow (entities
decoded, controls stripped, the scheme in any case); and private-use characters in the text, the
range the link markers come from, neither break nor move a link (issue 10, items 1 and 6).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from timeline import render
from timeline.annotate import article_html
from timeline.article import make_article
from timeline.chronology import Timeline
from timeline.events import Event, find_events
from timeline.temporal import tag
from timeline.urls import safe_href


class _Anchors(HTMLParser):
    """Every <a>: its attributes as a browser reads them (entities decoded) and its text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.anchors: list[tuple[dict[str, str | None], str]] = []
        self.tags: list[str] = []
        self.attrs: list[str] = []
        self._open: list[int] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += [name for name, _ in attrs]
        if tag == "a":
            self.anchors.append((dict(attrs), ""))
            self._open.append(len(self.anchors) - 1)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._open:
            self._open.pop()

    def handle_data(self, data: str) -> None:
        for i in self._open:
            attrs, text = self.anchors[i]
            self.anchors[i] = (attrs, text + data)


def _anchors(html: str) -> _Anchors:
    parser = _Anchors()
    parser.feed(html)
    parser.close()
    return parser


def _markdown_page(body: str) -> tuple[str, list[Event]]:
    article = make_article(body, name="story.md", published="2026-01-31")
    timexes = tag(article.text, article.published)
    events = find_events(article, timexes)
    html, _ = article_html(article, events, timexes)
    return str(html), events


# --- 1. links in Markdown articles ----------------------------------------------------------------

HOSTILE_HREFS = [
    "javascript&#58;alert(document.domain)",
    "javascript&#x3a;alert(document.domain)",
    "javascript&#X3A;alert(document.domain)",
    "javascript&colon;alert(document.domain)",
    "java&#9;script&#58;alert(document.domain)",
    "java&#x0A;script:alert(document.domain)",
    "&#106;avascript:alert(document.domain)",
    "&#0000106&#0000097vascript:alert(document.domain)",
    "JaVaScRiPt:alert(document.domain)",
    "%20javascript:alert(document.domain)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "//evil.example/x",
    "\\\\evil.example/x",
    "../../secret",
    "secret.html",
    "https:evil.example",
    "http://",
    "https:///x",
]
SAFE_HREFS = {
    "https://example.org/a?b=1&c=2": "https://example.org/a?b=1&c=2",
    "https://example.org/a?b=1&amp;c=2": "https://example.org/a?b=1&c=2",
    "https://example.org/?x=1&notify=1": "https://example.org/?x=1&notify=1",
    "HTTP://EXAMPLE.ORG/": "HTTP://EXAMPLE.ORG/",
    "mailto:desk@example.org": "mailto:desk@example.org",
    "#section-2": "#section-2",
    "h&#116;tps://example.org/": "https://example.org/",
}


@pytest.mark.parametrize("href", HOSTILE_HREFS)
def test_a_hostile_link_in_markdown_becomes_plain_text(href: str) -> None:
    html, _ = _markdown_page(f"The levee broke on Friday (Jan 30).\n\n[click me]({href}) for more.\n")
    parser = _anchors(html)
    assert [text for _, text in parser.anchors if "click me" in text] == [], html
    assert "click me" in html
    for attrs, _ in parser.anchors:  # what is left: the date links, in-page
        assert str(attrs.get("href")).startswith("#ev-"), html


def test_hostile_reference_links_are_plain_text_too() -> None:
    html, _ = _markdown_page("It rained on Friday (Jan 30).\n\nSee [the notes][n] and [more][m].\n\n"
                             "[n]: javascript&colon;alert(1)\n[m]: //evil.example/x\n")
    assert all(str(a.get("href")).startswith("#ev-") for a, _ in _anchors(html).anchors), html
    assert "the notes" in html and "more" in html


@pytest.mark.parametrize(("href", "seen"), SAFE_HREFS.items())
def test_web_mail_and_in_page_links_stay_links(href: str, seen: str) -> None:
    html, _ = _markdown_page(f"Rain on Friday (Jan 30).\n\n[read this]({href}) now.\n")
    links = [attrs for attrs, text in _anchors(html).anchors if text == "read this"]
    assert [a.get("href") for a in links] == [seen]


def test_an_email_autolink_stays_a_mailto_link() -> None:
    html, _ = _markdown_page("Rain on Friday (Jan 30). Write to <desk@example.org>.\n")
    links = [attrs for attrs, text in _anchors(html).anchors if text == "desk@example.org"]
    assert [a.get("href") for a in links] == ["mailto:desk@example.org"]


def test_a_date_inside_a_link_keeps_the_link_and_its_target() -> None:
    html, events = _markdown_page("The [storm of Friday (Jan 30)](https://example.org/storm?d=1&e=2) hit.\n")
    parser = _anchors(html)
    assert [a.get("href") for a, _ in parser.anchors] == ["https://example.org/storm?d=1&e=2"]
    assert f'<span class="timex" id="tx-{events[0].id}">Friday (Jan 30)</span>' in html


@pytest.mark.parametrize("url", [
    "https://example.org/story", "HTTPS://EXAMPLE.ORG/", "http://example.org/?a=1&b=2",
])
def test_web_url_accepts_absolute_web_urls(url: str) -> None:
    assert render.make_env().tests["web_url"](url)
    assert safe_href(url) == url


@pytest.mark.parametrize("url", [
    "javascript:alert(1)", "javascript&#58;alert(1)", " javascript:alert(1)", "java\tscript:alert(1)",
    "//evil.example/x", "../secret", "https:evil.example", "http://", "mailto:desk@example.org", "#top",
    "&#104;ttps://example.org/", "https&#58;//example.org/", "https://exa mple.org/", "data:text/html,x", None, 3,
])
def test_web_url_refuses_everything_else(url: object) -> None:
    assert not render.make_env().tests["web_url"](url)


def test_a_hostile_article_url_is_no_link_in_any_template() -> None:
    from dataclasses import replace

    from test_render import ARTICLE, EVENTS

    for url in ("javascript&#58;alert(1)", "//evil.example/x", "java\tscript:alert(1)"):
        tl = Timeline(articles=(replace(ARTICLE, url=url),), events=EVENTS[:1])
        html = render.render(tl, "html")
        hrefs = [a.get("href") for a, _ in _anchors(html).anchors]
        assert all(str(h).startswith("#") for h in hrefs), hrefs
        assert f"](<{render.md_url(url)}>)" not in render.render(tl, "md")


# --- 6. private-use characters in the text ---------------------------------------------------------

# The characters the link markers are drawn from when the text does not use them: the start of
# each private-use area, and the last code points of the planes.
PRIVATE = ("\U000f0000\U000f0001\U000f0002\U000f0005\U00100000\U00100001\ue000\ue001"
           "\U000ffffd\U0010fffd\uf8ff")


@pytest.mark.parametrize("name", ["story.md", "story.txt"])
def test_private_use_characters_in_the_text_are_kept_and_move_no_link(name: str) -> None:
    body = (f"Flooding {PRIVATE} began on Friday (Jan 30) {PRIVATE[::-1]} and the river rose.\n\n"
            f"Since last November {PRIVATE[:3]} prices have risen.\n\n{PRIVATE} ends it.\n")
    article = make_article(body, name=name, published="2026-01-31")
    timexes = tag(article.text, article.published)
    events = find_events(article, timexes)
    assert {e.phrase for e in events} >= {"Friday (Jan 30)", "last November"}
    html, anchored = article_html(article, events, timexes)
    assert anchored == {e.id for e in events}
    for e in events:
        assert f'id="tx-{e.id}" href="#ev-{e.id}">{e.phrase}</a>' in html
    visible = re.sub(r"<[^>]*>", "", str(html))
    assert [c for c in visible if c in PRIVATE] == [c for c in body if c in PRIVATE]


PLANES_15_16 = "".join(map(chr, [*range(0xF0000, 0xFFFFE), *range(0x100000, 0x10FFFE)]))
BMP_PRIVATE = "".join(map(chr, range(0xE000, 0xF900)))


def _private_use(text: str) -> list[str]:
    return sorted(c for c in text if 0xE000 <= ord(c) <= 0xF8FF or ord(c) >= 0xF0000)


@pytest.mark.parametrize(("used", "linked"), [(PLANES_15_16, True), (PLANES_15_16 + BMP_PRIVATE, False)])
def test_a_text_holding_whole_private_use_planes(used: str, linked: bool) -> None:
    """Planes 15 and 16 used up: the markers come from the BMP's area; every area used up (an
    attack, no text does that): the dates are not linked, and nothing is lost or moved."""
    body = used + "\n\n" + "\n\n".join(f"It rained on {d} January 2026. {BMP_PRIVATE[:30]}"
                                         for d in range(1, 29)) + "\n"
    article = make_article(body, name="many.txt", published="2026-01-31")
    timexes = tag(article.text, article.published)
    events = find_events(article, timexes)
    assert len(events) == 28
    html, anchored = article_html(article, events, timexes)
    assert anchored == ({e.id for e in events} if linked else set())
    for e in events if linked else ():
        assert f'id="tx-{e.id}" href="#ev-{e.id}">{e.phrase}</a>' in html
    assert _private_use(re.sub(r"<[^>]*>", "", str(html))) == _private_use(body)
