"""Every message staff can see, in Persian and English, kept in one catalogue.

A message is defined once with `define(key, en, fa)`: two templates in `str.format` syntax
with the same named fields. `say(key, **values)` fills both and returns a `Message`: a `str`
whose value is the English text (logs, tests and tracebacks keep working) and whose `.fa` is
the Persian one. Numbers in the Persian text are written in Persian digits; a value quoted
from a data file (`{found}`) is printed as it was typed, in both languages.

Modules define their messages at import time, next to the code that says them; the staff
guide explains every key (tests/test_staff_guide.py reads the catalogue).
"""

from __future__ import annotations

import string
import unicodedata

LANGS = ("fa", "en")
CATALOGUE: dict[str, tuple[str, str]] = {}

_PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


class Message(str):
    """The English text of a message, carrying its Persian twin in `.fa`."""

    fa: str
    keys: tuple[str, ...]

    def __new__(cls, en: str, fa: str, *keys: str) -> Message:
        made = super().__new__(cls, en)
        made.fa, made.keys = fa, keys
        return made

    def __reduce__(self):  # survives pickling between processes, .fa included
        return (Message, (str(self), self.fa, *self.keys))

    @property
    def key(self) -> str:
        """The catalogue key of the message (of its first part, if it was joined)."""
        return self.keys[0] if self.keys else ""

    @property
    def en(self) -> str:
        return str(self)

    def in_language(self, lang: str) -> str:
        return self.fa if lang == "fa" else str(self)


def define(key: str, en: str, fa: str) -> str:
    """Add a message to the catalogue; both templates must name the same fields."""
    names = {_fields(en), _fields(fa)}
    if len(names) != 1:
        raise ValueError(f"message {key!r}: the templates name different fields: {names}")
    if key in CATALOGUE and CATALOGUE[key] != (en, fa):
        raise ValueError(f"message {key!r} is defined twice, differently")
    CATALOGUE[key] = (en, fa)
    return key


def say(key: str, **values: object) -> Message:
    """The message `key` with its fields filled in, in both languages."""
    en, fa = CATALOGUE[key]
    return Message(
        en.format(**{k: _shown(v, "en") for k, v in values.items()}),
        fa.format(**{k: _shown(v, "fa") for k, v in values.items()}),
        key,
    )


def text(message: str, lang: str) -> str:
    """`message` in `lang`; a plain string (not from the catalogue) is returned as it is."""
    return message.in_language(lang) if isinstance(message, Message) else message


def persian_digits(value: object) -> str:
    return str(value).translate(_PERSIAN_DIGITS)


def _shown(value: object, lang: str) -> object:
    if isinstance(value, Message):
        return value.in_language(lang)
    if isinstance(value, bool) or not isinstance(value, int):
        return value
    if lang == "en":
        return f"{value:,}"
    return persian_digits(f"{value:,}".replace(",", "٬"))


def _fields(template: str) -> frozenset[str]:
    return frozenset(name for _, name, _, _ in string.Formatter().parse(template) if name)


def blank(template: str) -> str:
    """A template with every field written `…`, as the staff guide's tables show it."""
    out = []
    for literal, name, _, _ in string.Formatter().parse(template):
        out.append(literal)
        if name is not None:
            out.append("…")
    return "".join(out)


class Problem(ValueError):
    """A validator's complaint: a `Message`, and the field it is about when that is not the
    field being validated (a model-level rule such as "approved needs approved_on")."""

    def __init__(self, message: Message, field: str = ""):
        super().__init__(message)
        self.message, self.field = message, field


def quoted(value: object) -> Message:
    """A value as found in a file: `'Freiburg'` in English, «Freiburg» in Persian."""
    if value is None or value == "":
        return Message("nothing", "هیچ")
    if isinstance(value, list | tuple):
        if not value:
            return Message("[]", "[]")
        inner = [quoted(v) for v in value]
        return Message("[" + ", ".join(inner) + "]", "[" + "، ".join(m.fa for m in inner) + "]")
    if isinstance(value, dict):
        return Message(repr(value), repr(value))
    shown = str(value)
    return Message(repr(value) if isinstance(value, str) else shown, f"«{_visible(shown)}»")


def _visible(text: str) -> str:
    """Control characters and line breaks written as escapes, as repr() does for English:
    a value from a file can never start a line of its own in a log (`::error::…` there is a
    GitHub workflow command). ZWNJ and the other format characters Persian needs stay."""
    return "".join(
        repr(ch)[1:-1] if unicodedata.category(ch) in ("Cc", "Zl", "Zp") else ch for ch in text
    )


def joined(*messages: Message) -> Message:
    """Messages one after another: `first; second` (`؛` in Persian)."""
    keys = tuple(key for m in messages for key in m.keys)
    return Message("; ".join(str(m) for m in messages), "؛ ".join(m.fa for m in messages), *keys)
