"""`timeline eval-story`: score key-dates timelines (a story) against the timelines newsrooms
published, with the protocol of the timeline-summarization field (tilse; news-tls
`experiments/evaluate.py`) on stories laid out as Timeline17 is: `TOPIC/articles/*.txt` and
`TOPIC/timelines/*.txt` (tilse's format: a `YYYY-MM-DD` line, one sentence a line, 32 dashes).

For each gold timeline: the topic's articles published within [its first date, its last date];
N = its number of dates; K = round(mean sentences per date); the system is asked for N dates of K
sentences in that span. Scores, per timeline and averaged (precision and recall averaged over
timelines, then F):
- Date-F1: the set of predicted days against the set of gold days.
- ROUGE-1/2 "align+ m:1" (Martschat and Markert 2017): every predicted day is aligned with the gold
  day of least cost, cost = (1 - 1/(days apart + 1)) * (1 - ROUGE-1 F of the two days' texts), and
  every gold day with the predicted day of least cost; the n-grams two aligned days share count
  1/(days apart + 1) each. Precision: weighted shared n-grams / predicted n-grams; recall: / gold
  n-grams.
- ROUGE-1/2 "concat": the whole predicted text against the whole gold text.
Text is compared as ROUGE 1.5.5 does with stemming and stopword removal: `rouge-score`'s tokenizer
(lower case, letters and digits), the words of STOPWORDS dropped, Porter stems (words over 3
letters); n-grams run across sentence boundaries. (tilse measures the content overlap of the
alignment cost on raw whitespace tokens; here it is on these tokens too, so "spill." and "spill"
agree.)

Each topic's articles are processed once (on every core) and sliced per timeline. The library
functions below are for fitting scripts as well as the command: `prepare` (find the topics,
process their articles once) then `run_system` as often as needed; `find_topics`, `read_timeline`,
`process_topic`, `date_f1`, `align_rouge`, `score_timeline` and `average` on their own.
"""

from __future__ import annotations

import re
import time
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from timeline.batch import collect_sources
from timeline.errors import ArticleError, UserError

# ROUGE 1.5.5 (which tilse runs with -s) drops a list of common English words before counting.
# This is our own list of English function words in that spirit: articles, pronouns, determiners,
# prepositions, conjunctions, auxiliary and modal verbs, and the commonest adverbs.
STOPWORDS = frozenset("""
a about above across after afterwards again against all almost alone along already also although
always am among amongst an and another any anybody anyhow anyone anything anyway anywhere are
around as at be became because become becomes becoming been before beforehand behind being below
beside besides between beyond both but by can cannot could did do does doing done down during each
either else elsewhere enough etc even ever every everybody everyone everything everywhere except few
for former formerly from further furthermore had has have having he hence her here hereafter hereby
herein hers herself him himself his how however i ie if in indeed inside instead into is it its
itself just last latter latterly least less let like many may me meanwhile might mine more moreover
most mostly much must my myself namely neither never nevertheless next no nobody none nor not
nothing now nowhere of off often on once one only onto or other others otherwise ought our ours
ourselves out outside over own per perhaps rather same seem seemed seeming seems several shall she
should since so some somebody somehow someone something sometime sometimes somewhere still such than
that the their theirs them themselves then thence there thereafter thereby therefore therein
thereupon these they this those though through throughout thru thus to together too toward towards
under until up upon us very via was we well were what whatever when whence whenever where whereafter
whereas whereby wherein whereupon wherever whether which while whither who whoever whole whom whose
why will with within without would yet you your yours yourself yourselves
s t d ll m re ve don isn aren wasn weren hasn haven hadn doesn didn won wouldn shouldn couldn
""".split())

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
SEPARATOR = "-" * 32
#: A line of 3 or more of one of these characters (spaces between them allowed, as Markdown's rule
#: "- - -") is meant as the separator ("====", "***", 31 dashes), never a sentence of the day.
SEPARATOR_LIKE = re.compile(r"([-=*_~\u2013\u2014\u2500\u2501\u2550])(?:[ \t]*\1){2,}")


