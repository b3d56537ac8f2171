"""The text a reader sees in a Markdown article, with where each of its characters is in the source.

Events are made from what an article says, never from its markup: a colon inside a link's text
must not cut a sentence, a fenced code block is no news, `**Friday**` is "Friday". `plain_text`
turns Markdown into that text (blocks as paragraphs) and returns, for every character of it, its
offset in the source, so temporal expressions and events found in the text can point back into the
article body (the article page links the dates in the source it renders).

Dropped: fenced and indented code blocks, HTML comments and tags (their text stays), link
reference definitions, heading and list markers, block quote marks, table rules, thematic breaks,
emphasis marks, link and image targets (the link's text and the image's alt text stay).
Character references (`&amp;`, `&#58;`) and backslash escapes are read as the characters they stand for.
"""

from __future__ import annotations

import html
import re
from array import array
from collections.abc import Callable

Keep = Callable[[re.Match[str]], list[tuple[int, int] | str]]

_FENCE = re.compile(r"^[ ]{0,3}(`{3,}|~{3,})[^\n]*\n(?:.*?\n)??[ ]{0,3}\1[`~]*[ \t]*$|^[ ]{0,3}(`{3,}|~{3,}).*\Z",
                    re.MULTILINE | re.DOTALL)
_INDENTED = re.compile(r"(?:(?<=\n\n)|\A)(?:(?:[ ]{4}|\t)(?![ \t]*(?:[-*+]|\d{1,9}[.)])[ \t])[^\n]*(?:\n|\Z))+")
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
_REF_DEF = re.compile(r"^[ ]{0,3}\[[^\]\n]+\]:[ \t]*\S+[^\n]*$", re.MULTILINE)
_RULE = re.compile(r"^[ ]{0,3}(?:(?:[-*_][ \t]*){3,}|=+[ \t]*"  # thematic breaks, setext underlines
                   r"|\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?)$", re.MULTILINE)  # table rules
_BLOCK_MARK = re.compile(r"^[ ]{0,3}(?:>[ ]?)*"  # quote marks, then a heading, list or task mark
                         r"(?:#{1,6}(?=[ \t]|$)[ \t]*|[-*+][ \t]+(?:\[[ xX]\][ \t]+)?|\d{1,9}[.)][ \t]+)?",
                         re.MULTILINE)
_CLOSING_HASHES = re.compile(r"[ \t]+#+[ \t]*$", re.MULTILINE)
_TABLE_ROW = re.compile(r"^[ \t]*\|[^\n]*$", re.MULTILINE)
_CELL = re.compile(r"(?:[^|\\\n]|\\.)+")
# Every inline pattern stops at its own opener ("[" in a link's text, "<" in an autolink, the mark
# in emphasis, a run of backticks only from its first: _CODE): an opener never closed scanned the rest of
# its line from each of its copies, so a line of "[" or "*a " was quadratic (20,000 "[": 18 s).
_IMAGE = re.compile(r"!\[([^\[\]\n]*)\]\((?:[^()\n]|\([^()\n]*\))*\)|!\[([^\[\]\n]*)\]\[[^\[\]\n]*\]")
_LINK = re.compile(r"(?<!\\)\[([^\[\]\n]+)\]\((?:[^()\n]|\([^()\n]*\))*\)"
                   r"|(?<!\\)\[([^\[\]\n]+)\]\[[^\[\]\n]*\]")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^<>\s]+|[^<>\s@]+@[^<>\s@]+)>", re.IGNORECASE)
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
# A code span opens with a run of at most 16 backticks: an opener never closed is the last run of
# its length, so at most 16 of them scan to the end of the text.
_CODE = re.compile(r"(?<!`)(`{1,16})(?!`)(.+?)(?<!`)\1(?!`)", re.DOTALL)
_EMPHASES = tuple(re.compile(rf"({marks})(?=\S)([^{mark}\n]+?)(?<=\S)\1")
                  for marks, mark in ((r"\*\*|\*", r"*"), ("__|_", "_"), ("~~", "~")))
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def _group(n: int) -> Keep:
    def keep(m: re.Match[str]) -> list[tuple[int, int] | str]:
        for g in range(n, (m.re.groups or 0) + 1):
            if m.group(g) is not None:
                return [m.span(g)]
        return []

    return keep


