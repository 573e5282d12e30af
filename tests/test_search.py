"""Search and facets in a real browser: headless Chromium (Debian's) driven by Playwright.

The built sample site is served from 127.0.0.1 with the Content-Security-Policy the site is
meant to run under (no inline scripts, nothing from other hosts), so a script that needed
either would fail here.
"""

from __future__ import annotations

import base64
import functools
import gzip
import hashlib
import http.server
import re
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.build import check
from generator.i18n import persian_sort_key
from generator.search_text import normalise
from generator.ui_text import text

from .conftest import FIXTURES
from .test_facets import listed_ids
from .test_search_index import unpacked
from .test_search_text import SPELLINGS

playwright = pytest.importorskip("playwright.sync_api")

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]  # fmt: skip
# Material's own two inline scripts are allowed by hash, as the site's CSP will have to;
# any other inline script, or WebAssembly without 'wasm-unsafe-eval', would be refused.
MATERIAL_INLINE = ("__md_scope=", "var target=document.getElementById(location.hash")


def content_security_policy(site: Path) -> str:
    """The policy the site is meant to run under, with hashes of Material's inline scripts."""
    hashes = sorted({
        "'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'"
        for page in site.rglob("*.html")
        for body in re.findall(r"<script>(.*?)</script>", page.read_text("utf-8"), re.S)
        if body.startswith(MATERIAL_INLINE)  # the first one names the page's depth
    })  # fmt: skip
    return (
        f"default-src 'self'; script-src 'self' 'wasm-unsafe-eval' {' '.join(hashes)}; "
        "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'"
    )


PUBLIC = check(FIXTURES).public()
PEOPLE = {d.id: d for d in PUBLIC.diplomats}

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's chromium")


@pytest.fixture(scope="module")
def base_url(built_site: Path) -> Iterator[str]:
    policy = content_security_policy(built_site)

    class Handler(http.server.SimpleHTTPRequestHandler):
        def end_headers(self) -> None:
            self.send_header("Content-Security-Policy", policy)
            super().end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Handler, directory=str(built_site))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with playwright.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, base_url: str) -> Iterator[object]:
    context = browser.new_context(base_url=base_url, viewport={"width": 1280, "height": 3000})
    page = context.new_page()
    page.csp_violations = []
    page.on(
        "console",
        lambda m: page.csp_violations.append(m.text) if "Content Security Policy" in m.text else 0,
    )
    yield page
    context.close()


def search(page, path: str, query: str) -> list[str]:
    """Type `query` into the search box of `path`; return the ids of the results shown."""
    page.goto(path)
    page.locator(".cd-search__input").fill(query)
    # search.js marks the box with the query once its results are listed; each result's
    # details load when it scrolls into view, and the viewport is tall enough for all.
    page.wait_for_function(
        """q => document.querySelector('[data-cd-search]').dataset.searched === q
            && !document.querySelector('.cd-search__result--loading')""",
        arg=query,
    )
    hrefs = page.locator(".cd-search__name").evaluate_all("as => as.map(a => a.href)")
    return [href.rstrip("/").rsplit("/", 1)[1] for href in hrefs]


# Each row: what a Persian reader types, and who must be found (Done when, issue 4).
PERSIAN_QUERIES = [
    ("كيان يزداني", "kian-yazdani"),  # the name with Arabic ي and ك
    ("حسینزاده", "mahdieh-hosseinzadeh"),  # without its ZWNJ (حسین‌زاده)
    ("پَریسا کاظِمی", "parisa-kazemi"),  # with diacritics
    ("2025", "changiz-rahimi"),  # shown as ۲۰۲۵ (his Gregorian approval date)
    ("١٤٠٤", "changiz-rahimi"),  # his bio's ۱۴۰۴, typed in Arabic-Indic digits
    ("چنگ", "changiz-rahimi"),  # a prefix
    ("Kian Yazdani", "kian-yazdani"),  # the English name
    ("Freiburg", "mahdieh-hosseinzadeh"),  # a city's English name
]


@pytest.mark.parametrize(("query", "expected"), PERSIAN_QUERIES)
def test_persian_search_finds(page, query: str, expected: str) -> None:
    assert expected in search(page, "/diplomats/", query)
    assert page.csp_violations == []


@pytest.mark.parametrize(
    ("query", "expected"),
    [("پریسا کاظمی", "parisa-kazemi"), ("كيان", "kian-yazdani"), ("Kian", "kian-yazdani")],
)
def test_english_search_finds_by_persian_name(page, query: str, expected: str) -> None:
    assert search(page, "/en/diplomats/", query)[0] == expected


