"""Finding one's way, checked on the built sample site: the active tab, breadcrumbs, the
sidebar and the phone drawer, the 404 page; and the phone layouts of the home page's
counts, the sister-cities and open-data tables, and the card portraits."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import lxml.html
import pytest

from generator.build import build_site
from generator.mkdocs_site import NAV
from generator.render import page_url
from generator.ui_text import text

from .browser_support import VIEWPORTS, opened, serve
from .conftest import SITE_URL, copy_data
from .test_browser import LANGS, OUTSIDE_JS

# page → (its address below the language root, the nav entry whose tab is active)
PAGES = {
    "home": ("", "nav_home"),
    "directory": ("diplomats/", "nav_diplomats"),
    "profile": ("diplomats/mahdieh-hosseinzadeh/", "nav_diplomats"),
    "cities": ("cities/", "nav_cities"),
    "city": ("cities/freiburg/", "nav_cities"),
    "fields": ("fields/", "nav_fields"),
    "field": ("fields/academia/", "nav_fields"),
    "languages": ("languages/", "languages"),
    "language": ("languages/de/", "languages"),
    "about": ("about/", "nav_about"),
    "apply": ("apply/", "nav_apply"),
    "privacy": ("privacy/", "nav_privacy"),
    "open-data": ("open-data/", "nav_open_data"),
}
# detail page → the section its breadcrumb passes through
DETAIL = {"profile": "diplomats/", "city": "cities/", "field": "fields/", "language": "languages/"}


def html_of(site: Path, lang: str, url: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring((site / LANGS[lang][0] / url / "index.html").read_bytes())


def classed(element: lxml.html.HtmlElement, tag: str, name: str) -> list:
    """The descendants `tag` of `element` that have the class `name`."""
    test = f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"
    return element.xpath(f".//{tag}[{test}]")


def words(element: lxml.html.HtmlElement) -> str:
    return " ".join(element.text_content().split())


def resolves_to(site: Path, lang: str, page_url: str, href: str) -> Path:
    """The file a relative link on the page at `page_url` leads to."""
    base = "http://site/" + LANGS[lang][0] + page_url
    path = urlsplit(urljoin(base, href)).path.lstrip("/")
    return site / path / "index.html" if path.endswith("/") or not path else site / path


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", PAGES)
def test_exactly_one_active_tab_and_the_right_one(built_site, lang, name):
    url, key = PAGES[name]
    tree = html_of(built_site, lang, url)
    active = classed(tree, "li", "md-tabs__item--active")
    assert len(active) == 1, [words(a) for a in active]
    assert words(active[0]) == text(key, lang)
    section = page_url(dict(NAV)[key])
    target = resolves_to(built_site, lang, url, active[0].xpath(".//a")[0].get("href"))
    assert target == resolves_to(built_site, lang, "", section)


@pytest.mark.parametrize("lang", LANGS)
def test_languages_index_is_in_the_nav(built_site, lang):
    """Reached from every page's tabs and from the phone drawer, not only from the home page."""
    tree = html_of(built_site, lang, "about/")
    tabs = [words(a) for a in classed(tree, "a", "md-tabs__link")]
    drawer = [
        words(a)
        for a in classed(classed(tree, "div", "md-sidebar--primary")[0], "*", "md-nav__link")
    ]
    assert text("languages", lang) in tabs and text("languages", lang) in drawer


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", DETAIL)
def test_breadcrumb_on_detail_pages(built_site, lang, name):
    url, key = PAGES[name]
    tree = html_of(built_site, lang, url)
    (crumbs,) = classed(tree, "*", "cd-breadcrumb")
    assert crumbs.get("role") == "navigation"
    assert crumbs.get("aria-label") == text("breadcrumb", lang)
    items = crumbs.xpath("./ol/li")
    assert [words(li) for li in items[:2]] == [text("nav_home", lang), text(key, lang)]
    hrefs = [li.xpath(".//a")[0].get("href") for li in items[:2]]
    assert (
        resolves_to(built_site, lang, url, hrefs[0]) == built_site / LANGS[lang][0] / "index.html"
    )
    assert resolves_to(built_site, lang, url, hrefs[1]) == resolves_to(
        built_site, lang, "", DETAIL[name]
    )
    assert all(resolves_to(built_site, lang, url, h).is_file() for h in hrefs)
    # The page itself: named, not a link, and what the heading is about.
    assert len(items) == 3 and items[2].get("aria-current") == "page" and not items[2].xpath(".//a")
    assert words(items[2]) and words(items[2]) in words(tree.xpath("//h1")[0])


