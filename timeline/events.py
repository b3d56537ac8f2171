"""Turn sentences into events: one per dated clause of a sentence, and (per `undated`) the
sentences without a date of their own, at the publication date or the day the text narrates.

Each event says how it was dated (`anchor`: its own date phrase, the publication date, or the day
the text was narrating) and what it is (`status`: reported, ongoing "since X", or expected: future
tense, a modal, or a date after publication). A date that only anchors a comparison ("the lowest
since 1987", "up from 11% a year ago", "than in 2019") is kept as the event's `reference`, never as
its date. "since X" and "from X to Y" become intervals.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from timeline import calendar
from timeline.article import Article
from timeline.byline import byline_test
from timeline.coreference import mentions, referents
from timeline.frozen import quick_init
from timeline.meta import DEFAULT_UNDATED, UNDATED_OPTIONS
from timeline.temporal import Timex, tag
from timeline.temporal.tagger import is_dateline
from timeline.temporal.tense import tense_at
from timeline.text import Sentence, segment

#: What `undated=` accepts: no event without a date phrase; the lead sentence at the publication
#: date; every sentence (at the publication date or the day the text narrates).


@quick_init
@dataclass(frozen=True, slots=True)
class Event:
    """One event: a sentence and the date that places it in time.

    `start`/`end` are the calendar interval [start, end) of the date (end exclusive). For an
    ongoing interval ("since last November") `end` is the day after publication and `ongoing` is
    True; `until` is the TIMEX3 value of the end of an explicit interval ("from 2009 to 2010").
    `text` is the whole sentence (whitespace-normalised); `clause` is the [start, end) of the
    clause that holds the date within `text`, when the sentence dates several things (else None).
    `offset` is the [start, end) of `phrase` in the article text (empty, at the sentence, for an
    event without a phrase of its own); `text_start` is where the event's clause begins in the
    article text. `anchor` is how it was dated ("phrase", "publication", "narrative"), `status`
    what it is ("reported", "ongoing", "expected"); `reference` and `reference_date` the phrase and
    value of a date that only anchors a comparison in the sentence. `reports` (one per source,
    in the order of `sources`) are the ids of the reports merged into a combined event.
    """

    id: str
    article: str
    sentence: int
    text: str
    phrase: str
    offset: tuple[int, int]
    date: str
    start: dt.date
    end: dt.date
    granularity: str
    label: str
    mod: str | None = None
    until: str | None = None
    ongoing: bool = False
    sources: tuple[str, ...] = field(default=())
    text_start: int = 0
    anchor: str = "phrase"
    status: str = "reported"
    clause: tuple[int, int] | None = None
    reference: str | None = None
    reference_date: str | None = None
    reports: tuple[str, ...] = field(default=())
    # The editor's last word (timeline.edits): a headline, a note, the fields the editor changed
    # (("added",) for an event the editor added) and, for an added event, the source it cites.
    headline: str | None = None
    note: str | None = None
    edited: tuple[str, ...] = field(default=())
    cite: str | None = None
    cite_url: str | None = None

    def to_dict(self) -> dict[str, object]:
        """JSON-ready form, in the documented schema."""
        return {
            "id": self.id,
            "article": self.article,
            "sources": list(self.sources or (self.article,)),
            "date": self.date,
            "mod": self.mod,
            "until": self.until,
            "ongoing": self.ongoing,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "granularity": self.granularity,
            "label": self.label,
            "status": self.status,
            "anchor": self.anchor,
            "text": self.text,
            "clause": list(self.clause) if self.clause else None,
            "phrase": self.phrase,
            "offset": list(self.offset),
            "sentence": self.sentence,
            "reference": self.reference,
            "reference_date": self.reference_date,
            **self._editor_fields(),
        }

    def _editor_fields(self) -> dict[str, object]:
        """The edits file's fields, present only on an event the editor edited or added."""
        if not self.edited:
            return {}
        out: dict[str, object] = {"edited": list(self.edited), "headline": self.headline, "note": self.note}
        if "added" in self.edited:
            out["source"], out["url"] = self.cite, self.cite_url
        return out

    @staticmethod
    def from_dict(d: dict[str, object]) -> Event:
        """Read back an event written by to_dict (timeline JSON files; older ones lack the
        status, anchor, clause and reference fields)."""
        offset = d.get("offset") or [0, 0]
        assert isinstance(offset, list)
        for key in ("id", "article", "text", "phrase", "date", "granularity", "label"):
            if not isinstance(d[key], str):  # `"text": null` was read as the sentence "None"
                raise TypeError(f"{key} is no string")
        sources = d.get("sources") or [d["article"]]
        assert isinstance(sources, list)
        clause = d.get("clause")
        ongoing = bool(d.get("ongoing"))
        status = str(d.get("status") or ("ongoing" if ongoing else "reported"))
        return Event(
            id=str(d["id"]), article=str(d["article"]), sentence=int(str(d.get("sentence", 0))),
            text=str(d["text"]), phrase=str(d["phrase"]), offset=(int(offset[0]), int(offset[1])),
            date=str(d["date"]), start=dt.date.fromisoformat(str(d["start"])),
            end=dt.date.fromisoformat(str(d["end"])), granularity=str(d["granularity"]),
            label=str(d["label"]), mod=str(d["mod"]) if d.get("mod") else None,
            until=str(d["until"]) if d.get("until") else None, ongoing=ongoing,
            sources=tuple(str(s) for s in sources), anchor=str(d.get("anchor") or "phrase"), status=status,
            clause=(int(clause[0]), int(clause[1])) if isinstance(clause, list) and len(clause) == 2 else None,
            reference=str(d["reference"]) if d.get("reference") else None,
            reference_date=str(d["reference_date"]) if d.get("reference_date") else None,
            headline=str(d["headline"]) if d.get("headline") else None,
            note=str(d["note"]) if d.get("note") else None,
            edited=tuple(str(x) for x in d.get("edited") or ()),  # type: ignore[attr-defined]
            cite=str(d["source"]) if d.get("source") else None,
            cite_url=str(d["url"]) if d.get("url") else None,
        )


def check_undated(value: str) -> str:
    """`value` if it is one of UNDATED_OPTIONS, else ValueError naming the choices."""
    if value not in UNDATED_OPTIONS:
        raise ValueError(f"undated must be one of {', '.join(UNDATED_OPTIONS)}, not {value!r}")
    return value


