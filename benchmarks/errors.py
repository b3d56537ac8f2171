"""The tagger's remaining errors on a TimeML corpus, grouped into classes, as a Markdown table.

    python benchmarks/errors.py                  # TBAQ at ../shared/data/tbaq
    python benchmarks/errors.py --corpus PATH --examples 3

The classes are read off the gold and predicted values (no per-document knowledge), so the table
can be regenerated after any change; `timeline eval PATH -v` lists every error itself.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

from timeline.evaluate import TimexError, evaluate, read_corpus

DEFAULT_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "tbaq"
_VAGUE = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")
_DAY = re.compile(r"^\d{4}-\d\d-\d\d$")


def _days_apart(a: str, b: str) -> int | None:
    if _DAY.match(a) and _DAY.match(b):
        return abs((date.fromisoformat(a) - date.fromisoformat(b)).days)
    return None


def classify(e: TimexError) -> str:
    """A short name for the cause of one error."""
    gv, pv = e.gold_value or "", e.pred_value or ""
    if e.kind == "missed":
        if gv in _VAGUE:
            return "missed: vague reference (now, recent, the future ...)"
        return {"DURATION": "missed: duration", "SET": "missed: set"}.get(e.gold_type or "", "missed: date or time")
    if e.kind == "spurious":
        if pv in _VAGUE:
            return "spurious: vague reference the gold leaves untagged"
        if e.pred_type == "DURATION":
            return "spurious: duration the gold leaves untagged"
        return "spurious: date, time or set the gold leaves untagged"
    if e.kind != "wrong value":
        return e.kind
    if (e.gold_type == "DURATION") != (e.pred_type == "DURATION"):
        return "wrong value: duration versus date"
    if "X" in gv and "X" not in pv:
        return "wrong value: gold underspecified (1949-XX, 199X, WXX)"
    if "W" in gv or "W" in pv:
        return "wrong value: week (ISO week versus other granularity)"
    if "Q" in gv or "Q" in pv:
        return "wrong value: fiscal period granularity (quarter versus year or day)"
    if "T" in gv or "T" in pv:
        return "wrong value: part of day or clock time"
    apart = _days_apart(gv, pv)
    if apart == 7:
        return "wrong value: weekday one week off (tense)"
    if apart is not None and apart < 7:
        return "wrong value: weekday or anchor a few days off"
    if gv in _VAGUE or pv in _VAGUE:
        return "wrong value: vague reference versus date or duration"
    if len(gv) != len(pv):
        return "wrong value: granularity (year, month, day)"
    return "wrong value: other"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--examples", type=int, default=0, help="examples to print per class")
    args = ap.parse_args(argv)
    if not args.corpus.exists():
        print(f"errors: {args.corpus}: no such corpus (pass --corpus)", file=sys.stderr)
        return 2
    report = evaluate(read_corpus(args.corpus))
    errors = [e for e in report.errors if e.kind in ("missed", "spurious", "wrong value")]
    counts = Counter(classify(e) for e in errors)
    examples: dict[str, list[TimexError]] = defaultdict(list)
    for e in errors:
        examples[classify(e)].append(e)
    print(f"strict F1 {report.strict_f1:.3f}, relaxed F1 {report.relaxed_f1:.3f}, "
          f"type F1 {report.type_f1:.3f}, value F1 {report.value_f1:.3f}\n")
    print("| error class | count |\n|---|---:|")
    for name, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"| {name} | {n} |")
    for name, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        for e in examples[name][: args.examples]:
            print(f"  {name}: {e.doc_id}: gold {e.gold_text!r} {e.gold_value} / got {e.pred_text!r} {e.pred_value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
