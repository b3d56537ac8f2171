"""Benchmark: `timeline story` of a whole collection, cold, as a user runs it.

    python benchmarks/story.py                               # ../shared/data/t17/bpoil/articles
    python benchmarks/story.py --articles DIR --runs 3 --jobs 2

Prints the wall time of a fresh `timeline story DIR -o FILE -f html` process (reading, tagging on
every core, choosing the days and sentences, rendering), the median of --runs, the size of the
input, and the share of the time the story itself takes (timed in this process on results
processed once). The machine's other work shows in the figures: run it on a quiet machine, and
compare with a baseline measured in the same run (`--baseline` times `timeline events` of the
same folder, which reads and tags the same articles but chooses nothing).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "data" / "t17" / "bpoil" / "articles"


def timeline_cmd() -> list[str]:
    script = Path(sys.executable).with_name("timeline")
    return [str(script)] if script.exists() else [sys.executable, "-m", "timeline.cli"]


def wall(argv: list[str]) -> float:
    t = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=Path, default=DEFAULT)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--jobs", type=int, default=None, help="--jobs for timeline (default: every core)")
    ap.add_argument("--baseline", action="store_true", help="also time `timeline events` of the same folder")
    args = ap.parse_args(argv)
    files = [p for p in args.articles.rglob("*") if p.is_file()]
    size = sum(p.stat().st_size for p in files)
    jobs = ["--jobs", str(args.jobs)] if args.jobs else []
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "story.html"
        story = [*timeline_cmd(), "story", str(args.articles), "-o", str(out), "-f", "html", "-q", "--force", *jobs]
        events = [*timeline_cmd(), "events", str(args.articles), "-o", str(Path(tmp) / "e.jsonl"), "-q", "--force",
                  *jobs]
        wall(story)  # the disk cache warm, as for a user's second look; each run is a fresh process
        times = [wall(story) for _ in range(args.runs)]
        base = [wall(events) for _ in range(args.runs)] if args.baseline else []
    print(f"input: {len(files)} articles, {size / 1e6:.1f} MB ({args.articles})")
    print(f"timeline story -f html, cold process: median {statistics.median(times):.1f} s "
          f"(runs: {', '.join(f'{t:.1f}' for t in times)})")
    if base:
        print(f"timeline events (same reading, no story), same run: median {statistics.median(base):.1f} s")

    from timeline.batch import collect_items, process_items
    from timeline.pipeline import ArticleResult
    from timeline.render import render_story
    from timeline.story import story as make_story

    outcomes, _, _ = process_items(collect_items([str(args.articles)]), jobs=args.jobs)
    results = [o for o in outcomes if isinstance(o, ArticleResult)]
    t = time.perf_counter()
    st = make_story(results)
    render_story(st, "html")
    print(f"the story itself (days, sentences, HTML) of {len(results)} processed articles: "
          f"{time.perf_counter() - t:.2f} s, {len(st.dates)} dates")
    return 0


if __name__ == "__main__":
    sys.exit(main())
