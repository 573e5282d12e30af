"""sanitize.py: bios are Markdown, and nothing in them can run or style the page."""

from __future__ import annotations

import random
import tempfile
from pathlib import Path

import pytest

from bench.synthetic import make_tree
from generator.load import load_sources
from generator.sanitize import bio_html, is_plain, rendered

from .conftest import FIXTURES


def test_markdown_is_rendered() -> None:
    html = bio_html("**bold** and [a link](https://example.org/x)\n\nsecond paragraph")
    assert "<strong>bold</strong>" in html
    assert '<a href="https://example.org/x" rel="noopener noreferrer nofollow">a link</a>' in html
    assert html.count("<p>") == 2


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        "[click](javascript:alert(1))",
        '<a href="data:text/html,<script>alert(1)</script>">x</a>',
        '<p style="position:fixed">x</p>',
        "<iframe src=https://example.org></iframe>",
        '<svg onload="alert(1)"></svg>',
    ],
)
def test_hostile_markup_is_inert(hostile: str) -> None:
    html = str(bio_html(hostile)).lower()
    for bad in (
        "<script",
        "onerror",
        "javascript:",
        "data:",
        "style=",
        "<iframe",
        "<svg",
        "onload",
    ):
        assert bad not in html


def _bios() -> list[str]:
    """Every bio in the sample data and in a synthetic directory, in both languages."""
    texts = []
    with tempfile.TemporaryDirectory() as tmp:
        for root in (FIXTURES, make_tree(Path(tmp) / "synthetic", 60, data=FIXTURES)):
            for doc in load_sources(root).diplomats:
                bio = doc.data.get("bio") or {}
                texts += [text for text in bio.values() if isinstance(text, str)]
    return texts


# What a bio is made of: plain pieces, and now and then one that could turn plain text
# into Markdown or HTML, at the start or end of a line too.
_PLAIN = list("abc xyz ABC سلام شهر‌ها ۱۲۳ 123 .,،؛:()?'\"/%@-\n") + ["\n\n", "\u200c"]
_RISKY = list("\t+*_#>=`[]!<&|~{}\\\u00a0\u2028\r\x00\x02") + [
    "    ", "1. ", "۱. ", "- ", "* ", "  \n", " \n", "\n ", "\n-", "\n1", "---", "===",
    "http://x.org", "&amp;", "**b**",
]  # fmt: skip


def _made_up(rng: random.Random) -> str:
    pieces = [
        rng.choice(_RISKY if rng.random() < 0.1 else _PLAIN) for _ in range(rng.randint(1, 30))
    ]
    return "".join(pieces)


def test_plain_bios_take_a_short_path_that_gives_exactly_the_full_result() -> None:
    rng = random.Random(7)
    made = [_made_up(rng) for _ in range(10000)]
    bios = _bios()
    for text in bios + made:
        assert bio_html(text) == rendered(text), repr(text)
    # Both paths were compared: most real bios are plain, and so are many made-up ones.
    assert sum(map(is_plain, bios)) > len(bios) / 2
    assert 1000 < sum(map(is_plain, made)) < len(made) - 1000
