"""opendata.py: the published JSON validates against its schema and says what the site says."""

from __future__ import annotations

import copy
import csv
import io
import json
import re
from pathlib import Path

import jsonschema
import pytest

from generator.build import check
from generator.opendata import cell
from generator.opendata_reference import PERSIAN, field_rows

from .conftest import FIXTURES, REPO, SITE_URL

SCHEMAS = REPO / "generator" / "schemas"
PUBLIC = check(FIXTURES).public()


def load(site: Path, name: str) -> dict:
    return json.loads((site / "data" / f"{name}.json").read_text(encoding="utf-8"))


def validator(name: str) -> jsonschema.Draft202012Validator:
    schema = json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def page(site: Path, url: str) -> str:
    """The HTML of the page at the absolute address `url`."""
    assert url.startswith(SITE_URL), url
    return (site / url.removeprefix(SITE_URL) / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["diplomats", "cities"])
def test_json_validates_against_its_schema(built_site: Path, name: str) -> None:
    data = load(built_site, name)
    errors = [e.message for e in validator(name).iter_errors(data)]
    assert errors == []
    assert data["meta"]["schema"] == f"{SITE_URL}data/{name}.schema.json"
    published = json.loads((built_site / "data" / f"{name}.schema.json").read_text("utf-8"))
    assert published == json.loads((SCHEMAS / f"{name}.schema.json").read_text("utf-8"))


@pytest.mark.parametrize(
    ("name", "change"),
    [
        ("diplomats", lambda d: d["persons"][0].update(phone_private="+44 20 7946 0231")),
        ("diplomats", lambda d: d["persons"][0].pop("other_names")),
        (
            "diplomats",
            lambda d: d["persons"][0]["contact_details"].append({"type": "fax", "value": "1"}),
        ),
        ("diplomats", lambda d: d["memberships"][0].update(role="mayor")),
        ("cities", lambda d: d["organizations"][0].update(status="twinned")),
        ("cities", lambda d: d["organizations"][0]["coordinates"].update(lat=91)),
    ],
)
def test_the_schema_rejects_what_the_files_must_not_hold(built_site: Path, name, change) -> None:
    data = copy.deepcopy(load(built_site, name))
    change(data)
    assert list(validator(name).iter_errors(data))


def test_persons_are_the_profiles_of_the_site(built_site: Path) -> None:
    data = load(built_site, "diplomats")
    profiles = {p.parent.name for p in (built_site / "diplomats").glob("*/index.html")}
    assert {p["id"] for p in data["persons"]} == profiles == {d.id for d in PUBLIC.diplomats}
    cities_of = {}
    for m in data["memberships"]:
        if m["organization_id"] != "programme":
            cities_of.setdefault(m["person_id"], set()).add(m["organization_id"])
    for person in data["persons"]:
        links = {link["note"]: link["url"] for link in person["links"]}
        persian, english = (
            page(built_site, links["profile (fa)"]),
            page(built_site, links["profile (en)"]),
        )
        assert f"<bdi>{person['other_names'][0]['name']}</bdi></h1>" in persian
        assert f"<bdi>{person['name']}</bdi></h1>" in english
        for contact in person["contact_details"]:
            assert contact["value"] in english, contact
        shown = set(re.findall(r'href="\.\./\.\./cities/([a-z0-9-]+)/"', english))
        assert cities_of.get(person["id"], set()) == shown, person["id"]
        assert (built_site / links["vCard"].removeprefix(SITE_URL)).is_file()


def test_every_public_channel_and_nothing_else(built_site: Path) -> None:
    persons = {p["id"]: p for p in load(built_site, "diplomats")["persons"]}
    for diplomat in PUBLIC.diplomats:
        published = [(c["type"], c["value"]) for c in persons[diplomat.id]["contact_details"]]
        assert published == [(c.type, c.value) for c in diplomat.public_contacts]
    assert persons["changiz-rahimi"]["contact_details"] == []
    assert persons["hamid-noorbakhsh"]["contact_details"] == []


def test_cities_are_the_city_pages_of_the_site(built_site: Path) -> None:
    cities = load(built_site, "cities")["organizations"]
    pages = {p.parent.name for p in (built_site / "cities").glob("*/index.html")}
    assert {c["id"] for c in cities} == pages
    for city in cities:
        links = {link["note"]: link["url"] for link in city["links"]}
        english = page(built_site, links["page (en)"])
        assert f"<bdi>{city['name']}</bdi></h1>" in english.replace("&#39;", "'")
        for source in city["sources"]:
            assert source["url"] in english
    organizations = {o["id"] for o in load(built_site, "diplomats")["organizations"]}
    assert organizations == {"programme"} | pages


def read_csv(site: Path, name: str) -> list[dict[str, str]]:
    raw = (site / "data" / f"{name}.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def test_csv_holds_the_same_people_and_cities_as_the_json(built_site: Path) -> None:
    persons = {p["id"]: p for p in load(built_site, "diplomats")["persons"]}
    rows = read_csv(built_site, "diplomats")
    assert [r["id"] for r in rows] == list(persons)
    for row in rows:
        person = persons[row["id"]]
        assert row["name_en"] == person["name"]
        assert row["languages"].split(";") == person["languages"]
        for kind in ("email", "phone", "website", "linkedin", "instagram", "telegram", "whatsapp"):
            values = [c["value"] for c in person["contact_details"] if c["type"] == kind]
            assert row[kind] == ";".join(values)
    cities = load(built_site, "cities")["organizations"]
    assert [r["id"] for r in read_csv(built_site, "cities")] == [c["id"] for c in cities]


def test_csv_cells_a_spreadsheet_would_run_are_defused() -> None:
    assert cell('=HYPERLINK("https://example.org")') == '\'=HYPERLINK("https://example.org")'
    assert cell("@SUM(A1)") == "'@SUM(A1)"
    assert cell("+44 20 7946 0231") == "+44 20 7946 0231"  # a phone number stays as it is
    assert cell(-17.4677) == "-17.4677"
    assert cell(["fa", "en"]) == "fa;en" and cell(None) == ""


def test_every_field_is_documented_in_both_languages(built_site: Path) -> None:
    paths = {path for name in ("diplomats", "cities") for path, _ in field_rows(name)}
    assert set(PERSIAN) == paths
    assert all(english for name in ("diplomats", "cities") for _, english in field_rows(name))
    for prefix in ("", "en/"):
        text = (built_site / prefix / "open-data" / "index.html").read_text(encoding="utf-8")
        for path in paths:
            assert f'<code dir="ltr">{path}</code>' in text, (prefix, path)
        assert "CC BY 4.0" in text and "https://creativecommons.org/licenses/by/4.0/" in text
