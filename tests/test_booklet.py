"""The delegation booklets (generator/booklet.py), read back from the built PDFs with
poppler-utils (pdftotext, pdftoppm, pdffonts) and zbar-tools (zbarimg); and the site's
print style sheet, in Chromium under print media."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from generator import booklet
from generator.build import build_site, load_public

from .browser_support import serve
from .conftest import SITE_URL, copy_data, write

CITY = "freiburg"
# Planted beside the fixtures: a second approved person of the city, with a private phone,
# and one person of the city in each status that is never published.
PLANTED = {
    "niloofar-pahlevan": ("approved", "نیلوفر پهلوان", "Niloofar Pahlevan"),
    "parham-entezari": ("pending", "پرهام انتظاری", "Parham Entezari"),
    "sepideh-raftani": ("withdrawn", "سپیده رفتنی", "Sepideh Raftani"),
    "bardia-mollaq": ("suspended", "بردیا معلق", "Bardia Mollaq"),
}
PRIVATE_PHONE = "+44 20 7946 0877"
# Bidi controls pdftotext writes around runs of each direction; ZWNJ, which it may drop.
_INVISIBLE = re.compile("[\u200c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


def _plant(root: Path) -> None:
    for ident, (status, fa, en) in PLANTED.items():
        dated = 'approved_on: "2023-03-01"\n' if status != "pending" else ""
        write(
            root,
            f"diplomats/{ident}.yml",
            f"name: {{fa: {fa}, en: {en}}}\nstatus: {status}\n{dated}cities: [{CITY}]\n"
            "languages: [fa, de]\ncontacts:\n"
            f"  - {{type: email, value: {ident}@example.org, public: true}}\n"
            f'  - {{type: phone, value: "{PRIVATE_PHONE}", public: false}}\n',
        )


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_data(tmp_path_factory.mktemp("booklet") / "repo")
    _plant(root)
    build_site(root, site_dir=root / "site", site_url=SITE_URL)
    return root / "site"


@pytest.fixture(scope="module")
def people(site: Path) -> dict[str, dict]:
    """Every person in the data, read from the YAML files themselves, by id."""
    folder = site.parent / "diplomats"
    return {p.stem: yaml.safe_load(p.read_text("utf-8")) for p in folder.glob("*.yml")}


def text_of(pdf: Path) -> str:
    """The PDF's text in reading order, without bidi controls or ZWNJ, spaces collapsed."""
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True)
    return " ".join(_INVISIBLE.sub("", out.stdout).split())


def plain(name: str) -> str:
    return " ".join(_INVISIBLE.sub("", name).split())


def _published_of(people: dict[str, dict], city: str | None) -> set[str]:
    return {
        ident
        for ident, d in people.items()
        if d["status"] == "approved" and (city is None or city in d.get("cities", []))
    }


@pytest.mark.parametrize("lang", ["fa", "en"])
def test_city_booklet_holds_its_published_diplomats_and_no_one_else(site, people, lang):
    root = "" if lang == "fa" else "en/"
    text = text_of(site / f"{root}cities/{CITY}/booklet.pdf")
    expected = _published_of(people, CITY)
    assert {"niloofar-pahlevan", "mahdieh-hosseinzadeh"} <= expected  # the test's premise
    for ident, person in people.items():
        for name in (person["name"]["fa"], person["name"]["en"]):
            assert (plain(name) in text) == (ident in expected), (ident, name)


@pytest.mark.parametrize("lang", ["fa", "en"])
def test_every_city_booklet_and_the_directory_booklet_hold_exactly_the_published(
    site, people, lang
):
    root = site / ("" if lang == "fa" else "en")
    cities = sorted(p.stem for p in (site.parent / "cities").glob("*.yml"))
    booklets = {c: root / "cities" / c / "booklet.pdf" for c in cities}
    # A city whose diplomats are none (or none published) has no booklet.
    assert {c for c, path in booklets.items() if path.exists()} == {
        c for c in cities if _published_of(people, c)
    }
    booklets["the directory"] = root / "diplomats" / "booklet.pdf"
    for city, path in booklets.items():
        if not path.exists():
            continue
        text = text_of(path)
        expected = _published_of(people, None if city == "the directory" else city)
        shown = {i for i, d in people.items() if plain(d["name"][lang]) in text}
        assert shown == expected, city


