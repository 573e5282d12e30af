"""Real-browser checks of the built sample site: languages, switcher, fonts, layout, dates, order.

The site is served from 127.0.0.1 and opened in the system Chromium through Playwright
(tests/browser_support.py; the `browser` fixture is in conftest.py).
"""

from __future__ import annotations

import datetime as dt
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
