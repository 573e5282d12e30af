"""Delegation booklets: printable PDFs for partners, in both languages.

Per sister city that has published diplomats, `cities/<id>/booklet.pdf`: the partnership's
facts and history with their sources, then each diplomat's card (portrait, languages,
public channels, a QR code to the profile and one to the contact card). For the whole
directory, `diplomats/booklet.pdf`: an introduction, the cities, then every diplomat.
Each sits in the folder of the page that links to it, under its language's root.

HTML from templates/booklet.html.j2 → PDF by WeasyPrint, with Vazirmatn embedded (Pango
shapes the Persian text). Only the public directory reaches this module, and a card shows
`Diplomat.public_contacts` only, as the profile page and the vCard do. Rendering takes
about a tenth of a second per page, so each PDF is kept in a cache under the hash of its
exact inputs (the HTML, which holds the images, the font and the renderers' versions).
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import os
import re
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from functools import cache
from html import unescape
from importlib.metadata import version
from pathlib import Path

import segno
from jinja2 import Environment, PackageLoader, StrictUndefined

from . import addresses, i18n
from .context import Context
from .i18n import LANGUAGES
from .lifetime import die_with_parent
from .models import Directory
from .photos import portrait_batches
from .schema import Diplomat

# The whole variable Vazirmatn, not the site's subset (webfont.py): a booklet prints local
# names and notes in any script the font has; WeasyPrint embeds only the glyphs used.
FONT = Path(__file__).resolve().parent.parent / "fonts"
FONT_FILE = "vazirmatn-variable.woff2"
# Tests share one cache between their many builds of the same fixtures (tests/conftest.py).
CACHE_VARIABLE = "BOOKLET_CACHE"
# Bump when the way a PDF is made changes in a way its HTML does not show.
BOOKLET_VERSION = "booklet-1"
PORTRAIT = "320.jpg"  # the portrait printed: 320 px over 28 mm is about 290 dpi

_env = Environment(
    loader=PackageLoader("generator", "templates"),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


def city_booklet(city_id: str) -> str:
    """A sister city's booklet, relative to its language's root (beside the city page)."""
    return addresses.city(city_id) + "booklet.pdf"


DIRECTORY_BOOKLET = "diplomats/booklet.pdf"
"""The whole directory's booklet, beside the directory page."""


def booklet_paths(public: Directory) -> list[str]:
    """Every booklet the build writes, relative to the whole site."""
    return [path for path, _ in _documents(public, {}, LANGUAGES, html=False)]


def booklet_files(public: Directory, cache_dir: Path, photo_cache: Path) -> dict[str, bytes]:
    """Every booklet: path under the whole site → PDF, from the cache where it is there.

    The portraits come from the photos' cache (`photo_cache`, see photos.py). The PDFs
    not in the cache are made in one process per core: each takes 0.3-0.8 s.
    """
    portraits = _portraits(public, photo_cache)
    cache_dir.mkdir(parents=True, exist_ok=True)
    out: dict[str, bytes] = {}
    missing: dict[str, tuple[str, Path]] = {}
    for path, html in _documents(public, portraits, LANGUAGES):
        # The HTML names each QR code by its address (qr:<url>), which decides its image.
        key = hashlib.sha256(_renderer_key() + html.encode()).hexdigest()
        entry = cache_dir / f"{key}.pdf"
        if entry.exists():
            out[path] = entry.read_bytes()
        else:
            missing[path] = (html, entry)
    if missing:
        fonts = static_fonts(cache_dir)
        orders = [(html, fonts, entry) for html, entry in missing.values()]
        workers = min(len(orders), os.cpu_count() or 1)
        with contextlib.ExitStack() as stack:
            run = map
            if workers > 1:
                _import_renderer()  # once, before the workers are forked
                pool = ProcessPoolExecutor(workers, initializer=die_with_parent)
                run = stack.enter_context(pool).map
            for path, pdf in zip(missing, run(_make_and_keep, orders), strict=True):
                out[path] = pdf
    return out


