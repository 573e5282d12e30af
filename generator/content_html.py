"""What the quality gates refuse in HTML that staff write: a content page as Markdown
renders it (content_check.py), and a bio's links (text_check.py).

Each rule returns `Found` items: the field, the message, and what to search the page's
source for to find the line it is written on (Markdown keeps no lines).
"""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass
from urllib.parse import urlsplit

from . import language_of_parts as language
from .html_tree import Element
from .i18n import DIRECTION, is_language
from .messages import Message, define, say
from .site_addresses import SiteAddresses

# What a content page may hold: the elements Markdown writes, and a few of HTML's own for
# a phrase (a word in another language, an abbreviation, a key). Only phrases may be
# written as HTML: a block (<p>, <div>, <ul>) inside a paragraph is invalid HTML.
MARKDOWN_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "a", "em", "strong", "code", "pre",
                 "blockquote", "ul", "ol", "li", "hr", "br"}  # fmt: skip
PHRASE_TAGS = {"span", "bdi", "abbr", "b", "i", "kbd", "sub", "sup", "small", "q"}
RAW_TAGS = PHRASE_TAGS | {"a", "br", "code", "em", "strong"}
ATTRIBUTES = {"id", "class", "lang", "dir", "title"}
TAG_ATTRIBUTES = {"a": {"href"}, "ol": {"start"}}
SCHEMES = {"http", "https", "mailto", "tel"}
DIRECTIONS = {"ltr", "rtl", "auto"}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
# An address in a page cannot hold these as they are, nor a % that starts no escape.
NOT_IN_ADDRESS = re.compile(r"[\s<>\"{}|\\^`\x00-\x1f\x7f]|%(?![0-9A-Fa-f]{2})")
_REFERENCE = re.compile(r"&([A-Za-z][A-Za-z0-9]*);")
_LETTER = "A-Za-z\u00c0-\u024f"
SCRIPT = {"fa": "latin", "en": "persian"}  # a page's language -> the other script's name

define("page_address_characters", "'{url}' cannot be an address as it is written: write a "
       "space as %20, and no quotation marks or < >", "«{url}» به این شکل نشانی نمی‌شود؛ "
       "فاصله را ‎%20‎ بنویسید و گیومه یا < > به کار نبرید")  # fmt: skip
define("page_address_scheme", "'{url}': a link goes to an https://, http://, mailto: or tel: "
       "address, or to a page of this site", "«{url}»: پیوند به نشانی https://، http://، "
       "mailto: یا tel: یا به صفحه‌ای از همین سایت می‌رود")  # fmt: skip
define("page_address_host", "'{url}': the site's name is missing after '//'",
       "«{url}»: نام سایت پس از «//» نیامده است")  # fmt: skip
define("page_empty_link", "a link without text: write the words to click between [ and ]",
       "پیوند بدون متن: واژه‌هایی را که باید روی آن‌ها زد میان [ و ] بنویسید")  # fmt: skip
define("page_nested_link", "a link inside another link: keep one of them",
       "پیوندی درون پیوند دیگر: یکی از آن دو را نگه دارید")  # fmt: skip
define("page_empty_heading", "a heading without text: write it, or remove the #",
       "عنوان بدون متن: متنش را بنویسید یا «#» را بردارید")  # fmt: skip
define("page_picture", "a content page cannot show pictures",
       "صفحهٔ محتوا نمی‌تواند تصویر نشان دهد")  # fmt: skip
define("page_table", "a content page cannot hold a table (a phone would cut it off): write a "
       "list instead", "صفحهٔ محتوا نمی‌تواند جدول داشته باشد (گوشی آن را می‌بُرد)؛ به جایش "
       "فهرست بنویسید")  # fmt: skip
define("page_element", "the HTML element <{tag}> cannot be used in a content page (these can: "
       "{allowed})", "عنصر HTML ‏<{tag}> را نمی‌شود در صفحهٔ محتوا به کار برد (این‌ها را "
       "می‌شود: {allowed})")  # fmt: skip
define(
    "page_attribute",
    "<{tag}> cannot have the attribute '{name}' (it can have: {allowed})",
    "‏<{tag}> نمی‌تواند ویژگی «{name}» داشته باشد (این‌ها را می‌تواند: {allowed})",
)
define("page_lang", "lang='{found}' is not a two-letter language code such as en or fa",
       "lang=«{found}» کد دوحرفی زبان، مانند en یا fa، نیست")  # fmt: skip
define("page_dir", "dir='{found}' must be ltr, rtl or auto",
       "dir=«{found}» باید ltr، rtl یا auto باشد")  # fmt: skip
define("page_lang_dir", "lang='{lang}' goes with dir='{expected}', not dir='{found}'",
       "lang=«{lang}» با dir=«{expected}» می‌آید، نه با dir=«{found}»")  # fmt: skip
define("page_duplicate_id", "the id '{found}' is given twice on this page",
       "شناسهٔ «{found}» در این صفحه دو بار آمده است")  # fmt: skip
