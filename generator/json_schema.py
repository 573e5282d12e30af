"""JSON Schemas for editors, written from the models in schema.py: `schemas/*.schema.json`.

An editor with a YAML language server (VS Code's Red Hat YAML extension, for one) reads
them to complete field names and to underline mistakes while staff type. They are
generated, never edited: `make schemas` rewrites them, and a test fails when the files
in the repository no longer match the models.

The schemas describe a file as `load.py` reads it, where numbers are text; an editor
reads `48.85` as a number, so both are allowed where the model takes a number.

They are written in JSON Schema draft 7, the version YAML language servers have long
supported; pydantic writes 2020-12, whose only feature used here, `prefixItems` (for
`coordinates`), is rewritten as draft 7's `items` list.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel, TypeAdapter
from pydantic.json_schema import GenerateJsonSchema
from pydantic_core import core_schema

from .schema import ActivityAreas, Diplomat, SisterCity

SCHEMA_DIR = "schemas"
DIALECT = "http://json-schema.org/draft-07/schema#"
TITLES = {
    "diplomat": "A citizen diplomat: diplomats/<id>.yml",
    "city": "A sister city: cities/<id>.yml",
    "fields": "The activity areas: content/fields.yml",
}


class _NumbersAsText(GenerateJsonSchema):
    """Pydantic's generator, except that a number may also be written as text."""

    def float_schema(self, schema: core_schema.FloatSchema) -> dict:
        number = super().float_schema(schema)
        low, high = number.get("minimum"), number.get("maximum")
        return {"anyOf": [number, {"type": "string", "pattern": decimal_pattern(low, high)}]}


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


def json_schemas() -> dict[str, dict]:
    """The schema of each kind of data file, by name (`diplomat`, `city`, `fields`)."""
    out = {}
    for name, model in (("diplomat", Diplomat), ("city", SisterCity), ("fields", ActivityAreas)):
        if isinstance(model, type) and issubclass(model, BaseModel):
            body = model.model_json_schema(schema_generator=_NumbersAsText)
        else:
            body = TypeAdapter(model).json_schema(schema_generator=_NumbersAsText)
        out[name] = {"$schema": DIALECT, **as_draft_7(body)}
        out[name]["title"] = TITLES[name]
    return out


def schema_files() -> dict[str, str]:
    """`schemas/<name>.schema.json` → its exact text."""
    return {
        f"{SCHEMA_DIR}/{name}.schema.json": json.dumps(body, ensure_ascii=False, indent=2) + "\n"
        for name, body in json_schemas().items()
    }


def write_schemas(root: Path) -> list[Path]:
    """Write the schemas under `root`; return the files that changed."""
    written = []
    for rel, text in schema_files().items():
        path = root / rel
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            written.append(path)
    return written


def stale_schemas(root: Path) -> list[str]:
    """The schema files under `root` that are missing or differ from the models."""
    return [
        rel
        for rel, text in schema_files().items()
        if not (root / rel).is_file() or (root / rel).read_text(encoding="utf-8") != text
    ]
