"""The help an editor shows for each field of a data file, in Persian and in English.

`json_schema.py` puts these texts into the editors' JSON Schemas: VS Code shows them when
the pointer rests on a field, and beside each suggestion while staff type. Each text says
what to write, with an example; the meaning of each field is that of the staff's data
guide (docs/data-contract.fa.md and .en.md), which stays the full reference.

A field is named by its path in the file: `name.fa`, `contacts[].value` (the `value` of
any contact), `coordinates[0]` (the first of the two numbers), `*.en` (the `en` of any
activity area); `""` is the file as a whole. A test fails when a field of the models has
no text here in either language, and when a path here is not a field any more.
Code and examples are written between backticks: the editor shows them as code.
"""

from __future__ import annotations

Texts = tuple[str, str]  # (Persian, English)

TITLES: dict[str, Texts] = {
    "diplomat": ("شهروند دیپلمات: diplomats/<id>.yml", "A citizen diplomat: diplomats/<id>.yml"),
    "city": ("شهر خواهرخوانده: cities/<id>.yml", "A sister city: cities/<id>.yml"),
    "fields": ("حوزه‌های فعالیت: content/fields.yml", "The activity areas: content/fields.yml"),
    "ids": (
        "شناسهٔ شهرهای خواهرخوانده و حوزه‌های فعالیت",
        "The ids of the sister cities and activity areas",
    ),
}

_STATUS_CHOICE_FA = (
    "`active` (امضا شده و برقرار)، `dormant` (امضا شده ولی راکد)، `suspended` (یکی از دو طرف "
    "تماس‌های رسمی را به حالت تعلیق درآورده) یا `proposed` (پیشنهاد شده، ولی از امضایش خبری "
    "در دست نیست)"
)
_STATUS_CHOICE_EN = (
    "`active` (signed and in force), `dormant` (signed, but the link has gone quiet), "
    "`suspended` (one side has formally suspended official contacts) or `proposed` "
    "(proposed, but not known to be signed)"
)

