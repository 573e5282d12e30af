"""write.py: only changed files are written, stale ones removed, collisions refused."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.write import DuplicateOutput, collect, sync_tree


def test_sync_writes_changes_and_removes_stale_files(tmp_path: Path) -> None:
    out = tmp_path / "docs"
    assert sync_tree(out, collect([("a.md", "one"), ("sub/b.md", "two")])) == 2
    os.utime(out / "a.md", (1, 1))
    assert sync_tree(out, collect([("a.md", "one"), ("c.md", "three")])) == 1
    assert (out / "a.md").stat().st_mtime == 1  # unchanged content: not rewritten
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == ["a.md", "c.md"]


def test_two_pages_on_one_path_are_refused() -> None:
    with pytest.raises(DuplicateOutput, match="two pages would be written to 'x.md'"):
        collect([("x.md", "a"), ("x.md", "b")])


@pytest.mark.parametrize("path", ["../escape.md", "/etc/passwd", "a/../../b.md"])
def test_paths_cannot_leave_the_output_folder(path: str) -> None:
    with pytest.raises(DuplicateOutput, match="outside the output folder"):
        collect([(path, "x")])
