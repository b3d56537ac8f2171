"""Read a saved news web page into an `Article`.

The main text comes from trafilatura (navigation, comments, scripts and link lists dropped), the
headline, site name, canonical address and author from the page's metadata; a page whose main text
trafilatura cannot find keeps its date and title, with the best fallback text and a warning. The
publication date comes, strongest first, from:

  "page metadata"  the page's own markup (JSON-LD `datePublished`, `article:published_time`,
                   `<time datetime>`, ...), read by htmldate for the original, not the modified,
                   date, else leniently by this module; a UTC stamp becomes the publisher's local
                   day when the page tells its time zone; a document revised over a year later
                   whose text names the revision's years (a wiki page) is dated by its revision
  "url"            a date in the page's address, when it is htmldate's date
  "byline"         a full date printed just below the headline    } the earlier of ours and
                   (not a member's joining date, not an embedded   } htmldate's date from the
                   post's date)                                     } page's text (a timestamp
  "timestamp"      the first Unix-time moment in a data attribute   } also when a day later:
  "dateline"       the text's dateline ("WASHINGTON, Jan. 30 (AP)")  } the written date is in the
  "page text"      a date elsewhere on the page (htmldate's         } reader's zone); not a
                   extensive search)                                } date written only as an
                                                                    } update, when ours is later
  "inferred from …" the text's own evidence, as for a plain-text article (`timeline.infer`)

A day that is not a day (2026-13-45, a year alone) is no evidence. When the text reports as past a
day later than the date the page gives, `warn` is told both. trafilatura and htmldate are imported
only when a page is read (they are slow to import).
"""

from __future__ import annotations

import codecs
import contextlib
import json
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from email.utils import parsedate_to_datetime
from itertools import chain, islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from timeline.article import Article, NoPublicationDate, parse_date, slugify
from timeline.errors import ArticleError

if TYPE_CHECKING:
    from lxml.html import HtmlElement

__all__ = ["MAX_PAGE_BYTES", "NoArticleText", "decode_page", "looks_like_html", "page_published", "read_html",
           "with_http_charset"]

# A news page is well under 1 MB (the largest of 82 real pages: 0.5 MB), or a few MB when saved
# with its images inlined; past 10 MB it is something else (an archive, a data dump). The limit
# also bounds the time: trafilatura's grows faster than the page (4 MB of text paragraphs: 6 s).
MAX_PAGE_BYTES = 10 * 1024 * 1024

# htmldate's own lower bound: no news page on the web is older.
_MIN_DATE = date(1995, 1, 1)


class NoArticleText(ArticleError):
    """A page that holds no article text (a video page, an index, a login wall): `build` skips
    it with a warning, `extract` reports it (exit status 2)."""


# --- bytes to text --------------------------------------------------------------------------------

