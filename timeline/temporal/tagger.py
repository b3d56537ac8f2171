"""tag(): recognise every temporal expression, then resolve each in the context of its sentence.

Resolution runs in text order so that anaphoric expressions ("the next day", "that month") see
the date the text mentioned last.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from datetime import date

from timeline.temporal import vocab
from timeline.temporal.grammar import Match
from timeline.temporal.parse import Parse
from timeline.temporal.pieces import alt, word_before
from timeline.temporal.resolve import Context, Resolved, resolve
from timeline.temporal.rules import GRAMMAR, number_of
from timeline.temporal.tense import tense_at
from timeline.temporal.timex import Timex
from timeline.temporal.values import RANK, OutOfRange, Point, add_days
from timeline.text import Sentence, segment

# Modifiers written before an expression, kept inside its span as TimeML does (vocab.POSITION_MODS,
# OF_POSITION_MODS, QUANTITY_MODS), and after it ("or so", vocab.RIGHT_MODS).
_LEFT_MOD = re.compile(
    r"(?<![\w-])(?:the\s+)?(?:very\s+)?(?P<mod>" + alt(vocab.OF_POSITION_MODS) + r"\s+of(?:\s+the)?"
    "|" + alt(vocab.POSITION_MODS) + "|" + alt(vocab.QUANTITY_MODS) + r")(?:\s+|-)$",
    re.IGNORECASE,
)
_PHRASAL_VERB_BEFORE = word_before(vocab.PHRASAL_VERBS)
_RIGHT_MOD = re.compile(r"\s+or\s+(?P<mod>" + alt(vocab.RIGHT_MODS) + r")\b", re.IGNORECASE)
# A dateline: the place (in capitals or title case) and the date that open a wire story,
# "WASHINGTON, Aug. 11 (Xinhua) --". It restates the publication date (infer.py reads it). It
# stays a temporal expression: TimeML annotators tag it in most documents of TBAQ.
_DATELINE_BEFORE = re.compile(r"\A\s*(?:[A-Z][A-Za-z.'-]*(?:[ ,/]+[A-Z][A-Za-z.'-]*){0,4},?[ \t]+)?\Z")
_DATELINE_AFTER = re.compile(r"[ \t]*(?:\([^)\n]{1,40}\)[ \t]*)?(?:--|[-–—_:]|\(|\n)")


def is_dateline(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is the date of a dateline at the very start of the text."""
    return start < 80 and _DATELINE_BEFORE.match(text[:start]) is not None \
        and _DATELINE_AFTER.match(text, end) is not None


def _needs_tense(p: Parse) -> bool:
    """Whether the tense of the sentence can change the value: a bare weekday, month or season
    ("said Friday" / "will meet Friday"), a date without its year."""
    if p.kind == "weekend":
        return True
    if p.kind == "weekday":
        return p.shift is None and p.week_shift is None
    if p.kind == "named":
        return p.year is None and p.shift is None
    if p.kind == "calendar":
        return p.year is None and p.yshift is None and p.weekday is None and p.decade is None \
            and p.century is None
    return False



# "over" means "more than" after these ("lasted over a week", "for over a decade"), else "across".
_MORE_THAN_OVER = re.compile(r"\b" + alt(vocab.OVER_MEANS_MORE_AFTER) + r"\s+$|^\W*$", re.IGNORECASE)
_STARTS_WITH_NUMBER = re.compile(r"\d|an?\s|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                                 r"fifteen|twenty|thirty|forty|fifty|sixty|hundred|several|a\s+few)\b",
                                 re.IGNORECASE)

# "the day before last Tuesday", "three days after Christmas", "a week from Monday": a date
# counted from the date right after it. Not after a verb of duration ("spent two weeks before
# Christmas in Paris" is a stay, not a date).
_COUNTED_FROM = re.compile(
    r"(?<![\w-])(?P<num>the|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"fifteen|twenty|thirty|\d{1,2})\s+(?P<unit>days?|weeks?|months?)\s+(?P<dir>before|after|prior\s+to|from)\s+$",
    re.IGNORECASE,
)
_DURATION_VERB_BEFORE = word_before(vocab.DURATION_VERBS)

