"""What a valid record is: the data contract, version 1, declared once.

These frozen models are both the validator and the objects the rest of the generator
uses. Values arrive as text from `load` (see there why); each field type below parses
its text and says what it expected when it cannot.

They also carry, from `value_forms`, what `json_schema.py` needs to write the JSON
Schemas that editors use.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Literal
from urllib.parse import urlsplit

import phonenumbers
from email_validator import EmailNotValidError, validate_email
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    Strict,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
    model_validator,
)
from pydantic.json_schema import SkipJsonSchema

from . import value_forms as forms
from .value_forms import HANDLES, MIN_YEAR, WIKIDATA

SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"
DIPLOMAT_STATUSES = ("pending", "approved", "suspended", "withdrawn")
CITY_STATUSES = ("active", "dormant", "suspended", "proposed")
CONTACT_TYPES = ("email", "phone", "website", "linkedin", "instagram", "telegram", "whatsapp")

# ---------------------------------------------------------------------------- field types


def _one_line(value: str) -> str:
    if "\n" in value:
        raise ValueError("must be a single line")
    if "<" in value or ">" in value:
        raise ValueError("must not contain '<' or '>'")
    return value


def _iso_date(value: object) -> object:
    if isinstance(value, date):
        return value
    # [0-9], not \d: \d matches Persian digits too, and int() reads them as a year.
    if not isinstance(value, str) or not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        raise ValueError(f"expected a date written YYYY-MM-DD, found {value!r}")
    try:
        parsed = date.fromisoformat(value)
    except ValueError as exc:
        raise ValueError(f"{value!r} is not a real date ({exc})") from None
    _not_jalali(parsed.year, value)
    return parsed


def _not_jalali(year: int, text: str) -> None:
    # 1400-06-29 is a valid Gregorian date too: catch Jalali dates typed by mistake.
    if year < MIN_YEAR:
        raise ValueError(
            f"{text!r} is before {MIN_YEAR}: dates are Gregorian (a Jalali date such as "
            "1400-06-29 must be written 2021-09-20)"
        )


def _partial_date(value: object) -> str:
    text = str(value)
    match = re.fullmatch(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?", text)
    if not match:
        raise ValueError(f"expected a date written YYYY, YYYY-MM or YYYY-MM-DD, found {text!r}")
    year, month, day = (int(g) if g else None for g in match.groups())
    _not_jalali(year, text)
    try:
        date(year, month or 1, day or 1)
    except ValueError as exc:
        raise ValueError(f"{text!r} is not a real date ({exc})") from None
    return text


def _web_url(value: str) -> str:
    malformed = f"expected a web address like https://example.org/page, found {value!r}"
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 -- reading it checks it: "https://example.org:abc/" fails
    except ValueError:
        raise ValueError(malformed) from None
    if parts.scheme not in ("http", "https"):
        raise ValueError(f"expected a web address starting with https://, found {value!r}")
    host = parts.hostname or ""
    if not re.fullmatch(r"([a-z0-9-]+\.)+[a-z]{2,}", host.lower()) or re.search(_NOT_IN_URL, value):
        raise ValueError(malformed)
    return value


# Characters a web address cannot hold as they are (a page's HTML would then be invalid),
# and a % that does not start an escape such as %20.
_NOT_IN_URL = r"[\s<>\"{}|\\^`\x00-\x1f\x7f]|%(?![0-9A-Fa-f]{2})"


def _country(value: str) -> str:
    from .i18n import is_country  # CLDR knows which codes are countries

    if not is_country(value):
        raise ValueError(f"expected an ISO 3166-1 alpha-2 country code such as DE, found {value!r}")
    return value


def _language(value: str) -> str:
    from .i18n import is_language

    if not is_language(value):
        raise ValueError(
            f"expected a two-letter ISO 639-1 language code such as fa, found {value!r}"
        )
    return value


def _wikidata_id(value: str) -> str:
    if not re.fullmatch(WIKIDATA, value):
        raise ValueError(f"expected a Wikidata id such as Q2833, found {value!r}")
    return value


Line = Annotated[
    str, Field(min_length=1), AfterValidator(_one_line), WithJsonSchema(forms.LINE_JSON)
]
MarkdownText = Annotated[str, Field(min_length=1), WithJsonSchema(forms.MARKDOWN_JSON)]
Slug = Annotated[str, Field(pattern=SLUG)]
IsoDate = Annotated[date, BeforeValidator(_iso_date), WithJsonSchema(forms.DATE_JSON)]
PartialDate = Annotated[
    str, BeforeValidator(_partial_date), WithJsonSchema(forms.PARTIAL_DATE_JSON)
]
WebUrl = Annotated[str, AfterValidator(_web_url), WithJsonSchema(forms.URL_JSON)]
CountryCode = Annotated[
    str, AfterValidator(_country), Field(json_schema_extra=forms.countries_json)
]
LanguageCode = Annotated[
    str, AfterValidator(_language), Field(json_schema_extra=forms.languages_json)
]
Boolean = Annotated[bool, Strict()]


class Record(BaseModel):
    """Base of every part of a data file: unknown keys are errors, values never change."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Text(Record):
    """A text given in both languages."""

    fa: Line
    en: Line


