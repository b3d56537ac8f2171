"""The rule engine: compose rule patterns from named pieces and recognise them in one linear pass.

A rule is a name, a pattern template and a normaliser. In a template, `{piece}` inserts the named
piece as a capturing group of that name, `{alias:piece}` inserts it under another name, a space
stands for one or more whitespace characters and `~` for optional whitespace. All rules are joined
into one alternation, tried in table order at each position (so longer, more specific rules come
first), and scanned with one `finditer`: recognition is linear in the length of the text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from timeline.temporal.parse import Parse

Normaliser = Callable[["Fields"], Parse | None]

_PLACEHOLDER = re.compile(r"\{(\w+)(?::(\w+))?\}")

# What may not stand right before or right after an expression: it would make it part of a word,
# a number ("1,998", "3.1998", "$2020") or a code ("A-2020", "#1999", "2020/21"); "mid-", "pre-",
# "post-", "early-" and "late-" may stand before one ("mid-November"): the tagger reads them as
# modifiers.
LEFT_EDGE = r"(?:(?<![\w$£€¥#@&/.,:-])|(?<=\bmid-)|(?<=\bpre-)|(?<=\bpost-)|(?<=\bearly-)|(?<=\blate-))"
RIGHT_EDGE = r"(?!\w|[.,:/-]\d|%)"


@dataclass(frozen=True)
class Rule:
    """One rule: a pattern template over named pieces and the normaliser that builds its Parse."""

    name: str
    pattern: str
    build: Normaliser


class Fields(Mapping[str, str | None]):
    """The pieces one rule matched, by name (None where an optional piece did not match),
    with the matched text and a view of the text around it for context checks."""

    __slots__ = ("_m", "_names")

    def __init__(self, m: re.Match[str], names: dict[str, str]) -> None:
        self._m = m
        self._names = names

    def __getitem__(self, key: str) -> str | None:
        if key not in self._names:
            return None
        return self._m.group(self._names[key])

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)

    @property
    def text(self) -> str:
        return self._m.group()

    def low(self, key: str) -> str | None:
        """The piece, lowercased with inner whitespace collapsed (for table look-ups)."""
        value = self[key]
        return " ".join(value.lower().split()) if value else None

    def before(self, n: int = 40) -> str:
        """Up to `n` characters of the text right before the match."""
        start = self._m.start()
        return self._m.string[max(0, start - n):start]

    def after(self, n: int = 40) -> str:
        """Up to `n` characters of the text right after the match."""
        end = self._m.end()
        return self._m.string[end:end + n]


@dataclass(frozen=True)
class Match:
    """A recognised expression: its span, the rule that matched and the rule's parse."""

    start: int
    end: int
    rule: str
    parse: Parse


def _expand(template: str, pieces: Mapping[str, str], prefix: str) -> tuple[str, dict[str, str]]:
    """Expand a template into regex source whose groups are named `prefix + alias`."""
    names: dict[str, str] = {}

    def piece(m: re.Match[str]) -> str:
        alias = m.group(1)
        kind = m.group(2) or alias
        if kind not in pieces:
            raise KeyError(f"unknown piece {{{kind}}} in rule pattern {template!r}")
        group = f"{prefix}{alias}"
        if alias in names:
            raise ValueError(f"piece {alias!r} used twice in {template!r}; give it an alias")
        names[alias] = group
        return f"(?P<{group}>{pieces[kind]})"

    source = _PLACEHOLDER.sub(piece, template)
    source = source.replace(" ", r"\s+").replace("~", r"\s*")
    return source, names


class Grammar:
    """Rules compiled into one scanner."""

    def __init__(self, rules: Sequence[Rule], pieces: Mapping[str, str]) -> None:
        self.rules = tuple(rules)
        self._sources: list[str] = []
        self._groups: dict[str, tuple[int, Rule, dict[str, str]]] = {}
        for i, rule in enumerate(self.rules):
            source, names = _expand(rule.pattern, pieces, f"r{i}_")
            try:
                re.compile(source, re.IGNORECASE)
            except re.error as exc:  # fail early, naming the rule
                raise ValueError(f"rule {rule.name}: {exc}") from exc
            outer = f"R{i}"
            self._groups[outer] = (i, rule, names)
            self._sources.append(f"(?P<{outer}>{source})")
        self.regex = self._compile(0)
        self._rest: dict[int, re.Pattern[str]] = {}

    def _compile(self, first: int) -> re.Pattern[str]:
        body = "|".join(self._sources[first:])
        return re.compile(LEFT_EDGE + "(?:" + body + ")" + RIGHT_EDGE, re.IGNORECASE)

    def _accept(self, m: re.Match[str]) -> Match | None:
        outer = m.lastgroup
        assert outer is not None
        i, rule, names = self._groups[outer]
        parse = rule.build(Fields(m, names))
        return Match(m.start(), m.end(), rule.name, parse) if parse is not None else None

    def scan(self, text: str) -> list[Match]:
        """Every rule match in `text`, left to right, non-overlapping. When a normaliser rejects
        a match (returns None), the rules after it are tried at the same position."""
        out: list[Match] = []
        search = self.regex.search
        pos = 0
        while (m := search(text, pos)) is not None:
            found = self._accept(m)
            while found is None:
                outer = m.lastgroup
                assert outer is not None
                i = self._groups[outer][0] + 1
                if i >= len(self.rules):
                    break
                rest = self._rest.get(i)
                if rest is None:
                    rest = self._rest[i] = self._compile(i)
                m2 = rest.match(text, m.start())
                if m2 is None:
                    break
                m = m2
                found = self._accept(m)
            if found is None:
                pos = m.start() + 1
            else:
                out.append(found)
                pos = max(found.end, found.start + 1)
        return out
