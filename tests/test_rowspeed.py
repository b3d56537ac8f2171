"""The fast paths for many small rows (a collection of one-sentence articles) give exactly what
the general code gives: each is checked against the plain definition it replaces."""

from __future__ import annotations

import re

import pytest

from timeline import lang
from timeline.events import _FUTURE, _MODAL, _future_at
from timeline.readers.collection import _fields
from timeline.text import _paragraph_spans, segment

TEXTS = [
    "The port reopened on Monday after 1 days.",
    "Le gouvernement a annoncé que les élections auront lieu dans le pays et que le président est "
    "parti pour la capitale avec les ministres de la région qui ne sont pas d'accord sur le budget.",
    "El gobierno dijo que los precios de la energía subirán en el país por la crisis y que las "
    "empresas del sector han pedido ayuda para los trabajadores que se quedan sin empleo.",
    "Der Minister sagte, dass die Regierung nicht mit der Opposition sprechen wird und dass die "
    "Wahl im Herbst für das Land auch eine Frage der Zukunft ist, die sich nach dem Sommer stellt.",
    "the of and to in is that for it was on with as by at from his are be this el la de",
    "",
]


def _reference_detect(text: str) -> str:
    """The language test as the module docstring defines it: one count a language."""
    words = [w.lower() for w in lang._WORD.findall(text[:20_000])[:lang._WORDS]]
    hits = {code: sum(1 for w in words if w in stop) for code, stop in lang._STOPWORDS.items()}
    ranked = sorted(hits, key=lambda k: (-hits[k], k))
    best, second = ranked[0], ranked[1]
    if hits[best] < lang.MIN_HITS or hits[best] < lang.MARGIN * hits[second] \
            or hits[best] < lang.SHARE * len(words):
        return lang.DEFAULT
    return best


@pytest.mark.parametrize("text", TEXTS)
def test_language_detection_counts_as_the_definition(text: str) -> None:
    assert lang.detect(text) == _reference_detect(text)


@pytest.mark.parametrize("sentence", [
    "They WILL reopen the port.", "They'll reopen it.", "It Won’t reopen.", "Officials are Expected to meet.",
    "The port reopened.", "Prices could rise.", "He would have gone.", "Şirket WILL grow.",
    "Tomorrow İt will rain.", "The plans to build were dropped.", "Ships are due\tto arrive.",
])
def test_future_search_on_lowercased_ascii_finds_what_the_case_blind_search_finds(sentence: str) -> None:
    found = [m.start() for m in (_FUTURE.search(sentence), _MODAL.search(sentence)) if m is not None]
    assert _future_at(sentence) == (min(found) if found else None)


@pytest.mark.parametrize("text", ["One line. Two sentences.", "  padded line  ", "x", "Jan. 5 came. Then."])
def test_a_single_line_is_one_paragraph_as_the_general_loop_finds(text: str) -> None:
    assert _paragraph_spans(text) == [(0, len(text))]
    # The general loop, reached by a second line: the first paragraph is the same.
    assert segment(text) == [s for s in segment(text + "\nAnother line here.") if s.paragraph == 0]


@pytest.mark.parametrize(("value", "kept"), [
    ("plain text", "plain text"), ("tab\there", "tab\there"), ("a\r\nb", "a\nb"), ("bell\x07", "bell"),
    ("half \ud800", "half \ufffd"), ("   ", None), ("é ü ✓", "é ü ✓"),
])
def test_a_field_is_cleaned_only_when_it_needs_it(value: str, kept: str | None) -> None:
    row = _fields("feed.jsonl", 1, [("text", value)])
    assert (row.fields or {}).get("text") == kept
    assert bool(row.warnings) == bool(re.search("[\ud800-\udfff]", value))


@pytest.mark.parametrize(("value", "mod"), [
    ("2026-01-31", None), ("2025", "START"), ("2025-Q3", None), ("PRESENT_REF", None), ("P3D", None),
    ("2025-02-30", None), ("2026-01-31", None),
])
def test_remembered_intervals_and_labels_are_the_calendar_s(value: str, mod: str | None) -> None:
    from timeline import calendar
    from timeline.events import _interval, _label

    for _ in range(2):  # the first call computes, the second remembers
        assert _interval(value, mod) == calendar.interval(value, mod)
        assert _label(value, mod) == calendar.label(value, mod)
