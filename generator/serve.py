"""Live preview: build, serve on localhost, rebuild when a source file is saved.

Open pages poll `/__build` and reload when the number changes, so saving a YAML file
shows the change in the browser without touching it. Bad data is reported in the
terminal and the last good site stays up.
"""

from __future__ import annotations

import functools
import http.server
import threading
import time
from pathlib import Path

from .build import build_site
from .errors import DataErrors
from .mkdocs_site import MkDocsFailed
from .search_index import SearchIndexFailed

WATCHED = ("diplomats", "cities", "content", "theme", "mkdocs.yml", "generator/templates")
RELOAD_SCRIPT = b"""(function () {
  var seen = null;
  function poll() {
    fetch("/__build", {cache: "no-store"}).then(function (r) { return r.text(); })
      .then(function (n) { if (seen !== null && n !== seen) location.reload(); seen = n; })
      .catch(function () {}).finally(function () { setTimeout(poll, 500); });
  }
  poll();
})();
"""


def snapshot(root: Path) -> dict[Path, float]:
    """Modification times of every watched file."""
    times = {}
    for name in WATCHED:
        path = root / name
        files = [path] if path.is_file() else path.rglob("*") if path.is_dir() else []
        for file in files:
            if file.is_file() and "__pycache__" not in file.parts:
                times[file] = file.stat().st_mtime
    return times


def serve(root: Path, port: int = 8000) -> None:
    """Serve a preview of the site on http://127.0.0.1:<port>/ until interrupted."""
    site = root / "build" / "preview"
    state = {"build": 0}

    def rebuild() -> None:
        try:
            report = build_site(root, site_dir=site, extra_javascript=("/__livereload.js",))
        except DataErrors as exc:
            print("\n".join(str(e) for e in exc.errors), flush=True)
            print(f"{len(exc.errors)} error(s); still showing the last good build.", flush=True)
            return
        except (MkDocsFailed, SearchIndexFailed) as exc:
            print(exc, flush=True)
            return
        state["build"] += 1
        print(report, flush=True)

    rebuild()

    class Handler(http.server.SimpleHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            if self.path == "/__build":
                return self._send(str(state["build"]).encode(), "text/plain")
            if self.path == "/__livereload.js":
                return self._send(RELOAD_SCRIPT, "text/javascript")
            return super().do_GET()

        def _send(self, body: bytes, kind: str) -> None:
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

        def translate_path(self, path: str) -> str:
            # The site folder is swapped on every build: resolve it on each request.
            self.directory = str(site)
            return super().translate_path(path)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", port), functools.partial(Handler, directory=str(site))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"Serving on http://127.0.0.1:{port}/ (Persian) and /en/ (English); Ctrl+C stops.")
    before = snapshot(root)
    try:
        while True:
            time.sleep(0.3)
            now = snapshot(root)
            if now != before:
                before = now
                rebuild()
    except KeyboardInterrupt:
        server.shutdown()
