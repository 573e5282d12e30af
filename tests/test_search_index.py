"""search_index.py: what the Pagefind bundle holds once the site is built."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

from generator.build import check
from generator.search_index import BUNDLE_DIR, NOT_INDEXED
from generator.search_text import other_spellings

from .conftest import FIXTURES


def unpacked(site: Path) -> dict[Path, bytes]:
    """Every file of both search bundles, with Pagefind's gzipped index files unpacked."""
    files = {}
    for path in [*(site / BUNDLE_DIR).rglob("*"), *(site / "en" / BUNDLE_DIR).rglob("*")]:
        if path.is_file():
            data = path.read_bytes()
            files[path] = gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data
    return files


def test_one_index_per_language_holding_only_the_profiles(built_site: Path) -> None:
    published = len(check(FIXTURES).public().diplomats)
    for lang, root in (("fa", built_site), ("en", built_site / "en")):
        entry = json.loads((root / BUNDLE_DIR / "pagefind-entry.json").read_text("utf-8"))
        assert {code: v["page_count"] for code, v in entry["languages"].items()} == {
            lang: published
        }


def test_the_index_holds_nothing_unpublished_or_private(built_site: Path) -> None:
    # The scan in test_build.py reads files as they are; Pagefind's are gzipped.
    secrets = []
    for person in check(FIXTURES).diplomats:
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
        for chrome in (
            "Citizen diplomats", "How to apply", "Contact", "Member since",
            "Ask the office", "Save the contact card", "International Affairs Office",
            "امور بین‌الملل", "کارت تماس",
        ):  # fmt: skip
            assert chrome not in content, (fragment["url"], chrome)


def fragments_by_url(bundle: Path) -> dict[str, dict]:
    out = {}
    for path in (bundle / "fragment").iterdir():
        data = gzip.decompress(path.read_bytes())
        fragment = json.loads(data[data.index(b"{") :])
        out[fragment["url"]] = fragment
    return out


def test_the_index_equals_one_made_from_the_served_pages(built_site: Path, tmp_path: Path) -> None:
    # The build indexes each profile's body alone; Pagefind run on the finished pages, as
    # a reader receives them, must find the same words, titles, meta and addresses.
    for root in (built_site, built_site / "en"):
        served = tmp_path / root.name
        command = [
            sys.executable, "-m", "pagefind", "--site", str(root), "--output-path", str(served),
            "--glob", "diplomats/*/index.html", "--exclude-selectors", ", ".join(NOT_INDEXED),
            "--quiet",
        ]  # fmt: skip
        subprocess.run(command, check=True, capture_output=True)
        built, expected = fragments_by_url(root / BUNDLE_DIR), fragments_by_url(served)
        assert len(built) == len(check(FIXTURES).public().diplomats)
        assert without_index_only_words(built) == expected


def without_index_only_words(fragments: dict[str, dict]) -> dict[str, dict]:
    """The fragments without the words the index alone holds (the other spellings of a
    name, search_index.write_one), which no served page holds."""
    out = dict(fragments)
    for person in check(FIXTURES).public().diplomats:
        words = other_spellings(person.name.other)
        if not words:
            continue
        url = f"/diplomats/{person.id}/"
        fragment = out[url]
        assert f" {words} " in fragment["content"], url  # the index does hold them
        out[url] = {
            **fragment,
            "content": fragment["content"].replace(f" {words} ", " ", 1),
            "word_count": fragment["word_count"] - len(words.split()),
        }
    return out
