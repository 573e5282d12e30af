"""sanitize.py: bios are Markdown, and nothing in them can run or style the page."""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

import pytest

from bench.synthetic import make_tree
from generator.load import load_sources
from generator.sanitize import MAX_NESTING, bio_html, is_plain, nesting, rendered
from generator.schema import MAX_BIO_NESTING

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


# ---------------------------------------------------------------------------- hostile input

# About 30 KB each, several times the longest bio the check lets through. Python-Markdown
# took 56 s on 60 KB of the unclosed tags and ended the nested markers in RecursionError;
# the others took it seconds at a few kilobytes.
HOSTILE = {
    "nested list markers": "- " * 15000,
    "nested quotes": "> " * 15000,
    "unclosed tags": "<a " * 10000,
    "unclosed CDATA": "<![CDATA[" * 3300,
    "open brackets": "[" * 30000,
    "open image brackets": "![" * 15000,
    "unclosed links": "[a](" * 7500,
    "unclosed block tags": "<div\n" * 6000,
    "unclosed autolinks": "<http://" * 3750,
    "emphasis without end": "**a" * 10000,
}


def _fastest(text: str, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        rendered(text)
        times.append(time.perf_counter() - start)
    return min(times)


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_markdown_renders_in_time_that_grows_with_its_length(name: str) -> None:
    whole = HOSTILE[name]
    quarter = whole[: len(whole) // 4]
    took, took_quarter = _fastest(whole), _fastest(quarter)
    assert took < 5, f"{took:.1f} s for {len(whole):,} characters"
    # Linear: four times the text, about four times the time (quadratic would be 16).
    # The fastest of three runs, and a tenth of a second to spare, for a busy machine.
    assert took < 10 * took_quarter + 0.1, (took, took_quarter)


def test_deep_nesting_renders_with_little_stack() -> None:
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(len(__import__("inspect").stack()) + 150)
    try:
        for text in ("- " * 500 + "x", "> " * 500 + "x", "> - 1. " * 200, "[" * 2000):
            rendered(text)  # Python-Markdown: RecursionError at the default limit of 1,000
    finally:
        sys.setrecursionlimit(limit)


@pytest.mark.parametrize(
    ("text", "depth"),
    [
        ("plain words", 0),
        ("**bold** and [a link](https://example.org/)", 0),
        ("- one\n- two\n", 1),
        ("- a\n  - b\n    - c\n", 3),
        ("> quoted\n> - in a list\n>   > quoted again\n", 3),
        ("1. first\n   1. second\n", 2),
    ],
)
def test_nesting_counts_lists_and_quotes(text: str, depth: int) -> None:
    assert nesting(text) == depth


def test_nesting_past_where_the_renderer_stops_reads_deeper_than_the_check_allows() -> None:
    # Past MAX_NESTING levels the parser stops, a list counting twice (the list and its
    # item): a text nested deeper than it can measure still reads over the check's limit.
    assert MAX_BIO_NESTING < MAX_NESTING // 2
    for text in ("- " * 500 + "x", "> " * 500 + "x", "1. " * 500 + "x", "> - " * 250 + "x"):
        assert nesting(text) > MAX_BIO_NESTING, text[:10]
