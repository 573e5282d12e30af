"""load.py: values keep their text, dangerous YAML is refused, every field knows its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import DataError
from generator.load import MAX_FILE_BYTES, Document, load_document, load_sources

from .conftest import write


def load(tmp_path: Path, text: str) -> Document | DataError:
    return load_document(write(tmp_path, "x.yml", text), "diplomats/x.yml")


@pytest.mark.parametrize(
    ("yaml_text", "expected"),
    [
        ("phone: +989131234567", "+989131234567"),  # PyYAML: int 989131234567
        ("answer: NO", "NO"),  # PyYAML: False
        ("time: 1:20", "1:20"),  # PyYAML: 80 (sexagesimal)
        ("mode: 0755", "0755"),  # PyYAML: 493 (octal)
        ("day: 2024-02-30", "2024-02-30"),  # PyYAML: ValueError, not a YAMLError
        ("day: 2024-02-28", "2024-02-28"),  # PyYAML: datetime.date
        ("ratio: 1e3", "1e3"),
    ],
)
def test_scalars_keep_their_text(tmp_path: Path, yaml_text: str, expected: str) -> None:
    doc = load(tmp_path, yaml_text)
    assert isinstance(doc, Document)
    assert list(doc.data.values()) == [expected]


def test_only_plain_true_false_and_empty_are_typed(tmp_path: Path) -> None:
    doc = load(tmp_path, 'a: true\nb: false\nc: "true"\nd:\ne: ~\n')
    assert doc.data == {"a": True, "b": False, "c": "true", "d": None, "e": None}


@pytest.mark.parametrize(
    ("yaml_text", "message"),
    [
        ("a: 1\nb: 2\na: 3\n", "diplomats/x.yml:3: a: duplicate key (first given on line 1)"),
        ("a: &x 1\nb: *x\n", "diplomats/x.yml:1: a: anchors (&name) are not allowed"),
        ("a: !!python/object:os.system 1\n", "diplomats/x.yml:1: a: tags (tag:yaml.org,2002:python/object:os.system) are not allowed"),
        ("a: 1\n---\nb: 2\n", "diplomats/x.yml:2: only one YAML document per file (found '---')"),
        (
            "a: [1, 2\n",
            "diplomats/x.yml:1: a bracket [ or { opened on this line is never closed, or a comma "
            "is missing between its items",
        ),
        ("name:\n  fa: \u202eabc\n", "diplomats/x.yml:2: name.fa: contains the invisible control character U+202E"),
        ("a: \u2066x\u2069\n", "diplomats/x.yml:1: a: contains the invisible control character U+2066"),
    ],
)  # fmt: skip
def test_refused_yaml_names_file_line_and_field(
    tmp_path: Path, yaml_text: str, message: str
) -> None:
    error = load(tmp_path, yaml_text)
    assert isinstance(error, DataError)
    assert str(error).startswith(message)


def test_alias_bomb_is_refused_before_expansion(tmp_path: Path) -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(8)
    )
    error = load(tmp_path, bomb)
    assert isinstance(error, DataError) and "anchors" in error.message


def test_zwnj_is_allowed(tmp_path: Path) -> None:
    doc = load(tmp_path, "name: حسین\u200cزاده\n")
    assert doc.data["name"] == "حسین\u200cزاده"


def test_oversized_file_is_refused(tmp_path: Path) -> None:
    error = load(tmp_path, "bio: " + "x" * MAX_FILE_BYTES + "\n")
    assert isinstance(error, DataError) and "limit" in error.message


def test_non_utf8_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.yml"
    path.write_bytes(b"name: ok\nfa: " + "سارا".encode("cp1256") + b"\n")
    error = load_document(path, "diplomats/x.yml")
    assert isinstance(error, DataError)
    assert (error.line, error.message) == (2, "file is not valid UTF-8 text")


def test_lines_are_kept_for_nested_fields(tmp_path: Path) -> None:
    doc = load(tmp_path, "name:\n  fa: a\ncontacts:\n  - type: email\n    value: x\n")
    assert doc.line(("name", "fa")) == 2
    assert doc.line(("contacts", 0, "value")) == 5
    assert doc.line(("contacts", 0, "missing")) == 4  # falls back to the enclosing item


def test_bad_file_names_are_errors(data_tree: Path) -> None:
    write(data_tree, "diplomats/Sara_Ahmadi.yml", "name: {fa: a, en: b}\n")
    write(data_tree, "cities/paris.yaml", "name: x\n")
    messages = [str(e) for e in load_sources(data_tree).errors]
    assert any(
        m.startswith("diplomats/Sara_Ahmadi.yml: file name must be lower-case") for m in messages
    )
    assert "cities/paris.yaml: name data files *.yml: this file is not read" in messages


def test_arabic_yeh_and_kaf_in_persian_text_are_read_as_persian_letters(tmp_path: Path) -> None:
    path = tmp_path / "x.yml"
    path.write_text(
        "name:\n  fa: علي كاظمي\n  en: Ali\n  native: كربلاء\nbio:\n  fa: |\n    يك\n",
        encoding="utf-8",
    )
    doc = load_document(path, "cities/x.yml")
    assert doc.data["name"]["fa"] == "علی کاظمی"  # ی and ک: Persian letters
    assert doc.data["bio"]["fa"] == "یک\n"
    assert doc.data["name"]["native"] == "كربلاء"  # Arabic is right in an Arabic name


def test_a_data_file_that_never_ends_is_not_read_whole(tmp_path: Path) -> None:
    endless = tmp_path / "x.yml"
    endless.symlink_to("/dev/zero")
    error = load_document(endless, "diplomats/x.yml")
    assert str(error).startswith("diplomats/x.yml: file is 65,537 bytes; the limit is 65,536")
