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


@pytest.mark.parametrize("name", ["sara.yml.txt", "sara", "sara.YML", "sara.yaml"])
def test_a_data_file_not_named_yml_is_reported_not_left_out(data_tree: Path, name: str) -> None:
    write(data_tree, f"diplomats/{name}", "name: {fa: سارا, en: Sara}\nstatus: pending\n")
    [error] = load_sources(data_tree).errors
    assert str(error) == f"diplomats/{name}: name data files *.yml: this file is not read"
    assert error.text("fa").startswith(f"diplomats/{name}: نام پرونده‌های داده باید به .yml")


def test_photos_folders_and_dotfiles_in_a_data_folder_are_not_data_files(data_tree: Path) -> None:
    write(data_tree, "diplomats/.gitkeep", "")
    write(data_tree, "cities/.DS_Store", "\x00\x01")
    write(data_tree, "diplomats/photos/.gitkeep", "")
    (data_tree / "cities/drafts").mkdir()
    sources = load_sources(data_tree)
    assert sources.errors == []
    assert "photos" not in {d.path.stem for d in sources.diplomats}
    assert sources.photos  # the portraits themselves are still listed


# ---------------------------------------------------------------------------- symbolic links


def _outside(tmp_path: Path) -> Path:
    """A private file outside the data repository, which nothing may read or publish."""
    secret = tmp_path / "outside" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text("name: {fa: راز, en: SECRET-OUTSIDE}\nstatus: approved\n", encoding="utf-8")
    return secret


@pytest.mark.parametrize(
    "rel",
    [
        "diplomats/x.yml",
        "cities/x.yml",
        "content/fields.yml",
        "content/site.yml",
        "content/about.fa.md",
        "diplomats/photos/x.jpg",
    ],
)
def test_a_linked_file_is_refused_and_never_read(data_tree: Path, tmp_path: Path, rel: str) -> None:
    link = data_tree / rel
    link.unlink(missing_ok=True)
    link.symlink_to(_outside(tmp_path))
    sources = load_sources(data_tree)
    assert [str(e) for e in sources.errors] == [
        f"{rel}: is a symbolic link, which is not read: put the file or folder itself here (a "
        "link could publish a file from elsewhere, even a private one)"
    ]
    assert sources.errors[0].text("fa").startswith(f"{rel}: پیوند نمادین (symbolic link) است")
    assert "x.jpg" not in sources.photos
    assert all(d.path != link for d in sources.diplomats + sources.cities)
    assert not any("SECRET-OUTSIDE" in page for page in sources.pages.values())


def test_a_link_inside_the_repository_is_refused_too(data_tree: Path) -> None:
    # A page linked to a person's file would publish their private contacts as a page.
    person = sorted((data_tree / "diplomats").glob("*.yml"))[0]
    (data_tree / "content/about.en.md").unlink()
    (data_tree / "content/about.en.md").symlink_to(person)
    (data_tree / "cities/twin.yml").symlink_to(data_tree / "cities/freiburg.yml")
    sources = load_sources(data_tree)
    assert [e.path for e in sources.errors] == ["cities/twin.yml", "content/about.en.md"]
    assert {e.message.key for e in sources.errors} == {"symlink"}
    assert ("about", "en") not in sources.pages


@pytest.mark.parametrize("folder", ["diplomats", "cities", "content", "diplomats/photos"])
def test_a_linked_folder_is_refused_and_never_listed(
    data_tree: Path, tmp_path: Path, folder: str
) -> None:
    elsewhere = tmp_path / "elsewhere"
    (data_tree / folder).rename(elsewhere)
    (data_tree / folder).symlink_to(elsewhere, target_is_directory=True)
    sources = load_sources(data_tree)
    assert [(e.path, e.message.key) for e in sources.errors] == [(folder, "symlink")]
    if folder == "diplomats":
        assert sources.diplomats == [] and sources.photos == {}
    if folder == "diplomats/photos":
        assert sources.photos == {} and sources.diplomats
    if folder == "content":
        assert sources.pages == {} and sources.fields is None and sources.site is None


def test_a_data_file_linked_to_an_endless_one_is_refused_before_it_is_opened(
    data_tree: Path,
) -> None:
    (data_tree / "diplomats/x.yml").symlink_to("/dev/zero")
    assert [e.message.key for e in load_sources(data_tree).errors] == ["symlink"]


def test_the_check_s_other_readers_do_not_follow_a_link_either(
    data_tree: Path, tmp_path: Path
) -> None:
    from generator.json_schema import known_ids

    secret = _outside(tmp_path)
    areas = secret.with_name("areas.yml")
    areas.write_text("secret-area: {fa: راز, en: Secret}\n", encoding="utf-8")
    (data_tree / "cities/x.yml").symlink_to(secret)
    (data_tree / "content/fields.yml").unlink()
    (data_tree / "content/fields.yml").symlink_to(areas)
    ids = known_ids(data_tree)  # for the editors' schemas, and the check's warning about them
    assert ids["city"]["x"] == "" and ids["field"] == {}  # listed by name, never read
