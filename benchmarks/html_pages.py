"""Benchmark: the HTML reader on saved news pages with gold publication dates.

    python benchmarks/html_pages.py                  # shared/data/html (82 pages + gold.json)
    python benchmarks/html_pages.py --data DIR --htmldate -v
    python benchmarks/html_pages.py --half a --htmldate   # develop on one half, measure on the other
    python benchmarks/html_pages.py --no-markup --htmldate # the pages without their date markup

`--half a|b` keeps the pages whose name's SHA-1 is even (a) or odd (b): 37 and 45 of the 82.

Each page is read twice: with its gold address passed as `url` (as a fetched page has it) and
without one (a page saved to disk). Prints each page whose date is wrong, then the totals: dates
right, pages that crashed (any error but the reader's one-line ArticleError), pages without article
text, events whose text looks like markup, script or JSON, the average text length and the time
per page. `--htmldate` also scores htmldate alone (extensive search, original date, with the url), lists
the pages it gets right and we get wrong (with the url) and counts our overrides: the pages where our
date is not htmldate's, and whether ours or htmldate's is right.
`--no-markup` reads every page with its date markup removed (date <meta> fields, JSON-LD, `datetime`
and date `itemprop` values, the canonical link): the evidence used when a page has none, where our
own (byline, timestamp, dateline) competes with htmldate's reading of the text.
A page without article text still gets its date scored (`page_published` on the page alone).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import time
import traceback
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

from timeline.errors import ArticleError
from timeline.pipeline import process
from timeline.readers.html import NoArticleText, decode_page, page_published, read_html

# shared/data/html beside the checkout (or beside a folder of worktrees)
DEFAULT_DATA = next((d / "shared" / "data" / "html" for d in Path(__file__).resolve().parents
                     if (d / "shared" / "data" / "html").is_dir()), Path("shared") / "data" / "html")
TODAY = date(2021, 6, 1)  # after every page of the set: the pages' dates, not the clock, decide
# What must never be in an event's text: tags, braces, code, assignments and rules.
MARKUP = re.compile(r"<[a-zA-Z/!]|[{}]|function\s*\(|\bvar\s|\bdocument\.|\bwindow\.|={2,}|\w=[\w\"']|\"\s*:\s*\"")


_DATE_KEY = re.compile(r"date|time|publish|created|issued|modified|updated", re.IGNORECASE)


def without_markup(data: bytes, name: str) -> bytes:
    """The page without its date markup: date <meta> fields, JSON-LD, `datetime`/`pubdate`
    attributes, date `itemprop` values and the canonical link."""
    import lxml.html

    tree = lxml.html.fromstring(decode_page(data, name))
    for el in list(tree.iter()):
        if not isinstance(el.tag, str):
            continue
        key = el.get("property") or el.get("name") or el.get("itemprop") or ""
        if ((el.tag == "meta" and _DATE_KEY.search(key))
                or (el.tag == "script" and (el.get("type") or "").strip().lower() == "application/ld+json")
                or (el.tag == "link" and el.get("rel") == "canonical")):
            el.drop_tree()
            continue
        for attr in ("datetime", "pubdate"):
            el.attrib.pop(attr, None)
        if el.get("itemprop") and _DATE_KEY.search(el.get("itemprop")):
            el.attrib.pop("content", None)
    return lxml.html.tostring(tree, encoding="utf-8")


def score(data_dir: Path, gold: dict[str, dict[str, str]], with_url: bool, verbose: bool,
          pages: dict[str, bytes]) -> dict[str, Any]:
    """Read every page; print its mismatches; return the totals."""
    right = crashed = empty = markup_events = events = chars = read = 0
    right_pages: set[str] = set()
    dates: dict[str, str | None] = {}
    seconds = process_seconds = 0.0
    sources: Counter[str] = Counter()
    for fname, g in sorted(gold.items()):
        data = pages[fname]
        url = g["url"] if with_url else None
        warnings: list[str] = []
        t0 = time.perf_counter()
        got: tuple[date, str] | None = None
        try:
            article = read_html(data, fname, url=url, today=TODAY, warn=warnings.append)
            seconds += time.perf_counter() - t0
            got = (article.published, article.published_how)
            t1 = time.perf_counter()
            result = process(article)
            process_seconds += time.perf_counter() - t1
            read += 1
            chars += len(article.text)
            events += len(result.events)
            for event in result.events:
                if MARKUP.search(event.text):
                    markup_events += 1
                    print(f"  {fname}: markup in event: {event.text[:120]!r}")
        except NoArticleText as exc:
            empty += 1
            print(f"  {exc}")
            from trafilatura.utils import load_html

            try:
                day, how, _ = page_published(load_html(decode_page(data, fname)), "", name=fname, url=url,
                                             today=TODAY)
                got = (day, how)
            except ArticleError as exc2:
                print(f"  {exc2}")
        except ArticleError as exc:
            print(f"  {exc}")
        except Exception:  # noqa: BLE001 - a crash is what this counts
            crashed += 1
            print(f"  {fname}: CRASH\n{traceback.format_exc()}")
        if got:
            sources[got[1].split(" '")[0]] += 1
        dates[fname] = got[0].isoformat() if got else None
        ok = got is not None and got[0].isoformat() == g["date"]
        right += ok
        if ok:
            right_pages.add(fname)
        if not ok or verbose:
            mark = "ok  " if ok else "MISS"
            shown = f"{got[0].isoformat()} ({got[1]})" if got else "none"
            print(f"{mark} {fname}: gold {g['date']}, read {shown}")
        for w in warnings:
            print(f"  warning: {w}")
    n = len(gold)
    return {"pages": n, "right": right, "crashed": crashed, "empty": empty, "markup": markup_events,
            "events": events, "avg_chars": chars / max(read, 1), "read_ms": 1000 * seconds / max(read, 1),
            "process_ms": 1000 * process_seconds / max(read, 1),
            "sources": ", ".join(f"{k} {v}" for k, v in sources.most_common()), "right_pages": right_pages,
            "dates": dates}


def htmldate_alone(gold: dict[str, dict[str, str]], pages: dict[str, bytes]) -> dict[str, str | None]:
    """htmldate's date of each page by itself (extensive search, original date, the url)."""
    from htmldate import find_date

    return {f: find_date(pages[f], url=g["url"], original_date=True, extensive_search=True,
                         max_date=TODAY.isoformat()) for f, g in gold.items()}


