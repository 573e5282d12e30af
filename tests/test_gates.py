"""The quality gates on the built sample site, both languages: accessibility (axe-core in
Chromium, phone and desktop), valid HTML (the Nu HTML Checker), links and anchors in every
output, language of parts, direction and isolation. The gates are in tests/gates.py;
tests/test_planted_faults.py shows that each of them fails on a fault planted on purpose.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.build import build_site, check
from generator.i18n import country_name

from . import gates
from .browser_support import VIEWPORTS, opened, serve
from .conftest import FIXTURES, SITE_URL, html_files

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
    "languages": "languages/",
    "language": "languages/de/",
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


@pytest.mark.parametrize("lang", LANGS)
def test_what_scripts_show_passes_axe_and_the_language_gate(browser, server, lang, tmp_path):
    """The directory's search results and its facet form exist only once scripts ran: axe
    and the language gate look at the page as it is then."""
    query = "Freiburg"
    with opened(browser, server + LANGS[lang] + "diplomats/") as (page, _):
        page.locator(".cd-search__input").fill(query)
        page.wait_for_function(
            """q => document.querySelector('[data-cd-search]').dataset.searched === q
                && !document.querySelector('.cd-search__result--loading')""",
            arg=query,
        )
        assert page.locator(".cd-search__result").count() >= 1
        page.locator("form.cd-facets select[name=city]").select_option("freiburg")
        assert page.locator("form.cd-facets").is_visible()
        violations = gates.run_axe(page)
        shown = tmp_path / "shown.html"
        shown.write_text(page.content(), encoding="utf-8")
    assert violations == [], "\n".join(gates.describe_axe(violations))
    assert gates.check_language_of_parts([shown]) == []
    assert gates.check_isolated([shown], user_supplied_names()) == []


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


def user_supplied_names(root: Path = FIXTURES) -> set[str]:
    """Names of people and cities from the data; not those that are also a country's name
    from CLDR (کویت is Kuwait City and Kuwait), which the gate could not tell apart."""
    public = check(root).public()
    names = {n for d in public.diplomats for n in (d.name.fa, d.name.en)}
    names |= {n for c in public.cities.values() for n in (c.name.fa, c.name.en, c.name.native)}
    countries = {country_name(c.country, lang) for c in public.cities.values() for lang in LANGS}
    return names - countries


def test_user_supplied_names_are_direction_isolated(built_site: Path):
    files, names = html_files(built_site), user_supplied_names()
    with gates.timed("names direction-isolated", len(files)):
        problems = gates.check_isolated(files, names)
    assert problems == []


def test_long_listings_pass_the_gates(tmp_path: Path, browser):
    """Listings of more than 100 people are split into pages: 120 synthetic people (every one
    speaks Persian) give languages/fa/ a second page, which the sample never has."""
    from bench.synthetic import make_tree

    root = make_tree(tmp_path / "repo", 120, data=FIXTURES)
    site = root / "site"
    build_site(root, site_dir=site, site_url=SITE_URL)
    second = [site / "languages/fa/page/2/index.html", site / "en/languages/fa/page/2/index.html"]
    assert all(page.is_file() for page in second)
    files = html_files(site)
    with gates.timed("all gates on 120 synthetic people", len(files)):
        errors = gates.vnu_errors(gates.run_vnu(files))
        problems = gates.check_links(site, SITE_URL) + gates.check_language_of_parts(files)
        problems += gates.check_directions(files) + gates.check_isolated(
            files, user_supplied_names(root)
        )
        with serve(site) as url, opened(browser, url + "en/languages/fa/page/2/") as (page, _):
            violations = gates.run_axe(page)
    assert errors == [], "\n".join(gates.describe_vnu(errors))
    assert problems == []
    assert violations == [], "\n".join(gates.describe_axe(violations))
