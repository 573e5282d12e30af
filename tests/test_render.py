"""render.py: golden pages, links between languages, and what a page may contain."""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from generator.build import check
from generator.render import _links, page_url, render_language

from .conftest import FIXTURES

GOLDEN = Path(__file__).parent / "golden"
GOLDEN_PAGES = [
    "index.md",
    "diplomats/mahdieh-hosseinzadeh.md",  # photo, both bios, some contacts private
    "diplomats/parisa-kazemi.md",  # bio only in Persian
    "diplomats/changiz-rahimi.md",  # no public contact channel
    "cities/freiburg.md",  # suspended, two dates from two sources
]


@pytest.fixture(scope="module")
def pages() -> dict[tuple[str, str], str]:
    public = check(FIXTURES).public()
    return {(lang, p.path): p.text for lang in ("fa", "en") for p in render_language(public, lang)}


@pytest.mark.parametrize("lang", ["fa", "en"])
@pytest.mark.parametrize("path", GOLDEN_PAGES)
def test_golden_pages(pages: dict, lang: str, path: str) -> None:
    golden = GOLDEN / lang / path
    actual = pages[(lang, path)]
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
    assert actual == golden.read_text(encoding="utf-8"), (
        f"run `make golden` if {golden} should change"
    )


def test_both_languages_have_the_same_pages(pages: dict) -> None:
    fa = {path for lang, path in pages if lang == "fa"}
    en = {path for lang, path in pages if lang == "en"}
    assert fa == en
    assert {"index.md", "diplomats/index.md", "cities/index.md", "fields/index.md",
            "about.md", "apply.md", "privacy.md", "cities/freiburg.md"} <= fa  # fmt: skip


def test_only_approved_people_get_pages(pages: dict) -> None:
    directory = check(FIXTURES)
    approved = {d.id for d in directory.diplomats if d.status == "approved"}
    profiles = {
        p.split("/")[1][:-3]
        for _, p in pages
        if p.startswith("diplomats/") and p != "diplomats/index.md"
    }
    assert profiles == approved
    for person in directory.diplomats:
        if person.status != "approved":
            for text in pages.values():
                assert person.name.fa not in text and person.name.en not in text


def test_private_contacts_are_not_rendered(pages: dict) -> None:
    for person in check(FIXTURES).public().diplomats:
        english = pages[("en", f"diplomats/{person.id}.md")]
        persian = pages[("fa", f"diplomats/{person.id}.md")]
        for contact in person.contacts:
            if contact.public:
                assert contact.value in english, contact
            else:
                assert contact.value not in english + persian, contact


def test_persian_pages_have_no_latin_digits_in_dates(pages: dict) -> None:
    text = pages[("fa", "diplomats/mahdieh-hosseinzadeh.md")]
    assert "۲۹ شهریور ۱۴۰۰" in text and "(۲۰ سپتامبر ۲۰۲۱)" in text
    assert "20 September 2021" in pages[("en", "diplomats/mahdieh-hosseinzadeh.md")]


@pytest.mark.parametrize(
    ("path", "url"),
    [("index.md", ""), ("diplomats/index.md", "diplomats/"), ("diplomats/x.md", "diplomats/x/")],
)
def test_page_urls(path: str, url: str) -> None:
    assert page_url(path) == url


def test_relative_links() -> None:
    link, asset, other = _links("fa", "../../")  # on diplomats/x/
    assert link("cities/y/") == "../../cities/y/"
    assert asset("photos/x-64.webp") == "../../photos/x-64.webp"
    assert other("diplomats/x/") == "../../en/diplomats/x/"
    link, asset, other = _links("en", "")  # on the English home page, en/
    assert link("cities/") == "cities/"
    assert link("") == "./"
    assert asset("photos/x-64.webp") == "../photos/x-64.webp"
    assert other("cities/") == "../cities/"
    assert _links("fa", "../")[0]("") == "../"


@pytest.mark.parametrize("lang", ["fa", "en"])
def test_every_profile_offers_an_introduction_through_the_office(pages: dict, lang: str) -> None:
    public = check(FIXTURES).public()
    for person in public.diplomats:
        text = pages[(lang, f"diplomats/{person.id}.md")]
        (href,) = re.findall(r'href="(mailto:[^"?]*\?[^"]*)"', text.replace("&amp;", "&"))
        link = urlsplit(href)
        assert link.path == public.site.office_email == "international@example.org"
        assert " " not in link.query and "+" not in link.query  # %20, never '+', in mailto
        query = parse_qs(link.query)
        name = getattr(person.name, lang)
        subject = {
            "fa": f"درخواست معرفی به {name} ({person.id})",
            "en": f"Introduction request: {name} ({person.id})",
        }[lang]
        assert query["subject"] == [subject]
        (body,) = query["body"]
        assert name in body and f"diplomats/{person.id}/" in body and "\r\n" in body


def test_long_listings_are_split_into_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    from generator import render

    monkeypatch.setattr(render, "PER_PAGE", 4)
    public = check(FIXTURES).public()
    for lang in ("fa", "en"):
        pages = {p.path: p.text for p in render_language(public, lang)}
        # Everyone speaks Persian: 9 people on the Persian-speakers page, 4 per page.
        listing = ["languages/fa.md", "languages/fa/page/2.md", "languages/fa/page/3.md"]
        assert [p for p in pages if p.startswith("languages/fa")] == listing
        shown = [
            name
            for path in listing
            for name in re.findall(
                r'class="cd-card__name" href="[^"]+"><bdi>([^<]+)</bdi>', pages[path]
            )
        ]
        expected = [getattr(d.name, lang) for d in public.diplomats]
        assert sorted(shown) == sorted(expected) and len(shown) == len(set(shown)) == 9
        second = pages["languages/fa/page/2.md"]
        assert 'href="../../../../languages/fa/page/3/" rel="next"' in second
        assert 'href="../../../../languages/fa/" rel="prev"' in second


def test_pager_window() -> None:
    from generator.render import Pager

    assert Pager(1, 1, "x/").window() == [1]
    assert Pager(5, 10, "x/").window() == [1, None, 3, 4, 5, 6, 7, None, 10]
    assert Pager(2, 10, "x/").window() == [1, 2, 3, 4, None, 10]
    assert Pager(2, 10, "x/").url(1) == "x/" and Pager(2, 10, "x/").url(3) == "x/page/3/"