def test_no_breadcrumb_on_nav_pages(built_site):
    for url, _ in PAGES.values():
        if url not in (PAGES[n][0] for n in DETAIL):
            assert not classed(html_of(built_site, "en", url), "*", "cd-breadcrumb"), url


@pytest.fixture(scope="module")
def server(built_site: Path):
    with serve(built_site) as url:
        yield url


@pytest.mark.parametrize("lang", LANGS)
def test_breadcrumb_separator_points_along_the_reading_direction(browser, server, lang):
    with opened(browser, server + LANGS[lang][0] + PAGES["city"][0]) as (page, _):
        content = page.evaluate(
            "getComputedStyle(document.querySelector('.cd-breadcrumb li + li'), '::before').content"
        )
    assert content.startswith('"‹"' if lang == "fa" else '"›"'), content


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", ["home", "profile", "city", "about", "open-data"])
def test_no_sidebar_column_on_desktop_drawer_lists_every_section_on_phone(
    browser, server, lang, name
):
    url = server + LANGS[lang][0] + PAGES[name][0]
    sections = [text(key, lang) for key, _ in NAV]
    with opened(browser, url, "desktop") as (page, _):
        assert (
            page.evaluate(
                "getComputedStyle(document.querySelector('.md-sidebar--primary')).display"
            )
            == "none"
        )
        # The content starts where the tabs do, not a column further in.
        tabs = page.evaluate("document.querySelector('.md-tabs__list').getBoundingClientRect()")
        body = page.evaluate("document.querySelector('.md-content__inner').getBoundingClientRect()")
        if lang == "en":
            assert abs(body["left"] - tabs["left"]) < 40
        else:
            assert abs(body["right"] - tabs["right"]) < 40
    with opened(browser, url, "phone") as (page, _):
        page.click("label.md-header__button[for='__drawer']")
        page.wait_for_timeout(400)
        shown = page.evaluate(
            """() => [...document.querySelectorAll('.md-sidebar--primary .md-nav__link')]
            .filter(a => { const r = a.getBoundingClientRect();
              return r.width > 0 && r.right > 0 && r.left < innerWidth; })
            .map(a => a.textContent.trim().replace(/\\s+/g, ' '))"""
        )
        assert [s for s in sections if s not in shown] == []


@pytest.mark.parametrize("lang", LANGS)
def test_404_page_says_what_happened_and_its_links_work(browser, server, lang):
    with opened(browser, server + LANGS[lang][0] + "404.html") as (page, _):
        assert page.inner_text("h1") == text("not_found", lang)
        assert text("not_found_lead", lang) in page.inner_text("article")
        links = page.evaluate(
            "[...document.querySelectorAll('ul.cd-not-found a')].map(a => a.getAttribute('href'))"
        )
    # Absolute paths, as the page is served at any depth; each to a page of its language.
    root = urlsplit(SITE_URL).path + LANGS[lang][0]
    assert links == [
        root,
        root + "diplomats/",
        root + "cities/",
        root + "diplomats/#cd-search-input",
    ]
    for href in links:
        with opened(browser, server.rstrip("/") + href) as (page, _):
            assert page.evaluate("document.documentElement.lang") == lang
            fragment = urlsplit(href).fragment
            if fragment:
                assert page.locator("#" + fragment).count() == 1


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", ["cities", "open-data"])
def test_tables_fit_a_phone_without_sideways_scrolling(browser, server, lang, name):
    with opened(browser, server + LANGS[lang][0] + PAGES[name][0], "phone") as (page, _):
        assert page.evaluate(OUTSIDE_JS) == []
        wide = page.evaluate(
            """() => [...document.querySelectorAll('.md-typeset__scrollwrap')]
            .filter(w => w.scrollWidth > w.clientWidth + 1).length"""
        )
        assert wide == 0
        # Every column's value is shown: none clipped or pushed off the table's box.
        hidden = page.evaluate(
            """() => [...document.querySelectorAll('.md-typeset td')].filter(td => {
              const r = td.getBoundingClientRect(); return !r.width || r.right > innerWidth + 1
                || r.left < -1; }).length"""
        )
        assert hidden == 0


