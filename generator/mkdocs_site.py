"""One MkDocs configuration per language, and one language's MkDocs build.

Two independent builds (Persian at the root, English under en/) scale linearly and use
both cores; one build with an i18n plugin grows with the square of the page count
(see FINDINGS.md). Each generated config INHERITs the shared `mkdocs.yml`.
"""

from __future__ import annotations

import io
import json
import logging
import os
from pathlib import Path
from urllib.parse import urlsplit

from .i18n import LANGUAGES
from .ui_text import text

NAV = (
    ("nav_home", "index.md"),
    ("nav_diplomats", "diplomats/index.md"),
    ("nav_cities", "cities/index.md"),
    ("nav_fields", "fields/index.md"),
    ("languages", "languages/index.md"),
    ("nav_about", "about.md"),
    ("nav_apply", "apply.md"),
    ("nav_privacy", "privacy.md"),
    ("nav_open_data", "open-data.md"),
)
# Detail pages are reached from listings; in the nav they would be repeated on every page.
NOT_IN_NAV = "\n".join(
    [
        f"/{folder}/*.md\n!/{folder}/index.md"
        for folder in ("diplomats", "cities", "fields", "languages")
    ]
    + ["page/"]  # the second and later pages of long listings
)


# The site's own scripts (theme/assets/javascripts), on every page; each does nothing on a
# page without its element. Listed here, not in mkdocs.yml, because a config's list would
# replace, not extend, the inherited one.
SCRIPTS = (
    "assets/javascripts/normalise.js",
    "assets/javascripts/search.js",
    "assets/javascripts/facets.js",
)


class MkDocsFailed(RuntimeError):
    """MkDocs stopped with an error; its own output is in the message."""


def mkdocs_config(
    root: Path,
    lang: str,
    docs_dir: Path,
    site_dir: Path,
    site_url: str,
    extra_javascript: tuple[str, ...] = (),
) -> dict:
    """The configuration of one language's build."""
    alternates = []
    for other in LANGUAGES:
        # `root` is where that language's site starts, relative to this language's root.
        prefix = "" if other == lang else ("en/" if other == "en" else "../")
        absolute = ""
        if site_url:
            absolute = site_url.rstrip("/") + ("/en/" if other == "en" else "/")
        # The 404 page is served at any depth, so it links home by absolute path.
        home = (urlsplit(site_url).path.rstrip("/") if site_url else "") + (
            "/en/" if other == "en" else "/"
        )
        alternates.append(
            {"name": text("language_name", other), "lang": other, "link": prefix or "./",
             "root": prefix, "absolute": absolute, "home": home}
        )  # fmt: skip
    own_url = ""
    if site_url:
        own_url = site_url.rstrip("/") + ("/en/" if lang == "en" else "/")
    config = {
        "INHERIT": str(root / "mkdocs.yml"),
        "site_name": text("site_name", lang),
        "site_description": text("site_description", lang),
        "site_url": own_url or None,
        "copyright": text("copyright", lang),
        "docs_dir": str(docs_dir),
        "site_dir": str(site_dir),
        "theme": {"language": lang, "custom_dir": str(root / "theme")},
        "nav": [{text(key, lang): path} for key, path in NAV],
        "not_in_nav": NOT_IN_NAV,
        "extra": {
            "alternate": alternates,
            "feed_title": text("feed_title", lang),
            "not_found": text("not_found", lang),  # theme/404.html
            "not_found_page": not_found_page(
                lang, next(alt["home"] for alt in alternates if alt["lang"] == lang)
            ),
            "jinja_cache": str(docs_dir.parent.parent / "cache" / "jinja"),
            # English pages use the root's assets/ (one download for both languages); the
            # English build copies none (mkdocs_hooks.py).
            "assets_root": "../" if lang == "en" else "",
        },
        "hooks": [str(Path(__file__).with_name("mkdocs_hooks.py"))],
        "extra_javascript": [*SCRIPTS, *extra_javascript],
    }
    return config


def not_found_page(lang: str, home: str) -> dict:
    """The 404 page's words and links (theme/404.html), by absolute path from `home`:
    the page is served for a missing address at any depth."""
    return {
        "lead": text("not_found_lead", lang),
        "try": text("not_found_try", lang),
        "links": [
            {"href": home, "label": text("nav_home", lang)},
            {"href": home + "diplomats/", "label": text("nav_diplomats", lang)},
            {"href": home + "cities/", "label": text("nav_cities", lang)},
            {"href": home + "diplomats/#cd-search-input", "label": text("not_found_search", lang)},
        ],
    }


def write_configs(
    root: Path,
    work: Path,
    site_dirs: dict[str, Path],
    site_url: str,
    extra_javascript: tuple[str, ...] = (),
) -> dict[str, Path]:
    """Write build/mkdocs.<lang>.yml for each language; return their paths."""
    paths = {}
    for lang in LANGUAGES:
        docs = work / "docs" / lang
        config = mkdocs_config(root, lang, docs, site_dirs[lang], site_url, extra_javascript)
        path = work / f"mkdocs.{lang}.yml"
        # JSON is YAML; it also keeps every value a plain string.
        content = "# Generated by `python -m generator build`; edit mkdocs.yml instead.\n"
        content += json.dumps(config, ensure_ascii=False, indent=2) + "\n"
        if not path.is_file() or path.read_text(encoding="utf-8") != content:
            path.write_text(content, encoding="utf-8")
        paths[lang] = path
    return paths


def build_here(lang: str, config: Path, env: dict[str, str]) -> None:
    """`mkdocs build --strict` for one language, in this process; raise MkDocsFailed.

    For a lane of the build, a forked process of its own: starting a fresh interpreter
    and importing MkDocs and Material again would cost it about half a second. Not
    quiet: that would lower MkDocs' logger to errors only, and warnings (a broken link,
    a missing anchor) would never reach the count that strict mode fails on. MkDocs'
    messages are kept, and shown only when the build fails.
    """
    os.environ.update({"NO_MKDOCS_2_WARNING": "1", **env})
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    logger = logging.getLogger("mkdocs")
    logger.setLevel(logging.INFO)
    logger.propagate = False
    messages = io.StringIO()
    handler = logging.StreamHandler(messages)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logger.addHandler(handler)
    try:
        cfg = load_config(str(config), strict=True)
        cfg.plugins.on_startup(command="build", dirty=False)
        try:
            build(cfg)
        finally:
            cfg.plugins.on_shutdown()
    except (Exception, SystemExit) as exc:  # MkDocs' Abort is a SystemExit
        output = "\n".join(filter(None, [messages.getvalue().strip(), str(exc)]))
        raise MkDocsFailed(f"[{lang}] mkdocs build failed:\n{output}") from None
    finally:
        logger.removeHandler(handler)
