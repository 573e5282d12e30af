"""The whole flow in one place: load → validate → render → write → MkDocs → publish.

Everything is gathered and checked before the first file is written, and the new site
is built in a staging folder that replaces `site/` only once it is complete: bad data or
a failed build leaves the previous `site/` as it was.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from .i18n import LANGUAGES
from .load import load_sources
from .mkdocs_site import run_builds, write_configs
from .models import Directory
from .photos import cached_portraits
from .render import Page, render_language
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


@dataclass
class Outputs:
    """Everything a build will write, gathered and checked before anything is written."""

    public: Directory
    pages: dict[str, list[Page]]  # language -> Markdown pages for MkDocs
    files: dict[str, bytes]  # path under the site root -> content (photos)


def prepare(root: Path, work: Path, clock: Clock) -> Outputs:
    """Load, validate and render; raise DataErrors before anything is written."""
    with clock("load and validate"):
        public = check(root).public()
    with clock("render"):
        pages = render_all(public)
    with clock("photos"):
        portraits = [(d.id, Path(public.photos[d.photo.file])) for d in public.diplomats if d.photo]
        files = cached_portraits(portraits, work / "cache" / "photos")
    return Outputs(public, pages, files)


def render_all(public: Directory) -> dict[str, list[Page]]:
    """Render both languages; on a large directory, one language per core."""
    if len(public.diplomats) < PARALLEL_RENDER_FROM or (os.cpu_count() or 1) < 2:
        return {lang: render_language(public, lang) for lang in LANGUAGES}
    global _RENDERING
    _RENDERING = public  # inherited by the forked workers, never pickled
    try:
        with multiprocessing.get_context("fork").Pool(len(LANGUAGES)) as pool:
            return dict(zip(LANGUAGES, pool.map(_render_forked, LANGUAGES), strict=True))
    finally:
        _RENDERING = None


PARALLEL_RENDER_FROM = 300  # below this, starting workers costs more than it saves
_RENDERING: Directory | None = None


def _render_forked(lang: str) -> list[Page]:
    assert _RENDERING is not None
    return render_language(_RENDERING, lang)


def write_docs(work: Path, pages: dict[str, list[Page]]) -> int:
    """Write each language's Markdown under work/docs/<lang>; only changed files."""
    return sum(
        sync_tree(work / "docs" / lang, collect([(p.path, p.text) for p in pages[lang]]))
        for lang in LANGUAGES
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
    clock = Clock(report.seconds)

    outputs = prepare(root, work, clock)
    report.pages, report.diplomats = len(outputs.pages["fa"]), len(outputs.public.diplomats)
    with clock("write"):
        write_docs(work, outputs.pages)
        _remove_stale_staging(site_dir)
        staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-staging-", dir=site_dir.parent))
        site_dirs = {"fa": staging / "site", "en": staging / "en"}
        url = site_url if site_url is not None else os.environ.get("SITE_URL", "")
        configs = write_configs(root, work, site_dirs, url, extra_javascript)
    try:
        with clock("mkdocs (fa and en in parallel)"):
            run_builds(configs, {"SOURCE_DATE_EPOCH": _source_date_epoch(root)})
        with clock("assemble and publish"):
            new_site = site_dirs["fa"]
            site_dirs["en"].rename(new_site / "en")
            for rel, content in sorted(outputs.files.items()):
                target = new_site / rel
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(content)
            _publish(new_site, site_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return report


def _publish(new_site: Path, site_dir: Path) -> None:
    """Swap the finished site into place in one step; the old one is removed afterwards.

    On Linux renameat2(RENAME_EXCHANGE) swaps the two folders atomically, so at every
    instant `site/` is either the complete old site or the complete new one. Elsewhere
    two renames leave a moment with no `site/` (never a partial one).
    """
    if site_dir.exists() and _exchange(new_site, site_dir):
        shutil.rmtree(new_site)  # now holds the old site
        return
    old = site_dir.with_name(f".{site_dir.name}-old-{os.getpid()}")
    if site_dir.exists():
        site_dir.rename(old)
    new_site.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths with renameat2; False where the system cannot."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    result = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange)
    return result == 0


def _remove_stale_staging(site_dir: Path) -> None:
    """Remove staging folders left by builds that were killed midway."""
    for leftover in site_dir.parent.glob(f".{site_dir.name}-staging-*"):
        shutil.rmtree(leftover, ignore_errors=True)


def _source_date_epoch(root: Path) -> str:
    """Dates in the output come from the last commit, so two builds of it are identical.

    Outside git, the newest data file's time stands in: still the same for the same files.
    """
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return os.environ["SOURCE_DATE_EPOCH"]
    try:
        out = subprocess.run(
            ["git", "-C", str(root), "log", "-1", "--format=%ct"],
            capture_output=True, text=True, check=True,
        )  # fmt: skip
        if out.stdout.strip():
            return out.stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        pass
    inputs = [p for d in ("diplomats", "cities", "content") for p in (root / d).rglob("*")]
    return str(int(max((p.stat().st_mtime for p in inputs if p.is_file()), default=0)))


class Clock:
    """Adds the time spent in each `with clock(name):` block to a dict."""

    def __init__(self, into: dict[str, float]):
        self.into = into

    def __call__(self, name: str) -> Clock:
        self.name = name
        return self

    def __enter__(self) -> None:
        self.start = time.perf_counter()

    def __exit__(self, *exc: object) -> None:
        self.into[self.name] = time.perf_counter() - self.start