def half(name: str) -> str:
    """'a' or 'b': a fixed split of the pages by their name, to develop on one and measure on the other."""
    return "a" if int(hashlib.sha1(name.encode()).hexdigest(), 16) % 2 == 0 else "b"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder of pages and gold.json")
    ap.add_argument("--htmldate", action="store_true", help="also score htmldate alone")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every page, not only the misses")
    ap.add_argument("--half", choices=("a", "b"), help="only the pages of one fixed half (see above)")
    ap.add_argument("--no-markup", action="store_true", help="read the pages without their date markup")
    args = ap.parse_args(argv)
    gold_file = args.data / "gold.json"
    if not gold_file.exists():
        print(f"benchmark: {gold_file}: no such file (pass --data)", file=sys.stderr)
        return 2
    gold = json.loads(gold_file.read_text(encoding="utf-8"))
    if args.half:
        gold = {f: g for f, g in gold.items() if half(f) == args.half}
    pages = {f: (args.data / f).read_bytes() for f in gold}
    if args.no_markup:
        pages = {f: without_markup(data, f) for f, data in pages.items()}
    warm_up = sorted(gold)[0]  # imports and the tagger's tables are built once, not timed
    read_html((args.data / warm_up).read_bytes(), warm_up, today=TODAY, warn=lambda _: None)
    totals = {}
    for with_url in (True, False):
        label = "with url" if with_url else "without url"
        print(f"== {label}")
        totals[label] = score(args.data, gold, with_url, args.verbose, pages)
    print()
    for label, t in totals.items():
        print(f"{label:12} date right {t['right']}/{t['pages']}, crashed {t['crashed']}, "
              f"no article text {t['empty']}, markup events {t['markup']}/{t['events']}, "
              f"avg text {t['avg_chars']:.0f} chars; {t['read_ms']:.0f} ms/page to read, "
              f"{t['process_ms']:.0f} ms to process\n{'':12} dates from: {t['sources']}")
    if args.htmldate:
        theirs = htmldate_alone(gold, pages)
        alone = {f for f, d in theirs.items() if d == gold[f]["date"]}
        print(f"htmldate alone (extensive, original date, url): {len(alone)}/{len(gold)}")
        lost = sorted(alone - totals["with url"]["right_pages"])
        print(f"htmldate alone right and we wrong (with url): {len(lost)}" + "".join(f"\n  {f}" for f in lost))
        ours = totals["with url"]["dates"]
        overrides = [f for f in sorted(gold) if ours[f] != theirs[f]]
        ours_right = sum(ours[f] == gold[f]["date"] for f in overrides)
        theirs_right = sum(theirs[f] == gold[f]["date"] for f in overrides)
        print(f"our date is not htmldate's (with url): {len(overrides)} pages; ours right {ours_right}, "
              f"htmldate's right {theirs_right}, neither {len(overrides) - ours_right - theirs_right}")
    return 1 if any(t["crashed"] or t["markup"] for t in totals.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
