"""What the browser tests share: Debian's Chromium through Playwright, a quiet local server.

No browser is ever downloaded: if Chromium is missing the tests that need it fail
(`make test` installs it).
"""

from __future__ import annotations

import functools
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

VIEWPORTS = {"phone": (390, 844), "desktop": (1280, 900)}
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium_path() -> str:
    """Debian's Chromium (or $CHROMIUM); fails the test, never skips, when it is missing."""
    path = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).is_file():
        pytest.fail(f"Chromium not found at {path!r}: install it (make test) or set CHROMIUM")
    return path


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve `folder` on 127.0.0.1; yield its base URL ("http://127.0.0.1:PORT/")."""
    quiet = type("Quiet", (SimpleHTTPRequestHandler,), {"log_message": lambda *_: None})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(quiet, directory=folder))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


@contextmanager
def opened(browser, url: str, viewport: str = "desktop", wait: str = "load"):
    """Open `url` in a fresh context once its fonts are ready; yield (page, log).

    The log holds every URL requested ("requests"), every answer of 400 or more ("failed")
    and every uncaught exception or console error ("errors"; a 404 is one too).
    """
    width, height = VIEWPORTS[viewport]
    context = browser.new_context(viewport={"width": width, "height": height})
    page, log = context.new_page(), {"requests": [], "failed": [], "errors": []}
    page.on("request", lambda r: log["requests"].append(r.url))
    page.on("response", lambda r: r.status >= 400 and log["failed"].append(f"{r.status} {r.url}"))
    page.on("pageerror", lambda e: log["errors"].append(str(e)))
    page.on("console", lambda m: m.type == "error" and log["errors"].append(m.text))
    try:
        response = page.goto(url, wait_until=wait)
        assert response is not None and response.ok, f"{url}: {response and response.status}"
        page.evaluate("document.fonts.ready.then(() => true)")
        yield page, log
    finally:
        context.close()