def _make_and_keep(order: tuple[str, Path, Path]) -> bytes:
    """Render one booklet (QR codes put in) and keep it in the cache; its bytes."""
    html, fonts, entry = order
    pdf = render_pdf(_QR_SLOT.sub(_qr_image, html), fonts)
    partial = entry.with_name(f".{entry.name}.{os.getpid()}")
    partial.write_bytes(pdf)
    os.replace(partial, entry)  # whole or not at all, even if the build is killed
    return pdf


def cache_folder(work: Path) -> Path:
    """Where the PDFs are kept between builds: $BOOKLET_CACHE, else work/cache/booklets."""
    shared = os.environ.get(CACHE_VARIABLE)
    return Path(shared) if shared else work / "cache" / "booklets"


def write_booklets(public: Directory, folder: Path, work: Path) -> dict:
    """In the build's alongside process: write the booklets under `folder`; return their
    sizes in bytes by path (for the links on the pages) and the seconds it took."""
    start = time.perf_counter()
    files = booklet_files(public, cache_folder(work), work / "cache" / "photos")
    for rel, content in files.items():
        target = folder / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(target, "xb") as out:  # never over another output
            out.write(content)
    sizes = {rel: len(content) for rel, content in files.items()}
    return {"sizes": sizes, "seconds": time.perf_counter() - start}


# ---------------------------------------------------------------------------- the links' sizes

# A page that links to a booklet in its own folder says "(PDF<span data-cd-size=…></span>)".
# The pages are made while the booklets are: the size is put in once both are done.
_SIZE_SLOT = '<span data-cd-size="{name}">{size}</span>'


def size_text(size: int, lang: str) -> str:
    """What follows "PDF" in a link to a booklet: ", 240 KB" or "، ۲۴۰ کیلوبایت"."""
    ctx = Context(Directory((), {}, {}), lang)
    if size >= 1024 * 1024:
        megabytes = f"{size / 1024 / 1024:.1f}".replace(".", "٫" if lang == "fa" else ".")
        amount = ctx.t("booklet_mb", n=ctx.digits(megabytes))
    else:
        amount = ctx.t("booklet_kb", n=ctx.num(max(1, round(size / 1024))))
    return ("، " if lang == "fa" else ", ") + amount


def fill_sizes(site: Path, sizes: dict[str, int]) -> None:
    """Write each booklet's size into the page in the booklet's folder that links to it."""
    for rel, size in sizes.items():
        lang = "en" if rel.startswith(addresses.language_root("en")) else "fa"
        page = site / Path(rel).parent / "index.html"
        if not page.exists():
            continue
        html = page.read_text("utf-8")
        name = Path(rel).name
        empty = _SIZE_SLOT.format(name=name, size="")
        filled = html.replace(empty, _SIZE_SLOT.format(name=name, size=size_text(size, lang)))
        if filled != html:
            page.write_text(filled, "utf-8")


# ---------------------------------------------------------------------------- documents


def _documents(
    public: Directory, portraits: dict[str, str], langs: tuple[str, ...], html: bool = True
) -> Iterator[tuple[str, str]]:
    """(path under the whole site, HTML) of every booklet; HTML "" when `html` is False."""
    if not public.diplomats:
        return
    for lang in langs:
        ctx = BookletContext(public, lang, portraits)
        root = addresses.language_root(lang)
        for city in ctx.sorted_cities():
            people = ctx.sorted_diplomats(public.diplomats_of_city(city.id))
            if people:
                listed = len(people) <= LISTS_UP_TO
                body = _render(ctx, "city", city=city, people=people, listed=listed) if html else ""
                yield root + city_booklet(city.id), body
        everyone = ctx.sorted_diplomats(public.diplomats)
        listed = len(everyone) <= LISTS_UP_TO
        groups = _by_letter(ctx, everyone) if listed else []
        body = _render(ctx, "all", people=everyone, groups=groups, listed=listed) if html else ""
        yield root + DIRECTORY_BOOKLET, body


