"""search_index.py: what the Pagefind bundle holds once the site is built."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from generator.build import check
from generator.search_index import BUNDLE_DIR

from .conftest import REPO


def unpacked(site: Path) -> dict[Path, bytes]:
    """Every file of the search bundle, with Pagefind's gzipped index files unpacked."""
    files = {}
    for path in (site / BUNDLE_DIR).rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            files[path] = gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data
    return files


def test_one_index_per_language_holding_only_the_profiles(built_site: Path) -> None:
    entry = json.loads((built_site / BUNDLE_DIR / "pagefind-entry.json").read_text("utf-8"))
    published = len(check(REPO).public().diplomats)
    assert {lang: v["page_count"] for lang, v in entry["languages"].items()} == {
        "fa": published,
        "en": published,
    }


def test_the_index_holds_nothing_unpublished_or_private(built_site: Path) -> None:
    # The scan in test_build.py reads files as they are; Pagefind's are gzipped.
    secrets = []
    for person in check(REPO).diplomats:
        if person.status != "approved":
            secrets += [person.name.fa, person.name.en, person.id]
        secrets += [c.value for c in person.contacts if not c.public]
    contents = unpacked(built_site)
    fragments = b"".join(data for path, data in contents.items() if "fragment" in path.parts)
    assert "مهدیه حسین‌زاده".encode() in fragments  # the unpacking works
    for path, data in contents.items():
        for secret in secrets:
            assert secret.encode() not in data, f"{secret!r} leaked into {path}"


def test_navigation_and_labels_are_not_indexed(built_site: Path) -> None:
    fragments = [
        json.loads(data[data.index(b"{") :])
        for path, data in unpacked(built_site).items()
        if path.suffix == ".pf_fragment"
    ]
    for fragment in fragments:
        content = fragment["content"]
        for chrome in ("Citizen diplomats", "How to apply", "Contact", "Member since"):
            assert chrome not in content, (fragment["url"], chrome)
