"""The content pages (content/<page>.<lang>.md) seen as the build and the quality gates will
see them, so that `make check` fails wherever they would.

Staff write these pages in Markdown with some HTML, and the build hands them to MkDocs as
they are: the data contract does not cover them. So each page is rendered here by MkDocs
itself, among the pages the build will give MkDocs (site_addresses.py), and held to what
the build and the gates (tests/gates.py) refuse:

- MkDocs' warnings, each of which fails the build in strict mode: a link to a page or an
  anchor that is not there, or written as an address rather than a page's .md file;
- what the link, HTML, axe, language, direction and isolation gates would find in the
  text, the title and the table of contents, on a page laid out as the theme lays it out
  (content_html.py says what);
- front matter that sets more than the title: the theme would act on it.

Markdown keeps no lines: a finding is reported on the line where the offending text,
address or tag is written.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field, replace
from html import escape
from html.parser import HTMLParser
from pathlib import Path

import yaml

from . import placeholders
from .content_html import (
    RAW_TAGS,
    Found,
    element_problems,
    entity_problems,
    language_problems,
    tag_problem,
)
from .errors import DataError, DataErrors
from .html_tree import Element, parse
from .i18n import DIRECTION, LANGUAGES
from .language_of_parts import names_to_isolate
from .load import CONTENT_PAGES, Sources
from .messages import define, say
from .mkdocs_site import NAV
from .models import Directory
from .render import page_url
from .schema import SiteSettings
from .shell import SHELL_PATH
from .site_addresses import SiteAddresses, generated_paths
from .text_check import text_errors
from .ui_text import text
from .validate import validate

_FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
_LINK_WARNING = re.compile(
    r"contains (?:a link|an unrecognized relative link|an absolute link) '(?P<url>.*?)'"
)
_SUGGESTION = re.compile(r"Did you mean '(?P<url>.*?)'\?")
_ANCHOR = re.compile(r"an anchor '#(?P<anchor>.*?)'|no such anchor on this page")
_PROFILE = re.compile(r"(\.\.?/)*diplomats/[a-z0-9-]+\.md")
_NAV_TITLES = {path.removesuffix(".md"): key for key, path in NAV}
# What is not text in a line of Markdown: link addresses, tags, attribute lists.
_NOT_WORDS = re.compile(r"\]\([^)]*\)|<[^>]*>|\{[^}]*\}")
# What holds no HTML though it has < or >: code (fenced or in backticks), <address> links,
# a link's address written [text](<address>).
_NOT_HTML = re.compile(
    r"^(```|~~~).*?^\1|(`+).+?\2|<(?:https?|mailto|ftp):[^>\s]*>|<[^>@\s]+@[^>\s]+>"
    r"|\]\(\s*<[^>\n]*>",
    re.MULTILINE | re.DOTALL,
)

define("page_front_matter", "the lines between the two '---' are not valid YAML: {problem}",
       "سطرهای میان دو «---» YAML درستی نیستند: {problem}")  # fmt: skip
define("page_front_matter_field", "'{found}' cannot be set here: only 'title' can",
       "اینجا فقط «title» را می‌شود تعیین کرد، نه «{found}» را")  # fmt: skip
define("page_title_form", "the title is one line of text, without '<' or '>'",
       "عنوان یک سطر متن است، بدون «<» و «>»")  # fmt: skip
define("page_no_page_md", "'{url}' leads to no page of the site: link to a page's .md file, "
       "such as cities/index.md", "«{url}» به هیچ صفحه‌ای از سایت نمی‌رسد؛ به پروندهٔ ‎.md‎ "
       "یک صفحه پیوند بدهید، مانند cities/index.md")  # fmt: skip
define("page_no_page_mean", "'{url}' leads to no page of the site: did you mean '{suggestion}'?",
       "«{url}» به هیچ صفحه‌ای از سایت نمی‌رسد؛ منظورتان «{suggestion}» است؟")  # fmt: skip
define("page_no_profile", "'{url}': a content page cannot link to a person's page; link to the "
       "directory, diplomats/index.md", "«{url}»: صفحهٔ محتوا نمی‌تواند به صفحهٔ یک شخص "
       "پیوند بدهد؛ به فهرست، diplomats/index.md، پیوند بدهید")  # fmt: skip
define("page_absolute", "'{url}' starts with '/': write the page's path from the content "
       "folder, such as cities/index.md", "«{url}» با «/» آغاز شده است؛ نشانی صفحه را از "
       "پوشهٔ content بنویسید، مانند cities/index.md")  # fmt: skip
define("page_mkdocs", "MkDocs, which builds the pages, refuses this page: {problem}",
       "MkDocs، که صفحه‌ها را می‌سازد، این صفحه را نمی‌پذیرد: {problem}")  # fmt: skip
define("page_unclosed", "<{tag}> is opened but not closed in the same paragraph",
       "‏<{tag}> باز شده ولی در همان بند بسته نشده است")  # fmt: skip
define("page_stray", "</{tag}> closes an element that is not open here",
       "‏</{tag}> عنصری را می‌بندد که اینجا باز نیست")  # fmt: skip


def checked(sources: Sources) -> Directory:
    """Validate the data, then check the content pages and the texts that pages show
    as written (text_check.py); raise DataErrors with every problem found."""
    try:
        directory = validate(sources)
    except DataErrors as exc:
        raise DataErrors(sorted(set(exc.errors) | set(content_errors(sources, None)))) from None
    errors = content_errors(sources, directory) + text_errors(sources, directory)
    if errors:
        raise DataErrors(sorted(set(errors)))
    return directory


def content_errors(sources: Sources, directory: Directory | None) -> list[DataError]:
    """Every problem in the content pages. Without `directory` (the data is not valid),
    links and names are not checked: the pages they concern are not known."""
    if not sources.pages:
        return []
    public = directory.public() if directory else None
    errors = [
        DataError(f"content/{name}.{lang}.md", line, "text", message)
        for (name, lang), source in sources.pages.items()
        for line, message in placeholders.problems(source)
    ]
    with _MkDocsLog() as log:
        config = _mkdocs_config(sources.root)
        if config is None:
            return errors
        pages = [page for lang in LANGUAGES for page in _render(config, lang, sources, public, log)]
    anchors = {page.address: page.mkdocs.present_anchor_ids or set() for page in pages}
    site = SiteAddresses(public, anchors) if public else None
    names = names_to_isolate(public) if public else set()
    return errors + [error for page in pages for error in page.problems(site, names)]


# ---------------------------------------------------------------------------- MkDocs


class _MkDocsLog(logging.Handler):
    """Collects MkDocs' warnings (strict mode fails the build on each) instead of
    printing them."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.warnings: list[str] = []
        self.logger = logging.getLogger("mkdocs")

    def emit(self, record: logging.LogRecord) -> None:
        self.warnings.append(record.getMessage())

    def __enter__(self) -> _MkDocsLog:
        self.saved = (self.logger.level, self.logger.propagate)
        self.logger.setLevel(logging.INFO)  # as in the build, whatever a caller set
        self.logger.propagate = False
        self.logger.addHandler(self)
        return self

    def __exit__(self, *exc: object) -> None:
        self.logger.removeHandler(self)
        self.logger.level, self.logger.propagate = self.saved

    def take(self) -> list[str]:
        """The warnings logged since the last call."""
        taken, self.warnings = self.warnings, []
        return taken