def test_the_three_digit_sets_find_the_same_people(page) -> None:
    found = [set(search(page, "/diplomats/", q)) for q in ("1404", "۱۴۰۴", "١٤٠٤")]
    assert found[0] == found[1] == found[2]
    assert "changiz-rahimi" in found[0]


def test_a_name_query_puts_that_person_first(page) -> None:
    for person in PUBLIC.diplomats:
        assert search(page, "/diplomats/", person.name.fa)[0] == person.id
        assert search(page, "/en/", person.name.en)[0] == person.id


def test_people_not_approved_are_not_found(page) -> None:
    # Not "no results": for a word it does not know, Pagefind 1.5 falls back to its longest
    # known prefix ("Arash" finds pages with "a"), so check that nobody hidden is listed.
    directory = check(FIXTURES)
    for person in directory.diplomats:
        if person.status != "approved":
            for path, name in (("/diplomats/", person.name.fa), ("/en/", person.name.en)):
                assert person.id not in search(page, path, name)


def test_results_show_name_occupation_and_cities(page) -> None:
    search(page, "/diplomats/", "مهدیه")
    result = page.locator(".cd-search__result").first.inner_text()
    mahdieh = PEOPLE["mahdieh-hosseinzadeh"]
    assert [line for line in result.splitlines() if line] == [
        mahdieh.name.fa,
        mahdieh.occupation.fa,
        PUBLIC.cities["freiburg"].name.fa,
    ]


@pytest.mark.parametrize("lang", ["fa", "en"])
def test_search_box_speaks_the_page_language(page, lang: str) -> None:
    search(page, "/diplomats/" if lang == "fa" else "/en/diplomats/", "Freiburg")
    box = page.locator(".cd-search__input")
    assert box.get_attribute("placeholder") == text("search_placeholder", lang)
    assert page.locator(".cd-search__label").inner_text() == text("search_label", lang)
    assert box.evaluate("e => getComputedStyle(e).direction") == ("rtl" if lang == "fa" else "ltr")
    status = page.locator("[data-cd-search-status]").inner_text()
    assert status == text("people_count_one", lang)
    search(page, "/diplomats/" if lang == "fa" else "/en/diplomats/", "zzzz")
    assert page.locator("[data-cd-search-status]").inner_text() == text("search_none", lang)


def test_search_is_usable_from_the_keyboard(page) -> None:
    page.goto("/diplomats/")
    page.keyboard.press("Tab")  # skip link, then the header and tabs: reach the box by Tab
    for _ in range(40):
        if page.evaluate("document.activeElement.id") == "cd-search-input":
            break
        page.keyboard.press("Tab")
    page.keyboard.type("Kian")
    page.wait_for_selector("a.cd-search__name")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('cd-search__name')")
    page.keyboard.press("Enter")
    page.wait_for_url("**/diplomats/kian-yazdani/")


def test_escape_clears_the_search(page) -> None:
    search(page, "/en/", "Kian")
    page.locator(".cd-search__input").press("Escape")
    page.wait_for_function("document.querySelector('[data-cd-search]').dataset.searched === ''")
    assert page.locator(".cd-search__result").count() == 0


