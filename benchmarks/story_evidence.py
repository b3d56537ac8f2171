"""Try new evidence for the days of timeline.story, leave one story out, before shipping any.

    python benchmarks/story_evidence.py                  # every candidate in CANDIDATES
    python benchmarks/story_evidence.py opportunity deep # only these
    python benchmarks/story_evidence.py --cache /tmp/t17 # the processed articles (as fit_story.py)
    python benchmarks/story_evidence.py --also ../shared/data/mlcrisis/es --also ../shared/data/mlcrisis/fr
                                 # and, fitted on all the dev stories, Date-F1 on other stories

Each candidate is one more count per day, x, added to the shipped score as w * log(1 + x), with w
searched over CANDIDATE_WEIGHTS together with the grid of fit_story.py (Weights.GRID): fitted on
three Timeline17 dev stories (the centre of the best grid points, as fit_story.py fits), Date-F1
measured on the fourth, for each of the four. A candidate earns a place in timeline.story only
when that leave-one-story-out figure rises by more than noise, and its neighbours (the same
count with a slightly different definition, printed next to it) rise as well: with 10 gold
timelines, one day more or less on a timeline of 9 days moves the mean by 0.01.

The counts are computed here from the articles the story reads (their date expressions, as
timeline.story's `_mentions` reads them, and their publication days), for experiments only.
"""

from __future__ import annotations

import argparse
import math
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import fit_story  # noqa: E402 (the loaders and the fit of the shipped weights)

from timeline.story import LOOK_BACK_DAYS, DayEvidence, Weights, choose_days, day_evidence, day_timexes  # noqa: E402
from timeline.temporal.vocab import MONTHS  # noqa: E402

#: The weights tried for a candidate's log(1 + count), with the grid of Weights.GRID.
CANDIDATE_WEIGHTS = (0.0, 0.25, 0.5, -0.25, -0.5)

_MONTH = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, MONTHS), key=len, reverse=True)) + r")\b", re.I)
_NUMERIC = re.compile(r"\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}")

Counts = dict[date, float]


def mention_kinds(r) -> dict[date, tuple[str, int]]:  # noqa: ANN001 (an ArticleResult)
    """The days an article names (as timeline.story counts them), each with how it names it at
    best ("calendar": a month or a numeric date, "April 20", "20/4/2010"; "deictic": on the
    publication date, "Tuesday", "yesterday"; "anaphoric": on a date the text named before, "the
    next day"; "other") and the index of the first sentence that names it."""
    rank = {"calendar": 0, "deictic": 1, "anaphoric": 2, "other": 3}
    out: dict[date, tuple[str, int]] = {}
    for d, index, t in day_timexes(r):
        kind = ("calendar" if _MONTH.search(t.text) or _NUMERIC.search(t.text)
                else {"publication": "deictic", "previous": "anaphoric"}.get(t.anchor or "", "other"))
        sentence = max(0, index)
        old = out.get(d)
        out[d] = (min(kind, old[0], key=rank.__getitem__) if old else kind, min(sentence, old[1]) if old else sentence)
    return out


def _per_article(keep: Callable[[date, date, str, int], bool]) -> Callable[[Sequence, date, date], Counts]:
    """A count of the articles naming a day that `keep(day, published, kind, first sentence)`."""
    def count(results: Sequence, lo: date, hi: date) -> Counts:
        out: Counts = defaultdict(float)
        for r in results:
            for d, (kind, first) in mention_kinds(r).items():
                if lo <= d <= hi and keep(d, r.article.published, kind, first):
                    out[d] += 1
        return out
    return count


def _published(window: Callable[[date, dict[date, int]], float]) -> Callable[[Sequence, date, date], Counts]:
    """A count of each day of the span from the articles' publication days."""
    def count(results: Sequence, lo: date, hi: date) -> Counts:
        per_day = Counter(r.article.published for r in results)
        return {lo + timedelta(k): window(lo + timedelta(k), per_day) for k in range((hi - lo).days + 1)}
    return count


