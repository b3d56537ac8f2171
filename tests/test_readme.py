"""The README as a reader sees it rendered: its code blocks close where they are meant to."""

from __future__ import annotations

import re
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"
FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})(.*)$")


def fence_problems(text: str) -> list[str]:
    """Lines where a fenced code block does not close as intended (CommonMark: a closing fence is
    the same character, at least as long, with nothing but spaces after it), and a block left open."""
    problems, opened = [], None
    for number, line in enumerate(text.splitlines(), 1):
        match = FENCE.match(line)
        if not match:
            continue
        fence, rest = match.groups()
        if opened is None:
            opened = (number, fence)
        elif fence[0] == opened[1][0] and len(fence) >= len(opened[1]):
            if rest.strip():
                problems.append(f"README.md:{number}: text after a closing fence keeps the block open")
            else:
                opened = None
    if opened is not None:
        problems.append(f"README.md:{opened[0]}: code block never closed")
    return problems


def test_fence_problems_are_found() -> None:
    assert fence_problems("```yaml\na: 1\n``` Prose.\n") == [
        "README.md:3: text after a closing fence keeps the block open", "README.md:1: code block never closed"]
    assert fence_problems("```sh\nls\n```\nProse.\n") == []


def test_every_code_block_of_the_readme_closes() -> None:
    assert fence_problems(README.read_text(encoding="utf-8")) == []
