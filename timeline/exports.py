"""Exports for the timeline tools newsrooms use: TimelineJS 3 JSON, Markwhen and Mermaid.

Every export states an event's date exactly as precisely as the article did: "last November" is the
month 2025-11, not 1 November 2025. `event_span()` gives that: the first and (for a period longer
than its own unit: a week, a quarter, a decade, "from 2009 to 2010", "since November") the last
calendar point of the event, each with only the fields its granularity knows.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from markupsafe import Markup, escape

from timeline import calendar, jsonout, meta
from timeline.article import Article
from timeline.chronology import Timeline
from timeline.events import Event
from timeline.filters import mark_phrase, no_bidi, when_text

__all__ = [
    "DatePoint",
    "event_span",
    "markwhen_dates",
    "markwhen_text",
    "mermaid_text",
    "timelinejs",
    "when_text",  # timeline.filters.when_text, for the exports' callers
]

_YEAR = {"century", "decade", "year"}
_MONTH = {"half", "quarter", "season", "month"}
_CLOCK = re.compile(r"T(\d{2}):(\d{2})")
# A phase ("early", "late", "mid-") of these names no year: the exports give the whole span, as
# calendar.span_label names it ("the late 19th century" is 1800/1899, not the model's third 1866/1899).
_NO_PHASE = frozenset({"century", "decade"})


@dataclass(frozen=True)
class DatePoint:
    """A calendar point with only the fields its precision knows (month, day, hour and minute may be None)."""

    year: int
    month: int | None = None
    day: int | None = None
    hour: int | None = None
    minute: int | None = None
    text: str = ""  # what `short()` says instead, for a span no year or month names ("19th century")

    def edtf(self) -> str:
        """"2025", "2025-11", "2025-11-03" or "2025-11-03 15:00" (the forms Markwhen reads)."""
        out = f"{self.year:04d}"
        if self.month is not None:
            out += f"-{self.month:02d}"
        if self.day is not None:
            out += f"-{self.day:02d}"
        if self.hour is not None:
            out += f" {self.hour:02d}:{self.minute or 0:02d}"
        return out

    def datetime(self) -> str:
        """The HTML `<time datetime>` form: "2025", "2025-11", "2025-11-03", "2025-11-03T15:00"."""
        return self.edtf().replace(" ", "T")

    def short(self) -> str:
        """A short label for tables: "2025", "Nov 2025", "3 Nov 2025", "3 Nov 2025, 15:00" (or `text`)."""
        if self.text:
            return self.text
        if self.month is None:
            return str(self.year)
        month = calendar.MONTHS[self.month - 1][:3]
        if self.day is None:
            return f"{month} {self.year}"
        out = f"{self.day} {month} {self.year}"
        return out if self.hour is None else f"{out}, {self.hour:02d}:{self.minute or 0:02d}"

    def timelinejs(self) -> dict[str, int]:
        """A TimelineJS 3 date object: `year` and whichever of month, day, hour, minute are known."""
        fields = {"year": self.year, "month": self.month, "day": self.day, "hour": self.hour,
                  "minute": self.minute}
        return {k: v for k, v in fields.items() if v is not None}


def _precision(granularity: str) -> str:
    if granularity in _YEAR:
        return "year"
    if granularity in _MONTH:
        return "month"
    if granularity == "time":
        return "minute"
    return "day"  # week, weekend, day, part of day


def _point(day: date, precision: str, value: str = "") -> DatePoint:
    if precision == "year":
        return DatePoint(day.year)
    if precision == "month":
        return DatePoint(day.year, day.month)
    clock = _CLOCK.search(value) if precision == "minute" else None
    if clock:
        return DatePoint(day.year, day.month, day.day, int(clock.group(1)), int(clock.group(2)))
    return DatePoint(day.year, day.month, day.day)


def event_span(event: Event) -> tuple[DatePoint, DatePoint | None]:
    """(first point, last point or None) of an event, each as precise as the text was.

    The last point is inclusive: the decade "199" is 1990–1999, Q3 2025 is 2025-07–2025-09, week 4
    of 2026 is 19–25 January, "since last November" runs to the publication date (day precision),
    "from 2009 to 2010" is 2009–2010, "the late 19th century" 1800–1899 (a phase of a century or
    decade is its whole span). None when the event is one unit of its granularity.
    """
    precision = _precision(event.granularity)
    start, end = event.start, event.end
    whole = calendar.interval(event.date) if event.mod and event.granularity in _NO_PHASE else None
    if whole is not None:  # "the late 19th century": the century, not an invented 1866
        start = whole[0]
        if not event.until and not event.ongoing:
            end = whole[1]
    first = _point(start, precision, event.date)
    if precision == "minute" and event.until is None:
        return first, None
    last_day = calendar.last_day(end)  # the day before the end (date.max: the last day itself)
    if event.ongoing:
        last = _point(last_day, "day")
    elif event.until:
        placed = calendar.interval(event.until)
        until_precision = _precision(placed[2]) if placed else precision
        last = _point(last_day, until_precision, event.until)
    else:
        last = _point(last_day, precision)
    return first, (None if last == first else last)


# --- TimelineJS 3 -------------------------------------------------------------------------------


def _headline(text: str, words: int = 12) -> str:
    parts = text.split()
    return text if len(parts) <= words else " ".join(parts[:words]).rstrip(",;:") + "…"


def _marked(event: Event) -> Markup:
    return mark_phrase(event)


def _article_line(article: Article, with_title: bool) -> Markup:
    title = f"{article.title}, " if with_title and article.title else ""
    source = f"{article.source}, " if article.source else ""
    return Markup("{}{}published {}").format(title, source, calendar.label(article.published.isoformat()))


def _label(text: str) -> str:
    """A TimelineJS `group` or `display_date`: HTML-escaped, with "<" and ">" escaped twice, as
    TimelineJS decodes those once more before it shows them."""
    return str(escape(text)).replace("&lt;", "&amp;lt;").replace("&gt;", "&amp;gt;")


def timelinejs(timeline: Timeline, title: str | None = None) -> dict[str, object]:
    """The timeline as TimelineJS 3 JSON: a title slide and one slide per event.

    Each slide has `start_date` (and `end_date` for a period) as precise as the date, `text.headline`
    (the start of the sentence), `text.text` (the sentence with the date phrase in `<mark>`, and its
    sources), `group` (the article's title), `display_date` and `unique_id` (the event id).
    TimelineJS reads every text field as HTML, so each is HTML-escaped.
    """

    by_id: Mapping[str, Article] = {a.id: a for a in timeline.articles}
    heading = title or timeline.title or (timeline.articles[0].title if len(timeline.articles) == 1 else "Timeline")
    events: list[dict[str, object]] = []
    for e in timeline.events:
        first, last = event_span(e)
        sources = [by_id[s] for s in (e.sources or (e.article,)) if s in by_id]
        body = Markup("<p>{}</p>").format(_marked(e))
        if sources:
            names = Markup("; ").join(escape(a.title) for a in sources)
            body += Markup("<p>{} {}</p>").format("Source:" if len(sources) == 1 else "Sources:", names)
        slide: dict[str, object] = {"start_date": first.timelinejs()}
        if last is not None:
            slide["end_date"] = last.timelinejs()
        slide["text"] = {"headline": str(escape(_headline(e.text))), "text": str(body)}
        owner = by_id.get(e.article)
        slide["group"] = _label(owner.title if owner else e.article)
        slide["display_date"] = _label(when_text(e))
        slide["unique_id"] = e.id
        events.append(slide)
    intro = Markup("<br>").join(_article_line(a, a.title != heading) for a in timeline.articles)
    return {
        "title": {"text": {"headline": str(escape(heading)), "text": str(Markup("<p>{}</p>").format(intro))},
                  "unique_id": "title"},
        "events": events,
        "generator": str(meta.GENERATOR),
    }


def timelinejs_json(timeline: Timeline) -> str:
    """`timelinejs(timeline)` as indented JSON text."""
    return jsonout.dumps(timelinejs(timeline)) + "\n"


# --- Markwhen -----------------------------------------------------------------------------------

# Markwhen reads "#word" as a tag, "!word" as an event reference and "12% " as a completion
# percentage; these look the same to people and mean nothing to the parser.
_MW_TAG = re.compile(r"(^|\s)#(?!\d+(?:\s|$))(?=\w)")
_MW_REF = re.compile(r"(^|\W)!(?=\w)")
_MW_PERCENT = re.compile(r"(\d)%")


def markwhen_text(text: object) -> str:
    """Text made inert for Markwhen, on one line: tags, event references and percentages neutralised."""
    s = " ".join(no_bidi(text).split())
    s = _MW_TAG.sub("\\1\uff03", s)  # fullwidth number sign
    s = _MW_REF.sub("\\1\uff01", s)  # fullwidth exclamation mark
    return _MW_PERCENT.sub("\\1\u2060%", s)  # word joiner: "5%" no longer reads as 5 % done


def markwhen_dates(event: Event) -> str:
    """The event's date range in Markwhen's EDTF form: "2025-11", "2009/2010", "2026-01-19/2026-01-25"."""
    first, last = event_span(event)
    return first.edtf() if last is None else f"{first.edtf()}/{last.edtf()}"


def markwhen_yaml(text: object) -> str:
    """A double-quoted YAML scalar for a Markwhen header field (title, description)."""
    return json.dumps(markwhen_text(text), ensure_ascii=False)


# --- Mermaid ------------------------------------------------------------------------------------

# Mermaid decodes "#NN;" entity codes before parsing, so they stand for characters that its
# timeline grammar would read as syntax (":" separates events, "#" and "%%" start comments) or
# that its HTML labels would interpret.
_MERMAID_CODES = {":": "#58;", "#": "#35;", ";": "#59;", "%": "#37;", "<": "#60;", ">": "#62;",
                  "&": "#38;", "`": "#96;", "{": "#123;", "}": "#125;"}
_MERMAID_SPECIAL = re.compile("[" + re.escape("".join(_MERMAID_CODES)) + "]")


def mermaid_text(text: object) -> str:
    """Text safe as a Mermaid timeline period or event, on one line (special characters as entity codes)."""
    s = " ".join(no_bidi(text).split())
    return _MERMAID_SPECIAL.sub(lambda m: _MERMAID_CODES[m.group(0)], s)
