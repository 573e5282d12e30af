"""Synthetic diplomats written as YAML files through the real data contract.

    python -m bench.synthetic --people 10000 --out /tmp/cd-10k

copies the real cities, activity areas, content and theme into OUT and adds PEOPLE
fictional diplomats (about 9 in 10 approved; the rest pending, suspended or withdrawn),
then validates the tree with the generator's own `check`, so a file the contract would
reject fails here, not in the middle of a benchmark.
"""

from __future__ import annotations

import argparse
import random
import shutil
from datetime import date, timedelta
from pathlib import Path

import yaml

from generator.build import check
from generator.i18n import digits
from generator.schema import CityName

REPO = Path(__file__).resolve().parent.parent

FIRST = [
    ("آرش", "Arash"), ("بهار", "Bahar"), ("پرویز", "Parviz"), ("ترانه", "Taraneh"),
    ("ثمین", "Samin"), ("جواد", "Javad"), ("چکاوک", "Chakavak"), ("حمید", "Hamid"),
    ("خسرو", "Khosrow"), ("داریوش", "Dariush"), ("ژینا", "Zhina"), ("رضا", "Reza"),
    ("زهره", "Zohreh"), ("سارا", "Sara"), ("شهرام", "Shahram"), ("صبا", "Saba"),
    ("طاهره", "Tahereh"), ("عباس", "Abbas"), ("غزل", "Ghazal"), ("فرهاد", "Farhad"),
    ("کاوه", "Kaveh"), ("گلاره", "Gelareh"), ("لیلا", "Leila"), ("مهدی", "Mahdi"),
    ("نگار", "Negar"), ("وحید", "Vahid"), ("هستی", "Hasti"), ("یاسمن", "Yasaman"),
    ("مریم", "Maryam"), ("علی", "Ali"), ("فاطمه", "Fatemeh"), ("امیر", "Amir"),
    ("نازنین", "Nazanin"), ("بابک", "Babak"), ("شیوا", "Shiva"), ("کیوان", "Keyvan"),
]  # fmt: skip
LAST = [
    ("احمدی", "Ahmadi"), ("بهرامی", "Bahrami"), ("پناهی", "Panahi"), ("توکلی", "Tavakoli"),
    ("جعفری", "Jafari"), ("چمنی", "Chamani"), ("حسینی", "Hosseini"), ("خلیلی", "Khalili"),
    ("دهقان", "Dehghan"), ("رستمی", "Rostami"), ("زمانی", "Zamani"), ("ژیان‌پور", "Zhianpour"),
    ("سلیمانی", "Soleimani"), ("شریفی", "Sharifi"), ("صادقی", "Sadeghi"), ("طاهری", "Taheri"),
    ("عسگری", "Asgari"), ("غفاری", "Ghaffari"), ("فرجی", "Faraji"), ("قاسمی", "Ghasemi"),
    ("کریمی", "Karimi"), ("گودرزی", "Goudarzi"), ("لطفی", "Lotfi"), ("مرادی", "Moradi"),
    ("نوری", "Nouri"), ("وکیلی", "Vakili"), ("هاشمی", "Hashemi"), ("یزدانی", "Yazdani"),
    ("اصفهانی", "Esfahani"), ("مشکات", "Meshkat"), ("نیک‌نام", "Niknam"), ("پاکزاد", "Pakzad"),
]  # fmt: skip
OCCUPATIONS = [
    ("استاد دانشگاه", "University professor"), ("بازرگان فرش", "Carpet trader"),
    ("مهندس عمران", "Civil engineer"), ("پزشک", "Physician"), ("مترجم", "Translator"),
    ("روزنامه‌نگار", "Journalist"), ("معمار", "Architect"), ("مربی ورزش", "Sports coach"),
    ("راهنمای گردشگری", "Tour guide"), ("خوشنویس", "Calligrapher"),
    ("مهندس نرم‌افزار", "Software engineer"), ("پژوهشگر تاریخ", "Historian"),
]  # fmt: skip
LANGUAGES = ["en", "de", "fr", "ar", "tr", "ru", "zh", "es", "it", "hy", "ur", "ms", "pt"]
BIO_FA = [
    "در سال {year} با همکارانی در {city} کار مشترکی آغاز کرد.",
    "به دانشجویان و بازرگانان اصفهانی که به {city} سفر می‌کنند مشاوره می‌دهد.",
    "چند نمایشگاه و کارگاه مشترک میان اصفهان و {city} برگزار کرده است.",
    "زبان‌های خارجی را در سال‌های زندگی در خارج از کشور آموخته است.",
    "در برنامه‌های فرهنگی و علمی شهرداری اصفهان شرکت دارد.",
]
BIO_EN = [
    "In {year} they started joint work with colleagues in {city}.",
    "They advise students and traders from Isfahan who travel to {city}.",
    "They have organised several exhibitions and workshops between Isfahan and {city}.",
    "They learned foreign languages during years of living abroad.",
    "They take part in the cultural and academic programmes of Isfahan Municipality.",
]


