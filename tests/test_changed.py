"""changed.py: `check --changed-since REF` shows warnings only on the files changed since REF,
so that a pull request is not annotated about files it did not touch; errors are all shown."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from generator.changed import ChangedFilesError, changed_files
from generator.freshness import months_before

from .conftest import REPO, copy_data, write


def git(root: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args],
        cwd=root, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip


def person(root: Path, name: str, verified: date) -> Path:
    return write(
        root,
        f"diplomats/{name}.yml",
        f"""
        name: {{fa: الف, en: {name}}}
        status: approved
        approved_on: "2020-01-01"
        verified_on: "{verified.isoformat()}"
        """,
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A data repository whose two people are overdue, committed on branch main."""
    root = copy_data(tmp_path / "repo")
    for path in (root / "diplomats").glob("*.yml"):
        path.unlink()
    long_ago = months_before(date.today(), 30)
    person(root, "untouched", long_ago)
    person(root, "edited", long_ago)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "base")
    return root


def check(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(root), "check", "--format", "github",
         *args],
        capture_output=True, text=True, cwd=REPO, timeout=120,
    )  # fmt: skip


def annotated(result: subprocess.CompletedProcess, level: str) -> list[str]:
    return sorted(
        line.split(",")[0].removeprefix(f"::{level} file=")
        for line in result.stdout.splitlines()
        if line.startswith(f"::{level} ")
    )


def test_warnings_are_annotated_only_on_the_files_changed_since_the_base(repo: Path) -> None:
    edited = repo / "diplomats/edited.yml"
    edited.write_text(edited.read_text(encoding="utf-8") + "languages: [fa]\n", encoding="utf-8")
    git(repo, "commit", "-q", "-am", "the pull request")
    everything = check(repo)
    assert everything.returncode == 0, everything.stderr
    assert annotated(everything, "warning") == [
        "diplomats/edited.yml",
        "diplomats/untouched.yml",
    ]
    changed = check(repo, "--changed-since", "HEAD~1")
    assert changed.returncode == 0, changed.stderr
    assert annotated(changed, "warning") == ["diplomats/edited.yml"]


def test_uncommitted_and_new_files_count_as_changed(repo: Path) -> None:
    person(repo, "newcomer", months_before(date.today(), 30))  # not yet known to git
    result = check(repo, "--changed-since", "main")
    assert annotated(result, "warning") == ["diplomats/newcomer.yml"]
    assert changed_files(repo, "main") == {"diplomats/newcomer.yml"}
    (repo / "diplomats/untouched.yml").write_text(
        (repo / "diplomats/untouched.yml").read_text(encoding="utf-8") + "\n", encoding="utf-8"
    )
    assert changed_files(repo, "main") == {"diplomats/newcomer.yml", "diplomats/untouched.yml"}


def test_errors_are_shown_in_every_file_whatever_changed(repo: Path) -> None:
    broken = repo / "diplomats/untouched.yml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("approved", "aproved", 1))
    git(repo, "commit", "-q", "-am", "a mistake already on main")
    person(repo, "newcomer", date.today())
    result = check(repo, "--changed-since", "main")
    assert result.returncode == 1
    assert annotated(result, "error") == ["diplomats/untouched.yml"]


def test_a_ref_that_is_not_a_commit_is_a_usage_error(repo: Path) -> None:
    result = check(repo, "--lang", "en", "--changed-since", "origin/nowhere")
    assert result.returncode == 2
    assert result.stderr == (
        "error: --changed-since 'origin/nowhere': not a branch, tag or commit of this "
        "repository (such as origin/main)\n"
    )
    with pytest.raises(ChangedFilesError) as caught:
        changed_files(repo, "origin/nowhere")
    assert caught.value.args[0].fa == (
        "--changed-since «origin/nowhere»: شاخه، برچسب یا commit این مخزن نیست (مانند origin/main)"
    )


def test_outside_a_git_repository_git_says_why(tmp_path: Path) -> None:
    with pytest.raises(ChangedFilesError) as caught:
        changed_files(copy_data(tmp_path / "repo"), "main")
    assert "«main»" in caught.value.args[0].fa
