"""Help toward the fix: what a value that staff typed was probably meant to be.

Staff type in Persian first: a date in Persian digits or in the Solar Hijri calendar, a
Persian comma between list items, «» where YAML wants "", a city by its name rather than its
id. Each function here recognises one such slip and returns what to write instead, or None.
"""

from __future__ import annotations

import re
from datetime import date

import jdatetime

from .search_text import OTHER_DIGITS
from .value_forms import MIN_YEAR

_TO_LATIN = str.maketrans(OTHER_DIGITS, "0123456789" * 2)
_OTHER_DIGITS = re.compile(f"[{OTHER_DIGITS}]")


def has_other_digits(text: str) -> bool:
    """Persian (or Arabic-Indic) digits, which dates, numbers and addresses cannot use."""
    return bool(_OTHER_DIGITS.search(text))


def latin_digits(text: str) -> str:
    return text.translate(_TO_LATIN)


def date_parts(text: str) -> tuple[int, int, int] | None:
    """`۱۴۰۳/۰۵/۱۲`, `1403-5-12`, `2024.08.02` → (year, month, day); None if not a date."""
    match = re.fullmatch(r"\s*([0-9]{4})\s*[-/.]\s*([0-9]{1,2})\s*[-/.]\s*([0-9]{1,2})\s*",
                         latin_digits(text))  # fmt: skip
    return tuple(int(g) for g in match.groups()) if match else None  # type: ignore[return-value]


def gregorian_of_jalali(year: int, month: int, day: int) -> date | None:
    """The Gregorian day of a Solar Hijri date, if the date exists (1300–1499 only)."""
    if not 1300 <= year < 1500:
        return None
    try:
        return jdatetime.date(year, month, day).togregorian()
    except ValueError:
        return None


def meant_date(text: str) -> str | None:
    """The `YYYY-MM-DD` that `text` most likely means, when it is not written so already."""
    parts = date_parts(text)
    if parts is None:
        return None
    year, month, day = parts
    if year < MIN_YEAR:
        gregorian = gregorian_of_jalali(year, month, day)
        return gregorian.isoformat() if gregorian else None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def is_jalali(text: str) -> bool:
    parts = date_parts(text)
    return bool(parts) and parts[0] < MIN_YEAR and gregorian_of_jalali(*parts) is not None


def list_slip(text: str) -> str | None:
    """`freiburg، xian` or `«freiburg»`: the list or value as YAML wants it written."""
    if "،" in text or "؛" in text:
        items = [i.strip(" «»\"'") for i in re.split("[،؛,]", text) if i.strip()]
        return "[" + ", ".join(items) + "]"
    return None


def has_guillemets(text: str) -> bool:
    return "«" in text or "»" in text


def normalised_name(text: str) -> str:
    from .search_text import normalise

    return re.sub(r"[\s\-_.'’‌]+", "", normalise(text))


def matching_id(text: str, names: dict[str, list[str]]) -> str | None:
    """The id whose names (Persian, English, native, or the id) match `text`, ignoring case,
    spaces, hyphens, diacritics and Arabic/Persian letter forms."""
    wanted = normalised_name(text)
    if not wanted:
        return None
    for id_, known in sorted(names.items()):
        if any(normalised_name(n) == wanted for n in (id_, *known)):
            return id_
    return None
