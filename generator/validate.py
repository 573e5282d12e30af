"""Validate every file against the schema, then check references across files.

All problems in all files are collected and raised together as `DataErrors`, each
naming the file, the line, the field, what was expected and what was found.
"""

from __future__ import annotations

import re
import typing
from datetime import date
from types import MappingProxyType

from pydantic import BaseModel, TypeAdapter, ValidationError

from .errors import DataError, DataErrors
from .load import Document, Loc, Sources, field_name
from .models import Directory
from .photos import PhotoError, open_portrait
from .schema import SLUG, ActivityAreas, Diplomat, SisterCity, SiteSettings, Text

_AREAS = TypeAdapter(ActivityAreas)


def validate(sources: Sources) -> Directory:
    """Turn loaded files into a Directory, or raise DataErrors listing every problem."""
    errors = list(sources.errors)
    fields = _validate_fields(sources.fields, errors)
    site = _validate_site(sources.site, errors)
    cities = {c.id: c for c in _validate_all(sources.cities, SisterCity, errors)}
    diplomats = _validate_all(sources.diplomats, Diplomat, errors)
    docs = {d.path.stem: d for d in sources.diplomats}
    # References are checked against the files that exist, valid or not, so that one
    # broken city file is reported once, not again in every diplomat who names it.
    known_cities = {d.path.stem for d in sources.cities}
    raw_fields = sources.fields.data if sources.fields else None
    known_fields = set(raw_fields) if isinstance(raw_fields, dict) else set()
    for diplomat in diplomats:
        doc = docs[diplomat.id]
        _check_references(diplomat, doc, known_cities, known_fields, sources.photos, errors)
    for city in cities.values():
        doc = next(d for d in sources.cities if d.path.stem == city.id)
        _check_city_dates(city, doc, errors)
    if errors:
        raise DataErrors(sorted(set(errors)))
    return Directory(
        diplomats=tuple(sorted(diplomats, key=lambda d: d.id)),
        cities=MappingProxyType(dict(sorted(cities.items()))),
        fields=MappingProxyType(dict(fields)),
        pages=MappingProxyType(dict(sources.pages)),
        photos=MappingProxyType({k: str(v) for k, v in sources.photos.items()}),
        site=site,
    )


def _validate_all(docs: list[Document], model: type[BaseModel], errors: list[DataError]) -> list:
    out = []
    for doc in docs:
        shown = _shown(doc)
        if not isinstance(doc.data, dict):
            errors.append(DataError(shown, 1, "", "expected fields written as `name: value` lines"))
            continue
        try:
            out.append(model.model_validate(doc.data, context={"id": doc.path.stem}))
        except ValidationError as exc:
            errors.extend(from_pydantic(exc, doc, shown, model))
    return out


def _validate_fields(doc: Document | None, errors: list[DataError]) -> dict[str, Text]:
    if doc is None:
        return {}
    if not isinstance(doc.data, dict):
        errors.append(DataError("content/fields.yml", 1, "", "expected `id:` entries"))
        return {}
    try:
        return _AREAS.validate_python(doc.data)
    except ValidationError as exc:
        errors.extend(from_pydantic(exc, doc, "content/fields.yml", None))
        return {}


def _validate_site(doc: Document | None, errors: list[DataError]) -> SiteSettings | None:
    if doc is None:
        return None
    if not isinstance(doc.data, dict):
        errors.append(DataError("content/site.yml", 1, "", "expected `name: value` lines"))
        return None
    try:
        return SiteSettings.model_validate(doc.data)
    except ValidationError as exc:
        errors.extend(from_pydantic(exc, doc, "content/site.yml", SiteSettings))
        return None


def _shown(doc: Document) -> str:
    return f"{doc.path.parent.name}/{doc.path.name}"


def _check_references(
    diplomat: Diplomat,
    doc: Document,
    cities: set[str],
    fields: set[str],
    photos: dict,
    errors: list[DataError],
) -> None:
    shown = _shown(doc)
    for name, known in (("cities", cities), ("fields", fields)):
        for i, ref in enumerate(getattr(diplomat, name)):
            if ref not in known:
                kind = "city" if name == "cities" else "activity area"
                errors.append(
                    DataError(
                        shown,
                        doc.line((name, i)),
                        f"{name}[{i}]",
                        f"unknown {kind} {ref!r} (known: {_some(known)})",
                    )
                )
    if diplomat.photo:
        line = doc.line(("photo", "file"))
        if diplomat.photo.file not in photos:
            message = f"no file {diplomat.photo.file!r} in diplomats/photos/"
            errors.append(DataError(shown, line, "photo.file", message))
            return
        try:
            open_portrait(photos[diplomat.photo.file], size=1)  # checked, not used
        except PhotoError as exc:
            errors.append(DataError(shown, line, "photo.file", str(exc)))


