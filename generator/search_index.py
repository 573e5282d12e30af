"""The search index: Pagefind, run offline once the pages are built, before publishing.

Pagefind (the binary shipped in the `pagefind_bin` wheel) indexes the profiles only, and
not the pages as served: for each language it reads a folder of small documents, one per
profile at the profile's own path, holding the profile's body (the part marked
`data-pagefind-body`, see profile.md.j2) in a page of its language. The index is the same
as from the served pages (tests/test_search_index.py compares), without parsing the
theme around each body 20,000 times: at 10,000 people a third less time.
The bundle goes into the language's root (`pagefind/`, `en/pagefind/`); the browser
loads the pieces a query needs.
"""

from __future__ import annotations

import html
import json
import shutil
import subprocess
import time
from pathlib import Path

import pagefind_bin

from .lifetime import die_with_parent
from .render import Page

BUNDLE_DIR = "pagefind"
# Words every profile shows (labels, headings, the photo's description, the sentence shown
# when there is no public contact, the buttons and the note on asking the office for an
# introduction): in the index they would match every page, and at 10,000 people they
# cost Pagefind memory and time for nothing.
NOT_INDEXED = (
    "h2",
    "picture",
    ".cd-portrait",
    ".cd-facts > dt",
    ".cd-other-name > .cd-muted",
    ".cd-contacts .cd-muted",
    ".cd-missing",
    ".cd-no-contact",
    ".cd-reach",
    ".cd-reach-note",
)
# Pagefind needs about 140 KB of memory per profile: below this many profiles the two
# languages are indexed side by side, above it one after the other (at 10,000 people one
# run alone takes 1.3 GB). build.py reads it.
SIDE_BY_SIDE_BELOW = 3000


class SearchIndexFailed(RuntimeError):
    """Pagefind stopped with an error; its own output is in the message."""


# The profile's hidden search words (profile.md.j2): the index alone adds words to them.
SEARCH_TERMS = '<p class="cd-search-terms" hidden>'


def write_one(folder: Path, lang: str, profile: Page, index_only: str = "") -> None:
    """Write one profile's body for Pagefind, at the profile's path under `folder`.

    `index_only`: words search finds the person by that the served page must not hold,
    such as the other spellings of the name (search_text.other_spellings).
    """
    target = folder / profile.path.removesuffix(".md") / "index.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    body = profile.text.split("\n---\n", 1)[1].strip()
    if index_only:
        if SEARCH_TERMS not in body:
            raise ValueError(f"{profile.path}: no {SEARCH_TERMS} for the index-only words")
        body = body.replace(SEARCH_TERMS, f"{SEARCH_TERMS}{html.escape(index_only)} ", 1)
    target.write_text(
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"></head>'
        f"<body>{body}</body></html>",
        encoding="utf-8",
    )


class Run:
    """One language's Pagefind run, started in the background: index the documents under
    `source` into the bundle of the site in `root`."""

    def __init__(self, root: Path, source: Path, lang: str):
        self.root, self.source, self.lang = root, source, lang
        command = [
            str(pagefind_bin.get_executable()), "--site", str(source),
            "--output-path", str(root / BUNDLE_DIR),
            "--exclude-selectors", ", ".join(NOT_INDEXED), "--quiet",
        ]  # fmt: skip
        self.started = time.perf_counter()
        self.seconds = 0.0
        self.process = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
            preexec_fn=die_with_parent,
        )  # fmt: skip

    def finish(self) -> None:
        """Wait for the run; raise SearchIndexFailed with Pagefind's output if it failed."""
        output, _ = self.process.communicate()
        if self.process.returncode != 0:
            raise SearchIndexFailed(f"pagefind failed ({self.lang}):\n{output.strip()}")
        _sort_entry(self.root / BUNDLE_DIR / "pagefind-entry.json")
        shutil.rmtree(self.source)
        self.seconds = time.perf_counter() - self.started

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()


def _sort_entry(entry: Path) -> None:
    """Pagefind may list the languages in its entry file in any order; fix one, so that
    two builds of the same commit are byte-identical."""
    data = json.loads(entry.read_text(encoding="utf-8"))
    data["languages"] = dict(sorted(data["languages"].items()))
    entry.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
