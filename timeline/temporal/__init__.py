"""The temporal tagger: recognise temporal expressions, then resolve them to TimeML TIMEX3 values.

`tag` is loaded on first use, so that the calendar model (`timeline.temporal.values`, behind
`timeline.calendar`) can be imported without compiling the rules.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from timeline.temporal.timex import Timex

if TYPE_CHECKING:
    from timeline.temporal.tagger import tag

__all__ = ["Timex", "tag"]


def __getattr__(name: str) -> Any:
    if name == "tag":
        from timeline.temporal.tagger import tag

        return tag
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
