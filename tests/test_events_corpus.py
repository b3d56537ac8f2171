"""The example corpus of the event rules (tests/corpus/events.txt), one test per phrasing.

The file format is documented in the comment header of the corpus itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

import timeline
from timeline.meta import ANCHORS, STATUSES, UNDATED_OPTIONS

CORPUS = Path(__file__).parent / "corpus" / "events.txt"
_OPTION = re.compile(r"#\s*(reference|undated):\s*(\S+)")


@dataclass(frozen=True)
class Case:
    """One phrasing of the corpus and the event it must give."""

    line: int
    group: str
    reference: date
    undated: str
    expected: tuple[str, str, str, str | None] | None  # (date, anchor, status, reference value); None: no event
    phrasing: str

    @property
    def id(self) -> str:
        return f"{self.group}: {self.phrasing}"

    def text_and_span(self) -> tuple[str, int, int]:
        """The article text and the span of the sentence the case is about (all of it without brackets)."""
        text = self.phrasing.replace("\\n", "\n")
        if "[" not in text:
            return text, 0, len(text)
        start = text.index("[")
        end = text.index("]") - 1
        return text.replace("[", "", 1).replace("]", "", 1), start, end

    def check(self) -> None:
        text, start, end = self.text_and_span()
        tl = timeline.extract(text, self.reference, undated=self.undated, fmt="markdown" if "# " in text else "text")
        found = [e for e in tl.events if start <= e.text_start < end or (e.phrase and start <= e.offset[0] < end)]
        shown = "; ".join(f"{e.date} {e.anchor} {e.status} ref={e.reference_date} ({e.text!r})" for e in tl.events)
        where = f"{CORPUS.name}:{self.line} {self.phrasing!r} (reference {self.reference}, undated={self.undated})"
        if self.expected is None:
            assert not found, f"{where}: expected no event, got {shown}"
            return
        assert len(found) == 1, f"{where}: expected one event, got {shown or 'nothing'}"
        e = found[0]
        assert (e.date, e.anchor, e.status, e.reference_date) == self.expected, f"{where}: got {shown}"


def load_corpus(path: Path = CORPUS) -> list[Case]:
    """Every case of the corpus file, in file order."""
    cases: list[Case] = []
    options = {"reference": "", "undated": "lead"}
    group = ""
    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        if line.startswith("##"):
            group = line.lstrip("#").strip()
            continue
        if line.startswith("#"):
            m = _OPTION.match(line)
            if m:
                options[m.group(1)] = m.group(2)
            continue
        head, *phrasings = [p.strip() for p in line.split("|")]
        assert phrasings, f"{path.name}:{lineno}: no phrasings after {head!r}"
        assert options["undated"] in UNDATED_OPTIONS, f"{path.name}:{lineno}: undated {options['undated']!r}"
        expected: tuple[str, str, str, str | None] | None = None
        if head != "NONE":
            fields = head.split()
            assert len(fields) in (3, 4), f"{path.name}:{lineno}: DATE ANCHOR STATUS [REF], got {head!r}"
            assert fields[1] in ANCHORS and fields[2] in STATUSES, f"{path.name}:{lineno}: {head!r}"
            expected = (fields[0], fields[1], fields[2], fields[3] if len(fields) == 4 else None)
        for phrasing in phrasings:
            cases.append(Case(lineno, group, date.fromisoformat(options["reference"]), options["undated"], expected,
                              phrasing))
    return cases


CASES = load_corpus()


def test_corpus_covers_every_option_anchor_and_status() -> None:
    assert {c.undated for c in CASES} == set(UNDATED_OPTIONS)
    assert {c.expected[1] for c in CASES if c.expected} == set(ANCHORS)
    assert {c.expected[2] for c in CASES if c.expected} == set(STATUSES)
    assert any(c.expected and c.expected[3] for c in CASES) and any(c.expected is None for c in CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_corpus(case: Case) -> None:
    case.check()


def test_the_readme_example_is_real_output(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    from timeline.cli import main

    root = CORPUS.parent.parent.parent
    readme = (root / "README.md").read_text(encoding="utf-8")
    marker = "<!-- example: timeline extract docs/examples/rail-link.md -f md -->\n```markdown\n"
    shown = readme.split(marker, 1)[1].split("```\n", 1)[0]
    monkeypatch.chdir(root)
    assert main(["extract", "docs/examples/rail-link.md", "-f", "md"]) == 0
    out = capsys.readouterr().out
    assert out == shown
    assert all(w in out for w in ("(ongoing)", "(expected)", "reported Saturday")), "every status and anchor"
