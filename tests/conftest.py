"""Shared fixtures (the bundled seed article) and the Hypothesis profiles of every property suite:
`ci` (the default: few examples, reproducible) and `thorough` (HYPOTHESIS_PROFILE=thorough)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile("ci", max_examples=60, deadline=None, derandomize=True, database=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("thorough", max_examples=5000, deadline=None, database=None, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

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
