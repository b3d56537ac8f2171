"""Benchmark: timeline.tag against dateparser's search_dates on the same news text, in one run.

    python benchmarks/tagger.py                      # TBAQ at ../shared/data/tbaq
    python benchmarks/tagger.py --corpus PATH --repeat 3 --skip-large

Prints characters per second for each tagger and their ratio, then timings of `timeline.tag` on
1 MB and 10 MB inputs (the corpus text repeated) to show that recognition stays linear.
Figures are wall-clock on one core; run it on an idle machine.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import warnings
from collections.abc import Callable
from datetime import date, datetime
from functools import partial
from pathlib import Path

from timeline.evaluate import read_corpus
from timeline.temporal import tag

DEFAULT_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "tbaq"


def best_of(repeat: int, fn: Callable[[], object]) -> float:
    """The fastest of `repeat` runs, in seconds (the least disturbed by other work)."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="TimeML file or folder (default: TBAQ)")
    ap.add_argument("--repeat", type=int, default=3, help="runs of timeline.tag; the best counts (default 3)")
    ap.add_argument("--skip-large", action="store_true", help="skip the 1 MB / 10 MB linearity runs")
    ap.add_argument("--skip-dateparser", action="store_true", help="do not time dateparser")
    args = ap.parse_args(argv)

    if not args.corpus.exists():
        print(f"benchmark: {args.corpus}: no such corpus (pass --corpus)", file=sys.stderr)
        return 2
    docs = read_corpus(args.corpus)
    chars = sum(len(d.text) for d in docs)
    print(f"corpus: {args.corpus} ({len(docs)} documents, {chars:,} characters)")

    def ours() -> None:
        for d in docs:
            tag(d.text, d.dct)

    ours()  # warm up (imports, regex compilation)
    t_ours = best_of(args.repeat, ours)
    ours_rate = chars / t_ours
    print(f"timeline.tag:                 {t_ours:8.3f} s  {ours_rate:12,.0f} chars/s")

    if not args.skip_dateparser:
        from dateparser.search import search_dates

        def theirs() -> None:
            for d in docs:
                settings = {"RELATIVE_BASE": datetime(d.dct.year, d.dct.month, d.dct.day)}
                search_dates(d.text, languages=["en"], settings=settings)

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            search_dates("warm up on Friday", languages=["en"])
            t_theirs = best_of(1, theirs)
        theirs_rate = chars / t_theirs
        print(f"dateparser.search_dates:      {t_theirs:8.3f} s  {theirs_rate:12,.0f} chars/s")
        print(f"ratio (timeline / dateparser): {ours_rate / theirs_rate:,.1f}x")

    if not args.skip_large:
        text = "\n\n".join(d.text for d in docs)
        dct = date(1998, 2, 6)
        rates = []
        for size in (1_000_000, 10_000_000):
            big = (text * (size // len(text) + 1))[:size]
            t = best_of(1, partial(tag, big, dct))
            rates.append(size / t)
            print(f"timeline.tag on {size / 1e6:4.0f} MB:        {t:8.3f} s  {size / t:12,.0f} chars/s")
        spread = (max(rates) - min(rates)) / statistics.mean(rates)
        print(f"linearity: chars/s at 10 MB is {rates[1] / rates[0]:.2f} of the rate at 1 MB "
              f"(spread {spread:.0%})")
        # Input built to make a backtracking regex blow up: runs of digits, near-miss words and
        # modifiers with no complete expression between them.
        hostile = ("1 " * 50 + "Jan. " * 20 + "the the the " * 20 + "9-9-9-" * 20 + "last last next " * 20
                   + "a few several " * 20 + "nineteen ninety " * 20 + "about about " * 20)
        for size in (100_000, 1_000_000):
            big = (hostile * (size // len(hostile) + 1))[:size]
            t = best_of(1, partial(tag, big, dct))
            print(f"hostile input, {size / 1e6:.1f} MB:        {t:8.3f} s  {size / t:12,.0f} chars/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
