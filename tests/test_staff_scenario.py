"""A staff change from start to finish, on a copy of the repository: every sample person is
replaced by new people (committed), then, in the working tree, one is approved, one
suspended, one withdrawn, a photo replaced, a page edited and an activity area renamed.
The data passes the check, the diff names each change, and the project's own test suite
passes on the copy: a pull request of real data goes green.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
from datetime import date
from pathlib import Path

import pytest
import yaml
from PIL import Image, ImageDraw

from .conftest import REPO, git

# Set for the test suite run inside the copy, so that it does not start this scenario again.
INNER = "STAFF_SCENARIO_INNER"
if os.environ.get(INNER):
    pytest.skip("the staff scenario does not run inside its own copy", allow_module_level=True)


# New people, none of them a sample: id -> data file, less its cities and activity areas,
# which are taken from the live data (whatever it holds). Contact details come from
# reserved ranges, as in the samples.
PEOPLE = {
    "farzaneh-tavakoli": """
        name:
          fa: فرزانه توکلی
          en: Farzaneh Tavakoli
        status: approved
        approved_on: "2023-03-14"
        verified_on: "2026-02-02"
        languages: [fa, es, pt, en]
        occupation:
          fa: معمار مرمت
          en: Restoration architect
        bio:
          fa: |
            فرزانه توکلی معمار مرمت است و در بازسازی خانه‌های تاریخی محلهٔ جلفا کار کرده است. او با دانشگاه‌هایی در شهرهای خواهرخواندهٔ اصفهان در **آموزش مرمت بناهای خشتی** همکاری می‌کند.
          en: |
            Farzaneh Tavakoli is a restoration architect who has worked on the historic houses of Isfahan's Julfa quarter. She works with universities in Isfahan's sister cities on **teaching the repair of mud-brick buildings**.
        photo:
          file: farzaneh-tavakoli.jpg
          alt:
            fa: تصویر نمادین نیم‌تنهٔ یک شخص روی زمینهٔ رنگی
            en: Illustrated placeholder of a head-and-shoulders silhouette on a coloured background
        contacts:
          - type: email
            value: farzaneh.tavakoli@example.org
            public: true
          - type: phone
            value: "+44 20 7946 0412"
            public: false
        """,
    "babak-shirazi": """
        name:
          fa: بابک شیرازی
          en: Babak Shirazi
        status: approved
        approved_on: "2022-11-05"
        verified_on: "2026-01-20"
        languages: [fa, ms, en]
        occupation:
          fa: بازرگان زعفران
          en: Saffron trader
        contacts:
          - type: telegram
            value: "@sample_babak_saffron"
            public: true
        """,
    "roya-mansouri": """
        name:
          fa: رویا منصوری
          en: Roya Mansouri
        status: approved
        approved_on: "2024-05-30"
        languages: [fa, it]
        occupation:
          fa: نگارگر
          en: Miniature painter
        bio:
          fa: |
            رویا منصوری نگارگر است و دو بار آثارش را در شهرهای خواهرخواندهٔ اصفهان به نمایش گذاشته است.
        photo:
          file: roya-mansouri.jpg
          alt:
            fa: تصویر نمادین نیم‌تنهٔ یک شخص روی زمینهٔ رنگی
            en: Illustrated placeholder of a head-and-shoulders silhouette on a coloured background
        contacts:
          - type: website
            value: https://example.org/sample/roya-mansouri
            public: true
        """,
    "kourosh-amini": """
        name:
          fa: کوروش امینی
          en: Kourosh Amini
        status: pending
        languages: [fa, hy]
        occupation:
          fa: مربی کشتی
          en: Wrestling coach
        contacts:
          - type: email
            value: kourosh.amini@example.org
            public: true
          - type: whatsapp
            value: "+44 20 7946 0413"
            public: false
        """,
    "elham-rostami": """
        name:
          fa: الهام رستمی
          en: Elham Rostami
        status: suspended
        approved_on: "2021-12-01"
        verified_on: "2025-01-10"
        languages: [fa, ur]
        contacts:
          - type: email
            value: elham.rostami@example.org
            public: true
        """,
    "siavash-nazari": """
        name:
          fa: سیاوش نظری
          en: Siavash Nazari
        status: withdrawn
        languages: [fa, ru]
        contacts:
          - type: phone
            value: "+44 20 7946 0414"
            public: false
        """,
    "mina-javadi": """
        name:
          fa: مینا جوادی
          en: Mina Javadi
        status: approved
        approved_on: "2025-08-18"
        languages: [fa, de, ro, en]
        occupation:
          fa: پژوهشگر پزشکی
          en: Medical researcher
        contacts:
          - type: email
            value: mina.javadi@example.org
            public: true
        """,
}  # fmt: skip
TODAY = date.today().isoformat()
ABOUT_ADDED = "\nاین فهرست هر ماه با اطلاعات تازهٔ ادارهٔ امور بین‌الملل به‌روز می‌شود.\n"
# What the working-tree change does to each person's status; mina-javadi is not touched.
STATUS_CHANGES = {
    "kourosh-amini": ("status: pending", f'status: approved\napproved_on: "{TODAY}"', "approved"),
    "babak-shirazi": ("status: approved", "status: suspended", "suspended"),
    "roya-mansouri": ("status: approved", "status: withdrawn", "withdrawn"),
}


def tracked_files() -> list[str]:
    """The repository's files as a pull request would hold them: tracked, and new ones not
    ignored (so that a change not yet committed is tried too)."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=REPO, capture_output=True, check=True,
    ).stdout.decode()  # fmt: skip
    return sorted({rel for rel in listed.split("\0") if rel and (REPO / rel).is_file()})


