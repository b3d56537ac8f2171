"""The story of a collection: the days that matter across many articles, each with the sentences
that say what happened that day and the articles that report it.

A stage after `pipeline.process`, over the `ArticleResult`s of a collection, entered through
`story()` (or `story_of()`, which reads and processes the articles too). Each result is first
reduced to a `StoryArticle` (`story_article`): what the steps below need of it and no more, made as
the result arrives, so a story of many articles holds no article's text, sentences or events to
the end. Three steps, each a pure function:

1. `day_evidence`: from every article's date expressions that name a day (or a time of a day),
   outside page furniture (a sentence found word for word in articles published months apart),
   per day: which articles mention it, how many of them were published a week or more later
   (they look back at it), on how many different days it was written about, how many mention it
   before it came, how many in their lead, and how many articles were published that day.
2. `choose_days`: score each day by `Weights` (a weighted sum of log(1 + count); the numbers are
   fitted on dev stories by benchmarks/fit_story.py), keep the N best; a day whose mentions come
   from the same articles as a better neighbouring day (a "yesterday" report next to the
   publication day, a night across midnight) is that day's event, merged into it, unless those
   articles name it on its own (a chronology's "March 2: ..." line: its own event).
3. `choose_sentences`: for each day, the whole sentences dated to that day (by their own phrase,
   or as one of the first undated sentences of a report of that day: an article published that
   day, or the day after), ranked by TF-IDF cosine to the centroid of that day's candidates (what
   most reports of the day say) plus to the whole story's (what the story is about), a little
   less for one that opens leaning on the sentence before ("But …", "He …": timeline.openers);
   near-duplicates from several articles are one sentence with several sources, shown on one day.
"""

from __future__ import annotations

import hashlib
import math
import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple

from timeline.detok import detokenize, tokenized_text
from timeline.pipeline import ArticleResult

if TYPE_CHECKING:
    from timeline.batch import Item, Options
    from timeline.edits import Edits
    from timeline.temporal.timex import Timex

__all__ = ["WEIGHTS", "DayEvidence", "Story", "StoryArticle", "StoryDate", "StorySentence", "StorySource", "Weights",
           "choose_days", "day_evidence", "day_timexes", "default_dates", "edit_story", "span", "story",
           "story_article", "story_of"]


@dataclass(frozen=True)
class StorySource:
    """An article that reports a sentence of the story."""

    article: str
    source: str | None
    url: str | None
    published: str | None  # YYYY-MM-DD

    def to_dict(self) -> dict[str, object]:
        return {"article": self.article, "source": self.source, "url": self.url, "published": self.published}


@dataclass(frozen=True)
class StorySentence:
    """One sentence of a day: its text and the article that says it (the earliest of `sources`,
    every article that says it or nearly the same)."""

    text: str
    article: str
    source: str | None
    url: str | None
    published: str | None  # YYYY-MM-DD
    sources: tuple[StorySource, ...] = ()
    lang: str = "en"  # the language of its article (Article.lang): its HTML `lang` (templates/story.html)

    def to_dict(self) -> dict[str, object]:
        return {"text": self.text, "article": self.article, "source": self.source, "url": self.url,
                "published": self.published, "sources": [s.to_dict() for s in self.sources]}


@dataclass(frozen=True)
class StoryDate:
    """One key day: its TIMEX3 value, a label for people, its score, how many articles mention it,
    and the sentences chosen for it."""

    date: str
    label: str
    score: float
    articles: int
    sentences: tuple[StorySentence, ...]
    # The editor's last word (timeline.edits, `days:` and `add:`): a headline, a note, and what the
    # editor changed ("date", "headline", "note"; "added" for a day or sentence the editor added).
    headline: str | None = None
    note: str | None = None
    edited: tuple[str, ...] = ()
    # The articles that mention the day (what `articles` counts), by their place among those read:
    # a day the editor moves onto another counts the articles of both once each.
    mentioned_by: frozenset[int] = frozenset()

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {"date": self.date, "label": self.label, "score": self.score,
                                  "articles": self.articles, "sentences": [s.to_dict() for s in self.sentences]}
        if self.edited:
            out.update(edited=list(self.edited), headline=self.headline, note=self.note)
        return out


@dataclass(frozen=True)
class Story:
    """The key days of a collection, in chronological order; `articles` is how many were read;
    `start`/`end` the span asked for (else the first and last key day)."""

    title: str
    start: str | None
    end: str | None
    articles: int
    dates: tuple[StoryDate, ...]

    def to_dict(self) -> dict[str, object]:
        """JSON-ready form, in the documented schema."""
        return {"title": self.title, "from": self.start, "to": self.end, "articles": self.articles,
                "dates": [d.to_dict() for d in self.dates]}


# --- what a story keeps of an article ----------------------------------------------------------

#: The bytes of a sentence's digest (`StoryArticle.said`): BLAKE2b of its folded text, 128 bits (two
#: sentences of a corpus share one with a chance under 2^-64 at four billion sentences).
DIGEST = 16
_SHORT = bytes(DIGEST)  # the digest of a sentence too short to be page furniture (under FURNITURE_CHARS)


class _Dated(NamedTuple):
    """A sentence an event dates to a day, as a story may quote it (cleaned: `clean_sentence`)."""

    start: date
    sentence: int  # its index in the article
    expected: bool  # announced for the day (said before it came), by the sentence's own phrase
    lead: bool  # dated as the lead of an article reporting the day, not by its own phrase
    text: str


@dataclass(frozen=True, slots=True)
class StoryArticle:
    """What a story keeps of one processed article (`story_article`), instead of its whole text,
    sentences, expressions and events: a story of thousands of articles holds these, each made as
    its article's result arrives, so memory grows by the little a story needs of each article.

    `said` is one DIGEST-byte digest per sentence of its folded text (zeros for one too short to be
    furniture): what `_furniture` counts across articles. `mentions` are the days its date
    expressions name (a day, a time or part of a day; no byline) with the sentence that names each
    (-1: before the first), in text order, each pair once; `items` its chronology's items (sentence
    index, day) when they give CHRONOLOGY_ITEMS days or more; `dated` the sentences its events date
    to a day that a story may quote; `reports` the first REPORT_SENTENCES undated sentences of its
    lead (`_reports`), cleaned."""

    id: str
    source: str | None
    url: str | None
    published: date
    lang: str
    said: bytes
    mentions: tuple[tuple[date, int], ...]
    items: tuple[tuple[int, date], ...]
    dated: tuple[_Dated, ...]
    reports: tuple[tuple[int, str], ...]  # (sentence index, text): a sentence of page furniture is none

    @property
    def sentences(self) -> int:
        return len(self.said) // DIGEST

    def said_at(self, index: int) -> bytes:
        """The digest of sentence `index` (0 <= index < sentences)."""
        return self.said[index * DIGEST:(index + 1) * DIGEST]


def story_article(r: ArticleResult) -> StoryArticle:
    """What a story needs of a processed article (its events edited already, if they are): the
    fields its sentences show, the digests of its sentences, the days it mentions, its
    chronology's items, the sentences a story may quote for a day, and its lead's undated sentences."""
    a = r.article
    said = b"".join(_digest(r, i) for i in range(len(r.sentences)))
    return StoryArticle(a.id, a.source, a.url, a.published, a.lang, said, _day_mentions(r), _chronology(r),
                        _dated(r), tuple(_report_sentences(r)))


