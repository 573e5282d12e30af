"""`make bench N=…`: build N synthetic diplomats, measure every stage, compare to a baseline.

Writes bench/report-<N>.md. The baseline is what a newcomer would set up: plain MkDocs +
Material + mkdocs-static-i18n, Material's search on, every profile in the nav.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path

from bench import page_weight
from bench.baseline import write_baseline
from bench.synthetic import REPO, make_tree
from generator.build import ALONGSIDE, is_main_stage

TARGETS = {
    "full build (s)": 60,
    "peak memory (MB)": 1500,  # 1.5 GB, in millions of bytes
    "profile page HTML (KB)": 30,
    "first search download (KB)": 300,
    "generator share (%)": 15,
    # Transferred as gzip would send it, heaviest page type (bench/page_weight.py).
    "first visit, heaviest page type (KB)": page_weight.FIRST_VISIT_KB,
    "second page, heaviest page type (KB)": page_weight.SECOND_PAGE_KB,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=1000, help="approved diplomats (default 1000)")
    parser.add_argument("--baseline", choices=("auto", "yes", "no"), default="auto",
                        help="auto: only up to 2,000 diplomats (it grows with the square of N)")  # fmt: skip
    parser.add_argument("--report", type=Path, default=None)
    args = parser.parse_args(argv)
    report = args.report or REPO / "bench" / f"report-{args.n}.md"
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        results = run(
            Path(tmp),
            args.n,
            args.baseline == "yes" or (args.baseline == "auto" and args.n <= 2000),
        )
    report.write_text(render_report(args.n, results), encoding="utf-8")
    print(report.read_text(encoding="utf-8"))
    return 0


def run(tmp: Path, n: int, with_baseline: bool) -> dict:
    """Every measurement, as plain numbers."""
    results: dict = {"n": n}
    started = time.perf_counter()
    root = make_tree(tmp / "repo", n)
    results["generate data (s)"] = time.perf_counter() - started
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1767225600"}
    timings = tmp / "timings.json"
    command = [
        sys.executable,
        "-m",
        "generator",
        "--root",
        str(root),
        "build",
        "--timings",
        str(timings),
    ]
    results["cold"] = measure(command, env)
    results["cold"]["stages"] = json.loads(timings.read_text())
    # The same build again: photos come from the cache, unchanged Markdown is not rewritten.
    results["warm"] = measure(command, env)
    results["warm"]["stages"] = json.loads(timings.read_text())
    site = root / "site"
    results["output (MB)"] = folder_bytes(site) / 1e6
    results["files"] = sum(1 for p in site.rglob("*") if p.is_file())
    profile = next(iter(sorted((site / "diplomats").glob("person-*/index.html"))))
    results["profile page HTML (KB)"] = (
        max(profile.stat().st_size, (site / "en" / profile.relative_to(site)).stat().st_size) / 1024
    )
    results["directory download (KB)"] = (
        page_download(site, site / "diplomats" / "index.html") / 1024
    )
    results["directory download gzip (KB)"] = (
        page_download(site, site / "diplomats" / "index.html", gz=True) / 1024
    )
    directory = (site / "diplomats" / "index.html").read_bytes()
    results["directory page HTML (KB)"] = len(directory) / 1024
    results["directory page HTML gzip (KB)"] = len(gzip.compress(directory, 9)) / 1024
    results["page weight"] = page_weight.measure(site)
    search = first_search_bytes(site)
    if search is not None:
        results["first search download (KB)"] = search / 1024
    if with_baseline:
        base_root = write_baseline(root, tmp / "baseline")
        results["baseline"] = measure(
            [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(base_root / "mkdocs.yml")],
            env,
        )
        results["baseline"]["output (MB)"] = folder_bytes(base_root / "site") / 1e6
    return results


def measure(command: list[str], env: dict) -> dict:
    """Wall time and peak memory of a command and all its children."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    peak = [0]
    watcher = threading.Thread(target=_watch_memory, args=(proc, peak), daemon=True)
    watcher.start()
    output, _ = proc.communicate()
    seconds = time.perf_counter() - start
    watcher.join()
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{output}")
    return {"seconds": seconds, "peak memory (MB)": peak[0] / 1e6}


def _watch_memory(proc: subprocess.Popen, peak: list[int]) -> None:
    while proc.poll() is None:
        peak[0] = max(peak[0], tree_memory(proc.pid))
        time.sleep(0.05)


