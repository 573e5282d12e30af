"""What a page costs a reader on a phone: bytes transferred on a first visit and on the next page.

    python -m bench.page_weight SITE

serves a built site on 127.0.0.1 the way a static host does (every response cacheable for
ten minutes, as GitHub Pages sends it) and opens pages in Debian's Chromium. The server
counts what it sends: text (HTML, CSS, JS, JSON, SVG, XML) as `gzip -9` would send it,
everything else (fonts, images, Pagefind's already compressed index) as it is. A page's
figure is the sum over every response while it loads and settles (network idle, fonts
ready), so scripts' own fetches (the search UI, the facet data) count too.

First visit: a fresh browser context (empty cache). Second page: another page of the same
type in the same context, its cache warm: for the home, directory, cities and about pages
that is the same page in the other language (a visitor switching language), for profiles,
cities and activity areas another one of them.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import threading
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import sync_playwright

from .search_size import ARGS, CHROMIUM

FIRST_VISIT_KB = 120
SECOND_PAGE_KB = 15
TEXT = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map")
CACHE_SECONDS = 600


@dataclass
class Weight:
    """One page type's figures, in bytes as transferred."""

    kind: str
    first: str  # the page of the first visit (path under the site)
    second: str
    first_bytes: int = 0
    second_bytes: int = 0
    first_sent: list[str] = field(default_factory=list)  # the paths the server sent
    second_sent: list[str] = field(default_factory=list)

    @property
    def first_requests(self) -> int:
        return len(self.first_sent)

    @property
    def second_requests(self) -> int:
        return len(self.second_sent)

    @property
    def met(self) -> bool:
        return (
            self.first_bytes <= FIRST_VISIT_KB * 1024 and self.second_bytes <= SECOND_PAGE_KB * 1024
        )


def transferred(path: Path, body: bytes) -> int:
    """Bytes on the wire: gzip -9 for text, as a server compressing text would send it."""
    if path.suffix in TEXT:
        return len(gzip.compress(body, 9))
    return len(body)


class Counter:
    """What the server has sent since the last `take()`: (requests, bytes)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.sent: list[tuple[str, int]] = []

    def add(self, path: str, size: int) -> None:
        with self.lock:
            self.sent.append((path, size))

    def take(self) -> list[tuple[str, int]]:
        with self.lock:
            sent, self.sent = self.sent, []
        return sent


def serve(site: Path, counter: Counter) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve `site` with cache headers, counting every body sent; the server and base URL."""

    class Handler(http.server.SimpleHTTPRequestHandler):
        def end_headers(self) -> None:
            self.send_header("Cache-Control", f"max-age={CACHE_SECONDS}")
            super().end_headers()

        def copyfile(self, source, outputfile) -> None:  # only for a response with a body
            body = source.read()
            counter.add(self.path, transferred(Path(source.name), body))
            outputfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Handler, directory=str(site))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}/"


def page_types(site: Path) -> list[Weight]:
    """Each page type with the two pages it is measured on (paths under the site)."""

    def two(folder: str) -> tuple[str, str]:
        found = sorted(
            p.parent.relative_to(site).as_posix() + "/"
            for p in (site / folder).glob("*/index.html")
            if p.parent.name != "page"
        )
        return found[0], found[1] if len(found) > 1 else "en/" + found[0]

    kinds = [
        Weight("home", "", "en/"),
        Weight("directory", "diplomats/", "en/diplomats/"),
        Weight("profile", *two("diplomats")),
        Weight("city", *two("cities")),
        Weight("cities", "cities/", "en/cities/"),
        Weight("field", *two("fields")),
        Weight("about", "about/", "en/about/"),
    ]
    return [k for k in kinds if (site / k.first / "index.html").is_file()]


def settle(page) -> None:
    page.wait_for_load_state("networkidle")
    page.evaluate("document.fonts.ready.then(() => true)")
    page.wait_for_load_state("networkidle")


def measure(site: Path, viewport: dict | None = None) -> list[Weight]:
    """Every page type's first visit and second page, in a phone-sized Chromium window."""
    counter = Counter()
    server, base = serve(site, counter)
    kinds = page_types(site)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            for kind in kinds:
                context = browser.new_context(viewport=viewport or {"width": 390, "height": 844})
                page = context.new_page()
                counter.take()
                page.goto(base + kind.first)
                settle(page)
                sent = counter.take()
                kind.first_sent, kind.first_bytes = [p for p, _ in sent], sum(s for _, s in sent)
                page.goto(base + kind.second)
                settle(page)
                sent = counter.take()
                kind.second_sent, kind.second_bytes = [p for p, _ in sent], sum(s for _, s in sent)
                context.close()
            browser.close()
    finally:
        server.shutdown()
    return kinds


def table(kinds: list[Weight]) -> list[str]:
    """The report's table: one row per page type, with whether both budgets are met."""
    lines = [
        f"| page type | first visit (KB, ≤ {FIRST_VISIT_KB}) | requests | "
        f"second page (KB, ≤ {SECOND_PAGE_KB}) | requests | met |",
        "|---|---|---|---|---|---|",
    ]
    for k in kinds:
        lines.append(
            f"| {k.kind} (`/{k.first}` then `/{k.second}`) | {k.first_bytes / 1024:,.1f} | "
            f"{k.first_requests} | {k.second_bytes / 1024:,.1f} | {k.second_requests} | "
            f"{'yes' if k.met else '**no**'} |"
        )
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path)
    args = parser.parse_args()
    print("\n".join(table(measure(args.site))))


if __name__ == "__main__":
    main()
