"""Language facts the pages need: digits, dates, names from CLDR, and Persian order."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from functools import cache, lru_cache

import jdatetime
from babel import Locale
from babel.dates import format_date as babel_format_date

from . import ui_text

LANGUAGES = ("fa", "en")
DIRECTION = {"fa": "rtl", "en": "ltr"}
# A run of the other language's script inside a text in `lang`: Latin words in Persian, with
# the digits and punctuation between them ("ISO 8601", "CC BY 4.0", "isfahaninfo.com"), and
# Arabic-script words in English.
_LATIN, _ARABIC = "A-Za-z\u00c0-\u024f", "\u0620-\u064a\u066e-\u06d3\u06d5\u06fa-\u06fc"
OTHER_SCRIPT = {
    "fa": re.compile(f"[{_LATIN}](?:[{_LATIN}0-9 .,:/@_+&'’\\-]*[{_LATIN}0-9])?"),
    "en": re.compile(f"[{_ARABIC}](?:[{_ARABIC}\u200c ]*[{_ARABIC}])?"),
}


def script_runs(text: str, lang: str) -> list[tuple[str, bool]]:
    """`text` cut into pieces, each with True when it is in the other language's script."""
    pieces, start = [], 0
    for match in OTHER_SCRIPT[lang].finditer(text):
        if match.start() > start:
            pieces.append((text[start : match.start()], False))
        pieces.append((match.group(0), True))
        start = match.end()
    if start < len(text):
        pieces.append((text[start:], False))
    return pieces


_TO_PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
JALALI_MONTHS = (
    "فروردین",
    "اردیبهشت",
    "خرداد",
    "تیر",
    "مرداد",
    "شهریور",
    "مهر",
    "آبان",
    "آذر",
    "دی",
    "بهمن",
    "اسفند",
)
# CLDR region codes that are not countries (continents, groupings, private use).
_NOT_COUNTRIES = {"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"}


def digits(text: object, lang: str) -> str:
    """Write the digits of `text` in the script of `lang` (Persian digits on Persian pages)."""
    text = str(text)
    return text.translate(_TO_PERSIAN_DIGITS) if lang == "fa" else text


def number(value: int, lang: str) -> str:
    """A whole number with the grouping of `lang`: ۱۲٬۳۴۵ or 12,345."""
    grouped = f"{value:,}"
    return digits(grouped.replace(",", "٬"), lang) if lang == "fa" else grouped


@cache
def _locale(lang: str) -> Locale:
    return Locale.parse(lang)


def is_country(code: str) -> bool:
    """True for an ISO 3166-1 alpha-2 code that CLDR names as a country."""
    return (
        len(code) == 2
        and code.isascii()
        and code.isupper()
        and code not in _NOT_COUNTRIES
        and code in _locale("en").territories
    )


def is_language(code: str) -> bool:
    """True for a two-letter ISO 639-1 code that CLDR can name."""
    return len(code) == 2 and code.isascii() and code.islower() and code in _locale("en").languages


def country_code_of(name: str) -> str | None:
    """The code of a country written by its English or Persian name (`Germany`, `آلمان`,
    `de`), for a hint: None when no country is called so."""
    return _code_named(name, country_codes(), "territories")


def language_code_of(name: str) -> str | None:
    """The code of a language written by its English or Persian name (`Persian`, `فارسی`,
    `FA`), for a hint: None when no language is called so."""
    return _code_named(name, language_codes(), "languages") or {"farsi": "fa"}.get(name.lower())


def _code_named(name: str, codes: list[str], kind: str) -> str | None:
    from .hints import normalised_name

    wanted = normalised_name(name)
    for code in codes:
        names = (code, getattr(_locale("en"), kind)[code], getattr(_locale("fa"), kind).get(code))
        if any(normalised_name(n) == wanted for n in names if n):
            return code
    return None


def country_codes() -> list[str]:
    """Every code that `is_country` accepts, sorted (for the editors' JSON Schemas)."""
    return sorted(code for code in _locale("en").territories if is_country(code))


def language_codes() -> list[str]:
    """Every code that `is_language` accepts, sorted (for the editors' JSON Schemas)."""
    return sorted(code for code in _locale("en").languages if is_language(code))


def country_name(code: str, lang: str) -> str:
    """The country's name in `lang`, from CLDR."""
    return _locale(lang).territories[code]


def language_name(code: str, lang: str) -> str:
    """The language's name in `lang`, from CLDR (e.g. de → آلمانی / German)."""
    return _locale(lang).languages[code]


