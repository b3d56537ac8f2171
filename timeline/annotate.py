"""The article text as HTML, each temporal expression linked to its timeline entry.

An event's date phrase becomes `<a class="timex" id="tx-EVENT" href="#ev-EVENT">`, so the reader goes
from the text to the entry, and the entry's phrase links back to `#tx-EVENT`. Any other date in the
same clause links to that clause's event too (without an id). Markdown bodies are rendered with the
`markdown` package, raw HTML escaped, images replaced by their alt text (a page loads nothing from
the network) and links restricted to http(s), mailto and in-page targets.

The phrases are marked in the source text with private-use characters before rendering, and the
markers turned into elements afterwards, so the links land exactly on the tagged offsets whatever
Markdown does around them.
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
from timeline.render import html_id, text_id
from timeline.temporal import Timex
from timeline.text import Sentence, segment

__all__ = ["Link", "article_html", "links_for"]

_OPEN_BASE = 0xF0000  # Supplementary Private Use Area-A: one code point per link
_CLOSE = "\U00100000"  # Supplementary Private Use Area-B
_MAX_LINKS = 0xFFFD
_TOKEN = re.compile(r"<[^>]*>|[^<]+")
_MARKER = re.compile("[\U000f0000-\U000ffffd\U00100000]")
_SAFE_HREF = re.compile(r"(?:https?:|mailto:|#)|[^:]*$", re.IGNORECASE)


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


def _insert_markers(text: str, links: Sequence[Link]) -> str:
    parts: list[str] = []
    pos = 0
    for k, link in enumerate(links):
        parts += [text[pos:link.start], chr(_OPEN_BASE + k), text[link.start:link.end], _CLOSE]
        pos = link.end
    parts.append(text[pos:])
    return "".join(parts)


def _plain_html(text: str) -> str:
    """Plain text as paragraphs: blank lines separate them when the text has any, else every line
    is a paragraph (news copy often has one paragraph per line)."""
    blocks = re.split(r"\n[ \t]*\n+", text) if re.search(r"\n[ \t]*\n", text) else text.split("\n")
    paras = [" ".join(b.split()) for b in blocks]
    return "\n".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paras if p)


def _sanitise(root: ET.Element) -> None:
    """Headings two levels down (the page has h1 and h2), images as their alt text, unsafe links
    as plain text."""
    for el in root.iter():
        if re.fullmatch(r"h[1-6]", el.tag):
            el.tag = f"h{min(6, int(el.tag[1]) + 2)}"
        elif el.tag == "img":
            alt = el.get("alt") or ""
            el.tag = "span"
            el.attrib.clear()
            el.set("class", "image-alt")
            el.text = f"[image: {alt}]" if alt else "[image]"
        elif el.tag == "a" and not _SAFE_HREF.match(el.get("href", "")):
            el.tag = "span"
            el.attrib.clear()


@cache
def _safe_markdown() -> type:
    """The Markdown extension that drops raw HTML and sanitises the tree (markdown is imported
    here: only a site's Markdown articles need it)."""
    import markdown
    from markdown.extensions import Extension
    from markdown.treeprocessors import Treeprocessor

    class Sanitise(Treeprocessor):
        def run(self, root: ET.Element) -> None:
            _sanitise(root)

    class SafeMarkdown(Extension):
        def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (the markdown API's name)
            md.preprocessors.deregister("html_block")
            md.inlinePatterns.deregister("html")
            md.treeprocessors.register(Sanitise(md), "timeline_sanitise", 0)

    return SafeMarkdown


def _markdown_html(text: str) -> str:
    import markdown

    md = markdown.Markdown(extensions=["tables", "fenced_code", "sane_lists", _safe_markdown()()],
                           output_format="html")
    return str(md.convert(text))


def _link_markers(rendered: str, links: Sequence[Link]) -> tuple[str, set[str]]:
    """Turn the markers of rendered HTML into links: `<a class="timex">` (a `<span>` inside another
    link), closed within the text node it opened in; markers inside tags are dropped."""
    out: list[str] = []
    anchored: set[str] = set()
    in_link = 0
    for token in _TOKEN.findall(rendered):
        if token.startswith("<"):
            name = re.match(r"</?([a-zA-Z0-9]+)", token)
            if name and name.group(1).lower() == "a":
                in_link += -1 if token.startswith("</") else 1
            out.append(_MARKER.sub("", token))
            continue
        open_tag: str | None = None
        for piece in re.split(f"({_MARKER.pattern})", token):
            if not piece:
                continue
            if piece == _CLOSE:
                if open_tag:
                    out.append(f"</{open_tag}>")
                    open_tag = None
            elif _MARKER.fullmatch(piece):
                if open_tag:
                    out.append(f"</{open_tag}>")
                link = links[ord(piece) - _OPEN_BASE]
                ident = f' id="{text_id(link.event)}"' if link.anchor and link.event not in anchored else ""
                if ident:
                    anchored.add(link.event)
                if in_link:
                    open_tag = "span"
                    out.append(f'<span class="timex"{ident}>')
                else:
                    open_tag = "a"
                    out.append(f'<a class="timex"{ident} href="#{html_id(link.event)}">')
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
    marked = _insert_markers(article.text, links)
    rendered = _markdown_html(marked) if article.format == "markdown" else _plain_html(marked)
    linked, anchored = _link_markers(rendered, links)
    return Markup(linked), anchored
