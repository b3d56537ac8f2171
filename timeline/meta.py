"""What the program is and what it writes: its name and version (named in every output) and the
output formats. Light on purpose: `timeline --help` and `--version` import only this."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

__all__ = ["FORMATS", "GENERATOR", "Generator"]

FORMATS: tuple[str, ...] = ("html", "html-fragment", "md", "json", "csv", "timelinejs", "markwhen", "mermaid")


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
    try:
        return metadata.version("timeline")
    except metadata.PackageNotFoundError:
        return "0+unknown"


GENERATOR = Generator("timeline", _version())
