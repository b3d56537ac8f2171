"""Render a Timeline to HTML, an embeddable HTML fragment, Markdown, JSON, CSV, TimelineJS, Markwhen or Mermaid.

HTML, the fragment, Markdown, Markwhen and Mermaid go through Jinja2 templates (`timeline.html`,
`fragment.html`, `timeline.md`, `timeline.mw`, `timeline.mermaid`) looked up first in the user's
templates directory and then in the default theme, so a user overrides any template by name and
inherits the rest. JSON is `Timeline.to_dict()` (the documented schema); CSV is one row per event
(pandas); TimelineJS is the TimelineJS 3 JSON format (timeline.exports). Output is a pure function of
the timeline: the same input gives byte-identical output.

Template context (every template receives these names; templates/README.md documents them):

    timeline          Timeline                 the whole timeline
    title             str                      timeline.title, else the single article's title,
                                               else "Timeline"
    articles          tuple[Article, ...]      the articles, in timeline order
    articles_by_id    dict[str, Article]       Article by Article.id (Event.article, Event.sources)
    events            tuple[Event, ...]        the events, in chronological order
    generator         Generator                .name ("timeline") and .version; str() gives both
    site              Site | None              the site being built (timeline.site), else None
    page              PageInfo | None          this page of the site, else None
    phrase_href       dict[str, str]           event id -> link to its date phrase in the article text
    source_hrefs      dict[str, tuple[(Article, str), ...]]   event id -> each source and a link to it

Filters:

    label(value, mod=None) -> str              TIMEX3 value as people read it (calendar.label)
    datetime(value) -> str | None              HTML <time datetime> for a TIMEX3 value
                                               (calendar.html_datetime)
    iso(date) -> str                           date/datetime as ISO 8601; a str passes through
    short_date(date) -> str                    a date for tables: "31 Jan 2026"
    mark_phrase(event, href=None) -> Markup    event.text, escaped, with the phrase in <mark>
                                               (and in a link to `href` when given) and its
                                               clause in <span class="clause"> (several dated)
    phrase_parts(event) -> (before, phrase, after)   event.text split around its date phrase
    clause_parts(event) -> (before, clause, after)   event.text split around the clause of its date
    when_text(event) -> str                    "since November 2025 (ongoing)", "2009 – 2010", ...
    md_escape(text) -> str                     text made inert in Markdown (incl. "|", "<", "&…;")
    md_phrase(event) -> str                    event.text, Markdown-escaped, with the phrase in **bold**
    md_url(url) -> str                         URL for a Markdown link destination: [x](<…>)
    markwhen_dates(event) -> str               the event's dates as Markwhen/EDTF: "2025-11", "2009/2010"
    markwhen_text(text) -> str                 text made inert in Markwhen (tags, references, percents)
    markwhen_yaml(text) -> str                 a quoted YAML scalar for the Markwhen header
    mermaid_text(text) -> str                  text safe in a Mermaid timeline (entity codes for : # ; …)
    html_id(event_id) -> str                   a valid HTML id for an event ("ev-" prefix)
    text_id(event_id) -> str                   the id of the event's phrase in the article text ("tx-")
    how(published_how) -> str                  Article.published_how as a phrase for people
    granularity_class(name) -> str             CSS class for a granularity ("part of day" -> "part-of-day")

Tests: `web_url` (`{% if article.url is web_url %}`) is true for absolute http(s) URLs with a host
only (timeline.urls.safe_href), so a hostile `javascript:` or relative URL is never made a link.

Environment: autoescape for .html/.htm/.xml (not .md, .css, .mw or .mermaid), StrictUndefined,
trim_blocks, lstrip_blocks, keep_trailing_newline.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from types import TracebackType

import jinja2
from markupsafe import Markup

from timeline import calendar, exports, jsonout
from timeline.chronology import Timeline
from timeline.diff import DIFF_FORMATS, TimelineDiff, format_text, template_context
from timeline.errors import TemplateError
from timeline.events import Event
from timeline.meta import FORMATS, GENERATOR, Generator
from timeline.urls import safe_href

__all__ = [
    "CSV_COLUMNS",
    "FORMATS",
    "GENERATOR",
    "Generator",
    "context",
    "default_templates_dir",
    "make_env",
    "render",
    "render_diff",
    "render_template",
]

#: The template behind each templated format.
TEMPLATES: dict[str, str] = {
    "html": "timeline.html",
    "html-fragment": "fragment.html",
    "md": "timeline.md",
    "markwhen": "timeline.mw",
    "mermaid": "timeline.mermaid",
}
CSV_COLUMNS: tuple[str, ...] = (
    "id",
    "article",
    "date",
    "start",
    "end",
    "granularity",
    "label",
    "status",
    "anchor",
    "phrase",
    "text",
    "reference",
    "sources",
)


def default_templates_dir() -> Path:
    """The default theme: `timeline/templates/` in an installed wheel, else the checkout's `templates/`."""
    packaged = Path(__file__).resolve().parent / "templates"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "templates"


