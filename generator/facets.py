"""The directory's facet data: who is active with which city, in which area, in which language.

One compact JSON file serves both languages (labels and order are in the pages, which are
sorted in each language's alphabetical order); the directory page's script combines the
facets from it. It holds ids and codes only, of the public directory only:

    {"version": 1, "cities": ["barcelona", …], "fields": ["academia", …],
     "languages": ["ar", …], "people": [["mahdieh-hosseinzadeh", [4], [0, 3], [2, 3, 5]], …]}

Each person is [id, city indexes, field indexes, language indexes] into the three lists.

Once a filter is chosen, the script lists the matching people of the whole directory, not
just the cards of the page it is on (the directory is split over pages of PER_PAGE): it
draws their cards from one more file per language, fetched only then, holding what a card
shows (see _card.j2) in that language's alphabetical order:

    {"version": 1, "people": [[12, "مهدیه حسین‌زاده", "پژوهشگر", "چهرهٔ مهدیه"], …]}

Each person is [index into facets.json's people, name, occupation as escaped HTML (with
other-language runs marked, as on the page; "" if none), the portrait's text alternative
(null: no portrait)]. The cities come from facets.json, their names from the page's menu.
"""

from __future__ import annotations

import json

from .context import Context
from .i18n import LANGUAGES
from .models import Directory

FACET_FILE = "diplomats/facets.json"  # at the site root, shared by both languages


def card_file(lang: str) -> str:
    """Where the cards' data of one language is published (at the site root, like FACET_FILE)."""
    return f"diplomats/cards-{lang}.json"


def facet_data(directory: Directory) -> dict:
    """The facet data of `directory` (pass `Directory.public()`: nothing else is filtered)."""
    cities = sorted({c for d in directory.diplomats for c in d.cities})
    fields = sorted({f for d in directory.diplomats for f in d.fields})
    languages = directory.spoken_languages()
    index = {
        "cities": {v: i for i, v in enumerate(cities)},
        "fields": {v: i for i, v in enumerate(fields)},
        "languages": {v: i for i, v in enumerate(languages)},
    }
    people = [
        [
            d.id,
            sorted(index["cities"][c] for c in d.cities),
            sorted(index["fields"][f] for f in d.fields),
            sorted(index["languages"][code] for code in d.languages),
        ]
        for d in _by_id(directory)
    ]
    return {
        "version": 1,
        "cities": cities,
        "fields": fields,
        "languages": languages,
        "people": people,
    }


def facet_json(directory: Directory) -> bytes:
    """The facet file's bytes: JSON without spaces, the same for the same data."""
    text = json.dumps(facet_data(directory), ensure_ascii=False, separators=(",", ":"))
    return text.encode("utf-8")


def card_data(directory: Directory, lang: str) -> dict:
    """What each card of `directory` (the public one) shows in `lang`, in the page's order."""
    ctx = Context(directory, lang)
    position = {d.id: i for i, d in enumerate(_by_id(directory))}
    people = [
        [
            position[d.id],
            ctx.local(d.name),
            str(ctx.parts(ctx.local(d.occupation))),
            ctx.local(d.photo.alt) if d.photo else None,
        ]
        for d in ctx.sorted_diplomats(directory.diplomats)
    ]
    return {"version": 1, "people": people}


def facet_files(directory: Directory) -> dict[str, bytes]:
    """The facet file and each language's card file, by path under the site root."""
    files = {FACET_FILE: facet_json(directory)}
    for lang in LANGUAGES:
        data = card_data(directory, lang)
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        files[card_file(lang)] = text.encode("utf-8")
    return files


def _by_id(directory: Directory) -> list:
    return sorted(directory.diplomats, key=lambda d: d.id)
