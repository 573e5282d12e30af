"""What the search index sees: Persian-aware normalisation and the extra words of a profile.

Pagefind indexes the visible text of each profile page. It already ignores ZWNJ and most
diacritics, but not Arabic ي/ك against Persian ی/ک, nor ۱۴۰۴ against 1404 (FINDINGS.md);
and as it drops the ZWNJ, حسین‌زاده is one word to it, which «زاده» does not find: the
parts of such words are added as hidden words too (compound_parts).
So the same `normalise` runs twice: here, on the words a page shows, whose normalised
forms are written into the page as hidden text; and in the browser, on every query
(theme/assets/javascripts/normalise.js is its twin, tested against this one).
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

# Letters that Arabic keyboards type and Persian writes differently, alef and heh variants.
# Yeh and kaf are also written as Persian letters when Persian text is loaded (load.py).
ARABIC_YEH_AND_KAF = {"ي": "ی", "ى": "ی", "ك": "ک"}
_LETTERS = {
    **ARABIC_YEH_AND_KAF, "ة": "ه", "ە": "ه", "ھ": "ه", "ہ": "ه", "ٱ": "ا",
    "ـ": "", "ء": "",  # tatweel, lone hamza
}  # fmt: skip
OTHER_DIGITS = "۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩"  # Persian, then Arabic-Indic
_DIGITS = {d: str(i % 10) for i, d in enumerate(OTHER_DIGITS)}
_FOLD = str.maketrans({**_LETTERS, **_DIGITS})
_TAG = re.compile(r"<[^>]+>")


@lru_cache(maxsize=1 << 16)  # the same words recur on thousands of profiles
def normalise(text: str) -> str:
    """One form for every way of typing a word: the index and the queries both go through it.

    Compatibility forms are decomposed (ﻻ → لا, آ → ا + maddah, أ → ا + hamza), marks
    (diacritics, maddah, hamza above, Latin accents) and format characters (ZWNJ, bidi
    marks) dropped, Arabic letters mapped to Persian ones, every digit made ASCII.
    """
    decomposed = unicodedata.normalize("NFKD", text)
    kept = "".join(ch for ch in decomposed if unicodedata.category(ch)[0] != "M")
    kept = "".join(ch for ch in kept if unicodedata.category(ch) != "Cf")
    return unicodedata.normalize("NFC", kept.translate(_FOLD)).lower()


def plain_text(fragment: str) -> str:
    """The text of an HTML fragment the generator produced itself (tags dropped)."""
    return html.unescape(_TAG.sub(" ", fragment))


def _trim(word: str) -> str:
    """A word without the punctuation and symbols around it: «(۱۴۰۴)،» → ۱۴۰۴."""
    start, end = 0, len(word)
    while start < end and unicodedata.category(word[start])[0] in "PS":
        start += 1
    while end > start and unicodedata.category(word[end - 1])[0] in "PS":
        end -= 1
    return word[start:end]


@lru_cache(maxsize=1 << 16)  # bios repeat most of their words from one profile to the next
def _changed_form(raw: str) -> str:
    """A shown word's normalised form, or "" where normalising leaves it as it is."""
    word = _trim(raw)
    folded = _trim(normalise(word))
    return folded if folded and folded != word.lower() else ""


ZWNJ = "\u200c"
# Prefixes and suffixes Persian joins with a ZWNJ (می‌کند، کتاب‌ها، خانه‌ای، بزرگ‌ترین): not
# words anyone searches for, and on nearly every page; normalised, as the parts are.
AFFIXES = frozenset({
    "می", "نمی", "ها", "های", "ای", "ام", "ات", "اش", "یم", "ید", "ند", "مان", "تان", "شان",
    "تر", "ترین",
})  # fmt: skip


@lru_cache(maxsize=1 << 16)
def compound_parts(raw: str) -> tuple[str, ...]:
    """The parts of a word joined by ZWNJ, normalised: «سن‌پترزبورگ» → (سن, پترزبورگ).

    Pagefind drops the ZWNJ and indexes the joined word only, and matches a query at the
    start of a word: «پترزبورگ» would not find it. Left out: one-letter parts (a query
    of one letter already matches the start of a word) and the affixes (AFFIXES).
    """
    if ZWNJ not in raw:
        return ()
    parts = (_trim(normalise(part)) for part in _trim(raw).split(ZWNJ))
    return tuple(part for part in parts if len(part) > 1 and part not in AFFIXES)


def search_terms(shown: Iterable[str], unseen: Iterable[str] = ()) -> str:
    """The hidden words a profile page adds to the index, space-separated.

    `shown` is text the page displays: only the words that normalisation changes are
    added (۱۴۰۴ → 1404, كيان → کیان), and the parts of the words joined by ZWNJ
    (حسین‌زاده → حسین, زاده). `unseen` is text the page does not display (the other
    language's occupation and city names): all of its words and parts are added, normalised.
    """
    terms: dict[str, None] = {}
    for text in shown:
        for raw in text.split():
            folded = _changed_form(raw)
            if folded:
                terms[folded] = None
            terms.update(dict.fromkeys(compound_parts(raw)))
    for text in unseen:
        for raw in text.split():
            word = _trim(normalise(raw))
            if word:
                terms[word] = None
            terms.update(dict.fromkeys(compound_parts(raw)))
    return " ".join(terms)


def other_spellings(spellings: Iterable[str]) -> str:
    """The words of a name's other spellings (`name.other`), for the index alone."""
    return search_terms((), spellings)