def _records(results: Iterable[ArticleResult | StoryArticle]) -> list[StoryArticle]:
    """Processed articles as a story keeps them (a StoryArticle is kept as it is)."""
    return [r if isinstance(r, StoryArticle) else story_article(r) for r in results]


def _digest(r: ArticleResult, index: int) -> bytes:
    text = _said(r, index)
    if len(text) < FURNITURE_CHARS:
        return _SHORT
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=DIGEST).digest()


def day_timexes(r: ArticleResult) -> Iterator[tuple[date, int, Timex]]:
    """The date expressions of an article that name a day (a day, or a time or part of a day; a
    byline's date is when the page was written or edited, as events say): each day, the index of
    its sentence (-1 before the first) and the expression, in the text's order."""
    starts = [s.start for s in r.sentences]
    for t in r.timexes:
        m = _DAY_VALUE.match(t.value)
        if m is None or t.type not in ("DATE", "TIME") or t.rule == "byline":
            continue
        try:
            d = date.fromisoformat(m.group(0))
        except ValueError:
            continue
        yield d, bisect_right(starts, t.start) - 1, t


def _day_mentions(r: ArticleResult) -> tuple[tuple[date, int], ...]:
    """The days an article's date expressions name (`day_timexes`), each with its sentence's index."""
    return tuple(dict.fromkeys((d, i) for d, i, _ in day_timexes(r)))


def _chronology(r: ArticleResult) -> tuple[tuple[int, date], ...]:
    """An article's chronology items (`_items`), when they give CHRONOLOGY_ITEMS days or more."""
    items = _items(r)
    return tuple(items.items()) if len(set(items.values())) >= CHRONOLOGY_ITEMS else ()


# --- which days --------------------------------------------------------------------------------

#: Granularities that name one day (a time or a part of a day is on its day).
_DAYLIKE = frozenset({"day", "part of day", "time"})
#: An article published at least this many days after a day it mentions looks back at it.
LOOK_BACK_DAYS = 7
_DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d(?=$|T)")  # a day, or a time or part of a day on it
#: Sentences from the top of an article that make its lead.
LEAD_SENTENCES = 3
# A chronology: an article with items (`_items`: a sentence that opens with a day, then a colon or
# a dash, "March 2: ...") on this many days.
CHRONOLOGY_ITEMS = 3


@dataclass
class DayEvidence:
    """What the articles say about one day: the articles that mention it (indices into the
    results), those published LOOK_BACK_DAYS or more later, the days they were published, how
    many mention it before it came and in their lead, and how many were published on it; `own`
    the articles that name it on its own (by its number, in a sentence naming no day beside it)."""

    articles: set[int] = field(default_factory=set)
    later: int = 0
    pubdays: set[date] = field(default_factory=set)
    ahead: int = 0
    lead: int = 0
    published: int = 0
    own: set[int] = field(default_factory=set)  # the articles that name it on its own (`_own`)


@dataclass(frozen=True)
class Weights:
    """How a day is scored: score = sum of weight * log(1 + count) over the evidence, with
    `articles` the distinct articles mentioning the day, `later` those published a week or more
    after it, `spread` the distinct days they were published on, `published` the articles
    published that day, `ahead` those mentioning it before it came, `lead` those mentioning it
    in their lead. A day is merged into a better day next to it when at least `merge` of its
    mentioning articles also mention that day (1.01: never)."""

    articles: float
    later: float
    spread: float
    published: float
    ahead: float
    lead: float
    merge: float

    #: The grid benchmarks/fit_story.py searches (`articles` fixes the scale).
    GRID: ClassVar[dict[str, tuple[float, ...]]] = {
        "later": (0.0, 0.25, 0.5),
        "spread": (0.0, 0.5, 0.75, 1.0),
        "published": (0.0, 0.25, 0.5),
        "ahead": (0.0, -0.25, -0.5),
        "lead": (0.0, -0.25, -0.5),
        "merge": (0.9, 1.01),
    }

    def score(self, ev: DayEvidence) -> float:
        # fsum: the exact sum, so evidence worth the same scores the same whichever terms carry it
        # (a look-back and a publication weighted alike); a plain sum rounds by the order of its
        # terms, and the documented tie rule (the earlier day) was decided by the last bit
        return math.fsum((self.articles * math.log1p(len(ev.articles)), self.later * math.log1p(ev.later),
                          self.spread * math.log1p(len(ev.pubdays)), self.published * math.log1p(ev.published),
                          self.ahead * math.log1p(ev.ahead), self.lead * math.log1p(ev.lead)))


#: Fitted on the four Timeline17 dev stories (10 timelines) by benchmarks/fit_story.py --fit.
WEIGHTS = Weights(articles=1.25, later=0.25, spread=0.75, published=0.25, ahead=-0.25, lead=-0.5, merge=0.955)


def _mentions(a: StoryArticle, furniture: frozenset[bytes] = frozenset()) -> dict[date, tuple[bool, bool]]:
    """The days an article's date expressions name (a day, or a time or part of a day) outside
    `furniture`, whether it names each in its lead, and whether it names each on its own: as an
    item of a chronology (CHRONOLOGY_ITEMS or more items, `_items`: "March 2: ...", "2 mars - ..."),
    in a sentence that names neither day beside it."""
    sentences: dict[date, set[int]] = defaultdict(set)  # day: the sentences (their index) naming it
    for d, index in a.mentions:
        if furniture and index >= 0 and a.said_at(index) in furniture:
            continue
        sentences[d].add(index)
    items = dict(a.items)
    named: dict[int, set[date]] = defaultdict(set)
    for d, at in sentences.items():
        for i in at:
            named[i].add(d)
    return {d: (min(at) < LEAD_SENTENCES,
                any(items.get(i) == d and not named[i] & set(_beside(d)) for i in at))
            for d, at in sentences.items()}


def _beside(d: date) -> tuple[date, ...]:
    """The days before and after `d` that the calendar holds (none before 1 January 1, none after
    31 December 9999)."""
    return (*((d - timedelta(days=1),) if d > date.min else ()), *((d + timedelta(days=1),) if d < date.max else ()))


def day_evidence(results: Iterable[ArticleResult | StoryArticle], *, start: date | None = None,
                 end: date | None = None, furniture: frozenset[bytes] | None = None) -> dict[date, DayEvidence]:
    """The evidence for every day within [start, end] that an article mentions or was published on
    (`furniture`: the articles' `_furniture`, when already known)."""
    out: dict[date, DayEvidence] = defaultdict(DayEvidence)

    def within(d: date) -> bool:
        return (start is None or d >= start) and (end is None or d <= end)

    records = _records(results)
    if furniture is None:
        furniture = _furniture(records)
    for i, a in enumerate(records):
        pub = a.published
        if within(pub):
            out[pub].published += 1
        for d, (in_lead, own) in _mentions(a, furniture).items():
            if not within(d):
                continue
            ev = out[d]
            ev.articles.add(i)
            if own:
                ev.own.add(i)
            ev.pubdays.add(pub)
            gap = (pub - d).days
            ev.later += gap >= LOOK_BACK_DAYS
            ev.ahead += gap < 0
            ev.lead += in_lead
    return dict(out)