_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
_PRESCAN = 64 * 1024  # how far into the page to look for a declared charset
_META_CHARSET = re.compile(rb"""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""\A\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# As browsers do (WHATWG Encoding): Latin-1 and ASCII labels mean windows-1252, and a UTF-16/32
# label in an ASCII-compatible page (it was readable enough to find the label) means UTF-8.
_ALIASES = {"iso8859-1": "cp1252", "ascii": "cp1252", "utf-16": "utf-8", "utf-16-le": "utf-8",
            "utf-16-be": "utf-8", "utf-32": "utf-8", "utf-32-le": "utf-8", "utf-32-be": "utf-8"}


def _codec(label: bytes) -> str | None:
    """The Python codec for a declared charset label, or None when Python does not know it."""
    try:
        name = codecs.lookup(label.decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None
    return _ALIASES.get(name, name)


def _declared_charset(data: bytes) -> str | None:
    head = data[:_PRESCAN]
    for pattern in (_XML_ENCODING, _META_CHARSET):
        m = pattern.search(head)
        if m and (codec := _codec(m.group(1))):
            return codec
    return None


def with_http_charset(data: bytes, charset: str | None) -> bytes:
    """The bytes of a fetched page given the charset its HTTP Content-Type header declares: as
    browsers do, the header outranks the page's own `<meta charset>` (only a byte-order mark
    outranks it), so a page whose bytes decode in that charset is returned as UTF-8 after a
    byte-order mark, which `decode_page` reads first; anything else (no charset, one Python does
    not know, bytes that do not decode in it: a server that lies) is returned unchanged."""
    if not charset or any(data.startswith(bom) for bom, _ in _BOMS):
        return data
    codec = _codec(charset.strip().encode("ascii", "replace"))
    if codec is None:
        return data
    try:
        text = data.decode(codec)
    except (UnicodeError, LookupError, ValueError):  # bytes not in it, or no text encoding (rot13, base64)
        return data
    return codecs.BOM_UTF8 + text.encode("utf-8", "surrogatepass")


def decode_page(data: bytes, name: str) -> str:
    """The page as text: by its byte-order mark, else its declared charset, else UTF-8, else
    windows-1252 (which decodes nearly any byte). ArticleError for bytes that are no text."""
    text: str | None = None
    for bom, codec in _BOMS:
        if data.startswith(bom):
            text = data[len(bom):].decode(codec, errors="replace")
            break
    else:
        for codec in dict.fromkeys(c for c in (_declared_charset(data), "utf-8", "cp1252") if c):
            try:
                text = data.decode(codec)
                break
            except (UnicodeDecodeError, LookupError):
                continue
        if text is None:
            text = data.decode("cp1252", errors="replace")
    if "\x00" in text:
        raise ArticleError(f"{name}: binary data, not a web page (NUL bytes)")
    controls = sum(1 for ch in text[:_PRESCAN] if ch < " " and ch not in "\t\n\r\f")
    if controls > 0.05 * min(len(text), _PRESCAN):
        raise ArticleError(f"{name}: binary data, not a web page (cannot be decoded as text)")
    return text


_LEADING_JUNK = re.compile(r"\A(?:\s+|<\?xml[^>]*>|<!--.*?-->)+", re.DOTALL)


def looks_like_html(data: bytes) -> bool:
    """Whether the bytes (stdin, say) are an HTML page: a doctype, `<html` or `<head` at the start,
    after a byte-order mark, white space, an XML declaration or comments."""
    head = data[:4096]
    text = None
    for bom, codec in _BOMS:
        if head.startswith(bom):
            text = head[len(bom):].decode(codec, errors="ignore")
            break
    if text is None:
        text = head.decode("latin-1")
    text = _LEADING_JUNK.sub("", text, count=1).lower()
    return text.startswith(("<!doctype html", "<html", "<head"))


# --- the publication date -------------------------------------------------------------------------

_ISO_DAY = re.compile(r"(?<!\d)((?:19|20)\d\d)-?(0[1-9]|1[0-2])-?(0[1-9]|[12]\d|3[01])(?!\d)")
_DATE_META = re.compile(r"date|time|publish|created|issued", re.IGNORECASE)
# The metadata fields of the original publication date, tried when htmldate found no date in the
# markup (it reads only some formats: "Tue, Sep 15 2020 10:01:41 EDT" is not one of them).
_PUBLISHED_META = frozenset({
    "article:published_time", "og:published_time", "og:article:published_time", "datepublished", "pubdate",
    "publishdate", "publish-date", "publish_date", "dc.date.issued", "dcterms.issued", "parsely-pub-date",
    "sailthru.date",
})
_ARTICLE_TYPE = re.compile(r"article|posting|report|news|blog", re.IGNORECASE)
_UPDATED = re.compile(r"\b(?:updated?|modified|edited|revised)\b\W*(?:\w+\W+){0,2}$", re.IGNORECASE)
# A date under the headline that is not the story's at all: a poster's profile on a forum.
_NOT_THE_STORY = re.compile(r"\b(?:joined|member since|registered|born|birthday|last (?:seen|active|visit(?:ed)?))"
                            r"\b\W*(?:\w+\W+){0,2}$", re.IGNORECASE)
_QUOTED = frozenset({"blockquote", "q"})
_BYLINE_WINDOW = 300  # characters of page text after the headline searched for its date
# Date values of the markup considered, and characters of a script read: a news page has tens of
# dates and scripts of kilobytes; a hostile page has 7 MB of <time> tags, which are not read whole.
_MAX_CANDIDATES = 1_000
_MAX_SCRIPT_CHARS = 1_000_000


def _json_ld(tree: HtmlElement) -> Iterator[object]:
    """The parsed JSON-LD blocks of the page (blocks that do not parse are skipped)."""
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            yield json.loads(script.text_content(), strict=False)
        except (ValueError, RecursionError):  # RecursionError: nesting too deep for the parser
            continue


def _ld_nodes(data: object) -> Iterator[dict[str, Any]]:
    """Every JSON object in a JSON-LD block, in document order (so `@graph` members are found
    too); iterative, as a block may nest deeply."""
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            yield item
            stack.extend(reversed(list(item.values())))
        elif isinstance(item, list):
            stack.extend(reversed(item))


def _markup_values(tree: HtmlElement) -> Iterator[str]:
    """The date-like values of the page's machine-readable markup, in document order of kind:
    date-like <meta> fields, `datetime` and `itemprop` attributes, JSON-LD blocks. A generator:
    callers take at most _MAX_CANDIDATES of them (a hostile page holds millions)."""
    for meta in tree.iter("meta"):
        key = meta.get("property") or meta.get("name") or meta.get("itemprop") or meta.get("http-equiv") or ""
        if _DATE_META.search(key):
            yield meta.get("content") or ""
    for el in tree.iter():
        value = el.get("datetime")
        if value is None and el.get("itemprop") is not None:
            value = el.get("content")
        if value:
            yield value
    for s in tree.iter("script"):
        if (s.get("type") or "").strip().lower() == "application/ld+json":
            yield (s.text or "")[:_MAX_SCRIPT_CHARS]


def _markup_days(tree: HtmlElement) -> set[date]:
    """Every day written in the page's machine-readable date markup (its first _MAX_CANDIDATES
    values). htmldate's answer is "page metadata" when it is one of these."""
    days = set()
    for value in islice(_markup_values(tree), _MAX_CANDIDATES):
        for m in islice(_ISO_DAY.finditer(value), _MAX_CANDIDATES):
            with contextlib.suppress(ValueError):
                days.add(date(int(m.group(1)), int(m.group(2)), int(m.group(3))))
    return days


# --- the publisher's local day --------------------------------------------------------------------
# A page often gives the moment of publication twice: in UTC (`article:published_time`
# 2023-11-09T01:09:55+00:00) and in the newsroom's own time (JSON-LD "2023-11-08 18:09:55", or
# 2023-11-08T18:09:55-07:00). The newsroom's local day is the publication date.

_STAMP = re.compile(r"((?:19|20)\d\d)-(\d\d)-(\d\d)[T ](\d\d):(\d\d)(?::(\d\d))?(?:[.,]\d+)?\s*(Z|[+-]\d\d:?\d\d)?",
                    re.IGNORECASE)
# Offsets written elsewhere on the page (ISO 8601 or RFC 2822): the publisher's time zone.
_ZONE = re.compile(r"(?<=\d\d:\d\d)(?::\d\d)?(?:\.\d+)?(?:\s?([+-])(\d\d):?(\d\d))(?![\d:])")
_PUBLISHED_LD = ("datePublished", "dateCreated")


def _offset(text: str | None) -> int | None:
    """Minutes east of UTC of "Z", "+05:30", "-0700"; None when no zone is written."""
    if not text:
        return None
    if text.upper() == "Z":
        return 0
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    return sign * (int(digits[:2]) * 60 + int(digits[2:4]))


def _stamp(value: str) -> tuple[datetime, int | None] | None:
    """(the date and time as written, its offset in minutes or None) of an ISO 8601 timestamp."""
    m = _STAMP.match(value.strip())
    if m is None:
        return None
    try:
        y, mo, d, h, mi = (int(g) for g in m.groups()[:5])
        moment = datetime(y, mo, d, h, mi, int(m.group(6) or 0))
    except ValueError:
        return None
    return moment, _offset(m.group(7))


