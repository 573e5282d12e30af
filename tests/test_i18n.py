"""i18n.py: Persian digits, Jalali dates, CLDR names and Persian alphabetical order."""

from __future__ import annotations

import random
from datetime import date

import pytest

from generator import i18n


def test_digits_and_grouping() -> None:
    assert i18n.digits("1402-07", "fa") == "۱۴۰۲-۰۷"
    assert i18n.digits("1402", "en") == "1402"
    assert i18n.number(12345, "fa") == "۱۲٬۳۴۵"
    assert i18n.number(12345, "en") == "12,345"


@pytest.mark.parametrize(
    ("gregorian", "jalali"),
    [
        (date(2021, 3, 21), "۱ فروردین ۱۴۰۰"),  # Nowruz 1400
        (date(2025, 4, 9), "۲۰ فروردین ۱۴۰۴"),  # Kazan's twinning: 20 Farvardin 1404
        (date(1998, 9, 18), "۲۷ شهریور ۱۳۷۷"),
        (date(2024, 3, 19), "۲۹ اسفند ۱۴۰۲"),  # last day of a leap year
    ],
)
def test_jalali_dates(gregorian: date, jalali: str) -> None:
    assert i18n.format_date(gregorian, "fa") == jalali


def test_gregorian_dates_beside_and_in_english() -> None:
    assert i18n.format_date(date(1998, 9, 18), "en") == "18 September 1998"
    assert i18n.format_gregorian(date(1998, 9, 18), "fa") == "۱۸ سپتامبر ۱۹۹۸"


def test_partial_dates() -> None:
    # A Gregorian year or month straddles two Jalali ones: shown as given, marked Gregorian.
    assert i18n.format_partial_date("2021", "fa") == "۲۰۲۱ میلادی"
    assert i18n.format_partial_date("2021-07", "en") == "July 2021"
    assert i18n.format_partial_date("2021-07", "fa") == "ژوئیهٔ ۲۰۲۱ میلادی"


def test_names_come_from_cldr() -> None:
    assert i18n.language_name("de", "fa") == "آلمانی"
    assert i18n.language_name("de", "en") == "German"
    assert i18n.country_name("DE", "fa") == "آلمان"
    assert i18n.is_country("DE") and not i18n.is_country("EU") and not i18n.is_country("de")
    assert i18n.is_language("fa") and not i18n.is_language("fas") and not i18n.is_language("xx")


PERSIAN_ORDER = ["آرش", "احمد", "بهرام", "پروین", "جواد", "چنگیز", "زهره", "ژاله", "کاوه", "گلناز", "مریم", "وحید", "هادی", "یاسمن"]  # fmt: skip


def test_persian_alphabetical_order() -> None:
    shuffled = PERSIAN_ORDER[:]
    random.Random(7).shuffle(shuffled)
    assert sorted(shuffled, key=i18n.persian_sort_key) == PERSIAN_ORDER
    # Code-point order gets it wrong (پ چ ژ گ are after ی; ه is before و):
    assert sorted(PERSIAN_ORDER) != PERSIAN_ORDER


def test_persian_order_folds_arabic_letters_and_ignores_zwnj() -> None:
    assert i18n.persian_sort_key("علي")[0] == i18n.persian_sort_key("علی")[0]
    assert i18n.persian_sort_key("كاظم")[0] == i18n.persian_sort_key("کاظم")[0]
    assert i18n.persian_sort_key("حسین\u200cزاده")[0] == i18n.persian_sort_key("حسینزاده")[0]


def test_english_order_ignores_case_and_accents() -> None:
    names = ["Isfahan", "Iași", "Havana", "barcelona"]
    assert sorted(names, key=i18n.english_sort_key) == ["barcelona", "Havana", "Iași", "Isfahan"]


def test_runs_in_the_other_script_are_marked_with_their_language() -> None:
    from generator.build import check
    from generator.context import Context

    from .conftest import FIXTURES

    directory = check(FIXTURES).public()
    fa, en = Context(directory, "fa"), Context(directory, "en")
    assert fa.parts("به شکل ISO 8601 \u200f(YYYY-MM-DD) و <>") == (
        'به شکل <span lang="en" dir="ltr">ISO 8601</span> \u200f('
        '<span lang="en" dir="ltr">YYYY-MM-DD</span>) و &lt;&gt;'
    )
    assert fa.parts("پروانهٔ CC BY 4.0، isfahaninfo.com.") == (
        'پروانهٔ <span lang="en" dir="ltr">CC BY 4.0</span>، '
        '<span lang="en" dir="ltr">isfahaninfo.com</span>.'
    )
    assert en.parts("Lahore (لاهور) & Isfahan") == (
        'Lahore (<span lang="fa" dir="rtl">لاهور</span>) &amp; Isfahan'
    )
    assert fa.parts(None) == "" and en.parts("only English") == "only English"


def test_runs_in_a_bio_are_marked_outside_tags_and_code() -> None:
    from markupsafe import Markup

    from generator.build import check
    from generator.context import Context

    from .conftest import FIXTURES

    fa = Context(check(FIXTURES).public(), "fa")
    bio = Markup(
        '<p>در R&amp;D و <code>x y</code> <a href="https://a.org/b">https://a.org/b</a></p>'
    )
    assert fa.parts_html(bio) == (
        '<p>در <span lang="en" dir="ltr">R&amp;D</span> و <code>x y</code> '
        '<a href="https://a.org/b"><span lang="en" dir="ltr">https://a.org/b</span></a></p>'
    )
