"""The only module that reads YAML: strict, safe, and keeps the line of every value.

PyYAML's own constructors retype values silently (`+98913…` becomes an int, `no`
becomes False, `1:20` becomes 80) and follow aliases without limit. So we read the
*event stream* from the safe (libyaml when available) parser and build plain data
ourselves: every scalar stays text except plain `true`/`false` and empty values;
anchors, aliases, tags, duplicate keys and several documents in one file are errors.
Typing (dates, numbers) is the schema's job, where the error can say what was expected.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import DataError
from .messages import define, quoted, say
from .safe_text import NONCHARACTERS
from .schema import id_problem
from .search_text import ARABIC_YEH_AND_KAF

MAX_FILE_BYTES = 64 * 1024

_Parser = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_NULL = {"", "~", "null", "Null", "NULL"}
# Bidi embedding/override/isolate controls make a diff read differently from what renders.
# ZWNJ/ZWJ (U+200C/D), which Persian spelling needs, and the LRM/RLM marks stay allowed.
# C1 controls and noncharacters have no place in text, and make XML and HTML invalid.
# NEL (U+0085) too: a line break in one place and not in another, and invalid in HTML.
_FORBIDDEN_CHARS = re.compile(
    f"[\u202a-\u202e\u2066-\u2069\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f{NONCHARACTERS}]"
)
# Persian text typed on an Arabic keyboard: Arabic yeh and kaf look alike but are other
# letters, so search and sorting would miss them. Values of `fa` fields are written with the
# Persian letters on load (the search normaliser's table; see search_text.py).
ARABIC_TO_PERSIAN = str.maketrans(ARABIC_YEH_AND_KAF)

define("cannot_read", "cannot read the file: {reason}", "پرونده خوانده نمی‌شود: {reason}")
define(
    "file_too_large",
    "file is {size} bytes; the limit is {limit}",
    "حجم پرونده {size} بایت است؛ بیشترین حجم پذیرفته {limit} بایت است",
)
define("not_utf8", "file is not valid UTF-8 text", "پرونده متن UTF-8 درستی نیست")
define("yaml_invalid", "not valid YAML: {problem}", "YAML درست نیست: {problem}")
define(
    "yaml_colon",
    "a ':' followed by a space is missing after the field name on this line (write "
    "`status: pending`)",
    "در این سطر پس از نام فیلد، نشانهٔ «:» و یک فاصله جا افتاده است (بنویسید `status: pending`)",
)
define(
    "yaml_quote",
    "a quotation mark opened on this line is never closed",
    "گیومه‌ای که در این سطر باز شده، هیچ‌جا بسته نشده است",
)
define(
    "yaml_bracket",
    "a bracket [ or {{ opened on this line is never closed, or a comma is missing between its "
    "items",
    "کروشه یا آکولادی ([ یا {{) که در این سطر باز شده بسته نشده، یا میان موردهایش ویرگول جا افتاده "
    "است",
)
define(
    "yaml_tab",
    "a tab is used to indent this line: indent with spaces",
    "این سطر با Tab تورفتگی گرفته است: با فاصله تورفتگی بدهید",
)
define(
    "one_document",
    "only one YAML document per file (found '---')",
    "هر پرونده فقط یک سند YAML دارد (سطر «---» آمده است)",
)
define("no_aliases", "aliases (*name) are not allowed", "ارجاع (*name) پذیرفته نیست")
define("no_anchors", "anchors (&name) are not allowed", "لنگر (&name) پذیرفته نیست")
define("no_tags", "tags ({tag}) are not allowed", "برچسب ({tag}) پذیرفته نیست")
define("yaml_structure", "unexpected YAML structure", "ساختار YAML پیش‌بینی‌نشده است")
define("plain_keys", "keys must be plain names", "نام فیلدها باید واژه‌هایی ساده باشند")
define(
    "duplicate_key",
    "duplicate key (first given on line {line})",
    "این فیلد دو بار آمده است (بار نخست در سطر {line})",
)
define(
    "control_char",
    "contains the invisible control character U+{code}, which is not allowed (it can make text "
    "display differently from what it is)",
    "نویسهٔ کنترلی نامرئی U+{code} دارد که پذیرفته نیست (می‌تواند متن را جز آنچه هست نشان دهد)",
)
define(
    "name_yml",
    "name data files *.yml: this file is not read",
    "نام پرونده‌های داده باید به .yml ختم شود: این پرونده خوانده نمی‌شود",
)
define(
    "file_name",
    "file name must be lower-case latin letters, digits and single hyphens (like "
    "sara-ahmadi.yml), found {found}",
    "نام پرونده باید از حرف‌های کوچک لاتین، رقم و تک خط تیره باشد (مانند sara-ahmadi.yml)، اما "
    "{found} آمده است",
)
define(
    "symlink",
    "is a symbolic link, which is not read: put the file or folder itself here (a link could "
    "publish a file from elsewhere, even a private one)",
    "پیوند نمادین (symbolic link) است و خوانده نمی‌شود: خود پرونده یا پوشه را این‌جا بگذارید "
    "(پیوند می‌تواند پرونده‌ای از جای دیگر، حتی پرونده‌ای خصوصی، را منتشر کند)",
)
define(
    "page_unreadable",
    "page is missing or not UTF-8 text",
    "این صفحه نیست یا متن UTF-8 درستی ندارد",
)

Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class Document:
    """A parsed data file: plain values plus the line on which each field starts."""

    path: Path
    data: Any
    lines: dict[Loc, int] = field(default_factory=dict)

    def line(self, loc: Loc) -> int:
        """The line of `loc`, or of its closest enclosing field."""
        loc = tuple(loc)
        while loc and loc not in self.lines:
            loc = loc[:-1]
        return self.lines.get(loc, 1)


class YamlProblem(Exception):
    def __init__(self, line: int, field_: str, message: str):
        super().__init__(message)
        self.line, self.field, self.message = line, field_, message


def field_name(loc: Loc) -> str:
    """`('contacts', 1, 'value')` → `contacts[1].value`."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def load_document(path: Path, shown_as: str) -> Document | DataError:
    """Read one YAML file; return its Document or the first error in it."""
    try:
        with path.open("rb") as file:
            raw = file.read(MAX_FILE_BYTES + 1)  # never more: the file may be endless
    except OSError as exc:
        return DataError(shown_as, 0, "", say("cannot_read", reason=exc.strerror or str(exc)))
    if len(raw) > MAX_FILE_BYTES:
        size = max(len(raw), _size(path))
        return DataError(shown_as, 0, "", say("file_too_large", size=size, limit=MAX_FILE_BYTES))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return DataError(shown_as, line, "", say("not_utf8"))
    try:
        data, lines = _Builder(text).build()
    except YamlProblem as exc:
        return DataError(shown_as, exc.line, exc.field, exc.message)
    except yaml.reader.ReaderError as exc:  # a character YAML itself refuses, typed as it is
        char = chr(exc.character) if isinstance(exc.character, int) else exc.character
        at = text.find(char)
        line = text[:at].count("\n") + 1 if at >= 0 else 0
        return DataError(shown_as, line, "", say("control_char", code=f"{ord(char):04X}"))
    except yaml.YAMLError as exc:
        return _yaml_error(exc, shown_as)
    return Document(path, data, lines)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


