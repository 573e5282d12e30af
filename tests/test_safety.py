"""Hostile input, reproducible builds and atomic publishing (privacy and safety)."""

from __future__ import annotations

import io
import signal
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest
from PIL import Image

from generator.build import build_site, check
from generator.errors import DataErrors

from .conftest import FIXTURES, REPO, html_files, write
from .test_build import tree_digest
from .test_check_equals_build import without_check

# ---------------------------------------------------------------------------- hostile input

HOSTILE_BIO = """\
<script>alert("bio")</script> <img src=x onerror="alert('img')"> <iframe src="https://example.org"></iframe>
[js link](javascript:alert('md')) [data link](data:text/html;base64,PHNjcmlwdD4=)
<a href="javascript:alert('raw')">raw</a> <p style="position:fixed;top:0">styled</p>
<svg onload="alert('svg')"></svg> <!-- comment --> [fine](https://example.org/ok "a \\"title\\"")
"""


def hostile_diplomat(root: Path) -> None:
    """A person whose every free-text field that the schema accepts carries an attack.

    A web address may not hold " or < (tests/cases/source-malformed.yml), so its attack
    uses the quote it may hold.
    """
    write(
        root,
        "diplomats/hostile.yml",
        f"""
        name:
          fa: "رضا «چکش» 'O'Brien' & \\"Co\\""
          en: "Reza \\"The Hammer\\" O'Brien & Co"
        status: approved
        approved_on: "2024-01-01"
        cities: [freiburg]
        occupation:
          en: "Trader \\" onmouseover=\\"alert(1)"
        bio:
          en: |
{_indent(HOSTILE_BIO, 12)}
          fa: |
{_indent(HOSTILE_BIO, 12)}
        photo:
          file: polyglot.jpg
          alt:
            fa: "\\" onerror=\\"alert(1)"
            en: "' autofocus onfocus='alert(1)"
        contacts:
          - type: website
            value: "https://example.org/'onmouseover='alert(1)"
            public: true
        """,
    )
    polyglot = io.BytesIO()
    Image.new("RGB", (64, 64), (10, 20, 30)).save(polyglot, "JPEG")
    payload = b"<script>alert('polyglot')</script><html><body onload=alert(1)>"
    (root / "diplomats/photos/polyglot.jpg").write_bytes(polyglot.getvalue() + payload)


def _indent(text: str, spaces: int) -> str:
    return "\n".join(" " * spaces + line for line in text.splitlines())


class Audit(HTMLParser):
    """Records every executable or styling construct in a page."""

    def __init__(self) -> None:
        super().__init__()
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        for name, value in attrs:
            value = (value or "").strip().lower()
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}>")
            if name in ("href", "src", "action") and value.startswith(("javascript:", "data:")):
                self.problems.append(f"<{tag} {name}={value[:30]}>")
            if name == "style":
                self.problems.append(f"<{tag} style>")
        if tag in ("iframe", "object", "embed"):
            self.problems.append(f"<{tag}>")
        if tag == "script":
            kind = dict(attrs).get("type", "")
            if not dict(attrs).get("src") and kind not in (
                "application/json",
                "application/ld+json",
            ):
                self.problems.append("inline <script>")


def test_the_audit_sees_what_it_looks_for() -> None:
    audit = Audit()
    audit.feed(
        '<img src=x onerror="a()"><a href="javascript:x">x</a><script>x</script><iframe></iframe><p style="x">'
    )
    assert len(audit.problems) == 5


def test_hostile_values_are_rendered_inert(data_tree: Path, monkeypatch) -> None:
    hostile_diplomat(data_tree)
    without_check(monkeypatch)  # it refuses the Latin letters of the Persian attacks
    site = data_tree / "site"
    build_site(data_tree, site_dir=site)
    for page in html_files(site):
        audit = Audit()
        audit.feed(page.read_text(encoding="utf-8"))
        assert audit.problems == [], page
    profile = (site / "en/diplomats/hostile/index.html").read_text(encoding="utf-8")
    assert "Reza &#34;The Hammer&#34; O&#39;Brien &amp; Co" in profile  # shown, as text
    assert "alert" not in profile.split("cd-bio")[1].split("</div>")[0]  # bio kept no script
    assert 'href="https://example.org/ok"' in profile  # a safe link survives
    for photo in (site / "photos").glob("hostile-*"):
        assert b"<script" not in photo.read_bytes() and b"onload" not in photo.read_bytes()
    for other in site.rglob("*"):
        if other.is_file() and other.suffix not in (".html", ".js", ".css"):
            assert b"<script>alert" not in other.read_bytes(), other


