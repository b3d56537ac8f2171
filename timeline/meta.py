"""What the program is and what it writes: its name and version (named in every output), the
output formats, and the kinds of events (their options and statuses). Light on purpose:
`timeline --help` and `--version` import only this."""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

__all__ = ["ANCHORS", "DEFAULT_UNDATED", "DIFF_FORMATS", "FORMATS",
           "STORY_FORMATS", "GENERATOR", "STATUSES", "UNDATED_OPTIONS", "Generator",
           "parse_statuses"]

FORMATS: tuple[str, ...] = ("html", "html-fragment", "md", "json", "csv", "timelinejs", "markwhen", "mermaid", "svg")
DIFF_FORMATS: tuple[str, ...] = ("text", "md", "html", "json")  # what `timeline diff` writes
STORY_FORMATS: tuple[str, ...] = ("json", "md", "html", "csv", "svg")  # what `timeline story` writes


@dataclass(frozen=True)
class Generator:
    """The program that made an output, named in it (HTML <meta name="generator">, footers)."""

    name: str
    version: str

    def __str__(self) -> str:
        return f"{self.name} {self.version}"


def _version() -> str:
    """The project version: pyproject.toml of a source checkout first, else the installed metadata."""
    pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
    try:
        project = tomllib.loads(pyproject.read_text(encoding="utf-8")).get("project", {})
        if project.get("name") == "timeline" and isinstance(project.get("version"), str):
            return str(project["version"])
    except (OSError, tomllib.TOMLDecodeError):
        pass
    from importlib import metadata  # (an installed copy only: in a checkout its import is 0.05 s of every start)

    try:
        return metadata.version("timeline")
    except metadata.PackageNotFoundError:
        return "0+unknown"


GENERATOR = Generator("timeline", _version())

#: Which sentences without a date phrase of their own become events (timeline.events).
UNDATED_OPTIONS: tuple[str, ...] = ("none", "lead", "all")
DEFAULT_UNDATED = "lead"
#: An event's status and how its date was found.
STATUSES: tuple[str, ...] = ("reported", "ongoing", "expected")
ANCHORS: tuple[str, ...] = ("phrase", "publication", "narrative")


def parse_statuses(value: str | Sequence[str] | None) -> tuple[str, ...] | None:
    """The statuses to keep, from "reported,expected" or a sequence (None: all); ValueError for
    a name that is not a status."""
    if value is None:
        return None
    names = [v.strip().lower() for v in (value.split(",") if isinstance(value, str) else value) if v.strip()]
    bad = [n for n in names if n not in STATUSES]
    if bad or not names:
        raise ValueError(f"status must be one or more of {', '.join(STATUSES)} (comma-separated), "
                         f"not {value if isinstance(value, str) else ','.join(value)!r}")
    return tuple(s for s in STATUSES if s in names)
