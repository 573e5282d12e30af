"""sanitize.py: bios are Markdown, and nothing in them can run or style the page."""

from __future__ import annotations

import pytest

from generator.sanitize import bio_html


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
