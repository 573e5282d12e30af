"""New data files to fill in: `python -m generator new diplomat sara-ahmadi`.

Each file lists every field, explained in Persian and English, and starts with the line
that points a YAML-aware editor at the JSON Schema. A new person is `pending`, so the
file passes `generator check` as written and publishes nothing until approved. A new
city cannot be valid before its facts are known: its blanks are errors until filled in;
its id is added at once to `schemas/ids.schema.json`, the ids an editor suggests.
"""

from __future__ import annotations

import re
from pathlib import Path

from .messages import define, quoted, say
from .schema import SLUG, id_problem

TEMPLATES = Path(__file__).with_name("scaffolds")
FOLDERS = {"diplomat": "diplomats", "city": "cities"}


class ScaffoldError(Exception):
    """The file cannot be written; the message (`args[0]`) says why and what to do."""


define(
    "scaffold_kind",
    "expected diplomat or city, found {found}",
    "diplomat یا city لازم است، اما {found} آمده است",
)
define(
    "scaffold_id",
    "an id is lower-case latin letters, digits and single hyphens, like sara-ahmadi; found {found}",
    "شناسه از حرف‌های کوچک لاتین، رقم و تک خط تیره ساخته می‌شود، مانند sara-ahmadi؛ اما {found} "
    "آمده است",
)
define(
    "scaffold_exists",
    "{path} already exists: choose another id",
    "{path} از پیش هست: شناسهٔ دیگری برگزینید",
)


def scaffold_text(kind: str, id_: str) -> str:
    """The text of a new `kind` file for `id_`."""
    template = (TEMPLATES / f"{kind}.yml").read_text(encoding="utf-8")
    english = " ".join(part.capitalize() for part in id_.split("-"))
    return template.replace("__ID__", id_).replace("__NAME_EN__", english)


def new_file(root: Path, kind: str, id_: str) -> Path:
    """Write `<folder>/<id>.yml` under `root`; refuse a malformed or existing id."""
    if kind not in FOLDERS:
        raise ScaffoldError(say("scaffold_kind", found=quoted(kind)))
    if not re.fullmatch(SLUG, id_):
        raise ScaffoldError(say("scaffold_id", found=quoted(id_)))
    problem = id_problem(id_)  # `index`, or too long: the check would refuse the file
    if problem:
        raise ScaffoldError(problem)
    path = root / FOLDERS[kind] / f"{id_}.yml"
    if path.exists():
        raise ScaffoldError(say("scaffold_exists", path=f"{FOLDERS[kind]}/{id_}.yml"))
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as out:  # "x": never overwrite, even in a race
        out.write(scaffold_text(kind, id_))
    if kind == "city":  # the editor suggests the new id in diplomat files from now on
        from .json_schema import refresh_ids_schema

        refresh_ids_schema(root)
    return path