@pytest.mark.parametrize(
    ("field_yaml", "message"),
    [
        ('name: {fa: "<b>رضا</b>", en: Reza}', "name.fa: must not contain '<' or '>'"),
        (
            'name: {fa: رضا, en: "Reza\u202e"}',
            "name.en: contains the invisible control character U+202E",
        ),
        (
            'name: {fa: "رضا\u2067", en: Reza}',
            "name.fa: contains the invisible control character U+2067",
        ),
        (
            "photo: {file: ../../etc/passwd, alt: {fa: x, en: y}}",
            "photo.file: found '../../etc/passwd'",
        ),
        (
            "contacts: [{type: website, value: 'javascript:alert(1)', public: true}]",
            "contacts[0].value: expected a secure web address starting with https://",
        ),
        (
            "contacts: [{type: linkedin, value: 'data:text/html,x', public: true}]",
            "contacts[0].value: expected a secure web address starting with https://",
        ),
        (
            "contacts: [{type: website, value: 'vbscript:x', public: true}]",
            "contacts[0].value: expected a secure web address",
        ),
    ],
)
def test_hostile_values_the_schema_rejects(data_tree: Path, field_yaml: str, message: str) -> None:
    base = (
        "status: pending\nname: {fa: رضا, en: Reza}\n"
        if not field_yaml.startswith("name")
        else "status: pending\n"
    )
    write(data_tree, "diplomats/bad.yml", base + field_yaml + "\n")
    with pytest.raises(DataErrors) as caught:
        check(data_tree)
    assert any(message in str(e) for e in caught.value.errors), caught.value.errors


def test_city_urls_must_be_web_addresses(data_tree: Path) -> None:
    city = (data_tree / "cities/freiburg.yml").read_text(encoding="utf-8")
    city = city.replace('website: "https://www.freiburg.de"', 'website: "javascript:alert(1)"')
    (data_tree / "cities/freiburg.yml").write_text(city, encoding="utf-8")
    with pytest.raises(DataErrors) as caught:
        check(data_tree)
    assert [e.field for e in caught.value.errors] == ["website"]


# ---------------------------------------------------------------------------- reproducible


def test_two_builds_of_one_commit_are_byte_identical(data_tree: Path, tmp_path: Path) -> None:
    for args in (
        ["init", "-q"],
        ["add", "-A"],
        ["-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "data"],
    ):
        subprocess.run(["git", "-C", str(data_tree), *args], check=True)
    env_free = {"SOURCE_DATE_EPOCH": ""}
    with pytest.MonkeyPatch.context() as mp:
        for key in env_free:
            mp.delenv(key, raising=False)
        build_site(data_tree, site_dir=tmp_path / "one")
        time.sleep(1.1)  # a clock-derived date would now differ
        build_site(data_tree, site_dir=tmp_path / "two")
    result = subprocess.run(
        ["diff", "-r", str(tmp_path / "one"), str(tmp_path / "two")], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout[:2000]


# ---------------------------------------------------------------------------- atomic publish


def processes_mentioning(folder: Path) -> list[str]:
    """Command lines of running processes that name `folder` (Linux: from /proc)."""
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            words = cmdline.read_bytes().split(b"\0")
        except OSError:  # ended meanwhile
            continue
        if any(str(folder).encode() in word for word in words):
            found.append(b" ".join(words).decode(errors="replace"))
    return found


@pytest.mark.parametrize("kill_after", [0.0, 0.3, 0.6])
def test_a_build_killed_midway_leaves_the_old_site(data_tree: Path, kill_after: float) -> None:
    site = data_tree / "site"
    build_site(data_tree, site_dir=site)
    before = tree_digest(site)
    # Change the data so that a finished build would differ, and know what it would be.
    (data_tree / "content/about.en.md").write_text(
        "---\ntitle: Changed\n---\n# Changed\n", encoding="utf-8"
    )
    build_site(data_tree, site_dir=data_tree.parent / "reference", work=data_tree.parent / "work")
    after = tree_digest(data_tree.parent / "reference")
    assert after != before
    proc = subprocess.Popen(
        [sys.executable, "-m", "generator", "--root", str(data_tree), "build"],
        cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while not list(data_tree.glob(".site-staging-*")) and time.monotonic() < deadline:
        time.sleep(0.01)  # wait until the build is writing its staging folder
    time.sleep(kill_after)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    time.sleep(0.5)  # the build's processes end with their parent (PR_SET_PDEATHSIG)
    assert not processes_mentioning(data_tree)  # lanes, portraits and their workers
    # Whole old site or whole new one: never a mixture, never nothing.
    assert tree_digest(site) in (before, after)
    build_site(data_tree, site_dir=site)  # the next build cleans up and publishes
    assert "Changed" in (site / "en/about/index.html").read_text(encoding="utf-8")
    assert not list(data_tree.glob(".site-staging-*"))


def test_the_portraits_and_their_workers_end_with_a_killed_build(tmp_path: Path) -> None:
    photos = tmp_path / "photos"
    photos.mkdir()
    sample = sorted((FIXTURES / "diplomats" / "photos").iterdir())
    for i in range(40):  # enough for a worker per core, still busy when the build dies
        (photos / f"p{i}.jpg").write_bytes(sample[i % len(sample)].read_bytes() + bytes([i]))
    build = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time; from pathlib import Path; from generator.build import Portraits;"
         "Portraits(Path(sys.argv[1]), Path(sys.argv[2])); time.sleep(60)",
         str(photos), str(tmp_path / "cache")],
        cwd=REPO,
    )  # fmt: skip
    deadline = time.monotonic() + 30
    while len(processes_mentioning(photos)) < 3 and time.monotonic() < deadline:
        time.sleep(0.01)  # the portraits' process and its two workers have started
    assert len(processes_mentioning(photos)) >= 3
    build.send_signal(signal.SIGKILL)
    build.wait()
    deadline = time.monotonic() + 10
    while processes_mentioning(photos) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not processes_mentioning(photos)