def _mkdocs_config(root: Path):
    """MkDocs' settings for rendering a page, from the shared mkdocs.yml (the data
    repository's, or the generator's own for a folder of data alone): its Markdown
    extensions and validation, on MkDocs' defaults. None if MkDocs refuses them: that file
    is the developers', and the build will say what is wrong with it."""
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.utils import yaml_load

    settings = root / "mkdocs.yml"
    if not settings.is_file():
        settings = Path(__file__).resolve().parent.parent / "mkdocs.yml"
    try:
        with settings.open(encoding="utf-8") as file:
            shared = yaml_load(file) or {}
        config = MkDocsConfig(config_file_path=str(settings))
        config.load_dict({key: shared[key] for key in _RENDERING if key in shared})
        config.load_dict({"site_name": "check", "docs_dir": str(root / "content")})
        errors, _ = config.validate()
    except (Exception, SystemExit):  # MkDocs' Abort is a SystemExit
        return None
    return None if errors else config


_RENDERING = ("markdown_extensions", "validation", "use_directory_urls")
_STAND_IN_SITE = SiteSettings.model_construct(
    site_url="https://example.org/", office_email="office@example.org"
)


def _file(config, path: str, content: str):
    """A Markdown file of the docs folder, held in memory."""
    from mkdocs.structure.files import File

    file = File(path, config.docs_dir, config.site_dir, config.use_directory_urls)
    file.content_string = content
    return file


