"""The command line: exit codes, messages, output safety and the quick-start commands."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from timeline.cli import main

TIMEML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>T1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-02-06" functionInDocument="CREATION_TIME">02/06/1998</TIMEX3></DCT>
<TEXT>
Officials said <TIMEX3 tid="t1" type="DATE" value="1998-02-05">Thursday</TIMEX3> that talks lasted
<TIMEX3 tid="t2" type="DURATION" value="P3W">three weeks</TIMEX3>.
</TEXT>
</TimeML>
"""


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_extract_json_to_stdout(capsys: pytest.CaptureFixture[str], seed_path: Path) -> None:
    code, out, err = run(capsys, "extract", str(seed_path), "-f", "json")
    assert code == 0 and err == ""
    data = json.loads(out)
    assert [(e["date"], e["anchor"]) for e in data["events"]][-2:] == [("2026-01-30", "phrase"),
                                                                         ("2026-01-31", "publication")]


def test_undated_and_status_options(capsys: pytest.CaptureFixture[str], seed_path: Path) -> None:
    def events(*options: str) -> list[dict[str, object]]:
        code, out, err = run(capsys, "extract", str(seed_path), "-f", "json", *options)
        assert code == 0 and err == ""
        return list(json.loads(out)["events"])

    none, lead, every = events("--undated", "none"), events(), events("--undated", "all")
    assert len(lead) == len(none) + 1 and len(every) > len(lead)
    assert all(e["anchor"] == "phrase" for e in none)
    assert [e["status"] for e in events("--status", "ongoing")] == ["ongoing"]
    assert {e["status"] for e in events("--status", "reported,expected")} <= {"reported", "expected"}
    with pytest.raises(SystemExit) as exit_info:
        main(["extract", str(seed_path), "--status", "forecast"])
    out, err = capsys.readouterr()
    assert exit_info.value.code == 2 and out == "" and "reported, ongoing, expected" in err
    assert len(err.strip().splitlines()) == 1


def test_extract_infers_and_says_so(capsys: pytest.CaptureFixture[str], tmp_path: Path, seed_body: str) -> None:
    p = tmp_path / "story.txt"
    p.write_text(seed_body, encoding="utf-8")
    code, out, err = run(capsys, "extract", str(p), "-f", "md")
    assert code == 0
    assert "publication date inferred: 2026-01-31, from 'Friday (Jan 30)'" in err


def test_extract_without_evidence_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    p = tmp_path / "story.txt"
    p.write_text("Officials said the talks went well.\n", encoding="utf-8")
    code, out, err = run(capsys, "extract", str(p))
    assert code == 2 and out == "" and "--published" in err and str(p) in err
    assert len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("content", [b"", b"\xff\xfe\xfa"])
def test_bad_files_exit_2_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path, content: bytes) -> None:
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    code, out, err = run(capsys, "tag", str(p), "--published", "2026-01-31")
    assert code == 2 and str(p) in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_bad_published_option_is_usage_error(capsys: pytest.CaptureFixture[str], seed_path: Path) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["tag", str(seed_path), "--published", "soonish"])
    assert exc.value.code == 2
    assert "--published" in capsys.readouterr().err


def test_tag_prints_json_array(capsys: pytest.CaptureFixture[str], seed_path: Path) -> None:
    code, out, _ = run(capsys, "tag", str(seed_path), "--published", "2026-01-31")
    items = json.loads(out)
    assert code == 0 and {"start", "end", "text", "type", "value", "mod"} <= set(items[0])
    assert any(i["text"] == "last Wednesday" and i["value"] == "2026-01-28" for i in items)


def test_output_never_replaces_foreign_files(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                             seed_path: Path) -> None:
    target = tmp_path / "notes.md"
    target.write_text("my own notes\n", encoding="utf-8")
    code, _, err = run(capsys, "extract", str(seed_path), "-f", "md", "-o", str(target))
    assert code == 2 and "--force" in err
    assert target.read_text(encoding="utf-8") == "my own notes\n"
    # Our own output may be replaced, and --force replaces anything.
    out = tmp_path / "t.html"
    assert run(capsys, "extract", str(seed_path), "-f", "html", "-o", str(out))[0] == 0
    assert run(capsys, "extract", str(seed_path), "-f", "html", "-o", str(out))[0] == 0
    assert run(capsys, "extract", str(seed_path), "-f", "md", "-o", str(target), "--force")[0] == 0


def test_output_is_never_the_input(capsys: pytest.CaptureFixture[str], tmp_path: Path, seed_path: Path) -> None:
    p = tmp_path / "s.txt"
    p.write_bytes(seed_path.read_bytes())
    code, _, err = run(capsys, "extract", str(p), "-o", str(p), "--force")
    assert code == 2 and "input" in err and p.read_bytes() == seed_path.read_bytes()