def _drop(m: re.Match[str]) -> list[tuple[int, int] | str]:
    return ["\n" if "\n" in m.group() else ""]


def _table_row(m: re.Match[str]) -> list[tuple[int, int] | str]:
    """A table row's cells, joined by " — " (a row reads as one line of text)."""
    out: list[tuple[int, int] | str] = []
    for cell in _CELL.finditer(m.string, m.start(), m.end()):
        s, e = cell.span()
        while s < e and m.string[s] in " \t":
            s += 1
        while e > s and m.string[e - 1] in " \t":
            e -= 1
        if s < e:
            if out:
                out.append(" — ")
            out.append((s, e))
    return out


def _emphasis(m: re.Match[str]) -> list[tuple[int, int] | str]:
    mark = m.group(1)
    before = m.string[m.start() - 1:m.start()]
    after = m.string[m.end():m.end() + 1]
    if mark in ("_", "__") and ((before and before.isalnum()) or (after and after.isalnum())):
        return [m.span()]  # snake_case words are not emphasis
    return [m.span(2)]


def _entity(m: re.Match[str]) -> list[tuple[int, int] | str]:
    decoded = html.unescape(m.group())
    return [m.span()] if decoded == m.group() else [decoded]


_PASSES: list[tuple[re.Pattern[str], Keep]] = [
    (_FENCE, _drop),
    (_COMMENT, _drop),
    (_INDENTED, _drop),
    (_REF_DEF, _drop),
    (_RULE, _drop),
    (_BLOCK_MARK, lambda m: []),
    (_CLOSING_HASHES, lambda m: []),
    (_CODE, _group(2)),
    (_IMAGE, _group(1)),
    (_LINK, _group(1)),
    (_AUTOLINK, _group(1)),
    (_TAG, lambda m: []),
    *((emphasis, _emphasis) for emphasis in _EMPHASES),
    *((emphasis, _emphasis) for emphasis in _EMPHASES),  # again, for emphasis inside emphasis ("***Friday***")
    (_ESCAPE, _group(1)),
    (_TABLE_ROW, _table_row),
    (_ENTITY, _entity),
]


def _apply(pattern: re.Pattern[str], keep: Keep, text: str, where: array) -> tuple[str, array]:  # type: ignore[type-arg]
    """`text` with every match of `pattern` replaced by what `keep` keeps of it (spans of the match,
    which keep their source offsets, or new text, placed at the match's start)."""
    parts: list[str] = []
    out = array("q")
    pos = 0
    for m in pattern.finditer(text):
        if m.start() == m.end():
            continue
        parts.append(text[pos:m.start()])
        out.extend(where[pos:m.start()])
        at = m.start()  # new text stands where the last kept piece ended, so the offsets stay in order
        for piece in keep(m):
            if isinstance(piece, str):
                parts.append(piece)
                out.extend([where[at] if at < len(where) else len(where) and where[-1] + 1] * len(piece))
            else:
                s, e = piece
                parts.append(text[s:e])
                out.extend(where[s:e])
                at = e
        pos = m.end()
    if pos == 0:
        return text, where
    parts.append(text[pos:])
    out.extend(where[pos:])
    return "".join(parts), out


def plain_text(source: str) -> tuple[str, array]:  # type: ignore[type-arg]
    """(the text of the Markdown `source` as a reader sees it, the source offset of each of its
    characters followed by len(source)): `where[i]` is where character i of the text comes from."""
    text = source
    where = array("q", range(len(source)))
    for pattern, keep in _PASSES:
        text, where = _apply(pattern, keep, text, where)
    where.append(len(source))
    return text, where


def to_source(where: array, start: int, end: int) -> tuple[int, int]:  # type: ignore[type-arg]
    """The source span of the text span [start, end)."""
    if end <= start:
        s = where[start]
        return s, s
    return where[start], where[end - 1] + 1