class OptionalText(Record):
    """A text in Persian, English or both; a missing language is shown as missing."""

    model_config = ConfigDict(json_schema_extra=forms.ONE_LANGUAGE_AT_LEAST_JSON)

    fa: Line | None = None
    en: Line | None = None

    @model_validator(mode="after")
    def _one_language_at_least(self) -> OptionalText:
        if self.fa is None and self.en is None:
            raise ValueError("give the text in at least one language (fa or en)")
        return self


class MarkdownByLanguage(Record):
    """Markdown in Persian, English or both."""

    model_config = ConfigDict(json_schema_extra=forms.ONE_LANGUAGE_AT_LEAST_JSON)

    fa: MarkdownText | None = None
    en: MarkdownText | None = None

    @model_validator(mode="after")
    def _one_language_at_least(self) -> MarkdownByLanguage:
        if self.fa is None and self.en is None:
            raise ValueError("give the text in at least one language (fa or en)")
        return self


# ---------------------------------------------------------------------------- diplomats


class Photo(Record):
    """A portrait in `diplomats/photos/`, with a description for people who cannot see it."""

    file: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]*\.(jpg|jpeg|png|webp)$")]
    alt: Text


class Contact(Record):
    """One way to reach the person; only `public: true` channels are ever published."""

    model_config = ConfigDict(json_schema_extra=forms.contact_value_json())

    type: Literal[CONTACT_TYPES]  # type: ignore[valid-type]
    value: Line
    public: Boolean

    @field_validator("value")
    @classmethod
    def _value_fits_type(cls, value: str, info: ValidationInfo) -> str:
        kind = info.data.get("type")
        return _normalise_contact(kind, value) if kind else value

    @property
    def url(self) -> str:
        """Where a click on this channel goes."""
        digits = self.value.replace(" ", "").replace("-", "")
        return {
            "email": f"mailto:{self.value}",
            "phone": f"tel:{digits}",
            "whatsapp": f"https://wa.me/{digits.lstrip('+')}",
            "instagram": f"https://www.instagram.com/{self.value}/",
            "telegram": f"https://t.me/{self.value}",
        }.get(self.type, self.value)


def _normalise_contact(kind: str, value: str) -> str:
    if kind == "email":
        try:
            return validate_email(value, check_deliverability=False).normalized
        except EmailNotValidError as exc:
            raise ValueError(f"not a valid e-mail address {value!r}: {exc}") from None
    if kind in ("phone", "whatsapp"):
        if not value.startswith("+"):
            raise ValueError(f"write phone numbers in international form (+98 …), found {value!r}")
        try:
            number = phonenumbers.parse(value, None)
        except phonenumbers.NumberParseException:
            number = None
        if number is None or not phonenumbers.is_valid_number(number):
            raise ValueError(f"not a valid phone number: {value!r}")
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    if kind in ("website", "linkedin"):
        _web_url(value)
        host = (urlsplit(value).hostname or "").lower()
        if kind == "linkedin" and not (host == "linkedin.com" or host.endswith(".linkedin.com")):
            raise ValueError(f"expected a linkedin.com address, found {value!r}")
        return value
    handle = value.removeprefix("@")
    if not re.fullmatch(HANDLES[kind], handle):
        raise ValueError(f"expected a {kind} user name such as @isfahan_city, found {value!r}")
    return handle


class FileRecord(Record):
    """A record that is a whole file: its id is the file name, never a field."""

    id: SkipJsonSchema[Slug] = Field(default="", exclude=True)

    @model_validator(mode="before")
    @classmethod
    def _id_from_file_name(cls, data: object, info: ValidationInfo) -> object:
        if isinstance(data, dict) and info.context and "id" in info.context:
            if "id" in data:
                raise ValueError("'id' is not a field: the file name is the id")
            data = {**data, "id": info.context["id"]}
        return data