_SINCE_BEFORE = re.compile(r"\b(?:ever\s+)?since\s+$", re.IGNORECASE)
_FROM_BEFORE = re.compile(r"\b(?:from|between)\s+$", re.IGNORECASE)
_RANGE_BETWEEN = re.compile(r"^\s*(?:to|until|till|through|thru|and|-|–|—)\s*$", re.IGNORECASE)
_DASH_BETWEEN = re.compile(r"^\s*(?:-|–|—|to|through)\s*$", re.IGNORECASE)
# Where one clause ends and the next begins, between two dated expressions of a sentence.
# The close of a quotation is one too: '"We will rebuild by next summer," the minister said on Tuesday'.
_CLAUSE_BREAK = re.compile(r";|:|\s[-–—]\s|,?\s+(?:and|but|while|whereas|then)\s+|,\s+|[,.!?]?[\"”]\s+",
                           re.IGNORECASE)
# "after", "before", "when", "until" start a clause of their own ("rose on Friday after rain fell
# last Wednesday"), except right before the date they govern ("kept rising until early October").
_SUBORDINATE = re.compile(r"\s+(?:after|before|when|until|once|that)\s+(?=\S)", re.IGNORECASE)
_MD_INLINE = [
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),  # images -> alt text
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # links -> link text
    (re.compile(r"(\*\*|__)(.+?)\1"), r"\2"),  # bold
    (re.compile(r"(?<![\w*])([*_])(?!\s)(.+?)(?<!\s)\1(?![\w*])"), r"\2"),  # emphasis
    (re.compile(r"`([^`]+)`"), r"\1"),  # code
    (re.compile(r"^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)"), ""),  # heading, quote, list marks
]


def plain(text: str, fmt: str) -> str:
    """Sentence text for people: whitespace collapsed and, for Markdown, inline markup removed."""
    if fmt == "markdown":
        for pattern, repl in _MD_INLINE:
            text = pattern.sub(repl, text)
        row = text.strip()
        if row.startswith("|") and row.endswith("|"):  # a table row: its cells, separated by dashes
            text = " — ".join(cell.strip() for cell in row.strip("|").split("|") if cell.strip())
    return " ".join(text.split())


# --- comparison dates -----------------------------------------------------------------------------

# A date that only anchors a comparison: the sentence reports today's figure against it. Read on
# the words right before the date, in a bounded window (linear on any input).
_SUPERLATIVES = (
    r"(?:highest|lowest|biggest|largest|smallest|greatest|worst|best|strongest|weakest|fastest|slowest"
    r"|sharpest|steepest|deepest|longest|shortest|hottest|coldest|warmest|wettest|driest|busiest|quietest"
    r"|cheapest|dearest|heaviest|lightest|widest|narrowest|tightest|loosest|poorest|richest|deadliest"
    r"|costliest|bloodiest|fewest|most|least|first|only|record"
    # any other superlative after a determiner or a possessive: "the council's closest", "its tightest"
    r"|(?:(?<=the\s)|(?<=its\s)|(?<=their\s)|(?<=his\s)|(?<=her\s)|(?<=our\s)|(?<=['’]s\s))"
    r"(?!(?:interest|protest|request|contest|arrest|harvest|unrest|inquest|behest|midwest|northwest|southwest"
    r"|conquest|digest|suggest|attest|detest|invest|manifest|honest|modest|earnest|forest|guest|chest|crest"
    r"|priest|latest)\b)[a-z]{2,}est\b)"
)
_WORD = r"(?:[^\s;:.!?]|(?<=\d)\.(?=\d))+"  # a word of the clause ("4.1%" too)
# Words that open a clause of their own: a change ("up", "rose") before one is not the change the
# "from" after it belongs to ("take up the bill when it returns from recess on Feb. 9").
_SUBORDINATORS = r"(?:when|whenever|after|before|while|once|until|till|if|because|unless|where)"
_REFERENCE_BEFORE = re.compile(
    # "the lowest close since 2009", "for the first time since 1987", "not seen since the 1990s"
    rf"(?:\b{_SUPERLATIVES}\b(?:\s+{_WORD}){{0,8}}?|\b(?:not\s+(?:been\s+)?seen|never\s+(?:been\s+)?seen|unseen"
    rf"|unmatched|unprecedented)\b(?:\s+{_WORD}){{0,3}}?)\s+(?:ever\s+)?since\s+(?:the\s+(?:start|end|beginning)\s+of\s+)?$"
    # "the hottest year since records began in 1880"
    r"|\bsince\s+records\s+(?:began|started)\s+(?:in\s+)?$"
    # "compared with the same period of 2019", "versus a year earlier", "relative to 2019"
    rf"|\b(?:compared\s+(?:with|to)|in\s+comparison\s+(?:with|to)|versus|vs\.?|relative\s+to)(?:\s+{_WORD}){{0,6}}?\s+$"
    # "up from 11% a year ago", "rose 5% from a year earlier", "down from $3 billion in 2019"
    rf"|(?:\b(?:up|down|higher|lower|rose|rise|rises|risen|rising|fell|fall|falls|fallen|falling|dropped|drop|"
    rf"drops|climbed|climbs|increased|increase|increases|decreased|decrease|decreases|declined|decline|declines|"
    rf"grew|grown|gained|gain|gains|jumped|slipped|slid|plunged|soared|surged|tumbled|shrank|shrunk|widened|"
    rf"narrowed|improved|eased|edged|doubled|tripled|halved)\b|%|\bper\s*cent\b)(?:\s+(?!{_SUBORDINATORS}\b){_WORD}){{0,6}}?"
    rf"\s+from"
    rf"(?:\s+(?!(?:to|until|till|through|and)\b){_WORD}){{0,4}}?\s+$"  # not "from 2009 to [2010]"
    # "than in 2019", "than a year ago", "than it was last year", "than the same month of 2019"
    r"|\bthan\s+(?:(?:it|they|he|she|we)\s+(?:was|were|did|had)\s+|(?:was|were|did)\s+)?"
    r"(?:(?:in|at|on|during|for|over|of|by)\s+)?(?:the\s+same\s+\w+\s+(?:of|in|a|last)\s+)?$",
    re.IGNORECASE,
)
_REFERENCE_WINDOW = 90
# Every comparison above has one of these words: a quick test before the full pattern.
_REFERENCE_HINT = re.compile(r"since|compar|versus|vs|relative|from|than", re.IGNORECASE)
# The same on lowercased ASCII text, told which letter a match starts with (several times faster).
_REFERENCE_HINT_LOW = re.compile(r"(?=[scvrft])(?:since|compar|versus|vs|relative|from|than)")
# `_REFERENCE_BEFORE` for lowercased ASCII text, without the case-blind flag (its letters are all
# small ones): on ASCII text the same answer, two to three times faster (the full pattern is tried
# at every place of the window, 15-35 µs a date phrase with a hint before it).
_REFERENCE_BEFORE_LOW = re.compile(_REFERENCE_BEFORE.pattern)


