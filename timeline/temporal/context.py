"""Context checks several stages make, built from vocab tables: when a number is an amount
("2000 people"), where a sentence starts."""

from __future__ import annotations

import re

from timeline.temporal import vocab
from timeline.temporal.pieces import alt, word_after

SENTENCE_START_BEFORE = re.compile(r"(?:^|[.!?:]\s*[\"“'‘(]?|\n\s*[\"“'‘(]?)\s*$")
# A plural noun after a number: "2000 people", "April 24 and 25 people died".
PLURAL_NOUN_AFTER = re.compile(r"\s+(?!" + alt(vocab.NOT_PLURAL_NOUNS) + r"\b)[a-z]+s\b")
NOT_A_YEAR_AFTER = word_after(vocab.NOT_A_YEAR_AFTER, gap=r"\s*")


def count_after(text: str, pos: int) -> bool:
    """Whether the words at `pos` make the number before it an amount ("2000 people", "3000 votes")."""
    return bool(NOT_A_YEAR_AFTER.match(text, pos) or PLURAL_NOUN_AFTER.match(text, pos))
