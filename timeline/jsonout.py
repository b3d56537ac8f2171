"""JSON as the outputs write it: `json.dumps(value, indent=2, ensure_ascii=False)`, byte for byte,
but built from whole lines instead of millions of small pieces: the standard library's encoder
falls back to pure Python whenever it indents, which made the JSON of an article with 40,000 events
the slowest part of `extract` and the biggest part of its memory."""

from __future__ import annotations

import json
import re
from typing import Any

_encode_str = json.encoder.encode_basestring  # the C function json.dumps uses with ensure_ascii=False
_scalar = json.JSONEncoder(ensure_ascii=False).encode


_SCALARS = {int: int.__repr__, bool: lambda b: "true" if b else "false", type(None): lambda _: "null"}


def dumps(value: Any) -> str:
    """`value` as `json.dumps(value, indent=2, ensure_ascii=False)` writes it."""
    return _dump(value, "\n")


def _dump(value: Any, newline: str) -> str:
    """`value` as JSON text; `newline` is "\n" and the indent of the line it starts on. A value is
    made of whole pieces joined once per container (strings and integers written directly)."""
    kind = type(value)
    if kind is str:
        return _encode_str(value)
    write = _SCALARS.get(kind)
    if write is not None:
        return write(value)
    if kind is dict or kind is list or kind is tuple or isinstance(value, dict | list | tuple):
        if not value:
            return "{}" if isinstance(value, dict) else "[]"
        inner = newline + "  "
        if isinstance(value, dict):
            items = [(k if type(k) is str else _key(k), v) for k, v in value.items()]
            body = ("," + inner).join(
                f"{_encode_str(k)}: {_encode_str(v) if type(v) is str else _dump(v, inner)}" for k, v in items)
            return "{" + inner + body + newline + "}"
        body = ("," + inner).join(_encode_str(v) if type(v) is str else _dump(v, inner) for v in value)
        return "[" + inner + body + newline + "]"
    if isinstance(value, str):
        return _encode_str(value)
    return _scalar(value)  # floats, and subclasses of int, as json writes them


#: A surrogate in a Python string is a lone one (a pair is one character): it cannot be UTF-8.
_SURROGATE = re.compile("[\ud800-\udfff]")


def dumps_utf8(value: Any, **options: Any) -> str:
    """`json.dumps(value, ensure_ascii=False, **options)`, unless that holds a lone surrogate (a
    file name that is not UTF-8 reaches a path or a message as one): then with every character
    beyond ASCII escaped (`\\udcff`), which json.loads reads back the same and UTF-8 can write."""
    text = json.dumps(value, ensure_ascii=False, **options)
    return text if text.isascii() or _SURROGATE.search(text) is None else json.dumps(value, **options)


def _key(k: object) -> str:
    """A non-string key as json.dumps writes it (True -> "true", 1 -> "1", None -> "null")."""
    return str(next(iter(json.loads(json.dumps({k: 0})))))
