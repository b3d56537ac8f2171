"""What changed in the timeline between two versions of an article: added, removed and changed events.

`diff_timelines(old, new)` pairs the events of the two timelines one to one by meaning, not by
position, and reports the unpaired old events as *removed*, the unpaired new ones as *added*, and
the pairs whose date or sentence differ as *changed* (with a word-level diff of the sentence).

Matching (constants below; the tests in tests/test_diff.py pin each rule):

* **Text similarity** `T` is the Sørensen–Dice coefficient of the two sentences' content words
  (`chronology.content_words`: lowercased words and numbers, stopwords dropped), computed on each
  sentence *without its date phrase*: the date is compared separately, so "as of last Wednesday"
  becoming "as of Monday" costs nothing here, and two sentences do not look alike merely because
  both say "on Friday". Changed figures ("136 suspects" -> "152 suspects") lower `T` a little.
* **Date similarity** `D` is 1 when the TIMEX3 values are the same (date, `until`, `mod` and
  "since"), 0.5 when the two calendar intervals overlap ("January 2026" and "28 January 2026"),
  0 otherwise.
* **Score** = `T + DATE_WEIGHT * D`; a pair is a candidate when the score reaches `MATCH_THRESHOLD`.
  With DATE_WEIGHT 0.1 and MATCH_THRESHOLD 0.5 this means: a sentence whose date moved must keep at
  least half of its content words (Dice 0.5, e.g. a figure or two updated in a sentence of ten
  words); on the same date, Dice 0.4 suffices (0.45 for overlapping dates). Two unrelated
  sentences on one date share few content words (Dice well under 0.4) and are reported as one
  removed and one added event, not as a change; a rewrite that keeps less than that is honestly
  reported the same way. On the seed's two versions the changed pairs score 0.92 and 0.86 and the
  best wrong pairing 0.27, so the threshold sits with a wide margin on both sides.
* **Assignment** is greedy by score: the best-scoring candidate pair is taken first, then the best
  of the rest among events not yet paired, and so on. The result is one-to-one and stable (no old
  and new event would both rather be paired with each other than with what they got), and easy to
  explain: every event is paired with its most similar counterpart still free. Ties go to the
  pair with the higher date similarity, then to the earlier old event, then to the earlier new
  event, so the output is deterministic. When one event is split in two, the old event pairs with
  the closer half (changed) and the other half is added.

A pair whose sentence and date key are equal is *unchanged* (an ongoing "since X" interval that
only extends to the new publication date is unchanged). The sentence diff runs difflib over word
and punctuation tokens and is kept as data (`WordRun` equal/delete/insert runs), so every format
renders it its own way.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from timeline.chronology import Timeline, content_words
from timeline.events import Event
from timeline.meta import DIFF_FORMATS

__all__ = [
    "COMMON_WORD",
    "DATE_WEIGHT",
    "DIFF_FORMATS",
    "MATCH_THRESHOLD",
    "EventChange",
    "TimelineDiff",
    "WordRun",
    "date_similarity",
    "diff_timelines",
    "match_score",
    "text_similarity",
    "word_diff",
]

#: Output formats of `timeline diff` (`render.render_diff`).
#: Weight of the date similarity (0, 0.5 or 1) added to the text similarity (0..1).
DATE_WEIGHT = 0.1
#: Lowest score at which an old and a new event may be paired as one (changed or unchanged) event.
MATCH_THRESHOLD = 0.5
#: A content word that more new events than this use does not make a pair worth scoring by itself
#: (see `_pairs`): on an article of up to that many events every sharing pair is scored.
COMMON_WORD = 200

Op = Literal["equal", "delete", "insert"]


@dataclass(frozen=True)
class WordRun:
    """A run of a word-level sentence diff: text in both versions, only in the old, or only in the new.

    Runs are exact: the equal and delete runs joined give the old sentence, the equal and insert
    runs the new one. A changed run may start with the space that separates it from the text before
    (`lead`); renderers put that outside their markers and mark only `core`.
    """

    op: Op
    text: str

    @property
    def lead(self) -> str:
        """The whitespace the run starts with."""
        return self.text[: len(self.text) - len(self.text.lstrip())]

    @property
    def core(self) -> str:
        """The run without its leading whitespace."""
        return self.text.lstrip()

    def to_dict(self) -> dict[str, str]:
        return {"op": self.op, "text": self.text}


@dataclass(frozen=True)
class EventChange:
    """One event present in both versions whose date or sentence differs."""

    old: Event
    new: Event
    date_changed: bool
    text_changed: bool
    words: tuple[WordRun, ...]
    score: float

    @property
    def what(self) -> tuple[str, ...]:
        """What changed: ("date",), ("text",) or ("date", "text")."""
        return tuple(name for name, flag in (("date", self.date_changed), ("text", self.text_changed)) if flag)

    @property
    def old_runs(self) -> tuple[WordRun, ...]:
        """The old sentence: equal and deleted runs."""
        return tuple(r for r in self.words if r.op != "insert")

    @property
    def new_runs(self) -> tuple[WordRun, ...]:
        """The new sentence: equal and inserted runs."""
        return tuple(r for r in self.words if r.op != "delete")

    def to_dict(self) -> dict[str, object]:
        return {
            "old": self.old.to_dict(),
            "new": self.new.to_dict(),
            "changes": list(self.what),
            "score": round(self.score, 3),
            "words": [r.to_dict() for r in self.words],
        }


@dataclass(frozen=True)
class TimelineDiff:
    """The difference between two timelines (old and new versions of an article).

    `added` are in the new timeline's order, `removed` in the old one's, `changed` in the new one's;
    `unchanged` holds the (old, new) pairs that did not change, in the new timeline's order.
    """

    old: Timeline
    new: Timeline
    added: tuple[Event, ...]
    removed: tuple[Event, ...]
    changed: tuple[EventChange, ...]
    unchanged: tuple[tuple[Event, Event], ...]

    @property
    def has_differences(self) -> bool:
        return bool(self.added or self.removed or self.changed)

    @property
    def title_changed(self) -> bool:
        """Whether the headline (the timeline's title: a single article's title) changed. Reported
        with the events, but not a difference in the timeline."""
        return self.old.title != self.new.title

    @property
    def old_published(self) -> date | None:
        return published(self.old)

    @property
    def new_published(self) -> date | None:
        return published(self.new)

    def summary(self) -> str:
        """"1 added, 1 removed, 2 changed, 3 unchanged"."""
        return (f"{len(self.added)} added, {len(self.removed)} removed, {len(self.changed)} changed, "
                f"{len(self.unchanged)} unchanged")

    def to_dict(self) -> dict[str, object]:
        """JSON-ready form: both versions' metadata, the added/removed events and the changes in the
        event schema, and the number of unchanged events."""
        return {
            "old": _version_dict(self.old),
            "new": _version_dict(self.new),
            "added": [e.to_dict() for e in self.added],
            "removed": [e.to_dict() for e in self.removed],
            "changed": [c.to_dict() for c in self.changed],
            "unchanged": len(self.unchanged),
            "title_changed": self.title_changed,
        }


def published(tl: Timeline) -> date | None:
    """The publication date of a timeline's (latest) article, if it has any."""
    return max((a.published for a in tl.articles), default=None)


