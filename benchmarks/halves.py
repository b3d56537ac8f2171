"""The tagger's scores on two fixed halves of a TimeML corpus, for changes that must generalise.

    python benchmarks/halves.py                  # TBAQ at ../shared/data/tbaq
    python benchmarks/halves.py --corpus PATH --json

A document goes to half A when the first 32 bits of the MD5 of its file name (`wsj_0292.tml`) are
even, else to half B, so the split is fixed, independent of the corpus's order and mixes TimeBank and AQUAINT.
The protocol (README, Accuracy): read the errors of half A only (`--list A` prints the files, for
`timeline eval` on a folder of links to them), decide a change there, and keep it only if half B,
never read, scores as well or better. Prints value, strict and type F1 of each half and of all.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

from timeline.evaluate import evaluate, read_timeml

DEFAULT_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "tbaq"


def half_of(path: Path) -> str:
    """'A' or 'B': the parity of the first 32 bits of the MD5 of the file's name."""
    return "A" if int(hashlib.md5(path.name.encode()).hexdigest()[:8], 16) % 2 == 0 else "B"


def halves(corpus: Path) -> dict[str, list[Path]]:
    """The corpus's .tml files by half, each list sorted."""
    files = sorted(corpus.rglob("*.tml")) if corpus.is_dir() else [corpus]
    out: dict[str, list[Path]] = {"A": [], "B": []}
    for f in files:
        out[half_of(f)].append(f)
    return out


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    p.add_argument("--list", choices=("A", "B"), help="print the files of one half and stop")
    a = p.parse_args()
    if not a.corpus.exists():
        print(f"halves.py: {a.corpus}: no such file or folder", file=sys.stderr)
        return 2
    parts = halves(a.corpus)
    if a.list:
        print("\n".join(str(f) for f in parts[a.list]))
        return 0
    figures: dict[str, dict[str, float | int]] = {}
    for name, files in (("A", parts["A"]), ("B", parts["B"]), ("all", parts["A"] + parts["B"])):
        r = evaluate([read_timeml(f) for f in files])
        figures[name] = {"documents": len(files), "gold": r.gold, "value_f1": round(r.value.f1, 4),
                         "strict_f1": round(r.strict.f1, 4), "type_f1": round(r.type.f1, 4)}
    if a.json:
        print(json.dumps(figures, indent=2))
    else:
        print(f"{'half':5} {'docs':>5} {'gold':>5} {'value F1':>9} {'strict F1':>10} {'type F1':>8}")
        for name, f in figures.items():
            print(f"{name:5} {f['documents']:>5} {f['gold']:>5} {f['value_f1']:>9.4f} {f['strict_f1']:>10.4f}"
                  f" {f['type_f1']:>8.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
