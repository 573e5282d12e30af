"""The build writes only where it should (issue 14): never through a link committed in the
repository, one build at a time in a folder, and a full or read-only disk, or a publish
that cannot swap the folders, stops it in one line with the site left as it was."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator import build
from generator.build import build_site
from generator.errors import DataErrors
from generator.mkdocs_site import MkDocsFailed
from generator.write import BuildStopped, disk_trouble, one_build_at_a_time

from .conftest import REPO
from .test_build import run_cli, tree_digest

LINK = (
    "a symbolic link to '{target}': the build writes and deletes files here, so this must be "
    "a real folder or file, not a link; delete the link, then build again"
)
LINK_FA = (
    "پیوندی نمادین (symbolic link) به «{target}» است: ساخت سایت در اینجا پرونده می‌نویسد و پاک "
    "می‌کند، پس اینجا باید پوشه یا پرونده‌ای واقعی باشد، نه پیوند؛ پیوند را پاک کنید و "
    "دوباره بسازید"
)
FULL = "cannot write: the disk is full (free some space, then build again); the site was left as it was"
READ_ONLY = "cannot write: the disk is read-only; the site was left as it was"


def old_site(folder: Path) -> str:
    """A site as a previous build left it (a few pages are enough); its digest."""
    for rel in ("index.html", "en/index.html", "diplomats/a/index.html"):
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_text(f"old {rel}", encoding="utf-8")
    return tree_digest(folder)


def listing(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*"))


def run_planted(root: Path, fault: str, *args: str) -> subprocess.CompletedProcess:
    """`python -m generator --root ROOT ARGS…` in a Python where `fault` ran first: a
    failure of the disk or the system planted in the build, which only it can cause."""
    code = f"import sys\n{fault}\nfrom generator.__main__ import main\nsys.exit(main(sys.argv[1:]))"
    return subprocess.run(
        [sys.executable, "-c", code, "--root", str(root), *args],
        capture_output=True, text=True, cwd=REPO, timeout=300,
    )  # fmt: skip


def stderr_lines(result: subprocess.CompletedProcess) -> list[str]:
    assert "Traceback" not in result.stderr, result.stderr
    return result.stderr.strip().splitlines()


# ---------------------------------------------------------------------------- links


@pytest.mark.parametrize(
    "link",
    ["site", "build", "build/docs", "build/mkdocs.en.yml", ".site-staging-abc123", ".site-lock"],
)
def test_a_link_committed_where_the_build_writes_is_refused_and_nothing_outside_changes(
    data_tree: Path, tmp_path: Path, link: str
) -> None:
    elsewhere = tmp_path / "elsewhere"  # on the machine, outside the checkout
    outside = elsewhere / "outside"
    (outside / "fa").mkdir(parents=True)
    (outside / "keep.txt").write_text("not the build's", encoding="utf-8")
    (outside / "fa" / "keep.md").write_text("not the build's either", encoding="utf-8")
    before = tree_digest(elsewhere)
    (data_tree / link).parent.mkdir(parents=True, exist_ok=True)
    (data_tree / link).symlink_to(outside)
    result = run_cli(data_tree, "build", "--lang", "en")
    assert result.returncode == 1
    assert stderr_lines(result) == [
        f"{link}: {LINK.format(target=outside)}",
        "1 error(s); nothing was written.",
    ]
    assert tree_digest(elsewhere) == before  # its target and all beside it: as they were


def test_make_check_names_the_link_too(data_tree: Path, tmp_path: Path) -> None:
    """`make check` refuses what the build would, before anyone builds."""
    (tmp_path / "elsewhere").mkdir()
    (data_tree / "site").symlink_to(tmp_path / "elsewhere")
    write_bad = data_tree / "diplomats" / "broken.yml"
    write_bad.write_text("name: {fa: الف, en: A}\nstatus: aproved\n", encoding="utf-8")
    result = run_cli(data_tree, "check", "--lang", "en")
    assert result.returncode == 1
    lines = stderr_lines(result)
    assert f"site: {LINK.format(target=tmp_path / 'elsewhere')}" in lines
    assert any(line.startswith("diplomats/broken.yml:2: status:") for line in lines)
    assert lines[-1] == "2 error(s); nothing was written."


def test_the_refusal_is_said_in_persian_too(data_tree: Path, tmp_path: Path) -> None:
    (tmp_path / "elsewhere").mkdir()
    (data_tree / "site").symlink_to(tmp_path / "elsewhere")
    result = run_cli(data_tree, "build", "--lang", "both")
    assert stderr_lines(result)[:2] == [
        f"site: {LINK_FA.format(target=tmp_path / 'elsewhere')}",
        f"site: {LINK.format(target=tmp_path / 'elsewhere')}",
    ]


def test_every_link_is_named_at_once(data_tree: Path, tmp_path: Path) -> None:
    (data_tree / "build" / "docs").mkdir(parents=True)
    (data_tree / "build" / "docs" / "fa").symlink_to(tmp_path)
    (data_tree / "build" / "cache").symlink_to(tmp_path)
    with pytest.raises(DataErrors) as caught:
        build_site(data_tree)
    assert [e.path for e in caught.value.errors] == ["build/cache", "build/docs/fa"]


def test_a_site_folder_named_outside_the_repository_is_the_users_choice(
    data_tree: Path, tmp_path: Path
) -> None:
    # A link on the command line, to a folder outside the checkout: followed, as asked.
    real = tmp_path / "www"
    real.mkdir()
    (tmp_path / "www-link").symlink_to(real)
    build_site(data_tree, site_dir=tmp_path / "www-link" / "site")
    assert (real / "site" / "index.html").is_file()
    assert (real / "site" / "en" / "index.html").is_file()


# ---------------------------------------------------------------------------- one at a time


def test_a_second_build_in_the_same_folder_is_refused_and_the_first_finishes(
    data_tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = data_tree / "site"
    left = data_tree / ".site-staging-left"  # by a build that was killed: it is gone
    (left / "site").mkdir(parents=True)
    seconds: list[subprocess.CompletedProcess] = []
    others: list[BuildStopped] = []
    assembling = build._move_files

    def meanwhile(source: Path, new_site: Path) -> None:
        # The first build has its staging folder whole, pages and all: now the others come.
        if seconds:  # a second build got this far: the first must not call it again
            return assembling(source, new_site)
        seconds.append(run_cli(data_tree, "build", "--lang", "both"))
        with pytest.raises(BuildStopped) as caught:  # another build folder, the same site
            build_site(data_tree, work=tmp_path / "other-work")
        others.append(caught.value)
        assembling(source, new_site)

    monkeypatch.setattr(build, "_move_files", meanwhile)
    report = build_site(data_tree)
    pid = os.getpid()
    assert seconds[0].returncode == 1
    assert stderr_lines(seconds[0]) == [
        f"build: ساخت دیگری در همین پوشه در جریان است (شمارهٔ فرایند {pid})؛ صبر کنید تا تمام شود و سپس دوباره بسازید",
        f"build: another build is running in this folder (pid {pid}); wait for it to end, then build again",
    ]
    assert str(others[0]) == (
        f"site: another build is running in this folder (pid {pid}); wait for it to end, then build again"
    )
    assert report.pages > 0 and (site / "en" / "diplomats").is_dir()
    assert not left.exists()
    assert not list(data_tree.glob(".site-staging-*"))
    with one_build_at_a_time(data_tree, site, data_tree / "build"):
        pass  # the locks went with the build: the next one may run


def test_a_killed_build_leaves_no_lock_even_while_its_forked_parts_end(tmp_path: Path) -> None:
    # A killed build's lanes end a moment after it (PR_SET_PDEATHSIG), and hold nothing.
    assert build.Background(_kill_a_build_whose_lane_lives_on, tmp_path).wait() == "taken"


def _kill_a_build_whose_lane_lives_on(root: Path) -> str:
    site, work = root / "site", root / "build"
    read, write = os.pipe()
    holder = os.fork()
    if holder == 0:  # the build: takes the locks, forks a lane, waits to be killed
        with one_build_at_a_time(root, site, work):
            lane = os.fork()
            if lane == 0:  # running: the fork's hooks have run in it
                os.write(write, str(os.getpid()).encode())
                time.sleep(60)
                os._exit(0)
            time.sleep(60)
        os._exit(0)
    lane = int(os.read(read, 32))
    os.kill(holder, signal.SIGKILL)
    os.waitpid(holder, 0)
    try:
        with one_build_at_a_time(root, site, work):
            return "taken"
    except BuildStopped:
        return "held"
    finally:
        os.kill(lane, signal.SIGKILL)


# ---------------------------------------------------------------------------- full or read-only


@pytest.mark.parametrize(
    ("fault", "expected"),
    [
        # A write that finds the disk full names no file: the folder the build writes in.
        (
            "import errno, os, generator.build as b\n"
            "def full(*a, **k): raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))\n"
            "b.write_configs = full",
            [f"site: {FULL}"],
        ),
        (
            "import errno, os, tempfile\n"
            "def ro(prefix, dir): raise OSError(errno.EROFS, os.strerror(errno.EROFS), f'{dir}/{prefix}x1y2')\n"
            "tempfile.mkdtemp = ro",
            [f"site: {READ_ONLY}"],
        ),
        (
            "import errno, os, generator.build as b\n"
            "def denied(root, work, *a): raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(work / 'mkdocs.fa.yml'))\n"
            "b.write_configs = denied",
            ["build/mkdocs.fa.yml: cannot write: permission denied; the site was left as it was"],
        ),
    ],
    ids=["full", "read-only", "no-permission"],
)
def test_a_disk_that_refuses_a_write_stops_the_build_in_one_line(
    data_tree: Path, fault: str, expected: list[str]
) -> None:
    before = old_site(data_tree / "site")
    result = run_planted(data_tree, fault, "build", "--lang", "en")
    assert result.returncode == 1
    assert stderr_lines(result) == expected
    assert tree_digest(data_tree / "site") == before
    assert not list(data_tree.glob(".site-staging-*"))


def test_the_disk_message_is_said_in_persian_too(tmp_path: Path) -> None:
    site = tmp_path / "site"
    stopped = disk_trouble(OSError(errno.ENOSPC, "x"), tmp_path, site, tmp_path / "build")
    assert stopped is not None
    assert stopped.args[0].fa == (
        "site: نوشتن ممکن نیست: دیسک پر است (کمی فضا آزاد کنید و دوباره بسازید)؛ سایت پیشین دست‌نخورده ماند"
    )
    ro = disk_trouble(OSError(errno.EROFS, "x", str(site)), tmp_path, site, tmp_path / "build")
    assert ro is not None
    assert ro.args[0].fa == "site: نوشتن ممکن نیست: دیسک فقط‌خواندنی است؛ سایت پیشین دست‌نخورده ماند"


def test_a_part_that_runs_apart_reports_a_full_disk_through_its_output(tmp_path: Path) -> None:
    site, work = tmp_path / "site", tmp_path / "build"
    mkdocs = MkDocsFailed(
        "[fa] mkdocs build failed:\nERROR   -  Error building page 'cities/x.md': "
        "[Errno 28] No space left on device"
    )
    pagefind = RuntimeError("pagefind failed (en):\nNo space left on device (os error 28)")
    for failure in (mkdocs, pagefind):
        stopped = disk_trouble(failure, tmp_path, site, work)
        assert stopped is not None
        assert str(stopped) == f"site: {FULL}"
    portraits = build.PortraitsFailed(
        "portraits failed:\nTraceback (most recent call last):\n  …\n"
        "OSError: [Errno 30] Read-only file system: '/x/build/cache/photos/.a.1'"
    )
    stopped = disk_trouble(portraits, tmp_path, site, work)
    assert stopped is not None
    assert str(stopped) == f"site: {READ_ONLY}"  # neither disk is read-only now: the site's
    # Any other failure of theirs is theirs to tell: a missing page is not a disk's fault.
    missing = MkDocsFailed("[fa] mkdocs build failed:\n[Errno 2] No such file or directory: 'x'")
    assert disk_trouble(missing, tmp_path, site, work) is None
    assert disk_trouble(DataErrors([]), tmp_path, site, work) is None


@contextlib.contextmanager
def tmpfs(folder: Path, size: str) -> Iterator[Path]:
    """A small file system of its own at `folder` (Linux, as root: CI and the dev container)."""
    folder.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("mounting a small or read-only disk needs root")
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
        capture_output=True, text=True,
    )  # fmt: skip
    if made.returncode != 0:
        pytest.skip(f"cannot mount a file system here: {made.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=True)


def read_only(folder: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)


def test_a_really_full_disk_stops_the_build_in_one_line(data_tree: Path, tmp_path: Path) -> None:
    with tmpfs(tmp_path / "disk", "3m") as disk:
        before = old_site(disk / "site")
        result = run_cli(data_tree, "build", "--lang", "en", "--site-dir", str(disk / "site"))
        assert result.returncode == 1
        assert stderr_lines(result) == [f"{disk / 'site'}: {FULL}"]
        assert tree_digest(disk / "site") == before
        assert listing(disk) == [
            ".site-lock",
            "site",
            *(f"site/{p}" for p in listing(disk / "site")),
        ]


def test_a_really_read_only_site_folder_stops_the_build_in_one_line(
    data_tree: Path, tmp_path: Path
) -> None:
    with tmpfs(tmp_path / "disk", "1m") as disk:
        before = old_site(disk / "site")
        read_only(disk)
        result = run_cli(data_tree, "build", "--lang", "en", "--site-dir", str(disk / "site"))
        assert result.returncode == 1
        assert stderr_lines(result) == [f"{disk / 'site'}: {READ_ONLY}"]
        assert tree_digest(disk / "site") == before


def test_a_really_read_only_build_folder_stops_the_build_in_one_line(data_tree: Path) -> None:
    before = old_site(data_tree / "site")
    with tmpfs(data_tree / "build", "1m") as work:
        read_only(work)
        result = run_cli(data_tree, "build", "--lang", "en")
        # A write that names no file: the folder whose disk is read-only is found.
        unnamed = disk_trouble(OSError(errno.EROFS, "x"), data_tree, data_tree / "site", work)
        assert str(unnamed) == f"build: {READ_ONLY}"
    assert result.returncode == 1
    assert stderr_lines(result) == [f"build: {READ_ONLY}"]
    assert tree_digest(data_tree / "site") == before
    assert not list(data_tree.glob(".site-staging-*"))


# ---------------------------------------------------------------------------- publish


@pytest.fixture
def no_exchange(monkeypatch: pytest.MonkeyPatch) -> None:
    """A system without renameat2(RENAME_EXCHANGE): the site is published by two renames."""
    monkeypatch.setattr(build, "_exchange", lambda a, b: False)


def failing_renames(monkeypatch: pytest.MonkeyPatch, onto: Path, *names: str) -> None:
    """os.rename fails, as a busy folder makes it, when it would put a folder of one of
    these `names` at `onto`: `site` (the new site), `site-old` (the old one, back)."""
    real = os.rename

    def rename(src: os.PathLike, dst: os.PathLike, *args: object, **kwargs: object) -> None:
        if Path(dst) == onto and Path(src).name in names:
            raise OSError(errno.EBUSY, os.strerror(errno.EBUSY), str(dst))
        real(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "rename", rename)


def test_a_failed_second_rename_puts_the_old_site_back(
    tmp_path: Path, no_exchange: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    site, new = tmp_path / "site", tmp_path / "staging" / "site"
    before, made = old_site(site), old_site(new)
    (new / "new.html").write_text("new", encoding="utf-8")
    failing_renames(monkeypatch, site, "site")
    with pytest.raises(OSError, match="Device or resource busy"):
        build._publish(new, site)
    assert tree_digest(site) == before
    assert tree_digest(new) != made and (new / "new.html").is_file()  # the new one, kept


def test_when_neither_site_can_be_put_in_place_the_message_says_where_the_old_one_is(
    tmp_path: Path, no_exchange: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    site, new = tmp_path / "site", tmp_path / "staging" / "site"
    before = old_site(site)
    old_site(new)
    failing_renames(monkeypatch, site, "site", "site-old")
    with pytest.raises(build.SiteAside) as caught:
        build._publish(new, site)
    old = tmp_path / "staging" / "site-old"
    assert str(caught.value) == (
        f"{site}: the new site could not be put in place (Device or resource busy), nor the old "
        f"one put back: the old site is in {old}; move it back to {site}"
    )
    assert caught.value.args[0].fa == (
        f"{site}: سایت تازه سر جایش قرار نگرفت (Device or resource busy) و سایت پیشین هم به جای "
        f"خود برنگشت: سایت پیشین در {old} است؛ آن را به {site} برگردانید"
    )
    assert tree_digest(old) == before


PUBLISH_FAULT = """
import errno, os
from pathlib import Path
import generator.build as b
b._exchange = lambda a, b: False
real = os.rename
def rename(src, dst, *args, **kwargs):
    if Path(dst).name == "site" and Path(src).name in {names!r}:
        raise OSError(errno.EBUSY, os.strerror(errno.EBUSY), str(dst))
    real(src, dst, *args, **kwargs)
