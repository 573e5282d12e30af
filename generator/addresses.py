"""Where each published thing lives: paths under a language's root, and absolute addresses.

Persian is at the root of the site and English under `en/`; pages use directory URLs
(`diplomats/<id>/`). Files that are not pages sit beside the pages they belong to.
"""

from __future__ import annotations

from urllib.parse import quote


def language_root(lang: str) -> str:
    """The folder of a language's site, relative to the whole site: '' or 'en/'."""
    return "" if lang == "fa" else f"{lang}/"


def absolute(site_url: str, lang: str, url: str) -> str:
    """The public address of `url` (relative to the language's root) on the site."""
    return site_url + language_root(lang) + url


def profile(diplomat_id: str) -> str:
    """A profile page's URL, relative to its language's root."""
    return f"diplomats/{diplomat_id}/"


def city(city_id: str) -> str:
    """A city page's URL, relative to its language's root."""
    return f"cities/{city_id}/"


def card(diplomat_id: str) -> str:
    """A diplomat's contact card (vCard), relative to its language's root."""
    return f"diplomats/{diplomat_id}.vcf"


def city_cards(city_id: str) -> str:
    """The contact cards of a sister city's diplomats in one file."""
    return f"cities/{city_id}.vcf"


def portrait(diplomat_id: str) -> str:
    """The largest JPEG portrait, relative to the whole site (photos are shared)."""
    return f"photos/{diplomat_id}-320.jpg"


def mailto(address: str, subject: str, body: str) -> str:
    """A mailto: link (RFC 6068) with subject and body percent-encoded as UTF-8."""
    body = body.replace("\r\n", "\n").replace("\n", "\r\n")  # line breaks must be CRLF
    query = f"subject={quote(subject, safe='')}&body={quote(body, safe='')}"
    return f"mailto:{quote(address, safe='@')}?{query}"


FEED = "feed.xml"
"""Each language's Atom feed, at the language's root."""
DATA = "data/"
"""The open data, shared by both languages, at the root of the whole site."""
