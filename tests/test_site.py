"""`timeline build`: deterministic output, written last, never over foreign files."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.article import ArticleError
from timeline.site import MANIFEST, build


def _tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_build_is_deterministic(tmp_path: Path, seed_path: Path) -> None:
    build([str(seed_path.parent)], tmp_path / "a")
    build([str(seed_path.parent)], tmp_path / "b")
    assert _tree(tmp_path / "a") == _tree(tmp_path / "b")


def test_refuses_foreign_folder(tmp_path: Path, seed_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(ArticleError, match="not empty"):
        build([str(seed_path)], out)
    assert _tree(out) == {"keep.txt": b"mine"}
    build([str(seed_path)], out, force=True)
    assert (out / "keep.txt").read_text(encoding="utf-8") == "mine"


def test_rebuild_removes_only_its_own_stale_files(tmp_path: Path, seed_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "one.txt").write_text("It rained on Monday.", encoding="utf-8")
    (src / "two.txt").write_text("It snowed on Tuesday.", encoding="utf-8")
    out = tmp_path / "out"
    with pytest.raises(ArticleError):
        build([str(src)], out)  # no publication dates: nothing may be written
    assert not out.exists()
    for f in src.iterdir():
        f.write_text("---\npublished: 2026-01-31\n---\n" + f.read_text(encoding="utf-8"), encoding="utf-8")
    build([str(src)], out)
    assert (out / "two.html").exists() and (out / MANIFEST).exists()
    (src / "two.txt").unlink()
    build([str(src)], out)
    assert not (out / "two.html").exists() and (out / "one.html").exists()


def test_bad_source(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match="no such file"):
        build([str(tmp_path / "missing")], tmp_path / "out")
