"""search_text.py: one form for every way of typing a word, and the hidden index words."""

from __future__ import annotations

import pytest

from generator.search_text import (
    compound_parts,
    normalise,
    other_spellings,
    plain_text,
    search_terms,
)

# (typed, expected): each row is a way people type the same word differently.
SPELLINGS = [
    ("كيان يزداني", "کیان یزدانی"),  # Arabic keyboard: ي U+064A, ك U+0643
    ("على", "علی"),  # alef maksura
    ("حسین\u200cزاده", "حسینزاده"),  # ZWNJ
    ("مُهَدیّه", "مهدیه"),  # diacritics
    ("اصفـــهان", "اصفهان"),  # tatweel
    ("۱۴۰۴", "1404"),  # Persian digits
    ("١٤٠٤", "1404"),  # Arabic-Indic digits
    ("آلمان", "المان"),  # alef with madda
    ("أحمد إسلامی", "احمد اسلامی"),  # hamza on and under alef
    ("مؤسسه", "موسسه"),  # hamza on waw
    ("خانهٔ", "خانه"),  # hamza above heh (ezafe)
    ("ﻻهیجان", "لاهیجان"),  # presentation form
    ("اجزاء", "اجزا"),  # lone hamza
    ("\u200fFreiburg\u200e", "freiburg"),  # bidi marks, case
    ("Iași", "iasi"),  # Latin accents
]


@pytest.mark.parametrize(("typed", "expected"), SPELLINGS)
def test_normalise_folds_spelling_variants(typed: str, expected: str) -> None:
    assert normalise(typed) == expected


def test_normalise_keeps_what_differs() -> None:
    assert normalise("کیان") != normalise("کیوان")
    assert normalise("1404") != normalise("1400")
    assert normalise("پ") != normalise("ب")


def test_search_terms_add_only_changed_words_of_shown_text() -> None:
    terms = search_terms(["۲۹ شهریور ۱۴۰۰ (۲۰ سپتامبر ۲۰۲۱)", "مهدیه حسین‌زاده"]).split()
    assert terms == ["29", "1400", "20", "2021", "حسینزاده", "حسین", "زاده"]


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("حسین\u200cزاده", ("حسین", "زاده")),
        ("«سن\u200cپترزبورگ»،", ("سن", "پترزبورگ")),  # punctuation around the word
        ("شیخ\u200cالاسلامی", ("شیخ", "الاسلامی")),
        ("رفت\u200cوآمد", ("رفت", "وامد")),  # each part normalised, as queries are
        ("كشتي\u200cگيران", ("کشتی", "گیران")),  # Arabic yeh and kaf
        ("خانهٔ\u200cای", ("خانه",)),  # the affixes are not words of their own
        ("می\u200cکند", ("کند",)),
        ("بزرگ\u200cترین", ("بزرگ",)),
        ("کتاب\u200cهایشان", ("کتاب", "هایشان")),  # …but a part they begin is
        ("ب\u200cآب", ("اب",)),  # a one-letter part is not a word of its own
        ("حسینزاده", ()),  # no ZWNJ: nothing to split
        ("Freiburg", ()),
    ],
)
def test_compound_parts_are_split_at_zwnj(word: str, parts: tuple[str, ...]) -> None:
    assert compound_parts(word) == parts


def test_search_terms_add_the_parts_of_unseen_compounds_too() -> None:
    terms = search_terms([], ["سن\u200cپترزبورگ"]).split()
    assert terms == ["سنپترزبورگ", "سن", "پترزبورگ"]


def test_other_spellings_are_every_word_normalised() -> None:
    assert other_spellings(["Nourbakhsh", "Hamid Nourbakhsh", "Ḥosein\u200czâde"]).split() == [
        "nourbakhsh", "hamid", "hoseinzade", "hosein", "zade",
    ]  # fmt: skip


def test_search_terms_add_every_word_of_unseen_text_once() -> None:
    terms = search_terms(["Freiburg"], ["Associate professor", "Freiburg im Breisgau"]).split()
    assert terms == ["associate", "professor", "freiburg", "im", "breisgau"]


def test_search_terms_drop_punctuation_around_words() -> None:
    assert search_terms(["«۱۴۰۴»،"]) == "1404"


def test_plain_text_of_generated_html() -> None:
    assert plain_text("<p>a <strong>b</strong> &amp; c</p>").split() == ["a", "b", "&", "c"]
