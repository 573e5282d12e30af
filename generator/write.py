"""Page text → files. Writes only what changed and removes what is no longer generated.

Also what keeps the build's writing where it belongs: the output folders are never
reached through a link (a link committed in a pull request would make the build replace a
folder elsewhere on the machine), one build at a time writes into them, and a disk that
is full or read-only is reported in one line that names the folder.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import time
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

from .errors import DataError, DataErrors
from .messages import Message, define, quoted, say

define(
    "output_link",
    "a symbolic link to {target}: the build writes and deletes files here, so this must be "
    "a real folder or file, not a link; delete the link, then build again",
    "پیوندی نمادین (symbolic link) به {target} است: ساخت سایت در اینجا پرونده می‌نویسد و پاک "
    "می‌کند، پس اینجا باید پوشه یا پرونده‌ای واقعی باشد، نه پیوند؛ پیوند را پاک کنید و "
    "دوباره بسازید",
)
define(
    "build_running",
    "{folder}: another build is running in this folder (pid {pid}); wait for it to end, "
    "then build again",
    "{folder}: ساخت دیگری در همین پوشه در جریان است (شمارهٔ فرایند {pid})؛ صبر کنید تا تمام "
    "شود و سپس دوباره بسازید",
)
define(
    "disk_error",
    "{path}: {reason}; the site was left as it was",
    "{path}: {reason}؛ سایت پیشین دست‌نخورده ماند",
)
define(
    "disk_read_only",
    "cannot write: the disk is read-only",
    "نوشتن ممکن نیست: دیسک فقط‌خواندنی است",
)
define(
    "disk_full",
    "cannot write: the disk is full (free some space, then build again)",
    "نوشتن ممکن نیست: دیسک پر است (کمی فضا آزاد کنید و دوباره بسازید)",
)
define(
    "no_permission",
    "cannot write: permission denied",
    "نوشتن ممکن نیست: اجازهٔ نوشتن در اینجا نیست",
)
define(
    "site_aside",
    "{site}: the new site could not be put in place ({reason}), nor the old one put back: "
    "the old site is in {old}; move it back to {site}",
    "{site}: سایت تازه سر جایش قرار نگرفت ({reason}) و سایت پیشین هم به جای خود برنگشت: "
    "سایت پیشین در {old} است؛ آن را به {site} برگردانید",
)


class DuplicateOutput(RuntimeError):
    """Two generated files claimed the same path."""


class BuildStopped(Exception):
    """The build stopped for a reason outside the data: another build is running, or a
    disk refused to be written. `args[0]` is the Message that says what to do."""


def collect(items: list[tuple[str, str | bytes]]) -> dict[str, bytes]:
    """Turn (path, content) pairs into a mapping, refusing two outputs on one path."""
    out: dict[str, bytes] = {}
    for path, content in items:
        safe = PurePosixPath(path)
        if safe.is_absolute() or ".." in safe.parts:
            raise DuplicateOutput(f"refusing to write outside the output folder: {path!r}")
        if path in out:
            raise DuplicateOutput(f"two pages would be written to {path!r}")
        out[path] = content.encode("utf-8") if isinstance(content, str) else content
    return out


def sync_tree(folder: Path, files: dict[str, bytes]) -> int:
    """Make `folder` hold exactly `files`; return how many files were (re)written.

    Unchanged files keep their modification time, so MkDocs' live reload and any
    incremental step see only real changes.
    """
    folder.mkdir(parents=True, exist_ok=True)
    written = 0
    made: set[Path] = set()
    for rel, content in files.items():
        target = folder / rel
        if target.is_file() and target.read_bytes() == content:
            continue
        if target.parent not in made:
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        target.write_bytes(content)
        written += 1
    wanted = {folder / rel for rel in files}
    for existing in sorted(folder.rglob("*"), reverse=True):
        if existing.is_file() and existing not in wanted:
            existing.unlink()
        elif existing.is_dir() and not any(existing.iterdir()):
            existing.rmdir()
    return written


# ---------------------------------------------------------------------------- output folders


def output_folder(root: Path, given: Path | None, default: str) -> Path:
    """The absolute path of an output folder: `given`, else `root/default`.

    A folder named on the command line outside the repository is the user's choice, and
    is followed wherever its links lead; inside the repository no link is followed
    (`refuse_links`), so the path is kept as written.
    """
    folder = Path(os.path.abspath(given if given is not None else root / default))
    return folder if folder.is_relative_to(root) else folder.resolve()


def refuse_links(root: Path, site_dir: Path, work: Path) -> None:
    """Raise DataErrors naming every link the build would write or delete through.

    The build replaces `site_dir` whole, deletes files under `work` (build/) and removes
    leftover staging folders beside the site: a link at any of those places, such as a
    `site` committed as a link to a folder outside the checkout, would make it replace or
    delete what the link points at.
    """
    places: list[Path] = []
    for folder in (site_dir, work):
        if folder.is_relative_to(root):  # each step from the repository down to it
            steps = folder.relative_to(root).parts
            places += [root.joinpath(*steps[:i]) for i in range(1, len(steps) + 1)]
    places += site_dir.parent.glob(f".{site_dir.name}-*")  # staging folders, old sites, lock
    if work.is_dir() and not work.is_symlink():
        for folder, subfolders, names in os.walk(work):  # never into a linked folder
            places += [Path(folder, name) for name in subfolders + names]
    links = sorted({place for place in places if place.is_symlink()})
    if links:
        raise DataErrors([_link_error(link, root) for link in links])


def _link_error(link: Path, root: Path) -> DataError:
    target = quoted(os.readlink(link))
    return DataError(_shown(link, root), 0, "", say("output_link", target=target))


def _shown(path: Path, root: Path) -> str:
    """A path as staff know it: relative to the repository when it is inside it."""
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)


# ---------------------------------------------------------------------------- one at a time

_HELD: set[int] = set()  # the lock files this process holds open


def _close_locks_in_child() -> None:
    """A forked part of the build does not hold the build's locks: they are released the
    moment the build itself ends, even while its forked parts are still being ended."""
    for fd in list(_HELD):
        with contextlib.suppress(OSError):
            os.close(fd)
    _HELD.clear()


if hasattr(os, "register_at_fork"):  # not on Windows, where nothing is built
    os.register_at_fork(after_in_child=_close_locks_in_child)


def lock_files(site_dir: Path, work: Path) -> dict[Path, Path]:
    """Each lock file of a build, with the folder it keeps to one build at a time."""
    return {work / "build.lock": work, site_dir.with_name(f".{site_dir.name}-lock"): site_dir}


@contextlib.contextmanager
def one_build_at_a_time(root: Path, site_dir: Path, work: Path) -> Iterator[None]:
    """Hold the locks of `work` (build/) and of `site_dir` while the build runs; raise
    BuildStopped naming the process that holds one.

    Without them, a second build in the same checkout would remove the first's staging
    folder as a leftover, and both would write build/docs/. The operating system
    releases a lock when its process ends, however it ends: a build that was killed
    leaves no lock behind, and the staging folders left beside the site are then known
    to belong to builds that are gone.
    """
    import fcntl  # POSIX only; `make check`, which builds nothing, runs on Windows too

    work.mkdir(parents=True, exist_ok=True)
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    held: list[int] = []
    try:
        for path, folder in lock_files(site_dir, work).items():
            fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                pid = _holder(fd)
                os.close(fd)
                shown = _shown(folder, root)
                raise BuildStopped(say("build_running", folder=shown, pid=pid)) from None
            held.append(fd)
            _HELD.add(fd)
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        yield
    finally:
        for fd in held:
            _HELD.discard(fd)
            os.close(fd)


def _holder(fd: int) -> str:
    """The process id that the build holding this lock wrote into it."""
    for _ in range(20):  # it writes its id just after taking the lock
        pid = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
        if pid:
            return pid
        time.sleep(0.05)
    return "?"


# ---------------------------------------------------------------------------- full or read-only

READ_ONLY = {errno.EROFS}
DISK_FULL = {errno.ENOSPC, errno.EDQUOT}
NO_PERMISSION = {errno.EACCES, errno.EPERM}
# How a part of the build run in another process (MkDocs, Pagefind, the portraits) reports
# a system error in its output: Python's "[Errno 28]", Rust's "(os error 28)".
_ERRNO_IN_OUTPUT = re.compile(r"\[Errno (\d+)\]|\(os error (\d+)\)")
LOW_SPACE = 1024 * 1024  # bytes: a disk with less left is the one that was full


def disk_trouble(exc: BaseException, root: Path, site_dir: Path, work: Path) -> BuildStopped | None:
    """What the build says in one line when a file system refused it: the folder and why;
    None when `exc` is not such a refusal.

    `exc` is an OSError raised in the build's own process or sent back by a forked part,
    or the failure of a part that runs a program of its own, whose output carries the
    system's error number; of those, only a full or read-only disk is told this way.
    Call it before the staging folder is removed: a full disk is found by how little
    space it has left.
    """
    if isinstance(exc, OSError) and exc.errno is not None:
        number, filename = exc.errno, exc.filename
    else:
        found = _ERRNO_IN_OUTPUT.search(str(exc))
        number = int(found.group(1) or found.group(2)) if found else 0
        if number not in READ_ONLY | DISK_FULL:
            return None
        filename = None
    if filename is None:
        place = _refusing(number, site_dir, work)
    else:
        place = Path(os.path.abspath(os.fsdecode(filename)))
    place = lock_files(site_dir, work).get(place, place)  # a lock: the folder it is for
    beside = f".{site_dir.name}-"  # a staging folder or a file in one: the site
    if any(p.parent == site_dir.parent and p.name.startswith(beside) for p in _up(place)):
        place = site_dir
    return BuildStopped(say("disk_error", path=_shown(place, root), reason=_reason(number)))


def _up(path: Path) -> list[Path]:
    """`path` and every folder above it."""
    return [path, *path.parents]


def _refusing(number: int, site_dir: Path, work: Path) -> Path:
    """Of the folders the build writes, the one whose disk is read-only or full (the site's
    when neither is, or both)."""
    for folder, shown in ((site_dir.parent, site_dir), (work, work)):
        try:
            disk = os.statvfs(folder)
        except OSError:
            continue
        read_only = number in READ_ONLY and disk.f_flag & os.ST_RDONLY
        if read_only or (number in DISK_FULL and disk.f_bavail * disk.f_frsize < LOW_SPACE):
            return shown
    return site_dir


def _reason(number: int) -> Message:
    if number in READ_ONLY:
        return say("disk_read_only")
    if number in DISK_FULL:
        return say("disk_full")
    if number in NO_PERMISSION:
        return say("no_permission")
    system = os.strerror(number)  # the system's own words, in both languages
    return Message(system, system)
