"""The site's font: Vazirmatn cut down to the characters the site shows (`make font`).

The variable Vazirmatn (fonts/vazirmatn-variable.woff2, 108.5 KB) covers ~800 characters,
a third of them Arabic presentation forms, which Persian text never contains (shaping makes
them from the letters through the font's OpenType features). The subset (45.5 KB) keeps
the Persian letters and digits, the Urdu letters of a sister city's local name, Latin with
the Extended-A letters of European place and person names (Iași's ș is in Extended-B, kept
too), general punctuation, the weight axis from 400 to 700 (`WEIGHTS`) and the layout
features Persian shaping needs. It is committed under theme/assets/fonts/;
tests/test_weight.py checks that it is this module's output and that it covers every page
of a build.

Why once, not at every build: the character set is fixed by script, not read from the
data, so the subset changes only when this file or the source font does; the build then
needs neither fontTools nor its ~1.5 s. Text in scripts Vazirmatn has never covered
(Cyrillic, Armenian, Telugu, Chinese: the local names of some sister cities) is drawn by
the reader's system fonts, as it was before subsetting.

Vazirmatn's OFL names no Reserved Font Name, so the subset may keep its name.
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SOURCE = REPO / "fonts" / "vazirmatn-variable.woff2"
SHIPPED = REPO / "theme" / "assets" / "fonts" / "vazirmatn-subset.woff2"

# (first, last) code points, both included.
RANGES: tuple[tuple[int, int], ...] = (
    (0x0020, 0x007E),  # Basic Latin
    (0x00A0, 0x00FF),  # Latin-1: accented letters, «», ·, no-break space
    (0x0100, 0x017F),  # Latin Extended-A: İ, ł, ő, š, ž … in names of people and places
    (0x0218, 0x021B),  # Ș ș Ț ț (Romanian: Iași)
    (0x060C, 0x060C),  # ، Arabic comma
    (0x061B, 0x061B),  # ؛
    (0x061F, 0x061F),  # ؟
    (0x0621, 0x063A),  # hamza, alef … ghain
    (0x0640, 0x0655),  # tatweel, feh … yeh (Arabic kaf and yeh too), harakat, hamza above
    (0x066A, 0x066C),  # ٪ ٫ ٬ Persian percent sign and separators
    (0x0670, 0x0670),  # superscript alef
    (0x067E, 0x067E),  # پ
    (0x0686, 0x0686),  # چ
    (0x0698, 0x0698),  # ژ
    (0x06A9, 0x06A9),  # ک
    (0x06AF, 0x06AF),  # گ
    (0x06C0, 0x06C0),  # ۀ
    (0x06CC, 0x06CC),  # ی
    # Urdu, for native names of sister cities (Lahore: لاہور)
    (0x0679, 0x0679),  # ٹ
    (0x0688, 0x0688),  # ڈ
    (0x0691, 0x0691),  # ڑ
    (0x06BA, 0x06BA),  # ں
    (0x06BE, 0x06BE),  # ھ
    (0x06C1, 0x06C3),  # ہ ۂ ۃ
    (0x06D2, 0x06D3),  # ے ۓ
    (0x06F0, 0x06F9),  # Persian digits
    (0x2000, 0x206F),  # General Punctuation: ZWNJ, ZWJ, marks, dashes, quotes, isolates
    (0x20AC, 0x20AC),  # €
    (0x2212, 0x2212),  # minus sign
    (0xFDFC, 0xFDFC),  # ﷼ rial sign
)

# The weights the stylesheets ask for: 400 and 700 (Material's 300 for h1 is drawn at 400).
# Below 400 the font interpolates towards its Thin master, whose deltas cost ~19 KB.
WEIGHTS = (400, 700)

# fontTools' default layout features include Arabic shaping (init, medi, fina, isol, rlig,
# ccmp, mark, mkmk, kern, calt, liga, locl …); the stylistic sets, small capitals and
# discretionary ligatures that no stylesheet of the site asks for are dropped.
EXTRA_FEATURES = ("tnum", "lnum")


def unicodes() -> list[int]:
    """Every code point the subset keeps (where the source font has it)."""
    return [cp for first, last in RANGES for cp in range(first, last + 1)]


def subset_font(source: Path = SOURCE, target: Path = SHIPPED) -> Path:
    """Write the subset of `source` to `target` (WOFF2); the same bytes on every run."""
    from fontTools import subset
    from fontTools.ttLib import TTFont
    from fontTools.varLib import instancer

    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = [*options.layout_features, *EXTRA_FEATURES]
    options.name_IDs = ["*"]  # the STAT and fvar tables name the axis and its instances
    options.name_languages = ["*"]
    options.notdef_outline = True
    font = TTFont(source, recalcTimestamp=False)  # keep head.modified: reproducible bytes
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=unicodes())
    subsetter.subset(font)
    font = instancer.instantiateVariableFont(font, {"wght": WEIGHTS})
    font.flavor = "woff2"
    target.parent.mkdir(parents=True, exist_ok=True)
    font.save(target)
    return target


def main() -> int:
    target = subset_font()
    before, after = SOURCE.stat().st_size, target.stat().st_size
    print(f"{target.relative_to(REPO)}: {after / 1024:.1f} KB (source {before / 1024:.1f} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
