"""Hostile values (issue 14): line breaks that add vCard properties, characters that XML and
HTML refuse, e-mail addresses and web addresses that carry more than an address, and
private contacts repeated where the site publishes them.

`check` refuses each with `file:line: field: message`; and, as a second line of defence,
the writers of cards, feeds, open data and JSON-LD keep their files well-formed and free of
injected fields even when given such a value directly (models built without validation).
"""

from __future__ import annotations

import csv
import io
import json
import re
import textwrap
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from urllib.parse import unquote, urlsplit

import feedparser
import html5lib
import pytest
import vobject

from generator import jsonld, opendata
from generator.build import check
from generator.context import Context
from generator.errors import DataErrors
from generator.feeds import feed
from generator.models import Directory
from generator.render import render_language
from generator.schema import Contact, Text
from generator.vcard import card, channel, escape

from .conftest import FIXTURES, copy_data

PUBLIC = check(FIXTURES).public()
PERSON_ID = "mahdieh-hosseinzadeh"
PERSON = next(d for d in PUBLIC.diplomats if d.id == PERSON_ID)

# Every character some reader ends a line at, said here independently of the generator.
BREAKS = {
    "CR": "\r",
    "CRLF": "\r\n",
    "VT": "\x0b",
    "FF": "\x0c",
    "FS": "\x1c",
    "NEL": "\x85",
    "LS": "\u2028",
    "PS": "\u2029",
}
ANY_BREAK = re.compile("[\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
# What XML 1.0 cannot hold or discourages, and what HTML calls a parse error.
UNWRITABLE = ["\x01", "\x1b", "\x7f", "\x80", "\x85", "\x9b", "\ufdd0", "\ufffe", "\uffff",
              "\U0001fffe", "\U0010ffff"]  # fmt: skip


def with_person(**changes: object) -> Directory:
    """The public sample directory with the person changed as validation would never allow."""
    hostile = PERSON.model_copy(update=changes)
    people = tuple(hostile if d.id == PERSON_ID else d for d in PUBLIC.diplomats)
    return replace(PUBLIC, diplomats=people)


def yaml_quoted(text: str) -> str:
    """`text` as a double-quoted YAML scalar, every unusual character as an escape."""
    out = []
    for ch in text:
        code = ord(ch)
        if ch in '"\\':
            out.append("\\" + ch)
        elif 0x20 <= code < 0x7F:
            out.append(ch)
        else:
            out.append(f"\\U{code:08x}" if code > 0xFFFF else f"\\u{code:04x}")
    return '"' + "".join(out) + '"'


def errors_of(root: Path) -> list:
    with pytest.raises(DataErrors) as caught:
        check(root)
    return caught.value.errors


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One copy of the sample data for the module; each test changes a file and puts it back."""
    return copy_data(tmp_path_factory.mktemp("injection") / "repo")


@contextmanager
def changed(root: Path, rel: str, text: str) -> Iterator[None]:
    """`rel` holding `text` for the time of the block (a new file is removed afterwards)."""
    path = root / rel
    before = path.read_bytes() if path.exists() else None
    path.write_text(text, encoding="utf-8")
    try:
        yield
    finally:
        if before is None:
            path.unlink()
        else:
            path.write_bytes(before)


def with_line(root: Path, rel: str, old: str, new: str) -> tuple[str, int]:
    """The text of `rel` with the whole line `old` replaced by `new`, and that line's number."""
    lines = (root / rel).read_text(encoding="utf-8").split("\n")
    number = lines.index(old)
    lines[number] = new
    return "\n".join(lines), number + 1


# ---------------------------------------------------------------------------- check refuses

# (file, the line as the sample has it, the field it holds, its text)
ONE_LINE_FIELDS = [
    ("diplomats/mahdieh-hosseinzadeh.yml", "  en: Mahdieh Hosseinzadeh", "name.en", "Mahdieh"),
    ("diplomats/mahdieh-hosseinzadeh.yml", "  fa: دانشیار مهندسی منابع آب", "occupation.fa",
     "دانشیار"),
    ("diplomats/mahdieh-hosseinzadeh.yml", "    value: mahdieh.hosseinzadeh@example.org",
     "contacts[0].value", "mahdieh.hosseinzadeh@example.org"),
    ("cities/freiburg.yml", '  native: "Freiburg im Breisgau"', "name.native", "Freiburg"),
    ("cities/freiburg.yml", '      en: "Twinning agreement signed."', "history[0].note.en",
     "Twinning agreement signed."),
]  # fmt: skip


@pytest.mark.parametrize("brk", list(BREAKS), ids=list(BREAKS))
@pytest.mark.parametrize(("rel", "old", "field", "text"), ONE_LINE_FIELDS, ids=lambda v: v)
def test_a_line_break_of_any_kind_in_a_one_line_field_is_refused(
    tree: Path, brk: str, rel: str, old: str, field: str, text: str
) -> None:
    key = old.split(":")[0]
    value = text + BREAKS[brk] + "EMAIL:spy@evil.example"
    hostile, line = with_line(tree, rel, old, f"{key}: {yaml_quoted(value)}")
    with changed(tree, rel, hostile):
        found = [e for e in errors_of(tree) if e.path == rel]
    assert [(e.line, e.field) for e in found] == [(line, field)]
    # VT, FF and FS are control characters, refused as such; the others break the line.
    assert found[0].message.startswith(
        ("contains the invisible control character", "must be a single line")
    )


@pytest.mark.parametrize("char", UNWRITABLE, ids=[f"U+{ord(c):04X}" for c in UNWRITABLE])
@pytest.mark.parametrize(
    ("rel", "old", "field"),
    [
        ("diplomats/mahdieh-hosseinzadeh.yml", "  en: Mahdieh Hosseinzadeh", "name.en"),
        ("cities/freiburg.yml", '  native: "Freiburg im Breisgau"', "name.native"),
    ],
    ids=["name", "city"],
)
def test_controls_and_noncharacters_are_refused_with_their_line(
    tree: Path, char: str, rel: str, old: str, field: str
) -> None:
    key = old.split(":")[0]
    hostile, line = with_line(tree, rel, old, f"{key}: {yaml_quoted('Frei' + char + 'burg')}")
    with changed(tree, rel, hostile):
        found = [e for e in errors_of(tree) if e.path == rel]
    assert [(e.line, e.field) for e in found] == [(line, field)]


@pytest.mark.parametrize("char", UNWRITABLE, ids=[f"U+{ord(c):04X}" for c in UNWRITABLE])
def test_controls_and_noncharacters_in_a_bio_are_refused(tree: Path, char: str) -> None:
    """A bio may hold line breaks, but no character that HTML refuses."""
    rel = f"diplomats/{PERSON_ID}.yml"
    text = (tree / rel).read_text(encoding="utf-8")
    start, end = text.index("  en: |\n    Mahdieh"), text.index("photo:")
    bio = f"  en: {yaml_quoted('Mahdieh' + char + ' is a professor.')}\n"
    with changed(tree, rel, text[:start] + bio + text[end:]):
        found = [(e.path, e.field) for e in errors_of(tree)]
    assert found == [(f"diplomats/{PERSON_ID}.yml", "bio.en")]


def test_a_message_that_quotes_a_value_stays_on_one_line(tree: Path) -> None:
    """A value is quoted back in messages, which CI prints in its log, where a line starting
    with `::` is a command to the runner: a line break in the value must not start one."""
    rel, old = "cities/freiburg.yml", '  - "https://www.freiburg.de/pb/,Lde/208862.html"'
    hostile, line = with_line(tree, rel, old, '  - "https://example.org/\\n::debug::forged"')
    with changed(tree, rel, hostile):
        (error,) = errors_of(tree)
    assert (error.line, error.field) == (line, "sources[3]")
    for lang in ("en", "fa"):
        assert len(error.text(lang).splitlines()) == 1, error.text(lang)


def test_a_character_yaml_itself_refuses_is_reported_with_its_line(tree: Path) -> None:
    """Typed into the file as it is (not as an escape), YAML's reader refuses it before any
    field is read: the message still says where, on one line."""
    rel = f"diplomats/{PERSON_ID}.yml"
    hostile, line = with_line(tree, rel, "  en: Mahdieh Hosseinzadeh", "  en: Mahdieh\x9b")
    with changed(tree, rel, hostile):
        found = [e for e in errors_of(tree) if e.path == rel]
    assert [e.line for e in found] == [line]
    assert len(found[0].text("fa").splitlines()) == 1, found[0].text("fa")


@pytest.mark.parametrize("brk", ["\r\n", "\r", "\u2028", "\u2029"], ids=["CRLF", "CR", "LS", "PS"])
def test_a_bio_may_break_its_lines_any_way_and_its_outputs_stay_well_formed(
    tree: Path, brk: str
) -> None:
    """A bio is Markdown over several lines. CR and CRLF end a line as LF does; U+2028 and
    U+2029 are not line endings to Markdown and stay in the text. Either way the profile
    and the open data that carry the bio parse."""
    rel = f"diplomats/{PERSON_ID}.yml"
    text = (tree / rel).read_text(encoding="utf-8")
    start, end = text.index("  en: |\n    Mahdieh"), text.index("photo:")
    bio = f"One *line*{brk}and the next.{brk}{brk}- a list{brk}- of two{brk}{brk}End."
    with changed(tree, rel, text[:start] + f"  en: {yaml_quoted(bio)}\n" + text[end:]):
        public = check(tree).public()
    page = next(p for p in render_language(public, "en") if p.path == f"diplomats/{PERSON_ID}.md")
    html5lib.HTMLParser(strict=True).parseFragment(page.text.split("---\n", 2)[2])
    persons = json.loads(opendata.open_data_files(public)["data/diplomats.json"])["persons"]
    html = next(p for p in persons if p["id"] == PERSON_ID)["biography_html"]["en"]
    assert "<em>line</em>" in page.text and "End." in html
    a_list = brk not in "\u2028\u2029"
    assert ("<li>a list</li>" in page.text) == ("<li>a list</li>" in html) == a_list


@pytest.mark.parametrize(
    "address",
    [
        "https://example.org@evil.example/",
        "https://user:secret@example.org/",
        "https://@example.org/",
    ],
)
def test_a_website_with_a_user_name_before_its_host_is_refused(tree: Path, address: str) -> None:
    rel = f"diplomats/{PERSON_ID}.yml"
    old = "    value: https://example.org/sample/mahdieh-hosseinzadeh"
    hostile, line = with_line(tree, rel, old, f'    value: "{address}"')
    with changed(tree, rel, hostile):
        (error,) = errors_of(tree)
    assert (error.line, error.field) == (line, "contacts[1].value")
    assert "user name or password" in error.message


@pytest.mark.parametrize(
    "address",
    ["victim?bcc=spy@evil.example", "a&cc=spy@example.org", "a%3Fbcc=x@example.org",
     "victim@example.org?bcc=spy@evil.example", "a b@example.org"],
)  # fmt: skip
def test_an_email_that_could_add_a_header_is_refused(tree: Path, address: str) -> None:
    rel, old = f"diplomats/{PERSON_ID}.yml", "    value: mahdieh.hosseinzadeh@example.org"
    hostile, line = with_line(tree, rel, old, f'    value: "{address}"')
    with changed(tree, rel, hostile):
        (error,) = errors_of(tree)
    assert (error.line, error.field) == (line, "contacts[0].value")


# ---------------------------------------------------------------------------- mailto: links


def test_an_email_link_is_the_address_percent_encoded_and_nothing_more() -> None:
    plain = Contact(type="email", value="sara.ahmadi@example.org", public=True)
    assert plain.url == "mailto:sara.ahmadi@example.org"
    tagged = Contact(type="email", value="sara+diplomats@example.org", public=True)
    assert tagged.url == "mailto:sara%2Bdiplomats@example.org"
    # Validation refuses these; were one to come through, the link still holds one address.
    for value in ("victim?bcc=spy@evil.example", "a@example.org&cc=spy@evil.example",
                  "a@example.org#x", "a@example.org\r\nBcc: spy@evil.example"):  # fmt: skip
        link = urlsplit(Contact.model_construct(type="email", value=value, public=True).url)
        assert (link.scheme, link.query, link.fragment) == ("mailto", "", "")
        assert unquote(link.path) == value


def test_handles_in_links_cannot_add_a_path_or_a_query() -> None:
    for kind in ("instagram", "telegram"):
        contact = Contact.model_construct(type=kind, value="x/../y?z=1#w", public=True)
        link = urlsplit(contact.url)
        assert (link.query, link.fragment) == ("", "")
        assert link.path.strip("/").count("/") == 0


# ---------------------------------------------------------------------------- vCard


def unfolded(text: str) -> list[str]:
    assert text.endswith("\r\n")
    assert not ANY_BREAK.search(text.replace("\r\n", "")), "a line break other than CRLF"
    return text.replace("\r\n ", "").removesuffix("\r\n").split("\r\n")


def names_of(lines: list[str]) -> list[str]:
    return [re.split("[;:]", line, maxsplit=1)[0] for line in lines]


@pytest.mark.parametrize("brk", list(BREAKS), ids=list(BREAKS))
def test_a_line_break_in_a_value_cannot_add_a_property_to_a_card(brk: str) -> None:
    injected = f"Mahdieh{BREAKS[brk]}EMAIL:spy@evil.example{BREAKS[brk]}X-EVIL:1"
    directory = with_person(
        name=Text.model_construct(fa="مهدیه", en=injected),
        occupation=Text.model_construct(fa="استاد", en=f"Professor{BREAKS[brk]}TEL:+1"),
    )
    person = next(d for d in directory.diplomats if d.id == PERSON_ID)
    text = card(Context(directory, "en"), person)
    lines = unfolded(text)
    assert names_of(lines) == names_of(unfolded(card(Context(PUBLIC, "en"), PERSON)))
    parsed = vobject.readOne(text)
    fn = {line.params["LANGUAGE"][0]: line.value for line in parsed.contents["fn"]}
    assert fn["en"] == ANY_BREAK.sub("\n", injected.replace("\r\n", "\n"))


def test_text_values_escape_every_kind_of_line_break() -> None:
    for brk in BREAKS.values():
        escaped = escape(f"one{brk}two")
        assert escaped == "one\\ntwo" and not ANY_BREAK.search(escaped)
    assert escape("a\x00b\x9bc\ufffed") == "abcd"  # no control character in a TEXT value


def test_a_channel_address_cannot_end_its_line() -> None:
    for value in ("https://example.org/\r\nEMAIL:spy@evil.example", "https://example.org/\u2028x"):
        line = channel(Contact.model_construct(type="website", value=value, public=True))
        assert not ANY_BREAK.search(line) and " " not in line
        assert line.startswith("URL:https://example.org/%")


# ---------------------------------------------------------------------------- Atom


def test_unwritable_characters_never_reach_the_feed() -> None:
    hostile = "Mahdieh" + "".join(UNWRITABLE) + "\u2028Hosseinzadeh"
    directory = with_person(name=Text.model_construct(fa="مهدیه", en=hostile))
    data = feed(Context(directory, "en"))
    root = ET.fromstring(data)  # expat refuses what XML 1.0 cannot hold
    text = data.decode()
    assert not any(char in text for char in UNWRITABLE)
    parsed = feedparser.parse(data)
    assert not parsed.bozo, parsed.get("bozo_exception")
    titles = [e.text for e in root.iter("{http://www.w3.org/2005/Atom}title")]
    # The rest is dropped; NEL, a line break too, is written as the one XML keeps (LF).
    assert "New citizen diplomat: Mahdieh\n\u2028Hosseinzadeh" in titles


# ---------------------------------------------------------------------------- JSON and CSV


def test_json_ld_escapes_what_html_refuses_and_reads_back_the_same() -> None:
    data = {"name": "a" + "".join(UNWRITABLE) + "\u2028\u2029</script><b>&"}
    html = str(jsonld.script(data))
    parser = html5lib.HTMLParser(strict=True)
    fragment = parser.parseFragment(html)  # strict: any parse error raises
    (element,) = list(fragment)
    assert json.loads(element.text) == data
    assert not any(char in html for char in UNWRITABLE + ["\u2028", "\u2029"])


def test_open_data_holds_the_value_and_each_row_stays_one_line() -> None:
    hostile = "Mahdieh\u2028EMAIL\x85X\rY\nZ\x0bW\x1cV\u2029=1"
    directory = with_person(name=Text.model_construct(fa="مهدیه\u2028", en=hostile))
    files = opendata.open_data_files(directory)
    persons = json.loads(files["data/diplomats.json"])["persons"]
    assert next(p for p in persons if p["id"] == PERSON_ID)["name"] == hostile
    assert not any(ch in files["data/diplomats.json"].decode() for ch in "\u2028\u2029\x85")
    text = files["data/diplomats.csv"].decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert len({len(row) for row in rows}) == 1
    assert len(text.splitlines()) == len(rows) == len(PUBLIC.diplomats) + 1
    row = next(r for r in rows if r[0] == PERSON_ID)
    assert row[2] == "Mahdieh EMAIL X Y Z W V =1"
    assert opendata.cell("=1\u2028") == "'=1 "


# ---------------------------------------------------------------------------- private contacts


def diplomat_file(contact: str, **texts: str) -> str:
    """A pending diplomat's file with one private contact and the given texts."""
    body = textwrap.dedent(
        f"""\
        name:
          fa: {texts.get("name_fa", "سارا احمدی")}
          en: {texts.get("name_en", "Sara Ahmadi")}
        status: pending
        occupation:
          en: {texts.get("occupation", "Engineer")}
        bio:
          en: {yaml_quoted(texts.get("bio", "Sara is an engineer."))}
        """
    )
    return body + "contacts:\n" + textwrap.indent(textwrap.dedent(contact), "  ")


PHONE = """\
- type: phone
  value: "+44 20 7946 0231"
  public: false
"""


@pytest.mark.parametrize(
    ("contact", "texts", "field"),
    [
        (PHONE, {"bio": "Call 020 7946 0231 after six."}, "bio.en"),
        (PHONE, {"bio": "Call +44 (0)20 7946-0231."}, "bio.en"),
        (PHONE, {"occupation": "Engineer, +442079460231"}, "occupation.en"),
        (PHONE.replace("phone", "whatsapp"), {"bio": "WhatsApp: ۰۲۰ ۷۹۴۶ ۰۲۳۱"}, "bio.en"),
        ("- type: email\n  value: sara.ahmadi@example.org\n  public: false\n",
         {"bio": "Write to SARA.AHMADI@EXAMPLE.ORG."}, "bio.en"),
        ("- type: website\n  value: https://example.org/sara\n  public: false\n",
         {"bio": "See www.example.org/sara/ for more."}, "bio.en"),
        ("- type: instagram\n  value: sara_ahmadi\n  public: false\n",
         {"bio": "Follow @Sara_Ahmadi."}, "bio.en"),
        ("- type: instagram\n  value: sara_ahmadi\n  public: false\n",
         {"name_en": "Sara Ahmadi (sara_ahmadi)"}, "name.en"),
        ("- type: telegram\n  value: saraahmadi\n  public: false\n",
         {"bio": "On https://t.me/saraahmadi too."}, "bio.en"),
    ],
)  # fmt: skip
def test_a_private_contact_repeated_in_a_published_text_is_refused(
    tree: Path, contact: str, texts: dict, field: str
) -> None:
    with changed(tree, "diplomats/case.yml", diplomat_file(contact, **texts)):
        (error,) = errors_of(tree)
    assert (error.path, error.field) == ("diplomats/case.yml", field)
    assert error.line == {"name.en": 3, "occupation.en": 6, "bio.en": 8}[field]
    assert error.message.startswith("repeats the value of contacts[0] (")
    private = re.search(r"value: (.*)", contact)[1].strip('"')
    for message in (error.message, error.message.fa, str(error)):
        assert private not in message and "7946" not in message  # CI logs may be public


@pytest.mark.parametrize(
    ("contact", "texts"),
    [
        (PHONE.replace("false", "true"), {"bio": "Call 020 7946 0231."}),  # public: fine
        (PHONE, {"bio": "Since 2020 (7946 visitors), room 0231."}),
        ("- type: email\n  value: sara.ahmadi@example.org\n  public: false\n",
         {"bio": "Not to be confused with lara.ahmadi@example.org.au or xsara.ahmadi@example.org."}),
        ("- type: telegram\n  value: saraahmadi\n  public: false\n",
         {"bio": "Saraahmadi is a plain word here."}),
        ("- type: website\n  value: https://example.org/sara\n  public: false\n",
         {"bio": "See myexample.org/sara for a namesake."}),
    ],
)  # fmt: skip
def test_other_numbers_and_addresses_are_not_taken_for_a_private_contact(
    tree: Path, contact: str, texts: dict
) -> None:
    with changed(tree, "diplomats/case.yml", diplomat_file(contact, **texts)):
        check(tree)