def _version_dict(tl: Timeline) -> dict[str, object]:
    pub = published(tl)
    return {
        "title": tl.title,
        "published": pub.isoformat() if pub else None,
        "articles": [a.meta() for a in tl.articles],
    }


# --- matching -----------------------------------------------------------------------------------


def _without_phrase(e: Event) -> str:
    if e.phrase and e.phrase in e.text:
        return e.text.replace(e.phrase, " ", 1)
    return e.text


def _words(e: Event) -> tuple[frozenset[str], str]:
    """The content words of an event's sentence without its date phrase, and that text."""
    rest = _without_phrase(e)
    return content_words(rest), rest.strip()


def _dice(a: tuple[frozenset[str], str], b: tuple[frozenset[str], str]) -> float:
    (wa, ta), (wb, tb) = a, b
    if not wa and not wb:
        return 1.0 if ta == tb else 0.0
    return 2 * len(wa & wb) / (len(wa) + len(wb))


def text_similarity(a: Event, b: Event) -> float:
    """Dice coefficient of the content words of the two sentences, date phrases left out (0..1)."""
    return _dice(_words(a), _words(b))


def _date_key(e: Event) -> tuple[str, str | None, str | None, bool]:
    """The date as a diff compares it. An event dated by its article's publication (no date phrase
    of its own) is "the day of the report" in either version: a later version moves it with its
    own publication date, which is not a change of the event."""
    if e.anchor == "publication":
        return ("publication", None, None, False)
    return (e.date, e.until, e.mod, e.ongoing)


