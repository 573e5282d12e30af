"""End to end: the sample data built into a real site, checked file by file."""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
import threading
import time
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import urljoin, urlsplit

import pytest

from generator import build, search_index
from generator.build import build_site, check, with_site_url
from generator.errors import DataErrors
from generator.mkdocs_site import MkDocsFailed
from generator.write import DuplicateOutput

from .conftest import FIXTURES, REPO, SITE_URL, html_files, write


class Head(HTMLParser):
    """Collects what the tests look at: <html> attributes, alternates, switcher links, URLs."""

    def __init__(self) -> None:
        super().__init__()
        self.html: dict = {}
        self.alternates: dict[str, str] = {}
        self.switcher: dict[str, str] = {}
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = dict(attrs)
        if tag == "html":
            self.html = a
        if tag == "link" and "alternate" in (a.get("rel") or "").split() and "hreflang" in a:
            self.alternates[a["hreflang"]] = a["href"]
        if tag == "a" and "md-select__link" in (a.get("class") or ""):
            self.switcher[a["hreflang"]] = a["href"]
        for key in ("src", "href"):
            if a.get(key):
                self.urls.append(a[key])
        if a.get("srcset"):
            self.urls += [one.strip().split(" ")[0] for one in a["srcset"].split(",")]


def parse(path: Path) -> Head:
    head = Head()
    head.feed(path.read_text(encoding="utf-8"))
    return head


def url_of(site: Path, page: Path) -> str:
    """The page's URL path on the server, e.g. /en/diplomats/x/."""
    rel = PurePosixPath(page.relative_to(site).as_posix())
    return "/" + (
        str(rel.parent) + "/"
        if rel.name == "index.html" and str(rel.parent) != "."
        else ("" if rel.name == "index.html" else str(rel))
    )


def pages_of(site: Path, lang: str) -> set[str]:
    urls = {url_of(site, p) for p in html_files(site)}
    return {u for u in urls if u.startswith("/en/") == (lang == "en")}


def test_every_page_exists_in_both_languages(built_site: Path) -> None:
    fa, en = pages_of(built_site, "fa"), pages_of(built_site, "en")
    assert {"/en" + u for u in fa} == en
    assert {"/", "/diplomats/", "/cities/", "/fields/", "/about/", "/apply/", "/privacy/",
            "/cities/freiburg/", "/diplomats/mahdieh-hosseinzadeh/", "/fields/academia/"} <= fa  # fmt: skip


def test_lang_dir_switcher_and_hreflang_point_at_the_same_page(built_site: Path) -> None:
    for page in html_files(built_site):
        url = url_of(built_site, page)
        lang = "en" if url.startswith("/en/") else "fa"
        twin = {
            "fa": url.removeprefix("/en") if lang == "en" else url,
            "en": url if lang == "en" else "/en" + url,
        }
        head = parse(page)
        assert (head.html.get("lang"), head.html.get("dir")) == (
            lang,
            "rtl" if lang == "fa" else "ltr",
        ), url
        if page.name == "404.html":  # not a page of the site: the switcher goes home
            twin = {"fa": "/", "en": "/en/"}
            assert head.alternates == {}
        else:
            assert set(head.alternates) == {"fa", "en"}
        for other in ("fa", "en"):
            assert urljoin(url, head.switcher[other]) == twin[other], (url, other)
            if other in head.alternates:  # absolute: they name the page on the public site
                absolute = urljoin(SITE_URL, twin[other].lstrip("/"))
                assert head.alternates[other] == absolute, (url, other)


def test_internal_links_resolve(built_site: Path) -> None:
    existing = pages_of(built_site, "fa") | pages_of(built_site, "en")
    for page in html_files(built_site):
        url = url_of(built_site, page)
        for ref in parse(page).urls:
            target = urljoin(url, ref).split("#")[0]
            if re.match(r"^(https?|mailto|tel):", target) or not target:
                continue
            if target.endswith("/"):
                assert target in existing, (url, ref)
            else:
                assert (built_site / target.lstrip("/")).is_file(), (url, ref)


def forms(value: str) -> set[str]:
    """A contact value as any output might write it: as given, as digits (tel:, wa.me), in
    Persian digits, and a user name with its @ or inside an address."""
    found = {value}
    digits = "".join(ch for ch in value if ch.isdigit())
    if value.startswith("+") and len(digits) > 6:
        found |= {"+" + digits, digits, value.translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))}
    return found


