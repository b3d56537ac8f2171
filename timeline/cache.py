"""The build cache: processed articles kept beside the build manifest, so a rebuild re-processes
only the articles whose content (or the tool itself) changed.

An entry is keyed by the SHA-256 of the tool's code, the article's path and its bytes, and holds
the `ArticleResult` (or the one-line error the article gave) as JSON. JSON, not pickle: the cache
lives in a folder users share and commit, and loading it must never run code. An entry whose
publication date was inferred with today's date as a bound also records that date, and is stale
on another day. A cache that cannot be read is ignored (the build re-processes everything).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
import types
import typing
from collections.abc import Callable, Iterable
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from timeline.frozen import quick_init
from timeline.jsonout import dumps_utf8
from timeline.pipeline import ArticleResult

CACHE_NAME = ".timeline-cache"
_FORMAT = 2


@cache
def code_digest() -> str:
    """SHA-256 of the package's own source (its .py files): a changed tool invalidates the cache."""
    root = Path(__file__).resolve().parent
    h = hashlib.sha256(b"timeline-code\0")
    for path in sorted(root.rglob("*.py")):
        h.update(str(path.relative_to(root)).encode() + b"\0")
        h.update(path.read_bytes())
    return h.hexdigest()


def article_key(path: str, data: bytes) -> str:
    """The cache key of an article file: the tool's code, the path as given, the bytes (the
    options it is processed with are folded in by `batch.Options.keyed`)."""
    h = hashlib.sha256(code_digest().encode())
    h.update(b"\0" + path.encode("utf-8", "surrogateescape") + b"\0")
    h.update(data)
    return h.hexdigest()


def tree_digest(folders: Iterable[Path | None]) -> str:
    """SHA-256 of every file (names and bytes) under the folders given (templates, themes)."""
    h = hashlib.sha256(b"timeline-tree\0")
    for folder in folders:
        if folder is None or not folder.is_dir():
            h.update(b"-\0")
            continue
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            h.update(str(path.relative_to(folder)).encode("utf-8", "surrogateescape") + b"\0")
            h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


# --- a JSON codec for the frozen dataclasses an ArticleResult is made of ----------------------------


_PLAIN = frozenset({str, int, float, bool, type(None)})


def encode(value: Any) -> Any:
    """A dataclass tree as JSON-ready values (dates as ISO strings, tuples as lists)."""
    kind = type(value)
    if kind in _PLAIN:  # most values: checked first, as the cache encodes millions of them
        return value
    if kind is tuple or kind is list:
        return [v if type(v) in _PLAIN else encode(v) for v in value]
    fields = _ENCODERS.get(kind, _UNSEEN)
    if fields is _UNSEEN:
        fields = _ENCODERS[kind] = _encoder(kind)
    if fields is not None:
        return fields(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [encode(v) for v in value]
    return value


_FIELDS: dict[type, tuple[str, ...] | None] = {}
_ENCODERS: dict[type, Callable[[Any], dict[str, Any]] | None] = {}
_UNSEEN = object()


def _encoder(cls: type) -> Callable[[Any], dict[str, Any]] | None:
    """`encode` for instances of dataclass `cls` (None for any other type): one dict display of
    its fields, made once per type (a build encodes a few hundred thousand of these objects)."""
    names = _dataclass_fields(cls)
    if names is None:
        return None
    items = ", ".join(f"{n!r}: (x if type(x := v.{n}) in plain else encode(x))" for n in names)
    env: dict[str, Any] = {"plain": _PLAIN, "encode": encode}
    exec(f"def fields(v):\n    return {{{items}}}\n", env)  # noqa: S102 (built from field names only)
    made: Callable[[Any], dict[str, Any]] = env["fields"]
    return made


def _dataclass_fields(cls: type) -> tuple[str, ...] | None:
    """The field names of a dataclass type (None for any other type), worked out once per type."""
    names = _FIELDS.get(cls, ())
    if names == ():
        names = _FIELDS[cls] = _field_names(cls) if dataclasses.is_dataclass(cls) else None
    return names


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


def _identity(value: Any) -> Any:
    return value


@cache
def decoder(tp: Any) -> Callable[[Any], Any]:
    """The inverse of `encode` for values of type `tp` (a dataclass, date, tuple, union or
    primitive), worked out once per type."""
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(tp) if a is not type(None)]
        inner = decoder(options[0])
        if inner is _identity:
            return _identity
        return lambda v: None if v is None else inner(v)
    if origin is tuple:
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            item = decoder(args[0])
            if item is _identity:
                return lambda v: tuple(v)
            return lambda v: tuple(map(item, v))
        items = [decoder(a) for a in args]
        return lambda v: tuple(f(x) for f, x in zip(items, v, strict=True))
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        hints = typing.get_type_hints(tp)
        fields = [(f.name, decoder(hints[f.name])) for f in dataclasses.fields(tp)]
        cls = tp

        def build(v: Any) -> Any:
            return cls(**{name: f(v[name]) for name, f in fields if name in v})

        return _quick_build(cls, fields, build)
    if tp is date:
        return date.fromisoformat
    return _identity


