"""The live data in diplomats/, cities/ and content/, whoever it holds: it passes the real
check, it builds, the built site passes the quality gates, and nobody who is not approved
appears in any file of it.

Every other test reads the frozen sample in tests/fixtures/, so that a staff change to the
live data cannot turn them red; these tests assert nothing about particular people.
"""

from __future__ import annotations

import gzip
import re
import subprocess
import sys
from itertools import product
from pathlib import Path

import pytest

from generator.build import build_site, check
from generator.models import Directory

from . import gates
from .browser_support import opened, serve
from .conftest import REPO, SITE_URL, copy_data, html_files
from .test_build import forms
from .test_gates import user_supplied_names

LANGS = {"fa": "", "en": "en/"}  # language -> URL prefix


@pytest.fixture(scope="module")
def live() -> Directory:
    """Everyone and everything in the live data, as the check reads it."""
    return check(REPO)


@pytest.fixture(scope="module")
def live_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's live data built into a temporary site (the repository is not written)."""
    root = copy_data(tmp_path_factory.mktemp("live") / "repo", data=REPO)
    build_site(root, site_dir=root / "site", site_url=SITE_URL)
    return root / "site"


def test_the_live_data_passes_the_check() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(REPO), "check"],
        capture_output=True, text=True, cwd=REPO, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr


def test_exactly_the_approved_people_have_profiles(live: Directory, live_site: Path) -> None:
    approved = {d.id for d in live.public().diplomats}
    for prefix in LANGS.values():
        profiles = {p.parent.name for p in (live_site / prefix / "diplomats").glob("*/index.html")}
        assert profiles == approved, prefix or "fa"


def test_the_live_site_passes_the_file_gates(live_site: Path) -> None:
    """Valid HTML, links and anchors, language of parts, directions, isolated names."""
    files = html_files(live_site)
    with gates.timed("live data: vnu, links, language, direction, isolation", len(files)):
        messages = gates.run_vnu(files)
        links = gates.check_links(live_site, SITE_URL)
        parts = gates.check_language_of_parts(files)
        directions = gates.check_directions(files)
        isolated = gates.check_isolated(files, user_supplied_names(REPO))
    errors, warnings = gates.vnu_errors(messages), gates.vnu_warnings(messages)
    assert errors == [], "\n".join(gates.describe_vnu(errors))
    assert warnings == [], "\n".join(gates.describe_vnu(warnings))
    assert links == []
    assert parts == []
    assert directions == []
    assert isolated == []


def axe_pages(site: Path) -> list[str]:
    """One page of each kind, the first of its kind in the live build (no one in particular)."""
    pages = ["", "diplomats/", "cities/", "fields/", "languages/", "about/", "apply/",
             "privacy/", "open-data/", "404.html"]  # fmt: skip
    for kind in ("diplomats", "cities", "fields", "languages"):
        first = sorted(p.parent.name for p in (site / kind).glob("*/index.html"))[:1]
        pages += [f"{kind}/{name}/" for name in first]
    return pages


def test_the_live_site_passes_axe(live_site: Path, browser) -> None:
    """On the desktop only: tests/test_gates.py checks the templates on a phone as well;
    what the data can break (names, alt texts, the staff's pages) shows in either."""
    views = list(product(axe_pages(live_site), LANGS.values()))
    found = []
    with gates.timed("live data: axe-core", len(views), "page views"), serve(live_site) as url:
        for page, prefix in views:
            with opened(browser, url + prefix + page) as (opened_page, _):
                violations = gates.run_axe(opened_page)
            found += [f"{prefix}{page}: {v}" for v in gates.describe_axe(violations)]
    assert found == [], "\n".join(found)


def hidden_values(directory: Directory) -> tuple[set[str], set[str], set[str]]:
    """(ids, names, contact values) that no output may hold: those of everyone who is not
    published, and private channels of anyone; less what a published person shows as
    well (two people of one name, one shared office number)."""
    published = {d.id for d in directory.public().diplomats}
    shown_names: set[str] = set()
    shown_values: set[str] = set()
    ids: set[str] = set()
    names: set[str] = set()
    values: set[str] = set()
    for person in directory.diplomats:
        if person.id in published:
            shown_names |= {person.name.fa, person.name.en}
            shown_values |= {f for c in person.contacts if c.public for f in forms(c.value)}
        else:
            ids.add(person.id)
            names |= {person.name.fa, person.name.en}
            values |= {f for c in person.contacts for f in forms(c.value)}
        values |= {f for c in person.contacts if not c.public for f in forms(c.value)}
    return ids, names - shown_names, values - shown_values


def whole(value: str) -> re.Pattern:
    """`value` as a whole: not part of a longer id, name, word or number."""
    edge = r"[\w\u200c-]"  # a letter or digit, a zero-width non-joiner, a hyphen
    return re.compile(rf"(?<!{edge}){re.escape(value)}(?!{edge})")


def readable(path: Path) -> tuple[str, bool]:
    """A file's text as a search for a name sees it, and whether it was gzipped: Pagefind's
    index files are unpacked; bytes that are not UTF-8 (images) become replacement marks."""
    data = path.read_bytes()
    packed = data[:2] == b"\x1f\x8b"
    if packed:
        data = gzip.decompress(data)
    return data.decode("utf-8", errors="replace"), packed


def test_nobody_who_is_not_approved_appears_in_any_file(live: Directory, live_site: Path) -> None:
    ids, names, values = hidden_values(live)
    if not ids | names | values:
        pytest.skip("the live data has nobody who is not approved and no private channel")
    hidden = {value: whole(value) for value in ids | names | values}
    # The search must find a published person, in plain and in gzipped files alike, to be
    # trusted when it finds no hidden one.
    first = live.public().diplomats[:1]
    control = {v: whole(v) for d in first for v in (d.id, d.name.fa, d.name.en)}
    leaks, kinds, seen = [], set(), set()
    for path in sorted(p for p in live_site.rglob("*") if p.is_file()):
        kinds.add(path.suffix)
        rel = path.relative_to(live_site).as_posix()
        text, packed = readable(path)
        for value, pattern in hidden.items():
            if (value in rel or value in text) and pattern.search(rel + "\n" + text):
                leaks.append(f"{value!r} in {rel}")
        seen |= {
            (v, packed) for v, pattern in control.items() if v in text and pattern.search(text)
        }
    assert leaks == []
    assert {".html", ".vcf", ".json", ".csv", ".xml", ".txt"} <= kinds
    assert {v for v, _ in seen} == set(control)
    assert not control or any(packed for _, packed in seen), "nothing found in a gzipped file"
