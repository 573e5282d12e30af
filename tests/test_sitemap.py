"""sitemap.py: one sitemap for both languages, with reciprocal hreflang pairs, and robots.txt."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from .conftest import SITE_URL, html_files

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def read(site: Path) -> dict[str, dict[str, str]]:
    """Each <loc> with its alternates: {loc: {hreflang: href}}."""
    root = ET.parse(site / "sitemap.xml").getroot()
    assert root.tag == f"{{{NS['s']}}}urlset"
    out = {}
    for url in root.findall("s:url", NS):
        loc = url.find("s:loc", NS).text
        assert loc not in out, f"{loc} listed twice"
        out[loc] = {
            link.get("hreflang"): link.get("href")
            for link in url.findall("x:link", NS)
            if link.get("rel") == "alternate"
        }
    return out


def test_sitemap_lists_every_page_of_both_languages(built_site: Path) -> None:
    entries = read(built_site)
    pages = set()
    for page in html_files(built_site):
        rel = page.relative_to(built_site).as_posix()
        if not rel.endswith("404.html"):
            pages.add(SITE_URL + rel.removesuffix("index.html"))
    assert set(entries) == pages
    assert f"{SITE_URL}en/diplomats/changiz-rahimi/" in entries
    assert f"{SITE_URL}open-data/" in entries


def test_every_hreflang_pair_is_reciprocal(built_site: Path) -> None:
    entries = read(built_site)
    for loc, alternates in entries.items():
        lang = "en" if loc.startswith(SITE_URL + "en/") else "fa"
        assert set(alternates) == {"fa", "en"}, loc
        assert alternates[lang] == loc, "an entry names itself among its alternates"
        for other, href in alternates.items():
            assert href in entries, f"{loc} points at {href}, which is not in the sitemap"
            assert entries[href][lang] == loc, f"{href} does not point back at {loc}"
            assert entries[href][other] == href


def test_mkdocs_sitemaps_are_replaced_by_one_at_the_root(built_site: Path) -> None:
    assert [p.relative_to(built_site).as_posix() for p in built_site.rglob("sitemap*")] == [
        "sitemap.xml"
    ]


def test_robots_txt_points_at_the_sitemap(built_site: Path) -> None:
    lines = (built_site / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert "User-agent: *" in lines
    assert f"Sitemap: {SITE_URL}sitemap.xml" in lines