def diplomat(
    rng: random.Random, number: int, cities: dict[str, CityName], fields: list[str]
) -> tuple[str, dict]:
    """One fictional diplomat: (id, the YAML mapping of the data contract)."""
    first, last = rng.choice(FIRST), rng.choice(LAST)
    ident = f"{last[1].lower()}-{first[1].lower()}-{number}"
    status = rng.choices(["approved", "pending", "suspended", "withdrawn"], [90, 6, 2, 2])[0]
    theirs = rng.sample(sorted(cities), rng.randint(1, 3))
    record: dict = {
        "name": {"fa": f"{first[0]} {last[0]}", "en": f"{first[1]} {last[1]}"},
        "status": status,
        "cities": theirs,
        "fields": rng.sample(fields, rng.randint(1, 2)),
        "languages": ["fa", *rng.sample(LANGUAGES, rng.randint(1, 3))],
    }
    if status != "pending":
        record["approved_on"] = (date(2015, 1, 1) + timedelta(rng.randint(0, 3650))).isoformat()
    job = rng.choice(OCCUPATIONS)
    record["occupation"] = {"fa": job[0], "en": job[1]}
    year, city = rng.randint(2010, 2025), cities[theirs[0]]
    record["bio"] = {
        "fa": " ".join(s.format(year=digits(year - 621, "fa"), city=city.fa) for s in BIO_FA),
        "en": " ".join(s.format(year=year, city=city.en) for s in BIO_EN),
    }
    record["contacts"] = [{"type": "email", "value": f"{ident}@example.org", "public": True}]
    return ident, record


def make_tree(target: Path, people: int, seed: int = 1) -> Path:
    """A data repository in `target` with the real cities and `people` synthetic diplomats."""
    for name in ("cities", "content", "theme"):
        shutil.copytree(REPO / name, target / name)
    shutil.copy(REPO / "mkdocs.yml", target / "mkdocs.yml")
    folder = target / "diplomats"
    folder.mkdir()
    known = check(target)  # the real cities and activity areas, read by the real loader
    cities = {city_id: city.name for city_id, city in sorted(known.cities.items())}
    fields = sorted(known.fields)
    rng = random.Random(seed)
    for number in range(1, people + 1):
        ident, record = diplomat(rng, number, cities, fields)
        text = yaml.safe_dump(record, allow_unicode=True, sort_keys=False)
        (folder / f"{ident}.yml").write_text(text, encoding="utf-8")
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--people", type=int, default=1000)
    parser.add_argument("--out", type=Path, required=True, help="an empty or missing folder")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    make_tree(args.out, args.people, args.seed)
    directory = check(args.out)
    print(f"{args.out}: {len(directory.diplomats)} diplomats, "
          f"{len(directory.public().diplomats)} approved")  # fmt: skip


if __name__ == "__main__":
    main()
