"""Values from the data files that pages show as they are written, held to the language
gates' rules (language_of_parts.py) and the link gate, so that `make check` fails where
the gates would.

Most texts go through `Context.parts`, which marks each run in the other script with its
language. These do not, or not wholly:

- names of people and cities, activity areas' labels and photos' descriptions: shown in
  <bdi>, a link or an `alt` without a `lang`, so a Persian one may hold no Latin letter
  and an English one no Arabic-script letter;
- a text that is exactly a name (an occupation, a city's description, a label, a photo's
  description, a line of a bio): the pages show it on its own, not isolated as names are;
- in English, Arabic-script letters that `Context.parts` does not mark (presentation
  forms, the Arabic Supplement), which the language gate counts all the same;
- bios' links: a relative address or a bare #anchor leads nowhere from a profile, one on
  the site's own host must lead to one of its pages, a link needs text (axe), and a
  link's title in the other script has no language.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from . import language_of_parts as language
from .content_html import SCRIPT, link_problems
from .context import Context
from .errors import DataError
from .html_tree import parse
from .i18n import DIRECTION, OTHER_SCRIPT
from .load import ARABIC_TO_PERSIAN, Document, Loc, Sources, field_name
from .messages import define, say
from .models import Directory
from .sanitize import bio_html
from .site_addresses import SiteAddresses

define("text_name_latin", "the Persian name has Latin letters, '{found}': pages show names as "
       "they are written, with no language, so write it in Persian letters only",
       "نام فارسی حروف لاتین دارد، «{found}»: صفحه‌ها نام‌ها را همان‌طور که نوشته شده‌اند و "
       "بدون زبان نشان می‌دهند؛ پس آن را فقط با حروف فارسی بنویسید")  # fmt: skip
define("text_name_persian", "the English name has Persian letters, '{found}': pages show names "
       "as they are written, with no language, so write it in Latin letters only",
       "نام انگلیسی حروف فارسی دارد، «{found}»: صفحه‌ها نام‌ها را همان‌طور که نوشته شده‌اند و "
       "بدون زبان نشان می‌دهند؛ پس آن را فقط با حروف لاتین بنویسید")  # fmt: skip
define("text_label_latin", "the Persian label has Latin letters, '{found}': pages show labels "
       "as they are written, with no language, so write it in Persian letters only",
       "عنوان فارسی حروف لاتین دارد، «{found}»: صفحه‌ها عنوان‌ها را همان‌طور که نوشته شده‌اند "
       "و بدون زبان نشان می‌دهند؛ پس آن را فقط با حروف فارسی بنویسید")  # fmt: skip
define("text_label_persian", "the English label has Persian letters, '{found}': pages show "
       "labels as they are written, with no language, so write it in Latin letters only",
       "عنوان انگلیسی حروف فارسی دارد، «{found}»: صفحه‌ها عنوان‌ها را همان‌طور که نوشته "
       "شده‌اند و بدون زبان نشان می‌دهند؛ پس آن را فقط با حروف لاتین بنویسید")  # fmt: skip
define("text_alt_latin", "the Persian description of the photo has Latin letters, '{found}': "
       "screen readers read it with no language, so write it in Persian letters only",
       "توصیف فارسی عکس حروف لاتین دارد، «{found}»: صفحه‌خوان‌ها آن را بدون زبان می‌خوانند؛ "
       "پس آن را فقط با حروف فارسی بنویسید")  # fmt: skip
define("text_alt_persian", "the English description of the photo has Persian letters, "
       "'{found}': screen readers read it with no language, so write it in Latin letters only",
       "توصیف انگلیسی عکس حروف فارسی دارد، «{found}»: صفحه‌خوان‌ها آن را بدون زبان "
       "می‌خوانند؛ پس آن را فقط با حروف لاتین بنویسید")  # fmt: skip
define("text_is_a_name", "'{found}' is exactly a name from the data, which pages would show "
       "here without isolating it: add a word", "«{found}» درست یکی از نام‌های داده‌هاست و "
       "صفحه‌ها آن را اینجا بدون جدا کردن نشان می‌دهند؛ واژه‌ای به آن بیفزایید")  # fmt: skip
define(
    "text_unmarked_letters",
    "'{found}': Arabic-script letters in a form that pages cannot "
    "mark as Persian (often text copied from a PDF): type them again on a Persian keyboard",
    "«{found}»: حروف عربی‌نویس به شکلی که صفحه‌ها نمی‌توانند فارسی بودنش را نشان دهند "
    "(اغلب متنی که از PDF رونوشت شده)؛ آن‌ها را با صفحه‌کلید فارسی دوباره بنویسید",
)
define("text_relative_link", "'{url}' would lead nowhere from the person's page: write the "
       "full address, https://…", "«{url}» از صفحهٔ آن شخص به جایی نمی‌رسد؛ نشانی کامل را "
       "بنویسید، https://…")  # fmt: skip
define("text_link_title_latin", "a link's title has Latin letters, '{found}', with no language: "
       "remove the title (the text in quotation marks after the address)",
       "عنوان یک پیوند حروف لاتین دارد، «{found}»، بدون زبان؛ عنوان را بردارید (متنِ میان "
       "گیومه‌ها پس از نشانی)")  # fmt: skip
define("text_link_title_persian", "a link's title has Persian letters, '{found}', with no "
       "language: remove the title (the text in quotation marks after the address)",
       "عنوان یک پیوند حروف فارسی دارد، «{found}»، بدون زبان؛ عنوان را بردارید (متنِ میان "
       "گیومه‌ها پس از نشانی)")  # fmt: skip

# A bio is rendered and looked at only when it might hold a link or HTML, a line that is a
# name, or (in English) letters that `Context.parts` does not mark.
_MAY_LINK = re.compile(r"\]\(|\]\[|^\s*\[[^\]]+\]:|<|https?://", re.MULTILINE)
_LINE_MARKUP = re.compile(r"^\s*(?:[-*+>]|\d+[.)]|#+)?\s*|[*_`]+|\s+$")


def text_errors(sources: Sources, directory: Directory) -> list[DataError]:
    """Every value the language, isolation and link gates would refuse on a page."""
    public = directory.public()
    names = language.names_to_isolate(public)
    bios = _Bios(public, names, SiteAddresses(public))
    errors = []
    for doc, loc, lang, value, kind in _values(sources):
        if kind == "bio":
            errors += [_error(doc, loc, message) for message in bios.problems(value, lang)]
            continue
        if kind in AS_WRITTEN and language.FOREIGN[lang].search(value):
            found = " ".join(dict.fromkeys(language.FOREIGN[lang].findall(value)))
            errors.append(_error(doc, loc, say(f"text_{kind}_{SCRIPT[lang]}", found=found)))
        elif lang == "en" and unmarked_letters(value):
            found = unmarked_letters(value)
            errors.append(_error(doc, loc, say("text_unmarked_letters", found=found)))
        shown = value.strip().translate(ARABIC_TO_PERSIAN) if lang == "fa" else value.strip()
        if kind not in ("name", "note") and shown in names:  # a note follows a date
            errors.append(_error(doc, loc, say("text_is_a_name", found=shown)))
    return errors


AS_WRITTEN = {"name", "alt", "label"}


def _values(sources: Sources) -> Iterator[tuple[Document, Loc, str, str, str]]:
    """(file, field, language, value, kind) of each text a page shows: kind is "name",
    "alt" or "label" for those shown as written, "bio", "note" (shown after a date and
    a status), or "text" for the others."""
    for doc in sources.diplomats + sources.cities:
        places = [(("name",), "name"), (("photo", "alt"), "alt"), (("occupation",), "text"),
                  (("description",), "text"), (("bio",), "bio")]  # fmt: skip
        for key in ("history", "since"):
            entries = doc.data.get(key) if isinstance(doc.data, dict) else None
            count = len(entries) if isinstance(entries, list) else 0
            places += [((key, i, "note"), "note") for i in range(count)]
        for place, kind in places:
            for lang in DIRECTION:
                yield from _value(doc, (*place, lang), lang, kind)
    if sources.fields and isinstance(sources.fields.data, dict):
        for area in sources.fields.data:
            for lang in DIRECTION:
                yield from _value(sources.fields, (area, lang), lang, "label")
                yield from _value(sources.fields, (area, "description", lang), lang, "text")


def _value(doc: Document, loc: Loc, lang: str, kind: str):
    """(doc, loc, lang, the value at `loc`, kind), if there is text there."""
    value = doc.data
    for part in loc:
        if isinstance(value, dict):
            value = value.get(part)
        elif isinstance(value, list) and isinstance(part, int) and part < len(value):
            value = value[part]
        else:
            return
    if isinstance(value, str):
        yield doc, loc, lang, value, kind


class _Bios:
    """What the gates would refuse in a bio, as its profile shows it."""

    def __init__(self, public: Directory, names: set[str], site: SiteAddresses):
        self.names, self.site = names, site
        self.contexts = {lang: Context(public, lang) for lang in DIRECTION}
        # No line of a bio longer than the longest name and some markup can be a name.
        self.longest = max(map(len, names), default=0) + 8

    def problems(self, source: str, lang: str) -> Iterator[str]:
        if not self._worth_rendering(source, lang):
            return
        shown = self.contexts[lang].parts_html(bio_html(source))
        page = parse(f'<html lang="{lang}"><body>{shown}</body></html>')[0].children[0]
        for link in (e for e in page.iter() if e.tag == "a"):
            href = link.get("href")
            if href is not None and not re.match(r"[a-z][a-z0-9+.-]*:", href, re.I):
                yield say("text_relative_link", url=href)
            yield from (found.message for found in link_problems(link, self.site, None))
        for owner, text in language.unmarked(page, lang):
            words = " ".join(dict.fromkeys(language.FOREIGN[lang].findall(text)))
            if owner.get("title") == text:
                yield say(f"text_link_title_{SCRIPT[lang]}", found=words)
            else:  # Context.parts marks every other run but these letters
                yield say("text_unmarked_letters", found=unmarked_letters(text) or words)
        for _, name in language.unisolated(page, self.names):
            yield say("text_is_a_name", found=name)

    def _worth_rendering(self, source: str, lang: str) -> bool:
        """Whether the bio may hold a link, a line that is a name, or letters that are
        not marked: most hold none, and rendering every bio would slow every build."""
        if _MAY_LINK.search(source) or lang == "en" and unmarked_letters(source):
            return True
        lines = (line for line in source.splitlines() if len(line) <= self.longest)
        return any(_LINE_MARKUP.sub("", line) in self.names for line in lines)


def unmarked_letters(text: str) -> str:
    """The letters of `text` that the language gate counts as Arabic script but that
    `Context.parts` does not mark as Persian on an English page, if any."""
    if not language.ARABIC_SCRIPT.search(text):
        return ""
    marked = OTHER_SCRIPT["en"]
    letters = (c for c in text if language.ARABIC_SCRIPT.match(c) and not marked.match(c))
    return " ".join(dict.fromkeys(letters))


def _error(doc: Document, loc: Loc, message: str) -> DataError:
    return DataError(f"{doc.path.parent.name}/{doc.path.name}", doc.line(loc), field_name(loc),
                     message)  # fmt: skip
