"""How each kind of value is written: the patterns that schema.py and the JSON Schemas share.

`schema.py` validates with these and with code; editors validate with the JSON Schemas
that `json_schema.py` writes from schema.py's models, which carry the fragments below.
Values arrive as text (see load.py), so the fragments describe text. A pattern cannot
say everything (that a date is real, that a phone number exists): those rules stay in
schema.py's validators, and the editor leaves them to `generator check`.
"""

from __future__ import annotations

MIN_YEAR = 1900
WIKIDATA = r"Q[1-9][0-9]*"
HANDLES = {"instagram": r"[A-Za-z0-9._]{1,30}", "telegram": r"[A-Za-z][A-Za-z0-9_]{4,31}"}

_YEAR = r"(19|[2-9][0-9])[0-9]{2}"  # MIN_YEAR and after
_MONTH, _DAY = r"(0[1-9]|1[0-2])", r"(0[1-9]|[12][0-9]|3[01])"
# After the host: no character a URL cannot hold as it is, and % only as an escape
# (schema._NOT_IN_URL says the same to the check).
_URL = (
    r"https?://([A-Za-z0-9-]+\.)+[A-Za-z]{2,}(:[0-9]+)?"
    r"([/?#]([^\s<>\"{}|\\^`%\x00-\x1f\x7f]|%[0-9A-Fa-f]{2})*)?"
)


def text_json(pattern: str, hint: str) -> dict:
    """A string of the form `pattern`; editors show `hint` when it does not match."""
    return {"type": "string", "pattern": pattern, "patternErrorMessage": hint}


LINE_JSON = text_json(r"^\s*[^\s<>]([^<>\n]*[^\s<>])?\s*$", "one line of text, without < or >")
MARKDOWN_JSON = text_json(r"\S", "text, not empty")
DATE_JSON = {
    **text_json(f"^{_YEAR}-{_MONTH}-{_DAY}$", 'a Gregorian date written "YYYY-MM-DD"'),
    "format": "date",
}
PARTIAL_DATE_JSON = {
    "anyOf": [
        text_json(
            f"^{_YEAR}(-{_MONTH}(-{_DAY})?)?$", 'a Gregorian "YYYY", "YYYY-MM" or "YYYY-MM-DD"'
        ),
        {"type": "integer", "minimum": MIN_YEAR, "maximum": 9999},  # `since: 2000`, unquoted
    ]
}
URL_JSON = text_json(f"^{_URL}$", "a web address starting with https://")
WIKIDATA_JSON = text_json(f"^{WIKIDATA}$", "a Wikidata id such as Q2833")
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
    phone = text_json(r"^\s*\+[\s()-]*([0-9][\s()-]*){7,15}$", 'international form: "+98 …"')
    forms = {
        "email": text_json(r"^\s*[^@\s]+@[^@\s]+\.[^@\s]+\s*$", "an e-mail address"),
        "phone": phone,
        "whatsapp": phone,
        "website": URL_JSON,
        "linkedin": text_json(
            r"^https?://([A-Za-z0-9-]+\.)*linkedin\.com([/?#][^\s]*)?$", "a linkedin.com address"
        ),
    }
    for kind, form in HANDLES.items():
        forms[kind] = text_json(f"^@?{form}$", "a user name such as @isfahan_city")
    return {
        "allOf": [
            {"if": {"properties": {"type": {"const": kind}}},
             "then": {"properties": {"value": form}}}
            for kind, form in forms.items()
        ]
    }  # fmt: skip


def countries_json(schema: dict) -> None:
    """The country codes CLDR knows, listed when the JSON Schema is written."""
    from .i18n import country_codes

    schema["enum"] = country_codes()


def languages_json(schema: dict) -> None:
    """The language codes CLDR knows, listed when the JSON Schema is written."""
    from .i18n import language_codes

    schema["enum"] = language_codes()
