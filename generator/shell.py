"""Generated pages from pages that MkDocs built around a placeholder: the shells.

Every generated page's body is HTML from our templates, which MkDocs passes through
unchanged: parsing it is all MkDocs would do with it, and at 1,000 people that parsing
was four fifths of MkDocs' time. So MkDocs gets each generated page's title and a small
placeholder body, renders the theme around it, and the real body is put in afterwards.

Profiles go one step further. Every profile is the same theme page around different
content (same folder depth, same nav, same assets), so MkDocs renders one shell profile
per language (`diplomats/_shell.md`, whose title is a placeholder too) and each profile
is that HTML with its title, body and address put in.

Either way the result is byte for byte what MkDocs would have written (tests/test_shell.py
builds both ways and compares) at a fraction of the cost. `_shell` is not a valid id (ids
have no underscore), so it can never be a real person's.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from markupsafe import escape

from .render import Page, page_url

SHELL_PATH = "diplomats/_shell.md"
SHELL_URL = "diplomats/_shell/"
# A title with the characters HTML escaping changes, so that escaped and raw uses of the
# title in the theme can both be found and replaced with the same treatment.
SHELL_TITLE = "Shell & 'profile' \"title\""
SHELL_BODY = '<div class="cd-shell"><h1>shell body</h1></div>'
ENABLED = True  # tests switch it off to let MkDocs render every page itself, and compare


@dataclass
class Split:
    """One language's generated pages, divided for MkDocs and for afterwards."""

    for_mkdocs: list[Page]  # content pages whole; generated pages with the placeholder
    profiles: list[Page]  # stamped from the shell profile
    bodies: dict[str, str]  # URL of a generated page → the body that replaces its placeholder


def is_profile(page: Page) -> bool:
    """A person's page: diplomats/<id>.md (not the directory or its later pages)."""
    parts = page.path.split("/")
    return len(parts) == 2 and parts[0] == "diplomats" and parts[1] != "index.md"


def split(pages: list[Page], profiles_follow: bool = False) -> Split:
    """Divide pages: for MkDocs, to stamp from the shell, and bodies to put in afterwards.

    `profiles_follow`: the profiles are not among `pages` but will be stamped one by one
    (see Stamper), so MkDocs must render the shell all the same.
    """
    if not ENABLED:
        return Split(pages, [], {})
    profiles = [p for p in pages if p.html and is_profile(p)]
    for_mkdocs, bodies = [], {}
    for page in pages:
        if not page.html:
            for_mkdocs.append(page)
        elif not is_profile(page):
            front, body = _parts(page)
            bodies[page_url(page.path)] = body
            # The body's hash changes the Markdown whenever the body changes, so that a
            # preview's MkDocs (which renders only changed files) renders the page again.
            digest = hashlib.blake2b(body.encode(), digest_size=8).hexdigest()
            marked = front.replace("\n---", f"\ncd_body: {digest}\n---", 1)
            for_mkdocs.append(Page(page.path, f"{marked}\n\n{SHELL_BODY}\n"))
    if profiles or profiles_follow:
        front = f"---\ntitle: {json.dumps(SHELL_TITLE)}\nhide:\n  - toc\n---\n\n"
        for_mkdocs.append(Page(SHELL_PATH, front + SHELL_BODY + "\n"))
    return Split(for_mkdocs, profiles, bodies)


def _parts(page: Page) -> tuple[str, str]:
    """(front matter from `---` to the last line before `---`, body as MkDocs outputs it)."""
    front, body = page.text.split("\n---\n", 1)
    return front + "\n---", body.strip()


def stamp(shell: str, profile: Page) -> str:
    """The profile's HTML page: the shell with its title, body and address."""
    front, body = _parts(profile)
    title = json.loads(front.split("\ntitle: ", 1)[1].split("\n", 1)[0])
    person = profile.path.removesuffix(".md").split("/")[1]
    if SHELL_BODY not in shell:
        raise ValueError("the shell page does not contain its placeholder body")
    out = shell.replace(SHELL_BODY, body)
    for placeholder, value in ((escape(SHELL_TITLE), escape(title)), (SHELL_TITLE, title)):
        out = out.replace(placeholder, value)
    return out.replace(SHELL_URL, f"diplomats/{person}/")


def complete(site: Path, split: Split, fresh: bool = True) -> None:
    """Finish one language's built site: put in the bodies, write every profile.

    `fresh`: MkDocs built every page just now, so each must show its placeholder.
    """
    for url, body in split.bodies.items():
        target = site / url / "index.html"
        page = target.read_text(encoding="utf-8")
        if page.count(SHELL_BODY) == 1:
            target.write_text(page.replace(SHELL_BODY, body), encoding="utf-8")
        elif SHELL_BODY in page:
            raise ValueError(f"{url}: the page shows its placeholder more than once")
        elif fresh:
            raise ValueError(f"{url}: the page built by MkDocs lacks its placeholder")
        # No placeholder: a preview's MkDocs left the page as it was, body included,
        # because its Markdown (which carries the body's hash) did not change.
    if split.profiles:
        _stamp_all(site, split.profiles)


def _stamp_all(site: Path, profiles: list[Page]) -> None:
    """Write every profile of one language into its built site, then drop the shell."""
    stamper = Stamper(site)
    for profile in profiles:
        stamper.write(profile)
    stamper.close()


class Stamper:
    """Writes profiles into a built site from its shell, one at a time; `close` drops it."""

    def __init__(self, site: Path):
        self.site = site
        self.shell_file = site / SHELL_URL / "index.html"
        self.shell = self.shell_file.read_text(encoding="utf-8")

    def write(self, profile: Page) -> None:
        target = self.site / profile.path.removesuffix(".md") / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        content = stamp(self.shell, profile)
        if not target.is_file() or target.read_text(encoding="utf-8") != content:
            target.write_text(content, encoding="utf-8")

    def close(self) -> None:
        self.shell_file.unlink()
        self.shell_file.parent.rmdir()
