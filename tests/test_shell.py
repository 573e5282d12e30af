"""shell.py: pages completed from MkDocs shells equal the pages MkDocs renders itself."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator import shell
from generator.build import build_site

from .test_check_equals_build import without_check
from .test_safety import hostile_diplomat


def html_pages(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*.html"))}


def test_pages_from_shells_are_identical_to_mkdocs_pages(
    data_tree: Path, tmp_path: Path, monkeypatch
) -> None:
    hostile_diplomat(data_tree)  # a title with & ' " and a bio full of markup
    without_check(monkeypatch)  # it refuses the Latin letters of the Persian attacks
    build_site(data_tree, site_dir=tmp_path / "shells", work=tmp_path / "work1")
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(shell, "ENABLED", False)
        build_site(data_tree, site_dir=tmp_path / "mkdocs", work=tmp_path / "work2")
    from_shells, rendered = html_pages(tmp_path / "shells"), html_pages(tmp_path / "mkdocs")
    profiles = [p for p in from_shells if re.fullmatch(r"(en/)?diplomats/[a-z-]+/index.html", p)]
    assert len(profiles) == 2 * 10  # 9 samples + the hostile one, in two languages
    assert from_shells.keys() == rendered.keys()
    assert len(from_shells) > 100  # every page of both languages: home, listings, content
    for path in from_shells:
        assert from_shells[path] == rendered[path], path
    assert not (tmp_path / "shells" / "diplomats" / "_shell").exists()
    everything = b"".join(from_shells.values())
    assert b"_shell" not in everything
    assert shell.SHELL_BODY.encode() not in everything
    assert b"cd_body" not in everything


def test_stamp_refuses_a_shell_without_its_placeholder() -> None:
    page = shell.Page("diplomats/x.md", '---\ntitle: "X"\n---\n\n<div>x</div>\n')
    with pytest.raises(ValueError, match="placeholder"):
        shell.stamp("<html>no placeholder</html>", page)


def test_bodies_go_in_once_and_a_missing_placeholder_is_an_error(tmp_path: Path) -> None:
    page = shell.Page(
        "cities/x.md", '---\ntitle: "X"\nhide:\n  - toc\n---\n\n<div>x & y</div>\n', html=True
    )
    split = shell.split([page])
    (markdown,) = split.for_mkdocs
    assert "x & y" not in markdown.text and shell.SHELL_BODY in markdown.text
    assert "\ncd_body: " in markdown.text.split("\n---\n", 1)[0]  # in the front matter
    built = tmp_path / "cities" / "x" / "index.html"
    built.parent.mkdir(parents=True)
    built.write_text(f"<main>{shell.SHELL_BODY}</main>", encoding="utf-8")
    shell.complete(tmp_path, split)
    assert built.read_text(encoding="utf-8") == "<main><div>x & y</div></main>"
    # A preview's MkDocs leaves an unchanged page alone: it keeps the body it has.
    shell.complete(tmp_path, split, fresh=False)
    assert built.read_text(encoding="utf-8") == "<main><div>x & y</div></main>"
    with pytest.raises(ValueError, match="lacks its placeholder"):
        shell.complete(tmp_path, split)  # a full build: MkDocs wrote every page just now


def test_a_changed_body_changes_the_markdown_mkdocs_sees() -> None:
    def markdown(body: str) -> str:
        page = shell.Page("fields/x.md", f'---\ntitle: "X"\n---\n\n{body}\n', html=True)
        return shell.split([page]).for_mkdocs[0].text

    assert markdown("<p>one</p>") != markdown("<p>two</p>")
    assert markdown("<p>one</p>") == markdown("<p>one</p>")
