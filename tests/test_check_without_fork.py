"""`python -m generator check` (what `make check` runs) needs no fork, so that staff can check
the data on Windows and macOS, where a process cannot be forked (Windows) or should not be
(macOS). The build may fork; the check may not.

The check runs in a Python where `os.fork` raises and multiprocessing has no "fork" start
method, as on Windows; it must then print exactly what it prints here normally.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import REPO

# Run first in the child, before the generator is imported.
NO_FORK = """
import multiprocessing, multiprocessing.context, os, sys

def refuse(*args, **kwargs):
    raise OSError("os.fork is not available on this platform")

os.fork = os.forkpty = refuse
multiprocessing.set_start_method("spawn", force=True)  # the default on Windows and macOS
_get_context = multiprocessing.context.BaseContext.get_context

def get_context(self, method=None):
    if method == "fork":
        raise ValueError("cannot find context for 'fork'")  # Windows' own words
    return _get_context(self, method)

multiprocessing.context.BaseContext.get_context = get_context
"""

RUN_GENERATOR = """
import runpy, sys
sys.argv = ["generator", *sys.argv[1:]]
runpy.run_module("generator", run_name="__main__", alter_sys=True)
"""


def run(code: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True, text=True, cwd=REPO, timeout=120,
    )  # fmt: skip


def check(root: Path, forks: bool) -> subprocess.CompletedProcess:
    code = RUN_GENERATOR if forks else NO_FORK + RUN_GENERATOR
    return run(code, "--root", str(root), "check")


@pytest.mark.parametrize(
    "attempt",
    [
        "os.fork()",
        "multiprocessing.get_context('fork')",
        "import concurrent.futures as f; f.ProcessPoolExecutor(1, mp_context="
        "multiprocessing.get_context('fork')).submit(print, 1).result()",
    ],
)
def test_the_stand_in_for_windows_refuses_every_fork(attempt: str) -> None:
    result = run(NO_FORK + attempt)
    assert result.returncode != 0
    assert "os.fork is not available" in result.stderr or "context for 'fork'" in result.stderr


def test_a_valid_tree_is_checked_without_forking(data_tree: Path) -> None:
    assert list((data_tree / "diplomats/photos").glob("*.jpg"))  # photos are opened too
    normal = check(data_tree, forks=True)
    windows = check(data_tree, forks=False)
    assert normal.returncode == 0, normal.stderr
    assert (windows.returncode, windows.stdout, windows.stderr) == (0, normal.stdout, "")


def test_errors_are_reported_without_forking(data_tree: Path) -> None:
    (data_tree / "diplomats/photos/arash-zhian.jpg").write_bytes(b"not a picture")
    person = data_tree / "diplomats/omid-farahani.yml"
    text = person.read_text(encoding="utf-8")
    person.write_text(text.replace("  - kuala-lumpur\n", "  - nowhere\n"), encoding="utf-8")
    normal = check(data_tree, forks=True)
    windows = check(data_tree, forks=False)
    assert normal.returncode == 1
    assert "diplomats/arash-zhian.yml" in normal.stderr  # the photo was opened and refused
    assert "diplomats/omid-farahani.yml" in normal.stderr
    assert (windows.returncode, windows.stdout, windows.stderr) == (
        1,
        normal.stdout,
        normal.stderr,
    )