# PyYAML's problem, and the context it was in: where the mistake really is, in plain words.
# An unclosed quote or bracket, or a key without ": ", is found lines later, at the next
# thing that does not fit; the context's mark is the line the staff member has to fix.
_YAML_SLIPS = (
    ("while scanning a simple key", "yaml_colon", True),
    ("while scanning a quoted scalar", "yaml_quote", True),
    ("while parsing a flow", "yaml_bracket", True),
    ("found a tab character", "yaml_tab", False),
    ("found character '\\t'", "yaml_tab", False),
)


def _yaml_error(exc: yaml.YAMLError, shown_as: str) -> DataError:
    context = getattr(exc, "context", None) or ""
    problem = getattr(exc, "problem", None) or str(exc)
    problem_mark = getattr(exc, "problem_mark", None)
    context_mark = getattr(exc, "context_mark", None)
    for start, key, at_context in _YAML_SLIPS:
        if context.startswith(start) or problem.startswith(start):
            mark = (context_mark if at_context else problem_mark) or problem_mark or context_mark
            return DataError(shown_as, mark.line + 1 if mark else 0, "", say(key))
    mark = problem_mark or context_mark
    return DataError(
        shown_as, mark.line + 1 if mark else 0, "", say("yaml_invalid", problem=problem)
    )


class _Builder:
    """Turns parser events into dicts, lists and strings, recording lines."""

    def __init__(self, text: str):
        self.events = iter(yaml.parse(text, Loader=_Parser))
        self.lines: dict[Loc, int] = {}

    def build(self) -> tuple[Any, dict[Loc, int]]:
        next(self.events)  # StreamStart
        event = next(self.events)
        if isinstance(event, yaml.StreamEndEvent):
            return None, self.lines
        data = self._node(next(self.events), ())
        next(self.events)  # DocumentEnd
        event = next(self.events)
        if not isinstance(event, yaml.StreamEndEvent):
            raise YamlProblem(_line(event), "", say("one_document"))
        return data, self.lines

    def _node(self, event: yaml.Event, loc: Loc) -> Any:
        self.lines.setdefault(loc, _line(event))
        if isinstance(event, yaml.AliasEvent):
            raise YamlProblem(_line(event), field_name(loc), say("no_aliases"))
        if getattr(event, "anchor", None):
            raise YamlProblem(_line(event), field_name(loc), say("no_anchors"))
        tag = getattr(event, "tag", None)
        if tag not in (None, "!"):  # "!" is the non-specific tag of a quoted scalar
            raise YamlProblem(_line(event), field_name(loc), say("no_tags", tag=tag))
        if isinstance(event, yaml.ScalarEvent):
            return self._scalar(event, loc)
        if isinstance(event, yaml.SequenceStartEvent):
            items = []
            while not isinstance(event := next(self.events), yaml.SequenceEndEvent):
                items.append(self._node(event, (*loc, len(items))))
            return items
        if isinstance(event, yaml.MappingStartEvent):
            return self._mapping(loc)
        raise YamlProblem(_line(event), field_name(loc), say("yaml_structure"))

    def _mapping(self, loc: Loc) -> dict[str, Any]:
        out: dict[str, Any] = {}
        while not isinstance(event := next(self.events), yaml.MappingEndEvent):
            if not isinstance(event, yaml.ScalarEvent) or getattr(event, "anchor", None):
                raise YamlProblem(_line(event), field_name(loc), say("plain_keys"))
            key, line = event.value, _line(event)
            if key in out:
                raise YamlProblem(
                    line,
                    field_name((*loc, key)),
                    say("duplicate_key", line=self.lines[(*loc, key)]),
                )
            self.lines[(*loc, key)] = line
            out[key] = self._node(next(self.events), (*loc, key))
        return out

    def _scalar(self, event: yaml.ScalarEvent, loc: Loc) -> Any:
        value = event.value
        bad = _FORBIDDEN_CHARS.search(value)
        if bad:
            raise YamlProblem(
                _line(event), field_name(loc), say("control_char", code=f"{ord(bad.group()):04X}")
            )
        if event.implicit[0]:  # plain (unquoted) scalar
            if value in _TRUE:
                return True
            if value in _FALSE:
                return False
            if value in _NULL:
                return None
        if loc and loc[-1] == "fa":
            return value.translate(ARABIC_TO_PERSIAN)
        return value


