"""quick_init: a frozen dataclass's quicker __init__ makes the same instances as the generated one."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
from dataclasses import dataclass, field

import pytest

from timeline.frozen import quick_init


def _pair(slots: bool) -> tuple[type, type]:
    def make() -> type:
        @dataclass(frozen=True, slots=slots)
        class Thing:
            name: str
            when: dt.date
            span: tuple[int, int] | None = None
            tags: tuple[str, ...] = field(default=())
            flag: bool = False
        return Thing
    return make(), quick_init(make())


@pytest.mark.parametrize("slots", [True, False])
def test_same_instances_as_the_generated_init(slots: bool) -> None:
    plain, quick = _pair(slots)
    assert quick.__init__ is not plain.__init__
    for args, kwargs in [(("a", dt.date(2026, 1, 2)), {}), (("b", dt.date(2020, 5, 5), (1, 2), ("x",), True), {}),
                         (("c",), {"when": dt.date(2021, 1, 1), "flag": True})]:
        p, q = plain(*args, **kwargs), quick(*args, **kwargs)
        assert dataclasses.astuple(p) == dataclasses.astuple(q)
        assert repr(p).split("(", 1)[1] == repr(q).split("(", 1)[1]
        assert hash(dataclasses.astuple(q)) == hash(dataclasses.astuple(p)) and hash(q) == hash(quick(*args, **kwargs))
        assert q == quick(*args, **kwargs) and q != quick("other", dt.date(2026, 1, 2))
        assert copy.deepcopy(q) == q and copy.copy(q) == q  # what pickling does (a local class cannot be pickled)
        assert dataclasses.replace(q, flag=not q.flag).flag is not q.flag
        with pytest.raises(dataclasses.FrozenInstanceError):
            q.name = "changed"  # type: ignore[misc]
        if not slots:
            assert list(vars(q)) == list(vars(p))  # same attributes, in the same order
    with pytest.raises(TypeError):
        quick("only a name")
    with pytest.raises(TypeError):
        quick("a", dt.date(2026, 1, 2), nosuch=1)


def test_refuses_what_it_does_not_handle() -> None:
    @dataclass(frozen=True)
    class Factory:
        items: list[int] = field(default_factory=list)

    @dataclass
    class Mutable:
        x: int

    for cls in (Factory, Mutable):
        with pytest.raises(TypeError, match=cls.__name__):
            quick_init(cls)


def test_the_classes_made_per_row_use_it() -> None:
    from timeline.article import Article
    from timeline.batch import Item
    from timeline.cache import Entry
    from timeline.events import Event, _Dated, _Day
    from timeline.pipeline import ArticleResult
    from timeline.readers.collection import Row
    from timeline.temporal.grammar import Match
    from timeline.temporal.parse import Parse
    from timeline.temporal.resolve import Context, Resolved
    from timeline.temporal.tagger import Explained
    from timeline.temporal.timex import Timex
    from timeline.temporal.values import Point
    from timeline.text import Sentence

    for cls in (Article, Event, Row, Match, Parse, Explained, Timex, Sentence, Item, Entry, _Dated, _Day, ArticleResult,
                Context, Resolved, Point):
        assert cls.__init__.__code__.co_filename == "<string>" and "_s_" in str(cls.__init__.__code__.co_names) \
            or "_d" in cls.__init__.__code__.co_varnames, cls


def test_the_overview_classes_made_per_page_use_it() -> None:
    """Every article page draws an overview twice (across and down): a Mark per event and a Tick
    per candidate label each time, made by the thousand in a build."""
    from timeline.overview import Break, Divider, Mark, Segment, Tick, Track, TrackSpec

    for cls in (Mark, Tick, Track, Segment, Break, Divider, TrackSpec):
        assert "_d" in cls.__init__.__code__.co_varnames, cls
    mark = Mark("point", 1.0, 1.0, 1.0, 2.0, 1, "e1", None, "t", "past", False)
    assert mark == dataclasses.replace(mark) and mark.cls == ""
    with pytest.raises(dataclasses.FrozenInstanceError):
        mark.x = 3.0  # type: ignore[misc]
