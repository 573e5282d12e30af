"""Each quality gate fails on a fault planted on purpose, the way a careless change would.

A fault is planted in a copy of the templates (or of the theme, or of a content page) and
the sample site is built from it; or a page of a built copy is edited. The gate that should
catch it is the same function the real gate test calls (tests/gates.py), and each test
checks that the failure names the planted fault, not just that something failed.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from jinja2 import FileSystemLoader

from generator import render
from generator.build import build_site
from generator.mkdocs_site import MkDocsFailed

from . import gates
from .browser_support import opened, serve
from .conftest import REPO, SITE_URL, copy_data
from .test_check_equals_build import without_check

TEMPLATES = REPO / "generator" / "templates"


def plant(path: Path, old: str, new: str) -> None:
    """Replace the one occurrence of `old` in `path` by `new`."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} should occur once in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


@contextmanager
def templates_from(folder: Path) -> Iterator[None]:
    """Render with the templates in `folder` instead of the generator's own."""
    original = render._env.loader
    render._env.loader = FileSystemLoader(folder)
    render.reload_templates()
    try:
        yield
    finally:
        render._env.loader = original
        render.reload_templates()


def build_with_fault(tmp_path: Path, template: str, old: str, new: str) -> Path:
    """The sample site built from templates with one edit; returns the site folder."""
    root = copy_data(tmp_path / "repo")
    folder = shutil.copytree(TEMPLATES, tmp_path / "templates")
    plant(folder / template, old, new)
    with templates_from(folder):
        build_site(root, site_dir=root / "site", site_url=SITE_URL)
    return root / "site"


def copy_of_built(built_site: Path, tmp_path: Path) -> Path:
    return shutil.copytree(built_site, tmp_path / "site")


# ---------------------------------------------------------------------------- an image without alt


def test_an_image_without_alt_fails_axe_and_vnu(tmp_path: Path, browser) -> None:
    site = build_with_fault(
        tmp_path, "_macros.j2", ' alt="{{ c.local(d.photo.alt) }}"', ""
    )  # fmt: skip
    profile = site / "diplomats" / "mahdieh-hosseinzadeh" / "index.html"
    errors = gates.vnu_errors(gates.run_vnu([profile]))
    assert any("An “img” element must have an “alt” attribute" in m["message"] for m in errors)
    with serve(site) as url, opened(browser, url + "diplomats/mahdieh-hosseinzadeh/") as (page, _):
        violations = gates.run_axe(page)
    assert "image-alt" in {v["id"] for v in violations}, gates.describe_axe(violations)


# ---------------------------------------------------------------------------- an unclosed element


def test_an_unclosed_element_fails_vnu(tmp_path: Path) -> None:
    site = build_with_fault(
        tmp_path, "city.md.j2", "<h1><bdi>{{ heading }}</bdi>", "<h1><bdi>{{ heading }}"
    )
    errors = gates.vnu_errors(gates.run_vnu([site / "cities" / "freiburg" / "index.html"]))
    messages = {m["message"] for m in errors}
    assert "Unclosed element “bdi”." in messages, gates.describe_vnu(errors)


def test_a_stray_end_tag_in_a_built_page_fails_vnu(built_site: Path, tmp_path: Path) -> None:
    site = copy_of_built(built_site, tmp_path)
    page = site / "en" / "about" / "index.html"
    plant(page, "</article>", "</span></article>")
    errors = gates.vnu_errors(gates.run_vnu([page]))
    assert any("Stray end tag “span”" in m["message"] for m in errors), gates.describe_vnu(errors)


# ---------------------------------------------------------------------------- a broken link


def test_a_broken_link_in_a_template_fails_the_link_gate(tmp_path: Path) -> None:
    site = build_with_fault(
        tmp_path, "field.md.j2", '"nav_fields", "fields/"', '"nav_fields", "field/"'
    )
    problems = gates.check_links(site, SITE_URL)
    assert "fields/academia/index.html: '../../field/': no such file" in problems
    assert any(p.startswith("en/fields/") for p in problems)


def test_a_broken_anchor_or_card_in_a_built_page_fails_the_link_gate(
    built_site: Path, tmp_path: Path
) -> None:
    site = copy_of_built(built_site, tmp_path)
    plant(
        site / "privacy" / "index.html",
        '<a href="../open-data/">',
        '<a href="../open-data/#nowhere">',
    )
    (site / "en" / "diplomats" / "omid-farahani.vcf").unlink()
    problems = gates.check_links(site, SITE_URL)
    # the profile's link to the card, and the open data and city cards that give its address
    card = f"{SITE_URL}en/diplomats/omid-farahani.vcf"
    assert sorted(problems) == [
        f"data/diplomats.json: '{card}': no such file",
        f"en/cities/kuala-lumpur.vcf: '{card}': no such file",
        "en/diplomats/omid-farahani/index.html: '../../diplomats/omid-farahani.vcf': no such file",
        "privacy/index.html: '../open-data/#nowhere': no element with id 'nowhere' in open-data/index.html",
    ]