def test_nothing_unpublished_or_private_reaches_any_file(built_site: Path) -> None:
    directory = check(FIXTURES)
    secrets = set()
    for person in directory.diplomats:
        if person.status != "approved":
            secrets |= {person.name.fa, person.name.en, person.id}
            for contact in person.contacts:  # public or not: the person is not published
                secrets |= forms(contact.value)
        for contact in person.contacts:
            if not contact.public:
                secrets |= forms(contact.value)
    assert {"arash-zhian", "dariush-kamali", "soraya-nikpour", "+61491570157"} <= secrets
    kinds = set()
    for path in built_site.rglob("*"):
        if path.is_file():
            kinds.add(path.suffix)
            data = path.read_bytes()
            for secret in secrets:
                assert secret.encode() not in data, f"{secret!r} leaked into {path}"
                assert secret not in path.name
    # the scan covered every kind of file: pages, cards, open data, feeds, sitemap, robots
    assert {".html", ".vcf", ".json", ".csv", ".xml", ".txt"} <= kinds


def test_no_third_party_host_is_loaded(built_site: Path) -> None:
    for page in html_files(built_site):
        text = page.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text
        for match in re.finditer(
            r'<(?:script|link|img|source|iframe)\b[^>]*?(?:src|href|srcset)="(https?:)?//', text
        ):
            tag = match.group(0)
            assert re.search(r'rel=" ?(alternate|canonical)"', tag), (page, tag)


def test_generated_html_is_not_mangled_by_markdown(built_site: Path) -> None:
    for page in html_files(built_site):
        text = page.read_text(encoding="utf-8")
        assert "<p><div" not in text and "&lt;div" not in text and "&lt;a " not in text, page


def test_photos_are_published_only_for_approved_people(built_site: Path) -> None:
    approved = {d.id for d in check(FIXTURES).public().diplomats if d.photo}
    published = {p.name.rsplit("-", 1)[0] for p in (built_site / "photos").iterdir()}
    assert published == approved


def tree_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(path.relative_to(folder).as_posix().encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


def run_cli(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(root), "--lang", "en", *args],
        capture_output=True, text=True, cwd=REPO, timeout=300,
    )  # fmt: skip


def test_bad_data_stops_the_build_and_keeps_the_old_site(data_tree: Path) -> None:
    assert run_cli(data_tree, "build").returncode == 0
    before = tree_digest(data_tree / "site")
    write(
        data_tree,
        "diplomats/broken.yml",
        "name: {fa: الف, en: A}\nstatus: approved\ncities: [atlantis]\n",
    )
    write(data_tree, "cities/worse.yml", "name: {fa: ب, en: B, native: B}\nname: again\n")
    result = run_cli(data_tree, "build")
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert lines[:-1] == [
        "cities/worse.yml:2: name: duplicate key (first given on line 1)",
        "diplomats/broken.yml:2: status: is approved, so approved_on (the date of approval) is required",
    ]
    assert lines[-1] == "2 error(s); nothing was written."
    assert "Traceback" not in result.stderr
    assert tree_digest(data_tree / "site") == before


def test_a_failing_mkdocs_build_keeps_the_old_site(data_tree: Path) -> None:
    site = data_tree / "site"
    build_site(data_tree, site_dir=site)
    before = tree_digest(site)
    # The real settings with a theme that does not exist: the check (which renders content
    # pages with these settings) passes, and MkDocs fails.
    config = data_tree / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert text.count("name: material") == 1
    config.write_text(text.replace("name: material", "name: no-such-theme"), encoding="utf-8")
    with pytest.raises(MkDocsFailed):
        build_site(data_tree, site_dir=site)
    assert tree_digest(site) == before
    assert not list(data_tree.glob(".site-staging-*"))


