"""json_schema.py: the editors' schemas match the models, run in strict (ECMA-262) tools,
accept the data and reject bad files where the check does, explain every field in Persian
and English, and list the city and activity-area ids of the data they are written from."""

from __future__ import annotations

import functools
import json
import re
import shutil
import subprocess
import sys
import types
import typing
from pathlib import Path

import pytest
import regress
from jsonschema import Draft7Validator, FormatChecker
from jsonschema.exceptions import best_match
from pydantic import BaseModel
from referencing import Registry, Resource

from generator.errors import DataWarning
from generator.json_schema import (
    IDS_FILE,
    MODELS,
    decimal_pattern,
    every_schema,
    fields,
    ids_schema,
    ids_schema_warnings,
    integers_below,
    json_schemas,
    known_ids,
    refresh_ids_schema,
    schema_files,
    stale_schemas,
    write_schemas,
)
from generator.load import Document, field_name, load_document
from generator.scaffold import new_file
from generator.schema import Diplomat, Text
from generator.schema_docs import DOCS, VALUES, plain

from .conftest import FIXTURES, REPO, write
from .test_validate import CASES, read_case

NAMES = list(MODELS)  # diplomat, city, fields
STATIC = [f"schemas/{name}.schema.json" for name in NAMES]
KINDS = {"diplomat": r"diplomats/[^/]+\.yml", "city": r"cities/[^/]+\.yml",
         "fields": r"content/fields\.yml"}  # fmt: skip
FOLDERS = {"diplomat": ["diplomats"], "city": ["cities"], "fields": ["content/fields.yml"]}
# Rules a JSON Schema cannot state: files on disk, today's date, order of dates, a file's name.
NOT_EXPRESSIBLE = {
    "photo-missing": "refers to a file on disk (diplomats/photos/)",
    "future-date": "depends on today's date",
    "history-out-of-order": "compares the dates of list entries",
    "status-disagrees-with-history": "compares status with the last list entry",
    "placeholder-name-approved": "compares a name with the template's example",
    "file-name-capitals": "is about the file's name, not what it holds",
    "id-index-diplomat": "is about the file's name, not what it holds",
    "id-page-diplomat": "is about the file's name, not what it holds",
    "id-index-city": "is about the file's name, not what it holds",
    "id-too-long": "is about the file's name, not what it holds",
    "bio-nested-too-deep": "counts how deep the Markdown's lists and quotes nest",
    "private-phone-in-bio": "compares the bio with the values of the private channels",
    "other-name-is-name": "compares name.other with name.fa and name.en, as search folds them",
}
PERSIAN = re.compile("[\u0600-\u06ff]")
LATIN_WORDS = re.compile(r"[A-Za-z]{2,} [A-Za-z]{2,}")


@functools.cache
def fixture_ids() -> dict:
    """The ids schema of the frozen sample data, which the cases are written against."""
    return ids_schema(FIXTURES)


