"""Live preview: build, serve on localhost, rebuild what changed when a file is saved.

Open pages poll `/__build` and reload when the number changes, so saving a YAML file
shows the change without touching the browser. Bad data is reported in the terminal and
the last good preview stays up.

To answer within a couple of seconds on a large directory, the preview keeps one MkDocs
process per language running (no start-up, templates stay compiled) and rebuilds only
the pages whose Markdown changed (`dirty` builds). Pages of people who were removed stay
in the preview until it restarts; `make site` always builds from scratch.
"""

from __future__ import annotations

import errno
import functools
import http.server
import multiprocessing
import sys
import threading
import time
from pathlib import Path

from .build import Clock, Outputs, complete_pages, prepare, write_docs
from .errors import DataErrors
from .i18n import LANGUAGES
from .lifetime import die_with_parent
from .messages import Message, define, persian_digits, say
from .mkdocs_site import write_configs
from .render import reload_templates
from .report import in_language, print_findings

define(
    "serve_port_in_use",
    "Port {port} is already in use, perhaps by another preview: stop that one, or choose "
    "another port: make serve PORT={other}",
    "درگاه (پورت) {port} را برنامهٔ دیگری، شاید پیش‌نمایشی دیگر، در دست دارد: آن را ببندید یا "
    "درگاه دیگری برگزینید: make serve PORT={other}",
)
define(
    "serve_port_unusable",
    "Port {port} cannot be used for the preview: choose one from 1024 to 65535: "
    "make serve PORT={other}",
    "درگاه (پورت) {port} برای پیش‌نمایش به کار نمی‌آید: عددی از ۱۰۲۴ تا ۶۵۵۳۵ برگزینید: "
    "make serve PORT={other}",
)
define(
    "serve_listening",
    "Preview on {address} (Persian) and {address}en/ (English); Ctrl+C stops it.",
    "پیش‌نمایش در {address} (فارسی) و {address}en/ (انگلیسی)؛ Ctrl+C آن را می‌بندد.",
)
define(
    "serve_rebuilt",
    "Preview {number}: {pages} page(s) changed in {seconds} s ({stages})",
    "پیش‌نمایش {number}: {pages} صفحه در {seconds} ثانیه تغییر کرد ({stages})",
)
define(
    "serve_kept",
    "{count} error(s); the preview still shows the last good version.",
    "{count} خطا؛ پیش‌نمایش همچنان آخرین نسخهٔ درست را نشان می‌دهد.",
)

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


def _mkdocs_worker(conn) -> None:  # runs in a child process
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    # A preview ended by SIGTERM skips the exit handlers that end daemon processes, and
    # each worker holds the other's pipe open, so neither would ever see EOF: end with it.
    die_with_parent()

    while (job := conn.recv()) is not None:
        config_path, dirty = job
        try:
            build(load_config(str(config_path)), dirty=dirty)
            conn.send(None)
        except BaseException as exc:  # report anything; the preview keeps running
            conn.send(f"{type(exc).__name__}: {exc}")


