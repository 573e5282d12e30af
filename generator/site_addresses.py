"""The pages and files a build will publish, known before it runs: the check resolves
links against them as MkDocs and the link gate will.

MkDocs gets each generated page with a placeholder body and no profile at all (render.py,
shell.py): a content page's link to a profile, or to a place inside a generated page,
fails the build. The link gate follows every address on the site's own host, so one
written out in full must lead to a page or file too.
"""

from __future__ import annotations

import os
from functools import cached_property
from math import ceil
from urllib.parse import unquote, urljoin, urlsplit

from . import addresses
from .i18n import LANGUAGES
from .load import CONTENT_PAGES
from .messages import Message, define, say
from .models import Directory
from .render import PER_PAGE, page_url
from .shell import SHELL_PATH

define("page_no_page", "'{url}' leads to no page or file of the site",
       "«{url}» به هیچ صفحه یا پرونده‌ای از سایت نمی‌رسد")  # fmt: skip
define("page_no_anchor", "'{url}': no heading or element on that page has the id '{anchor}'",
       "«{url}»: هیچ عنوان یا عنصری در آن صفحه شناسهٔ «{anchor}» را ندارد")  # fmt: skip
define("page_generated_anchor", "'{url}': a content page can link to that page, but not to a "
       "place in it: remove '#{anchor}'", "«{url}»: صفحهٔ محتوا می‌تواند به آن صفحه پیوند "
       "بدهد، ولی نه به جایی درون آن؛ «#{anchor}» را بردارید")  # fmt: skip


def generated_paths(public: Directory) -> list[str]:
    """The Markdown files the build gives MkDocs in each language besides the content
    pages: the generated pages (a long listing's later pages too), the profiles' shell."""
    paths = ["index.md", "diplomats/index.md", "cities/index.md", "fields/index.md",
             "languages/index.md", "open-data.md", SHELL_PATH]  # fmt: skip
    listings = [(f"cities/{c}.md", public.diplomats_of_city(c)) for c in public.cities]
    listings += [(f"fields/{f}.md", public.diplomats_of_field(f)) for f in public.fields]
    listings += [(f"languages/{code}.md", public.diplomats_speaking(code))
                 for code in public.spoken_languages()]  # fmt: skip
    for path, people in listings:
        later = range(2, ceil(len(people) / PER_PAGE) + 1)
        paths += [path, *(f"{page_url(path)}page/{n}.md" for n in later)]
    # The directory is a long listing too (its first page is among the paths above).
    later = range(2, ceil(len(public.diplomats) / PER_PAGE) + 1)
    paths += [f"diplomats/page/{n}.md" for n in later]
    return paths


class SiteAddresses:
    """The addresses of the site built from `public`, on its host.

    `anchors`: the ids of the pages whose ids are known (the content pages, rendered by
    the check), by address (`about/`, `en/about/`); a generated page's are not.
    """

    def __init__(self, public: Directory, anchors: dict[str, set[str]] | None = None):
        self.public = public
        self.anchors = anchors or {}
        own = [public.site.site_url if public.site else "", os.environ.get("SITE_URL", "")]
        self.roots = [urlsplit(url.rstrip("/") + "/") for url in own if url]
        self.base = self.roots[0].geturl() if self.roots else "https://site.invalid/"
        urls = [page_url(p) for p in generated_paths(public) if p != SHELL_PATH]
        urls += [addresses.profile(d.id) for d in public.diplomats]
        urls += [page_url(f"{name}.md") for name in CONTENT_PAGES]
        self.pages = {addresses.language_root(lang) + url for lang in LANGUAGES for url in urls}

    def is_own(self, href: str) -> bool:
        """Whether `href` is an address on the site's host."""
        parts = urlsplit(href)
        return parts.scheme in ("http", "https") and any(
            parts.netloc == root.netloc for root in self.roots
        )

    def problem(self, href: str, page: str = "") -> Message | None:
        """What is wrong with `href`, written on the page at address `page`, if it is on the
        site and leads to no page, file or anchor of it."""
        parts = urlsplit(urljoin(self.base + page, href))
        root = next((r for r in self.roots if r.netloc == parts.netloc), None)
        if root is None:
            return None  # another site's
        rel = unquote(parts.path.removeprefix(root.path))
        known = rel in self.pages or rel in self.files
        if not parts.path.startswith(root.path) or not known:
            return say("page_no_page", url=href)
        if parts.fragment and rel in self.anchors:
            if unquote(parts.fragment) not in self.anchors[rel]:
                return say("page_no_anchor", url=href, anchor=parts.fragment)
        elif parts.fragment and rel in self.pages:
            return say("page_generated_anchor", url=href, anchor=parts.fragment)
        return None

    @cached_property
    def files(self) -> set[str]:
        """Every file of the site that is not a page (made only if an address needs it)."""
        from .booklet import booklet_paths
        from .facets import FACET_FILE, card_file
        from .opendata import open_data_files
        from .photos import SIZES

        public = self.public
        out = {"sitemap.xml", "robots.txt", FACET_FILE, *open_data_files(public)}
        out |= {card_file(lang) for lang in LANGUAGES}
        out |= set(booklet_paths(public))
        for lang in LANGUAGES:
            root = addresses.language_root(lang)
            out.add(root + addresses.FEED)
            out |= {root + addresses.card(d.id) for d in public.diplomats}
            out |= {root + addresses.city_cards(c) for c in public.cities
                    if public.diplomats_of_city(c)}  # fmt: skip
        for person in (d for d in public.diplomats if d.photo):
            out |= {f"photos/{person.id}-{size}.{kind}" for size, kinds in SIZES.items()
                    for kind in kinds}  # fmt: skip
        return out
