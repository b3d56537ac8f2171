"""Benchmark: `timeline story` holds what it needs of each article, not the corpus. Each figure is a
fresh `timeline story ARTICLES --jobs 1` process.

    python benchmarks/story_memory.py                                   # bpoil of Timeline17, x1 and x3
    python benchmarks/story_memory.py ../shared/data/t17/MJ/articles --copies 1 2 4
    python benchmarks/story_memory.py --against ../wt-base              # and another checkout, same run

The folder's articles are copied N times under distinct names into a scratch folder (N times the
articles, each copy its own article), and `timeline story` of each is run once with --jobs 1 (one
process: its peak resident memory is the story's). For each checkout (this one, and `--against`'s,
its `timeline` package imported by PYTHONPATH) it prints the articles, the MB of article files, the
wall time, the peak resident MB, and how much the peak grew per MB of articles against the first
size (what a story that held every article would grow by several times).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scale import ROOT, measure, timeline_cmd  # noqa: E402

MB = 1_000_000
DEFAULT_ARTICLES = ROOT.parent / "shared" / "data" / "t17" / "bpoil" / "articles"


def copies(src: Path, n: int, into: Path) -> tuple[int, int]:
    """N copies of the article files of `src` (recursively) in `into`, each under its own name
    (COPY-PATH with slashes as "__"); (files, bytes)."""
    into.mkdir(parents=True)
    files = sorted(p for p in src.rglob("*") if p.is_file())
    size = 0
    for k in range(n):
        for p in files:
            target = into / f"{k}-{'__'.join(p.relative_to(src).parts)}"
            shutil.copyfile(p, target)
            size += p.stat().st_size
    return len(files) * n, size


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("articles", nargs="?", type=Path, default=DEFAULT_ARTICLES, help="a folder of articles")
    ap.add_argument("--copies", type=int, nargs="+", default=[1, 3], metavar="N", help="sizes, in copies of the folder")
    ap.add_argument("--against", type=Path, action="append", default=[], metavar="CHECKOUT",
                    help="another checkout of timeline to measure in the same run (repeatable)")
    args = ap.parse_args(argv)
    if not args.articles.is_dir():
        print(f"story_memory: {args.articles}: no such folder", file=sys.stderr)
        return 2
    checkouts = [ROOT, *(p.resolve() for p in args.against)]
    with tempfile.TemporaryDirectory(prefix="story-memory-") as tmp:
        corpora = []
        for n in args.copies:
            folder = Path(tmp) / f"x{n}"
            corpora.append((n, folder, *copies(args.articles, n, folder)))
        print(f"timeline story {args.articles} --jobs 1, as N copies; peak = largest resident set")
        print(f"{'checkout':<28} {'copies':>6} {'articles':>8} {'MB text':>8} {'wall s':>7} {'peak MB':>8} "
              f"{'MB/MB':>6}")
        for code in checkouts:
            first: tuple[float, float] | None = None
            for n, folder, files, size in corpora:
                out = Path(tmp) / "story.json"
                argv = [*timeline_cmd(), "story", str(folder), "--jobs", "1", "-q", "--force", "-o", str(out)]
                wall, peak, _ = measure(argv, code=code)
                growth = "" if first is None else f"{(peak - first[1]) / ((size - first[0]) / MB):.2f}"
                if first is None:
                    first = (size, peak)
                row = f"{str(code)[-28:]:<28} {n:>6} {files:>8} {size / MB:>8.1f} {wall:>7.1f} {peak:>8.1f}"
                print(f"{row} {growth:>6}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
