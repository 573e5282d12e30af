"""How each kind of value is written: the patterns that schema.py and the JSON Schemas share.

`schema.py` validates with these and with code; editors validate with the JSON Schemas
that `json_schema.py` writes from schema.py's models, which carry the fragments below.
Values arrive as text (see load.py), so the fragments describe text. A pattern cannot
say everything (that a date is real, that a phone number exists): those rules stay in
schema.py's validators, and the editor leaves them to `generator check`.

Editors run the patterns as JavaScript (ECMA-262) regular expressions with the `u` flag,
which refuses escapes Python allows, such as `\\"` or `\\-` outside a character class:
write only `\\` before a character that needs it there (`\\.`, `\\\\`, `\\s`, `\\x00`).
What an editor says when a value does not match (`patternErrorMessage`) is a message
from the catalogue, in Persian and English.
"""

from __future__ import annotations

from .messages import define, say

MIN_YEAR = 1900
WIKIDATA = r"Q[1-9][0-9]*"
HANDLES = {"instagram": r"[A-Za-z0-9._]{1,30}", "telegram": r"[A-Za-z][A-Za-z0-9_]{4,31}"}

# Inside one line of text: no line break, and no character that cannot be seen or does not
# show as a space (schema._LINE_BREAKS and schema._INVISIBLE say the same to the check).
# ZWNJ (U+200C), which Persian spelling needs, is allowed.
LINE_BREAKS = r"\n\r\x85\u2028\u2029"
INVISIBLE = r"\t\u200b\u2060\ufeff\u00ad\u180e"
_DIGIT = r"[0-9\u06f0-\u06f9\u0660-\u0669]"  # a phone number may be typed in Persian digits

_YEAR = r"(19|[2-9][0-9])[0-9]{2}"  # MIN_YEAR and after
_MONTH, _DAY = r"(0[1-9]|1[0-2])", r"(0[1-9]|[12][0-9]|3[01])"
# After the host: no character a URL cannot hold as it is, and % only as an escape
# (schema._NOT_IN_URL says the same to the check). The quote is not escaped: `\"` is
# not a valid escape in an ECMA-262 pattern.
_HOST_AND_REST = (
    r"://([A-Za-z0-9-]+\.)+[A-Za-z]{2,}(:[0-9]+)?"
    r'([/?#]([^\s<>"{}|\\^`%\x00-\x1f\x7f-\x9f]|%[0-9A-Fa-f]{2})*)?'
)

# What the editor says under a value that does not have the form its field needs.
define(
    "editor_line",
    "one line of text, without < or > and without invisible characters such as a tab",
    "یک سطر متن، بدون < و > و بدون نویسه‌های نامرئی مانند تب",
)
define("editor_markdown", "text, not empty", "متن؛ خالی نباشد")
define(
    "editor_date",
    'a Gregorian date written "YYYY-MM-DD", in quotes',
    'تاریخ میلادی به شکل "YYYY-MM-DD"، داخل گیومه',
)
define(
    "editor_partial_date",
    'a Gregorian "YYYY", "YYYY-MM" or "YYYY-MM-DD", in quotes',
    'تاریخ میلادی به شکل "YYYY" یا "YYYY-MM" یا "YYYY-MM-DD"، داخل گیومه',
)
define("editor_url", "a web address starting with https://", "نشانی وب که با https:// شروع شود")
define(
    "editor_secure_url",
    "a secure web address starting with https://",
    "نشانی وب امن که با https:// شروع شود",
)
define("editor_wikidata", "a Wikidata id such as Q2833", "شناسهٔ ویکی‌داده، مانند Q2833")
define(
    "editor_email",
    "an e-mail address such as sara.ahmadi@example.org, with only Latin letters, digits and "
    ". _ + - before the @",
    "نشانی ایمیل مانند sara.ahmadi@example.org، که پیش از @ فقط حرف لاتین، رقم و . _ + - داشته "
    "باشد",
)
define(
    "editor_phone",
    'international form, in quotes: "+98 …"',
    'شکل بین‌المللی، داخل گیومه: "+98 …"',
)
define(
    "editor_linkedin",
    "an address on linkedin.com starting with https://",
    "نشانی‌ای روی linkedin.com که با https:// شروع شود",
)
define("editor_handle", "a user name such as @isfahan_city", "نام کاربری، مانند @isfahan_city")
define(
    "editor_photo_file",
    "a file name in diplomats/photos/ such as sara-ahmadi.jpg (.jpg, .jpeg, .png or .webp)",
    "نام پرونده‌ای در diplomats/photos/ مانند sara-ahmadi.jpg (با پسوند .jpg، .jpeg، .png یا .webp)",
)
define(
    "editor_number",
    "a number from {low} to {high} in Latin digits, such as 47.999",
    "عددی از {low} تا {high} با رقم لاتین، مانند 47.999",
)