def _by_letter(ctx: Context, people: list[Diplomat]) -> list[tuple[str, list[Diplomat]]]:
    """People in the reader's order, grouped by the letter their name is sorted under."""
    groups: list[tuple[str, list[Diplomat]]] = []
    last = None
    for person in people:
        name = ctx.local(person.name) or ""
        key = ctx.sort_key(name[:1])
        if key != last:
            groups.append((name[:1].upper(), []))
            last = key
        groups[-1][1].append(person)
    return groups


# A delegation reads cards, each with a portrait and two QR codes, four to a page; a booklet
# of more people than this (six pages of cards) lists them in rows instead: name,
# occupation, languages, public channels and the profile's address. Past a few dozen a list
# is what a reader can use, and WeasyPrint makes about ten cards a second: 200 synthetic
# people (bench/synthetic.py) in cards everywhere took a minute of booklets a build.
CARDS_UP_TO = 24
# A booklet lists its people up to this many (about 20 pages of rows); past it, it points to
# the list online (and the directory's, to the cities' booklets). No one reads a longer
# list on paper, and WeasyPrint lays out rows at about 70 a second: a change to anyone
# would lay out the whole directory again in every build that follows an edit, and 10,000
# people would take ten minutes of booklets a cold build.
LISTS_UP_TO = 400


def _render(ctx: BookletContext, kind: str, **values: object) -> str:
    title = (
        ctx.t("booklet_title_city", city=ctx.local(values["city"].name))  # type: ignore[attr-defined]
        if kind == "city"
        else ctx.t("booklet_title_all")
    )
    compact = len(values["people"]) > CARDS_UP_TO  # type: ignore[arg-type]
    return _env.get_template("booklet.html.j2").render(
        c=ctx, kind=kind, title=title, fonts={w: _static_name(w) for w in WEIGHTS},
        compact=compact, cards_up_to=CARDS_UP_TO, **values,
    )  # fmt: skip


class BookletContext(Context):
    """Context plus what a booklet's cards need: portraits and QR codes as data URIs."""

    def __init__(self, directory: Directory, lang: str, portraits: dict[str, str]):
        super().__init__(directory, lang)
        self.portraits = portraits

    def portrait(self, diplomat: Diplomat) -> str | None:
        return self.portraits.get(diplomat.id)

    def profile_url(self, diplomat: Diplomat) -> str:
        return self.absolute(addresses.profile(diplomat.id))

    def card_url(self, diplomat: Diplomat) -> str:
        return self.absolute(addresses.card(diplomat.id))

    def qr(self, url: str) -> str:
        """Where the QR code of `url` goes: made only if the PDF is (see _qr_image)."""
        return "qr:" + url

    def coordinates(self, latitude: float, longitude: float) -> str:
        return i18n.format_coordinates(latitude, longitude, self.lang)

    def channel_text(self, contact: object) -> str:
        """A public channel's value as the profile page shows it (Persian digits in numbers)."""
        kind, value = contact.type, contact.value  # type: ignore[attr-defined]
        return self.digits(value) if kind in ("phone", "whatsapp") else value


_QR_SLOT = re.compile(r'src="qr:([^"]*)"')


def _qr_image(slot: re.Match) -> str:
    """The src of a QR code, made only for a PDF not in the cache."""
    return f'src="{_qr_png(unescape(slot.group(1)))}"'


@cache
def _qr_png(url: str) -> str:
    """A QR code as a PNG data URI, 4 pixels a module (printed 23 mm wide: ~160 dpi).
    WeasyPrint drew the same code as SVG ~35 ms slower, a square path at a time (15 of the
    34 s of a 200-person directory booklet). Not one pixel a module printed unsmoothed:
    read back at 150 dpi, its modules come out 3 and 4 pixels wide and zbar reads none.
    Choosing the mask takes segno ~10 ms, once a URL."""
    return segno.make(url, error="m").png_data_uri(scale=4, border=2)


