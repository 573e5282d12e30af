"""docs/staff-guide.*.md: every message the check can print is explained, in both languages."""

from __future__ import annotations

import re
from datetime import date

import pytest

import generator.__main__  # noqa: F401 -- every module that defines messages
import generator.changed  # noqa: F401
import generator.diff  # noqa: F401
import generator.serve  # noqa: F401
from generator.build import check_freshness
from generator.errors import DataErrors
from generator.messages import CATALOGUE, blank, text
from generator.scaffold import new_file

from .conftest import REPO, copy_data
from .test_validate import CASES, read_case, read_case_fa

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
def newcomer_messages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    """Every case's message, every kind of warning, and the blanks of a new city, in both
    languages."""
    out = {
        "en": [message_of(read_case(case)[1]) for case in CASES],
        "fa": [message_of(read_case_fa(case)) for case in CASES],
    }
    root = copy_data(tmp_path_factory.mktemp("guide") / "repo")
    _, _, warnings = check_freshness(root, date(2100, 1, 1), 12)
    new_file(root, "city", "paris")
    with pytest.raises(DataErrors) as caught:
        check_freshness(root, date(2026, 1, 1), 12)
    for lang in out:
        out[lang] += [text(w.message, lang) for w in warnings]
        out[lang] += [text(e.message, lang) for e in caught.value.errors]
    return out


@pytest.mark.parametrize("lang", ["en", "fa"])
def test_every_message_is_explained(lang: str, newcomer_messages: dict[str, list[str]]) -> None:
    patterns = explained(lang)
    assert len(patterns) > 60
    # A hint may follow a message (`…; did you mean freiburg?`): each part is explained.
    one = "(?:" + "|".join(p.pattern for p in patterns) + ")"
    joined = re.compile(f"{one}(?:{'; ' if lang == 'en' else '؛ '}{one})*")
    missing = [m for m in newcomer_messages[lang] if not joined.fullmatch(m)]
    assert missing == []


@pytest.mark.parametrize("lang", ["en", "fa"])
def test_every_message_in_the_catalogue_is_explained(lang: str) -> None:
    """Every message the generator can print, from the catalogue itself: a new message
    without a row in both guides fails here."""
    patterns = explained(lang)
    index = 0 if lang == "en" else 1
    templates = {key: blank(pair[index]).replace("\n", " ") for key, pair in CATALOGUE.items()}
    missing = [
        key
        for key, template in templates.items()
        if not key.startswith("editor_") and not any(p.fullmatch(template) for p in patterns)
    ]
    assert missing == []


def test_both_guides_explain_the_same_messages() -> None:
    """Row for row: the Persian guide lists the Persian text of each English row's message."""
    english, persian = explained("en"), explained("fa")
    assert len(english) == len(persian)
    for key, (en, fa) in CATALOGUE.items():
        if key.startswith("editor_"):
            continue
        rows = [i for i, p in enumerate(english) if p.pattern == _pattern(en)]
        rows_fa = [i for i, p in enumerate(persian) if p.pattern == _pattern(fa)]
        assert rows == rows_fa, key


def _pattern(template: str) -> str:
    """The pattern of the guide's row that shows `template` exactly."""
    return re.escape(blank(template).replace("\n", " ")).replace("…", ".*")


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
