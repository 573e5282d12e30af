"""Profile pages from one page that MkDocs built: the shell.

Every profile page is the same theme page around different content: same folder depth,
same nav, same assets. MkDocs renders one shell profile per language (the
`diplomats/_shell.md` page, whose title and body are placeholders); each profile is that
HTML with the placeholders replaced. A profile's body is already HTML, which MkDocs
passes through unchanged, so the result is byte for byte what MkDocs would have written
(tests/test_shell.py builds both ways and compares) at a fraction of the cost: at 10,000
people MkDocs otherwise spends most of the build rendering the theme 20,000 times.
`_shell` is not a valid id (ids have no underscore), so it can never be a real person's.
"""

from __future__ import annotations

import json
from pathlib import Path

from markupsafe import escape

from .render import Page

SHELL_PATH = "diplomats/_shell.md"
SHELL_URL = "diplomats/_shell/"
# A title with the characters HTML escaping changes, so that escaped and raw uses of the
# title in the theme can both be found and replaced with the same treatment.
SHELL_TITLE = "Shell & 'profile' \"title\""
SHELL_BODY = '<div class="cd-shell"><h1>shell body</h1></div>'
ENABLED = True  # tests switch it off to let MkDocs render every profile, and compare


def is_profile(page: Page) -> bool:
    """A person's page: diplomats/<id>.md (not the directory or its later pages)."""
    parts = page.path.split("/")
    return len(parts) == 2 and parts[0] == "diplomats" and parts[1] != "index.md"


def split(pages: list[Page]) -> tuple[list[Page], list[Page]]:
    """(pages for MkDocs, with the shell added; profile pages to stamp afterwards)."""
    profiles = [p for p in pages if is_profile(p)]
    if not profiles or not ENABLED:
        return pages, []
    others = [p for p in pages if not is_profile(p)]
    front = f"---\ntitle: {json.dumps(SHELL_TITLE)}\nhide:\n  - toc\n---\n\n"
    return [*others, Page(SHELL_PATH, front + SHELL_BODY + "\n")], profiles


def stamp(shell: str, profile: Page) -> str:
    """The profile's HTML page: the shell with its title, body and address."""
    front, body = profile.text.split("\n---\n", 1)
    title = json.loads(front.split("\ntitle: ", 1)[1].split("\n", 1)[0])
    person = profile.path.removesuffix(".md").split("/")[1]
    if SHELL_BODY not in shell:
        raise ValueError("the shell page does not contain its placeholder body")
    out = shell.replace(SHELL_BODY, body.strip())
    for placeholder, value in ((escape(SHELL_TITLE), escape(title)), (SHELL_TITLE, title)):
        out = out.replace(placeholder, value)
    return out.replace(SHELL_URL, f"diplomats/{person}/")


def stamp_all(site: Path, profiles: list[Page]) -> None:
    """Write every profile of one language into its built site, then drop the shell."""
    shell_file = site / SHELL_URL / "index.html"
    shell = shell_file.read_text(encoding="utf-8")
    for profile in profiles:
        target = site / profile.path.removesuffix(".md") / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        content = stamp(shell, profile)
        if not target.is_file() or target.read_text(encoding="utf-8") != content:
            target.write_text(content, encoding="utf-8")
    shell_file.unlink()
    shell_file.parent.rmdir()
