"""Benchmark: what a user waits for, each figure a fresh `timeline` process run as users run it.

    python benchmarks/scale.py                       # TBAQ at ../shared/data/tbaq, sizes 100 1000 5000
    python benchmarks/scale.py --sizes 100 1000 --runs 5 --work /tmp/scale
    python benchmarks/scale.py --builds-only --sizes 1000 --against ../main --repeat 5

Prints, in one run:
- cold start: `timeline --help` and `timeline extract SEED -f json` in a fresh process, against a
  fresh Python importing dateparser and parsing one phrase (median of --runs);
- `timeline build` of N articles made from the dev corpus (TBAQ documents as articles with front
  matter; beyond its 256 documents, copies with their paragraphs shuffled), into a clean folder,
  with --jobs 1 and with every core; then a no-change rebuild and a rebuild after one article changed;
- tagging the same texts in one fresh process (read each article as the build does, then
  `timeline.temporal.tag` its text), and the build's time on every core as a multiple of it;
- `timeline events` of the largest corpus to Parquet, locally and with --dask local (a LocalCluster
  on this machine, its start-up included);
- the peak memory (largest resident set) of each.

Run it in an environment where timeline is installed as users install it (`pip install '.[dask]'`,
which also compiles its bytecode), on a machine doing nothing else: wall-clock figures.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "tbaq"
SEED = ROOT / "seeds" / "000_3b01959ef49d4888.txt"


def timeline_cmd() -> list[str]:
    """The installed `timeline` command next to this Python, else `python -m timeline.cli`."""
    script = Path(sys.executable).with_name("timeline")
    return [str(script)] if script.exists() else [sys.executable, "-m", "timeline.cli"]


def run(argv: list[str], *, cwd: Path | None = None) -> tuple[float, float]:
    """(wall seconds, peak resident MB) of one fresh process tree running `argv`."""
    wall, peak, _ = measure(argv, cwd=cwd)
    return wall, peak


def measure(argv: list[str], *, cwd: Path | None = None, code: Path | None = None) -> tuple[float, float, float]:
    """(wall seconds, peak resident MB, CPU seconds: user and system time of the whole process
    tree) of one fresh process tree running `argv`; with `code`, the `timeline` package imported is
    that checkout's (PYTHONPATH), as when two versions are compared (--against)."""
    probe = ("import resource, subprocess, sys, time\n"
             "t = time.perf_counter()\n"
             "r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL)\n"
             "t = time.perf_counter() - t\n"
             "u = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
             "print(t, u.ru_maxrss, u.ru_utime + u.ru_stime, r.returncode)\n")
    env = None if code is None else {**os.environ, "PYTHONPATH": str(code)}
    out = subprocess.run([sys.executable, "-c", probe, *argv], capture_output=True, text=True, cwd=cwd, check=True,
                         env=env)
    wall, peak_kb, cpu, status = out.stdout.split()
    if status not in ("0", "1"):
        raise SystemExit(f"benchmark: {' '.join(argv)} exited {status}:\n{out.stderr}")
    return float(wall), int(peak_kb) / 1024, float(cpu)


def median_run(argv: list[str], runs: int) -> tuple[float, float]:
    run(argv)  # warm the disk cache
    results = [run(argv) for _ in range(runs)]
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


def make_corpus(tbaq: Path, n: int, folder: Path) -> Path:
    """`n` articles from the TimeML documents: text, title and DCT as front matter."""
    from timeline.evaluate import read_corpus

    docs = read_corpus(tbaq)
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        d = docs[i % len(docs)]
        paras = [p.strip() for p in d.text.split("\n") if p.strip()]
        if i >= len(docs):
            random.Random(i).shuffle(paras)
        title = (paras[0][:80] if paras else d.id).replace('"', "'")
        body = "\n\n".join(paras)
        (folder / f"a{i:05d}.txt").write_text(f'---\ntitle: "{title}"\npublished: {d.dct.isoformat()}\n---\n{body}\n',
                                              encoding="utf-8")
    return folder


TAG_PROBE = """\
import sys
from pathlib import Path
from timeline.readers import load_one
from timeline.temporal import tag
for path in sorted(Path(sys.argv[1]).iterdir()):
    article = load_one(str(path))
    tag(article.text, article.published)
"""


def tag_run(folder: Path) -> tuple[float, float]:
    """(wall, peak MB) of one fresh process that reads every article of `folder` and tags its text:
    what the build's tagging costs on one core, imports included as in a build."""
    return run([sys.executable, "-c", TAG_PROBE, str(folder)])


def row(label: str, wall: float, peak: float, note: str = "") -> None:
    print(f"| {label} | {wall:.2f} s | {peak:.0f} MB | {note} |", flush=True)


def build_rows(tl: list[str], src: Path, work: Path, n: int, cores: int) -> None:
    """The builds of the `n` articles of `src` with --jobs 1 and every core, and the tagging of
    their texts in one process; the note of the last build is its time as a multiple of tagging."""
    tag_wall, tag_peak = tag_run(src)
    row(f"tagging the texts of {n} articles in one process", tag_wall, tag_peak, "read, then `tag` each text")
    for jobs in ([1, cores] if cores > 1 else [1]):
        site = work / f"site-{n}-{jobs}"
        shutil.rmtree(site, ignore_errors=True)
        wall, peak = run([*tl, "build", str(src), "-o", str(site), "-q", "--jobs", str(jobs)])
        row(f"`timeline build` of {n} articles, --jobs {jobs}", wall, peak,
            f"{wall / n * 1000:.1f} ms per article; build/tag {wall / tag_wall:.2f}")