def _publication_stamps(tree: HtmlElement) -> list[tuple[datetime, int | None]]:
    """The timestamps of the original publication the page's markup gives: the published-time
    <meta> fields, JSON-LD `datePublished`, `<time itemprop="datePublished">` or `pubdate`."""
    values: list[str] = []
    for meta in islice(tree.iter("meta"), _MAX_CANDIDATES):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        if key in _PUBLISHED_META:
            values.append(meta.get("content") or "")
    for block in islice(_json_ld(tree), _MAX_CANDIDATES):
        for node in islice(_ld_nodes(block), _MAX_CANDIDATES):
            values += [v for k in _PUBLISHED_LD if isinstance(v := node.get(k), str)]
    for el in islice(tree.iter("time"), _MAX_CANDIDATES):
        if el.get("pubdate") is not None or (el.get("itemprop") or "").lower() == "datepublished":
            values.append(el.get("datetime") or "")
    return [s for v in values[:_MAX_CANDIDATES] if (s := _stamp(v)) is not None]


def _page_zone(tree: HtmlElement) -> int | None:
    """The time zone the page's own timestamps are written in (the most common offset other than
    UTC among them: markup, JSON-LD, the page's scripts), or None."""
    found: Counter[int] = Counter()
    texts = chain((m.get("content") or "" for m in tree.iter("meta")),
                  (el.get("datetime") or "" for el in tree.iter("time")),
                  ((s.text or "")[:_MAX_SCRIPT_CHARS] for s in tree.iter("script")))
    seen = 0
    for text in texts:
        for m in _ZONE.finditer(text):
            minutes = (-1 if m.group(1) == "-" else 1) * (int(m.group(2)) * 60 + int(m.group(3)))
            if minutes and abs(minutes) <= 14 * 60:
                found[minutes] += 1
            seen += 1
            if seen >= _MAX_CANDIDATES:
                break
        if seen >= _MAX_CANDIDATES:
            break
    return found.most_common(1)[0][0] if found else None


_SAME_MOMENT = timedelta(minutes=10)  # two stamps of one publication may differ by a few seconds


def _local_day(day: date, tree: HtmlElement) -> date:
    """`day`, or the publisher's local day when `day` is the UTC day of a publication stamp and
    the page tells the local time: a stamp of the same moment with an offset, one in local time
    without an offset (the same minutes and seconds, whole quarter hours apart), else the offset
    of the page's other timestamps (unless the same clock time is also written as local time,
    when the "Z" is a mislabel)."""
    stamps = _publication_stamps(tree)
    utc = next((moment for moment, offset in stamps if offset == 0 and moment.date() == day), None)
    if utc is None:
        return day
    for moment, offset in stamps:  # the same moment written with the newsroom's offset
        if offset and abs(moment - timedelta(minutes=offset) - utc) <= _SAME_MOMENT:
            return moment.date()
    for moment, offset in stamps:  # the same moment in local time, without an offset
        apart = (moment - utc).total_seconds()
        if offset is None and apart and abs(apart) <= 14 * 3600 and apart % 900 == 0:
            return moment.date()
    if any(moment == utc and offset != 0 for moment, offset in stamps):
        return day  # the same clock time also written as local: the "Z" is not to be trusted
    zone = _page_zone(tree)
    return (utc + timedelta(minutes=zone)).date() if zone else day


def _loose_day(value: object, name: str) -> date | None:
    """The day of a metadata timestamp in any common format, or None."""
    text = str(value).strip()
    if not text:
        return None
    m = _ISO_DAY.match(text)
    if m:
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    try:
        return parsedate_to_datetime(text).date()  # RFC 2822: "Wed, 28 Oct 2020 22:22:49 GMT"
    except (TypeError, ValueError, IndexError):
        pass
    try:
        return parse_date(text, name)  # written dates: "Tue, Sep 15 2020 10:01:41 EDT"
    except ArticleError:
        return None


def _structured_day(tree: HtmlElement, name: str, today: date) -> date | None:
    """The original publication day from JSON-LD (an article's `datePublished` first) or the
    published-time <meta> fields, read leniently; None when there is none."""
    found: list[tuple[int, date]] = []
    for block in _json_ld(tree):
        for node in _ld_nodes(block):
            value = node.get("datePublished") or node.get("dateCreated")
            if not value or not isinstance(value, str | int | float):
                continue
            kind = node.get("@type")
            kinds = " ".join(kind) if isinstance(kind, list) else str(kind or "")
            day = _loose_day(value, name)
            if day is not None and _MIN_DATE <= day <= today:
                found.append((0 if _ARTICLE_TYPE.search(kinds) else 1, day))
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        if key in _PUBLISHED_META:
            day = _loose_day(meta.get("content") or "", name)
            if day is not None and _MIN_DATE <= day <= today:
                found.append((2, day))
    return min(found, key=lambda f: f[0])[1] if found else None


# --- a document revised years after it was first published -------------------------------------
# A wiki page (or any document kept up to date) gives the day it was created as `datePublished`
# and the day of the revision shown as `dateModified`; its text is the revision's. An old story
# whose page was only moved to a new system also has a late `dateModified`, but its text names no
# year of the revision's time: it keeps its date.

_MODIFIED_META = frozenset({"article:modified_time", "og:updated_time", "datemodified", "dcterms.modified"})
_REVISED_AFTER = timedelta(days=366)  # an update of a news story comes within days or weeks


def _revision_day(tree: HtmlElement, day: date, text: str, name: str, today: date) -> date | None:
    """The day of the page's last revision when it is over a year after `day`, the first
    publication, and the text names the revision's year or the one before (after `day`'s);
    else None.
    The revision is the one of the same document: the JSON-LD node, or the <meta> fields, whose
    first publication is `day` (not the site's WebPage node)."""
    latest: date | None = None
    values: list[object] = []

    def first_published(value: object) -> bool:
        return isinstance(value, str) and _loose_day(value, name) == day

    for block in islice(_json_ld(tree), _MAX_CANDIDATES):
        for node in islice(_ld_nodes(block), _MAX_CANDIDATES):
            if first_published(node.get("datePublished") or node.get("dateCreated")):
                values.append(node.get("dateModified"))
    metas = [((m.get("property") or m.get("name") or m.get("itemprop") or "").strip().lower(), m.get("content"))
             for m in islice(tree.iter("meta"), _MAX_CANDIDATES)]
    if any(key in _PUBLISHED_META and first_published(value) for key, value in metas):
        values += [value for key, value in metas if key in _MODIFIED_META]
    for value in values[:_MAX_CANDIDATES]:
        if isinstance(value, str) and (found := _loose_day(value, name)) is not None and found <= today:
            latest = max(latest or found, found)
    if latest is None or latest - day <= _REVISED_AFTER:
        return None
    # A year of the revision's time (its own or the one before), not any later one: a story of
    # 2005 that looks ahead "to 2008" was not written in 2020.
    years = {int(y) for y in _YEAR.findall(text[:_EVIDENCE_CHARS])}
    return latest if any(max(day.year + 1, latest.year - 1) <= y <= latest.year for y in years) else None


