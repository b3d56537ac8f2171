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
    counted(n, noun, plural=None) -> str       "1 article", "1,460 articles"
    mark_phrase(event, href=None) -> Markup    event.text, escaped, with the phrase in <mark>
                                               (and in a link to `href` when given) and its
                                               clause in <span class="clause"> (several dated)
    phrase_parts(event) -> (before, phrase, after)   event.text split around its date phrase
    clause_parts(event) -> (before, clause, after)   event.text split around the clause of its date
    when_text(event) -> str                    "since November 2025 (ongoing)", "2009 – 2010", ...
    edited_text(event) -> str                  what the editor did: "Date corrected by the editor." ("" if nothing)
    edited_words(names) -> str                 the same, of a story day's `edited`
    md_escape(text) -> str                     text made inert in Markdown (incl. "|", "<", "&…;")
    no_bidi(text) -> str                       text without bidi overrides and isolates (SVG has no <bdi>)
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
    lang_attr(article_or_code) -> Markup       ' lang="fr"' when not the page's language (English), else ""
    title_lang(title, articles) -> Markup      lang_attr of the one article whose title `title` is, else ""

Tests: `web_url` (`{% if article.url is web_url %}`) is true for absolute http(s) URLs with a host
only (timeline.urls.safe_href), so a hostile `javascript:` or relative URL is never made a link.

