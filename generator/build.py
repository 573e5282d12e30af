"""The whole flow in one place: load → validate → render → write → MkDocs → index → publish.

All data is loaded and checked before the first file of the site is written (only the
photo cache under build/ fills meanwhile). Then each language's pages go from templates
to search index in a lane of their own (a forked process), while two more processes make
every other file (contact cards, open data, feeds; portraits); all write into one
staging folder, and two outputs on one path fail the build. The
staging folder replaces `site/` only once it is complete: bad data or a failed build
leaves the previous `site/` as it was.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import gc
import json
import multiprocessing
import multiprocessing.connection
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from . import booklet, search_index, shell
from .content_check import checked
from .errors import DataError, DataErrors, DataWarning
from .facets import facet_files
from .feeds import feed_files
from .freshness import Overdue, as_warnings, overdue
from .i18n import LANGUAGES
from .lifetime import die_with_parent
from .load import load_sources
from .messages import Message, say
from .mkdocs_site import build_here, write_configs
from .models import Directory
from .opendata import open_data_files
from .photos import cached_portraits
from .render import Page, page_url, render_language, render_profiles
from .schema import SiteSettings
from .search_text import other_spellings
from .sitemap import MKDOCS_SITEMAPS, discovery_files
from .vcard import vcard_files
from .write import (
    BuildStopped,
    DuplicateOutput,
    collect,
    disk_trouble,
    one_build_at_a_time,
    output_folder,
    refuse_links,
    sync_tree,
)


def check(root: Path) -> Directory:
    """Load and validate every data file under `root`, and check what the build and the
    quality gates would refuse in it (content_check.py); raise DataErrors on any problem."""
    return checked(load_sources(root))


def check_freshness(
    root: Path, today: date, max_age_months: int
) -> tuple[Directory, list[Overdue], list[DataWarning]]:
    """`check`, plus who is overdue for re-verification and a warning for each of them."""
    sources = load_sources(root)
    directory = checked(sources)
    items = overdue(directory, today, max_age_months)
    return directory, items, as_warnings(items, sources.diplomats, max_age_months)


@dataclass
class BuildReport:
    """What a build did and how long each stage took."""

    site_dir: Path
    pages: int = 0
    diplomats: int = 0
    seconds: dict[str, float] = field(default_factory=dict)

    def __str__(self) -> str:
        return (
            f"Built {self.site_dir} with {self.diplomats} published diplomats, {self.pages} pages "
            f"per language, in {self.total:.1f}s ({self.stages()})"
        )

    @property
    def total(self) -> float:
        return sum(v for k, v in self.seconds.items() if is_main_stage(k))

    def stages(self) -> str:
        """The time of each stage, for developers (stage names are the code's)."""
        return ", ".join(f"{name} {secs:.2f}s" for name, secs in self.seconds.items())


@dataclass
class Outputs:
    """What a preview writes: its pages, and the portraits by path under the site root."""

    public: Directory
    pages: dict[str, list[Page]]  # language -> Markdown pages for MkDocs
    files: dict[str, bytes]  # path under the site root -> portrait


def load_public(root: Path, site_url: str | None = None) -> Directory:
    """Load and validate everything; the published part. Raises DataErrors on any problem."""
    public = check(root).public()
    return with_site_url(public, site_url or os.environ.get("SITE_URL"))


def prepare(
    root: Path,
    work: Path,
    clock: Clock,
    site_url: str | None = None,
    previous: Outputs | None = None,
) -> Outputs:
    """A preview's pages and portraits; raise DataErrors before anything is written.

    A preview leaves out the contact cards, open data, feeds and sitemap (nobody previews
    those) so that a saved file shows up within about two seconds; given the `previous`
    preview's outputs, built from the same templates, it renders again only the profiles
    whose data changed.
    """
    with clock("load and validate"):
        public = load_public(root, site_url)
    with clock("render"):
        pages = _render_changed(public, previous) if previous else render_all(public)
    with clock("photos"):
        photos = cached_portraits(_portrait_jobs(public), work / "cache" / "photos")
    return Outputs(public, pages, photos)


def _portrait_jobs(public: Directory) -> list[tuple[str, Path]]:
    return [(d.id, Path(public.photos[d.photo.file])) for d in public.diplomats if d.photo]


def _render_changed(public: Directory, previous: Outputs) -> dict[str, list[Page]]:
    """All pages, reusing the previous profile pages of people whose record is unchanged."""
    before = previous.public
    if (before.cities, before.fields, before.pages, before.site) != (
        public.cities,
        public.fields,
        public.pages,
        public.site,
    ):
        return render_all(public)
    old = {d.id: d for d in before.diplomats}
    changed = {d.id for d in public.diplomats if old.get(d.id) != d}
    out = {}
    for lang in LANGUAGES:
        kept = {p.path: p for p in previous.pages[lang] if shell.is_profile(p)}
        fresh = render_language(public, lang, profiles=changed)
        reused = [kept[f"diplomats/{d.id}.md"] for d in public.diplomats if d.id not in changed]
        out[lang] = fresh + reused
    return out


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


PARALLEL_RENDER_FROM = 500  # below this, starting workers costs more than it saves
_RENDERING: Directory | None = None


def _render_forked(lang: str) -> list[Page]:
    assert _RENDERING is not None
    return render_language(_RENDERING, lang)


def write_docs(work: Path, pages: dict[str, list[Page]]) -> int:
    """Write each language's Markdown for MkDocs under work/docs/<lang>; only changed files.

    Generated pages go with a placeholder for their body, and profiles not at all: MkDocs
    renders one shell profile and the rest are stamped from it afterwards (see shell.py).
    """
    written = 0
    for lang in LANGUAGES:
        for_mkdocs = shell.split(pages[lang]).for_mkdocs
        written += sync_tree(work / "docs" / lang, collect([(p.path, p.text) for p in for_mkdocs]))
    return written


def complete_pages(
    sites: dict[str, Path], pages: dict[str, list[Page]], fresh: bool = True
) -> None:
    """Put each generated page's body into the page MkDocs built, and stamp the profiles."""
    for lang in LANGUAGES:
        shell.complete(sites[lang], shell.split(pages[lang]), fresh)


def build_site(
    root: Path,
    site_dir: Path | None = None,
    site_url: str | None = None,
    work: Path | None = None,
    extra_javascript: tuple[str, ...] = (),
) -> BuildReport:
    """Build the bilingual site from the data under `root` into `site_dir`.

    The site's address is `site_url`, else the environment's SITE_URL, else the one in
    content/site.yml. `work` holds the generated Markdown and MkDocs configs (default
    `<root>/build`).

    The portraits' process (`Portraits`) starts first, while this one loads the data.
    Once the data is valid, three more share the machine: one lane per language (forked)
    makes that language's pages (render, MkDocs, shells; see `_language_lane`), whose
    search index this process then starts; a third (forked) makes the contact cards,
    open data and feeds. It and the portraits run at the lowest priority, into a folder of
    their own. They meet in the staging folder, which replaces `site_dir` last.

    Nothing is written through a link in the repository (DataErrors name it), nor while
    another build runs in the same folders; a disk that is full or read-only stops the
    build with one line (BuildStopped). In each case the site is left as it was.
    """
    root = root.resolve()
    site_dir = output_folder(root, site_dir, "site")
    work = output_folder(root, work, "build")
    refuse_links(root, site_dir, work)
    report = BuildReport(site_dir)
    clock = Clock(report.seconds)
    held = contextlib.ExitStack()
    portraits: Portraits | None = None
    jobs: dict[str, Background] = {}
    lanes: dict[str, dict] = {}
    indexing: list[search_index.Run] = []
    staging: Path | None = None
    try:
        held.enter_context(one_build_at_a_time(root, site_dir, work))
        # The portraits start first: their cache fills on the core that loading leaves idle.
        portraits = Portraits(root / "diplomats" / "photos", work / "cache" / "photos")
        with clock("load and validate"):
            public = load_public(root, site_url)
        report.diplomats = len(public.diplomats)
        _remove_stale_staging(site_dir)
        staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-staging-", dir=site_dir.parent))
        site_dirs = {"fa": staging / "site", "en": staging / "en"}
        url = public.site.site_url
        work.mkdir(parents=True, exist_ok=True)
        configs = write_configs(root, work, site_dirs, url, extra_javascript)
        epoch = _source_date_epoch(root)
        # Pagefind takes ~140 KB per profile: on a large site one language indexes at a time.
        side_by_side = len(public.diplomats) < search_index.SIDE_BY_SIDE_BELOW
        _release()  # what loading left behind, before three processes inherit it
        jobs["files"] = Background(_write_files, public, staging / "files")
        jobs["booklets"] = Background(_write_booklets, public, staging / "files", work)
        for lang in LANGUAGES:
            source = staging / "search" / lang
            jobs[lang] = Background(
                _language_lane, public, lang, work, configs[lang], epoch, site_dirs[lang], source
            )
        portraits.send(_portrait_jobs(public), staging / "files")
        del public  # the forked processes have it; this one needs its memory for Pagefind
        with clock("pages (fa and en side by side)"):
            for lang, lane in finished({lang: jobs[lang] for lang in LANGUAGES}):
                lanes[lang] = lane
                if not side_by_side:
                    _finish_indexing(indexing, report)  # the other language's, first
                _release()
                indexing.append(search_index.Run(site_dirs[lang], lane["source"], lang))
            _finish_indexing(indexing, report)
        for lang, lane in lanes.items():
            report.seconds.update({f"{lang}: {k}": v for k, v in lane["seconds"].items()})
        report.pages = len(lanes["fa"]["urls"])
        with clock("waiting for the other files"):
            report.seconds.update(jobs["files"].wait())
            booklets = jobs["booklets"].wait()
            report.seconds[f"{ALONGSIDE}booklets"] = booklets["seconds"]
            report.seconds[f"{ALONGSIDE}photos"] = portraits.wait()
        with clock("assemble"):
            new_site = site_dirs["fa"]
            site_dirs["en"].rename(new_site / "en")
            for own in MKDOCS_SITEMAPS:  # ours covers both languages, with alternates
                (new_site / own).unlink(missing_ok=True)
            _move_files(staging / "files", new_site)
            booklet.fill_sizes(new_site, booklets["sizes"])
            _add_files(new_site, discovery_files(url, lanes["fa"]["urls"]))
        with clock("publish"):
            try:
                _publish(new_site, site_dir)
            except SiteAside:
                staging = None  # it holds the old site, which could not be put back
                raise
            with contextlib.suppress(OSError):  # else the next build removes the old site
                _discard(staging)  # holds the old site now
                staging = None
    except Exception as exc:
        # Told while the staging folder still fills the disk: a full one is found by that.
        stopped = disk_trouble(exc, root, site_dir, work)
        if stopped is None:
            raise
        raise stopped from None
    finally:
        for run in indexing:
            run.stop()
        for job in jobs.values():
            job.stop()
        if portraits:
            portraits.stop()
        if staging:
            shutil.rmtree(staging, ignore_errors=True)
        held.close()
    return report


def _finish_indexing(runs: list[search_index.Run], report: BuildReport) -> None:
    """Wait for the Pagefind runs under way; record how long each language's took."""
    while runs:
        run = runs.pop(0)
        run.finish()
        report.seconds[f"{run.lang}: search index"] = run.seconds


def _language_lane(
    public: Directory,
    lang: str,
    work: Path,
    config: Path,
    epoch: str,
    site: Path,
    source: Path,
) -> dict:
    """One language's pages, from templates to the search index's input, in a process.

    Render every page but the profiles, write the Markdown (generated pages with
    placeholder bodies), build with MkDocs, put the bodies in; then render each profile,
    stamp it from the shell and write what Pagefind reads of it under `source`. Returns
    the page URLs, the stage times and `source`; the build process runs Pagefind once
    this process has ended and given back its memory.
    """
    seconds: dict[str, float] = {}
    clock = Clock(seconds)
    # The profiles are rendered one at a time once MkDocs has built the shell, and each
    # is written and dropped at once: the lane never holds 10,000 of them, which matters
    # when the other language's Pagefind, the build's peak of memory, runs beside it.
    streamed = shell.ENABLED
    with clock("render"):
        pages = render_language(public, lang, profiles=() if streamed else None)
        split = shell.split(pages, profiles_follow=streamed and bool(public.diplomats))
        if not streamed:  # tests: MkDocs renders every profile itself
            profiles = iter([p for p in pages if p.html and shell.is_profile(p)])
        del pages
    with clock("write"):
        sync_tree(work / "docs" / lang, collect([(p.path, p.text) for p in split.for_mkdocs]))
        urls = [page_url(p.path) for p in split.for_mkdocs if p.path != shell.SHELL_PATH]
    with clock("mkdocs"):
        build_here(lang, config, {"SOURCE_DATE_EPOCH": epoch})
    with clock("pages from their shells"):
        shell.complete(site, split)
        del split  # the other pages' bodies: written now
        _release()
    with clock("profiles: render, stamp, search index input"):
        source.mkdir(parents=True, exist_ok=True)
        stamper = shell.Stamper(site) if streamed and public.diplomats else None
        spellings = {  # name.other: in the index, on no page
            f"diplomats/{d.id}.md": other_spellings(d.name.other)
            for d in public.diplomats
            if d.name.other
        }
        for profile in render_profiles(public, lang) if streamed else profiles:
            if stamper:
                stamper.write(profile)
                urls.append(page_url(profile.path))
            search_index.write_one(source, lang, profile, spellings.get(profile.path, ""))
        if stamper:
            stamper.close()
    return {"urls": sorted(urls), "seconds": seconds, "source": source}


# The lanes, and after them the search index, are the build's longest path: what can run
# at any time runs at the lowest priority, on whatever core they leave idle. (At 5 it
# still took a quarter of a core from each lane, and the search index started later.)
BACKGROUND_NICENESS = 19
ALONGSIDE = "alongside: "  # stages of the forked process, which overlap the others


def is_main_stage(name: str) -> bool:
    """A stage of the build process itself, not of a lane ("fa: render") or alongside."""
    return ": " not in name


def _write_files(public: Directory, folder: Path) -> dict[str, float]:
    """In the background: contact cards, open data, feeds and facets, under `folder`.

    At the lowest priority (see BACKGROUND_NICENESS). Each kind of file is written, and
    its bytes dropped, before the next is made.
    """
    os.nice(BACKGROUND_NICENESS)
    seconds: dict[str, float] = {}
    with Clock(seconds)(f"{ALONGSIDE}cards, open data, feeds"):
        for make in OTHER_FILES:
            _add_files(folder, make(public))
            _release()
    return seconds


def _write_booklets(public: Directory, folder: Path, work: Path) -> dict:
    """In the background, at the lowest priority: the delegation booklets (booklet.py);
    their sizes, for the pages that link to them, and the seconds they took."""
    os.nice(BACKGROUND_NICENESS)
    return booklet.write_booklets(public, folder, work)


class Portraits:
    """The portraits, made by `python -m generator.photos` in a process started afresh.

    Started before the data is loaded, it fills the photo cache from every photo in the
    folder while loading keeps one core busy (see photos.main); `send` then tells it
    whose portraits to write, once the data is valid. Forked from the build it would
    carry the build's memory (~100 MB at 10,000 people) beside Pagefind, the peak.
    """

    def __init__(self, photos: Path, cache: Path):
        self.started = time.perf_counter()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "generator.photos", str(photos), str(cache)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            text=True, preexec_fn=_background_priority, env={**os.environ, **_REUSE_MEMORY},
        )  # fmt: skip

    def send(self, jobs: list[tuple[str, Path]], folder: Path) -> None:
        """Write the portraits of these (id, photo) under `folder`."""
        folder.mkdir(parents=True, exist_ok=True)
        listing = folder.with_name("portraits.json")
        listing.write_text(json.dumps([(ident, str(path)) for ident, path in jobs]), "utf-8")
        assert self.process.stdin
        order = {"jobs": str(listing), "folder": str(folder)}
        with contextlib.suppress(BrokenPipeError):  # it failed already: wait() says why
            self.process.stdin.write(json.dumps(order) + "\n")
            self.process.stdin.close()

    def wait(self) -> float:
        """Seconds from start to finish; raise PortraitsFailed with its output on failure."""
        assert self.process.stdout
        output = self.process.stdout.read()
        if self.process.wait() != 0:
            raise PortraitsFailed(f"portraits failed:\n{output.strip()}")
        return time.perf_counter() - self.started

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()


