"""The errors a user can fix: each is reported as one line naming the file and the problem, with
exit status 2 (never a traceback). Library callers catch `UserError` for all of them."""

from __future__ import annotations

import re
import sys


class UserError(ValueError):
    """A problem with what the user gave: an input, an output path, an option or a theme."""


class ArticleError(UserError):
    """An input article (or collection, page, URL) that cannot be read as one."""


class OutputError(UserError):
    """An output path that may not or cannot be written (a file timeline did not write, an input,
    a folder outside the build, a full disk)."""


class TemplateError(UserError):
    """A template of the user's theme that does not parse or render (names the file and line)."""


# Characters a terminal acts on instead of showing: C0 and C1 controls (ESC starts the ANSI
# sequences that recolour, move the cursor or retitle the window), DEL, and the bidirectional
# overrides that reorder what is shown; and a lone surrogate (a byte of a file name that is not
# UTF-8), which a stream without Python's backslashreplace cannot write at all.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def printable(message: str) -> str:
    """`message` safe to print on a terminal, on one line: every control character (an ANSI escape,
    a newline, a carriage return, a bidi override) shown as its escape (`\\x1b`), never obeyed.
    Messages carry file names and text from articles, caches and servers: every line the CLI
    prints on stderr goes through here."""
    return _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape", "backslashreplace").decode("ascii"),
                            message)


def say(message: str, *, prefix: str = "") -> None:
    """Print one message of the CLI on stderr: `timeline: PREFIX MESSAGE`, made printable."""
    print(f"timeline: {prefix}{printable(message)}", file=sys.stderr)


def warn_stderr(message: str) -> None:
    """The default way a reader warns: one line on stderr, `timeline: FILE: what`."""
    say(message)
