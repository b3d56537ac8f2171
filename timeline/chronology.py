"""Order events into a chronology; merge the reports of one event (by several articles, or twice
in one article) into one event listing every source."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from timeline import calendar
from timeline.article import Article
from timeline.events import Event

# Two reports are of the same event when their dates are the same or one contains the other and
# their sentences, date phrases left out, share at least this share of their content words
# (Jaccard similarity), and the figures they give do not conflict.
SAME_EVENT_SIMILARITY = 0.5
# Of the earlier events that share a word with an event, at most this many (the latest, nearest in
# date) are compared with it: a word that thousands of sentences share keeps merging linear.
MAX_CANDIDATES = 48

_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
_NUMBER = re.compile(r"\d")
_STOPWORDS = frozenset("""
a an the and or but of in on at to for from by with as is are was were be been being has have had
that this these those it its he she they them his her their we our you your i said says say will
would could should may might not no than then there which who whom whose what when where how
""".split())


@dataclass(frozen=True)
class Timeline:
    """Articles and their events in chronological order."""

    articles: tuple[Article, ...]
    events: tuple[Event, ...]
    title: str = ""

    def to_dict(self) -> dict[str, object]:
        return {
            "title": self.title,
            "articles": [a.meta() for a in self.articles],
            "events": [e.to_dict() for e in self.events],
        }


def content_words(text: str) -> frozenset[str]:
    """The words of a sentence that carry its meaning (lowercased, stopwords dropped)."""
    return frozenset(w for w in _WORD.findall(text.lower()) if w not in _STOPWORDS)


def similarity(a: str, b: str) -> float:
    """Jaccard similarity of two sentences' content words (0..1)."""
    return _jaccard(content_words(a), content_words(b))


def event_words(e: Event) -> frozenset[str]:
    """The content words of an event's sentence without its date phrase (and reference phrase):
    what the sentence says, apart from when."""
    text = e.text
    for phrase in (e.phrase, e.reference):
        if phrase:
            text = text.replace(phrase, " ")
    return content_words(text)


def order_key(e: Event, article_rank: dict[str, int]) -> tuple[object, ...]:
    """Chronological order: start; the coarser period before the finer ones it contains; then
    the source order (article, then position in it)."""
    return (e.start, calendar.granularity_rank(e.granularity), e.end, article_rank.get(e.article, 0),
            e.offset[0], e.id)


def _jaccard(wa: frozenset[str], wb: frozenset[str]) -> float:
    if not wa and not wb:
        return 1.0
    return len(wa & wb) / len(wa | wb)


def _nested(a: Event, b: Event) -> bool:
    """Whether the interval of one event contains the other's (equal intervals included)."""
    return (a.start <= b.start and b.end <= a.end) or (b.start <= a.start and a.end <= b.end)


def _figures(words: frozenset[str]) -> frozenset[str]:
    return frozenset(w for w in words if _NUMBER.search(w))


def _finer(a: Event, b: Event) -> bool:
    """Whether `b` dates the event more finely than `a` (a shorter interval; a date phrase
    rather than the date of the report among equals)."""
    ra, rb = calendar.granularity_rank(a.granularity), calendar.granularity_rank(b.granularity)
    if rb != ra:
        return rb > ra
    if (b.end - b.start) != (a.end - a.start):
        return (b.end - b.start) < (a.end - a.start)
    return a.anchor != "phrase" and b.anchor == "phrase"


def _prefix(words: frozenset[str], rank: dict[str, tuple[int, str]]) -> list[str]:
    """The rarest words of a set, as many as any set it is SAME_EVENT_SIMILARITY-similar to must
    share one of (prefix filtering: a similar pair always shares a word of both prefixes)."""
    ordered = sorted(words, key=lambda w: rank[w])
    need = len(ordered) - int(SAME_EVENT_SIMILARITY * len(ordered) + 0.999999) + 1
    return ordered[:max(1, need)]