def test_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import io

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Police arrived last Wednesday.\n")))
    code, out, _ = run(capsys, "extract", "-", "--published", "2026-01-31", "-f", "csv")
    assert code == 0 and "2026-01-28" in out and out.startswith("id,article,date")


def test_eval_scores(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "d.tml").write_text(TIMEML, encoding="utf-8")
    code, out, _ = run(capsys, "eval", str(tmp_path), "--json")
    data = json.loads(out)
    assert code == 0 and data["gold"] == 2
    code, out, _ = run(capsys, "eval", str(tmp_path / "d.tml"))
    assert code == 0 and "value" in out


def test_eval_takes_f_json_and_f_text_like_every_other_command(capsys: pytest.CaptureFixture[str],
                                                                  tmp_path: Path) -> None:
    (tmp_path / "d.tml").write_text(TIMEML, encoding="utf-8")
    code, legacy, _ = run(capsys, "eval", str(tmp_path), "--json")
    for args in (["-f", "json"], ["--format", "json"], ["-f", "json", "--json"]):
        code, out, _ = run(capsys, "eval", str(tmp_path), *args)
        assert code == 0 and out == legacy
    code, text, _ = run(capsys, "eval", str(tmp_path))
    assert run(capsys, "eval", str(tmp_path), "-f", "text")[1] == text and "value" in text
    code, _, err = run(capsys, "eval", str(tmp_path), "-f", "text", "--json")
    assert code == 2 and "--json" in err and "Traceback" not in err


def test_eval_missing_path(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "eval", str(tmp_path / "none"))
    assert code == 2 and "none" in err


def test_every_command_help_has_an_example(capsys: pytest.CaptureFixture[str]) -> None:
    for cmd in ("extract", "tag", "eval", "build"):
        with pytest.raises(SystemExit) as exc:
            main([cmd, "--help"])
        assert exc.value.code == 0
        assert "examples:" in capsys.readouterr().out


def test_console_script_quick_start(tmp_path: Path) -> None:
    """`timeline build` from any directory builds the bundled seeds into ./output."""
    exe = Path(sys.executable).with_name("timeline")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "timeline.cli"]
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    res = subprocess.run([*cmd, "build"], cwd=tmp_path, capture_output=True, text=True, env=env, timeout=120)
    assert res.returncode == 0, res.stderr
    names = sorted(p.name for p in (tmp_path / "output").iterdir())
    assert "000-3b01959ef49d4888.html" in names and "000-3b01959ef49d4888.json" in names


def test_quick_start_in_the_repository_layout(tmp_path: Path) -> None:
    """The README's first command builds into the repository's own output/ folder, as committed."""
    root = Path(__file__).resolve().parent.parent
    tracked = subprocess.run(["git", "ls-files", "output"], cwd=root, capture_output=True, text=True).stdout.split()
    out = tmp_path / "output"
    out.mkdir()
    for name in tracked or ["output/.gitignore"]:
        source = root / name
        if source.is_file():
            (tmp_path / name).write_bytes(source.read_bytes())
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    assert main(["build", "-o", str(out), "-q"]) == 0
    assert (out / "index.html").exists()
    assert {name: (out / name).read_bytes() for name in before} == before, "the committed files are left alone"


@pytest.mark.parametrize(("name", "start"), [("page.html", "<!doctype html>"), ("page.HTM", "<!doctype html>"),
                                             ("notes.md", "# "), ("data.json", "{"), ("rows.csv", "id,"),
                                             ("drawing.svg", "<?xml"), ("other.out", "{")])
def test_extract_output_format_follows_the_extension(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                     seed_path: Path, name: str, start: str) -> None:
    """`-o page.html` without -f writes a page, not JSON in a file named .html; an unknown extension
    keeps the default (JSON)."""
    out = tmp_path / name
    code, _, err = run(capsys, "extract", str(seed_path), "-o", str(out))
    assert code == 0, err
    assert out.read_text(encoding="utf-8").startswith(start)


def test_explicit_format_wins_over_the_extension(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                 seed_path: Path) -> None:
    out = tmp_path / "timeline.html"
    assert run(capsys, "extract", str(seed_path), "-f", "md", "-o", str(out))[0] == 0
    assert out.read_text(encoding="utf-8").startswith("# ")


def test_story_and_diff_outputs_follow_the_extension(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                     seed_path: Path) -> None:
    story = tmp_path / "story.html"
    code, _, err = run(capsys, "story", str(seed_path), "-o", str(story))
    assert code == 0, err
    assert story.read_text(encoding="utf-8").startswith("<!doctype html>")
    assert "key dates of 1 article\n" in err or "key date of 1 article\n" in err  # no "1 articles"
    changes = tmp_path / "changes.md"
    assert run(capsys, "diff", str(seed_path), str(seed_path), "-o", str(changes))[0] == 0
    assert not changes.read_text(encoding="utf-8").startswith("{")
    text = tmp_path / "changes.txt"
    assert run(capsys, "diff", str(seed_path), str(seed_path), "-o", str(text))[0] == 0
    assert "<" not in text.read_text(encoding="utf-8")[:1]


