/* Persian-aware normalisation of search queries: the twin of generator/search_text.py's
   normalise(), which wrote the hidden index words. Both must give the same result
   (tests/test_search.py compares them). */
(function () {
  "use strict";
  var LETTERS = {
    "\u064A": "\u06CC", "\u0649": "\u06CC", "\u0643": "\u06A9", "\u0629": "\u0647",
    "\u06D5": "\u0647", "\u06BE": "\u0647", "\u06C1": "\u0647", "\u0671": "\u0627",
    "\u0640": "", "\u0621": ""
  };
  var PERSIAN_ZERO = 0x06f0;
  var ARABIC_ZERO = 0x0660;
  var FOLDED = /[\u064A\u0649\u0643\u0629\u06D5\u06BE\u06C1\u0671\u0640\u0621\u06F0-\u06F9\u0660-\u0669]/g;

  function fold(ch) {
    var code = ch.charCodeAt(0);
    if (code >= PERSIAN_ZERO && code <= PERSIAN_ZERO + 9) return String(code - PERSIAN_ZERO);
    if (code >= ARABIC_ZERO && code <= ARABIC_ZERO + 9) return String(code - ARABIC_ZERO);
    return LETTERS[ch];
  }

  /* One form for every way of typing a word: ي/ك → ی/ک, ۱۴۰۴/١٤٠٤ → 1404, no diacritics,
     tatweel, ZWNJ or bidi marks, alef variants → ا. */
  function normalise(text) {
    return String(text)
      .normalize("NFKD")
      .replace(/[\p{M}\p{Cf}]/gu, "")
      .replace(FOLDED, fold)
      .normalize("NFC")
      .toLowerCase();
  }

  window.cdNormalise = normalise;
})();
