"""Seasons: "last summer", "the spring of 2024", "that winter", "in the fall"."""

from __future__ import annotations

import re

from timeline.temporal import vocab
from timeline.temporal.grammar import Family, Fields
from timeline.temporal.parse import Parse
from timeline.temporal.pieces import word_before
from timeline.temporal.rules.common import named

family = Family("seasons")
rule = family.rule

@rule("anaphoric_season", r"the {rel:ananamed} {season}")
def anaphoric_season(f: Fields) -> Parse:
    """"the following spring", "the previous summer": after or before the date last mentioned."""
    return Parse("named", season=vocab.SEASONS[f.low("season") or ""], anchor="ref",
                 shift=vocab.ANAPHORIC_NAMED_SHIFTS[f.low("rel") or "next"])


rule("shift_season", r"(?:this )?{shift} {season}")(named)


@rule("that_season", r"that {season}")
def that_season(f: Fields) -> Parse:
    """"that summer": in the year the text last mentioned."""
    return Parse("named", anchor="ref", season=vocab.SEASONS[f.low("season") or ""])


_SEASON_CONTEXT_BEFORE = word_before(vocab.SEASON_CONTEXT_BEFORE, gap=r"\s*-?\s*")


@rule("season", r"(?:the )?{season}")
def bare_season(f: Fields) -> Parse | None:
    """A season alone: "the spring", "in winter". "fall" and "spring" are also verbs and nouns, so
    without "the" they need a preposition or determiner before them ("in fall", "last spring"), and
    "the fall of ..." is the fall of something (a government, a city), not autumn."""
    word = (f.low("season") or "")
    the = f.text.lower().startswith("the")
    if word in vocab.AMBIGUOUS_SEASONS:
        if the and re.match(r"\s+of\b", f.after(5)):
            return None
        if not the and not _SEASON_CONTEXT_BEFORE.search(f.before(20)):
            return None
    return named(f)