# --- reading ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class GoldTimeline:
    """A timeline a newsroom published: its days in order, each with its sentences."""

    name: str
    path: str
    days: tuple[tuple[date, tuple[str, ...]], ...]

    @property
    def start(self) -> date:
        return self.days[0][0]

    @property
    def end(self) -> date:
        return self.days[-1][0]

    @property
    def n_dates(self) -> int:
        return len(self.days)

    @property
    def sentences_per_date(self) -> int:
        """K of the protocol: round(mean sentences per date), at least 1 (Python's round, as news-tls)."""
        return max(1, round(sum(len(s) for _, s in self.days) / len(self.days)))

    def as_dict(self) -> dict[date, tuple[str, ...]]:
        return dict(self.days)


def read_timeline(path: str | Path, warn: Callable[[str], None] | None = None) -> GoldTimeline:
    """A timeline in tilse's format. A day named twice is one day with the sentences of both;
    blank lines and empty blocks are ignored; a block whose date line is not a day (Timeline17's
    MJ timeline has "2011-04-0") is skipped and reported to `warn`. Raises ArticleError naming the
    file (and line) when the file cannot be read or gives no day."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")  # a byte-order mark (Notepad) is no part of the first date
    except OSError as exc:
        raise ArticleError(f"{p}: cannot read ({exc.strerror or exc})") from None
    except UnicodeDecodeError as exc:
        raise ArticleError(f"{p}: cannot read ({exc})") from None
    days: dict[date, list[str]] = {}
    current: date | None = None
    skipping = False
    # The file's own line ends only: str.splitlines also breaks at U+2028, U+0085, form feed...
    for number, raw in enumerate(re.split(r"\r\n|\r|\n", text), start=1):
        line = raw.strip()
        if line != SEPARATOR and SEPARATOR_LIKE.fullmatch(line):  # 31 dashes, "====": meant as one
            if warn is not None:
                shown = f"{len(line)} dashes" if not line.strip("-") else repr(line[:40])
                warn(f"{p}: line {number}: {shown}, read as the separator (32 dashes)")
            line = SEPARATOR
        elif current is not None and _DAY.fullmatch(line):  # no separator before it: a new day, said
            if warn is not None:
                warn(f"{p}: line {number}: a date inside the block of {current} (no separator of 32 dashes "
                     f"before it), read as a new day")
            current, skipping = None, False
        if line == SEPARATOR:
            current, skipping = None, False
        elif not line or skipping:
            continue
        elif current is None:
            try:
                if not _DAY.fullmatch(line):
                    raise ValueError
                current = date.fromisoformat(line)
            except ValueError:
                if warn is not None:
                    warn(f"{p}: line {number}: not a date (YYYY-MM-DD): {line[:60]!r}; its block is skipped")
                skipping = True
                continue
            days.setdefault(current, [])
        else:
            days[current].append(line)
    if not days:
        raise ArticleError(f"{p}: no dates (expected tilse's format: a YYYY-MM-DD line, its sentences, "
                           f"a line of 32 dashes)")
    return GoldTimeline(p.stem, str(p), tuple((d, tuple(days[d])) for d in sorted(days)))


@dataclass(frozen=True)
class Topic:
    """One story: its article files and the gold timelines written for it."""

    name: str
    path: str
    articles: tuple[str, ...]
    timelines: tuple[GoldTimeline, ...]


def _is_file(path: Path) -> bool:
    """A file of the topic: a file, or a link to nowhere (the file moved), which reading says.
    Anything else of a file's name (a named pipe, which reading would wait on; a folder) is one
    error naming it, as `timeline eval` says of a gold file: never left out unsaid."""
    if path.is_file() or (path.is_symlink() and not path.exists()):
        return True
    raise UserError(f"{path}: cannot read ({'a directory' if path.is_dir() else 'not a regular file'})")


def find_topics(path: str | Path, warn: Callable[[str], None] | None = None) -> list[Topic]:
    """The topics under `path`: every folder holding both `articles/` (its article files, as
    `build` reads them: text, Markdown, pages, collections) and `timelines/` (the folder
    itself: one topic; a folder of topics, as Timeline17; a language folder of ML-Crisis, or a
    folder of those). Topics are named by their path below `path`, in sorted order."""
    root = Path(path)
    if not root.is_dir():
        raise UserError(f"{path}: not a folder (a topic folder holds articles/ and timelines/)" if root.exists()
                        else f"{path}: no such folder")
    found = sorted({t.parent for t in [root / "timelines", *root.rglob("timelines")]
                    if t.is_dir() and (t.parent / "articles").is_dir()})
    if not found:
        raise UserError(f"{path}: no topic here (a folder with articles/ and timelines/)")
    topics = []
    for folder in found:
        rel = folder.relative_to(root).as_posix()
        name = folder.name if rel == "." else rel
        articles = _articles(folder / "articles")
        gold = [read_timeline(f, warn) for f in sorted((folder / "timelines").iterdir())
                if not f.name.startswith(".") and f.suffix.lower() == ".txt" and _is_file(f)]
        if not gold:
            raise UserError(f"{folder / 'timelines'}: no timelines (*.txt)")
        if not articles:
            raise UserError(f"{folder / 'articles'}: no articles")
        topics.append(Topic(name, str(folder), articles, tuple(gold)))
    return topics


def _articles(folder: Path) -> tuple[str, ...]:
    """A topic's article files as `build` and `story` read a folder: its subfolders too (none
    hidden), sorted, without what a build or `-o` wrote there (timeline.batch.collect_sources)."""
    try:
        return tuple(str(f) for f in collect_sources([str(folder)]))
    except ArticleError as exc:  # none there, or one that is no file (a named pipe): one line, exit 2
        raise UserError(str(exc)) from None


def process_topic(topic: Topic, *, jobs: int | None = None, warn: Callable[[str], None] | None = None,
                  failed: Callable[[str], None] | None = None) -> list:
    """Every article of the topic processed once (on `jobs` cores; default all), in file order:
    a list of `ArticleResult`. An article that cannot be read is reported to `failed` (default:
    `warn`) and left out; a page without article text is a warning, to `warn` ("(skipped)")."""
    from timeline.batch import Failure, iter_items, process_items

    items = list(iter_items((), files=topic.articles))  # a collection's rows too
    outcomes, _warnings, _made = process_items(items, jobs=jobs)
    results = []
    for outcome in outcomes:
        if isinstance(outcome, Failure):
            tell = warn if outcome.skipped or failed is None else failed
            if tell is not None:
                tell(outcome.message + (" (skipped)" if outcome.skipped else ""))
        else:
            results.append(outcome)
    return results


def in_span(results: Iterable, start: date, end: date) -> list:
    """The results whose article was published within [start, end]."""
    return [r for r in results if start <= r.article.published <= end]


# --- text ------------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _stemmer():  # type: ignore[no-untyped-def]
    from nltk.stem import porter  # rouge-score's stemmer (nltk is its dependency)

    return porter.PorterStemmer()


@lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    return _stemmer().stem(word) if len(word) > 3 else word


def tokens(text: str) -> list[str]:
    """The words ROUGE counts: rouge-score's tokens (lower case, letters and digits), stopwords
    dropped, then stemmed."""
    from rouge_score import tokenize

    return [_stem(w) for w in tokenize.tokenize(text, None) if w not in STOPWORDS]


def ngrams(words: Sequence[str], n: int) -> Counter:
    return Counter(tuple(words[i:i + n]) for i in range(len(words) - n + 1))


# --- scores ----------------------------------------------------------------------------------

def f_score(p: float, r: float) -> float:
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float

    @property
    def f(self) -> float:
        return f_score(self.precision, self.recall)

    def as_dict(self) -> dict[str, float]:
        return {"precision": round(self.precision, 6), "recall": round(self.recall, 6), "f": round(self.f, 6)}


def _ratio(num: float, den: float) -> float:
    return num / den if den else 0.0


def date_f1(predicted: Iterable[date], gold: Iterable[date]) -> Score:
    """Date precision and recall: the share of predicted days that are gold days, and of gold days
    that were predicted (F by `.f`)."""
    p, g = set(predicted), set(gold)
    shared = len(p & g)
    return Score(_ratio(shared, len(p)), _ratio(shared, len(g)))


def _day_words(timeline: Mapping[date, Sequence[str]]) -> list[tuple[date, list[str]]]:
    return [(d, tokens(" ".join(timeline[d]))) for d in sorted(timeline)]


def _overlap(a: Counter, b: Counter) -> int:
    """The n-grams two counts share (what `sum((a & b).values())` counts, without building a & b)."""
    return sum(min(a[w], b[w]) for w in a.keys() & b.keys())


def _rouge1_f(a: Counter, b: Counter) -> float:
    match = _overlap(a, b)
    return f_score(_ratio(match, sum(a.values())), _ratio(match, sum(b.values())))


def _shared(a: Counter, b: Counter, day_a: date, day_b: date) -> float:
    """The n-grams two aligned days share, each counting 1/(days apart + 1)."""
    return sum((a & b).values()) / (abs((day_a - day_b).days) + 1)


# A computed ROUGE-1 F may exceed its bound by a rounding error: a day is passed over only when its
# bound is this much above the best cost.
_SLACK = 1e-9


def _nearest(days: Sequence[date], cost: Callable[[int], float], bound: Callable[[int], float],
             floor: float, day: date) -> int:
    """The index of least cost among `days` (sorted) for `day`; of equal cost the nearer day, then the
    earlier: the days visited outward from `day` (bisect), nearest first, the earlier of two equally
    far first, so a later one wins only by a lower cost. `bound(k)` is at most the content factor
    of day k's cost and `floor` at most that of any day: a day whose date factor times its bound
    cannot beat the best is not compared (`cost` not called), and the search stops where the date
    factor times `floor` cannot. Mostly a few days a day: the same day costs 0 and ends it."""
    hi = bisect_left(days, day)
    lo = hi - 1
    best, best_cost = -1, 0.0
    while lo >= 0 or hi < len(days):
        if hi >= len(days) or (lo >= 0 and (day - days[lo]).days <= (days[hi] - day).days):
            k, lo = lo, lo - 1
        else:
            k, hi = hi, hi + 1
        factor = 1 - 1 / (abs((days[k] - day).days) + 1)
        if best >= 0:
            if factor * floor >= best_cost + _SLACK:
                break
            if factor * bound(k) >= best_cost + _SLACK:
                continue
        c = cost(k)
        if best < 0 or c < best_cost:
            best, best_cost = k, c
            if c == 0:
                break
    return best


def _most(counts: Sequence[Counter]) -> Counter:
    """The most of each word any of `counts` has."""
    most: Counter = Counter()
    for c in counts:
        for w, n in c.items():
            if n > most[w]:
                most[w] = n
    return most


def _reach(words: Counter, most: Counter) -> int:
    """How many of `words` another day can share at most, when no day has more of a word than `most`."""
    return sum(min(n, most[w]) for w, n in words.items())


def _alignments(pred: Sequence[tuple[date, list[str]]], ref: Sequence[tuple[date, list[str]]]
                ) -> tuple[list[int], list[int]]:
    """For each predicted day the gold day of least cost, and for each gold day the predicted day of
    least cost (see align_rouge): the same choice as comparing every pair, found by `_nearest`."""
    uni_p = [Counter(w) for _, w in pred]
    uni_r = [Counter(w) for _, w in ref]
    size_p = [len(w) for _, w in pred]
    size_r = [len(w) for _, w in ref]
    days_p = [d for d, _ in pred]
    days_r = [d for d, _ in ref]
    content: dict[tuple[int, int], float] = {}

    def cost(i: int, j: int) -> float:  # cost[i][j] between predicted day i and gold day j
        if (i, j) not in content:
            content[(i, j)] = 1 - _rouge1_f(uni_p[i], uni_r[j])
        return (1 - 1 / (abs((days_p[i] - days_r[j]).days) + 1)) * content[(i, j)]

    def least(size: int, reach: int, other: int, other_reach: int) -> float:
        """A floor on 1 - ROUGE-1 F of a day of `size` words, `reach` of them shareable, against a
        day of `other` words, `other_reach` of them shareable: F = 2 * shared / (size + other), and
        shared is at most either reach."""
        shared = min(reach, other_reach)
        return 1 - (2 * shared / (size + other) if size + other else 0.0)

    def floor(size: int, reach: int) -> float:
        """The same against any day: F is highest against a day of `reach` words, all shareable."""
        return least(size, reach, reach, reach)

    most_p, most_r = _most(uni_p), _most(uni_r)
    reach_p = [_reach(u, most_r) for u in uni_p]
    reach_r = [_reach(u, most_p) for u in uni_r]
    to_gold = [_nearest(days_r, lambda j, i=i: cost(i, j),
                        lambda j, i=i: least(size_p[i], reach_p[i], size_r[j], reach_r[j]),
                        floor(size_p[i], reach_p[i]), days_p[i]) for i in range(len(pred))] if ref else []
    to_pred = [_nearest(days_p, lambda i, j=j: cost(i, j),
                        lambda i, j=j: least(size_r[j], reach_r[j], size_p[i], reach_p[i]),
                        floor(size_r[j], reach_r[j]), days_r[j]) for j in range(len(ref))] if pred else []
    return to_gold, to_pred


def align_rouge(predicted: Mapping[date, Sequence[str]], gold: Mapping[date, Sequence[str]],
                orders: Sequence[int] = (1, 2)) -> dict[int, Score]:
    """ROUGE-n "align+ m:1" of a predicted timeline against one gold timeline, for each n of
    `orders` (see the module docstring). Of days of equal cost the nearer wins, then the earlier
    (tilse takes the first: a far day whose words are all shared costs 0 as the same day does).
    Each day's best match is searched outward from its date (`_nearest`), not among every pair."""
    pred, ref = _day_words(predicted), _day_words(gold)
    to_gold, to_pred = _alignments(pred, ref)
    scores = {}
    for n in orders:
        grams_p = [ngrams(w, n) for _, w in pred]
        grams_r = [ngrams(w, n) for _, w in ref]

        p_num = sum(_shared(grams_p[i], grams_r[j], pred[i][0], ref[j][0]) for i, j in enumerate(to_gold))
        r_num = sum(_shared(grams_p[i], grams_r[j], pred[i][0], ref[j][0]) for j, i in enumerate(to_pred))
        p_den = sum(sum(g.values()) for g in grams_p)
        r_den = sum(sum(g.values()) for g in grams_r)
        scores[n] = Score(_ratio(p_num, p_den), _ratio(r_num, r_den))
    return scores