def test_no_private_channel_and_every_public_one(site, people):
    texts = {path: text_of(path) for path in site.rglob("booklet.pdf")}
    assert len(texts) >= 4
    for ident, person in people.items():
        for contact in person.get("contacts", []):
            value = str(contact["value"])
            forms = {value, value.translate(_PERSIAN_DIGITS), re.sub(r"\D", "", value)}
            found = [p for p, text in texts.items() if any(f and f in text for f in forms)]
            if not contact["public"] or person["status"] != "approved":
                assert not found, (ident, contact["type"], found)
    city_text = text_of(site / f"cities/{CITY}/booklet.pdf")
    assert "niloofar-pahlevan@example.org" in city_text
    assert "mahdieh.hosseinzadeh@example.org" in city_text


def test_persian_booklet_is_real_persian_text_with_jalali_dates(site):
    text = text_of(site / f"cities/{CITY}/booklet.pdf")
    # Shaped Arabic-script glyphs extract to the letters, in logical order.
    assert plain("مهدیه حسین‌زاده") in text
    assert "فرایبورگ" in text
    # History: 2023-01-31 is 11 Bahman 1401, in Persian digits (pdftotext puts runs of
    # digits in a right-to-left line in an order of its own: the parts are checked).
    assert "بهمن" in text and "۱۴۰۱" in text
    assert "1401" not in text and "2023" not in text


def test_fonts_are_embedded(site):
    for path in (site / f"cities/{CITY}/booklet.pdf", site / "en/diplomats/booklet.pdf"):
        out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
        rows = [line.split() for line in out.stdout.splitlines()[2:]]
        names = {row[0].split("+")[-1] for row in rows}  # "ABCDEF+Vazirmatn": a subset
        assert {"Vazirmatn", "Vazirmatn-Bold"} <= names, out.stdout
        # Every font embedded (the "emb" column), a fallback for another script too.
        assert all(row[-5] == "yes" for row in rows), out.stdout


@pytest.mark.parametrize("lang", ["fa", "en"])
def test_qr_codes_decode_to_the_profile_and_the_card(site, people, lang, tmp_path):
    root = "" if lang == "fa" else "en/"
    pdf = site / f"{root}cities/{CITY}/booklet.pdf"
    subprocess.run(["pdftoppm", "-png", "-r", "150", str(pdf), str(tmp_path / "page")], check=True)
    decoded = set()
    for image in sorted(tmp_path.glob("page*.png")):
        out = subprocess.run(["zbarimg", "--raw", "-q", str(image)], capture_output=True, text=True)
        decoded |= set(out.stdout.split())
    expected = set()
    for ident in _published_of(people, CITY):
        expected |= {
            f"{SITE_URL}{root}diplomats/{ident}/",
            f"{SITE_URL}{root}diplomats/{ident}.vcf",
        }
    assert decoded == expected


@pytest.mark.parametrize(
    ("page", "pdf", "size"),
    [
        (f"cities/{CITY}/index.html", f"cities/{CITY}/booklet.pdf", "، {n} کیلوبایت"),
        (f"en/cities/{CITY}/index.html", f"en/cities/{CITY}/booklet.pdf", ", {n} KB"),
        ("diplomats/index.html", "diplomats/booklet.pdf", "، {n} کیلوبایت"),
        ("en/diplomats/index.html", "en/diplomats/booklet.pdf", ", {n} KB"),
    ],
)
def test_pages_link_their_booklet_with_its_size(site, page, pdf, size):
    soup = BeautifulSoup((site / page).read_text("utf-8"), "html.parser")
    link = soup.select_one(".cd-booklet a")
    target = ((site / page).parent / link["href"]).resolve()
    assert target == (site / pdf).resolve() and target.is_file()
    kilobytes = str(round(target.stat().st_size / 1024))
    if page.startswith("en/"):
        assert soup.select_one(".cd-booklet [data-cd-size]").text == size.format(n=kilobytes)
    else:
        persian = kilobytes.translate(_PERSIAN_DIGITS)
        assert soup.select_one(".cd-booklet [data-cd-size]").text == size.format(n=persian)


