"""The directory's facet data: who is active with which city, in which area, in which language.

One compact JSON file serves both languages (labels and order are in the pages, which are
sorted in each language's alphabetical order); the directory page's script combines the
facets from it. It holds ids and codes only, of the public directory only:

    {"version": 1, "cities": ["barcelona", …], "fields": ["academia", …],
     "languages": ["ar", …], "people": [["mahdieh-hosseinzadeh", [4], [0, 3], [2, 3, 5]], …]}

Each person is [id, city indexes, field indexes, language indexes] into the three lists.
"""

from __future__ import annotations

import json

from .models import Directory

FACET_FILE = "diplomats/facets.json"  # at the site root, shared by both languages


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
        for d in sorted(directory.diplomats, key=lambda d: d.id)
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
