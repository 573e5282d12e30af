"""The quality gates on the built sample site, both languages: accessibility (axe-core in
Chromium, phone and desktop), valid HTML (the Nu HTML Checker), links and anchors in every
output, language of parts, direction and isolation. The gates are in tests/gates.py;
tests/test_planted_faults.py shows that each of them fails on a fault planted on purpose.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.build import check
from generator.i18n import country_name

from . import gates
from .browser_support import VIEWPORTS, opened, serve
from .conftest import REPO, SITE_URL, html_files

LANGS = {"fa": "", "en": "en/"}  # language -> URL prefix
# One page of each type; three profiles cover a photo or none, a bio in one language only
# (the other shows a note), no bio at all, public contacts or none.
AXE_PAGES = {
    "home": "",
    "directory": "diplomats/",
    "profile-photo-contacts": "diplomats/mahdieh-hosseinzadeh/",
    "profile-no-photo-no-contact": "diplomats/changiz-rahimi/",
    "profile-no-bio": "diplomats/omid-farahani/",
    "cities": "cities/",
    "city": "cities/freiburg/",
    "city-proposed-no-diplomats": "cities/karbala/",
    "fields": "fields/",
    "field": "fields/academia/",
    "about": "about/",
    "apply": "apply/",
    "privacy": "privacy/",
    "open-data": "open-data/",
    "404": "404.html",
}


@pytest.fixture(scope="module")
def server(built_site: Path):
    with serve(built_site) as url:
        yield url


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", AXE_PAGES)
def test_axe_finds_no_wcag_violation(browser, server, name, lang, viewport):
    url = server + LANGS[lang] + AXE_PAGES[name]
    gate = "axe-core (wcag2a, wcag2aa, wcag21aa, wcag22aa)"
    with gates.timed(gate, 1, "page views"), opened(browser, url, viewport) as (page, _):
        violations = gates.run_axe(page)
    assert violations == [], "\n".join(gates.describe_axe(violations))


def test_axe_exceptions_each_give_a_reason():
    assert all(reason.strip() for reason in gates.AXE_EXCEPTIONS.values())
    assert all(reason.strip() for _, reason in gates.VNU_EXCEPTIONS)


def test_every_page_is_valid_html(built_site: Path):
    """Zero errors and zero warnings from the Nu HTML Checker, over every page at once."""
    files = html_files(built_site)
    assert {"index.html", "en/index.html", "404.html", "en/404.html"} <= {
        f.relative_to(built_site).as_posix() for f in files
    }
    with gates.timed("Nu HTML Checker (vnu)", len(files)):
        messages = gates.run_vnu(files)
    errors, warnings = gates.vnu_errors(messages), gates.vnu_warnings(messages)
    gates.note("Nu HTML Checker (vnu)", f"{len(errors)} errors, {len(warnings)} warnings, "
               f"{len(messages) - len(errors) - len(warnings)} other notes")  # fmt: skip
    assert errors == [], "\n".join(gates.describe_vnu(errors))
    assert warnings == [], "\n".join(gates.describe_vnu(warnings))


def test_every_internal_link_and_anchor_resolves(built_site: Path):
    outputs = [p for pattern in gates.OWN_OUTPUTS for p in built_site.rglob(pattern)]
    assert {".vcf", ".json", ".xml", ".csv", ".txt"} <= {p.suffix for p in outputs}
    with gates.timed("links and anchors", len(outputs), "files (pages, cards, data, feeds)"):
        problems = gates.check_links(built_site, SITE_URL)
    assert problems == []


def test_text_in_the_other_language_carries_its_lang(built_site: Path):
    files = html_files(built_site)
    with gates.timed("language of parts", len(files)):
        problems = gates.check_language_of_parts(files)
    assert problems == []


def test_directions_agree_with_languages(built_site: Path):
    files = html_files(built_site)
    with gates.timed("direction (dir against lang)", len(files)):
        problems = gates.check_directions(files)
    assert problems == []


def user_supplied_names() -> set[str]:
    """Names of people and cities from the data; not those that are also a country's name
    from CLDR (کویت is Kuwait City and Kuwait), which the gate could not tell apart."""
    public = check(REPO).public()
    names = {n for d in public.diplomats for n in (d.name.fa, d.name.en)}
    names |= {n for c in public.cities.values() for n in (c.name.fa, c.name.en, c.name.native)}
    countries = {country_name(c.country, lang) for c in public.cities.values() for lang in LANGS}
    return names - countries


def test_user_supplied_names_are_direction_isolated(built_site: Path):
    files, names = html_files(built_site), user_supplied_names()
    with gates.timed("names direction-isolated", len(files)):
        problems = gates.check_isolated(files, names)
    assert problems == []
