"""The outputs' JSON writer is json.dumps(indent=2, ensure_ascii=False), byte for byte."""

from __future__ import annotations

import json
import os

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline import jsonout

_scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text()
_values = st.recursive(_scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner,
                                                                                                 max_size=4),
                       max_leaves=30)


@settings(max_examples=300) if os.environ.get("HYPOTHESIS_PROFILE", "ci") == "ci" else settings()
@given(_values)
def test_same_bytes_as_json_dumps(value: object) -> None:
    assert jsonout.dumps(value) == json.dumps(value, indent=2, ensure_ascii=False)


def test_tuples_and_odd_keys() -> None:
    value = {"a": (1, 2), 1: [], 2.5: {}, None: "\u2028é\"\\\n"}
    assert jsonout.dumps(value) == json.dumps(value, indent=2, ensure_ascii=False)
