"""Build a static site of timelines: collect every context first, render to strings, then write.

The site: `index.html` (every article: title, source, publication date, the dates it covers, its
number of events, and a link to the combined timeline); per article `ID.html` (its timeline and its
text, each date phrase linked to its entry and back); `combined.html` (all articles in one
chronology, the same event reported by several articles once, with its sources); next to each page
its data as `.json` and `.md`. Links are relative, so the site works from disk and under any path.

Versions of one article (`story.txt`, `story.v2.txt`; see versions.py) are one entry of the index
and of the combined timeline, through their latest version; every version keeps its own page, and
`BASE.changes-vA-vB.html` (with `.md` and `.json`) shows what changed between consecutive versions.

A failure while reading or rendering leaves the output folder untouched; writing is the last step.
The build writes only inside the output folder and keeps a manifest (`.timeline-build`) of the
files it wrote, so a rebuild replaces its own files and removes the ones it no longer makes, and a
folder that holds anything else is refused unless `force`.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import gc
import hashlib
import json
import multiprocessing
import os
import re
import stat
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import jinja2

from timeline import calendar, jsonout
from timeline.annotate import anchored_events, article_html
from timeline.article import Article
from timeline.batch import (
    MANIFEST,
    Failure,
    Options,
    collect_items,
    default_jobs,
    fewer_collections,
    fork_available,
    process_items,
)
from timeline.cache import CACHE_NAME, ProcessCache, code_digest, tree_digest
from timeline.calendar import granularity_rank
from timeline.chronology import Timeline, build_timeline, similarity
from timeline.diff import TimelineDiff, diff_timelines
from timeline.edits import NO_EDITS, Edits, additions, edit_results, folder_edits
from timeline.errors import ArticleError, OutputError
from timeline.events import Event
from timeline.exports import DatePoint, event_span
from timeline.filters import text_id
from timeline.meta import DEFAULT_UNDATED
from timeline.output import atomic_write, regular_sha256, remove_stale_temps, temp_name, write_new, written_by_timeline
from timeline.pipeline import ArticleResult, process
from timeline.progress import Progress
from timeline.readers.url import Fetched
from timeline.render import context, default_templates_dir, make_env, render, render_diff, render_template
from timeline.story import Story, edit_story, story
from timeline.versions import base_id, group_versions, version_number


def bundled_seeds() -> Path:
    """The seed articles shipped with the package (or the repository's seeds/ in a checkout)."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "seeds", here.parent / "seeds"):
        if candidate.is_dir():
            return candidate
    raise ArticleError("the bundled seeds are missing from this installation")


@dataclass(frozen=True)
class Page:
    """One file of the site, rendered: where it goes and what it holds."""

    path: str  # relative to the output folder, "/"-separated
    content: str


@dataclass(frozen=True)
class Coverage:
    """The first and last calendar point a list of events covers, each as precise as its event."""

    first: DatePoint
    last: DatePoint


@dataclass(frozen=True)
class Changes:
    """The page of changes between two consecutive versions of an article, and what it counts."""

    old: Article
    new: Article
    href: str
    md_href: str
    json_href: str
    added: int
    removed: int
    changed: int
    unchanged: int
    title_changed: bool = False  # the headline changed too

    @property
    def label(self) -> str:
        return f"version {version_number(self.old.id)} → {version_number(self.new.id)}"

    @property
    def old_href(self) -> str:
        """The page of the old version (the changes pages link both)."""
        return f"{self.old.id}.html"

    @property
    def new_href(self) -> str:
        return f"{self.new.id}.html"


@dataclass(frozen=True)
class SiteArticle:
    """One article of the site: its timeline and the files made for it. For an article with several
    versions, `versions` holds them oldest first, `changes` the pages between consecutive ones and
    `latest_href` the page of the newest."""

    article: Article
    timeline: Timeline
    href: str
    md_href: str
    json_href: str
    coverage: Coverage | None
    versions: tuple[Article, ...] = ()
    changes: tuple[Changes, ...] = ()
    latest_href: str = ""

    @property
    def is_latest(self) -> bool:
        return not self.versions or self.versions[-1].id == self.article.id

    @property
    def events(self) -> tuple[Event, ...]:
        return self.timeline.events


@dataclass(frozen=True)
class Site:
    """What every page of a site knows about the whole site (the template variable `site`)."""

    title: str
    articles: tuple[SiteArticle, ...]  # one per article: the latest of its versions
    # The combined timeline, made when a page first asks for it (`combined`): the build's main
    # process makes it while its workers render the article pages, which do not need it.
    combine: Callable[[], Timeline] = dataclasses.field(repr=False, compare=False)
    article_href: dict[str, str]
    index_href: str = "index.html"
    combined_href: str = "combined.html"
    combined_md_href: str = "combined.md"
    story_href: str | None = None  # the story of several articles (timeline.story), else None
    story_md_href: str | None = None

    @functools.cached_property
    def combined(self) -> Timeline:
        """All articles (the latest of their versions) in one chronology."""
        return self.combine()

    @functools.cached_property
    def coverage(self) -> Coverage | None:
        """The dates the combined timeline covers."""
        return coverage(self.combined.events)


@dataclass(frozen=True)
class PageInfo:
    """The page being rendered (the template variable `page`): its kind ("index", "article" or
    "combined"), its file name and its data files as (label, file name) pairs."""

    kind: str
    href: str
    data: tuple[tuple[str, str], ...] = ()


RESERVED_IDS = frozenset({"index", "combined"})


def changes_page(old: Article, new: Article) -> str:
    """The file name (without suffix) of the changes between two versions: "story.changes-v1-v2"."""
    return f"{base_id(new.id)}.changes-v{version_number(old.id)}-v{version_number(new.id)}"
SITE_TITLE = "Timelines"


def coverage(events: Sequence[Event]) -> Coverage | None:
    """The dates a list of events covers: the first point of the earliest event to the last point
    of the one that ends latest (the finer one among equals; an ongoing "since X" counts as X, not
    as running to the publication date); None without events."""
    if not events:
        return None

    def last_point(e: Event) -> DatePoint:
        first, last = event_span(e)
        return first if e.ongoing or last is None else last

    def last_day(e: Event) -> tuple[date, int]:
        placed = calendar.interval(e.date, e.mod) if e.ongoing else None
        return (placed[1] if placed else e.end), granularity_rank(e.granularity)

    earliest = min(events, key=lambda e: (e.start, -granularity_rank(e.granularity)))
    latest = max(events, key=last_day)
    last = last_point(latest)
    if not latest.until and not latest.ongoing:
        last = _as_span(latest, last, end=True)
    return Coverage(_as_span(earliest, event_span(earliest)[0], end=False), last)


# Granularities a year or a month cannot name: a range of dates shows them as their span.
_SPANS = frozenset({"century", "decade", "half", "quarter", "season"})


def _as_span(e: Event, point: DatePoint, end: bool) -> DatePoint:
    """`point` for a century, decade, half, quarter or season as that span ("19th century",
    "summer 2005"), its machine value the span's first (or, at the `end`, last) year or month,
    not a year or month picked from inside it ("1866" for the late 19th century)."""
    text = calendar.span_label(e.date) if e.granularity in _SPANS else ""
    placed = calendar.interval(e.date) if text else None
    if placed is None:
        return point
    day = calendar.last_day(placed[1]) if end else placed[0]
    return DatePoint(day.year, None if e.granularity in ("century", "decade") else day.month, text=text)


def _report_of(event: Event, source: str, by_date: dict[tuple[str, str, str | None], list[Event]],
               by_id: dict[str, Event]) -> Event | None:
    """The event of article `source` that `event` (of the combined timeline) merged: the one
    its `reports` name, else the most alike of that article's on the same date."""
    if source == event.article:
        return event
    sources = event.sources or (event.article,)
    if len(event.reports) == len(sources) and source in sources:
        named = by_id.get(event.reports[sources.index(source)])
        if named is not None:
            return named
    same = by_date.get((source, event.date, event.until), [])
    return max(same, key=lambda e: similarity(e.text, event.text), default=None)


def _check_ids(articles: Sequence[Article]) -> None:
    seen: set[str] = set()
    versions: dict[tuple[str, int], Article] = {}  # two of one version: one changes page over another
    for article in articles:
        if article.id in seen:
            raise ArticleError(f"{article.path}: two articles have the id {article.id!r}{_named_version(article)}")
        if article.id in RESERVED_IDS:
            raise ArticleError(f"{article.path}: the id {article.id!r} is the name of a page of the site; "
                               "rename the file or set another 'id:' in its front matter")
        seen.add(article.id)
        version = (base_id(article.id), version_number(article.id))
        other = versions.setdefault(version, article)
        if other is not article:
            raise ArticleError(f"{article.path}: is version {version[1]} of {version[0]!r}, as "
                               f"{other.path or other.id} is; rename one")


def _named_version(article: Article) -> str:
    """What to do of an id given twice: when the file is named as a later version ("rail.v2.md") but
    its front matter's `id:` has no "-vN", that id is the one to change (renaming the file does not)."""
    from timeline.article import slugify

    named = version_number(slugify(Path(article.path).stem)) if article.path else 1
    if named > 1 and version_number(article.id) == 1:
        return (f" (its front matter's 'id:'); this file is named as version {named}: "
                f"set 'id: {article.id}-v{named}' in its front matter")
    return "; rename one"


@dataclass(frozen=True)
class ArticlePage:
    """Phase 1's output for one article: the processed article and its entry in the site."""

    result: ArticleResult
    timeline: Timeline
    entry: SiteArticle


@dataclass(frozen=True)
class SiteModel:
    """Everything the pages of a site are rendered from (phase 1 of a build): built once from the
    processed articles, so nothing is segmented, tagged or diffed twice."""

    site: Site
    pages: tuple[ArticlePage, ...]
    diffs: tuple[tuple[Changes, TimelineDiff], ...]
    # The story of several articles (timeline.story) and what the edits file said of its days that
    # matched nothing, made when first asked for (`story`): the build's main process makes it while
    # its workers render the article pages.
    tell: Callable[[], tuple[Story | None, tuple[str, ...]]] = dataclasses.field(
        default=lambda: (None, ()), repr=False, compare=False)
    stale: tuple[str, ...] = ()  # what the edits file said of the events that matched nothing

    @functools.cached_property
    def _told(self) -> tuple[Story | None, tuple[str, ...]]:
        return self.tell()

    @property
    def story(self) -> Story | None:
        return self._told[0]

    @property
    def warnings(self) -> tuple[str, ...]:
        """What the edits file said that matched nothing (of the events, then of the story's days)."""
        return (*self.stale, *self._told[1])


def _story_name(ids: set[str]) -> str:
    """The file name (without suffix) of the story page: "story", unless an article has that id."""
    name, n = "story", 1
    while name in ids:
        name, n = f"story-{n}", n + 1
    return name


def collect_site(results: Sequence[ArticleResult], *, title: str = SITE_TITLE, edits: Edits = NO_EDITS) -> SiteModel:
    """Phase 1: the context of every page: per-article timelines, the versions and their changes,
    the combined timeline of the latest versions, the index. `edits` (timeline.edits) apply to
    every article's events first; the editor's additions join the combined timeline and the story."""
    warnings = edits.stale([e for r in results for e in r.events], versions=True) if edits else []
    results = edit_results(results, edits, versions=True)
    articles = [r.article for r in results]
    _check_ids(articles)
    per_article = {r.article.id: r.timeline() for r in results}
    groups = group_versions(articles)
    group_of = {a.id: tuple(g) for g in groups for a in g}
    diffs: list[tuple[Changes, TimelineDiff]] = []
    changes_of: dict[str, tuple[Changes, ...]] = {}
    for g in groups:
        items = []
        for old, new in zip(g, g[1:], strict=False):
            d = diff_timelines(per_article[old.id], per_article[new.id])
            name = changes_page(old, new)
            change = Changes(old, new, f"{name}.html", f"{name}.md", f"{name}.json", len(d.added),
                             len(d.removed), len(d.changed), len(d.unchanged), d.title_changed)
            items.append(change)
            diffs.append((change, d))
        for a in g:
            changes_of[a.id] = tuple(items)
    latest = [g[-1] for g in groups]
    latest_ids = {a.id for a in latest}

    def combine() -> Timeline:
        return build_timeline(latest, [*(e for r in results if r.article.id in latest_ids for e in r.events),
                                       *additions(edits)], title="Combined timeline")

    def entry(a: Article) -> SiteArticle:
        versions = group_of[a.id] if len(group_of[a.id]) > 1 else ()
        return SiteArticle(a, per_article[a.id], f"{a.id}.html", f"{a.id}.md", f"{a.id}.json",
                           coverage(per_article[a.id].events), versions, changes_of[a.id],
                           f"{group_of[a.id][-1].id}.html")

    entry_of = {a.id: entry(a) for a in articles}
    story_page: str | None = None

    def tell() -> tuple[Story | None, tuple[str, ...]]:
        if story_page is None:
            return None, ()
        the_story = story([r for r in results if r.article.id in latest_ids])
        if not edits:
            return the_story, ()
        the_story, stale = edit_story(the_story, edits)
        return the_story, tuple(stale)

    if len(latest) > 1:  # the key dates of several articles (timeline.story)
        story_page = _story_name({a.id for a in articles})
    elif edits and edits.days:
        warnings = [*warnings, f"{edits.path}: 'days:' applies to the story page, which a build of one article "
                               "does not make: not applied"]
    site = Site(title, tuple(entry_of[a.id] for a in latest), combine, {a.id: f"{a.id}.html" for a in articles},
                story_href=f"{story_page}.html" if story_page else None,
                story_md_href=f"{story_page}.md" if story_page else None)
    pages = tuple(ArticlePage(r, per_article[r.article.id], entry_of[r.article.id]) for r in results)
    return SiteModel(site, pages, tuple(diffs), tell, tuple(warnings))


def _article_pages(ap: ArticlePage, site: Site, env: jinja2.Environment) -> tuple[list[Page], set[str]]:
    """An article's page, its Markdown and its JSON; and the ids of the events whose phrase got an
    anchor in its text."""
    article, tl, r = ap.result.article, ap.timeline, ap.result
    text, anchored = article_html(article, tl.events, r.timexes, r.sentences)
    page = PageInfo("article", f"{article.id}.html", (("JSON", f"{article.id}.json"), ("Markdown", f"{article.id}.md")))
    ctx = context(tl, site=site, page=page, article=article, article_html=text, entry=ap.entry,
                  phrase_href={e.id: f"#{text_id(e.id)}" for e in tl.events if e.id in anchored})
    return ([Page(f"{article.id}.html", render_template(env, "article.html", ctx)),
             Page(f"{article.id}.md", render_template(env, "timeline.md", ctx)),
             Page(f"{article.id}.json", _article_json(tl, ap.entry))], anchored)


def _article_json(tl: Timeline, entry: SiteArticle) -> str:
    """An article's JSON; for an article with several versions, each event also says which
    version it comes from (`version`) and whether that is the latest (`latest`)."""
    if not entry.versions:
        return render(tl, "json")
    fields = {"version": version_number(entry.article.id), "latest": entry.is_latest}
    data = {**tl.to_dict(), "events": [{**e.to_dict(), **fields} for e in tl.events]}
    return jsonout.dumps(data) + "\n"


# What the workers of a parallel render read: set before the pool forks them, so the site model
# and the Jinja environment (its templates already compiled) are shared by fork, never pickled.
_RENDERING: tuple[SiteModel, jinja2.Environment, Stage | None] | None = None


def _render_chunk(indices: Sequence[int]) -> list[list[Page] | list[Staged]]:
    """A render worker's share: its articles' pages, or with a Stage, those pages written beside
    their targets (only their names and digests come back)."""
    assert _RENDERING is not None
    model, env, stage = _RENDERING
    out: list[list[Page] | list[Staged]] = []
    for i in indices:
        pages, _ = _article_pages(model.pages[i], model.site, env)
        out.append([stage.put(p) for p in pages] if stage is not None else pages)
    return out


def _render_site_part(part: str) -> tuple[list[Page] | list[Staged], tuple[Story | None, tuple[str, ...]] | None]:
    """A render worker's share of the pages of the whole site: "story" (the story, made here, and
    its pages; the story and what the edits said of its days come back with them), or "combined"
    (the changes between versions, the combined timeline and the index), written beside their
    targets when there is a Stage."""
    assert _RENDERING is not None
    model, env, stage = _RENDERING
    if part == "story":
        pages, told = _story_pages(model, env), model._told
    else:
        anchored = {ap.result.article.id: anchored_events(ap.result.article, ap.timeline.events,
                                                          ap.result.timexes, ap.result.sentences)
                    for ap in model.pages}
        pages, told = [*_changes_pages(model, env), *_combined_pages(model, env, anchored),
                       *_index_pages(model, env)], None
    return ([stage.put(p) for p in pages] if stage is not None else pages), told


def render_pages(model: SiteModel, env: jinja2.Environment, step: Callable[[], None] = lambda: None, *,
                 templates: Path | None = None, jobs: int = 1) -> list[Page]:
    """Phase 2: every page of the site rendered to a string, with one Jinja environment per
    process: `jobs` processes render the article pages and the pages of the whole site (with
    `env`, which they inherit when they are forked; `templates` is the theme it was made for)."""
    return [p for p in _render(model, env, step, templates, jobs, None) if isinstance(p, Page)]


def stage_pages(model: SiteModel, env: jinja2.Environment, stage: Stage, step: Callable[[], None] = lambda: None,
                *, templates: Path | None = None, jobs: int = 1,
                meanwhile: Callable[[], None] | None = None) -> list[Staged]:
    """Phases 2 and 3 of a build at once: every page rendered and written beside its target by the
    process that rendered it (`Stage.commit` then puts them all in place). With worker processes,
    `meanwhile` is called once when this one has given them every page and would only wait."""
    return [p for p in _render(model, env, step, templates, jobs, stage, meanwhile) if isinstance(p, Staged)]


def _render(model: SiteModel, env: jinja2.Environment, step: Callable[[], None], templates: Path | None, jobs: int,
            stage: Stage | None, meanwhile: Callable[[], None] | None = None) -> list[Page | Staged]:
    global _RENDERING
    site = model.site
    n = len(model.pages)
    jobs = min(jobs, n // 8) if fork_available() else 1
    keep: Callable[[Page], Page | Staged] = stage.put if stage is not None else (lambda page: page)
    article_pages: list[Page | Staged] = []
    with contextlib.ExitStack() as stack:
        futures = []
        if jobs > 1:
            # The first article's pages here, before the fork: every template they use is then
            # compiled once, in this process, instead of once in every worker.
            made, _ = _article_pages(model.pages[0], site, env)
            article_pages += [keep(p) for p in made]
            step()
            # Small chunks: the last one a worker renders while the other has none left is short.
            size = max(1, min(16, n // (jobs * 4)))
            _RENDERING = (model, env, stage)
            stack.callback(lambda: globals().update(_RENDERING=None))
            # The site model out of the garbage collector's reach in the workers: a collection there
            # would walk (and so copy, page by page) the whole heap they share with this process.
            gc.freeze()
            stack.callback(gc.unfreeze)
            pool = ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork"))
            # On a failure or a signal, the pages not yet rendered are cancelled, not waited for.
            stack.callback(pool.shutdown, wait=True, cancel_futures=True)
            # The pages of the whole site go to the workers first, the story's and the combined
            # timeline's each as a task of its own (this process alone took longer over them than
            # either worker over its share of the article pages), then the article pages.
            parts = [pool.submit(_render_site_part, part) for part in ("story", "combined")
                     if part != "story" or (model.site.story_href and model.site.story_md_href)]
            futures = [pool.submit(_render_chunk, range(i, min(n, i + size))) for i in range(1, n, size)]
            if meanwhile is not None:
                meanwhile()
            for future in futures:
                for done in future.result():
                    article_pages += done
                    step()
            made_parts: dict[str, list[Page | Staged]] = {}
            for future in parts:
                pages, told = future.result()
                if told is not None:  # the story and its warnings, made by the worker, are the model's
                    model.__dict__["_told"] = told
                made_parts["story" if told is not None else "combined"] = list(pages)
                step()
            if len(parts) < 2:
                step()
            combined = made_parts["combined"]
            # In the order one process makes them: changes, combined, story, index (3 files each).
            index_at = len(combined) - 3
            return article_pages + combined[:index_at] + made_parts.get("story", []) + combined[index_at:]
        anchored = {}
        for ap in model.pages:
            made, ids = _article_pages(ap, site, env)
            article_pages += [keep(p) for p in made]
            anchored[ap.result.article.id] = ids
            step()
        site_pages = [keep(p) for p in _site_pages(model, env, anchored, step)]
    return article_pages + site_pages


def page_names(model: SiteModel) -> list[str]:
    """The files the pages of a site go to (known before anything is rendered)."""
    names = [f"{ap.result.article.id}.{ext}" for ap in model.pages for ext in ("html", "md", "json")]
    names += [n for change, _ in model.diffs for n in (change.href, change.md_href, change.json_href)]
    stems = ("combined", "index") + ((model.site.story_href.removesuffix(".html"),) if model.site.story_href else ())
    return names + [f"{stem}.{ext}" for stem in stems for ext in ("html", "md", "json")]


def _site_pages(model: SiteModel, env: jinja2.Environment, anchored: dict[str, set[str]],
                step: Callable[[], None]) -> list[Page]:
    """The changes between versions, the combined timeline, the story and the index."""
    pages = [*_changes_pages(model, env), *_combined_pages(model, env, anchored), *_story_pages(model, env)]
    step()
    pages += _index_pages(model, env)
    step()
    return pages


def _changes_pages(model: SiteModel, env: jinja2.Environment) -> list[Page]:
    """The changes between consecutive versions of an article."""
    site = model.site
    pages: list[Page] = []
    for change, d in model.diffs:
        name = change.href.removesuffix(".html")
        page = PageInfo("changes", change.href, (("JSON", change.json_href), ("Markdown", change.md_href)))
        old_md, new_md = f"{change.old.id}.md", f"{change.new.id}.md"
        pages += [Page(change.href, render_diff(d, "html", env=env, site=site, page=page, old_href=change.old_href,
                                                new_href=change.new_href, old_md_href=old_md, new_md_href=new_md)),
                  Page(change.md_href, render_diff(d, "md", env=env, old_href=change.old_href,
                                                   new_href=change.new_href, old_md_href=old_md, new_md_href=new_md)),
                  Page(f"{name}.json", render_diff(d, "json"))]
    return pages


def _combined_pages(model: SiteModel, env: jinja2.Environment, anchored: dict[str, set[str]]) -> list[Page]:
    """The combined timeline, each event linked to the phrase of each article that reports it
    (`anchored`: the events whose phrase has an anchor in each article's page)."""
    site = model.site
    by_id = {ap.result.article.id: ap.result.article for ap in model.pages}
    events_of: dict[tuple[str, str, str | None], list[Event]] = {}  # (article, date, until) -> its events
    event_by_id: dict[str, Event] = {}
    for ap in model.pages:
        for ev in ap.timeline.events:
            events_of.setdefault((ap.result.article.id, ev.date, ev.until), []).append(ev)
            event_by_id[ev.id] = ev
    source_hrefs: dict[str, tuple[tuple[Article, str], ...]] = {}
    combined = site.combined
    for e in combined.events:
        links = []
        for source in () if "added" in e.edited else e.sources or (e.article,):  # an editor's addition: no article
            report = _report_of(e, source, events_of, event_by_id)
            href = f"{source}.html"
            if report is not None and report.id in anchored.get(source, ()):
                href += f"#{text_id(report.id)}"
            links.append((by_id[source], href))
        source_hrefs[e.id] = tuple(links)
    page = PageInfo("combined", "combined.html", (("JSON", "combined.json"), ("Markdown", "combined.md")))
    first_report = {eid: links[0][1] for eid, links in source_hrefs.items() if links and "#" in links[0][1]}
    ctx = context(combined, site=site, page=page, source_hrefs=source_hrefs, phrase_href=first_report)
    return [Page("combined.html", render_template(env, "combined.html", ctx)),
            Page("combined.md", render_template(env, "timeline.md", ctx)),
            Page("combined.json", render(combined, "json"))]


def _story_pages(model: SiteModel, env: jinja2.Environment) -> list[Page]:
    """The story of several articles (none for a site of one)."""
    site = model.site
    if model.story is None or not site.story_href or not site.story_md_href:
        return []
    from timeline.render import render_story

    by_id = {ap.result.article.id: ap.result.article for ap in model.pages}
    json_href = site.story_href.removesuffix(".html") + ".json"
    page = PageInfo("story", site.story_href, (("JSON", json_href), ("Markdown", site.story_md_href)))
    return [Page(site.story_href, render_story(model.story, "html", env=env, site=site, page=page,
                                               articles_by_id=by_id, article_href=site.article_href)),
            Page(site.story_md_href, render_story(model.story, "md", env=env)),
            Page(json_href, render_story(model.story, "json"))]


def _index_pages(model: SiteModel, env: jinja2.Environment) -> list[Page]:
    """The index of the site: every article, and links to the combined timeline and the story."""
    site = model.site
    page = PageInfo("index", "index.html", (("JSON", "index.json"), ("Markdown", "index.md")))
    ctx = context(site.combined, site=site, page=page)
    return [Page("index.html", render_template(env, "index.html", ctx)),
            Page("index.md", render_template(env, "index.md", ctx)),
            Page("index.json", _index_json(site))]


def render_site(articles: Sequence[Article], templates: Path | None = None, *, title: str = SITE_TITLE,
                progress: Progress | None = None, undated: str = DEFAULT_UNDATED,
                status: Sequence[str] | None = None) -> list[Page]:
    """Every page of the site of `articles`, rendered to strings (nothing written): per article
    `ID.html` (its timeline and its text), `ID.md`, `ID.json`; `combined.*` (all articles in one
    chronology, the same event reported by several articles once); `index.*` (the list of articles)."""
    step = (lambda: progress.advance()) if progress else (lambda: None)
    results = []
    for a in articles:
        results.append(process(a, undated=undated, status=status))
        step()
    return render_pages(collect_site(results, title=title), make_env(templates), step)


def _index_json(site: Site) -> str:
    """The index as JSON: the site title and, per article, its metadata, files and what it covers."""
    data = {
        "title": site.title,
        "combined": {"html": site.combined_href, "json": "combined.json", "md": site.combined_md_href,
                     "events": len(site.combined.events)},
        **({"story": {"html": site.story_href, "json": site.story_href.removesuffix(".html") + ".json",
                      "md": site.story_md_href}} if site.story_href else {}),
        "articles": [
            {**entry.article.meta(), "html": entry.href, "json": entry.json_href, "md": entry.md_href,
             "events": len(entry.events),
             "covers": [entry.coverage.first.edtf(), entry.coverage.last.edtf()] if entry.coverage else None}
            for entry in site.articles
        ],
        "generator": "timeline",
    }
    return jsonout.dumps(data) + "\n"


# --- phase 3: check every target, then write ------------------------------------------------------


@dataclass(frozen=True)
class Manifest:
    """What the last build of a folder wrote (`OUT/.timeline-build`): its files with their SHA-256,
    and the state it was built from (tool, templates, title, inputs), so a rebuild of the same state
    writes nothing and a changed one rewrites only what changed. Deterministic, like the pages."""

    files: dict[str, str]  # name -> sha256 of the content written
    state: dict[str, object]
    errors: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    # While a build puts its pages in place: the earlier content (sha256) of the files it replaces
    # or removes, so a build killed half way leaves files the next build still knows as its own.
    replacing: dict[str, str] = dataclasses.field(default_factory=dict)
    ignored: tuple[str, ...] = ()  # entries read that name no file a build makes (never touched)

    @staticmethod
    def read(out: Path) -> Manifest | None:
        """The manifest of `out`, None without a readable one. It is a hint, never an authority: an
        entry counts only if it names a page as a build names them (inside the folder, nothing
        hidden, .html/.md/.json) with a SHA-256; the others are `ignored`."""
        path = out / MANIFEST
        if not path.is_file():
            return None
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            hashes = data.get("sha256") or {}
            replacing = data.get("replacing") or {}
            files: dict[str, str] = {}
            ignored: list[str] = []
            for name in data.get("files", []):
                if isinstance(name, str) and page_name_ok(name) and _is_sha(hashes.get(name)):
                    files[name] = hashes[name]
                else:
                    ignored.append(str(name))
            return Manifest(files, dict(data.get("state") or {}), tuple(str(e) for e in data.get("errors") or ()),
                            tuple(str(w) for w in data.get("warnings") or ()),
                            {k: v for k, v in replacing.items() if k in files and _is_sha(v)}, tuple(ignored))
        except (OSError, ValueError, TypeError, AttributeError, RecursionError):  # RecursionError: nested too deep
            return None

    def dumps(self) -> str:
        data: dict[str, object] = {"generator": "timeline", "files": sorted(self.files),
                                   "sha256": dict(sorted(self.files.items())), "state": self.state,
                                   "errors": list(self.errors), "warnings": list(self.warnings)}
        if self.replacing:
            data["replacing"] = dict(sorted(self.replacing.items()))
        return jsonout.dumps_utf8(data, indent=1) + "\n"  # a name that is not UTF-8 is escaped

    def owns(self, name: str, current: str | None) -> bool:
        """Whether a file `name` whose bytes now have SHA-256 `current` is what a build wrote."""
        return current is not None and current in (self.files.get(name), self.replacing.get(name))

    def intact(self, out: Path) -> bool:
        """Whether every file it lists is still there, as written (a regular file, same bytes)."""
        return all(regular_sha256(out / name) == digest for name, digest in self.files.items())


_SHA = frozenset("0123456789abcdef")


def _is_sha(value: object) -> bool:
    return isinstance(value, str) and len(value) == 64 and set(value) <= _SHA


# The names of the pages a build writes: article ids are slugs (`article.slugify`), so a page is
# `ID.html`, `ID.md`, `ID.json` or `ID.changes-vA-vB.*`, always at the top of the folder.
_PAGE_NAME = re.compile(r"[a-z0-9][a-z0-9-]*(?:\.changes-v[0-9]+-v[0-9]+)?\.(?:html|md|json)")


def page_name_ok(name: str) -> bool:
    """Whether `name` (from a manifest) could be a page a build writes, and so a file it may replace
    or remove: a .html, .md or .json file named as pages are, at the top of the folder (never in a
    subfolder such as notes/ or .git/, never hidden)."""
    return len(name) < 1024 and _PAGE_NAME.fullmatch(name) is not None


def _sha(content: str) -> str:
    return hashlib.sha256(content.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Staged:
    """A rendered page waiting to be put in place: its name, the SHA-256 of its content and the
    temporary file beside its target that holds it (None: the file already holds exactly that)."""

    path: str
    digest: str
    temp: str | None
    kept: bool = False  # the file there is not what timeline wrote: left as it is
    was: str | None = None  # the SHA-256 of the file `temp` replaces


class Stage:
    """Phase 3 of a build, split so that the processes that render the pages also write them:
    each page goes to a temporary file next to its target (`put`), and only when every page is
    rendered are they all renamed into place (`commit`); a failure removes them (`abort`), so the
    folder is never left half old, half new. A page whose file already holds its content is not
    written at all."""

    def __init__(self, out: Path, previous: Manifest | None, force: bool = False,
                 names: frozenset[str] | None = None) -> None:
        self.out = out
        self.previous = previous or Manifest({}, {})
        self.force = force
        # The names in `out` when the build began (None: not known): a page of another name is new,
        # with no file to read first (a first build's thousands of pages).
        self.names = names
        self.pid = os.getpid()  # temporary files are named after the build's process (output.temp_name)
        self.dirs: set[Path] = {out}

    def put(self, page: Page) -> Staged:
        """Write `page` beside its target, unless the target already holds exactly it, or holds
        what timeline did not write (a page the user edited: `kept`, unless `force`)."""
        data = page.content.encode("utf-8")
        digest = hashlib.sha256(data).hexdigest()
        target = self.out / page.path
        new = self.names is not None and "/" not in page.path and page.path not in self.names
        current = None if new else regular_sha256(target)
        if current == digest:
            return Staged(page.path, digest, None)
        if current is not None and not self.force and not self.previous.owns(page.path, current):
            return Staged(page.path, digest, None, kept=True)
        while True:
            temp = str(target.parent / temp_name(self.pid))
            try:
                write_new(temp, data)
                break
            except FileExistsError:
                continue
        return Staged(page.path, digest, temp, was=current)

    def commit(self, staged: Sequence[Staged]) -> list[Path]:
        written = []
        for item in staged:
            if item.temp is not None:
                os.replace(item.temp, self.out / item.path)
                written.append(self.out / item.path)
        return written

    def abort(self, staged: Sequence[Staged] = ()) -> None:
        """Remove this build's temporary files: the ones `staged` names, and any other of its
        process's temporary names in the folders it writes to."""
        for item in staged:
            if item.temp is not None:
                Path(item.temp).unlink(missing_ok=True)
        prefix = f".tl{self.pid}-"
        for folder in sorted(self.dirs):
            with contextlib.suppress(OSError):
                for name in os.listdir(folder):
                    if name.startswith(prefix) and name.endswith(".tmp"):
                        (folder / name).unlink(missing_ok=True)


def check_output_folder(out: Path, force: bool) -> Manifest | None:
    """Refuse an output that is not a folder, or a folder no earlier build made that holds files
    (unless `force`; hidden files, such as .git or .gitignore, are left alone and do not count);
    the previous build's manifest, if any."""
    from timeline.output import check_parent

    check_parent(out)  # "notes.txt/site": both named, for a library caller as for the CLI
    if out.exists() and not out.is_dir():
        raise OutputError(f"{out}: exists and is not a folder")
    previous = Manifest.read(out) if out.exists() else None
    if out.exists() and previous is None and not force:
        # Hidden files (.git, .gitignore, .nojekyll) are never touched by a build: they do not count.
        foreign = sorted(p.name for p in out.iterdir()
                         if not p.name.startswith(".") and not (p.is_file() and written_by_timeline(p)))
        if foreign:
            raise OutputError(f"{out}: folder is not empty and was not made by 'timeline build' "
                              f"(it holds {foreign[0]}); choose another -o or use --force")
    return previous


def check_targets(pages: Sequence[Page | str], out: Path, inputs: Sequence[Path] = ()) -> None:
    """Before anything is written: every target lies inside `out` (no symlink leads out of it), is
    a regular file or new, and is none of the input articles, also through a hard link (`--force`
    never replaces an input). One `lstat` per target: a site of 5,000 articles has 15,000."""
    root = out.resolve() if out.exists() else out.absolute()
    sources: set[tuple[int, int]] = set()
    for p in inputs:
        try:
            st = os.stat(p)
            sources.add((st.st_dev, st.st_ino))
        except OSError:
            continue
    for page in pages:
        name = page if isinstance(page, str) else page.path
        if name.startswith(("/", "\\")) or ".." in name.split("/") or "\0" in name:
            raise OutputError(f"{out / name}: would be written outside {out}")
        path = root / name
        if "/" in name and root not in path.resolve().parents:
            raise OutputError(f"{out / name}: would be written outside {out} (a symlink leads out of it)")
        try:
            st = os.lstat(path)
        except FileNotFoundError:
            continue
        except OSError as exc:
            raise OutputError(f"{out / name}: cannot be written ({exc.strerror or exc})") from None
        if stat.S_ISLNK(st.st_mode):
            raise OutputError(f"{out / name}: is a symlink (it would be written through it, perhaps outside {out}); "
                              "remove it or build into another folder")
        if not stat.S_ISREG(st.st_mode):
            raise OutputError(f"{out / name}: exists and is not a regular file; remove it or build into another folder")
        if (st.st_dev, st.st_ino) in sources:
            raise OutputError(f"{out / name}: is one of the build's inputs (an article, a template, the edits or "
                              "the URL list); build into another folder (-o)")


def write_site(pages: Sequence[Page], out: Path, *, force: bool = False, progress: Progress | None = None,
               inputs: Sequence[Path] = (), state: dict[str, object] | None = None,
               errors: Sequence[str] = (), warnings: Sequence[str] = (), extra: Sequence[Page] = ()) -> list[Path]:
    """Write pages rendered to strings (`render_site`) into `out` as a build does: refuse a folder
    no earlier build made (unless `force`), check every target, stage the pages and put them all
    in place, remove the last build's files this one does not make, then the hidden files
    (`extra`, the cache) and the manifest. Returns the paths written."""
    previous = check_output_folder(out, force)
    check_targets(pages, out, inputs)

    def put_all(stage: Stage) -> list[Staged]:
        staged = []
        for page in pages:
            staged.append(stage.put(page))
            if progress:
                progress.advance()
        return staged

    staged, written = _staged(out, previous, put_all, force=force, names=[p.path for p in pages])
    _finish(out, previous, staged, state, errors, (*_manifest_warnings(out, previous), *warnings), extra, inputs)
    return written


def _name_max(out: Path) -> int:
    """The longest file name (in bytes) the file system of `out` (or of the folder it will be made
    in) takes; 255 where it cannot be asked."""
    folder = out
    while not folder.exists() and folder.parent != folder:
        folder = folder.parent
    try:
        return int(os.pathconf(folder, "PC_NAME_MAX"))
    except (OSError, ValueError, AttributeError):
        return 255


def _fitting_site(results: Sequence[ArticleResult], title: str, name_max: int,
                  edits: Edits = NO_EDITS) -> tuple[SiteModel, list[Failure]]:
    """The site of the articles whose pages' names the file system takes, and a failure (one line,
    naming the article) for each of the others."""
    failures: list[Failure] = []
    results = list(results)
    while True:
        model = collect_site(results, title=title, edits=edits) if results else None
        if model is None:
            raise ArticleError(failures[0].message if len(failures) == 1 else
                               f"no article could be read ({len(failures)} failed; the first: {failures[0].message})")
        owner = {n: ap.result.article for ap in model.pages
                 for n in (ap.entry.href, ap.entry.md_href, ap.entry.json_href)}
        owner.update({n: change.new for change, _ in model.diffs
                      for n in (change.href, change.md_href, change.json_href)})
        long = {a.id: (a, n) for n, a in owner.items() if len(n.encode("utf-8")) > name_max}
        if not long:
            return model, failures
        for article, name in long.values():
            failures.append(Failure(article.path or article.id,
                                    f"{article.path or article.id}: its page name is too long for the output's file "
                                    f"system ({len(name.encode('utf-8'))} bytes, at most {name_max}); give it a "
                                    "shorter 'id:' or file name"))
        results = [r for r in results if r.article.id not in long]


def _manifest_warnings(out: Path, previous: Manifest | None) -> list[str]:
    if previous is None or not previous.ignored:
        return []
    n = len(previous.ignored)
    return [f"{out / MANIFEST}: {n} entr{'y' if n == 1 else 'ies'} ignored, naming no page a build makes or "
            f"without its SHA-256 (the first: {previous.ignored[0][:80]!r}); nothing they name is touched"]


def _staged(out: Path, previous: Manifest | None, produce: Callable[[Stage], list[Staged]], *,
            force: bool = False, names: Sequence[str] = ()) -> tuple[list[Staged], list[Path]]:
    """The pages `produce` stages in `out`, put in place once all are there (the paths written);
    on any failure (an exception, SIGINT, or SIGTERM, which the CLI turns into one), the staged
    files are removed and a folder made for them too. Temporary files that killed builds left are
    removed first. Before the first rename the manifest already lists the new pages and the
    content they replace, so a build killed while renaming leaves a folder the next build knows
    as its own and repairs (it is not "up to date" and puts every page in place again)."""
    created = not out.exists()
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{out}: cannot write ({exc.strerror or exc})") from None
    try:
        there: frozenset[str] | None = frozenset(os.listdir(out))
    except OSError:
        there = None
    stage = Stage(out, previous, force, there)
    stage.dirs |= {(out / n).parent for n in names if "/" in n}
    owned = {MANIFEST, CACHE_NAME, *(Path(n).name for n in previous.files)} if previous else {MANIFEST, CACHE_NAME}
    for folder in sorted(stage.dirs | ({(out / n).parent for n in previous.files} if previous else set())):
        remove_stale_temps(folder, owned)
    staged: list[Staged] = []
    try:
        staged = produce(stage)
        _journal(out, previous, staged)
        return staged, stage.commit(staged)
    except BaseException as exc:
        stage.abort(staged)
        if created and not any(out.iterdir()):
            out.rmdir()
        if isinstance(exc, OSError):
            where = exc.filename2 or exc.filename or out
            raise OutputError(f"{where}: cannot write ({exc.strerror or exc})") from None
        raise


def _journal(out: Path, previous: Manifest | None, staged: Sequence[Staged]) -> None:
    """The manifest written before any page is put in place (see `_staged`): the new pages, the
    old ones still to be removed, and the earlier content of each file about to be replaced."""
    gone = set(previous.files) - {s.path for s in staged} if previous else set()
    if not gone and not any(s.temp is not None for s in staged):
        return
    old = previous or Manifest({}, {})
    files = {n: d for n, d in old.files.items()}
    files.update({s.path: s.digest for s in staged if not s.kept})
    replacing = {n: d for n, d in old.replacing.items() if n in files}
    replacing.update({s.path: s.was for s in staged if s.temp is not None and s.was})
    atomic_write(out / MANIFEST, Manifest(files, {}, replacing=replacing).dumps())


def _finish(out: Path, previous: Manifest | None, staged: Sequence[Staged], state: dict[str, object] | None,
            errors: Sequence[str], warnings: Sequence[str], extra: Sequence[Page],
            inputs: Sequence[Path] = ()) -> tuple[str, ...]:
    """The last writes of a build: the files of the last build it no longer makes removed (only
    while they hold what it wrote; never a hidden file, an input or anything outside `out`), its
    own hidden files (the cache), then the manifest. Returns the warnings, with a line for every
    page left as the user made it."""
    warnings = list(warnings)
    for s in staged:
        if s.kept:
            warnings.append(f"{out / s.path}: not updated: it was changed after timeline wrote it (or timeline "
                            "did not write it); move it away, or rebuild with --force to overwrite it")
    # A kept page stays listed with what timeline wrote there: the user is told until they decide.
    before = previous.files if previous else {}
    files = {s.path: before[s.path] if s.kept else s.digest for s in staged if not s.kept or s.path in before}
    root = out.resolve()
    sources = set()
    for p in inputs:
        with contextlib.suppress(OSError):
            st = os.stat(p)
            sources.add((st.st_dev, st.st_ino))
    for stale in sorted(set(previous.files) - set(files)) if previous else []:
        assert previous is not None
        path = out / stale
        try:
            st = path.lstat()
            if not stat.S_ISREG(st.st_mode) or (st.st_dev, st.st_ino) in sources or root not in path.resolve().parents:
                continue
        except OSError:
            continue
        if previous.owns(stale, regular_sha256(path)):
            path.unlink()
        elif stale not in {s.path for s in staged}:
            warnings.append(f"{path}: kept: it was changed after timeline wrote it and this build no longer "
                            "makes it; delete it yourself if you do not need it")
    try:
        for page in extra:
            atomic_write(out / page.path, page.content)
        atomic_write(out / MANIFEST, Manifest(files, state or {}, tuple(errors), tuple(warnings)).dumps())
    except OSError as exc:
        raise OutputError(f"{exc.filename or out}: cannot write ({exc.strerror or exc})") from None
    return tuple(warnings)


# --- the build -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BuildReport:
    """What a build did: the files it wrote (a no-change rebuild writes none); the articles of the
    site (`articles`; an article with several versions counts once) and their `versions` read, of
    which `processed` now and `cached` taken from the cache; the files, rows or pages `skipped`;
    and the one-line error of every article it could not read."""

    out: Path
    written: tuple[Path, ...]
    files: int
    articles: int
    processed: int
    cached: int
    errors: tuple[str, ...]
    up_to_date: bool = False
    warnings: tuple[str, ...] = ()
    versions: int = 0
    skipped: int = 0

    def __len__(self) -> int:
        return len(self.written)

    def summary(self) -> str:
        counted = f"{self.articles} article{'' if self.articles == 1 else 's'}"
        if self.versions > self.articles:
            counted += f" in {self.versions} versions"
        skipped = f"; {self.skipped} skipped" if self.skipped else ""
        if self.up_to_date:
            return f"wrote 0 files to {self.out}: up to date ({counted}{skipped})"
        return (f"wrote {len(self.written)} files to {self.out} ({counted}: {self.processed} processed, "
                f"{self.cached} unchanged{skipped})")


def _state(paths: Sequence[str], keys: Sequence[str | None], templates: Path | None, title: str) -> dict[str, object]:
    return {"code": code_digest(), "templates": tree_digest([default_templates_dir(), templates]), "title": title,
            "inputs": [[p, k] for p, k in zip(paths, keys, strict=True)]}


def _same_state(previous: Manifest, state: dict[str, object], today: date) -> bool:
    """Whether the last build was made from exactly this state (inputs whose date was inferred
    against today's date are only the same on the same day)."""
    old = previous.state
    if any(old.get(k) != state.get(k) for k in ("code", "templates", "title", "edits")):
        return False
    inputs = old.get("inputs")
    if not isinstance(inputs, list) or len(inputs) != len(state["inputs"]):  # type: ignore[arg-type]
        return False
    for was, now in zip(inputs, state["inputs"], strict=True):  # type: ignore[call-overload]
        if not isinstance(was, list) or was[:2] != now or None in now:
            return False
        if len(was) > 2 and was[2] is not None and was[2] != today.isoformat():
            return False
    return True


def _collecting_less(build: Callable[..., BuildReport]) -> Callable[..., BuildReport]:
    @functools.wraps(build)
    def collecting_less(*args: object, **kwargs: object) -> BuildReport:
        with fewer_collections():
            return build(*args, **kwargs)

    return collecting_less


@_collecting_less
def build(sources: Sequence[str], out: Path, **options: Any) -> BuildReport:
    """`_build` (its options are `_build`'s) with `out` held by this build alone
    (`timeline.output.one_writer`): two builds into one folder run one after the other."""
    from timeline.output import one_writer

    with one_writer(Path(out)):
        return _build(sources, out, **options)


def _build(sources: Sequence[str], out: Path, *, templates: Path | None = None, force: bool = False,
          today: date | None = None, title: str = SITE_TITLE, progress: bool = False, jobs: int | None = None,
          strict: bool = False, urls: Sequence[str] = (), published: date | None = None,
          undated: str = DEFAULT_UNDATED, status: Sequence[str] | None = None,
          fetcher: Callable[[str], Fetched] | None = None, edits: Edits | None = None,
          lang: str | None = None, protect: Sequence[str] = ()) -> BuildReport:
    """Read every source article (files, folders, collections, web pages, and the pages at `urls`),
    render the site, then write it into `out`.

    Articles are processed by `jobs` processes (default: every core) and kept in a cache beside
    the manifest: a rebuild re-processes only the articles whose file (or the tool) changed, and
    one from exactly the same state writes nothing. `force` writes into a folder no build made and
    ignores the cache. An article that cannot be read is skipped with its one-line error in the
    report (`strict`: raised instead); a page without article text is skipped with a warning; a
    site with no readable article is an error. With `progress`, a progress bar on stderr when it
    is a terminal and the build takes a moment. `published` dates the articles that give no date of
    their own (no metadata, front matter or evidence in the text); `undated` and `status` choose the
    events, as for `pipeline.process` (all three are part of the cache key). `edits` (timeline.edits;
    default: the `edits.yml` at the top of the source folders) are the editor's last word. `protect`:
    the other files the build reads (the edits file, a URL list, the templates), never replaced."""
    today = today or date.today()
    if edits is None:
        edits = folder_edits(sources)
    options = Options(published, undated, tuple(status) if status is not None else None, lang)
    previous = check_output_folder(out, force)
    items = collect_items(sources, urls, fetcher=fetcher)  # URLs: fetched by `fetcher` (readers.url.Fetcher)
    files = sorted({Path(p) for i in items for p in ([i.path] if i.path else [i.row.path] if i.row and i.row.number
                                                     else [])} | {Path(p) for p in protect})
    keys = [options.keyed(i.key) for i in items]
    state = _state([i.name for i in items], keys, templates, title)
    state["edits"] = edits.digest or None  # a changed edits file renders again (None: as before edits existed)
    if previous is not None and not force and _same_state(previous, state, today) and previous.intact(out):
        counts = previous.state.get("counts")
        articles, versions, skipped = (counts if isinstance(counts, list) and len(counts) == 3
                                       and all(isinstance(n, int) for n in counts) else (len(items), len(items), 0))
        return BuildReport(out, (), len(previous.files), articles, 0, versions, previous.errors,
                           up_to_date=True, warnings=previous.warnings, versions=versions, skipped=skipped)
    cache = ProcessCache(out / CACHE_NAME, enabled=not force)
    env = make_env(templates)  # its templates compiled while the workers read the articles
    from timeline.render import compile_theme

    with Progress(2 * len(items) + 2, "building", enabled=None if progress else False) as bar:
        outcomes, heard, entries = process_items(items, today=today, jobs=jobs, cache=cache, advance=bar.advance,
                                                 options=options, meanwhile=lambda: compile_theme(env))
        failures = [o for o in outcomes if isinstance(o, Failure) and not o.skipped]
        warnings = (*heard, *(o.message + " (skipped)" for o in outcomes if isinstance(o, Failure) and o.skipped))
        if failures and strict:
            raise ArticleError(failures[0].message)
        results = [o for o in outcomes if isinstance(o, ArticleResult)]
        if not results:
            problems = failures or [o for o in outcomes if isinstance(o, Failure)]
            raise ArticleError(problems[0].message if len(problems) == 1 else
                               f"no article could be read ({len(problems)} failed; the first: {problems[0].message})")
        model, long = _fitting_site(results, title, _name_max(out), edits)
        if long and strict:
            raise ArticleError(long[0].message)
        failures += long
        names = page_names(model)
        check_targets(names, out, files)  # every target, before anything is written
        kept: list[str] = []  # the cache file's text, made while the workers render (this process would wait)
        staged, written = _staged(out, previous, lambda stage: stage_pages(
            model, env, stage, bar.advance, templates=templates, jobs=default_jobs() if jobs is None else jobs,
            meanwhile=lambda: kept.append(cache.dumps(entries))), force=force, names=names)
        assert sorted(s.path for s in staged) == sorted(names), "every page went where it was checked"
        warnings = (*warnings, *model.warnings)  # the story's, known once its page is rendered
        state["inputs"] = [[i.name, k, entries[k].today if k in entries else None] for i, k in zip(items, keys,
                                                                                                     strict=True)]
        errors = tuple(f.message for f in failures)
        shown = {ap.result.article.id for ap in model.pages}
        cached = sum(1 for k, o in zip(keys, outcomes, strict=True) if isinstance(o, ArticleResult)
                     and o.article.id in shown and k in cache.hit_keys)
        skipped = len(failures) + sum(1 for o in outcomes if isinstance(o, Failure) and o.skipped)
        state["counts"] = [len(model.site.articles), len(model.pages), skipped]
        # What was wrong with the manifest or the cache is said once: both are rewritten now.
        once = (*_manifest_warnings(out, previous), *cache.warnings)
        warnings = (*once, *_finish(out, previous, staged, state, errors, warnings,
                                    [Page(CACHE_NAME, kept[0] if kept else cache.dumps(entries))], files))
    return BuildReport(out, tuple(written), len(staged), len(model.site.articles), len(model.pages) - cached, cached,
                       errors, warnings=tuple(warnings), versions=len(model.pages), skipped=skipped)
