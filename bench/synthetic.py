"""Synthetic data through the real data contract: N approved diplomats and some others.

The people are invented from name parts; every file passes `generator check`. Contact
values come from reserved ranges (example.org, fictional phone numbers), like the samples.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import yaml
from babel import Locale
from PIL import Image, ImageDraw

REPO = Path(__file__).resolve().parent.parent

FIRST = [
    ("آرش", "Arash"), ("بهاره", "Bahareh"), ("پرویز", "Parviz"), ("ترانه", "Taraneh"),
    ("ثمین", "Samin"), ("جواد", "Javad"), ("چکاوک", "Chakavak"), ("حسین", "Hossein"),
    ("خدیجه", "Khadijeh"), ("داریوش", "Dariush"), ("ذبیح", "Zabih"), ("رضا", "Reza"),
    ("زهرا", "Zahra"), ("ژیلا", "Zhila"), ("سپیده", "Sepideh"), ("شهرام", "Shahram"),
    ("صدف", "Sadaf"), ("طاهره", "Tahereh"), ("عباس", "Abbas"), ("غزاله", "Ghazaleh"),
    ("فرهاد", "Farhad"), ("قاسم", "Ghasem"), ("کاوه", "Kaveh"), ("گلاره", "Golareh"),
    ("لیلا", "Leila"), ("مریم", "Maryam"), ("نیما", "Nima"), ("وحید", "Vahid"),
    ("هانیه", "Hanieh"), ("یاسمن", "Yasaman"), ("علی", "Ali"), ("مهدی", "Mahdi"),
]  # fmt: skip
LAST = [
    ("احمدی", "Ahmadi"), ("باقری", "Bagheri"), ("پاکزاد", "Pakzad"), ("تهرانی", "Tehrani"),
    ("جعفری", "Jafari"), ("چراغی", "Cheraghi"), ("حسین‌زاده", "Hosseinzadeh"),
    ("خسروی", "Khosravi"), ("دهقان", "Dehghan"), ("رحیمی", "Rahimi"), ("زمانی", "Zamani"),
    ("سلطانی", "Soltani"), ("شریفی", "Sharifi"), ("صادقی", "Sadeghi"), ("طاهری", "Taheri"),
    ("عسگری", "Asgari"), ("فرهادی", "Farhadi"), ("قربانی", "Ghorbani"), ("کریمی", "Karimi"),
    ("گودرزی", "Goudarzi"), ("محمدی", "Mohammadi"), ("نوری", "Nouri"), ("وکیلی", "Vakili"),
    ("هاشمی", "Hashemi"), ("یزدانی", "Yazdani"), ("اصفهانی", "Esfahani"), ("نیک‌پور", "Nikpour"),
]  # fmt: skip
OCCUPATIONS = [
    ("استاد دانشگاه", "University professor"), ("بازرگان فرش", "Carpet trader"),
    ("معمار", "Architect"), ("پزشک", "Physician"), ("مهندس نرم‌افزار", "Software engineer"),
    ("خبرنگار", "Journalist"), ("مربی فوتبال", "Football coach"), ("نقاش", "Painter"),
    ("راهنمای گردشگری", "Tour guide"), ("پژوهشگر محیط‌زیست", "Environmental researcher"),
    ("خوشنویس", "Calligrapher"), ("مترجم", "Translator"),
]  # fmt: skip
# Each bio names cities, areas and languages as a native reader of its language would.
BIO_FA = [
    "{name} بیش از {years} سال است که با همکارانی در {city} کار می‌کند.",
    "او در زمینهٔ {field} فعال است و چند طرح مشترک میان دانشگاه‌ها و انجمن‌های دو شهر را پیش برده است.",
    "در سال {year} میزبان هیئتی از {city} در اصفهان بود و از آن پس این پیوند را زنده نگه داشته است.",
    "به زبان‌های {langs} سخن می‌گوید و برای گفت‌وگو با شهروندان و نهادهای شهرهای خواهرخوانده آماده است.",
]  # fmt: skip
BIO_EN = [
    "{name} has worked with colleagues in {city} for more than {years} years.",
    "Active in {field}, they have led several joint projects between universities and associations of both cities.",
    "In {year} they hosted a delegation from {city} in Isfahan and have kept the link alive ever since.",
    "They speak {langs} and welcome conversations with citizens and institutions of the sister cities.",
]  # fmt: skip
LANGS = ["en", "de", "zh", "it", "es", "fr", "ru", "ar", "tr", "hy", "ur", "ms", "ro", "pt"]
FIELDS = ["academia", "arts-crafts", "culture", "environment", "health", "heritage", "media",
          "sport", "technology", "tourism", "trade"]  # fmt: skip
CITIES = ["xian", "kuala-lumpur", "florence", "iasi", "barcelona", "yerevan", "kuwait-city",
          "freiburg", "havana", "lahore", "saint-petersburg", "dakar", "baalbek", "samarkand",
          "hyderabad", "kazan"]  # fmt: skip


def make_tree(
    target: Path, approved: int, seed: int = 1, photo_share: float = 0.2, data: Path = REPO
) -> Path:
    """Write a data repository with `approved` approved diplomats (plus 5% others); its
    cities and pages come from `data` (the tests give their frozen copy)."""
    rng = random.Random(seed)
    for name in ("cities", "content"):
        shutil.copytree(data / name, target / name)
    words = _words(target)
    shutil.copy(REPO / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(REPO / "theme", target / "theme")
    photos = target / "diplomats" / "photos"
    photos.mkdir(parents=True)
    others = max(1, approved // 20)
    statuses = ["approved"] * approved + [rng.choice(["pending", "suspended", "withdrawn"]) for _ in range(others)]  # fmt: skip
    for i, status in enumerate(statuses):
        ident = f"person-{i:05d}"
        has_photo = rng.random() < photo_share
        if has_photo:
            _photo(photos / f"{ident}.jpg", rng)
        (target / "diplomats" / f"{ident}.yml").write_text(
            _diplomat(rng, i, status, ident if has_photo else None, words), encoding="utf-8"
        )
    return target


def _words(root: Path) -> dict[str, dict[str, str]]:
    """Each language's names of the cities, activity areas and spoken languages used."""
    out: dict[str, dict[str, str]] = {"fa": {}, "en": {}}
    for city in CITIES:
        name = yaml.safe_load((root / "cities" / f"{city}.yml").read_text("utf-8"))["name"]
        for lang in out:
            out[lang][city] = name[lang]
    for field, label in yaml.safe_load((root / "content/fields.yml").read_text("utf-8")).items():
        for lang in out:
            out[lang][field] = label[lang]
    for lang in out:
        out[lang].update((code, Locale(lang).languages[code]) for code in ["fa", *LANGS])
    return out