def portrait(path: Path, background: tuple, figure: tuple) -> None:
    """A valid 600×600 JPEG: a head-and-shoulders silhouette on a plain background."""
    image = Image.new("RGB", (600, 600), background)
    draw = ImageDraw.Draw(image)
    draw.ellipse((210, 110, 390, 290), fill=figure)
    draw.ellipse((120, 320, 480, 700), fill=figure)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85)
    path.write_bytes(out.getvalue())


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, (path, old)
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture(scope="module")
def staff_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository copied and committed, its people replaced and committed, then the
    staff's working-tree change on top."""
    root = tmp_path_factory.mktemp("staff") / "repo"
    for rel in tracked_files():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO / rel, root / rel)
    git(root, "init", "-q", "-b", "main")
    if (REPO / "node_modules").is_dir():  # axe-core for the quality gates, kept out of git
        (root / "node_modules").symlink_to(REPO / "node_modules")
        with (root / ".git/info/exclude").open("a", encoding="utf-8") as exclude:
            exclude.write("/node_modules\n")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "The repository as it is")

    people, photos = root / "diplomats", root / "diplomats" / "photos"
    for path in [*people.glob("*.yml"), *photos.iterdir()]:
        path.unlink()
    cities = sorted(path.stem for path in (root / "cities").glob("*.yml"))
    areas = list(yaml.safe_load((root / "content/fields.yml").read_text(encoding="utf-8")))
    for i, (ident, text) in enumerate(PEOPLE.items()):
        refs = f"cities: [{cities[i % len(cities)]}]\nfields: [{areas[i % len(areas)]}]\n"
        (people / f"{ident}.yml").write_text(
            textwrap.dedent(text).lstrip() + refs, encoding="utf-8"
        )
    portrait(photos / "farzaneh-tavakoli.jpg", (236, 226, 208), (120, 72, 40))
    portrait(photos / "roya-mansouri.jpg", (214, 230, 242), (30, 60, 110))
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Real people instead of the samples")

    for ident, (old, new, _) in STATUS_CHANGES.items():
        edit(people / f"{ident}.yml", old, new)
    portrait(photos / "farzaneh-tavakoli.jpg", (250, 240, 200), (90, 40, 60))
    about = root / "content/about.fa.md"
    about.write_text(about.read_text(encoding="utf-8") + ABOUT_ADDED, encoding="utf-8")
    rename_area(root / "content/fields.yml", areas[0])
    return root


def rename_area(path: Path, area: str) -> None:
    """Give the activity area `area` new labels, as staff would in content/fields.yml."""
    labels = yaml.safe_load(path.read_text(encoding="utf-8"))
    old = labels[area]
    labels[area] = {"fa": f"{old['fa']} (عنوان تازه)", "en": f"{old['en']} (new label)"}
    text = yaml.safe_dump(labels, allow_unicode=True, sort_keys=False, width=1000)
    path.write_text(text, encoding="utf-8")


def run(root: Path, *args: str, timeout: float = 300, env: dict | None = None):
    return subprocess.run(
        [sys.executable, *args], cwd=root, capture_output=True, text=True, timeout=timeout,
        env=env,
    )  # fmt: skip


def test_the_changed_data_passes_the_check(staff_copy: Path) -> None:
    result = run(staff_copy, "-m", "generator", "check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr


def test_the_diff_names_each_change_of_status(staff_copy: Path) -> None:
    """What `python -m generator diff HEAD` tells the reviewer of the staff's change."""
    result = run(staff_copy, "-m", "generator", "diff", "HEAD")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    for ident, (_, _, status) in STATUS_CHANGES.items():
        assert any(f"`{ident}`" in line and status in line for line in lines), (ident, status)
    assert "mina-javadi" not in result.stdout  # unchanged: not mentioned


def test_the_diff_names_the_photo_the_page_and_the_area(staff_copy: Path) -> None:
    """The changes a reviewer could not see in the YAML of people: a swapped photo, an edited
    content page, a relabelled activity area (old → new label, in both languages)."""
    out = run(staff_copy, "-m", "generator", "diff", "HEAD").stdout
    lines = out.splitlines()
    assert any("farzaneh-tavakoli" in line and "photo" in line.lower() for line in lines), out
    assert any("content/about.fa.md" in line for line in lines), out
    assert any("(new label)" in line and "→" in line for line in lines), out
    assert any("(عنوان تازه)" in line for line in lines), out


@pytest.mark.slow_scenario
def test_the_project_test_suite_passes_on_the_changed_copy(
    staff_copy: Path, tmp_path: Path
) -> None:
    """`make test` after a staff change: the whole suite, run in the copy by this
    interpreter, with temporary folders of its own (and its own build/, site/, screenshots/)."""
    # A short TMPDIR: Chromium's socket path there must fit in 108 bytes.
    scratch = Path(tempfile.mkdtemp(prefix="staff-scenario-"))
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env |= {INNER: "1", "TMPDIR": str(scratch)}
    try:
        result = run(
            staff_copy,
            "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider",
            "--basetemp", str(tmp_path / "basetemp"),
            timeout=3600, env=env,
        )  # fmt: skip
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    # Among them, the live-data gates ran on the new people (tests/test_live_data.py).
    assert "live data: axe-core" in result.stdout
