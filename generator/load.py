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

MAX_FILE_BYTES = 64 * 1024

_Parser = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_NULL = {"", "~", "null", "Null", "NULL"}
# Bidi embedding/override/isolate controls make a diff read differently from what renders.
# ZWNJ/ZWJ (U+200C/D), which Persian spelling needs, and the LRM/RLM marks stay allowed.
_FORBIDDEN_CHARS = re.compile("[\u202a-\u202e\u2066-\u2069\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

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
        raw = path.read_bytes()
    except OSError as exc:
        return DataError(shown_as, 0, "", f"cannot read the file: {exc.strerror}")
    if len(raw) > MAX_FILE_BYTES:
        return DataError(
            shown_as, 0, "", f"file is {len(raw):,} bytes; the limit is {MAX_FILE_BYTES:,}"
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return DataError(shown_as, line, "", "file is not valid UTF-8 text")
    try:
        data, lines = _Builder(text).build()
    except YamlProblem as exc:
        return DataError(shown_as, exc.line, exc.field, exc.message)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + 1 if mark else 0
        problem = getattr(exc, "problem", None) or str(exc)
        return DataError(shown_as, line, "", f"not valid YAML: {problem}")
    return Document(path, data, lines)


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
            raise YamlProblem(_line(event), "", "only one YAML document per file (found '---')")
        return data, self.lines

    def _node(self, event: yaml.Event, loc: Loc) -> Any:
        self.lines.setdefault(loc, _line(event))
        if isinstance(event, yaml.AliasEvent):
            raise YamlProblem(_line(event), field_name(loc), "aliases (*name) are not allowed")
        if getattr(event, "anchor", None):
            raise YamlProblem(_line(event), field_name(loc), "anchors (&name) are not allowed")
        tag = getattr(event, "tag", None)
        if tag not in (None, "!"):  # "!" is the non-specific tag of a quoted scalar
            raise YamlProblem(_line(event), field_name(loc), f"tags ({tag}) are not allowed")
        if isinstance(event, yaml.ScalarEvent):
            return self._scalar(event, loc)
        if isinstance(event, yaml.SequenceStartEvent):
            items = []
            while not isinstance(event := next(self.events), yaml.SequenceEndEvent):
                items.append(self._node(event, (*loc, len(items))))
            return items
        if isinstance(event, yaml.MappingStartEvent):
            return self._mapping(loc)
        raise YamlProblem(_line(event), field_name(loc), "unexpected YAML structure")

    def _mapping(self, loc: Loc) -> dict[str, Any]:
        out: dict[str, Any] = {}
        while not isinstance(event := next(self.events), yaml.MappingEndEvent):
            if not isinstance(event, yaml.ScalarEvent) or getattr(event, "anchor", None):
                raise YamlProblem(_line(event), field_name(loc), "keys must be plain names")
            key, line = event.value, _line(event)
            if key in out:
                raise YamlProblem(
                    line,
                    field_name((*loc, key)),
                    f"duplicate key (first given on line {self.lines[(*loc, key)]})",
                )
            self.lines[(*loc, key)] = line
            out[key] = self._node(next(self.events), (*loc, key))
        return out

    def _scalar(self, event: yaml.ScalarEvent, loc: Loc) -> Any:
        value = event.value
        bad = _FORBIDDEN_CHARS.search(value)
        if bad:
            raise YamlProblem(
                _line(event),
                field_name(loc),
                f"contains the invisible control character U+{ord(bad.group()):04X}, "
                "which is not allowed (it can make text display differently from what it is)",
            )
        if event.implicit[0]:  # plain (unquoted) scalar
            if value in _TRUE:
                return True
            if value in _FALSE:
                return False
            if value in _NULL:
                return None
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
    """Read every data file under `root`; errors are collected, not raised."""
    sources = Sources(root)
    for folder, bucket in (("diplomats", sources.diplomats), ("cities", sources.cities)):
        for path in sorted((root / folder).glob("*")):
            if path.is_dir() or path.name.startswith("."):
                continue
            shown = f"{folder}/{path.name}"
            if path.suffix != ".yml":
                if path.suffix == ".yaml":
                    sources.errors.append(DataError(shown, 0, "", "name data files *.yml"))
                continue
            if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", path.stem):
                sources.errors.append(
                    DataError(
                        shown,
                        0,
                        "",
                        "file name must be lower-case latin letters, digits and "
                        f"single hyphens (like sara-ahmadi.yml), found {path.name!r}",
                    )
                )
                continue
            _keep(load_document(path, shown), bucket, sources.errors)
    for name in ("fields", "site"):
        result = load_document(root / "content" / f"{name}.yml", f"content/{name}.yml")
        setattr(sources, name, result if isinstance(result, Document) else None)
        if isinstance(result, DataError):
            sources.errors.append(result)
    for name in CONTENT_PAGES:
        for lang in ("fa", "en"):
            path = root / "content" / f"{name}.{lang}.md"
            try:
                sources.pages[(name, lang)] = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                sources.errors.append(
                    DataError(f"content/{path.name}", 0, "", "page is missing or not UTF-8 text")
                )
    photo_dir = root / "diplomats" / "photos"
    if photo_dir.is_dir():
        sources.photos = {p.name: p for p in sorted(photo_dir.iterdir()) if p.is_file()}
    return sources


def _keep(result: Document | DataError, bucket: list[Document], errors: list[DataError]) -> None:
    if isinstance(result, DataError):
        errors.append(result)
    else:
        bucket.append(result)
