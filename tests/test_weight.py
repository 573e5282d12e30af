"""Weight on phones: the subset font covers every page, and both languages share one assets/."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import lxml.html
import pytest
from fontTools.ttLib import TTFont

from generator import webfont
from generator.mkdocs_hooks import shared_assets

from .conftest import REPO, SITE_URL, html_files
from .gates import _page_url

# Attributes whose text a visitor reads (a tooltip, a placeholder, a search message).
READ_ATTRIBUTES = ("placeholder", "title", "alt", "aria-label", "data-searching", "data-none",
                   "data-count-one", "data-count-many")  # fmt: skip
STYLESHEET = REPO / "theme" / "assets" / "stylesheets" / "directory.css"


def visible_text(page: Path) -> str:
    """The text of a page that the browser draws: its elements' text (no scripts or styles),
    the attributes a visitor reads, and the stylesheet's generated content."""
    doc = lxml.html.fromstring(page.read_bytes())
    for hidden in doc.xpath("//script | //style | //head"):
        hidden.drop_tree()
    parts = [doc.text_content()]
    for name in READ_ATTRIBUTES:
        parts += doc.xpath(f"//@{name}")
    return "".join(parts)


def cmap(font: Path) -> set[int]:
    return set(TTFont(font).getBestCmap())


def drawn(char: str) -> bool:
    """A character a font is asked to draw (not a line break, tab or other control)."""
    return unicodedata.category(char) not in ("Cc",)


def test_every_character_of_every_page_is_in_the_font_or_never_was(built_site: Path) -> None:
    """What subsetting dropped appears on no page: each character shown is in the shipped
    font, or Vazirmatn never had it (Cyrillic, Armenian, Telugu, Chinese local names: the
    reader's system fonts draw those, before subsetting as after)."""
    shipped, source = cmap(webfont.SHIPPED), cmap(webfont.SOURCE)
    css = "".join(re.findall(r'content:\s*"([^"]*)"', STYLESHEET.read_text(encoding="utf-8")))
    seen: dict[str, set[str]] = {"fa": set(), "en": set()}
    lost: dict[str, set[str]] = {}
    for page in html_files(built_site):
        lang = "en" if page.relative_to(built_site).parts[0] == "en" else "fa"
        chars = {c for c in visible_text(page) + css if drawn(c)}
        seen[lang] |= chars
        for char in chars:
            if ord(char) not in shipped and ord(char) in source:
                lost.setdefault(f"U+{ord(char):04X} {char!r}", set()).add(str(page))
    assert lost == {}, {k: sorted(v)[:3] for k, v in lost.items()}
    # The check saw what matters: Persian letters and digits, ZWNJ, and Iași's ș.
    assert {"پ", "ی", "ک", "۱", "\u200c", "«"} <= seen["fa"]
    assert {"ș", "A", "1"} <= seen["en"]
    fallback = {c for c in seen["fa"] | seen["en"] if ord(c) not in source}
    assert all(unicodedata.name(c, "").startswith(("CYRILLIC", "ARMENIAN", "TELUGU", "CJK"))
               for c in fallback), sorted(fallback)  # fmt: skip


def test_shipped_font_is_what_make_font_writes(tmp_path: Path) -> None:
    """The committed subset is generator/webfont.py's output from the committed source."""
    fresh = webfont.subset_font(webfont.SOURCE, tmp_path / "font.woff2")
    assert fresh.read_bytes() == webfont.SHIPPED.read_bytes(), "run `make font`"


def test_shipped_font_is_much_smaller_and_still_shapes_persian() -> None:
    source, shipped = webfont.SOURCE.stat().st_size, webfont.SHIPPED.stat().st_size
    assert shipped < 0.5 * source, (shipped, source)  # 45.5 KB of 108.5 KB
    font = TTFont(webfont.SHIPPED)
    # The weights the stylesheets use, still one variable font; @font-face says the same.
    assert [(a.axisTag, a.minValue, a.maxValue) for a in font["fvar"].axes] == [("wght", 400, 700)]
    assert "font-weight: 400 700;" in STYLESHEET.read_text(encoding="utf-8").split("}")[0]
    gsub = {r.FeatureTag for r in font["GSUB"].table.FeatureList.FeatureRecord}
    gpos = {r.FeatureTag for r in font["GPOS"].table.FeatureList.FeatureRecord}
    assert {"init", "medi", "fina", "rlig", "ccmp"} <= gsub
    assert {"kern", "mark", "mkmk"} <= gpos
    assert font["name"].getDebugName(1) == "Vazirmatn"
    # The presentation forms are what went (the rial sign ﷼ stays): no page contains them.
    assert not any(0xFB50 <= cp <= 0xFEFC and cp != 0xFDFC for cp in font.getBestCmap())