_RANGE_AFTER = re.compile(r"\s*(?:to|until|till|through|thru|-|–|—)\s", re.IGNORECASE)
# "from fewer than 100,000 in [1980] to ...", "from 11% [a year ago] to ...": a figure between "from"
# and the date, so the range that follows is one of figures; the date anchors the first of them.
_FIGURE_FROM = re.compile(r"\bfrom\s+(?:[^\s\d]+\s+){0,3}\S*\d\S*(?:\s+[^\s\d]+){0,3}\s+$", re.IGNORECASE)


def is_reference(text: str, sentence_start: int, t: Timex) -> bool:
    """Whether the date expression `t` only anchors a comparison ("the lowest since 1987", "up
    from 11% a year ago", "compared with 2019", "than in 2019"): the event is not dated by it.
    The start of a range of dates ("rose from 2009 to 2010") is not; that of a range of figures
    ("jumped from 100,000 in 1980 to 300,000 last year") is."""
    before = text[max(sentence_start, t.start - _REFERENCE_WINDOW):t.start]
    if before.isascii():
        low = before.lower()
        if _REFERENCE_HINT_LOW.search(low) is None or _REFERENCE_BEFORE_LOW.search(low) is None:
            return False
    elif _REFERENCE_HINT.search(before) is None or _REFERENCE_BEFORE.search(before) is None:
        return False
    return _RANGE_AFTER.match(text, t.end) is None or _FIGURE_FROM.search(before) is not None


# A date that qualifies a noun: "the 1991 agreement", "the company's 2010 conference", "the Dec. 21,
# 1988, bombing" (a determiner or possessive before it, a noun after it).
_ATTRIBUTIVE_BEFORE = re.compile(r"(?:\b(?:the|a|an|its|their|his|her|our|this|that)|['’]s?)\s+$", re.IGNORECASE)
_NOUN_AFTER = re.compile(r",?\s+(?!(?:of|and|or|to|in|on|at|for|with|by|from|as|is|are|was|were|has|had|have|when|"
                         r"that|which|who|after|before|until|through|than|but|while)\b)[A-Za-z][a-z]")


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")  # a day by its date ("now" is PRESENT_REF: no day told of)
# A date alone at the head of the text restates the publication date when its day is at most a
# week before it (copy that ran late) or a day after it (time zones); farther from it, it is no
# dateline but a caption's or an item's ("June 23: Crews clean up oil ..." in December). A place
# before the date ("MILTON, July 18 —") makes a dateline whatever the day.
_DATELINE_DAYS_BEFORE, _DATELINE_DAYS_AFTER = 7, 1


def _is_dateline(text: str, t: Timex, published: dt.date) -> bool:
    """Whether the timex is the date of a dateline (tagger.is_dateline) that restates the publication date."""
    if not is_dateline(text, t.start, t.end):
        return False
    day = _ISO_DAY.match(t.value)
    if day is None or text[:t.start].strip():
        return True
    gap = (dt.date.fromisoformat(day.group()) - published).days
    return -_DATELINE_DAYS_BEFORE <= gap <= _DATELINE_DAYS_AFTER
# A date coarser than a day in the possessive before a noun: "this year's conference".
_POSSESSIVE_AFTER = re.compile(r"['’]s?\s+[A-Za-z]")


# An attribution: the clause names the source of what the sentence says ("according to figures
# released Monday", "according to an April 2 report"), up to the date, within one clause.
_ATTRIBUTION_BEFORE = re.compile(r"\baccording\s+to\b[^,;:.!?()\"“”]{0,60}$", re.IGNORECASE)


def is_attributive(text: str, t: Timex) -> bool:
    """Whether the date expression `t` only names a thing ("the 1991 agreement", "at this year's
    conference") or dates the source of what the sentence says ("according to figures released
    Monday")."""
    if _ATTRIBUTION_BEFORE.search(text, max(0, t.start - 80), t.start) is not None:
        return True
    if _POSSESSIVE_AFTER.match(text, t.end) is not None and _ISO_DAY.match(t.value) is None:
        return True  # (a day's is the day of its event: "Monday's announcement marked ...")
    return _ATTRIBUTIVE_BEFORE.search(text, max(0, t.start - 12), t.start) is not None \
        and _NOUN_AFTER.match(text, t.end) is not None


# --- status ---------------------------------------------------------------------------------------

# Modals of possibility that tense_at does not read as future ("could break even", "may reopen"),
# unless they speak of the past ("could not be reached", "may have left"). Lower case: "May" is a month.
_MODAL = re.compile(r"\b(?:could|may|might)\s+(?!not\b|n[o']t\b|have\b|\w+n['’]t\b)[a-z]+")
_MODAL_WINDOW = 80
# What a sentence without a date says of the future: the future tense and the words of a plan or a
# forecast (not the present of a schedule, "unveils", which a headline uses for the past).
_FUTURE = re.compile(
    r"\b(?:will|shall|won['’]t|would(?!\s+(?:not\s+)?have\b)|(?:is|are|was|were)\s+(?:going|set|due|expected|"
    r"scheduled|likely|poised|about)\s+to|(?:plans|planning|intends|aims|hopes|expects|vows|promises)\s+to|"
    r"(?:is|are)\s+to\s+be)\b|['’]ll\b", re.IGNORECASE)
# The same on an ASCII sentence lowercased (the same offsets), told first which letter a match
# starts with: several times faster than the case-blind search, for one sentence after another.
_FUTURE_LOW = re.compile(r"(?=[wsiaphev'’])(?:" + _FUTURE.pattern + ")")


