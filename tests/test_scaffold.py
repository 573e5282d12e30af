"""scaffold.py: new files list every field in both languages and lead to a passing check."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from jsonschema import Draft7Validator, FormatChecker

from generator.build import check
from generator.errors import DataErrors
from generator.load import Document, load_document
from generator.scaffold import ScaffoldError, new_file, scaffold_text
from generator.schema import Diplomat, SisterCity

from .conftest import DATA_DIRS, FIXTURES, REPO

MODELS = {"diplomat": Diplomat, "city": SisterCity}
PERSIAN = re.compile("[\u0600-\u06ff]")


def errors_of(root: Path) -> list[str]:
    try:
        check(root)
    except DataErrors as exc:
        return [str(e) for e in exc.errors]
    return []


def uncomment_everything(text: str) -> str:
    """What a person gets by deleting the # before every optional field's lines.

    Those are `#name:` and its indented lines (`#  fa: …`); notes are `# text`.
    """
    return re.sub(r"^#(?=[^\s#]| {2,})", "", text, flags=re.M)


def test_a_new_diplomat_passes_the_check_as_written(data_tree: Path) -> None:
    path = new_file(data_tree, "diplomat", "sara-ahmadi")
    assert path == data_tree / "diplomats/sara-ahmadi.yml"
    assert errors_of(data_tree) == []
    person = next(d for d in check(data_tree).diplomats if d.id == "sara-ahmadi")
    assert (person.status, person.name.en) == ("pending", "Sara Ahmadi")


@pytest.mark.parametrize("kind", ["diplomat", "city"])
def test_the_first_line_points_the_editor_at_the_schema(kind: str, data_tree: Path) -> None:
    path = new_file(data_tree, kind, "new-one")
    first = path.read_text(encoding="utf-8").splitlines()[0]
    match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
    assert match, first
    target = (path.parent / match.group(1)).resolve()
    assert target == (data_tree / f"schemas/{kind}.schema.json").resolve()
    assert (REPO / target.relative_to(data_tree.resolve())).is_file()


def test_the_new_diplomat_is_valid_for_the_editor_too(tmp_path: Path) -> None:
    path = tmp_path / "x.yml"
    path.write_text(scaffold_text("diplomat", "sara-ahmadi"), encoding="utf-8")
    schema = json.loads((REPO / "schemas/diplomat.schema.json").read_text(encoding="utf-8"))
    doc = load_document(path, "x.yml")
    assert isinstance(doc, Document)
    errors = Draft7Validator(schema, format_checker=FormatChecker()).iter_errors(doc.data)
    assert [e.message for e in errors] == []


@pytest.mark.parametrize("kind", ["diplomat", "city"])
def test_every_field_is_there_and_explained_in_both_languages(kind: str) -> None:
    lines = scaffold_text(kind, "new-one").splitlines()
    for name, info in MODELS[kind].model_fields.items():
        if info.exclude:
            continue
        at = [i for i, line in enumerate(lines) if re.match(rf"^#?{name}:", line)]
        assert len(at) == 1, f"{kind}: field {name!r} appears {len(at)} times"
        notes = []
        for line in reversed(lines[: at[0]]):
            if not line.startswith("# "):
                break
            notes.append(line)
        assert any(PERSIAN.search(n) for n in notes), f"{name}: no Persian note"
        assert any(re.search(r"[A-Za-z]{3,} [a-z]{3,}", n) and not PERSIAN.search(n)
                   for n in notes), f"{name}: no English note"  # fmt: skip


def test_a_new_city_reports_exactly_its_blanks_until_they_are_filled(data_tree: Path) -> None:
    path = new_file(data_tree, "city", "paris")
    assert errors_of(data_tree) == [
        "cities/paris.yml:22: name.fa: expected text, found nothing",
        "cities/paris.yml:24: name.native: expected text, found nothing",
        "cities/paris.yml:28: country: expected an ISO 3166-1 alpha-2 country code such as DE, found nothing",
        "cities/paris.yml:32: coordinates[0]: expected a number, found nothing",
        "cities/paris.yml:32: coordinates[1]: expected a number, found nothing",
        "cities/paris.yml:67: sources[0]: expected a web address starting with https:// (or http:// for an old source), found nothing",
    ]
    text = path.read_text(encoding="utf-8")
    for blank, value in (
        ('fa: ""', "fa: پاریس"),
        ('native: ""', "native: Paris"),
        ('country: ""', "country: FR"),
        ('coordinates: ["", ""]', "coordinates: [48.8566, 2.3522]"),
        ('  - ""', '  - "https://example.org/paris"'),
    ):
        text = text.replace(blank, value, 1)
    path.write_text(text, encoding="utf-8")
    assert errors_of(data_tree) == []


@pytest.mark.parametrize(
    "kind, expected",
    [
        (
            "diplomat",
            [
                "diplomats/new-one.yml:35: approved_on: expected a date written YYYY-MM-DD, found 'YYYY-MM-DD'",
                "diplomats/new-one.yml:41: verified_on: expected a date written YYYY-MM-DD, found 'YYYY-MM-DD'",
            ],
        ),
        (
            "city",
            [
                "cities/new-one.yml:22: name.fa: expected text, found nothing",
                "cities/new-one.yml:24: name.native: expected text, found nothing",
                "cities/new-one.yml:28: country: expected an ISO 3166-1 alpha-2 country code such as DE, found nothing",
                "cities/new-one.yml:32: coordinates[0]: expected a number, found nothing",
                "cities/new-one.yml:32: coordinates[1]: expected a number, found nothing",
                "cities/new-one.yml:42: since[0].date: expected a date written YYYY, YYYY-MM or YYYY-MM-DD, found 'YYYY-MM-DD'",
                "cities/new-one.yml:47: history[0].date: expected a date written YYYY, YYYY-MM or YYYY-MM-DD, found 'YYYY-MM-DD'",
                "cities/new-one.yml:62: website: expected a web address like https://example.org/page, found 'https://'",
                "cities/new-one.yml:67: sources[0]: expected a web address starting with https:// (or http:// for an old source), found nothing",
                "cities/new-one.yml:71: wikidata: expected a Wikidata id such as Q2833, found 'Q0'",
            ],
        ),
    ],
)
def test_every_optional_field_is_well_formed_once_uncommented(
    kind: str, expected: list[str], data_tree: Path
) -> None:
    # Only the placeholders that must be replaced are errors: the shape of each block is right.
    path = new_file(data_tree, kind, "new-one")
    path.write_text(uncomment_everything(path.read_text(encoding="utf-8")), encoding="utf-8")
    assert errors_of(data_tree) == expected


@pytest.mark.parametrize("bad", ["Sara", "sara--ahmadi", "-sara", "sara_ahmadi", "../x", "", "س"])
def test_a_malformed_id_is_refused(bad: str, data_tree: Path) -> None:
    with pytest.raises(ScaffoldError, match="an id is lower-case latin letters"):
        new_file(data_tree, "diplomat", bad)


def test_an_existing_id_is_refused_and_the_file_kept(data_tree: Path) -> None:
    path = data_tree / "diplomats/omid-farahani.yml"
    before = path.read_bytes()
    result = subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(data_tree), "--lang", "both", "new",
         "diplomat", "omid-farahani"],
        capture_output=True, text=True, cwd=REPO, timeout=60,
    )  # fmt: skip
    assert result.returncode == 2
    assert result.stderr == (
        "خطا: diplomats/omid-farahani.yml از پیش هست: شناسهٔ دیگری برگزینید\n"
        "error: diplomats/omid-farahani.yml already exists: choose another id\n"
    )
    assert path.read_bytes() == before


@pytest.fixture
def repo_copy(tmp_path: Path) -> Path:
    """The repository's Makefile, generator and schemas, and the frozen sample data, where
    make may write."""
    root = tmp_path / "repo"
    shutil.copytree(REPO / "generator", root / "generator", ignore=shutil.ignore_patterns("__py*"))
    shutil.copytree(REPO / "schemas", root / "schemas")
    for name in DATA_DIRS:
        shutil.copytree(FIXTURES / name, root / name)
    shutil.copy(REPO / "Makefile", root / "Makefile")
    return root


def make(root: Path, *args: str) -> subprocess.CompletedProcess:
    # -o venv: take the virtual environment as given; PY: this interpreter.
    return subprocess.run(
        ["make", "--no-print-directory", "-o", "venv", f"PY={sys.executable}",
         *args],
        capture_output=True, text=True, cwd=root, timeout=120,
    )  # fmt: skip


def test_make_new_diplomat_and_new_city(repo_copy: Path) -> None:
    assert make(repo_copy, "new-diplomat", "ID=sara-ahmadi").returncode == 0
    assert make(repo_copy, "new-city", "ID=paris").returncode == 0
    assert (repo_copy / "diplomats/sara-ahmadi.yml").is_file()
    assert (repo_copy / "cities/paris.yml").is_file()
    again = make(repo_copy, "new-diplomat", "ID=sara-ahmadi")
    assert again.returncode != 0 and "از پیش هست" in again.stderr  # Persian by default
    again = make(repo_copy, "new-diplomat", "ID=sara-ahmadi", "MESSAGES=en")
    assert again.returncode != 0 and "already exists" in again.stderr
    missing = make(repo_copy, "new-city")
    assert missing.returncode != 0 and "usage: make new-city ID=paris" in missing.stderr
    assert "طرز کار: make new-city ID=paris" in missing.stderr


def test_a_newcomer_goes_from_scaffold_to_approval_as_the_staff_guide_says(
    data_tree: Path,
) -> None:
    # The steps of "Add a person" and "Approve a person" in docs/staff-guide.*.md.
    path = new_file(data_tree, "diplomat", "sara-ahmadi")
    text = path.read_text(encoding="utf-8")
    text = text.replace("fa: نام و نام خانوادگی", "fa: سارا احمدی", 1)
    text = text.replace("cities: []", "cities: [freiburg]")
    text = text.replace("languages: []", "languages: [fa, de]")
    text = text.replace("#contacts:\n#  - type: email\n#    value: name@example.org\n#    public: false",
                        "contacts:\n  - type: email\n    value: sara.ahmadi@example.org\n    public: true")  # fmt: skip
    path.write_text(text, encoding="utf-8")
    assert errors_of(data_tree) == []
    text = text.replace("status: pending", "status: approved")
    path.write_text(text, encoding="utf-8")
    assert errors_of(data_tree) == [
        "diplomats/sara-ahmadi.yml:29: status: is approved, so approved_on (the date of approval) is required"
    ]
    text = text.replace('#approved_on: "YYYY-MM-DD"', 'approved_on: "2026-01-10"')
    text = text.replace('#verified_on: "YYYY-MM-DD"', 'verified_on: "2026-01-10"')
    path.write_text(text, encoding="utf-8")
    assert errors_of(data_tree) == []
    published = check(data_tree).public().diplomats
    sara = next(d for d in published if d.id == "sara-ahmadi")
    assert [c.value for c in sara.public_contacts] == ["sara.ahmadi@example.org"]


@pytest.mark.parametrize("id_", ["index", "a" * 101])
def test_an_id_the_check_would_refuse_is_refused_at_once(id_: str, data_tree: Path) -> None:
    with pytest.raises(ScaffoldError) as caught:
        new_file(data_tree, "diplomat", id_)
    assert caught.value.args[0].key in ("id_reserved", "id_too_long")
    assert not (data_tree / f"diplomats/{id_}.yml").exists()
