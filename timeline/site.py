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

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from timeline import calendar
from timeline.annotate import article_html
from timeline.article import Article, ArticleError, load_article
from timeline.calendar import granularity_rank
from timeline.chronology import Timeline, build_timeline, similarity
from timeline.events import Event, find_events
from timeline.exports import DatePoint, event_span
from timeline.output import atomic_write, written_by_timeline
from timeline.progress import Progress
from timeline.render import context, make_env, render, render_diff, render_template, text_id
from timeline.temporal import Timex, tag
from timeline.versions import base_id, diff_versions, group_versions, version_number

MANIFEST = ".timeline-build"
ARTICLE_SUFFIXES = {".txt", ".md", ".markdown", ".text"}


def bundled_seeds() -> Path:
    """The seed articles shipped with the package (or the repository's seeds/ in a checkout)."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "seeds", here.parent / "seeds"):
        if candidate.is_dir():
            return candidate
    raise ArticleError("the bundled seeds are missing from this installation")


def collect_sources(sources: Sequence[str]) -> list[Path]:
    """Article files named directly or found (recursively, sorted) in the named folders."""
    files: list[Path] = []
    for src in sources:
        p = Path(src)
        if p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in ARTICLE_SUFFIXES
                           and not any(part.startswith(".") for part in f.relative_to(p).parts))
            if not found:
                raise ArticleError(f"{src}: no articles (*.txt, *.md) in this folder")
            files.extend(found)
        elif p.exists():
            files.append(p)
        else:
            raise ArticleError(f"{src}: no such file or folder")
    return files


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

    @property
    def label(self) -> str:
        return f"version {version_number(self.old.id)} → {version_number(self.new.id)}"


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
    combined: Timeline
    coverage: Coverage | None
    article_href: dict[str, str]
    index_href: str = "index.html"
    combined_href: str = "combined.html"
    combined_md_href: str = "combined.md"


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
        placed = calendar.interval(e.date) if e.ongoing else None
        return (placed[1] if placed else e.end), granularity_rank(e.granularity)

    earliest = min(events, key=lambda e: (e.start, -granularity_rank(e.granularity)))
    return Coverage(event_span(earliest)[0], last_point(max(events, key=last_day)))


def _report_of(event: Event, source: str, per_article: dict[str, tuple[Event, ...]]) -> Event | None:
    """The event of article `source` that `event` (of the combined timeline) merged."""
    if source == event.article:
        return event
    same = [e for e in per_article.get(source, ()) if (e.date, e.until) == (event.date, event.until)]
    return max(same, key=lambda e: similarity(e.text, event.text), default=None)


def _check_ids(articles: Sequence[Article]) -> None:
    seen: set[str] = set()
    for article in articles:
        if article.id in seen:
            raise ArticleError(f"{article.path}: two articles have the id {article.id!r}; rename one")
        if article.id in RESERVED_IDS:
            raise ArticleError(f"{article.path}: the id {article.id!r} is the name of a page of the site; "
                               "rename the file or set another 'id:' in its front matter")
        seen.add(article.id)


def render_site(articles: Sequence[Article], templates: Path | None = None, *, title: str = SITE_TITLE,
                progress: Progress | None = None) -> list[Page]:
    """Every page of the site, rendered to strings (nothing written): per article `ID.html` (its
    timeline and its text), `ID.md`, `ID.json`; `combined.*` (all articles in one chronology, the
    same event reported by several articles once); `index.*` (the list of articles)."""
    _check_ids(articles)
    env = make_env(templates)
    step = progress.advance if progress else (lambda steps=1: None)

    extracted: list[tuple[Article, list[Timex], list[Event]]] = []
    for article in articles:
        timexes = tag(article.text, article.published)
        extracted.append((article, timexes, find_events(article, timexes)))
        step()
    per_article = {a.id: build_timeline([a], events) for a, _, events in extracted}
    groups = group_versions(articles)
    group_of = {a.id: tuple(g) for g in groups for a in g}
    latest = [g[-1] for g in groups]
    diffs = {}  # (old id, new id) -> TimelineDiff
    for g in groups:
        for old, new, d in zip(g, g[1:], diff_versions(g), strict=False):
            diffs[(old.id, new.id)] = d
    changes_of: dict[str, tuple[Changes, ...]] = {}
    for g in groups:
        items = []
        for old, new in zip(g, g[1:], strict=False):
            d, name = diffs[(old.id, new.id)], changes_page(old, new)
            items.append(Changes(old, new, f"{name}.html", f"{name}.md", f"{name}.json", len(d.added),
                                 len(d.removed), len(d.changed), len(d.unchanged)))
        for a in g:
            changes_of[a.id] = tuple(items)
    latest_ids = {a.id for a in latest}
    combined = build_timeline(latest, [e for a, _, events in extracted if a.id in latest_ids for e in events],
                              title="Combined timeline")

    def entry(a: Article) -> SiteArticle:
        versions = group_of[a.id] if len(group_of[a.id]) > 1 else ()
        return SiteArticle(a, per_article[a.id], f"{a.id}.html", f"{a.id}.md", f"{a.id}.json",
                           coverage(per_article[a.id].events), versions, changes_of[a.id],
                           f"{group_of[a.id][-1].id}.html")

    entry_of = {a.id: entry(a) for a in articles}
    entries = tuple(entry_of[a.id] for a in latest)
    site = Site(title, entries, combined, coverage(combined.events), {a.id: f"{a.id}.html" for a in articles})

    pages: list[Page] = []
    anchored: dict[str, set[str]] = {}
    for article, timexes, _ in extracted:
        tl = per_article[article.id]
        text, anchored[article.id] = article_html(article, tl.events, timexes)
        page = PageInfo("article", f"{article.id}.html",
                        (("JSON", f"{article.id}.json"), ("Markdown", f"{article.id}.md")))
        ctx = context(tl, site=site, page=page, article=article, article_html=text, entry=entry_of[article.id],
                      phrase_href={e.id: f"#{text_id(e.id)}" for e in tl.events if e.id in anchored[article.id]})
        pages += [Page(f"{article.id}.html", render_template(env, "article.html", ctx)),
                  Page(f"{article.id}.md", render_template(env, "timeline.md", ctx)),
                  Page(f"{article.id}.json", render(tl, "json"))]
        step()

    for (old_id, new_id), d in diffs.items():
        name = changes_page(entry_of[old_id].article, entry_of[new_id].article)
        page = PageInfo("changes", f"{name}.html", (("JSON", f"{name}.json"), ("Markdown", f"{name}.md")))
        pages += [Page(f"{name}.html", render_diff(d, "html", templates, site=site, page=page)),
                  Page(f"{name}.md", render_diff(d, "md", templates)),
                  Page(f"{name}.json", render_diff(d, "json"))]

    by_id = {a.id: a for a in articles}
    events_of = {a: tl.events for a, tl in per_article.items()}
    source_hrefs: dict[str, tuple[tuple[Article, str], ...]] = {}
    for e in combined.events:
        links = []
        for source in e.sources or (e.article,):
            report = _report_of(e, source, events_of)
            href = f"{source}.html"
            if report is not None and report.id in anchored.get(source, ()):
                href += f"#{text_id(report.id)}"
            links.append((by_id[source], href))
        source_hrefs[e.id] = tuple(links)
    page = PageInfo("combined", "combined.html", (("JSON", "combined.json"), ("Markdown", "combined.md")))
    first_report = {eid: links[0][1] for eid, links in source_hrefs.items() if "#" in links[0][1]}
    ctx = context(combined, site=site, page=page, source_hrefs=source_hrefs, phrase_href=first_report)
    pages += [Page("combined.html", render_template(env, "combined.html", ctx)),
              Page("combined.md", render_template(env, "timeline.md", ctx)),
              Page("combined.json", render(combined, "json"))]
    step()

    page = PageInfo("index", "index.html", (("JSON", "index.json"), ("Markdown", "index.md")))
    ctx = context(combined, site=site, page=page)
    pages += [Page("index.html", render_template(env, "index.html", ctx)),
              Page("index.md", render_template(env, "index.md", ctx)),
              Page("index.json", _index_json(site))]
    step()
    return pages


def _index_json(site: Site) -> str:
    """The index as JSON: the site title and, per article, its metadata, files and what it covers."""
    data = {
        "title": site.title,
        "combined": {"html": site.combined_href, "json": "combined.json", "md": site.combined_md_href,
                     "events": len(site.combined.events)},
        "articles": [
            {**entry.article.meta(), "html": entry.href, "json": entry.json_href, "md": entry.md_href,
             "events": len(entry.events),
             "covers": [entry.coverage.first.edtf(), entry.coverage.last.edtf()] if entry.coverage else None}
            for entry in site.articles
        ],
        "generator": "timeline",
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _previous_manifest(out: Path) -> list[str] | None:
    manifest = out / MANIFEST
    if not manifest.is_file():
        return None
    try:
        data = json.loads(manifest.read_text(encoding="utf-8"))
        return [str(p) for p in data.get("files", [])]
    except (OSError, ValueError, AttributeError):
        return None


def write_site(pages: Sequence[Page], out: Path, *, force: bool = False,
               progress: Progress | None = None) -> list[Path]:
    """Write the pages into `out` (created if needed); refuse a non-empty folder that no earlier
    build made, unless `force`. Returns the written paths."""
    if out.exists() and not out.is_dir():
        raise ArticleError(f"{out}: exists and is not a folder")
    previous = _previous_manifest(out) if out.exists() else None
    if out.exists() and previous is None and not force:
        foreign = [p for p in out.iterdir() if not (p.is_file() and written_by_timeline(p))]
        if foreign:
            raise ArticleError(f"{out}: folder is not empty and was not made by 'timeline build' "
                               f"(it holds {foreign[0].name}); choose another -o or use --force")
    root = out.resolve()
    written: list[Path] = []
    for page in pages:
        target = (out / page.path).resolve()
        if root not in target.parents:
            raise ArticleError(f"{page.path}: would be written outside {out}")
        atomic_write(target, page.content)
        written.append(out / page.path)
        if progress:
            progress.advance()
    names = sorted(p.path for p in pages)
    for stale in previous or []:
        if stale not in names:
            target = (out / stale).resolve()
            if root in target.parents and target.is_file():
                target.unlink()
    atomic_write(out / MANIFEST, json.dumps({"generator": "timeline", "files": names}, indent=1) + "\n")
    return written


def build(sources: Sequence[str], out: Path, *, templates: Path | None = None, force: bool = False,
          today: date | None = None, title: str = SITE_TITLE, progress: bool = False) -> list[Path]:
    """Read every source article, render the site, then write it into `out`. With `progress`, a
    progress bar on stderr when it is a terminal and the build takes more than a moment."""
    files = collect_sources(sources)
    with Progress(3 * len(files) + 2, "building", enabled=None if progress else False) as bar:
        articles = []
        for f in files:
            articles.append(load_article(str(f), today=today))
            bar.advance()
        pages = render_site(articles, templates, title=title, progress=bar)
        bar.total += len(pages)
        return write_site(pages, out, force=force, progress=bar)
