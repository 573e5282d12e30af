"""The baseline: the same profiles as a newcomer would publish them with stock tools.

Plain MkDocs + Material + mkdocs-static-i18n at its defaults, Material's search on, one
Markdown file per profile and language, every profile in the nav.
"""

from __future__ import annotations

import json
from pathlib import Path

from generator.build import check


def write_baseline(root: Path, target: Path) -> Path:
    """Write docs/ and mkdocs.yml for the baseline site of the data under `root`."""
    directory = check(root).public()
    docs = target / "docs"
    (docs / "diplomats").mkdir(parents=True)
    (docs / "index.md").write_text("# Isfahan Citizen Diplomats\n", encoding="utf-8")
    (docs / "index.fa.md").write_text("# شهروند دیپلمات اصفهان\n", encoding="utf-8")
    nav = []
    for person in directory.diplomats:
        for lang, suffix in (("en", ""), ("fa", ".fa")):
            name = getattr(person.name, lang)
            lines = [f"# {name}", ""]
            if person.occupation and getattr(person.occupation, lang):
                lines += [f"*{getattr(person.occupation, lang)}*", ""]
            lines += [f"- {directory.cities[c].name.en}" for c in person.cities] + [""]
            if person.bio and getattr(person.bio, lang):
                lines += [getattr(person.bio, lang), ""]
            lines += [f"- {c.type}: {c.value}" for c in person.public_contacts]
            (docs / "diplomats" / f"{person.id}{suffix}.md").write_text(
                "\n".join(lines), encoding="utf-8"
            )
        nav.append({person.name.en: f"diplomats/{person.id}.md"})
    config = {
        "site_name": "Isfahan Citizen Diplomats",
        "theme": {"name": "material"},
        "plugins": [
            "search",
            {
                "i18n": {
                    "docs_structure": "suffix",
                    "languages": [
                        {"locale": "en", "default": True, "name": "English", "build": True},
                        {"locale": "fa", "name": "فارسی", "build": True},
                    ],
                }
            },
        ],  # fmt: skip
        "nav": [{"Home": "index.md"}, {"Diplomats": nav}],
    }
    (target / "mkdocs.yml").write_text(json.dumps(config, ensure_ascii=False), encoding="utf-8")
    return target
