"""JSON as the outputs write it: `json.dumps(value, indent=2, ensure_ascii=False)`, byte for byte,
but built from whole lines instead of millions of small pieces: the standard library's encoder
falls back to pure Python whenever it indents, which made the JSON of an article with 40,000 events
the slowest part of `extract` and the biggest part of its memory."""

from __future__ import annotations

import json
from typing import Any

_encode_str = json.encoder.encode_basestring  # the C function json.dumps uses with ensure_ascii=False
_scalar = json.JSONEncoder(ensure_ascii=False).encode


def dumps(value: Any) -> str:
    """`value` as `json.dumps(value, indent=2, ensure_ascii=False)` writes it."""
    out: list[str] = []
    _write(value, 0, out)
    return "".join(out)


def _write(value: Any, depth: int, out: list[str]) -> None:
    if isinstance(value, str):
        out.append(_encode_str(value))
    elif isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        inner = "\n" + "  " * (depth + 1)
        out.append("{")
        first = True
        for k, v in value.items():
            out.append(inner if first else "," + inner)
            first = False
            out.append(_encode_str(k if isinstance(k, str) else _key(k)))
            out.append(": ")
            _write(v, depth + 1, out)
        out.append("\n" + "  " * depth + "}")
    elif isinstance(value, list | tuple):
        if not value:
            out.append("[]")
            return
        inner = "\n" + "  " * (depth + 1)
        out.append("[")
        first = True
        for v in value:
            out.append(inner if first else "," + inner)
            first = False
            _write(v, depth + 1, out)
        out.append("\n" + "  " * depth + "]")
    else:
        out.append(_scalar(value))  # numbers, booleans, null, as json writes them


def _key(k: object) -> str:
    """A non-string key as json.dumps writes it (True -> "true", 1 -> "1", None -> "null")."""
    return str(next(iter(json.loads(json.dumps({k: 0})))))