def tree_memory(root_pid: int) -> int:
    """Memory of a process and all its descendants, in bytes.

    Each process counts its proportional set size (PSS): a page that forked processes
    share is split between them, not counted once per process as resident size would.
    Where PSS cannot be read, resident size stands in.
    """
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    total, stack = 0, [root_pid]
    while stack:
        pid = stack.pop()
        total += _process_memory(pid)
        stack += [child for child, parent in parents.items() if parent == pid]
    return total


def _process_memory(pid: int) -> int:
    for name, field in (("smaps_rollup", "Pss"), ("status", "VmRSS")):
        try:
            text = (Path("/proc") / str(pid) / name).read_text()
        except OSError:
            continue
        match = re.search(rf"^{field}:\s+(\d+) kB", text, re.MULTILINE)
        if match:
            return int(match.group(1)) * 1024
    return 0


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def page_download(site: Path, page: Path, gz: bool = False) -> int:
    """Bytes of a page and the files its HTML makes the browser fetch (CSS, JS, fonts, images)."""
    html = page.read_text(encoding="utf-8")
    refs = re.findall(
        r'<(?:link[^>]+rel="(?:stylesheet|preload)"[^>]*href|script[^>]+src|img[^>]+src)="([^"]+)"',
        html,
    )
    files = [page] + [
        (page.parent / ref.split("?")[0]).resolve() for ref in refs if "://" not in ref
    ]
    total = 0
    for path in dict.fromkeys(files):
        if path.is_file():
            data = path.read_bytes()
            total += len(gzip.compress(data)) if gz and path.suffix != ".woff2" else len(data)
    return total


def first_search_bytes(site: Path) -> int | None:
    """Bytes downloaded by a first search in a real browser, or None without a search index."""
    if not (site / "pagefind").is_dir():
        return None
    from bench.search_size import measure_first_search

    return measure_first_search(site)


