"""json_schema.py: the editors' schemas match the models, accept the samples, reject bad data."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from jsonschema import Draft7Validator, FormatChecker
from jsonschema.exceptions import best_match

from generator.json_schema import decimal_pattern, integers_below, schema_files, stale_schemas
from generator.load import Document, field_name, load_document

from .conftest import REPO
from .test_validate import CASES, read_case

# Cases that never reach a schema: the loader refuses the file itself.
CAUGHT_BY_THE_LOADER = {"alias", "bidi-control", "duplicate-key"}
# Rules a JSON Schema cannot state: other files, files on disk, today's date, order of dates.
NOT_EXPRESSIBLE = {
    "unknown-city": "refers to another file (cities/)",
    "unknown-field": "refers to another file (content/fields.yml)",
    "photo-missing": "refers to a file on disk (diplomats/photos/)",
    "future-date": "depends on today's date",
    "history-out-of-order": "compares the dates of list entries",
    "status-disagrees-with-history": "compares status with the last list entry",
}


def validator(name: str) -> Draft7Validator:
    schema = json.loads((REPO / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8"))
    Draft7Validator.check_schema(schema)
    return Draft7Validator(schema, format_checker=FormatChecker())


def loaded(path: Path) -> Document:
    doc = load_document(path, path.name)
    assert isinstance(doc, Document), doc
    return doc


def case_document(case: Path, tmp_path: Path) -> tuple[str, str, Document | object]:
    target, expected, body = read_case(case)
    path = tmp_path / "case.yml"
    path.write_text(body, encoding="utf-8")
    kind = "diplomat" if target.startswith("diplomats/") else "city"
    return kind, expected, load_document(path, target)


def test_the_committed_schemas_are_up_to_date() -> None:
    assert stale_schemas(REPO) == [], "run `make schemas` and commit the result"


def test_a_changed_schema_file_is_reported_stale(tmp_path: Path) -> None:
    for rel, text in schema_files().items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    assert stale_schemas(tmp_path) == []
    (tmp_path / "schemas/city.schema.json").write_text("{}\n", encoding="utf-8")
    (tmp_path / "schemas/fields.schema.json").unlink()
    assert stale_schemas(tmp_path) == ["schemas/city.schema.json", "schemas/fields.schema.json"]
    result = subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(tmp_path), "schemas", "--check"],
        capture_output=True, text=True, cwd=REPO, timeout=60,
    )  # fmt: skip
    assert result.returncode == 1
    assert "schemas/city.schema.json is out of date: run `make schemas`" in result.stderr


@pytest.mark.parametrize(
    "folder, name",
    [("diplomats", "diplomat"), ("cities", "city")],
)
def test_every_shipped_file_is_valid(folder: str, name: str) -> None:
    check = validator(name)
    files = sorted((REPO / folder).glob("*.yml"))
    assert files
    for path in files:
        errors = [e.message for e in check.iter_errors(loaded(path).data)]
        assert errors == [], path.name


def test_the_activity_areas_are_valid() -> None:
    assert list(validator("fields").iter_errors(loaded(REPO / "content/fields.yml").data)) == []


def test_every_case_is_classified() -> None:
    names = {c.stem for c in CASES}
    assert CAUGHT_BY_THE_LOADER | set(NOT_EXPRESSIBLE) <= names


SCHEMA_CASES = [c for c in CASES if c.stem not in CAUGHT_BY_THE_LOADER | set(NOT_EXPRESSIBLE)]


@pytest.mark.parametrize("case", SCHEMA_CASES, ids=[c.stem for c in SCHEMA_CASES])
def test_the_schema_rejects_the_bad_file_where_the_check_does(case: Path, tmp_path: Path) -> None:
    kind, expected, doc = case_document(case, tmp_path)
    assert isinstance(doc, Document)
    errors = list(validator(kind).iter_errors(doc.data))
    assert errors, f"the schema accepts {case.name}"
    # The schema's complaint is about the field the check names (or a field around it).
    field = re.match(r"^[^:]+:\d+: (?:([\w.\[\]]+): )?", expected).group(1) or ""
    where = field_name(tuple(best_match(errors).absolute_path))
    assert field.startswith(where), (where, field)


@pytest.mark.parametrize("name", sorted(NOT_EXPRESSIBLE))
def test_what_a_schema_cannot_say_is_left_to_the_check(name: str, tmp_path: Path) -> None:
    kind, _, doc = case_document(REPO / "tests/cases" / f"{name}.yml", tmp_path)
    assert isinstance(doc, Document)
    assert list(validator(kind).iter_errors(doc.data)) == []  # test_validate checks the error


@pytest.mark.parametrize("name", sorted(CAUGHT_BY_THE_LOADER))
def test_what_the_loader_refuses_never_reaches_a_schema(name: str, tmp_path: Path) -> None:
    _, _, doc = case_document(REPO / "tests/cases" / f"{name}.yml", tmp_path)
    assert not isinstance(doc, Document)


def test_values_typed_by_an_editor_are_accepted_too() -> None:
    # An editor's YAML parser reads `[48.85, 2.35]` as numbers and `since: 2000` as an integer.
    city = {
        "name": {"fa": "پاریس", "en": "Paris", "native": "Paris"},
        "country": "FR",
        "coordinates": [48.85, 2.35],
        "since": 2000,
        "status": "active",
        "sources": ["https://example.org/paris"],
    }
    assert list(validator("city").iter_errors(city)) == []
    city["coordinates"] = [48.85, 200]
    assert [e.json_path for e in validator("city").iter_errors(city)] == ["$.coordinates[1]"]
    city["coordinates"] = [48.85, 2.35, 0]
    assert {e.validator for e in validator("city").iter_errors(city)} == {
        "maxItems",
        "additionalItems",
    }


LATER_KEYWORDS = {"prefixItems", "$anchor", "$dynamicRef", "dependentSchemas",
                  "dependentRequired", "unevaluatedItems", "unevaluatedProperties"}  # fmt: skip


def keywords(node: object) -> set[str]:
    if isinstance(node, list):
        return set().union(*map(keywords, node)) if node else set()
    if isinstance(node, dict):
        return set(node) | set().union(*map(keywords, node.values()))
    return set()


@pytest.mark.parametrize("name", ["diplomat", "city", "fields"])
def test_the_schemas_are_draft_7_for_every_editor(name: str) -> None:
    schema = validator(name).schema
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert not keywords(schema) & LATER_KEYWORDS


@pytest.mark.parametrize("limit", [1, 7, 10, 90, 100, 180, 1000])
def test_integers_below_matches_exactly_the_smaller_whole_numbers(limit: int) -> None:
    pattern = re.compile(f"^({integers_below(limit)})$")
    matched = {n for n in range(0, 2000) if pattern.match(str(n))}
    assert matched == set(range(limit))
    assert not pattern.match("07")


@pytest.mark.parametrize(
    "text, ok",
    [("90", True), ("-90.0", True), ("+89.999", True), (" 0 ", True), ("90.5", False),
     ("91", False), ("148.8566", False), ("1e2", False), ("", False), ("-", False)],
)  # fmt: skip
def test_decimal_pattern_keeps_to_the_bounds(text: str, ok: bool) -> None:
    assert bool(re.match(decimal_pattern(-90, 90), text)) == ok


def test_decimal_pattern_refuses_bounds_it_cannot_write() -> None:
    with pytest.raises(ValueError, match="only bounds of the form -N..N"):
        decimal_pattern(0, 90)
