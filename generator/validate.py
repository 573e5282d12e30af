"""Validate every file against the schema, then check references across files.

All problems in all files are collected and raised together as `DataErrors`, each
naming the file, the line, the field, what was expected and what was found.
"""

from __future__ import annotations

import re
import typing
import unicodedata
from collections.abc import Callable
from datetime import date
from types import MappingProxyType

import phonenumbers
from pydantic import BaseModel, TypeAdapter, ValidationError

from . import hints
from .errors import DataError, DataErrors
from .load import Document, Loc, Sources, field_name
from .messages import Message, Problem, define, joined, quoted, say
from .models import Directory
from .photos import PhotoError, open_portrait
from .schema import (
    SLUG,
    ActivityArea,
    ActivityAreas,
    Contact,
    Diplomat,
    SisterCity,
    SiteSettings,
    Text,
)

_AREAS = TypeAdapter(ActivityAreas)

define(
    "not_a_mapping",
    "expected fields written as `name: value` lines",
    "فیلدها باید به شکل سطرهای `name: value` نوشته شوند",
)
define(
    "not_a_mapping_found",
    "expected fields written as `name: value` lines, found {found}",
    "فیلدها باید به شکل سطرهای `name: value` نوشته شوند، اما {found} آمده است",
)
define(
    "fields_not_a_mapping",
    "expected `id:` entries",
    "هر حوزه باید به شکل `id:` و زیر آن fa و en نوشته شود",
)
define(
    "unknown_city",
    "unknown city {found} (known: {known})",
    "شهر {found} شناخته نیست (شهرهای موجود: {known})",
)
define(
    "unknown_area",
    "unknown activity area {found} (known: {known})",
    "حوزهٔ فعالیت {found} شناخته نیست (حوزه‌های موجود: {known})",
)
define(
    "no_photo_file",
    "no file {found} in diplomats/photos/",
    "پرونده‌ای به نام {found} در diplomats/photos/ نیست",
)
define("required", "required field is missing", "این فیلد لازم است و نوشته نشده")
define(
    "unknown_field_of",
    "unknown field (expected one of: {allowed})",
    "فیلد ناشناخته (یکی از این‌ها پذیرفته است: {allowed})",
)
define(
    "one_of",
    "expected one of {allowed}, found {found}",
    "یکی از {allowed} لازم است، اما {found} آمده است",
)
define(
    "boolean",
    "expected true or false, found {found}",
    "true یا false لازم است، اما {found} آمده است",
)
define(
    "id_form",
    "expected an id of lower-case latin letters, digits and hyphens, found {found}",
    "شناسه باید از حرف‌های کوچک لاتین، رقم و خط تیره باشد، اما {found} آمده است",
)
define(
    "pattern",
    "found {found}, which is not of the expected form {pattern}",
    "{found} به شکل خواسته‌شده ({pattern}) نیست",
)
define("number", "expected a number, found {found}", "عدد لازم است، اما {found} آمده است")
define("text", "expected text, found {found}", "متن لازم است، اما {found} آمده است")
define("list", "expected a list, found {found}", "فهرست لازم است، اما {found} آمده است")
define(
    "at_least_one",
    "needs at least one entry, found {found}",
    "دست‌کم یک مورد لازم است، اما {found} آمده است",
)
define(
    "list_length",
    "expected a list of {count}, found {found}",
    "فهرستی با {count} مورد لازم است، اما {found} آمده است",
)
define(
    "at_most",
    "expected a number at most {bound}, found {found}",
    "عددی حداکثر {bound} لازم است، اما {found} آمده است",
)
define(
    "at_least",
    "expected a number at least {bound}, found {found}",
    "عددی دست‌کم {bound} لازم است، اما {found} آمده است",
)
define(
    "other",
    "not accepted: {reason}, found {found}",
    "مقدار پذیرفته نیست ({reason})، اما {found} آمده است",
)
define(
    "persian_comma",
    "separate the items with a Latin comma: write {fixed}",
    "موردها را با ویرگول لاتین (,) جدا کنید: بنویسید {fixed}",
)
define(
    "private_repeated",
    "repeats the value of contacts[{index}] ({kind}), which is private (public: false), but "
    "this field is published on the site, in the open data and in search: remove it from here, "
    "or, if the person agrees, make that contact public",
    "همان مقدار contacts[{index}] ({kind}) را دارد که خصوصی است (public: false)، اما این فیلد در "
    "سایت، داده‌های باز و جست‌وجو منتشر می‌شود: آن را از اینجا پاک کنید، یا اگر آن شخص رضایت "
    "می‌دهد، آن راه تماس را عمومی کنید",
)
define(
    "guillemets",
    '«» are not quotation marks in YAML: use "…" or none',
    '«» در YAML گیومه به شمار نمی‌آید: "…" بگذارید یا هیچ',
)


