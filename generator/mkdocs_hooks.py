"""MkDocs hooks: `dir` on <html>, valid toggles, the active tab of pages outside the nav,
and a cache of compiled templates.

Material sets the direction on <body> only; assistive technology, the `:dir()` selector
and validators read it from the root element.

One assets folder for both languages: the English build (under en/) would copy every theme
file into en/assets/, the same stylesheets, scripts and font that a visitor switching
language would download again. Its pages point at the root's assets/ instead
(`extra.assets_root`, "../" from en/), and its build leaves the theme's assets out.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import Environment, FileSystemBytecodeCache

_HTML_TAG = re.compile(r'<html lang="(fa|en)"')
_DIRECTION = {"fa": "rtl", "en": "ltr"}
# Material's drawer and search toggles are checkboxes with autocomplete="off" (so that
# Firefox does not restore them on reload); HTML allows the attribute on text-like inputs
# only. Material's script unticks both toggles on every page load anyway.
_TOGGLE_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle"[^>]*?) autocomplete="off"')
# An address of this language's assets folder, relative to the page: in an attribute, or in
# Material's __config JSON ("search": "../assets/…"). The page's own `(../)*` is kept.
_RELATIVE_ASSETS = re.compile(r'((?:=|": )")((?:\.\./)*)assets/')
ASSETS = "assets/"


def _extra(config: object) -> dict:
    return config["extra"] if config else {}


# The section index page marked active for the page being rendered (on_page_context).
_marked: list = []


def on_post_page(output: str, page: object, config: object) -> str:
    """Add dir="rtl"/"ltr" to the page's <html> element; drop the toggles' autocomplete."""
    _unmark()
    output = _HTML_TAG.sub(
        lambda m: f'{m.group(0)} dir="{_DIRECTION[m.group(1)]}"', output, count=1
    )
    output = _TOGGLE_AUTOCOMPLETE.sub(r"\1", output, count=2)
    return shared_assets(output, _extra(config).get("assets_root", ""), _own_path(config))


def shared_assets(output: str, assets_root: str, own_path: str = "/") -> str:
    """Point a page's assets/ addresses `assets_root` further up (to the root's assets/).

    Relative addresses gain the prefix; absolute ones (the 404 page, served at any depth,
    uses the path of the site's address) are moved from this language's root to the site's.
    """
    if not assets_root:
        return output
    output = _RELATIVE_ASSETS.sub(lambda m: f"{m[1]}{assets_root}{m[2]}{ASSETS}", output)
    root_path = posixpath.normpath(posixpath.join(own_path, assets_root)).rstrip("/") + "/"
    absolute = re.compile(r'((?:=|": )")' + re.escape(own_path + ASSETS))
    return absolute.sub(lambda m: f"{m[1]}{root_path}{ASSETS}", output)


def _own_path(config: object) -> str:
    """The path of this language's root on the server ("/en/"), from its site_url."""
    return (urlsplit((config or {}).get("site_url") or "").path or "/").rstrip("/") + "/"


def on_files(files: object, config: object) -> object:
    """Leave the theme's assets out of a build whose pages use another build's."""
    if not _extra(config).get("assets_root"):
        return files
    docs = Path(config["docs_dir"])
    for file in list(files):
        source = file.abs_src_path
        if source and file.src_uri.startswith(ASSETS) and not Path(source).is_relative_to(docs):
            files.remove(file)
    return files


def on_post_template(output_content: str, template_name: str, config: object) -> str:
    """The same for pages MkDocs renders from templates alone (404.html)."""
    return on_post_page(output_content, None, config)


def _section_of(page: object, nav: object) -> object | None:
    """The nav entry (a listing's index page) of the folder that holds `page`, when `page`
    itself is not in the nav: a profile, a city, an activity area, a language, a later
    page of a listing. None for pages in the nav and pages outside the sections."""
    if page in nav.pages:
        return None
    folder = page.file.src_uri.split("/", 1)[0] + "/index.md"
    return next((item for item in nav.pages if item.file.src_uri == folder), None)


def on_page_context(context: dict, page: object, config: object, nav: object) -> dict:
    """Mark the tab of a page's section active (Material marks only pages in the nav);
    on_post_page takes the mark off again, as the nav is shared by every page."""
    _unmark()
    section = _section_of(page, nav)
    if section is not None:
        section.active = True
        _marked.append(section)
    return context


def _unmark() -> None:
    while _marked:
        _marked.pop().active = False


def on_env(env: Environment, config: dict, files: object) -> Environment:
    """Keep compiled theme templates between builds (compiling Material's costs ~1 s)."""
    cache = config["extra"].get("jinja_cache")
    if cache:
        Path(cache).mkdir(parents=True, exist_ok=True)
        env.bytecode_cache = FileSystemBytecodeCache(cache)
    return env
