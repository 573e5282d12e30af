"""jsonld.py and the h-card: structured data read back from the built pages with extruct."""

from __future__ import annotations

import json
from pathlib import Path

import extruct
import pytest

from generator.build import check
from generator.jsonld import script

from .conftest import FIXTURES, SITE_URL

PUBLIC = check(FIXTURES).public()
PEOPLE = {d.id: d for d in PUBLIC.diplomats}


def extract(site: Path, lang: str, url: str) -> dict:
    prefix = "en/" if lang == "en" else ""
    html = (site / prefix / url / "index.html").read_text(encoding="utf-8")
    return extruct.extract(
        html, base_url=SITE_URL + prefix + url, syntaxes=["json-ld", "microformat"]
    )


def tagged(values: list[dict]) -> dict[str, str]:
    return {v["@language"]: v["@value"] for v in values}


@pytest.mark.parametrize("lang", ["fa", "en"])
@pytest.mark.parametrize("diplomat_id", sorted(PEOPLE))
def test_profile_carries_a_person_with_both_names(
    built_site: Path, diplomat_id: str, lang: str
) -> None:
    person = PEOPLE[diplomat_id]
    found = extract(built_site, lang, f"diplomats/{diplomat_id}/")
    (data,) = found["json-ld"]
    assert data["@type"] == "Person" and data["@context"] == "https://schema.org"
    assert tagged(data["name"]) == {"fa": person.name.fa, "en": person.name.en}
    assert data["name"][0]["@language"] == lang  # the reader's language first
    assert data["@id"] == f"{SITE_URL}diplomats/{diplomat_id}/#person"  # one id, both pages
    assert data["knowsLanguage"] == person.languages
    assert data["affiliation"]["@id"] == SITE_URL + "#programme"
    points = data["contactPoint"]
    assert all(p["@type"] == "ContactPoint" and p["availableLanguage"] for p in points)
    published = {p.get("email") or p.get("telephone") or p.get("url") for p in points}
    mine = {c.value if c.type in ("email", "phone") else c.url for c in person.public_contacts}
    assert published == mine | {PUBLIC.site.office_email}


@pytest.mark.parametrize("lang", ["fa", "en"])
def test_profile_is_an_h_card(built_site: Path, lang: str) -> None:
    for person in PUBLIC.diplomats:
        url = f"diplomats/{person.id}/"
        (card,) = extract(built_site, lang, url)["microformat"]
        props = card["properties"]
        assert card["type"] == ["h-card"]
        assert props["name"] == [getattr(person.name, lang)]
        assert props["uid"] == [SITE_URL + ("en/" if lang == "en" else "") + url]
        emails = {f"mailto:{c.value}" for c in person.public_contacts if c.type == "email"}
        assert set(props.get("email", [])) == emails
        phones = {c.value for c in person.public_contacts if c.type == "phone"}
        assert set(props.get("tel", [])) == phones  # Latin digits, even on Persian pages
        assert ("photo" in props) == bool(person.photo)


@pytest.mark.parametrize("lang", ["fa", "en"])
def test_city_page_carries_a_city_with_its_place(built_site: Path, lang: str) -> None:
    for city in PUBLIC.cities.values():
        (data,) = extract(built_site, lang, f"cities/{city.id}/")["json-ld"]
        assert data["@type"] == "City"
        assert tagged(data["name"]) == {"fa": city.name.fa, "en": city.name.en}
        assert (data["geo"]["latitude"], data["geo"]["longitude"]) == tuple(city.coordinates)
        assert data["containedInPlace"]["identifier"] == city.country
        if city.wikidata:
            assert f"https://www.wikidata.org/wiki/{city.wikidata}" in data["sameAs"]


def test_structured_data_cannot_end_its_script_element() -> None:
    data = {"name": "</script><script>alert(1)</script> & <!-- x"}
    html = str(script(data))
    body = html.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert "<" not in body and ">" not in body and "&" not in body
    assert json.loads(body) == data
