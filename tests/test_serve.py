"""serve.py: the live preview rebuilds when a data file is saved."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from generator.messages import persian_digits

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


def test_a_port_in_use_is_reported_in_one_line_before_anything_is_built(data_tree: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "generator", "--root", str(data_tree), "serve",
             "--port", str(port)],
            cwd=REPO, capture_output=True, text=True, timeout=60,
        )  # fmt: skip
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(
        f"درگاه (پورت) {persian_digits(port)} را برنامهٔ دیگری، شاید پیش‌نمایشی دیگر، در دست دارد"
    )
    assert result.stderr.endswith(
        f" · Port {port} is already in use, perhaps by another preview: stop that one, or "
        f"choose another port: make serve PORT={port + 1}\n"
    )
    assert not (data_tree / "build").exists()  # reported before the first build


def test_a_port_that_cannot_be_a_port_is_reported_too(data_tree: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(data_tree), "serve", "--port", "70000"],
        cwd=REPO, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 1
    assert result.stderr.endswith(
        " · Port 70000 cannot be used for the preview: choose one from 1024 to 65535: "
        "make serve PORT=8001\n"
    )
    assert result.stderr.startswith("درگاه (پورت) ۷۰۰۰۰ برای پیش‌نمایش به کار نمی‌آید")
    assert "Traceback" not in result.stderr


def test_bad_data_keeps_the_last_good_preview_and_says_so(data_tree: Path) -> None:
    port = free_port()
    page = f"http://127.0.0.1:{port}/en/diplomats/omid-farahani/"
    server = subprocess.Popen(
        [sys.executable, "-m", "generator", "--root", str(data_tree), "serve", "--port", str(port)],
        cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    try:
        assert wait_for(lambda: "Omid Farahani" in fetch(page)), "the preview never came up"
        profile = data_tree / "diplomats/omid-farahani.yml"
        text = profile.read_text(encoding="utf-8")
        profile.write_text(text.replace("status: approved", "status: aproved"), encoding="utf-8")
        time.sleep(5)  # several polls of the files, and a rebuild that fails
        assert "Omid Farahani" in fetch(page)
    finally:
        server.terminate()
        output, _ = server.communicate(timeout=10)
    lines = output.splitlines()  # Persian, as the other commands print by default
    assert lines[0].startswith("پیش‌نمایش ۱: ") and " صفحه در " in lines[0]
    assert lines[1] == (
        f"پیش‌نمایش در http://127.0.0.1:{port}/ (فارسی) و http://127.0.0.1:{port}/en/ (انگلیسی)؛ "
        "Ctrl+C آن را می‌بندد."
    )
    assert any(line.startswith("diplomats/omid-farahani.yml:5: status: ") for line in lines)
    assert lines[-1] == "۱ خطا؛ پیش‌نمایش همچنان آخرین نسخهٔ درست را نشان می‌دهد."
