"""Models → page text, through autoescaped Jinja templates. No file is read or written here.

Each page is a Markdown file for MkDocs whose body is HTML from our templates, so every
value from the data is escaped by Jinja; the only HTML that passes unescaped is a bio,
after Markdown rendering and allow-list sanitising (`sanitize.bio_html`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from jinja2 import Environment, PackageLoader, StrictUndefined

from . import i18n
from .models import Directory
from .sanitize import bio_html
from .schema import Diplomat, SisterCity
from .search_text import plain_text, search_terms
from .ui_text import text


@dataclass(frozen=True)
class Page:
    """One page to write: its path under the language's docs folder and its full text."""

    path: str
    text: str


def page_url(path: str) -> str:
    """The URL MkDocs gives `path` (directory URLs): `diplomats/x.md` → `diplomats/x/`."""
    stem = path.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("/index") + "/"


def relative(from_url: str, to_url: str) -> str:
    """A link from the page at `from_url` to `to_url`, both relative to the language root."""
    return "../" * from_url.count("/") + to_url or "./"


_env = Environment(
    loader=PackageLoader("generator", "templates"),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)


class Context:
    """What templates may use for one language: the public directory and formatting helpers."""

    def __init__(self, directory: Directory, lang: str):
        self.d = directory
        self.lang = lang
        self.other = "en" if lang == "fa" else "fa"
        self.dir = i18n.DIRECTION[lang]
        self.sort_key = i18n.sort_key(lang)
        self._bios: dict[str, str | None] = {}

    # words and numbers
    def t(self, key: str, **values: object) -> str:
        return text(key, self.lang).format(**values)

    def num(self, value: int) -> str:
        return i18n.number(value, self.lang)

    def digits(self, value: object) -> str:
        return i18n.digits(value, self.lang)

    def people(self, n: int) -> str:
        return self.t("people_count_one") if n == 1 else self.t("people_count", n=self.num(n))

    def date(self, value: date) -> str:
        return i18n.format_date(value, self.lang)

    def gregorian(self, value: date) -> str:
        return i18n.format_gregorian(value, self.lang)

    def partial_date(self, value: str) -> str:
        return i18n.format_partial_date(value, self.lang)

    def country(self, code: str) -> str:
        return i18n.country_name(code, self.lang)

    def language(self, code: str) -> str:
        return i18n.language_name(code, self.lang)

    def local(self, value: object) -> str | None:
        """The reader's language version of a Text, or None when it is missing."""
        return getattr(value, self.lang, None) if value is not None else None

    def bio(self, diplomat: Diplomat) -> str | None:
        # Asked for twice per profile (the page and its search words): render it once.
        if diplomat.id not in self._bios:
            source = self.local(diplomat.bio)
            self._bios[diplomat.id] = bio_html(source) if source else None
        return self._bios[diplomat.id]

    # collections, in the reader's order
    def sorted_diplomats(self, diplomats: list[Diplomat] | tuple[Diplomat, ...]) -> list[Diplomat]:
        return sorted(diplomats, key=lambda d: self.sort_key(self.local(d.name)))

    def sorted_cities(self, ids: object = None) -> list[SisterCity]:
        cities = (
            [self.d.cities[i] for i in ids] if ids is not None else list(self.d.cities.values())
        )
        return sorted(cities, key=lambda c: self.sort_key(self.local(c.name)))

    def sorted_fields(self, ids: object = None) -> list[tuple[str, str]]:
        ids = list(ids) if ids is not None else list(self.d.fields)
        labels = [(i, self.local(self.d.fields[i])) for i in ids]
        return sorted(labels, key=lambda pair: self.sort_key(pair[1]))

    def sorted_languages(self, codes: list[str]) -> list[tuple[str, str]]:
        named = [(code, self.language(code)) for code in codes]
        return sorted(named, key=lambda pair: self.sort_key(pair[1]))

    def facet(self, name: str) -> list[tuple[str, str, int]]:
        """(value, label, number of people) of one facet, in the reader's order, without
        values nobody has: name is "cities", "fields" or "languages"."""
        if name == "cities":
            pairs = [(city.id, self.local(city.name)) for city in self.sorted_cities()]
            people = self.d.diplomats_of_city
        elif name == "fields":
            pairs, people = self.sorted_fields(), self.d.diplomats_of_field
        else:
            pairs, people = (
                self.sorted_languages(self.spoken_languages()),
                self.d.diplomats_speaking,
            )
        counted = [(value, label, len(people(value))) for value, label in pairs]
        return [item for item in counted if item[2]]

    def newest(self, n: int) -> list[Diplomat]:
        return sorted(self.d.diplomats, key=lambda d: (d.approved_on, d.id), reverse=True)[:n]

    def spoken_languages(self) -> list[str]:
        return self.d.spoken_languages()

    # search
    def search_terms(self, d: Diplomat) -> str:
        """Hidden words that make the profile findable however a query is typed, and in
        the other language: see search_text.py."""
        other = self.other
        fields = [self.d.fields[f] for f in d.fields]
        cities = [self.d.cities[c].name for c in d.cities]
        shown = [d.name.fa, d.name.en, self.local(d.occupation) or "", self.date(d.approved_on)]
        shown += [self.local(n) for n in cities] + [self.local(t) for t in fields]
        shown += [self.language(code) for code in d.languages]
        if self.lang == "fa":
            shown.append(self.gregorian(d.approved_on))
        if d.verified_on:
            shown.append(self.date(d.verified_on))
        bio = self.bio(d)
        if bio:
            shown.append(plain_text(bio))
        shown += [self.digits(c.value) for c in d.public_contacts]
        unseen = [getattr(d.occupation, other) or ""] if d.occupation else []
        unseen += [getattr(n, other) for n in cities] + [getattr(t, other) for t in fields]
        unseen += [i18n.language_name(code, other) for code in d.languages]
        return search_terms(shown, unseen)