def _render(config, lang: str, sources: Sources, public: Directory | None, log: _MkDocsLog):
    """Each content page of `lang` rendered as the build's MkDocs renders it, with the
    warnings that would fail the build; the generated pages are there as placeholders."""
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

    files, pages = Files([]), []
    # Filled in as the build fills them; without valid data, any address does for the check.
    site = public.site if public and public.site else _STAND_IN_SITE
    for (name, page_lang), source in sources.pages.items():
        if page_lang == lang:
            source = source.removeprefix("\ufeff")  # MkDocs reads files as utf-8-sig
            source = placeholders.filled(source, site, unknown_as="")  # reported once, above
            file = _file(config, f"{name}.md", source)
            files.append(file)
            title = text(_NAV_TITLES[name], lang) if name in _NAV_TITLES else None
            pages.append(ContentPage(name, lang, source, Page(title, file, config)))
    # Not the shell: it leaves the site once the profiles are stamped from it.
    for path in generated_paths(public) if public else []:
        if path != SHELL_PATH:
            placeholder = Page(None, _file(config, path, ""), config)
            placeholder.present_anchor_ids = set()  # its body is put in after MkDocs
            files.append(placeholder.file)
    for page in pages:
        page.mkdocs.read_source(config)
        page.mkdocs.render(config, files)
        page.warnings = log.take()
    for page in pages:
        level = config.validation.links.anchors
        page.mkdocs.validate_anchor_links(files=files, log_level=level)
        page.warnings += log.take()
        if public is None:  # without the site's pages, every link would seem broken
            page.warnings = [w for w in page.warnings if not _LINK_WARNING.search(w)]
    return pages


# ---------------------------------------------------------------------------- one page


