"""What a valid record is: the data contract, version 1, declared once.

These frozen models are both the validator and the objects the rest of the generator
uses. Values arrive as text from `load` (see there why); each field type below parses
its text and says what it expected when it cannot.

They also carry, from `value_forms`, what `json_schema.py` needs to write the JSON
Schemas that editors use.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from typing import Annotated, Literal
from urllib.parse import quote, urlsplit

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

from . import hints
from . import value_forms as forms
from .messages import Message, Problem, define, joined, persian_digits, quoted, say
from .sanitize import nesting
from .search_text import normalise
from .value_forms import HANDLES, MIN_YEAR, WIKIDATA

SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"
# The Persian name a new file from the template holds until someone writes the real one.
PLACEHOLDER_NAME = "نام و نام خانوادگی"
DIPLOMAT_STATUSES = ("pending", "approved", "suspended", "withdrawn")
CITY_STATUSES = ("active", "dormant", "suspended", "proposed")
CONTACT_TYPES = ("email", "phone", "website", "linkedin", "instagram", "telegram", "whatsapp")

# ---------------------------------------------------------------------------- messages

define("one_line", "must be a single line", "باید در یک سطر نوشته شود")
define("no_angle_brackets", "must not contain '<' or '>'", "نباید نشانه‌های < یا > داشته باشد")
define(
    "invisible_char",
    "contains an invisible {name} (U+{code}): delete it, and type a plain space if one is needed",
    "یک نویسهٔ نامرئی {name} (U+{code}) دارد: پاکش کنید و اگر فاصله لازم است، فاصلهٔ معمولی بزنید",
)
define(
    "date_form",
    "expected a date written YYYY-MM-DD, found {found}",
    "تاریخ باید به شکل YYYY-MM-DD نوشته شود، اما {found} آمده است",
)
define(
    "date_write",
    'expected a date written YYYY-MM-DD with Latin digits, found {found}: write "{fixed}"',
    "تاریخ باید به شکل YYYY-MM-DD و با رقم‌های لاتین نوشته شود، اما {found} آمده است: "
    'بنویسید "{fixed}"',
)
define(
    "latin_digits",
    'dates are written with Latin digits: write "{fixed}", found {found}',
    'تاریخ با رقم‌های لاتین نوشته می‌شود: بنویسید "{fixed}"، اما {found} آمده است',
)
define(
    "date_jalali",
    '{found} is a Jalali (Solar Hijri) date; dates are Gregorian: write "{fixed}"',
    '{found} تاریخ خورشیدی است، اما تاریخ‌ها میلادی‌اند: بنویسید "{fixed}"',
)
define(
    "date_before",
    "{found} is before {year}: dates are Gregorian (a Jalali date such as 1400-06-29 must be "
    "written 2021-09-20)",
    "{found} پیش از سال {year} است: تاریخ‌ها میلادی‌اند (تاریخ خورشیدی ۱۴۰۰/۰۶/۲۹ را باید "
    "2021-09-20 نوشت)",
)
define(
    "date_not_real",
    "{found} is not a real date: there is no such month or day",
    "{found} تاریخ درستی نیست: چنین ماه یا روزی وجود ندارد",
)
define(
    "partial_date_form",
    "expected a date written YYYY, YYYY-MM or YYYY-MM-DD, found {found}",
    "تاریخ باید به شکل YYYY یا YYYY-MM یا YYYY-MM-DD نوشته شود، اما {found} آمده است",
)
define(
    "url_form",
    "expected a web address like https://example.org/page, found {found}",
    "نشانی وب باید مانند https://example.org/page باشد، اما {found} آمده است",
)
define(
    "url_scheme",
    "expected a web address starting with https:// (or http:// for an old source), found {found}",
    "نشانی وب باید با https:// (یا برای منبعی قدیمی با http://) شروع شود، اما {found} آمده است",
)
define(
    "url_https",
    "expected a secure web address starting with https://, found {found}",
    "نشانی وب باید امن باشد و با https:// شروع شود، اما {found} آمده است",
)
define(
    "url_userinfo",
    "a web address must not hold a user name or password before its host (the part before @), "
    "found {found}",
    "نشانی وب نباید پیش از نام میزبان، نام کاربری یا گذرواژه (بخش پیش از @) داشته باشد، اما "
    "{found} آمده است",
)
define(
    "country_code",
    "expected an ISO 3166-1 alpha-2 country code such as DE, found {found}",
    "کد دوحرفی کشور (ISO 3166-1) مانند DE لازم است، اما {found} آمده است",
)
define(
    "language_code",
    "expected a two-letter ISO 639-1 language code such as fa, found {found}",
    "کد دوحرفی زبان (ISO 639-1) مانند fa لازم است، اما {found} آمده است",
)
define("did_you_mean", "did you mean {fixed}?", "منظورتان {fixed} است؟")
define(
    "wikidata_id",
    "expected a Wikidata id such as Q2833, found {found}",
    "شناسهٔ ویکی‌داده مانند Q2833 لازم است، اما {found} آمده است",
)
define(
    "one_language_at_least",
    "give the text in at least one language (fa or en)",
    "متن را دست‌کم به یک زبان (fa یا en) بنویسید",
)
define(
    "email_invalid",
    "not a valid e-mail address: {found} (it needs a name, @ and a domain such as example.org)",
    "نشانی رایانامه درست نیست: {found} (نشانی یک نام، نشانهٔ @ و دامنه‌ای مانند example.org "
    "لازم دارد)",
)
define(
    "email_digits",
    'the e-mail address {found} has Persian digits: write "{fixed}"',
    'در نشانی رایانامهٔ {found} رقم فارسی هست: بنویسید "{fixed}"',
)
define(
    "email_characters",
    "an e-mail address here may hold only Latin letters, digits and . _ + - before the @, "
    "found {found}",
    "در نشانی رایانامه پیش از @ فقط حرف‌های لاتین، رقم و . _ + - پذیرفته است، اما {found} آمده است",
)
define(
    "phone_international",
    "write phone numbers in international form (+98 …), found {found}",
    "شمارهٔ تلفن را به شکل بین‌المللی (+98 …) بنویسید، اما {found} آمده است",
)
define(
    "phone_invalid",
    "not a valid phone number: {found}",
    "شمارهٔ تلفن درست نیست: {found}",
)
define(
    "linkedin_address",
    "expected a linkedin.com address, found {found}",
    "نشانی‌ای در linkedin.com لازم است، اما {found} آمده است",
)
define(
    "instagram_handle",
    "expected an instagram user name such as @isfahan_city, found {found}",
    "نام کاربری اینستاگرام مانند @isfahan_city لازم است، اما {found} آمده است",
)
define(
    "telegram_handle",
    "expected a telegram user name such as @isfahan_city, found {found}",
    "نام کاربری تلگرام مانند @isfahan_city لازم است، اما {found} آمده است",
)
define(
    "id_not_a_field",
    "'id' is not a field: the file name is the id",
    "«id» فیلد نیست: نام پرونده همان شناسه است",
)
define(
    "approved_needs_date",
    "is approved, so approved_on (the date of approval) is required",
    "وضعیت approved است، پس approved_on (تاریخ تأیید) لازم است",
)
define("in_future", "{found} is in the future", "{found} در آینده است")
define("listed_twice", "lists {found} twice", "{found} را دو بار آورده است")
define(
    "placeholder_name",
    "is still the template's example name {found}: write the person's real name",
    "هنوز نام نمونهٔ الگو، {found}، است: نام واقعی شخص را بنویسید",
)
define(
    "history_order",
    "list the changes oldest first",
    "تغییرها را به ترتیب تاریخ بنویسید، قدیمی‌ترین نخست",
)
define(
    "status_disagrees",
    "is {found} but the latest history entry says {latest}",
    "{found} است، اما آخرین مورد history می‌گوید {latest}",
)
define(
    "site_address",
    "expected the address of the site's home page, found {found}",
    "نشانی صفحهٔ اصلی سایت لازم است، اما {found} آمده است",
)

# ---------------------------------------------------------------------------- ids and bios

# An id names pages and files: `diplomats/<id>/`, `cities/<id>/`, `fields/<id>/`, and
# `<id>.vcf` beside them. Each of those folders' own listing is its `index` page, so an id
# `index` would be a second page on the listing's path; and the directory's later pages are
# `diplomats/page/2/` …, so a person `page` would have the folder of the directory's pages
# as a profile. The other names the build writes there cannot meet an id's page:
# `diplomats/facets.json`, `diplomats/cards-fa.json`, `diplomats/booklet.pdf`,
# `diplomats/_shell/` (ids have no `_` or `.`), a city's `<id>/page/2/` and
# `<id>/booklet.pdf`; everything else sits at the root or under en/.
RESERVED_IDS = frozenset({"index", "page"})
# The longest file name made from an id is a portrait, `<id>-320.webp`: 100 characters
# leave room within file systems' 255 bytes a name, and within Windows' 260 a path, where
# staff run the check. No real name needs more.
MAX_ID_LENGTH = 100
# A bio is a short introduction (the longest sample is under 500 characters). The limits
# keep every profile quick to build whatever a bio holds (sanitize.py).
MAX_BIO_LENGTH = 4000
# Levels of lists and quotes: past sanitize.MAX_NESTING the renderer stops, which reads as
# deeper than this (tests/test_sanitize.py).
MAX_BIO_NESTING = 8

define(
    "id_reserved",
    "{found} cannot be an id: the site's own listing page has that address; choose another",
    "{found} نمی‌تواند شناسه باشد: صفحهٔ فهرستِ خود سایت این نشانی را دارد؛ شناسهٔ دیگری برگزینید",
)
define(
    "id_too_long",
    "the id is {length} characters long; at most {limit} are allowed: choose a shorter one",
    "شناسه {length} نویسه دارد، اما بیشترین طول پذیرفته {limit} نویسه است: شناسهٔ کوتاه‌تری برگزینید",
)
define(
    "bio_too_long",
    "the text is {length} characters long; at most {limit} are allowed: a bio is a short "
    "introduction",
    "این متن {length} نویسه دارد، اما بیشترین طول پذیرفته {limit} نویسه است: زندگی‌نامه "
    "معرفی کوتاهی است",
)
define(
    "editor_bio",
    "text, not empty, at most {limit} characters",
    "متن؛ خالی نباشد و حداکثر {limit} نویسه داشته باشد",
)
define(
    "bio_too_deep",
    "lists and quotes are nested more than {limit} levels deep: write them flatter",
    "فهرست‌ها و نقل‌قول‌ها بیش از {limit} لایه تودرتو شده‌اند: آن‌ها را با لایه‌های کمتری بنویسید",
)


# For editors: not empty, and at most MAX_BIO_LENGTH characters once the spaces around are
# left out, as the check counts them.
_BIO_JSON = {
    "type": "string",
    "pattern": rf"^\s*[\s\S]{{0,{MAX_BIO_LENGTH - 1}}}\S\s*$",
    "patternErrorMessage": forms.hint("editor_bio", limit=MAX_BIO_LENGTH),
}


def id_problem(value: str) -> Message | None:
    """Why `value`, an id of the right form, cannot name pages and files; None if it can."""
    if value in RESERVED_IDS:
        return say("id_reserved", found=quoted(value))
    if len(value) > MAX_ID_LENGTH:
        return say("id_too_long", length=len(value), limit=MAX_ID_LENGTH)
    return None


def _usable_id(value: str) -> str:
    problem = id_problem(value)
    if problem:
        raise Problem(problem)
    return value


def _bounded_markdown(value: str) -> str:
    if len(value) > MAX_BIO_LENGTH:
        raise Problem(say("bio_too_long", length=len(value), limit=MAX_BIO_LENGTH))
    if nesting(value) > MAX_BIO_NESTING:
        raise Problem(say("bio_too_deep", limit=MAX_BIO_NESTING))
    return value


# ---------------------------------------------------------------------------- field types

# Line breaks other than "\n" (CR, NEL, the Unicode separators) break a line just the same;
# some spaces cannot be seen (ZWNJ, which Persian spelling needs, is not among them). The
# editors' schemas use the same lists (value_forms).
_LINE_BREAKS = re.compile(f"[{forms.LINE_BREAKS}]")
_INVISIBLE = re.compile(f"[{forms.INVISIBLE}]")


def _one_line(value: str) -> str:
    if _LINE_BREAKS.search(value):
        raise Problem(say("one_line"))
    if "<" in value or ">" in value:
        raise Problem(say("no_angle_brackets"))
    bad = _INVISIBLE.search(value)
    if bad:
        char = bad.group()
        name = "TAB" if char == "\t" else unicodedata.name(char)
        raise Problem(say("invisible_char", name=name, code=f"{ord(char):04X}"))
    return value


def _date_problem(text: str, form: str) -> Problem:
    """What is wrong with a date that is not written as it should be, with the fix if known."""
    fixed = hints.meant_date(text)
    if fixed and hints.is_jalali(text):
        return Problem(say("date_jalali", found=quoted(text), fixed=fixed))
    if fixed:
        return Problem(say("date_write", found=quoted(text), fixed=fixed))
    if hints.has_other_digits(text):
        return Problem(say("latin_digits", found=quoted(text), fixed=hints.latin_digits(text)))
    return Problem(say(form, found=quoted(text)))


def _iso_date(value: object) -> object:
    if isinstance(value, date):
        return value
    # [0-9], not \d: \d matches Persian digits too, and int() reads them as a year.
    if not isinstance(value, str) or not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        raise _date_problem(str(value), "date_form")
    try:
        parsed = date.fromisoformat(value)
    except ValueError:
        raise Problem(say("date_not_real", found=quoted(value))) from None
    _not_jalali(parsed.year, value)
    return parsed


_YEAR_SHOWN = Message(str(MIN_YEAR), persian_digits(MIN_YEAR))


def _not_jalali(year: int, text: str) -> None:
    # 1400-06-29 is a valid Gregorian date too: catch Jalali dates typed by mistake.
    if year < MIN_YEAR:
        if hints.is_jalali(text):
            raise _date_problem(text, "date_form")
        raise Problem(say("date_before", found=quoted(text), year=_YEAR_SHOWN))


def _partial_date(value: object) -> str:
    text = str(value)
    match = re.fullmatch(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?", text)
    if not match:
        raise _date_problem(text, "partial_date_form")
    year, month, day = (int(g) if g else None for g in match.groups())
    _not_jalali(year, text)
    try:
        date(year, month or 1, day or 1)
    except ValueError:
        raise Problem(say("date_not_real", found=quoted(text))) from None
    return text


def _web_url(value: str, secure: bool = False) -> str:
    malformed = Problem(say("url_form", found=quoted(value)))
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 -- reading it checks it: "https://example.org:abc/" fails
    except ValueError:
        raise malformed from None
    if parts.scheme != "https" and (secure or parts.scheme != "http"):
        raise Problem(say("url_https" if secure else "url_scheme", found=quoted(value)))
    if "@" in parts.netloc:
        raise Problem(say("url_userinfo", found=quoted(value)))
    host = parts.hostname or ""
    if not re.fullmatch(r"([a-z0-9-]+\.)+[a-z]{2,}", host.lower()) or re.search(_NOT_IN_URL, value):
        raise malformed
    return value


def _secure_url(value: str) -> str:
    return _web_url(value, secure=True)


# Characters a web address cannot hold as they are (a page's HTML would then be invalid),
# and a % that does not start an escape such as %20.
_NOT_IN_URL = r"[\s<>\"{}|\\^`\x00-\x1f\x7f-\x9f]|%(?![0-9A-Fa-f]{2})"


def _with_suggestion(message: Message, fixed: str | None) -> Problem:
    if fixed:
        return Problem(joined(message, say("did_you_mean", fixed=fixed)))
    return Problem(message)


def _country(value: str) -> str:
    from .i18n import country_code_of, is_country  # CLDR knows which codes are countries

    if not is_country(value):
        message = say("country_code", found=quoted(value))
        raise _with_suggestion(message, country_code_of(value))
    return value


def _language(value: str) -> str:
    from .i18n import is_language, language_code_of

    if not is_language(value):
        message = say("language_code", found=quoted(value))
        raise _with_suggestion(message, language_code_of(value))
    return value


def _wikidata_id(value: str) -> str:
    if not re.fullmatch(WIKIDATA, value):
        raise Problem(say("wikidata_id", found=quoted(value)))
    return value


Line = Annotated[
    str, Field(min_length=1), AfterValidator(_one_line), WithJsonSchema(forms.LINE_JSON)
]
MarkdownText = Annotated[
    str,
    Field(min_length=1),
    AfterValidator(_bounded_markdown),
    WithJsonSchema(_BIO_JSON),
]
Slug = Annotated[str, Field(pattern=SLUG)]
IsoDate = Annotated[date, BeforeValidator(_iso_date), WithJsonSchema(forms.DATE_JSON)]
PartialDate = Annotated[
    str, BeforeValidator(_partial_date), WithJsonSchema(forms.PARTIAL_DATE_JSON)
]
WebUrl = Annotated[str, AfterValidator(_web_url), WithJsonSchema(forms.URL_JSON)]
SecureUrl = Annotated[str, AfterValidator(_secure_url), WithJsonSchema(forms.URL_JSON)]
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
            raise Problem(say("one_language_at_least"))
        return self


class MarkdownByLanguage(Record):
    """Markdown in Persian, English or both."""

    model_config = ConfigDict(json_schema_extra=forms.ONE_LANGUAGE_AT_LEAST_JSON)

    fa: MarkdownText | None = None
    en: MarkdownText | None = None

    @model_validator(mode="after")
    def _one_language_at_least(self) -> MarkdownByLanguage:
        if self.fa is None and self.en is None:
            raise Problem(say("one_language_at_least"))
        return self


# ---------------------------------------------------------------------------- diplomats

# Other spellings of a person's name (`name.other`): search finds the person by them, but
# no page, card or file shows them (search_index.py adds them to the index alone).
MAX_OTHER_NAMES = 10
MAX_OTHER_NAME_LENGTH = 100
define(
    "other_name_is_name",
    "{found} is the name itself: list only other spellings here",
    "{found} خودِ نام است: اینجا فقط نگارش‌های دیگر نام را بنویسید",
)
define(
    "other_name_too_long",
    "{found} is {length} characters long; at most {limit} are allowed: write one spelling of "
    "the name",
    "{found} {length} نویسه دارد، اما بیشترین طول پذیرفته {limit} نویسه است: یک نگارش از نام "
    "را بنویسید",
)
define(
    "other_names_too_many",
    "lists {length} spellings; at most {limit} are allowed: keep those people really type",
    "{length} نگارش آورده است، اما بیشترین شمار پذیرفته {limit} است: آن‌هایی را نگه دارید که "
    "مردم واقعاً می‌نویسند",
)


def _one_spelling(value: str) -> str:
    if len(value) > MAX_OTHER_NAME_LENGTH:
        found = quoted(value[:40] + "…")
        raise Problem(
            say("other_name_too_long", found=found, length=len(value), limit=MAX_OTHER_NAME_LENGTH)
        )
    return value


OtherName = Annotated[
    str,
    Field(min_length=1),
    AfterValidator(_one_line),
    AfterValidator(_one_spelling),
    WithJsonSchema({**forms.LINE_JSON, "maxLength": MAX_OTHER_NAME_LENGTH}),
]


class PersonName(Text):
    """A person's name in both languages, and other spellings search should find."""

    # A tuple, not a list: a name stays hashable, as the Text it extends.
    other: tuple[OtherName, ...] = Field(
        default=(), json_schema_extra={**forms.UNIQUE_JSON, "maxItems": MAX_OTHER_NAMES}
    )

    @model_validator(mode="after")
    def _other_spellings_differ(self) -> PersonName:
        if len(self.other) > MAX_OTHER_NAMES:
            raise Problem(
                say("other_names_too_many", length=len(self.other), limit=MAX_OTHER_NAMES),
                "other",
            )
        # Compared as search compares them: case, marks and ZWNJ do not make a spelling.
        names = {normalise(self.fa), normalise(self.en)}
        seen: set[str] = set()
        for spelling in self.other:
            folded = normalise(spelling)
            if folded in names:
                raise Problem(say("other_name_is_name", found=quoted(spelling)), "other")
            if folded in seen:
                raise Problem(say("listed_twice", found=quoted(spelling)), "other")
            seen.add(folded)
        return self


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
        """Where a click on this channel goes.

        The address and handles are percent-encoded (RFC 6068, RFC 3986) although
        validation allows nothing that needs it: no value can then add a header, a
        recipient or a path to the link (`a?bcc=b@c` would add a recipient).
        """
        digits = self.value.replace(" ", "").replace("-", "")
        handle = quote(self.value, safe="")
        return {
            "email": f"mailto:{quote(self.value, safe='@')}",
            "phone": f"tel:{quote(digits, safe='+')}",
            "whatsapp": f"https://wa.me/{quote(digits.lstrip('+'), safe='')}",
            "instagram": f"https://www.instagram.com/{handle}/",
            "telegram": f"https://t.me/{handle}",
        }.get(self.type, self.value)