def validate(sources: Sources) -> Directory:
    """Turn loaded files into a Directory, or raise DataErrors listing every problem."""
    errors = list(sources.errors)
    fields = _validate_fields(sources.fields, errors)
    site = _validate_site(sources.site, errors)
    cities = {c.id: c for c in _validate_all(sources.cities, SisterCity, errors)}
    names = {"cities": _city_names(sources), "fields": _area_names(sources)}
    diplomats = _validate_all(sources.diplomats, Diplomat, errors, names)
    docs = {d.path.stem: d for d in sources.diplomats}
    # References are checked against the files that exist, valid or not, so that one
    # broken city file is reported once, not again in every diplomat who names it.
    for diplomat in diplomats:
        doc = docs[diplomat.id]
        _check_references(diplomat, doc, names, sources.photos, errors)
        _check_private_values(diplomat, doc, errors)
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


def _validate_all(
    docs: list[Document],
    model: type[BaseModel],
    errors: list[DataError],
    names: dict[str, dict[str, list[str]]] | None = None,
) -> list:
    out = []
    for doc in docs:
        shown = _shown(doc)
        if not isinstance(doc.data, dict):
            errors.append(DataError(shown, 1, "", say("not_a_mapping")))
            continue
        try:
            out.append(model.model_validate(doc.data, context={"id": doc.path.stem}))
        except ValidationError as exc:
            errors.extend(from_pydantic(exc, doc, shown, model, names))
    return out


def _validate_fields(doc: Document | None, errors: list[DataError]) -> dict[str, Text]:
    if doc is None:
        return {}
    if not isinstance(doc.data, dict):
        errors.append(DataError("content/fields.yml", 1, "", say("fields_not_a_mapping")))
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
        errors.append(DataError("content/site.yml", 1, "", say("not_a_mapping")))
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
    names: dict[str, dict[str, list[str]]],
    photos: dict,
    errors: list[DataError],
) -> None:
    shown = _shown(doc)
    for name, known in names.items():
        if known is None:  # content/fields.yml itself is broken: reported once, there
            continue
        for i, ref in enumerate(getattr(diplomat, name)):
            if ref not in known:
                message = _unknown_reference(name, ref, known)
                errors.append(DataError(shown, doc.line((name, i)), f"{name}[{i}]", message))
    if diplomat.photo:
        line = doc.line(("photo", "file"))
        if diplomat.photo.file not in photos:
            message = say("no_photo_file", found=quoted(diplomat.photo.file))
            errors.append(DataError(shown, line, "photo.file", message))
            return
        try:
            open_portrait(photos[diplomat.photo.file], size=1)  # checked, not used
        except PhotoError as exc:
            errors.append(DataError(shown, line, "photo.file", exc.args[0]))


def _check_city_dates(city: SisterCity, doc: Document, errors: list[DataError]) -> None:
    today = date.today().isoformat()
    dated: list[tuple[Loc, str]] = [
        (("history", i, "date"), h.date) for i, h in enumerate(city.history)
    ]
    dated += [(("since", i, "date"), c.date) for i, c in enumerate(city.since)]
    for loc, value in dated:
        if value > today[: len(value)]:
            errors.append(
                DataError(
                    _shown(doc),
                    doc.line(loc),
                    field_name(loc),
                    say("in_future", found=quoted(value)),
                )
            )


# ---------------------------------------------------------------------------- private channels