#: A sentence found word for word in FURNITURE_ARTICLES articles or more, published over more than
#: FURNITURE_DAYS days, is page furniture (a sidebar's teasers, a "read more" list, a site's blurb
#: scraped with every page), not a report: its dates are no mentions. Copies of one wire report
#: come out within days of each other; a factbox a newsroom republishes for months also goes, but
#: its days are mentioned elsewhere too (Timeline17 unchanged from 14 days to a year).
FURNITURE_ARTICLES = 3
FURNITURE_DAYS = 60
#: A sentence shorter than this (folded) is never furniture ("Read more.", "Photo: AP.").
FURNITURE_CHARS = 20


def _said(r: ArticleResult, index: int) -> str:
    s = r.sentences[index]
    return " ".join(r.article.text[s.start:s.end].split())


def _furniture(records: Iterable[StoryArticle]) -> frozenset[bytes]:
    """The sentences (their digests: `StoryArticle.said`) that are page furniture among these
    articles: found word for word (whitespace folded) in FURNITURE_ARTICLES of them or more,
    published over more than FURNITURE_DAYS days."""
    # Each sentence's digest and its article's day (as 3 bytes, big-endian), sorted: the sentences
    # said alike are next to each other, the earliest first. (A sorted list of small bytes takes
    # less than half of a dict of every distinct sentence's count and days.)
    seen: list[bytes] = []
    for a in records:
        day = a.published.toordinal().to_bytes(3, "big")
        said = a.said
        seen.extend(key + day for key in (said[at:at + DIGEST] for at in range(0, len(said), DIGEST))
                    if key != _SHORT)
    seen.sort()
    out: list[bytes] = []
    i = 0
    while i < len(seen):
        key = seen[i][:DIGEST]
        j = i + 1
        while j < len(seen) and seen[j].startswith(key):
            j += 1
        first, last = (int.from_bytes(seen[x][DIGEST:], "big") for x in (i, j - 1))
        if j - i >= FURNITURE_ARTICLES and last - first > FURNITURE_DAYS:
            out.append(key)
        i = j
    return frozenset(out)


@dataclass(frozen=True)
class ScoredDay:
    """A chosen day, its score and the articles that mention it (with those of the days merged into it)."""

    date: date
    score: float
    articles: frozenset[int]


def choose_days(evidence: dict[date, DayEvidence], n: int, weights: Weights = WEIGHTS) -> list[ScoredDay]:
    """The `n` best days by `weights`, best first (ties: the earlier day), neighbours that are
    the same event merged into the better day (when two articles or more mention days at all)."""
    scores = {d: weights.score(ev) for d, ev in evidence.items()}
    order = sorted(scores, key=lambda d: (-scores[d], d))
    chosen: dict[date, set[int]] = {}
    # "the same articles mention both days" tells one event from two only among several articles:
    # a lone article mentions every day there is (an article listing 10,000 days kept 5,000)
    several = len(set().union(*(ev.articles for ev in evidence.values()))) > 1
    for d in order:
        if len(chosen) >= n:
            break
        arts = evidence[d].articles
        # a chronology that gives the day an item of its own ("March 2: ...", naming no day beside
        # it) tells it apart from its neighbour, whatever else it mentions; the other articles that
        # mention both ("yesterday", a night across midnight, a report of two days) tie them
        tied = arts - evidence[d].own
        into = next((c for c in _beside(d) if c in chosen and arts and several
                     and len(tied & evidence[c].articles) >= weights.merge * len(arts)), None)
        if into is not None:
            chosen[into] |= arts
            continue
        chosen[d] = set(arts)
    return [ScoredDay(d, scores[d], frozenset(a)) for d, a in chosen.items()]


def default_dates(evidence: dict[date, DayEvidence], articles: int) -> int:
    """How many days a story needs when the user does not say: the days that at least
    max(3, 1% of the articles) articles mention, at least 10 and at most 100 (never more than
    there are days)."""
    floor = max(3, math.ceil(articles / 100))
    busy = sum(1 for ev in evidence.values() if len(ev.articles) >= floor)
    return min(len(evidence), max(10, min(100, busy)))


# --- which sentences ---------------------------------------------------------------------------

_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)
_STOPWORDS = frozenset("""
a about after again against all also am an and any are as at be been before being between both but by
can could did do does doing down during each few for from further had has have having he her here hers
him his how i if in into is it its itself just me more most my no nor not now of off on once only or
other our out over own same she should so some such than that the their them then there these they this
those through to too under until up very was we were what when where which while who whom why will with
would you your said says say told according new one two three year years day days week weeks monday
tuesday wednesday thursday friday saturday sunday yesterday today
""".split())
# A dateline or a byline glued to the start of a sentence: "WASHINGTON (Reuters) - ", "By Jo Lee - ".
_DATELINE = re.compile(r"^(?:[A-Z][A-Z.,'’ -]{2,40}(?:\([^)]{1,30}\))?|By [A-Z][\w.' -]{2,40}"
                       r"|[A-Z][A-Z.'’/ -]{2,30}, [A-Z][a-z]+(?: [A-Z][a-z]+){0,2} \([^)]{1,30}\))"
                       r"\s+[-–—]+\s+(?=[A-Z\"“‘'])")
# A page's time stamp glued to the start of a sentence: "Page last updated at 07:02 GMT, Friday,
# 16 September 2011 08:02 UK ", "12 October 2011 Last updated at 20:01 GMT Help ".
_STAMP = re.compile(r"^(?:\d{1,2} [A-Z][a-z]+ \d{4} )?(?:Page )?[Ll]ast updated:?(?: at| on)? "
                    r"\d{1,2}[:.]\d\d(?: ?[AP]M)?(?: [A-Z]{2,4})?"
                    r"(?:,? [A-Z][a-z]+,? \d{1,2} [A-Z][a-z]+,? \d{4}(?: \d{1,2}[:.]\d\d)?(?: [A-Z]{2,4})?)?"
                    r"(?: Help)?\s+(?=[A-Z\"“‘'])")
# A page's clock stamp, a full date, a clock time and a zone, and what comes before it (a headline):
# "Friday 11 June 2010 22.16 BST David Cameron is ...", "Concerns grow ... Thursday 6 May 2010 19.41 BST The ...".
_CLOCK_STAMP = re.compile(r"^.{0,150}?(?<![\w,])(?:[A-Z][a-z]{2,8},? )?(?:\d{1,2} [A-Z][a-z]+|[A-Z][a-z]+ \d{1,2},) "
                          r"\d{4},? \d{1,2}[:.]\d\d(?: ?[AaPp]\.?[Mm]\.?)?(?: [A-Z]{2,4})? (?=[A-Z\"“‘'])")
#: Photo agencies whose credit a caption glues before its text ("AP The chief executive ...").
PHOTO_CREDITS = ("AP", "AFP", "EPA", "Getty Images", "AP Photo", "Reuters Pictures")
_CREDIT = re.compile(r"^(?:" + "|".join(re.escape(c) for c in PHOTO_CREDITS) + r")(?:/[\w. ]{1,30})? (?=[A-Z][a-z])")
# A heading in capitals glued to the start: three words or more ("NEW CAP FOR LEAKING OIL WELL When ...").
_CAPS_HEADING = re.compile(r"^(?:[A-Z][A-Z'’&-]* ){2,}[A-Z][A-Z'’&-]* (?=[A-Z][a-z])")
#: A photo caption's position marks: "Prince (l), Prince Michael II (c) and Paris ...".
CAPTION_MARKS = ("l", "r", "c", "left", "right", "centre", "center", "pictured", "top", "bottom", "above", "below",
                 "inset", "second left", "second right", "front", "back", "file photo", "file")
