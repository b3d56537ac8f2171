"""tag(): recognise every temporal expression, then resolve each in the context of its sentence.

The stages, each handed what the one before made (the sentences are segmented once, by the
caller or here): recognise (rules/ + compose.py, `GRAMMAR.scan`) → modifiers around each match
(modifiers.py) → resolve in text order, so that anaphoric expressions ("the next day", "that
month") see the date the text mentioned last (resolve.py, with the tense of the sentence from
tense.py) → reported speech (speech.py). `explain` gives the same expressions with the rule, the
parts and the parse that made each (`timeline tag --explain`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from timeline.frozen import quick_init
from timeline.temporal import vocab
from timeline.temporal.grammar import Match
from timeline.temporal.modifiers import counted_from, left_modifier, right_modifier
from timeline.temporal.parse import Parse
from timeline.temporal.pieces import alt
from timeline.temporal.resolve import Context, Resolved, resolve
from timeline.temporal.rules import GRAMMAR
from timeline.temporal.speech import in_quotes
from timeline.temporal.tense import (
    FUTURE_IN_THE_PAST,
    PERFECT,
    TENSE_WINDOW,
    TIMETABLE_WORDS,
    marker_at,
    past_until,
    perfect_after,
    plan_told_in_past,
    scheduled_for,
    tense_at,
)
from timeline.temporal.timex import Timex
from timeline.temporal.values import Point
from timeline.text import Sentence, segment

# A dateline: the place (in capitals or title case) and the date that open a wire story,
# "WASHINGTON, Aug. 11 (Xinhua) --". It restates the publication date (infer.py reads it). It
# stays a temporal expression: TimeML annotators tag it in most documents of TBAQ.
# the place in capitals, accented too in other languages ("MÉXICO, 28 Ene.")
_PLACE_WORD = r"[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ.'-]*"
_DATELINE_BEFORE = re.compile(rf"\A\s*(?:{_PLACE_WORD}(?:[ ,/]+{_PLACE_WORD}){{0,4}},?[ \t]+)?\Z")
# the full stop of a month's abbreviation before a dateline's agency or dash ("28 Ene. (EUROPA PRESS) -")
_ABBREVIATION_DOT = re.compile(r"\.[ \t]*[-–—(]")
_DATELINE_AFTER = re.compile(r"[ \t]*(?:\([^)\n]{1,40}\)[ \t]*)?(?:--|[-–—_:]|\(|\n)")
# "since Friday", "since the blast Tuesday night", "since the vote on Monday": since an event of that day;
# "since early March", "since the end of March": since a part of it (vocab's position modifiers).
_SINCE = re.compile(r"\bsince\s+(?:(?:the|a|an|its|their|his|her|this|that)\s+[a-z-]+\s+(?:on\s+)?)?"
                    r"(?:(?:about|around|approximately|roughly)\s+)?"
                    rf"(?:(?:{alt(vocab.POSITION_MODS)}|the\s+{alt(vocab.OF_POSITION_MODS)}\s+of)(?:\s*-\s*|\s+))?$",
                    re.IGNORECASE)
# "said Monday that ...": the day a reported statement was made, in the sentence that reports it.
_SAID_BEFORE = re.compile(r"\b" + alt(vocab.REPORTING_VERBS) + r"\s+(?:on\s+)?$", re.IGNORECASE)
_SAID_THAT_AFTER = re.compile(r"\s+that\b", re.IGNORECASE)
# A date that qualifies a noun ("the Dec. 21, 1988, bombing", "the August 1988 cease-fire").
_ATTRIBUTIVE_BEFORE = re.compile(r"\b(?:the|a|an|its|their|his|her)\s+$", re.IGNORECASE)
_CLOCK_VALUE = re.compile(r"T(\d\d:\d\d)")
# The date that opens an item of a chronology ("20 April: Rig explodes", "2 June - Inquiry begins"),
# a bullet before it or none; the item is written in the present of a headline.
_ITEM_LABEL_BEFORE = re.compile(r"\s*(?:[-*•·]\s+)?")
_ITEM_LABEL_AFTER = re.compile(r":\s|\s+[-–—]\s")


@quick_init
@dataclass(frozen=True, slots=True)
class Explained:
    """One expression and what made it: the rule or composition (`rule`), the rules of its parts
    when composed (`parts`), the parse, and the timex (None for a phrase recognised so that it is
    not tagged: an age, "as soon as", "$5 a year")."""

    timex: Timex | None
    rule: str
    parts: tuple[str, ...]
    parse: Parse
    why: str | None = None  # why a relative date went to the past or the future ("the future: ...")

    def to_dict(self) -> dict[str, object]:
        """The timex's JSON form with "rule", "parts", "parse" and "why" added."""
        base = self.timex.to_dict() if self.timex is not None else {"text": None}
        return {**base, "rule": self.rule, "parts": list(self.parts), "parse": self.parse.shown(), "why": self.why}