def render_report(n: int, r: dict) -> str:
    cold, warm = r["cold"], r["warm"]
    stages = {k: v for k, v in cold["stages"].items() if is_main_stage(k)}
    alongside = {
        k.removeprefix(ALONGSIDE): v for k, v in cold["stages"].items() if k.startswith(ALONGSIDE)
    }
    lanes: dict[str, dict[str, float]] = {}
    for name, secs in cold["stages"].items():
        lang, _, stage = name.partition(": ")
        if stage and not name.startswith(ALONGSIDE):
            lanes.setdefault(stage, {})[lang] = secs
    # The generator's own share of the wall time: its stages in the build process (load and
    # validate, waiting for the files made alongside, assemble, publish) and, of the lanes,
    # render, write and shells in the language where they took longest.
    own = (
        "render",
        "write",
        "pages from their shells",
        "profiles: render, stamp, search index input",
    )
    in_lanes = max(
        (sum(lanes.get(stage, {}).get(lang, 0) for stage in own) for lang in ("fa", "en")),
        default=0,
    )
    generator = in_lanes + sum(v for k, v in stages.items() if not k.startswith("pages"))
    share = 100 * generator / cold["seconds"]
    measured = {
        "full build (s)": cold["seconds"],
        "peak memory (MB)": cold["peak memory (MB)"],
        "profile page HTML (KB)": r["profile page HTML (KB)"],
        "first search download (KB)": r.get("first search download (KB)"),
        "generator share (%)": share,
        "first visit, heaviest page type (KB)": max(k.first_bytes for k in r["page weight"]) / 1024,
        "second page, heaviest page type (KB)": max(k.second_bytes for k in r["page weight"])
        / 1024,
    }
    lines = [
        f"# Benchmark: {n:,} approved diplomats",
        "",
        f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC with `make bench N={n}`. "
        f"Machine: {_cpu()}, {os.cpu_count()} cores, {_memory()}, Python {platform.python_version()}, "
        f"MkDocs {version('mkdocs')}, Material {version('mkdocs-material')}.",
        "Figures from one run on a shared machine: compare ratios more than seconds.",
        "",
        "## Targets",
        "",
        "| measure | target | measured | met |",
        "|---|---|---|---|",
    ]
    for name, target in TARGETS.items():
        value = measured[name]
        shown = "not measured (no search index)" if value is None else f"{value:,.1f}"
        met = "—" if value is None else ("yes" if value <= target else "**no**")
        lines.append(f"| {name} | ≤ {target:,} | {shown} | {met} |")
    if "baseline" in r:
        ratio = r["baseline"]["seconds"] / cold["seconds"]
        lines.append(
            f"| speed-up over the baseline | ≥ 8× at 1,000 | {ratio:,.1f}× | {'yes' if ratio >= 8 else '**no**'} |"
        )
    lines += [
        "",
        "## Full build, cold (no photo cache, empty build folder)",
        "",
        "| stage | seconds | share |",
        "|---|---|---|",
    ]
    for name, secs in stages.items():
        lines.append(f"| {name} | {secs:,.2f} | {100 * secs / cold['seconds']:.0f}% |")
    lines.append(
        f"| process start-up and the rest | {cold['seconds'] - sum(stages.values()):,.2f} | |"
    )
    lines.append(f"| **total** | **{cold['seconds']:,.2f}** | |")
    if lanes:
        lines += [
            "",
            "Inside the pages stage, one lane per language (forked processes, side by side):",
            "",
            "| stage of a lane | fa | en |",
            "|---|---|---|",
        ]
        for stage, by_lang in lanes.items():
            cells = " | ".join(f"{by_lang.get(lang, 0):,.2f}" for lang in ("fa", "en"))
            lines.append(f"| {stage} | {cells} |")
    if alongside:
        lines += [
            "",
            "Alongside, at the lowest priority, two more processes make every other file",
            "(each one's wall time: the cards, open data and feeds from when the data is",
            "valid; the portraits from the start of the build, before loading):",
            "",
            "| made alongside | seconds |",
            "|---|---|",
        ]
        for name, secs in alongside.items():
            lines.append(f"| {name} | {secs:,.2f} |")
    lines += [
        "",
        "## Page weight on a phone",
        "",
        "Bytes transferred, as a server gzipping text would send them (fonts and images as they",
        "are), for every response a page loads until the network is idle; a first visit with",
        "an empty cache, then a second page of the same type with the cache warm (the same",
        "page in the other language where there is one of its type). Measured in Chromium,",
        "390×844, against a local server sending `Cache-Control: max-age=600`.",
        "",
        *page_weight.table(r["page weight"]),
        "",
        f"The directory page's HTML at {n:,} people: {r['directory page HTML (KB)']:,.0f} KB "
        f"({r['directory page HTML gzip (KB)']:,.0f} KB with gzip).",
    ]
    lines += [
        "",
        "## Other figures",
        "",
        "- Same build again (photo cache warm, unchanged Markdown not rewritten; the old "
        f"site is removed afterwards, in a process of its own): {warm['seconds']:,.1f} s "
        f"({', '.join(f'{k} {v:,.1f} s' for k, v in warm['stages'].items() if is_main_stage(k))}).",
        f"- Peak memory (all processes of the build together, as proportional set size: memory"
        f" that forked processes share counts once): {cold['peak memory (MB)']:,.0f} MB.",
        f"- Output: {r['output (MB)']:,.1f} MB in {r['files']:,} files.",
        f"- Largest profile page (fa or en): {r['profile page HTML (KB)']:,.1f} KB of HTML.",
        f"- Showing the directory downloads {r['directory download (KB)']:,.0f} KB "
        f"({r['directory download gzip (KB)']:,.0f} KB with gzip): the page, its CSS, JS, font and images.",
        f"- Generating the synthetic data: {r['generate data (s)']:,.1f} s (not part of the build).",
    ]
    if "baseline" in r:
        b = r["baseline"]
        lines.append(
            f"- Baseline (MkDocs + Material + mkdocs-static-i18n, search on, profiles in the nav): "
            f"{b['seconds']:,.1f} s, peak {b['peak memory (MB)']:,.0f} MB, {b['output (MB)']:,.0f} MB of output."
        )
    else:
        lines.append(
            "- Baseline not run (--baseline no)."
            if n <= 2000
            else "- Baseline not run: above 2,000 diplomats it takes tens of minutes "
            "(pass --baseline yes)."
        )
    return "\n".join(lines) + "\n"


def _cpu() -> str:
    match = re.search(r"model name\s*:\s*(.+)", Path("/proc/cpuinfo").read_text())
    return match.group(1).strip() if match else platform.processor() or "unknown CPU"


def _memory() -> str:
    match = re.search(r"MemTotal:\s+(\d+) kB", Path("/proc/meminfo").read_text())
    return f"{int(match.group(1)) / 1024**2:.0f} GiB" if match else "unknown memory"


if __name__ == "__main__":
    sys.exit(main())
