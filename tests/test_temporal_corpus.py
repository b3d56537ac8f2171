"""The example corpus of the temporal tagger (tests/corpus/temporal.txt), one test per phrasing.

The file format is documented in the comment header of the corpus itself. Each phrasing is tagged
with the reference (publication) date in force where it appears, and must be made by the rule (or
composition) its `## rule: NAME` heading names; see `Case.check`. Every rule and composition has
a heading, so every rule is shown to fire and to win on at least one phrasing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from timeline.temporal.compose import COMPOSITIONS
from timeline.temporal.rules import RULES
from timeline.temporal.tagger import Explained, explain

CORPUS = Path(__file__).parent / "corpus" / "temporal.txt"
_REFERENCE = re.compile(r"#\s*reference:\s*(\d{4}-\d{2}-\d{2})\b")
_HEADING = re.compile(r"##\s*(?:rule:\s*(?P<rule>\w+)|(?P<negative>negative)\b.*)$")
_TYPES = ("DATE", "TIME", "DURATION", "SET")
NAMES = [r.name for r in RULES] + list(dict.fromkeys(c.name for c in COMPOSITIONS))


@dataclass(frozen=True)
class Case:
    """One phrasing of the corpus and what tagging it must produce."""

    line: int
    rule: str | None  # the rule or composition that must make it; None in the negative corpus
    reference: date
    type: str | None  # None: the phrasing must produce no timex at all
    value: str | None
    mod: str | None
    phrasing: str

    @property
    def id(self) -> str:
        return f"{self.rule or 'negative'}: {self.phrasing} ({self.reference})"

    def text_and_span(self) -> tuple[str, int, int]:
        """The text to tag and the span the expected timex covers (the bracketed part, else all)."""
        if "[" not in self.phrasing:
            return self.phrasing, 0, len(self.phrasing)
        start = self.phrasing.index("[")
        end = self.phrasing.index("]") - 1
        return self.phrasing.replace("[", "", 1).replace("]", "", 1), start, end

    def check(self) -> None:
        text, start, end = self.text_and_span()
        explained = explain(text, self.reference, silent=True)
        found = [e for e in explained if e.timex is not None]
        shown = "; ".join(_show(e) for e in found) or "nothing"
        where = f"{CORPUS.name}:{self.line} {self.phrasing!r} (reference {self.reference})"
        if self.type is None:
            assert not found, f"{where}: expected no timex, got {shown}"
            if self.rule is not None:  # a rule that recognises a phrase so that it is not tagged
                assert any(_made_by(e, self.rule) for e in explained), f"{where}: rule {self.rule} did not fire"
            return
        if "[" not in self.phrasing:
            assert len(found) == 1, f"{where}: expected exactly one timex, got {shown}"
        at_span = [e for e in found if e.timex is not None and (e.timex.start, e.timex.end) == (start, end)]
        assert len(at_span) == 1, f"{where}: expected one timex on {text[start:end]!r}, got {shown}"
        e = at_span[0]
        assert e.timex is not None
        got = (e.timex.type, e.timex.value, e.timex.mod)
        assert got == (self.type, self.value, self.mod), (
            f"{where}: expected {self.type} {self.value} {self.mod or ''}, got {_show(e)}")
        assert self.rule is not None and _made_by(e, self.rule), (
            f"{where}: expected rule {self.rule}, made by {e.rule} {list(e.parts)}")


def _made_by(e: Explained, rule: str) -> bool:
    """Whether `rule` made the expression: as its rule or composition, or as one of its parts."""
    return e.rule == rule or rule in e.parts


def _show(e: Explained) -> str:
    t = e.timex
    assert t is not None
    return f"[{t.text}] {t.type} {t.value}" + (f" {t.mod}" if t.mod else "") + f" ({e.rule})"


def read_corpus(path: Path = CORPUS) -> list[Case]:
    """Parse the corpus file into cases (raises ValueError naming the line on a malformed entry)."""
    cases: list[Case] = []
    reference: date | None = None
    rule: str | None = None
    negative = False
    for no, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        if line.startswith("##"):
            heading = _HEADING.match(line)
            if heading is None:
                raise ValueError(f"{path}:{no}: a heading is '## rule: NAME' or '## negative ...', not {line!r}")
            rule, negative = heading["rule"], heading["negative"] is not None
            if rule is not None and rule not in NAMES:
                raise ValueError(f"{path}:{no}: no rule or composition named {rule!r}")
            continue
        if line.startswith("#"):
            m = _REFERENCE.match(line)
            if m:
                reference = date.fromisoformat(m.group(1))
            continue
        head, *phrasings = [part.strip() for part in line.split("|")]
        if reference is None:
            raise ValueError(f"{path}:{no}: no '# reference: YYYY-MM-DD' line before the first entry")
        if rule is None and not negative:
            raise ValueError(f"{path}:{no}: an entry before the first '## rule: NAME' heading")
        if not phrasings or not all(phrasings):
            raise ValueError(f"{path}:{no}: expected 'TYPE VALUE [MOD] | phrasing | ...'")
        fields = head.split()
        if fields == ["NONE"]:
            type_, value, mod = None, None, None
        elif 2 <= len(fields) <= 3 and fields[0] in _TYPES and not negative:
            type_, value, mod = fields[0], fields[1], (fields[2] if len(fields) == 3 else None)
        else:
            raise ValueError(f"{path}:{no}: bad head {head!r}; expected TYPE VALUE [MOD] or NONE "
                             "(and only NONE in the negative corpus)")
        for p in phrasings:
            if p.count("[") != p.count("]") or p.count("[") > 1:
                raise ValueError(f"{path}:{no}: phrasing {p!r} must bracket at most one span")
            cases.append(Case(no, rule, reference, type_, value, mod, p))
    return cases


CASES = read_corpus()


def test_corpus_is_large_and_has_negatives() -> None:
    assert len(CASES) >= 250
    assert any(c.type is None and c.rule is None for c in CASES)
    ids = [c.id for c in CASES]
    assert len(ids) == len(set(ids)), "duplicate phrasings in the corpus"


def test_every_rule_and_composition_has_phrasings() -> None:
    """Every rule fires and wins on at least one phrasing (each phrasing's own test checks that
    its heading's rule made it): a rule no phrasing needs is dead and goes."""
    keyed = {c.rule for c in CASES}
    assert [name for name in NAMES if name not in keyed] == []


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_phrasing(case: Case) -> None:
    case.check()


def test_a_heading_must_name_a_rule(tmp_path: Path) -> None:
    bad = tmp_path / "corpus.txt"
    bad.write_text("# reference: 2026-01-31\n## rule: no_such_rule\nDATE 2026 | 2026\n", encoding="utf-8")
    with pytest.raises(ValueError, match="no rule or composition named 'no_such_rule'"):
        read_corpus(bad)