# --- filters ------------------------------------------------------------------------------------


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


def mark_phrase(event: Event, href: str | None = None) -> Markup:
    """The event's sentence, HTML-escaped, with its date phrase wrapped in `<mark>` (with `href`,
    also a link there: the phrase in the article text) and, when the sentence dates several
    things, the clause that holds this date in `<span class="clause">`."""
    text = event.text
    at = _phrase_at(event)

    def piece(lo: int, hi: int) -> Markup:
        if at is None or hi <= at[0] or lo >= at[1]:
            return Markup.escape(text[lo:hi])
        start, end = max(lo, at[0]), min(hi, at[1])
        phrase = text[start:end]
        inner = Markup('<a class="to-text" href="{}">{}</a>').format(href, phrase) if href else Markup.escape(phrase)
        return Markup("{}<mark>{}</mark>{}").format(text[lo:start], inner, text[end:hi])

    if not event.clause:
        return piece(0, len(text))
    start, end = event.clause
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    if at is not None and not (start <= at[0] and at[1] <= end):  # the phrase outside the clause: no clause
        return piece(0, len(text))
    return Markup('{}<span class="clause">{}</span>{}').format(piece(0, start), piece(start, end),
                                                              piece(end, len(text)))


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~$])")
_MD_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
_MD_LINE_START = re.compile(r"^([#+=-])")
_MD_ORDERED = re.compile(r"^(\d+)([.)])")
_SPACE = re.compile(r"\s+")


def md_escape(text: object) -> str:
    """`text` made inert in GitHub-flavoured Markdown, on one line (whitespace runs become one space).

    Backslash-escapes emphasis, code, links, HTML, table pipes, strikethrough and math (`$`),
    entity-like `&…;`, and list/heading markers at the start.
    """
    s = _SPACE.sub(" ", str(text))
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


def short_date(value: date) -> str:
    """A date in a short form for tables: "31 Jan 2026"."""
    return f"{value.day} {calendar.MONTHS[value.month - 1][:3]} {value.year}"


def html_id(event_id: str) -> str:
    """A valid HTML id for an event: "ev-" + the id, whitespace replaced by "_"."""
    return "ev-" + re.sub(r"\s", "_", str(event_id))


def text_id(event_id: str) -> str:
    """The HTML id of an event's date phrase in the article text: "tx-" + the id."""
    return "tx-" + re.sub(r"\s", "_", str(event_id))


def granularity_class(name: str) -> str:
    """A CSS class name for a granularity ("part of day" -> "part-of-day")."""
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


# --- environment and rendering ------------------------------------------------------------------


def make_env(templates_dir: Path | None = None) -> jinja2.Environment:
    """The Jinja2 environment: the user's `templates_dir` first, the default theme second, our filters.

    Raises NotADirectoryError if `templates_dir` is given but is not a directory.
    """
    loaders: list[jinja2.BaseLoader] = []
    if templates_dir is not None:
        if not Path(templates_dir).is_dir():
            raise NotADirectoryError(f"templates directory not found: {templates_dir}")
        loaders.append(jinja2.FileSystemLoader(str(templates_dir), encoding="utf-8"))
    loaders.append(jinja2.FileSystemLoader(str(default_templates_dir()), encoding="utf-8"))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=jinja2.select_autoescape(["html", "htm", "xml"], default_for_string=False),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        label=calendar.label,
        datetime=calendar.html_datetime,
        iso=iso,
        short_date=short_date,
        mark_phrase=mark_phrase,
        phrase_parts=phrase_parts,
        clause_parts=clause_parts,
        md_escape=md_escape,
        md_phrase=md_phrase,
        md_url=md_url,
        html_id=html_id,
        text_id=text_id,
        when_text=exports.when_text,
        markwhen_dates=exports.markwhen_dates,
        markwhen_text=exports.markwhen_text,
        markwhen_yaml=exports.markwhen_yaml,
        mermaid_text=exports.mermaid_text,
        how=how,
        granularity_class=granularity_class,
    )
    env.tests["web_url"] = is_web_url
    return env


def context(timeline: Timeline, **extra: object) -> dict[str, object]:
    """The variables every template receives (documented in this module's docstring); `extra`
    adds or replaces names (the site passes `site`, `page`, `phrase_href`, ...)."""
    articles = tuple(timeline.articles)
    if timeline.title:
        title = timeline.title
    elif len(articles) == 1 and articles[0].title:
        title = articles[0].title
    else:
        title = "Timeline"
    return {
        "timeline": timeline,
        "title": title,
        "articles": articles,
        "articles_by_id": {a.id: a for a in articles},
        "events": tuple(timeline.events),
        "generator": GENERATOR,
        "site": None,
        "page": None,
        "phrase_href": {},
        "source_hrefs": {},
        **extra,
    }


