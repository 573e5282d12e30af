"""Real-browser checks of the built sample site: languages, switcher, fonts, layout, dates, order.

The site is served from 127.0.0.1 and opened in the system Chromium through Playwright
(tests/browser_support.py; the `browser` fixture is in conftest.py).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from urllib.parse import urlsplit

import jdatetime
import pytest
from babel.dates import format_date

from generator.errors import DataError
from generator.load import load_document

from .browser_support import VIEWPORTS, opened, serve

REPO = Path(__file__).resolve().parent.parent
SHOTS = REPO / "screenshots"
LANGS = {"fa": ("", "rtl"), "en": ("en/", "ltr")}  # language -> (URL prefix, direction)
PAGES = {
    "home": "",
    "directory": "diplomats/",
    "profile": "diplomats/mahdieh-hosseinzadeh/",
    "cities": "cities/",
    "city": "cities/freiburg/",
    "fields": "fields/",
    "field": "fields/academia/",
    "languages": "languages/",
    "language": "languages/de/",
    "about": "about/",
    "apply": "apply/",
    "privacy": "privacy/",
    "open-data": "open-data/",
}
ALPHABET = "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی"
FA_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
# Boxes in the page body that stick out of the viewport on either side, unless a scrolling
# ancestor (Material's table scrollwrap) clips them. The root scroller is LTR (Material puts
# dir="rtl" on <body>, not <html>), so content overflowing to the LEFT would not grow
# scrollWidth; this catches it too.
OUTSIDE_JS = """() => { const w = document.documentElement.clientWidth;
  const clipped = e => { for (let a = e.parentElement; a && !a.matches('.md-content');
    a = a.parentElement) if (getComputedStyle(a).overflowX !== 'visible') return true; };
  return [...document.querySelectorAll('.md-content *')].map(e => [e, e.getBoundingClientRect()])
    .filter(([e, r]) => r.width && r.height && (r.left < -1 || r.right > w + 1) && !clipped(e))
    .map(([e, r]) => `${e.tagName}.${e.className} ${Math.round(r.left)}..${Math.round(r.right)}`);
}"""


# The focused element is on screen, not in a closed drawer off its side (as on a phone
# before directory.css opened the drawer for a focused link).
FOCUS_SHOWN = """() => { const r = document.activeElement.getBoundingClientRect();
  return r.width > 0 && r.height > 0 && r.right > 0 && r.left < innerWidth; }"""


@pytest.fixture(scope="module")
def server(built_site: Path):
    """Base URL ("http://127.0.0.1:PORT/") of the built site served by a quiet HTTP server."""
    with serve(built_site) as url:
        yield url


def url_of(server: str, lang: str, page: str) -> str:
    return server + LANGS[lang][0] + PAGES[page]


def diplomats(built_site: Path) -> list[dict]:
    """Every diplomat file the site was built from, read with the project's own strict loader."""
    found = []
    for path in sorted((built_site.parent / "diplomats").glob("*.yml")):
        document = load_document(path, path.name)
        assert not isinstance(document, DataError), document
        found.append(document.data)
    return found


