"""Build a static site of timelines: collect every context first, render to strings, then write.

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

from timeline.article import Article, ArticleError, load_article
from timeline.output import atomic_write, written_by_timeline
from timeline.pipeline import timeline_of
from timeline.render import render

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
    path: str  # relative to the output folder, "/"-separated
    content: str


def render_site(articles: Sequence[Article], templates: Path | None = None) -> list[Page]:
    """Every page of the site, rendered to strings (nothing written)."""
    pages: list[Page] = []
    seen: set[str] = set()
    for article in articles:
        if article.id in seen:
            raise ArticleError(f"{article.path}: two articles have the id {article.id!r}; rename one")
        seen.add(article.id)
        tl = timeline_of([article])
        for fmt, ext in (("html", "html"), ("md", "md"), ("json", "json")):
            pages.append(Page(f"{article.id}.{ext}", render(tl, fmt, templates)))
    return pages


def _previous_manifest(out: Path) -> list[str] | None:
    manifest = out / MANIFEST
    if not manifest.is_file():
        return None
    try:
        data = json.loads(manifest.read_text(encoding="utf-8"))
        return [str(p) for p in data.get("files", [])]
    except (OSError, ValueError, AttributeError):
        return None


def write_site(pages: Sequence[Page], out: Path, *, force: bool = False) -> list[Path]:
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
    names = sorted(p.path for p in pages)
    for stale in previous or []:
        if stale not in names:
            target = (out / stale).resolve()
            if root in target.parents and target.is_file():
                target.unlink()
    atomic_write(out / MANIFEST, json.dumps({"generator": "timeline", "files": names}, indent=1) + "\n")
    return written


def build(sources: Sequence[str], out: Path, *, templates: Path | None = None, force: bool = False,
          today: date | None = None) -> list[Path]:
    """Read every source article, render the site, then write it into `out`."""
    files = collect_sources(sources)
    articles = [load_article(str(f), today=today) for f in files]
    return write_site(render_site(articles, templates), out, force=force)