def _in_words(lang: str, items: list[str]) -> str:
    """'A, B and C' as a native reader writes it (Persian: «الف، ب و ج»)."""
    comma, also = ("، ", " و ") if lang == "fa" else (", ", " and ")
    return items[0] if len(items) == 1 else comma.join(items[:-1]) + also + items[-1]


_PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


def _diplomat(
    rng: random.Random, i: int, status: str, photo: str | None, words: dict[str, dict[str, str]]
) -> str:
    (fa1, en1), (fa2, en2) = rng.choice(FIRST), rng.choice(LAST)
    occ_fa, occ_en = rng.choice(OCCUPATIONS)
    cities = rng.sample(CITIES, rng.randint(1, 3))
    fields = rng.sample(FIELDS, rng.randint(1, 2))
    langs = ["fa", *rng.sample(LANGS, rng.randint(1, 3))]
    year, years = rng.randint(2005, 2024), rng.randint(2, 30)
    bios = {}
    for lang, name, sentences in (("fa", f"{fa1} {fa2}", BIO_FA), ("en", f"{en1} {en2}", BIO_EN)):
        named = words[lang]
        values = {
            "name": name,
            "city": named[cities[0]],
            "field": named[fields[0]].lower() if lang == "en" else named[fields[0]],
            "year": year - 621 if lang == "fa" else year,  # the Solar Hijri year, near enough
            "years": years,
            "langs": _in_words(lang, [named[code] for code in langs]),
        }
        text = " ".join(s.format(**values) for s in sentences)
        bios[lang] = text.translate(_PERSIAN_DIGITS) if lang == "fa" else text
    bio_fa, bio_en = bios["fa"], bios["en"]
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    lines = [
        f"name:\n  fa: {fa1} {fa2}\n  en: {en1} {en2} {i}",
        f"status: {status}",
        f'approved_on: "{rng.randint(2021, 2025)}-{month:02d}-{day:02d}"',
        f'verified_on: "2025-{month:02d}-{day:02d}"',
        f"cities: [{', '.join(cities)}]",
        f"fields: [{', '.join(fields)}]",
        f"languages: [{', '.join(langs)}]",
        f"occupation:\n  fa: {occ_fa}\n  en: {occ_en}",
        f"bio:\n  fa: {bio_fa}\n  en: {bio_en}",
    ]
    if photo:
        lines.append(
            f"photo:\n  file: {photo}.jpg\n  alt:\n    fa: چهرهٔ {fa1} {fa2}\n    en: Portrait of {en1} {en2}"
        )
    contacts = []
    if rng.random() < 0.8:
        contacts.append(
            f"  - type: email\n    value: person{i}@example.org\n    public: {str(rng.random() < 0.6).lower()}"
        )
    if rng.random() < 0.5:
        contacts.append(
            f'  - type: phone\n    value: "+44 20 7946 {i % 1000:04d}"\n    public: {str(rng.random() < 0.4).lower()}'
        )
    if rng.random() < 0.3:
        contacts.append(
            f"  - type: website\n    value: https://example.org/person-{i}\n    public: true"
        )
    if contacts:
        lines.append("contacts:\n" + "\n".join(contacts))
    return "\n".join(lines) + "\n"


def _photo(path: Path, rng: random.Random) -> None:
    colour = tuple(rng.randint(60, 220) for _ in range(3))
    image = Image.new("RGB", (400, 400), colour)
    draw = ImageDraw.Draw(image)
    draw.ellipse((140, 80, 260, 200), fill=tuple(c // 2 for c in colour))
    draw.ellipse((90, 210, 310, 460), fill=tuple(c // 2 for c in colour))
    image.save(path, "JPEG", quality=80)