def _expected_by_words(sentence: str, pos: int) -> bool:
    """Future tense near character `pos` of `sentence` (the tense nearest to a date phrase: "said on
    Friday it will", is past at "Friday"), or, where no tense marker is near, a forecast modal."""
    tense = tense_at(sentence, pos)
    if tense is not None:  # the phrase's own clause says: "has avoided ... throughout the fall" is past,
        return tense == "future"  # whatever a modal in another clause ("they could wreak") says
    return _MODAL.search(sentence, max(0, pos - _MODAL_WINDOW), min(len(sentence), pos + _MODAL_WINDOW)) is not None


def _future_at(sentence: str) -> int | None:
    """Where the first future tense, plan or forecast modal of a sentence is, or None. (Every match
    of `_FUTURE` holds "to", "will", "shall", "won", "would" or "'ll", and every match of `_MODAL`
    "could", "may" or "might": a sentence without them is not searched.)"""
    if sentence.isascii():
        low = sentence.lower()
        future = _FUTURE_LOW.search(low) if ("to" in low or "will" in low or "would" in low or "shall" in low
                                             or "won" in low or "'ll" in low) else None
    else:
        future = _FUTURE.search(sentence)
    modal = _MODAL.search(sentence) if ("may" in sentence or "could" in sentence or "might" in sentence) else None
    found = [m.start() for m in (future, modal) if m is not None]
    return min(found) if found else None


def expected_sentence(sentence: str) -> bool:
    """Whether a sentence without a date of its own tells of what is yet to happen: the future
    tense, a plan ("plans to", "is expected to") or a forecast modal ("could break even")."""
    return _future_at(sentence) is not None


def forecast_first(sentence: str) -> bool:
    """Whether a sentence without a date is a forecast of its own ("The operator could break even,
    officials said"), not the report of a past statement about the future ("Jobs said that buyers
    will get a refund": the past tense comes first)."""
    at = _future_at(sentence)
    return at is not None and tense_at(sentence[:at], 0) != "past"


# A correction or update note ("This article was amended on 5 February 2026 to correct ...", "This
# story has been updated on ..."): its date is when the article was changed, done whenever it falls.
_NOTE_NOUNS = ("article", "story", "report", "piece", "post", "page", "item", "column", "version")
_NOTE_VERBS = ("amended", "updated", "corrected", "changed", "edited", "revised", "clarified")
_UPDATE_NOTE = re.compile(
    r"\s*(?:\W\s*)?(?:this|the)\s+(?:" + "|".join(_NOTE_NOUNS) + r")\s+(?:was|has\s+been|had\s+been|is\s+being)\s+"
    r"(?:" + "|".join(_NOTE_VERBS) + r")\b", re.IGNORECASE)


def event_status(sentence: str, pos: int | None, start: dt.date, end: dt.date, ongoing: bool,
                 published: dt.date) -> str:
    """"ongoing" for "since X"; "expected" for a date after publication, or a date that does not
    lie wholly before it with a future tense or modal near `pos` (the date phrase; None for a
    sentence without one: anywhere in it); else "reported" (always for a correction or update note,
    "This article was amended on ...")."""
    if ongoing:
        return "ongoing"
    if _UPDATE_NOTE.match(sentence) is not None:
        return "reported"  # a correction note: the day the article was changed
    if start > published:
        return "expected"
    if end <= published:
        return "reported"
    if pos is None:
        return "expected" if expected_sentence(sentence) else "reported"
    return "expected" if _expected_by_words(sentence, pos) else "reported"


# --- dated expressions and clauses ----------------------------------------------------------------


@quick_init
@dataclass(frozen=True)
class _Dated:
    timex: Timex
    start: dt.date
    end: dt.date
    granularity: str
    until: Timex | None = None
    ongoing: bool = False


_INTERVALS: dict[tuple[str, str | None], tuple[dt.date, dt.date, str] | None] = {}


def _interval(value: str, mod: str | None) -> tuple[dt.date, dt.date, str] | None:
    """`calendar.interval`, remembered as `_label` is (a pure function of value and mod)."""
    key = (value, mod)
    if key in _INTERVALS:
        return _INTERVALS[key]
    if len(_INTERVALS) >= 4096:
        _INTERVALS.clear()
    iv = _INTERVALS[key] = calendar.interval(value, mod)
    return iv


def _dated(t: Timex) -> _Dated | None:
    if t.type not in ("DATE", "TIME"):
        return None
    iv = _interval(t.value, t.mod)  # "late 2025" starts in September
    if iv is None:
        return None
    return _Dated(t, iv[0], iv[1], iv[2])


# How far before a date "since", "from" or "between" is looked for: a bounded window keeps a
# sentence with thousands of dates linear.
_LOOK_BEHIND = 40


def _intervals(text: str, sentence: Sentence, items: list[_Dated], published: dt.date) -> list[_Dated]:
    """Join "from X to Y" / "between X and Y" / "X–Y" pairs, and mark "since X" as ongoing."""
    out: list[_Dated] = []
    i = 0
    while i < len(items):
        cur = items[i]
        before = text[max(sentence.start, cur.timex.start - _LOOK_BEHIND):cur.timex.start]
        if i + 1 < len(items):
            nxt = items[i + 1]
            between = text[cur.timex.end:nxt.timex.start]
            ranged = (_FROM_BEFORE.search(before) and _RANGE_BETWEEN.match(between)) or _DASH_BETWEEN.match(between)
            if ranged and nxt.end > cur.start:
                out.append(_Dated(cur.timex, cur.start, max(nxt.end, cur.end), cur.granularity, until=nxt.timex))
                i += 2
                continue
        if _SINCE_BEFORE.search(before):
            out.append(_Dated(cur.timex, cur.start, max(published + dt.timedelta(days=1), cur.end),
                              cur.granularity, ongoing=True))
        else:
            out.append(cur)
        i += 1
    return out


def _finest(group: list[_Dated]) -> _Dated:
    """The most precise date of a clause (the first among equals)."""
    return max(group, key=lambda d: (calendar.granularity_rank(d.granularity), -d.timex.start))


