"""Atom feeds (RFC 4287), one per language: newly approved diplomats and partnership changes.

Every date comes from the data (approval dates, the dates in a city's history), never
from the clock, so two builds of the same commit give the same bytes.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass

from . import addresses
from .context import Context
from .i18n import LANGUAGES
from .models import Directory
from .safe_text import printable

ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
MAX_ENTRIES = 50
_EMPTY_FEED_DATE = "1970-01-01"


@dataclass(frozen=True)
class Entry:
    """One item of news, in one language."""

    id: str
    date: str  # YYYY, YYYY-MM or YYYY-MM-DD
    title: str
    summary: str
    link: str
    category: str
    label: str


def feed_files(directory: Directory) -> dict[str, bytes]:
    """`feed.xml` at the root of each language's site."""
    return {
        addresses.language_root(lang) + addresses.FEED: feed(Context(directory, lang))
        for lang in LANGUAGES
    }


def entries(ctx: Context) -> list[Entry]:
    """Approvals and status changes, newest first, at most MAX_ENTRIES."""
    comma = "، " if ctx.lang == "fa" else ", "
    found = []
    for d in ctx.d.diplomats:
        url = ctx.absolute(addresses.profile(d.id))
        parts = [ctx.local(d.occupation)] if ctx.local(d.occupation) else []
        if d.cities:
            names = comma.join(ctx.local(c.name) for c in ctx.sorted_cities(d.cities))
            parts.append(f"{ctx.t('cities')}: {names}")
        found.append(
            Entry(
                id=f"{url}#approved-{d.approved_on.isoformat()}",
                date=d.approved_on.isoformat(),
                title=ctx.t("feed_new_diplomat", name=ctx.local(d.name)),
                summary=ctx.t("feed_approved_on", date=ctx.date(d.approved_on))
                + "".join(f" {part}." for part in parts),
                link=url,
                category="diplomat",
                label=ctx.t("feed_category_diplomat"),
            )
        )
    for city in ctx.d.cities.values():
        url = ctx.absolute(addresses.city(city.id))
        for change in city.history:
            status = ctx.t(f"status_{change.status}")
            found.append(
                Entry(
                    id=f"{url}#status-{change.date}-{change.status}",
                    date=change.date,
                    title=ctx.t("feed_partnership", city=ctx.local(city.name), status=status),
                    summary=f"{ctx.partial_date(change.date)}: {ctx.local(change.note)}",
                    link=url,
                    category="partnership",
                    label=ctx.t("feed_category_partnership"),
                )
            )
    found.sort(key=lambda e: (timestamp(e.date), e.id), reverse=True)
    return found[:MAX_ENTRIES]


def feed(ctx: Context) -> bytes:
    """The Atom document of one language."""
    site = ctx.d.site.site_url
    items = entries(ctx)
    root = ET.Element(f"{{{ATOM}}}feed", {XML_LANG: ctx.lang})
    _add(root, "id", ctx.absolute(addresses.FEED))
    _add(root, "title", ctx.t("feed_title"))
    _add(root, "subtitle", ctx.t("feed_subtitle"))
    _add(root, "updated", timestamp(items[0].date if items else _EMPTY_FEED_DATE))
    _link(root, "self", ctx.absolute(addresses.FEED), "application/atom+xml")
    _link(root, "alternate", ctx.absolute(""), "text/html")
    other = addresses.absolute(site, ctx.other, addresses.FEED)
    _link(root, "alternate", other, "application/atom+xml", hreflang=ctx.other)
    author = _add(root, "author")
    _add(author, "name", ctx.t("office_name"))
    _add(root, "rights", ctx.t("feed_rights"))
    for item in items:
        entry = _add(root, "entry")
        _add(entry, "id", item.id)
        _add(entry, "title", item.title)
        _add(entry, "updated", timestamp(item.date))
        _add(entry, "published", timestamp(item.date))
        _link(entry, "alternate", item.link, "text/html")
        _element(entry, "category", {"term": item.category, "label": item.label})
        _add(entry, "summary", item.summary)
    ET.register_namespace("", ATOM)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def timestamp(partial: str) -> str:
    """An RFC 3339 time for a date that may lack its day or month (taken as the first)."""
    year, month, day = (partial.split("-") + ["01", "01"])[:3]
    return f"{year}-{month}-{day}T00:00:00Z"


def _add(parent: ET.Element, tag: str, text: str | None = None) -> ET.Element:
    element = _element(parent, tag)
    element.text = printable(text) if text is not None else None
    return element


def _link(parent: ET.Element, rel: str, href: str, kind: str, hreflang: str = "") -> None:
    attributes = {"rel": rel, "type": kind, "href": href}
    if hreflang:
        attributes["hreflang"] = hreflang
    _element(parent, "link", attributes)


def _element(parent: ET.Element, tag: str, attributes: dict[str, str] | None = None) -> ET.Element:
    """An Atom element. ElementTree escapes markup but writes any character as it is, and
    XML 1.0 has no way to write a control character or a noncharacter: they are dropped
    (loading refuses them; this keeps the feed well-formed whatever comes through)."""
    clean = {name: printable(value) for name, value in (attributes or {}).items()}
    return ET.SubElement(parent, f"{{{ATOM}}}{tag}", clean)