def concat_rouge(predicted: Mapping[date, Sequence[str]], gold: Mapping[date, Sequence[str]],
                 orders: Sequence[int] = (1, 2)) -> dict[int, Score]:
    """ROUGE-n of all the predicted text against all the gold text, dates ignored ("concat")."""
    words_p = tokens(" ".join(s for d in sorted(predicted) for s in predicted[d]))
    words_r = tokens(" ".join(s for d in sorted(gold) for s in gold[d]))
    scores = {}
    for n in orders:
        gp, gr = ngrams(words_p, n), ngrams(words_r, n)
        match = sum((gp & gr).values())
        scores[n] = Score(_ratio(match, sum(gp.values())), _ratio(match, sum(gr.values())))
    return scores


METRICS = ("date", "rouge1_align", "rouge2_align", "rouge1_concat", "rouge2_concat")


def score_timeline(predicted: Mapping[date, Sequence[str]], gold: Mapping[date, Sequence[str]]) -> dict[str, Score]:
    """Every metric of one predicted timeline against one gold timeline (keys: METRICS)."""
    align = align_rouge(predicted, gold)
    concat = concat_rouge(predicted, gold)
    return {"date": date_f1(predicted, gold), "rouge1_align": align[1], "rouge2_align": align[2],
            "rouge1_concat": concat[1], "rouge2_concat": concat[2]}


