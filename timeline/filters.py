"""The template filters: how the values of a timeline are shown in HTML, Markdown and the exports.

One module, imported by the renderer (which registers them in the Jinja environment) and by the
exports, so neither imports the other. Every filter is a pure function of its arguments.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime
from functools import lru_cache

from markupsafe import Markup, escape

from timeline import calendar
from timeline.bidi import no_bidi
from timeline.events import Event
from timeline.lang import DEFAULT, html_lang
from timeline.urls import safe_href

__all__ = [
    "clause_parts",
    "counted",
    "granularity_class",
    "how",
    "html_id",
    "is_web_url",
    "iso",
    "lang_attr",
    "mark_phrase",
    "no_bidi",
    "md_escape",
    "md_phrase",
    "md_url",
    "phrase_parts",
    "range_dash",
    "short_date",
    "text_id",
    "title_lang",
    "until_label",
    "when_text",
]




def _phrase_at(event: Event) -> tuple[int, int] | None:
    """Where the date phrase lies in `event.text`: inside the event's clause when it has one,
    else at `event.offset` when that spans it in the text, else its first occurrence."""
    text, phrase = event.text, event.phrase
    if not phrase:
        return None
    if event.clause:
        start = text.find(phrase, event.clause[0], event.clause[1])
        if start >= 0:
            return start, start + len(phrase)
    start, end = event.offset
    if 0 <= start < end <= len(text) and text[start:end] == phrase:
        return start, end
    start = text.find(phrase)
    return None if start < 0 else (start, start + len(phrase))


def phrase_parts(event: Event) -> tuple[str, str, str]:
    """`event.text` as (before, phrase, after) around the date phrase; ("text", "", "") if not found
    (an event without a phrase of its own: dated by the publication or the story).

    The phrase is looked for in the event's clause first, then at `event.offset`, then anywhere.
    """
    at = _phrase_at(event)
    if at is None:
        return event.text, "", ""
    return event.text[:at[0]], event.text[at[0]:at[1]], event.text[at[1]:]


def clause_parts(event: Event) -> tuple[str, str, str]:
    """`event.text` as (before, clause, after) around the clause that holds the date (the whole
    sentence as the clause when the event has none)."""
    text = event.text
    if not event.clause:
        return "", text, ""
    start, end = event.clause
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    return text[:start], text[start:max(start, end)], text[max(start, end):]


def _escape_plain(text: str) -> str:
    """markupsafe's escape of a plain string, as a plain string (where it has no C speedups)."""
    return (text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")
            .replace("'", "&#39;").replace('"', "&#34;"))


try:  # markupsafe's own C routine, when it has one: the same five entities in one pass
    from markupsafe._speedups import _escape_inner as _escape_str
except ImportError:  # pragma: no cover - markupsafe without its speedups
    _escape_str = _escape_plain


def mark_phrase(event: Event, href: str | None = None) -> Markup:
    """The event's sentence, HTML-escaped, with its date phrase wrapped in `<mark>` (with `href`,
    also a link there: the phrase in the article text) and, when the sentence dates several
    things, the clause that holds this date in `<span class="clause">`."""
    text = event.text
    at = _phrase_at(event)

    # Escaped piece by piece and concatenated (what Markup.format does, without its formatter), as
    # plain strings: one Markup made at the end, not one for every piece.
    def piece(lo: int, hi: int) -> str:
        if at is None or hi <= at[0] or lo >= at[1]:
            return _escape_str(text[lo:hi])
        start, end = max(lo, at[0]), min(hi, at[1])
        phrase = _escape_str(text[start:end])
        inner = f'<a class="to-text" href="{escape(href)}">{phrase}</a>' if href else phrase
        return f"{_escape_str(text[lo:start])}<mark>{inner}</mark>{_escape_str(text[end:hi])}"

    if not event.clause:
        return Markup(piece(0, len(text)))
    start, end = event.clause
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    if at is not None and not (start <= at[0] and at[1] <= end):  # the phrase outside the clause: no clause
        return Markup(piece(0, len(text)))
    return Markup(f'{piece(0, start)}<span class="clause">{piece(start, end)}</span>{piece(end, len(text))}')


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~$])")
_MD_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
_MD_LINE_START = re.compile(r"^([#+=-])")
_MD_ORDERED = re.compile(r"^(\d+)([.)])")
_SPACE = re.compile(r"\s+")
# Anything one of the four patterns above could change (the text is one line by then).
_MD_ANY = re.compile(r"[\\`*_\[\]<>|~$&]|^[#+=\d-]")