def _clauses(text: str, sentence: Sentence, items: list[_Dated]) -> list[tuple[_Dated, int, int]]:
    """Split a sentence with several dated expressions into clauses: (date, clause start, end)."""
    if len(items) == 1:
        return [(items[0], sentence.start, sentence.end)]
    groups: list[list[_Dated]] = [[items[0]]]
    cuts: list[int] = []
    for prev, cur in zip(items, items[1:], strict=False):
        gap_start = (prev.until or prev.timex).end
        gap = text[gap_start:cur.timex.start]
        breaks = list(_CLAUSE_BREAK.finditer(gap)) + [b for b in _SUBORDINATE.finditer(gap) if b.end() < len(gap)]
        breaks.sort(key=lambda b: b.start())
        if breaks:
            cuts.append(gap_start + breaks[-1].start())
            groups.append([cur])
        else:
            groups[-1].append(cur)
    bounds = [sentence.start, *cuts, sentence.end]
    out: list[tuple[_Dated, int, int]] = []
    seen: dict[tuple[str, str | None, str | None, bool], int] = {}
    for k, group in enumerate(groups):
        start, end = bounds[k], bounds[k + 1]
        d = _finest(group)
        key = (d.timex.value, d.timex.mod, d.until.value if d.until else None, d.ongoing)
        if key in seen:  # "in 2014, a decade ago": two phrases, one date, one event
            i = seen[key]
            out[i] = (out[i][0], out[i][1], end)
            continue
        seen[key] = len(out)
        out.append((d, start, end))
    return out


_CLAUSE_LEAD = re.compile(r"[\s;:,–—-]*(?:(?:and|but|while|whereas|then)\s+)?", re.IGNORECASE)


def _event_id(article: str, date_value: str, phrase: str, text: str) -> str:
    digest = hashlib.sha1(f"{date_value}\x1f{phrase}\x1f{text}".encode()).hexdigest()[:8]
    return f"{article}-{digest}"


def _clause_in(body: str, clause: str, frm: int) -> tuple[int, int] | None:
    """Where the clause text lies in the sentence text (searched from `frm`), or None."""
    if not clause:
        return None
    at = body.find(clause, frm)
    if at < 0:
        at = body.find(clause)
    return None if at < 0 else (at, at + len(clause))


# --- sentences without a date of their own --------------------------------------------------------

_FINAL = frozenset(".!?\"”’)»")
_WORDS = re.compile(r"[^\W\d_]{2,}")


_MD_HEADING = re.compile(r"#{1,6}\s")
_HEADING_WORDS = 25  # a line longer than this is a sentence, even without a full stop


def _is_heading(text: str, s: Sentence, alone: bool, title: str) -> bool:
    """A headline, dateline, byline or section heading: a Markdown heading, a short paragraph of its
    own without final punctuation, or the article's title again without a full stop ("Will it
    rain?"); not a sentence a timeline reports. (A title taken from the first line of a text
    that has no headline is its lead sentence, full stop and all.)"""
    raw = text[s.start:s.end].strip()
    if not raw:
        return True
    if alone and _MD_HEADING.match(raw):
        return True
    if title and not raw.endswith(".") and " ".join(raw.split()).casefold() == " ".join(title.split()).casefold():
        return True
    return alone and raw[-1] not in _FINAL and len(raw.split()) <= _HEADING_WORDS


def _date_only(text: str, s: Sentence, items: Sequence[_Dated]) -> bool:
    """Whether the sentence is nothing but its dates (a dateline on a line of its own)."""
    rest, at = [], s.start
    for d in items:
        rest.append(text[at:d.timex.start])
        at = max(at, d.timex.end)
    rest.append(text[at:s.end])
    return not _WORDS.search("".join(rest))


def _sentence_like(body: str) -> bool:
    """Enough words to be read as a sentence ("Updated." is not)."""
    words = _WORDS.finditer(body)
    return next(words, None) is not None and next(words, None) is not None and next(words, None) is not None


@quick_init
@dataclass(frozen=True)
class _Day:
    """The date an undated sentence is put at: its value, interval and granularity."""

    value: str
    start: dt.date
    end: dt.date
    granularity: str


_DAYLIKE = ("day", "part of day", "time")
# The day a story reports is at most this many days before its publication.
STORY_DAYS = 7
# How many sentences from the lead on are read for the day the story reports.
STORY_SENTENCES = 3


def story_day(sentences: Sequence[Sentence], by_sentence: dict[int, list[_Dated]], lead: int | None,
              published: dt.date) -> _Day | None:
    """The day the story reports, when its lead (or the sentences right after it) dates it to a
    recent day before publication: "Yesterday, Jobs unveiled ...", "Apple announced Friday ...";
    else None."""
    if lead is None:
        return None
    for si in range(lead, min(len(sentences), lead + STORY_SENTENCES)):
        for d in by_sentence.get(si, ()):
            if d.granularity in _DAYLIKE and dt.timedelta(0) < published - d.start <= dt.timedelta(days=STORY_DAYS):
                day = d.timex.value[:10]
                iv = calendar.interval(day)
                return None if iv is None else _Day(day, iv[0], iv[1], iv[2])
    return None


def recent_day(items: Sequence[_Dated], published: dt.date, story: _Day | None) -> _Day | None:
    """The day the text narrates after a sentence with dates of its own: the last recent day it
    names ("In his keynote Wednesday, ..."), None for the publication day itself ("Jobs announced
    today ..."), else the day it narrated before (`story`): undated sentences go on with the
    last day the text told of."""
    day = story
    for d in items:
        value = d.timex.value[:10]
        if d.granularity in _DAYLIKE and _ISO_DAY.fullmatch(value) \
                and dt.timedelta(0) <= published - d.start <= dt.timedelta(days=STORY_DAYS):
            iv = calendar.interval(value) if d.start < published else None
            day = None if iv is None else _Day(value, iv[0], iv[1], iv[2])
    return day


# An aside in brackets ("(first used in its iPad)") says nothing of the tense of the sentence.
_ASIDE = re.compile(r"\s*\([^()]*\)")


def _narrative_day(sentence: str, story: _Day | None) -> _Day | None:
    """The day the text is narrating, where a sentence without a date clearly goes on with it:
    the story reports a recent day and the sentence tells of the past ("Jobs also showed ...",
    "He said that buyers will get a refund"); else None (the publication date)."""
    if story is None or forecast_first(sentence) or tense_at(_ASIDE.sub("", sentence), 0) != "past":
        return None
    return story