def average(scores: Sequence[Mapping[str, Score]]) -> dict[str, Score]:
    """Precision and recall of each metric averaged over timelines (F is then taken of those)."""
    if not scores:
        return {}
    n = len(scores)
    return {m: Score(sum(s[m].precision for s in scores) / n, sum(s[m].recall for s in scores) / n)
            for m in scores[0]}


# --- systems ---------------------------------------------------------------------------------

Prediction = dict[date, tuple[str, ...]]
System = Callable[..., Prediction]  # (results, *, dates, sentences, start, end) -> Prediction


def day_of(value: str) -> date | None:
    """The day of a TIMEX3 value that names one ("2010-04-20", "2010-04-20T22:00"), else None."""
    if not _DAY.match(value) or value[10:11] not in ("", "T"):
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def story_system(results: Sequence, *, dates: int, sentences: int, start: date, end: date) -> Prediction:
    """The project's story (timeline.story.story), as days and their sentences; a chosen date that
    is not a day (a month, a week) is left out."""
    from timeline.story import story

    told = story(results, dates=dates, sentences=sentences, start=start, end=end)
    out: dict[date, tuple[str, ...]] = {}
    for d in told.dates:
        day = day_of(d.date)
        if day is not None:
            out[day] = out.get(day, ()) + tuple(s.text for s in d.sentences)
    return out