def persian_key(name: str) -> list[int]:
    """Rank letters by ا ب پ ت ث ج چ ح خ د ذ ر ز ژ س ش ص ض ط ظ ع غ ف ق ک گ ل م ن و ه ی.

    A space sorts before every letter, a ZWNJ is ignored and آ counts as ا.
    """
    ranks = []
    for ch in name.replace("\u200c", "").replace("آ", "ا"):
        if ch == " ":
            ranks.append(-1)
        else:
            assert ch in ALPHABET, f"{ch!r} in {name!r} is outside the test's Persian alphabet"
            ranks.append(ALPHABET.index(ch))
    return ranks


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", PAGES)
def test_language_direction_and_switcher(browser, server, lang, name):
    """lang/dir are right; the switcher and the hreflang alternates lead to the same page."""
    with opened(browser, url_of(server, lang, name)) as (page, _):
        assert page.evaluate("document.documentElement.lang") == lang
        assert page.evaluate("getComputedStyle(document.body).direction") == LANGS[lang][1]
        assert page.evaluate("document.documentElement.dir") == LANGS[lang][1]
        alternates = page.eval_on_selector_all(
            "head link[rel~=alternate][hreflang]", "ls => ls.map(l => [l.hreflang, l.href])"
        )
        # Absolute addresses on the configured site; the same paths as on this server.
        paths = {code: urlsplit(href).path for code, href in alternates}
        assert paths == {code: urlsplit(url_of(server, code, name)).path for code in LANGS}
        target = "en" if lang == "fa" else "fa"
        page.hover("header .md-select")  # the switcher is a hover menu
        page.click(f"header a.md-select__link[hreflang={target}]")
        page.wait_for_url(url_of(server, target, name))
        assert urlsplit(page.url).path.removeprefix("/en/").lstrip("/") == PAGES[name]
        assert page.evaluate("document.documentElement.lang") == target
        for path in paths.values():
            assert page.request.get(f"{server}{path}").ok, path


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", PAGES)
def test_requests_stay_on_site_and_scripts_run(browser, server, lang, name):
    """No page asks a third-party host for anything, or throws a script error (CSP included)."""
    with opened(browser, url_of(server, lang, name), wait="networkidle") as (page, log):
        page.mouse.wheel(0, 10000)  # let lazy images below the fold load too
        page.wait_for_load_state("networkidle")
    parts = [urlsplit(u) for u in log["requests"]]
    assert {p.hostname for p in parts if p.scheme.startswith(("http", "ws"))} == {"127.0.0.1"}
    assert log["errors"] == []


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", PAGES)
def test_no_failed_requests(browser, server, lang, name):
    """Everything a page asks for exists (no 404 in the console)."""
    with opened(browser, url_of(server, lang, name), wait="networkidle") as (_, log):
        pass
    assert log["failed"] == []


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", ["home", "profile", "city"])
def test_vazirmatn_font_is_used(browser, server, lang, name):
    """The self-hosted Vazirmatn is loaded and is the body text font."""
    with opened(browser, url_of(server, lang, name)) as (page, _):
        assert page.evaluate("document.fonts.check('16px Vazirmatn')")
        statuses = page.evaluate(
            "[...document.fonts].filter(f => f.family.replace(/['\"]/g, '') === 'Vazirmatn')"
            ".map(f => f.status)"
        )
        assert "loaded" in statuses, statuses
        family = page.eval_on_selector(".md-typeset", "e => getComputedStyle(e).fontFamily")
        assert "Vazirmatn" in family


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", PAGES)
def test_no_horizontal_overflow(browser, server, lang, name, viewport):
    """Nothing is wider than the viewport, on a phone and on a desktop."""
    with opened(browser, url_of(server, lang, name), viewport) as (page, _):
        assert page.evaluate(
            "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
        )
        assert page.evaluate(OUTSIDE_JS) == []


def test_member_since_dates(browser, server, built_site):
    """Persian shows the Jalali date in Persian digits; English the Gregorian «20 September 2021»."""
    data = next(d for d in diplomats(built_site) if d["name"]["en"] == "Mahdieh Hosseinzadeh")
    since = dt.date.fromisoformat(data["approved_on"])
    jalali = jdatetime.date.fromgregorian(date=since)
    month = jdatetime.date.j_months_fa[jalali.month - 1]
    expected = {
        "fa": f"{jalali.day} {month} {jalali.year}".translate(FA_DIGITS),
        "en": format_date(since, "d MMMM y", locale="en"),
    }
    for lang, text in expected.items():
        with opened(browser, url_of(server, lang, "profile")) as (page, _):
            shown = page.inner_text(f"time[datetime='{since.isoformat()}']").strip()
        assert shown == text, lang


def test_persian_directory_order(browser, server, built_site):
    """Cards are in Persian alphabetical order and list exactly the approved diplomats."""
    approved = [d["name"]["fa"] for d in diplomats(built_site) if d["status"] == "approved"]
    with opened(browser, url_of(server, "fa", "directory")) as (page, _):
        shown = [n.strip() for n in page.locator(".cd-card__name").all_inner_texts()]
    assert shown == sorted(approved, key=persian_key)


