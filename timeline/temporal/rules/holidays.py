"""Holidays: "Christmas", "Thanksgiving", "Easter 2026", "last Christmas", "Christmas night"."""

from __future__ import annotations

import re

from timeline.temporal import vocab
from timeline.temporal.grammar import Family, Fields
from timeline.temporal.parse import Parse
from timeline.temporal.pieces import alt
from timeline.temporal.rules.common import fields

family = Family("holidays")
rule = family.rule


@rule("holiday_season", r"(?:{shift} )?{holiday}(?: and New Year(?:['’]s)?)? (?:{season_word:holiday_season_word})")
def holiday_season(f: Fields) -> Parse | None:
    """"the Christmas season", "the Christmas and New Year sales period": the weeks around a holiday
    of a fixed day are its month, not the day (vocab.HOLIDAY_SEASON_WORDS)."""
    day = vocab.FIXED_HOLIDAYS.get(f.low("holiday") or "")
    if day is None:
        return None
    kw = {k: v for k, v in fields(f).items() if k != "holiday"}
    return Parse("named", month=day[0], **kw)


# "Easter Island", "Christmas trees", "Father Christmas": a thing, a place or a person named after a holiday
_THING_AFTER = re.compile(r"\s+(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in
                                            sorted(vocab.HOLIDAY_THINGS, key=len, reverse=True)) + r")(?![\w'’-])",
                          re.IGNORECASE)
_PERSON_BEFORE = re.compile(r"(?<![\w'’-])(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in
                                                      vocab.HOLIDAY_PERSONS) + r")\s+$", re.IGNORECASE)


# "the Boxing Day tsunami (of 2004)": a past incident named after the holiday it fell on (vocab.HOLIDAY_EVENTS)
_EVENT_AFTER = re.compile(r"\s+(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in
                                            sorted(vocab.HOLIDAY_EVENTS, key=len, reverse=True))
                          + r")(?![\w'’-])(?:\s+(?:of|in)\s+(?P<year>[12]\d{3})(?![\w'’-]))?", re.IGNORECASE)
# a year or "last year's" right before: the composition year_holiday dates it ("the 2004 Boxing Day tsunami")
_YEAR_BEFORE = re.compile(r"(?:\b[12]\d{3}|\byear)(?:['’]s?)?\s+$", re.IGNORECASE)


def _incident(f: Fields) -> Parse | None:
    """The parse of a holiday that names a past incident: its year's holiday when the year follows,
    else none (precision first: the nearest holiday is the wrong one); None when it names no incident."""
    m = _EVENT_AFTER.match(f.after(40))
    if m is None or _YEAR_BEFORE.search(f.before(20)):
        return None
    if m["year"] and not f["shift"]:
        return Parse("named", holiday=f.low("holiday"), year=int(m["year"]))
    return Parse("none")


# What ends the clause a holiday is in, looking back or ahead: a sentence's end, a semicolon or
# colon, a comma before a word that opens another clause ("He usually works late, but on Christmas").
_CLAUSE_END_BEFORE = re.compile(r"[.;:!?]\s|,\s*(?:but|yet|and|although|though|while|whereas|when|so|then)\b"
                                r"|\bbut\b", re.IGNORECASE)
_CLAUSE_END_AFTER = re.compile(r"[.;:!?,]")
# A habit word not after an article ("the usually quiet town": an adverb of an adjective).
_HABIT = re.compile(r"(?<![\w'’-])(?<!\bthe\s)(?<!\ba\s)(?<!\ban\s)(?:" + alt(vocab.HOLIDAY_HABITS)
                    + r")(?![\w'’-])", re.IGNORECASE)
_LIKENESS_BEFORE = re.compile(r"(?<![\w'’-])(?:" + alt(vocab.HOLIDAY_LIKENESS_BEFORE + vocab.HOLIDAY_GREETINGS)
                              + r")\s+(?:a\s+)?$", re.IGNORECASE)