def test_a_city_without_diplomats_links_no_booklet(site, people):
    empty = next(
        p.stem for p in sorted((site.parent / "cities").glob("*.yml"))
        if not _published_of(people, p.stem)
    )  # fmt: skip
    html = (site / f"cities/{empty}/index.html").read_text("utf-8")
    assert "booklet.pdf" not in html
    assert not (site / f"cities/{empty}/booklet.pdf").exists()


def test_cached_booklets_are_reused_and_a_change_renders_only_its_own(site, tmp_path, monkeypatch):
    """The second build of the same data renders nothing; a changed person renders again
    only the booklets they are in."""
    root = site.parent
    cache = tmp_path / "booklets"
    shutil.copytree(booklet.cache_folder(root / "build"), cache)
    rendered: list[str] = []

    def render(html: str, fonts: Path) -> bytes:
        rendered.append(re.search(r"<title>(.*?)</title>", html).group(1))
        return b"%PDF-"

    monkeypatch.setattr(booklet, "render_pdf", render)
    monkeypatch.setattr(booklet.os, "cpu_count", lambda: 1)  # in this process: counted
    photos = root / "build" / "cache" / "photos"
    files = booklet.booklet_files(load_public(root, SITE_URL), cache, photos)
    assert rendered == []
    assert files[f"cities/{CITY}/booklet.pdf"] == (site / f"cities/{CITY}/booklet.pdf").read_bytes()
    changed = root.parent / "changed"
    shutil.copytree(root, changed, ignore=shutil.ignore_patterns("site", "build"))
    person = changed / "diplomats" / "niloofar-pahlevan.yml"
    person.write_text(person.read_text("utf-8") + "occupation: {fa: پزشک, en: Physician}\n")
    booklet.booklet_files(load_public(changed, SITE_URL), cache, photos)
    assert sorted(rendered) == sorted(
        ["دفترچهٔ معرفی برای هیئت‌ها: فرایبورگ", "Delegation booklet: Freiburg im Breisgau",
         "دفترچهٔ معرفی برای هیئت‌ها: شهروند دیپلمات‌های اصفهان",
         "Delegation booklet: Isfahan&#39;s citizen diplomats"]
    )  # fmt: skip


