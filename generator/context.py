"""What templates and the other outputs may use for one language: the public directory and
formatting helpers (words, numbers, dates, names and the reader's order)."""

from __future__ import annotations

from datetime import date

from markupsafe import Markup, escape

from . import addresses, i18n
from .models import Directory
from .sanitize import bio_html
from .schema import Diplomat, SisterCity
from .ui_text import text


class Context:
    """What templates may use for one language: the public directory and formatting helpers."""

    def __init__(self, directory: Directory, lang: str):
        self.d = directory
        self.lang = lang
        self.other = "en" if lang == "fa" else "fa"
        self.dir = i18n.DIRECTION[lang]
        self.sort_key = i18n.sort_key(lang)

    # words and numbers
    def t(self, key: str, **values: object) -> str:
        return text(key, self.lang).format(**values)

    def parts(self, value: str | None) -> Markup:
        """`value` escaped, each run in the other language's script marked with its `lang`
        and `dir` ("CC BY 4.0" in a Persian sentence), for screen readers and bidi."""
        other = self.other
        span = Markup('<span lang="{}" dir="{}">{}</span>')
        return Markup("").join(
            span.format(other, i18n.DIRECTION[other], piece) if foreign else escape(piece)
            for piece, foreign in i18n.script_runs(value or "", self.lang)
        )

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
        source = self.local(diplomat.bio)
        return bio_html(source) if source else None

    # addresses
    def absolute(self, url: str) -> str:
        """The public address of `url`, a URL relative to this language's root."""
        return addresses.absolute(self.d.site.site_url, self.lang, url)

    def introduction(self, diplomat: Diplomat) -> str:
        """A mailto: link asking the office, in the reader's language, to introduce them."""
        name = self.local(diplomat.name)
        url = self.absolute(addresses.profile(diplomat.id))
        return addresses.mailto(
            self.d.site.office_email,
            self.t("intro_subject", name=name, id=diplomat.id),
            self.t("intro_body", name=name, url=url),
        )

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

    def newest(self, n: int) -> list[Diplomat]:
        return sorted(self.d.diplomats, key=lambda d: (d.approved_on, d.id), reverse=True)[:n]

    def spoken_languages(self) -> set[str]:
        return {code for d in self.d.diplomats for code in d.languages}
