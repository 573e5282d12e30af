"""docs/staff-guide.*.md: every message the check can print is explained, in both languages."""

from __future__ import annotations

import re
from datetime import date

import pytest

from generator.build import check_freshness
from generator.errors import DataErrors
from generator.scaffold import new_file

from .conftest import REPO, copy_data
from .test_validate import CASES, read_case

GUIDES = {"en": REPO / "docs/staff-guide.en.md", "fa": REPO / "docs/staff-guide.fa.md"}


def explained(lang: str) -> list[re.Pattern]:
    """The messages in the guide's tables, `…` standing for any text."""
    text = GUIDES[lang].read_text(encoding="utf-8")
    cells = re.findall(r"^\| (``?)(.+?)\1 \|", text, flags=re.M)
    return [re.compile(re.escape(cell).replace("…", ".*")) for _, cell in cells]


def message_of(line: str) -> str:
    """`path:line: field: message` → message."""
    rest = re.sub(r"^[^:]+(:\d+)?: ", "", line)
    return re.sub(r"^[\w.\[\]]+: ", "", rest)


@pytest.fixture(scope="module")
def newcomer_messages(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """Every case's message, every kind of warning, and the blanks of a new city."""
    out = [message_of(read_case(case)[1]) for case in CASES]
    _, _, warnings = check_freshness(REPO, date(2100, 1, 1), 12)
    out += [w.message for w in warnings]
    root = copy_data(tmp_path_factory.mktemp("guide") / "repo")
    new_file(root, "city", "paris")
    with pytest.raises(DataErrors) as caught:
        check_freshness(root, date(2026, 1, 1), 12)
    return out + [e.message for e in caught.value.errors]


@pytest.mark.parametrize("lang", ["en", "fa"])
def test_every_message_is_explained(lang: str, newcomer_messages: list[str]) -> None:
    patterns = explained(lang)
    assert len(patterns) > 40
    missing = [m for m in newcomer_messages
               if not any(p.fullmatch(m) for p in patterns)]  # fmt: skip
    assert missing == []


def test_both_guides_explain_the_same_messages() -> None:
    assert [p.pattern for p in explained("en")] == [p.pattern for p in explained("fa")]


@pytest.mark.parametrize("lang", ["en", "fa"])
def test_the_guides_links_and_commands_exist(lang: str) -> None:
    text = GUIDES[lang].read_text(encoding="utf-8")
    for link in re.findall(r"\]\(([^)#]+)\)", text):
        if not link.startswith("http"):
            assert (GUIDES[lang].parent / link).resolve().is_file(), link
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    for target in set(re.findall(r"`make ([a-z-]+)", text)):
        assert re.search(rf"^{target}:", makefile, flags=re.M), target


def test_the_readme_links_both_guides() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "(docs/staff-guide.en.md)" in readme and "(docs/staff-guide.fa.md)" in readme


def test_the_persian_guide_is_written_right_to_left() -> None:
    text = GUIDES["fa"].read_text(encoding="utf-8")
    assert text.startswith('<div dir="rtl" lang="fa">')
    persian = len(re.findall("[\u0600-\u06ff]", text))
    assert persian > 5000