_CAPTION = re.compile(r"\((?:" + "|".join(re.escape(m) for m in CAPTION_MARKS) + r")\)", re.IGNORECASE)
# A reader's comment: a clock time and a name that "wrote:" ("At 12:55 pm on 10 Jun 2010, ruffled_feathers wrote:").
_COMMENT = re.compile(r"^At \d{1,2}[:.]\d\d\b[^,]{0,40}, [^:]{1,40} wrote:")
_HAS_CLOCK = re.compile(r"\d[:.]\d\d")
# A question to the reader ("Are you affected by the oil spill?", "... but what do you think?"): a call for comments.
_TO_READER = re.compile(r"\byou\b[^.!]*\?$", re.IGNORECASE)
# The first letter of the Latin script (English, French, Spanish, Italian...): what comes before it
# in a sentence, when it holds letters of another script (an Arabic original glued before its
# translation: "... و يعتصم Le 30 janvier, j'ai vu un vieil homme."), is no part of the sentence.
_LATIN = re.compile(r"[A-Za-zÀ-ÖØ-öø-ɏ]")
_FINAL = frozenset(".!?\"”’')»…"  # with the closing guillemet of French, Italian and Spanish quotes
                   "。！？」』؟۔।")  # and the full stops of Chinese and Japanese, Arabic, Urdu and Hindi
#: The characters of scripts written without spaces between words (Han, kana, Thai).
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u0e00-\u0e7f]")
_MIN_WORDS, _MAX_WORDS = 6, 70
#: How similar (TF-IDF cosine) two sentences are to be one sentence with several sources.
DUPLICATE = 0.6
#: How much the story's centroid counts against the day's when ranking a day's sentences.
SALIENCE = 1.0
#: Sentences longer than this many words lose LENGTH of their worth per LONG words more.
LONG, LENGTH = 30, 0.5
#: A report of a day is an article published on it (or up to REPORT_DAYS after it, when its own
#: publication day is no candidate); the first REPORT_SENTENCES sentences of its lead that have no
#: date expression are candidates for that day (both fitted by benchmarks/fit_story.py --sentences).
REPORT_DAYS, REPORT_SENTENCES = 1, 5
#: A sentence this similar to one a better day shows is not shown again on another day.
ELSEWHERE = DUPLICATE
#: Candidates of a day compared pairwise for near-duplicates (the best by centrality).
_POOL = 60
#: How much a day's sentence loses for its TF-IDF cosine to a sentence picked before it (maximal
#: marginal relevance). Off: 0.45 adds 0.003 ROUGE-1 on the dev stories fitted on all four, but
#: loses 0.001 left one story out (benchmarks/fit_story.py --sentences).
DIVERSITY = 0.0
#: How much a day's sentence loses when it opens with a word that leans on the sentence before
#: ("But …", "He said …", "This …": timeline.openers), which it no longer has on a key-dates page.
#: A preference among the day's candidates, not a filter: such a sentence is still shown when the
#: day has nothing better. Fitted with REPORT_SENTENCES by benchmarks/fit_story.py --sentences: 0.05
#: wins on the four dev stories and in every fold left one story out (README, "Story").
LEANING = 0.05
#: Treebank escapes some corpora keep (-LRB- for "(", `` and '' for quotes, \/ for "/"): what they stand for.
_TREEBANK = (("-LRB-", "("), ("-RRB-", ")"), ("-LSB-", "["), ("-RSB-", "]"), ("-LCB-", "{"), ("-RCB-", "}"),
             ("``", "\u201c"), ("''", "\u201d"), ("\\/", "/"), ("\\*", "*"))
_SPACED = re.compile(r"\(\s+|\s+\)")
#: Page furniture before a sentence: a dash or a bullet that opens a line ("— The army said ...").
_BULLET = re.compile(r"^(?:[-–—]{1,2}|[*•·►▪‣◦])\s+")
#: What may open a whole sentence besides a capital, a digit or a quote: a credit in parentheses
#: ("(Reuters) Police ...") or a numbered item ("#1 The ...") before a capital.
_OPENER = re.compile(r"^(?:\([^()]{1,30}\)|#\d{1,3}\.?)\s+(?=[A-Z\"“‘'«¿¡À-ÖØ-Þ])")