def hint(key: str, **values: object) -> str:
    """The message `key` as an editor shows it: Persian first, then English."""
    message = say(key, **values)
    return f"{message.fa} — {message.en}"


def text_json(pattern: str, hint_key: str) -> dict:
    """A string of the form `pattern`; editors show the hint `hint_key` when it does not match."""
    return {"type": "string", "pattern": pattern, "patternErrorMessage": hint(hint_key)}


LINE_JSON = text_json(
    rf"^\s*[^\s<>{INVISIBLE}]([^<>{LINE_BREAKS}{INVISIBLE}]*[^\s<>{INVISIBLE}])?\s*$",
    "editor_line",
)
MARKDOWN_JSON = text_json(r"\S", "editor_markdown")
DATE_JSON = {**text_json(f"^{_YEAR}-{_MONTH}-{_DAY}$", "editor_date"), "format": "date"}
PARTIAL_DATE_JSON = {
    "anyOf": [
        text_json(f"^{_YEAR}(-{_MONTH}(-{_DAY})?)?$", "editor_partial_date"),
        {"type": "integer", "minimum": MIN_YEAR, "maximum": 9999},  # `since: 2000`, unquoted
    ]
}
URL_JSON = text_json(f"^https?{_HOST_AND_REST}$", "editor_url")  # http for an old source
SECURE_URL_JSON = text_json(f"^https{_HOST_AND_REST}$", "editor_secure_url")
WIKIDATA_JSON = text_json(f"^{WIKIDATA}$", "editor_wikidata")
UNIQUE_JSON = {"uniqueItems": True}
ONE_LANGUAGE_AT_LEAST_JSON = {
    "anyOf": [
        {"required": [lang], "properties": {lang: {"type": "string"}}} for lang in ("fa", "en")
    ]
}
APPROVED_NEEDS_DATE_JSON = {
    "if": {"properties": {"status": {"const": "approved"}}, "required": ["status"]},
    "then": {"required": ["approved_on"], "properties": {"approved_on": DATE_JSON}},
}


def contact_value_json() -> dict:
    """The form of a contact's `value` that each `type` needs."""
    phone = text_json(rf"^\s*\+[\s()-]*({_DIGIT}[\s()-]*){{7,15}}$", "editor_phone")
    forms = {  # the part before @ is plain, so that a mailto: link holds nothing more
        "email": text_json(r"^\s*[A-Za-z0-9._+-]+@[^@\s]+\.[^@\s]+\s*$", "editor_email"),
        "phone": phone,
        "whatsapp": phone,
        "website": SECURE_URL_JSON,
        "linkedin": text_json(
            r"^https://([A-Za-z0-9-]+\.)*linkedin\.com([/?#][^\s]*)?$", "editor_linkedin"
        ),
    }
    for kind, form in HANDLES.items():
        forms[kind] = text_json(f"^@?{form}$", "editor_handle")
    return {
        "allOf": [
            {"if": {"properties": {"type": {"const": kind}}},
             "then": {"properties": {"value": form}}}
            for kind, form in forms.items()
        ]
    }  # fmt: skip


def countries_json(schema: dict) -> None:
    """The country codes CLDR knows, each with its Persian and English name, listed when
    the JSON Schema is written (editors offer them with their names)."""
    from .i18n import country_codes, country_name

    codes = country_codes()
    schema["enum"] = codes
    schema["enumDescriptions"] = [_both_names(country_name, code) for code in codes]


def languages_json(schema: dict) -> None:
    """The language codes CLDR knows, each with its Persian and English name."""
    from .i18n import language_codes, language_name

    codes = language_codes()
    schema["enum"] = codes
    schema["enumDescriptions"] = [_both_names(language_name, code) for code in codes]


def _both_names(name_of, code: str) -> str:
    names = []
    for lang in ("fa", "en"):
        try:
            names.append(name_of(code, lang))
        except KeyError:  # CLDR names a few codes in English only
            continue
    return " · ".join(dict.fromkeys(names))
