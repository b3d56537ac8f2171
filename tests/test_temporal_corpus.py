"""The example corpus of the temporal tagger (tests/corpus/temporal.txt), one test per phrasing.

The file format is documented in the comment header of the corpus itself. Each phrasing is tagged
with the reference (publication) date in force where it appears; see `Case.check`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from timeline.temporal import Timex, tag

CORPUS = Path(__file__).parent / "corpus" / "temporal.txt"
_REFERENCE = re.compile(r"#\s*reference:\s*(\d{4}-\d{2}-\d{2})\b")
_TYPES = ("DATE", "TIME", "DURATION", "SET")


@dataclass(frozen=True)
class Case:
    """One phrasing of the corpus and what tagging it must produce."""

    line: int
    group: str
    reference: date
    type: str | None  # None: the phrasing must produce no timex at all
    value: str | None
    mod: str | None
    phrasing: str

    @property
    def id(self) -> str:
        return f"{self.group}: {self.phrasing}"

    def text_and_span(self) -> tuple[str, int, int]:
        """The text to tag and the span the expected timex covers (the bracketed part, else all)."""
        if "[" not in self.phrasing:
            return self.phrasing, 0, len(self.phrasing)
        start = self.phrasing.index("[")
        end = self.phrasing.index("]") - 1
        return self.phrasing.replace("[", "", 1).replace("]", "", 1), start, end

    def check(self) -> None:
        text, start, end = self.text_and_span()
        found = tag(text, self.reference)
        shown = "; ".join(_show(t) for t in found) or "nothing"
        where = f"{CORPUS.name}:{self.line} {self.phrasing!r} (reference {self.reference})"
        if self.type is None:
            assert not found, f"{where}: expected no timex, got {shown}"
            return
        if "[" not in self.phrasing:
            assert len(found) == 1, f"{where}: expected exactly one timex, got {shown}"
        at_span = [t for t in found if (t.start, t.end) == (start, end)]
        assert len(at_span) == 1, f"{where}: expected one timex on {text[start:end]!r}, got {shown}"
        t = at_span[0]
        assert (t.type, t.value, t.mod) == (self.type, self.value, self.mod), (
            f"{where}: expected {self.type} {self.value} {self.mod or ''}, got {_show(t)}")


def _show(t: Timex) -> str:
    return f"[{t.text}] {t.type} {t.value}" + (f" {t.mod}" if t.mod else "")


def read_corpus(path: Path = CORPUS) -> list[Case]:
    """Parse the corpus file into cases (raises ValueError naming the line on a malformed entry)."""
    cases: list[Case] = []
    reference: date | None = None
    group = "ungrouped"
    for no, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        if line.startswith("##"):
            group = line.lstrip("#").strip()
            continue
        if line.startswith("#"):
            m = _REFERENCE.match(line)
            if m:
                reference = date.fromisoformat(m.group(1))
            continue
        head, *phrasings = [part.strip() for part in line.split("|")]
        if reference is None:
            raise ValueError(f"{path}:{no}: no '# reference: YYYY-MM-DD' line before the first entry")
        if not phrasings or not all(phrasings):
            raise ValueError(f"{path}:{no}: expected 'TYPE VALUE [MOD] | phrasing | ...'")
        fields = head.split()
        if fields == ["NONE"]:
            type_, value, mod = None, None, None
        elif 2 <= len(fields) <= 3 and fields[0] in _TYPES:
            type_, value, mod = fields[0], fields[1], (fields[2] if len(fields) == 3 else None)
        else:
            raise ValueError(f"{path}:{no}: bad head {head!r}; expected TYPE VALUE [MOD] or NONE")
        for p in phrasings:
            if p.count("[") != p.count("]") or p.count("[") > 1:
                raise ValueError(f"{path}:{no}: phrasing {p!r} must bracket at most one span")
            cases.append(Case(no, group, reference, type_, value, mod, p))
    return cases


CASES = read_corpus()


def test_corpus_is_large_and_has_negatives() -> None:
    assert len(CASES) >= 250
    assert any(c.type is None for c in CASES)
    ids = [c.id for c in CASES]
    assert len(ids) == len(set(ids)), "duplicate phrasings in the corpus"


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_phrasing(case: Case) -> None:
    case.check()
