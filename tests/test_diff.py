"""diff.py and diff_text.py: a real two-commit history, summarised exactly, in both languages."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.diff import GitError, compare_refs, data_tree_at

from .conftest import REPO, copy_data, write

GIT_ENV = {
    "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org",
    "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org",
    "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
}  # fmt: skip


def git(root: Path, *args: str) -> str:
    result = subprocess.run(
        ["git", *args], cwd=root, capture_output=True, text=True, check=True,
        env={**os.environ, **GIT_ENV},
    )  # fmt: skip
    return result.stdout


def commit_all(root: Path, message: str) -> None:
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message)


def edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, (rel, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def generator(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(root), *args],
        capture_output=True, text=True, cwd=REPO, timeout=120,
    )  # fmt: skip


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample data committed, then a second commit with one change of every kind."""
    root = copy_data(tmp_path_factory.mktemp("diff") / "repo")
    git(root, "init", "-q", "-b", "main")
    commit_all(root, "The sample data")
    # added, pending, with a public channel
    write(root, "diplomats/sara-ahmadi.yml", """
        name: {fa: سارا احمدی, en: Sara Ahmadi}
        status: pending
        contacts:
          - {type: email, value: sara.ahmadi@example.org, public: true}
          - {type: phone, value: "+44 20 7946 0999", public: false}
        """)  # fmt: skip
    # approved: goes live with its public channel
    edit(
        root,
        "diplomats/arash-zhian.yml",
        "status: pending",
        'status: approved\napproved_on: "2026-01-10"',
    )
    edit(root, "diplomats/omid-farahani.yml", "status: approved", "status: suspended")
    edit(root, "diplomats/zhaleh-moradi.yml", "status: approved", "status: withdrawn")
    (root / "diplomats/soraya-nikpour.yml").unlink()  # withdrawn before: not on the site
    (root / "diplomats/golnaz-ebrahimi.yml").unlink()  # approved before: on the site
    # edited: occupation, and a private phone made public; the website is no longer public
    edit(
        root,
        "diplomats/mahdieh-hosseinzadeh.yml",
        "en: Associate professor of water-resources engineering",
        "en: Professor of water-resources engineering",
    )
    edit(
        root,
        "diplomats/mahdieh-hosseinzadeh.yml",
        '"+44 20 7946 0231"\n    public: false',
        '"+44 20 7946 0231"\n    public: true',
    )
    edit(
        root,
        "diplomats/mahdieh-hosseinzadeh.yml",
        "mahdieh-hosseinzadeh\n    public: true",
        "mahdieh-hosseinzadeh\n    public: false",
    )
    # formatting only: quoting, a comment, a phone number spaced differently; no change
    edit(root, "diplomats/kian-yazdani.yml", "status: approved", '# checked\nstatus: "approved"')
    edit(root, "diplomats/kian-yazdani.yml", '"+61 491 570 156"', '"+61491570156"')
    edit(root, "cities/dakar.yml", "country: SN", 'country: "SN"')
    # cities: added, status changed, edited, removed (and the one reference to it)
    write(root, "cities/paris.yml", """
        name: {fa: پاریس, en: Paris, native: Paris}
        country: FR
        coordinates: [48.8566, 2.3522]
        status: proposed
        sources: ["https://example.org/paris"]
        """)  # fmt: skip
    edit(root, "cities/hyderabad.yml", "status: active", "status: dormant")
    edit(root, "cities/havana.yml", "coordinates: [23.1136", "coordinates: [23.1137")
    (root / "cities/iasi.yml").unlink()
    edit(root, "diplomats/zhaleh-moradi.yml", "  - iasi\n", "")
    commit_all(root, "One change of every kind")
    return root


ENGLISH = """\
### Changes to the data: `HEAD~1` → `HEAD`

**Citizen diplomats**

- **Sara Ahmadi** (`sara-ahmadi`): added as pending (not published).
  - ⚠️ goes public: E-mail `sara.ahmadi@example.org`; check that the person's consent to publish it is on record
- **Arash Zhian** (`arash-zhian`): approved (was pending): will be published.
  - fields changed: `approved_on`
  - ⚠️ goes public: E-mail `arash.zhian@example.com`; check that the person's consent to publish it is on record
- **Omid Farahani** (`omid-farahani`): suspended (was approved): will be taken off the site.
- **Zhaleh Moradi** (`zhaleh-moradi`): withdrawn (was approved): will be taken off the site.
  - fields changed: `cities`
- **Mahdieh Hosseinzadeh** (`mahdieh-hosseinzadeh`): edited.
  - fields changed: `occupation`, `contacts`
  - ⚠️ goes public: Phone `+44 20 7946 0231`; check that the person's consent to publish it is on record
  - no longer shown: Website `https://example.org/sample/mahdieh-hosseinzadeh`
- **Golnaz Ebrahimi** (`golnaz-ebrahimi`): removed (its file was deleted): will be taken off the site.
- **Soraya Nikpour** (`soraya-nikpour`): removed (its file was deleted).

**Sister cities**

- **Paris** (`paris`): added as proposed.
- **Hyderabad** (`hyderabad`): status now dormant (was active).
- **Havana** (`havana`): edited.
  - fields changed: `coordinates`
- **Iași** (`iasi`): removed (its file was deleted): will be taken off the site.
"""