# --- a moment written as Unix time ----------------------------------------------------------------
# A page that shows a time in its reader's zone ("11:25 PM - 10 Jul 2020", rendered in California)
# often keeps the moment itself as Unix time in a data attribute (`data-time="1594448702"`,
# `data-time-ms`, `data-timestamp`, `data-utime`): the first such moment on the page is the story's.

_EPOCH_ATTR = re.compile(r"data-[\w-]*(?:time|stamp)(?:-ms)?", re.IGNORECASE)  # not data-timeout
_EPOCH = re.compile(r"\d{10}|\d{13}")


def _timestamp_day(tree: HtmlElement, today: date) -> date | None:
    """The day of the first Unix-time moment in the page's data attributes (the publisher's local
    day when the page tells its time zone, else the UTC day), or None."""
    seen = 0
    zone: int | None = None
    for el in tree.iter():
        if not isinstance(el.tag, str):  # comments, processing instructions
            continue
        for key, value in el.items():
            if not _EPOCH_ATTR.fullmatch(key) or not _EPOCH.fullmatch(value.strip()):
                continue
            seen += 1
            if seen > _MAX_CANDIDATES:
                return None
            moment = datetime(1970, 1, 1) + timedelta(seconds=int(value.strip()[:10]))
            zone = _page_zone(tree) if zone is None else zone
            day = (moment + timedelta(minutes=zone or 0)).date()
            if _MIN_DATE <= day <= today:
                return day
    return None


def _in_url(day: date, urls: list[str]) -> bool:
    y, m, d = day.year, day.month, day.day
    forms = (f"{y}/{m:02}/{d:02}", f"{y}-{m:02}-{d:02}", f"{y}_{m:02}_{d:02}", f"{y}{m:02}{d:02}", f"{y}/{m}/{d}/")
    return any(form in u for u in urls for form in forms)


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip().lower()


def _headline(tree: HtmlElement, title: str | None) -> HtmlElement | None:
    """The page's headline element: the h1/h2 whose text is the title, else the first h1."""
    heads = tree.xpath("//h1 | //h2")
    want = _norm(title or "")
    if want:
        for h in heads:
            text = _norm(h.text_content())
            if text and (text == want or (len(text) > 15 and (want.startswith(text) or text.startswith(want)))):
                return h
    return next((h for h in heads if h.tag == "h1" and _norm(h.text_content())), None)


def _byline_day(tree: HtmlElement, title: str | None, today: date) -> tuple[tuple[date, str] | None, set[date]]:
    """(the date stamp printed in the first lines after the headline, where news pages put the
    byline, or None; the days there labelled as not the story's). The stamp is a piece of text
    that is a full date and little else (a photo caption's date is in a sentence, so it is not
    taken); one marked as an update only when no other is there; never a member's joining date
    nor the date of an embedded post (a `<blockquote>`)."""
    head = _headline(tree, title)
    if head is None:
        return None, set()
    size = 0
    updated: tuple[date, str] | None = None
    not_the_story: set[date] = set()
    before = ""  # the piece before: a label ("Updated:") is often an element of its own
    for node in head.xpath("following::text()"):
        parent = node.getparent()
        if parent is not None and parent.tag in ("script", "style", "noscript", "template"):
            continue
        if parent is not None and (parent.tag in _QUOTED or any(a.tag in _QUOTED for a in parent.iterancestors())):
            continue  # an embedded post (a tweet) or a quotation: its date is its own
        piece = " ".join(str(node).split())
        if not piece:
            continue
        size += len(piece)
        stamp = _stamp_day(piece)
        if stamp is not None and _MIN_DATE <= stamp[0] <= today:
            label = piece[:piece.find(stamp[1])]
            if _NOT_THE_STORY.search(label) or (not label.strip() and _NOT_THE_STORY.search(before)):
                not_the_story.add(stamp[0])
            elif not _UPDATED.search(label) and not (not label.strip() and _UPDATED.search(before)):
                return stamp, not_the_story
            else:
                updated = updated or stamp
        before = piece
        if size >= _BYLINE_WINDOW:
            break
    return updated, not_the_story


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _only_as_update(tree: HtmlElement, day: date) -> bool:
    """Whether the page writes `day` only as a stamp labelled as an update ("Updated 03/26/2020",
    the terms of use in a footer), never as a stamp of its own."""
    year = str(day.year)
    updated = False
    before = ""
    tried = 0  # stamps parsed: at most _MAX_CANDIDATES (a hostile page repeats "2020" a million times)
    for node in islice(tree.xpath("//body//text()"), _MAX_TEXT_NODES):
        parent = node.getparent()
        if parent is not None and parent.tag in ("script", "style", "noscript", "template"):
            continue
        piece = " ".join(str(node).split())
        if not piece:
            continue
        if year in piece and len(piece) <= _STAMP_CHARS and (tried := tried + 1) <= _MAX_CANDIDATES \
                and (stamp := _stamp_day(piece)) is not None and stamp[0] == day:
            label = piece[:piece.find(stamp[1])]
            if not (_UPDATED.search(label) or (not label.strip() and _UPDATED.search(before))):
                return False
            updated = True
        before = piece
    return updated


_MAX_TEXT_NODES = 100_000  # of a page searched for a stamp; a news page has a few thousand


def _near_year(day: date, ref: date) -> date:
    """`day`'s month and day in the year that puts it nearest to `ref` (a dateline without a year)."""
    best = day
    for year in (ref.year - 1, ref.year, ref.year + 1):
        try:
            cand = day.replace(year=year)
        except ValueError:
            continue
        if abs((cand - ref).days) < abs((best - ref).days):
            best = cand
    return best


_EVIDENCE_CHARS = 30_000  # a long news story; the average of 82 real pages is 4,000