def date_similarity(a: Event, b: Event) -> float:
    """1 for the same date value, 0.5 for overlapping calendar intervals, 0 otherwise."""
    if _date_key(a) == _date_key(b):
        return 1.0
    if a.start < b.end and b.start < a.end:
        return 0.5
    return 0.0


def _score(text_sim: float, date_sim: float) -> float:
    return round(text_sim + DATE_WEIGHT * date_sim, 9)


def match_score(a: Event, b: Event) -> float:
    """How alike two events are: text similarity plus DATE_WEIGHT times date similarity."""
    return _score(text_similarity(a, b), date_similarity(a, b))


def _pairs(old: Sequence[Event], new: Sequence[Event]) -> list[tuple[int, int, float]]:
    """Greedy one-to-one assignment by score above MATCH_THRESHOLD: (old index, new index, score).

    Pairs with the highest possible score (the same content words and the same date) come first in
    the greedy order, and only ever compete with each other: they are paired up directly, in index
    order, so an article repeating a sentence thousands of times stays linear; the rest are scored
    pair by pair."""
    old_words = [_words(e) for e in old]
    new_words = [_words(e) for e in new]
    out: list[tuple[int, int, float]] = []
    used_old: set[int] = set()
    used_new: set[int] = set()
    exact: dict[object, list[int]] = {}
    for j, n in enumerate(new):
        exact.setdefault(_exact_key(n, new_words[j]), []).append(j)
    for i, o in enumerate(old):
        free = exact.get(_exact_key(o, old_words[i]))
        if free:
            j = free.pop(0)
            used_old.add(i)
            used_new.add(j)
            out.append((i, j, _score(1.0, 1.0)))
    rest_old = [i for i in range(len(old)) if i not in used_old]
    rest_new = [j for j in range(len(new)) if j not in used_new]
    # Two events reach the threshold only by sharing content words (or, without any, the same text):
    # each old event is scored against the new events that share one of its words, found through an
    # index. A word that more than COMMON_WORD of the new events use makes no candidates by itself
    # when the event has rarer words (among thousands of alike sentences, each changed, every pair
    # passed the threshold: n x n pairs kept and sorted); an event of common words only is scored
    # against every new event that shares one, as before.
    by_word: dict[str, list[int]] = {}
    by_text: dict[str, list[int]] = {}
    for j in rest_new:
        words, text = new_words[j]
        for w in words:
            by_word.setdefault(w, []).append(j)
        if not words:
            by_text.setdefault(text, []).append(j)
    candidates = []
    for i in rest_old:
        o = old[i]
        words, text = old_words[i]
        lists = [by_word.get(w, ()) for w in words]
        rare = [js for js in lists if len(js) <= COMMON_WORD]
        sharing: set[int] = set().union(*(rare if rare or not lists else lists)) if lists else set()
        for j in sorted(sharing) if words else by_text.get(text, ()):
            n = new[j]
            dsim = date_similarity(o, n)
            score = _score(_dice(old_words[i], new_words[j]), dsim)
            if score >= MATCH_THRESHOLD:
                candidates.append((-score, -dsim, i, j))
    candidates.sort()
    for neg_score, _, i, j in candidates:
        if i in used_old or j in used_new:
            continue
        used_old.add(i)
        used_new.add(j)
        out.append((i, j, -neg_score))
    return out


def _exact_key(e: Event, words: tuple[frozenset[str], str]) -> object:
    """Events with equal keys score the most two events can (Dice 1, the same date)."""
    wa, text = words
    return (_date_key(e), wa) if wa else (_date_key(e), "", text)


