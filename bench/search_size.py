"""What searching and browsing cost a reader at scale: bytes per first query, facet file size.

    python -m bench.search_size --people 10000 [--work /tmp/cd-bench]

makes PEOPLE synthetic diplomats (bench/synthetic.py), builds the site with the real
build, serves it on 127.0.0.1 and, in headless Chromium, types a few first queries into
the search box of a fresh page. For each it reports every byte the browser downloaded for
search (Pagefind's modular UI, its loader, worker and WebAssembly, the index pieces, the
fragments of the results in view of a 1280×720 window, and our two scripts): as served
here (no compression; Pagefind's index files are already gzipped) and as a server that
gzips text would send them.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import tempfile
import threading
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from generator.build import build_site, check
from generator.facets import FACET_FILE

from .synthetic import make_tree

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip
SEARCH_FILES = ("/pagefind/", "/assets/javascripts/normalise.js", "/assets/javascripts/search.js")
TEXT = (".js", ".css", ".json")


def first_query(browser, base: str, path: str, query: str) -> tuple[int, int, int, int]:
    """(requests, bytes as served, bytes gzipped where text, results) for one first query."""
    page = browser.new_page()
    sizes: list[tuple[str, int, int]] = []

    def record(response) -> None:
        url = response.url.removeprefix(base).split("?")[0]
        if any(part in url for part in SEARCH_FILES):
            body = response.body()
            zipped = len(gzip.compress(body, 6)) if url.endswith(TEXT) else len(body)
            sizes.append((url, len(body), zipped))

    page.on("response", record)
    page.goto(base + path)
    page.fill(".cd-search__input", query)
    page.wait_for_function(
        "q => document.querySelector('[data-cd-search]').dataset.searched === q",
        arg=query,
        timeout=60_000,
    )
    page.wait_for_load_state("networkidle")
    results = page.locator(".cd-search__result:not(.cd-search__result--loading)").count()
    page.close()
    return len(sizes), sum(s[1] for s in sizes), sum(s[2] for s in sizes), results


def serve_site(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve `site` on a free port of 127.0.0.1; return the server and its base URL."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Quiet, directory=str(site))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}"


def measure_first_search(site: Path, query: str | None = None) -> int:
    """Bytes (as served) of a first search on the Persian home page, in Chromium."""
    if query is None:
        first = sorted((site / "diplomats").glob("*/index.html"))[0]
        query = first.read_text(encoding="utf-8").split("<h1", 1)[1].split(">", 2)[2].split("<")[0]
    server, base = serve_site(site)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            _, served, _, _ = first_query(browser, base, "/", query)
            browser.close()
    finally:
        server.shutdown()
    return served


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--work", type=Path, default=None, help="default: a temporary folder")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="cd-bench-"))

    start = time.perf_counter()
    root = make_tree(work / "repo", args.people)
    public = check(root).public()
    print(f"data: {args.people} diplomats, {len(public.diplomats)} approved "
          f"({time.perf_counter() - start:.0f}s)")  # fmt: skip
    report = build_site(root, site_dir=work / "site")
    print(report)
    site = work / "site"
    facets = (site / FACET_FILE).read_bytes()
    print(f"facet data {FACET_FILE}: {len(facets):,} bytes, "
          f"{len(gzip.compress(facets, 6)):,} gzipped")  # fmt: skip
    bundle = sum(f.stat().st_size for f in (site / "pagefind").rglob("*") if f.is_file())
    print(f"search bundle pagefind/: {bundle:,} bytes on disk (all languages)")

    person = public.diplomats[0]
    queries = [
        ("/", person.name.fa),  # a full Persian name
        ("/", person.name.fa[:2]),  # a two-letter prefix
        ("/", "1400"),  # a number, shown in Persian digits
        ("/en/", person.name.en),  # a full English name
        ("/en/", person.name.fa),  # the Persian name in the English search
    ]

    server, base = serve_site(site)
    print("first query (fresh page)        requests   as served    gzipped  results loaded")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for path, query in queries:
            n, served, zipped, results = first_query(browser, base, path, query)
            print(f"{path:5} {query[:24]:24} {n:9} {served:11,} {zipped:10,} {results:9}")
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main()
