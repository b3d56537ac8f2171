"""The README as a reader sees it rendered: its code blocks close where they are meant to."""

from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from importlib.util import find_spec
from pathlib import Path

import pytest

README = Path(__file__).resolve().parent.parent / "README.md"
FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})(.*)$")


def fence_problems(text: str) -> list[str]:
    """Lines where a fenced code block does not close as intended (CommonMark: a closing fence is
    the same character, at least as long, with nothing but spaces after it), and a block left open."""
    problems, opened = [], None
    for number, line in enumerate(text.splitlines(), 1):
        match = FENCE.match(line)
        if not match:
            continue
        fence, rest = match.groups()
        if opened is None:
            opened = (number, fence)
        elif fence[0] == opened[1][0] and len(fence) >= len(opened[1]):
            if rest.strip():
                problems.append(f"README.md:{number}: text after a closing fence keeps the block open")
            else:
                opened = None
    if opened is not None:
        problems.append(f"README.md:{opened[0]}: code block never closed")
    return problems


def test_fence_problems_are_found() -> None:
    assert fence_problems("```yaml\na: 1\n``` Prose.\n") == [
        "README.md:3: text after a closing fence keeps the block open", "README.md:1: code block never closed"]
    assert fence_problems("```sh\nls\n```\nProse.\n") == []


def test_every_code_block_of_the_readme_closes() -> None:
    assert fence_problems(README.read_text(encoding="utf-8")) == []


# --- The README's shell examples, run as a newcomer would --------------------------------------------

ROOT = README.parent
ANY_BLOCK = re.compile(r"^( *)(`{3,})([\w+-]*)[ \t]*$")
# What a test cannot do: install, reach the network or a cluster, read the shared dev data, benchmark.
NOT_HERE = re.compile(r"pip install|-m venv|apt-get|npm |duckdb|dask (scheduler|worker)|--dask|benchmarks/|"
                      r"\.\./shared|/shared/|curl |https?://|localhost|pytest|ruff |mypy |\.ci/run")
TIMEX_VALUE = re.compile(r"^(\d{4}(-[\dWQHSPFAUI][\w:-]*)?|P[\dX][\w.]*|BC\d+|XXXX[\w-]*|(PAST|PRESENT|FUTURE)_REF)$")


def shell_examples(text: str) -> list[tuple[int, str, list[str], str]]:
    """(line, command, the comment lines or console output that follow it, inline comment) for every
    command of the README's sh/bash/console blocks (and unlabelled blocks whose lines are commands)."""
    lines, examples, i = text.splitlines(), [], 0
    while i < len(lines):
        match = ANY_BLOCK.match(lines[i])
        if not match:
            i += 1
            continue
        indent, fence, lang = match.group(1), match.group(2), match.group(3) or None
        body, j = [], i + 1
        while not re.match(rf"^ *{fence}\s*$", lines[j]):
            body.append((j + 1, lines[j][len(indent):]))
            j += 1
        if lang not in (None, "sh", "bash", "console"):
            i = j + 1
            continue
        console = lang == "console" or any(line.startswith("$ ") for _, line in body)
        k = 0
        while k < len(body):
            number, line = body[k]
            k += 1
            if console and not line.startswith("$ "):
                if examples and examples[-1][0] >= i:
                    examples[-1][2].append(line)
                continue
            line = line.removeprefix("$ ")
            if line.startswith("#") or not line.strip():
                if line.startswith("# ") and examples and examples[-1][0] >= i:
                    examples[-1][2].append(line[2:])
                continue
            if lang is None and not re.match(r"(timeline|printf|echo|cat) ", line):
                continue
            command = line
            while command.endswith("\\"):
                command += "\n" + body[k][1]
                k += 1
            heredoc = re.search(r"<<'?(\w+)'?", command)
            if heredoc:
                while body[k][1] != heredoc.group(1):
                    command += "\n" + body[k][1]
                    k += 1
                command += "\n" + body[k][1]
                k += 1
            first = command.split("\n", 1)[0]
            comment = first.split(" # ", 1)[1].strip() if " # " in first and "'" not in first.split(" # ", 1)[1] else ""
            examples.append((number, command, [], comment))
        i = j + 1
    return examples


