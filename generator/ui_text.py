"""Every word of the interface, in Persian and in English. Keys are used by the templates."""

from __future__ import annotations

UI: dict[str, tuple[str, str]] = {
    # key: (Persian, English)
    "site_name": ("شهروند دیپلمات اصفهان", "Isfahan Citizen Diplomats"),
    "site_description": (
        "فهرست عمومی شهروند دیپلمات‌های اصفهان و شهرهای خواهرخواندهٔ اصفهان",
        "The public directory of Isfahan's citizen diplomats and sister cities",
    ),
    "copyright": (
        "شهرداری اصفهان، ادارهٔ امور بین‌الملل",
        "Isfahan Municipality, International Affairs Office",
    ),
    "language_name": ("فارسی", "English"),
    "nav_home": ("خانه", "Home"),
    "nav_diplomats": ("شهروند دیپلمات‌ها", "Citizen diplomats"),
    "nav_cities": ("شهرهای خواهرخوانده", "Sister cities"),
    "nav_fields": ("حوزه‌های فعالیت", "Activity areas"),
    "nav_about": ("دربارهٔ برنامه", "About"),
    "nav_apply": ("نحوهٔ عضویت", "How to apply"),
    "nav_privacy": ("حریم خصوصی", "Privacy"),
    # home
    "home_title": ("شهروند دیپلمات‌های اصفهان", "Isfahan's citizen diplomats"),
    "home_intro": (
        "شهروند دیپلمات‌ها شهروندانی‌اند که پیوند اصفهان با شهرهای خواهرخوانده‌اش را "
        "زنده نگه می‌دارند: دانشگاهیان، هنرمندان، بازرگانان، ورزشکاران، اهالی رسانه و "
        "ایرانیان خارج از کشور. ادارهٔ امور بین‌الملل شهرداری اصفهان آنان را شناسایی و "
        "تأیید می‌کند و این فهرست را منتشر می‌کند.",
        "Citizen diplomats are people who keep Isfahan's links with its sister cities alive: "
        "academics, artists, traders, athletes, journalists and Iranians abroad. Isfahan "
        "Municipality's International Affairs Office identifies and approves them, and "
        "publishes this directory.",
    ),
    "home_more": ("دربارهٔ برنامه بیشتر بخوانید", "Read more about the programme"),
    "count_diplomats": ("شهروند دیپلمات", "citizen diplomats"),
    "count_cities": ("شهر خواهرخوانده", "sister cities"),
    "count_fields": ("حوزهٔ فعالیت", "activity areas"),
    "count_languages": ("زبان", "languages spoken"),
    "newest": ("تازه‌ترین شهروند دیپلمات‌ها", "Newest citizen diplomats"),
    "all_diplomats": ("همهٔ شهروند دیپلمات‌ها", "All citizen diplomats"),
    "all_cities": ("همهٔ شهرهای خواهرخوانده", "All sister cities"),
    "apply_cta": ("شما هم می‌توانید شهروند دیپلمات شوید", "How to become a citizen diplomat"),
    # directory and listings
    "directory_title": ("فهرست شهروند دیپلمات‌ها", "Directory of citizen diplomats"),
    "directory_intro": (
        "شهروند دیپلمات‌های تأییدشده به ترتیب الفبا. نام، پیشه یا شهر کسی را جست‌وجو کنید، "
        "یا فهرست را بر اساس شهر خواهرخوانده، حوزهٔ فعالیت و زبان محدود کنید.",
        "Approved citizen diplomats in alphabetical order. Search for a name, occupation or "
        "city, or narrow the list by sister city, activity area and language.",
    ),
    "none_yet": ("هنوز کسی در این فهرست نیست.", "Nobody is listed here yet."),
    "people_count": ("{n} نفر", "{n} people"),
    "people_count_one": ("۱ نفر", "1 person"),
    "browse_by_city": ("بر اساس شهر", "By city"),
    "browse_by_field": ("بر اساس حوزهٔ فعالیت", "By activity area"),
    # profile
    "occupation": ("پیشه", "Occupation"),
    "cities": ("شهرهای خواهرخوانده", "Sister cities"),
    "fields": ("حوزه‌های فعالیت", "Activity areas"),
    "languages": ("زبان‌ها", "Languages"),
    "bio": ("زندگی‌نامه", "Biography"),
    "contact": ("راه‌های تماس", "Contact"),
    "no_public_contact": (
        "این شهروند دیپلمات راه تماس عمومی اعلام نکرده است. برای ارتباط با او با ادارهٔ کل "
        "امور بین‌الملل شهرداری اصفهان تماس بگیرید.",
        "This citizen diplomat has not published a contact channel. To reach them, contact "
        "the International Affairs Office of Isfahan Municipality.",
    ),
    "bio_missing": (
        "زندگی‌نامهٔ این شهروند دیپلمات به فارسی هنوز نوشته نشده است.",
        "This citizen diplomat's biography is not yet available in English.",
    ),
    "bio_other_language": ("خواندن به انگلیسی", "Read it in Persian"),
    "approved_on": ("عضو برنامه از", "Member since"),
    "verified_on": ("آخرین بازبینی", "Last verified"),
    "english_name": ("نام به انگلیسی", "Name in Persian"),
    "contact_email": ("رایانامه", "E-mail"),
    "contact_phone": ("تلفن", "Phone"),
    "contact_whatsapp": ("واتس‌اپ", "WhatsApp"),
    "contact_website": ("وب‌سایت", "Website"),
    "contact_linkedin": ("لینکدین", "LinkedIn"),
    "contact_instagram": ("اینستاگرام", "Instagram"),
    "contact_telegram": ("تلگرام", "Telegram"),
    # cities
    "cities_title": ("شهرهای خواهرخواندهٔ اصفهان", "Isfahan's sister cities"),
    "cities_intro": (
        "شهرهایی که با اصفهان پیمان خواهرخواندگی بسته‌اند و شهرهایی که پیمانشان در دست "
        "بررسی است. تاریخ‌ها و وضعیت‌ها با ذکر منبع آمده‌اند؛ جایی که منابع با هم اختلاف "
        "دارند، همهٔ تاریخ‌ها آمده است.",
        "Cities twinned with Isfahan, and cities whose twinning is being considered. Dates "
        "and statuses are given with their sources; where sources disagree, every date is "
        "listed.",
    ),
    "signed": ("پیمان‌های امضاشده", "Signed partnerships"),
    "proposed_heading": ("پیشنهادی", "Proposed"),
    "country": ("کشور", "Country"),
    "since": ("خواهرخوانده از", "Twinned since"),
    "since_unknown": ("تاریخ در دست نیست", "date not known"),
    "status": ("وضعیت", "Status"),
    "status_active": ("فعال", "active"),
    "status_dormant": ("راکد", "dormant"),
    "status_suspended": ("معلق", "suspended"),
    "status_proposed": ("پیشنهادی", "proposed"),
    "history": ("تاریخچهٔ وضعیت", "Status history"),
    "sources_disagree": (
        "منابع دربارهٔ تاریخ این پیمان اختلاف دارند:",
        "Sources disagree on the date of this partnership:",
    ),
    "source": ("منبع", "source"),
    "sources": ("منابع", "Sources"),
    "website": ("وب‌سایت رسمی شهر", "City's official website"),
    "wikidata": ("ویکی‌داده", "Wikidata"),
    "map": ("نقشه", "Map"),
    "city_diplomats": (
        "شهروند دیپلمات‌های فعال با این شهر",
        "Citizen diplomats active with this city",
    ),
    "native_name": ("نام محلی", "Local name"),
    "description_missing": (
        "توضیح این شهر به فارسی هنوز نوشته نشده است.",
        "This city's description is not yet available in English.",
    ),
    "read_other_language": ("خواندن به انگلیسی", "Read it in Persian"),
    # activity areas
    "fields_title": ("حوزه‌های فعالیت", "Activity areas"),
    "fields_intro": (
        "شهروند دیپلمات‌ها بر اساس حوزهٔ فعالیتشان.",
        "Citizen diplomats by the area they work in.",
    ),
    "field_diplomats": ("شهروند دیپلمات‌های این حوزه", "Citizen diplomats in this area"),
    # spoken languages
    "languages_title": ("زبان‌های شهروند دیپلمات‌ها", "Languages spoken"),
    "languages_intro": (
        "شهروند دیپلمات‌ها بر اساس زبان‌هایی که به آن‌ها سخن می‌گویند.",
        "Citizen diplomats by the languages they speak.",
    ),
    "language_title": ("آشنا به زبان {language}", "Who speaks {language}"),
    "language_diplomats": (
        "شهروند دیپلمات‌هایی که به این زبان سخن می‌گویند",
        "Citizen diplomats who speak this language",
    ),
    "browse_by_language": ("بر اساس زبان", "By language"),
    # search and facets (the browser shows these; see theme/assets/javascripts)
    "search_label": ("جست‌وجو در شهروند دیپلمات‌ها", "Search the citizen diplomats"),
    "search_placeholder": (
        "نام، پیشه، شهر یا زبان را بنویسید",
        "Type a name, occupation, city or language",
    ),
    "search_searching": ("در حال جست‌وجو…", "Searching…"),
    "search_none": ("کسی با این جست‌وجو پیدا نشد.", "Nobody matches this search."),
    "filter_heading": ("محدود کردن فهرست", "Narrow the list"),
    "filter_city": ("شهر خواهرخوانده", "Sister city"),
    "filter_field": ("حوزهٔ فعالیت", "Activity area"),
    "filter_language": ("زبان", "Language"),
    "filter_any": ("همه", "Any"),
    "filter_reset": ("نمایش همه", "Show everyone"),
    "filter_none": ("کسی با این ترکیب پیدا نشد.", "Nobody matches this combination."),
    "gregorian": ("میلادی", "Gregorian"),
}


def text(key: str, lang: str) -> str:
    """The interface text `key` in `lang`."""
    fa, en = UI[key]
    return fa if lang == "fa" else en
