"""Benchmark: the whole pipeline is linear. `timeline extract` of one article of 1, 4 and 16 MB, each a
fresh process, for news text and for inputs built to make a careless pipeline quadratic.

    python benchmarks/linear.py                 # 1, 4, 16 MB; TBAQ at ../shared/data/tbaq
    python benchmarks/linear.py --sizes 1 4     # quicker

Kinds of input: news text (the TBAQ documents, repeated), one endless sentence of dates
("1 January 2020 1 January 2020 ..."), and the same short dated sentence thousands of times
("Updated on 5 May 2025."). For each it prints the wall time and peak memory, and the ratio of each
size to the one before: 4.0 would be exactly linear for 4x the input; the target is at most 5.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scale import DEFAULT_CORPUS, run, timeline_cmd  # noqa: E402

MB = 1_000_000


def news_text(corpus: Path) -> str:
    from timeline.evaluate import read_corpus

    return "\n\n".join(d.text.strip() for d in read_corpus(corpus))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--sizes", type=int, nargs="+", default=[1, 4, 16], help="article sizes in MB")
    args = ap.parse_args(argv)
    kinds = {
        "news text": news_text(args.corpus),
        "one sentence of dates": "1 January 2020 ",
        "a dated sentence repeated": "Updated on 5 May 2025. ",
    }
    tl = timeline_cmd()
    print("| input | size | wall | peak memory | × the size before |\n|---|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory(prefix="timeline-linear-") as tmp:
        for kind, unit in kinds.items():
            before = None
            for size in args.sizes:
                text = (unit * (size * MB // len(unit) + 1))[:size * MB]
                path = Path(tmp) / "article.txt"
                path.write_text(text, encoding="utf-8")
                wall, peak = run([*tl, "extract", str(path), "--published", "2026-01-31", "-f", "json",
                                  "-o", str(Path(tmp) / "out.json"), "--force"])
                ratio = f"{wall / before:.1f}" if before else ""
                print(f"| {kind} | {size} MB | {wall:.2f} s | {peak:.0f} MB | {ratio} |", flush=True)
                before = wall
    return 0


if __name__ == "__main__":
    sys.exit(main())