# glibc hands each image's buffer back to the system when it is freed and maps a fresh
# one for the next, a page fault per 4 KB: keeping freed memory for reuse instead took
# the faults of 400 portraits from 184,000 to 5,000 and a tenth off their time.
_REUSE_MEMORY = {
    "MALLOC_MMAP_THRESHOLD_": str(32 * 1024 * 1024),
    "MALLOC_TRIM_THRESHOLD_": str(256 * 1024 * 1024),
}


class PortraitsFailed(RuntimeError):
    """Making the portraits stopped with an error; its output is in the message."""


def _background_priority() -> None:
    die_with_parent()
    os.nice(BACKGROUND_NICENESS)


# Everything published besides the pages, the portraits and the sitemap.
OTHER_FILES: tuple[Callable[[Directory], dict[str, bytes]], ...] = (
    facet_files,
    vcard_files,
    open_data_files,
    feed_files,
)


def _move_files(source: Path, site: Path) -> None:
    """Move every file under `source` to the same place in `site`, never over one there.

    A folder that `site` does not have yet (the portraits, the open data) moves whole.
    """
    for folder, subfolders, names in os.walk(source):
        into = site / Path(folder).relative_to(source)
        into.mkdir(parents=True, exist_ok=True)
        for name in list(subfolders):
            if not (into / name).exists():
                os.rename(os.path.join(folder, name), into / name)
                subfolders.remove(name)  # moved, with all it holds: not walked
        for name in names:
            target = into / name
            if target.exists():
                rel = target.relative_to(site).as_posix()
                raise DuplicateOutput(f"{rel!r} would replace a file that MkDocs built")
            os.rename(os.path.join(folder, name), target)


