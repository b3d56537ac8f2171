"""The rules of English news dates, one module per family, and the grammar they make.

At each position of a text the rules are tried in the order of FAMILIES, and within a family in
the order written, so a longer or more specific phrasing comes before the shorter one it contains;
a clock time comes after the durations ("1.50 hours" is a duration) and the vague references come
last. Normalisers only say what the words mean (a Parse); resolve.py turns that into a TIMEX3
value. The phrasings each rule covers are in tests/corpus/temporal.txt, under `## rule: NAME`.
"""

from __future__ import annotations

from timeline.temporal.compose import compose
from timeline.temporal.grammar import Family, Grammar, Rule
from timeline.temporal.pieces import ANCHOR_NUMBER, ANCHOR_TOKEN, ANCHOR_WORDS, PIECES
from timeline.temporal.rules import (
    clock,
    dates,
    durations,
    holidays,
    parts,
    periods,
    relative,
    seasons,
    sets,
    vague,
    weekdays,
    years,
)
from timeline.temporal.rules.common import number_of

FAMILIES: tuple[Family, ...] = (
    dates.family,
    weekdays.family,
    holidays.family,
    seasons.family,
    periods.family,
    years.family,
    relative.family,
    durations.family,
    sets.family,
    clock.family,
    vague.family,
    parts.family,
)
RULES: tuple[Rule, ...] = tuple(r for family in FAMILIES for r in family.rules)
GRAMMAR = Grammar(RULES, PIECES, ANCHOR_WORDS, ANCHOR_TOKEN, ANCHOR_NUMBER, compose=compose)

__all__ = ["FAMILIES", "GRAMMAR", "RULES", "number_of"]
