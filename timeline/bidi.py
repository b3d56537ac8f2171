"""The bidirectional controls that no output without an isolating element may carry.

An embedding, override or isolate (LRE, RLE, PDF, LRO, RLO; LRI, RLI, FSI, PDI) left open in a
title or a sentence reorders everything after it on the line: the rest of a Markdown line, a
spreadsheet cell, a window's title, an SVG label. HTML text is wrapped in <bdi>; everywhere else
they are dropped. The marks LRM, RLM and ALM, and right-to-left letters, are kept.
"""

from __future__ import annotations

__all__ = ["CONTROLS", "no_bidi"]

#: The controls `no_bidi` drops.
CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_BIDI_CONTROLS = dict.fromkeys(map(ord, CONTROLS))


def no_bidi(text: object) -> str:
    """`text` without bidi embedding, override and isolate controls: right-to-left words still
    read right to left."""
    s = str(text)
    return s if s.isascii() else s.translate(_BIDI_CONTROLS)
