"""Benchmark: the whole pipeline is linear. `timeline extract` of one article of 1, 4 and 16 MB, each a
fresh process, for news text and for inputs built to make a careless pipeline quadratic.

    python benchmarks/linear.py                 # 1, 4, 16 MB; TBAQ at ../shared/data/tbaq
    python benchmarks/linear.py --sizes 1 4     # quicker

Kinds of input: news text (the TBAQ documents, repeated), one endless sentence of dates
("1 January 2020 1 January 2020 ..."), and the same short dated sentence thousands of times
("Updated on 5 May 2025."); and saved pages of many links, or of many <time> and <meta> tags,
up to the reader's 10 MB limit. For each it prints the wall time and peak memory, and the ratio of each
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


# Saved web pages built to make a careless reader quadratic or greedy (issue 16 C13): a short story
# followed by thousands of links, or by thousands of <time> and <meta> date tags. A page is read up
# to the reader's limit (10 MB), so larger sizes are skipped for these.
PAGE_HEAD = ('<!DOCTYPE html><html><head><title>Budget approved</title>'
             '<meta property="article:published_time" content="2026-01-31T10:00:00Z">{head}</head><body><article>'
             '<h1>Budget approved</h1><p>' + "The council met on Tuesday and voted to approve the budget. " * 20
             + '</p></article>{body}</body></html>')


def many_links_page(size: int) -> str:
    unit = '<a href="/s/{i}">Story number {i} about the council</a>\n'
    return PAGE_HEAD.format(head="", body="<div>" + "".join(unit.format(i=i) for i in range(size // 50)) + "</div>")


def many_stamps_page(size: int) -> str:
    times = "".join(f'<time datetime="2025-03-{i % 28 + 1:02}T10:00:00Z">{i}</time>' for i in range(size // 100))
    metas = "".join(f'<meta name="date{i}" content="2025-03-{i % 28 + 1:02}T10:00:00-05:00">'
                    for i in range(size // 100))
    return PAGE_HEAD.format(head=metas, body="<div>" + times + "</div>")


PAGE_KINDS = {"a page of many links": many_links_page, "a page of many time and meta tags": many_stamps_page}
PAGE_LIMIT_MB = 10


def pages(sizes: list[int], tmp: str, tl: list[str]) -> None:
    """The rows of the saved-page inputs, each size read by `timeline extract`."""
    for kind, make in PAGE_KINDS.items():
        before = None
        for size in (s for s in sizes if s < PAGE_LIMIT_MB):
            path = Path(tmp) / "page.html"
            path.write_text(make(size * MB), encoding="utf-8")
            wall, peak = run([*tl, "extract", str(path), "-f", "json", "-o", str(Path(tmp) / "out.json"), "--force"])
            ratio = f"{wall / before:.1f}" if before else ""
            print(f"| {kind} | {size} MB | {wall:.2f} s | {peak:.0f} MB | {ratio} |", flush=True)
            before = wall


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
        pages(args.sizes, tmp, tl)
    return 0


if __name__ == "__main__":
    sys.exit(main())
