"""Split article text into paragraphs and sentences, keeping character offsets into the text."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Sentence:
    """A sentence as a [start, end) span of the article text."""

    index: int
    paragraph: int
    start: int
    end: int

    def text(self, source: str) -> str:
        return source[self.start:self.end]


# Words after which a period does not end a sentence.
ABBREVIATIONS = frozenset("""
mr mrs ms dr prof sr jr st sen rep gov gen col lt sgt capt cmdr adm maj rev hon pres supt insp
jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
no nos vol p pp fig inc corp co ltd bros dept univ assn est approx vs etc al cf ave blvd rd mt ft
u.s u.k u.n e.u a.m p.m i.e e.g d.c l.a n.y
""".split())

# Paragraphs end at a blank line, before a list item or heading, and at any line break, except
# a break inside a sentence of hard-wrapped text (the next line starts in lower case).
_PARAGRAPH = re.compile(r"\n[ \t]*\n+|\n(?=[ \t]*(?:[-*+#>]|\d+\.)\s)|\n(?![ \t]*[a-z])")
# A sentence ends at . ! ? (and closing quotes or brackets after it) before whitespace and a
# capital letter, a digit or an opening quote.
_END = re.compile(r"""[.!?]+["'”’)\]]*(?=\s+["'“‘(\[]?[A-Z0-9])""")
_WORD_BEFORE = re.compile(r"([\w.]+)$")


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    pos = 0
    for m in _PARAGRAPH.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    return spans


def segment(text: str) -> list[Sentence]:
    """Sentences of `text` in order; a line break always ends a sentence (news paragraphs and
    list items), and "Jan.", "Mr.", "U.S." do not."""
    out: list[Sentence] = []
    for pno, (pstart, pend) in enumerate(s for s in _paragraph_spans(text) if text[s[0]:s[1]].strip()):
        start = pstart
        for m in _END.finditer(text, pstart, pend):
            if text[m.start()] == ".":
                w = _WORD_BEFORE.search(text, max(pstart, m.start() - 40), m.start())
                word = w.group(1).lower() if w else ""
                if word.rstrip(".") in ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
                    continue
            _add(out, text, start, m.end(), pno)
            start = m.end()
        _add(out, text, start, pend, pno)
    return out


def _add(out: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    span = text[start:end]
    stripped = span.strip()
    if stripped:
        start += len(span) - len(span.lstrip())
        out.append(Sentence(len(out), paragraph, start, start + len(stripped)))