@pytest.mark.parametrize("lang", ["fa", "en"])
def test_a_long_booklet_lists_people_in_rows_with_the_same_people_and_channels(
    site, people, lang, tmp_path, monkeypatch
):
    """Past CARDS_UP_TO people a booklet has rows, not cards: no portrait or QR code, but
    still exactly the published people, their public channels, none of their private ones,
    and each one's profile address."""
    root = site.parent
    monkeypatch.setattr(booklet, "CARDS_UP_TO", 1)
    monkeypatch.setattr(booklet.os, "cpu_count", lambda: 1)
    photos = root / "build" / "cache" / "photos"
    public = load_public(root, SITE_URL)
    files = booklet.booklet_files(public, tmp_path / "booklets", photos)
    prefix = "" if lang == "fa" else "en/"
    for path, expected in [
        (f"{prefix}cities/{CITY}/booklet.pdf", _published_of(people, CITY)),
        (f"{prefix}diplomats/booklet.pdf", _published_of(people, None)),
    ]:
        pdf = tmp_path / path
        pdf.parent.mkdir(parents=True, exist_ok=True)
        pdf.write_bytes(files[path])
        text = text_of(pdf)
        assert len(expected) > 1  # the premise: over the threshold of 1
        shown = {i for i, d in people.items() if plain(d["name"][lang]) in text}
        assert shown == expected, path
        assert "niloofar-pahlevan@example.org" in text
        assert PRIVATE_PHONE not in text and PRIVATE_PHONE.translate(_PERSIAN_DIGITS) not in text
        assert f"{SITE_URL}{prefix}diplomats/niloofar-pahlevan/" in text.replace(" ", "")
        images = subprocess.run(
            ["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True
        ).stdout.splitlines()[2:]
        assert images == [], path  # no portrait, no QR code


def test_a_booklet_past_its_limit_points_to_the_list_online_and_names_no_one(
    site, people, tmp_path, monkeypatch
):
    root = site.parent
    monkeypatch.setattr(booklet, "LISTS_UP_TO", 1)
    monkeypatch.setattr(booklet.os, "cpu_count", lambda: 1)
    public = load_public(root, SITE_URL)
    files = booklet.booklet_files(public, tmp_path / "booklets", root / "build/cache/photos")
    pdf = tmp_path / "directory.pdf"
    pdf.write_bytes(files["en/diplomats/booklet.pdf"])
    text = text_of(pdf)
    assert not [i for i, d in people.items() if plain(d["name"]["en"]) in text]
    assert f"{SITE_URL}en/diplomats/" in text.replace(" ", "")
    published = _published_of(people, None)
    assert f"holds {len(published)} people" in text
    cities = [
        {**yaml.safe_load(p.read_text("utf-8")), "id": p.stem}
        for p in (root / "cities").glob("*.yml")
    ]
    assert all(plain(city["name"]["en"]) in text for city in cities)
    # A city of more people than that points to its page, and names no one either.
    city = text_of(_written(tmp_path, files, f"en/cities/{CITY}/booklet.pdf"))
    assert len(_published_of(people, CITY)) > 1  # the premise
    assert not [i for i, d in people.items() if plain(d["name"]["en"]) in city]
    assert f"{SITE_URL}en/cities/{CITY}/" in city.replace(" ", "")
    assert f"has {len(_published_of(people, CITY))} citizen diplomats" in city
    # A city with just one (as many as the limit) still lists its person.
    alone = next(c for c in cities if len(_published_of(people, c["id"])) == 1)
    path = f"en/cities/{alone['id']}/booklet.pdf"
    (person,) = _published_of(people, alone["id"])
    assert plain(people[person]["name"]["en"]) in text_of(_written(tmp_path, files, path))


def _written(folder: Path, files: dict[str, bytes], path: str) -> Path:
    target = folder / path.replace("/", "_")
    target.write_bytes(files[path])
    return target


def test_the_renderer_leaves_pillow_refusing_cut_short_images() -> None:
    """WeasyPrint's import makes Pillow lenient for the whole process; photos.py is not."""
    from PIL import ImageFile

    booklet._import_renderer()
    assert ImageFile.LOAD_TRUNCATED_IMAGES is False


# ---------------------------------------------------------------------------- print CSS

HIDDEN_IN_PRINT = [".md-header", ".md-tabs", ".md-sidebar--primary", ".md-footer", ".md-select"]


@pytest.mark.parametrize(
    "page", [f"cities/{CITY}/", f"en/cities/{CITY}/", "diplomats/niloofar-pahlevan/",
             "en/diplomats/niloofar-pahlevan/"],
)  # fmt: skip
def test_print_shows_the_content_without_the_site_furniture(browser, site, page, tmp_path):
    with serve(site) as base:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        try:
            tab = context.new_page()
            tab.goto(base + page)
            screen = {sel: tab.locator(sel).first.is_visible() for sel in HIDDEN_IN_PRINT}
            tab.emulate_media(media="print")
            printed = {sel: tab.locator(sel).first.is_visible() for sel in HIDDEN_IN_PRINT}
            assert any(screen.values())  # there was something to hide
            assert not any(printed.values()), printed
            assert tab.locator(".cd-page h1").is_visible()
            colours = tab.evaluate(
                "() => [getComputedStyle(document.body).backgroundColor,"
                " getComputedStyle(document.querySelector('.cd-page h1')).color]"
            )
            assert colours == ["rgb(255, 255, 255)", "rgb(0, 0, 0)"]
            if "/diplomats/" in page:  # a profile prints as one page
                pdf = tmp_path / "printed.pdf"
                pdf.write_bytes(tab.pdf(format="A4"))
                info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True)
                assert re.search(r"^Pages:\s+1$", info.stdout, re.M), info.stdout
        finally:
            context.close()
