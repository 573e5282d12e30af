"""search_text.py: one form for every way of typing a word, and the hidden index words."""

from __future__ import annotations

import pytest

from generator.search_text import normalise, plain_text, search_terms

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
    assert terms == ["29", "1400", "20", "2021", "حسینزاده"]


def test_search_terms_add_every_word_of_unseen_text_once() -> None:
    terms = search_terms(["Freiburg"], ["Associate professor", "Freiburg im Breisgau"]).split()
    assert terms == ["associate", "professor", "freiburg", "im", "breisgau"]


def test_search_terms_drop_punctuation_around_words() -> None:
    assert search_terms(["«۱۴۰۴»،"]) == "1404"


def test_plain_text_of_generated_html() -> None:
    assert plain_text("<p>a <strong>b</strong> &amp; c</p>").split() == ["a", "b", "&", "c"]