class Background:
    """`function(*args)` in a forked process; `wait()` returns its result or raises its error.

    The process ends with the build, even if the build is killed (see mkdocs_site), and
    keeps no reference to `args` in this process once started.
    """

    def __init__(self, function: Callable[..., object], *args: object):
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: run, send the outcome, end without unwinding this stack
            try:
                os.close(read_end)
                _run_in_child(Connection(write_end, readable=False), function, args)
            finally:
                os._exit(0)
        os.close(write_end)
        self.pid: int | None = pid
        self.result = Connection(read_end, writable=False)

    def wait(self) -> Any:
        """The function's result; its exception (same type and message) if it raised one."""
        try:
            ok, value = self.result.recv()
        except EOFError:
            ok, value = False, None
        code = self._reap()
        if not ok:
            raise value or BackgroundFailed(f"a forked part of the build ended with status {code}")
        return value

    def stop(self) -> None:
        """End the process if it is still running."""
        if self.pid is not None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)
            self._reap()

    def _reap(self) -> int:
        if self.pid is None:
            return 0
        _, status = os.waitpid(self.pid, 0)
        self.pid = None
        self.result.close()
        return os.waitstatus_to_exitcode(status)


def finished(jobs: dict[str, Background]) -> Iterator[tuple[str, Any]]:
    """(name, result) of each job, in the order they finish; the first error is raised."""
    waiting = dict(jobs)
    while waiting:
        ready = multiprocessing.connection.wait([job.result for job in waiting.values()])
        for name, job in list(waiting.items()):
            if job.result in ready:
                del waiting[name]
                yield name, job.wait()


