"""benchmarks/fit_story.py: how the grid search chooses among grid points that score the same."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from timeline.story import WEIGHTS, Weights

_SCRIPT = Path(__file__).resolve().parent.parent / "benchmarks" / "fit_story.py"


@pytest.fixture(scope="module")
def fit_story():
    spec = importlib.util.spec_from_file_location("fit_story", _SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    try:
        spec.loader.exec_module(module)
        yield module
    finally:
        del sys.modules[spec.name]


def _w(**kw: float) -> Weights:
    from dataclasses import replace

    return replace(WEIGHTS, **kw)


def test_ties_give_their_centre(fit_story):
    """Several weightings with the best score: the fit is their mean, not one end of the tie."""
    scored = [(_w(later=0.0, spread=0.5, merge=0.9), 0.7),
              (_w(later=0.5, spread=1.0, merge=1.01), 0.7),
              (_w(later=0.25, spread=0.0, merge=0.9), 0.6)]
    w = fit_story.centre_of_best(scored)
    assert (w.later, w.spread, w.merge) == pytest.approx((0.25, 0.75, 0.955))
    assert w.articles == WEIGHTS.articles  # an axis the grid does not search keeps its value


def test_one_best_is_itself(fit_story):
    best = _w(later=0.5, spread=0.0)
    assert fit_story.centre_of_best([(_w(later=0.0), 0.5), (best, 0.6), (_w(spread=1.0), 0.6 - 1e-6)]) == best