def _normalise_contact(kind: str, value: str) -> str:
    if kind == "email":
        return _email(value)
    if kind in ("phone", "whatsapp"):
        typed = hints.latin_digits(value)
        if not typed.startswith("+"):
            raise Problem(say("phone_international", found=quoted(value)))
        try:
            number = phonenumbers.parse(typed, None)
        except phonenumbers.NumberParseException:
            number = None
        if number is None or not phonenumbers.is_valid_number(number):
            raise Problem(say("phone_invalid", found=quoted(value)))
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    if kind in ("website", "linkedin"):
        _secure_url(value)
        host = (urlsplit(value).hostname or "").lower()
        if kind == "linkedin" and not (host == "linkedin.com" or host.endswith(".linkedin.com")):
            raise Problem(say("linkedin_address", found=quoted(value)))
        return value
    handle = value.removeprefix("@")
    if not re.fullmatch(HANDLES[kind], handle):
        raise Problem(say(f"{kind}_handle", found=quoted(value)))
    return handle


def _email(value: str) -> str:
    """A plain address: `mailto:` links and vCards carry it as it is, so nothing in it may
    be read as more than an address (`a?bcc=b@c` would add a recipient)."""
    if hints.has_other_digits(value):
        raise Problem(say("email_digits", found=quoted(value), fixed=hints.latin_digits(value)))
    local = value.rpartition("@")[0]
    if "@" in value and not re.fullmatch(r"[A-Za-z0-9._+-]+", local):
        raise Problem(say("email_characters", found=quoted(value)))
    try:
        return validate_email(value, check_deliverability=False).normalized
    except EmailNotValidError:
        raise Problem(say("email_invalid", found=quoted(value))) from None


