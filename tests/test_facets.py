"""facets.py and the static facet pages: who is listed where, and what the data file holds."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from generator import render
from generator.build import check
from generator.context import Context
from generator.facets import FACET_FILE, card_data, card_file, facet_data, facet_files, facet_json

from .conftest import FIXTURES, write


def listed_ids(page: Path) -> list[str]:
    """The diplomats a built listing page shows, in page order."""
    return re.findall(r'<li class="cd-card" data-id="([a-z0-9-]+)"', page.read_text("utf-8"))


def test_facet_data_holds_exactly_the_public_people_and_their_values() -> None:
    public = check(FIXTURES).public()
    data = facet_data(public)
    people = {p[0]: p for p in data["people"]}
    assert set(people) == {d.id for d in public.diplomats}
    for d in public.diplomats:
        _, cities, fields, languages = people[d.id]
        assert {data["cities"][i] for i in cities} == set(d.cities)
        assert {data["fields"][i] for i in fields} == set(d.fields)
        assert {data["languages"][i] for i in languages} == set(d.languages)


def test_facet_data_leaves_out_anyone_not_approved() -> None:
    directory = check(FIXTURES)
    hidden = [d for d in directory.diplomats if d.status != "approved"]
    assert hidden
    text = facet_json(directory.public()).decode()
    for person in hidden:
        assert person.id not in text and person.name.en not in text


def test_facet_values_nobody_has_are_left_out(data_tree: Path) -> None:
    write(
        data_tree,
        "diplomats/solo.yml",
        """
        name: {fa: تنها, en: Solo}
        status: pending
        cities: [porto]
        languages: [pt]
        """,
    )
    data = facet_data(check(data_tree).public())
    assert "porto" not in data["cities"] and "pt" not in data["languages"]


def test_the_built_site_ships_the_facet_file(built_site: Path) -> None:
    shipped = (built_site / FACET_FILE).read_bytes()
    assert shipped == facet_json(check(FIXTURES).public())
    assert json.loads(shipped)["version"] == 1


def test_each_spoken_language_has_a_page_listing_its_speakers(built_site: Path) -> None:
    public = check(FIXTURES).public()
    for code in public.spoken_languages():
        expected = {d.id for d in public.diplomats_speaking(code)}
        for prefix in ("", "en/"):
            page = built_site / prefix / "languages" / code / "index.html"
            assert set(listed_ids(page)) == expected, page
    assert not (built_site / "languages" / "pt").exists()  # only a pending person speaks it


def test_directory_counts_each_facet_value(built_site: Path) -> None:
    public = check(FIXTURES).public()
    page = (built_site / "en" / "diplomats" / "index.html").read_text("utf-8")
    for code, n in (("de", 1), ("en", len(public.diplomats_speaking("en")))):
        assert re.search(rf'href="\.\./languages/{code}/"><bdi>[^<]+</bdi></a> '
                         rf'<span class="cd-muted">\({n}\)</span>', page), code  # fmt: skip
    assert (
        "<script" not in page.split('<div class="cd-page cd-directory">')[1].split("</article>")[0]
    )


@pytest.mark.parametrize("lang", ["fa", "en"])
def test_card_data_is_the_public_people_in_the_page_order(built_site: Path, lang: str) -> None:
    """What the script draws a filtered card from: each approved person once, in the
    directory page's order, with their name, occupation and portrait text in `lang`."""
    public = check(FIXTURES).public()
    facets = facet_data(public)
    cards = card_data(public, lang)["people"]
    ids = [facets["people"][card[0]][0] for card in cards]
    page = built_site / ("en/" if lang == "en" else "") / "diplomats" / "index.html"
    assert ids == listed_ids(page)
    people = {d.id: d for d in public.diplomats}
    for ident, (_, name, occupation, alt) in zip(ids, cards, strict=True):
        d = people[ident]
        assert name == getattr(d.name, lang)
        assert occupation == str(Context(public, lang).parts(getattr(d.occupation, lang, None)))
        assert alt == (getattr(d.photo.alt, lang) if d.photo else None)


def test_card_files_leave_out_anyone_not_approved(built_site: Path) -> None:
    directory = check(FIXTURES)
    hidden = [d for d in directory.diplomats if d.status != "approved"]
    files = facet_files(directory.public())
    assert set(files) == {FACET_FILE, card_file("fa"), card_file("en")}
    for path, data in files.items():
        assert (built_site / path).read_bytes() == data
        text = data.decode()
        for person in hidden:
            assert person.id not in text and person.name.en not in text
            assert person.name.fa not in text, path


def test_the_directory_is_split_over_pages_of_per_page(monkeypatch) -> None:
    """diplomats/ then diplomats/page/2/ …, each with at most PER_PAGE people, everyone once."""
    public = check(FIXTURES).public()
    monkeypatch.setattr(render, "PER_PAGE", 4)
    for lang in ("fa", "en"):
        pages = {p.path: p.text for p in render.render_language(public, lang)}
        paths = ["diplomats/index.md", "diplomats/page/2.md", "diplomats/page/3.md"]
        assert [
            p for p in pages if p.startswith("diplomats/index") or "diplomats/page/" in p
        ] == paths
        ids = [i for p in paths for i in re.findall(r'class="cd-card" data-id="([^"]+)"', pages[p])]
        assert len(ids) == len(public.diplomats) and len(set(ids)) == len(ids)
        assert all(len(re.findall(r'class="cd-card" data-id=', pages[p])) <= 4 for p in paths)
        assert 'data-per-page="4"' in pages["diplomats/index.md"]
