"""Parts of an expression that are dates only next to another one: a weekday abbreviation before
its date ("Sat., Jan. 31"), a month or season before its year ("May 2025", "spring 2024"), a year
after its date, a part of the day after its day ("Friday night", "the early hours of Sunday").
Their parses are weak (Parse.weak): compose.py joins them to their neighbour or drops them. They
come last, so they match only where no other rule does."""

from __future__ import annotations

from collections.abc import Callable

from timeline.temporal import vocab
from timeline.temporal.grammar import Family, Fields
from timeline.temporal.parse import Parse
from timeline.temporal.rules.common import month_of, weekday_of, year_of

family = Family("parts")

# Each part: its rule's name, its pattern, and its parse from the word it matched.
PARTS: tuple[tuple[str, str, Callable[[Fields], Parse]], ...] = (
    ("weekday_part", r"{weekday}", lambda f: Parse("weekday", weekday=weekday_of(f.text), weak=True)),
    ("month_part", r"{month}", lambda f: Parse("named", month=month_of(f.text), weak=True)),
    ("season_part", r"(?:the )?{season}",
     lambda f: Parse("named", season=vocab.SEASONS[f.low("season") or ""], weak=True)),
    ("year_part", r"{year:year_any}|{year2}", lambda f: Parse("calendar", year=year_of(f.text), weak=True)),
    ("pod_part", r"(?:the )?{pod}",
     lambda f: Parse("time_of_day", pod=vocab.PARTS_OF_DAY[f.low("pod") or ""], type="TIME", weak=True)),
)

for _name, _pattern, _build in PARTS:
    family.rule(_name, _pattern)(_build)