def _top_days(counts: Mapping[date, int], n: int) -> list[date]:
    """The n days of the highest counts (ties: the earlier day first)."""
    return sorted(sorted(counts, key=lambda d: (-counts[d], d))[:n])


def count_days(results: Sequence, *, dates: int, sentences: int, start: date, end: date) -> Prediction:
    """Baseline: the `dates` days within the span that the most articles mention (the day values the
    tagger gives); for each, the first `sentences` distinct sentences that mention it."""
    import bisect

    mentions: dict[date, set[int]] = {}
    said: dict[date, list[str]] = {}
    for n, r in enumerate(results):
        starts = [s.start for s in r.sentences]
        for t in r.timexes:
            day = day_of(t.value) if t.type in ("DATE", "TIME") else None
            if day is None or not start <= day <= end:
                continue
            mentions.setdefault(day, set()).add(n)
            i = bisect.bisect_right(starts, t.start) - 1
            if i >= 0:
                text = " ".join(r.sentences[i].text(r.article.text).split())
                if text not in said.setdefault(day, []):
                    said[day].append(text)
    chosen = _top_days({d: len(a) for d, a in mentions.items()}, dates)
    return {d: tuple(said[d][:sentences]) for d in chosen}


def pub_days(results: Sequence, *, dates: int, sentences: int, start: date, end: date) -> Prediction:
    """Baseline: the `dates` days within the span on which the most articles were published; for
    each, the first sentence of its first `sentences` articles."""
    leads: dict[date, list[str]] = {}
    for r in results:
        day = r.article.published
        if start <= day <= end:
            lead = " ".join(r.sentences[0].text(r.article.text).split()) if r.sentences else ""
            leads.setdefault(day, []).append(lead)
    chosen = _top_days({d: len(v) for d, v in leads.items()}, dates)
    return {d: tuple(t for t in leads[d][:sentences] if t) for d in chosen}


