"""Parts of an expression that are dates only next to another one: a weekday abbreviation before
its date ("Sat., Jan. 31"), a month or season before its year ("May 2025", "spring 2024"), a year
after its date, a part of the day after its day ("Friday night", "the early hours of Sunday").
Their parses are weak (Parse.weak): compose.py joins them to their neighbour or drops them. They
come last, so they match only where no other rule does."""

from __future__ import annotations

from collections.abc import Callable

from timeline.temporal.grammar import Family, Fields
from timeline.temporal.parse import Parse
from timeline.temporal.rules.common import fields

family = Family("parts")

# Each part: its rule's name, its pattern, and the kind of parse its fields make.
PARTS = (
    ("weekday_part", r"{weekday}", "weekday"),
    ("month_part", r"{month}", "named"),
    ("season_part", r"(?:the )?{season}", "named"),
    ("year_part", r"{year:year_any}|{year2}", "calendar"),
    ("pod_part", r"(?:the )?{pod}", "time_of_day"),
)


def part(kind: str) -> Callable[[Fields], Parse]:
    """The normaliser of a part: its fields, weak."""
    def build(f: Fields) -> Parse:
        return Parse(kind, **fields(f), weak=True)

    return build


for _name, _pattern, _kind in PARTS:
    family.rule(_name, _pattern)(part(_kind))