def _text_evidence(text: str, today: date) -> tuple[tuple[date, str] | None, tuple[date, str] | None]:
    """(dateline, other evidence) of the text, from `timeline.infer.infer_published`, read in
    the first _EVIDENCE_CHARS of the text (the evidence of a news story is in its body; the
    inference takes time in proportion to the square of the text's length)."""
    from timeline.infer import infer_published

    found = infer_published(text[:_EVIDENCE_CHARS], today) if text else None
    if found is not None and found[1].startswith("the dateline"):
        return found, None
    return None, found


def _contradiction(day: date, how: str, text: str, today: date, name: str) -> str | None:
    """A warning when the text tells as past a day later than `day`, the page's date, else None.
    A day written without its year ("Friday, Jan. 9") is placed in the year before the page's
    date or the one after it, not by the clock."""
    dateline, evidence = _text_evidence(text, min(today, day + _CONTRADICTION_WINDOW))
    if dateline is not None:
        later, phrase = dateline
        if not _YEAR.search(phrase):
            later = _near_year(later, day)
        if later > day:
            return (f"{name}: the page dates it {day.isoformat()} ({how}) but {phrase} says "
                    f"{later.isoformat()}; using {day.isoformat()} (pass --published to change it)")
    elif evidence is not None:
        event = evidence[0] - timedelta(days=1)  # infer_published's bound is the day after the event
        if event > day:
            return (f"{name}: the page dates it {day.isoformat()} ({how}) but the text reports "
                    f"{evidence[1]} ({event.isoformat()}) as past; using {day.isoformat()} "
                    "(pass --published to change it)")
    return None


_CONTRADICTION_WINDOW = timedelta(days=366)


def page_published(
    tree: HtmlElement,
    text: str,
    *,
    name: str,
    url: str | None = None,
    title: str | None = None,
    today: date,
) -> tuple[date, str, str | None]:
    """(publication date, where it came from, a warning or None) of a parsed page whose main text
    is `text`. ArticleError when nothing on the page or in the text dates it.

    The order of evidence (README, "Where each field comes from"): htmldate's date when the page's
    markup or address confirms it; else our lenient reading of the markup; else htmldate's date
    from the page's text and ours (the byline under the headline, the dateline), the earlier of
    the two when they disagree; else the text's own evidence. A date of the markup given in UTC
    is the publisher's local day when the page tells its time zone."""
    from htmldate import find_date

    canonical = tree.xpath("string(//link[@rel='canonical']/@href)")
    urls = [u for u in (url, canonical) if u]
    # The original date (not the last modification), the markup before the address (a URL's date
    # is often the print edition's), bounded by `today`: htmldate would use the clock.
    found = find_date(tree, extensive_search=False, original_date=True, url=url, deferred_url_extractor=True,
                      max_date=today.isoformat())
    fast = date.fromisoformat(found) if found else None

    choice: tuple[date, str] | None = None
    if fast is not None and fast in _markup_days(tree):
        choice = (_local_day(fast, tree), "page metadata")
    elif fast is not None and _in_url(fast, urls):
        choice = (fast, "url")
    elif (day := _structured_day(tree, name, today)) is not None:
        choice = (_local_day(day, tree), "page metadata")
    if choice is not None:
        if choice[1] == "page metadata" and (revised := _revision_day(tree, choice[0], text, name, today)):
            choice = (revised, "page metadata")
        return choice[0], choice[1], _contradiction(choice[0], choice[1], text, today, name)

    # htmldate's date from the page's text: a guess from a year or a month alone
    # ("2026-13-45" read as 2026, "© 2026") is no date.
    # htmldate's own best guess from the page's text is its extensive search: the date its quick
    # pass takes from a page without date markup is a loose pattern anywhere in the text (a table
    # of earlier dates), and on pages without markup it is the worse of the two.
    found = find_date(tree, extensive_search=True, original_date=True, url=url,
                      deferred_url_extractor=True, max_date=today.isoformat())
    page_text = date.fromisoformat(found) if found else None
    if page_text is not None and page_text.day == 1 and not _written_on_page(tree, page_text):
        page_text = None
    byline, not_the_story = _byline_day(tree, title, today)
    if page_text in not_the_story:  # htmldate read a member's joining date
        page_text = None
    ours: tuple[date, str] | None = None
    dateline, evidence = _text_evidence(text, today)
    if byline is not None:
        ours = (byline[0], "byline")
    elif (stamp := _timestamp_day(tree, today)) is not None:
        ours = (stamp, "timestamp")
    elif dateline is not None:
        day, phrase = dateline
        if page_text is not None and not _YEAR.search(phrase):
            day = _near_year(day, page_text)
        ours = (day, "dateline")
    # Where the two disagree the earlier is the original date: a later one near the top of a
    # page is often the day's date in the masthead or the stamp of an update. A Unix-time moment
    # also wins a day after a written date: that one is in the reader's zone, not the publisher's.
    # An earlier date htmldate read where the page labels it as an update is no publication date.
    if ours is not None and (page_text is None or ours[0] <= page_text
                             or (ours[1] == "timestamp" and ours[0] - page_text <= timedelta(days=1))
                             or _only_as_update(tree, page_text)):
        choice = ours
    elif page_text is not None:
        choice = (page_text, "page text")
    elif evidence is not None:
        return evidence[0], f"inferred from {evidence[1]}", None
    else:
        raise NoPublicationDate(
            f"{name}: no publication date: the page's metadata, address and text give none; "
            "pass --published YYYY-MM-DD"
        )
    day, how = choice
    return day, how, None if how == "dateline" else _contradiction(day, how, text, today, name)


_MONTH_NAMES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _written_on_page(tree: HtmlElement, day: date) -> bool:
    """Whether the first day of a month is written on the page as a full date (numbers, or the
    month as a word), not only its year or its month."""
    y, m = day.year, day.month
    month = _MONTH_NAMES[m - 1]
    pattern = re.compile(
        rf"(?<!\d){y}[-/.]0?{m}[-/.]0?1(?!\d)|(?<!\d)0?1[-/.]0?{m}[-/.]{y}(?!\d)|(?<!\d)0?{m}/0?1/{y}(?!\d)|"
        rf"\b0?1(?:st)?\.?\s+(?:of\s+)?{month}[a-z]*\.?,?\s+{y}\b|\b{month}[a-z]*\.?\s+0?1(?:st)?,?\s+{y}\b",
        re.IGNORECASE)
    texts = chain(islice(_markup_values(tree), _MAX_CANDIDATES), [tree.text_content()[:_EVIDENCE_PAGE_CHARS]])
    return any(pattern.search(t) for t in texts)