def compare_rows(tl: list[str], src: Path, work: Path, n: int, cores: int, against: Path, repeat: int) -> None:
    """The tagging of `src` and its build on every core with this checkout's code and with the
    checkout `against`, `repeat` times, interleaved (a shared machine's load falls on both alike):
    the median wall and CPU time of each, and each build's build/tag."""
    runs: dict[str, list[tuple[float, float, float]]] = {"tag": [], "this": [], "against": []}
    site = work / f"site-{n}-compare"
    for _ in range(repeat):
        runs["tag"].append(measure([sys.executable, "-c", TAG_PROBE, str(src)], code=ROOT))
        for name, code in (("this", ROOT), ("against", against)):
            shutil.rmtree(site, ignore_errors=True)
            runs[name].append(measure([*tl, "build", str(src), "-o", str(site), "-q", "--jobs", str(cores)], code=code))
    tag_wall = statistics.median(r[0] for r in runs["tag"])
    tag_cpu = statistics.median(r[2] for r in runs["tag"])
    row(f"tagging the texts of {n} articles in one process", tag_wall, max(r[1] for r in runs["tag"]),
        f"CPU {tag_cpu:.2f} s; median of {repeat}")
    for name, label in (("against", f"{against}"), ("this", f"{ROOT}")):
        wall = statistics.median(r[0] for r in runs[name])
        cpu = statistics.median(r[2] for r in runs[name])
        row(f"`timeline build` of {n} articles, --jobs {cores}, code of {label}", wall, max(r[1] for r in runs[name]),
            f"CPU {cpu:.2f} s; build/tag {wall / tag_wall:.2f} (CPU {cpu / tag_cpu:.2f}); median of {repeat}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="TimeML folder (default: ../shared/data/tbaq)")
    ap.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 5000], help="numbers of articles to build")
    ap.add_argument("--runs", type=int, default=5, help="runs of each cold-start figure (the median is shown)")
    ap.add_argument("--work", type=Path, help="scratch folder (default: a temporary one, removed after)")
    ap.add_argument("--skip-dask", action="store_true", help="leave out the LocalCluster run")
    ap.add_argument("--builds-only", action="store_true",
                    help="only the builds and the tagging they are compared with (no cold start, rebuilds, events)")
    ap.add_argument("--against", type=Path, metavar="CHECKOUT",
                    help="with --builds-only: also build with the code of this checkout of timeline (e.g. main's), "
                         "interleaved with this one's, and print both")
    ap.add_argument("--repeat", type=int, default=3, help="runs of each build with --against (the median is shown)")
    args = ap.parse_args(argv)
    tl = timeline_cmd()
    work = args.work or Path(tempfile.mkdtemp(prefix="timeline-scale-"))
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    print(f"timeline: {' '.join(tl)}; Python {sys.version.split()[0]}; {cores} cores; "
          f"PYTHONDONTWRITEBYTECODE={os.environ.get('PYTHONDONTWRITEBYTECODE', '')!r}\n")
    print("| what | wall | peak memory | note |\n|---|---:|---:|---|")
    try:
        if args.builds_only:
            for n in args.sizes:
                src = make_corpus(args.corpus, n, work / f"corpus-{n}")
                if args.against:
                    compare_rows(tl, src, work, n, cores, args.against.resolve(), args.repeat)
                else:
                    build_rows(tl, src, work, n, cores)
            return 0
        dp_wall, dp_peak = median_run([sys.executable, "-c", "import dateparser; dateparser.parse('last Wednesday')"],
                                      args.runs)
        row("dateparser: import and parse one phrase", dp_wall, dp_peak, f"median of {args.runs}")
        wall, peak = median_run([*tl, "--help"], args.runs)
        row("`timeline --help`", wall, peak, f"{wall / dp_wall:.1f}× dateparser")
        out = work / "seed.json"
        wall, peak = median_run([*tl, "extract", str(SEED), "-f", "json", "-o", str(out), "--force"], args.runs)
        row("`timeline extract` of the seed, cold", wall, peak, f"{wall / dp_wall:.1f}× dateparser")
        largest = None
        for n in args.sizes:
            src = make_corpus(args.corpus, n, work / f"corpus-{n}")
            largest = src
            build_rows(tl, src, work, n, cores)
            site = work / f"site-{n}-{cores}"
            wall, peak = run([*tl, "build", str(src), "-o", str(site), "-q"])
            row(f"no-change rebuild of {n} articles", wall, peak, "nothing written")
            story = src / "a00001.txt"
            story.write_text(story.read_text(encoding="utf-8") + "\nThe talks resume on Monday.\n", encoding="utf-8")
            wall, peak = run([*tl, "build", str(src), "-o", str(site), "-q"])
            row(f"rebuild of {n} articles, one changed", wall, peak, "one article processed, every page rendered")
        if largest is not None:
            n = len(list(largest.iterdir()))
            wall, peak = run([*tl, "events", str(largest), "-o", str(work / "events.parquet"), "-q", "--force"])
            row(f"`timeline events` of {n} articles to Parquet, local", wall, peak, f"--jobs {cores}")
            if not args.skip_dask:
                wall, peak = run([*tl, "events", str(largest), "-o", str(work / "events-dask.parquet"), "-q",
                                  "--dask", "local", "--force"])
                row(f"`timeline events` of {n} articles, --dask local", wall, peak,
                    "LocalCluster start-up included; peak of one process")
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    t0 = time.perf_counter()
    code = main()
    print(f"\n(benchmark took {time.perf_counter() - t0:.0f} s)")
    sys.exit(code)