def _portraits(public: Directory, cache_dir: Path) -> dict[str, str]:
    """Each published person's portrait as a JPEG data URI, from the portraits' cache
    (made there if the portraits' process has not yet)."""
    jobs = [(d.id, Path(public.photos[d.photo.file])) for d in public.diplomats if d.photo]
    out = {}
    for batch in portrait_batches(jobs, cache_dir, workers=1):
        for rel, data in batch.items():
            if rel.endswith(f"-{PORTRAIT}"):
                person = rel.removeprefix("photos/").removesuffix(f"-{PORTRAIT}")
                out[person] = "data:image/jpeg;base64," + base64.b64encode(data).decode()
    return out


# ---------------------------------------------------------------------------- rendering


def render_pdf(html: str, fonts: Path) -> bytes:
    """The PDF of a booklet's HTML; its fonts are in the folder `fonts` (static_fonts)."""
    HTML = _import_renderer()  # noqa: N806 - a class
    from weasyprint.urls import URLFetcher

    # Nothing from the network: images are data: URIs, the fonts local files.
    local = URLFetcher(allowed_protocols={"data", "file"})
    return HTML(string=html, base_url=str(fonts) + os.sep, url_fetcher=local).write_pdf(
        font_config=_fonts()
    )


def _import_renderer():  # noqa: ANN202 - weasyprint.HTML, imported lazily
    # About 0.7 s: paid only when a PDF is not in the cache.
    from PIL import ImageFile
    from weasyprint import HTML

    # Importing WeasyPrint sets Pillow's LOAD_TRUNCATED_IMAGES for the whole process, and
    # photos.py counts on Pillow refusing a cut-short photo (tests/test_photos.py). A
    # booklet's images are the site's own portraits and QR codes: it needs no leniency.
    ImageFile.LOAD_TRUNCATED_IMAGES = False
    return HTML


WEIGHTS = (400, 700)


def static_fonts(cache_dir: Path) -> Path:
    """A folder holding Vazirmatn at each of WEIGHTS as a static font, made once.

    WeasyPrint embeds a variable font by making a static instance of it for every weight
    used, in every PDF: 1.1 of the 1.4 seconds a city's booklet took. Made here once
    (fontTools' instancer) and kept beside the PDFs, under the source font's hash.
    """
    folder = cache_dir / f"fonts-{_font_hash()[:16]}"
    if all((folder / _static_name(w)).exists() for w in WEIGHTS):
        return folder
    from fontTools.ttLib import TTFont
    from fontTools.varLib.instancer import instantiateVariableFont

    folder.mkdir(parents=True, exist_ok=True)
    for weight in WEIGHTS:
        font = instantiateVariableFont(TTFont(FONT / FONT_FILE), {"wght": weight}, static=True)
        font.flavor = None  # plain TrueType: nothing to decompress in every PDF
        partial = folder / f".{_static_name(weight)}.{os.getpid()}"
        font.save(partial)
        os.replace(partial, folder / _static_name(weight))
    return folder


def _static_name(weight: int) -> str:
    return f"vazirmatn-{weight}.ttf"


@cache
def _fonts():  # noqa: ANN202 - weasyprint's FontConfiguration, imported lazily
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


@cache
def _renderer_key() -> bytes:
    """What besides the HTML decides a PDF's bytes: the font and the renderers' versions."""
    font = _font_hash()
    names = ("weasyprint", "pydyf", "fonttools", "segno")
    versions = ",".join(f"{name}={version(name)}" for name in names)
    return f"{BOOKLET_VERSION};{versions};{font};".encode()


@cache
def _font_hash() -> str:
    return hashlib.sha256((FONT / FONT_FILE).read_bytes()).hexdigest()