@pytest.mark.parametrize("lang", LANGS)
def test_directory_hides_unapproved(browser, server, built_site, lang):
    """No pending, suspended or withdrawn diplomat is named on the directory page."""
    unapproved = [d for d in diplomats(built_site) if d["status"] != "approved"]
    hidden = [d["name"][code] for d in unapproved for code in LANGS]
    assert hidden, "the sample data should include non-approved diplomats"
    with opened(browser, url_of(server, lang, "directory")) as (page, _):
        text = page.inner_text("body")
    assert [name for name in hidden if name in text] == []


def tab_until(page, predicate: str, presses: int = 60, shown: bool = False) -> bool:
    """Press Tab until the JS predicate on document.activeElement holds; True if it did.

    With `shown`, every element the focus lands on must come on screen (FOCUS_SHOWN).
    """
    for _ in range(presses):
        page.keyboard.press("Tab")
        if shown:
            page.wait_for_function(FOCUS_SHOWN, timeout=2000)  # a drawer slides in first
        if page.evaluate(f"(e => {predicate})(document.activeElement)"):
            return True
    return False


def test_keyboard_reaches_nav_and_switcher(browser, server):
    """From the top of the Persian home, Tab reaches the directory tab and the switcher.

    Found: order is logo, translate button, the switcher's links (فارسی, English), then the
    tabs. The switcher links sit in Material's hover menu but are not display:none; focusing
    one opens the menu through :focus-within, and Enter follows it.
    """
    home = url_of(server, "fa", "home")
    with opened(browser, home) as (page, _):
        assert tab_until(page, f"e.href === '{server}diplomats/' && e.closest('nav')")
        page.goto(home)
        assert tab_until(page, "e.matches('header a.md-select__link[hreflang=en]')")
        page.wait_for_function(
            "() => getComputedStyle(document.querySelector('.md-select__inner')).opacity === '1'"
        )
        page.keyboard.press("Enter")
        page.wait_for_url(url_of(server, "en", "home"))


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("lang", LANGS)
def test_keyboard_alone_goes_home_directory_profile_other_language(browser, server, lang, viewport):
    """With Tab and Enter only: the home page's link to the directory, a person's card on
    the directory, and the switcher on the profile, which opens the same profile in the
    other language; every link passed on the way is on screen when it has the focus."""
    other = "en" if lang == "fa" else "fa"
    with opened(browser, url_of(server, lang, "home"), viewport) as (page, _):
        steps = [
            (f"e.href === '{url_of(server, lang, 'directory')}'", url_of(server, lang, "directory")),
            (f"e.href === '{url_of(server, lang, 'profile')}'", url_of(server, lang, "profile")),
            (f"e.matches('header a.md-select__link[hreflang={other}]')", url_of(server, other, "profile")),
        ]  # fmt: skip
        for predicate, target in steps:
            assert tab_until(page, predicate, presses=150, shown=True), (predicate, page.url)
            if "md-select" in predicate:  # the menu opens on :focus-within, with a transition
                page.wait_for_function(
                    "() => getComputedStyle(document.querySelector('.md-select__inner')).opacity === '1'"
                )
            page.keyboard.press("Enter")
            page.wait_for_url(target)
        assert page.evaluate("document.documentElement.lang") == other


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", [*PAGES, "404"])
def test_screenshots(browser, server, lang, name, viewport):
    """Full-page screenshots for people to look at: screenshots/<lang>-<page>-<viewport>.png."""
    SHOTS.mkdir(exist_ok=True)
    target = SHOTS / f"{lang}-{name}-{viewport}.png"
    url = server + LANGS[lang][0] + "404.html" if name == "404" else url_of(server, lang, name)
    with opened(browser, url, viewport) as (page, _):
        page.evaluate(
            "document.querySelectorAll('img[loading=lazy]').forEach(i => i.loading = 'eager')"
        )
        page.wait_for_function("() => [...document.images].every(i => i.complete)")
        page.screenshot(path=str(target), full_page=True)
    assert target.is_file() and target.stat().st_size > 0


# ---------------------------------------------------------------------------- the directory's filter

