"""The Timex type: one temporal expression found in a text, with its TimeML TIMEX3 value."""

from __future__ import annotations

from dataclasses import dataclass

from timeline.frozen import quick_init


@quick_init
@dataclass(frozen=True, slots=True)
class Timex:
    """A temporal expression: [start, end) character offsets into the text, and its TIMEX3 attributes.

    `type` is DATE, TIME, DURATION or SET; `value` a TIMEX3 value ("2026-01-30", "2025-11", "P3W",
    "PRESENT_REF", ...); `mod` a TIMEX3 mod (START, MID, END, APPROX, BEFORE, AFTER, ...) or None;
    `anchor` what a relative value was resolved against: "publication", "previous" (the date the
    text last mentioned) or None for absolute values.
    """

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None
    anchor: str | None = None
    rule: str = ""
    tagger: str = "rules"  # which tagger dated it: "rules" (English) or "dateparser" (other languages)

    def to_dict(self) -> dict[str, object]:
        """JSON-ready form (the `rule` name is for debugging and is left out)."""
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "type": self.type,
            "value": self.value,
            "mod": self.mod,
            "anchor": self.anchor,
            **({"tagger": self.tagger} if self.tagger != "rules" else {}),  # the English default goes unsaid
        }
