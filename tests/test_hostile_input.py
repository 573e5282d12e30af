"""Hostile and unlucky input (issue 14, the input side): each case is refused by the check
with `file:line: field: message`, or made harmless; no traceback reaches the person who
ran the command, and `site/` stays as it was.

Each test runs the command line, as staff and CI do, on a copy of the frozen sample data.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.build import check
from generator.errors import DataErrors
from generator.schema import MAX_BIO_LENGTH, MAX_BIO_NESTING, MAX_ID_LENGTH

from .conftest import REPO, person_with_photo, write
from .test_photos import text_bomb


def run(root: Path, *args: str, timeout: int = 300) -> subprocess.CompletedProcess:
    """`python -m generator --root ROOT --lang both ARGS…`, as a person would run it."""
    return subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(root), "--lang", "both", *args],
        capture_output=True, text=True, timeout=timeout, cwd=REPO,
    )  # fmt: skip


def no_traceback(result: subprocess.CompletedProcess) -> None:
    assert "Traceback" not in result.stderr + result.stdout, result.stderr


def errors_of(root: Path) -> list[str]:
    with pytest.raises(DataErrors) as caught:
        check(root)
    return [str(e) for e in caught.value.errors]


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` (links left out: they are what is tested) and its bytes."""
    files = (p for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    return {str(p.relative_to(folder)): p.read_bytes() for p in files}


@pytest.fixture
def old_site(data_tree: Path) -> Path:
    """A site/ from an earlier build (one page stands for it) that a refused build keeps."""
    write(data_tree, "site/index.html", "<!doctype html><title>the published site</title>\n")
    return data_tree / "site"


# ---------------------------------------------------------------------------- symbolic links


def test_a_page_linked_to_a_file_outside_is_refused_and_the_site_kept(
    data_tree: Path, tmp_path: Path, old_site: Path
) -> None:
    secret = tmp_path / "secret.md"
    secret.write_text("# SECRET-FROM-OUTSIDE\n", encoding="utf-8")
    page = data_tree / "content/about.fa.md"
    page.unlink()
    page.symlink_to(secret)
    before = snapshot(old_site)
    for command in ("check", "build"):
        result = run(data_tree, command)
        no_traceback(result)
        assert result.returncode == 1
        assert (
            "content/about.fa.md: is a symbolic link, which is not read: put the file or folder "
            "itself here" in result.stderr
        )
        assert "content/about.fa.md: پیوند نمادین (symbolic link) است" in result.stderr
    assert snapshot(old_site) == before
    assert not any(b"SECRET-FROM-OUTSIDE" in data for data in snapshot(data_tree).values())
    assert secret.read_text(encoding="utf-8") == "# SECRET-FROM-OUTSIDE\n"


# ---------------------------------------------------------------------------- ids


def _area(root: Path, area_id: str) -> int:
    """Add an activity area to content/fields.yml; return the line of its id."""
    fields = root / "content/fields.yml"
    text = fields.read_text(encoding="utf-8")
    fields.write_text(text + f"{area_id}:\n  fa: حوزهٔ تازه\n  en: New area\n", encoding="utf-8")
    return text.count("\n") + 1


def longest_id(words: str, length: int = MAX_ID_LENGTH) -> str:
    """An id of the right form, `length` characters long, made of `words` over and over."""
    made = (words * length)[:length]
    return made[:-1] + "x" if made.endswith("-") else made


LONG = longest_id("isfahan-", MAX_ID_LENGTH + 1)


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (
            lambda root: shutil.copy(root / "diplomats/kian-yazdani.yml", root / "diplomats/index.yml"),
            "diplomats/index.yml: 'index' cannot be an id: the site's own listing page has that "
            "address; choose another",
        ),
        (
            lambda root: shutil.copy(root / "cities/kazan.yml", root / "cities/index.yml"),
            "cities/index.yml: 'index' cannot be an id: the site's own listing page has that "
            "address; choose another",
        ),
        (
            lambda root: _area(root, "index"),
            "content/fields.yml:{line}: index: 'index' cannot be an id: the site's own listing "
            "page has that address; choose another",
        ),
        (
            lambda root: shutil.copy(root / "diplomats/kian-yazdani.yml", root / f"diplomats/{LONG}.yml"),
            f"diplomats/{LONG}.yml: the id is 101 characters long; at most 100 are allowed: "
            "choose a shorter one",
        ),
        (
            lambda root: shutil.copy(root / "cities/kazan.yml", root / f"cities/{LONG}.yml"),
            f"cities/{LONG}.yml: the id is 101 characters long; at most 100 are allowed: choose "
            "a shorter one",
        ),
        (
            lambda root: _area(root, LONG),
            f"content/fields.yml:{{line}}: {LONG}: the id is 101 characters long; at most 100 are "
            "allowed: choose a shorter one",
        ),
    ],
    ids=["index-diplomat", "index-city", "index-area", "long-diplomat", "long-city", "long-area"],
)  # fmt: skip
def test_ids_the_site_cannot_publish_are_refused(data_tree: Path, make, expected: str) -> None:
    line = make(data_tree)
    assert errors_of(data_tree) == [expected.format(line=line)]