_TITLE_SMALL = frozenset(vocab.TITLE_SMALL_WORDS)
_TITLE_LOWER = frozenset(vocab.TITLE_LOWER_WORDS)
# The capitalised words right before a holiday, after a word in lower case: "... of Do They Know It's [Christmas]".
_CAPITALISED_RUN = re.compile(r"(?<![\w'’-])([a-z][\w'’-]*)\s+((?:[A-Z][\w'’-]*\s+)+)$")
_OPENING_QUOTE = re.compile(r"(?:^|(?<=[\s(\[]))[\"“‘'«]([^\"“”‘’'«»]*)$")
_CLOSING_QUOTE = re.compile(r"([^\"“”‘’«»]*?)[\"”’'»](?![\w])")
_WORD = re.compile(r"[\w'’-]+")
_LOWER_WORD_BEFORE = re.compile(r"(?<![\w'’-])[a-z][\w'’-]*\s+$")


def _habit(f: Fields) -> bool:
    """Whether the holiday's clause says it is a habit ("normally held in the run up to Christmas",
    "at Christmas every year"): no one day."""
    before = f.before(80)
    start = max((m.end() for m in _CLAUSE_END_BEFORE.finditer(before)), default=0)
    if _HABIT.search(before, start):
        return True
    after = f.after(60)
    end = _CLAUSE_END_AFTER.search(after)
    return _HABIT.search(after, 0, end.start() if end else len(after)) is not None


def _in_title(f: Fields) -> bool:
    """Whether the holiday is part of a title: in quotation marks whose words are in title case ("'White
    Christmas'", "“All I Want for Christmas Is You”"), or after capitalised words, one of them a small
    word a title capitalises, that follow a word in lower case ("the recording of Do They Know It's
    Christmas"); a capitalised "Last" that opens no sentence ("a cover of Last Christmas") too."""
    before, after = f.before(60), f.after(60)
    run = _CAPITALISED_RUN.search(before)
    if run is not None:
        words = run.group(2).split()
        if len(words) >= 2 and any(w.lower() in _TITLE_SMALL for w in words):
            return True
    if f["shift"] and f.text[:1].isupper() and _LOWER_WORD_BEFORE.search(before):
        return True  # "a cover of Last Christmas": a capitalised shift inside a sentence
    opening = _OPENING_QUOTE.search(before)
    closing = _CLOSING_QUOTE.match(after)
    if opening is None or closing is None:
        return False
    words = _WORD.findall(opening.group(1)) + _WORD.findall(f.text) + _WORD.findall(closing.group(1))
    return len(words) >= 2 and words[0][:1].isupper() \
        and all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _TITLE_LOWER for w in words)


@rule("every_holiday", r"(?:every|each) {holiday}")
def every_holiday(f: Fields) -> Parse:
    """"every Christmas", "each Christmas Day": a set of a fixed day (XXXX-12-25); of a movable feast,
    no day."""
    day = vocab.FIXED_HOLIDAYS.get(f.low("holiday") or "")
    if day is None:
        return Parse("none")
    return Parse("literal", type="SET", value=f"XXXX-{day[0]:02d}-{day[1]:02d}")


@rule("shift_holiday", r"{shift} {holiday}")
def holiday(f: Fields) -> Parse:
    """A holiday by its name (vocab.FIXED_HOLIDAYS, WEEKDAY_HOLIDAYS, EASTER_HOLIDAYS, HOLIDAYS_AFTER);
    none when the name is a thing's, a place's or a person's (vocab.HOLIDAY_THINGS, HOLIDAY_PERSONS),
    part of a title ("Do They Know It's Christmas"), a habit's ("normally held before Christmas"),
    a likeness ("like New Year's Eve") or a greeting ("a Merry Christmas")."""
    if _THING_AFTER.match(f.after(16)) or _PERSON_BEFORE.search(f.before(16)):
        return Parse("none")
    if _in_title(f) or (not f["shift"] and (_habit(f) or _LIKENESS_BEFORE.search(f.before(20)))):
        return Parse("none")
    incident = _incident(f)
    if incident is not None:
        return incident
    return Parse("named", holiday=f.low("holiday"), **fields(f))


rule("holiday", r"{holiday}")(holiday)

