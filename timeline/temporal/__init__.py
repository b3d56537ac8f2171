"""The temporal tagger: recognise temporal expressions, then resolve them to TimeML TIMEX3 values."""

from __future__ import annotations

from timeline.temporal.tagger import tag
from timeline.temporal.timex import Timex

__all__ = ["Timex", "tag"]
