"""Benchmark: the whole pipeline is linear. Each figure is a fresh `timeline` process.

    python benchmarks/linear.py                         # extract of 1, 4, 16 MB; TBAQ at ../shared/data/tbaq
    python benchmarks/linear.py --sizes 1 4             # quicker
    python benchmarks/linear.py --only lines            # one kind of input (see KINDS)
    python benchmarks/linear.py --rows 50000 200000     # `timeline events` of N one-sentence rows, --jobs 1
    python benchmarks/linear.py --rows 200000 1000000 --no-extract   # the memory and rows/s targets

`timeline extract` of one article of each size, for news text and for inputs built to make a
careless pipeline quadratic: paragraphs separated by blank lines (TBAQ documents, repeated), the
bundled seed's sentences one per line (single-line paragraphs: a line break at every sentence), one
endless sentence of dates ("1 January 2020 1 January 2020 ..."), a short dated sentence
thousands of times ("Updated on 5 May 2025."), the sentence of dates with no publication date
given (inferred from the text), a Markdown paragraph on one line of marks never
closed ("[a ![b <c *e _f `h ..."), and saved pages of many links, or of many <time>
and <meta> tags, up to the reader's 10 MB limit. For each it prints the size, the wall time, the peak
memory (largest resident set of the process tree) and the ratio of each time to the one before:
4.0 is exactly linear for 4x the input; the target is at most 5.

`--rows N...`: `timeline events` of a JSON Lines collection of N rows, each one sentence of the
seed with a publication date, to JSON Lines (`--rows-format`), with `--jobs 1`: wall and CPU
time, rows a CPU second and peak memory (targets: 200,000 rows under 300 MB, at least 20,000 rows
a second), and the ratio of each CPU time to the one before.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scale import DEFAULT_CORPUS, SEED, run, timeline_cmd  # noqa: E402

MB = 1_000_000
KINDS = ("news", "lines", "dates", "repeated", "undated", "markup", "links", "stamps")
# The one input read without --published: its publication date is inferred from the text, which
# reads the tense of every dated sentence.
UNDATED = "one sentence of dates, no publication date"
#: The kinds read as Markdown (article.md): the others are plain text (article.txt).
MARKDOWN = "a line of Markdown marks never closed"


def news_text(corpus: Path) -> str:
    from timeline.evaluate import read_corpus

    return "\n\n".join(d.text.strip() for d in read_corpus(corpus))


def seed_sentences() -> list[str]:
    """The sentences of the bundled seed article, each on one line."""
    from timeline.article import split_front_matter
    from timeline.text import segment

    _, body = split_front_matter(SEED.read_text(encoding="utf-8"), str(SEED))
    return [" ".join(s.text(body).split()) for s in segment(body)]


def units(corpus: Path, only: list[str] | None) -> dict[str, str]:
    makers = {
        "news": ("news text (blank-line paragraphs)", lambda: news_text(corpus)),
        "lines": ("seed sentences one per line", lambda: "\n".join(seed_sentences()) + "\n"),
        "dates": ("one sentence of dates", lambda: "1 January 2020 "),
        "repeated": ("a dated sentence repeated", lambda: "Updated on 5 May 2025. "),
        "undated": (UNDATED, lambda: "On 1 January 2020 "),
        # one paragraph on one line: each mark once scanned the rest of the line for its closer
        "markup": (MARKDOWN, lambda: "On 5 May 2025 [a ![b <c <http:d *e _f ~~g `h ``i "),
    }
    return {label: make() for key, (label, make) in makers.items() if not only or key in only}


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


PAGE_KINDS = {"links": ("a page of many links", many_links_page),
              "stamps": ("a page of many time and meta tags", many_stamps_page)}
PAGE_LIMIT_MB = 10


def pages(sizes: list[int], tmp: str, tl: list[str], only: list[str] | None = None) -> None:
    """The rows of the saved-page inputs, each size read by `timeline extract`."""
    for key, (kind, make) in PAGE_KINDS.items():
        if only and key not in only:
            continue
        before = None
        for size in (s for s in sizes if s < PAGE_LIMIT_MB):
            path = Path(tmp) / "page.html"
            path.write_text(make(size * MB), encoding="utf-8")
            wall, peak = run([*tl, "extract", str(path), "-f", "json", "-o", str(Path(tmp) / "out.json"), "--force"])
            ratio = f"{wall / before:.1f}" if before else ""
            print(f"| {kind} | {size} MB | {wall:.2f} s | {peak:.0f} MB | {ratio} |", flush=True)
            before = wall


def extract_table(args: argparse.Namespace, tmp: Path) -> None:
    tl = timeline_cmd()
    print("| input | size | wall | peak memory | × the time before |\n|---|---:|---:|---:|---:|")
    for kind, unit in units(args.corpus, args.only).items():
        before = None
        for size in args.sizes:
            text = (unit * (size * MB // len(unit) + 1))[:size * MB]
            path = tmp / ("article.md" if kind == MARKDOWN else "article.txt")
            path.write_text(text, encoding="utf-8")
            published = [] if kind == UNDATED else ["--published", "2026-01-31"]
            wall, peak = run([*tl, "extract", str(path), *published, "-f", "json",
                              "-o", str(tmp / "out.json"), "--force"])
            ratio = f"{wall / before:.1f}" if before else ""
            print(f"| {kind} | {size} MB | {wall:.2f} s | {peak:.0f} MB | {ratio} |", flush=True)
            before = wall
    pages(args.sizes, str(tmp), tl, args.only)


def write_rows(path: Path, n: int) -> None:
    """`n` rows of one sentence each (the seed's, in turn), dated 2026-01-31."""
    sentences = seed_sentences()
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(json.dumps({"published": "2026-01-31", "text": sentences[i % len(sentences)]}) + "\n")


def run_cpu(argv: list[str]) -> tuple[float, float, float]:
    """(wall seconds, CPU seconds, peak resident MB) of one fresh process tree running `argv`: on a
    busy machine the CPU time is the fairer figure for "rows a second on one core"."""
    probe = ("import resource, subprocess, sys, time\n"
             "t = time.perf_counter()\n"
             "r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL)\n"
             "t = time.perf_counter() - t\n"
             "u = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
             "print(t, u.ru_utime + u.ru_stime, u.ru_maxrss, r.returncode)\n")
    out = subprocess.run([sys.executable, "-c", probe, *argv], capture_output=True, text=True, check=True)
    wall, cpu, peak_kb, code = out.stdout.split()
    if code not in ("0", "1"):
        raise SystemExit(f"benchmark: {' '.join(argv)} exited {code}:\n{out.stderr}")
    return float(wall), float(cpu), int(peak_kb) / 1024


def rows_table(args: argparse.Namespace, tmp: Path) -> None:
    tl = timeline_cmd()
    print("| rows | input | wall | CPU | rows/s (CPU) | peak memory | events | × the time before |\n"
          "|---:|---:|---:|---:|---:|---:|---:|---:|")
    before = None
    for n in args.rows:
        src = tmp / "rows.jsonl"
        write_rows(src, n)
        out = tmp / f"events.{args.rows_format}"
        out.unlink(missing_ok=True)
        wall, cpu, peak = run_cpu([*tl, "events", str(src), "-o", str(out), "--jobs", "1", "--quiet"])
        ratio = f"{cpu / before:.1f}" if before else ""
        print(f"| {n:,} | {src.stat().st_size / MB:.1f} MB | {wall:.1f} s | {cpu:.1f} s | {n / cpu:,.0f} | "
              f"{peak:.0f} MB | {_count(out):,} | {ratio} |", flush=True)
        before = cpu


def _count(out: Path) -> int:
    if not out.exists():
        return 0
    if out.suffix == ".parquet":
        import pyarrow.parquet as pq

        return int(pq.ParquetFile(out).metadata.num_rows)
    with out.open("rb") as fh:
        return sum(1 for _ in fh) - (out.suffix == ".csv")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--sizes", type=int, nargs="+", default=[1, 4, 16], help="article sizes in MB")
    ap.add_argument("--only", nargs="+", choices=KINDS, help="only these kinds of article")
    ap.add_argument("--rows", type=int, nargs="+", default=[], help="also `timeline events` of N one-sentence rows")
    ap.add_argument("--rows-format", choices=("jsonl", "csv", "parquet"), default="jsonl",
                    help="the table `events` writes (default: jsonl)")
    ap.add_argument("--no-extract", action="store_true", help="skip the `extract` table")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="timeline-linear-") as tmp:
        if not args.no_extract:
            extract_table(args, Path(tmp))
        if args.rows:
            rows_table(args, Path(tmp))
    return 0


if __name__ == "__main__":
    sys.exit(main())
