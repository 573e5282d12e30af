"""schema.org structured data for pages: a `Person` per profile and a `City` per city page.

Written into the page as a JSON-LD data block. Browsers never run a data block, so a
Content-Security-Policy without 'unsafe-inline' leaves it alone; the JSON is escaped so
that no value can end the <script> element early or put in it a character HTML refuses.
"""

from __future__ import annotations

import json

from markupsafe import Markup

from . import addresses
from .context import Context
from .safe_text import json_text
from .schema import Contact, Diplomat, SisterCity

CONTEXT = "https://schema.org"
# Channels that also identify the person on another site (schema.org `sameAs`).
_PROFILES = ("linkedin", "instagram")


def script(data: dict) -> Markup:
    """`data` as a <script type="application/ld+json"> element, safe inside HTML."""
    # json_text: no control character or noncharacter, which HTML refuses, as it is.
    text = json_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")))
    for char, escaped in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e")):
        text = text.replace(char, escaped)
    return Markup(f'<script type="application/ld+json">{text}</script>')


def person(ctx: Context, diplomat: Diplomat) -> dict:
    """The diplomat as a schema.org Person, described in the reader's language."""
    site = ctx.d.site.site_url
    data: dict = {
        "@context": CONTEXT,
        "@type": "Person",
        "@id": addresses.absolute(site, "fa", addresses.profile(diplomat.id)) + "#person",
        "url": ctx.absolute(addresses.profile(diplomat.id)),
        "name": both_languages(ctx, diplomat.name),
    }
    if diplomat.occupation:
        data["jobTitle"] = both_languages(ctx, diplomat.occupation)
    if diplomat.photo:
        data["image"] = site + addresses.portrait(diplomat.id)
    if diplomat.languages:
        data["knowsLanguage"] = list(diplomat.languages)
    if diplomat.fields:
        data["knowsAbout"] = [label for _, label in ctx.sorted_fields(diplomat.fields)]
    data["affiliation"] = programme(ctx)
    points = [contact_point(ctx, c, diplomat.languages) for c in diplomat.public_contacts]
    points.append(
        {
            "@type": "ContactPoint",
            "contactType": ctx.t("intro_contact_type"),
            "email": ctx.d.site.office_email,
            "availableLanguage": ["fa", "en"],
        }
    )
    data["contactPoint"] = points
    same = [c.url for c in diplomat.public_contacts if c.type in _PROFILES]
    if same:
        data["sameAs"] = same
    return data


def contact_point(ctx: Context, contact: Contact, languages: list[str]) -> dict:
    """One public channel as a ContactPoint, in the languages the person speaks."""
    point: dict = {"@type": "ContactPoint", "contactType": ctx.t(f"contact_{contact.type}")}
    if contact.type == "email":
        point["email"] = contact.value
    elif contact.type == "phone":
        point["telephone"] = contact.value
    else:
        point["url"] = contact.url
    if languages:
        point["availableLanguage"] = list(languages)
    return point


def programme(ctx: Context) -> dict:
    """The Citizen Diplomat programme, run by Isfahan Municipality."""
    site = ctx.d.site.site_url
    return {
        "@type": "Organization",
        "@id": site + "#programme",
        "name": ctx.t("programme_name"),
        "url": ctx.absolute(""),
        "parentOrganization": {"@type": "GovernmentOrganization", "name": ctx.t("office_name")},
    }


def city(ctx: Context, town: SisterCity) -> dict:
    """The sister city as a schema.org City (a Place) with its position and country."""
    data: dict = {
        "@context": CONTEXT,
        "@type": "City",
        "@id": addresses.absolute(ctx.d.site.site_url, "fa", addresses.city(town.id)) + "#place",
        "url": ctx.absolute(addresses.city(town.id)),
        "name": both_languages(ctx, town.name),
        "alternateName": town.name.native,
        "geo": {
            "@type": "GeoCoordinates",
            "latitude": town.coordinates[0],
            "longitude": town.coordinates[1],
        },
        "containedInPlace": {
            "@type": "Country",
            "name": ctx.country(town.country),
            "identifier": town.country,
        },
    }
    if ctx.local(town.description):
        data["description"] = ctx.local(town.description)
    same = [f"https://www.wikidata.org/wiki/{town.wikidata}"] if town.wikidata else []
    same += [town.website] if town.website else []
    if same:
        data["sameAs"] = same
    return data


def both_languages(ctx: Context, text: object) -> list[dict]:
    """A text as language-tagged values, the reader's language first; missing ones left out."""
    values = [(lang, getattr(text, lang, None)) for lang in (ctx.lang, ctx.other)]
    return [{"@value": value, "@language": lang} for lang, value in values if value]
