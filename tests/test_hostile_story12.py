"""A hostile tester's twelfth round (a URL list without end, separators in a gold timeline, the
line numbers of front matter errors, ...): each test reproduces a fault found, so it comes back
only with a failing test."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.cli import main


def _one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


# --- the URL list: a list, read with a bound -------------------------------------------------------


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_a_url_list_without_end_is_said_to_be_no_list(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`build --urls /dev/zero` was read as an article ("over the limit of 67,108,864 bytes for an
    article read from a stream"): the list is a list of URLs, and says so."""
    code = main(["build", "--urls", "/dev/zero", "-o", str(tmp_path / "site"), "-q"])
    line = _one_line(capsys.readouterr().err)
    assert code == 2
    assert line.startswith("timeline: /dev/zero: not a readable list of URLs"), line
    assert "article" not in line, line
    assert not (tmp_path / "site").exists()


def test_a_url_list_over_the_limit_is_one_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """A huge file was read whole (no bound at all for a regular file)."""
    from timeline import batch

    monkeypatch.setattr(batch, "URL_LIST_LIMIT", 1000, raising=False)
    urls = tmp_path / "urls.txt"
    urls.write_text("".join(f"https://example.org/news/{n}\n" for n in range(100)), encoding="utf-8")
    code = main(["build", "--urls", str(urls), "-o", str(tmp_path / "site"), "-q"])
    line = _one_line(capsys.readouterr().err)
    assert code == 2
    assert line.startswith(f"timeline: {urls}: not a readable list of URLs (over the limit of 1,000 bytes"), line


@pytest.mark.parametrize(("content", "problem"), [
    (b"\x00" * 64, "binary"),
    (b"\xff\xfe\x00h", "UTF-8"),
    (b"", "empty"),
])
def test_a_url_list_that_is_no_text_says_it_is_no_list(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, problem: str) -> None:
    urls = tmp_path / "urls.txt"
    urls.write_bytes(content)
    code = main(["build", "--urls", str(urls), "-o", str(tmp_path / "site"), "-q"])
    line = _one_line(capsys.readouterr().err)
    assert code == 2
    assert line.startswith(f"timeline: {urls}: not a readable list of URLs"), line
    assert problem in line and "article" not in line, line


def test_a_folder_given_as_the_url_list_is_no_list(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["build", "--urls", str(tmp_path), "-o", str(tmp_path / "site"), "-q"])
    line = _one_line(capsys.readouterr().err)
    assert code == 2
    assert line == f"timeline: {tmp_path}: not a readable list of URLs (a folder)", line