os.rename = rename
"""


def test_a_build_whose_publish_fails_keeps_the_old_site(data_tree: Path) -> None:
    before = old_site(data_tree / "site")
    fault = PUBLISH_FAULT.format(names=("site",))
    result = run_planted(data_tree, fault, "build", "--lang", "en")
    assert result.returncode == 1
    assert stderr_lines(result) == ["site: Device or resource busy; the site was left as it was"]
    assert tree_digest(data_tree / "site") == before
    assert not list(data_tree.glob(".site-staging-*"))


def test_a_build_that_cannot_put_the_old_site_back_keeps_it_and_says_where(
    data_tree: Path,
) -> None:
    before = old_site(data_tree / "site")
    fault = PUBLISH_FAULT.format(names=("site", "site-old"))
    result = run_planted(data_tree, fault, "build", "--lang", "en")
    assert result.returncode == 1
    [line] = stderr_lines(result)
    found = re.fullmatch(
        rf"{re.escape(str(data_tree / 'site'))}: the new site could not be put in place "
        r"\(Device or resource busy\), nor the old one put back: the old site is in (.+); "
        rf"move it back to {re.escape(str(data_tree / 'site'))}",
        line,
    )
    assert found, line
    assert tree_digest(Path(found.group(1))) == before  # whole, where the message says