_SINCE = re.compile(r"\bsince\s+$", re.IGNORECASE)

_TENSE_WINDOW = 200  # characters either side of an expression that its tense is read from


def _as_date(published: date | str) -> date:
    if isinstance(published, date):
        return published
    try:
        return date.fromisoformat(str(published)[:10])
    except ValueError as exc:
        raise ValueError(f"publication date {published!r} is not an ISO date (YYYY-MM-DD)") from exc


def _left_modifier(text: str, m: Match) -> tuple[int, str | None]:
    """Extend the span left over a modifier ("early", "the end of", "about") and return its mod."""
    window = text[max(0, m.start - 40):m.start]
    lm = _LEFT_MOD.search(window)
    if lm is None:
        return m.start, None
    word = " ".join(lm.group("mod").lower().split())
    core = text[m.start:m.end]
    lm_start = lm.start("mod") if lm.group().endswith("-") else lm.start()  # "the [mid-1990s] boom"
    p = m.parse
    is_duration, counted = p.kind == "duration", p.kind == "count"
    if word.endswith(" of") or word.endswith(" of the"):
        word = word.rsplit(" of", 1)[0]
        if p.kind in ("duration", "literal"):
            return m.start, None
        return m.start - (len(window) - lm_start), vocab.OF_POSITION_MODS.get(word)
    if word in vocab.POSITION_MODS:
        if p.kind in ("duration", "literal") or counted:
            return m.start, None
        return m.start - (len(window) - lm_start), vocab.POSITION_MODS[word]
    mod = vocab.QUANTITY_MODS.get(word)
    if mod is None:
        return m.start, None
    if word in ("around", "about", "over") and _PHRASAL_VERB_BEFORE.search(window, 0, lm.start("mod")):
        return m.start, None  # "get around Wednesday's ruling", "came about Friday": a verb's particle
    if word in ("over", "under", "some") and not (_STARTS_WITH_NUMBER.match(core) and (is_duration or counted)):
        return m.start, None
    if word == "over" and not counted and not _MORE_THAN_OVER.search(window, 0, lm.start("mod")):
        return m.start, None  # "spread over three years": across them, not more than
    if word in ("pre", "post") and not p.is_year_or_decade:
        return m.start, None
    if not is_duration and mod in ("LESS_THAN", "MORE_THAN") and counted:
        mod = "APPROX" if mod == "LESS_THAN" else mod
    # A date takes "about" ("around Nov. 1"), but "up to June 30" or "at least March" is a
    # preposition phrase around the date, not part of it.
    if not is_duration and not counted and mod not in ("APPROX", "BEFORE", "AFTER"):
        return m.start, None
    return m.start - (len(window) - lm_start), mod


def _counted_from(text: str, start: int, point: Point, dct: date) -> tuple[int, Point] | None:
    """Where "the day before" / "three days after" starts, right before a date, and the date it names."""
    window = text[max(0, start - 40):start]
    cm = _COUNTED_FROM.search(window)
    if cm is None or _DURATION_VERB_BEFORE.search(window, 0, cm.start()):
        return None
    word = cm.group("num").lower()
    n = 1 if word in ("the", "a", "an") else int(number_of(word) or 0)
    unit = {"d": "day", "w": "week", "m": "month"}[cm.group("unit")[0].lower()]
    if n <= 0 or RANK.get(point.gran, 99) > RANK[unit]:
        return None
    sign = 1 if cm.group("dir").lower() in ("after", "from") else -1
    try:
        if cm.group("dir").lower() == "from" and point.start < dct:  # "a week from Monday": the coming Monday
            recent = point.gran == "day" and point.start > add_days(dct, -7)
            point = point.shift(1, "week") if recent else point
        # "the week after Christmas" is that whole week; "a week after Jan. 5" is a day.
        whole = word == "the" and unit != "day"
        moved = point.coarsen(unit).shift(sign) if whole else point.shift(sign * n, unit)
    except OutOfRange:  # counted past date.min or date.max
        return None
    return start - (len(window) - cm.start()), moved


