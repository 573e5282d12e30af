"""Shared fixtures: the frozen sample data, a tiny data tree built from dicts, a built site,
the browser; and the quality gates' summary at the end of the run."""

from __future__ import annotations

import os
import shutil
import subprocess
import textwrap
from pathlib import Path

import pytest

from generator.build import build_site

REPO = Path(__file__).resolve().parent.parent
# The data the tests are written against: a frozen copy of the sample people (with their
# photos), cities and pages. The live diplomats/, cities/ and content/ change with every
# staff pull request; tests/test_live_data.py checks those, whoever they hold.
FIXTURES = REPO / "tests" / "fixtures"
# Not the address in content/site.yml, so that the tests see that an explicit one wins.
SITE_URL = "https://diplomats.example.net/"
DATA_DIRS = ("diplomats", "cities", "content")
# The delegation booklets (generator/booklet.py) are kept under a hash of their exact
# inputs: the many builds of the same fixtures share one cache and render each PDF once.
os.environ.setdefault("BOOKLET_CACHE", str(REPO / "build" / "cache" / "booklets"))


def copy_data(target: Path, data: Path = FIXTURES) -> Path:
    """Copy `data`'s data folders and the repository's MkDocs set-up (mkdocs.yml, theme/)
    into `target`, as a data repository; the generator itself is imported from REPO."""
    for name in DATA_DIRS:
        shutil.copytree(data / name, target / name)
    shutil.copy(REPO / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(REPO / "theme", target / "theme")
    return target


# git in a test's own repository: a fixed author, and none of the machine's settings.
GIT_ENV = {
    "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org",
    "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org",
    "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
}  # fmt: skip


def git(root: Path, *args: str) -> str:
    """Run git in `root` as a test's own repository; its output."""
    result = subprocess.run(
        ["git", *args], cwd=root, capture_output=True, text=True, check=True,
        env={**os.environ, **GIT_ENV},
    )  # fmt: skip
    return result.stdout


def write(root: Path, rel: str, text: str) -> Path:
    """Write a data file from an indented literal."""
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def person_with_photo(root: Path, photo: str) -> None:
    """A pending person whose portrait is `diplomats/photos/<photo>`."""
    write(
        root,
        "diplomats/pic.yml",
        f"""
        name: {{fa: سارا, en: Sara}}
        status: pending
        photo:
          file: {photo}
          alt: {{fa: چهره, en: Portrait}}
        """,
    )


@pytest.fixture
def data_tree(tmp_path: Path) -> Path:
    """A copy of the frozen sample data that a test may change."""
    return copy_data(tmp_path / "repo")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The frozen sample data built once into a fresh site folder; tests must not change it."""
    root = copy_data(tmp_path_factory.mktemp("built") / "repo")
    site = root / "site"
    build_site(root, site_dir=site, site_url=SITE_URL)
    return site


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium driven by Playwright (tests/browser_support.py), one per module:
    Playwright's sync API allows one instance at a time, and test_search.py starts its own."""
    from playwright.sync_api import sync_playwright

    from .browser_support import CHROMIUM_ARGS, chromium_path

    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield instance
        instance.close()


def pytest_terminal_summary(terminalreporter) -> None:
    """What each quality gate checked and how long it took (also in build/gates.txt)."""
    from .gates import summary

    lines = summary(REPO / "build" / "gates.txt")
    if lines:
        terminalreporter.write_sep("-", "quality gates")
        for line in lines:
            terminalreporter.write_line(line)