@dataclass
class ContentPage:
    """One content page as MkDocs rendered it, and the lines its findings are written on."""

    name: str
    lang: str
    source: str
    mkdocs: object  # mkdocs.structure.pages.Page
    warnings: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.shown = f"content/{self.name}.{self.lang}.md"
        self.address = ("" if self.lang == "fa" else "en/") + page_url(f"{self.name}.md")
        self.lines = self.source.splitlines()
        front = _FRONT_MATTER.match(self.source)
        self.body_start = front.group(0).count("\n") + 1 if front else 1
        self.words = [_NOT_WORDS.sub(lambda m: " " * len(m.group()), x) for x in self.lines]
        self.headings = [x if re.match(r"\s{0,3}#", x) else "" for x in self.words]
        self.errors: list[DataError] = []
        self._last: dict[str, int] = {}

    def problems(self, site: SiteAddresses | None, names: set[str]) -> list[DataError]:
        """Everything in this page that the build or a gate would refuse."""
        self._front_matter()
        for warning in self.warnings:
            self._warning(warning)
        raw = self._raw_tags()
        content = self.mkdocs.content or ""
        body, repairs = parse(content)
        for _, kind, written in repairs:
            tag = re.match(r"</?([^\s/>]+)", written).group(1)
            message = say("page_stray" if kind == "stray" else "page_unclosed", tag=tag)
            self._add(self._unbalanced(tag, written, kind), "html", message)
        found = element_problems(body, site, self.address, raw) + entity_problems(content)
        title = str(self.mkdocs.meta.get("title") or "")
        found += [replace(f, field="title", where="title") for f in entity_problems(title)]
        found += language_problems(self.skeleton(), self.lang, names)
        for item in found:
            self._report(item)
        return self.errors

    def skeleton(self) -> Element:
        """The page as the theme lays it out, where its text shows: the title in the
        browser's tab and the header, the headings in the table of contents (without
        their markup), the body in the article (Material adds an <h1> when it has none)."""
        title = escape(str(self.mkdocs.meta.get("title") or self.mkdocs.title or ""))
        toc = list(self.mkdocs.toc)
        if toc and toc[0].level == 1:
            toc = list(toc[0].children)
        body = self.mkdocs.content or ""
        if "<h1" not in body:
            body = f"<h1>{title}</h1>{body}"
        site = escape(text("site_name", self.lang))
        lang, direction = self.lang, DIRECTION[self.lang]
        page = (
            f'<html lang="{lang}" dir="{direction}"><title>{title} - {site}</title>'
            f'<body dir="{direction}"><header><span>{title}</span></header>'
            f"<nav>{''.join(_toc_item(item) for item in toc)}</nav>"
            f"<article>{body}</article></body></html>"
        )
        return parse(page)[0].children[0]

    # ------------------------------------------------------------------ findings

    def _add(self, line: int, field_: str, message: str) -> None:
        self.errors.append(DataError(self.shown, line, field_, message))

    def _front_matter(self) -> None:
        front, meta = _FRONT_MATTER.match(self.source), self.mkdocs.meta
        if front and not meta:  # MkDocs dropped it: not YAML, or not `name: value` lines
            try:
                data = yaml.safe_load(front.group(1))
                problem, line = f"expected `title: …`, found {data!r}", 2
            except yaml.YAMLError as exc:
                mark = getattr(exc, "problem_mark", None)
                problem = getattr(exc, "problem", None) or str(exc)
                line = mark.line + 2 if mark else 2
            self._add(line, "", say("page_front_matter", problem=problem))
        for key in meta:
            if key != "title":
                line = self._line(re.compile(rf"^\s*{re.escape(key)}\s*:", re.I), start=1)
                self._add(line, key, say("page_front_matter_field", found=key))
        title = meta.get("title")
        if "title" in meta and (not isinstance(title, str) or re.search(r"[\n<>]", title)):
            self._add(self._title_line(), "title", say("page_title_form"))

    def _raw_tags(self) -> frozenset[str]:
        """Each element written as HTML that a content page cannot hold, on its line; the
        addresses of the links written as HTML (MkDocs checks only Markdown's)."""
        scan = _TagScan()
        body = _NOT_HTML.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), self.source)
        scan.feed("\n".join(body.splitlines()[self.body_start - 1 :]))
        scan.close()
        for line, tag, _ in scan.tags:
            if tag not in RAW_TAGS:
                self._add(line + self.body_start - 1, "html", tag_problem(tag))
        return frozenset(href for _, tag, href in scan.tags if tag == "a" and href is not None)

    def _warning(self, warning: str) -> None:
        """One of MkDocs' warnings, on the line of the link it is about."""
        link = _LINK_WARNING.search(warning)
        if not link:
            self._report(Found("", say("page_mkdocs", problem=warning)))
            return
        url = link.group("url")
        target = url.split("#")[0]
        anchor, suggestion = _ANCHOR.search(warning), _SUGGESTION.search(warning)
        if "absolute link" in warning:
            message = say("page_absolute", url=url)
        elif anchor:
            ident = anchor.group("anchor") or url.split("#", 1)[-1]
            content = not target or target.removesuffix(".md") in CONTENT_PAGES
            key = "page_no_anchor" if content else "page_generated_anchor"
            message = say(key, url=url, anchor=ident)
        elif _PROFILE.fullmatch(target):
            message = say("page_no_profile", url=url)
        elif suggestion:
            message = say("page_no_page_mean", url=url, suggestion=suggestion.group("url"))
        else:
            message = say("page_no_page_md", url=url)
        self._report(Found("link", message, link_needle(url)))

    def _report(self, item: Found) -> None:
        if item.where == "title":
            line = self._title_line()
        elif item.needle is None:
            line = self.body_start
        else:
            lines = self.headings if item.where == "heading" else None
            line = self._line(item.needle, words=item.words, lines=lines)
        self._add(line, item.field, item.message)

    def _title_line(self) -> int:
        if "title" in self.mkdocs.meta:
            return self._line(re.compile(r"^\s*title\s*:", re.I), start=1)
        return self._line(re.compile(r"^\s{0,3}#\s"))

    def _unbalanced(self, tag: str, written: str, kind: str) -> int:
        """The line of `written` (a start tag left open, or a stray end tag), among those
        that open more `tag` elements than they close, or close more than they open."""
        opening, closing = re.compile(rf"<{tag}\b", re.I), re.compile(rf"</{tag}\b", re.I)

        def uneven(line: str) -> bool:
            opened, closed = len(opening.findall(line)), len(closing.findall(line))
            return opened > closed if kind == "unclosed" else closed > opened

        lines = [x if written in x and uneven(x) else "" for x in self.lines]
        return self._line(written, lines=lines) if any(lines) else self._line(written)

    def _line(self, needle, words: bool = False, start: int = 0, lines=None) -> int:
        """The line where `needle` is written: after the one found for it last time, so
        that the same word reported twice is found on two lines."""
        lines = lines or (self.words if words else self.lines)
        pattern = needle if isinstance(needle, re.Pattern) else re.compile(re.escape(needle))
        first = max(start or self.body_start, self._last.get(pattern.pattern, 0) + 1)
        for number in [*range(first, len(lines) + 1), *range(start or self.body_start, first)]:
            if pattern.search(lines[number - 1]):
                self._last[pattern.pattern] = number
                return number
        return self.body_start


class _TagScan(HTMLParser):
    """The start tags of the HTML written in a page, with their lines and addresses."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[int, str, str | None]] = []  # line, tag, href

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.append((self.getpos()[0], tag, dict(attrs).get("href")))


def link_needle(url: str) -> re.Pattern:
    """Where Markdown or HTML writes the address `url`: [text](url), [ref]: url, <url>,
    href="url"."""
    written = re.escape(url)
    return re.compile(
        rf"\]\(\s*<?{written}>?(\s|\))|^\s*\[[^\]]*\]:\s*<?{written}>?(\s|$)|<{written}>"
        rf"|href\s*=\s*[\"']?{written}"
    )


def _toc_item(item) -> str:
    """An entry of the table of contents, as Material's partials/toc-item.html writes it."""
    children = "".join(_toc_item(child) for child in item.children)
    label = escape(parse(item.title)[0].text_content())
    nested = f'<nav aria-label="{label}">{children}</nav>' if children else ""
    return f"<li><a><span>{item.title}</span></a>{nested}</li>"
