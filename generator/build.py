"""The whole flow in one place: load → validate → render → write → MkDocs → index → publish.

Everything is gathered and checked before the first file is written, and the new site
is built in a staging folder that replaces `site/` only once it is complete: bad data or
a failed build leaves the previous `site/` as it was.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from .facets import FACET_FILE, facet_json
from .i18n import LANGUAGES
from .load import load_sources
from .mkdocs_site import run_builds, write_configs
from .models import Directory
from .photos import portrait_files
from .render import render_language
from .search_index import index_site
from .validate import validate
from .write import collect, sync_tree


def check(root: Path) -> Directory:
    """Load and validate every data file under `root`; raise DataErrors on any problem."""
    return validate(load_sources(root))


@dataclass
class BuildReport:
    """What a build did and how long each stage took."""

    site_dir: Path
    pages: int = 0
    diplomats: int = 0
    seconds: dict[str, float] = field(default_factory=dict)

    def __str__(self) -> str:
        stages = ", ".join(f"{name} {secs:.2f}s" for name, secs in self.seconds.items())
        total = sum(self.seconds.values())
        return (
            f"Built {self.site_dir} with {self.diplomats} published diplomats, {self.pages} pages "
            f"per language, in {total:.1f}s ({stages})"
        )


def build_site(
    root: Path,
    site_dir: Path | None = None,
    site_url: str | None = None,
    work: Path | None = None,
    extra_javascript: tuple[str, ...] = (),
) -> BuildReport:
    """Build the bilingual site from the data under `root` into `site_dir`.

    `work` holds the generated Markdown and MkDocs configs (default `<root>/build`).
    """
    site_dir = (site_dir or root / "site").resolve()
    work = (work or root / "build").resolve()
    report = BuildReport(site_dir)
    clock = _Clock(report.seconds)

    with clock("load and validate"):
        public = check(root).public()
    with clock("render"):
        pages = {lang: render_language(public, lang) for lang in LANGUAGES}
        # Files both languages share, written once at the root of the site.
        shared: dict[str, bytes] = {FACET_FILE: facet_json(public)}
        for diplomat in public.diplomats:
            if diplomat.photo:
                shared.update(portrait_files(diplomat.id, Path(public.photos[diplomat.photo.file])))
    report.pages, report.diplomats = len(pages["fa"]), len(public.diplomats)

    with clock("write"):
        for lang in LANGUAGES:
            sync_tree(work / "docs" / lang, collect([(p.path, p.text) for p in pages[lang]]))
        _remove_stale_staging(site_dir)
        staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-staging-", dir=site_dir.parent))
        site_dirs = {"fa": staging / "site", "en": staging / "en"}
        url = site_url if site_url is not None else os.environ.get("SITE_URL", "")
        configs = write_configs(root, work, site_dirs, url, extra_javascript)
    try:
        with clock("mkdocs (fa and en in parallel)"):
            run_builds(configs, {"SOURCE_DATE_EPOCH": _source_date_epoch(root)})
        with clock("assemble"):
            new_site = site_dirs["fa"]
            site_dirs["en"].rename(new_site / "en")
            for rel, content in sorted(shared.items()):
                target = new_site / rel
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(content)
        with clock("search index"):
            index_site(new_site)
        with clock("publish"):
            _publish(new_site, site_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return report


def _publish(new_site: Path, site_dir: Path) -> None:
    """Swap the finished site into place; the old one is removed only afterwards."""
    old = None
    if site_dir.exists():
        old = site_dir.with_name(f".{site_dir.name}-old-{os.getpid()}")
        site_dir.rename(old)
    new_site.rename(site_dir)
    if old is not None:
        shutil.rmtree(old)


def _remove_stale_staging(site_dir: Path) -> None:
    """Remove staging folders left by builds that were killed midway."""
    for leftover in site_dir.parent.glob(f".{site_dir.name}-staging-*"):
        shutil.rmtree(leftover, ignore_errors=True)


def _source_date_epoch(root: Path) -> str:
    """Dates in the output come from the last commit, so two builds of it are identical."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return os.environ["SOURCE_DATE_EPOCH"]
    try:
        out = subprocess.run(
            ["git", "-C", str(root), "log", "-1", "--format=%ct"],
            capture_output=True, text=True, check=True,
        )  # fmt: skip
        return out.stdout.strip() or str(int(time.time()))
    except (OSError, subprocess.CalledProcessError):
        return str(int(time.time()))


class _Clock:
    def __init__(self, into: dict[str, float]):
        self.into = into

    def __call__(self, name: str) -> _Clock:
        self.name = name
        return self

    def __enter__(self) -> None:
        self.start = time.perf_counter()

    def __exit__(self, *exc: object) -> None:
        self.into[self.name] = time.perf_counter() - self.start
