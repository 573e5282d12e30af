"""Open data: the public directory as JSON shaped after Popolo, and as CSV.

`data/diplomats.json` holds persons, the organisations they belong to (the programme and
each sister city) and the memberships linking them; `data/cities.json` holds the sister
cities in full. Only what the site shows goes in: approved people, public channels, and
the biography as the sanitised HTML of the profile. The JSON Schemas that describe both
files ship in `generator/schemas/` and are published beside them.
"""

from __future__ import annotations

import csv
import io
import json
from functools import cache
from importlib.resources import files

from . import addresses
from .context import Context
from .models import Directory
from .safe_text import json_text, one_line
from .schema import CONTACT_TYPES, Diplomat, SisterCity

SCHEMAS = ("diplomats", "cities")
LICENCE = {
    "id": "CC-BY-4.0",
    "name": "Creative Commons Attribution 4.0 International",
    "url": "https://creativecommons.org/licenses/by/4.0/",
}
PROGRAMME_ID = "programme"
ROLE = "citizen diplomat"
LIST_SEPARATOR = ";"  # several values in one CSV cell
# Spreadsheets run a cell that starts with one of these as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@cache
def json_schema(name: str) -> dict:
    """The JSON Schema of `data/<name>.json`, as shipped with the generator."""
    return json.loads((files("generator") / "schemas" / f"{name}.schema.json").read_text("utf-8"))


def open_data_files(directory: Directory) -> dict[str, bytes]:
    """Every file of the open data, by path in the site."""
    diplomats, cities = diplomats_document(directory), cities_document(directory)
    out = {
        f"{addresses.DATA}diplomats.json": _json(diplomats),
        f"{addresses.DATA}cities.json": _json(cities),
        f"{addresses.DATA}diplomats.csv": diplomats_csv(directory),
        f"{addresses.DATA}cities.csv": cities_csv(directory),
    }
    for name in SCHEMAS:
        out[f"{addresses.DATA}{name}.schema.json"] = _json(json_schema(name), indent=2)
    return out


def _json(data: dict, indent: int | None = None) -> bytes:
    # Data files are compact: at 10,000 people indentation alone would add megabytes.
    separators = (",", ":") if indent is None else (",", ": ")
    text = json.dumps(data, ensure_ascii=False, indent=indent, separators=separators)
    return (json_text(text) + "\n").encode()


def meta(directory: Directory, name: str) -> dict:
    """What every file says about itself: its licence, publisher and documentation."""
    site = directory.site.site_url
    ctx = {lang: Context(directory, lang) for lang in ("fa", "en")}
    return {
        "licence": LICENCE,
        "attribution": {lang: c.t("office_name") for lang, c in ctx.items()},
        "documentation": {lang: addresses.absolute(site, lang, "open-data/") for lang in ctx},
        "introductions": directory.site.office_email,
        "schema": f"{site}{addresses.DATA}{name}.schema.json",
    }


# ---------------------------------------------------------------------------- JSON


def diplomats_document(directory: Directory) -> dict:
    """Persons, organisations and memberships (Popolo), plus the activity areas."""
    ctx = Context(directory, "en")
    memberships = []
    for d in directory.diplomats:
        memberships.append(
            {"person_id": d.id, "organization_id": PROGRAMME_ID, "role": ROLE,
             "start_date": d.approved_on.isoformat()}
        )  # fmt: skip
        memberships += [{"person_id": d.id, "organization_id": c, "role": ROLE} for c in d.cities]
    programme = {
        "id": PROGRAMME_ID,
        "classification": "programme",
        "name": ctx.t("programme_name"),
        "other_names": names(Context(directory, "fa").t("programme_name"), ctx.t("programme_name")),
    }
    cities = [
        {"id": c.id, "classification": "sister city", "name": c.name.en,
         "other_names": names(c.name.fa, c.name.en)}
        for c in directory.cities.values()
    ]  # fmt: skip
    return {
        "meta": meta(directory, "diplomats"),
        "persons": [person(directory, d) for d in directory.diplomats],
        "organizations": [programme, *cities],
        "memberships": memberships,
        "activity_areas": [
            {"id": key, "name": {"fa": label.fa, "en": label.en}}
            for key, label in directory.fields.items()
        ],
    }


def person(directory: Directory, diplomat: Diplomat) -> dict:
    """One approved diplomat as a Popolo person, with only the public channels."""
    site = directory.site.site_url
    ctx = {lang: Context(directory, lang) for lang in ("fa", "en")}
    data: dict = {
        "id": diplomat.id,
        "name": diplomat.name.en,
        "other_names": names(diplomat.name.fa, diplomat.name.en),
        "occupation": pair(diplomat.occupation),
        "biography_html": (
            {lang: _text(c.bio(diplomat)) for lang, c in ctx.items()} if diplomat.bio else None
        ),
        "languages": list(diplomat.languages),
        "activity_areas": list(diplomat.fields),
        "approved_on": diplomat.approved_on.isoformat(),
        "verified_on": diplomat.verified_on.isoformat() if diplomat.verified_on else None,
        "contact_details": [{"type": c.type, "value": c.value} for c in diplomat.public_contacts],
        "links": [
            *[{"url": addresses.absolute(site, lang, addresses.profile(diplomat.id)),
               "note": f"profile ({lang})"} for lang in ctx],
            {"url": addresses.absolute(site, "en", addresses.card(diplomat.id)), "note": "vCard"},
        ],
    }  # fmt: skip
    if diplomat.photo:
        data["image"] = site + addresses.portrait(diplomat.id)
    return data


