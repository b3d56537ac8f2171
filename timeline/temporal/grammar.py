"""The rule engine: compose rule patterns from named pieces and recognise them in linear time.

A rule is a name, a pattern template and a normaliser, registered with `@family.rule(name,
pattern)` on the normaliser (rules/ holds one module per family). In a template, `{piece}` inserts the named
piece as a capturing group of that name, `{alias:piece}` inserts it under another name, a space
stands for one or more whitespace characters and `~` for optional whitespace that never joins two
words: "Jan.~5" matches "Jan.5" and "Jan. 5", but "March~that" does not match "Marchthat" (a
fused word is no word of ours, and the scanner starts only at whole words). At any position the
rules are tried in table order (so longer, more specific rules come first) and the leftmost match
wins, exactly as if all rules were one alternation scanned with `finditer` (`scan_all` does that
and serves as the reference).

`scan` gets the same result much faster. Every temporal expression contains an *anchor*: a word
that only occurs in dates and times (a month, "week", "ago", "now", ...) or a number shaped like
a year or a clock time. One regex cuts the lowercased text into tokens and a set look-up picks
the anchors; only the few words before each anchor are tried as starting points, at each only the
rules whose pattern can begin with that word (worked out from the compiled patterns), and a
starting point is tried once however many anchors follow it. Both passes are linear.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

from timeline.frozen import quick_init
from timeline.temporal.parse import Parse
from timeline.temporal.pieces import alt
from timeline.text import letter_runs

Normaliser = Callable[["Fields"], Parse | None]

_PLACEHOLDER = re.compile(r"\{(\w+)(?::(\w+))?\}")

# What may not stand right before or right after an expression: it would make it part of a word,
# a number ("1,998", "3.1998", "$2020") or a code ("A-2020", "#1999", "2020/21"); a comma may stand
# before a word ("Friday,January 30"); "mid-", "pre-", "post-", "early-" and "late-" may stand
# before one ("mid-November"): the tagger reads them as modifiers.
# A hyphen joins two clock times into a range ("10pm-6am", "10 p.m.-6 a.m."): after "am"/"pm" it
# neither ends nor starts an expression.
# So does it between two numbers that share one meridiem ("3-5pm"): the hyphen may end the first
# (timeline.temporal.rules.clock's `clock_range_start`) and start the second.
_AFTER_AM_PM = r"(?<![ap]m)(?<![ap]\.m\.)"
_HOUR_WITH_MERIDIEM = r"(?:1[0-2]|0?[1-9])(?:[:.][0-5]\d)?\s*[ap]\.?m\b"
LEFT_EDGE = (r"(?:(?<![\w$£€¥#@&/.,:-])|(?<=,)(?![\d\s])|(?<=\bmid-)|(?<=\bpre-)|(?<=\bpost-)|(?<=\bearly-)"
             r"|(?<=\blate-)|(?<=\d[ap]m-)|(?<=\d\s[ap]m-)|(?<=[ap]\.m\.-)"
             r"|(?<=\d-)(?=" + _HOUR_WITH_MERIDIEM + r"))")
RIGHT_EDGE = r"(?!\w|[.,:/]\d|" + _AFTER_AM_PM + r"-(?!" + _HOUR_WITH_MERIDIEM + r")\d|%)"


@dataclass(frozen=True)
class Rule:
    """One rule: a pattern template over named pieces and the normaliser that builds its Parse."""

    name: str
    pattern: str
    build: Normaliser


class Family:
    """The rules of one family (rules/dates.py, rules/weekdays.py, ...), in the order written: at
    a position, an earlier rule is tried first, so a longer phrasing comes before the one it holds."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.rules: list[Rule] = []

    def rule(self, name: str, pattern: str) -> Callable[[Normaliser], Normaliser]:
        """Register the decorated normaliser as rule `name` with `pattern`; `rule(name,
        pattern)(normaliser)` registers a normaliser that several rules share."""
        if any(r.name == name for r in self.rules):
            raise ValueError(f"rule {name!r} registered twice in family {self.name!r}")

        def register(build: Normaliser) -> Normaliser:
            self.rules.append(Rule(name, pattern, build))
            return build

        return register


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

    def span(self, key: str) -> tuple[int, int]:
        """Where the piece `key` lies, relative to the start of the match ((-1, -1) if absent)."""
        if key not in self._names or self._m.group(self._names[key]) is None:
            return -1, -1
        base = self._m.start()
        s, e = self._m.span(self._names[key])
        return s - base, e - base

    def before(self, n: int = 40) -> str:
        """Up to `n` characters of the text right before the match."""
        start = self._m.start()
        return self._m.string[max(0, start - n):start]

    def after(self, n: int = 40) -> str:
        """Up to `n` characters of the text right after the match."""
        end = self._m.end()
        return self._m.string[end:end + n]


