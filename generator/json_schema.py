"""JSON Schemas for editors, written from the models in schema.py: `schemas/*.schema.json`.

An editor with a YAML language server (VS Code's Red Hat YAML extension, for one) reads
them to complete field names and values, to explain each field when the pointer rests on
it, and to underline mistakes while staff type. They are generated, never edited:
`make schemas` rewrites them.

- `diplomat`, `city` and `fields` come from the models alone; a test fails when the
  files in the repository no longer match them. Every field carries the Persian and
  English help of `schema_docs.py`; the generated English titles are left out.
- `ids` lists the ids of the sister cities and activity areas, read from the data, for
  the `cities:` and `fields:` of a diplomat file. The data changes without the code, so
  this file is never tested against the repository: `generator check` warns when it is
  out of date (`ids_schema_warnings`), and `make new-city` refreshes it.

The schemas describe a file as `load.py` reads it, where numbers are text; an editor
reads `48.85` as a number, so both are allowed where the model takes a number.

They are written in JSON Schema draft 7, the version YAML language servers have long
supported: 2020-12's `prefixItems` (for `coordinates`) becomes draft 7's `items` list,
and pydantic's `$defs` are written out in place, so that each field has its own help.
Their patterns are ECMA-262 regular expressions, as editors run them (see value_forms).
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterator
from pathlib import Path

from pydantic import BaseModel, TypeAdapter
from pydantic.json_schema import GenerateJsonSchema
from pydantic_core import core_schema

from .errors import DataWarning
from .load import Document, load_document
from .messages import define, say
from .schema import SLUG, ActivityAreas, Diplomat, SisterCity
from .schema_docs import DOCS, ID_DOCS, TITLES, VALUES, markdown, plain
from .value_forms import hint

SCHEMA_DIR = "schemas"
IDS_FILE = f"{SCHEMA_DIR}/ids.schema.json"
DIALECT = "http://json-schema.org/draft-07/schema#"
MODELS = {"diplomat": Diplomat, "city": SisterCity, "fields": ActivityAreas}
# Lists whose entries are ids of other files: their entries are those of ids.schema.json.
ID_LISTS = {"diplomat": {"cities": "city", "fields": "field"}}
# Patterns declared in schema.py itself, and what an editor says when a value misses them.
PATTERN_HINTS = {"diplomat": {"photo.file": "editor_photo_file"}}

define(
    "ids_schema_stale",
    "the lists of city and activity-area ids that the editor suggests are out of date: "
    "run `make schemas`",
    "فهرست شناسه‌های شهرها و حوزه‌های فعالیت که ویرایشگر پیشنهاد می‌دهد به‌روز نیست: "
    "فرمان `make schemas` را اجرا کنید",
)


class _EditorSchema(GenerateJsonSchema):
    """Pydantic's generator, except that a number may also be written as text."""

    def float_schema(self, schema: core_schema.FloatSchema) -> dict:
        number = super().float_schema(schema)
        low, high = number.get("minimum"), number.get("maximum")
        text = {"type": "string", "pattern": decimal_pattern(low, high)}
        if low is not None and high is not None:
            text["patternErrorMessage"] = hint("editor_number", low=f"{low:g}", high=f"{high:g}")
        return {"anyOf": [number, text]}


def decimal_pattern(low: float | None, high: float | None) -> str:
    """A pattern for a decimal number written as text, from -N to N, or unbounded."""
    sign, fraction = r"[-+]?", r"(\.[0-9]*)?"
    if low is None and high is None:
        return rf"^\s*{sign}[0-9]+{fraction}\s*$"
    if high is None or low != -high or high != int(high):
        raise ValueError(f"only bounds of the form -N..N can be written, found {low}..{high}")
    limit = int(high)
    return rf"^\s*{sign}({limit}(\.0*)?|({integers_below(limit)}){fraction})\s*$"


def integers_below(limit: int) -> str:
    """An alternation matching the whole numbers 0 … limit-1, without leading zeros."""
    if limit < 1:
        raise ValueError(f"expected a limit of at least 1, found {limit}")
    digits = str(limit)
    options = ["[0-9]"] if len(digits) > 1 else []  # the shorter numbers …
    options += [f"[1-9][0-9]{{{width - 1}}}" for width in range(2, len(digits))]
    for i, digit in enumerate(digits):  # … then as long as `limit`: a prefix, a smaller digit
        lowest = 1 if i == 0 and len(digits) > 1 else 0
        if int(digit) > lowest:
            rest = len(digits) - i - 1
            tail = f"[0-9]{{{rest}}}" if rest else ""
            options.append(f"{digits[:i]}[{lowest}-{int(digit) - 1}]{tail}")
    return "|".join(options)