@lru_cache(maxsize=8192)  # the same few thousand days recur on every page
def format_date(value: date, lang: str) -> str:
    """A full date: Jalali with Persian digits for fa (۱۸ شهریور ۱۳۷۷), Gregorian for en."""
    if lang == "fa":
        j = jdatetime.date.fromgregorian(date=value)
        return digits(f"{j.day} {JALALI_MONTHS[j.month - 1]} {j.year}", "fa")
    return babel_format_date(value, "d MMMM y", locale="en")


@lru_cache(maxsize=8192)
def format_gregorian(value: date, lang: str) -> str:
    """A Gregorian date in `lang`, shown beside the Jalali one for partners (۹ سپتامبر ۱۹۹۸)."""
    return digits(babel_format_date(value, "d MMMM y", locale=lang), lang)


def format_partial_date(text: str, lang: str) -> str:
    """A date that may be only a year (2021) or a month (2021-07).

    A whole date is Jalali on Persian pages. A Gregorian month or year straddles two
    Jalali ones, so on Persian pages it stays as the source gives it, marked as
    Gregorian among the Jalali dates: «اکتبر ۲۰۰۰ میلادی», «۱۹۹۸ میلادی»."""
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 3:
        return format_date(date(*parts), lang)
    if len(parts) == 2:
        shown = babel_format_date(date(parts[0], parts[1], 1), "MMMM y", locale=lang)
    else:
        shown = str(parts[0])
    return digits(ui_text.text("gregorian_partial", lang).format(date=shown), lang)


def format_coordinates(latitude: float, longitude: float, lang: str) -> str:
    """A place's latitude and longitude as a reader writes them, to three decimals (about
    100 m): "47.999° N, 7.842° E"; «۴۷٫۹۹۹° شمالی، ۷٫۸۴۲° شرقی» with the Persian decimal
    separator and comma."""
    halves = (("north", "south", latitude), ("east", "west", longitude))
    shown = [ui_text.text(plus if value >= 0 else minus, lang).format(v=f"{abs(value):.3f}")
             for plus, minus, value in halves]  # fmt: skip
    if lang == "fa":
        return digits("، ".join(shown).replace(".", "٫"), lang)
    return ", ".join(shown)


# ---------------------------------------------------------------------------- ordering

# Persian alphabetical order. Unicode code points put پ چ ژ گ after ی (they were added
# late) and the Unicode default order puts ه before و as Arabic does; Persian
# dictionaries do neither. Variant forms share their letter's place.
_PERSIAN_ALPHABET = "آابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی"  # آ first, as in Persian dictionaries
_VARIANTS = {
    "أ": "ا", "إ": "ا", "ٱ": "ا", "ؤ": "و", "ئ": "ی", "ي": "ی", "ى": "ی",
    "ك": "ک", "ة": "ه", "ۀ": "ه", "ە": "ه",
}  # fmt: skip
_RANK = {letter: i for i, letter in enumerate(_PERSIAN_ALPHABET)}
_IGNORED = {"\u200c", "\u200d", "\u0640", "ء"}  # ZWNJ, ZWJ, tatweel, lone hamza


def _char_rank(ch: str) -> tuple[int, int]:
    if ch.isspace():
        return (0, 0)
    if ch.isdigit():
        return (1, unicodedata.digit(ch, 0))
    base = _VARIANTS.get(ch, ch)
    if base in _RANK:
        return (2, _RANK[base])
    return (3, ord(ch.casefold()[0]))


@cache  # listings sort the same names again and again
def persian_sort_key(text: str) -> tuple:
    """Sort key following the Persian alphabet (پ after ب, چ after ج, گ after ک, و before ه)."""
    clean = [
        ch
        for ch in unicodedata.normalize("NFC", text)
        if ch not in _IGNORED and unicodedata.category(ch) != "Mn"
    ]
    return (tuple(_char_rank(ch) for ch in clean), text)


@cache  # listings sort the same names again and again
def english_sort_key(text: str) -> tuple:
    """Sort key for English pages: case- and accent-insensitive (Iași next to Isfahan)."""
    base = unicodedata.normalize("NFKD", text.casefold())
    return ("".join(ch for ch in base if not unicodedata.combining(ch)), text)


def sort_key(lang: str):
    """The sort key function for listings in `lang`."""
    return persian_sort_key if lang == "fa" else english_sort_key