# A wire page's time stamp before the dateline: "NEW YORK | Tue Jul 6, 2010 5:28 am EDT NEW YORK
# (Reuters) -" (a headline or byline may come before it). Its date and clock time, after the "|",
# restate the publication date.
_STAMP_BEFORE = re.compile(r"\|[ \t]*(?:[^|\n.;:]{4,24}?[ \t])?\Z")
_STAMP_AFTER = re.compile(r"(?:[ \t]+\d{1,2}:\d\d[ \t]*[ap]\.?m\.?(?:[ \t]+[A-Z]{2,4})?)?(?:[ \t]+[A-Z][^\n|]{0,60}?)?"
                          r"[ \t]+(?:\(|-LRB-)[ \t]*[A-Z][^()\n]{0,30}?(?:\)|-RRB-)[ \t]*(?:--|[-–—]|\n|\Z)")
_STAMP_WITHIN = 300  # characters from the start of the text


def is_dateline(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is the date of a dateline at the very start of the text, or the
    date or clock time of a wire page's time stamp before its dateline."""
    if text[end - 1:end].isalpha() and _ABBREVIATION_DOT.match(text, end, end + 3):
        end += 1  # a month's abbreviation that a phrase of another language ends before: "28 Ene. (EUROPA PRESS) -"
    if start < 80 and _DATELINE_BEFORE.match(text[:start]) is not None and _DATELINE_AFTER.match(text, end) is not None:
        return True
    return start < _STAMP_WITHIN and _STAMP_BEFORE.search(text, max(0, start - 30), start) is not None \
        and _STAMP_AFTER.match(text, end) is not None


def _needs_tense(p: Parse) -> bool:
    """Whether the tense of the sentence can change the value: a bare weekday, month or season
    ("said Friday" / "will meet Friday"), a date without its year, midnight ("ran past midnight"
    is the one that began the publication day, "by midnight" the one that ends it)."""
    if p.kind == "weekend" or (p.kind == "time_of_day" and p.hour == 24):  # "ran past midnight"
        return True
    if p.kind == "time_of_day":  # "was seen at 2am" is on no day still to come
        return p.hour is not None
    if p.kind == "weekday":
        return p.shift is None and p.week_shift is None
    if p.kind == "offset":  # "the year", "the month": a future cannot fall in one gone by
        return p.near and p.anchor == "ref"
    if p.kind == "named":
        return p.year is None and p.shift is None
    if p.kind == "calendar":
        return p.year is None and p.yshift is None and p.weekday is None and p.decade is None \
            and p.century is None
    return False


def _as_date(published: date | str) -> date:
    if isinstance(published, date):
        return published
    try:
        return date.fromisoformat(str(published)[:10])
    except ValueError as exc:
        raise ValueError(f"publication date {published!r} is not an ISO date (YYYY-MM-DD)") from exc


def _reported(text: str, sentence: Sentence | None, m: Match, quarter: Point, dct: date) -> bool:
    """Whether a quarter is one the text reports on: not a forecast ("analysts expect the trend to
    continue into the fourth quarter", "losses through the third quarter of 1990")."""
    if quarter.start > dct:
        return False
    if quarter.last() < dct or sentence is None:
        return True
    lo, hi = max(sentence.start, m.start - TENSE_WINDOW), min(sentence.end, m.end + TENSE_WINDOW)
    return tense_at(text[lo:hi], m.start - lo) != "future"


def _other_day(first: Point | None, day: int | None) -> str | None:
    """The value of a later day of a range or list ("April 24-25"): the first day's month and year."""
    if first is None or first.gran != "day" or day is None:
        return None
    try:
        return first.start.replace(day=day).isoformat()
    except ValueError:
        return None


def _reported_weekday(p: Parse) -> bool:
    """A weekday alone ("Friday"), which reported speech may count from the day it was said."""
    return p.kind == "weekday" and p.shift is None and p.week_shift is None and p.anchor == "dct"


def _in_reported_speech(text: str, sentence: Sentence, m: Match, said: date, ctx: Context) -> Context:
    """A weekday in what someone said on another day ("said Monday that talks would resume Friday",
    "had resumed Friday") is counted from that day: it is its speaker's Friday. In the future ("will
    resume Friday") it is still the reader's."""
    lo, hi = max(sentence.start, m.start - TENSE_WINDOW), min(sentence.end, m.end + TENSE_WINDOW)
    marker = marker_at(text[lo:hi], m.start - lo)
    if marker is None or not (marker[0] == "past" or marker[1] in FUTURE_IN_THE_PAST):
        return ctx
    return Context(said, ctx.ref, "past" if marker[0] == "past" else "future", ctx.ref_near, ctx.period)


# A relative clause that says a period recurs ("The hurricane season, which runs from June 1 to
# November 30, was ..."): its present is habitual, no timetable; the main clause after its closing
# comma says which year's period it is.
_RECURRING_RELATIVE = re.compile(
    r",\s*(?:which|that)\s+(?:(?:usually|normally|typically|traditionally)\s+)?" + alt(vocab.RECURRING_VERBS)
    + r"\s+from\s+(?:[^,;:.!?]{1,30}?\s*(?:to|until|till|through|-|–)\s*)?$", re.IGNORECASE)


def _main_clause_tense(text: str, sentence: Sentence, m: Match) -> tuple[str, str] | None:
    """The tense marker of the main clause after the recurring period's relative clause that the
    expression at `m` is in, or None."""
    if _RECURRING_RELATIVE.search(text, max(sentence.start, m.start - 80), m.start) is None:
        return None
    comma = text.find(",", m.end, sentence.end)
    if comma < 0:
        return None
    return marker_at(text[comma + 1:min(sentence.end, comma + 1 + TENSE_WINDOW)], 0)


def _tense_of(text: str, sentence: Sentence, m: Match) -> tuple[str | None, str]:
    """The tense a relative date is read in, and why (for `--explain`): "since" before it, a plan
    made for it ("called a meeting for Friday"), else the verbs nearest to it; a bounded window
    keeps this linear on run-ons."""
    if _SINCE.search(text, max(0, m.start - 40), m.start):
        return "past", "'since': never after the publication date"
    told = plan_told_in_past(text, sentence.start, m.start)
    if told is not None:
        return "past", f"a plan told in a past-progressive narrative ('{told}'): a day gone by"
    lo, hi = max(sentence.start, m.start - TENSE_WINDOW), min(sentence.end, m.end + TENSE_WINDOW)
    marker = marker_at(text[lo:hi], m.start - lo, m.end - lo)
    plan = scheduled_for(text, sentence.start, m.start)
    if plan is not None and (marker is None or marker[0] != "past" or marker[1] in PERFECT):
        return "future", f"schedule word '{plan}': the date a plan was made for"
    if marker is not None and marker[1] == "until":
        verb = past_until(text[lo:hi], m.start - lo, m.end - lo)
        if verb is not None:
            return "past", f"'until' after a verb in the past ('{verb}')"
    if (marker is None or marker[0] == "present" or marker[1] in TIMETABLE_WORDS) \
            and _ITEM_LABEL_BEFORE.fullmatch(text, sentence.start, m.start) and _ITEM_LABEL_AFTER.match(text, m.end):
        told = f" ('{marker[1]}')" if marker else ""
        return "past", f"the date of a chronology's item, told in a headline's present{told}: a day gone by"
    if marker is None:
        return None, "no tense marker near it: the nearest such date, a past one preferred"
    if marker[1] in TIMETABLE_WORDS:
        main = _main_clause_tense(text, sentence, m)
        if main is not None:
            return main[0], f"a period that recurs ('{marker[1]}'), in the main clause's tense ('{main[1]}')"
        return marker[0], f"a timetable in the present ('{marker[1]}')"
    if marker[1] in FUTURE_IN_THE_PAST and m.parse.kind == "offset":
        return None, f"a future seen from the date last mentioned ('{marker[1]}'): in its period"
    return marker[0], f"{marker[0]} tense ('{marker[1]}')"


def _leaves(m: Match) -> tuple[str, ...]:
    """The rules a composed match was made of, left to right."""
    return tuple(name for part in m.parts for name in (_leaves(part) or (part.rule,)))


def explain(text: str, published: date | str, sentences: Sequence[Sentence] | None = None,
            progress: Callable[[float], None] | None = None, silent: bool = False) -> list[Explained]:
    """What `tag` finds, each with the rule, parts and parse that made it; with `silent`, the
    phrases recognised so that they are not tagged as well (their `timex` is None)."""
    dct = _as_date(published)
    found = GRAMMAR.scan(text, None if progress is None else (lambda f: progress(0.6 * f)))
    if not found:  # nothing recognised (most sentences of a news text): nothing to resolve
        return []
    if sentences is None:
        sentences = segment(text)
    starts = [s.start for s in sentences]
    out: list[Explained] = []
    quiet: list[Explained] = []  # recognised, not tagged
    ref: Point | None = None
    period: Point | None = None  # the fiscal quarter the text reports on
    ref_sentence = -10
    clock: str | None = None  # the clock time of `ref`, when it was one ("23:00")
    scene = False  # whether `ref` sets a narrative's scene (resolve.Context.scene)
    explicit = False  # whether `ref` was written with its year, or counted from such a date
    night = False  # whether `ref` was the evening or night of a day the text named (resolve.Context.night)
    size = max(1, len(text))
    last_end = 0
    said: tuple[int, date] | None = None  # (sentence, day) of "said Monday that ..."
    for i, m in enumerate(found):
        if progress is not None and i % 2048 == 2047:
            progress(0.6 + 0.4 * m.start / size)
        si = bisect_right(starts, m.start) - 1
        sentence = sentences[si] if si >= 0 else None
        if m.start < last_end:  # "or later" after the expression before took its first word
            continue
        start, mod = left_modifier(text, m)
        if start < last_end:  # "two days later 2026": "later" ends the expression before
            start, mod = m.start, None
        end = m.end
        right = right_modifier(text, end)
        if right is not None:
            end, mod = right
        tense, why = None, ""
        if sentence is not None and _needs_tense(m.parse):
            tense, why = _tense_of(text, sentence, m)
        perfect = tense == "past" and scene and sentence is not None and si - ref_sentence <= 1 \
            and m.parse.kind == "calendar" and perfect_after(text[sentence.start:sentence.end], end - sentence.start)
        ctx = Context(dct, ref, tense, ref_near=si - ref_sentence <= 1, period=period, clock=clock, scene=scene,
                      explicit=explicit, night=night, perfect=perfect)
        if said is not None and said[0] == si and sentence is not None and _reported_weekday(m.parse):
            ctx = _in_reported_speech(text, sentence, m, said[1], ctx)
        r = resolve(m.parse, ctx)
        if r is not None and ctx.dct != dct:  # counted from the day a statement was made
            r = Resolved(r.value, r.point, "previous", r.type)
        parts = _leaves(m) if m.parts else ()
        if r is None:
            quiet.append(Explained(None, m.rule, parts, m.parse))
            continue
        type_ = r.type or m.parse.type
        if r.point is not None and type_ == "DATE" and not m.parse.spans:
            counted = counted_from(text, start, r.point, dct)
            if counted is not None:
                start, point = counted
                r = Resolved(point.value(), point, r.anchor)
                mod = None
                while out and out[-1].timex is not None and out[-1].timex.end > start:  # "three days" was a duration
                    out.pop()
        if r.point is not None and r.point.gran == "day" and sentence is not None \
                and _SAID_THAT_AFTER.match(text, end) \
                and _SAID_BEFORE.search(text, max(sentence.start, start - 30), start):
            said = (si, r.point.start)
        if r.point is not None and type_ in ("DATE", "TIME") and m.parse.moves_ref:
            ref, ref_sentence = r.point, si
            # Written with its year and not qualifying a noun, or counted from such a date.
            scene = (r.anchor is None and not _ATTRIBUTIVE_BEFORE.search(text, max(0, start - 12), start)) \
                or (r.anchor == "previous" and scene)
            explicit = r.anchor is None or (r.anchor == "previous" and explicit)
            at = _CLOCK_VALUE.search(r.value)
            clock = at.group(1) if at else None
            night = m.parse.kind != "time_of_day" and r.point.gran == "day" and (
                r.value[10:] in ("TEV", "TNI") or (clock is not None and clock >= "18:00"))
            if at and type_ == "DATE":  # "nine hours later" than a clock time is a clock time
                type_ = "TIME"
            if r.point.gran == "quarter" and _reported(text, sentence, m, r.point, dct):
                period = r.point
        if m.parse.spans:
            others = [m.parse.value2] if m.parse.value2 else [_other_day(r.point, d) for d in m.parse.days]
            if others and None not in others:
                cut = m.start + m.parse.spans[0][1]
                first = Timex(start, cut, text[start:cut], type_, r.value, mod or m.parse.mod, r.anchor, m.rule)
                out.append(Explained(first, m.rule, parts, m.parse))
                for (s, e), value in zip(m.parse.spans[1:], others, strict=True):
                    s, e = m.start + s, (end if e == m.end - m.start else m.start + e)
                    out.append(Explained(Timex(s, e, text[s:e], type_, value or "", None, r.anchor, m.rule),
                                         m.rule, parts, m.parse))
                last_end = end
                continue
        timex = Timex(start, end, text[start:end], type_, r.value, mod or m.parse.mod, r.anchor, m.rule)
        if ctx.dct != dct:
            why = f"counted from {ctx.dct.isoformat()}, the day it was said ('said ... that'); " + why
        elif r.anchor == "previous" and m.parse.anchor == "dct" and m.parse.kind in ("calendar", "named"):
            why = "a narrative in an earlier year goes on in it: the nearest to the date last mentioned; " + why
        out.append(Explained(timex, m.rule, parts, m.parse, _side(r.point, dct, why) if why else None))
        last_end = end
    out = _clock_range_ends(text, _clock_range_starts(text, _clocks_on_their_day(text, out)))
    out = _reported_speech(text, _appositions(text, _clocks_before_their_noun(text, out)), dct)
    return out + quiet if silent else out


# "at 1425 local time (1925 GMT) on Thursday": a clock time, the same time in another zone in
# brackets (or a tokenised corpus's -LRB- -RRB-), then the day both are on.
_BRACKET_OPEN = re.compile(r"\s*(?:\(|-LRB-)\s*")
_BRACKET_CLOSE_DAY = re.compile(r"\s*(?:\)|-RRB-)\s*,?\s*(?:on\s+)?", re.IGNORECASE)
_DAY_OF = re.compile(r"\d{4}-\d\d-\d\d(?=$|T)")
_DAY_CLOCK = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d")
_ISO_DAY = re.compile(r"\d{4}-\d\d-\d\d")


def _clock_alone(e: Explained) -> bool:
    """A clock time that took its day from the context (the day last mentioned, or publication)."""
    return e.timex is not None and e.parse.kind == "time_of_day" and e.parse.hour is not None \
        and not e.parse.amount and e.timex.anchor is not None and _DAY_CLOCK.fullmatch(e.timex.value) is not None


def _clocks_on_their_day(text: str, found: list[Explained]) -> list[Explained]:
    """A clock time restated in another zone in brackets and followed by its day ("at 1425 local
    time (1925 GMT) on Thursday") is on that day, not on the day the text mentioned before it: the
    brackets keep the parts from composing. The bracketed time is on the day after when it is
    earlier (past midnight in the other zone: "1930 CDT (0030 GMT) on Thursday")."""
    out = list(found)
    for i in range(len(out) - 2):
        first, second, day = out[i].timex, out[i + 1].timex, out[i + 2].timex
        if first is None or second is None or day is None or day.type not in ("DATE", "TIME") \
                or not (_clock_alone(out[i]) and _clock_alone(out[i + 1])):
            continue
        on = _DAY_OF.match(day.value)
        if on is None or _BRACKET_OPEN.fullmatch(text, first.end, second.start) is None \
                or _BRACKET_CLOSE_DAY.fullmatch(text, second.end, day.start) is None:
            continue
        when = date.fromisoformat(on.group(0))
        clock = first.value[10:]  # "T14:25"
        for k, t in enumerate((first, second)):
            d = when + timedelta(days=1) if k and t.value[10:] < clock else when
            out[i + k] = Explained(replace(t, value=d.isoformat() + t.value[10:], anchor=day.anchor),
                                   out[i + k].rule, out[i + k].parts, out[i + k].parse,
                                   f"on the day named after it ('{day.text}')")
    return out


# Between a clock time before its noun and the day after the noun: up to three words, none that
# joins a clause or opens a phrase of another kind, then "on" or nothing ("a 10 p.m. curfew on
# Friday", "the 5 p.m. filing deadline Friday").
_NOUN_THEN_DAY = re.compile(r"(?:\s+(?!(?:" + alt(vocab.NOT_IN_A_CLOCK_NOUN) + r")\b)[a-z][a-z-]*){1,3}\s+(?:on\s+)?")


def _clocks_before_their_noun(text: str, found: list[Explained]) -> list[Explained]:
    """A clock time or range written before its noun, after an article ("a 10 p.m. to 6 a.m. curfew
    on Friday", "the 5 p.m. deadline on Friday"), is on the day written after the noun, not on
    the day the text mentioned before it or the publication day; a range's end earlier than its
    start on the day after (a curfew "on Friday" is Friday night to Saturday morning)."""
    out = list(found)
    for i in range(len(out) - 1):
        first = out[i].timex
        if first is None or not _clock_alone(out[i]) \
                or not _ATTRIBUTIVE_BEFORE.search(text, max(0, first.start - 12), first.start):
            continue
        last = i
        if i + 2 < len(out) and _clock_alone(out[i + 1]) and out[i + 1].timex is not None \
                and _range_joined(text, first, out[i + 1].timex):
            last = i + 1
        end, day = out[last].timex, out[last + 1].timex
        if end is None or day is None or day.type != "DATE" or _ISO_DAY.fullmatch(day.value) is None \
                or _NOUN_THEN_DAY.fullmatch(text, end.end, day.start) is None \
                or tense_at(text[end.end:day.start], 0) is not None:
            continue
        when = date.fromisoformat(day.value)
        for k in range(i, last + 1):
            t = out[k].timex
            assert t is not None
            d = when + timedelta(days=1) if k > i and t.value[10:] < first.value[10:] else when
            out[k] = Explained(replace(t, value=d.isoformat() + t.value[10:], anchor=day.anchor),
                               out[k].rule, out[k].parts, out[k].parse,
                               f"a clock time before its noun: on the day after the noun ('{day.text}')")
    return out


# Between the two ends of a clock range: "10pm-6am", "10 p.m. to 6 a.m.", "from 22:00 until 06:00".
_CLOCK_RANGE_JOIN = re.compile(r"\s*(?:-|–|—|to|until|till|through)\s*", re.IGNORECASE)


# "between 10 p.m. and 6 a.m.": "and" joins a range only after "between".
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+$", re.IGNORECASE)
_AND_JOIN = re.compile(r"\s*and\s*", re.IGNORECASE)


def _range_joined(text: str, first: Timex, second: Timex) -> bool:
    """Whether only a range's joining word or dash stands between two expressions."""
    if _CLOCK_RANGE_JOIN.fullmatch(text, first.end, second.start) is not None:
        return True
    return _AND_JOIN.fullmatch(text, first.end, second.start) is not None \
        and _BETWEEN_BEFORE.search(text, max(0, first.start - 10), first.start) is not None


def _clock_range_starts(text: str, found: list[Explained]) -> list[Explained]:
    """The start of a clock range whose end names its day ("3-5pm on Friday", "10pm-6am on Friday
    30 January") is on that day; the end, when earlier than the start, on the next (a curfew
    "10pm-6am on Friday" is Friday night to Saturday morning)."""
    out = list(found)
    for i in range(len(out) - 1):
        first, second = out[i].timex, out[i + 1].timex
        if first is None or second is None or not _clock_alone(out[i]) \
                or _DAY_CLOCK.fullmatch(second.value) is None \
                or (_clock_alone(out[i + 1]) and out[i].rule != "clock_range_start") \
                or first.value[:10] == second.value[:10] or not _range_joined(text, first, second):
            continue
        out[i] = Explained(replace(first, value=second.value[:10] + first.value[10:], anchor=second.anchor),
                           out[i].rule, out[i].parts, out[i].parse, f"on the day of the range's end ('{second.text}')")
        if second.value[10:] < first.value[10:] and not _clock_alone(out[i + 1]):
            day = date.fromisoformat(second.value[:10]) + timedelta(days=1)
            out[i + 1] = Explained(replace(second, value=day.isoformat() + second.value[10:]), out[i + 1].rule,
                                   out[i + 1].parts, out[i + 1].parse,
                                   "the end of a clock range, earlier than its start: the day after the start's")
    return out


def _clock_range_ends(text: str, found: list[Explained]) -> list[Explained]:
    """The end of a clock range that is earlier than its start ("a 10 p.m.-6 a.m. curfew", "10pm
    Friday 30 January 2026 to 6am") is on the next day: the second time took the first one's day."""
    out = list(found)
    for i in range(len(out) - 1):
        first, second = out[i].timex, out[i + 1].timex
        if first is None or second is None or _DAY_CLOCK.fullmatch(first.value) is None \
                or not _clock_alone(out[i + 1]) \
                or second.anchor != "previous" or first.value[:10] != second.value[:10] \
                or second.value[10:] >= first.value[10:] or not _range_joined(text, first, second):
            continue
        day = date.fromisoformat(first.value[:10]) + timedelta(days=1)
        out[i + 1] = Explained(replace(second, value=day.isoformat() + second.value[10:]), out[i + 1].rule,
                               out[i + 1].parts, out[i + 1].parse, "the end of a clock range, earlier than its start")
    return out


# A part of a period in apposition to the day before it ("on Oct. 1, the start of the fiscal year",
# "Dec. 24, the end of the year"): it restates that day, it is no date of its own.
_APPOSITION_JOIN = re.compile(r"\s*,\s*")
_THE = re.compile(r"the\s", re.IGNORECASE)
_PART_MODS = frozenset({"START", "MID", "END"})


def _appositions(text: str, found: list[Explained]) -> list[Explained]:
    """`found` without the parts of a period in apposition to a day just before them."""
    out: list[Explained] = []
    for e in found:
        t, before = e.timex, out[-1].timex if out else None
        if t is not None and before is not None and t.mod in _PART_MODS and not _ISO_DAY.match(t.value) \
                and _THE.match(t.text) and _ISO_DAY.match(before.value) \
                and _APPOSITION_JOIN.fullmatch(text, before.end, t.start):
            continue
        out.append(e)
    return out


def _reported_speech(text: str, found: list[Explained], dct: date) -> list[Explained]:
    """The expressions with the speaker's days re-anchored on the day a quotation was said."""
    if not any(e.parse.speaker_day for e in found):
        return found
    timexes = [e.timex for e in found if e.timex is not None]
    moved = in_quotes(text, timexes, [e.parse.speaker_day for e in found], dct)
    return [Explained(t, e.rule, e.parts, e.parse,
                      e.why if t == e.timex else "in a quotation: counted from the day it was said")
            for t, e in zip(moved, found, strict=True)]


def _side(point: Point | None, dct: date, why: str) -> str:
    """`why` after the side of the publication date the value fell on: "the past: past tense ('said')"."""
    if point is None:
        return why
    side = "the past" if point.last() < dct else "the future" if point.start > dct else "the publication date"
    return f"{side}: {why}"


def tag(text: str, published: date | str, sentences: Sequence[Sentence] | None = None,
        progress: Callable[[float], None] | None = None) -> list[Timex]:
    """Every temporal expression in `text`, each resolved to a TIMEX3 value against the publication
    date (deictic expressions) or the date the text last mentioned (anaphoric ones). `sentences`
    is `segment(text)` when the caller has it already; `progress` hears how far it is (0 to 1)."""
    return [e.timex for e in explain(text, published, sentences, progress) if e.timex is not None]
