"""shell.py: profiles stamped from one MkDocs page equal the pages MkDocs renders itself."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import shell
from generator.build import build_site

from .test_safety import hostile_diplomat


def profile_pages(site: Path) -> dict[str, bytes]:
    return {
        p.relative_to(site).as_posix(): p.read_bytes()
        for p in sorted(site.rglob("diplomats/*/index.html"))
        if "/page/" not in p.as_posix()
    }


def test_stamped_profiles_are_identical_to_mkdocs_pages(data_tree: Path, tmp_path: Path) -> None:
    hostile_diplomat(data_tree)  # a title with & ' " and a bio full of markup
    build_site(data_tree, site_dir=tmp_path / "stamped", work=tmp_path / "work1")
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(shell, "ENABLED", False)
        build_site(data_tree, site_dir=tmp_path / "mkdocs", work=tmp_path / "work2")
    stamped, rendered = profile_pages(tmp_path / "stamped"), profile_pages(tmp_path / "mkdocs")
    assert len(stamped) == 2 * 10  # 9 samples + the hostile one, in two languages
    assert stamped.keys() == rendered.keys()
    for path in stamped:
        assert stamped[path] == rendered[path], path
    assert not (tmp_path / "stamped" / "diplomats" / "_shell").exists()
    assert b"_shell" not in b"".join(stamped.values())


def test_stamp_refuses_a_shell_without_its_placeholder() -> None:
    page = shell.Page("diplomats/x.md", '---\ntitle: "X"\n---\n\n<div>x</div>\n')
    with pytest.raises(ValueError, match="placeholder"):
        shell.stamp("<html>no placeholder</html>", page)