DOCS: dict[str, dict[str, Texts]] = {
    "diplomat": {
        "": (
            "یک شهروند دیپلمات. نام پرونده شناسهٔ شخص و نشانی صفحهٔ اوست، مانند "
            "`sara-ahmadi.yml`. فقط کسانی که `status: approved` دارند در سایت منتشر می‌شوند.",
            "One citizen diplomat. The file name is the person's id and the address of their "
            "page, like `sara-ahmadi.yml`. Only people with `status: approved` are published.",
        ),
        "name": (
            "نام شخص، به فارسی (`fa`) و انگلیسی (`en`)؛ هر دو لازم است.",
            "The person's name in Persian (`fa`) and English (`en`); both are required.",
        ),
        "name.fa": (
            "نام و نام خانوادگی به فارسی، همان‌طور که خود شخص می‌نویسد. نمونه: `مهدیه حسین‌زاده`",
            "The first and last name in Persian script, as the person writes it. "
            "Example: `مهدیه حسین‌زاده`",
        ),
        "name.en": (
            "نام و نام خانوادگی با حروف لاتین، همان‌طور که خود شخص به انگلیسی می‌نویسد. "
            "نمونه: `Mahdieh Hosseinzadeh`",
            "The first and last name in Latin letters, as the person writes it in English. "
            "Example: `Mahdieh Hosseinzadeh`",
        ),
        "name.other": (
            "اختیاری: نگارش‌های دیگر نام، به هر خطی، تا جست‌وجوی سایت شخص را با آن‌ها هم پیدا "
            "کند. در هیچ صفحه، کارت یا پرونده‌ای نمایش داده نمی‌شوند. حداکثر ۱۰ مورد، هر کدام "
            "حداکثر ۱۰۰ نویسه، بی‌تکرار. نمونه: `other: [Hoseinzadeh, Hosseinzade]`",
            "Optional: other spellings of the name, in any script, so that the site's search "
            "finds the person by them too. No page, card or file shows them. At most 10, each "
            "at most 100 characters, none repeated. Example: `other: [Hoseinzadeh, Hosseinzade]`",
        ),
        "status": (
            "جایگاه شخص در برنامه: `pending` (درخواست رسیده، هنوز تأیید نشده)، `approved` "
            "(تأییدشده؛ منتشر می‌شود)، `suspended` (اداره نمایش او را موقتاً متوقف کرده) یا "
            "`withdrawn` (از برنامه بیرون رفته یا درخواستش را پس گرفته). فقط `approved` در "
            "سایت دیده می‌شود. نمونه: `status: pending`",
            "Where the person stands in the programme: `pending` (application received, not "
            "yet approved), `approved` (published), `suspended` (listing paused by the office) "
            "or `withdrawn` (left the programme or withdrew the application). Only `approved` "
            "people appear on the site. Example: `status: pending`",
        ),
        "approved_on": (
            "روزی که اداره شخص را تأیید کرد، به میلادی و داخل گیومه؛ وقتی `status` برابر "
            "`approved` است لازم است و در صفحه با عنوان «عضو برنامه از» می‌آید. اگر شخص بعدها "
            'معلق شد یا کنار رفت، آن را پاک نکنید. نمونه: `approved_on: "2021-09-20"`',
            "The day the office approved the person, Gregorian and in quotes; required when "
            "`status` is `approved`, and shown as “Member since”. Keep it if the person is "
            'later suspended or withdraws. Example: `approved_on: "2021-09-20"`',
        ),
        "verified_on": (
            "آخرین روزی که اطلاعات را با خود شخص بازبینی کردید، به میلادی و داخل گیومه؛ با "
            "عنوان «آخرین بازبینی» نشان داده می‌شود. اگر بیش از ۱۲ ماه بگذرد، بررسی خودکار "
            "هشدار می‌دهد. فقط وقتی واقعاً بازبینی کرده‌اید تغییرش دهید. "
            'نمونه: `verified_on: "2026-05-11"`',
            "The day you last checked the details with the person, Gregorian and in quotes; "
            "shown as “Last verified”. The check warns once it is more than 12 months old. "
            'Change it only when you really checked. Example: `verified_on: "2026-05-11"`',
        ),
        "cities": (
            "شهرهای خواهرخوانده‌ای که شخص با آن‌ها کار می‌کند: شناسهٔ پرونده‌ها در پوشهٔ "
            "`cities/` (نام پرونده بدون `.yml`)، هر کدام یک بار. ویرایشگر شناسه‌ها را پیشنهاد "
            "می‌دهد. نمونه: `cities: [freiburg, xian]`",
            "The sister cities the person works with: ids of files in `cities/` (the file "
            "name without `.yml`), each once. The editor suggests the ids. "
            "Example: `cities: [freiburg, xian]`",
        ),
        "fields": (
            "حوزه‌های فعالیت شخص: شناسه‌ها از `content/fields.yml`، هر کدام یک بار. ویرایشگر "
            "شناسه‌ها را پیشنهاد می‌دهد. نمونه: `fields: [academia, culture]`",
            "The person's activity areas: ids from `content/fields.yml`, each once. The "
            "editor suggests the ids. Example: `fields: [academia, culture]`",
        ),
        "languages": (
            "زبان‌هایی که شخص به آن‌ها کار می‌کند: کد دوحرفی ISO 639-1 با حروف کوچک لاتین، هر "
            "کدام یک بار. نام زبان‌ها خودکار به فارسی و انگلیسی در سایت نوشته می‌شود. "
            "نمونه: `languages: [fa, en, de]`",
            "The languages the person works in: two-letter ISO 639-1 codes in lower case, "
            "each once; the site writes their names itself. Example: `languages: [fa, en, de]`",
        ),
        "occupation": (
            "شغل یا نقش شخص، در یک سطر؛ به فارسی (`fa`) یا انگلیسی (`en`) یا هر دو.",
            "The person's job or role, in one line; in Persian (`fa`), English (`en`) or both.",
        ),
        "occupation.fa": (
            "شغل یا نقش به فارسی، در یک سطر. نمونه: `دانشیار مهندسی منابع آب`",
            "The job or role in Persian, in one line. Example: `دانشیار مهندسی منابع آب`",
        ),
        "occupation.en": (
            "شغل یا نقش به انگلیسی، در یک سطر. "
            "نمونه: `Associate professor of water-resources engineering`",
            "The job or role in English, in one line. "
            "Example: `Associate professor of water-resources engineering`",
        ),
        "bio": (
            "معرفی کوتاه شخص (دو تا پنج جمله کافی است)، به فارسی یا انگلیسی یا هر دو، با "
            "قالب مارک‌داون. اگر متن یک زبان را ندارید، آن زبان را ننویسید و متن زبان دیگر را "
            "در آن کپی نکنید؛ صفحه خودش می‌گوید که متن هنوز به آن زبان نوشته نشده است.",
            "A short introduction (two to five sentences is plenty), in Persian, English or "
            "both, in Markdown. Leave a language out rather than copying the other one into "
            "it; the page then says the text is not yet available in that language.",
        ),
        "bio.fa": (
            "معرفی به فارسی. بعد از `fa:` نشانهٔ `|` را بگذارید و متن را در سطرهای بعد با "
            "تورفتگی بنویسید؛ یک سطر خالی بند تازه‌ای آغاز می‌کند. `**پررنگ**`، `*کج*`، فهرست "
            "و پیوند `[متن](https://example.org/page)` مجاز است. "
            "نمونه: `fa: |` و در سطر بعد `نخستین بند معرفی.`",
            "The introduction in Persian. Put `|` after `fa:` and write the text indented on "
            "the lines below; a blank line starts a new paragraph. `**bold**`, `*italic*`, "
            "lists and links `[text](https://example.org/page)` are allowed. "
            "Example: `fa: |`, then on the next line `نخستین بند معرفی.`",
        ),
        "bio.en": (
            "معرفی به انگلیسی. بعد از `en:` نشانهٔ `|` را بگذارید و متن را در سطرهای بعد با "
            "تورفتگی بنویسید؛ یک سطر خالی بند تازه‌ای آغاز می‌کند. "
            "نمونه: `en: |` و در سطر بعد `First paragraph.`",
            "The introduction in English. Put `|` after `en:` and write the text indented on "
            "the lines below; a blank line starts a new paragraph. `**bold**`, `*italic*`, "
            "lists and links `[text](https://example.org/page)` are allowed. "
            "Example: `en: |`, then on the next line `First paragraph.`",
        ),
        "photo": (
            "عکس شخص، فقط با رضایت خود او: نام پرونده (`file`) و توصیف عکس (`alt`). عکس مربعی "
            "که چهره در میانه‌اش باشد بهترین نتیجه را می‌دهد.",
            "The person's portrait, only with their consent: the file name (`file`) and a "
            "description (`alt`). A square picture with the face in the middle works best.",
        ),
        "photo.file": (
            "نام پرونده‌ای در پوشهٔ `diplomats/photos/`: حروف کوچک لاتین، رقم، `-` و `_`، با "
            "پسوند `.jpg`، `.jpeg`، `.png` یا `.webp`. آن را هم‌نام شناسهٔ شخص بگذارید. "
            "نمونه: `file: sara-ahmadi.jpg`",
            "The name of a file in `diplomats/photos/`: lower-case letters, digits, `-` and "
            "`_`, ending in `.jpg`, `.jpeg`, `.png` or `.webp`. Name it after the person's "
            "id. Example: `file: sara-ahmadi.jpg`",
        ),
        "photo.alt": (
            "توصیف عکس برای کسانی که نمی‌توانند آن را ببینند، به فارسی (`fa`) و انگلیسی "
            "(`en`)؛ هر دو لازم است.",
            "What the photo shows, for people who cannot see it, in Persian (`fa`) and "
            "English (`en`); both are required.",
        ),
        "photo.alt.fa": (
            "آنچه عکس نشان می‌دهد، به فارسی و در یک سطر. نمونه: `سارا احمدی در کتابخانهٔ دانشگاه`",
            "What the photo shows, in Persian, in one line. "
            "Example: `سارا احمدی در کتابخانهٔ دانشگاه`",
        ),
        "photo.alt.en": (
            "آنچه عکس نشان می‌دهد، به انگلیسی و در یک سطر. "
            "نمونه: `Sara Ahmadi in the university library`",
            "What the photo shows, in English, in one line. "
            "Example: `Sara Ahmadi in the university library`",
        ),
        "contacts": (
            "راه‌های تماس با شخص. هر مورد سه فیلد دارد: `type`، `value` و `public`. فقط "
            "موردهایی که `public: true` دارند منتشر می‌شوند. نمونه: `- type: email` و زیر آن "
            "`value: sara.ahmadi@example.org` و `public: false`",
            "Ways to reach the person. Each entry has three fields: `type`, `value` and "
            "`public`. Only entries with `public: true` are published. Example: "
            "`- type: email`, then under it `value: sara.ahmadi@example.org` and `public: false`",
        ),
        "contacts[].type": (
            "گونهٔ راه تماس: `email`، `phone`، `whatsapp`، `website`، `linkedin`، `instagram` "
            "یا `telegram`. یک گونه را می‌شود چند بار آورد. نمونه: `type: phone`",
            "The kind of channel: `email`, `phone`, `whatsapp`, `website`, `linkedin`, "
            "`instagram` or `telegram`. A kind may appear more than once. Example: `type: phone`",
        ),
        "contacts[].value": (
            "نشانی یا شماره، به شکلی که `type` می‌خواهد: برای ایمیل نشانی ایمیل؛ برای تلفن و "
            'واتس‌اپ شماره به شکل بین‌المللی و داخل گیومه (`"+44 20 7946 0123"`)؛ برای وب‌سایت و '
            "لینکدین نشانی وب با `https://`؛ و برای اینستاگرام و تلگرام نام کاربری داخل گیومه "
            '(`"@sample_sara"`). نمونه: `value: sara.ahmadi@example.org`',
            "The address or number, in the form its `type` needs: an e-mail address; a phone "
            'or WhatsApp number in international form and in quotes (`"+44 20 7946 0123"`); a '
            "web address starting with `https://` for a website or LinkedIn; an Instagram or "
            'Telegram user name in quotes (`"@sample_sara"`). '
            "Example: `value: sara.ahmadi@example.org`",
        ),
        "contacts[].public": (
            "`true` یعنی این راه تماس منتشر شود و `false` یعنی فقط نزد اداره بماند؛ بدون "
            "گیومه. `true` را فقط وقتی بنویسید که شخص با انتشار همین راه تماس موافقت کرده "
            "باشد. نمونه: `public: false`",
            "`true` to publish this channel, `false` to keep it for the office only; without "
            "quotes. Write `true` only when the person has agreed to publish this very "
            "channel. Example: `public: false`",
        ),
    },
    "city": {
        "": (
            "یک شهر خواهرخوانده (یا شهری که خواهرخواندگی‌اش پیشنهاد شده است). نام پرونده "
            "شناسهٔ شهر و نشانی صفحهٔ آن است، مانند `freiburg.yml`.",
            "One sister city (or proposed one). The file name is the city's id and the "
            "address of its page, like `freiburg.yml`.",
        ),
        "name": (
            "نام شهر به فارسی (`fa`)، انگلیسی (`en`) و زبان خود آن شهر (`native`)؛ هر سه لازم است.",
            "The city's name in Persian (`fa`), English (`en`) and its own language "
            "(`native`); all three are required.",
        ),
        "name.fa": (
            "نام شهر به فارسی. نمونه: `فرایبورگ`",
            "The city's name in Persian. Example: `فرایبورگ`",
        ),
        "name.en": (
            "نام شهر به انگلیسی. نمونه: `Freiburg im Breisgau`",
            "The city's name in English. Example: `Freiburg im Breisgau`",
        ),
        "name.native": (
            "نام شهر به زبان و خط خود آن شهر. نمونه: `Freiburg im Breisgau`، یا "
            "`Санкт-Петербург` برای سن‌پترزبورگ",
            "The city's name in its own language and script. Example: `Freiburg im "
            "Breisgau`, or `Санкт-Петербург` for Saint Petersburg",
        ),
        "country": (
            "کد دوحرفی کشور طبق ISO 3166-1، با حروف بزرگ لاتین. ویرایشگر کدها را با نام "
            "کشورها پیشنهاد می‌دهد. نمونه: `country: DE` برای آلمان",
            "The country's two-letter ISO 3166-1 code, in capitals. The editor suggests the "
            "codes with the countries' names. Example: `country: DE` for Germany",
        ),
        "coordinates": (
            "جایی که نقشه نشان می‌دهد: دو عدد اعشاری با رقم لاتین، اول عرض جغرافیایی (بین "
            "`-90` و `90`) و بعد طول جغرافیایی (بین `-180` و `180`). "
            "نمونه: `coordinates: [47.999, 7.8421]`",
            "Where the map points: two decimal numbers, latitude first (from `-90` to `90`), "
            "then longitude (from `-180` to `180`). Example: `coordinates: [47.999, 7.8421]`",
        ),
        "coordinates[0]": (
            "عرض جغرافیایی، بین `-90` و `90`؛ برای نیمکرهٔ جنوبی منفی. نمونه: `47.999`",
            "The latitude, from `-90` to `90`; negative south of the equator. Example: `47.999`",
        ),
        "coordinates[1]": (
            "طول جغرافیایی، بین `-180` و `180`؛ برای غرب گرینویچ منفی. نمونه: `7.8421`",
            "The longitude, from `-180` to `180`; negative west of Greenwich. Example: `7.8421`",
        ),
        "since": (
            "تاریخ امضای پیمان خواهرخواندگی: یا یک تاریخ میلادی داخل گیومه "
            '(`since: "2000-10"`)، یا فهرستی از ادعاها، هر منبع یک مورد، وقتی منابع اختلاف '
            "دارند یا می‌خواهید منبع را بنویسید. اگر تاریخی در دست نیست، این فیلد را ننویسید.",
            'When the twinning was signed: one Gregorian date in quotes (`since: "2000-10"`), '
            "or a list of claims, one per source, when sources disagree or you want to name "
            "the source. Leave the field out when no date is known.",
        ),
        "since[].date": (
            "تاریخی که این منبع می‌گوید، به میلادی و داخل گیومه: سال، سال و ماه، یا روز کامل. "
            'نمونه: `date: "2000-10-27"`',
            "The date this source gives, Gregorian and in quotes: a year, a year and month, "
            'or a full day. Example: `date: "2000-10-27"`',
        ),
        "since[].source": (
            "نشانی وب منبعی که این تاریخ را می‌گوید. نمونه: `source: https://example.org/news`",
            "The web address of the source that gives this date. "
            "Example: `source: https://example.org/news`",
        ),
        "since[].note": (
            "یادداشتی دربارهٔ این ادعا، به فارسی (`fa`) و انگلیسی (`en`)؛ اگر آمد، هر دو لازم است.",
            "A note on this claim in Persian (`fa`) and English (`en`); if given, both are "
            "required.",
        ),
        "since[].note.fa": (
            "یادداشت به فارسی، در یک سطر. "
            "نمونه: `شهر فرایبورگ آغاز این پیوند را اکتبر ۲۰۰۰ اعلام می‌کند.`",
            "The note in Persian, in one line. "
            "Example: `شهر فرایبورگ آغاز این پیوند را اکتبر ۲۰۰۰ اعلام می‌کند.`",
        ),
        "since[].note.en": (
            "یادداشت به انگلیسی، در یک سطر. "
            "نمونه: `Freiburg gives October 2000 as the start of the partnership.`",
            "The note in English, in one line. "
            "Example: `Freiburg gives October 2000 as the start of the partnership.`",
        ),
        "status": (
            f"وضعیت پیوند: {_STATUS_CHOICE_FA}. اگر `history` دارد، باید با وضعیت آخرین "
            "مورد آن یکی باشد. نمونه: `status: active`",
            f"The state of the partnership: {_STATUS_CHOICE_EN}. If there is a `history`, "
            "it must equal the status of its last entry. Example: `status: active`",
        ),
        "history": (
            "تغییرهای وضعیت پیوند، از قدیم به جدید، هر کدام با تاریخ، وضعیت تازه، یادداشت و "
            "مدرک. `status` شهر باید با وضعیت آخرین مورد یکی باشد.",
            "The changes of the partnership's status, oldest first, each with its date, new "
            "status, note and evidence. The city's `status` must equal that of the last entry.",
        ),
        "history[].date": (
            "تاریخ این تغییر، به میلادی و داخل گیومه، نه در آینده: سال، سال و ماه، یا روز "
            'کامل. نمونه: `date: "2023-01-31"`',
            "When the change happened, Gregorian and in quotes, not in the future: a year, a "
            'year and month, or a full day. Example: `date: "2023-01-31"`',
        ),
        "history[].status": (
            f"وضعیتی که پیوند با این تغییر پیدا کرد: {_STATUS_CHOICE_FA}. "
            "نمونه: `status: suspended`",
            f"The status the change brought: {_STATUS_CHOICE_EN}. Example: `status: suspended`",
        ),
        "history[].note": (
            "چه اتفاقی افتاد، به فارسی (`fa`) و انگلیسی (`en`)؛ هر دو لازم است.",
            "What happened, in Persian (`fa`) and English (`en`); both are required.",
        ),
        "history[].note.fa": (
            "آنچه اتفاق افتاد، به فارسی و در یک سطر. نمونه: `پیمان خواهرخواندگی امضا شد.`",
            "What happened, in Persian, in one line. Example: `پیمان خواهرخواندگی امضا شد.`",
        ),
        "history[].note.en": (
            "آنچه اتفاق افتاد، به انگلیسی و در یک سطر. نمونه: `Twinning agreement signed.`",
            "What happened, in English, in one line. Example: `Twinning agreement signed.`",
        ),
        "history[].source": (
            "نشانی وب مدرک این تغییر؛ لازم است. نمونه: `source: https://example.org/news`",
            "The web address of the evidence for this change; required. "
            "Example: `source: https://example.org/news`",
        ),
        "description": (
            "توضیح کوتاه دربارهٔ شهر و پیوندش با اصفهان، در یک سطر (نه مارک‌داون)؛ به فارسی "
            "(`fa`) یا انگلیسی (`en`) یا هر دو.",
            "A short description of the city and its link with Isfahan, in one line (not "
            "Markdown); in Persian (`fa`), English (`en`) or both.",
        ),
        "description.fa": (
            "توضیح به فارسی، در یک سطر. "
            "نمونه: `فرایبورگ در آلمان از اکتبر ۲۰۰۰ خواهرخواندهٔ اصفهان است.`",
            "The description in Persian, in one line. "
            "Example: `فرایبورگ در آلمان از اکتبر ۲۰۰۰ خواهرخواندهٔ اصفهان است.`",
        ),
        "description.en": (
            "توضیح به انگلیسی، در یک سطر. نمونه: `Freiburg im Breisgau, in Germany, has been "
            "Isfahan's sister city since October 2000.`",
            "The description in English, in one line. Example: `Freiburg im Breisgau, in "
            "Germany, has been Isfahan's sister city since October 2000.`",
        ),
        "website": (
            "وب‌سایت رسمی شهر، با `https://`. نمونه: `website: https://www.freiburg.de`",
            "The city's official website, with `https://`. "
            "Example: `website: https://www.freiburg.de`",
        ),
        "sources": (
            "نشانی وب منابعی که اطلاعات این پرونده از آن‌ها آمده است؛ دست‌کم یکی لازم است، "
            "هر کدام در سطری که با `- ` شروع می‌شود. نمونه: `- https://example.org/news`",
            "The web addresses the facts in this file come from; at least one is required, "
            "each on a line starting with `- `. Example: `- https://example.org/news`",
        ),
        "wikidata": (
            "شناسهٔ شهر در ویکی‌داده: حرف `Q` و پس از آن رقم. نمونه: `wikidata: Q2833`",
            "The city's Wikidata item: `Q` followed by digits. Example: `wikidata: Q2833`",
        ),
    },
    "fields": {
        "": (
            "فهرست حوزه‌های فعالیت: برای هر حوزه یک شناسه و زیر آن عنوان فارسی و انگلیسی. "
            "پرونده‌های شهروند دیپلمات‌ها زیر `fields:` به همین شناسه‌ها ارجاع می‌دهند؛ برای "
            "حوزه‌ای تازه، اول آن را اینجا بیفزایید.",
            "The list of activity areas: for each, an id and under it the Persian and "
            "English label. Diplomat files refer to these ids under `fields:`; to use a new "
            "area, add it here first.",
        ),
        "*": (
            "یک حوزهٔ فعالیت: شناسه (حروف کوچک لاتین، رقم و خط تیرهٔ تکی) و عنوان فارسی "
            "(`fa`) و انگلیسی (`en`) آن؛ هر دو عنوان لازم است. تغییر شناسه نشانی صفحهٔ آن "
            "حوزه را هم عوض می‌کند. نمونه: `academia:`",
            "One activity area: its id (lower-case Latin letters, digits and single hyphens) "
            "with its Persian (`fa`) and English (`en`) label; both are required. Renaming "
            "the id changes the address of the area's page. Example: `academia:`",
        ),
        "*.fa": (
            "عنوان حوزه به فارسی، در یک سطر. نمونه: `دانشگاهی و پژوهشی`",
            "The area's label in Persian, in one line. Example: `دانشگاهی و پژوهشی`",
        ),
        "*.en": (
            "عنوان حوزه به انگلیسی، در یک سطر. نمونه: `Academia and research`",
            "The area's label in English, in one line. Example: `Academia and research`",
        ),
        "*.description": (
            "اختیاری: یکی دو جمله دربارهٔ اینکه این حوزه چه کارهایی را در بر می‌گیرد، به "
            "فارسی (`fa`) و انگلیسی (`en`)؛ هر دو لازم است. در صفحهٔ حوزه و فهرست حوزه‌ها "
            "می‌آید.",
            "Optional: a sentence or two on what the area covers, in Persian (`fa`) and "
            "English (`en`); both are required. Shown on the area's page and in the list of "
            "areas.",
        ),
        "*.description.fa": (
            "توضیح حوزه به فارسی، در یک سطر. نمونه: `استادان، پژوهشگران و دانشجویانی که با "
            "دانشگاه‌های شهر خواهرخوانده کار مشترک دارند.`",
            "The area's description in Persian, in one line. Example: `استادان، پژوهشگران و "
            "دانشجویانی که با دانشگاه‌های شهر خواهرخوانده کار مشترک دارند.`",
        ),
        "*.description.en": (
            "توضیح حوزه به انگلیسی، در یک سطر. نمونه: `Academics, researchers and students "
            "working with universities in a sister city.`",
            "The area's description in English, in one line. Example: `Academics, "
            "researchers and students working with universities in a sister city.`",
        ),
    },
}