def md_escape(text: object) -> str:
    """`text` made inert in GitHub-flavoured Markdown, on one line (whitespace runs become one space).

    Drops bidi overrides and isolates (timeline.bidi: one left open would reorder the rest of the
    line). Backslash-escapes emphasis, code, links, HTML, table pipes, strikethrough and math (`$`),
    entity-like `&…;`, and list/heading markers at the start.
    """
    s = _SPACE.sub(" ", no_bidi(text))
    if not _MD_ANY.search(s):  # most text: nothing the substitutions below would change
        return s
    s = _MD_SPECIAL.sub(r"\\\1", s)
    s = _MD_ENTITY.sub(r"\\&", s)
    s = _MD_LINE_START.sub(r"\\\1", s)
    return _MD_ORDERED.sub(r"\1\\\2", s)


def md_phrase(event: Event) -> str:
    """The event's sentence, Markdown-escaped, with its date phrase in **bold**."""
    before, phrase, after = phrase_parts(event)
    core = phrase.strip()
    if not core:
        return md_escape(before + phrase + after).strip()
    lead = phrase[: len(phrase) - len(phrase.lstrip())]
    trail = phrase[len(phrase.rstrip()) :]
    out = f"{md_escape(before + lead)}**{md_escape(core)}**{md_escape(trail + after)}"
    return out.strip()


def md_url(url: str) -> str:
    """A URL safe inside a Markdown `<…>` link destination (spaces, angle brackets, backslashes encoded)."""
    url = re.sub(r"%(?![0-9A-Fa-f]{2})", "%25", url)
    for char, code in ((" ", "%20"), ("<", "%3C"), (">", "%3E"), ("\\", "%5C"), ("\n", "%0A")):
        url = url.replace(char, code)
    return url


def iso(value: date | datetime | str | None) -> str:
    """ISO 8601 form of a date or datetime; strings pass through and None becomes ""."""
    if value is None:
        return ""
    if isinstance(value, date | datetime):
        return value.isoformat()
    return str(value)


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """A count and its noun, in the plural unless one, with thousands grouped: "1 article",
    "1,460 articles" (`plural` for a noun that does not take an s)."""
    return f"{n:,} {noun if n == 1 else (plural or noun + 's')}"


def short_date(value: date) -> str:
    """A date in a short form for tables: "31 Jan 2026"."""
    return f"{value.day} {calendar.MONTHS[value.month - 1][:3]} {value.year}"


_WHITESPACE = re.compile(r"\s")


def html_id(event_id: str) -> str:
    """A valid HTML id for an event: "ev-" + the id, whitespace replaced by "_"."""
    return "ev-" + _WHITESPACE.sub("_", str(event_id))


def text_id(event_id: str) -> str:
    """The HTML id of an event's date phrase in the article text: "tx-" + the id."""
    return "tx-" + _WHITESPACE.sub("_", str(event_id))