def _reported(text: str, sentence: Sentence | None, m: Match, quarter: Point, dct: date) -> bool:
    """Whether a quarter is one the text reports on: not a forecast ("analysts expect the trend to
    continue into the fourth quarter", "losses through the third quarter of 1990")."""
    if quarter.start > dct:
        return False
    if quarter.last() < dct or sentence is None:
        return True
    lo, hi = max(sentence.start, m.start - _TENSE_WINDOW), min(sentence.end, m.end + _TENSE_WINDOW)
    return tense_at(text[lo:hi], m.start - lo) != "future"


def tag(text: str, published: date | str, sentences: Sequence[Sentence] | None = None,
        progress: Callable[[float], None] | None = None) -> list[Timex]:
    """Every temporal expression in `text`, each resolved to a TIMEX3 value against the publication
    date (deictic expressions) or the date the text last mentioned (anaphoric ones). `sentences`
    is `segment(text)` when the caller has it already; `progress` hears how far it is (0 to 1)."""
    dct = _as_date(published)
    if sentences is None:
        sentences = segment(text)
    starts = [s.start for s in sentences]
    out: list[Timex] = []
    ref: Point | None = None
    period: Point | None = None  # the fiscal quarter the text reports on
    ref_sentence = -10
    size = max(1, len(text))
    matches = GRAMMAR.scan(text, None if progress is None else (lambda f: progress(0.6 * f)))
    speaker: list[bool] = []  # per timex: whether it is a day of whoever speaks (reported speech)
    for i, m in enumerate(matches):
        if progress is not None and i % 2048 == 2047:
            progress(0.6 + 0.4 * m.start / size)
        si = bisect_right(starts, m.start) - 1
        sentence = sentences[si] if si >= 0 else None
        if out and m.start < out[-1].end:  # "or later" after the expression before took its first word
            continue
        start, mod = _left_modifier(text, m)
        if out and start < out[-1].end:  # "two days later 2026": "later" ends the expression before
            start, mod = m.start, None
        end = m.end
        rm = _RIGHT_MOD.match(text, end)
        if rm is not None:
            mod = vocab.RIGHT_MODS[rm.group("mod").lower()]
            end = rm.end()
        tense = None
        if sentence is not None and _needs_tense(m.parse):
            # The verbs near the expression decide; a bounded window keeps this linear on run-ons.
            lo, hi = max(sentence.start, m.start - _TENSE_WINDOW), min(sentence.end, m.end + _TENSE_WINDOW)
            tense = tense_at(text[lo:hi], m.start - lo)
            if _SINCE.search(text, max(0, m.start - 12), m.start):
                tense = "past"  # "since April": never after the publication date
        ctx = Context(dct, ref, tense, ref_near=si - ref_sentence <= 1, period=period)
        r = resolve(m.parse, ctx)
        if r is None:
            continue
        type_ = m.parse.type
        if r.point is not None and type_ == "DATE" and m.parse.part2 is None:
            counted = _counted_from(text, start, r.point, dct)
            if counted is not None:
                start, point = counted
                r = Resolved(point.value(), point, r.anchor)
                mod = None
                while out and out[-1].end > start:  # "three days" was read as a duration
                    out.pop()
                    speaker.pop()
        if r.point is not None and type_ in ("DATE", "TIME") and m.parse.moves_ref:
            ref, ref_sentence = r.point, si
            if r.point.gran == "quarter" and _reported(text, sentence, m, r.point, dct):
                period = r.point
        if m.parse.part2 is not None:
            second = m.parse.value2 or _second_day(r.point, m.parse.day2)
            if second is not None:
                cut, resume = m.start + m.parse.part2[0], m.start + m.parse.part2[1]
                out.append(Timex(start, cut, text[start:cut], type_, r.value, mod or m.parse.mod, r.anchor, m.rule))
                out.append(Timex(resume, end, text[resume:end], type_, second, None, r.anchor, m.rule))
                speaker += [m.parse.speaker_day] * 2
                continue
        out.append(Timex(start, end, text[start:end], type_, r.value, mod or m.parse.mod, r.anchor, m.rule))
        speaker.append(m.parse.speaker_day)
    return _in_quotes(text, out, speaker, dct) if any(speaker) else out


