"""Values of content/site.yml put into the content pages staff write.

A page that tells the visitor to write to the office says where: staff write
`{{ office_email }}` and the page shows the office's address from content/site.yml as a
link that opens an e-mail to it, so that the address is set in one place. The build fills
the placeholders before MkDocs reads the page (render.py), and the check before it
renders the page as MkDocs will (content_check.py); one written in code (`…`) is left as
it is. A name the site cannot fill in is an error, on its line, in the check.
"""

from __future__ import annotations

import re

from .messages import define, quoted, say
from .schema import SiteSettings

# Code in Markdown (group 1: fenced, or between backticks), or a placeholder on one line,
# `{{ name }}` (group 4: the name).
_PIECES = re.compile(
    r"(^(```|~~~).*?^\2|(`+).+?\3)|\{\{\s*([^{}\n]*?)\s*\}\}", re.MULTILINE | re.DOTALL
)

KNOWN = ("office_email",)

define(
    "page_placeholder",
    "{found} is not a value the site can put in a page (known: {known})",
    "سایت مقداری به نام {found} ندارد که در صفحه بگذارد (مقدارهای شناخته‌شده: {known})",
)


def _office_email(site: SiteSettings) -> str:
    # A Markdown link; its address is a plain one (schema._email), nothing in it is markup.
    # dir=ltr: the address reads left to right inside a Persian sentence too.
    address = site.office_email
    return f"[{address}](mailto:{address}){{ dir=ltr }}"


_FILL = {"office_email": _office_email}


def filled(source: str, site: SiteSettings | None, unknown_as: str | None = None) -> str:
    """`source` with each known placeholder outside code replaced by its value; unknown
    ones, and all of them without `site`, are left as written (the check reports those),
    or replaced by `unknown_as` if given."""
    if site is None or "{{" not in source:
        return source

    def fill(match: re.Match) -> str:
        name = match.group(4)
        if name is None:  # code
            return match.group(0)
        if name not in _FILL:
            return match.group(0) if unknown_as is None else unknown_as
        return _FILL[name](site)

    return _PIECES.sub(fill, source)


def unknown(source: str) -> list[tuple[int, str]]:
    """(line, placeholder as written) for each placeholder outside code that the site
    cannot fill in."""
    found = []
    for match in _PIECES.finditer(source):
        if match.group(4) is not None and match.group(4) not in KNOWN:
            found.append((source.count("\n", 0, match.start()) + 1, match.group(0)))
    return found


def problems(source: str) -> list[tuple[int, str]]:
    """(line, message) for each placeholder the site cannot fill in."""
    known = ", ".join(f"{{{{ {name} }}}}" for name in KNOWN)
    return [(line, say("page_placeholder", found=quoted(written), known=known))
            for line, written in unknown(source)]  # fmt: skip
