"""The article text as HTML, each temporal expression linked to its timeline entry.

An event's date phrase becomes `<a class="timex" id="tx-EVENT" href="#ev-EVENT">`, so the reader goes
from the text to the entry, and the entry's phrase links back to `#tx-EVENT`. Any other date in the
same clause links to that clause's event too (without an id). Markdown bodies are rendered with the
`markdown` package, raw HTML escaped, images replaced by their alt text (a page loads nothing from
the network) and links restricted to absolute http(s) URLs, mailto and in-page targets, judged on
the URL the browser would follow (timeline.urls.safe_href); any other link becomes its text.

The phrases are marked in the source text with private-use characters before rendering, and the
markers turned into elements afterwards, so the links land exactly on the tagged offsets whatever
Markdown does around them. The markers are private-use code points that do not occur in the text,
chosen afresh for each text, so no input can forge, move or break a link.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from markupsafe import Markup

from timeline.article import Article
from timeline.events import Event
from timeline.filters import html_id, text_id
from timeline.temporal import Timex
from timeline.text import Sentence, segment
from timeline.urls import safe_href

__all__ = ["Link", "article_html", "links_for"]

# The private-use areas the markers come from, in the order they are drawn on: planes 15 and 16,
# then the Basic Multilingual Plane's (U+E000-U+F8FF).
_PRIVATE_USE = ((0xF0000, 0xFFFFD), (0x100000, 0x10FFFD), (0xE000, 0xF8FF))
_MAX_LINKS = 0xFFFD
_TOKEN = re.compile(r"<[^>]*>|[^<]+")
_TAG_NAME = re.compile(r"</?([a-zA-Z0-9]+)")


@dataclass(frozen=True)
class Link:
    """A span [start, end) of the article text linked to event `event`; `anchor` gives it the id
    `tx-EVENT` (the event's own date phrase; the target of the entry's link back)."""

    start: int
    end: int
    event: str
    anchor: bool


def links_for(article: Article, events: Sequence[Event], timexes: Sequence[Timex],
              sentences: Sequence[Sentence] | None = None) -> list[Link]:
    """The linked spans of the text: every event's phrase, then each other DATE/TIME expression
    of a clause that has an event; in text order, never overlapping."""
    own = [e for e in events if e.article == article.id]
    spans = [Link(e.offset[0], e.offset[1], e.id, True) for e in own if e.offset[1] > e.offset[0]]
    if sentences is None:
        sentences = segment(article.text)
    by_sentence: dict[int, tuple[list[int], list[Event]]] = {}  # clause starts (sorted) and their events
    for e in sorted(own, key=lambda e: e.text_start):
        starts, evs = by_sentence.setdefault(e.sentence, ([], []))
        starts.append(e.text_start)
        evs.append(e)
    si = 0
    for t in timexes:
        if t.type not in ("DATE", "TIME"):
            continue
        while si + 1 < len(sentences) and sentences[si].end <= t.start:
            si += 1
        if si not in by_sentence:
            continue
        starts, evs = by_sentence[si]
        k = bisect_right(starts, t.start)  # the clause the expression is in: the last one starting before it
        if k:
            first = bisect_left(starts, starts[k - 1])  # of events sharing that clause, the first
            spans.append(Link(t.start, t.end, evs[first].id, False))
    out: list[Link] = []
    for link in sorted(spans, key=lambda s: (s.start, not s.anchor, -s.end)):
        if out and link.start < out[-1].end:
            continue
        out.append(link)
    return out[:_MAX_LINKS]


@dataclass(frozen=True)
class _Markers:
    """The characters that mark the linked spans of one text: `opens[k]` starts link k, `close`
    ends any; `pattern` matches any of them. None of them occurs in the text."""

    close: str
    opens: tuple[str, ...]
    pattern: re.Pattern[str]
    index: dict[str, int]


def _markers(text: str, count: int) -> _Markers:
    """`count` + 1 private-use characters absent from `text` (fewer if the text uses nearly all)."""
    used = {ord(c) for c in set(text) if 0xE000 <= ord(c) <= 0xF8FF or ord(c) >= 0xF0000}
    chosen: list[int] = []
    for low, high in _PRIVATE_USE:
        code = low
        while code <= high and len(chosen) <= count:
            if code not in used:
                chosen.append(code)
            code += 1
    if len(chosen) < 2:  # the text holds nearly every private-use character: no links
        return _Markers("", (), re.compile("(?!)"), {})
    ranges: list[list[int]] = []
    for code in chosen:
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    char_class = "".join(chr(a) if a == b else f"{chr(a)}-{chr(b)}" for a, b in ranges)
    opens = tuple(map(chr, chosen[1:]))
    return _Markers(chr(chosen[0]), opens, re.compile(f"[{char_class}]"), {c: k for k, c in enumerate(opens)})


def _insert_markers(text: str, links: Sequence[Link], markers: _Markers) -> str:
    parts: list[str] = []
    pos = 0
    for link, mark in zip(links, markers.opens, strict=False):
        parts += [text[pos:link.start], mark, text[link.start:link.end], markers.close]
        pos = link.end
    parts.append(text[pos:])
    return "".join(parts)


def _plain_html(text: str) -> str:
    """Plain text as paragraphs: blank lines separate them when the text has any, else every line
    is a paragraph (news copy often has one paragraph per line)."""
    blocks = re.split(r"\n[ \t]*\n+", text) if re.search(r"\n[ \t]*\n", text) else text.split("\n")
    paras = [" ".join(b.split()) for b in blocks]
    return "\n".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paras if p)


def _sanitise(root: ET.Element, markers: re.Pattern[str]) -> None:
    """Headings two levels down (the page has h1 and h2), images as their alt text, links that may
    not stay links (timeline.urls.safe_href) as plain text. A kept link's href is rewritten to the
    URL the check decided on, so the browser follows exactly that."""
    from markdown.util import AMP_SUBSTITUTE

    for el in root.iter():
        if re.fullmatch(r"h[1-6]", el.tag):
            el.tag = f"h{min(6, int(el.tag[1]) + 2)}"
        elif el.tag == "img":
            alt = el.get("alt") or ""
            el.tag = "span"
            el.attrib.clear()
            el.set("class", "image-alt")
            el.text = f"[image: {alt}]" if alt else "[image]"
        elif el.tag == "a":
            # The href as the page will hold it: markers dropped (as _link_markers does in tags),
            # Markdown's placeholder for "&" (its e-mail links are spelt in entities) restored.
            written = markers.sub("", el.get("href", "")).replace(AMP_SUBSTITUTE, "&")
            target = safe_href(written)
            if target is None:
                el.tag = "span"
                el.attrib.clear()
            else:  # "&" as "&amp;" (Markdown's serializer keeps "&#58;"-like text as it is)
                el.set("href", target.replace("&", AMP_SUBSTITUTE + "amp;"))


@cache
def _safe_markdown() -> type:
    """The Markdown extension that drops raw HTML and sanitises the tree (markdown is imported
    here: only a site's Markdown articles need it)."""
    import markdown
    from markdown.extensions import Extension
    from markdown.treeprocessors import Treeprocessor

    class Sanitise(Treeprocessor):
        def __init__(self, md: markdown.Markdown, markers: re.Pattern[str]) -> None:
            super().__init__(md)
            self.markers = markers

        def run(self, root: ET.Element) -> None:
            _sanitise(root, self.markers)

    class SafeMarkdown(Extension):
        def __init__(self, markers: re.Pattern[str]) -> None:
            super().__init__()
            self.markers = markers

        def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (the markdown API's name)
            md.preprocessors.deregister("html_block")
            md.inlinePatterns.deregister("html")
            # After Markdown's own "unescape" (priority 0, registered first): the hrefs are final.
            md.treeprocessors.register(Sanitise(md, self.markers), "timeline_sanitise", 0)

    return SafeMarkdown


def _markdown_html(text: str, markers: re.Pattern[str]) -> str:
    import markdown

    md = markdown.Markdown(extensions=["tables", "fenced_code", "sane_lists", _safe_markdown()(markers)],
                           output_format="html")
    return str(md.convert(text))


def _link_markers(rendered: str, links: Sequence[Link], markers: _Markers) -> tuple[str, set[str]]:
    """Turn the markers of rendered HTML into links: `<a class="timex">` (a `<span>` inside another
    link), closed within the text node it opened in; markers inside tags are dropped."""
    out: list[str] = []
    anchored: set[str] = set()
    in_link = 0
    split = re.compile(f"({markers.pattern.pattern})")
    marked = markers.pattern.search
    for token in _TOKEN.findall(rendered):
        if token.startswith("<"):
            name = _TAG_NAME.match(token)
            if name and name.group(1).lower() == "a":
                in_link += -1 if token.startswith("</") else 1
            out.append(markers.pattern.sub("", token) if marked(token) else token)
            continue
        if not marked(token):  # most text between tags links nothing
            out.append(token)
            continue
        open_tag: str | None = None
        for piece in split.split(token):
            if not piece:
                continue
            if piece == markers.close:
                if open_tag:
                    out.append(f"</{open_tag}>")
                    open_tag = None
            elif piece in markers.index:
                if open_tag:
                    out.append(f"</{open_tag}>")
                link = links[markers.index[piece]]
                ident = ""
                if link.anchor and link.event not in anchored:
                    ident = f' id="{html.escape(text_id(link.event))}"'
                    anchored.add(link.event)
                if in_link:
                    open_tag = "span"
                    out.append(f'<span class="timex"{ident}>')
                else:
                    open_tag = "a"
                    out.append(f'<a class="timex"{ident} href="#{html.escape(html_id(link.event))}">')
            else:
                out.append(piece)
        if open_tag:
            out.append(f"</{open_tag}>")
    return "".join(out), anchored


def article_html(article: Article, events: Sequence[Event], timexes: Sequence[Timex],
                 sentences: Sequence[Sentence] | None = None) -> tuple[Markup, set[str]]:
    """(the article text as HTML with its dates linked, the ids of the events whose phrase got the
    anchor `tx-ID`: only those may be linked to)."""
    links = links_for(article, events, timexes, sentences)
    markers = _markers(article.text, len(links))
    links = links[:len(markers.opens)]
    marked = _insert_markers(article.text, links, markers)
    rendered = _markdown_html(marked, markers.pattern) if article.format == "markdown" else _plain_html(marked)
    linked, anchored = _link_markers(rendered, links, markers)
    return Markup(linked), anchored


def anchored_events(article: Article, events: Sequence[Event], timexes: Sequence[Timex],
                    sentences: Sequence[Sentence] | None = None) -> set[str]:
    """The ids `article_html` reports as anchored, without rendering the page when that is
    certain: in plain text every link it places keeps its anchor (a Markdown article is rendered,
    since its markup may swallow one)."""
    if article.format == "markdown":
        return article_html(article, events, timexes, sentences)[1]
    links = links_for(article, events, timexes, sentences)
    links = links[:len(_markers(article.text, len(links)).opens)]
    return {link.event for link in links if link.anchor}