class FileRecord(Record):
    """A record that is a whole file: its id is the file name, never a field."""

    id: SkipJsonSchema[Slug] = Field(default="", exclude=True)

    @model_validator(mode="before")
    @classmethod
    def _id_from_file_name(cls, data: object, info: ValidationInfo) -> object:
        if isinstance(data, dict) and info.context and "id" in info.context:
            if "id" in data:
                raise Problem(say("id_not_a_field"))
            data = {**data, "id": info.context["id"]}
        return data


class Diplomat(FileRecord):
    """One citizen diplomat: `diplomats/<id>.yml`."""

    model_config = ConfigDict(json_schema_extra=forms.APPROVED_NEEDS_DATE_JSON)

    name: PersonName
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
            raise Problem(say("approved_needs_date"), "status")
        if self.status != "pending" and self.name.fa == PLACEHOLDER_NAME:
            raise Problem(say("placeholder_name", found=quoted(PLACEHOLDER_NAME)), "name.fa")
        for name in ("approved_on", "verified_on"):
            value = getattr(self, name)
            if value and value > today:
                raise Problem(say("in_future", found=quoted(value.isoformat())), name)
        for name in ("cities", "fields", "languages"):
            values = getattr(self, name)
            twice = [v for i, v in enumerate(values) if v in values[:i]]
            if twice:
                raise Problem(say("listed_twice", found=quoted(twice[0])), name)
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
            raise Problem(say("history_order"), "history")
        if self.history and self.history[-1].status != self.status:
            latest = quoted(self.history[-1].status)
            raise Problem(
                say("status_disagrees", found=quoted(self.status), latest=latest), "status"
            )
        return self


# ---------------------------------------------------------------------------- the site


def _site_address(value: str) -> str:
    parts = urlsplit(value)
    if parts.query or parts.fragment:
        raise Problem(say("site_address", found=quoted(value)))
    return value if value.endswith("/") else value + "/"


class SiteSettings(Record):
    """`content/site.yml`: facts about the whole site, set once by the office."""

    site_url: Annotated[SecureUrl, AfterValidator(_site_address)]
    """Where the Persian home page is published; sitemap, feeds and contact cards need it."""
    office_email: Line
    """The international-affairs office's address for introduction requests."""

    @field_validator("office_email")
    @classmethod
    def _valid_email(cls, value: str) -> str:
        return _normalise_contact("email", value)


# ---------------------------------------------------------------------------- activity areas

AreaId = Annotated[str, Field(pattern=SLUG), AfterValidator(_usable_id)]


class ActivityArea(Text):
    """An activity area's label (`fa`, `en`), and what the area covers."""

    description: Text | None = None
    """A sentence or two on the area's page and in the list of areas, in both languages."""


ActivityAreas = dict[AreaId, ActivityArea]
"""`content/fields.yml`: each activity area's id with its Persian and English label and,
optionally, its description."""