_EVIDENCE_PAGE_CHARS = 2_000_000  # of the page's text searched for a written date


# --- the main text --------------------------------------------------------------------------------

_SENTENCE_END = tuple(".!?:;\"”’)]…")
_PUNCT = ",.;:!?)]’”"
_CONTINUES = re.compile(r"[\s,.;:!?)\]’”]|[a-z]")
_LIST_MARK = re.compile(r"\A[-*•]\s+")
# Text that is code, not prose: scripts, style rules, JSON, markup that leaked into the text.
_CODE = re.compile(
    r"function\s*\(|=>\s*\{|\bvar\s+[\w$]+\s*=|\b(?:let|const)\s+[\w$]+\s*=|\bdocument\.\w|\bwindow\.\w|"
    r"<[a-zA-Z/!]|[{}]\s*[\"'\w$.-]+\s*[:=]|\"[\w@$-]+\"\s*:\s*[\"{\[\d]|"
    r"[{}]\s*$|^\s*(?:\{|\[\s*[{\"])|={3,}|\$\(|\bnew\s+Date\(|@media\b|!important"
)
# Photo captions: their dates are when a picture was taken, and they interrupt the story.
_PRUNE = ["//figcaption", "//*[contains(@class, 'caption')]"]
# A paragraph cut off mid-sentence: the teaser of another story ("... rallied on Saturday, battling
# torrential rain and strong ...") or a placeholder ("Loading playlists...").
_TRUNCATED = re.compile(r"(?:[\w,]\s*(?:\.{3}|…)|^\W*(?:\.{3}|…))$")
_MIN_LINK = 12  # characters: shorter link texts ("Home", "Sport") are common words in prose
_MIN_WORDS = 5  # a page has article text when one paragraph at least has this many words


def _lines_to_paragraphs(raw: str) -> list[str]:
    """trafilatura's text has one block a line, and sometimes an inline element (a link) on a line
    of its own: a line continues the previous one when the seam shows it (white space or
    punctuation there, a lowercase start, no sentence end before it), else it starts a paragraph."""
    out: list[str] = []
    prev = ""  # the previous line as trafilatura wrote it (its edge white space tells)
    for line in raw.split("\n"):
        if not line.strip():
            prev = ""
            continue
        if out and prev:
            ended = prev.rstrip().endswith(_SENTENCE_END)
            seam = prev[-1:].isspace() or line[:1].isspace()
            if (not ended and (seam or _CONTINUES.match(line))) or \
                    (ended and (line[:1].isspace() or line[:1] in _PUNCT)):
                glue = "" if line.lstrip()[:1] in _PUNCT else " "
                out[-1] = out[-1] + glue + " ".join(line.split())
                prev = line
                continue
        out.append(" ".join(line.split()))
        prev = line
    return out


class _Links(NamedTuple):
    """The normalised texts of the page's links (navigation, related stories...): all of them, and
    those long enough not to be a common phrase inside a sentence, found by their first
    _MIN_LINK characters (a dict, not one pattern: a page may have 150,000 links)."""

    texts: frozenset[str]
    lengths: dict[str, tuple[int, ...]]  # first _MIN_LINK characters -> lengths of the long texts, longest first


def _links(tree: HtmlElement) -> _Links:
    texts = frozenset(t for a in tree.iter("a") if a.get("href") is not None and (t := _norm(a.text_content())))
    lengths: dict[str, set[int]] = {}
    for t in texts:
        if len(t) >= _MIN_LINK:
            lengths.setdefault(t[:_MIN_LINK], set()).add(len(t))
    return _Links(texts, {k: tuple(sorted(v, reverse=True)) for k, v in lengths.items()})


_WORD_START = re.compile(r"(?<!\w)\w|(?<=\s)\W|\A\W")


def _link_spans(text: str, links: _Links) -> Iterator[tuple[int, int]]:
    """The spans of `text` that are the text of a long link, left to right, the longest at each
    place where a word starts, without overlap: one dict lookup a place, linear in the text."""
    pos = 0
    for m in _WORD_START.finditer(text):
        start = m.start()
        if start < pos:
            continue
        for length in links.lengths.get(text[start:start + _MIN_LINK], ()):
            if text[start:start + length] in links.texts:
                yield start, start + length
                pos = start + length
                break


# A news page has hundreds of links (the most of 82 real pages: 1,912); an index or a sitemap may
# have 150,000, which the extractor copies and scores several times (minutes, gigabytes).
_MANY_LINKS = 5_000
_LINK_RUN = 10  # links side by side with nothing between them: a menu or a list, never prose
_BETWEEN_LINKS = " \t\r\n|·•,;-–—"


def _drop_link_runs(tree: HtmlElement) -> None:
    """On a page of more than _MANY_LINKS links, remove the runs of _LINK_RUN links or more that
    stand side by side (or one to a list item) with nothing but separators between them: lists the
    extractor drops anyway, before it copies them."""
    if sum(1 for _ in islice(tree.iter("a"), _MANY_LINKS + 1)) <= _MANY_LINKS:
        return
    runs: list[tuple[HtmlElement, list[HtmlElement]]] = []
    for parent in tree.iter():
        run: list[HtmlElement] = []
        for child in parent:
            if _lone_link(child):
                run.append(child)
                continue
            if len(run) >= _LINK_RUN:
                runs.append((parent, run))
            run = []
        if len(run) >= _LINK_RUN:
            runs.append((parent, run))
    for parent, run in runs:
        for child in run:
            parent.remove(child)


def _drop_templates(tree: HtmlElement) -> None:
    """Remove each `<template>` a browser never shows (markup kept for scripts to copy): its text
    is no part of the article. A declarative shadow root (`shadowrootmode`, or the older
    `shadowroot`) is shown, so it stays. The text after one (its tail) stays."""
    for template in list(tree.iter("template")):
        if template.getparent() is not None and template.get("shadowrootmode") is None \
                and template.get("shadowroot") is None:
            template.drop_tree()


