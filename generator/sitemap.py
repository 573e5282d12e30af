"""Discovery: one sitemap for the whole site, with each page's twin in the other language,
and a robots.txt that points at it.

MkDocs writes a sitemap per language build, without alternates and with the build's date
on every page; build.py drops those and publishes this one instead. No <lastmod>: the data
has no trustworthy date for when a page last changed, and a wrong one misleads crawlers.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from . import addresses
from .i18n import LANGUAGES

SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML = "http://www.w3.org/1999/xhtml"
MAX_URLS = 50_000  # the sitemap protocol's limit for one file
MKDOCS_SITEMAPS = tuple(
    addresses.language_root(lang) + name
    for lang in LANGUAGES
    for name in ("sitemap.xml", "sitemap.xml.gz")
)


def sitemap(site_url: str, page_urls: list[str]) -> bytes:
    """Every page in every language; `page_urls` are relative to a language's root."""
    if len(page_urls) * len(LANGUAGES) > MAX_URLS:
        raise ValueError(
            f"{len(page_urls)} pages per language: split the sitemap (limit {MAX_URLS})"
        )
    ET.register_namespace("", SITEMAP)
    ET.register_namespace("xhtml", XHTML)
    root = ET.Element(f"{{{SITEMAP}}}urlset")
    for lang in LANGUAGES:
        for url in sorted(page_urls):
            entry = ET.SubElement(root, f"{{{SITEMAP}}}url")
            ET.SubElement(entry, f"{{{SITEMAP}}}loc").text = addresses.absolute(site_url, lang, url)
            for other in LANGUAGES:
                href = addresses.absolute(site_url, other, url)
                ET.SubElement(
                    entry, f"{{{XHTML}}}link", {"rel": "alternate", "hreflang": other, "href": href}
                )
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def robots(site_url: str) -> bytes:
    """Everything may be crawled; the sitemap says where the pages are."""
    return (
        "# Isfahan Citizen Diplomats: every page may be indexed.\n"
        "User-agent: *\n"
        "Allow: /\n"
        "\n"
        f"Sitemap: {site_url}sitemap.xml\n"
    ).encode()


def discovery_files(site_url: str, page_urls: list[str]) -> dict[str, bytes]:
    """`sitemap.xml` and `robots.txt`, at the root of the whole site."""
    return {"sitemap.xml": sitemap(site_url, page_urls), "robots.txt": robots(site_url)}