@pytest.mark.parametrize("command", ["extract", "story", "eval"])
def test_unknown_option_names_the_command(capsys: pytest.CaptureFixture[str], command: str) -> None:
    """An option a command does not take is reported like its other argument errors: by the
    command's name, pointing at the command's own --help (where the options it does take are)."""
    with pytest.raises(SystemExit) as exc:
        main([command, "whatever", "--bogus"])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith(f"timeline {command}: unrecognized arguments: --bogus")
    assert f"(see 'timeline {command} --help')" in err


def test_events_to_stdout_says_stdout(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """The summary of `timeline events` without -o names stdout, not the '-' nobody typed."""
    (tmp_path / "a.md").write_text("---\npublished: 2026-01-31\n---\nThe council met on 3 January.\n",
                                   encoding="utf-8")
    code, out, err = run(capsys, "events", str(tmp_path / "a.md"))
    assert code == 0 and len(out.splitlines()) == 1
    assert err == "timeline: wrote 1 event of 1 article to stdout\n"


@pytest.mark.parametrize(("command", "name"), [("story", "story.mmd"), ("story", "story.mw"),
                                               ("extract", "timeline.txt"), ("diff", "changes.csv")])
def test_an_extension_naming_a_format_the_command_cannot_write_is_refused(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, seed_path: Path, command: str, name: str) -> None:
    """`timeline story -o story.mmd` wrote JSON into a file named for Mermaid: an extension that names
    another format is one line naming the file and the formats the command writes, exit 2, no file."""
    out = tmp_path / name
    inputs = [str(seed_path), str(seed_path)] if command == "diff" else [str(seed_path)]
    code, _, err = run(capsys, command, *inputs, "-o", str(out))
    assert code == 2 and not out.exists()
    assert len(err.splitlines()) == 1 and str(out) in err and "-f" in err


def test_story_refuses_the_extension_before_reading_any_article(capsys: pytest.CaptureFixture[str],
                                                                 tmp_path: Path) -> None:
    code, _, err = run(capsys, "story", str(tmp_path / "missing"), "-o", str(tmp_path / "story.mw"))
    assert code == 2 and "does not write markwhen" in err


def test_an_article_without_source_says_published_with_a_capital(capsys: pytest.CaptureFixture[str],
                                                                  tmp_path: Path) -> None:
    """The line under the title begins with the source ('bbc · published …'); without one it
    begins the sentence itself: 'Published Saturday 31 January 2026', not 'published …'."""
    (tmp_path / "a.md").write_text("---\npublished: 2026-01-31\n---\nThe council met on 3 January.\n",
                                   encoding="utf-8")
    _, md, _ = run(capsys, "extract", str(tmp_path / "a.md"), "-f", "md")
    assert "\nPublished Saturday 31 January 2026 (" in md and "published" not in md
    _, page, _ = run(capsys, "extract", str(tmp_path / "a.md"), "-f", "html")
    assert '>Published <time datetime="2026-01-31">' in page


def test_every_output_format_of_a_command_is_named_in_its_help() -> None:
    """`-f svg` works for extract (the README shows it), so `timeline extract --help` names it: a choice
    hidden behind `metavar="FORMAT"` is otherwise invisible to a user reading the help."""
    import argparse

    from timeline.cli import make_parser

    commands = next(a for a in make_parser()._actions if isinstance(a, argparse._SubParsersAction)).choices
    for name, parser in commands.items():
        for action in parser._actions:
            if "--format" in action.option_strings and action.choices and action.metavar:
                missing = [c for c in action.choices if c not in (action.help or "")]
                assert missing == [], f"timeline {name} --help does not name -f {missing}"


def test_the_heap_is_not_collected_once_more_at_exit(tmp_path: Path, seed_path: Path) -> None:
    """Python's shutdown walks every object it still holds for cycles (a build's heap: a tenth of a
    second spent after the work is done); `timeline` freezes the heap at exit, so that walk skips it.
    A callback registered before `main` runs after the one `main` registers, and sees it done."""
    probe = ("import atexit, gc, sys\n"
             "atexit.register(lambda: print('frozen', gc.get_freeze_count() > 0))\n"
             "from timeline.cli import main\n"
             "main(['extract', sys.argv[1], '-f', 'json', '-o', sys.argv[2]])\n")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    out = subprocess.run([sys.executable, "-c", probe, str(seed_path), str(tmp_path / "x.json")], env=env,
                         capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "frozen True"
