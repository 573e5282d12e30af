"""`make check` fails on every input that makes the build or a quality gate fail.

Each case plants one fault in a copy of the sample data, the way a member of staff might
type it, and shows two things: (a) the check refuses it, naming the file, the line and
the field, in both languages; (b) without the check, the build really fails on it, or
the gate really does (tests/gates.py, the functions the real gates call). So the check
catches at least what the build and the gates catch, case by case.

The build runs the check first (build.check), so (b) builds with plain validation in
its place: what MkDocs and the gates would have made of the input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

import generator.build
from generator.__main__ import main
from generator.build import build_site, check
from generator.errors import DataErrors
from generator.load import CONTENT_PAGES, load_sources
from generator.messages import CATALOGUE, Message
from generator.render import render_language
from generator.shell import split
from generator.site_addresses import generated_paths
from generator.validate import validate

from . import gates, test_gates
from .browser_support import opened, serve
from .conftest import SITE_URL, copy_data
from .test_gates import user_supplied_names

ABOUT_FA, ABOUT_EN = "content/about.fa.md", "content/about.en.md"
PERSON = "diplomats/mahdieh-hosseinzadeh.yml"
FREIBURG = "cities/freiburg.yml"
DESCRIPTION_EN = (
    "en: \"Freiburg im Breisgau, in Germany, has been Isfahan's sister city since October "
    "2000. On 31 January 2023 Freiburg's city council suspended official political contacts "
    'with Isfahan, while contacts between citizens remain welcome."'
)
WIDE = "x" * 120  # a word no phone's screen holds


@dataclass(frozen=True)
class Case:
    """A fault: where it goes, what the check says, and which gate or build refuses it."""

    name: str
    path: str
    new: str  # appended to the file, or put in place of `old`
    marker: str  # text on the line the check must name
    field: str
    key: str  # the message, in generator/messages.py's catalogue
    gate: str  # "build", "links", "language", "directions", "isolated", "vnu" or "axe"
    proof: str  # what the build's error or the gate's finding says
    old: str | None = None
    page: str = "en/about/index.html"  # the built page a gate looks at


CASES = [
    # MkDocs' warnings: strict mode fails the build on each, naming no file or line.
    Case("link to a missing page", ABOUT_EN, "Write to [the office](nope.md).", "nope.md", "link",
         "page_no_page_md", "build", "'nope.md', but the target is not found"),
    Case("link to a person's page", ABOUT_EN, "See [Mahdieh](diplomats/mahdieh-hosseinzadeh.md).",
         "diplomats/mahdieh", "link", "page_no_profile", "build", "is not found"),
    Case("link to a folder", ABOUT_EN, "See [the cities](cities/).", "(cities/)", "link",
         "page_no_page_mean", "build", "unrecognized relative link 'cities/'"),
    Case("link from the site's root", ABOUT_EN, "See [the cities](/cities/index.md).",
         "/cities/index.md", "link", "page_absolute", "build", "contains an absolute link"),
    Case("missing anchor on another page", ABOUT_EN, "See [how](apply.md#nowhere).", "#nowhere",
         "link", "page_no_anchor", "build", "does not contain an anchor '#nowhere'"),
    Case("missing anchor on the page", ABOUT_FA, "[بالا](#nowhere)", "#nowhere", "link",
         "page_no_anchor", "build", "there is no such anchor on this page"),
    Case("anchor in a generated page", ABOUT_EN, "See [the licence](open-data.md#licence).",
         "open-data.md#licence", "link", "page_generated_anchor", "build",
         "does not contain an anchor '#licence'"),
    Case("front matter the theme acts on", ABOUT_EN, "template: nope.html\ntitle:", "template:",
         "template", "page_front_matter_field", "build", "'nope.html' not found", old="title:"),
    Case("a picture", ABOUT_EN, "![The office](office.jpg)", "office.jpg", "html", "page_picture",
         "build", "'office.jpg', but the target is not found"),
    # The link gate.
    Case("link to the profiles' shell", ABOUT_EN, "See [a person](diplomats/_shell.md).",
         "_shell.md", "link", "page_no_page_md", "links", "'../diplomats/_shell/': no such file"),
    Case("own address that leads nowhere", ABOUT_EN, f"See [this]({SITE_URL}en/nowhere/).",
         "nowhere", "link", "page_no_page", "links", "no such file"),
    Case("own address, missing anchor", ABOUT_EN, f"See [this]({SITE_URL}en/apply/#nowhere).",
         "#nowhere", "link", "page_no_anchor", "links", "no element with id 'nowhere'"),
    Case("bio: relative link", PERSON, "[available online](../cities/)", "en: |", "bio.en",
         "text_relative_link", "links", "'../cities/': no such file",
         old="[available online](https://example.org/sample/water-workshop)",
         page="en/diplomats/mahdieh-hosseinzadeh/index.html"),
    Case("bio: anchor", PERSON, "[available online](#nowhere)", "en: |", "bio.en",
         "text_relative_link", "links", "no element with id 'nowhere'",
         old="[available online](https://example.org/sample/water-workshop)"),
    Case("bio: own address that leads nowhere", PERSON, f"[available online]({SITE_URL}nowhere/)",
         "en: |", "bio.en", "page_no_page", "links", "no such file",
         old="[available online](https://example.org/sample/water-workshop)"),
    Case("a link written in HTML that leads nowhere", ABOUT_EN, 'See <a href="nowhere/">it</a>.',
         "nowhere/", "link", "page_no_page", "links", "'nowhere/': no such file"),
    # The language gate: the brief's case first (Latin in a Persian page, without lang).
    Case("Latin in Persian text", ABOUT_FA, "[IFP News](https://ifpnews.com/kazan/)", "IFP News",
         "text", "page_latin", "language", "<a> in a fa page, without lang: 'IFP News'",
         old="[IFP News](https://ifpnews.com/kazan-isfahan-16th-sister-city-historic-ceremony/)"
             "{ lang=en dir=ltr }", page="about/index.html"),  # fmt: skip
    Case("Persian in English text", ABOUT_EN, "The office is called امور بین‌الملل.",
         "The office is called", "text", "page_persian", "language", "in a en page, without lang"),
    Case("Latin in a Persian heading", ABOUT_FA, '## منابع <span lang="en">IFP</span>',
         "## منابع", "heading", "page_heading_latin", "language", "'منابع IFP'",
         old="## منابع", page="about/index.html"),
    Case("Latin in a Persian title", ABOUT_FA, 'title: "About · دربارهٔ شهروند دیپلمات"',
         "title:", "title", "page_title_latin", "language", "<title> in a fa page",
         old='title: "دربارهٔ شهروند دیپلمات"', page="about/index.html"),
    Case("front matter that is not YAML", ABOUT_FA, 'title: "دربارهٔ" [', "title:",
         "", "page_front_matter", "language", "in a fa page, without lang",
         old='title: "دربارهٔ شهروند دیپلمات"', page="about/index.html"),
    Case("Latin in a Persian name", PERSON, "fa: Mahdieh حسین‌زاده", "fa: Mahdieh", "name.fa",
         "text_name_latin", "language", "'Mahdieh", old="fa: مهدیه حسین‌زاده",
         page="diplomats/mahdieh-hosseinzadeh/index.html"),
    Case("Persian in an English name", PERSON, "en: Mahdieh حسین‌زاده", "en: Mahdieh", "name.en",
         "text_name_persian", "language", "in a en page", old="en: Mahdieh Hosseinzadeh",
         page="en/diplomats/mahdieh-hosseinzadeh/index.html"),
    Case("Latin in a Persian city name", FREIBURG, 'fa: "Freiburg"', 'fa: "Freiburg"', "name.fa",
         "text_name_latin", "language", "'Freiburg'", old='fa: "فرایبورگ"',
         page="cities/freiburg/index.html"),
    Case("Latin in a Persian label", "content/fields.yml", "fa: فناوری IT", "فناوری IT",
         "technology.fa", "text_label_latin", "language", "IT", old="fa: فناوری",
         page="fields/index.html"),
    Case("Latin in a Persian photo description", PERSON, "fa: Portrait تصویر", "Portrait",
         "photo.alt.fa", "text_alt_latin", "language", "Portrait", old="fa: تصویر",
         page="diplomats/mahdieh-hosseinzadeh/index.html"),
    Case("Latin title of a link in a Persian bio", PERSON,
         '[این صفحه](https://example.org/sample/water-workshop "Workshop")', "fa: |", "bio.fa",
         "text_link_title_latin", "language", "'Workshop'",
         old="[این صفحه](https://example.org/sample/water-workshop)",
         page="diplomats/mahdieh-hosseinzadeh/index.html"),
    # The same faults the other way round: Persian letters in English texts.
    Case("Persian in an English heading", ABOUT_EN, '## Sources <span lang="fa">منابع</span>',
         "## Sources", "heading", "page_heading_persian", "language", "in a en page",
         old="## Sources"),
    Case("Persian in an English title", ABOUT_EN, 'title: "About · دربارهٔ ما"', "title:",
         "title", "page_title_persian", "language", "<title> in a en page",
         old='title: "About the Citizen Diplomat programme"'),
    Case("Persian in an English label", "content/fields.yml", "en: Technology فناوری",
         "Technology فناوری", "technology.en", "text_label_persian", "language", "فناوری",
         old="en: Technology", page="en/fields/index.html"),
    Case("Persian in an English photo description", PERSON, "en: Portrait تصویر\n",
         "Portrait", "photo.alt.en", "text_alt_persian", "language", "تصویر",
         old="en: Illustrated placeholder of a head-and-shoulders silhouette in dark green on a "
             "pale green background\n", page="en/diplomats/mahdieh-hosseinzadeh/index.html"),
    Case("Persian title of a link in an English bio", PERSON,
         '[available online](https://example.org/sample/water-workshop "کارگاه")', "en: |",
         "bio.en", "text_link_title_persian", "language", "کارگاه",
         old="[available online](https://example.org/sample/water-workshop)",
         page="en/diplomats/mahdieh-hosseinzadeh/index.html"),
    Case("presentation forms in an English occupation", PERSON, "en: Professor of ﻻ", "en: Prof",
         "occupation.en", "text_unmarked_letters", "language", "'Professor of ﻻ'",
         old="en: Associate professor of water-resources engineering",
         page="en/diplomats/mahdieh-hosseinzadeh/index.html"),
    # The direction and isolation gates.
    Case("lang and dir that disagree", ABOUT_EN, 'Hello, <span lang="fa" dir="ltr">سلام</span>.',
         "Hello,", "html", "page_lang_dir", "directions", "<span lang='fa' dir='ltr'>"),
    Case("a name on its own in a page", ABOUT_FA, "[فرایبورگ](cities/freiburg.md)",
         "[فرایبورگ]", "text", "page_not_isolated", "isolated", "'فرایبورگ' is not isolated",
         page="about/index.html"),
    Case("a photo described by the name", PERSON, "en: Mahdieh Hosseinzadeh\n", "    en: Mahdieh",
         "photo.alt.en", "text_is_a_name", "isolated", "'Mahdieh Hosseinzadeh' is not isolated",
         old="en: Illustrated placeholder of a head-and-shoulders silhouette in dark green on a "
             "pale green background\n", page="en/diplomats/mahdieh-hosseinzadeh/index.html"),
    Case("an occupation that is a name", PERSON, "en: Freiburg im Breisgau", "en: Freiburg",
         "occupation.en", "text_is_a_name", "isolated", "'Freiburg im Breisgau' is not isolated",
         old="en: Associate professor of water-resources engineering",
         page="en/diplomats/mahdieh-hosseinzadeh/index.html"),
    Case("a description that is a name", FREIBURG, 'en: "Kazan"', 'en: "Kazan"',
         "description.en", "text_is_a_name", "isolated", "'Kazan' is not isolated",
         old=DESCRIPTION_EN, page="en/cities/freiburg/index.html"),
    Case("a line of a bio that is a name", PERSON, "    - Kazan\n\n    She advises", "en: |",
         "bio.en", "text_is_a_name", "isolated", "'Kazan' is not isolated", old="    She advises",
         page="en/diplomats/mahdieh-hosseinzadeh/index.html"),
    # The Nu HTML Checker.
    Case("an element left open", ABOUT_EN, 'It is <span lang="de">nicht geschlossen.', "nicht",
         "html", "page_unclosed", "vnu", "Unclosed element “span”"),
    Case("a stray end tag", ABOUT_EN, "It ends</em> here.", "</em>", "html", "page_stray", "vnu",
         "Stray end tag “em”"),
    Case("an invalid lang", ABOUT_EN, "A paragraph.\n{ lang=english }", "lang=english", "html",
         "page_lang", "vnu", "Bad value “english” for attribute “lang”"),
    Case("an invalid dir", ABOUT_EN, "A paragraph.\n{ dir=up }", "dir=up", "html", "page_dir",
         "vnu", "Bad value “up” for attribute “dir”"),
    Case("an attribute HTML does not have", ABOUT_EN, "A paragraph.\n{ colour=red }", "colour",
         "html", "page_attribute", "vnu", "Attribute “colour” not allowed"),
    Case("an id used twice", ABOUT_EN, "One.\n{ #same }\n\nTwo.\n{ #same }", "#same", "html",
         "page_duplicate_id", "vnu", "Duplicate ID “same”"),
    Case("an unknown character reference", ABOUT_EN, "Tea &nope; coffee.", "&nope;", "text",
         "page_entity", "vnu", "did not start a character reference"),
    Case("a space in an address", ABOUT_EN, "See [this](<https://example.org/a b>).", "a b>",
         "link", "page_address_characters", "vnu", "Illegal character in path segment"),
    Case("an empty heading", ABOUT_EN, "##\n\nText.", "^##$", "heading", "page_empty_heading", "vnu",
         "Empty heading."),
    Case("a picture in HTML", ABOUT_EN, 'The office: <img src="office.jpg">.', "<img", "html",
         "page_picture", "vnu", "An “img” element must have an “alt” attribute"),
    Case("a block written in HTML", ABOUT_EN, "Text <p>a block</p> inside.", "<p>a block", "html",
         "page_element", "vnu", "No “p” element in scope"),
    Case("a link inside a link", ABOUT_EN, '[See <a href="https://example.org/">it</a>](apply.md)',
         "See <a", "link", "page_nested_link", "vnu", "already open"),
    Case("an unknown character reference in the title", ABOUT_EN, 'title: "About &nope;"',
         "title:", "title", "page_entity", "vnu", "did not start a character reference",
         old='title: "About the Citizen Diplomat programme"'),
    # axe-core.
    Case("a link without text", ABOUT_EN, "See [](apply.md).", "[]", "link", "page_empty_link",
         "axe", "link-name"),
    Case("a table", ABOUT_EN, f"| term | meaning |\n|---|---|\n| {WIDE} | x |", "| term", "html",
         "page_table", "axe", "scrollable-region-focusable"),
    Case("bio: a link without text", PERSON, "[](https://example.org/sample/water-workshop)",
         "en: |", "bio.en", "page_empty_link", "axe", "link-name",
         old="[available online](https://example.org/sample/water-workshop)",
         page="en/diplomats/mahdieh-hosseinzadeh/index.html"),
]  # fmt: skip
BY_NAME = {case.name: case for case in CASES}


def plant(root: Path, case: Case) -> int:
    """Put the case's fault into the data; return the line the check must name: the first
    with the case's marker on it (a marker starting with ^ is a regular expression)."""
    path = root / case.path
    text = path.read_text(encoding="utf-8")
    if case.old is None:
        text = text.rstrip("\n") + "\n\n" + case.new + "\n"
    else:
        assert text.count(case.old) == 1, f"{case.old!r} should occur once in {case.path}"
        text = text.replace(case.old, case.new)
    path.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    marked = [
        n
        for n, line in enumerate(lines, start=1)
        if (re.search(case.marker, line) if case.marker[0] == "^" else case.marker in line)
    ]
    assert marked, f"{case.marker!r} is on no line of {case.path}"
    return marked[0]


