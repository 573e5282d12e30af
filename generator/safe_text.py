"""Characters that no published file may carry as they are, and how each format writes them.

Loading refuses control characters and noncharacters, and one-line fields refuse every
line break, so none of this changes what valid data publishes. It is the second line of
defence: whatever reaches the writers of contact cards, feeds, open data and JSON-LD, a
value can neither add a line (a vCard property, a CSV row) nor make a file that its
standard parser refuses (XML 1.0, HTML, JSON read by JavaScript).
"""

from __future__ import annotations

import re

# Every line boundary that some reader honours: CR LF, CR, LF, VT, FF, the information
# separators that Python's str.splitlines breaks at, NEL, and the Unicode line and
# paragraph separators.
LINE_BREAK = re.compile(r"\r\n|[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
# Line breaks that are not a plain LF: they become one.
_OTHER_LINE_BREAK = re.compile(r"\r\n|[\r\x0b\x0c\x1c-\x1e\x85]")
# What XML 1.0 forbids or discourages and HTML calls a parse error: C0 controls other
# than tab and LF, DEL, C1 controls, the 66 noncharacters, and lone surrogates.
NONCHARACTERS = "\ufdd0-\ufdef" + "".join(
    f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17)
)
UNWRITABLE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff{NONCHARACTERS}]")
# Characters that JSON may hold as they are but that HTML or older JavaScript refuse.
_JSON_ESCAPED = re.compile(f"[\x7f-\x9f\u2028\u2029\ud800-\udfff{NONCHARACTERS}]")


def printable(text: str) -> str:
    """`text` with every line break written as LF and every unwritable character dropped."""
    return UNWRITABLE.sub("", _OTHER_LINE_BREAK.sub("\n", text))


def one_line(text: str) -> str:
    """`text` as `printable` gives it, with each line break made a space."""
    return LINE_BREAK.sub(" ", printable(text))


def json_text(text: str) -> str:
    """Serialised JSON with the characters in `_JSON_ESCAPED` written as \\u escapes.

    They occur only inside strings (JSON's own syntax is ASCII), so the value read back is
    the same; the text is then valid inside an HTML <script> element and in JavaScript.
    """
    return _JSON_ESCAPED.sub(_escaped, text)


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000  # a UTF-16 surrogate pair, as JSON writes characters beyond the BMP
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