# ---------------------------------------------------------------------------- walking a schema

_MAPS = ("properties", "patternProperties", "definitions")
_ONES = ("additionalItems", "additionalProperties", "contains", "else", "if", "items", "not",
         "propertyNames", "then")  # fmt: skip
_LISTS = ("allOf", "anyOf", "items", "oneOf")


def subschemas(node: dict) -> Iterator[dict]:
    """Every schema directly inside `node` (the values of `properties`, `anyOf` …)."""
    for key in _MAPS:
        yield from node.get(key, {}).values()
    for key in _ONES:
        if isinstance(node.get(key), dict):
            yield node[key]
    for key in _LISTS:
        if isinstance(node.get(key), list):
            yield from node[key]


def every_schema(node: dict) -> Iterator[dict]:
    """`node` and every schema inside it, at any depth."""
    yield node
    for child in subschemas(node):
        yield from every_schema(child)


def fields(node: dict, path: str = "") -> Iterator[tuple[str, dict]]:
    """Each field of a file with its schema, by path: `name.fa`, `contacts[].value`,
    `coordinates[0]`, `*.en` (any key). Conditions on a value (`if`, `then`, `allOf`, and
    an `anyOf` of bare requirements) are not fields and are left out."""
    for key, child in node.get("properties", {}).items():
        yield from _field(f"{path}.{key}" if path else key, child)
    for child in node.get("patternProperties", {}).values():
        yield from _field(f"{path}.*" if path else "*", child)
    items = node.get("items")
    if isinstance(items, list):
        for i, child in enumerate(items):
            yield from _field(f"{path}[{i}]", child)
    elif isinstance(items, dict):
        yield from fields(items, f"{path}[]")
    for key in ("anyOf", "oneOf"):
        for child in node.get(key, []):
            if "type" in child:  # an alternative form of this value, not a condition on it
                yield from fields(child, path)


def _field(path: str, node: dict) -> Iterator[tuple[str, dict]]:
    yield path, node
    yield from fields(node, path)