SYSTEMS: dict[str, System] = {"story": story_system, "count-days": count_days, "pub-days": pub_days}


# --- the run ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class TimelineResult:
    """One gold timeline's run: what the system was given and asked for, and its scores."""

    topic: str
    timeline: str
    articles: int  # articles published within the timeline's span
    dates: int  # N
    sentences: int  # K
    predicted: int  # days the system gave
    scores: dict[str, Score]
    predicted_days: tuple[date, ...] = ()
    gold_days: tuple[date, ...] = ()


@dataclass(frozen=True)
class StoryReport:
    system: str
    timelines: tuple[TimelineResult, ...]
    articles: int  # articles processed
    failures: tuple[str, ...] = ()
    seconds: float = 0.0
    processing_seconds: float = 0.0
    system_seconds: float = 0.0
    average: dict[str, Score] = field(default_factory=dict)


@dataclass(frozen=True)
class Prepared:
    """The topics under a folder with their articles processed (`ArticleResult`s, file order): what
    every run of a system on them starts from, so a fitting script processes each article once."""

    topics: tuple[tuple[Topic, tuple], ...]
    articles: int
    failures: tuple[str, ...] = ()
    seconds: float = 0.0


def prepare(path: str | Path, *, jobs: int | None = None, warn: Callable[[str], None] | None = None) -> Prepared:
    """Find the topics under `path` and process each topic's articles once (on `jobs` cores)."""
    began = time.perf_counter()
    failures: list[str] = []

    skipped: list[str] = []

    def heard(message: str) -> None:
        failures.append(message)
        if warn is not None:
            warn(message)

    def passed_over(message: str) -> None:  # a page without article text: a warning
        skipped.append(message)
        if warn is not None:
            warn(message)

    topics = find_topics(path, warn)
    done = tuple((t, tuple(process_topic(t, jobs=jobs, warn=passed_over, failed=heard))) for t in topics)
    read = sum(len(results) for _, results in done) + len(failures) + len(skipped)  # a collection's rows, each
    return Prepared(done, read, tuple(failures), time.perf_counter() - began)


def run_system(prepared: Prepared, system: str | System = "story") -> StoryReport:
    """Run `system` (a name of SYSTEMS or a function of that signature) on every gold timeline of
    the prepared topics with the protocol of the module docstring, and score it."""
    name = system if isinstance(system, str) else getattr(system, "__name__", "system")
    if isinstance(system, str):
        if system not in SYSTEMS:
            raise UserError(f"unknown system {system!r} (one of {', '.join(SYSTEMS)})")
        system = SYSTEMS[system]
    runs: list[TimelineResult] = []
    thinking = 0.0
    for topic, results in prepared.topics:
        for gold in topic.timelines:
            given = in_span(results, gold.start, gold.end)
            t0 = time.perf_counter()
            predicted = system(given, dates=gold.n_dates, sentences=gold.sentences_per_date,
                               start=gold.start, end=gold.end)
            thinking += time.perf_counter() - t0
            runs.append(TimelineResult(topic.name, gold.name, len(given), gold.n_dates, gold.sentences_per_date,
                                       len(predicted), score_timeline(predicted, gold.as_dict()),
                                       tuple(sorted(predicted)), tuple(d for d, _ in gold.days)))
    return StoryReport(name, tuple(runs), prepared.articles, prepared.failures, prepared.seconds + thinking,
                       prepared.seconds, thinking, average([r.scores for r in runs]))


