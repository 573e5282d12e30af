"""The field reference of the open-data page, read from the JSON Schemas of the files.

The schemas are the one description of the files: English descriptions come from them,
and every field they list must have its Persian description here, so the page can
never leave a field out or describe one that no longer exists.
"""

from __future__ import annotations

from .opendata import json_schema

# Objects shown as one field ("in Persian and English"), not field by field.
_WHOLE = {"#/$defs/text"}

PERSIAN = {
    # both files
    "meta": "دربارهٔ خود فایل: پروانه، نام منبع و نشانی راهنما.",
    "meta.licence": "پروانهٔ بهره‌برداری از داده‌ها: شناسهٔ SPDX، نام و نشانی آن.",
    "meta.licence.id": "شناسهٔ پروانه (`CC-BY-4.0`).",
    "meta.licence.name": "نام پروانه.",
    "meta.licence.url": "نشانی متن پروانه.",
    "meta.attribution": (
        "نامی که هنگام استفاده از داده‌ها باید به‌عنوان منبع آورد، به فارسی و انگلیسی."
    ),
    "meta.documentation": "نشانی همین صفحهٔ راهنما به فارسی و انگلیسی.",
    "meta.introductions": (
        "رایانامهٔ ادارهٔ امور بین‌الملل که شما را به هر شهروند دیپلماتی معرفی می‌کند، حتی "
        "کسانی که راه تماس عمومی ندارند."
    ),
    "meta.schema": "نشانی JSON Schema ای که ساختار فایل را توصیف می‌کند.",
    # diplomats.json
    "persons": "برای هر شهروند دیپلمات تأییدشده یک مورد.",
    "persons[].id": "شناسهٔ شخص، همان که در نشانی صفحه‌اش می‌آید (`diplomats/<id>/`).",
    "persons[].name": "نام به انگلیسی.",
    "persons[].other_names": "نام به فارسی و به انگلیسی.",
    "persons[].other_names[].name": "خود نام.",
    "persons[].other_names[].lang": (
        "زبان نام: `fa` (فارسی) یا `en` (انگلیسی)؛ برای نام محلی شهر نمی‌آید."
    ),
    "persons[].other_names[].note": (
        "برای شکل‌های فارسی و انگلیسی `multilingual` و برای نام شهر به زبان خودش `native`."
    ),
    "persons[].occupation": "پیشه یا نقش به فارسی و انگلیسی (اگر داده نشده باشد `null`).",
    "persons[].biography_html": (
        "زندگی‌نامهٔ کوتاه به فارسی و انگلیسی، به همان صورت HTML که در صفحهٔ شخص نمایش "
        "داده می‌شود (فقط بند، تأکید، فهرست و پیوند)."
    ),
    "persons[].languages": (
        "زبان‌هایی که شخص با آن‌ها کار می‌کند، با کدهای ISO 639-1 مانند `fa`، `de` و `en`."
    ),
    "persons[].activity_areas": "شناسهٔ حوزه‌های فعالیت شخص (فهرست آن‌ها در `activity_areas` است).",
    "persons[].approved_on": "تاریخ تأیید شخص از سوی اداره (میلادی، `YYYY-MM-DD`).",
    "persons[].verified_on": "تاریخ آخرین بازبینی اطلاعات با خود شخص، یا `null`.",
    "persons[].contact_details": (
        "راه‌های تماسی که شخص با انتشارشان موافقت کرده است؛ ممکن است خالی باشد."
    ),
    "persons[].contact_details[].type": (
        "نوع راه تماس: `email`، `phone`، `whatsapp`، `website`، `linkedin`، `instagram` "
        "یا `telegram`."
    ),
    "persons[].contact_details[].value": (
        "نشانی، شماره (به شکل بین‌المللی، `+…`)، نشانی وب یا نام کاربری (بدون `@`)."
    ),
    "persons[].links": "صفحهٔ شخص به فارسی و انگلیسی و کارت تماس او (`vCard`).",
    "persons[].links[].url": "نشانی.",
    "persons[].links[].note": (
        "چیستی پیوند: `profile (fa)`، `profile (en)`، `vCard`، `page (fa)`، `page (en)` یا "
        "`official website`."
    ),
    "persons[].image": "تصویر مربعی ۳۲۰ پیکسلی با قالب JPEG؛ اگر تصویری نباشد، نمی‌آید.",
    "organizations": (
        "برنامهٔ شهروند دیپلمات و همهٔ شهرهای خواهرخوانده؛ جزئیات کامل شهرها در `cities.json` است."
    ),
    "organizations[].id": (
        "برای برنامهٔ شهروند دیپلمات `programme` و برای هر شهر، شناسهٔ آن شهر، همان که در "
        "نشانی صفحه‌اش می‌آید (`cities/<id>/`)."
    ),
    "organizations[].classification": "`programme` (برنامه) یا `sister city` (شهر خواهرخوانده).",
    "organizations[].name": "نام به انگلیسی.",
    "organizations[].other_names": (
        "نام به فارسی و انگلیسی (و برای شهرها در `cities.json`، به زبان خود شهر)."
    ),
    "organizations[].other_names[].name": "خود نام.",
    "organizations[].other_names[].lang": "زبان نام: `fa` یا `en`؛ برای نام محلی شهر نمی‌آید.",
    "organizations[].other_names[].note": (
        "`multilingual` برای نام فارسی و انگلیسی، `native` برای نام محلی."
    ),
    "memberships": (
        "پیوند اشخاص با برنامه و شهرها: هر شخص عضو برنامه و عضو هر شهر خواهرخوانده‌ای است "
        "که با آن کار می‌کند."
    ),
    "memberships[].person_id": "شناسهٔ شخص.",
    "memberships[].organization_id": (
        "`programme`، یا شناسهٔ شهر خواهرخوانده‌ای که شخص با آن کار می‌کند."
    ),
    "memberships[].role": "همیشه `citizen diplomat` (شهروند دیپلمات).",
    "memberships[].start_date": "برای عضویت در برنامه: تاریخ تأیید.",
    "activity_areas": "حوزه‌های فعالیتی که در `persons[].activity_areas` به آن‌ها اشاره می‌شود.",
    "activity_areas[].id": "شناسهٔ حوزه، همان که در نشانی صفحه‌اش می‌آید (`fields/<id>/`).",
    "activity_areas[].name": "نام حوزه به فارسی و انگلیسی.",
    # cities.json
    "organizations[].country": "کشور، با کد دوحرفی ISO 3166-1 مانند `DE`.",
    "organizations[].coordinates": "موقعیت شهر.",
    "organizations[].coordinates.lat": "عرض جغرافیایی به درجه (WGS 84).",
    "organizations[].coordinates.lon": "طول جغرافیایی به درجه (WGS 84).",
    "organizations[].status": (
        "وضعیت پیمان: `active` (فعال)، `dormant` (راکد)، `suspended` (معلق) یا "
        "`proposed` (پیشنهادی)."
    ),
    "organizations[].twinned_since": (
        "آغاز خواهرخواندگی به روایت هر منبع؛ منابع گاهی با هم اختلاف دارند، پس ممکن است چند "
        "تاریخ بیاید. اگر تاریخ در دست نباشد، خالی است."
    ),
    "organizations[].twinned_since[].date": "تاریخ: `YYYY` یا `YYYY-MM` یا `YYYY-MM-DD` (میلادی).",
    "organizations[].twinned_since[].source": "منبعی که این تاریخ را می‌دهد، یا `null`.",
    "organizations[].twinned_since[].note": "توضیحی به فارسی و انگلیسی، یا `null`.",
    "organizations[].history": "تغییرهای وضعیت پیمان، از قدیم به جدید.",
    "organizations[].history[].date": "زمان تغییر وضعیت: `YYYY` یا `YYYY-MM` یا `YYYY-MM-DD`.",
    "organizations[].history[].status": "وضعیت از آن زمان به بعد.",
    "organizations[].history[].note": "آنچه رخ داد، به فارسی و انگلیسی.",
    "organizations[].history[].source": "منبع.",
    "organizations[].description": "توضیح کوتاه به فارسی و انگلیسی.",
    "organizations[].identifiers": "شناسهٔ شهر در پایگاه‌های دادهٔ دیگر (ویکی‌داده).",
    "organizations[].identifiers[].scheme": "نام پایگاه داده: `wikidata`.",
    "organizations[].identifiers[].identifier": "شناسهٔ شهر در آن پایگاه، مانند `Q2833`.",
    "organizations[].links": "وب‌سایت رسمی شهر و صفحهٔ آن در این سایت به فارسی و انگلیسی.",
    "organizations[].links[].url": "نشانی.",
    "organizations[].links[].note": "چیستی پیوند: `official website`، `page (fa)` یا `page (en)`.",
    "organizations[].sources": "منابع اطلاعات پیمان.",
    "organizations[].sources[].url": "نشانی منبع.",
}


def field_rows(name: str) -> list[tuple[str, str]]:
    """(field path, English description) for every field of `data/<name>.json`, in order."""
    schema = json_schema(name)
    rows: list[tuple[str, str]] = []
    _walk(schema, schema, "", rows)
    return rows


def _walk(schema: dict, node: dict, prefix: str, rows: list[tuple[str, str]]) -> None:
    for key, prop in node.get("properties", {}).items():
        path = f"{prefix}{key}"
        rows.append((path, prop.get("description", "")))
        target = prop.get("items", prop)
        ref = target.get("$ref")
        if ref and ref not in _WHOLE:
            inner = schema["$defs"][ref.rsplit("/", 1)[1]]
            _walk(schema, inner, path + ("[]." if "items" in prop else "."), rows)
        elif "properties" in target:
            _walk(schema, target, path + ".", rows)


def describe(path: str, english: str, lang: str) -> str:
    """A field's description in `lang`."""
    return PERSIAN[path] if lang == "fa" else english