# The texts of a diplomat's file that pages, open data and the search index publish.
_PUBLISHED_TEXTS: tuple[Loc, ...] = (
    ("name", "fa"), ("name", "en"), ("occupation", "fa"), ("occupation", "en"),
    ("bio", "fa"), ("bio", "en"), ("photo", "alt", "fa"), ("photo", "alt", "en"),
)  # fmt: skip
# Digits with what people write between them: "+44 (0)20 7946-0231", "0913.123.45.67".
_NUMBER = re.compile(r"[0-9](?:[\s\-./()+]*[0-9])*")
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u2060]")


def _check_private_values(diplomat: Diplomat, doc: Document, errors: list[DataError]) -> None:
    """A channel marked `public: false` must not be published all the same in a text that
    is: its value is looked for in each, however it is written (case, spacing, Persian
    digits). The message names the channel, never its value: CI logs may be public."""
    private = [(i, c.type, _finder(c)) for i, c in enumerate(diplomat.contacts) if not c.public]
    if not private:
        return
    for loc in _PUBLISHED_TEXTS:
        value: object = diplomat
        for part in loc:
            value = getattr(value, part, None)
        if not isinstance(value, str):
            continue
        text = _folded(value)
        for index, kind, found_in in private:
            if found_in(text):
                message = say("private_repeated", index=str(index), kind=kind)
                errors.append(DataError(_shown(doc), doc.line(loc), field_name(loc), message))


def _folded(text: str) -> str:
    """`text` as it is compared: case, width and the script of digits made alike, and the
    invisible characters that can sit inside a word left out."""
    text = hints.latin_digits(unicodedata.normalize("NFKC", text).casefold())
    return _INVISIBLE.sub("", text)


def _finder(contact: Contact) -> Callable[[str], bool]:
    """Whether a folded text holds the contact's value, in any of the ways people write it."""
    value = _folded(contact.value)
    if contact.type in ("phone", "whatsapp"):
        # The number without its country code: a bio may write it "0913 …" or "(913) …".
        number = str(phonenumbers.parse(contact.value, None).national_number)
        return lambda text: any(number in re.sub("[^0-9]", "", n) for n in _NUMBER.findall(text))
    if contact.type == "email":
        pattern = re.compile(rf"(?<![\w.+-]){re.escape(value)}(?![\w-]|\.\w)")
    elif contact.type in ("website", "linkedin"):
        bare = re.sub(r"^https?://(www\.)?", "", value).rstrip("/")
        pattern = re.compile(rf"(?<![\w.-])(www\.)?{re.escape(bare)}(?![\w-])")
    else:  # a user name: written "@name", in an address ".../name", or alone
        alone = "" if value.isalpha() else r"|(?<![\w.@/])"  # a plain word may mean anything
        pattern = re.compile(rf"(?:[@/]{alone}){re.escape(value)}(?!\w|\.\w)")
    return lambda text: bool(pattern.search(text))


def _some(known: typing.Iterable[str], limit: int = 8) -> str:
    names = sorted(known)
    return ", ".join(names[:limit]) + (", …" if len(names) > limit else "")


# ---------------------------------------------------------------------------- pydantic → DataError


def from_pydantic(
    exc: ValidationError,
    doc: Document,
    shown: str,
    model: type[BaseModel] | None,
    names: dict[str, dict[str, list[str]]] | None = None,
) -> list[DataError]:
    """Rewrite pydantic's errors as `file:line: field: expected …, found …`, in both languages."""
    out = []
    for err in exc.errors(include_url=False):
        loc: Loc = tuple(p for p in err["loc"] if isinstance(p, int) or not _is_internal(p))
        problem = err.get("ctx", {}).get("error")
        if isinstance(problem, Problem):
            message: Message = problem.message
            if problem.field:
                loc = (*loc, *problem.field.split("."))
        else:
            message = _message(err, model, loc)
        message = _with_hint(message, err.get("input"), loc, names or {})
        out.append(DataError(shown, doc.line(loc), field_name(loc), message))
    return out


