"""Fuzzing the outputs (issue 14): random Unicode in each text field of a person and a city.

Every line-break and control class is drawn from explicit lists of code points (C0, C1,
the Unicode line and paragraph separators, noncharacters, bidi controls, joiners and other
invisible characters), mixed with letters, digits and the characters that mean something to
one of the outputs. For each example, either `check` refuses the file with a clear error
(`file:line: field: message`, in both languages), or every output built from it parses
with its standard parser and holds no field that the data did not put there: the HTML pages
(html5lib, strict), their JSON-LD (json), the Atom feeds (xml.etree), the contact cards
(each line after unfolding a property the generator writes), the open data (json, csv).

The outputs are made by the generator's own functions for each piece, not by a whole build,
so that a few hundred examples run in well under a minute. The profile `fuzz-ci` is
derandomized, so that every run (CI's included) tries the same examples and a failure can be
reproduced; `FUZZ_PROFILE=fuzz-explore` tries new random examples, more of them.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import os
import re
import shutil
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path
from typing import Any

import html5lib
import pytest
import vobject
import yaml
from hypothesis import HealthCheck, Phase, event, given, settings
from hypothesis import strategies as st

from generator.build import check
from generator.errors import DataError, DataErrors
from generator.feeds import feed_files
from generator.opendata import open_data_files
from generator.render import render_language
from generator.vcard import vcard_files

from .conftest import FIXTURES

# Building and parsing every output takes a tenth of a second or so: no deadline. A failure
# is shrunk to its smallest example, without the slow "explain" phase.
_SETTINGS = {
    "deadline": None,
    "database": None,
    "suppress_health_check": [HealthCheck.too_slow],
    "phases": [Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink],
}
settings.register_profile(
    "fuzz-ci", max_examples=300, derandomize=True, print_blob=True, **_SETTINGS
)
settings.register_profile("fuzz-explore", max_examples=1000, **_SETTINGS)
PROFILE = settings.get_profile(os.environ.get("FUZZ_PROFILE", "fuzz-ci"))

# ---------------------------------------------------------------------------- what is drawn

C0 = [chr(c) for c in range(0x00, 0x20)] + ["\x7f"]
C1 = [chr(c) for c in range(0x80, 0xA0)]
SEPARATORS = ["\u2028", "\u2029"]
NONCHARACTERS = ["\ufdd0", "\ufdef", "\ufffe", "\uffff", "\U0001fffe", "\U0001ffff",
                 "\U0010fffe", "\U0010ffff"]  # fmt: skip
BIDI = ["\u200e", "\u200f", "\u061c", *map(chr, range(0x202A, 0x202F)),
        *map(chr, range(0x2066, 0x206A))]  # fmt: skip
JOINERS = ["\u200c", "\u200d"]
INVISIBLE = ["\u200b", "\u2060", "\ufeff", "\u00ad", "\u180e", "\u00a0", "\u3000"]
CONTROLS = C0 + C1 + SEPARATORS + NONCHARACTERS + BIDI + JOINERS + INVISIBLE
# What means something to one output or another, whole.
TOKENS = ["\r\n", "\nEMAIL:spy@evil.example\n", "\r\nEND:VCARD\r\nBEGIN:VCARD\r\n", "\\n",
          "\\,", ";", ",", ":", "</script>", "<script>alert(1)</script>", "<b>", "&amp;",
          "&#0;", "]]>", "<!--", "-->", "<![CDATA[", '"', "'", "`", "=1+1", "+98", "@",
          "?bcc=spy@evil.example", "mailto:", "javascript:", "*", "_", "#", "- ", "1. ",
          "[x](https://example.org/)", "    ", "{{ x }}", "{% x %}", "\x1e", "%0d%0a"]  # fmt: skip
LETTERS = "abcXYZ019 .-سارااحمدیپژوهشگر۰۱۹ًٌ"

# Text that may pass the check, so that the outputs are built: letters, digits, marks,
# punctuation, symbols and spaces of any script, and the tokens without a control in them.
visible = st.one_of(
    st.sampled_from([token for token in TOKENS if token.isprintable()]),
    st.text(LETTERS, min_size=1, max_size=8),
    st.text(st.characters(categories=("L", "M", "N", "P", "S", "Zs")), min_size=1, max_size=3),
)
# Text with anything in it: every class of control above, and any character but surrogates.
anything = st.one_of(
    st.sampled_from(CONTROLS),
    st.sampled_from(TOKENS),
    visible,
    st.text(st.characters(codec="utf-8"), min_size=1, max_size=3),
)
fuzz_text = st.one_of(
    st.lists(visible, min_size=1, max_size=8).map("".join),
    st.lists(anything, min_size=1, max_size=10).map("".join),
)

# ---------------------------------------------------------------------------- a tiny data tree

PERSON_FILE = "diplomats/sara-ahmadi.yml"
CITY_FILE = "cities/freiburg.yml"
PERSON: dict[str, Any] = {
    "name": {"fa": "سارا احمدی", "en": "Sara Ahmadi"},
    "status": "approved",
    "approved_on": "2021-09-20",
    "cities": ["freiburg"],
    "fields": ["academia"],
    "languages": ["fa", "en"],
    "occupation": {"fa": "پژوهشگر آب", "en": "Water researcher"},
    "bio": {
        "fa": "سارا پژوهشگر آب است.\n\nبا **فرایبورگ** کار می‌کند.\n",
        "en": "Sara researches water.\n\nShe works with *Freiburg*.\n",
    },
    "photo": {
        "file": "sara-ahmadi.jpg",
        "alt": {"fa": "تصویر نمادین یک شخص", "en": "Illustrated portrait of a person"},
    },
    "contacts": [
        {"type": "email", "value": "sara.ahmadi@example.org", "public": True},
        {"type": "website", "value": "https://example.org/sara", "public": True},
        {"type": "instagram", "value": "sara_ahmadi_sample", "public": True},
        {"type": "phone", "value": "+44 20 7946 0231", "public": False},
    ],
}
CITY: dict[str, Any] = {
    "name": {"fa": "فرایبورگ", "en": "Freiburg im Breisgau", "native": "Freiburg im Breisgau"},
    "country": "DE",
    "coordinates": ["47.999", "7.8421"],
    "since": "2000-10-27",
    "status": "active",
    "history": [
        {
            "date": "2000-10-27",
            "status": "active",
            "note": {"fa": "پیمان خواهرخواندگی امضا شد.", "en": "Twinning agreement signed."},
            "source": "https://www.freiburg.de/pb/,Lde/208862.html",
        }
    ],
    "description": {"fa": "شهری در آلمان.", "en": "A city in Germany."},
    "website": "https://www.freiburg.de",
    "sources": ["https://www.freiburg.de/pb/,Lde/208862.html"],
}
RECORDS = {PERSON_FILE: PERSON, CITY_FILE: CITY}
# Each text field: its file and the path to it.
FIELDS = [
    (PERSON_FILE, path)
    for path in [("name", "fa"), ("name", "en"), ("occupation", "fa"), ("occupation", "en"),
                 ("bio", "fa"), ("bio", "en"), ("photo", "alt", "fa"), ("photo", "alt", "en"),
                 ("contacts", 0, "value"), ("contacts", 1, "value"), ("contacts", 2, "value"),
                 ("contacts", 3, "value")]
] + [
    (CITY_FILE, path)
    for path in [("name", "fa"), ("name", "en"), ("name", "native"), ("description", "fa"),
                 ("description", "en"), ("history", 0, "note", "en")]
]  # fmt: skip


def yaml_text(value: Any, raw: bool = False, indent: str = "") -> str:
    """`value` as block YAML, every string double-quoted. Every character outside ASCII is
    written as an escape, so that any code point reaches the data; with `raw`, as it is,
    as a text pasted into the file would be (YAML itself refuses some)."""
    if isinstance(value, dict):
        items = [(f"{indent}{key}:", item) for key, item in value.items()]
    else:
        items = [(f"{indent}-", item) for item in value]
    return "".join(
        f"{head}\n{yaml_text(item, raw, indent + '  ')}"
        if isinstance(item, dict | list)
        else f"{head} {_scalar(item, raw)}\n"
        for head, item in items
    )


def _scalar(value: Any, raw: bool) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    out = []
    for ch in str(value):
        code = ord(ch)
        if ch in '"\\':
            out.append("\\" + ch)
        elif 0x20 <= code < 0x7F or raw:
            out.append(ch)
        else:
            out.append(f"\\U{code:08x}" if code > 0xFFFF else f"\\u{code:04x}")
    return '"' + "".join(out) + '"'


def with_value(record: dict, path: tuple, text: str) -> dict:
    """A deep copy of `record` with the value at `path` replaced by `text`."""
    copy = json.loads(json.dumps(record))
    target = copy
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = text
    return copy


def write_tree(root: Path, person: dict, city: dict, raw: bool = False) -> None:
    (root / PERSON_FILE).write_text(yaml_text(person, raw), encoding="utf-8")
    (root / CITY_FILE).write_text(yaml_text(city, raw), encoding="utf-8")


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data repository with one approved person (with a photo) and one city. Without
    mkdocs.yml, `check` leaves out the content pages, which the fuzz does not change."""
    root = tmp_path_factory.mktemp("fuzz") / "repo"
    (root / "diplomats" / "photos").mkdir(parents=True)
    (root / "cities").mkdir()
    shutil.copytree(FIXTURES / "content", root / "content")
    shutil.copy(
        FIXTURES / "diplomats" / "photos" / "mahdieh-hosseinzadeh.jpg",
        root / "diplomats" / "photos" / "sara-ahmadi.jpg",
    )
    write_tree(root, PERSON, CITY)
    return root


