"""benchmarks/story_evidence.py: the candidate evidence for the days of a story, counted on small
hand-made articles (how a day is named, where, and the publication counts)."""

from __future__ import annotations

import importlib.util
import sys
from datetime import date
from pathlib import Path

import pytest

from timeline.article import make_article
from timeline.pipeline import ArticleResult, process

_BENCH = Path(__file__).resolve().parent.parent / "benchmarks"


@pytest.fixture(scope="module")
def ev():
    names = ("fit_story", "story_evidence")
    saved = {n: sys.modules.get(n) for n in names}
    try:
        for name in names:
            spec = importlib.util.spec_from_file_location(name, _BENCH / f"{name}.py")
            assert spec is not None and spec.loader is not None
            module = importlib.util.module_from_spec(spec)
            sys.modules[name] = module  # dataclasses look their module up; story_evidence imports fit_story
            spec.loader.exec_module(module)
        yield sys.modules["story_evidence"]
    finally:
        for name, module in saved.items():
            if module is None:
                sys.modules.pop(name, None)
            else:
                sys.modules[name] = module


def article(name: str, published: str, text: str) -> ArticleResult:
    return process(make_article(f"---\npublished: {published}\nsource: wire\n---\n{text}\n", name=f"{name}.txt"))


def test_a_day_named_by_its_date_is_calendar_by_its_weekday_deictic(ev) -> None:
    r = article("a", "2026-03-12", "The dam broke on 3 March. Rescuers arrived on Tuesday with boats and food.")
    kinds = ev.mention_kinds(r)
    assert kinds[date(2026, 3, 3)] == ("calendar", 0)
    assert kinds[date(2026, 3, 10)] == ("deictic", 1)  # Tuesday before Thursday 12 March


def test_a_day_named_against_the_date_before_is_anaphoric_and_the_best_naming_wins(ev) -> None:
    r = article("a", "2026-03-12", "The dam broke on 3 March. The next day the river rose again. "
                "Nobody has forgotten 4 March.")
    kinds = ev.mention_kinds(r)
    assert kinds[date(2026, 3, 4)] == ("calendar", 1)  # "the next day" first, "4 March" later: calendar
    only = ev.mention_kinds(article("b", "2026-03-12", "The dam broke on 3 March. The next day the river rose again."))
    assert only[date(2026, 3, 4)] == ("anaphoric", 1)


def test_the_candidates_count_articles_and_publications(ev) -> None:
    rs = [article("a", "2026-03-04", "The dam broke on 3 March, flooding the town."),
          article("b", "2026-03-12", "Since the dam broke on 3 March, families sleep in the school."),
          article("c", "2026-03-12", "Rescuers said on Tuesday that the water was falling.")]
    lo, hi = date(2026, 3, 1), date(2026, 3, 12)
    later = ev.CANDIDATES["calendar_later"][1](rs, lo, hi)
    assert later[date(2026, 3, 3)] == 1  # b, nine days later; a is the next day
    opportunity = ev.CANDIDATES["opportunity_1"][1](rs, lo, hi)
    assert opportunity[date(2026, 3, 3)] == 3  # published from 2 March on
    assert opportunity[date(2026, 3, 6)] == 2  # from 5 March on: not a
    assert opportunity[date(2026, 3, 12)] == 2
    local = ev.CANDIDATES["local_3"][1](rs, lo, hi)
    assert local[date(2026, 3, 1)] == 1 and local[date(2026, 3, 9)] == 2