# Reported speech: "today", "yesterday", "tomorrow", "tonight" inside a quotation are the speaker's
# (Parse.speaker_day), counted from the day the quote was said when the attribution dates it ("'We
# reopen tomorrow,' she said Wednesday"), not from the publication date.
_SAID = re.compile(r"\b" + alt(vocab.REPORTING_VERBS) + r"\b", re.IGNORECASE)
_QUOTE_MARK = re.compile(r"``|''|[\"“”]")
_QUOTE_REACH = 600  # how far a quotation is looked for around a word (keeps tagging linear)


def _quote_around(text: str, pos: int) -> tuple[int, int] | None:
    """The [open, close) span of the quotation that holds `pos` within its paragraph, if any."""
    lo = max(text.rfind("\n", max(0, pos - _QUOTE_REACH), pos), pos - _QUOTE_REACH, 0)
    hi = text.find("\n", pos, pos + _QUOTE_REACH)
    hi = min(len(text), pos + _QUOTE_REACH) if hi < 0 else hi
    opened = -1
    for q in _QUOTE_MARK.finditer(text, lo, hi):
        mark = q.group()
        is_open = mark in ("``", "“") or (mark == '"' and opened < 0)
        if q.start() >= pos:
            return (opened, q.end()) if opened >= 0 and not is_open else None
        opened = q.start() if is_open else -1
    return None


def _in_quotes(text: str, out: list[Timex], speaker: list[bool], dct: date) -> list[Timex]:
    """Re-anchor deictic words inside quotations on the day the attribution gives."""
    result = list(out)
    starts = [t.start for t in out]
    for i, t in enumerate(out):
        if not speaker[i] or len(t.value) < 10:
            continue
        quote = _quote_around(text, t.start)
        if quote is None:
            continue
        lo, hi = bisect_left(starts, quote[0] - 80), bisect_right(starts, quote[1] + 80)
        said = _attribution_day(text, out[lo:hi], speaker[lo:hi], quote)
        if said is None or said == dct:
            continue
        try:
            day = date.fromisoformat(t.value[:10]) + (said - dct)
        except (ValueError, OverflowError):  # the shifted day is outside date's range
            continue
        result[i] = Timex(t.start, t.end, t.text, t.type, day.isoformat() + t.value[10:], t.mod, "previous", t.rule)
    return result


def _attribution_day(text: str, out: list[Timex], speaker: list[bool], quote: tuple[int, int]) -> date | None:
    """The day of "she said Thursday" right after a quotation (or "said on Thursday:" right before it)."""
    for t, deictic in zip(out, speaker, strict=True):
        if len(t.value) < 10 or not t.value[:4].isdigit() or deictic:
            continue
        if quote[1] <= t.start <= quote[1] + 80:
            between = text[quote[1]:t.start]
        elif quote[0] - 40 <= t.end <= quote[0]:
            between = text[t.end:quote[0]]
            between = text[max(0, t.start - 40):t.start] + between
        else:
            continue
        if "\n" in between or not _SAID.search(between) or re.search(r"[.!?]\s", between):
            continue
        try:
            return date.fromisoformat(t.value[:10])
        except ValueError:
            return None
    return None


def _second_day(first: Point | None, day: int | None) -> str | None:
    """The value of the second day of a range ("April 24-25"): the first day's month and year."""
    if first is None or first.gran != "day" or day is None:
        return None
    try:
        return first.start.replace(day=day).isoformat()
    except ValueError:
        return None