def validator(name: str, ids: dict | None = None) -> Draft7Validator:
    """The committed schema `name`, its ids those of `ids` (default: the frozen sample)."""
    schema = json.loads((REPO / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8"))
    Draft7Validator.check_schema(schema)
    ids_resource = Resource.from_contents(ids or fixture_ids())
    registry = Registry().with_resource("ids.schema.json", ids_resource)
    return Draft7Validator(schema, format_checker=FormatChecker(), registry=registry)


def check_jsonschema(*args: str | Path) -> subprocess.CompletedProcess:
    """check-jsonschema with its default regex engine: ECMA-262 with the `u` flag (regress)."""
    return subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--regex-variant", "default", *map(str, args)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def invalid_files(schema: Path, files: list[Path]) -> dict[str, list[str]]:
    """Each file that check-jsonschema finds invalid against `schema`, with its findings."""
    result = check_jsonschema("--output-format", "json", "--schemafile", schema, *files)
    assert result.stdout.startswith("{"), result.stderr[-3000:]  # not a crash
    report = json.loads(result.stdout)
    assert report.get("parse_errors", []) == [], report["parse_errors"]
    found: dict[str, list[str]] = {}
    for error in report["errors"]:
        found.setdefault(Path(error["filename"]).name, []).append(
            f"{error['path']}: {error['message']}"
        )
    return found


def editor_schemas(root: Path, data: Path) -> Path:
    """`root/schemas`: the committed schemas made from code, and the ids of `data`."""
    (root / "schemas").mkdir(parents=True, exist_ok=True)
    for rel in STATIC:
        shutil.copy(REPO / rel, root / rel)
    (root / IDS_FILE).write_text(json.dumps(ids_schema(data)), encoding="utf-8")
    return root / "schemas"


def data_files(data: Path, name: str) -> list[Path]:
    out = []
    for rel in FOLDERS[name]:
        out += sorted((data / rel).glob("*.yml")) if (data / rel).is_dir() else [data / rel]
    return out


# ---------------------------------------------------------------------------- up to date


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
    assert "schemas/city.schema.json" in result.stderr and "make schemas" in result.stderr


# ---------------------------------------------------------------------------- strict tools


def test_the_schemas_pass_the_metaschema_with_ecma_262_patterns(tmp_path: Path) -> None:
    files = sorted(editor_schemas(tmp_path, FIXTURES).glob("*.schema.json"))
    assert len(files) == 4
    result = check_jsonschema("--check-metaschema", *files)
    assert result.returncode == 0, result.stdout + result.stderr


def patterns(schema: dict) -> list[str]:
    out = []
    for node in every_schema(schema):
        out += [node["pattern"]] if "pattern" in node else []
        out += list(node.get("patternProperties", {}))
    return out


@pytest.mark.parametrize("name", NAMES)
def test_every_pattern_is_an_ecma_262_regular_expression(name: str) -> None:
    found = patterns(json_schemas()[name])
    assert found
    for pattern in found:
        regress.Regex(pattern, flags="u")  # raises RegressError on what editors refuse
    with pytest.raises(regress.RegressError):  # as the old `[^…\"…]` of web addresses did
        regress.Regex(r"^[^\s<>\"]+$", flags="u")


def test_check_jsonschema_accepts_the_frozen_sample_data(tmp_path: Path) -> None:
    schemas = editor_schemas(tmp_path, FIXTURES)
    for name in NAMES:
        files = data_files(FIXTURES, name)
        assert files
        assert invalid_files(schemas / f"{name}.schema.json", files) == {}, name


def test_check_jsonschema_accepts_the_live_data(tmp_path: Path) -> None:
    # Whoever the live data holds: its ids are read from it, as `make schemas` would, so a
    # city added without `make schemas` (a warning of the check) does not fail this test.
    schemas = editor_schemas(tmp_path, REPO)
    for name in NAMES:
        files = data_files(REPO, name)
        assert invalid_files(schemas / f"{name}.schema.json", files) == {}, name


# ---------------------------------------------------------------------------- the bad cases


def case_kind(target: str) -> str | None:
    """The schema for a case's file, or None where editors have none (content/site.yml …)."""
    return next((kind for kind, form in KINDS.items() if re.fullmatch(form, target)), None)


def schema_cases(tmp_path: Path) -> dict[str, tuple[str, str, Path, Document]]:
    """Each case that reaches a schema: stem → (kind, expected message, its file, its data)."""
    out = {}
    for case in CASES:
        target, expected, body = read_case(case)
        kind = case_kind(target)
        path = tmp_path / (kind or "none") / f"{case.stem}.yml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(body, encoding="utf-8")
        doc = load_document(path, target)
        if kind and isinstance(doc, Document):  # else the loader refuses the file itself
            out[case.stem] = (kind, expected, path, doc)
    return out


def test_every_rule_a_schema_cannot_state_is_a_case_that_reaches_one(tmp_path: Path) -> None:
    assert set(NOT_EXPRESSIBLE) <= set(schema_cases(tmp_path))


def test_the_schemas_reject_each_bad_file_where_the_check_does(tmp_path: Path) -> None:
    cases = schema_cases(tmp_path)
    assert len(cases) > 30
    wrong = []
    for stem, (kind, expected, _, doc) in cases.items():
        errors = list(validator(kind).iter_errors(doc.data))
        if stem in NOT_EXPRESSIBLE:
            wrong += [f"{stem}: rejected: {errors[0].message}"] if errors else []
            continue
        if not errors:
            wrong.append(f"{stem}: accepted")
            continue
        # The schema's complaint is about the field the check names (or a field around it).
        field = re.match(r"^[^:]+(?::\d+)?: (?:([\w.\[\]]+): )?", expected).group(1) or ""
        where = field_name(tuple(best_match(errors).absolute_path))
        if not field.startswith(where):
            wrong.append(f"{stem}: the schema points at {where!r}, the check at {field!r}")
    assert wrong == []


def test_check_jsonschema_agrees_on_every_case(tmp_path: Path) -> None:
    cases = schema_cases(tmp_path / "cases")
    schemas = editor_schemas(tmp_path, FIXTURES)  # the cases are written against the sample
    for kind in KINDS:
        files = [path for k, _, path, _ in cases.values() if k == kind]
        invalid = invalid_files(schemas / f"{kind}.schema.json", files)
        assert set(invalid) == {p.name for p in files if p.stem not in NOT_EXPRESSIBLE}, kind


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


LATER_KEYWORDS = {"prefixItems", "$anchor", "$dynamicRef", "dependentSchemas", "$defs",
                  "dependentRequired", "unevaluatedItems", "unevaluatedProperties"}  # fmt: skip


@pytest.mark.parametrize("name", NAMES)
def test_the_schemas_are_draft_7_for_every_editor(name: str) -> None:
    schema = validator(name).schema
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert not set().union(*map(set, every_schema(schema))) & LATER_KEYWORDS
    refs = {node["$ref"] for node in every_schema(schema) if "$ref" in node}
    assert refs <= {"ids.schema.json#/definitions/city", "ids.schema.json#/definitions/field"}


# ---------------------------------------------------------------------------- help on each field


def model_paths(tp: object, prefix: str = "") -> list[str]:
    """The path of every field of the models under `tp`, read from the type annotations
    (not from the schema): `name`, `name.fa`, `contacts[].value`, `*.en` …"""
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        out = []
        for name, info in tp.model_fields.items():
            if info.exclude:  # the id: the file's name, never written in it
                continue
            path = f"{prefix}.{name}" if prefix else name
            out += [path, *model_paths(info.annotation, path)]
        return out
    if origin is typing.Annotated:
        return model_paths(args[0], prefix)
    if origin in (list, tuple):
        return [p for arg in args if arg is not Ellipsis for p in model_paths(arg, f"{prefix}[]")]
    if origin is dict:  # a mapping of ids (content/fields.yml): `*` is any of its keys
        path = f"{prefix}.*" if prefix else "*"
        return [path, *model_paths(args[1], path)]
    if origin in (typing.Union, types.UnionType):
        return [p for arg in args for p in model_paths(arg, prefix)]
    return []


def written_in(text: str, lang: str) -> bool:
    """Whether `text`, less its code and examples between backticks (an English help may
    quote a Persian example), is mostly Persian (fa) or mostly Latin letters (en)."""
    prose = re.sub(r"`[^`]*`", "", text)
    persian, latin = len(PERSIAN.findall(prose)), len(re.findall("[A-Za-z]", prose))
    return persian > latin if lang == "fa" else latin > persian and bool(LATIN_WORDS.search(prose))


def missing_help(name: str, model: object) -> list[str]:
    """The fields of `model` without help in both languages in schema_docs.DOCS[name]."""
    out = []
    for path in model_paths(model):
        fa, en = DOCS[name].get(path, ("", ""))
        if not (written_in(fa, "fa") and written_in(en, "en")):
            out.append(path)
    return out


@pytest.mark.parametrize("name", NAMES)
def test_every_field_of_the_models_has_help_in_persian_and_english(name: str) -> None:
    assert len(model_paths(MODELS[name])) >= 3
    assert missing_help(name, MODELS[name]) == [], "add its texts to generator/schema_docs.py"


def test_a_new_field_without_help_is_caught() -> None:
    class WithNickname(Diplomat):
        nickname: Text | None = None

    assert missing_help("diplomat", WithNickname) == ["nickname", "nickname.fa", "nickname.en"]


@pytest.mark.parametrize("name", NAMES)
def test_the_help_is_only_for_fields_that_exist(name: str) -> None:
    in_schema = {path for path, _ in fields(json_schemas()[name])}
    assert set(DOCS[name]) - {""} - in_schema == set()


@pytest.mark.parametrize("name", NAMES)
def test_every_field_shows_its_help_persian_first(name: str) -> None:
    schema = validator(name).schema
    assert PERSIAN.search(schema["title"]) and LATIN_WORDS.search(schema["title"])
    shown = list(fields(schema))
    assert {path for path, _ in shown} >= set(model_paths(MODELS[name]))
    for path, node in [("", schema), *shown]:
        fa, en = node["markdownDescription"].split("\n\n")
        assert written_in(fa, "fa") and written_in(en, "en"), path
        assert node["description"] == plain((fa, en)), path
        if not any("properties" in inner for inner in every_schema(node)):
            assert "نمونه: " in fa and "Example: " in en, path  # a value to type: an example


def test_the_generated_english_titles_are_gone() -> None:
    for name in NAMES:
        schema = validator(name).schema
        titles = [node["title"] for node in every_schema(schema) if "title" in node]
        assert titles == [schema["title"]]


@pytest.mark.parametrize(
    "name, path",
    [(name, path) for name in VALUES for path in VALUES[name]],
)
def test_each_allowed_value_says_what_it_means(name: str, path: str) -> None:
    node = dict(fields(validator(name).schema))[path]
    assert set(VALUES[name][path]) == set(node["enum"])
    for meaning in node["enumDescriptions"]:
        fa, en = meaning.split(" · ")
        assert PERSIAN.search(fa) and not PERSIAN.search(en), meaning


def test_countries_and_languages_are_offered_with_their_names() -> None:
    city = dict(fields(validator("city").schema))
    countries = city["country"]
    assert countries["enumDescriptions"][countries["enum"].index("DE")] == "آلمان · Germany"
    diplomat = dict(fields(validator("diplomat").schema))
    languages = diplomat["languages"]["items"]
    assert languages["enumDescriptions"][languages["enum"].index("fa")] == "فارسی · Persian"
    assert len(languages["enumDescriptions"]) == len(languages["enum"])


@pytest.mark.parametrize("name", NAMES)
def test_every_pattern_says_what_it_wants_in_both_languages(name: str) -> None:
    for node in every_schema(validator(name).schema):
        if "pattern" in node:
            fa, en = node["patternErrorMessage"].split(" — ")
            assert PERSIAN.search(fa) and not PERSIAN.search(en), node["pattern"]


# ---------------------------------------------------------------------------- the ids of the data


def small_tree(root: Path) -> Path:
    write(root, "cities/paris.yml", "name: {fa: پاریس, en: Paris, native: Paris}\n")
    write(root, "cities/broken.yml", "name: [this is not: valid\n")
    write(root, "cities/Not_An_Id.yml", "name: {fa: ب, en: B, native: B}\n")
    write(
        root,
        "content/fields.yml",
        """
        trade: {fa: تجارت و اقتصاد, en: Trade and business}
        academia: {fa: دانشگاهی و پژوهشی, en: Academia and research}
        """,
    )
    return root


def test_the_ids_and_their_names_are_read_from_the_data(tmp_path: Path) -> None:
    ids = known_ids(small_tree(tmp_path))
    assert ids == {
        "city": {"broken": "", "paris": "پاریس · Paris"},  # a file not yet valid is listed
        "field": {
            "academia": "دانشگاهی و پژوهشی · Academia and research",
            "trade": "تجارت و اقتصاد · Trade and business",
        },
    }
    city = ids_schema(tmp_path)["definitions"]["city"]
    assert (city["enum"], city["enumDescriptions"]) == (["broken", "paris"], ["", "پاریس · Paris"])


def test_a_diplomat_file_is_checked_against_the_ids_of_its_data(tmp_path: Path) -> None:
    root = small_tree(tmp_path / "repo")
    schemas = editor_schemas(root, root)
    good = write(root, "diplomats/good.yml", "name: {fa: الف, en: A}\nstatus: pending\n"
                 "cities: [paris]\nfields: [trade, academia]\n")  # fmt: skip
    bad = write(root, "diplomats/bad.yml", "name: {fa: الف, en: A}\nstatus: pending\n"
                "cities: [paris, fribourg]\nfields: [poetry]\n")  # fmt: skip
    invalid = invalid_files(schemas / "diplomat.schema.json", [good, bad])
    assert list(invalid) == ["bad.yml"]
    assert [line.split(":")[0] for line in invalid["bad.yml"]] == ["$.cities[1]", "$.fields[0]"]


def test_make_schemas_writes_the_ids_of_the_data(tmp_path: Path) -> None:
    root = small_tree(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(root), "schemas"],
        capture_output=True, text=True, cwd=REPO, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    written = json.loads((root / IDS_FILE).read_text(encoding="utf-8"))
    assert written["definitions"]["city"]["enum"] == ["broken", "paris"]
    assert written["definitions"]["field"]["enum"] == ["academia", "trade"]
    assert stale_schemas(root) == [] and write_schemas(root) == []


def test_the_check_warns_while_the_ids_are_out_of_date(tmp_path: Path) -> None:
    root = small_tree(tmp_path)
    assert ids_schema_warnings(root) == []  # no editor schemas here: nothing to refresh
    write_schemas(root)
    assert ids_schema_warnings(root) == []
    write(root, "cities/rome.yml", "name: {fa: رم, en: Rome, native: Roma}\n")
    [warning] = ids_schema_warnings(root)
    assert isinstance(warning, DataWarning)
    assert (warning.path, warning.line, warning.field) == ("schemas/ids.schema.json", 0, "")
    assert "`make schemas`" in warning.message and "`make schemas`" in warning.message.fa
    assert PERSIAN.search(warning.message.fa) and not PERSIAN.search(warning.message)
    assert stale_schemas(root) == []  # a data change never fails the test of the code's schemas
    write_schemas(root)
    assert ids_schema_warnings(root) == []


def test_a_new_city_is_offered_at_once(tmp_path: Path) -> None:
    root = small_tree(tmp_path)
    write_schemas(root)
    before = (root / IDS_FILE).read_bytes()
    new_file(root, "diplomat", "sara-ahmadi")
    assert (root / IDS_FILE).read_bytes() == before
    new_file(root, "city", "new-york")
    city = json.loads((root / IDS_FILE).read_text(encoding="utf-8"))["definitions"]["city"]
    assert city["enum"] == ["broken", "new-york", "paris"]
    assert city["enumDescriptions"][1] == "New York"  # its Persian name is still blank
    assert ids_schema_warnings(root) == [] and refresh_ids_schema(root) is False


# ---------------------------------------------------------------------------- numbers as text


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
    assert bool(regress.Regex(decimal_pattern(-90, 90), flags="u").find(text)) == ok


def test_decimal_pattern_refuses_bounds_it_cannot_write() -> None:
    with pytest.raises(ValueError, match="only bounds of the form -N..N"):
        decimal_pattern(0, 90)