def as_draft_7(node: object) -> object:
    """The schema with 2020-12's `prefixItems` written as draft 7's `items` list."""
    if isinstance(node, list):
        return [as_draft_7(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {key: as_draft_7(value) for key, value in node.items()}
    if "prefixItems" in out:
        if "items" in out:
            raise ValueError("cannot write both prefixItems and items in draft 7")
        out["items"] = out.pop("prefixItems")
        out["additionalItems"] = False
    return out


def inlined(node: object, defs: dict) -> object:
    """The schema with every `{"$ref": "#/$defs/X"}` replaced by a copy of X."""
    if isinstance(node, list):
        return [inlined(item, defs) for item in node]
    if not isinstance(node, dict):
        return node
    ref = node.get("$ref", "")
    if ref.startswith("#/$defs/"):
        rest = {key: value for key, value in node.items() if key != "$ref"}
        return {**inlined(copy.deepcopy(defs[ref.removeprefix("#/$defs/")]), defs), **rest}
    return {key: inlined(value, defs) for key, value in node.items()}


# ---------------------------------------------------------------------------- the schemas


def json_schemas() -> dict[str, dict]:
    """The schema of each kind of data file, by name (`diplomat`, `city`, `fields`)."""
    out = {}
    for name, model in MODELS.items():
        if isinstance(model, type) and issubclass(model, BaseModel):
            body = model.model_json_schema(schema_generator=_EditorSchema)
        else:
            body = TypeAdapter(model).json_schema(schema_generator=_EditorSchema)
        body = as_draft_7(inlined(body, body.pop("$defs", {})))
        # Left out: pydantic's English titles and docstrings, and `default: null`, which an
        # editor would offer to type.
        for node in every_schema(body):
            for key in ("title", "description", "default"):
                node.pop(key, None)
        if name == "fields":  # a key that is not an id is an error, as in the check
            body["additionalProperties"] = False
        _explain(name, body)
        out[name] = {"$schema": DIALECT, "title": _both(TITLES[name]), **body}
    return out


def _explain(name: str, body: dict) -> None:
    """Add the help of schema_docs to each field; link the lists of ids to ids.schema.json."""
    _describe(body, DOCS[name].get(""))
    for path, node in list(fields(body)):
        _describe(node, DOCS[name].get(path))
        if path in VALUES.get(name, {}):
            meanings = VALUES[name][path]
            node["enumDescriptions"] = [_both(meanings[value]) for value in node["enum"]]
        if path in PATTERN_HINTS.get(name, {}):
            node["patternErrorMessage"] = hint(PATTERN_HINTS[name][path])
        if path in ID_LISTS.get(name, {}):
            node["items"] = {"$ref": f"ids.schema.json#/definitions/{ID_LISTS[name][path]}"}


def _describe(node: dict, doc: tuple[str, str] | None) -> None:
    if doc:
        node["description"] = plain(doc)
        node["markdownDescription"] = markdown(doc)


def _both(texts: tuple[str, str]) -> str:
    return " · ".join(dict.fromkeys(text for text in texts if text))


def schema_files() -> dict[str, str]:
    """`schemas/<name>.schema.json` → its exact text, for the schemas made from code alone."""
    return {
        f"{SCHEMA_DIR}/{name}.schema.json": _text(body) for name, body in json_schemas().items()
    }


def _text(body: dict) -> str:
    return json.dumps(body, ensure_ascii=False, indent=2) + "\n"


def write_schemas(root: Path) -> list[Path]:
    """Write every schema under `root`, the ids from its data; return the files that changed."""
    texts = {**schema_files(), IDS_FILE: ids_schema_text(root)}
    return [root / rel for rel, text in texts.items() if _write(root / rel, text)]


def _write(path: Path, text: str) -> bool:
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return True


def stale_schemas(root: Path) -> list[str]:
    """The schema files under `root` that are missing or differ from the models."""
    return [
        rel
        for rel, text in schema_files().items()
        if not (root / rel).is_file() or (root / rel).read_text(encoding="utf-8") != text
    ]


# ---------------------------------------------------------------------------- ids from the data


def known_ids(root: Path) -> dict[str, dict[str, str]]:
    """The ids of the data under `root`, each with its Persian and English name:
    `{"city": {"freiburg": "فرایبورگ · Freiburg im Breisgau"}, "field": {…}}`.

    Read leniently, so that a new city whose blanks are not yet filled in is listed."""
    cities = {}
    for path in sorted((root / "cities").glob("*.yml")):
        if re.fullmatch(SLUG, path.stem):
            cities[path.stem] = _names(_data(path, f"cities/{path.name}").get("name"))
    areas = _data(root / "content/fields.yml", "content/fields.yml")
    fields_ = {key: _names(value) for key, value in sorted(areas.items()) if _is_id(key)}
    return {"city": cities, "field": fields_}


def _data(path: Path, shown_as: str) -> dict:
    # A link is never followed (load.load_sources refuses it): its ids are not listed.
    doc = load_document(path, shown_as) if path.is_file() and not path.is_symlink() else None
    return doc.data if isinstance(doc, Document) and isinstance(doc.data, dict) else {}


def _is_id(key: object) -> bool:
    return isinstance(key, str) and re.fullmatch(SLUG, key) is not None


def _names(value: object) -> str:
    if not isinstance(value, dict):
        return ""
    return _both(tuple(v.strip() for v in (value.get("fa"), value.get("en")) if isinstance(v, str)))


def ids_schema(root: Path) -> dict:
    """`schemas/ids.schema.json`: the city and activity-area ids of the data under `root`."""
    definitions = {}
    for kind, names in known_ids(root).items():
        definitions[kind] = {"type": "string", "enum": list(names),
                             "enumDescriptions": list(names.values())}  # fmt: skip
        _describe(definitions[kind], ID_DOCS[kind])
    return {
        "$schema": DIALECT,
        "$comment": "Written by `make schemas` from cities/*.yml and content/fields.yml.",
        "title": _both(TITLES["ids"]),
        "definitions": definitions,
    }


def ids_schema_text(root: Path) -> str:
    """The exact text `schemas/ids.schema.json` should have for the data under `root`."""
    return _text(ids_schema(root))


def refresh_ids_schema(root: Path) -> bool:
    """Rewrite `schemas/ids.schema.json` under `root` if the data changed it (and the editor
    schemas are there at all); return whether it was written."""
    if not (root / SCHEMA_DIR / "diplomat.schema.json").is_file():
        return False
    return _write(root / IDS_FILE, ids_schema_text(root))


def ids_schema_warnings(root: Path) -> list[DataWarning]:
    """A warning for `generator check` when `schemas/ids.schema.json` does not list the ids
    of the data under `root` (a city or area was added, renamed or removed): the editor
    then underlines the new ids and does not suggest them. Nothing when `root` has no
    editor schemas at all."""
    if not (root / SCHEMA_DIR / "diplomat.schema.json").is_file():
        return []
    path = root / IDS_FILE
    if path.is_file() and path.read_text(encoding="utf-8") == ids_schema_text(root):
        return []
    return [DataWarning(IDS_FILE, 0, "", say("ids_schema_stale"))]
