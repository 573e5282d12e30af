"""What a visitor reads, as a careful editor would have it (issue 15, editorial polish A):
the office's address wherever a page says to write to it, a city's names each once,
Persian numbers, dates and coordinates on Persian pages, and what each activity area covers."""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import pytest
import yaml

from generator.build import build_site
from generator.i18n import format_coordinates, format_partial_date
from generator.language_of_parts import CODE_WORD, texts
from generator.placeholders import filled, unknown
from generator.schema import SiteSettings

from .browser_support import opened, serve
from .conftest import FIXTURES, SITE_URL, copy_data

LATIN_DIGIT = re.compile(r"[0-9]")
LANGS = ("fa", "en")


def page(site: Path, lang: str, path: str) -> lxml.html.HtmlElement:
    prefix = "" if lang == "fa" else "en/"
    return lxml.html.parse(str(site / prefix / path / "index.html")).getroot()


def article(site: Path, lang: str, path: str) -> lxml.html.HtmlElement:
    return page(site, lang, path).xpath("//article")[0]


def by_class(element: lxml.html.HtmlElement, tag: str, name: str) -> list:
    """The `tag` elements under `element` with the class `name`."""
    return element.xpath(f'.//{tag}[contains(concat(" ", @class, " "), " {name} ")]')


# ---------------------------------------------------------------------------- the office


def test_pages_that_say_write_to_the_office_give_its_address_from_site_yml(
    tmp_path: Path,
) -> None:
    root = copy_data(tmp_path / "repo")
    settings = root / "content/site.yml"
    settings.write_text(
        settings.read_text(encoding="utf-8").replace(
            "office_email: international@example.org", "office_email: diplomats@city.example.net"
        ),
        encoding="utf-8",
    )
    build_site(root, site_dir=root / "site", site_url=SITE_URL)
    for lang in LANGS:
        for name in ("apply", "privacy"):
            body = article(root / "site", lang, name)
            links = body.xpath('.//a[starts-with(@href, "mailto:")]')
            assert [(a.get("href"), a.text_content()) for a in links] == [
                ("mailto:diplomats@city.example.net", "diplomats@city.example.net")
            ], (lang, name)
            assert links[0].get("dir") == "ltr"  # an address reads left to right in Persian
            assert "{{" not in body.text_content() and "office_email" not in body.text_content()


def test_a_placeholder_written_as_code_is_left_as_written() -> None:
    site = SiteSettings.model_construct(site_url=SITE_URL, office_email="a@example.org")
    source = "Write to {{ office_email }}; staff type `{{ office_email }}`.\n"
    assert filled(source, site) == (
        "Write to [a@example.org](mailto:a@example.org){ dir=ltr }; "
        "staff type `{{ office_email }}`.\n"
    )
    assert unknown("`{{ x }}`\n\n{{office_email}} {{ colour }}") == [(3, "{{ colour }}")]


# ---------------------------------------------------------------------------- names


def test_a_city_page_shows_its_local_name_once_and_the_english_one_where_it_differs(
    built_site: Path,
) -> None:
    def other_names(lang: str, city: str) -> str | None:
        found = by_class(article(built_site, lang, f"cities/{city}"), "p", "cd-other-name")
        return " ".join(found[0].text_content().split()) if found else None

    # Freiburg im Breisgau: local and English names are one and the same.
    assert other_names("fa", "freiburg") == "نام محلی: Freiburg im Breisgau"
    assert other_names("en", "freiburg") is None  # it is the heading
    # Florence: Firenze locally; Persian readers get the English spelling as well.
    assert other_names("fa", "florence") == "نام محلی: Firenze · نام به انگلیسی: Florence"
    assert other_names("en", "florence") == "Local name: Firenze"
    [names] = by_class(article(built_site, "fa", "cities/florence"), "p", "cd-other-name")
    local = names.xpath(".//bdi")
    assert [(b.text, b.get("lang")) for b in local] == [("Firenze", ""), ("Florence", "en")]


# ---------------------------------------------------------------------------- numbers


def persian_pages(site: Path) -> list[Path]:
    return [p for p in sorted(site.rglob("*.html")) if p.relative_to(site).parts[0] != "en"]


def test_no_number_on_a_persian_page_is_written_in_latin_digits(built_site: Path) -> None:
    """Every text a reader sees or hears on a Persian page (text, alt, title, aria-label,
    placeholder) outside an element in another language: a Latin digit is allowed only in
    an address or id (a URL, a Wikidata id) read left to right, as the language gate allows
    Latin letters there; never in a number, a date or a coordinate."""
    found = []
    pages = persian_pages(built_site)
    assert len(pages) > 50
    for path in pages:
        doc = lxml.html.parse(str(path)).getroot()
        for owner, text in texts(doc):
            if owner.xpath("ancestor-or-self::*[@lang][1]/@lang") not in (["fa"], []):
                continue
            in_ltr = owner.xpath("ancestor-or-self::*[@dir][1]/@dir") == ["ltr"]
            in_code = owner.xpath("ancestor-or-self::code")
            for word in text.split():
                if not LATIN_DIGIT.search(word) or in_code:
                    continue
                an_id = in_ltr and CODE_WORD.fullmatch(word) and re.search("[A-Za-z]", word)
                if not an_id:
                    found.append((str(path.relative_to(built_site)), word))
    assert found == []