@pytest.mark.parametrize("lang", LANGS)
def test_open_data_tables_do_not_split_words(browser, server, lang):
    """A field name, value or format set as code sits on one line, not broken mid-word."""
    for viewport in VIEWPORTS:
        with opened(browser, server + LANGS[lang][0] + "open-data/", viewport) as (page, _):
            split = page.evaluate(
                """() => [...document.querySelectorAll('.cd-codes td code')]
                .filter(c => c.getClientRects().length > 1).map(c => c.textContent)"""
            )
            assert split == [], viewport


@pytest.mark.parametrize("lang", LANGS)
def test_home_counts_two_or_more_a_row_on_a_phone(browser, server, lang):
    with opened(browser, server + LANGS[lang][0], "phone") as (page, _):
        tops = page.evaluate(
            "[...document.querySelectorAll('.cd-counts li')].map(li => li.getBoundingClientRect().top)"
        )
    assert len(tops) >= 4 and tops.count(tops[0]) >= 2


LONG = (
    "پژوهشگر ارشد و استاد مدعو در رشته‌های مهندسی محیط‌زیست، برنامه‌ریزی شهری و مدیریت "
    "منابع آب در دانشگاه‌ها و مؤسسه‌های پژوهشی اروپا و آسیا",
    "Senior researcher and visiting professor of environmental engineering, urban planning "
    "and water-resources management at universities and research institutes in Europe and Asia",
)


@pytest.fixture(scope="module")
def long_site(tmp_path_factory) -> Path:
    """The sample data with a long occupation for everyone, built once."""
    root = copy_data(tmp_path_factory.mktemp("long") / "repo")
    occupation = re.compile(r"^occupation:\n  fa: .*\n  en: .*$", re.MULTILINE)
    planted = 0
    for path in (root / "diplomats").glob("*.yml"):
        source = path.read_text(encoding="utf-8")
        changed = occupation.sub(f"occupation:\n  fa: {LONG[0]}\n  en: {LONG[1]}", source)
        planted += changed != source
        path.write_text(changed, encoding="utf-8")
    assert planted >= 5
    build_site(root, site_dir=root / "site", site_url=SITE_URL)
    return root / "site"


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("lang", LANGS)
def test_card_portraits_keep_their_size_beside_long_text(browser, long_site, lang, viewport):
    with serve(long_site) as url:
        for listing in ("", "diplomats/"):
            with opened(browser, url + LANGS[lang][0] + listing, viewport) as (page, _):
                sizes = page.evaluate(
                    """() => [...document.querySelectorAll('.cd-card .cd-avatar')].map(a => {
                      const r = a.getBoundingClientRect(); return [r.width, r.height,
                      a.tagName, a.closest('.cd-card').textContent.length]; })"""
                )
                assert any(tag == "IMG" for _, _, tag, _ in sizes), "no portrait photo planted"
                assert any(chars > len(LONG[lang == "en"]) for *_, chars in sizes)
                assert sizes and all(w == 64 and h == 64 for w, h, _, _ in sizes), sizes
