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
    "not_found": ("۴۰۴: این صفحه پیدا نشد", "404: page not found"),
    "programme_name": ("برنامهٔ شهروند دیپلمات اصفهان", "Isfahan Citizen Diplomat programme"),
    "office_name": (
        "ادارهٔ امور بین‌الملل شهرداری اصفهان",
        "International Affairs Office of Isfahan Municipality",
    ),
    "nav_home": ("خانه", "Home"),
    "nav_diplomats": ("شهروند دیپلمات‌ها", "Citizen diplomats"),
    "nav_cities": ("شهرهای خواهرخوانده", "Sister cities"),
    "nav_fields": ("حوزه‌های فعالیت", "Activity areas"),
    "nav_about": ("دربارهٔ برنامه", "About"),
    "nav_apply": ("نحوهٔ عضویت", "How to apply"),
    "nav_privacy": ("حریم خصوصی", "Privacy"),
    "nav_open_data": ("داده‌های باز", "Open data"),
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
        "شهروند دیپلمات‌های تأییدشده، به ترتیب الفبا.",
        "Approved citizen diplomats, in alphabetical order.",
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
        "این شهروند دیپلمات راه تماس عمومی اعلام نکرده است. ادارهٔ امور بین‌الملل شهرداری "
        "اصفهان می‌تواند شما را به او معرفی کند.",
        "This citizen diplomat has not published a contact channel. The International Affairs "
        "Office of Isfahan Municipality can introduce you.",
    ),
    "intro_request": ("درخواست معرفی از ادارهٔ امور بین‌الملل", "Ask the office for an introduction"),
    "intro_explained": (
        "این پیوند رایانامه‌ای به ادارهٔ امور بین‌الملل شهرداری اصفهان باز می‌کند؛ اداره پیام "
        "شما را به این شهروند دیپلمات می‌رساند و شما را با هم آشنا می‌کند.",
        "This link opens an e-mail to the International Affairs Office of Isfahan Municipality, "
        "which passes your message on and puts you in touch.",
    ),
    "intro_contact_type": (
        "معرفی از طریق ادارهٔ امور بین‌الملل",
        "Introductions through the International Affairs Office",
    ),
    "intro_subject": ("درخواست معرفی به {name} ({id})", "Introduction request: {name} ({id})"),
    "intro_body": (
        "سلام،\n\nلطفاً مرا به {name} معرفی کنید.\nنشانی صفحهٔ او: {url}\n\n"
        "نام من:\nسازمان یا شهر من:\nموضوع:\n",
        "Hello,\n\nPlease introduce me to {name}.\nTheir page: {url}\n\n"
        "My name:\nMy organisation or city:\nWhat it is about:\n",
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
        "Name, occupation, city or language",
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
    # long listings
    "pages": ("صفحه‌های فهرست", "Pages of this list"),
    "page_of": ("صفحهٔ {n} از {count}", "page {n} of {count}"),
    "titled_page": ("{title}، صفحهٔ {n}", "{title}, page {n}"),
    "previous_page": ("صفحهٔ قبل", "Previous page"),
    "next_page": ("صفحهٔ بعد", "Next page"),
    # open data
    "od_title": ("داده‌های باز", "Open data"),
    "od_intro": (
        "هرچه این سایت دربارهٔ شهروند دیپلمات‌ها و شهرهای خواهرخوانده نشان می‌دهد، در قالب "
        "فایل‌هایی که نرم‌افزارها می‌توانند بخوانند هم منتشر می‌شود. در این فایل‌ها فقط همان "
        "چیزی هست که در سایت می‌بینید: شهروند دیپلمات‌های تأییدشده و راه‌های تماسی که خودشان "
        "با انتشارشان موافقت کرده‌اند.",
        "Everything this site shows about citizen diplomats and sister cities is also published "
        "as files that software can read. The files hold only what the site shows: approved "
        "citizen diplomats, and the contact channels they agreed to publish.",
    ),
    "od_files": ("فایل‌ها", "Files"),
    "od_file": ("فایل", "File"),
    "od_contents": ("محتوا", "Contents"),
    "od_diplomats_json": (
        "شهروند دیپلمات‌ها، عضویتشان در برنامه و در شهرها، و حوزه‌های فعالیت (JSON)",
        "Citizen diplomats, their memberships of the programme and of the cities, and the "
        "activity areas (JSON)",
    ),
    "od_diplomats_csv": (
        "همان شهروند دیپلمات‌ها، هر نفر در یک سطر، بدون زندگی‌نامه (CSV)",
        "The same citizen diplomats, one row each, without biographies (CSV)",
    ),
    "od_cities_json": (
        "شهرهای خواهرخوانده با موقعیت، تاریخ‌ها، تاریخچهٔ وضعیت و منابع (JSON)",
        "Sister cities with their position, dates, status history and sources (JSON)",
    ),
    "od_cities_csv": (
        "همان شهرها، هر شهر در یک سطر، بدون تاریخچه و منابع (CSV)",
        "The same cities, one row each, without history and sources (CSV)",
    ),
    "od_schemas": (
        "ساختار دقیق هر فایل JSON، به زبان JSON Schema",
        "The exact structure of each JSON file, as a JSON Schema",
    ),
    "od_feed_path": ("feed.xml", "en/feed.xml"),
    "od_feed": (
        "خبرخوان Atom به فارسی: شهروند دیپلمات‌های تازه‌تأییدشده و تغییر وضعیت پیمان‌ها.",
        "Atom feed in English: newly approved citizen diplomats and changes in the "
        "partnerships' status.",
    ),
    "od_feed_other": ("همین خبرخوان به انگلیسی", "The same feed in Persian"),
    "od_vcards": (
        "کارت تماس هر شهروند دیپلمات در صفحهٔ خود اوست و کارت‌های همهٔ شهروند دیپلمات‌های هر "
        "شهر در صفحهٔ آن شهر. از اینجا شروع کنید:",
        "Each citizen diplomat's contact card is on their page, and the cards of all the "
        "citizen diplomats of a city are on that city's page. Start here:",
    ),
    "od_sitemap": (
        "فهرست همهٔ صفحه‌های سایت به هر دو زبان، برای موتورهای جست‌وجو",
        "Every page of the site in both languages, for search engines",
    ),
    "od_licence_heading": ("پروانهٔ بهره‌برداری", "Licence"),
    "od_licence": (
        "این داده‌ها با پروانهٔ «کریتیو کامنز نسبت‌دادن ۴٫۰ بین‌المللی» (CC BY 4.0) منتشر "
        "می‌شوند: می‌توانید آن‌ها را رونوشت، هم‌رسانی و دگرگون کنید و به کار ببرید، حتی برای "
        "کار تجاری، به این شرط که منبع را با نام «{attribution}» ذکر کنید و به این صفحه "
        "پیوند دهید.",
        "The data are published under the Creative Commons Attribution 4.0 International "
        "licence (CC BY 4.0): you may copy, share, adapt and use them, commercially too, as "
        "long as you credit “{attribution}” and link to this page.",
    ),
    "od_licence_text": ("متن پروانه", "The licence"),
    "od_personal": (
        "این داده‌ها دربارهٔ آدم‌های واقعی است. هر کس با رضایت خودش در این فهرست آمده است تا "
        "دیگران بتوانند برای پیوند با شهرهای خواهرخوانده با او تماس بگیرند. لطفاً از راه‌های "
        "تماس برای تبلیغ یا فرستادن پیام انبوه استفاده نکنید و قانون حفاظت از داده‌های شخصیِ "
        "جایی را که در آن هستید رعایت کنید. رونوشت‌های خود را به‌روز نگه دارید: کسی که از "
        "برنامه بیرون می‌رود، در انتشار بعدی از این فایل‌ها هم حذف می‌شود.",
        "These data are about real people. Each of them is listed by their own consent, so "
        "that others can contact them about links with the sister cities. Please do not use "
        "the contact details for advertising or mass mailings, and follow the data-protection "
        "law where you are. Keep your copies up to date: a person who leaves the programme "
        "disappears from these files at the next publication.",
    ),
    "od_format": ("قالب داده‌ها", "Format"),
    "od_format_text": (
        "همهٔ فایل‌ها UTF-8 اند. متنی که به دو زبان داده می‌شود، شیئی با دو کلید fa و en است؛ "
        "زبانی که متنش هنوز نوشته نشده، null است.",
        "All files are UTF-8. A text given in two languages is an object with the keys fa and "
        "en; a language whose text is not written yet is null.",
    ),
    "od_format_dates": (
        "تاریخ‌ها میلادی‌اند و به شکل ISO 8601 ‏(YYYY-MM-DD) نوشته می‌شوند؛ برای شهرها گاهی "
        "فقط سال، یا سال و ماه، معلوم است.",
        "Dates are Gregorian, written as ISO 8601 (YYYY-MM-DD); for cities sometimes only the "
        "year, or the year and month, are known.",
    ),
    "od_format_ids": (
        "شناسه‌ها همان‌هایی‌اند که در نشانی صفحه‌ها می‌آیند و تغییر نمی‌کنند.",
        "Ids are the ones in the pages' addresses, and do not change.",
    ),
    "od_format_csv": (
        "فایل‌های CSV با ویرگول لاتین (,) جدا می‌شوند (RFC 4180) و با نشانهٔ ترتیب بایت (BOM) "
        "آغاز می‌شوند تا Excel حروف فارسی را درست نشان دهد. چند مقدار در یک خانه با «;» از هم "
        "جدا می‌شوند. متنی که با = یا + یا - یا @ شروع شود، با یک ' در آغازش نوشته می‌شود تا "
        "نرم‌افزارهای صفحه‌گسترده آن را فرمول حساب نکنند؛ شماره‌تلفن‌ها که با + شروع می‌شوند، "
        "دست‌نخورده می‌مانند.",
        "CSV files are comma-separated (RFC 4180) and begin with a byte-order mark so that "
        "Excel shows Persian letters correctly. Several values in one cell are separated by "
        "“;”. A text that would begin with =, +, - or @ is written with a ' in front, so "
        "that spreadsheet programs do not take it for a formula; phone numbers, which begin "
        "with +, are left as they are.",
    ),
    "od_format_popolo": (
        "فایل‌های JSON از ساختار استاندارد Popolo پیروی می‌کنند (persons، organizations، "
        "memberships، other_names، contact_details، links) و فیلدهایی را که این سایت لازم "
        "دارد به آن افزوده‌اند. همهٔ فیلدها در جدول‌های زیر آمده‌اند.",
        "The JSON files follow the shape of the Popolo standard (persons, organizations, "
        "memberships, other_names, contact_details, links), with the fields this site needs "
        "added. Every field is listed in the tables below.",
    ),
    "od_introductions": (
        "برای تماس با شهروند دیپلماتی که راه تماس عمومی ندارد، به ادارهٔ امور بین‌الملل "
        "بنویسید: {email}",
        "To reach a citizen diplomat who has published no contact channel, write to the "
        "International Affairs Office: {email}",
    ),
    "od_fields": ("فیلدها", "Fields"),
    "od_field": ("فیلد", "Field"),
    "od_description": ("توضیح", "Description"),
    "od_meta": ("آغاز هر دو فایل JSON: ‏meta", "The start of both JSON files: meta"),
    "od_updates": ("به‌روزرسانی", "Updates"),
    "od_updates_text": (
        "این فایل‌ها در هر انتشار سایت، از همان داده‌هایی که صفحه‌ها از آن‌ها ساخته می‌شوند، "
        "از نو ساخته می‌شوند.",
        "The files are rebuilt at every publication of the site, from the same data as the pages.",
    ),
    # feeds
    "feed_title": ("شهروند دیپلمات اصفهان: تازه‌ها", "Isfahan Citizen Diplomats: what's new"),
    "feed_subtitle": (
        "شهروند دیپلمات‌های تازه‌تأییدشده و تغییر وضعیت پیمان‌های خواهرخواندگی اصفهان",
        "Newly approved citizen diplomats, and changes in the status of Isfahan's sister-city "
        "partnerships",
    ),
    "feed_new_diplomat": ("شهروند دیپلمات تازه: {name}", "New citizen diplomat: {name}"),
    "feed_approved_on": ("عضو برنامه از {date}.", "Member since {date}."),
    "feed_partnership": ("پیمان با {city}: {status}", "Partnership with {city}: {status}"),
    "feed_category_diplomat": ("شهروند دیپلمات تازه", "New citizen diplomat"),
    "feed_category_partnership": ("وضعیت پیمان", "Partnership status"),
    "feed_rights": (
        "با پروانهٔ CC BY 4.0؛ منبع: ادارهٔ امور بین‌الملل شهرداری اصفهان",
        "CC BY 4.0; credit: International Affairs Office of Isfahan Municipality",
    ),
    # contact cards (vCard)
    "card_member_since": (
        "شهروند دیپلمات اصفهان از {date}",
        "Isfahan citizen diplomat since {date}",
    ),
    "card_save": ("ذخیرهٔ کارت تماس", "Save the contact card"),
    "card_no_channel": (
        "راه تماس عمومی ندارد؛ برای معرفی به ادارهٔ امور بین‌الملل شهرداری اصفهان بنویسید: {email}",
        "No public contact channel: for an introduction, write to the International Affairs "
        "Office of Isfahan Municipality at {email}",
    ),
    "card_hint": (
        "کارت تماس (vCard) را می‌توانید به دفترچهٔ نشانی تلفن یا رایانهٔ خود بیفزایید.",
        "The contact card (vCard) can be added to the address book of your phone or computer.",
    ),
    "city_cards": (
        "کارت تماس همهٔ این شهروند دیپلمات‌ها در یک فایل",
        "Contact cards of all these citizen diplomats in one file",
    ),
    # editorial polish B: breadcrumbs and the 404 page
    "breadcrumb": ("مسیر صفحه", "You are here"),
    "not_found_lead": (
        "صفحه‌ای با این نشانی در این سایت نیست: شاید نشانی اشتباه نوشته شده یا صفحه جابه‌جا "
        "یا حذف شده باشد.",
        "There is no page at this address: it may have been mistyped, or the page may have "
        "moved or been removed.",
    ),
    "not_found_try": ("از این صفحه‌ها شروع کنید:", "Try one of these pages instead:"),
    "not_found_search": ("جست‌وجوی شهروند دیپلمات‌ها", "Search the citizen diplomats"),
    # one filter for the directory: the matches of every page, a hundred at a time
    "filter_more": ("نمایش افراد بیشتر", "Show more people"),
    # the map of the sister cities
    "map_isfahan": ("اصفهان", "Isfahan"),
    "map_world_title": ("نقشهٔ شهرهای خواهرخواندهٔ اصفهان", "Map of Isfahan's sister cities"),
    "map_world_desc": (
        "نقشهٔ جهان با اصفهان و {n} شهر خواهرخوانده یا پیشنهادی آن، هر یک با خطی به اصفهان؛ "
        "رنگ هر نقطه وضعیت پیوند را نشان می‌دهد. فهرست زیر نقشه همین شهرها را نام می‌برد.",
        "A world map of Isfahan and its {n} sister or proposed sister cities, each joined to "
        "Isfahan by a line; the colour of each dot shows the partnership's status. The list "
        "below the map names the same cities.",
    ),
    "map_key": (
        "رنگ هر نقطه روی نقشه وضعیت پیوند را نشان می‌دهد:",
        "The colour of each dot on the map shows the partnership's status:",
    ),
    "map_key_active": ("فعال", "Active"),
    "map_key_dormant": ("راکد", "Dormant"),
    "map_key_suspended": ("معلق", "Suspended"),
    "map_key_proposed": ("پیشنهادی", "Proposed"),
    "map_locator_title": ("{city} و اصفهان روی نقشه", "{city} and Isfahan on the map"),
    "map_locator_desc": (
        "نقشهٔ منطقه‌ای که اصفهان و {city} در آن‌اند، با خطی میان دو شهر.",
        "A map of the region around Isfahan and {city}, with a line between the two cities.",
    ),
    "map_distance": (
        "فاصلهٔ {city} تا اصفهان در خط مستقیم: حدود {km} کیلومتر",
        "{city} to Isfahan as the crow flies: about {km} km",
    ),
    # delegation booklet (PDF)
    "booklet_kind": ("دفترچهٔ معرفی برای هیئت‌ها", "Delegation booklet"),
    "booklet_title_city": ("دفترچهٔ معرفی برای هیئت‌ها: {city}", "Delegation booklet: {city}"),
    "booklet_title_all": (
        "دفترچهٔ معرفی برای هیئت‌ها: شهروند دیپلمات‌های اصفهان",
        "Delegation booklet: Isfahan's citizen diplomats",
    ),
    "booklet_all_heading": ("شهروند دیپلمات‌های اصفهان", "Isfahan's citizen diplomats"),
    "booklet_all_explained": (
        "در این دفترچه نخست شهرهای خواهرخواندهٔ اصفهان آمده‌اند و سپس همهٔ شهروند دیپلمات‌های "
        "تأییدشده به ترتیب الفبا. کد QR زیر عنوان «صفحهٔ معرفی» صفحهٔ هر نفر را در سایت باز "
        "می‌کند و کد «کارت تماس» کارت او را به دفترچهٔ نشانی تلفن می‌افزاید.",
        "This booklet lists Isfahan's sister cities, then every approved citizen diplomat in "
        "alphabetical order. The QR code marked \u201cProfile\u201d opens the person's page on "
        "the site; the one marked \u201cContact card\u201d adds them to a phone's address book.",
    ),
    "booklet_from": ("برگرفته از فهرست عمومی در", "From the public directory at"),
    "booklet_city": ("شهر", "City"),
    "booklet_coordinates": ("مختصات جغرافیایی", "Coordinates"),
    "booklet_source": ("منبع", "Source"),
    "booklet_qr_profile": ("صفحهٔ معرفی", "Profile"),
    "booklet_too_many": (
        "این فهرست {n} نفر دارد، بیش از آنچه در یک دفترچه به کار آید: هر کس در دفترچهٔ هر یک "
        "از شهرهای خود آمده است، و فهرست کامل و جست‌وجوپذیر در این نشانی است:",
        "The directory holds {n} people, more than one booklet can usefully hold: each person "
        "is in the booklet of each of their cities, and the whole list, with search, is at",
    ),
    "booklet_too_many_city": (
        "این شهر {n} شهروند دیپلمات دارد، بیش از آنچه در یک دفترچه به کار آید: فهرست کامل آنان "
        "با راه‌های تماسشان در این نشانی است:",
        "This city has {n} citizen diplomats, more than one booklet can usefully hold: the whole "
        "list, with their contact channels, is at",
    ),
    "booklet_compact": (
        "این دفترچه بیش از {n} نفر را در بر دارد، پس هر نفر در چند سطر آمده است، بی‌عکس و "
        "کد QR؛ نشانی صفحهٔ معرفی هر نفر در سطر او آمده است.",
        "This booklet lists more than {n} people, so each appears in a few lines, without "
        "portrait or QR code; each line gives the person's profile address.",
    ),
    "booklet_qr_card": ("کارت تماس", "Contact card"),
    "booklet_link_city": (
        "دفترچهٔ چاپی این شهر برای هیئت‌ها: پیمان، تاریخچه و کارت شهروند دیپلمات‌ها",
        "Printable delegation booklet for this city: the partnership, its history and the "
        "citizen diplomats' cards",
    ),
    "booklet_link_all": (
        "دفترچهٔ چاپی همهٔ شهروند دیپلمات‌ها و شهرهای خواهرخوانده برای هیئت‌ها",
        "Printable delegation booklet of all citizen diplomats and sister cities",
    ),
    "booklet_kb": ("{n} کیلوبایت", "{n} KB"),
    "booklet_mb": ("{n} مگابایت", "{n} MB"),
    # editorial polish A: dates, coordinates, footnotes and the activity areas' descriptions
    "gregorian_partial": ("{date} میلادی", "{date}"),  # a Gregorian month or year on fa pages
    "north": ("{v}° شمالی", "{v}° N"),
    "south": ("{v}° جنوبی", "{v}° S"),
    "east": ("{v}° شرقی", "{v}° E"),
    "west": ("{v}° غربی", "{v}° W"),
    "sources_disagree_note": (
        "منابع دربارهٔ تاریخ این پیمان اختلاف دارند؛ همهٔ تاریخ‌ها با منبعشان در صفحهٔ شهر آمده است.",
        "Sources disagree on the date of this partnership; the city's page lists every date "
        "with its source.",
    ),
}


def text(key: str, lang: str) -> str:
    """The interface text `key` in `lang`."""
    fa, en = UI[key]
    return fa if lang == "fa" else en