def timeline_calls(command: str) -> list[list[str]]:
    """The argument lists of each `timeline ...` in a shell command (pipes, &&, redirections cut)."""
    first = command.split("\n", 1)[0].replace("\\", " ")
    first = re.sub(r"\s#\s.*$", "", first)
    calls = []
    for segment in re.split(r"\|\||&&|\||;", first):
        try:
            words = shlex.split(segment)
        except ValueError:
            continue
        if words[:1] == ["timeline"]:
            cut = next((n for n, w in enumerate(words) if w in (">", ">>", "<") or w.startswith((">", "2>"))),
                       len(words))
            calls.append(words[1:cut])
    return calls


def parse(argv: list[str]) -> argparse.Namespace:
    from timeline.cli import make_parser

    return make_parser().parse_args(argv)


def test_shell_examples_are_found() -> None:
    text = "Run:\n\n```sh\nprintf 'x\\n' > a.txt\ntimeline tag a.txt --published 2026-01-31   # 2026\n# - **x**\n```\n"
    assert shell_examples(text) == [(4, "printf 'x\\n' > a.txt", [], ""),
                                    (5, "timeline tag a.txt --published 2026-01-31   # 2026", ["- **x**"], "2026")]
    assert timeline_calls("cat a | timeline extract - -f md > b.md  # x") == [["extract", "-", "-f", "md"]]


def test_every_timeline_command_of_the_readme_parses(capsys: pytest.CaptureFixture[str]) -> None:
    """An option renamed or removed, a format or choice that no longer exists: the README says so."""
    wrong = []
    for number, command, _, _ in shell_examples(README.read_text(encoding="utf-8")):
        for argv in timeline_calls(command):
            try:
                parse(argv)
            except SystemExit:
                wrong.append(f"README.md:{number}: timeline {' '.join(argv)}: {capsys.readouterr().err.strip()[-200:]}")
    assert wrong == []


def inputs(argv: list[str]) -> list[str]:
    """The files and folders a `timeline` call reads (its articles, edits, templates, URL list)."""
    args = vars(parse(argv))
    found: list[str] = []
    for name in ("file", "old", "new", "sources", "path", "dir", "edits", "templates", "urls"):
        value = args.get(name)
        for item in value if isinstance(value, list) else [value]:
            if item is not None and str(item) != "-":
                found.append(str(item))
    return found


def check_output(command: str, expected: list[str], comment: str, out: str, err: str) -> list[str]:
    """What the README says a command prints, against what it printed."""
    problems = []
    timexes = json.loads(out) if command.startswith(("timeline tag", "printf")) and out.startswith("[") else None
    values = {(t["text"], t["value"]) for t in timexes or []}
    for line in expected:
        if timexes is not None and re.search(r"\"[^\"]+\" \S+", line) and '": ' not in line:
            for text, value in re.findall(r"\"([^\"]+)\" ([^,\s]+)", line):
                if (text, value) not in values:
                    problems.append(f"no {text!r} {value} in {sorted(values)}")
        elif timexes is not None:
            fields = dict(re.findall(r"\"(\w+)\": \"([^\"]*)\"", line))
            if not any(all(t.get(k) == v for k, v in fields.items()) for t in timexes):
                problems.append(f"no expression with {fields}")
        elif line.strip() and line.strip() not in {x.strip() for x in (out + err).splitlines()}:
            problems.append(f"not printed: {line.strip()!r}")
    if comment and timexes is not None:
        given = {t["value"] for t in timexes} | {t["type"] for t in timexes} | {t["mod"] for t in timexes}
        for token in re.findall(r"[\w:.-]+", re.sub(r"\"[^\"]*\"", "", comment)):
            if TIMEX_VALUE.match(token) and token not in given:
                problems.append(f"no value {token} in {sorted(t['value'] for t in timexes)}")
    elif comment.startswith('"') and "grep" in command:
        problems += [f"not printed: {s}" for s in re.findall(r"\"([^\"]+)\"", comment) if f'"{s}"' not in out]
    elif comment.startswith("warning:"):
        problems += [f"no warning {p.strip()!r}" for p in comment.split("...") if p.strip() not in err]
    return problems


