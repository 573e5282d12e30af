"""Bios are Markdown written by people outside the office: render, then allow-list.

Python-Markdown passes raw HTML and `javascript:` links through unchanged, so its output
is cleaned by nh3 (the Ammonia sanitiser) with a short list of tags and URL schemes.
"""

from __future__ import annotations

import markdown
import nh3
from markupsafe import Markup

ALLOWED_TAGS = {"p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "blockquote", "a", "code"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
ALLOWED_URL_SCHEMES = {"https", "http", "mailto", "tel"}
_MARKDOWN = markdown.Markdown(output_format="html")  # one instance, reset for each bio


def bio_html(source: str) -> Markup:
    """Markdown → HTML that can contain no script, style, event handler or unsafe link."""
    html = _MARKDOWN.reset().convert(source)
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )
    # The one place unescaped HTML enters a page: it has just been sanitised above.
    return Markup(clean)