# --- word diff ----------------------------------------------------------------------------------

_TOKEN = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]")


def _tokens(text: str) -> list[tuple[str, str]]:
    """(the whitespace before it, token) for every word or punctuation mark of `text`."""
    out = []
    last = 0
    for m in _TOKEN.finditer(text):
        out.append((text[last:m.start()], m.group()))
        last = m.end()
    return out


_Opcode = tuple[str, int, int, int, int]


def _opcodes(a: list[str], b: list[str]) -> list[_Opcode]:
    """difflib opcodes, with short equal stretches between two larger changes folded into them
    (as diff-match-patch's semantic cleanup does), so a rewrite reads as one change, not confetti."""
    ops: list[_Opcode] = list(difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes())

    def size(op: _Opcode) -> int:
        return max(op[2] - op[1], op[4] - op[3])

    folded = True
    while folded:
        folded = False
        for k in range(1, len(ops) - 1):
            prev, mid, nxt = ops[k - 1], ops[k], ops[k + 1]
            if (mid[0] == "equal" and prev[0] != "equal" and nxt[0] != "equal"
                    and size(mid) < min(size(prev), size(nxt))):
                ops[k - 1:k + 2] = [("replace", prev[1], nxt[2], prev[3], nxt[4])]
                folded = True
                break
    return ops


def word_diff(old: str, new: str) -> tuple[WordRun, ...]:
    """Word-level diff of two sentences as equal/delete/insert runs (a replacement is a delete then an
    insert). The equal and delete runs joined give `old`, the equal and insert runs give `new`
    (whitespace inside equal stretches is taken from `new`; a word that follows a space in one
    version and none in the other is deleted and inserted, so neither version's words run together)."""
    ta, tb = _tokens(old), _tokens(new)
    runs: list[WordRun] = []

    def add(op: Op, text: str) -> None:
        if not text:
            return
        if op == "delete" and runs and runs[-1].op == "insert":  # deleted before inserted: one run each
            inserted = runs.pop()
            add(op, text)
            runs.append(inserted)
            return
        if runs and runs[-1].op == op:
            runs[-1] = WordRun(op, runs[-1].text + text)
        else:
            runs.append(WordRun(op, text))

    for tag, i1, i2, j1, j2 in _opcodes([t for _, t in ta], [t for _, t in tb]):
        if tag == "equal":
            for (wa, t), (wb, _) in zip(ta[i1:i2], tb[j1:j2], strict=True):
                if bool(wa) == bool(wb):
                    add("equal", wb + t)
                else:  # joined in one version, apart in the other ("storm hit", 'storm "hit'): a change
                    add("delete", wa + t)
                    add("insert", wb + t)
        else:
            add("delete", "".join(w + t for w, t in ta[i1:i2]))
            add("insert", "".join(w + t for w, t in tb[j1:j2]))
    return tuple(runs)


# --- the diff -----------------------------------------------------------------------------------


def diff_timelines(old: Timeline, new: Timeline) -> TimelineDiff:
    """The added, removed, changed and unchanged events from `old` to `new` (see the module docstring)."""
    oe, ne = list(old.events), list(new.events)
    pairs = _pairs(oe, ne)
    paired_old = {i for i, _, _ in pairs}
    paired_new = {j for _, j, _ in pairs}
    changed: list[tuple[int, EventChange]] = []
    unchanged: list[tuple[int, tuple[Event, Event]]] = []
    for i, j, score in pairs:
        o, n = oe[i], ne[j]
        date_changed = _date_key(o) != _date_key(n)
        text_changed = o.text != n.text
        if date_changed or text_changed:
            changed.append((j, EventChange(o, n, date_changed, text_changed, word_diff(o.text, n.text), score)))
        else:
            unchanged.append((j, (o, n)))
    return TimelineDiff(
        old=old,
        new=new,
        added=tuple(e for j, e in enumerate(ne) if j not in paired_new),
        removed=tuple(e for i, e in enumerate(oe) if i not in paired_old),
        changed=tuple(c for _, c in sorted(changed, key=lambda x: x[0])),
        unchanged=tuple(p for _, p in sorted(unchanged, key=lambda x: x[0])),
    )