def test_without_javascript_no_dead_search_box_is_shown(browser, base_url: str) -> None:
    context = browser.new_context(base_url=base_url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/")
    assert not page.locator(".cd-search").is_visible()
    context.close()


def test_query_normaliser_matches_the_index_normaliser(page) -> None:
    page.goto("/")
    words = [typed for typed, _ in SPELLINGS] + ["Straße", "İstanbul", "ﷲ", "ۂ ھ ٱ"]
    in_browser = page.evaluate("ws => ws.map(w => window.cdNormalise(w))", words)
    assert in_browser == [normalise(w) for w in words]


# ---------------------------------------------------------------------------- compounds

ZWNJ = "\u200c"
HOSSEINZADEH = PEOPLE["mahdieh-hosseinzadeh"]
assert ZWNJ in HOSSEINZADEH.name.fa  # مهدیه حسین‌زاده: the fixture these tests rely on


@pytest.mark.parametrize("path", ["/diplomats/", "/en/diplomats/"])
@pytest.mark.parametrize(
    "query",
    [
        "زاده",  # the part after the ZWNJ, alone: Pagefind alone indexes only حسینزاده
        "حسین",
        f"حسین{ZWNJ}زاده",  # typed with the ZWNJ
        "حسین زاده",  # with a space instead
        "حسینزاده",  # joined
        "مهدیه زاده",
    ],
)
def test_each_part_of_a_compound_name_finds_the_person(page, path: str, query: str) -> None:
    assert HOSSEINZADEH.id in search(page, path, query)


@pytest.mark.parametrize("query", ["پترزبورگ", f"سن{ZWNJ}پترزبورگ", "سن پترزبورگ"])
def test_a_part_of_a_compound_city_name_finds_its_people(page, query: str) -> None:
    linked = {d.id for d in PUBLIC.diplomats if "saint-petersburg" in d.cities}
    assert linked  # the fixture has someone linked to Saint Petersburg
    for path in ("/diplomats/", "/en/diplomats/"):
        assert linked <= set(search(page, path, query)), (path, query)


# ---------------------------------------------------------------------------- name.other

SPELT_OTHERWISE = [(d, spelling) for d in PUBLIC.diplomats for spelling in d.name.other]


def test_the_fixture_has_other_spellings_search_alone_would_miss() -> None:
    people = {d.id for d, _ in SPELT_OTHERWISE}
    assert {"hamid-noorbakhsh", "mahdieh-hosseinzadeh"} <= people
    assert "Nourbakhsh" in PEOPLE["hamid-noorbakhsh"].name.other
    assert "Hoseinzadeh" in PEOPLE["mahdieh-hosseinzadeh"].name.other


@pytest.mark.parametrize("path", ["/diplomats/", "/en/diplomats/"])
@pytest.mark.parametrize(
    ("person", "spelling"), SPELT_OTHERWISE, ids=[s for _, s in SPELT_OTHERWISE]
)
def test_an_other_spelling_of_a_name_finds_the_person_first(
    page, path: str, person, spelling: str
) -> None:
    assert search(page, path, spelling)[0] == person.id


def test_other_spellings_are_in_no_visible_or_spoken_text(page) -> None:
    people = [PEOPLE[id_] for id_ in dict.fromkeys(person.id for person, _ in SPELT_OTHERWISE)]
    pages = [("/diplomats/", "fa", people), ("/en/diplomats/", "en", people)]
    for person in people:
        pages += [(f"/diplomats/{person.id}/", "fa", [person])]
        pages += [(f"/en/diplomats/{person.id}/", "en", [person])]
    for path, lang, listed in pages:
        page.goto(path)
        shown = page.locator("body").inner_text().casefold()
        read_aloud = page.locator("body").aria_snapshot().casefold()
        for person in listed:  # the page does show and read out the person…
            name = getattr(person.name, lang).casefold()
            assert name in shown and name in read_aloud, (path, name)
        for _, spelling in SPELT_OTHERWISE:  # …and none of the other spellings
            assert spelling.casefold() not in shown, (path, spelling)
            assert spelling.casefold() not in read_aloud, (path, spelling)


def test_other_spellings_are_in_no_file_but_the_search_index(built_site: Path) -> None:
    # Pages, vCards, open data, feeds, JSON-LD, sitemaps, booklets: all but pagefind/.
    checked = 0
    for path in built_site.rglob("*"):
        if not path.is_file() or "pagefind" in path.relative_to(built_site).parts:
            continue
        data = path.read_bytes()
        if data[:2] == b"\x1f\x8b":
            data = gzip.decompress(data)
        elif path.suffix == ".pdf":  # its text is in compressed streams
            data = subprocess.run(["pdftotext", path, "-"], capture_output=True, check=True).stdout
        folded = data.decode("utf-8", "replace").casefold()
        for _, spelling in SPELT_OTHERWISE:
            assert spelling.casefold() not in folded, (path, spelling)
        checked += 1
    assert checked > 100
    # …and the index does hold them: the test above would pass on a build without them.
    index = b"".join(unpacked(built_site).values()).decode("utf-8", "replace").casefold()
    for _, spelling in SPELT_OTHERWISE:
        assert normalise(spelling).split()[0] in index, spelling


def test_the_hidden_search_words_are_neither_shown_nor_read(page) -> None:
    page.goto(f"/diplomats/{HOSSEINZADEH.id}/")
    terms = page.locator(".cd-search-terms")
    assert "زاده" in terms.text_content().split()  # the part is there for the index…
    assert not terms.is_visible()  # …but not on screen
    assert "زاده" not in page.locator("body").aria_snapshot().split()  # nor read aloud


# ---------------------------------------------------------------------------- facets


def choose(page, path: str, **facets: str) -> list[str]:
    """Pick facet values on the directory page; return the ids of the people left visible."""
    page.goto(path)
    form = page.locator("form.cd-facets")
    form.wait_for(state="visible")
    for name, value in facets.items():
        form.locator(f"select[name={name}]").select_option(value)
    return visible_cards(page)


COMBINATIONS = [
    {"language": "en", "field": "heritage"},
    {"city": "freiburg", "language": "de", "field": "academia"},
    {"city": "kuala-lumpur", "language": "en"},
]


def matching(city: str = "", field: str = "", language: str = "") -> list:
    return [
        d for d in PUBLIC.diplomats
        if (not city or city in d.cities) and (not field or field in d.fields)
        and (not language or language in d.languages)
    ]  # fmt: skip


@pytest.mark.parametrize("facets", COMBINATIONS)
def test_combined_facets_show_exactly_the_matching_people(page, facets: dict) -> None:
    expected = matching(**facets)
    shown = choose(page, "/diplomats/", **facets)
    # exactly those people, in Persian alphabetical order
    assert shown == [d.id for d in sorted(expected, key=lambda d: persian_sort_key(d.name.fa))]
    status = page.locator("[data-cd-facet-status]").inner_text()
    assert status == (text("people_count_one", "fa") if len(expected) == 1 else text(
        "people_count", "fa").format(n=str(len(expected)).translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))))  # fmt: skip
    assert page.locator("[data-cd-facet-none]").is_visible() == (not expected)
    assert all(f"{k}={v}" in page.url for k, v in facets.items())
    assert page.csp_violations == []