class BackgroundFailed(RuntimeError):
    """A forked part of the build ended without a result, or with an error that could not
    be sent back as it was."""


def _run_in_child(conn: Connection, function: Callable[..., object], args: tuple) -> None:
    die_with_parent()
    try:
        conn.send((True, function(*args)))
    except BaseException as exc:  # the parent raises it
        try:
            conn.send((False, exc))
        except Exception:  # it cannot be pickled: its type and message instead
            conn.send((False, BackgroundFailed(f"{type(exc).__name__}: {exc}")))
    finally:
        conn.close()


def _add_files(site: Path, files: dict[str, bytes]) -> None:
    """Write `files` into the built site; a file MkDocs made is never silently replaced."""
    made: set[Path] = set()
    for rel, content in sorted(files.items()):
        target = site / rel
        if target.parent not in made:  # one mkdir per folder, not per file
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        try:
            with open(target, "xb") as out:  # "x": fails if the file exists
                out.write(content)
        except FileExistsError:
            raise DuplicateOutput(f"two outputs would be written to {rel!r}") from None


def with_site_url(directory: Directory, site_url: str | None) -> Directory:
    """The directory with the site's address replaced by `site_url`, checked like the file's."""
    if not site_url:
        return directory
    try:
        site = SiteSettings(site_url=site_url, office_email=directory.site.office_email)
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        message = first.get("ctx", {}).get("error", first["msg"])
        raise DataErrors([DataError("SITE_URL", 0, "", str(message))]) from None
    return replace(directory, site=site)