def test_the_licence_is_shipped_with_the_font_and_reserves_no_name(built_site: Path) -> None:
    licence = (built_site / "assets" / "fonts" / "OFL.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence
    # A Reserved Font Name would forbid the subset Vazirmatn's name (OFL condition 3).
    assert "Reserved Font Name" not in licence.split("PREAMBLE")[0]
    assert (built_site / "assets" / "fonts" / webfont.SHIPPED.name).is_file()
    assert not (built_site / "assets" / "fonts" / webfont.SOURCE.name).exists()


def test_english_build_has_no_assets_folder_of_its_own(built_site: Path) -> None:
    assert not (built_site / "en" / "assets").exists()
    assert (built_site / "assets" / "stylesheets" / "directory.css").is_file()
    assert (built_site / "en" / "pagefind").is_dir()  # search stays per language


def asset_references(page: Path) -> list[str]:
    """Every address in a page that leads into an assets/ folder, Material's worker too."""
    html = page.read_text(encoding="utf-8")
    doc = lxml.html.fromstring(html)
    refs = [v for v in doc.xpath("//@href | //@src") if "assets/" in v]
    return refs + re.findall(r'"search": "([^"]*)"', html)


def test_every_asset_address_of_an_english_page_is_the_roots(built_site: Path) -> None:
    english = [p for p in html_files(built_site) if p.relative_to(built_site).parts[0] == "en"]
    assert len(english) > 50 and built_site / "en" / "404.html" in english
    base = SITE_URL
    checked = 0
    for page in english:
        here = _page_url(built_site, page, base)
        refs = asset_references(page)
        assert len(refs) >= 8, (page, refs)  # stylesheets, scripts, font, icon
        for ref in refs:
            path = urlsplit(urljoin(here, ref)).path
            assert path.startswith("/assets/"), (page, ref)
            assert (built_site / path.lstrip("/")).is_file(), (page, ref)
            checked += 1
    assert checked > 8 * len(english)


def test_persian_and_english_pages_load_the_same_asset_files(built_site: Path) -> None:
    """Switching language downloads no stylesheet, script or font again."""
    for fa in ("index.html", "diplomats/index.html", "about/index.html", "404.html"):
        pair = [built_site / fa, built_site / "en" / fa]
        urls = []
        for page in pair:
            here = _page_url(built_site, page, SITE_URL)
            urls.append(sorted(urljoin(here, ref) for ref in asset_references(page)))
        assert urls[0] == urls[1] and urls[0], fa


@pytest.mark.parametrize(
    ("own_path", "page", "expected"),
    [
        ("/en/", '<link href="assets/x.css">', '<link href="../assets/x.css">'),
        ("/en/", '<script src="../../assets/x.js">', '<script src="../../../assets/x.js">'),
        ("/en/", '{"search": "../assets/w.js"}', '{"search": "../../assets/w.js"}'),
        # The 404 page, by absolute path, on a site served under a sub-path.
        ("/sub/en/", '<link href="/sub/en/assets/x.css">', '<link href="/sub/assets/x.css">'),
        ("/en/", '{"search": "/en/assets/w.js"}', '{"search": "/assets/w.js"}'),
        # Not an asset of this build: left alone.
        ("/en/", '<a href="../cities/assets/">', '<a href="../cities/assets/">'),
        ("/en/", "<p>assets/ are shared</p>", "<p>assets/ are shared</p>"),
    ],
)
def test_shared_assets_rewrites_only_asset_addresses(own_path, page, expected) -> None:
    assert shared_assets(page, "../", own_path) == expected
    assert shared_assets(page, "", own_path) == page  # the Persian build: unchanged


def test_a_second_page_and_the_other_language_download_no_asset_again(built_site: Path) -> None:
    """In Chromium, against a server sending cache headers (bench/page_weight.py): the first
    visit loads the font, stylesheets and scripts from /assets/; the next page of its type,
    or the same page in English, loads its own HTML and pictures but none of those again."""
    from bench.page_weight import measure

    kinds = {k.kind: k for k in measure(built_site)}
    assert set(kinds) == {"home", "directory", "profile", "city", "cities", "field", "about"}
    for kind in kinds.values():
        assert f"/assets/fonts/{webfont.SHIPPED.name}" in kind.first_sent, kind
        assert any(p.startswith("/assets/stylesheets/") for p in kind.first_sent), kind
        assert not any("assets/" in p for p in kind.second_sent), kind
        assert kind.second_sent and kind.second_sent[0] == "/" + kind.second, kind
        assert 0 < kind.second_bytes < kind.first_bytes / 4, kind
    assert kinds["home"].second == "en/"