class Diplomat(FileRecord):
    """One citizen diplomat: `diplomats/<id>.yml`."""

    model_config = ConfigDict(json_schema_extra=forms.APPROVED_NEEDS_DATE_JSON)

    name: Text
    status: Literal[DIPLOMAT_STATUSES]  # type: ignore[valid-type]
    approved_on: IsoDate | None = None
    verified_on: IsoDate | None = None
    cities: list[Slug] = Field(default_factory=list, json_schema_extra=forms.UNIQUE_JSON)
    fields: list[Slug] = Field(default_factory=list, json_schema_extra=forms.UNIQUE_JSON)
    languages: list[LanguageCode] = Field(default_factory=list, json_schema_extra=forms.UNIQUE_JSON)
    occupation: OptionalText | None = None
    bio: MarkdownByLanguage | None = None
    photo: Photo | None = None
    contacts: list[Contact] = Field(default_factory=list)

    @model_validator(mode="after")
    def _dates_fit_status(self) -> Diplomat:
        today = date.today()
        if self.status == "approved" and self.approved_on is None:
            raise ValueError(
                "status: is approved, so approved_on (the date of approval) is required"
            )
        for name in ("approved_on", "verified_on"):
            value = getattr(self, name)
            if value and value > today:
                raise ValueError(f"{name}: {value.isoformat()} is in the future")
        for name in ("cities", "fields", "languages"):
            values = getattr(self, name)
            if len(set(values)) != len(values):
                raise ValueError(f"{name}: lists the same value twice")
        return self

    @property
    def public_contacts(self) -> list[Contact]:
        """The channels the person agreed to publish; nothing else may be rendered."""
        return [c for c in self.contacts if c.public]


# ---------------------------------------------------------------------------- cities


class CityName(Record):
    fa: Line
    en: Line
    native: Line


class SinceClaim(Record):
    """One source's date for the twinning; sources can disagree, so there can be several."""

    date: PartialDate
    source: WebUrl | None = None
    note: Text | None = None


def _one_or_more_claims(value: object) -> object:
    """`since: "2000-01-14"` is short for a list with one claim and no source."""
    return [{"date": value}] if isinstance(value, str) else value


class StatusChange(Record):
    """A dated change in a partnership's status, with its evidence."""

    date: PartialDate
    status: Literal[CITY_STATUSES]  # type: ignore[valid-type]
    note: Text
    source: WebUrl


class SisterCity(FileRecord):
    """One sister city (or proposed one): `cities/<id>.yml`."""

    name: CityName
    country: CountryCode
    coordinates: tuple[
        Annotated[float, Field(ge=-90, le=90)], Annotated[float, Field(ge=-180, le=180)]
    ]
    since: Annotated[
        list[SinceClaim],
        BeforeValidator(_one_or_more_claims, json_schema_input_type=PartialDate | list[SinceClaim]),
    ] = Field(default_factory=list)
    status: Literal[CITY_STATUSES]  # type: ignore[valid-type]
    history: list[StatusChange] = Field(default_factory=list)
    description: OptionalText | None = None
    website: WebUrl | None = None
    sources: list[WebUrl] = Field(min_length=1)
    wikidata: (
        Annotated[str, AfterValidator(_wikidata_id), WithJsonSchema(forms.WIKIDATA_JSON)] | None
    ) = None

    @model_validator(mode="after")
    def _history_is_ordered(self) -> SisterCity:
        dates = [change.date for change in self.history]
        if dates != sorted(dates):
            raise ValueError("history: list the changes oldest first")
        if self.history and self.history[-1].status != self.status:
            raise ValueError(
                f"status: is {self.status!r} but the latest history entry says "
                f"{self.history[-1].status!r}"
            )
        return self


# ---------------------------------------------------------------------------- the site


def _site_address(value: str) -> str:
    parts = urlsplit(value)
    if parts.query or parts.fragment:
        raise ValueError(f"expected the address of the site's home page, found {value!r}")
    return value if value.endswith("/") else value + "/"


class SiteSettings(Record):
    """`content/site.yml`: facts about the whole site, set once by the office."""

    site_url: Annotated[WebUrl, AfterValidator(_site_address)]
    """Where the Persian home page is published; sitemap, feeds and contact cards need it."""
    office_email: Line
    """The international-affairs office's address for introduction requests."""

    @field_validator("office_email")
    @classmethod
    def _valid_email(cls, value: str) -> str:
        return _normalise_contact("email", value)


# ---------------------------------------------------------------------------- activity areas

ActivityAreas = dict[Slug, Text]
"""`content/fields.yml`: each activity area's id with its Persian and English label."""
