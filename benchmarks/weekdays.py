"""The tagger's accuracy on hand-judged bare weekdays of Timeline17 news (benchmarks/weekdays.tsv).

    python benchmarks/weekdays.py              # accuracy of half A, half B and all
    python benchmarks/weekdays.py --errors A   # the sentences of half A the tagger gets wrong, and why

Each line of the table is a sentence with one weekday in [brackets], its publication date and the
value a reader gives it. The sentence alone is tagged against the publication date, and the timex
that starts at the bracket is compared with that value. A sentence goes to half A when the first
32 bits of the MD5 of its text are even, else to B: decide a rule reading the errors of A only, keep
it if B scores as well or better (the protocol of benchmarks/halves.py).
"""

from __future__ import annotations

import argparse
import hashlib
from pathlib import Path

from timeline.temporal.tagger import explain

TABLE = Path(__file__).with_name("weekdays.tsv")


def half(sentence: str) -> str:
    """"A" or "B", fixed by the sentence's text."""
    return "A" if int(hashlib.md5(sentence.encode("utf-8")).hexdigest()[:8], 16) % 2 == 0 else "B"


def rows(path: Path = TABLE) -> list[tuple[str, str, str]]:
    """(publication date, right value, sentence with the weekday in brackets) of every judged line."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            published, value, sentence = line.split("\t", 2)
            out.append((published, value, sentence))
    return out


def judge(published: str, value: str, marked: str) -> tuple[bool, str, str]:
    """(right?, the tagger's value, why) for the bracketed weekday of one judged sentence."""
    at = marked.index("[")
    text = marked.replace("[", "", 1).replace("]", "", 1)
    for e in explain(text, published):
        if e.timex is not None and e.timex.start <= at < e.timex.end:
            return e.timex.value == value, e.timex.value, e.why or ""
    return False, "-", "not tagged"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--errors", choices=["A", "B"], help="list the wrong ones of this half")
    args = ap.parse_args()
    right = {"A": 0, "B": 0}
    total = {"A": 0, "B": 0}
    for published, value, sentence in rows():
        h = half(sentence)
        ok, got, why = judge(published, value, sentence)
        total[h] += 1
        right[h] += ok
        if not ok and args.errors == h:
            print(f"{published}  right {value}  got {got}  ({why})\n    {sentence}")
    for h in ("A", "B"):
        print(f"half {h}: {right[h]}/{total[h]} = {right[h] / total[h]:.3f}")
    n = total["A"] + total["B"]
    print(f"all:    {right['A'] + right['B']}/{n} = {(right['A'] + right['B']) / n:.3f}")


if __name__ == "__main__":
    main()