def _drop_impossible_zones(tree: HtmlElement) -> None:
    """Remove the zone of a timestamp in an attribute (`<meta content>`, `<time datetime>`, `<abbr
    title>`) that is a day or more from UTC ("+24:00", "-99:99": no zone on earth), so it reads as
    a time without a zone: the date extractor raised ValueError on it, a traceback for the page."""
    for el in tree.iter():
        for key, value in el.attrib.items():
            if ":" in value and len(value) <= 200 and any(_impossible(m) for m in _ZONE.finditer(value)):
                el.set(key, _ZONE.sub(lambda m: m.group()[:m.start(1) - m.start()].rstrip() if _impossible(m)
                                      else m.group(), value))


def _impossible(zone: re.Match[str]) -> bool:
    """Whether a _ZONE match is a day or more from UTC."""
    return int(zone.group(2)) * 60 + int(zone.group(3)) >= 24 * 60


def _drop_excess_meta(tree: HtmlElement) -> None:
    """Remove the <meta> fields after the first _MAX_CANDIDATES (a news page has tens; a hostile
    one 100,000, which the extractor's metadata search reads one by one)."""
    excess = list(islice(tree.iter("meta"), _MAX_CANDIDATES, None))
    for meta in excess:
        parent = meta.getparent()
        if parent is not None and not (meta.tail or "").strip():  # text after one stays
            parent.remove(meta)


def _lone_link(el: HtmlElement) -> bool:
    """A link with nothing but a separator after it, or a list item that holds only that."""
    if (el.tail or "").strip(_BETWEEN_LINKS):
        return False
    if el.tag == "a":
        return True
    return (el.tag == "li" and len(el) == 1 and el[0].tag == "a" and not (el.text or "").strip()
            and not (el[0].tail or "").strip(_BETWEEN_LINKS))


def _is_link_list(paragraph: str, links: _Links) -> bool:
    """Whether a paragraph is (mostly) the text of links: a related story, a menu, "MORE: ..."."""
    text = _norm(_LIST_MARK.sub("", paragraph))
    if not text or text in links.texts:
        return True
    if not links.lengths:
        return False
    covered = 0
    rest = []
    pos = 0
    for start, end in _link_spans(text, links):
        covered += end - start
        rest.append(text[pos:start])
        pos = end
    rest.append(text[pos:])
    share = covered / len(text)
    return share >= 0.8 or (share >= 0.6 and len(" ".join(rest).split()) <= 3)


def _stamp_day(text: str) -> tuple[date, str] | None:
    """(day, date phrase) when `text` is only a date stamp ("Mar 28, 2020, 06:15 PM IST",
    "Updated: Apr 26, 2020 21:43 IST", "By Jane Doe | 13 Oct 2020"): a full date and at most three
    other words. None for a sentence or a text without a full date."""
    from timeline.temporal.rules import GRAMMAR

    if len(text) > _STAMP_CHARS:
        return None
    rest = text
    found: tuple[date, str] | None = None
    for m in reversed(GRAMMAR.scan(text)):
        p = m.parse
        if found is None and p.kind == "calendar" and p.year and p.month and p.day:
            with contextlib.suppress(ValueError):
                found = (date(p.year, p.month, p.day), text[m.start:m.end])
        rest = rest[:m.start] + " " + rest[m.end:]
    if found is None:
        return None
    words = [w for w in re.findall(r"[^\W\d_]{2,}", rest) if w.upper() not in _TIME_ZONES]
    return found if len(words) <= 3 else None


_STAMP_CHARS = 80
_TIME_ZONES = frozenset("GMT UTC IST EST EDT CST CDT MST MDT PST PDT BST CET CEST AEST AEDT AM PM".split())
_STAMP_ZONE = 3  # date stamps among the first paragraphs of the text are dropped


def _clean_text(raw: str, links: _Links, title: str | None) -> str:
    """Plain paragraphs, one blank line between: no link lists, no code, no copy of the headline,
    no date stamp among the first paragraphs (the byline's, not an event)."""
    paragraphs = [p for p in _lines_to_paragraphs(raw)
                  if not _CODE.search(p) and not _TRUNCATED.search(p) and not _is_link_list(p, links)]
    if paragraphs and title and _norm(paragraphs[0]) == _norm(title):
        paragraphs.pop(0)
    head = [p for p in paragraphs[:_STAMP_ZONE] if _stamp_day(p) is None]
    paragraphs[:_STAMP_ZONE] = head
    return "\n\n".join(paragraphs)


def _author(raw: object) -> str | None:
    """The page's author names ("A; B"), without the dates a byline can leave in them ("Apr 7",
    "Wednesday")."""
    from timeline.temporal.rules import GRAMMAR

    names = []
    for part in str(raw or "").split(";"):
        part = " ".join(part.split())
        dated = sum(m.end - m.start for m in GRAMMAR.scan(part))
        if part and dated < len(part) / 2:
            names.append(part)
    return "; ".join(names) or None


_TITLE_EDGES = " |-–—:·•"


def _title(raw: object, source: str | None) -> str | None:
    """The headline without the site name that page titles often carry ("... - The Post")."""
    title = " ".join(str(raw or "").split()).strip(_TITLE_EDGES)
    if source:
        for sep in (" | ", " - ", " – ", " — ", " · ", ": "):
            if title.lower().endswith((sep + source).lower()) and len(title) > len(sep + source):
                title = title[:-len(sep + source)].strip(_TITLE_EDGES)
    return title or None


def _site_name(doc: Any, url: str | None) -> str | None:
    if doc.sitename:
        return str(doc.sitename).strip() or None
    host = doc.hostname or (re.sub(r"^[a-z]+://", "", url).split("/")[0] if url else None)
    return re.sub(r"^www\.", "", host) if host else None


def _has_prose(text: str) -> bool:
    return any(len(p.split()) >= _MIN_WORDS for p in text.split("\n\n"))