Environment: autoescape for .html/.htm/.xml (not .md, .css, .mw or .mermaid), StrictUndefined,
trim_blocks, lstrip_blocks, keep_trailing_newline.
"""

from __future__ import annotations

import contextvars
import functools
from collections.abc import Iterable, Iterator, Mapping, MutableMapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

import jinja2
from markupsafe import Markup, escape

from timeline import calendar, exports, jsonout, meta, overview
from timeline.chronology import Timeline
from timeline.diff import DIFF_FORMATS, TimelineDiff, WordRun, published
from timeline.errors import TemplateError
from timeline.events import Event
from timeline.filters import _escape_plain as _escape_plain  # the fallback, for the tests
from timeline.filters import (
    _escape_str,
    clause_parts,
    counted,
    edited_text,
    edited_words,
    granularity_class,
    how,
    html_id,
    is_web_url,
    iso,
    lang_attr,
    mark_phrase,
    md_escape,
    md_phrase,
    md_url,
    no_bidi,
    phrase_parts,
    range_dash,
    short_date,
    text_id,
    title_lang,
    until_label,
    when_text,
)
from timeline.meta import FORMATS, STORY_FORMATS, Generator

if TYPE_CHECKING:
    from timeline.story import Story

__all__ = [
    "CSV_COLUMNS",
    "FORMATS",
    "Generator",
    "format_text",
    "context",
    "default_templates_dir",
    "compile_theme",
    "make_env",
    "render",
    "render_diff",
    "render_story",
    "render_template",
    "template_context",
    "version_name",
]

#: The template behind each templated format.
TEMPLATES: dict[str, str] = {
    "html": "timeline.html",
    "html-fragment": "fragment.html",
    "md": "timeline.md",
    "markwhen": "timeline.mw",
    "mermaid": "timeline.mermaid",
    "svg": "overview.svg",
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


# --- environment and rendering ------------------------------------------------------------------


# markupsafe's escape of a plain string, as a plain string (timeline.filters: its C routine when it has one).
_escape_text = _escape_str


def _escape(value: object) -> str:
    """What an autoescaped `{{ value }}` prints: exactly markupsafe's escape (the same five
    entities), without making a Markup object for every string and number printed (a page is
    joined into one string anyway; Markup values and objects with `__html__` go to markupsafe)."""
    kind = type(value)
    if kind is str:
        return _escape_text(value)  # type: ignore[arg-type]
    if kind is Markup:  # markupsafe would copy it into a new Markup (the page's text, its drawings: kilobytes)
        return value  # type: ignore[return-value]
    if kind is int or kind is float:
        return str(value)  # digits, a sign, a point, "inf" or "nan": nothing to escape
    return escape(value)


class _Template(jinja2.Template):
    """The theme's templates, printing values through `_escape` (a compiled template's code looks
    `escape` up in its own namespace, which Jinja fills from jinja2.runtime)."""

    @classmethod
    def _from_namespace(cls, environment: jinja2.Environment, namespace: MutableMapping[str, Any],
                        globals: MutableMapping[str, Any]) -> jinja2.Template:
        if namespace.get("escape") is escape:
            namespace["escape"] = _escape
        return super()._from_namespace(environment, namespace, globals)  # type: ignore[misc]


MAX_THEME_BYTES = 8 * 2**20  # one template of a user's theme (the default theme's largest: 5 kB)
MAX_THEME_TAGS = 10_000  # `{{` and `{%` in one template of a user's theme (the default theme's most: 179)


class _ThemeLoader(jinja2.FileSystemLoader):
    """A folder of templates; a template that is not UTF-8 text is a TemplateSyntaxError naming its
    file (as any other template that does not parse), not a UnicodeDecodeError."""

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str | None, Any]:
        pieces = jinja2.loaders.split_template_path(template)
        for folder in self.searchpath:  # a name in the theme that is no file is no reason to use ours
            path = Path(folder, *pieces)
            if (path.is_symlink() or path.exists()) and not path.is_file():
                why = "a directory" if path.is_dir() else "a link to nowhere" if not path.exists() else "no file"
                raise jinja2.TemplateSyntaxError(f"is {why}, not a template", 1, template, str(path))
            if path.is_file() and (size := path.stat().st_size) > MAX_THEME_BYTES:
                raise jinja2.TemplateSyntaxError(f"too large ({size / 2**20:.1f} MB; a template may be at most "
                                                 f"{MAX_THEME_BYTES // 2**20} MB)", 1, template, str(path))
        try:
            source = super().get_source(environment, template)
        except jinja2.TemplateNotFound:  # an OSError too: the next loader's turn
            raise
        except OSError as exc:  # unreadable (permissions, an I/O error)
            raise jinja2.TemplateSyntaxError(f"cannot read ({exc.strerror or exc})", 1, template,
                                             getattr(exc, "filename", None) or template) from None
        except UnicodeDecodeError as exc:
            pieces = jinja2.loaders.split_template_path(template)
            path = next((str(Path(f, *pieces)) for f in self.searchpath if Path(f, *pieces).is_file()), template)
            raise jinja2.TemplateSyntaxError(f"not UTF-8 text (byte 0x{exc.object[exc.start]:02x} at offset "
                                             f"{exc.start})", 1, template, path) from None
        tags = source[0].count("{{") + source[0].count("{%")
        if tags > MAX_THEME_TAGS:  # compiling costs ~10 kB of memory a tag: a huge theme is refused, not swapped
            raise jinja2.TemplateSyntaxError(f"too many tags ({tags:,}; a template may hold at most "
                                             f"{MAX_THEME_TAGS:,})", 1, template, source[1])
        return source


MAX_THEME_ITEMS = 10_000_000  # the longest string or list a theme's `*` may make
MAX_THEME_POWER_BITS = 100_000  # the largest number a theme's `**` may make (about 30,000 digits)
MAX_THEME_OUTPUT = 256 * 2**20  # characters of one page rendered by a user's theme
# The steps one page of a user's theme may take: an item a loop goes through, an item `*` makes, an
# item of a list (or a kilobyte of a string) given to a filter or a call, a call. Loops in loops
# (`range` is bounded at 100,000, not their product) ran 10**10 times writing nothing. The default
# theme's pages take about 20 an event; 10,000,000 is a few seconds of CPU.
MAX_THEME_STEPS = 10_000_000
_STEPS: contextvars.ContextVar[list[int]] = contextvars.ContextVar("theme_steps")


_SIZED = (list, tuple, dict, set, frozenset, range)


def _size(value: Any) -> int:
    """The steps of going through `value` once: its items, or its kilobytes for a string (which
    C code goes through a thousand times as fast as a template's loop). Nothing for the rest."""
    if isinstance(value, str):
        return len(value) >> 10
    return len(value) if isinstance(value, _SIZED) else 0


def _sizes(args: tuple[Any, ...], kwargs: dict[str, Any]) -> int:
    n = 0
    for value in args:
        n += _size(value)
    for value in kwargs.values():
        n += _size(value)
    return n


def _theme_sandbox() -> type[jinja2.Environment]:
    """Jinja's immutable sandbox, whose `*` and `**` also refuse to make a string, a list or a
    number too large to hold (`{{ "x" * 10**10 }}` would take 10 GB): the sandbox already bounds
    `range` at 100,000 items; a theme is there to lay out a page, not to fill the memory. Its work
    is bounded too: the steps of a page (MAX_THEME_STEPS) are counted as it renders, each loop's
    iterable wrapped as the template is parsed (`theme_loop`), and filters and calls counted by
    what they are given."""
    import math

    from jinja2 import nodes
    from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

    def step(n: int) -> None:
        count = _STEPS.get(None)
        if count is not None:  # within render_template
            count[0] += n
            if count[0] > MAX_THEME_STEPS:
                raise SecurityError(f"the page would take over {MAX_THEME_STEPS:,} steps (items looped over, "
                                    "made or given to a filter), the most a theme may take")

    def counted(expr: nodes.Node) -> nodes.Call:
        return nodes.Call(nodes.EnvironmentAttribute("theme_loop"), [expr], [], None, None, lineno=expr.lineno)

    class ThemeSandbox(ImmutableSandboxedEnvironment):
        intercepted_binops = frozenset({"*", "**"})

        def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
            tree = super()._parse(source, name, filename)
            for loop in list(tree.find_all(nodes.For)):  # every loop goes through theme_loop
                loop.iter = counted(loop.iter)
                for call in list(loop.find_all(nodes.Call)) if loop.recursive else ():
                    if isinstance(call.node, nodes.Name) and call.node.name == "loop" and call.args:
                        call.args[0] = counted(call.args[0])  # "loop(children)": the next level
            return tree

        def theme_loop(self, items: Iterable[Any]) -> Iterable[Any]:
            if isinstance(items, (str, *_SIZED)):  # its length known: counted at once, iterated as it is
                step(len(items))
                return items
            return self._one_by_one(items)

        def _one_by_one(self, items: Iterable[Any]) -> Iterator[Any]:  # a generator ("| batch(3)")
            for item in items:
                step(1)
                yield item

        def call(__self, __context: jinja2.runtime.Context, __obj: Any,  # noqa: N805 (the sandbox's names)
                 *args: Any, **kwargs: Any) -> Any:
            if getattr(__obj, "__func__", None) is not ThemeSandbox.theme_loop:
                step(1 + _size(getattr(__obj, "__self__", None)) + _sizes(args, kwargs))
            return super().call(__context, __obj, *args, **kwargs)

        def count_filters(self) -> None:
            """Each filter counted by what it is given ("big | sort" in a loop sorts it each time)."""
            for name, f in list(self.filters.items()):
                self.filters[name] = _counted_filter(f, step)

        def call_binop(self, context: jinja2.runtime.Context, operator: str, left: Any, right: Any) -> Any:
            if operator == "*":
                for seq, times in ((left, right), (right, left)):
                    if (isinstance(times, int) and hasattr(seq, "__len__") and not isinstance(seq, int)
                            and len(seq) * times > MAX_THEME_ITEMS):
                        raise SecurityError(f"'*' would make {len(seq) * times:,} items; a theme may make at "
                                            f"most {MAX_THEME_ITEMS:,}")
            elif (isinstance(left, int) and isinstance(right, int) and right > 0 and abs(left) > 1
                  and right * math.log2(abs(left)) > MAX_THEME_POWER_BITS):
                raise SecurityError(f"'**' would make a number of over {MAX_THEME_POWER_BITS:,} bits")
            made = super().call_binop(context, operator, left, right)
            step(_size(made) if operator == "*" else 0)
            return made

    return ThemeSandbox


def _counted_filter(f: Any, step: Any) -> Any:
    """`f` that first counts the steps of what it is given (its `pass_context` and such kept)."""
    import functools

    @functools.wraps(f)
    def counted(*args: Any, **kwargs: Any) -> Any:
        n = _sizes(args, kwargs)
        if n:
            step(n)
        return f(*args, **kwargs)

    return counted


def make_env(templates_dir: Path | None = None) -> jinja2.Environment:
    """The Jinja2 environment: the user's `templates_dir` first, the default theme second, our filters.

    Raises NotADirectoryError if `templates_dir` is given but is not a directory.
    """
    loaders: list[jinja2.BaseLoader] = []
    if templates_dir is not None:
        if not Path(templates_dir).is_dir():
            raise NotADirectoryError(f"templates directory not found: {templates_dir}")
        loaders.append(_ThemeLoader(str(templates_dir), encoding="utf-8"))
    loaders.append(jinja2.FileSystemLoader(str(default_templates_dir()), encoding="utf-8"))
    # A user's theme runs in Jinja's immutable sandbox: it reads its context and runs no other code.
    # The bundled theme is ours and needs no sandbox, whose checks on every attribute cost a build of
    # 1,000 articles about a sixth of its CPU (benchmarks/scale.py: 11.2 against 9.4 CPU-s, same run).
    env_class: type[jinja2.Environment] = jinja2.Environment
    if templates_dir is not None:
        env_class = _theme_sandbox()
    env = env_class(
        loader=jinja2.ChoiceLoader(loaders),
        # Asked again for each template an include or an import renders: remembered per name.
        autoescape=functools.cache(jinja2.select_autoescape(["html", "htm", "xml", "svg"], default_for_string=False)),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,  # a template is read once per environment: no stat of its file at every include
        # A plain dict of the templates loaded, not an LRU cache, whose every look-up (one per include
        # or import: about 25 a page) takes a lock and moves the name in a queue; a theme's templates
        # are the files of its folder, so the dict stays small.
        cache_size=-1,
    )
    env.filters.update(
        label=calendar.label,
        datetime=calendar.html_datetime,
        iso=iso,
        short_date=short_date,
        counted=counted,
        mark_phrase=mark_phrase,
        no_bidi=no_bidi,
        phrase_parts=phrase_parts,
        clause_parts=clause_parts,
        md_escape=md_escape,
        md_phrase=md_phrase,
        md_url=md_url,
        html_id=html_id,
        text_id=text_id,
        when_text=when_text,
        until_label=until_label,
        range_dash=range_dash,
        edited_text=edited_text,
        edited_words=edited_words,
        markwhen_dates=exports.markwhen_dates,
        markwhen_text=exports.markwhen_text,
        markwhen_yaml=exports.markwhen_yaml,
        mermaid_text=exports.mermaid_text,
        how=how,
        granularity_class=granularity_class,
        lang_attr=lang_attr,
        title_lang=title_lang,
        overview=overview.for_articles,
        story_overview=overview.for_story,
    )
    env.tests["web_url"] = is_web_url
    env.template_class = _Template
    if templates_dir is not None:
        env.count_filters()  # type: ignore[attr-defined]
    # Each template's globals as one plain dict, not Jinja's ChainMap over the environment's: every
    # include (one per entry of a list of events) walks a template's globals twice to make its
    # context, and a ChainMap walk costs microseconds. Nothing changes the globals once made.
    env.make_globals = lambda extra: {**env.globals, **(extra or {})}  # type: ignore[method-assign]
    return env


def compile_theme(env: jinja2.Environment) -> None:
    """Compile, as `env` finds them (the user's theme first), the templates of the default theme
    that a site's pages use, so that the processes a build forks to render pages inherit them
    compiled; a build does this while its workers read the articles. A template that does not load
    is left for rendering to report (with its file and line)."""
    for path in sorted(default_templates_dir().iterdir()):
        if path.suffix in (".html", ".md", ".css", ".svg") and path.name != "README.md":
            try:
                env.get_template(path.name)
            except Exception:  # noqa: BLE001,S112 - reported when a page that uses it is rendered
                continue


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
        "generator": meta.GENERATOR,
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
        template = env.get_template(name)
        if not getattr(env, "sandboxed", False):  # our theme
            return template.render(dict(ctx))
        parts, size = [], 0
        steps = _STEPS.set([0])  # a user's theme: its page within MAX_THEME_STEPS
        try:
            for part in template.generate(dict(ctx)):  # ... and within MAX_THEME_OUTPUT
                size += len(part)
                if size > MAX_THEME_OUTPUT:
                    raise TemplateError(f"{template.filename or name}: the page would be over "
                                        f"{MAX_THEME_OUTPUT:,} characters, the most a theme may write")
                parts.append(part)
        finally:
            _STEPS.reset(steps)
        return "".join(parts)
    except TemplateError:
        raise
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


# --- the report of a diff: timeline.diff pairs the events, this shows them ---------------------------


def version_name(tl: Timeline) -> str:
    """How a report names a version: its files (or article ids), else its title; a control
    character in a file name shown as its escape (`\\x1b`), as on stderr."""
    from timeline.errors import printable

    names = [printable(a.path or a.id) for a in tl.articles]
    return ", ".join(names) if names else (tl.title or "timeline")


def _published_text(tl: Timeline) -> str:
    pub = published(tl)
    return f"published {calendar.label(pub.isoformat())}" if pub else "no publication date"


_ANSI = {"delete": "\x1b[31m", "insert": "\x1b[32m", "bold": "\x1b[1m", "reset": "\x1b[0m"}


def _inline(runs: Sequence[WordRun], color: bool) -> str:
    """Runs as one line, wdiff style: [-deleted-] {+inserted+}."""
    out: list[str] = []
    prev: str | None = None
    for r in runs:
        if r.op == "equal":
            out.append(r.text)
            prev = r.op
            continue
        lead = r.lead or (" " if prev == "delete" else "")
        mark = f"[-{r.core}-]" if r.op == "delete" else f"{{+{r.core}+}}"
        out.append(lead + (f"{_ANSI[r.op]}{mark}{_ANSI['reset']}" if color else mark))
        prev = r.op
    return "".join(out)


def format_text(d: TimelineDiff, *, color: bool = False) -> str:
    """The readable report of `timeline diff` (ANSI colours only when `color`). The first line is
    "timeline diff: N added, N removed, N changed, N unchanged"."""

    def head(text: str) -> str:
        return f"{_ANSI['bold']}{text}{_ANSI['reset']}" if color else text

    def tint(op: str, text: str) -> str:
        return f"{_ANSI[op]}{text}{_ANSI['reset']}" if color else text

    lines = [
        f"timeline diff: {d.summary()}",
        f"--- {version_name(d.old)} · {_published_text(d.old)}",
        f"+++ {version_name(d.new)} · {_published_text(d.new)}",
    ]
    if d.title_changed:
        lines.append(f"Headline changed: {d.old.title} → {d.new.title}")
    if not d.has_differences:
        lines += ["", "No differences in the timeline."]
    for title, events, sign, op in (("Added", d.added, "+", "insert"), ("Removed", d.removed, "-", "delete")):
        if events:
            lines += ["", head(f"{title} ({len(events)})")]
            for e in events:
                lines += [tint(op, f"  {sign} {when_text(e)}"), f"    {e.text}"]
    if d.changed:
        lines += ["", head(f"Changed ({len(d.changed)})")]
        for c in d.changed:
            when = (f"{when_text(c.old)} → {when_text(c.new)}" if c.date_changed else when_text(c.new))
            lines += [f"  ~ {when}  ({', '.join(c.what)})", f"    {_inline(c.words, color)}"]
    return "\n".join(lines) + "\n"


def template_context(d: TimelineDiff) -> dict[str, object]:
    """The variables `diff.html` and `diff.md` receive (besides `generator`; see templates/README.md)."""
    articles = tuple(d.old.articles) + tuple(a for a in d.new.articles if a not in d.old.articles)
    title = d.new.title or d.old.title or "Timeline"
    return {
        "diff": d,
        "title": f"Changes: {title}",
        "old": d.old,
        "new": d.new,
        "old_name": version_name(d.old),
        "new_name": version_name(d.new),
        "old_published": d.old_published,
        "new_published": d.new_published,
        "added": d.added,
        "removed": d.removed,
        "changed": d.changed,
        "unchanged": len(d.unchanged),
        "articles": articles,
        "articles_by_id": {a.id: a for a in articles},
    }


# --- the story of a collection (timeline.story) ----------------------------------------------------

#: What `render_story` writes: JSON (Story.to_dict), Markdown and HTML (templates story.md and
#: story.html), CSV (one row per sentence, STORY_CSV_COLUMNS).
STORY_CSV_COLUMNS = ("date", "label", "score", "articles", "rank", "text", "article", "source", "url",
                     "published", "sources", "headline", "note", "edited")


def story_context(story: Story, **extra: object) -> dict[str, object]:
    """What story.html and story.md receive: `story` (timeline.story.Story), `title`, `dates`
    (its StoryDates), `articles_by_id` (Article by id, for sources' titles; may be empty),
    `article_href` (article id -> its page in a site; empty outside a site), `generator`, `site`, `page`."""
    return {"story": story, "title": story.title, "dates": story.dates,
            "articles_by_id": {}, "article_href": {}, "generator": meta.GENERATOR, "site": None, "page": None,
            **extra}


def _story_csv(story: Story) -> str:
    import csv
    import io

    from timeline.output import spreadsheet_safe

    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(STORY_CSV_COLUMNS)
    for day in story.dates:
        edits = (day.headline or "", day.note or "", ";".join(day.edited))
        for rank, s in enumerate(day.sentences, start=1):
            cells = (day.date, day.label, day.score, day.articles, rank, s.text, s.article, s.source or "",
                     s.url or "", s.published or "", ";".join(src.article for src in s.sources) or s.article, *edits)
            writer.writerow([spreadsheet_safe(str(c)) for c in cells])
        if not day.sentences:  # a day the editor kept or added without a sentence still has its row
            cells = (day.date, day.label, day.score, day.articles, "", "", "", "", "", "", "", *edits)
            writer.writerow([spreadsheet_safe(str(c)) for c in cells])
    return buf.getvalue()


def render_story(story: Story, fmt: str, templates_dir: Path | None = None, *,
                 env: jinja2.Environment | None = None, **extra: object) -> str:
    """A story (timeline.story.Story) in one of STORY_FORMATS; `extra` adds template names (the
    site passes `site`, `page`, `articles_by_id`, `article_href`); ValueError for another format."""
    if fmt == "json":
        return jsonout.dumps(story.to_dict()) + "\n"
    if fmt == "csv":
        return _story_csv(story)
    if fmt in ("html", "md"):
        return render_template(env or make_env(templates_dir), f"story.{fmt}", story_context(story, **extra))
    if fmt == "svg":  # the overview of its key days alone (templates/overview.svg)
        ctx = story_context(story, ov=overview.for_story(story), events=(), articles=(), **extra)
        return render_template(env or make_env(templates_dir), "overview.svg", ctx)
    raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(STORY_FORMATS)}")