def _after(offset: int) -> Callable[[date, dict[date, int]], float]:
    """The articles published from `offset` days before the day on: those that could mention it."""
    return lambda d, per_day: float(sum(n for p, n in per_day.items() if p >= d - timedelta(offset)))


def _around(days: int) -> Callable[[date, dict[date, int]], float]:
    return lambda d, per_day: float(sum(per_day.get(d + timedelta(k), 0) for k in range(-days, days + 1)))


def _burst(d: date, per_day: dict[date, int]) -> float:
    """Articles a day on the day and the two after, over the story's articles a day (x 10)."""
    usual = sum(per_day.values()) / max(1, len(per_day))
    return 10 * sum(per_day.get(d + timedelta(k), 0) for k in range(3)) / 3 / usual


#: name -> (what it counts, how it is counted).
CANDIDATES: dict[str, tuple[str, Callable[[Sequence, date, date], Counts]]] = {
    "calendar_later": ("articles a week or more later naming the day by its calendar date",
                       _per_article(lambda d, pub, kind, first: kind == "calendar"
                                    and (pub - d).days >= LOOK_BACK_DAYS)),
    "calendar": ("articles naming the day by its calendar date",
                 _per_article(lambda d, pub, kind, first: kind == "calendar")),
    "anaphoric": ("articles naming the day only against a date they named before",
                  _per_article(lambda d, pub, kind, first: kind == "anaphoric")),
    "deictic": ("articles naming the day only against their publication date",
                _per_article(lambda d, pub, kind, first: kind == "deictic")),
    "deep": ("articles naming the day first in their 11th sentence or later",
             _per_article(lambda d, pub, kind, first: first >= 10)),
    "burst": ("articles published on the day and the 2 after, against the usual day", _published(_burst)),
    "local_3": ("articles published within 3 days of the day", _published(_around(3))),
    "local_7": ("articles published within 7 days of the day", _published(_around(7))),
    "opportunity_0": ("articles published on the day or later (that could look back at it)", _published(_after(0))),
    "opportunity_1": ("articles published from the day before on", _published(_after(1))),
    "opportunity_2": ("articles published from 2 days before on", _published(_after(2))),
}


@dataclass(frozen=True)
class WithCandidate:
    """The shipped score plus weight * log(1 + a candidate's count of the day); what choose_days
    asks of its weights (`score`, `merge`). The count is looked up by the evidence object."""

    base: Weights
    weight: float
    counts: dict[int, float]  # id(DayEvidence) -> count

    @property
    def merge(self) -> float:
        return self.base.merge

    def score(self, ev: DayEvidence) -> float:
        return self.base.score(ev) + self.weight * math.log1p(self.counts.get(id(ev), 0.0))


@dataclass(frozen=True)
class Case:
    """One gold timeline: its topic, name, gold days, day evidence and a candidate's counts."""

    topic: str
    name: str
    gold: set[str]
    evidence: dict[date, DayEvidence]
    counts: dict[int, float]


def cases(results: dict[str, list], golds: list, candidate: Callable[[Sequence, date, date], Counts]) -> list[Case]:
    out = []
    for g in golds:
        lo, hi = g.span
        rs = [r for r in results[g.topic] if lo <= r.article.published <= hi]
        evidence = day_evidence(rs, start=lo, end=hi)
        counts = candidate(rs, lo, hi)
        out.append(Case(g.topic, g.name, set(g.dates), evidence,
                        {id(ev): counts.get(d, 0.0) for d, ev in evidence.items()}))
    return out


def score(c: Case, w: Weights, weight: float) -> float:
    days = choose_days(c.evidence, len(c.gold), WithCandidate(w, weight, c.counts))  # type: ignore[arg-type]
    return fit_story.date_f1({s.date.isoformat() for s in days}, c.gold)


