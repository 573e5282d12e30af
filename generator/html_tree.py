"""A small element tree from the standard library's HTML parser, with lxml's method names.

The check reads the HTML that Markdown makes of a content page with it, applying the
language gates' rules (language_of_parts.py) without lxml, which is a test tool only.
It also notes what a browser would have to repair: an element never closed, an end tag
without its start, elements closed in the wrong order.
"""

from __future__ import annotations

from collections.abc import Iterator
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}  # fmt: skip


class Element:
    """One element: its tag, attributes, text before its first child and after its end."""

    def __init__(self, tag: str, attrib: dict[str, str | None], parent: Element | None, line: int):
        self.tag, self.attrib, self.parent, self.line = tag, attrib, parent, line
        self.text, self.tail = "", ""
        self.written = f"<{tag}>"  # the start tag as written
        self.children: list[Element] = []

    def get(self, name: str, default: str | None = None) -> str | None:
        value = self.attrib.get(name, default)
        return "" if value is None and name in self.attrib else value

    def getparent(self) -> Element | None:
        return self.parent

    def iter(self) -> Iterator[Element]:
        yield self
        for child in self.children:
            yield from child.iter()

    def iterancestors(self) -> Iterator[Element]:
        element = self.parent
        while element is not None:
            yield element
            element = element.parent

    def text_content(self) -> str:
        return self.text + "".join(c.text_content() + c.tail for c in self.children)


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#root", {}, None, 1)
        self.open = [self.root]
        # (line, "unclosed" or "stray", the tag as written)
        self.repairs: list[tuple[int, str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        parent = self.open[-1]
        element = Element(tag, dict(attrs), parent, self.getpos()[0])
        element.written = self.get_starttag_text() or f"<{tag}>"
        parent.children.append(element)
        if tag not in VOID:
            self.open.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        tags = [e.tag for e in self.open[1:]]
        if tag not in tags:
            self.repairs.append((self.getpos()[0], "stray", f"</{tag}>"))
            return
        while self.open[-1].tag != tag:
            unclosed = self.open.pop()
            self.repairs.append((unclosed.line, "unclosed", unclosed.written))
        self.open.pop()

    def handle_data(self, data: str) -> None:
        current = self.open[-1]
        if current.children:
            current.children[-1].tail += data
        else:
            current.text += data

    def close(self) -> None:
        super().close()
        for unclosed in self.open[1:]:
            self.repairs.append((unclosed.line, "unclosed", unclosed.written))


def parse(html: str) -> tuple[Element, list[tuple[int, str, str]]]:
    """The tree of `html` under a root element "#root", and what a browser would repair:
    (line, "unclosed" or "stray", the start or end tag as written)."""
    builder = _Builder()
    builder.feed(html)
    builder.close()
    return builder.root, sorted(builder.repairs)