@lru_cache(maxsize=256)
def granularity_class(name: str) -> str:
    """A CSS class name for a granularity ("part of day" -> "part-of-day"); remembered: every
    entry of every page asks for one of a dozen (a regular expression each time cost a site of
    1,000 articles, whose 5,600 events are drawn twice, about 0.08 CPU-s)."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


_HOW = {"option": "given with --published", "front matter": "from the front matter"}


def how(published_how: str) -> str:
    """`Article.published_how` as a phrase: "option" -> "given with --published", …, else unchanged."""
    return _HOW.get(published_how, published_how)


def is_web_url(url: object) -> bool:
    """True for an absolute http(s) URL with a host and no space or control character, the only
    article URLs turned into links (timeline.urls.safe_href, the rule of the article text's links).

    It must hold both as written (an HTML attribute escapes it, so the browser reads it as it is)
    and with its character references decoded (a Markdown renderer decodes them in a link)."""
    return (isinstance(url, str) and not re.search(r"[\s\x00-\x1f\x7f]", url)
            and safe_href(url, web_only=True, entities=False) is not None
            and safe_href(url, web_only=True) is not None)


_CLOCK = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d")


def _same_day_clocks(event: Event) -> bool:
    """Whether the event is a clock range within one day ("09:00" to "17:00" on 30 January)."""
    return bool(event.until) and _CLOCK.match(event.date) is not None and _CLOCK.match(event.until or "") is not None \
        and event.date[:10] == (event.until or "")[:10]


def until_label(event: Event) -> str:
    """The end of an event's range as written after its start: its clock alone ("17:00") when the
    range is within one day, else its label ("Saturday 31 January 2026, 06:00"); "" without one."""
    if not event.until:
        return ""
    end = calendar.label(event.until)
    day = calendar.label(event.until[:10]) + ", "
    return end[len(day):] if _same_day_clocks(event) and end.startswith(day) else end


def range_dash(event: Event) -> str:
    """The dash between the start and end of an event's range: "–" between two clocks of one day
    ("09:00–17:00"), else " – "."""
    if _same_day_clocks(event) and until_label(event) != calendar.label(event.until or ""):
        return "\u2013"
    return " \u2013 "


def when_text(event: Event) -> str:
    """When an event happened, in plain words: "since November 2025 (ongoing)", "2009 – 2010",
    "2027 (expected)", "reported Saturday 31 January 2026"."""
    out = event.label
    if event.until:
        out += range_dash(event) + until_label(event)
    if event.ongoing:
        out = f"since {out} (ongoing)"
    if event.status == "expected":
        out += " (expected)"
    return out


_EDITED_WORDS = {"date": "date corrected", "until": "end corrected", "headline": "headline added",
                 "note": "note added", "status": "status corrected"}


def edited_text(event: Event) -> str:
    """What the editor did to an event, in words: "Added by the editor.", "Date corrected by the
    editor.", "Headline added and status corrected by the editor." ("" if nothing)."""
    return edited_words(event.edited)


def edited_words(edited: Sequence[str]) -> str:
    """`edited_text` of the names of what the editor changed (an event's or a story day's `edited`)."""
    if not edited:
        return ""
    if "added" in edited:
        return "Added by the editor."
    words = [_EDITED_WORDS.get(name, f"{name} changed") for name in edited if name != "note"] or ["note added"]
    said = words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]
    return f"{said[0].upper()}{said[1:]} by the editor."


#: The language of the default theme's words (headings, labels, dates): its pages' `<html lang>`.
PAGE_LANG = DEFAULT


_NO_LANG = Markup("")


def lang_attr(value: object) -> Markup:
    """` lang="fr"` for an element holding the words of an article (`value`: the Article, or its
    language code) in another language than the page's (PAGE_LANG), else "" (WCAG 3.1.2, Language
    of Parts). Only a valid BCP 47 tag is written (timeline.lang.html_lang), so nothing to escape."""
    code = getattr(value, "lang", value)
    return _lang_attr(code) if type(code) is str else _NO_LANG  # html_lang: None for all but a str


@lru_cache(maxsize=1024)
def _lang_attr(code: str) -> Markup:
    """`lang_attr` of a language code, remembered: every entry and every mark of the overview asks
    for its article's (a page of 6 events asks 20 times, all for one or two codes)."""
    tag = html_lang(code)
    if tag is None or tag.split("-")[0] == PAGE_LANG:
        return _NO_LANG
    return Markup(f' lang="{tag}"')


def title_lang(title: object, articles: Sequence[object]) -> Markup:
    """`lang_attr` of the one article of a page when `title` is that article's title, else "":
    a title given with --title, or a site's, is in no article's language."""
    if len(articles) == 1 and title == getattr(articles[0], "title", None):
        return lang_attr(articles[0])
    return Markup("")
