"""report.py: findings as plain lines and as GitHub annotations on the changed line."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from pathlib import Path

import pytest

from generator.errors import DataError, DataWarning
from generator.report import (
    escape_data,
    escape_property,
    github_annotation,
    plain,
    print_findings,
)

from .conftest import REPO, write


def unescape(text: str) -> str:
    """What GitHub's runner does to a value (ActionCommand.Unescape), in its order."""
    for code, char in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(code, char)
    return text


def parse_annotation(line: str) -> tuple[str, dict[str, str], str]:
    """Split `::level k=v,k=v::message` as the runner does: first at '::', then at ','."""
    match = re.fullmatch(r"::(\w+) ([^:]*)::(.*)", line, re.S)
    assert match, line
    level, props, message = match.groups()
    pairs = dict(p.split("=", 1) for p in props.split(","))
    return level, {k: unescape(v) for k, v in pairs.items()}, unescape(message)


def test_data_escapes_percent_and_line_breaks_only() -> None:
    assert escape_data("50% done\r\nnext: a, b") == "50%25 done%0D%0Anext: a, b"


def test_properties_also_escape_colon_and_comma() -> None:
    assert escape_property("a:b,c%d\n") == "a%3Ab%2Cc%25d%0A"


def test_percent_is_escaped_first_so_escapes_in_the_input_survive() -> None:
    assert escape_property("%3A") == "%253A"
    assert unescape(escape_property("%3A")) == "%3A"


def test_an_error_becomes_an_annotation_on_its_file_and_line() -> None:
    error = DataError("diplomats/sara-ahmadi.yml", 7, "cities[1]", "unknown city 'fribourg'")
    assert github_annotation(error) == (
        "::error file=diplomats/sara-ahmadi.yml,line=7,title=cities[1]::unknown city 'fribourg'"
    )


def test_a_warning_is_a_warning_annotation() -> None:
    warning = DataWarning("diplomats/x.yml", 6, "verified_on", "last verified on 2020-01-01")
    assert github_annotation(warning).startswith("::warning file=diplomats/x.yml,line=6,")
    assert plain(warning) == "warning: diplomats/x.yml:6: verified_on: last verified on 2020-01-01"


def test_whole_file_errors_have_no_line_and_no_title() -> None:
    error = DataError("diplomats/Bad Name.yml", 0, "", "file name must be lower-case")
    assert (
        github_annotation(error)
        == "::error file=diplomats/Bad Name.yml::file name must be lower-case"
    )


@pytest.mark.parametrize(
    "path, field, message",
    [
        ("cities/a,b.yml", "name.en", "expected one of 'a', 'b' or 'c', found 'd'"),
        ("diplomats/x.yml", "contacts[0]:value", "100% sure\nsecond line\r\n:: not a command"),
        ("diplomats/x.yml", "bio.fa", "متن فارسی، با ویرگول: و دو نقطه"),
    ],
)
def test_annotations_read_back_exactly(path: str, field: str, message: str) -> None:
    level, props, text = parse_annotation(github_annotation(DataError(path, 3, field, message)))
    assert (level, props, text) == ("error", {"file": path, "line": "3", "title": field}, message)


def test_an_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="expected one of text, github, found 'xml'"):
        print_findings([], "xml", io.StringIO())


def test_check_prints_one_annotation_per_error_on_the_broken_line(data_tree: Path) -> None:
    write(
        data_tree,
        "diplomats/broken.yml",
        """
        # a comment, so that the error is not on line 1
        name: {fa: الف, en: A}
        status: aproved
        cities: [atlantis]
        """,
    )
    result = subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(data_tree), "check", "--format", "github"],
        capture_output=True, text=True, cwd=REPO, timeout=120,
    )  # fmt: skip
    assert result.returncode == 1
    # On a pull request both languages: Persian, then English on the next line (%0A).
    assert result.stdout.splitlines() == [
        "::error file=diplomats/broken.yml,line=3,title=status::یکی از «pending»، «approved»، "
        "«suspended» یا «withdrawn» لازم است، اما «aproved» آمده است%0Aexpected one of "
        "'pending', 'approved', 'suspended' or 'withdrawn', found 'aproved'"
    ]
    assert result.stderr == "۱ خطا پیدا شد؛ هیچ چیز نوشته نشد.\n1 error(s); nothing was written.\n"