def _quick_build(cls: type, fields: list[tuple[str, Callable[[Any], Any]]],
                 build: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """`build` (a dataclass from its encoded fields), made quicker for what `encode` writes, every
    field present: one call with the fields in order, plain values taken as they are. Anything
    else (a field missing, a value of the wrong shape) goes to `build` itself, so the result, or
    the error, is exactly `build`'s. Decoding the results the workers of a build send back, and the
    cache a rebuild reads, makes a few hundred thousand of these objects."""
    if not all(f.init and not f.kw_only for f in dataclasses.fields(cls)):
        return build
    env: dict[str, Any] = {"cls": cls, "build": build}
    args = []
    for i, (name, f) in enumerate(fields):
        if f is _identity:
            args.append(f"v[{name!r}]")
        else:
            env[f"f{i}"] = f
            args.append(f"f{i}(v[{name!r}])")
    source = ("def quick(v):\n"
              "    try:\n"
              f"        return cls({', '.join(args)})\n"
              "    except (KeyError, TypeError):\n"
              "        return build(v)\n")
    exec(source, env)  # noqa: S102 (built from the dataclass's field names only)
    quick: Callable[[Any], Any] = env["quick"]
    return quick


def decode(tp: Any, data: Any) -> Any:
    """`data` (made by `encode`) as a value of type `tp`."""
    return decoder(tp)(data)


@quick_init
@dataclasses.dataclass(frozen=True)
class Entry:
    """What processing one article gave: its result or its error, and the day an inferred
    publication date was bounded by (None when the date did not depend on today)."""

    result: ArticleResult | None
    error: str | None
    today: str | None = None
    skipped: bool = False  # a page without article text: a warning, not an error
    warnings: tuple[str, ...] = ()
    # The entry as cache JSON, when a worker made it (encoding is slow: done in parallel, not after).
    json: str | None = dataclasses.field(default=None, compare=False, repr=False)

    def fresh(self, today: date) -> bool:
        return self.today is None or self.today == today.isoformat()

    def as_json(self) -> str:
        """The entry as the cache file holds it."""
        if self.json is not None:
            return self.json
        return dumps_utf8({"result": encode(self.result), "error": self.error, "today": self.today,
                           "skipped": self.skipped, "warnings": list(self.warnings)}, separators=(",", ":"))

    def with_json(self) -> Entry:
        return dataclasses.replace(self, json=self.as_json())

    @staticmethod
    def from_json(text: str) -> Entry:
        """The entry `as_json` made (what a worker process sends back: one string, cheaper to pass
        between processes than the object tree it encodes)."""
        raw = json.loads(text)
        result = decoder(ArticleResult)(raw["result"]) if raw.get("result") is not None else None
        return Entry(result, raw.get("error"), raw.get("today"), bool(raw.get("skipped")),
                     tuple(raw.get("warnings") or ()), json=text)


_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def _text(value: object, optional: bool = True) -> bool:
    return isinstance(value, str) or (optional and value is None)


def valid_entry(entry: Entry) -> bool:
    """Whether a cache entry is one processing could have made: strings where strings go; an
    article id that is a slug, as every reader makes them (no path, nothing hidden), that each of
    its events belongs to; sentences, expressions and events inside its text."""
    if not (_text(entry.error) and _text(entry.today) and all(isinstance(w, str) for w in entry.warnings)):
        return False
    r = entry.result
    if r is None:
        return entry.error is not None
    a = r.article
    if not (isinstance(a.id, str) and _SLUG.fullmatch(a.id) and isinstance(a.text, str)
            and isinstance(a.published, date)
            and all(_text(v) for v in (a.title, a.source, a.url, a.path, a.published_how))):
        return False
    n = len(a.text)
    for s in r.sentences:
        if not (isinstance(s.start, int) and isinstance(s.end, int) and 0 <= s.start <= s.end <= n):
            return False
    for t in r.timexes:
        if not (isinstance(t.start, int) and isinstance(t.end, int) and 0 <= t.start <= t.end <= n):
            return False
    for e in r.events:
        if not (e.article == a.id and isinstance(e.id, str) and e.id.startswith(a.id + "-")
                and all(src == a.id for src in e.sources) and isinstance(e.sentence, int)
                and 0 <= e.sentence < len(r.sentences) and isinstance(e.text, str)
                and isinstance(e.start, date) and isinstance(e.end, date)):
            return False
    return True


class ProcessCache:
    """The cache file of one output folder: read once, looked up by key, written back whole."""

    def __init__(self, path: Path, *, enabled: bool = True) -> None:
        self.path = path
        self.entries: dict[str, Entry] = {}
        self._raw: dict[str, object] = {}  # entries as read, written back without encoding again
        self.hits = 0
        self.hit_keys: set[str] = set()
        self.warnings: list[str] = []
        if enabled:
            self._load()

    def _load(self) -> None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if data.get("format") != _FORMAT or data.get("code") != code_digest():
                return
            entries = data["entries"].items()
        except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
            return
        read = decoder(ArticleResult)
        bad = 0
        for key, raw in entries:
            try:
                result = read(raw["result"]) if raw.get("result") is not None else None
                entry = Entry(result, raw.get("error"), raw.get("today"), bool(raw.get("skipped")),
                              tuple(raw.get("warnings") or ()))
                ok = valid_entry(entry)
            except (ValueError, KeyError, TypeError, AttributeError, IndexError):
                ok = False
            if not ok:  # the cache is a hint: a damaged or forged entry is processed again
                bad += 1
                continue
            self.entries[key] = entry
            self._raw[key] = raw
        if bad:
            self.warnings.append(f"{self.path}: {bad} damaged entr{'y' if bad == 1 else 'ies'} ignored "
                                 "(processed again)")

    def get(self, key: str, today: date) -> Entry | None:
        entry = self.entries.get(key)
        if entry is not None and entry.fresh(today):
            self.hits += 1
            self.hit_keys.add(key)
            return entry
        return None

    def dumps(self, keep: dict[str, Entry]) -> str:
        """The cache file holding `keep` (the entries of this build only, so it never grows stale)."""
        parts = []
        for k, e in sorted(keep.items()):
            if self.entries.get(k) is e and k in self._raw:
                text = dumps_utf8(self._raw[k], separators=(",", ":"))
            else:
                text = e.as_json()
            parts.append(f"{json.dumps(k)}:{text}")
        head = json.dumps({"format": _FORMAT, "generator": "timeline", "code": code_digest()},
                          separators=(",", ":"))
        return head[:-1] + ',"entries":{' + ",".join(parts) + "}}\n"