def _release() -> None:
    """Hand the memory of dropped objects back to the system."""
    gc.collect()
    with contextlib.suppress(OSError, AttributeError):  # glibc only
        ctypes.CDLL(None).malloc_trim(0)  # glibc keeps freed small blocks otherwise


def _publish(new_site: Path, site_dir: Path) -> None:
    """Swap the finished site into place in one step; the old one takes its place.

    On Linux renameat2(RENAME_EXCHANGE) swaps the two folders atomically, so at every
    instant `site/` is either the complete old site or the complete new one. Elsewhere
    two renames leave a moment with no `site/` (never a partial one); if the second
    fails, the old site is put back and the error raised. Should that fail too, SiteAside
    says where the old site is: the caller must then keep the staging folder.
    """
    if not site_dir.exists():
        os.rename(new_site, site_dir)
        return
    if _exchange(new_site, site_dir):
        return
    old = new_site.with_name(f"{new_site.name}-old")
    os.rename(site_dir, old)
    try:
        os.rename(new_site, site_dir)
    except OSError as exc:
        try:
            os.rename(old, site_dir)
        except OSError:
            reason = Message(exc.strerror or str(exc), exc.strerror or str(exc))
            aside = say("site_aside", site=str(site_dir), old=str(old), reason=reason)
            raise SiteAside(aside) from None
        raise