def test_a_failure_beside_the_pages_keeps_the_old_site(
    data_tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Portraits, cards, open data and feeds are made in a forked process alongside MkDocs:
    # its error must stop the build like any other, before anything is published.
    site = data_tree / "site"
    build_site(data_tree, site_dir=site)
    before = tree_digest(site)

    def broken(directory: object) -> dict:
        raise RuntimeError("no cards today")

    monkeypatch.setattr(build, "OTHER_FILES", (*build.OTHER_FILES, broken))
    with pytest.raises(RuntimeError, match="no cards today"):
        build_site(data_tree, site_dir=site)
    assert tree_digest(site) == before
    assert not list(data_tree.glob(".site-staging-*"))


def test_check_command_prints_a_summary(data_tree: Path) -> None:
    # Re-verification warnings depend on today's date; test_freshness.py covers them.
    result = run_cli(data_tree, "check", "--max-age-months", "1200")
    assert result.returncode == 0
    assert re.fullmatch(
        r"OK: 14 diplomats \(9 published\), 19 cities, 11 activity areas\n", result.stdout
    )


def test_site_url_is_the_files_unless_one_is_given() -> None:
    directory = check(FIXTURES).public()
    assert with_site_url(directory, None).site.site_url == "https://citizen-diplomats.example.org/"
    given = with_site_url(directory, "https://preview.example.net/isfahan")
    assert given.site.site_url == "https://preview.example.net/isfahan/"
    assert given.site.office_email == directory.site.office_email
    with pytest.raises(DataErrors) as caught:
        with_site_url(directory, "ftp://preview.example.net/")
    assert [str(e) for e in caught.value.errors] == [
        "SITE_URL: expected a secure web address starting with https://, found 'ftp://preview.example.net/'"
    ]


def test_two_builds_of_the_same_data_are_identical(
    data_tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Different build times: nothing published may depend on when the build ran.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    build_site(data_tree, site_dir=data_tree / "one")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")
    build_site(data_tree, site_dir=data_tree / "two")
    assert tree_digest(data_tree / "one") == tree_digest(data_tree / "two")


def test_search_bundles_made_side_by_side_or_in_turn_are_identical(
    data_tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Large sites index one language after the other to keep memory down.
    build_site(data_tree, site_dir=data_tree / "together")
    monkeypatch.setattr(search_index, "SIDE_BY_SIDE_BELOW", 0)
    build_site(data_tree, site_dir=data_tree / "in-turn")
    for bundle in ("pagefind", "en/pagefind"):
        assert len(list((data_tree / "together" / bundle / "fragment").iterdir())) == 9
        together = tree_digest(data_tree / "together" / bundle)
        assert together == tree_digest(data_tree / "in-turn" / bundle)


# ---------------------------------------------------------------------------- project path

PROJECT_URL = "https://office.github.io/isfahan"  # as GitHub Pages gives it: no trailing slash


@pytest.fixture(scope="module")
def project_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample data built for a GitHub Pages project path, as the publish workflow does."""
    from .conftest import copy_data

    root = copy_data(tmp_path_factory.mktemp("project") / "repo")
    build_site(root, site_dir=root / "site", site_url=PROJECT_URL)
    return root / "site"


def test_every_link_stays_under_the_project_path_and_exists(project_site: Path) -> None:
    site, prefix = project_site, urlsplit(PROJECT_URL).path
    existing = {prefix + u for u in pages_of(site, "fa") | pages_of(site, "en")}
    checked = 0
    for page in html_files(site):
        # A 404 page is served for any missing address, at any depth.
        url = prefix + ("/no/such/page/" if page.name == "404.html" else url_of(site, page))
        for ref in parse(page).urls:
            target = urlsplit(urljoin("https://office.github.io" + url, ref))
            if target.scheme not in ("http", "https") or target.netloc != "office.github.io":
                continue  # mailto:, tel: and other sites
            assert target.path.startswith(prefix + "/"), (url, ref)
            path = target.path.rstrip(".")
            if path.endswith("/"):
                assert path in existing, (url, ref)
            else:
                assert (site / path.removeprefix(prefix + "/")).is_file(), (url, ref)
            checked += 1
    assert checked > 1000


def test_hreflang_links_are_absolute_under_the_project_url(project_site: Path) -> None:
    page = project_site / "en/diplomats/omid-farahani/index.html"
    assert parse(page).alternates == {
        "fa": "https://office.github.io/isfahan/diplomats/omid-farahani/",
        "en": "https://office.github.io/isfahan/en/diplomats/omid-farahani/",
    }


def test_preview_renders_again_only_what_a_data_change_needs(data_tree: Path) -> None:
    from generator.build import Clock, prepare

    work = data_tree / "build"
    first = prepare(data_tree, work, Clock({}))
    profile = data_tree / "diplomats/omid-farahani.yml"
    profile.write_text(
        profile.read_text(encoding="utf-8").replace("en: Omid Farahani", "en: Omid F."),
        encoding="utf-8",
    )
    incremental = prepare(data_tree, work, Clock({}), previous=first)
    full = prepare(data_tree, work, Clock({}))
    for lang in ("fa", "en"):
        as_set = lambda pages: {(p.path, p.text) for p in pages}  # noqa: E731
        assert as_set(incremental.pages[lang]) == as_set(full.pages[lang])
        assert as_set(incremental.pages[lang]) != as_set(first.pages[lang])


class _Unpicklable(Exception):
    def __init__(self) -> None:
        super().__init__("holds a lock")
        self.lock = threading.Lock()  # cannot be sent between processes


def test_forked_parts_send_back_results_and_errors() -> None:
    assert build.Background(sum, [1, 2, 3]).wait() == 6
    with pytest.raises(KeyError, match="missing"):
        build.Background({}.__getitem__, "missing").wait()

    def unpicklable() -> None:
        raise _Unpicklable

    with pytest.raises(build.BackgroundFailed, match="_Unpicklable: holds a lock"):
        build.Background(unpicklable).wait()


def test_portraits_are_made_in_their_own_process_and_its_failure_is_reported(
    tmp_path: Path,
) -> None:
    photos = FIXTURES / "diplomats" / "photos"
    source = sorted(photos.iterdir())[0]
    folder, cache = tmp_path / "files", tmp_path / "cache"
    made = build.Portraits(photos, cache)
    made.send([("someone", source)], folder)
    assert made.wait() > 0
    assert sorted(p.name for p in (folder / "photos").iterdir()) == [
        "someone-128.webp", "someone-160.webp", "someone-320.jpg", "someone-320.webp",
        "someone-64.webp",
    ]  # fmt: skip
    # Before it knew whose portraits to write, it had made every photo's into the cache.
    assert len(list(cache.iterdir())) == len(list(photos.iterdir()))
    again = build.Portraits(photos, cache)
    again.send([("someone", source)], folder)
    with pytest.raises(build.PortraitsFailed, match="two outputs would be written to"):
        again.wait()


def test_portraits_write_nothing_when_the_build_stops_before_sending_them(
    tmp_path: Path,
) -> None:
    cut = tmp_path / "photos"
    cut.mkdir()
    (cut / "broken.jpg").write_bytes(b"\xff\xd8\xff\xe0 not really a photo")
    started = build.Portraits(cut, tmp_path / "cache")
    assert started.process.stdin
    started.process.stdin.close()  # what a build that stopped leaves it: no order
    assert started.wait() > 0  # the unreadable photo is validation's to report, not its
    assert list((tmp_path / "cache").iterdir()) == []
    assert not (tmp_path / "files").exists()


def test_files_made_alongside_move_into_the_site_and_never_over_a_page(tmp_path: Path) -> None:
    files, site = tmp_path / "files", tmp_path / "site"
    for rel in ("photos/a-64.webp", "photos/b-64.webp", "diplomats/a.vcf", "feed.xml"):
        (files / rel).parent.mkdir(parents=True, exist_ok=True)
        (files / rel).write_text(rel)
    (site / "diplomats" / "a").mkdir(parents=True)
    (site / "diplomats" / "a" / "index.html").write_text("page")
    build._move_files(files, site)
    moved = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    assert moved == [
        "diplomats/a.vcf", "diplomats/a/index.html", "feed.xml",
        "photos/a-64.webp", "photos/b-64.webp",
    ]  # fmt: skip
    assert all((site / rel).read_text() == rel for rel in moved if rel != "diplomats/a/index.html")
    assert not [p for p in files.rglob("*") if p.is_file()]
    clash = tmp_path / "clash"
    (clash / "diplomats" / "a").mkdir(parents=True)
    (clash / "diplomats" / "a" / "index.html").write_text("not a page")
    with pytest.raises(DuplicateOutput, match="diplomats/a/index.html"):
        build._move_files(clash, site)
    assert (site / "diplomats" / "a" / "index.html").read_text() == "page"


def test_the_old_site_is_removed_after_the_build_has_returned(data_tree: Path) -> None:
    site = data_tree / "site"
    build_site(data_tree, site_dir=site)
    first = {p.relative_to(site) for p in site.rglob("*")}
    (data_tree / ".site-old-leftover").mkdir()  # a removal killed midway, earlier
    (data_tree / ".site-old-leftover" / "x.html").write_text("old")
    build_site(data_tree, site_dir=site)
    assert {p.relative_to(site) for p in site.rglob("*")} == first  # the new site, whole
    assert not (data_tree / ".site-old-leftover").exists()
    assert not list(data_tree.glob(".site-staging-*"))
    deadline = time.monotonic() + 60
    while list(data_tree.glob(".site-old-*")) and time.monotonic() < deadline:
        time.sleep(0.05)  # the old site goes in a process of its own
    assert not list(data_tree.glob(".site-old-*"))
