"""The errors a user can fix: each is reported as one line naming the file and the problem, with
exit status 2 (never a traceback). Library callers catch `UserError` for all of them."""

from __future__ import annotations

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


def warn_stderr(message: str) -> None:
    """The default way a reader warns: one line on stderr, `timeline: FILE: what`."""
    print(f"timeline: {message}", file=sys.stderr)