@pytest.fixture(autouse=True)
def _site_url(monkeypatch: pytest.MonkeyPatch) -> None:
    """The build's address, as CI gives it: the check then knows the site's own host."""
    monkeypatch.setenv("SITE_URL", SITE_URL)


def without_check(monkeypatch: pytest.MonkeyPatch) -> None:
    """Let the build go on with plain validation where the check of content pages and
    texts (content_check.py) would stop it: to see what MkDocs, or a page, makes of them."""
    monkeypatch.setattr(generator.build, "check", lambda r: validate(load_sources(r)))
    monkeypatch.setattr(test_gates, "check", lambda r: validate(load_sources(r)))


def build_without_check(root: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The site as the build made it before the check covered content pages and texts
    (and the isolation gate's names, read from the data the same way)."""
    without_check(monkeypatch)
    build_site(root, site_dir=root / "site")
    return root / "site"


def assert_check_refuses(root: Path, case: Case, line: int) -> None:
    """(a): the check names the file, the line and the field, in Persian and English."""
    assert case.key in CATALOGUE
    with pytest.raises(DataErrors) as caught:
        check(root)
    ours = [e for e in caught.value.errors if getattr(e.message, "key", "") == case.key]
    assert ours, [str(e) for e in caught.value.errors]
    where = f"{case.path}:{line}: {case.field}: " if case.field else f"{case.path}:{line}: "
    assert any(str(e).startswith(where) for e in ours), [str(e) for e in ours]
    for error in ours:
        assert isinstance(error.message, Message) and error.message.fa != str(error.message)


def gate_findings(site: Path, case: Case, root: Path) -> list[str]:
    """(b): what the case's gate finds on the built site."""
    pages = [site / case.page]
    if case.gate == "links":
        return gates.check_links(site, SITE_URL)
    if case.gate == "language":
        return gates.check_language_of_parts(pages)
    if case.gate == "directions":
        return gates.check_directions(pages)
    if case.gate == "isolated":
        return gates.check_isolated(pages, user_supplied_names(root))
    if case.gate == "vnu":
        messages = gates.run_vnu(pages)
        return gates.describe_vnu(gates.vnu_errors(messages) + gates.vnu_warnings(messages))
    raise AssertionError(f"unknown gate {case.gate!r}")


@pytest.mark.parametrize("name", [c.name for c in CASES if c.gate != "axe"])
def test_the_check_refuses_what_the_build_or_a_gate_refuses(
    name: str, data_tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    case = BY_NAME[name]
    line = plant(data_tree, case)
    assert_check_refuses(data_tree, case, line)
    if case.gate == "build":
        with pytest.raises(Exception) as failed:
            build_without_check(data_tree, monkeypatch)
        assert case.proof in str(failed.value)
        return
    site = build_without_check(data_tree, monkeypatch)
    findings = gate_findings(site, case, data_tree)
    assert any(case.proof in f for f in findings), findings


@pytest.mark.parametrize("name", [c.name for c in CASES if c.gate == "axe"])
def test_the_check_refuses_what_axe_refuses(
    name: str, data_tree: Path, monkeypatch: pytest.MonkeyPatch, browser
) -> None:
    case = BY_NAME[name]
    line = plant(data_tree, case)
    assert_check_refuses(data_tree, case, line)
    site = build_without_check(data_tree, monkeypatch)
    url = case.page.removesuffix("index.html")
    with serve(site) as base, opened(browser, base + url, "phone") as (page, _):
        violations = gates.run_axe(page)
    assert case.proof in {v["id"] for v in violations}, gates.describe_axe(violations)


def test_the_sample_data_passes(data_tree: Path) -> None:
    assert check(data_tree).diplomats


def test_make_check_fails_and_says_where(data_tree: Path, capsys) -> None:
    case = BY_NAME["Latin in Persian text"]
    line = plant(data_tree, case)
    assert main(["--root", str(data_tree), "check"]) == 1
    assert f"{case.path}:{line}: text: " in capsys.readouterr().err


def test_content_pages_are_checked_while_a_data_file_is_broken(data_tree: Path) -> None:
    plant(data_tree, BY_NAME["Latin in Persian text"])
    (data_tree / "diplomats/broken.yml").write_text("name: [\n", encoding="utf-8")
    with pytest.raises(DataErrors) as caught:
        check(data_tree)
    paths = {e.path for e in caught.value.errors}
    assert {"diplomats/broken.yml", ABOUT_FA} <= paths


@pytest.mark.parametrize("people", [0, 120])
def test_the_check_knows_the_pages_the_build_gives_mkdocs(tmp_path: Path, people: int) -> None:
    """Links resolve against the same pages MkDocs gets: generated pages (with a second page
    for a listing of more than 100 people), the profiles' shell, no profile."""
    if people:
        from bench.synthetic import make_tree

        root = make_tree(tmp_path / "repo", people)
    else:
        root = copy_data(tmp_path / "repo")
    public = check(root).public()
    for lang in ("fa", "en"):
        pages = split(render_language(public, lang, profiles=()), profiles_follow=True)
        given = {p.path for p in pages.for_mkdocs} - {f"{name}.md" for name in CONTENT_PAGES}
        assert sorted(generated_paths(public)) == sorted(given)
        assert any("/page/2.md" in p for p in given) == bool(people)
