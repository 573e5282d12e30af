"""serve.py: the live preview rebuilds when a data file is saved."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from .conftest import REPO


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def wait_for(condition, seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if condition():
                return True
        except OSError:
            pass
        time.sleep(0.2)
    return False


def test_saving_a_yaml_file_updates_the_served_page(data_tree: Path) -> None:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [sys.executable, "-m", "generator", "--root", str(data_tree), "serve", "--port", str(port)],
        cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    try:
        page = f"{base}/en/diplomats/omid-farahani/"
        assert wait_for(lambda: "Omid Farahani" in fetch(page)), "the preview never came up"
        assert "/__livereload.js" in fetch(page)
        build = fetch(f"{base}/__build")
        profile = data_tree / "diplomats/omid-farahani.yml"
        profile.write_text(
            profile.read_text(encoding="utf-8").replace(
                "en: Omid Farahani", "en: Omid Farahani-Renamed"
            ),
            encoding="utf-8",
        )
        assert wait_for(lambda: "Omid Farahani-Renamed" in fetch(page), 60)
        # The new site is served as soon as it is swapped in; the build number changes once
        # the old site is removed, a moment later (longer on a busy machine).
        assert wait_for(lambda: fetch(f"{base}/__build") != build, 30)
    finally:
        server.terminate()
        server.wait(timeout=10)
