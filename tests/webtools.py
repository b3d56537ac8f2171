"""The outside tools of the browser, validator and accessibility tests, found or explained.

Headless Chromium (Debian package `chromium`) driven by Playwright (`pip install '.[test]'`), the Nu
HTML Checker (npm `vnu-jar`, run with java), axe-core, mermaid, TimelineJS and the Markwhen parser
(npm, pinned in .ci/package.json and installed by .ci/run into .ci/node_modules).

`need()` skips a test whose tool is missing, with the reason and how to get it; with
TIMELINE_BROWSER_TESTS=require (as .ci/run sets) it fails instead, so CI never passes by skipping.
Overrides: TIMELINE_CHROMIUM (the browser), TIMELINE_NODE_MODULES (the folder holding the npm tools).
"""

from __future__ import annotations

import importlib.util
import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NODE_MODULES = Path(os.environ.get("TIMELINE_NODE_MODULES") or ROOT / ".ci" / "node_modules")
INSTALL_HINT = "run .ci/run, or: apt-get install chromium default-jre-headless && npm ci --prefix .ci"

# Playwright adds --headless and a fresh profile (--user-data-dir) itself.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def required() -> bool:
    """Whether missing tools are failures (CI) rather than skips (a developer's machine)."""
    return os.environ.get("TIMELINE_BROWSER_TESTS", "").lower() == "require"


def need(available: object, what: str) -> None:
    """Skip (or, when required, fail) unless `available` is truthy."""
    if available:
        return
    message = f"{what} is not available ({INSTALL_HINT})"
    if required():
        pytest.fail(message + "; TIMELINE_BROWSER_TESTS=require", pytrace=False)
    pytest.skip(message)


def chromium() -> str | None:
    """The Chromium executable, or None."""
    env = os.environ.get("TIMELINE_CHROMIUM")
    if env:
        return env if Path(env).exists() else None
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def has_playwright() -> bool:
    return importlib.util.find_spec("playwright") is not None


def java() -> str | None:
    return shutil.which("java")


def node() -> str | None:
    return shutil.which("node")


def npm_file(relative: str) -> Path | None:
    """A file of an npm tool under NODE_MODULES, or None."""
    path = NODE_MODULES / relative
    return path if path.is_file() else None


VNU_JAR = "vnu-jar/build/dist/vnu.jar"
AXE_JS = "axe-core/axe.min.js"
MERMAID_JS = "mermaid/dist/mermaid.min.js"
TIMELINEJS_JS = "@knight-lab/timelinejs/dist/js/timeline.js"
TIMELINEJS_CSS = "@knight-lab/timelinejs/dist/css/timeline.css"
MARKWHEN_PARSER = "@markwhen/parser/package.json"