def clean_sentence(text: str, lowercased: bool = False, tokenized: bool = False) -> str | None:
    """The sentence as a story shows it (a glued dateline, byline, page stamp, photo credit or
    heading in capitals cut off), or None when it is no whole sentence: too short or too long,
    not starting with a capital, a digit or a quote, not ending with final punctuation, a photo
    caption ("(l)", "(pictured)"), a reader's comment ("At 12:55 pm ..., X wrote:"), a question to
    the reader ("Are you affected ...?") or a piece of a quotation (a quotation mark it opens and
    does not close). In a `lowercased` article (`_lowercased`) a sentence may open in lowercase.
    A dash or a bullet that opens it is cut, except in a `tokenized` article (timeline.detok), where
    a hyphen that opens a sentence is a compound's cut by the split ("pro\n- Morsi veut ...")."""
    for escape, char in _TREEBANK:
        text = text.replace(escape, char)
    text = _SPACED.sub(lambda m: m.group(0).strip(), text)
    # an original in another script glued before a Latin translation: not in an article of a
    # script without capitals (`lowercased`), where a Latin name ("Google") would cut its sentence
    text = text.strip() if lowercased else _other_script_cut(text.strip())
    if text[:1] in '"\u201d' and text[1:2].isspace() and not _quotes_close(text):
        text = text[1:].lstrip()  # the closing mark of the quotation before, a line break after it
    if "|" in text and _CLOCK_STAMP.match(tail := text.rsplit("|", 1)[1].strip()):
        text = tail  # a page's header, then its time stamp: "Headline | Sun May 2, 2010 7:55 pm EDT ..."
    clock = _HAS_CLOCK.search(text, 0, 200) is not None  # what a stamp or a comment needs: skip them without
    for glued in (_STAMP, _CLOCK_STAMP, _CREDIT, _CAPS_HEADING, _DATELINE):
        if clock or (glued is not _STAMP and glued is not _CLOCK_STAMP):
            text = glued.sub("", text, count=1)
    if ("(" in text and _CAPTION.search(text)) or (clock and _COMMENT.match(text)) \
            or (text.endswith("?") and _TO_READER.search(text)) or not _quotes_close(text):
        return None  # a photo caption, a reader's comment or a call for one, a piece of a quotation
    if not tokenized:
        text = _BULLET.sub("", text, count=1)
    words = len(text.split())
    if words < _MIN_WORDS:  # Chinese and Japanese write no spaces: two of their characters a word
        words = max(words, len(_UNSPACED.findall(text)) // 2)
    if not _MIN_WORDS <= words <= _MAX_WORDS:
        return None
    first = text[0]
    if not (first.isupper() or first.isdigit() or first in "\"“‘'«¿¡" or (lowercased and first.isalpha())
            or _OPENER.match(text)):
        return None
    if text[-1] not in _FINAL or "|" in text:
        return None
    return text


def _lowercased(r: ArticleResult) -> bool:
    """Whether an article is written in lowercase (a transcript, a chat log, a corpus shipped
    lowercased): most of its sentences that open with a letter open with a small one. There a
    sentence in lowercase is whole; elsewhere it is a fragment (a sentence cut after "Mr."). So is an
    article in a script without capitals (Arabic, Chinese): there no sentence opens with one."""
    text = r.article.text
    firsts = [c for c in (next((ch for ch in text[x.start:x.end] if ch.isalpha()), "") for x in r.sentences) if c]
    # a script without capitals (Arabic, Hebrew, Chinese) is one too: its letters are no capitals
    return sum(not c.isupper() for c in firsts) * 2 > len(firsts)


#: A headline glued before the lead shares this many words (their first five letters) with it.
HEADLINE_SHARES = 2
#: A headline (with a caption glued after it) is at most this many words.
HEADLINE_WORDS = 20
_CLOSING = frozenset("'’\"”")
#: A dateline that opens a text ("BANGKOK: South ...", "WASHINGTON (Reuters) - The ..."): the body's
#: first words, so no headline is run in before them (a heading in capitals, "EDGAR HERNANDEZ - FIRST
#: CONFIRMED CASE Edgar ...", is not one: a word in lower case follows a dateline's capital).
_OPENING_DATELINE = re.compile(r"^[A-Z][A-Z.'’ -]{1,40}(?: \([^()]{1,30}\))?(?::| [-–—]+) [A-Z\"“‘'][a-z]")


def headline_cut(text: str) -> str:
    """An article's lead without the headline run into it, when a corpus lost the line between
    them: the text from a place within HEADLINE_WORDS words where a capital opens a sentence
    (after a word in lower case, or a capitalised function word: "The", "There") and the three
    words or more before it share HEADLINE_SHARES words or more with the whole sentence after it,
    the most there (the first of equals): "Police raid Jackson doctor's home | Drug police are
    searching the Las Vegas home of Michael Jackson's doctor ..."; else the text."""
    if "|" in text:
        return text  # a page's header ("... | Sun May 2, 2010 7:55 pm EDT ..."), no sentence at all
    if _OPENING_DATELINE.match(text):
        return text  # the body opens here: "BANGKOK: ... using Cambodia as a base ..." is one sentence
    words = text.split(" ")
    cut = best = 0
    for i in range(3, min(HEADLINE_WORDS, len(words) - _MIN_WORDS) + 1):
        before, word = words[i - 1], words[i]
        if not word[:1].isupper() or before.lower() in _STOPWORDS or before[-1:] in ",;:.-–—(":
            continue
        if not (before[:1].islower() or before[:1].isdigit() or before in _CLOSING or word.lower() in _STOPWORDS):
            continue  # inside a name ("Deepwater Horizon", "Michael Jackson")
        head = {w[:5] for w in _terms(" ".join(words[:i]))}
        shared = len(head & {w[:5] for w in _terms(" ".join(words[i:]))})
        if shared >= max(HEADLINE_SHARES, best + 1):
            cut, best = i, shared
    return " ".join(words[cut:]) if cut else text


def _quotes_close(text: str) -> bool:
    """Whether every quotation a sentence opens is closed in it (a sentence cut out of a longer
    quotation, 'Hayward said: " The Gulf of Mexico is a very big ocean.', is a fragment)."""
    return text.count('"') % 2 == 0 and text.count("\u201c") == text.count("\u201d")


def _other_script_cut(text: str) -> str:
    """The text from its first Latin capital on, when letters of another script only come before
    it and a space ends them (a quoted original glued before its translation); else the text."""
    latin = _LATIN.search(text)
    if latin is None or latin.start() == 0 or not text[latin.start()].isupper() \
            or not text[latin.start() - 1].isspace() or not any(c.isalpha() for c in text[:latin.start()]):
        return text
    return text[latin.start():]


def _terms(text: str) -> Counter[str]:
    return Counter(w for w in (m.lower() for m in _WORD.findall(text)) if len(w) > 2 and w not in _STOPWORDS)


_FIGURE = re.compile(r"\d+(?:[.,]\d+)*")


def _figures(text: str) -> frozenset[str]:
    """The numbers a sentence gives: near-duplicates that give other numbers ("12 people", "4,000
    people") are not one report, so one is no source of the other."""
    return frozenset(_FIGURE.findall(text))


def _unit(vec: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(x * x for x in vec.values()))
    return {w: x / norm for w, x in vec.items()} if norm else {}


def _cos(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(w, 0.0) for w, x in a.items())


@dataclass(slots=True)
class _Candidate:
    text: str
    result: int  # index into the results
    lead: bool  # dated as the lead of an article reporting the day, not by its own phrase
    leans: bool = False  # opens with a word that needs the sentence before (timeline.openers)
    vec: dict[str, float] = field(default_factory=dict)
    sources: list[int] = field(default_factory=list)


def _candidates(records: Sequence[StoryArticle], days: set[date],
                furniture: frozenset[bytes]) -> dict[date, list[_Candidate]]:
    """Per chosen day, its whole sentences (the same text from one article once; none of page
    `furniture`)."""
    out: dict[date, list[_Candidate]] = defaultdict(list)
    ahead: dict[date, list[_Candidate]] = defaultdict(list)  # what was announced for the day, before it
    seen: set[tuple[date, int, str]] = set()
    for i, a in enumerate(records):
        for e in a.dated:
            if e.start not in days:
                continue
            if furniture and 0 <= e.sentence < a.sentences and a.said_at(e.sentence) in furniture:
                continue
            if (e.start, i, e.text) in seen:
                continue
            seen.add((e.start, i, e.text))
            (ahead if e.expected else out)[e.start].append(_Candidate(e.text, i, e.lead))
    for d, i, text in _reports(records, days, furniture):
        if (d, i, text) not in seen:
            seen.add((d, i, text))
            out[d].append(_Candidate(text, i, True))
    for d, announced in ahead.items():  # a day nobody reported after it: what was announced for it
        if not out.get(d):
            out[d] = announced
    return out


def _dated(r: ArticleResult) -> tuple[_Dated, ...]:
    """The sentences of an article that its events (in text order) date to a day and that a story
    may quote for that day, cleaned (`clean_sentence`): one that says what happened that day (by
    its own phrase, or as one of its first LEAD_SENTENCES when it names no other day; not a
    chronology's item of another day), or that announced it (`expected`, by its own phrase)."""
    out: list[_Dated] = []
    named: dict[int, set[str]] | None = None
    lead: int | None = None
    items: dict[int, date] = {}
    lowered: bool | None = None
    spaced = False  # the article tokenized (timeline.detok): a hyphen opening a sentence is no bullet
    for e in r.events:
        if e.granularity not in _DAYLIKE or e.ongoing or e.until:
            continue
        if lowered is None:
            lowered, spaced = _lowercased(r), tokenized_text(r.article.text)
        if e.status == "expected":
            if e.anchor == "phrase" and (text := clean_sentence(e.text, lowered, spaced)) is not None:
                out.append(_Dated(e.start, e.sentence, True, False, text))
            continue
        if e.anchor != "phrase":
            if e.sentence >= LEAD_SENTENCES:
                continue
            if named is None:
                named = _days_named(r)
            if named.get(e.sentence, set()) - {e.start.isoformat()}:
                continue  # a lead that names another day ("May 27: ...") is not this day's news
        if lead is None:
            lead, items = _lead(r), _items(r)
        if items.get(e.sentence, e.start) != e.start:
            continue  # a chronology's item ("June 10 - ... invited him for June 16") is its own day's only
        text = clean_sentence(headline_cut(e.text) if e.sentence == lead else e.text, lowered, spaced)
        if text is not None:
            out.append(_Dated(e.start, e.sentence, False, e.anchor != "phrase", text))
    return tuple(out)


def _reports(records: Sequence[StoryArticle], days: set[date],
             furniture: frozenset[bytes] = frozenset()) -> Iterable[tuple[date, int, str]]:
    """(day, article, sentence): the first REPORT_SENTENCES sentences from the lead of an article,
    those without a date expression of their own (`_report_sentences`) and not page `furniture`,
    for the day it reports: its publication day, or when that is not one of `days`, the nearest of
    the REPORT_DAYS before it (a report of yesterday's event). A report tells the day's news in its
    first sentences, often without a date ("Engineers cut the pipe..."); each is one day's candidate
    only."""
    for i, a in enumerate(records):
        if not a.reports:
            continue
        pub = a.published
        day = next((d for d in (pub - timedelta(days=k) for k in range(REPORT_DAYS + 1)) if d in days), None)
        if day is not None:
            for index, text in a.reports:
                if furniture and 0 <= index < a.sentences and a.said_at(index) in furniture:
                    continue  # a site's blurb atop every page ("Sign up for our newsletter ..."): no news
                yield day, i, text


def _report_sentences(r: ArticleResult) -> Iterator[tuple[int, str]]:
    """The first REPORT_SENTENCES sentences from the lead of an article that have no date
    expression of their own, cleaned (those `clean_sentence` keeps)."""
    from timeline.events import lead_index, plain

    lead = lead_index(r.article, r.sentences)
    if lead is None:
        return
    starts = [x.start for x in r.sentences]
    dated = {bisect_right(starts, t.start) - 1 for t in r.timexes if t.type in ("DATE", "TIME")}
    lowered, spaced = _lowercased(r), tokenized_text(r.article.text)
    for s in r.sentences[lead:lead + REPORT_SENTENCES]:
        if s.index in dated:
            continue  # a day's by its own phrase, or background ("since June 2009"): not this day's news
        said = plain(s.text(r.article.text), r.article.format)
        text = clean_sentence(headline_cut(said) if s.index == lead else said, lowered, spaced)
        if text is not None:
            yield s.index, text


def _lead(r: ArticleResult) -> int:
    """The index of an article's lead sentence (-1 when it has none)."""
    from timeline.events import lead_index

    found = lead_index(r.article, r.sentences)
    return -1 if found is None else found


_ITEM_MARK = re.compile(r"\s*[-–—:]")


def _items(r: ArticleResult) -> dict[int, date]:
    """The sentences of an article that open as a chronology's item, a day and a dash or a colon
    ("June 10 - The White House says ...", "4 August: BP says ..."), by index: the item's day."""
    text = r.article.text
    out: dict[int, date] = {}
    by_start = {s.start + len(text[s.start:s.end]) - len(text[s.start:s.end].lstrip()): s.index for s in r.sentences}
    for t in r.timexes:
        at = by_start.get(t.start)
        m = _DAY_VALUE.match(t.value)
        if at is None or m is None or t.type not in ("DATE", "TIME") or not _ITEM_MARK.match(text, t.end):
            continue
        try:
            out[at] = date.fromisoformat(m.group(0))
        except ValueError:
            continue
    return out


def _days_named(r: ArticleResult) -> dict[int, set[str]]:
    """The days each sentence of an article names (by index: a day, or a time on a day)."""
    starts = [x.start for x in r.sentences]
    out: dict[int, set[str]] = defaultdict(set)
    for t in r.timexes:
        m = _DAY_VALUE.match(t.value)
        if m is not None and t.type in ("DATE", "TIME") and starts:
            out[max(0, bisect_right(starts, t.start) - 1)].add(m.group(0))
    return out


def _worth(c: _Candidate, day_vec: dict[str, float], story_vec: dict[str, float]) -> float:
    """How well a candidate says what happened that day: centrality among the day's candidates,
    salience for the story, less for every word beyond LONG (a summary is short), less LEANING
    when it leans on the sentence before (out of its article, it does not read on its own)."""
    words = len(c.text.split())
    return (_cos(c.vec, day_vec) + SALIENCE * _cos(c.vec, story_vec) - LENGTH * max(0, words - LONG) / LONG
            - LEANING * c.leans)


class _Told:
    """The sentences shown so far, indexed by their terms, to find one close to a new sentence
    without comparing it with every one (a story of a hundred days shows hundreds, one of
    thousands of days thousands, and all of a story's sentences share its common words).

    Each sentence is indexed only by its rarer terms (prefix filtering, Bayardo et al. 2007): its
    lightest terms, whose part of its unit vector has a norm under the threshold, are left out,
    so a sentence with a cosine of `threshold` or more shares an indexed term with it (the left-out
    part alone gives less than `threshold` against any unit vector). The few sentences found that
    way are then compared in full: the answer is exact, and the common words index nothing."""

    def __init__(self, threshold: float = ELSEWHERE) -> None:
        self.threshold = threshold
        self.postings: dict[str, list[int]] = defaultdict(list)
        self.vecs: list[dict[str, float]] = []

    @property
    def size(self) -> int:
        return len(self.vecs)

    def add(self, vec: dict[str, float]) -> None:
        left_out = 0.0
        bound = self.threshold * self.threshold * (1 - 1e-9)  # strictly under, whatever the rounding
        for w, x in sorted(vec.items(), key=lambda item: (item[1], item[0])):
            if left_out + x * x < bound:
                left_out += x * x
                continue
            self.postings[w].append(len(self.vecs))
        self.vecs.append(vec)

    def says(self, vec: dict[str, float], threshold: float) -> bool:
        """Whether a sentence shown has a cosine of `threshold` (at least the index's) or more with `vec`."""
        if threshold < self.threshold:
            raise ValueError(f"the index finds cosines of {self.threshold} or more, not {threshold}")
        seen: set[int] = set()
        for w in vec:
            for j in self.postings.get(w, ()):
                if j not in seen:
                    seen.add(j)
                    if _cos(vec, self.vecs[j]) >= threshold:
                        return True
        return False


#: Two sentences of a day that open with the same this many words tell one fact ("May 19 - The first
#: heavy oil from the spill hits ..." and "... sloshes ashore ..."), however they go on.
SAME_OPENING = 8


def _same(c: _Candidate, p: _Candidate) -> bool:
    """Whether two candidates of a day say the same: near-duplicates (DUPLICATE), or the same opening."""
    if _cos(c.vec, p.vec) >= DUPLICATE:
        return True
    a, b = c.text.lower().split(), p.text.lower().split()
    return len(a) >= SAME_OPENING and a[:SAME_OPENING] == b[:SAME_OPENING]


def _pick(ranked: list[_Candidate], worth: dict[int, float], k: int,
          told: _Told | None) -> tuple[list[_Candidate], list[_Candidate]]:
    """The `k` best of a day's ranked candidates (near-duplicates one sentence with several
    sources), none that a better day shows already (`told`); and the pool's candidates left."""
    left = ranked[:_POOL]
    picked: list[_Candidate] = []
    while left and len(picked) < k:
        # worth, less what the sentences picked already say; the first of equals: the ranked order
        fresh = [worth[id(x)] - DIVERSITY * max((_cos(x.vec, p.vec) for p in picked), default=0.0) for x in left]
        c = left.pop(fresh.index(max(fresh)))
        if told is not None and told.says(c.vec, ELSEWHERE):
            continue  # a better day says it already: one sentence is one day's news
        same = next((p for p in picked if _same(c, p)), None)
        if same is not None:
            if c.result not in same.sources and _figures(c.text) == _figures(same.text):
                same.sources.append(c.result)
            continue
        picked.append(_Candidate(c.text, c.result, c.lead, c.leans, c.vec, [c.result]))
    return picked, left


def choose_sentences(results: Iterable[ArticleResult | StoryArticle], days: Sequence[date], k: int,
                     furniture: frozenset[bytes] | None = None) -> dict[date, list[_Candidate]]:
    """The `k` best sentences of each day, near-duplicates merged (their articles in `sources`,
    indices into `results`). `days` come best first: a sentence a better day shows is not shown
    again, unless a day has no other. No sentence of page `furniture` (the articles' `_furniture`
    unless given)."""
    if k <= 0 or not days:
        return {d: [] for d in days}
    records = _records(results)
    cands = _candidates(records, set(days), _furniture(records) if furniture is None else furniture)
    if LEANING:
        from timeline.openers import leans_back

        for cs in cands.values():
            for c in cs:
                c.leans = leans_back(c.text, records[c.result].lang) is not None
    # A candidate's TF-IDF vector is made again where it is needed (the same numbers each time),
    # not kept for every candidate of every day: the candidates of a large collection are many.
    df: Counter[str] = Counter()
    total = 0
    for cs in cands.values():
        for c in cs:
            df.update(_terms(c.text).keys())
            total += 1
    idf = {w: math.log((1 + max(1, total)) / (1 + n)) + 1.0 for w, n in df.items()}

    def vector(c: _Candidate) -> dict[str, float]:
        return _unit({w: (1 + math.log(n)) * idf[w] for w, n in _terms(c.text).items()})

    story_centroid: dict[str, float] = defaultdict(float)
    for cs in cands.values():
        for c in cs:
            for w, x in vector(c).items():
                story_centroid[w] += x
    story_vec = _unit(story_centroid)
    out: dict[date, list[_Candidate]] = {}
    told = _Told()  # the sentences of the days before (better days first)
    for d in days:
        cs = cands.get(d, [])
        centroid: dict[str, float] = defaultdict(float)
        for c in cs:
            c.vec = vector(c)
            for w, x in c.vec.items():
                centroid[w] += x
        day_vec = _unit(centroid)
        published = {c.result: records[c.result].published for c in cs}
        worth = {id(c): _worth(c, day_vec, story_vec) for c in cs}
        ranked = sorted(cs, key=lambda c: (-worth[id(c)], published[c.result], records[c.result].id, c.text))
        picked, left = _pick(ranked, worth, k, told)
        if not picked and told.size:  # every sentence of the day is a better day's: say it again rather than nothing
            picked, left = _pick(ranked, worth, k, None)
        # every other report of a picked sentence, in the pool or beyond it, is one of its sources
        # (looked up in a set: thousands of copies of one wire report each looked through a list)
        have = [set(p.sources) for p in picked]
        for c in left + ranked[_POOL:]:
            for p, its in zip(picked, have, strict=True):
                if c.result not in its and _same(c, p) and _figures(c.text) == _figures(p.text):
                    p.sources.append(c.result)
                    its.add(c.result)
                    break
        out[d] = picked
        for p in picked:
            told.add(p.vec)
        for c in cs:
            c.vec = {}  # the day's candidates are done with (a sentence picked keeps its own)
    return out


def _sentence(records: Sequence[StoryArticle], c: _Candidate) -> StorySentence:
    def src(i: int) -> StorySource:
        a = records[i]
        return StorySource(a.id, a.source, a.url, a.published.isoformat())

    order = sorted(set(c.sources) | {c.result}, key=lambda i: (records[i].published, records[i].id))
    own = src(c.result)  # the article whose words these are
    lang = records[c.result].lang  # a tokenized corpus's sentence shown as written; scored as it came
    return StorySentence(detokenize(c.text, lang), own.article, own.source, own.url, own.published,
                         tuple(src(i) for i in order), lang)


#: Without --from, a story starts at most this many days before its first article: older days
#: its articles mention are background (a past disaster compared with this one), not its story.
BACKGROUND_DAYS = 31


def span(results: Iterable[ArticleResult | StoryArticle], start: date | None,
         end: date | None) -> tuple[date | None, date | None]:
    """The days a story may choose from: [start, end] as given; without `start`, from
    BACKGROUND_DAYS before the first article; without `end`, up to the last article's publication."""
    pubs = [r.published if isinstance(r, StoryArticle) else r.article.published for r in results]
    if not pubs:
        return start, end
    lo = start if start is not None else min(pubs) - timedelta(days=BACKGROUND_DAYS)
    hi = end if end is not None else max(pubs)
    return lo, hi


def story(results: Iterable[ArticleResult | StoryArticle], *, dates: int | None = None, sentences: int | None = None,
          start: date | None = None, end: date | None = None, title: str | None = None) -> Story:
    """The story of processed articles, in chronological order: `dates` days (None: as many as
    `default_dates` says), `sentences` sentences a day (None: 2), only days within [start, end]
    (inclusive; by default as `span` says). Deterministic: the same results give the same story.
    Each result is reduced to what a story needs of it (`story_article`) as it is read: `results`
    may be an iterator whose results are dropped once read (`story_of`)."""
    from timeline.calendar import label

    records = _records(results)
    lo, hi = span(records, start, end)
    furniture = _furniture(records)
    evidence = day_evidence(records, start=lo, end=hi, furniture=furniture)
    n = default_dates(evidence, len(records)) if dates is None else max(0, dates)
    k = 2 if sentences is None else max(0, sentences)
    ranked = choose_days(evidence, 2 * n)  # best first; a day with no sentence to say it gives way
    # the days are those of one sentence or more, whatever K: --sentences 0 shows the same days bare
    picked = choose_sentences(records, [s.date for s in ranked], max(1, k), furniture)
    ranked = [s for s in ranked if picked[s.date]]  # a key date says what happened, even when none does
    chosen = sorted(ranked[:n], key=lambda s: s.date)
    out = tuple(
        StoryDate(s.date.isoformat(), label(s.date.isoformat()), round(s.score, 3), len(s.articles),
                  tuple(_sentence(records, c) for c in picked[s.date][:k]), mentioned_by=s.articles)
        for s in chosen)
    first = start.isoformat() if start else (out[0].date if out else None)
    last = end.isoformat() if end else (out[-1].date if out else None)
    return Story(title or "Key dates", first, last, len(records), out)


def story_of(items: Iterable[Item], *, today: date | None = None, jobs: int | None = None,
             options: Options | None = None, advance: Callable[[int], None] = lambda n: None,
             edits: Any = None, **choose: Any) -> tuple[Story, list[str], list[str]]:
    """The story of articles to read (timeline.batch items: files, collection rows, fetched
    pages), read and processed on every core as `events` does, each result reduced to what the
    story needs of it (`story_article`) as it comes and then dropped: memory grows with the
    little kept of each article, the largest article aside. `choose` goes to `story()`. `edits`
    (timeline.edits.Edits) apply to the articles' events before the days are chosen and to the
    story's days after. Returns the story, the one-line errors of articles that could not be
    read, and the readers' (and the edits') warnings."""
    from timeline.batch import DEFAULT_OPTIONS, default_jobs, stream_entries
    from timeline.edits import edit_results

    errors: list[str] = []
    warnings: list[str] = []
    used: set[str] = set()  # the edited ids that some event has (what `Edits.stale` looks for)

    def records() -> Iterator[StoryArticle]:
        cores = default_jobs() if jobs is None else max(1, jobs)
        for item, entry in stream_entries(items, today or date.today(), cores, advance, options or DEFAULT_OPTIONS):
            warnings.extend(entry.warnings)
            r = entry.result
            if r is None:
                if not entry.skipped:
                    errors.append(entry.error or item.name)
                continue
            if edits:
                used.update(k for k in map(edits.key, r.events) if k is not None)
                (r,) = edit_results([r], edits)
            yield story_article(r)

    told = story(records(), **choose)
    if not edits:
        return told, errors, warnings
    warnings = [*warnings, *edits.unused(used)]
    edited, stale = edit_story(told, edits, asked_from=choose.get("start"), asked_to=choose.get("end"))
    edited, outside = _within(edited, choose.get("start"), choose.get("end"), edits.path)
    return edited, errors, [*warnings, *stale, *outside]

def edit_story(story: Story, edits: Edits, *, asked_from: date | None = None,
               asked_to: date | None = None) -> tuple[Story, list[str]]:
    """The story with the editor's `days:` edits (drop a day, re-date it,
    head or annotate it) and additions (a sentence on its day, a day of its own if the story has
    none), days back in chronological order; and a warning for each day edit that matches no day.
    `from`/`to` are `asked_from`/`asked_to` when the story was asked for a span (--from, --to), else its
    first and last day as edited (a day the editor dropped, moved or added changes them)."""
    from timeline import calendar

    if not edits.days and not edits.add:
        return story, []
    days: list[StoryDate] = []
    used: set[str] = set()
    for day in story.dates:
        edit = edits.days.get(day.date)
        if edit is None:
            days.append(day)
            continue
        used.add(day.date)
        if edit.drop:
            continue
        changed = list(day.edited)
        if edit.date is not None and edit.date != day.date:
            day = replace(day, date=edit.date, label=calendar.label(edit.date))
            changed.append("date")
        for name in ("headline", "note"):
            value = getattr(edit, name)
            if value is not None:
                day = replace(day, **{name: value})
                changed.append(name)
        days.append(replace(day, edited=tuple(dict.fromkeys(changed))))
    lost: list[str] = []  # a second headline or note given to one day: said, not dropped unsaid
    days = _joined(days, lost)
    at_of = {d.date: i for i, d in enumerate(days)}  # each day's place: one look-up an addition
    for a in edits.add:
        sentence = StorySentence(text=a.text, article="", source=a.source or "the editor", url=a.url, published=None)
        at = at_of.get(a.date)
        if at is None:
            at_of[a.date] = len(days)
            days.append(StoryDate(date=a.date, label=calendar.label(a.date), score=0.0, articles=0,
                                  sentences=(sentence,), headline=a.headline, note=a.note, edited=("added",)))
        else:
            day = days[at]  # its headline and note, unless the day has its own (its `days:` edit's)
            lost.extend(_not_shown(day, a.headline, a.note))
            days[at] = replace(day, sentences=(sentence, *day.sentences),
                               headline=day.headline if day.headline is not None else a.headline,
                               note=day.note if day.note is not None else a.note,
                               edited=tuple(dict.fromkeys((*day.edited, "added"))))

    def start(d: StoryDate) -> tuple[object, ...]:  # as every timeline: the coarser period first
        place = calendar.interval(d.date)
        return (place[0], calendar.granularity_rank(place[2]), place[1]) if place is not None else ()

    days.sort(key=start)  # stable: days of one start and granularity keep their order
    stale = [f"{edits.path}: the story has no day {day!r} (edit not applied)" for day in edits.days if day not in used]
    stale += [f"{edits.path}: {x}" for x in lost]
    first = asked_from.isoformat() if asked_from is not None else (days[0].date if days else None)
    last = asked_to.isoformat() if asked_to is not None else (days[-1].date if days else None)
    return replace(story, start=first, end=last, dates=tuple(days)), stale


def _not_shown(day: StoryDate, headline: str | None, note: str | None) -> list[str]:
    """What of a second headline and note given to `day` it cannot show (it has its own), said."""
    return [f"{day.date}: {name} {value!r} not shown (the day has {kept!r})"
            for name, value, kept in (("headline", headline, day.headline), ("note", note, day.note))
            if value is not None and kept is not None and value != kept]


def _joined(days: list[StoryDate], lost: list[str] | None = None) -> list[StoryDate]:
    """The days of a story with the days the editor moved onto the same day joined into one (the
    first one's sentences first, then the others' not shown yet; a headline or note the editor gave;
    the articles that mention any of them, each once): a day is shown once, so its page anchor is
    unique. A second headline or note of one day is said in `lost`."""
    at: dict[str, int] = {}
    out: list[StoryDate] = []
    for day in days:
        i = at.get(day.date)
        if i is None:
            at[day.date] = len(out)
            out.append(day)
            continue
        first = out[i]
        if lost is not None:
            lost.extend(_not_shown(first, day.headline, day.note))
        seen = {x.text for x in first.sentences}
        mentioned_by = first.mentioned_by | day.mentioned_by  # an article that mentions both: once
        out[i] = replace(
            first, score=max(first.score, day.score), mentioned_by=mentioned_by,
            articles=max(len(mentioned_by), first.articles, day.articles),
            sentences=(*first.sentences, *(x for x in day.sentences if x.text not in seen)),
            headline=first.headline if first.headline is not None else day.headline,
            note=first.note if first.note is not None else day.note,
            edited=tuple(dict.fromkeys((*first.edited, *day.edited))))
    return out


def _within(st: Story, start: date | None, end: date | None, path: str) -> tuple[Story, list[str]]:
    """The story without the days the editor moved or added outside the span asked for (--from,
    --to), and a warning for each."""
    from timeline import calendar

    if start is None and end is None:
        return st, []
    kept: list[StoryDate] = []
    outside: list[str] = []
    for d in st.dates:
        place = calendar.interval(d.date)
        if place is not None and ((start is not None and place[1] <= start) or (end is not None and place[0] > end)):
            outside.append(f"{path}: the day {d.date!r} is outside the span asked for (--from/--to): not shown")
        else:
            kept.append(d)
    return replace(st, dates=tuple(kept)), outside
