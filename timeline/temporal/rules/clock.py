"""Clock times: "3 p.m.", "15:00 GMT", "noon", "nine o'clock" (with their day, composed: compose.py)."""

from __future__ import annotations

import re

from timeline.temporal.context import SENTENCE_START_BEFORE
from timeline.temporal.grammar import Family, Fields
from timeline.temporal.parse import Parse
from timeline.temporal.rules.common import fields

family = Family("clock")
rule = family.rule


@rule("clock", r"{clock}(?:~,?~{tz})?")
def clock(f: Fields) -> Parse | None:
    """A clock time alone ("at 3 p.m."): on the day the text last mentioned, else the publication
    day. Not a capitalised "Noon" or "Midnight" in a title ("High Noon", "Midnight Train to Memphis")."""
    in_title = re.match(r"\s+[A-Z]", f.after(3)) or re.search(r"[A-Z]\w*\s+$", f.before(10))
    if f.text in ("Noon", "Midnight") and in_title and not SENTENCE_START_BEFORE.search(f.before(30)):
        return None
    return Parse("time_of_day", **fields(f))