def merge_reports(events: Sequence[Event]) -> list[Event]:
    """Reports of one event become one event listing every source (and, in `reports`, the id of
    each source's report): two events are one when one's interval contains the other's, their
    sentences are alike (SAME_EVENT_SIMILARITY, date phrases left out) and their figures agree.
    Two clauses of one sentence are never merged. The merged event is the report that dates it
    most finely (the first among equals). Candidates are found through an index of each event's
    rarest words (at most MAX_CANDIDATES per word), so a text repeating one sentence thousands of
    times, or thousands of sentences sharing words, stays linear."""
    if len(events) < 2:
        return list(events)
    words = [event_words(e) for e in events]
    freq: dict[str, int] = {}
    for ws in words:
        for w in ws:
            freq[w] = freq.get(w, 0) + 1
    rank = {w: (n, w) for w, n in freq.items()}
    kept: list[Event] = []
    kept_words: list[frozenset[str]] = []
    sentences: list[set[tuple[str, int]]] = []  # (article, sentence) of every report merged in
    exact: dict[tuple[str, str | None, frozenset[str]], int] = {}
    index: dict[str, list[int]] = {}
    for e, mine in zip(events, words, strict=True):
        where = (e.article, e.sentence)
        target = exact.get((e.date, e.until, mine)) if mine else None
        if target is not None and where in sentences[target]:
            target = None
        if target is None and mine:
            best = 0.0
            seen: set[int] = set()
            figures = _figures(mine)
            for w in _prefix(mine, rank):
                for i in reversed(index.get(w, [])[-MAX_CANDIDATES:]):
                    if i in seen:
                        continue
                    seen.add(i)
                    k = kept[i]
                    if where in sentences[i] or not _nested(k, e) or k.ongoing != e.ongoing:
                        continue
                    theirs = _figures(kept_words[i])
                    if figures and theirs and not figures & theirs:
                        continue
                    score = _jaccard(kept_words[i], mine)
                    if score >= SAME_EVENT_SIMILARITY and (score > best or (score == best and target is not None
                                                                              and i < target)):
                        best, target = score, i
        if target is None:
            i = len(kept)
            kept.append(e)
            kept_words.append(mine)
            sentences.append({where})
            if mine:
                exact.setdefault((e.date, e.until, mine), i)
                for w in _prefix(mine, rank):
                    index.setdefault(w, []).append(i)
            continue
        k = kept[target]
        sources = k.sources or (k.article,)
        reports = k.reports or (k.id,)
        finer = _finer(k, e)
        if e.article not in sources:
            sources, reports = (*sources, e.article), (*reports, e.id)
        elif finer:  # the article's own report is now this finer mention
            at = sources.index(e.article)
            reports = (*reports[:at], e.id, *reports[at + 1:])
        if finer:
            kept[target] = replace(e, sources=sources, reports=reports)
            exact.setdefault((e.date, e.until, mine), target)
        else:
            kept[target] = replace(k, sources=sources, reports=reports)
        sentences[target].add(where)
    return kept


def filter_status(events: Iterable[Event], statuses: Sequence[str] | None) -> tuple[Event, ...]:
    """The events whose status is one of `statuses` (all of them for None)."""
    if statuses is None:
        return tuple(events)
    keep = set(statuses)
    return tuple(e for e in events if e.status in keep)


def build_timeline(articles: Sequence[Article], events: Iterable[Event], title: str = "", *,
                   merged: bool = False) -> Timeline:
    """A Timeline of `articles` with the reports of one event merged and put in order (`merged`:
    the events are merged already, as `pipeline.process` leaves one article's)."""
    rank = {a.id: i for i, a in enumerate(articles)}
    ordered = sorted(events, key=lambda e: order_key(e, rank))
    if not merged:
        ordered = sorted(merge_reports(ordered), key=lambda e: order_key(e, rank))
    if not title:
        title = articles[0].title if len(articles) == 1 else "Combined timeline"
    return Timeline(tuple(articles), tuple(ordered), title)
