"""Module boundaries: no import cycle among the package's modules (module-level imports), and the
light modules stay light (a cold `timeline --help` imports neither the tagger nor pandas)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "timeline"


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _graph(*, lazy: bool = False) -> dict[str, set[str]]:
    """Which modules each module imports: at module level, or with `lazy` also inside functions
    (never in `if TYPE_CHECKING:` blocks, which are not run)."""
    modules = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        nodes = [n for top in tree.body if not isinstance(top, ast.If) for n in (ast.walk(top) if lazy else [top])]
        for node in nodes:
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                targets = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            for t in targets:
                if t in modules and t != name:
                    graph[name].add(t)
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(node: str, stack: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycles.append(stack[stack.index(nxt):] + [nxt])
            elif nxt not in state:
                visit(nxt, [*stack, nxt])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    # A package's __init__ importing its own submodules is how packages work, not a cycle to fix.
    cycles = [c for c in cycles if not any(c[i + 1].startswith(c[i] + ".") for i in range(len(c) - 1))]
    return cycles


def test_no_import_cycle() -> None:
    assert _cycles(_graph()) == []


def test_no_import_cycle_even_through_lazy_imports() -> None:
    # An import inside a function is still a dependency: two modules that need each other are one
    # module in two files (article <-> readers, edits <-> story were such pairs).
    assert _cycles(_graph(lazy=True)) == []


def test_help_imports_only_what_it_uses() -> None:
    code = ("import sys, timeline.cli\n"
            "try:\n    timeline.cli.main(['--help'])\nexcept SystemExit:\n    pass\n"
            "heavy = [m for m in ('timeline.temporal.rules', 'pandas', 'markdown', 'dateparser', 'trafilatura',"
            " 'htmldate', 'pyarrow', 'dask', 'jinja2') if m in sys.modules]\n"
            "print('HEAVY=' + ','.join(heavy))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "HEAVY="


def test_a_checkout_reads_its_version_without_the_package_metadata_machinery() -> None:
    """importlib.metadata (email, zipfile, csv...) is 0.02-0.04 s of every start, serial before a
    build's workers start; a checkout's version is in its pyproject.toml."""
    code = ("import sys, timeline.meta\n"
            "print(timeline.meta.GENERATOR.version, 'importlib.metadata' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out[0] != "0+unknown" and out[1] == "False", out
