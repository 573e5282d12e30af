"""The search index: Pagefind, run offline on the assembled site before it is published.

Pagefind (the binary shipped in the `pagefind_bin` wheel) reads only the pages that carry
`data-pagefind-body` (the profiles, see profile.md.j2), so the nav and footer are never
indexed, and writes one index per `<html lang>` into `pagefind/` at the site root. The
browser loads the pieces a query needs (FINDINGS.md).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

BUNDLE_DIR = "pagefind"
# Words every profile shows (labels, headings, the photo's description, the sentence shown
# when there is no public contact): in the index they would match every page.
NOT_INDEXED = (
    "h2",
    "picture",
    ".cd-portrait",
    ".cd-facts > dt",
    ".cd-other-name > .cd-muted",
    ".cd-contacts .cd-muted",
    ".cd-missing",
    ".cd-no-contact",
)


class SearchIndexFailed(RuntimeError):
    """Pagefind stopped with an error; its own output is in the message."""


def index_site(site: Path) -> None:
    """Write the Pagefind bundle for the finished site in `site` (both languages)."""
    command = [
        sys.executable, "-m", "pagefind", "--site", str(site), "--output-subdir", BUNDLE_DIR,
        "--exclude-selectors", ", ".join(NOT_INDEXED), "--quiet",
    ]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise SearchIndexFailed(f"pagefind failed:\n{(result.stdout + result.stderr).strip()}")
    _sort_entry(site / BUNDLE_DIR / "pagefind-entry.json")


def _sort_entry(entry: Path) -> None:
    """Pagefind lists the languages in its entry file in a random order; fix one, so that
    two builds of the same commit are byte-identical."""
    data = json.loads(entry.read_text(encoding="utf-8"))
    data["languages"] = dict(sorted(data["languages"].items()))
    entry.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
