"""MkDocs hooks: `dir` on <html>, valid toggles, and a cache of compiled templates.

Material sets the direction on <body> only; assistive technology, the `:dir()` selector
and validators read it from the root element.
"""

from __future__ import annotations

import re
from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache

_HTML_TAG = re.compile(r'<html lang="(fa|en)"')
_DIRECTION = {"fa": "rtl", "en": "ltr"}
# Material's drawer and search toggles are checkboxes with autocomplete="off" (so that
# Firefox does not restore them on reload); HTML allows the attribute on text-like inputs
# only. Material's script unticks both toggles on every page load anyway.
_TOGGLE_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle"[^>]*?) autocomplete="off"')


def on_post_page(output: str, page: object, config: object) -> str:
    """Add dir="rtl"/"ltr" to the page's <html> element; drop the toggles' autocomplete."""
    output = _HTML_TAG.sub(
        lambda m: f'{m.group(0)} dir="{_DIRECTION[m.group(1)]}"', output, count=1
    )
    return _TOGGLE_AUTOCOMPLETE.sub(r"\1", output, count=2)


def on_post_template(output_content: str, template_name: str, config: object) -> str:
    """The same for pages MkDocs renders from templates alone (404.html)."""
    return on_post_page(output_content, None, config)


def on_env(env: Environment, config: dict, files: object) -> Environment:
    """Keep compiled theme templates between builds (compiling Material's costs ~1 s)."""
    cache = config["extra"].get("jinja_cache")
    if cache:
        Path(cache).mkdir(parents=True, exist_ok=True)
        env.bytecode_cache = FileSystemBytecodeCache(cache)
    return env
