"""The library entry points: text in, Timeline out; and `process`, the one pass over an article
that every command builds on (the site, the version diff, the combined timeline, the corpus table)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from timeline.article import Article, make_article
from timeline.chronology import Timeline, build_timeline, filter_status, merge_reports, order_key
from timeline.events import Event, find_events
from timeline.frozen import quick_init
from timeline.meta import DEFAULT_UNDATED, parse_statuses
from timeline.temporal import Timex, tag
from timeline.text import Sentence, segment


@quick_init
@dataclass(frozen=True)
class ArticleResult:
    """One article after one pass: its sentences, temporal expressions and events (text order).
    Nothing downstream segments or tags the article again."""

    article: Article
    sentences: tuple[Sentence, ...]
    timexes: tuple[Timex, ...]
    events: tuple[Event, ...]

    def timeline(self) -> Timeline:
        """The article's own timeline (its events in chronological order)."""
        return build_timeline([self.article], self.events, merged=True)  # process() merged its mentions


def process(article: Article, progress: Callable[[float], None] | None = None, *, undated: str = DEFAULT_UNDATED,
            status: Sequence[str] | None = None) -> ArticleResult:
    """Segment, tag and find the events of one article: a pure function of the article and the
    options, the same in-process, in a process pool and on a Dask worker. `undated` says which
    sentences without a date phrase become events ("none", "lead", "all"; timeline.events);
    `status` keeps only events of these statuses (None: all). Two mentions of one event in the
    article are one event. `progress` hears how far it is (0 to 1).

    A Markdown article is read as the text a reader sees (timeline.mdtext: no markup, no code
    blocks); every offset of the result still points into its Markdown source."""
    if article.format == "markdown":
        return _from_markdown(article, progress, undated, status)
    sentences = segment(article.text) if article.lang == "en" else segment(article.text, article.lang)
    if progress is not None:
        progress(0.05)
    if article.lang != "en":
        from timeline.temporal.foreign import tag_foreign  # loads dateparser: only for other languages

        timexes = tag_foreign(article.text, article.published, article.lang, sentences)
    else:
        timexes = tag(article.text, article.published, sentences,
                      None if progress is None else (lambda f: progress(0.05 + 0.8 * f)))
    found = find_events(article, timexes, sentences, undated=undated)
    if progress is not None:
        progress(1.0)
    return _result(article, sentences, timexes, found, status)


def _result(article: Article, sentences: Sequence[Sentence], timexes: Sequence[Timex], found: list[Event],
            status: Sequence[str] | None) -> ArticleResult:
    """The result of an article from its events as `find_events` gave them: two mentions of one
    event merged, and only the events of `status` kept."""
    if len(found) > 1:
        rank = {article.id: 0}
        merged = merge_reports(sorted(found, key=lambda e: order_key(e, rank)))
        found = sorted(merged, key=lambda e: (e.sentence, e.offset[0], e.text_start))
    # (one event or none, as a one-sentence row gives: nothing to order or merge)
    events = filter_status(found, parse_statuses(status))
    return ArticleResult(article, tuple(sentences), tuple(timexes), events)


def process_batch(articles: Sequence[Article], *, undated: str = DEFAULT_UNDATED,
                  status: Sequence[str] | None = None) -> list[ArticleResult | Exception]:
    """`process` of each article, stage by stage: every English plain text segmented, then each
    tagged, then the events of each found (Markdown and other languages by `process`, in their
    turn). The results are `process`'s, each in its article's place, or the exception its
    processing raised there. For many small articles (a collection's rows) this is faster than one
    article after another: one stage's code and tables stay in the processor's caches from one
    article to the next."""
    out: list[ArticleResult | Exception | None] = [None] * len(articles)
    cut: dict[int, list[Sentence]] = {}
    for i, a in enumerate(articles):
        try:
            if a.format == "markdown" or a.lang != "en":
                out[i] = process(a, undated=undated, status=status)
            else:
                cut[i] = segment(a.text)
        except Exception as exc:  # the caller reports it, as it would process's own
            out[i] = exc
    tagged: dict[int, list[Timex]] = {}
    for i, sentences in cut.items():
        a = articles[i]
        try:
            tagged[i] = tag(a.text, a.published, sentences)
        except Exception as exc:
            out[i] = exc
    for i, timexes in tagged.items():
        a, sentences = articles[i], cut[i]
        try:
            out[i] = _result(a, sentences, timexes, find_events(a, timexes, sentences, undated=undated), status)
        except Exception as exc:
            out[i] = exc
    return out  # type: ignore[return-value]  # (every place is filled)


