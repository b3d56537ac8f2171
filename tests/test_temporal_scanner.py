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


_ODD = ["today", "someday soon", "x1990", "’98 and 9/11", "mayor may12", "q3", "q3x", "in q3 2025", "٣٣٣٣ years",
        "no anchor here", "", "1", "'", "Jan.5", "Mondays", "known now", "h1 results", "2026-01-31T10:00"]


@pytest.mark.parametrize("joiner", ["", " ", "\n", "x", "5"])
def test_anchors_from_the_first_possible_place_are_the_anchor_regex_s(joiner: str) -> None:
    """The quick searches for where the first anchor can start never skip one: the anchors are
    those of the anchor regex searched from the start, for every phrasing of the corpus alone and
    glued to its neighbours."""
    from timeline.temporal.grammar import _lower

    texts = _phrasings() + _ODD
    for text in [*texts, *(a + joiner + b for a, b in zip(texts, texts[1:], strict=False))]:
        low = _lower(text)
        assert [m.span() for m in GRAMMAR.anchors(low)] == [m.span() for m in GRAMMAR._anchors.finditer(low)], text


def test_a_text_without_a_possible_anchor_has_no_expression() -> None:
    """The pre-check is exact on the corpus: every phrasing that is tagged has a place where an
    anchor can start (the negative phrasings may or may not)."""
    from timeline.temporal import tag
    from timeline.temporal.grammar import _lower

    for text in _phrasings():
        if GRAMMAR._first_anchor(_lower(text)) is None:
            assert tag(text, "2026-01-31") == [], text