PER_PAGE = 4  # the fixture's 9 people over three pages, as 10,000 would be over a hundred


@pytest.fixture(scope="module")
def paged_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample data built with four people a listing page (render.PER_PAGE, which the
    forked lanes inherit), so that the directory has pages 2 and 3."""
    from generator import render
    from generator.build import build_site

    from .conftest import SITE_URL, copy_data

    root = copy_data(tmp_path_factory.mktemp("paged") / "repo")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(render, "PER_PAGE", PER_PAGE)
        build_site(root, site_dir=root / "site", site_url=SITE_URL)
    return root / "site"


@pytest.fixture(scope="module")
def paged(paged_site: Path):
    with serve(paged_site) as url:
        yield url


def approved(built_site: Path) -> list[dict]:
    return [d for d in diplomats(built_site) if d["status"] == "approved"]


def directory_pages(site: Path, prefix: str = "") -> list[Path]:
    """The directory's pages in one language, in order: diplomats/, then page/2/ …"""
    folder = site / prefix / "diplomats"
    more = sorted((folder / "page").glob("*/index.html"), key=lambda p: int(p.parent.name))
    return [folder / "index.html", *more]


def card_ids(path: Path) -> list[str]:
    return re.findall(r'<li class="cd-card" data-id="([a-z0-9-]+)"', path.read_text("utf-8"))


def shown_ids(page) -> list[str]:
    """Ids of the cards on screen, once the list is drawn for the filter in the address."""
    page.wait_for_function(
        """() => { const f = document.querySelector('form.cd-facets');
          return !f.hidden && (location.search === '' ? !f.hasAttribute('data-shown')
            : f.getAttribute('data-shown') === location.search); }"""
    )
    return page.locator(".cd-cards > li.cd-card:visible").evaluate_all(
        "cards => cards.map(c => c.dataset.id)"
    )