def _undated_label(day: _Day, anchor: str, status: str = "reported") -> str:
    """"reported Saturday 31 January 2026" (the publication date), "Friday 30 January 2026 (day
    of the story)" (the day the story reports); what is expected was not reported as done: "as of
    Saturday 31 January 2026" (and "(expected)" after it, where outputs write the status)."""
    words = _label(day.value)
    if anchor != "publication":
        return f"{words} (day of the story)"
    return f"as of {words}" if status == "expected" else f"reported {words}"


_LABELS: dict[tuple[str, str | None], str] = {}


def _label(value: str, mod: str | None = None) -> str:
    """`calendar.label`, remembered: a collection's rows share a few publication dates, and a
    label is a pure function of the value and mod (at most 4,096 kept)."""
    key = (value, mod)
    words = _LABELS.get(key)
    if words is None:
        if len(_LABELS) >= 4096:
            _LABELS.clear()
        words = _LABELS[key] = calendar.label(value, mod)
    return words


# --- events ---------------------------------------------------------------------------------------


def lead_index(article: Article, sentences: Sequence[Sentence], alone: Sequence[bool] | None = None) -> int | None:
    """The index of the lead: the first sentence of the text that is not a headline, dateline,
    byline or table row (None when there is none). `alone`: `_alone(sentences)`, when made already."""
    text = article.text
    if alone is None:
        alone = _alone(sentences)
    for s, by_itself in zip(sentences, alone, strict=True):
        raw = text[s.start:s.end]
        if not _is_heading(text, s, by_itself, article.title) and _sentence_like(raw) and not raw.startswith("|"):
            return s.index
    return None


class _Ids:
    """Stable event ids of one article: a hash of date, phrase and sentence; "-2", "-3", ... for
    the same again (counted, never searched, so thousands of repeats stay linear)."""

    def __init__(self, article: str) -> None:
        self.article = article
        self.seen: set[str] = set()
        self.repeats: dict[str, int] = {}

    def make(self, date_value: str, phrase: str, text: str) -> str:
        base = eid = _event_id(self.article, date_value, phrase, text)
        n = self.repeats.get(base, 1)
        while eid in self.seen:
            n += 1
            eid = f"{base}-{n}"
        self.repeats[base] = n
        self.seen.add(eid)
        return eid


def _alone(sentences: Sequence[Sentence]) -> list[bool]:
    """For each sentence, whether it is a paragraph of its own (a line: a headline, a dateline)."""
    if len(sentences) == 1:  # (a collection's row, most often)
        return [True]
    counts: dict[int, int] = {}
    for s in sentences:
        counts[s.paragraph] = counts.get(s.paragraph, 0) + 1
    return [counts[s.paragraph] == 1 for s in sentences]


def _reportable(text: str, s: Sentence, alone: bool, title: str) -> bool:
    """Whether a sentence without a date can be an event: a sentence, not a heading or table row."""
    raw = text[s.start:s.end]
    return not _is_heading(text, s, alone, title) and _sentence_like(raw) and not raw.startswith("|")


def _reference(ref: Timex | None) -> tuple[str | None, str | None]:
    """The phrase and value of a sentence's comparison date, or (None, None)."""
    return (" ".join(ref.text.split()), ref.value) if ref is not None else (None, None)


def _dated_events(article: Article, sentence: Sentence, items: list[_Dated], ref: Timex | None,
                  ids: _Ids) -> list[Event]:
    """The events of a sentence with dates of its own: one per dated clause."""
    text, published = article.text, article.published
    raw_sentence = text[sentence.start:sentence.end]
    body = plain(raw_sentence, article.format)
    clauses = _clauses(text, sentence, _intervals(text, sentence, items, published))
    several = len(clauses) > 1
    reference, reference_date = _reference(ref)
    out = []
    frm = 0
    for d, cstart, cend in clauses:
        lead_m = _CLAUSE_LEAD.match(text, cstart)
        if lead_m is not None and cstart != sentence.start:
            cstart = lead_m.end()
        clause = _clause_in(body, plain(text[cstart:cend].rstrip(" ,;:–—-"), article.format), frm) if several else None
        if clause is not None:
            frm = clause[1]
        t = d.timex
        phrase_end = d.until.end if d.until else t.end
        phrase = " ".join(text[t.start:phrase_end].split())
        out.append(Event(
            id=ids.make(t.value, phrase, body), article=article.id, sentence=sentence.index, text=body, phrase=phrase,
            offset=(t.start, phrase_end), date=t.value, start=d.start, end=d.end, granularity=d.granularity,
            label=_label(t.value, t.mod), mod=t.mod, until=d.until.value if d.until else None,
            ongoing=d.ongoing, sources=(article.id,), text_start=cstart, anchor="phrase",
            status=event_status(raw_sentence, t.start - sentence.start, d.start, d.end, d.ongoing, published),
            clause=clause, reference=reference, reference_date=reference_date))
    return out


def _undated_day(sentence: str, published: dt.date, story: _Day | None, is_lead: bool) -> tuple[_Day, str]:
    """The date and anchor of a sentence without a date of its own: the day the story reports
    where it goes on with it (never the lead: it is the news of the day), else the publication."""
    narrated = None if is_lead else _narrative_day(sentence, story)
    if narrated is not None:
        return narrated, "narrative"
    return _publication_day(published), "publication"


_PUBLICATION_DAYS: dict[dt.date, _Day] = {}


def _publication_day(published: dt.date) -> _Day:
    """The publication date as a day (remembered: a collection's rows share a few; a _Day is frozen)."""
    day = _PUBLICATION_DAYS.get(published)
    if day is None:
        if len(_PUBLICATION_DAYS) >= 4096:
            _PUBLICATION_DAYS.clear()
        day = _PUBLICATION_DAYS[published] = _Day(published.isoformat(), published,
                                                  published + dt.timedelta(days=1), "day")
    return day


# "said", "announced": a sentence that reports what someone said, with the tense of the report.
_REPORTED_PAST = re.compile(r"\b(?:said|told|announced|declared|insisted|wrote|added|predicted|promised|warned|"
                            r"pledged|vowed|forecast|estimated)\b", re.IGNORECASE)


# "claims", "says": a claim made now about another time.
_REPORTED_PRESENT = re.compile(r"\b(?:says|claims|argues|alleges|contends|maintains|insists|believes|states)\s+"
                               r"(?:that\s+)?(?!on\b|in\b)[a-z]", re.IGNORECASE)


_THAT = re.compile(r"\s+that\b", re.IGNORECASE)