@quick_init
@dataclass(frozen=True, slots=True)
class Match:
    """A recognised expression: its span, the rule that matched (or the composition that joined
    several matches, `parts`) and the parse."""

    start: int
    end: int
    rule: str
    parse: Parse
    parts: tuple[Match, ...] = ()


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
    source = source.replace(" ", r"\s+").replace("~", OPTIONAL_SPACE)
    return source, names


# `~` in a template: whitespace, or none where that does not run one word on into the next.
OPTIONAL_SPACE = r"(?:\s+|(?<![a-z])|(?![a-z]))"
_LETTER_CLASS = sre_parse.parse("[a-z]").data[0]


def _is_letter_class(sub: Any) -> bool:
    """Whether a parsed lookaround body is exactly `[a-z]` (how `~` says "not a letter")."""
    data = list(sub.data) if hasattr(sub, "data") else list(sub)
    return len(data) == 1 and data[0] == _LETTER_CLASS


def first_words(source: str) -> frozenset[str]:
    """The lowercased words a regex can start with ("#" for a digit, or the punctuation mark it
    starts with). ValueError when the pattern may start with something unbounded (like `\\w`)."""
    keys: set[str] = set()

    def walk(items: list[tuple[Any, Any]], prefix: str) -> None:
        for i, (op, av) in enumerate(items):
            if op is sre.ASSERT_NOT and _is_letter_class(av[1]):
                # "no letter before/after this point": a word being spelled ends here, and one
                # cannot go on after a letter (the `~` of a template, which never fuses words).
                if prefix:
                    if av[0] == 1:  # lookahead: the word ends here
                        keys.add(prefix)
                    return  # lookbehind after a letter: this way cannot match
                continue
            if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
                continue  # zero-width
            rest = items[i + 1:]
            if op is sre.LITERAL:
                ch = chr(av).lower()
                if ch.isalpha():
                    prefix += ch
                    continue
                if prefix:
                    keys.add(prefix)
                elif ch.isspace():
                    raise ValueError("pattern starts with whitespace")
                else:
                    keys.add("#" if ch.isdigit() else ch)
                return
            if op is sre.IN:
                letters, ends = set(), False
                for o, a in av:
                    if o is sre.LITERAL:
                        c = chr(a).lower()
                        if c.isalpha():
                            letters.add(c)
                        elif prefix or c.isspace():
                            ends = True
                        else:
                            keys.add("#" if c.isdigit() else c)
                    elif o is sre.CATEGORY and a in (sre.CATEGORY_DIGIT, sre.CATEGORY_SPACE):
                        if prefix or a is sre.CATEGORY_SPACE:
                            ends = True
                        else:
                            keys.add("#")
                    elif o is sre.RANGE and chr(a[0]).isdigit() and chr(a[1]).isdigit():
                        if prefix:
                            ends = True
                        else:
                            keys.add("#")
                    elif o is sre.RANGE and chr(a[0]).isalpha() and chr(a[1]).isalpha():
                        letters |= {chr(x).lower() for x in range(a[0], a[1] + 1)}
                    else:
                        raise ValueError("pattern may start with any character")
                if ends and prefix:
                    keys.add(prefix)
                for c in sorted(letters):
                    walk(rest, prefix + c)
                return
            if op is sre.BRANCH:
                for alt in av[1]:
                    walk(list(alt) + rest, prefix)
                return
            if op is sre.SUBPATTERN:
                walk(list(av[3]) + rest, prefix)
                return
            if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
                lo, hi, item = av
                if lo == 0:
                    walk(rest, prefix)
                if hi != 0:
                    again = [] if hi == 1 else [(op, (max(lo - 1, 0), hi if hi == sre.MAXREPEAT else hi - 1, item))]
                    walk(list(item) + again + rest, prefix)
                return
            raise ValueError(f"cannot read the start of the pattern ({op})")
        if not prefix:
            raise ValueError("pattern can match the empty string")
        keys.add(prefix)

    walk(list(sre_parse.parse(source, re.IGNORECASE).data), "")
    return frozenset(keys)