def _from_markdown(article: Article, progress: Callable[[float], None] | None, undated: str,
                   status: Sequence[str] | None) -> ArticleResult:
    """`process` of the article's plain text, its offsets mapped back into the Markdown source
    (an event's `clause` is within its own text and needs no mapping)."""
    from timeline.mdtext import plain_text, to_source

    text, where = plain_text(article.text)
    seen = process(replace(article, text=text, format="text"), progress, undated=undated, status=status)

    def span(start: int, end: int) -> tuple[int, int]:
        return to_source(where, start, end)

    sentences = tuple(replace(s, start=a, end=b) for s in seen.sentences for a, b in [span(s.start, s.end)])
    timexes = tuple(replace(t, start=a, end=b) for t in seen.timexes for a, b in [span(t.start, t.end)])
    events = tuple(replace(e, offset=span(*e.offset), text_start=where[e.text_start]) for e in seen.events)
    return ArticleResult(article, sentences, timexes, events)


def tag_article(article: Article) -> list[Timex]:
    """The temporal expressions of an article, as `process` finds them (for Markdown: in the text a
    reader sees, with offsets into the source)."""
    if article.format == "markdown" or article.lang != "en":
        return list(process(article).timexes)
    return tag(article.text, article.published)


def explain_article(article: Article) -> list[dict[str, object]]:
    """`timeline tag --explain`: each expression with the rule, parts and parse that made it, as
    JSON-ready dicts (for Markdown: found in the text a reader sees, offsets into the source)."""
    from timeline.temporal.tagger import explain

    if article.lang != "en":  # dateparser gives no parse: each expression with the rule that placed it
        return [{**t.to_dict(), "rule": t.rule, "parts": [], "parse": None, "why": None}
                for t in process(article).timexes]
    if article.format != "markdown":
        return [e.to_dict() for e in explain(article.text, article.published)]
    from timeline.mdtext import plain_text, to_source

    text, where = plain_text(article.text)
    out = []
    for e in explain(text, article.published):
        d = e.to_dict()
        if e.timex is not None:
            d["start"], d["end"] = to_source(where, e.timex.start, e.timex.end)
        out.append(d)
    return out


def options_key(undated: str = DEFAULT_UNDATED, status: Sequence[str] | None = None) -> str:
    """The options `process` was given, as text for a cache key: a result made with other
    options is another result."""
    statuses = parse_statuses(status)
    return f"undated={undated};status={','.join(statuses) if statuses else '*'}"


def timeline_of(articles: Sequence[Article], title: str = "", *, undated: str = DEFAULT_UNDATED,
                status: Sequence[str] | None = None) -> Timeline:
    """The chronology of one or more articles (the same event in several is merged)."""
    return combine([process(a, undated=undated, status=status) for a in articles], title)


def combine(results: Sequence[ArticleResult], title: str = "") -> Timeline:
    """The chronology of processed articles, in their order (the same event in several is merged)."""
    return build_timeline([r.article for r in results], [e for r in results for e in r.events], title)


def extract(
    text: str,
    published: date | str | None,
    title: str | None = None,
    *,
    article_id: str = "article",
    source: str | None = None,
    url: str | None = None,
    fmt: str = "text",
    today: date | None = None,
    undated: str = DEFAULT_UNDATED,
    status: Sequence[str] | None = None,
) -> Timeline:
    """The timeline of one article's text. `published` is a date or an ISO string; when it is None
    the front matter's date is used, else one is inferred from the text (`today` bounds it).
    `undated` ("none", "lead", "all") and `status` as for `process`."""
    article = make_article(text, article_id=article_id, published=published, title=title, fmt=fmt,
                           today=today)
    if source or url:
        from dataclasses import replace

        article = replace(article, source=source or article.source, url=url or article.url)
    return timeline_of([article], undated=undated, status=status)