define("page_theme_id", "'{found}': ids starting with '__' belong to the site's theme",
       "«{found}»: شناسه‌هایی که با «__» آغاز می‌شوند از آنِ قالب سایت‌اند")  # fmt: skip
define("page_entity", "'&{found};' is not a character HTML knows: write & as &amp;",
       "«&{found};» نویسه‌ای نیست که HTML بشناسد؛ & را &amp; بنویسید")  # fmt: skip
define("page_latin", "Latin letters without a language, '{found}': put them in "
       '<span lang="en">…</span>, or write {{ lang=en }} right after a link',
       "حروف لاتین بدون زبان، «{found}»: آن‌ها را در <span lang=\"en\">…</span> بگذارید، یا "
       "درست پس از پیوند {{ lang=en }} بنویسید")  # fmt: skip
define("page_persian", "Persian letters without a language, '{found}': put them in "
       '<span lang="fa">…</span>, or write {{ lang=fa }} right after a link',
       "حروف فارسی بدون زبان، «{found}»: آن‌ها را در <span lang=\"fa\">…</span> بگذارید، یا "
       "درست پس از پیوند {{ lang=fa }} بنویسید")  # fmt: skip
define("page_title_latin", "the title has Latin letters, '{found}': the browser's tab and the "
       "page's header show it without a language, so write it in Persian only",
       "عنوان حروف لاتین دارد، «{found}»: زبانهٔ مرورگر و سرِ صفحه آن را بدون زبان نشان "
       "می‌دهند؛ پس آن را فقط به فارسی بنویسید")  # fmt: skip
define("page_title_persian", "the title has Persian letters, '{found}': the browser's tab and "
       "the page's header show it without a language, so write it in English only",
       "عنوان حروف فارسی دارد، «{found}»: زبانهٔ مرورگر و سرِ صفحه آن را بدون زبان نشان "
       "می‌دهند؛ پس آن را فقط به انگلیسی بنویسید")  # fmt: skip
define("page_heading_latin", "the heading has Latin letters, '{found}': the table of contents "
       "repeats it without its markup, so write it in Persian only",
       "این عنوان حروف لاتین دارد، «{found}»: فهرست موضوعات آن را بدون نشانه‌گذاری‌اش تکرار "
       "می‌کند؛ پس آن را فقط به فارسی بنویسید")  # fmt: skip
define("page_heading_persian", "the heading has Persian letters, '{found}': the table of "
       "contents repeats it without its markup, so write it in English only",
       "این عنوان حروف فارسی دارد، «{found}»: فهرست موضوعات آن را بدون نشانه‌گذاری‌اش تکرار "
       "می‌کند؛ پس آن را فقط به انگلیسی بنویسید")  # fmt: skip
define("page_not_isolated", "'{found}' is a name from the data, written on its own: put it in "
       "<bdi>…</bdi>", "«{found}» نامی از داده‌هاست که جدا آمده است؛ آن را در "
       "<bdi>…</bdi> بگذارید")  # fmt: skip


@dataclass(frozen=True)
class Found:
    """A problem, and what to search the source for to find its line."""

    field: str
    message: Message
    needle: str | re.Pattern | None = None
    words: bool = False  # search the text only, not addresses, tags or attributes
    where: str = "body"  # or "title" (front matter), "heading" (a heading's line)


def attribute_needle(name: str, value: str) -> re.Pattern:
    """`name=value` as HTML (`name="value"`) or an attribute list (`{ name=value }`)
    writes it; `#value` for an id."""
    written = rf"\b{re.escape(name)}\s*=\s*[\"']?{re.escape(value)}"
    if name == "id":
        written += rf"|#{re.escape(value)}\b"
    return re.compile(written)


def element_problems(
    body: Element, site: SiteAddresses | None, page: str = "", raw: frozenset[str] = frozenset()
) -> list[Found]:
    """Elements, attributes, ids and links that the HTML checker, axe or the link gate
    refuse. `raw`: the addresses of links written in HTML, which MkDocs does not check:
    those that are relative are resolved from `page`, the page's address."""
    found: list[Found] = []
    ids: Counter[str] = Counter()
    for element in body.iter():
        tag = element.tag
        if tag in ("img", "table") or tag not in MARKDOWN_TAGS | PHRASE_TAGS | {"#root"}:
            if tag not in ("thead", "tbody", "tr", "th", "td"):  # the table is reported
                found.append(Found("html", tag_problem(tag), tag_needle(tag)))
            continue
        found += _attributes(element)
        ids.update([element.get("id")] if element.get("id") is not None else [])
        if tag == "a":
            found += link_problems(element, site, page if element.get("href") in raw else None)
        if tag == "a" and any(e.tag == "a" for e in element.iterancestors()):
            found.append(Found("link", say("page_nested_link"), re.compile(r"<a\b", re.I)))
        if tag in HEADINGS and not element.text_content().strip():
            needle = re.compile(r"^#+\s*(\{.*\})?\s*$|<h\d")
            found.append(Found("heading", say("page_empty_heading"), needle))
    for element in language.misdirected(body):
        own, written = element.get("lang").split("-")[0], element.get("dir")
        message = say("page_lang_dir", lang=own, expected=DIRECTION[own], found=written)
        found.append(Found("html", message, attribute_needle("dir", written)))
    for ident, count in ids.items():
        if count > 1:
            message = say("page_duplicate_id", found=ident)
            found.append(Found("html", message, attribute_needle("id", ident)))
    return found