PERSIAN = """\
<div dir="rtl" lang="fa">

### تغییرات داده‌ها: از `HEAD~1` تا `HEAD`

**شهروند دیپلمات‌ها**

- **سارا احمدی** (`sara-ahmadi`): با وضعیت «در انتظار بررسی» افزوده شد (منتشر نمی‌شود).
  - ⚠️ عمومی می‌شود: رایانامه `sara.ahmadi@example.org`؛ مطمئن شوید رضایت شخص برای انتشار آن ثبت شده است
- **آرش ژیان** (`arash-zhian`): تأیید شد (پیش‌تر: «در انتظار بررسی») و در سایت منتشر می‌شود.
  - فیلدهای تغییرکرده: `approved_on`
  - ⚠️ عمومی می‌شود: رایانامه `arash.zhian@example.com`؛ مطمئن شوید رضایت شخص برای انتشار آن ثبت شده است
- **امید فراهانی** (`omid-farahani`): معلق شد (پیش‌تر: «تأییدشده») و از سایت برداشته می‌شود.
- **ژاله مرادی** (`zhaleh-moradi`): از برنامه کنار رفت (پیش‌تر: «تأییدشده») و از سایت برداشته می‌شود.
  - فیلدهای تغییرکرده: `cities`
- **مهدیه حسین‌زاده** (`mahdieh-hosseinzadeh`): ویرایش شد.
  - فیلدهای تغییرکرده: `occupation`، `contacts`
  - ⚠️ عمومی می‌شود: تلفن `+44 20 7946 0231`؛ مطمئن شوید رضایت شخص برای انتشار آن ثبت شده است
  - دیگر نمایش داده نمی‌شود: وب‌سایت `https://example.org/sample/mahdieh-hosseinzadeh`
- **گلناز ابراهیمی** (`golnaz-ebrahimi`): پرونده‌اش حذف شد و از سایت برداشته می‌شود.
- **ثریا نیک‌پور** (`soraya-nikpour`): پرونده‌اش حذف شد.

**شهرهای خواهرخوانده**

- **پاریس** (`paris`): با وضعیت «پیشنهادی» افزوده شد.
- **حیدرآباد** (`hyderabad`): وضعیت پیوند «راکد» شد (پیش‌تر: «فعال»).
- **هاوانا** (`havana`): ویرایش شد.
  - فیلدهای تغییرکرده: `coordinates`
- **یاش** (`iasi`): پرونده‌اش حذف شد و از سایت برداشته می‌شود.

</div>
"""


def test_the_summary_reports_exactly_the_changes_in_both_languages(history: Path) -> None:
    result = generator(history, "diff", "HEAD~1", "--head", "HEAD")
    assert result.returncode == 0, result.stderr
    assert result.stdout == ENGLISH + "\n" + PERSIAN


def test_the_working_tree_is_compared_by_default(history: Path) -> None:
    result = generator(history, "diff", "HEAD")
    assert "No changes to citizen diplomats or sister cities." in result.stdout
    assert "در شهروند دیپلمات‌ها و شهرهای خواهرخوانده تغییری نیست." in result.stdout
    edit(history, "diplomats/omid-farahani.yml", "status: suspended", "status: approved")
    try:
        changes = compare_refs(history, "HEAD")
        assert [(c.id, c.event) for c in changes.diplomats] == [("omid-farahani", "status")]
        assert changes.cities == ()
    finally:
        git(history, "checkout", "-q", "--", "diplomats/omid-farahani.yml")


def test_a_private_value_is_never_printed(history: Path) -> None:
    assert "+44 20 7946 0999" not in generator(history, "diff", "HEAD~1", "--head", "HEAD").stdout


def test_an_unknown_ref_is_a_clear_error(history: Path) -> None:
    result = generator(history, "diff", "no-such-branch")
    assert result.returncode == 2
    assert result.stderr == (
        "error: git rev-parse: 'no-such-branch^{commit}' is not a commit in this repository\n"
    )


def test_bad_data_at_the_base_is_named_with_its_ref(history: Path, tmp_path: Path) -> None:
    write(history, "diplomats/broken.yml", "name: {fa: الف, en: A}\nstatus: aproved\n")
    commit_all(history, "A broken file")
    try:
        result = generator(history, "diff", "HEAD")
        assert result.returncode == 1
        assert result.stderr.splitlines()[0].startswith("HEAD:diplomats/broken.yml:2: status:")
    finally:
        git(history, "reset", "-q", "--hard", "HEAD~1")


def test_the_data_folders_are_taken_from_git_not_from_disk(history: Path, tmp_path: Path) -> None:
    data_tree_at(history, "HEAD~1", tmp_path / "old")
    assert (tmp_path / "old/diplomats/soraya-nikpour.yml").is_file()
    assert (tmp_path / "old/diplomats/photos").is_dir()
    assert not (tmp_path / "old/cities/paris.yml").exists()
    assert sorted(p.name for p in (tmp_path / "old").iterdir()) == [
        "cities",
        "content",
        "diplomats",
    ]


def test_a_data_repository_in_a_subfolder_works(tmp_path: Path) -> None:
    outer = tmp_path / "outer"
    root = copy_data(outer / "site-data")
    git(outer, "init", "-q", "-b", "main")
    commit_all(outer, "data in a subfolder")
    edit(root, "cities/hyderabad.yml", "status: active", "status: dormant")
    changes = compare_refs(root, "HEAD")
    assert [(c.id, c.event) for c in changes.cities] == [("hyderabad", "status")]


def test_outside_a_git_repository_the_error_says_so(tmp_path: Path) -> None:
    with pytest.raises(GitError, match="git rev-parse"):
        data_tree_at(copy_data(tmp_path / "nogit"), "HEAD", tmp_path / "out")