def test_an_own_address_in_open_data_that_leads_nowhere_fails_the_link_gate(
    built_site: Path, tmp_path: Path
) -> None:
    site = copy_of_built(built_site, tmp_path)
    shutil.rmtree(site / "en" / "cities" / "freiburg")
    problems = gates.check_links(site, SITE_URL)
    for output in ("data/cities.json", "sitemap.xml", "en/feed.xml", "cities/freiburg/index.html"):
        assert any(p.startswith(f"{output}: '{SITE_URL}en/cities/freiburg/") for p in problems), (
            output
        )


@pytest.mark.parametrize(
    ("link", "message"),
    [
        ("[the office](no-such-page.md)", "'no-such-page.md', but the target is not found"),
        ("[the office](about.md#no-such-heading)", "does not contain an anchor '#no-such-heading'"),
    ],
)
def test_a_broken_markdown_link_fails_the_mkdocs_build(
    tmp_path: Path, link: str, message: str, monkeypatch
) -> None:
    without_check(monkeypatch)  # which stops the build earlier, saying where (tested there)
    root = copy_data(tmp_path / "repo")
    page = root / "content" / "apply.en.md"
    page.write_text(page.read_text(encoding="utf-8") + f"\nWrite to {link}.\n", encoding="utf-8")
    with pytest.raises(MkDocsFailed) as failed:
        build_site(root, site_dir=root / "site", site_url=SITE_URL)
    assert message in str(failed.value)


# ---------------------------------------------------------------------------- a wrong direction


def test_a_wrong_dir_in_a_template_fails_the_direction_gate(tmp_path: Path) -> None:
    site = build_with_fault(
        tmp_path, "profile.md.j2", "dir=\"{{ 'rtl' if c.other == 'fa' else 'ltr' }}\"",
        'dir="{{ c.dir }}"',
    )  # fmt: skip
    problems = gates.check_directions(sorted(site.rglob("*.html")))
    assert any("<bdi lang='en' dir='rtl'>: 'Mahdieh Hosseinzadeh'" in p for p in problems)
    assert any("<bdi lang='fa' dir='ltr'>" in p for p in problems)


def test_a_wrong_dir_on_a_built_page_fails_the_direction_gate(
    built_site: Path, tmp_path: Path
) -> None:
    site = copy_of_built(built_site, tmp_path)
    page = site / "cities" / "index.html"
    plant(page, '<html lang="fa" dir="rtl"', '<html lang="fa" dir="ltr"')
    assert gates.check_directions([page]) == [f"{page}: <html dir='ltr'> on a fa page"]


# ---------------------------------------------------------------------------- language and isolation


def test_english_without_lang_on_a_persian_page_fails_the_language_gate(tmp_path: Path) -> None:
    site = build_with_fault(
        tmp_path, "city.md.j2", 'rel="nofollow noopener" lang="en">OpenStreetMap', 'rel="nofollow noopener">OpenStreetMap'
    )  # fmt: skip
    problems = gates.check_language_of_parts([site / "cities" / "freiburg" / "index.html"])
    assert problems == [
        f"{site}/cities/freiburg/index.html: <a> in a fa page, without lang: 'OpenStreetMap'"
    ]


def test_persian_without_lang_on_an_english_page_fails_the_language_gate(
    built_site: Path, tmp_path: Path
) -> None:
    site = copy_of_built(built_site, tmp_path)
    page = site / "en" / "about" / "index.html"
    plant(page, "</article>", "<p>سلام</p></article>")
    assert gates.check_language_of_parts([page]) == [
        f"{page}: <p> in a en page, without lang: 'سلام'"
    ]


def test_a_name_without_bdi_fails_the_isolation_gate(tmp_path: Path) -> None:
    site = build_with_fault(
        tmp_path, "_macros.j2", "<bdi>{{ c.local(d.name) }}</bdi>", "{{ c.local(d.name) }}"
    )
    problems = gates.check_isolated([site / "en" / "diplomats" / "index.html"], {"Omid Farahani"})
    assert problems == [f"{site}/en/diplomats/index.html: <a> 'Omid Farahani' is not isolated"]
