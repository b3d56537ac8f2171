"""Event dating (the anchoring set) on two fixed halves of its documents, for changes that must generalise.

    python benchmarks/anchoring_halves.py                     # --undated all, ../shared/data/anchoring
    python benchmarks/anchoring_halves.py --list-misses A     # the missed gold sentences of half A only

A document goes to half A when the first 32 bits of the MD5 of its file name (`10718.txt`) are even,
else to half B (the rule of `benchmarks/halves.py` for TBAQ), so the split is fixed and independent
of the corpus's order. Events are made and scored exactly as `../shared/tools/anchoring.py` does
(its scorer, `anchoring_score.py`, is imported from there). The protocol: read the misses of one half,
decide a change, keep it only if the other half, never read, scores as well or better.
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import sys
from pathlib import Path

TOOLS = Path(__file__).resolve().parent.parent.parent / "shared" / "tools"


def half_of(doc_id: str) -> str:
    """'A' or 'B': the parity of the first 32 bits of the MD5 of the document's file name."""
    return "A" if int(hashlib.md5(f"{doc_id}.txt".encode()).hexdigest()[:8], 16) % 2 == 0 else "B"


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--undated", default="all", help="timeline.extract(undated=...), default all")
    p.add_argument("--tools", default=str(TOOLS), help="folder of anchoring.py and anchoring_score.py")
    p.add_argument("--list-misses", choices=("A", "B"), help="print the missed gold sentences of one half")
    a = p.parse_args()
    sys.path.insert(0, a.tools)
    import anchoring as an  # the scorer's own event-to-prediction mapping
    import anchoring_score as st

    import timeline

    gold = st.load_gold(st.default_gold("trial"))
    preds = []
    for doc_id, meta, text in st.iter_docs(gold):
        tl = timeline.extract(text, published=meta["published"], title=meta.get("title"), undated=a.undated)
        for ev in tl.events:
            off = getattr(ev, "offset", None)
            if not off or off[0] is None:
                continue
            preds.append({"doc_id": doc_id, "start": int(off[0]), "end": int(off[1]), "date": an.iso_prefix(ev)})
    split = copy.deepcopy(gold)
    for doc_id, meta in split["docs"].items():
        meta["corpus"] = half_of(doc_id)
    for g in split["sentences"]:
        g["corpus"] = half_of(g["doc_id"])
    for label, corpus in (("A", "A"), ("B", "B"), ("all", None)):
        res = st.score(preds, split, corpus)
        n = sum(1 for d in split["docs"] if corpus is None or half_of(d) == corpus)
        e, le = res["exact"], res["lenient"]
        print(f"{label:>3} ({n:2d} docs, {res['gold_sentences']:3d} gold sentences): "
              f"exact F1 {e['f1']:.3f} (P {e['p']:.3f} R {e['r']:.3f})  lenient F1 {le['f1']:.3f}")
        if a.list_misses and corpus == a.list_misses:
            for g, pd in res["misses"]:
                print(f"    {g['doc_id']}-{g['sentence']} gold={g['dates']} pred={pd} | {g['text'][:200]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