def test_directory_pages_exist_and_are_linked(paged_site: Path, built_site: Path):
    """Every approved person is on exactly one page of the directory; each page's "next"
    link leads to the following page, and the last has none."""
    everyone = sorted(
        p.stem for p in (built_site.parent / "diplomats").glob("*.yml")
        if load_document(p, p.name).data["status"] == "approved"
    )  # fmt: skip
    for prefix in ("", "en/"):
        pages = directory_pages(paged_site, prefix)
        assert len(pages) == -(-len(everyone) // PER_PAGE) == 3
        seen = [ident for path in pages for ident in card_ids(path)]
        assert sorted(seen) == everyone
        for here, following in zip(pages, [*pages[1:], None], strict=True):
            nexts = re.findall(r'<a href="([^"]+)" rel="next">', here.read_text("utf-8"))
            if following is None:
                assert nexts == [], here
            else:
                assert len(nexts) == 1, here
                assert (here.parent / nexts[0] / "index.html").resolve() == following.resolve()


@pytest.mark.parametrize("lang", LANGS)
def test_without_javascript_a_city_listing_is_two_clicks_away(browser, server, built_site, lang):
    """The menus are links: open "Sister city", follow Freiburg, see its people."""
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(url_of(server, lang, "directory"))
    assert not page.locator("form.cd-facets").is_visible()
    page.locator("details.cd-menu > summary").first.click()
    page.locator("details.cd-menu[open] a[href$='cities/freiburg/']").click()
    page.wait_for_url(url_of(server, lang, "city"))
    freiburg = [d for d in approved(built_site) if "freiburg" in d.get("cities", [])]
    assert page.locator(".cd-card").count() == len(freiburg) > 0
    context.close()


@pytest.mark.parametrize("js", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("lang", LANGS)
def test_first_person_is_on_the_first_phone_screen(browser, server, lang, js):
    """On a 390x844 phone the first card is whole on the first screen, with or without JS."""
    context = browser.new_context(java_script_enabled=js, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(url_of(server, lang, "directory"))
    if js:
        page.locator("form.cd-facets").wait_for(state="visible")
    page.evaluate("document.fonts.ready.then(() => true)")
    box = page.locator(".cd-cards > li.cd-card:visible").first.bounding_box()
    context.close()
    assert box is not None and box["y"] + box["height"] <= 844, box


# A card as the browser serialises it, without the line breaks between tags.
SERIALISE = """html => { const t = document.createElement('template'); t.innerHTML = html;
  return t.content.firstElementChild.outerHTML.replace(/>\\s+</g, '><'); }"""


def test_filter_lists_people_of_every_page(browser, paged, paged_site):
    """On page 1, a filter shows its matches from pages 2 and 3 too, a page's worth at a
    time, in the page's order; each card drawn exactly as the generator draws it."""
    order = [ident for path in directory_pages(paged_site) for ident in card_ids(path)]
    speakers = {
        p.stem for p in (paged_site.parent / "diplomats").glob("*.yml")
        if "fa" in (load_document(p, p.name).data.get("languages") or [])
    }  # fmt: skip
    expected = [ident for ident in order if ident in speakers]
    assert len(expected) > PER_PAGE and set(expected) - set(order[:PER_PAGE])
    server_cards = {}  # id -> the generator's card, its links as made from page 1
    for path in directory_pages(paged_site):
        html = path.read_text("utf-8")
        for card in re.findall(r'<li class="cd-card" data-id=.*?</li>', html, re.S):
            if path.parent.name != "diplomats":  # diplomats/page/N/: two levels deeper
                card = card.replace('"../../../', '"../').replace(" ../../../", " ../")
            server_cards[re.search(r'data-id="([^"]+)"', card).group(1)] = card
    with opened(browser, paged + "diplomats/") as (page, _):
        assert shown_ids(page) == order[:PER_PAGE]
        page.locator("form.cd-facets select[name=language]").select_option("fa")
        page.wait_for_url("**/diplomats/?language=fa")
        assert shown_ids(page) == expected[:PER_PAGE]
        assert not page.locator(".cd-pager").is_visible()
        while page.locator("[data-cd-facet-more]").is_visible():
            page.locator("[data-cd-facet-more] button").click()
        assert shown_ids(page) == expected
        drawn = page.locator("[data-cd-facet-list] > li").evaluate_all(
            "cs => cs.map(c => c.outerHTML.replace(/>\\s+</g, '><'))"
        )
        generated = [page.evaluate(SERIALISE, server_cards[ident]) for ident in expected]
    assert drawn == generated


def test_filter_is_kept_in_the_address_on_reload_and_back(browser, paged):
    """The choice goes into the address; a reload keeps it; Back returns to the page's own list."""
    with opened(browser, paged + "en/diplomats/page/2/") as (page, _):
        own = shown_ids(page)
        page.locator("form.cd-facets select[name=city]").select_option("kuala-lumpur")
        page.wait_for_url("**/en/diplomats/page/2/?city=kuala-lumpur")
        filtered = shown_ids(page)
        assert filtered and filtered != own
        page.reload()
        assert page.locator("select[name=city]").input_value() == "kuala-lumpur"
        assert shown_ids(page) == filtered
        page.go_back()
        page.wait_for_url("**/en/diplomats/page/2/")
        assert shown_ids(page) == own
        assert page.locator("select[name=city]").input_value() == ""
        assert page.locator(".cd-pager").is_visible()
        page.go_forward()
        assert shown_ids(page) == filtered


@pytest.mark.parametrize("lang", LANGS)
def test_language_switch_keeps_the_filter_and_the_page(browser, paged, lang):
    """fa ↔ en from a filtered directory lands on the same filter; from page 2 on page 2."""
    prefix, other = LANGS[lang][0], "en" if lang == "fa" else "fa"
    with opened(browser, paged + prefix + "diplomats/page/2/") as (page, _):
        shown_ids(page)
        page.locator("form.cd-facets select[name=field]").select_option("heritage")
        page.wait_for_url("**/diplomats/page/2/?field=heritage")
        filtered = shown_ids(page)
        page.hover("header .md-select")
        page.click(f"header a.md-select__link[hreflang={other}]")
        page.wait_for_url(paged + LANGS[other][0] + "diplomats/page/2/?field=heritage")
        assert page.locator("select[name=field]").input_value() == "heritage"
        assert sorted(shown_ids(page)) == sorted(filtered)