def _csv(events: Iterable[Event]) -> str:
    """One CSV row per event (columns CSV_COLUMNS), "\\n" line endings; every cell passes through
    `spreadsheet_safe`, so a cell such as "=HYPERLINK(...)" or "-5" is text in a spreadsheet."""
    from timeline.output import spreadsheet_safe

    rows = [
        {
            name: spreadsheet_safe(value)
            for name, value in (
                ("id", e.id),
                ("article", e.article),
                ("date", e.date),
                ("start", iso(e.start)),
                ("end", iso(e.end)),
                ("granularity", e.granularity),
                ("label", e.label),
                ("status", e.status),
                ("anchor", e.anchor),
                ("phrase", e.phrase),
                ("text", e.text),
                ("reference", e.reference or ""),
                ("sources", ";".join(e.sources or (e.article,))),
            )
        }
        for e in events
    ]
    import pandas as pd  # slow to import; only CSV needs it

    frame = pd.DataFrame(rows, columns=list(CSV_COLUMNS), dtype=object)
    return str(frame.to_csv(index=False, lineterminator="\n"))


def _search_paths(env: jinja2.Environment) -> list[Path]:
    """The folders `env` loads templates from, the user's theme first."""
    loaders = env.loader.loaders if isinstance(env.loader, jinja2.ChoiceLoader) else [env.loader]
    return [Path(p).absolute() for loader in loaders if isinstance(loader, jinja2.FileSystemLoader)
            for p in loader.searchpath]


def _template_frame(tb: TracebackType | None, folders: Sequence[Path]) -> tuple[str, int] | None:
    """(file, line) of the innermost frame of a template under `folders` in a traceback (Jinja
    rewrites a rendering error's traceback so that template frames carry the template's file and line)."""
    found = None
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if not filename.endswith(".py") and any(Path(filename).absolute().is_relative_to(f) for f in folders):
            found = (filename, tb.tb_lineno)
        tb = tb.tb_next
    return found


def _template_error(env: jinja2.Environment, exc: Exception) -> TemplateError | None:
    """A one-line TemplateError "FILE:LINE: problem" for an error raised while loading or rendering
    a template: any Jinja error, or another error raised in a template of the user's theme (None
    for the rest: a bug of timeline's own, which keeps its traceback)."""
    folders = _search_paths(env)
    if isinstance(exc, jinja2.TemplateSyntaxError):
        where: tuple[str, int] | None = (exc.filename or exc.name or "<template>", exc.lineno)
        problem = exc.message or str(exc)
    elif isinstance(exc, jinja2.TemplateError):
        where = _template_frame(exc.__traceback__, folders)
        if isinstance(exc, jinja2.TemplatesNotFound):
            problem = f"none of the templates {', '.join(map(repr, exc.templates))} found"
        elif isinstance(exc, jinja2.TemplateNotFound):
            problem = f"template {exc.name!r} not found"
        else:
            problem = exc.message or str(exc)
    else:
        theme = [f for f in folders if f != default_templates_dir().absolute()]
        where = _template_frame(exc.__traceback__, theme)
        if where is None:
            return None
        problem = f"{type(exc).__name__}: {exc}"
    place = f"{where[0]}:{where[1]}" if where else "template " + repr(getattr(exc, "name", None) or "?")
    return TemplateError(" ".join(f"{place}: {problem}".split()))


def render_template(env: jinja2.Environment, name: str, ctx: Mapping[str, object]) -> str:
    """Render template `name` of `env` with the context `ctx`. A template that does not parse or
    render (an unclosed block, an undefined name, a missing `{% extends %}` target) raises
    timeline.errors.TemplateError naming its file and line."""
    try:
        return env.get_template(name).render(dict(ctx))
    except Exception as exc:
        error = _template_error(env, exc)
        if error is None:
            raise
        raise error from None


def render(timeline: Timeline, fmt: str, templates_dir: Path | None = None, *,
           env: jinja2.Environment | None = None) -> str:
    """`timeline` rendered in one of FORMATS (templated ones with `env`, else one made for
    `templates_dir`); ValueError for any other format."""
    if fmt == "json":
        return jsonout.dumps(timeline.to_dict()) + "\n"
    if fmt == "csv":
        return _csv(timeline.events)
    if fmt == "timelinejs":
        return exports.timelinejs_json(timeline)
    if fmt in TEMPLATES:
        return render_template(env or make_env(templates_dir), TEMPLATES[fmt], context(timeline))
    raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")


def render_diff(diff: TimelineDiff, fmt: str, templates_dir: Path | None = None, *, color: bool = False,
                env: jinja2.Environment | None = None, **extra: object) -> str:
    """`diff` (timeline.diff) rendered as "text" (ANSI colours only if `color`), "md" or "html"
    (templates `diff.md`, `diff.html`, which also receive every name `context()` gives for the new
    timeline, plus `extra`) or "json"; ValueError for any other format."""
    if fmt == "json":
        return jsonout.dumps(diff.to_dict()) + "\n"
    if fmt == "text":
        return format_text(diff, color=color)
    if fmt in ("html", "md"):
        ctx = context(diff.new, **{**template_context(diff), **extra})
        return render_template(env or make_env(templates_dir), f"diff.{fmt}", ctx)
    raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(DIFF_FORMATS)}")
