"""Shared fixtures: the bundled seed article."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_3b01959ef49d4888.txt"


@pytest.fixture
def seed_path() -> Path:
    return SEED


@pytest.fixture
def seed_body() -> str:
    """The seed article without its front matter (as it was published)."""
    text = SEED.read_text(encoding="utf-8")
    return text.split("---\n", 2)[2]
