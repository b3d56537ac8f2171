"""The anchored scanner must find exactly what trying every rule at every position finds."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.temporal.grammar import OPTIONAL_SPACE, first_words
from timeline.temporal.rules import GRAMMAR

CORPUS = Path(__file__).parent / "corpus" / "temporal.txt"


def _phrasings() -> list[str]:
    out = []
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        if "|" in line and not line.startswith("#"):
            out += [p.strip().replace("[", "").replace("]", "") for p in line.split("|")[1:]]
    return out


def _spans(matches: list) -> list[tuple[int, int, str]]:  # type: ignore[type-arg]
    return [(m.start, m.end, m.rule) for m in matches]


@pytest.mark.parametrize("joiner", ["\n", ". ", " and ", ", "])
def test_scan_equals_reference_on_the_example_corpus(joiner: str) -> None:
    """Every rule's phrasings contain an anchor close enough to the start of the expression."""
    text = joiner.join(_phrasings())
    assert _spans(GRAMMAR.units(text)) == _spans(GRAMMAR.units_all(text))


def test_scan_equals_reference_on_the_seed(seed_body: str) -> None:
    assert _spans(GRAMMAR.units(seed_body)) == _spans(GRAMMAR.units_all(seed_body))


@pytest.mark.parametrize(
    ("pattern", "words"),
    [
        (r"(?:the\s+)?(?:first|second)\s+quarter", {"the", "first", "second"}),
        (r"jan(?:uary)?\.?\s+\d+", {"jan", "january"}),
        (r"(?<=\bon[ ])the\s+\d+th", {"the"}),
        (r"\d{4}|['’]\d\d", {"#", "'", "’"}),
        (r"mid-(?:1990s|november)", {"mid"}),
    ],
)
def test_first_words(pattern: str, words: set[str]) -> None:
    assert first_words(pattern) == words


def test_first_words_refuses_open_starts() -> None:
    with pytest.raises(ValueError):
        first_words(r"\w+day")


def test_starting_words_are_whole_words() -> None:
    """Optional whitespace (`~`) ends a word, so the scanner's starting words are the few hundred
    words rules begin with, not fused strings like "janof" (which once made a 2 MB regex and a
    ten-second import)."""
    words = list(GRAMMAR.starting_words())
    assert 100 < len(words) < 1000
    alpha = {w for w in words if w.isalpha()}
    fused = [w for w in alpha if any(w[:i] in alpha and w[i:] in {"of", "to", "and", "the", "in", "at", "on"}
                                     for i in range(1, len(w)))]
    assert fused == []


def test_optional_space_never_joins_two_words() -> None:
    assert first_words(r"jan(?:uary)?" + OPTIONAL_SPACE + r"of\s+\d+") == {"jan", "january"}
    assert _spans(GRAMMAR.units_all("in Marchthat year")) != _spans(GRAMMAR.units_all("in March that year"))
    assert [m.rule for m in GRAMMAR.scan("on Friday,January 30, 2026")] == ["weekday_date"]
    assert [m.rule for m in GRAMMAR.scan("on Friday January 30, 2026")] == ["weekday_date"]