# ---------------------------------------------------------------------------- the outputs


def outputs(root: Path) -> dict[str, Any]:
    """Every output of the data under `root`, by kind, read back with its standard parser."""
    public = check(root).public()
    out: dict[str, Any] = {"html": {}, "cards": {}, "feeds": {}, "json": {}, "csv": {}}
    for lang in ("fa", "en"):
        for page in render_language(public, lang):
            if page.html:
                out["html"][(lang, page.path)] = read_page(page.text)
    for path, data in vcard_files(public).items():
        out["cards"][path] = read_cards(data)
    for path, data in feed_files(public).items():
        out["feeds"][path] = read_feed(data)
    for path, data in open_data_files(public).items():
        if path.endswith(".json"):
            out["json"][path] = json.loads(data)
        else:
            out["csv"][path] = read_csv(data)
    return out


@functools.cache  # most pages do not change from one example to the next
def read_page(text: str) -> Counter:
    """The elements of a generated page (tag and attribute names) after a strict parse."""
    _, front, body = text.split("---\n", 2)
    assert isinstance(yaml.load(front, Loader=yaml.CSafeLoader)["title"], str)
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    root = parser.parseFragment(body)  # strict: raises at the first parse error
    found: Counter = Counter()
    for element in root.iter():
        if not isinstance(element.tag, str):  # a comment
            continue
        assert not any(name.lower().startswith("on") for name in element.attrib), element.attrib
        for name, value in element.attrib.items():
            if name in ("href", "src"):
                assert not value.strip().lower().startswith(("javascript:", "data:")), value
        if element.tag == "script":
            assert element.get("type") == "application/ld+json", element.attrib
            json.loads(element.text)
        found[element.tag] += 1
    return found