def tag_problem(tag: str) -> Message:
    """Why the element `tag` cannot be in a content page."""
    if tag == "img":
        return say("page_picture")
    if tag == "table":
        return say("page_table")
    return say("page_element", tag=tag, allowed=" ".join(f"<{t}>" for t in sorted(RAW_TAGS)))


def tag_needle(tag: str) -> re.Pattern:
    """Where the element `tag` is written, as HTML or (a picture, a table) as Markdown."""
    markdown = {"img": r"|!\[", "table": r"|^\s*\|"}.get(tag, "")
    return re.compile(rf"<{re.escape(tag)}\b{markdown}", re.I)


def _attributes(element: Element) -> list[Found]:
    found = []
    allowed = ATTRIBUTES | TAG_ATTRIBUTES.get(element.tag, set())
    for name, value in element.attrib.items():
        value = value or ""
        needle = attribute_needle(name, value)
        if name not in allowed:
            message = say("page_attribute", tag=element.tag, name=name,
                          allowed=", ".join(sorted(allowed)))  # fmt: skip
            found.append(Found("html", message, re.compile(rf"\b{re.escape(name)}\s*=")))
        elif name == "lang" and value and not is_language(value):
            found.append(Found("html", say("page_lang", found=value), needle))
        elif name == "dir" and value not in DIRECTIONS:
            found.append(Found("html", say("page_dir", found=value), needle))
        elif name == "id" and value.startswith("__"):
            found.append(Found("html", say("page_theme_id", found=value), needle))
    return found


def link_problems(link: Element, site: SiteAddresses | None, page: str | None) -> list[Found]:
    """A link without text, or to an address that is invalid, or on the site and leads
    nowhere. A relative address is resolved from `page`; with None it is not checked."""
    found = []
    href = link.get("href") or ""
    if not link.text_content().strip():
        found.append(Found("link", say("page_empty_link"), re.compile(r"\[\s*\]|<a\b", re.I)))
    needle = re.compile(re.escape(href))
    problem = address_problem(href)
    if problem:
        found.append(Found("link", problem, needle))
    elif site and (site.is_own(href) or page is not None and not urlsplit(href).scheme):
        message = site.problem(href, page or "")
        if message:
            found.append(Found("link", message, needle))
    return found


def address_problem(href: str) -> Message | None:
    """Why the HTML checker (or a careful reader) would refuse the address `href`."""
    if NOT_IN_ADDRESS.search(href):
        return say("page_address_characters", url=href)
    parts = urlsplit(href)
    if parts.scheme and parts.scheme.lower() not in SCHEMES:
        return say("page_address_scheme", url=href)
    if parts.scheme in ("http", "https") and not parts.hostname:
        return say("page_address_host", url=href)
    return None


def entity_problems(content: str) -> list[Found]:
    """`&name;` that HTML has no character for: the checker refuses it."""
    return [
        Found("text", say("page_entity", found=name), f"&{name};")
        for name in dict.fromkeys(_REFERENCE.findall(content))
        if f"{name};" not in html.entities.html5
    ]


def language_problems(page: Element, lang: str, names: set[str]) -> list[Found]:
    """Text the language gate and the isolation gate refuse, on a page laid out as the
    theme lays it out (content_check.skeleton): in the title, the headings of the table of
    contents, the text."""
    found = []
    script = SCRIPT[lang]
    for owner, text in language.unmarked(page, lang):
        words = " ".join(dict.fromkeys(language.FOREIGN[lang].findall(text)))
        first = language.FOREIGN[lang].search(text).group(0)
        needle = re.compile(rf"(?<![{_LETTER}]){re.escape(first)}(?![{_LETTER}])")
        area = _area(owner)
        if area == "title":
            found.append(Found("title", say(f"page_title_{script}", found=words), where="title"))
        elif area == "toc":
            message = say(f"page_heading_{script}", found=words)
            found.append(Found("heading", message, needle, words=True, where="heading"))
        else:
            found.append(Found("text", say(f"page_{script}", found=words), needle, words=True))
    for content in (e for e in page.iter() if e.tag == "article"):
        for _, name in language.unisolated(content, names):
            needle = re.compile(  # the name as the whole text of a line, link or element
                rf"(^\s*([-*+>]|\d+[.)]|#+)?\s*|[\[>*_]){re.escape(name)}(\s*$|[\]<*_])"
            )
            found.append(Found("text", say("page_not_isolated", found=name), needle, words=True))
    return found


def _area(owner: Element) -> str:
    """Where on the page a text is: "title" (the tab, the header), "toc" or "body"."""
    for e in [owner, *owner.iterancestors()]:
        if e.tag in ("title", "header"):
            return "title"
        if e.tag == "nav":
            return "toc"
    return "body"
