"""Models → page text, through autoescaped Jinja templates. No file is read or written here.

Each page is a Markdown file for MkDocs whose body is HTML from our templates, so every
value from the data is escaped by Jinja; the only HTML that passes unescaped is a bio,
after Markdown rendering and allow-list sanitising (`sanitize.bio_html`).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from . import addresses, jsonld, opendata, placeholders, worldmap
from .context import Context
from .facets import FACET_FILE, card_file
from .models import Directory
from .opendata_reference import describe, field_rows
from .schema import Diplomat


@dataclass(frozen=True)
class Page:
    """One page to write: its path under the language's docs folder and its full text.

    `html`: the body after the front matter is HTML from our templates, which MkDocs
    passes through unchanged (content pages written by staff are Markdown).
    """

    path: str
    text: str
    html: bool = False


def page_url(path: str) -> str:
    """The URL MkDocs gives `path` (directory URLs): `diplomats/x.md` → `diplomats/x/`."""
    stem = path.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("/index") + "/"


_env = Environment(
    loader=PackageLoader("generator", "templates"),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
    auto_reload=False,  # no stat() per page; the preview calls reload_templates() instead
)
_env.globals["worldmap"] = worldmap  # the maps' geometry, for _map.j2


def reload_templates() -> None:
    """Forget compiled templates, so that edited template files are read again."""
    _env.cache.clear()


# Stands for the "../" that lead from a page up to the language's root, in a card
# rendered once for pages at every depth. Loading refuses this control character in data.
_UP = "\x1e"


class PageContext(Context):
    """Context plus what needs the template environment: cards rendered once and reused."""

    def __init__(self, directory: Directory, lang: str):
        super().__init__(directory, lang)
        self._cards: dict[str, str] = {}

    def card(self, diplomat: Diplomat, link: Callable, asset: Callable) -> Markup:
        """A person's card in listings: rendered once, its links then fitted to the page."""
        if diplomat.id not in self._cards:
            up_link, up_asset, _ = _links(self.lang, _UP)
            html = _env.get_template("_card.j2").render(
                c=self, d=diplomat, link=up_link, asset=up_asset
            )
            self._cards[diplomat.id] = html
        up = link("")  # "./" on a page at the root, else "../" once per level
        # An autoescaped template's output, with "../" put in for a character it had not.
        return Markup(self._cards[diplomat.id].replace(_UP, "" if up == "./" else up))


PER_PAGE = 100  # people per listing page: about 40 KB of HTML, quick on a phone


@dataclass(frozen=True)
class Pager:
    """Where one page of a long listing sits among its siblings."""

    number: int
    count: int
    base: str  # URL of the first page, e.g. "diplomats/" or "cities/freiburg/"

    def url(self, number: int) -> str:
        return self.base if number == 1 else f"{self.base}page/{number}/"

    def window(self) -> list[int | None]:
        """Page numbers to offer: first, last and two either side; None marks a gap."""
        shown = sorted({1, self.count, *range(self.number - 2, self.number + 3)})
        out: list[int | None] = []
        for n in (n for n in shown if 1 <= n <= self.count):
            if out and n - (out[-1] or 0) > 1:
                out.append(None)
            out.append(n)
        return out


def _listing(
    ctx: Context, path: str, template: str, title: str, people: list, **values: object
) -> list[Page]:
    """A listing of people split over pages: path, then <url>/page/2/, /page/3/ …"""
    chunks = [people[i : i + PER_PAGE] for i in range(0, len(people), PER_PAGE)] or [[]]
    base = page_url(path)
    pages = []
    for number, chunk in enumerate(chunks, start=1):
        pager = Pager(number, len(chunks), base)
        page_title = title if number == 1 else ctx.t("titled_page", title=title, n=ctx.num(number))
        where = path if number == 1 else f"{base}page/{number}.md"
        pages.append(
            _page(ctx, where, template, title=page_title, heading=title, people=chunk,
                  total=len(people), pager=pager, **values)
        )  # fmt: skip
    return pages