# What each allowed value of a field means, shown beside it in the editor's suggestions.
_CITY_STATUSES: dict[str, Texts] = {
    "active": ("امضا شده و برقرار", "signed and in force"),
    "dormant": ("امضا شده، ولی پیوند راکد مانده", "signed, but the link has gone quiet"),
    "suspended": (
        "یکی از دو طرف تماس‌های رسمی را به حالت تعلیق درآورده",
        "one side has formally suspended official contacts",
    ),
    "proposed": (
        "پیشنهاد شده، ولی از امضایش خبری در دست نیست",
        "proposed, but not known to be signed",
    ),
}
VALUES: dict[str, dict[str, dict[str, Texts]]] = {
    "diplomat": {
        "status": {
            "pending": (
                "درخواست رسیده، هنوز تأیید نشده؛ منتشر نمی‌شود",
                "application received, not yet approved; not published",
            ),
            "approved": (
                "ادارهٔ امور بین‌الملل تأییدش کرده؛ منتشر می‌شود",
                "approved by the international-affairs office; published",
            ),
            "suspended": (
                "اداره نمایش او را موقتاً متوقف کرده؛ منتشر نمی‌شود",
                "listing paused by the office; not published",
            ),
            "withdrawn": (
                "از برنامه بیرون رفته یا درخواستش را پس گرفته؛ منتشر نمی‌شود",
                "left the programme or withdrew the application; not published",
            ),
        },
        "contacts[].type": {
            "email": ("ایمیل", "e-mail"),
            "phone": ("تلفن، به شکل بین‌المللی", "telephone, in international form"),
            "website": ("وب‌سایت", "website"),
            "linkedin": ("صفحه‌ای در linkedin.com", "a page on linkedin.com"),
            "instagram": ("نام کاربری اینستاگرام", "Instagram user name"),
            "telegram": ("نام کاربری تلگرام", "Telegram user name"),
            "whatsapp": (
                "شمارهٔ واتس‌اپ، به شکل بین‌المللی",
                "WhatsApp number, in international form",
            ),
        },
    },
    "city": {"status": _CITY_STATUSES, "history[].status": _CITY_STATUSES},
}

# The entries of the lists of ids in ids.schema.json (one per city or activity area).
ID_DOCS: dict[str, Texts] = {
    "city": (
        "شناسهٔ یک شهر خواهرخوانده: نام پرونده‌اش در `cities/` بدون `.yml`. نمونه: `freiburg`",
        "A sister city's id: its file name in `cities/` without `.yml`. Example: `freiburg`",
    ),
    "field": (
        "شناسهٔ یک حوزهٔ فعالیت از `content/fields.yml`. نمونه: `academia`",
        "An activity area's id from `content/fields.yml`. Example: `academia`",
    ),
}


def markdown(texts: Texts) -> str:
    """The help as an editor that reads Markdown shows it: Persian, then English."""
    return "\n\n".join(texts)


def plain(texts: Texts) -> str:
    """The help as plain text (the schema's `description`): Persian, then English."""
    return markdown(texts).replace("`", "")
