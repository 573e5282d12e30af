"""Bios are Markdown written by people outside the office: render, then allow-list.

The Markdown is read as CommonMark by markdown-it-py, whose parser takes time in
proportion to the text and bounds how deep lists and quotes nest (`maxNesting`), whatever
the text holds. Python-Markdown, which MkDocs uses for the content pages, does neither:
a few kilobytes of `<a ` or `[`, or a 1 KB line of list markers, took it seconds per bio
or ended in RecursionError (tests/test_sanitize.py times both).

Markdown passes raw HTML and `javascript:` links through, so the output is cleaned by
nh3 (the Ammonia sanitiser) with a short list of tags and URL schemes.
"""

from __future__ import annotations

import re

import nh3
from markdown_it import MarkdownIt
from markupsafe import Markup

ALLOWED_TAGS = {"p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "blockquote", "a", "code"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
ALLOWED_URL_SCHEMES = {"https", "http", "mailto", "tel"}
# Raw HTML is read as HTML, so that the cleaner removes its tags as the data contract says
# (rather than showing them as text). Past MAX_NESTING levels of lists, quotes and the
# items in them, the parser stops: the check refuses bios nested half that deep.
MAX_NESTING = 20
_MARKDOWN = MarkdownIt("commonmark", {"html": True, "maxNesting": MAX_NESTING})
# A link is a link whatever its address: the cleaner keeps the allowed schemes only, and
# drops the others' addresses, so that `[click](javascript:…)` is the word, not the code.
_MARKDOWN.validateLink = lambda url: True  # type: ignore[method-assign]
_CONTAINERS = {"bullet_list", "ordered_list", "blockquote"}


# Most bios are plain paragraphs. A text with none of these characters, and no line that
# starts with a space, a digit or a list marker or ends with a space, holds no Markdown
# and no HTML: Markdown and the cleaner would give its paragraphs back as <p>…</p>, as
# written. Taking that path directly is exact (tested against the full one) and skips
# about four fifths of the work, which at 10,000 people is seconds per language.
_NOT_PLAIN = re.compile(
    r"[\\`*_\[\]<>&#!|~=+{}\u00a0\u0085\u2028\u2029\x00-\x09\x0b-\x1f\x7f]"
    r"|^[ \d-]|[ ]$",
    re.MULTILINE,
)


def is_plain(source: str) -> bool:
    """Whether `source` is paragraphs of plain text, with no Markdown or HTML in it."""
    return not _NOT_PLAIN.search(source)


def bio_html(source: str) -> Markup:
    """Markdown → HTML that can contain no script, style, event handler or unsafe link."""
    if is_plain(source):
        paragraphs = re.split(r"\n{2,}", source.strip("\n"))
        # Only plain text, checked above: nothing in it to escape.
        return Markup("\n".join(f"<p>{text}</p>" for text in paragraphs if text))
    return rendered(source)


def rendered(source: str) -> Markup:
    """bio_html the long way, for every text: Markdown, then the allow-list."""
    html = _MARKDOWN.render(source)
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )
    # The one place unescaped HTML enters a page: it has just been sanitised above.
    return Markup(clean.rstrip("\n"))


def nesting(source: str) -> int:
    """How many lists and quotes deep the text goes, as the renderer reads it (a list in
    a quote in a list is 3). Beyond MAX_NESTING the parser stops: that reads as at least
    MAX_NESTING // 2, each list counting twice there (the list and its item)."""
    if is_plain(source):
        return 0
    depth = deepest = 0
    for token in _MARKDOWN.parse(source):
        kind = token.type.removesuffix("_open").removesuffix("_close")
        if kind in _CONTAINERS:
            depth += token.nesting
            deepest = max(deepest, depth)
    return deepest