class Preview:
    """The preview site under build/preview/<lang>, and the MkDocs workers that build it."""

    def __init__(self, root: Path, lang: str = "fa"):
        self.root = root
        self.lang = lang  # of the messages: fa, en or both
        self.work = root / "build"
        self.sites = {lang: self.work / "preview" / lang for lang in LANGUAGES}
        self.number = 0
        self.outputs: Outputs | None = None
        context = multiprocessing.get_context("fork")
        self.workers = {}
        for lang in LANGUAGES:
            parent, child = context.Pipe()
            context.Process(target=_mkdocs_worker, args=(child,), daemon=True).start()
            self.workers[lang] = parent

    def rebuild(self, changed: set[Path] | None = None) -> None:
        """Regenerate and rebuild; print what happened.

        When only diplomat files changed, profiles of the others are reused."""
        seconds: dict[str, float] = {}
        started = time.perf_counter()
        data_only = changed is not None and all(
            p.parent == self.root / "diplomats" for p in changed
        )
        if not data_only:
            reload_templates()
        previous = self.outputs if data_only else None
        try:
            outputs = prepare(self.root, self.work, Clock(seconds), previous=previous)
        except DataErrors as exc:
            print_findings(exc.errors, "text", sys.stdout, self.lang)
            self.say(say("serve_kept", count=len(exc.errors)))
            return
        changed = write_docs(self.work, outputs.pages)
        seconds["write"] = time.perf_counter() - started - sum(seconds.values())
        mkdocs_started = time.perf_counter()
        configs = write_configs(self.root, self.work, self.sites, "", ("/__livereload.js",))
        dirty = self.number > 0
        for lang, conn in self.workers.items():
            conn.send((configs[lang], dirty))
        failures = [f for f in (conn.recv() for conn in self.workers.values()) if f]
        if failures:
            print("\n".join(failures), flush=True)
            return
        complete_pages(self.sites, outputs.pages, fresh=not dirty)
        seconds["mkdocs"] = time.perf_counter() - mkdocs_started
        for rel, content in outputs.files.items():  # portraits, cards, data, feeds
            site, inner = self.directory_for("/" + rel)
            target = Path(site) / inner.lstrip("/")
            if not target.is_file() or target.read_bytes() != content:
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(content)
        self.outputs = outputs
        self.number += 1
        took = f"{time.perf_counter() - started:.1f}"
        took = Message(took, persian_digits(took).replace(".", "٫"))
        stages = ", ".join(f"{name} {secs:.2f}s" for name, secs in seconds.items())
        self.say(
            say("serve_rebuilt", number=self.number, pages=changed, seconds=took, stages=stages)
        )

    def say(self, message: Message) -> None:
        print(in_language(message, self.lang), flush=True)

    def directory_for(self, path: str) -> tuple[str, str]:
        """The folder that serves a request path, and the path inside it."""
        if path == "/en" or path.startswith("/en/"):
            return str(self.sites["en"]), path[3:] or "/"
        return str(self.sites["fa"]), path


class PortUnavailable(SystemExit):
    """The preview cannot listen on the port asked for; ends the program with one line."""

    def __init__(self, message: Message):
        super().__init__(f"{message.fa} · {message}")  # printed to stderr; exit status 1
        self.message = message


def listen(port: int) -> http.server.ThreadingHTTPServer:
    """A server bound to 127.0.0.1:`port`, its handler set later; PortUnavailable if it cannot.

    Bound before the first build, so that a port in use is reported at once, not after it.
    """
    shown = Message(str(port), persian_digits(port))  # not 8,000
    other = str(port + 1 if 1024 <= port < 65535 else 8001)  # typed: no Persian digits
    try:
        return http.server.ThreadingHTTPServer(
            ("127.0.0.1", port), http.server.BaseHTTPRequestHandler
        )
    except OSError as exc:
        key = "serve_port_in_use" if exc.errno == errno.EADDRINUSE else "serve_port_unusable"
        raise PortUnavailable(say(key, port=shown, other=other)) from None
    except OverflowError:  # not a port number at all: below 0 or above 65535
        raise PortUnavailable(say("serve_port_unusable", port=shown, other=other)) from None


def serve(root: Path, port: int = 8000, lang: str = "fa") -> None:
    """Serve a preview of the site on http://127.0.0.1:<port>/ until interrupted; say what
    happens in `lang` (fa, en or both)."""
    server = listen(port)
    preview = Preview(root, lang)
    preview.rebuild()

    class Handler(http.server.SimpleHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            if self.path == "/__build":
                return self._send(str(preview.number).encode(), "text/plain")
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
            self.directory, inner = preview.directory_for(path)
            return super().translate_path(inner)

        def log_message(self, *args: object) -> None:
            pass

    server.RequestHandlerClass = functools.partial(Handler, directory=str(preview.sites["fa"]))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    preview.say(say("serve_listening", address=f"http://127.0.0.1:{port}/"))
    before = snapshot(root)
    try:
        while True:
            time.sleep(0.2)
            now = snapshot(root)
            if now != before:
                changed = {p for p in now.keys() | before.keys() if now.get(p) != before.get(p)}
                before = now
                preview.rebuild(changed)
    except KeyboardInterrupt:
        server.shutdown()