def _forecast_reported(sentence: str, at: int, dated: Sequence[Event]) -> bool:
    """Whether a sentence reports what someone said or claims with no date of its own for the
    report: a forecast reported in the past ("Jobs announced that Leopard would be released in
    2007" tells of the announcement too, at the day the text narrates or the publication date;
    "'We will rebuild by next summer,' the minister said on Tuesday" has the day of the report
    already), a past told as what someone said ("Jobs said that his company sold 13.7 million Macs
    last year": the saying is an event too, unless a day is given), or a claim in the present
    about another time ("Apple Corps claims that Apple violates an agreement reached in 1991": the
    claim is today's). `at` is where the sentence starts in the article text."""
    if not dated:
        return False
    if all(e.status == "expected" for e in dated) and _REPORTED_PAST.search(sentence) is not None:
        return True
    first = min(e.offset[0] for e in dated) - at
    said = _REPORTED_PAST.search(sentence, 0, max(0, first))
    if said is not None and _THAT.match(sentence, said.end()) and all(e.granularity not in _DAYLIKE for e in dated):
        return True
    claim = _REPORTED_PRESENT.search(sentence, 0, max(0, first))
    return claim is not None and all(e.status != "ongoing" for e in dated)


def _undated_event(article: Article, sentence: Sentence, day: _Day, anchor: str, ref: Timex | None,
                   ids: _Ids, status: str | None = None) -> Event:
    raw = article.text[sentence.start:sentence.end]
    body = plain(raw, article.format)
    status = status or event_status(raw, None, day.start, day.end, False, article.published)
    reference, reference_date = _reference(ref)
    return Event(
        id=ids.make(day.value, "", body), article=article.id, sentence=sentence.index, text=body, phrase="",
        offset=(sentence.start, sentence.start), date=day.value, start=day.start, end=day.end,
        granularity=day.granularity, label=_undated_label(day, anchor, status), sources=(article.id,),
        text_start=sentence.start, anchor=anchor,
        status=status, reference=reference, reference_date=reference_date)


# Quotation marks: a straight one opens or closes, a curly one says which it does.
_QUOTE_MARKS = {'"': 0, "\u201c": 1, "\u201d": -1}


def quote_openers(text: str, sentences: Sequence[Sentence]) -> dict[int, tuple[int, int]]:
    """The sentences that go on with a quotation an earlier sentence of their paragraph opened
    (double quotes only: single ones are also apostrophes), each mapped to (the sentence that
    opened it, where in the article text the quotation opened): one saying over several sentences,
    whose tense is the speaker's, not the article's. A new paragraph ends a quotation, unless it
    opens with a quotation mark while one is open (news style for a quotation over paragraphs)."""
    out: dict[int, tuple[int, int]] = {}
    opened: tuple[int, int] | None = None
    paragraph = None
    for si, s in enumerate(sentences):
        first = s.start
        if s.paragraph != paragraph:
            paragraph = s.paragraph
            while first < s.end and text[first].isspace():
                first += 1
            if opened is not None and first < s.end and _QUOTE_MARKS.get(text[first], -1) >= 0:
                first += 1  # the mark that reopens it
            else:
                opened, first = None, s.start
        if opened is not None:
            out[si] = opened
        for i in range(first, s.end):
            mark = _QUOTE_MARKS.get(text[i])
            if mark is None:
                continue
            opened = (si, i) if mark == 1 or (mark == 0 and opened is None) else None
    return out


def _saying_day(events: Sequence[Event], opener: int, quote_at: int) -> tuple[_Day, str] | None:
    """The day of the saying a quotation belongs to, from the events of the sentence that opened
    it: its undated event (the report), or a day it names before the quotation ("The minister
    said on Tuesday: ..."), never a date inside the quotation or a forecast; else None (the
    quotation then goes on with the day the text narrates, whatever the tense inside it)."""
    for e in reversed(events):
        if e.sentence != opener:
            if e.sentence < opener:
                break
            continue
        if e.status == "expected" or e.granularity not in _DAYLIKE or not _ISO_DAY.fullmatch(e.date):
            continue
        if e.anchor in ("publication", "narrative"):
            return _Day(e.date, e.start, e.end, e.granularity), e.anchor
        if e.offset[1] <= quote_at:
            return _Day(e.date, e.start, e.end, e.granularity), "narrative"
    return None


# The tagger's rules for a clock time or part of the day alone ("at 6 a.m.", "a 10 p.m.-6 a.m.
# curfew", "by mid-afternoon"): their day is the one the text last named, else the publication day.
BARE_CLOCK_RULES = frozenset({"clock", "clock_range_start", "mid_pod"})


def _dayless_clocks(text: str, timexes: Sequence[Timex], published: dt.date,
                    in_byline: Callable[[int, int], bool] | None = None) -> set[int]:
    """Where (start offsets) the clock times alone are whose day is the publication day for want of
    any other: a clock time is no evidence of a day, so only a day the text named before it ("On
    Friday, ... at 6 a.m.", "today ... at 6 a.m.") may date it. `find_events` keeps one still when
    its sentence names that day otherwise. (`in_byline`: `byline_test(text)`, when made already.)"""
    out: set[int] = set()
    if not timexes:
        return out
    in_byline = in_byline or byline_test(text)
    today = published.isoformat()
    named: str | None = None  # the day the text named last (not the dateline: that is the publication)
    after_dayless = False  # whether the expression before was such a clock time
    after_dated_clock = False  # whether it was a clock time with its day ("10pm Friday 30 January 2026")
    for t in timexes:
        if t.type not in ("DATE", "TIME"):
            continue
        day = t.value[:10]
        if t.rule in BARE_CLOCK_RULES:
            if after_dated_clock and t.anchor == "previous":
                after_dated_clock = False  # a range's end dated by its start ("10pm Friday to 6am")
                continue
            # The end of a range counts from its start ("10 p.m.-6 a.m." ends the next day).
            if (day == today and t.anchor is not None and not (t.anchor == "previous" and named == day)) \
                    or (after_dayless and t.anchor == "previous"):
                out.add(t.start)
                after_dayless = True
                continue
        elif _ISO_DAY.fullmatch(day) and not _is_dateline(text, t, published) and t.rule != "byline" \
                and not in_byline(t.start, t.end):
            named = day
        after_dayless = False
        after_dated_clock = t.type == "TIME" and t.rule not in BARE_CLOCK_RULES and len(t.value) > 10
    return out


