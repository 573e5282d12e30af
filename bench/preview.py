"""Measure the live preview: seconds from saving a YAML file to the new page being served.

Usage: python -m bench.preview [--n 1000]. Starts `generator serve` on synthetic data,
edits one diplomat's English name, and polls the profile page until it shows the edit.
"""

from __future__ import annotations

import argparse
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from bench.synthetic import REPO, make_tree


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def measure(n: int, edits: int = 3) -> list[float]:
    """Seconds from each save to the changed page, for `edits` successive edits."""
    with tempfile.TemporaryDirectory(prefix="preview-") as tmp:
        root = make_tree(Path(tmp) / "repo", n)
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        server = subprocess.Popen(
            [sys.executable, "-m", "generator", "--root", str(root), "serve", "--port", str(port)],
            cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        try:
            page = f"http://127.0.0.1:{port}/en/diplomats/person-00007/"
            deadline = time.monotonic() + 600
            while "person-00007" not in fetch(page) and time.monotonic() < deadline:
                time.sleep(0.2)
            time.sleep(1)
            results = []
            source = root / "diplomats" / "person-00007.yml"
            for i in range(edits):
                text = source.read_text(encoding="utf-8")
                marker = f"Edited{i}"
                source.write_text(
                    text.replace("\n  en: ", f"\n  en: {marker} ", 1), encoding="utf-8"
                )
                saved = time.monotonic()
                while marker not in fetch(page):
                    if time.monotonic() - saved > 120:
                        raise SystemExit("the preview did not update within 120 s")
                    time.sleep(0.05)
                results.append(time.monotonic() - saved)
                time.sleep(1)
            return results
        finally:
            server.terminate()
            server.wait(timeout=10)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=1000)
    args = parser.parse_args()
    times = measure(args.n)
    print(f"{args.n} diplomats: save → updated page in " + ", ".join(f"{t:.2f} s" for t in times))
    return 0


if __name__ == "__main__":
    sys.exit(main())