class SiteAside(BuildStopped):
    """A publish without an atomic swap could put neither site in place; the message says
    where the old one is."""


def _discard(folder: Path) -> None:
    """Remove `folder` in a process that may outlive the build.

    Once a new site is published, nothing needs to wait for the old one to go: at
    10,000 people it is 70,000 files and about ten seconds of removing. Renamed first,
    it is never taken for a build's staging folder; the next build removes whatever
    of it a killed removal left.
    """
    gone = folder.with_name(folder.name.replace("-staging-", "-old-", 1))
    folder.rename(gone)
    subprocess.Popen(
        [sys.executable, "-c", "import shutil, sys; shutil.rmtree(sys.argv[1], True)", gone],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True, preexec_fn=lambda: os.nice(BACKGROUND_NICENESS),
    )  # fmt: skip


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths with renameat2; False where the system (its C library,
    kernel or file system) cannot. Any other failure, such as a read-only disk, is raised:
    two renames would fail the same way."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    result = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange)
    if result == 0:
        return True
    number = ctypes.get_errno()
    if number in _CANNOT_EXCHANGE:
        return False
    raise OSError(number, os.strerror(number), str(b))


_CANNOT_EXCHANGE = {errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP}


def _remove_stale_staging(site_dir: Path) -> None:
    """Remove staging folders left by builds that were killed midway, and old sites
    whose removal was (see `_discard`).

    Called while this build holds the site's lock (write.one_build_at_a_time): a build
    still running would hold it, so every one of them is a leftover. None is a link
    (write.refuse_links), and none is followed.
    """
    for kind in ("staging", "old"):
        for leftover in site_dir.parent.glob(f".{site_dir.name}-{kind}-*"):
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