def test_partial_dates_on_persian_pages_are_marked_gregorian() -> None:
    # A Gregorian month or year straddles two Jalali ones: kept as given, and labelled.
    assert format_partial_date("2000-10", "fa") == "اکتبر ۲۰۰۰ میلادی"
    assert format_partial_date("1995", "fa") == "۱۹۹۵ میلادی"
    assert format_partial_date("2000-10-27", "fa") == "۶ آبان ۱۳۷۹"  # a whole date: Jalali
    assert format_partial_date("2000-10", "en") == "October 2000"
    assert format_partial_date("1995", "en") == "1995"


def test_a_city_page_shows_partial_dates_and_coordinates_as_a_reader_writes_them(
    built_site: Path,
) -> None:
    fa = " ".join(article(built_site, "fa", "cities/yerevan").text_content().split())
    en = " ".join(article(built_site, "en", "cities/yerevan").text_content().split())
    assert "۱۹۹۵ میلادی" in fa and "1995" in en  # one source dates it to 1995
    latitude, longitude = yaml.safe_load(
        (FIXTURES / "cities/yerevan.yml").read_text(encoding="utf-8")
    )["coordinates"]
    assert f"({format_coordinates(latitude, longitude, 'fa')})" in fa
    assert f"({format_coordinates(latitude, longitude, 'en')})" in en
    assert format_coordinates(40.1776, 44.5126, "fa") == "۴۰٫۱۷۸° شمالی، ۴۴٫۵۱۳° شرقی"
    assert format_coordinates(-23.11, -82.3666, "en") == "23.110° S, 82.367° W"


def test_the_cities_footnote_says_what_it_marks_and_ends_a_sentence(built_site: Path) -> None:
    for lang in LANGS:
        body = article(built_site, lang, "cities")
        marked = [td for td in body.xpath(".//td") if td.text_content().rstrip().endswith("*")]
        notes = [p.text_content().strip() for p in by_class(body, "p", "cd-muted")]
        notes = [n for n in notes if n.startswith("*")]
        assert marked and len(notes) == 1, lang  # Florence and Yerevan: one signed table
        assert notes[0].endswith("."), notes[0]


@pytest.fixture(scope="module")
def listed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample built with ordered lists, one inside another, in the Persian about page."""
    root = copy_data(tmp_path_factory.mktemp("lists") / "repo")
    about = root / "content/about.fa.md"
    lists = "\n\n## گام‌ها\n\n1. نخست\n2. دوم\n    1. درون\n    2. باز درون\n3. سوم\n"
    about.write_text(about.read_text(encoding="utf-8") + lists, encoding="utf-8")
    build_site(root, site_dir=root / "site", site_url=SITE_URL)
    return root / "site"


def test_ordered_lists_on_persian_pages_are_numbered_in_persian(browser, listed_site) -> None:
    styles = "els => els.map(e => getComputedStyle(e).listStyleType)"
    with serve(listed_site) as url:
        with opened(browser, url + "about/") as (p, _):
            lists = "article ol:not(nav ol)"  # the page's own lists, not a breadcrumb's
            assert p.eval_on_selector_all(lists, styles) == ["persian", "persian"]
        with opened(browser, url + "cities/freiburg/") as (p, _):
            assert p.eval_on_selector_all("ol.cd-history", styles) == ["persian"]
        with opened(browser, url + "diplomats/") as (p, _):  # results are drawn without markers
            assert set(p.eval_on_selector_all("ol.cd-search__results", styles)) == {"none"}
        with opened(browser, url + "en/cities/freiburg/") as (p, _):
            assert p.eval_on_selector_all("ol.cd-history", styles) == ["decimal"]


# ---------------------------------------------------------------------------- areas


def test_each_activity_area_says_what_it_covers_on_its_page_and_in_the_list(
    built_site: Path,
) -> None:
    areas = yaml.safe_load((FIXTURES / "content/fields.yml").read_text(encoding="utf-8"))
    described = {key: area["description"] for key, area in areas.items() if "description" in area}
    assert described
    for lang in LANGS:
        listing = " ".join(article(built_site, lang, "fields").text_content().split())
        for key, description in described.items():
            shown = by_class(article(built_site, lang, f"fields/{key}"), "p", "cd-lead")
            assert [p.text_content() for p in shown] == [description[lang]], (lang, key)
            assert description[lang] in listing, (lang, key)