# How far before its first anchor an expression may start ("the first half of the fiscal year").
WINDOW = 40


class Grammar:
    """Rules compiled for scanning: `scan` (fast, anchored) and `scan_all` (the reference)."""

    def __init__(self, rules: Sequence[Rule], pieces: Mapping[str, str], anchor_words: Iterable[str],
                 anchor_token: str, anchor_number: str,
                 compose: Callable[[str, list[Match]], list[Match]] = lambda text, matches: matches) -> None:
        taken = [r.name for r in rules]
        if len(set(taken)) != len(taken):
            raise ValueError(f"rule names used twice: {sorted({n for n in taken if taken.count(n) > 1})}")
        self.rules = tuple(rules)
        self.compose = compose
        self._sources: list[str] = []
        self._groups: dict[str, tuple[int, Rule, dict[str, str]]] = {}
        by_key: dict[str, list[int]] = {}
        for i, rule in enumerate(self.rules):
            source, names = _expand(rule.pattern, pieces, f"r{i}_")
            try:
                keys = first_words(source)  # parsing the pattern finds its syntax errors too
            except (re.error, ValueError) as exc:  # fail early, naming the rule
                raise ValueError(f"rule {rule.name}: {exc}") from exc
            for key in keys:
                by_key.setdefault(key, []).append(i)
            outer = f"R{i}"
            self._groups[outer] = (i, rule, names)
            self._sources.append(f"(?P<{outer}>{source})")
        self._by_key = {k: tuple(v) for k, v in by_key.items()}
        self._groups_of_key = _shared_groups(self._by_key)
        self._patterns: dict[tuple[int, ...], re.Pattern[str]] = {}
        self._key_patterns: dict[str, tuple[tuple[int, ...], re.Pattern[str]]] = {}
        # Candidate starting points: the words (or digits, quotes, brackets) some rule starts with.
        words = [k for k in self._by_key if k[0].isalpha()]
        others = "".join(re.escape(k) for k in self._by_key if not k[0].isalpha() and k != "#")
        self._starts = re.compile(r"(?<![a-z0-9])(?:" + alt(words) + r"(?![a-z])|[0-9" + others + "])")
        self.anchor_words = frozenset(anchor_words)
        # One regex finds the anchors: an anchor word as a whole token ("may" in "may12", not in
        # "mayor"), or a number token that starts with the shape of a year, clock time, ...
        token_words = [w for w in self.anchor_words if re.fullmatch(r"[a-z]+[1-4]?", w)]
        self._anchors = re.compile(
            r"(?<![a-z0-9])(?:" + alt(token_words) + r"(?![a-z])(?![1-4](?![a-z0-9]))"
            r"|(?=" + anchor_number + r")(?:" + anchor_token + "))")
        # Where the first anchor can start, found by two quick searches (`_first_anchor`): a word
        # anchor is one of `token_words` (its letters, then no letter) after no letter or digit; a
        # number anchor starts with what `anchor_number` can start with (read off the pattern).
        number_starts = first_words(anchor_number)
        maybe_words = {re.sub("[1-4]$", "", w) for w in token_words} | {k for k in number_starts if k[0].isalpha()}
        self._maybe_word = re.compile(alt(maybe_words) + "(?![a-z])")
        # Each such word is a whole run of letters (a-z) where it can start: an ASCII text none of
        # whose runs is one has no word anchor at all (one look at its runs, `anchors`, instead of
        # the word search at every hop). None when some word is not only letters a-z.
        self._word_runs = frozenset(w.encode("ascii") for w in maybe_words) \
            if all(re.fullmatch("[a-z]+", w) for w in maybe_words) else None
        marks = "".join(re.escape(k) for k in sorted(number_starts) if not k[0].isalpha() and k != "#")
        self._maybe_number = re.compile("[" + (r"\d" if "#" in number_starts else "") + marks + "]"
                                        if marks or "#" in number_starts else "(?!)")
        # The same for ASCII text, where a digit is 0-9: a plain class, twice as quick to search as
        # one that asks the Unicode database about every character.
        ascii_marks = "".join(re.escape(k) for k in sorted(number_starts) if k.isascii() and not k[0].isalpha()
                              and k != "#")
        self._maybe_number_ascii = re.compile("[" + ("0-9" if "#" in number_starts else "") + ascii_marks + "]"
                                              if ascii_marks or "#" in number_starts else "(?!)")
        # `_maybe_word` where a token can start (after no letter or digit), as the anchor regex's
        # lookbehind says: the regex skips the places inside words itself.
        self._maybe_word_start = re.compile(r"(?<![a-z0-9])" + self._maybe_word.pattern)
        self._all = tuple(range(len(self.rules)))

    @property
    def regex(self) -> re.Pattern[str]:
        """All rules as one regex (what `scan_all` runs)."""
        return self._pattern(self._all)

    def _pattern(self, indices: tuple[int, ...]) -> re.Pattern[str]:
        """The rules `indices`, in order, as one compiled alternation (compiled once, on first use)."""
        pattern = self._patterns.get(indices)
        if pattern is None:
            body = "|".join(self._sources[i] for i in indices)
            pattern = self._patterns[indices] = re.compile(LEFT_EDGE + "(?:" + body + ")" + RIGHT_EDGE,
                                                           re.IGNORECASE)
        return pattern

    def _accept(self, m: re.Match[str]) -> Match | None:
        outer = m.lastgroup
        assert outer is not None
        i, rule, names = self._groups[outer]
        parse = rule.build(Fields(m, names))
        return Match(m.start(), m.end(), rule.name, parse) if parse is not None else None

    def _rule_pattern(self, i: int) -> re.Pattern[str]:
        """Rule `i` alone, with the edges (compiled once, on first use)."""
        return self._pattern((i,))

    def _match_at(self, m: re.Match[str], text: str, indices: tuple[int, ...]) -> Match | None:
        """Accept match `m` of rules `indices`; when its normaliser rejects it, try the rules
        after that one at the same position, one by one (as the alternation would: the first
        rule that matches wins), so a rejection never compiles a new alternation."""
        while True:
            found = self._accept(m)
            if found is not None:
                return found
            outer = m.lastgroup
            assert outer is not None
            rejected = self._groups[outer][0]
            for i in indices[indices.index(rejected) + 1:]:
                m2 = self._rule_pattern(i).match(text, m.start())
                if m2 is not None:
                    break
            else:
                return None
            m = m2

    def scan_all(self, text: str) -> list[Match]:
        """What `scan` finds, trying all rules at every position: the reference it must agree with."""
        return self.compose(text, self.units_all(text))

    def scan(self, text: str, progress: Callable[[float], None] | None = None) -> list[Match]:
        """Every expression in `text`, left to right: the rules' matches (`units`), composed."""
        return self.compose(text, self.units(text, progress))

    def units_all(self, text: str) -> list[Match]:
        """Every rule match in `text`, left to right, non-overlapping, trying all rules at every
        position: the reference that `units` must agree with."""
        out: list[Match] = []
        search = self.regex.search
        pos = 0
        while (m := search(text, pos)) is not None:
            found = self._match_at(m, text, self._all)
            if found is None:
                pos = m.start() + 1
            else:
                out.append(found)
                pos = max(found.end, found.start + 1)
        return out

    def anchors(self, low: str) -> Iterator[re.Match[str]]:
        """The anchor tokens of lowercased text `low`, in order: the anchor regex's matches (as its
        `finditer` gives them), each tried only where the quick searches of `_first_anchor` say
        one can start (none at all in most sentences of a news text)."""
        number = self._maybe_number_ascii if low.isascii() else self._maybe_number
        words: re.Pattern[str] | None = self._maybe_word_start
        if self._word_runs is not None and low.isascii() \
                and self._word_runs.isdisjoint(letter_runs(low)):
            words = None  # no run of letters is a word an anchor starts with: numbers only
        start = self._first_anchor(low, 0, number, words)
        return iter(()) if start is None else self._hops(low, start, number, words)

    def _hops(self, low: str, at: int | None, number: re.Pattern[str],
              words: re.Pattern[str] | None) -> Iterator[re.Match[str]]:
        # An anchor starts after no letter or digit (the lookbehind of `_anchors`): where none
        # starts at a candidate, none starts before the end of the letters and digits there either.
        match, run = self._anchors.match, _ALNUM_RUN.match
        while at is not None:
            m = match(low, at)
            if m is not None:
                yield m
                at = self._first_anchor(low, m.end(), number, words)
            else:
                letters = run(low, at)  # (`[a-z0-9]*` always matches)
                end = letters.end() if letters is not None else at
                at = self._first_anchor(low, end if end > at else at + 1, number, words)

    def _first_anchor(self, low: str, pos: int = 0, number_re: re.Pattern[str] | None = None,
                      words: re.Pattern[str] | None | bool = True) -> int | None:
        """A place at or before the first anchor of `low` at or after `pos` (None: it has none
        there). The anchor regex is slow to search (it must try every place); these two searches
        are not, and tests/test_temporal_scanner.py checks that they never skip an anchor.
        `number_re`: the search for where a number can start, when chosen already; `words`: the
        search for where a word anchor can start (True: `_maybe_word_start`; None: none can)."""
        if number_re is None:
            number_re = self._maybe_number_ascii if low.isascii() else self._maybe_number
        number = number_re.search(low, pos)
        end = number.start() if number is not None else len(low)
        if words is True:
            words = self._maybe_word_start
        word = words.search(low, pos, end) if isinstance(words, re.Pattern) else None
        if word is not None:
            return word.start()
        return None if number is None else end

    def units(self, text: str, progress: Callable[[float], None] | None = None) -> list[Match]:
        """The same matches as `units_all`, found from the anchors (`progress` hears how far
        through the text the scan is, from 0 to 1, now and then)."""
        low = _lower(text)
        size = max(1, len(text))
        seen = 0
        out: list[Match] = []
        pos = 0
        starts = self._starts.finditer
        key_patterns = self._key_patterns
        tried: dict[int, re.Match[str] | None] = {}  # start position -> what the rules matched there
        for anchor in self.anchors(low):
            at = anchor.start()
            if progress is not None:
                seen += 1
                if seen % 4096 == 0:
                    progress(at / size)
            if at < pos:
                continue
            for word in starts(low, max(pos, at - WINDOW), anchor.end()):
                key = word.group()
                if key[0] in "0123456789":
                    key = "#"
                entry = key_patterns.get(key)
                if entry is None:
                    indices = self._groups_of_key[key]
                    entry = key_patterns[key] = (indices, self._pattern(indices))
                where = word.start()
                if where in tried:
                    m = tried[where]
                else:
                    m = tried[where] = entry[1].match(text, where)
                if m is None or m.end() <= at:
                    continue
                found = self._match_at(m, text, entry[0])
                if found is not None and found.end > at:
                    out.append(found)
                    pos = found.end
                    break
        return out

    def warm(self) -> None:
        """Compile every pattern the scanner may need now (they are otherwise compiled on first
        use): done before forking workers, so they share the compiled patterns."""
        for key in self._groups_of_key:
            if key not in self._key_patterns:
                indices = self._groups_of_key[key]
                self._key_patterns[key] = (indices, self._pattern(indices))

    def starting_words(self) -> Iterable[str]:
        """Every word some rule can start with (for documentation and tests)."""
        return sorted(self._by_key)


def _shared_groups(by_key: Mapping[str, tuple[int, ...]]) -> dict[str, tuple[int, ...]]:
    """For each starting word, the rules to try there: the smallest of the largest rule groups
    (no other group holds them all) that holds its own rules. Trying a rule that cannot start with
    the word changes nothing (it fails at once), and sharing groups halves what is compiled: the
    key patterns are compiled on first use, and that compilation is most of a cold start."""
    groups = set(by_key.values())
    largest = [g for g in groups if not any(set(g) < set(h) for h in groups)]
    return {k: min((g for g in largest if set(v) <= set(g)), key=lambda g: (len(g), g)) for k, v in by_key.items()}


_ALNUM_RUN = re.compile("[a-z0-9]*")


def _lower(text: str) -> str:
    """`text` lowercased, keeping every character at its offset (a few characters, like "İ",
    lowercase to two; those stay as they are)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
