"""validate.py: one bad file per expected message, all errors in one run, cross-file checks."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.build import check
from generator.errors import DataErrors

from .conftest import write

CASES = sorted((Path(__file__).parent / "cases").glob("*.yml"))


def read_case(path: Path) -> tuple[str, str, str]:
    """A case file: `# target: <path>`, `# expect: <message>`, `# expect-fa: <message>`, then
    the YAML (its lines count from 1)."""
    headers, body = _split_case(path)
    return headers["target"], headers["expect"], body


def read_case_fa(path: Path) -> str:
    """The Persian message that a case file expects."""
    return _split_case(path)[0]["expect-fa"]


def _split_case(path: Path) -> tuple[dict[str, str], str]:
    lines = path.read_text(encoding="utf-8").split("\n")
    headers = {}
    while lines and (header := re.fullmatch(r"# (target|expect|expect-fa): (.*)", lines[0])):
        headers[header.group(1)] = header.group(2)
        lines.pop(0)
    return headers, "\n".join(lines)


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_bad_file_gives_its_one_line_error(case: Path, data_tree: Path) -> None:
    target, expected, body = read_case(case)
    write(data_tree, target, body)
    with pytest.raises(DataErrors) as caught:
        check(data_tree)
    assert [str(e) for e in caught.value.errors] == [expected]
    assert [e.text("fa") for e in caught.value.errors] == [read_case_fa(case)]


def test_the_shipped_data_is_valid(data_tree: Path) -> None:
    directory = check(data_tree)
    assert len(directory.cities) >= 19
    statuses = {d.status for d in directory.diplomats}
    assert statuses == {"pending", "approved", "suspended", "withdrawn"}


def test_all_errors_in_all_files_are_reported_in_one_run(data_tree: Path) -> None:
    write(data_tree, "diplomats/one.yml", "name: {fa: الف, en: A}\nstatus: aproved\n")
    write(data_tree, "diplomats/two.yml", "name: {fa: ب}\nstatus: pending\ncities: [nowhere]\n")
    write(data_tree, "cities/three.yml", "name: {fa: پ, en: P, native: P}\ncountry: ZZ\n")
    with pytest.raises(DataErrors) as caught:
        check(data_tree)
    files = {e.path for e in caught.value.errors}
    assert files == {"diplomats/one.yml", "diplomats/two.yml", "cities/three.yml"}
    assert len(caught.value.errors) >= 6  # status; name.en; country; coordinates; status; sources


def test_references_are_checked_once_the_file_itself_is_valid(data_tree: Path) -> None:
    write(
        data_tree,
        "diplomats/ref.yml",
        """
        name: {fa: الف, en: A}
        status: pending
        cities: [freiburg, atlantis]
        fields: [academia, alchemy]
        """,
    )
    with pytest.raises(DataErrors) as caught:
        check(data_tree)
    fields = [(e.line, e.field) for e in caught.value.errors]
    assert fields == [(3, "cities[1]"), (4, "fields[1]")]


def test_contact_values_are_normalised(data_tree: Path) -> None:
    write(
        data_tree,
        "diplomats/norm.yml",
        """
        name: {fa: الف, en: A}
        status: pending
        contacts:
          - {type: phone, value: "+442079460123", public: true}
          - {type: email, value: Someone@Example.ORG, public: false}
          - {type: telegram, value: "@sample_user", public: true}
        """,
    )
    person = next(d for d in check(data_tree).diplomats if d.id == "norm")
    assert [c.value for c in person.contacts] == [
        "+44 20 7946 0123",
        "Someone@example.org",
        "sample_user",
    ]
    assert [c.url for c in person.public_contacts] == [
        "tel:+442079460123",
        "https://t.me/sample_user",
    ]


def test_a_photo_that_is_not_an_image_is_an_error_on_its_line(data_tree: Path) -> None:
    (data_tree / "diplomats/photos/fake.jpg").write_text("<svg onload='alert(1)'/>")
    write(
        data_tree,
        "diplomats/pic.yml",
        """
        name: {fa: الف, en: A}
        status: pending
        photo:
          file: fake.jpg
          alt: {fa: عکس, en: Photo}
        """,
    )
    with pytest.raises(DataErrors) as caught:
        check(data_tree)
    assert [str(e) for e in caught.value.errors] == [
        "diplomats/pic.yml:4: photo.file: photo cannot be read as an image (UnidentifiedImageError)"
    ]


def test_site_settings_are_read_once_and_tidied(data_tree: Path) -> None:
    write(
        data_tree,
        "content/site.yml",
        "site_url: https://diplomats.example.org/isfahan\noffice_email: Office@Example.org\n",
    )
    site = check(data_tree).public().site
    assert site.site_url == "https://diplomats.example.org/isfahan/"
    assert site.office_email == "Office@example.org"