def evaluate_story(path: str | Path, system: str | System = "story", *, jobs: int | None = None,
                   warn: Callable[[str], None] | None = None) -> StoryReport:
    """`timeline eval-story`: prepare the topics under `path` and run `system` on them."""
    if isinstance(system, str) and system not in SYSTEMS:
        raise UserError(f"unknown system {system!r} (one of {', '.join(SYSTEMS)})")
    try:
        import rouge_score  # noqa: F401
    except ImportError:
        raise UserError("eval-story needs rouge-score: pip install 'timeline[eval]'") from None
    return run_system(prepare(path, jobs=jobs, warn=warn), system)


_LABELS = {"date": "Date", "rouge1_align": "R1 align", "rouge2_align": "R2 align",
           "rouge1_concat": "R1 concat", "rouge2_concat": "R2 concat"}


def format_report(report: StoryReport, verbose: bool = False) -> str:
    """The report as a table: F of every metric per timeline, then P, R and F averaged; `verbose`
    adds each timeline's days: found, missed (gold only) and extra (predicted only). Folder and
    file names are shown printable (a control character as its escape, `\\x1b`)."""
    from dataclasses import replace

    from timeline.errors import printable

    report = replace(report, timelines=tuple(replace(r, topic=printable(r.topic), timeline=printable(r.timeline))
                                            for r in report.timelines))
    width = max([len(f"{r.topic}/{r.timeline}") for r in report.timelines] + [len("timeline")])
    head = f"{'timeline':<{width}} {'arts':>5} {'N':>4} {'K':>2} {'pred':>4}  " + \
        "  ".join(f"{_LABELS[m]:>9}" for m in METRICS)
    count = len(report.timelines)
    lines = [f"system: {report.system}; {count} timeline{'' if count == 1 else 's'}; F per timeline", head]
    for r in report.timelines:
        lines.append(f"{r.topic + '/' + r.timeline:<{width}} {r.articles:>5} {r.dates:>4} {r.sentences:>2} "
                     f"{r.predicted:>4}  " + "  ".join(f"{r.scores[m].f:>9.3f}" for m in METRICS))
    if verbose:
        for r in report.timelines:
            got, want = set(r.predicted_days), set(r.gold_days)
            lines.append("")
            lines.append(f"{r.topic}/{r.timeline}:")
            for what, days in (("found", got & want), ("missed", want - got), ("extra", got - want)):
                lines.append(f"  {what:<6} {len(days):>3}: {' '.join(d.isoformat() for d in sorted(days))}")
    lines.append("")
    lines.append("average over timelines (precision and recall averaged, then F):")
    for m in METRICS:
        s = report.average.get(m)
        if s is not None:
            lines.append(f"  {_LABELS[m]:<10} P {s.precision:.3f}  R {s.recall:.3f}  F {s.f:.3f}")
    lines.append(f"time: {report.seconds:.1f} s ({report.articles} articles processed in "
                 f"{report.processing_seconds:.1f} s, system {report.system_seconds:.1f} s)")
    if report.failures:
        lines.append(f"{len(report.failures)} articles could not be read (listed on stderr)")
    return "\n".join(lines)


def report_to_dict(report: StoryReport) -> dict[str, object]:
    return {
        "system": report.system,
        "timelines": [{"topic": r.topic, "timeline": r.timeline, "articles": r.articles, "dates": r.dates,
                       "sentences": r.sentences, "predicted": r.predicted,
                       "predicted_days": [d.isoformat() for d in r.predicted_days],
                       "gold_days": [d.isoformat() for d in r.gold_days],
                       "scores": {m: s.as_dict() for m, s in r.scores.items()}} for r in report.timelines],
        "average": {m: s.as_dict() for m, s in report.average.items()},
        "articles": report.articles,
        "failures": list(report.failures),
        "seconds": round(report.seconds, 2),
        "processing_seconds": round(report.processing_seconds, 2),
        "system_seconds": round(report.system_seconds, 2),
    }
