"""What templates and the other outputs may use for one language: the public directory and
formatting helpers (words, numbers, dates, names and the reader's order)."""

from __future__ import annotations

import re
from datetime import date
from html import unescape

from markupsafe import Markup, escape

from . import addresses, i18n
from .models import Directory
from .sanitize import bio_html
from .schema import Diplomat, SisterCity
from .search_text import plain_text, search_terms
from .ui_text import text

# A sanitised fragment cut into <code>…</code>, other tags, and text between tags.
_HTML_PIECES = re.compile(r"(<code\b[^>]*>.*?</code>)|(<[^>]*>)|([^<]+)", re.S)


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

    def parts(self, value: str | None) -> Markup:
        """`value` escaped, each run in the other language's script marked with its `lang`
        and `dir` ("CC BY 4.0" in a Persian sentence), for screen readers and bidi."""
        runs = i18n.script_runs(value or "", self.lang)
        if not any(foreign for _, foreign in runs):  # most values: one script throughout
            return escape(value or "")
        start = f'<span lang="{self.other}" dir="{i18n.DIRECTION[self.other]}">'
        return Markup(
            "".join(
                f"{start}{escape(piece)}</span>" if foreign else escape(piece)
                for piece, foreign in runs
            )
        )

    def parts_html(self, html: str) -> Markup:
        """Sanitised `html` with the other script's runs in its text marked as by parts();
        tags, and text inside <code>, are kept as they are."""
        foreign = i18n.OTHER_SCRIPT[self.lang]
        return Markup("").join(
            self.parts(unescape(text))
            if text and foreign.search(unescape(text))
            else Markup(code or tag or text)
            for code, tag, text in _HTML_PIECES.findall(html)
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

    def coordinates(self, place: tuple[float, float]) -> str:
        return i18n.format_coordinates(place[0], place[1], self.lang)

    def country(self, code: str) -> str:
        return i18n.country_name(code, self.lang)

    def language(self, code: str) -> str:
        return i18n.language_name(code, self.lang)

    def local(self, value: object) -> str | None:
        """The reader's language version of a Text, or None when it is missing."""
        return getattr(value, self.lang, None) if value is not None else None

    def bio(self, diplomat: Diplomat) -> str | None:
        # Asked for more than once per profile (the page, its search words, open data).
        if diplomat.id not in self._bios:
            source = self.local(diplomat.bio)
            self._bios[diplomat.id] = self.parts_html(bio_html(source)) if source else None
        return self._bios[diplomat.id]

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

    def spoken_languages(self) -> list[str]:
        return self.d.spoken_languages()

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