def _check_city_dates(city: SisterCity, doc: Document, errors: list[DataError]) -> None:
    today = date.today().isoformat()
    dated: list[tuple[Loc, str]] = [
        (("history", i, "date"), h.date) for i, h in enumerate(city.history)
    ]
    dated += [(("since", i, "date"), c.date) for i, c in enumerate(city.since)]
    for loc, value in dated:
        if value > today[: len(value)]:
            errors.append(
                DataError(_shown(doc), doc.line(loc), field_name(loc), f"{value} is in the future")
            )


def _some(known: typing.Iterable[str], limit: int = 8) -> str:
    names = sorted(known)
    return ", ".join(names[:limit]) + (", …" if len(names) > limit else "")


# ---------------------------------------------------------------------------- pydantic → DataError


def from_pydantic(
    exc: ValidationError, doc: Document, shown: str, model: type[BaseModel] | None
) -> list[DataError]:
    """Rewrite pydantic's errors as `file:line: field: expected …, found …`."""
    out = []
    for err in exc.errors(include_url=False):
        loc: Loc = tuple(p for p in err["loc"] if isinstance(p, int) or not _is_internal(p))
        message = _message(err, model, loc)
        moved = re.match(r"^([a-z_]+): (.*)$", message, re.S)
        if moved and moved.group(1) in _allowed_fields(model, loc):
            loc, message = (*loc, moved.group(1)), moved.group(2)
        out.append(DataError(shown, doc.line(loc), field_name(loc), message))
    return out


def _is_internal(part: str) -> bool:
    # pydantic adds validator and union-branch names to locations: never a field name here
    return "[" in part or "-" in part and not re.fullmatch(SLUG, part)


def _message(err: dict, model: type[BaseModel] | None, loc: Loc) -> str:
    kind, found, ctx = err["type"], err.get("input"), err.get("ctx", {})
    shown = "nothing" if found is None else repr(found)
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden":
        allowed = _allowed_fields(model, loc[:-1])
        return "unknown field" + (f" (expected one of: {', '.join(allowed)})" if allowed else "")
    if kind == "literal_error":
        return f"expected one of {ctx.get('expected')}, found {shown}"
    if kind == "value_error":
        return str(ctx.get("error", err["msg"]))
    if kind == "bool_type":
        return f"expected true or false, found {shown}"
    if kind == "string_pattern_mismatch":
        if ctx.get("pattern") == SLUG:
            return f"expected an id of lower-case latin letters, digits and hyphens, found {shown}"
        return f"found {shown}, which is not of the expected form {ctx.get('pattern')}"
    if kind in ("float_parsing", "float_type"):
        return f"expected a number, found {shown}"
    if kind in ("string_type", "string_too_short"):
        return f"expected text, found {shown}"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return f"expected fields written as `name: value` lines, found {shown}"
    if kind in ("list_type", "tuple_type"):
        return f"expected a list, found {shown}"
    if kind in ("too_short", "too_long"):
        if ctx.get("min_length") == 1 and kind == "too_short":
            return f"needs at least one entry, found {shown}"
        return f"expected a list of {ctx.get('min_length', ctx.get('max_length'))}, found {shown}"
    if kind in ("less_than_equal", "greater_than_equal"):
        bound = f"at most {ctx['le']}" if "le" in ctx else f"at least {ctx.get('ge')}"
        return f"expected a number {bound}, found {shown}"
    return f"{err['msg']}, found {shown}"


def _allowed_fields(model: type[BaseModel] | None, loc: Loc) -> list[str]:
    """The field names allowed at `loc`, walking the model's annotations."""
    current: typing.Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        current = _inner_model(current.model_fields[part].annotation) if current else None
    if current is None:
        return []
    return [name for name, info in current.model_fields.items() if not info.exclude]


def _inner_model(annotation: typing.Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _inner_model(arg)
        if found:
            return found
    return None