def test_the_readme_examples_run_as_written(tmp_path: Path) -> None:
    """Walk the README as a newcomer: in a folder holding the repository's seeds and docs, run every
    shell example in order (the Commands section's recipe makes story.txt, articles/, v1.md...), skipping
    only what needs the network, an install, the shared dev data or files of the user's own (pages/,
    urls.txt). Each must exit 0 (`diff`: 0 or 1), and print what the README shows after it."""
    work = tmp_path / "work"
    work.mkdir()
    for name in ("seeds", "docs"):
        shutil.copytree(ROOT / name, work / name)
    shims = tmp_path / "bin"
    shims.mkdir()
    python = shlex.quote(sys.executable)
    for name, target in (("timeline", f"{python} -m timeline"), ("python", python)):
        (shims / name).write_text(f'#!/bin/sh\nexec {target} "$@"\n')
        (shims / name).chmod(0o755)
    env = {**os.environ, "PATH": f"{shims}{os.pathsep}{os.environ['PATH']}", "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}
    failures, ran = [], 0
    for number, command, expected, comment in shell_examples(README.read_text(encoding="utf-8")):
        if NOT_HERE.search(command) or (".parquet" in command and find_spec("pyarrow") is None):
            continue
        calls = timeline_calls(command)
        if any(not (work / path).exists() for argv in calls for path in inputs(argv)):
            continue  # the user's own files (pages/, feed.jsonl, urls.txt): not made by the README
        result = subprocess.run(["bash", "-o", "pipefail", "-c", command], cwd=work, env=env,
                                capture_output=True, text=True, timeout=300)
        ran += 1
        ok = {0, 1} if any(argv[:1] == ["diff"] for argv in calls) else {0}
        if result.returncode not in ok:
            failures.append(f"README.md:{number}: exit {result.returncode}: {command[:80]}: "
                            f"{result.stderr.strip()[-300:]}")
            continue
        said = check_output(command, expected, comment, result.stdout, result.stderr)
        failures += [f"README.md:{number}: {problem}" for problem in said]
    for number, code in python_examples(README.read_text(encoding="utf-8")):
        if "parquet" in code and find_spec("pyarrow") is None:
            continue
        result = subprocess.run([sys.executable, "-c", code], cwd=work, env=env, capture_output=True, text=True,
                                timeout=300)
        ran += 1
        if result.returncode != 0:
            failures.append(f"README.md:{number}: the Python example fails: {result.stderr.strip()[-300:]}")
    assert failures == []
    assert ran >= 60, f"only {ran} README examples ran: did the recipe or the skip rule change?"


def python_examples(text: str) -> list[tuple[int, str]]:
    """The README's ```python blocks that are whole programs (not a table's line), each line with a
    comment that is a Python string (`x.value  # '2026-01-28'`) turned into an assertion of it."""
    found = []
    for match in re.finditer(r"^```python\n(.*?)^```$", text, re.M | re.S):
        code = match.group(1)
        if not re.match(r"(import|from) ", code):
            continue
        lines = []
        for line in code.splitlines():
            said = re.match(r"^(\w[\w.\[\]]*)\s+# ('[^']*')$", line)
            lines.append(f"assert repr({said.group(1)}) == {said.group(2)!r}, repr({said.group(1)})" if said else line)
        found.append((text[:match.start()].count("\n") + 1, "\n".join(lines)))
    return found


def test_python_examples_check_what_they_say() -> None:
    text = "```python\nimport timeline\nx = 'a'\nx   # 'a'\n```\n\n```python\n    'juneteenth': (6, 19),\n```\n"
    assert python_examples(text) == [(1, "import timeline\nx = 'a'\nassert repr(x) == \"'a'\", repr(x)")]
