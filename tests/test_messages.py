"""Every message staff can see exists in Persian and English, and each one a data file can
cause has a bad file that causes it (a case in tests/cases/, or one of the tests below)."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from datetime import date
from pathlib import Path

import pytest
from PIL import Image

import generator.__main__  # noqa: F401 -- every module that defines messages is imported
import generator.build  # noqa: F401
import generator.changed  # noqa: F401
import generator.diff  # noqa: F401
import generator.scaffold  # noqa: F401
import generator.serve  # noqa: F401
from generator.__main__ import main
from generator.build import check, check_freshness
from generator.errors import DataErrors
from generator.load import load_document
from generator.messages import CATALOGUE, Message, blank, joined, quoted, say
from generator.validate import _message

from .conftest import person_with_photo, write
from .test_validate import CASES, read_case, read_case_fa

PERSIAN = re.compile("[\u0600-\u06ff]")
# Messages for the editor's hovers (JSON Schemas), not printed by the check.
EDITOR_ONLY = re.compile(r"editor_")


def _errors(root: Path) -> list:
    with pytest.raises(DataErrors) as caught:
        check(root)
    return caught.value.errors


def test_every_message_has_a_persian_text_that_is_persian() -> None:
    for key, (en, fa) in CATALOGUE.items():
        assert en.strip() and fa.strip(), key
        assert PERSIAN.search(fa), f"{key}: the Persian text has no Persian words: {fa}"
        assert not PERSIAN.search(blank(en)), f"{key}: the English text has Persian in it: {en}"


def test_persian_numbers_use_persian_digits_and_english_ones_do_not() -> None:
    message = say("file_too_large", size=70079, limit=65536)
    assert str(message) == "file is 70,079 bytes; the limit is 65,536"
    assert message.fa == "حجم پرونده ۷۰٬۰۷۹ بایت است؛ بیشترین حجم پذیرفته ۶۵٬۵۳۶ بایت است"


def test_a_value_from_a_file_is_quoted_as_typed_in_both_languages() -> None:
    shown = quoted("Freiburg")
    assert (str(shown), shown.fa) == ("'Freiburg'", "«Freiburg»")
    both = joined(say("in_future", found=quoted("2099")), say("did_you_mean", fixed="x"))
    assert both.keys == ("in_future", "did_you_mean")
    assert both.fa == "«2099» در آینده است؛ منظورتان x است؟"


def test_a_message_survives_the_trip_between_processes() -> None:
    import pickle

    message = say("in_future", found=quoted("2099-01-01"))
    again = pickle.loads(pickle.dumps(message))
    assert (str(again), again.fa, again.keys) == (str(message), message.fa, message.keys)


# ---------------------------------------------------------------------------- bad files


def test_a_file_that_cannot_be_read_names_itself(data_tree: Path) -> None:
    (data_tree / "diplomats/ghost.yml").symlink_to(data_tree / "nowhere.yml")
    error = load_document(data_tree / "diplomats/ghost.yml", "diplomats/ghost.yml")
    assert str(error) == "diplomats/ghost.yml: cannot read the file: No such file or directory"
    assert (
        error.text("fa") == "diplomats/ghost.yml: پرونده خوانده نمی‌شود: No such file or directory"
    )


def test_a_file_that_is_not_utf8(data_tree: Path) -> None:
    (data_tree / "diplomats/latin1.yml").write_bytes("name:\n  fa: caf\xe9\n".encode("latin-1"))
    [error] = _errors(data_tree)
    assert error.text("fa") == "diplomats/latin1.yml:2: پرونده متن UTF-8 درستی نیست"


def test_a_missing_content_page(data_tree: Path) -> None:
    (data_tree / "content/about.fa.md").unlink()
    [error] = _errors(data_tree)
    assert str(error) == "content/about.fa.md: page is missing or not UTF-8 text"
    assert error.text("fa") == "content/about.fa.md: این صفحه نیست یا متن UTF-8 درستی ندارد"


@pytest.mark.parametrize(
    ("make", "key"),
    [
        (lambda p: p.write_bytes(b"not a picture"), "photo_unreadable"),
        (lambda p: Image.new("RGB", (8, 8)).save(p, "GIF"), "photo_format"),
        (lambda p: Image.new("1", (9000, 9000)).save(p, "PNG"), "photo_pixels"),
        (lambda p: p.write_bytes(b"\xff" * (8 * 1024 * 1024 + 1)), "photo_bytes"),
    ],
    ids=["unreadable", "format", "pixels", "bytes"],
)
def test_a_bad_photo(data_tree: Path, make, key: str) -> None:
    make(data_tree / "diplomats/photos/pic.png")
    person_with_photo(data_tree, "pic.png")
    [error] = _errors(data_tree)
    assert error.message.key == key
    assert (error.path, error.line, error.field) == ("diplomats/pic.yml", 4, "photo.file")
    assert PERSIAN.search(error.text("fa"))


def test_overdue_details_warn_in_both_languages(data_tree: Path) -> None:
    _, _, warnings = check_freshness(data_tree, date(2100, 1, 1), 12)
    keys = {w.message.key for w in warnings}
    assert keys == {"last_verified", "never_verified"}
    for warning in warnings:
        assert "۱۲ ماه" in warning.text("fa") and "12 months" in warning.text("en")


def test_fallbacks_are_bilingual_too() -> None:
    # pydantic error kinds the data contract does not produce today, and YAML structures the
    # parser does not emit: the message still exists in both languages.
    other = _message({"type": "new_kind", "msg": "Something new", "input": "x"}, None, ())
    assert (str(other), other.fa) == (
        "not accepted: Something new, found 'x'",
        "مقدار پذیرفته نیست (Something new)، اما «x» آمده است",
    )
    assert "yaml_structure" in CATALOGUE


@pytest.mark.parametrize(
    ("line", "key"),
    [
        ("See [this](ftp://example.org/file).", "page_address_scheme"),
        ("See [this](https:///nowhere).", "page_address_host"),
        ("A paragraph.\n{ #__mdsearch }", "page_theme_id"),
    ],
    ids=["scheme", "host", "theme id"],
)
def test_content_pages_refused_beyond_the_gates(data_tree: Path, line: str, key: str) -> None:
    """Stricter than the gates on purpose (content_check.py): each names its page and line."""
    page = data_tree / "content/about.en.md"
    page.write_text(page.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")
    ours = [e for e in _errors(data_tree) if e.message.key == key]
    assert ours and ours[0].path == "content/about.en.md" and ours[0].line > 1
    assert PERSIAN.search(ours[0].text("fa"))


def test_a_content_page_title_is_one_line_of_text(data_tree: Path) -> None:
    page = data_tree / "content/about.en.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace('title: "About', 'title: "<b>About</b>', 1), encoding="utf-8")
    [error] = [e for e in _errors(data_tree) if e.message.key == "page_title_form"]
    assert (error.path, error.line, error.field) == ("content/about.en.md", 2, "title")


# ---------------------------------------------------------------------------- the command line


def _run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


def test_check_speaks_persian_by_default_and_english_when_asked(data_tree: Path) -> None:
    code, out, _ = _run("--root", str(data_tree), "check")
    assert code == 0 and out.startswith("درست است: ۱۴ شهروند دیپلمات (۹ منتشرشده)، ۱۹ شهر")
    code, out, _ = _run("--root", str(data_tree), "check", "--lang", "en")
    assert out.startswith("OK: 14 diplomats (9 published), 19 cities")
    assert "warning(s): they stop nothing, but each asks for a look." in out


def test_errors_are_counted_in_the_language_asked_for(data_tree: Path) -> None:
    write(data_tree, "diplomats/bad.yml", "name: {fa: الف, en: A}\nstatus: aproved\n")
    code, _, err = _run("--root", str(data_tree), "--lang", "both", "check")
    assert code == 1
    assert err.splitlines() == [
        "diplomats/bad.yml:2: status: یکی از «pending»، «approved»، «suspended» یا «withdrawn» "
        "لازم است، اما «aproved» آمده است",
        "diplomats/bad.yml:2: status: expected one of 'pending', 'approved', 'suspended' or "
        "'withdrawn', found 'aproved'",
        "۱ خطا پیدا شد؛ هیچ چیز نوشته نشد.",
        "1 error(s); nothing was written.",
    ]


def test_github_annotations_carry_both_languages(data_tree: Path) -> None:
    write(data_tree, "diplomats/bad.yml", "name: {fa: الف, en: A}\nstatus: aproved\n")
    _, out, _ = _run("--root", str(data_tree), "check", "--format", "github", "--lang", "both")
    [line] = out.splitlines()
    assert line.startswith("::error file=diplomats/bad.yml,line=2,title=status::یکی از «pending»")
    assert "%0Aexpected one of 'pending'" in line


def test_stale_lists_in_persian(data_tree: Path) -> None:
    code, out, _ = _run("--root", str(data_tree), "stale")
    assert code == 0
    first = out.splitlines()[0]
    assert re.fullmatch(
        r"اطلاعات [۰-۹]+ نفر از افراد تأییدشده آخرین بار پیش از .+ بررسی شده است:", first
    )
    assert "تأییدشده، هرگز بازبینی‌نشده" in out
    code, out, _ = _run("--root", str(data_tree), "stale", "--max-age-months", "600")
    assert out.startswith("اطلاعات همهٔ افراد تأییدشده در ")


def test_new_and_its_refusal_speak_both_languages(data_tree: Path) -> None:
    code, out, _ = _run("--root", str(data_tree), "new", "diplomat", "sara-ahmadi")
    assert code == 0 and out.startswith("diplomats/sara-ahmadi.yml نوشته شد: آن را پر کنید")
    code, _, err = _run("--root", str(data_tree), "--lang", "en", "new", "diplomat", "sara-ahmadi")
    assert code == 2 and err.startswith("error: ") and "already exists" in err
    code, _, err = _run("--root", str(data_tree), "new", "diplomat", "sara-ahmadi")
    assert err.startswith("خطا: ") and PERSIAN.search(err.removeprefix("خطا: "))


def test_schema_messages(tmp_path: Path) -> None:
    code, out, _ = _run("--root", str(tmp_path), "schemas")
    assert code == 0 and "schemas/diplomat.schema.json نوشته شد" in out
    (tmp_path / "schemas/diplomat.schema.json").write_text("{}", encoding="utf-8")
    code, _, err = _run("--root", str(tmp_path), "schemas", "--check")
    assert code == 1
    assert "schemas/diplomat.schema.json به‌روز نیست: `make schemas` را اجرا کنید" in err


def test_a_failed_build_says_the_site_was_kept(data_tree: Path) -> None:
    page = data_tree / "content/about.en.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[x](nowhere.md)\n", encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(data_tree), "build"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 1
    assert "ساخت سایت شکست خورد و سایت پیشین سر جایش ماند." in run.stderr or (
        "about.en.md" in run.stderr  # check refuses it first (tests/test_check_equals_build.py)
    )


def test_a_build_reports_in_persian(data_tree: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(data_tree), "build"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stderr
    first = run.stdout.splitlines()[0]
    assert re.fullmatch(
        r"سایت در .+/site ساخته شد: ۹ شهروند دیپلمات منتشرشده، [۰-۹]+ صفحه در هر زبان، "
        r"در [۰-۹]+٫[۰-۹] ثانیه",
        first,
    )


# ---------------------------------------------------------------------------- coverage

# Keys a data file cannot cause, each with the test that shows it (here or in another file).
NOT_FROM_A_CASE = {
    "cannot_read": "test_a_file_that_cannot_be_read_names_itself",
    "not_utf8": "test_a_file_that_is_not_utf8",
    "page_unreadable": "test_a_missing_content_page",
    "photo_unreadable": "test_a_bad_photo",
    "photo_format": "test_a_bad_photo",
    "photo_pixels": "test_a_bad_photo",
    "photo_bytes": "test_a_bad_photo",
    "last_verified": "test_overdue_details_warn_in_both_languages",
    "never_verified": "test_overdue_details_warn_in_both_languages",
    "other": "test_fallbacks_are_bilingual_too",
    "yaml_structure": "test_fallbacks_are_bilingual_too",
    "check_ok": "test_check_speaks_persian_by_default_and_english_when_asked",
    "warnings_count": "test_check_speaks_persian_by_default_and_english_when_asked",
    "errors_count": "test_errors_are_counted_in_the_language_asked_for",
    "stale_count": "test_stale_lists_in_persian",
    "stale_verified": "test_stale_lists_in_persian",
    "stale_never": "test_stale_lists_in_persian",
    "none_stale": "test_stale_lists_in_persian",
    "new_written": "test_new_and_its_refusal_speak_both_languages",
    "usage_error": "test_new_and_its_refusal_speak_both_languages",
    "scaffold_exists": "test_new_and_its_refusal_speak_both_languages",
    "scaffold_id": "test_scaffold_refusals_are_bilingual",
    "scaffold_kind": "test_scaffold_refusals_are_bilingual",
    "schema_written": "test_schema_messages",
    "schema_stale": "test_schema_messages",
    "build_failed": "test_a_failed_build_says_the_site_was_kept",
    "months": "test_freshness.py::test_a_nonsense_age_is_refused",
    "ids_schema_stale": "test_json_schema.py::test_the_check_warns_while_the_ids_are_out_of_date",
    "built": "test_a_build_reports_in_persian",
}


def test_scaffold_refusals_are_bilingual(data_tree: Path) -> None:
    from generator.scaffold import ScaffoldError, new_file

    for kind, id_, key in (("town", "paris", "scaffold_kind"), ("city", "Paris", "scaffold_id")):
        with pytest.raises(ScaffoldError) as caught:
            new_file(data_tree, kind, id_)
        message = caught.value.args[0]
        assert message.key == key and PERSIAN.search(message.fa)


def test_every_named_test_exists() -> None:
    here = Path(__file__).parent
    for key, test in NOT_FROM_A_CASE.items():
        file, _, name = test.rpartition("::")
        source = (here / (file or "test_messages.py")).read_text(encoding="utf-8")
        assert f"def {name}(" in source, (key, test)


def _case_keys(data_tree: Path) -> set[str]:
    keys = set()
    for case in CASES:
        target, expected, body = read_case(case)
        path = data_tree / target
        before = path.read_bytes() if path.exists() else None
        write(data_tree, target, body)
        try:
            check(data_tree)
        except DataErrors as exc:
            for error in exc.errors:
                assert isinstance(error.message, Message), error
                keys.update(error.message.keys)
        finally:
            path.unlink()
            if before is not None:
                path.write_bytes(before)
    return keys


def test_every_data_message_has_a_bad_file_that_causes_it(data_tree: Path) -> None:
    covered = _case_keys(data_tree)
    elsewhere = set(NOT_FROM_A_CASE) | set(OWN_TESTS) | _check_equals_build_keys()
    missing = {k for k in CATALOGUE if not EDITOR_ONLY.match(k)} - covered - elsewhere
    assert missing == set()


# Messages of modules whose own test files give each one its bad input.
OWN_TESTS: dict[str, str] = {
    "output_link": "test_build_safety.py::test_a_link_committed_where_the_build_writes_is_refused_and_nothing_outside_changes",
    "build_running": "test_build_safety.py::test_a_second_build_in_the_same_folder_is_refused_and_the_first_finishes",
    "disk_error": "test_build_safety.py::test_a_disk_that_refuses_a_write_stops_the_build_in_one_line",
    "disk_full": "test_build_safety.py::test_a_disk_that_refuses_a_write_stops_the_build_in_one_line",
    "disk_read_only": "test_build_safety.py::test_a_disk_that_refuses_a_write_stops_the_build_in_one_line",
    "no_permission": "test_build_safety.py::test_a_disk_that_refuses_a_write_stops_the_build_in_one_line",
    "site_aside": "test_build_safety.py::test_a_build_that_cannot_put_the_old_site_back_keeps_it_and_says_where",
    "diff_not_a_commit": "test_diff.py::test_an_unknown_ref_is_a_clear_error",
    "diff_git_failed": "test_diff.py::test_outside_a_git_repository_the_error_says_so",
    "diff_no_git": "test_diff.py::test_without_git_the_error_says_so",
    "diff_unsafe_file": "test_diff.py::test_a_link_out_of_the_tree_at_the_base_is_a_clear_error",
    "symlink": "test_load.py::test_a_linked_file_is_refused_and_never_read",
    "serve_port_in_use": "test_serve.py::test_a_port_in_use_is_reported_in_one_line_before_anything_is_built",
    "serve_port_unusable": "test_serve.py::test_a_port_that_cannot_be_a_port_is_reported_too",
    "serve_listening": "test_serve.py::test_saving_a_yaml_file_updates_the_served_page",
    "serve_rebuilt": "test_serve.py::test_saving_a_yaml_file_updates_the_served_page",
    "serve_kept": "test_serve.py::test_bad_data_keeps_the_last_good_preview_and_says_so",
    "changed_not_a_commit": "test_changed.py::test_a_ref_that_is_not_a_commit_is_a_usage_error",
    "changed_git_failed": "test_changed.py::test_outside_a_git_repository_git_says_why",
    "page_address_scheme": "test_messages.py::test_content_pages_refused_beyond_the_gates",
    "page_address_host": "test_messages.py::test_content_pages_refused_beyond_the_gates",
    "page_theme_id": "test_messages.py::test_content_pages_refused_beyond_the_gates",
    "page_title_form": "test_messages.py::test_a_content_page_title_is_one_line_of_text",
    # A MkDocs warning the check does not know yet is passed on as it is: no input is known
    # to cause one (each known warning has its own message and case).
    "page_mkdocs": "test_messages.py::test_fallbacks_are_bilingual_too",
    "map_data_missing": "test_worldmap.py::test_without_the_map_data_the_build_says_to_run_make_site",
}


def _check_equals_build_keys() -> set[str]:
    """The content-page and text messages: each has its bad input, and the build or gate that
    fails on it, in tests/test_check_equals_build.py."""
    from .test_check_equals_build import CASES as CONTENT_CASES

    return {case.key for case in CONTENT_CASES}


def test_every_named_test_exists_in_its_file() -> None:
    here = Path(__file__).parent
    for key, test in OWN_TESTS.items():
        file, _, name = test.rpartition("::")
        assert f"def {name}(" in (here / file).read_text(encoding="utf-8"), (key, test)


def test_every_case_expects_persian_too() -> None:
    for case in CASES:
        assert PERSIAN.search(read_case_fa(case)), case.name
