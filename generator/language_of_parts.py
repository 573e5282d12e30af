"""The rules of the language gates, in one place: the gates (tests/gates.py) apply them to
the built pages, and the check (content_check.py) to the content pages before a build.

- `unmarked`: text in the other language's script without an element that says its
  language (Latin letters on a Persian page, Arabic-script letters on an English one).
- `misdirected`: an element whose `dir` contradicts its `lang`.
- `unisolated`: a name from the data shown on its own without `<bdi>` or a `dir`.

They work on any element tree with lxml's interface (`tag`, `get`, `text`, `tail`,
`iter`, `iterancestors`, `getparent`): lxml.html's in the gates, and the standard
library's parser in the check (html_tree.py), since lxml is a test tool only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from .i18n import country_name

LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]+")
ARABIC_SCRIPT = re.compile(
    r"[\u0620-\u064a\u066e-\u06d3\u06d5\u06fa-\u06fc\u0750-\u077f\ufb50-\ufdff\ufe70-\ufefc]+"
)
FOREIGN = {"fa": LATIN, "en": ARABIC_SCRIPT}  # page language -> the other language's script
DIRECTION = {"fa": "rtl", "en": "ltr"}
NOT_TEXT = {"script", "style", "template", "svg", "noscript"}
CODE = {"code", "kbd", "samp", "var", "pre"}
# An address, e-mail, user name, id or file name: one word with a digit or punctuation.
CODE_WORD = re.compile(r"\S*[0-9@./:_#]\S*")
ATTRIBUTES = ("alt", "title", "aria-label", "placeholder")


def page_language(doc) -> str:
    """The language of the page whose root element is `doc`: "fa", "en" or what it says."""
    return (doc.get("lang") or "").split("-")[0]


def unmarked(doc, lang: str) -> Iterator[tuple[object, str]]:
    """(element, text) for each text in the other language's script outside an element
    that says its language, on a page in `lang`.

    Such text must be inside an element whose `lang` is not `lang` (the other language,
    or "" for a name in an unknown language). Exempt: text inside <code>, and addresses,
    e-mails and ids (one word with a digit or punctuation) inside a left-to-right element.
    Looks at text, the <title>, and the alt, title, aria-label and placeholder attributes.
    """
    foreign = FOREIGN[lang]
    for owner, text in texts(doc):
        if not foreign.search(text) or _lang(owner).split("-")[0] != lang:
            continue
        if not _is_code(owner, text, foreign):
            yield owner, text


def texts(doc) -> Iterator[tuple[object, str]]:
    """(element the text belongs to, text) for every text node and readable attribute,
    except in `hidden` elements, which nobody sees or hears (the search words)."""
    for element in doc.iter():
        if not isinstance(element.tag, str) or _inside(element, NOT_TEXT) or _hidden(element):
            continue
        if element.text:
            yield element, element.text
        parent = element.getparent()
        if element.tail and parent is not None and not _inside(parent, NOT_TEXT):
            yield parent, element.tail
        for name in ATTRIBUTES:
            if element.get(name):
                yield element, element.get(name)


def misdirected(doc) -> Iterator[object]:
    """Every element below `doc` that sets `lang` to one of our languages and a `dir`
    that is not that language's (fa with ltr, en with rtl)."""
    for element in doc.iter():
        if element is doc or not isinstance(element.tag, str) or element.get("dir") is None:
            continue
        own = (element.get("lang") or "").split("-")[0]
        if own in DIRECTION and element.get("dir") != DIRECTION[own]:
            yield element


def unisolated(content, names: set[str]) -> Iterator[tuple[object, str]]:
    """(element, name) for each of `names` shown on its own in `content` outside a <bdi>
    or an element with `dir`, where its letters could reorder the text around it."""
    for owner, text in texts(content):
        if text.strip() in names and not _isolated(owner, content):
            yield owner, text.strip()


def names_to_isolate(public) -> set[str]:
    """The names of published people and of cities, as the pages show them; not those
    that are also a country's name from CLDR (کویت is Kuwait City and Kuwait), which
    the pages may show as a country without isolating it."""
    names = {n for d in public.diplomats for n in (d.name.fa, d.name.en)}
    names |= {n for c in public.cities.values() for n in (c.name.fa, c.name.en, c.name.native)}
    countries = {
        country_name(c.country, lang) for c in public.cities.values() for lang in DIRECTION
    }
    return names - countries


def _hidden(element) -> bool:
    return any(e.get("hidden") is not None for e in [element, *element.iterancestors()])


def _inside(element, tags: Iterable[str]) -> bool:
    return any(e.tag in tags for e in [element, *element.iterancestors()])


def _lang(element) -> str:
    for e in [element, *element.iterancestors()]:
        if e.get("lang") is not None:
            return e.get("lang")
    return ""


def _direction(element) -> str | None:
    for e in [element, *element.iterancestors()]:
        if e.get("dir"):
            return e.get("dir")
    return None


def _is_code(owner, text: str, foreign: re.Pattern) -> bool:
    if _inside(owner, CODE):
        return True
    words = [w for w in text.split() if foreign.search(w)]
    return _direction(owner) == "ltr" and all(CODE_WORD.fullmatch(w) for w in words)


def _isolated(element, stop) -> bool:
    for e in [element, *element.iterancestors()]:
        if e.tag == "bdi" or e.get("dir"):
            return True
        if e is stop:
            return False
    return False