def test_the_longest_ids_allowed_build_with_every_file_they_name(data_tree: Path) -> None:
    """A person (approved, with a photo), a city and an area with ids of MAX_ID_LENGTH
    characters: every page, card and portrait named after them can be written."""
    person, city, area = (longest_id(f"isfahan-{kind}-") for kind in ("person", "city", "area"))
    (data_tree / "diplomats/kian-yazdani.yml").rename(data_tree / f"diplomats/{person}.yml")
    (data_tree / "cities/kazan.yml").rename(data_tree / f"cities/{city}.yml")
    for path in (data_tree / "diplomats").glob("*.yml"):
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("  - kazan\n", f"  - {city}\n"), encoding="utf-8")
    _area(data_tree, area)
    result = run(data_tree, "build")
    no_traceback(result)
    assert result.returncode == 0, result.stderr
    site = data_tree / "site"
    for rel in (
        f"diplomats/{person}/index.html",
        f"en/diplomats/{person}.vcf",
        f"photos/{person}-320.webp",
        f"photos/{person}-320.jpg",
        f"cities/{city}/index.html",
        f"en/cities/{city}.vcf",
        f"fields/{area}/index.html",
    ):
        assert (site / rel).is_file(), rel
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"/diplomats/{person}/</loc>" in sitemap and f"/fields/{area}/</loc>" in sitemap


# ---------------------------------------------------------------------------- photos


def test_a_text_chunk_bomb_is_passed_over_when_unused_and_refused_when_used(
    data_tree: Path,
) -> None:
    text_bomb(data_tree / "diplomats/photos/bomb.png")
    built = run(data_tree, "build")  # the photo process makes every photo in the folder
    no_traceback(built)
    assert built.returncode == 0, built.stderr
    assert not any("bomb" in p.name for p in (data_tree / "site/photos").iterdir())
    person_with_photo(data_tree, "bomb.png")
    checked = run(data_tree, "check")
    no_traceback(checked)
    assert checked.returncode == 1
    assert checked.stderr.splitlines()[:2] == [
        "diplomats/pic.yml:4: photo.file: این پرونده به شکل تصویر خوانده نمی‌شود (ValueError)",
        "diplomats/pic.yml:4: photo.file: photo cannot be read as an image (ValueError)",
    ]


# ---------------------------------------------------------------------------- bios


def _bio(root: Path, name: str, bio: str) -> None:
    indented = "".join(f"    {line}\n" for line in bio.split("\n"))
    write(root, f"diplomats/{name}.yml", "")
    (root / f"diplomats/{name}.yml").write_text(
        f"name: {{fa: سارا, en: Sara}}\nstatus: pending\nbio:\n  en: |\n{indented}",
        encoding="utf-8",
    )


def test_bios_too_deep_or_too_long_to_render_are_refused_quickly(data_tree: Path) -> None:
    _bio(data_tree, "deep", "- " * 500 + "x")  # 1 KB; the build ended in RecursionError
    _bio(data_tree, "tags", "<a " * 19999 + "<a>")  # 60 KB; 56 s a language to render
    start = time.perf_counter()
    result = run(data_tree, "check")
    assert time.perf_counter() - start < 60
    no_traceback(result)
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("diplomats/")]
    assert errors == [
        "diplomats/deep.yml:4: bio.en: فهرست‌ها و نقل‌قول‌ها بیش از ۸ لایه تودرتو شده‌اند: آن‌ها "
        "را با لایه‌های کمتری بنویسید",
        f"diplomats/deep.yml:4: bio.en: lists and quotes are nested more than "
        f"{MAX_BIO_NESTING} levels deep: write them flatter",
        "diplomats/tags.yml:4: bio.en: این متن ۶۰٬۰۰۰ نویسه دارد، اما بیشترین طول پذیرفته "
        "۴٬۰۰۰ نویسه است: زندگی‌نامه معرفی کوتاهی است",
        f"diplomats/tags.yml:4: bio.en: the text is 60,000 characters long; at most "
        f"{MAX_BIO_LENGTH:,} are allowed: a bio is a short introduction",
    ]


def test_a_bio_at_the_limits_is_accepted(data_tree: Path) -> None:
    nested = "".join("  " * level + "- item\n" for level in range(MAX_BIO_NESTING))
    _bio(data_tree, "edge", (nested + "\n" + "word " * MAX_BIO_LENGTH)[:MAX_BIO_LENGTH].strip())
    assert any(d.id == "edge" for d in check(data_tree).diplomats)