# The properties the generator writes in a card: nothing else may appear.
CARD_PROPERTIES = {"BEGIN", "VERSION", "PRODID", "KIND", "UID", "FN", "TITLE", "LANG", "PHOTO",
                   "URL", "EMAIL", "TEL", "IMPP", "SOCIALPROFILE", "NOTE", "SOURCE", "REV",
                   "END"}  # fmt: skip
ANY_LINE_BREAK = re.compile("[\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


def read_cards(data: bytes) -> Counter:
    """The properties of a .vcf file, counted, after checking that only CRLF ends a line."""
    text = data.decode("utf-8")
    assert text.endswith("\r\n") and not ANY_LINE_BREAK.search(text.replace("\r\n", ""))
    lines = text.replace("\r\n ", "").removesuffix("\r\n").split("\r\n")
    names = Counter(re.split("[;:]", line, maxsplit=1)[0] for line in lines)
    assert set(names) <= CARD_PROPERTIES, names
    assert len(list(vobject.readComponents(text))) == names["BEGIN"]
    return names


def read_feed(data: bytes) -> list[tuple[str, ...]]:
    """Each entry of an Atom feed as the tags of its children."""
    root = ET.fromstring(data)
    return [tuple(child.tag for child in entry) for entry in root if entry.tag.endswith("entry")]


def read_csv(data: bytes) -> tuple[int, int]:
    """(rows, columns) of a CSV file, after checking that every row has the same columns and
    that no cell holds a line break that a reader splitting lines would end a row at."""
    text = data.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert len({len(row) for row in rows}) == 1
    assert len(text.splitlines()) == len(rows)
    return len(rows), len(rows[0])


def structure(built: dict[str, Any]) -> dict[str, Any]:
    """What may not change with a text's value: which properties each card has, the
    entries of the feeds, the rows and columns of the CSV, the keys of the JSON."""
    return {
        "pages": set(built["html"]),
        "cards": built["cards"],
        "feeds": built["feeds"],
        "csv": built["csv"],
        "json": {path: _keys(data) for path, data in built["json"].items()},
    }


def _keys(data: Any, at: str = "") -> set[str]:
    if isinstance(data, dict):
        return {f"{at}.{k}" for k in data} | {p for k, v in data.items() for p in _keys(v, k)}
    if isinstance(data, list):
        return {p for item in data for p in _keys(item, at)}
    return set()


# ---------------------------------------------------------------------------- the test


@functools.cache
def baseline(tree: Path) -> dict[str, Any]:
    """The structure of the outputs of the tree as written by the fixture, before any fuzz."""
    return structure(outputs(tree))


def test_the_tree_without_fuzz_builds_every_output(tree: Path) -> None:
    built = baseline(tree)
    assert ("fa", "diplomats/sara-ahmadi.md") in built["pages"]
    assert built["cards"]["diplomats/sara-ahmadi.vcf"]["EMAIL"] == 1
    assert built["cards"]["diplomats/sara-ahmadi.vcf"]["TEL"] == 0  # the phone is private
    assert len(built["feeds"]["feed.xml"]) == 2
    assert built["csv"]["data/diplomats.csv"] == (2, 20)


placed = st.sampled_from(["replace", "start", "middle", "end"])


@PROFILE
@given(field=st.sampled_from(FIELDS), text=fuzz_text, where=placed)
def test_random_text_is_refused_clearly_or_every_output_stays_well_formed(
    tree: Path, field: tuple, text: str, where: str
) -> None:
    fuzz(tree, field, text, where, raw=False)


@settings(PROFILE, max_examples=PROFILE.max_examples // 3)
@given(field=st.sampled_from(FIELDS), text=fuzz_text, where=placed)
def test_random_text_pasted_into_the_file_as_it_is(
    tree: Path, field: tuple, text: str, where: str
) -> None:
    """The same, the characters written into the YAML as they are rather than as escapes:
    YAML refuses some of them itself, and folds line breaks inside quotes."""
    fuzz(tree, field, text, where, raw=True)


def fuzz(tree: Path, field: tuple, text: str, where: str, raw: bool) -> None:
    """Put `text` in `field` (replacing its value or inside it) and check what follows."""
    expected = baseline(tree)  # before the files change
    rel, path = field
    record = RECORDS[rel]
    value = _at(record, path)
    middle = len(value) // 2
    text = {
        "replace": text,
        "start": text + value,
        "middle": value[:middle] + text + value[middle:],
        "end": value + text,
    }[where]
    changed = with_value(record, path, text)
    person = changed if rel == PERSON_FILE else PERSON
    write_tree(tree, person, changed if rel == CITY_FILE else CITY, raw)
    try:
        built = outputs(tree)
    except DataErrors as exc:
        event("refused")  # --hypothesis-show-statistics counts the two outcomes
        assert_clear(exc.errors, rel)
        return
    event("built")
    assert structure(built) == expected


def _at(record: dict, path: tuple) -> str:
    for part in path:
        record = record[part]
    return record  # type: ignore[return-value]


def assert_clear(errors: list[DataError], rel: str) -> None:
    """Refused with `file:line: field: message`, in both languages, naming the fuzzed file."""
    assert rel in {e.path for e in errors}
    for error in errors:
        assert error.path in (PERSON_FILE, CITY_FILE), error
        assert error.line >= 1, str(error)
        assert error.message and getattr(error.message, "fa", ""), str(error)
        assert "\n" not in error.text("en") + error.text("fa"), str(error)  # one line
