"""`timeline --help > /dev/full` (and --version, and a command's --help) exited 0 saying nothing:
argparse drops a failed write of its messages. Like any command's output to a full stdout, it is
one line, "cannot write the output (No space left on device)", exit 2."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
@pytest.mark.parametrize("args", [["--help"], ["--version"], ["extract", "--help"], ["-h"]])
def test_help_and_version_to_a_full_stdout_are_one_line_and_exit_2(args: list[str]) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with open("/dev/full", "w") as full:
        res = subprocess.run([sys.executable, "-m", "timeline", *args], stdout=full, stderr=subprocess.PIPE,
                             text=True, env=env, timeout=60)
    assert res.returncode == 2, res.stderr
    assert res.stderr == "timeline: cannot write the output (No space left on device)\n"


@pytest.mark.parametrize("args", [["--help"], ["--version"], ["extract", "--help"]])
def test_help_and_version_still_print_and_exit_0(args: list[str]) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    res = subprocess.run([sys.executable, "-m", "timeline", *args], capture_output=True, text=True, env=env,
                         timeout=60)
    assert res.returncode == 0 and res.stderr == "" and res.stdout.strip()