def _with_hint(message: Message, found: object, loc: Loc, names: dict) -> Message:
    """Add what the value was probably meant to be, when a common slip explains it."""
    if not isinstance(found, str):
        return message
    slip = hints.list_slip(found)
    if slip:
        if loc and names.get(loc[0]):  # each item as the id it most likely means
            items = slip.strip("[]").split(", ")
            slip = f"[{', '.join(hints.matching_id(i, names[loc[0]]) or i for i in items)}]"
        return joined(message, say("persian_comma", fixed=slip))
    if hints.has_guillemets(found):
        return joined(message, say("guillemets"))
    if len(loc) == 2 and names.get(loc[0]) and isinstance(loc[1], int):
        fixed = hints.matching_id(found, names[loc[0]])
        if fixed and fixed != found:
            return joined(message, say("did_you_mean", fixed=fixed))
    return message


def _unknown_reference(name: str, ref: str, known: dict[str, list[str]]) -> Message:
    key = "unknown_city" if name == "cities" else "unknown_area"
    message = say(key, found=quoted(ref), known=_some(known))
    fixed = hints.matching_id(ref, known)
    return joined(message, say("did_you_mean", fixed=fixed)) if fixed else message


def _city_names(sources: Sources) -> dict[str, list[str]]:
    """Each city file's id with the names it gives, valid or not: for hints and references."""
    out = {}
    for doc in sources.cities:
        name = doc.data.get("name") if isinstance(doc.data, dict) else None
        values = name.values() if isinstance(name, dict) else ()
        out[doc.path.stem] = [v for v in values if isinstance(v, str)]
    return out


def _area_names(sources: Sources) -> dict[str, list[str]] | None:
    raw = sources.fields.data if sources.fields else None
    if not isinstance(raw, dict):
        return None
    return {
        key: [v for v in label.values() if isinstance(v, str)] if isinstance(label, dict) else []
        for key, label in raw.items()
    }


def _is_internal(part: str) -> bool:
    # pydantic adds validator and union-branch names to locations: never a field name here
    return "[" in part or "-" in part and not re.fullmatch(SLUG, part)


def _message(err: dict, model: type[BaseModel] | None, loc: Loc) -> Message:
    kind, ctx = err["type"], err.get("ctx", {})
    found = quoted(err.get("input"))
    if kind == "missing":
        return say("required")
    if kind == "extra_forbidden":
        allowed = _allowed_fields(model, loc[:-1])
        return say("unknown_field_of", allowed=", ".join(allowed) or "—")
    if kind == "literal_error":
        return say("one_of", allowed=_choices(str(ctx.get("expected", ""))), found=found)
    if kind == "bool_type":
        return say("boolean", found=found)
    if kind == "string_pattern_mismatch":
        if ctx.get("pattern") == SLUG:
            return say("id_form", found=found)
        return say("pattern", found=found, pattern=ctx.get("pattern"))
    if kind in ("float_parsing", "float_type"):
        return say("number", found=found)
    if kind in ("string_type", "string_too_short"):
        return say("text", found=found)
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return say("not_a_mapping_found", found=found)
    if kind in ("list_type", "tuple_type"):
        return say("list", found=found)
    if kind in ("too_short", "too_long"):
        if ctx.get("min_length") == 1 and kind == "too_short":
            return say("at_least_one", found=found)
        return say("list_length", count=ctx.get("min_length", ctx.get("max_length")), found=found)
    if kind in ("less_than_equal", "greater_than_equal"):
        if "le" in ctx:
            return say("at_most", bound=_whole(ctx["le"]), found=found)
        return say("at_least", bound=_whole(ctx.get("ge")), found=found)
    return say("other", reason=err["msg"], found=found)


def _choices(expected: str) -> Message:
    """pydantic's `'a', 'b' or 'c'`, and the same list in Persian: «a»، «b» یا «c»."""
    items = re.findall(r"'([^']*)'", expected)
    if len(items) < 2:
        return Message(expected, expected)
    persian = "، ".join(f"«{i}»" for i in items[:-1]) + f" یا «{items[-1]}»"
    return Message(expected, persian)


def _whole(bound: object) -> object:
    return int(bound) if isinstance(bound, float) and bound.is_integer() else bound


def _allowed_fields(model: type[BaseModel] | None, loc: Loc) -> list[str]:
    """The field names allowed at `loc`, walking the model's annotations."""
    if model is None:  # content/fields.yml: a mapping of ids, each to an ActivityArea
        if not loc:
            return []
        model, loc = ActivityArea, loc[1:]
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