def try_candidate(all_cases: list[Case]) -> tuple[list[float], list[float], Weights, float]:
    """Date-F1 per timeline left one story out and fitted on all, and the weights fitted on all."""
    points = [(w, x) for w in fit_story.grid() for x in CANDIDATE_WEIGHTS]
    table = [[score(c, w, x) for c in all_cases] for w, x in points]
    topics = sorted({c.topic for c in all_cases})

    def fitted(keep: list[int]) -> tuple[Weights, float]:
        means = [fit_story.mean(row[i] for i in keep) for row in table]
        best = max(means)
        tied = [points[j] for j, m in enumerate(means) if m >= best - fit_story.TIE]
        w = fit_story.centre_of_best([(p[0], 1.0) for p in tied])
        return w, round(fit_story.mean(p[1] for p in tied), 4)

    held = [0.0] * len(all_cases)
    for topic in topics:
        w, x = fitted([i for i, c in enumerate(all_cases) if c.topic != topic])
        for i, c in enumerate(all_cases):
            if c.topic == topic:
                held[i] = score(c, w, x)
    w, x = fitted(list(range(len(all_cases))))
    return held, [score(c, w, x) for c in all_cases], w, x


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("names", nargs="*", help=f"candidates to try (default all: {', '.join(CANDIDATES)})")
    ap.add_argument("--data", type=Path, default=fit_story.DEFAULT_DATA)
    ap.add_argument("--cache", type=Path, default=None, help="as fit_story.py --cache")
    ap.add_argument("--also", type=Path, action="append", default=[],
                    help="stories laid out as --data, measured with the weights fitted on all of --data")
    args = ap.parse_args(argv)
    unknown = [n for n in args.names if n not in CANDIDATES]
    if unknown:
        print(f"story_evidence.py: unknown candidate {unknown[0]!r} (known: {', '.join(CANDIDATES)})", file=sys.stderr)
        return 2
    cache = args.cache or fit_story.default_cache()
    results, golds = fit_story.load_all(args.data, cache)
    others: dict[str, list] = {}  # the --also stories, their topics named after their folder
    other_golds: list = []
    for path in args.also:
        rs, gs = fit_story.load_all(path, cache / re.sub(r"\W+", "-", str(path.resolve())).strip("-"))
        for topic, items in rs.items():
            others[f"{path.name}/{topic}"] = items
        other_golds += [replace(g, topic=f"{path.name}/{g.topic}") for g in gs]

    def also(candidate: Callable[[Sequence, date, date], Counts], w: Weights, x: float) -> str:
        if not other_golds:
            return ""
        scores = [score(c, w, x) for c in cases(others, other_golds, candidate)]
        return f"   also {fit_story.mean(scores):.3f} (" + " ".join(f"{s:.2f}" for s in scores) + ")"

    def nothing(rs: Sequence, lo: date, hi: date) -> Counts:
        return {}

    held, full, w, x = try_candidate(cases(results, golds, nothing))
    names = [f"{c.topic}/{c.name}"[:14] for c in cases(results, golds, nothing)]
    print(f"{'candidate':16s} {'LOO':>6s} {'all':>6s} {'w':>6s}   held-out Date-F1 per timeline ({' '.join(names)})"
          + (f"; also: {', '.join(g.topic + '/' + g.name for g in other_golds)}" if other_golds else ""))
    print(f"{'(six counts)':16s} {fit_story.mean(held):6.3f} {fit_story.mean(full):6.3f} {'':6s}   "
          + " ".join(f"{v:.2f}" for v in held) + also(nothing, w, x))
    for name in args.names or CANDIDATES:
        candidate = CANDIDATES[name][1]
        held_c, full_c, w, x = try_candidate(cases(results, golds, candidate))
        moved = " ".join(f"{b:.2f}" if abs(b - a) < 1e-9 else f"{b:.2f}{'+' if b > a else '-'}"
                         for a, b in zip(held, held_c, strict=True))
        print(f"{name:16s} {fit_story.mean(held_c):6.3f} {fit_story.mean(full_c):6.3f} {x:6.3f}   {moved}"
              + also(candidate, w, x))
    return 0


if __name__ == "__main__":
    sys.exit(main())