def _fallback_text(tree: HtmlElement, doc: Any, title: str | None, name: str) -> tuple[str, str]:
    """(text, what it is) for a page whose main text the extractor cannot find (a newsletter, an
    "about" page, a video): the page's description, else the extracted text with its links and
    teasers, else all the text of the page: the first with a sentence of prose (_MIN_WORDS words).
    NoArticleText when the page has none (a video and its menu)."""
    import trafilatura

    def paragraphs(raw: str) -> str:
        kept = [p for p in _lines_to_paragraphs(raw) if not _CODE.search(p)]
        if kept and title and _norm(kept[0]) == _norm(title):
            kept.pop(0)
        return "\n\n".join(kept)

    candidates = (
        (lambda: paragraphs(str(getattr(doc, "description", None) or "")), "the page's description"),
        (lambda: paragraphs(str(getattr(doc, "text", None) or "")), "the text of its links and teasers"),
        (lambda: paragraphs(trafilatura.baseline(tree)[1]), "all the text of the page"),
    )
    for make, what in candidates:
        text = make()
        if _has_prose(text):
            return text, what
    raise NoArticleText(f"{name}: no text on the page (nothing but navigation or media)")


# --- the reader -----------------------------------------------------------------------------------

# libxml2 drops a text node over 10,000,000 bytes unless told the tree is huge: a page of one long
# paragraph lost its text. A page whose UTF-8 can be that long is parsed with the limit lifted.
_TEXT_NODE_BYTES = 10_000_000


class _TooDeep(Exception):
    """The page nests its elements deeper than libxml2 builds a tree (2,048 levels with
    XML_PARSE_HUGE): what lies deeper would be left out of the tree, silently."""


def _cut_by_depth(parser: Any) -> bool:
    """Whether the last parse with `parser` stopped building the tree at libxml2's depth limit."""
    return any("Excessive depth" in entry.message for entry in parser.error_log)


def _load(html: str) -> HtmlElement | None:
    """The page's tree as trafilatura's `load_html` makes it, with libxml2's limits on the length
    of a text node and on the depth of elements (256 without XML_PARSE_HUGE: a page of 300 nested
    `<div>`s lost its text) lifted (our own MAX_PAGE_BYTES bounds the page). _TooDeep past the
    lifted depth limit."""
    from trafilatura.utils import HTML_PARSER, load_html

    if 3 * len(html) < _TEXT_NODE_BYTES:  # no character is more than 3 bytes of UTF-8 in a text node
        tree = load_html(html)
        if not _cut_by_depth(HTML_PARSER):
            return tree
    from lxml.etree import LxmlError
    from lxml.html import HTMLParser, fromstring
    from trafilatura.utils import repair_faulty_html

    parser = HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8", remove_comments=True,
                        remove_pis=True, huge_tree=True)
    try:
        tree = fromstring(repair_faulty_html(html, html[:50].lower()), parser=parser)
    except (ValueError, LxmlError):
        tree = None
    if _cut_by_depth(parser):
        raise _TooDeep
    return tree if tree is not None and len(tree) else load_html(html)


def _default_warn(message: str) -> None:
    print(f"timeline: {message}", file=sys.stderr)


def read_html(
    data: bytes,
    name: str,
    *,
    url: str | None = None,
    published: date | str | None = None,
    today: date | None = None,
    warn: Callable[[str], None] | None = None,
    lang: str | None = None,
) -> Article:
    """An Article from the bytes of a saved web page (in language `lang` when given, else as the
    page declares it, `<html lang>` or `og:locale`, else as its text tells: timeline.lang).
    `name` is the file name shown in errors, `url` the page's address when known, `published` the
    user's date (then "given"), `today` the latest possible publication date (default: the clock),
    `warn` gets one-line warnings.
    ArticleError (NoArticleText for a page without article text) names the file on failure."""
    if len(data) > MAX_PAGE_BYTES:
        raise ArticleError(f"{name}: {len(data) / 2**20:.1f} MB is over the {MAX_PAGE_BYTES // 2**20} MB "
                           "limit for a web page")  # both in MB of 2**20 bytes, as the limit is
    if not data.strip():
        raise NoArticleText(f"{name}: empty file")
    html = decode_page(data, name)
    import trafilatura

    # trafilatura refuses a fragment ("<p>...</p>" alone): a saved part of a page is read whole.
    try:
        tree = _load(html)
        if tree is None:
            tree = _load(f"<html><body>{html}</body></html>")
    except _TooDeep:
        raise ArticleError(f"{name}: elements nested more than 2,048 deep, past what the HTML parser reads "
                           "(the text inside would be lost)") from None
    if tree is None:
        raise ArticleError(f"{name}: not an HTML page")
    links = _links(tree)
    _drop_link_runs(tree)
    _drop_excess_meta(tree)
    _drop_templates(tree)
    _drop_impossible_zones(tree)
    doc: Any = trafilatura.bare_extraction(
        tree, url=url, with_metadata=True, include_comments=False, include_tables=False,
        include_images=False, include_links=False, deduplicate=False, prune_xpath=_PRUNE,
    )
    if doc is None:  # no main text: the page's metadata still gives its title and date
        from trafilatura.metadata import extract_metadata

        doc = extract_metadata(tree, default_url=url)
    source = _site_name(doc, url)
    title = _title(doc.title, source)
    text = _clean_text(doc.text or "", links, title)
    if not _has_prose(text):
        text, what = _fallback_text(tree, doc, title, name)
        (warn or _default_warn)(f"{name}: no article text found (nothing but navigation, media or links); "
                                f"using {what}")

    if published is not None:
        pub, how = parse_date(published, name, "--published"), "given"
    else:
        pub, how, warning = page_published(tree, text, name=name, url=url, title=title,
                                           today=today or date.today())
        if warning:
            (warn or _default_warn)(warning)
    stem = Path(name).stem if name not in ("<stdin>", "<text>") else "article"
    from timeline.article import article_language

    return Article(
        id=slugify(stem),
        title=title or stem,
        source=source,
        url=doc.url or url,
        published=pub,
        published_how=how,
        text=text,
        format="text",
        path=None if name in ("<stdin>", "<text>") else name,
        author=_author(doc.author),
        lang=article_language(lang, _declared_lang(tree), text, name, warn),
    )


def _declared_lang(tree: Any) -> str | None:
    """The language a page declares: `<html lang>`, else its `og:locale` ("es_ES")."""
    from timeline.lang import normalize

    root = tree.getroottree().getroot() if hasattr(tree, "getroottree") else tree
    for value in [root.get("lang"), root.get("xml:lang"),
                  *root.xpath('//meta[@property="og:locale" or @name="og:locale"]/@content')]:
        if value and normalize(value):
            return normalize(value)
    return None