@pytest.mark.parametrize("facets", COMBINATIONS)
def test_static_pages_list_the_same_people(page, built_site: Path, facets: dict) -> None:
    folders = {"city": "cities", "field": "fields", "language": "languages"}
    static = None
    for name, value in facets.items():
        ids = set(listed_ids(built_site / "en" / folders[name] / value / "index.html"))
        static = ids if static is None else static & ids
    assert set(choose(page, "/en/diplomats/", **facets)) == static


def test_counts_beside_each_choice_follow_the_other_facets(page) -> None:
    choose(page, "/en/diplomats/", language="en")
    options = page.locator("select[name=field] option[value]:not([value=''])")
    for value, label in zip(
        options.evaluate_all("os => os.map(o => o.value)"),
        options.evaluate_all("os => os.map(o => o.textContent)"),
        strict=True,
    ):
        assert label.endswith(f"({len(matching(language='en', field=value))})"), label


def visible_cards(page) -> list[str]:
    page.locator("form.cd-facets").wait_for(state="visible")
    # With a filter chosen, the list is drawn once the card data has come (facets.js).
    page.wait_for_function(
        """() => { const f = document.querySelector('form.cd-facets');
          return location.search === '' ? !f.hasAttribute('data-shown')
            : f.getAttribute('data-shown') === location.search; }"""
    )
    return page.locator(".cd-cards > li.cd-card:visible").evaluate_all(
        "cards => cards.map(c => c.dataset.id)"
    )


def test_a_facet_link_is_shareable(page) -> None:
    page.goto("/diplomats/?city=freiburg")
    assert visible_cards(page) == [d.id for d in matching(city="freiburg")]


def test_choices_that_would_leave_nobody_are_disabled(page) -> None:
    choose(page, "/en/diplomats/", city="kazan")
    assert not matching(city="kazan", field="trade")
    assert page.locator("select[name=field] option[value=trade]").is_disabled()
    page.goto("/en/diplomats/?city=kazan&field=trade")  # an old link can still ask for it
    assert visible_cards(page) == []
    assert page.locator("[data-cd-facet-none]").is_visible()
    page.get_by_role("button", name=text("filter_reset", "en")).click()
    assert len(visible_cards(page)) == len(PUBLIC.diplomats)
    assert "?" not in page.url


def test_without_javascript_the_directory_lists_everyone_and_links_each_facet(
    browser, base_url: str
) -> None:
    context = browser.new_context(base_url=base_url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/diplomats/")
    assert not page.locator("form.cd-facets").is_visible()
    cards = page.locator(".cd-cards > li.cd-card:visible")
    assert cards.count() == len(PUBLIC.diplomats)
    page.locator("summary", has_text=text("filter_language", "fa")).click()  # the menu
    page.locator("a[href='../languages/de/']").click()
    assert page.url.endswith("/languages/de/")
    assert page.locator(".cd-card").count() == len(PUBLIC.diplomats_speaking("de"))
    context.close()
