"""Benchmark: characters per second of each tagger, in one run: the English rules (`timeline.tag`)
on TBAQ, and the tagger for other languages (`timeline.temporal.foreign.tag_foreign`, dateparser
behind it) on the ML-Crisis articles of each language, next to dateparser's bare `search_dates`
over the same texts.

    python benchmarks/foreign.py                     # data at ../shared/data
    python benchmarks/foreign.py --data PATH --limit 40 --repeat 1

Wall-clock on one core, the best of --repeat runs; the machine is shared, so compare the figures
of one run with each other, not with another run's.
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path

from tagger import best_of  # noqa: E402  (benchmarks/ is the script's folder)

DEFAULT_DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the folder holding tbaq/ and mlcrisis/")
    ap.add_argument("--limit", type=int, default=40, help="articles a language (default 40)")
    ap.add_argument("--repeat", type=int, default=2, help="runs; the best counts (default 2)")
    args = ap.parse_args(argv)
    if not (args.data / "mlcrisis").is_dir():
        print(f"benchmark: {args.data}: no mlcrisis/ there (pass --data)", file=sys.stderr)
        return 2

    from dateparser.search import search_dates

    from timeline.evaluate import read_corpus
    from timeline.readers import load_article
    from timeline.temporal import tag
    from timeline.temporal.foreign import tag_foreign

    if (args.data / "tbaq").is_dir():
        docs = read_corpus(args.data / "tbaq")
        chars = sum(len(d.text) for d in docs)
        for d in docs[:5]:
            tag(d.text, d.dct)  # warm up
        seconds = best_of(args.repeat, lambda: [tag(d.text, d.dct) for d in docs])
        print(f"rules (en)           {chars / seconds:>12,.0f} chars/s   ({len(docs)} TBAQ documents, {chars:,} chars)")
    for lang in ("es", "fr", "it"):
        files = sorted((args.data / "mlcrisis" / lang).rglob("articles/*.txt"))[:args.limit]
        articles = [load_article(str(f)) for f in files]
        chars = sum(len(a.text) for a in articles)
        tag_foreign(articles[0].text, articles[0].published, lang)  # warm up (dateparser's locale)

        def tagged(articles: list = articles) -> None:  # type: ignore[type-arg]
            for a in articles:
                tag_foreign(a.text, a.published, a.lang)

        ours = best_of(args.repeat, tagged)

        def bare(articles: list = articles, lang: str = lang) -> None:  # type: ignore[type-arg]
            for a in articles:
                base = datetime(a.published.year, a.published.month, a.published.day)
                search_dates(a.text, languages=[lang], settings={"RELATIVE_BASE": base})

        theirs = best_of(args.repeat, bare)
        print(f"dateparser tagger ({lang}) {chars / ours:>10,.0f} chars/s   "
              f"({len(articles)} articles, {chars:,} chars)")
        print(f"search_dates bare ({lang}) {chars / theirs:>10,.0f} chars/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