def render_language(
    directory: Directory, lang: str, profiles: Collection[str] | None = None
) -> list[Page]:
    """Every generated page of the site in one language.

    With `profiles`, only those people's profile pages are rendered (with every other
    page): the preview reuses the profiles of people whose file did not change.
    """
    ctx = PageContext(directory, lang)
    pages = [
        _page(ctx, "index.md", "home.md.j2", title=ctx.t("home_title")),
        # Split over pages like every listing; a chosen filter lists the matches of all
        # pages from the facet and card data (facets.py).
        *_listing(
            ctx, "diplomats/index.md", "directory.md.j2", ctx.t("directory_title"),
            ctx.sorted_diplomats(directory.diplomats), per_page=PER_PAGE,
            facets=FACET_FILE, cards=card_file(lang),
        ),
        _page(ctx, "cities/index.md", "cities.md.j2", title=ctx.t("cities_title")),
        _page(ctx, "fields/index.md", "fields.md.j2", title=ctx.t("fields_title")),
    ]  # fmt: skip
    for diplomat in directory.diplomats:
        if profiles is not None and diplomat.id not in profiles:
            continue
        pages.append(_profile(ctx, diplomat))
    for city in directory.cities.values():
        pages += _listing(
            ctx, f"cities/{city.id}.md", "city.md.j2", ctx.local(city.name),
            ctx.sorted_diplomats(directory.diplomats_of_city(city.id)), city=city,
            cards_url=addresses.city_cards(city.id),
            structured=jsonld.script(jsonld.city(ctx, city)),
        )  # fmt: skip
    for field_id, label in directory.fields.items():
        pages += _listing(
            ctx, f"fields/{field_id}.md", "field.md.j2", ctx.local(label),
            ctx.sorted_diplomats(directory.diplomats_of_field(field_id)), field_id=field_id,
        )  # fmt: skip
    pages.append(
        _page(ctx, "languages/index.md", "languages.md.j2", title=ctx.t("languages_title"))
    )
    for code in directory.spoken_languages():
        pages += _listing(
            ctx, f"languages/{code}.md", "language.md.j2",
            ctx.t("language_title", language=ctx.language(code)),
            ctx.sorted_diplomats(directory.diplomats_speaking(code)), code=code,
        )  # fmt: skip
    pages.append(
        _page(ctx, "open-data.md", "opendata.md.j2", title=ctx.t("od_title"),
              licence=opendata.LICENCE, reference=_reference(lang))
    )  # fmt: skip
    for (name, page_lang), source in directory.pages.items():
        if page_lang == lang:
            pages.append(Page(f"{name}.md", placeholders.filled(source, directory.site)))
    return pages


def render_profiles(directory: Directory, lang: str) -> Iterator[Page]:
    """Every profile page of one language, one at a time (the same as render_language's)."""
    ctx = PageContext(directory, lang)
    for diplomat in directory.diplomats:
        yield _profile(ctx, diplomat)


def _profile(ctx: PageContext, diplomat: Diplomat) -> Page:
    return _page(
        ctx, f"diplomats/{diplomat.id}.md", "profile.md.j2",
        title=ctx.local(diplomat.name), diplomat=diplomat,
        profile_url=addresses.profile(diplomat.id), card_url=addresses.card(diplomat.id),
        structured=jsonld.script(jsonld.person(ctx, diplomat)),
    )  # fmt: skip


def _reference(lang: str) -> dict[str, list[tuple[str, str]]]:
    """The open-data page's field tables: meta once, then each file without it."""
    tables = {name: field_rows(name) for name in opendata.SCHEMAS}
    out = {"meta": [row for row in tables["diplomats"] if row[0].startswith("meta")]}
    for name, rows in tables.items():
        out[name] = [row for row in rows if not row[0].startswith("meta")]
    return {
        name: [(path, describe(path, english, lang)) for path, english in rows]
        for name, rows in out.items()
    }


def _links(lang: str, up: str) -> tuple[Callable, Callable, Callable]:
    """A page's link makers, for a page `up` ("../" once per level) below its root.

    link: to a page of the same language; asset: to a file at the root of the whole site
    (photos: English pages sit under en/); other_language: to the other language's page.
    """

    def link(target: str) -> str:
        return up + target or "./"

    def asset(target: str) -> str:
        return link(("../" if lang == "en" else "") + target)

    def other_language(target: str) -> str:
        return asset(("en/" if lang == "fa" else "") + target)

    return link, asset, other_language


def _page(ctx: Context, path: str, template: str, title: str, **values: object) -> Page:
    link, asset, other_language = _links(ctx.lang, "../" * page_url(path).count("/"))
    body = _env.get_template(template).render(
        c=ctx, title=title, link=link, asset=asset, other_language=other_language, **values
    )
    # JSON is valid YAML and escapes everything a title could contain.
    front = f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\nhide:\n  - toc\n---\n\n"
    return Page(path, front + body, html=True)