def render_language(directory: Directory, lang: str) -> list[Page]:
    """Every generated page of the site in one language."""
    ctx = Context(directory, lang)
    pages = [
        _page(ctx, "index.md", "home.md.j2", title=ctx.t("home_title")),
        _page(ctx, "diplomats/index.md", "directory.md.j2", title=ctx.t("directory_title")),
        _page(ctx, "cities/index.md", "cities.md.j2", title=ctx.t("cities_title")),
        _page(ctx, "fields/index.md", "fields.md.j2", title=ctx.t("fields_title")),
    ]
    for diplomat in directory.diplomats:
        pages.append(
            _page(ctx, f"diplomats/{diplomat.id}.md", "profile.md.j2",
                  title=ctx.local(diplomat.name), diplomat=diplomat)
        )  # fmt: skip
    for city in directory.cities.values():
        pages.append(
            _page(ctx, f"cities/{city.id}.md", "city.md.j2", title=ctx.local(city.name), city=city,
                  diplomats=ctx.sorted_diplomats(directory.diplomats_of_city(city.id)))
        )  # fmt: skip
    for field_id, label in directory.fields.items():
        pages.append(
            _page(ctx, f"fields/{field_id}.md", "field.md.j2", title=ctx.local(label),
                  field_id=field_id,
                  diplomats=ctx.sorted_diplomats(directory.diplomats_of_field(field_id)))
        )  # fmt: skip
    pages.append(
        _page(ctx, "languages/index.md", "languages.md.j2", title=ctx.t("languages_title"))
    )
    for code in directory.spoken_languages():
        pages.append(
            _page(ctx, f"languages/{code}.md", "language.md.j2",
                  title=ctx.t("language_title", language=ctx.language(code)), code=code,
                  diplomats=ctx.sorted_diplomats(directory.diplomats_speaking(code)))
        )  # fmt: skip
    for (name, page_lang), source in directory.pages.items():
        if page_lang == lang:
            pages.append(Page(f"{name}.md", source))
    return pages


def _page(ctx: Context, path: str, template: str, title: str, **values: object) -> Page:
    url = page_url(path)

    def link(target: str) -> str:
        return relative(url, target)

    def asset(target: str) -> str:
        # photos live once, at the root of the whole site; English pages sit under en/
        return relative(url, ("../" if ctx.lang == "en" else "") + target)

    def other_language(target: str) -> str:
        return asset(("en/" if ctx.other == "en" else "") + target)

    body = _env.get_template(template).render(
        c=ctx, title=title, link=link, asset=asset, other_language=other_language, **values
    )
    # JSON is valid YAML and escapes everything a title could contain.
    front = f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\nhide:\n  - toc\n---\n\n"
    return Page(path, front + body)