def _line(event: yaml.Event) -> int:
    return event.start_mark.line + 1 if event.start_mark else 0


# ---------------------------------------------------------------------------- the data tree

CONTENT_PAGES = ("about", "apply", "privacy")


@dataclass
class Sources:
    """Everything read from disk for one build, before any validation."""

    root: Path
    diplomats: list[Document] = field(default_factory=list)
    cities: list[Document] = field(default_factory=list)
    fields: Document | None = None
    site: Document | None = None
    pages: dict[tuple[str, str], str] = field(default_factory=dict)  # (name, lang) -> Markdown
    photos: dict[str, Path] = field(default_factory=dict)  # file name -> path
    errors: list[DataError] = field(default_factory=list)


def load_sources(root: Path) -> Sources:
    """Read every data file under `root`; errors are collected, not raised.

    A symbolic link is reported and never followed, wherever it points: a page or photo
    linked to a file elsewhere would publish that file, even a private one in the
    repository (a person's file with their unpublished contacts), and `/dev/zero` never
    ends. Nothing the data needs is a link, so none is read.
    """
    sources = Sources(root)
    errors = sources.errors
    for folder, bucket in (("diplomats", sources.diplomats), ("cities", sources.cities)):
        if _linked(root, folder, errors):
            continue
        for path in sorted((root / folder).glob("*")):
            shown = f"{folder}/{path.name}"
            if path.name.startswith(".") or _linked(root, shown, errors) or path.is_dir():
                continue
            if path.suffix != ".yml":
                # new.YML, x.yaml, x.yml.txt or no extension: never silently left out.
                errors.append(DataError(shown, 0, "", say("name_yml")))
                continue
            if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", path.stem):
                errors.append(DataError(shown, 0, "", say("file_name", found=quoted(path.name))))
                continue
            problem = id_problem(path.stem)  # `index`, or too long for its pages' files
            if problem:
                errors.append(DataError(shown, 0, "", problem))
                continue
            _keep(load_document(path, shown), bucket, errors)
    if not _linked(root, "content", errors):
        _load_content(root, sources)
    photo_dir = root / "diplomats" / "photos"
    # A linked diplomats/ or diplomats/photos/ has been reported above, as a folder.
    if photo_dir.is_dir() and not (photo_dir.parent.is_symlink() or photo_dir.is_symlink()):
        for path in sorted(photo_dir.iterdir()):
            if not _linked(root, f"diplomats/photos/{path.name}", errors) and path.is_file():
                sources.photos[path.name] = path
    return sources


def _load_content(root: Path, sources: Sources) -> None:
    """content/: the activity areas, the site's settings and the pages written by staff."""
    for name in ("fields", "site"):
        shown = f"content/{name}.yml"
        if _linked(root, shown, sources.errors):
            continue
        result = load_document(root / shown, shown)
        setattr(sources, name, result if isinstance(result, Document) else None)
        if isinstance(result, DataError):
            sources.errors.append(result)
    for name in CONTENT_PAGES:
        for lang in ("fa", "en"):
            shown = f"content/{name}.{lang}.md"
            if _linked(root, shown, sources.errors):
                continue
            try:
                sources.pages[(name, lang)] = (root / shown).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                sources.errors.append(DataError(shown, 0, "", say("page_unreadable")))


def _linked(root: Path, rel: str, errors: list[DataError]) -> bool:
    """Whether `rel` is a symbolic link; if so, the error that says so is added."""
    if not (root / rel).is_symlink():
        return False
    errors.append(DataError(rel, 0, "", say("symlink")))
    return True


def _keep(result: Document | DataError, bucket: list[Document], errors: list[DataError]) -> None:
    if isinstance(result, DataError):
        errors.append(result)
    else:
        bucket.append(result)