def _remember_mentions(dated: Sequence[Event], told: dict[str, _Day]) -> None:
    """Remember, for each kind of event a dated clause tells of ("killed ... on Tuesday"), the
    clause's date: a later "the shooting" refers to it (timeline.coreference)."""
    for e in dated:
        if e.ongoing or e.until is not None:
            continue
        lo, hi = e.clause or (0, len(e.text))
        for at, family in mentions(e.text):
            if lo <= at < hi:
                told[family] = _Day(e.date, e.start, e.end, e.granularity)


def _referred_day(sentence: str, told: dict[str, _Day], published: dt.date) -> tuple[_Day, str] | None:
    """The day of the event an undated sentence names as its subject ("The shooting was the third
    this month" after "Gunmen killed three people on Tuesday"), when its tense agrees: the past
    for an event before publication, the future for one after it ("The ceremony will take place
    at ..."); else None ("The bombing will set back those efforts" tells of what follows it)."""
    for family in referents(sentence):
        day = told.get(family)
        if day is not None:
            tense = tense_at(_ASIDE.sub("", sentence), 0)
            if (tense == "past" and day.end <= published) or (tense == "future" and day.start > published):
                return day, "narrative"
            return None
    return None


def _nowhere(start: int, end: int) -> bool:
    return False


def find_events(article: Article, timexes: Sequence[Timex] | None = None,
                sentences: Sequence[Sentence] | None = None, *, undated: str = DEFAULT_UNDATED) -> list[Event]:
    """The events of one article, in text order (`timexes` and `sentences` when already made).

    `undated` says which sentences without a date phrase of their own become events: "none",
    "lead" (the lead sentence, at the publication date) or "all" (each at the publication date,
    or at the day the text narrates where it clearly continues it). A sentence whose only date
    anchors a comparison counts as undated, except that with "none" it is left out."""
    check_undated(undated)
    if sentences is None:
        sentences = segment(article.text)
    if timexes is None:
        timexes = tag(article.text, article.published, sentences)
    if not timexes and len(sentences) == 1:  # (a collection's row, most often)
        return _lone_undated(article, sentences[0], undated)
    return _find_events(article, timexes, sentences, undated)


def _lone_undated(article: Article, sentence: Sentence, undated: str) -> list[Event]:
    """`_find_events` of a text of one sentence and no temporal expression: with "lead" or "all",
    the sentence at the publication date when it is the lead (a sentence, not a heading); else
    nothing (tests/test_rowspeed.py compares the two)."""
    if undated == "none" or not _reportable(article.text, sentence, True, article.title):
        return []
    return [_undated_event(article, sentence, _publication_day(article.published), "publication", None,
                           _Ids(article.id))]


def _find_events(article: Article, timexes: Sequence[Timex], sentences: Sequence[Sentence],
                 undated: str) -> list[Event]:
    """`find_events` of any text, with its temporal expressions and sentences made."""
    text = article.text
    published = article.published
    by_sentence: dict[int, list[_Dated]] = {}
    references: dict[int, Timex] = {}
    in_byline = byline_test(text) if timexes else _nowhere  # (no dates: nothing to ask)
    si = 0
    for t in timexes:
        d = _dated(t)
        if d is None:
            continue
        while si + 1 < len(sentences) and sentences[si].end <= t.start:
            si += 1
        if _is_dateline(text, t, published) or t.rule == "byline" or in_byline(t.start, t.end):
            # the publication date again (infer.py)
            continue
        if is_reference(text, sentences[si].start, t):
            references.setdefault(si, t)
            continue
        by_sentence.setdefault(si, []).append(d)
    dayless = _dayless_clocks(text, timexes, published, in_byline)
    if dayless:  # a clock time alone dates its sentence only when the sentence names its day otherwise
        for si, items in list(by_sentence.items()):
            days = {d.timex.value[:10] for d in items if d.timex.start not in dayless}
            kept = [d for d in items if d.timex.start not in dayless or d.timex.value[:10] in days]
            if kept:
                by_sentence[si] = kept
            else:
                del by_sentence[si]
    alone = _alone(sentences)
    lead = lead_index(article, sentences, alone) if undated != "none" else None
    story = story_day(sentences, by_sentence, lead, published) if undated == "all" else None
    narrating = story is not None  # the story tells of a recent day: later sentences may name others
    quoted = quote_openers(text, sentences) if undated == "all" else {}
    events: list[Event] = []
    ids = _Ids(article.id)
    told: dict[str, _Day] = {}  # kind of event (timeline.coreference) -> the day a sentence gave it
    for si, sentence in enumerate(sentences):
        ref = references.get(si)
        items = by_sentence.get(si)
        if items and len(items) > 1:
            # "violated the 1991 agreement": a date that names a thing dates no event of a sentence
            # that has a date of its own.
            own = [d for d in items if not is_attributive(text, d.timex)]
            items = own or items
        if items and narrating and lead is not None and si > lead:
            story = recent_day(items, published, story)
        if items:
            if not _date_only(text, sentence, items):  # a dateline alone ("January 9, 2008") reports nothing
                dated = _dated_events(article, sentence, items, ref, ids)
                events.extend(dated)
                if undated == "all":
                    _remember_mentions(dated, told)
                if undated == "all" and _forecast_reported(text[sentence.start:sentence.end], sentence.start, dated):
                    day, anchor = _undated_day(text[sentence.start:sentence.end], published, story, si == lead)
                    events.append(_undated_event(article, sentence, day, anchor, ref, ids, status="reported"))
        elif (undated == "all" or (undated == "lead" and (si == lead or ref is not None))) and (
                si == lead or _reportable(text, sentence, alone[si], article.title)):
            day, anchor = _undated_day(text[sentence.start:sentence.end], published, story, si == lead)
            if si in quoted and si != lead:  # the rest of a quotation: the day of its saying
                day, anchor = _saying_day(events, *quoted[si]) or (
                    (story, "narrative") if story is not None else (day, anchor))
            elif told and si != lead:  # "The shooting was ...": the day an earlier sentence gave the killing
                day, anchor = _referred_day(text[sentence.start:sentence.end], told, published) or (day, anchor)
            events.append(_undated_event(article, sentence, day, anchor, ref, ids))
    return events
