"""Days of the week: "Friday", "last Tuesday", "the following Friday", "Friday of last week", and a
weekday written with its date ("Friday (Jan 30)")."""

from __future__ import annotations

import re

from timeline.temporal import vocab
from timeline.temporal.grammar import Family, Fields
from timeline.temporal.parse import Parse
from timeline.temporal.pieces import case_sensitive, word_after
from timeline.temporal.rules.common import TITLE_BEFORE, fields, shift_of, weekday, weekday_of

family = Family("weekdays")
rule = family.rule

rule("shift_weekday", r"(?:this )?{shift} {weekday:weekday_full}")(weekday)


@rule("anaphoric_weekday", r"the {rel:anaweek} {weekday_x:weekday_full}")
def anaphoric_weekday(f: Fields) -> Parse:
    """"the following Friday": the first Friday after the date last mentioned."""
    return Parse("weekday", weekday=weekday_of(f["weekday_x"] or ""), anchor="ref",
                 shift=vocab.ANAPHORIC_WEEKDAY_SHIFTS[f.low("rel") or "next"])


@rule("weekday_of_week", r"{weekday_x:weekday_full} (?:of )?{shift} week")
def weekday_of_week(f: Fields) -> Parse:
    """"Friday of last week", "Monday next week"."""
    return Parse("weekday", weekday=weekday_of(f["weekday_x"] or ""), week_shift=shift_of(f))


@rule("weekday_week", r"{weekday_x:weekday_full} week(?![\w'’-]| (?:of|after|before|earlier|later|ago|end|on)\b)")
def weekday_week(f: Fields) -> Parse:
    """"Friday week" (British): a week after the coming Friday."""
    return Parse("weekday", weekday=weekday_of(f["weekday_x"] or ""), shift=2)


# --- a weekday alone -----------------------------------------------------------------------------

_PAPER_ON_BEFORE = re.compile(r"\b" + case_sensitive(vocab.PAPERS_ON_SUNDAY) + r"\s+on\s+$")  # "the Mail on Sunday"
_GENERIC_BEFORE = re.compile(r"(?:\b(?:a|an)\s+$)", re.IGNORECASE)
_KIND_OF_DAY_AFTER = word_after(vocab.WEEKDAY_NOUNS, ignore_case=False)
_OCCASION_AFTER = word_after(vocab.WEEKDAY_OCCASIONS, gap=r"\s+(?:[a-z]+[\s-]+)?")
_PODS = [p.capitalize() for p in ("night", "morning", "evening", "afternoon")]
_NAME_POD_AFTER = re.compile(r"\s+" + case_sensitive(_PODS) + r"\s+[A-Z]")  # "Saturday Night Live"
_NAME_AFTER = re.compile(r"\s+(?-i:[A-Z][a-z]+)\b(?<!Night)(?<!Morning)(?<!Evening)")  # "the Friday Mosque"
_EVENT_NAME_BEFORE = re.compile(r"\b" + case_sensitive(vocab.WEEKDAY_NAME_WORDS) + r"\s+$")  # "Black Monday"


@rule("weekday", r"{weekday:weekday_full}")
def bare_weekday(f: Fields) -> Parse | None:
    """A weekday alone ("said Friday"); not the name in "Man Friday", "the Sunday Times", "the Mail
    on Sunday" or "the Friday Mosque" (a determiner before, a capitalised name after), nor a kind of
    day ("a Sunday roast", "the Sunday edition"), nor an event named by its day ("Black Monday");
    "a" before it makes it a kind of day unless an occasion follows ("a Wednesday media event")."""
    before = f.before(30)
    generic = _GENERIC_BEFORE.search(before) is not None and not _OCCASION_AFTER.match(f.after(30))
    if TITLE_BEFORE.search(before[-10:]) or generic or (
            f.text == "Sunday" and _PAPER_ON_BEFORE.search(before)) or _EVENT_NAME_BEFORE.search(before):
        return None
    if _KIND_OF_DAY_AFTER.match(f.after(20)) or _NAME_POD_AFTER.match(f.after(25)):
        return None
    if re.search(r"\bthe\s+$", f.before(5), re.IGNORECASE) and _NAME_AFTER.match(f.after(20)):
        return None
    return Parse("weekday", **fields(f))

