"""Turn dated sentences into events."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Event:
    """One dated event: a sentence (or clause) and the date expression that places it in time.

    `start`/`end` are the calendar interval [start, end) of the date (end exclusive); for an
    ongoing interval ("since last November") `end` is the publication date and `ongoing` is True.
    `until` is the TIMEX3 value of the end of an explicit interval ("from 2009 to 2010" -> "2010").
    """

    id: str
    article: str
    sentence: int
    text: str
    phrase: str
    offset: tuple[int, int]
    date: str
    start: date
    end: date
    granularity: str
    label: str
    mod: str | None = None
    until: str | None = None
    ongoing: bool = False
    sources: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict[str, object]:
        """JSON-ready form, in the documented schema."""
        return {
            "id": self.id,
            "article": self.article,
            "sources": list(self.sources or (self.article,)),
            "date": self.date,
            "mod": self.mod,
            "until": self.until,
            "ongoing": self.ongoing,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "granularity": self.granularity,
            "label": self.label,
            "text": self.text,
            "phrase": self.phrase,
            "offset": list(self.offset),
            "sentence": self.sentence,
        }