def cities_document(directory: Directory) -> dict:
    """Every sister city, with the dates, history and sources shown on its page."""
    return {
        "meta": meta(directory, "cities"),
        "organizations": [city(directory, c) for c in directory.cities.values()],
    }


def city(directory: Directory, town: SisterCity) -> dict:
    """One sister city as a Popolo organisation with its place and partnership history."""
    site = directory.site.site_url
    links = [{"url": town.website, "note": "official website"}] if town.website else []
    links += [
        {"url": addresses.absolute(site, lang, addresses.city(town.id)), "note": f"page ({lang})"}
        for lang in ("fa", "en")
    ]
    return {
        "id": town.id,
        "classification": "sister city",
        "name": town.name.en,
        "other_names": [*names(town.name.fa, town.name.en), {"name": town.name.native,
                                                              "note": "native"}],
        "country": town.country,
        "coordinates": {"lat": town.coordinates[0], "lon": town.coordinates[1]},
        "status": town.status,
        "twinned_since": [
            {"date": claim.date, "source": claim.source, "note": pair(claim.note)}
            for claim in town.since
        ],
        "history": [
            {"date": h.date, "status": h.status, "note": pair(h.note), "source": h.source}
            for h in town.history
        ],
        "description": pair(town.description),
        "identifiers": (
            [{"scheme": "wikidata", "identifier": town.wikidata}] if town.wikidata else []
        ),
        "links": links,
        "sources": [{"url": url} for url in town.sources],
    }  # fmt: skip


def _text(html: object) -> str | None:
    return str(html) if html else None


def names(fa: str, en: str) -> list[dict]:
    """A name in both languages, as Popolo `other_names` entries."""
    return [{"name": fa, "lang": "fa", "note": "multilingual"},
            {"name": en, "lang": "en", "note": "multilingual"}]  # fmt: skip


def pair(text: object) -> dict | None:
    """A text in both languages as {"fa", "en"}, a missing language as null."""
    if text is None:
        return None
    return {"fa": getattr(text, "fa", None), "en": getattr(text, "en", None)}


# ---------------------------------------------------------------------------- CSV

DIPLOMAT_COLUMNS = (
    "id", "name_fa", "name_en", "occupation_fa", "occupation_en", "languages", "cities",
    "activity_areas", "approved_on", "verified_on", *CONTACT_TYPES, "image", "profile_fa",
    "profile_en",
)  # fmt: skip
CITY_COLUMNS = (
    "id", "name_fa", "name_en", "name_native", "country", "latitude", "longitude", "status",
    "twinned_since", "website", "wikidata", "page_fa", "page_en",
)  # fmt: skip


def diplomats_csv(directory: Directory) -> bytes:
    """One row per approved diplomat, the same values as the JSON; lists joined with ';'."""
    site = directory.site.site_url
    rows = []
    for d in directory.diplomats:
        occupation = pair(d.occupation) or {}
        row = {
            "id": d.id,
            "name_fa": d.name.fa,
            "name_en": d.name.en,
            "occupation_fa": occupation.get("fa"),
            "occupation_en": occupation.get("en"),
            "languages": list(d.languages),
            "cities": list(d.cities),
            "activity_areas": list(d.fields),
            "approved_on": d.approved_on.isoformat(),
            "verified_on": d.verified_on.isoformat() if d.verified_on else None,
            "image": site + addresses.portrait(d.id) if d.photo else None,
            "profile_fa": addresses.absolute(site, "fa", addresses.profile(d.id)),
            "profile_en": addresses.absolute(site, "en", addresses.profile(d.id)),
        }
        for kind in CONTACT_TYPES:
            row[kind] = [c.value for c in d.public_contacts if c.type == kind]
        rows.append(row)
    return _csv(DIPLOMAT_COLUMNS, rows)


def cities_csv(directory: Directory) -> bytes:
    """One row per sister city; the history and sources are in the JSON only."""
    rows = []
    for item in cities_document(directory)["organizations"]:
        links = {link["note"]: link["url"] for link in item["links"]}
        rows.append(
            {
                "id": item["id"],
                "name_fa": item["other_names"][0]["name"],
                "name_en": item["other_names"][1]["name"],
                "name_native": item["other_names"][2]["name"],
                "country": item["country"],
                "latitude": item["coordinates"]["lat"],
                "longitude": item["coordinates"]["lon"],
                "status": item["status"],
                "twinned_since": [claim["date"] for claim in item["twinned_since"]],
                "website": links.get("official website"),
                "wikidata": next((i["identifier"] for i in item["identifiers"]), None),
                "page_fa": links["page (fa)"],
                "page_en": links["page (en)"],
            }
        )
    return _csv(CITY_COLUMNS, rows)


def _csv(columns: tuple[str, ...], rows: list[dict]) -> bytes:
    """RFC 4180 CSV in UTF-8 with a byte-order mark, which spreadsheet programs need."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([cell(row[column]) for column in columns])
    return buffer.getvalue().encode("utf-8-sig")


def cell(value: object) -> str:
    """A CSV cell: lists joined, nothing for null, and no text a spreadsheet would run.

    Every value in the CSV is one line of text: should a line break or a control character
    come through all the same, it cannot start a row of its own in a reader that splits
    lines at it (`one_line`)."""
    if value is None:
        return ""
    if isinstance(value, list):
        return LIST_SEPARATOR.join(cell(v) for v in value)
    if isinstance(value, str):
        value = one_line(value)
        if value.startswith(_FORMULA_START) and not _is_phone(value):
            return "'" + value
    return str(value)


def _is_phone(text: str) -> bool:
    return text.startswith("+") and all(ch.isdigit() or ch in " -+" for ch in text)
