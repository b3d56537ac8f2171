"""Event dating measured on TimeBank/AQUAINT's own links: a second, larger check of what
`../shared/tools/anchoring.py` measures on 30 documents.

    python benchmarks/tbaq_events.py                 # ../shared/data/tbaq, both halves
    python benchmarks/tbaq_events.py --list A        # the misses of half A only (read one half)

TimeML links an event to the time that contains it: `<TLINK eventInstanceID=.. relatedToTime=..
relType="IS_INCLUDED">` (or DURING, SIMULTANEOUS, or the time INCLUDES the event). Every such event
whose time is a calendar date (YYYY, YYYY-MM or YYYY-MM-DD, or a TIME's day; the document's creation
time included) is a gold pair: the event's offset and that date. Each document's text is given to
`timeline.extract(text, published=DCT, undated="all")`; the events it returns in the sentence that
holds the gold event are the candidates. "clause" takes the candidate whose clause holds the gold
event (else the sentence's first), "any" accepts the gold date among any of the sentence's events.
Both compare at the gold date's granularity (a gold 1998-08 is right for 1998-08 and 1998-08-07).
Halves as in `benchmarks/halves.py` (MD5 of the file name), for changes that must generalise.
"""

from __future__ import annotations

import argparse
import bisect
import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from halves import DEFAULT_CORPUS, half_of  # noqa: E402

_CAL = re.compile(r"\d{4}(?:-\d\d(?:-\d\d)?)?")
INSIDE = {"IS_INCLUDED", "DURING", "SIMULTANEOUS"}


def gold_pairs(path: Path) -> tuple[str, str, list[tuple[int, int, str, str, int]]]:
    """The text, the creation date and the gold pairs (start, end, event word, date, where the
    date's expression starts: -1 for the creation date) of one file."""
    root = ET.parse(path).getroot()
    text_elem = root.find(".//TEXT")
    parts: list[str] = []
    spans: dict[str, tuple[int, int, str]] = {}  # eid or tid: (start, end, text)

    def walk(el: ET.Element, pos: int) -> int:
        start = pos
        if el.text:
            parts.append(el.text)
            pos += len(el.text)
        for child in el:
            pos = walk(child, pos)
            if child.tail:
                parts.append(child.tail)
                pos += len(child.tail)
        key = el.get("eid") or el.get("tid")
        if el.tag in ("EVENT", "TIMEX3") and key:
            spans[key] = (start, pos, "".join(parts)[start:pos])
        return pos

    walk(text_elem, 0)
    text = "".join(parts)
    values: dict[str, str] = {}
    dct = ""
    dct_tids: set[str] = set()
    for t in root.iter("TIMEX3"):
        v = t.get("value", "")
        m = _CAL.match(v)
        if t.get("functionInDocument") == "CREATION_TIME":
            dct = v[:10]
            dct_tids.add(t.get("tid", ""))
        if t.get("type") in ("DATE", "TIME") and m and (m.end() == len(v) or v[m.end()] == "T"):
            values[t.get("tid", "")] = m.group()
    instance = {m.get("eiid"): m.get("eventID") for m in root.iter("MAKEINSTANCE")}
    pairs = []
    seen = set()
    for link in root.iter("TLINK"):
        rel = link.get("relType")
        ei, tid = link.get("eventInstanceID"), link.get("relatedToTime")
        if not (ei and tid and rel in INSIDE):
            ei, tid = link.get("relatedToEventInstance"), link.get("timeID")
            if not (ei and tid and rel == "INCLUDES"):
                continue
        eid = instance.get(ei)
        if eid not in spans or tid not in values or eid in seen:
            continue
        seen.add(eid)
        s, e, word = spans[eid]
        at = -1 if tid in dct_tids or tid not in spans else spans[tid][0]
        pairs.append((s, e, word, values[tid], at))
    return text, dct, sorted(pairs)


def _iso(ev) -> str:
    v = str(ev.date)
    if _CAL.fullmatch(v[:10]) and (len(v) in (4, 7, 10) or "T" in v):
        return v[:10]
    keep = {"year": 4, "decade": 4, "century": 4, "quarter": 7, "season": 7, "month": 7}.get(str(ev.granularity), 10)
    return str(ev.start)[:keep]


def _right(pred: str, gold: str) -> bool:
    return pred[:len(gold)] == gold and len(pred) >= len(gold)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--list", choices=("A", "B"), help="list the misses of this half")
    args = ap.parse_args(argv)
    import timeline
    from timeline.text import segment

    totals: dict[str, Counter[str]] = {"A": Counter(), "B": Counter()}
    for path in sorted(args.corpus.rglob("*.tml")):
        half = half_of(path)
        text, dct, pairs = gold_pairs(path)
        if not pairs or not dct:
            continue
        tl = timeline.extract(text, published=dct, undated="all")
        starts = [s.start for s in segment(text)]
        by_sentence: dict[int, list] = {}
        for ev in tl.events:
            if ev.offset and ev.offset[0] is not None:
                by_sentence.setdefault(bisect.bisect_right(starts, ev.offset[0]) - 1, []).append(ev)
        c = totals[half]
        for s, _e, word, gold, at in pairs:
            sid = bisect.bisect_right(starts, s) - 1
            cands = by_sentence.get(sid, [])
            inside = [ev for ev in cands if ev.clause and ev.clause[0] <= s < ev.clause[1]]
            chosen = (inside or cands)[:1]
            kind = ("dct" if at < 0 else "own" if bisect.bisect_right(starts, at) - 1 == sid else "narrative")
            c["gold"] += 1
            c[f"gold {kind}"] += 1
            ok_clause = bool(chosen) and _right(_iso(chosen[0]), gold)
            ok_any = any(_right(_iso(ev), gold) for ev in cands)
            c["clause"] += ok_clause
            c[f"clause {kind}"] += ok_clause
            c["any"] += ok_any
            if args.list == half and not ok_clause:
                sent_end = starts[sid + 1] if sid + 1 < len(starts) else len(text)
                got = [(_iso(ev), ev.phrase, ev.anchor) for ev in cands]
                print(f"{path.name} [{word}] gold {gold} ({kind}) dct {dct} got {got}\n    "
                      f"{' '.join(text[starts[sid]:sent_end].split())[:300]}")
    for half in ("A", "B", "all"):
        c = totals["A"] + totals["B"] if half == "all" else totals[half]
        g = max(c["gold"], 1)
        share = {k: f"{c['clause ' + k] / max(c['gold ' + k], 1):.3f} of {c['gold ' + k]}"
                 for k in ("own", "narrative", "dct")}
        print(f"{half:>3}: {c['gold']} gold events; clause {c['clause'] / g:.3f}, any {c['any'] / g:.3f}; "
              f"by a date in the sentence {share['own']}, in another sentence {share['narrative']}, "
              f"the creation date {share['dct']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
