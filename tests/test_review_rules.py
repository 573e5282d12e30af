"""Review rules and editor help checked into the repository: CODEOWNERS, PR template, VS Code."""

from __future__ import annotations

import fnmatch
import json
import re

from .conftest import FIXTURES, REPO

OFFICE = "@isfahan-municipality/international-affairs"


def owners() -> dict[str, list[str]]:
    rules = {}
    for line in (REPO / ".github/CODEOWNERS").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            pattern, *teams = line.split()
            rules[pattern] = teams
    return rules


def test_the_office_owns_the_people_and_the_cities() -> None:
    rules = owners()
    for folder in ("/diplomats/", "/cities/", "/.github/CODEOWNERS"):
        assert rules.get(folder) == [OFFICE], folder
    assert "PLACEHOLDER" in (REPO / ".github/CODEOWNERS").read_text(encoding="utf-8")


def test_the_pull_request_template_asks_for_consent_and_photo_rights() -> None:
    text = (REPO / ".github/pull_request_template.md").read_text(encoding="utf-8")
    boxes = re.findall(r"^- \[ \] (.+(?:\n {6}.+)*)", text, flags=re.M)
    assert len(boxes) >= 5
    consent = next(b for b in boxes if "public: true" in b)
    assert "رضایت کتبی" in consent and "written consent" in consent
    photo = next(b for b in boxes if "photo" in b)
    assert "حق انتشار" in photo and "right to publish" in photo


def test_the_editor_settings_map_each_data_file_to_its_schema() -> None:
    settings = json.loads((REPO / ".vscode/settings.json").read_text(encoding="utf-8"))
    mapping = settings["yaml.schemas"]
    for schema in mapping:
        assert (REPO / schema).is_file(), schema
    for folder, schema in (("diplomats", "diplomat"), ("cities", "city")):
        files = [p.relative_to(FIXTURES).as_posix() for p in (FIXTURES / folder).glob("*.yml")]
        globs = mapping[f"./schemas/{schema}.schema.json"]
        assert files and all(any(fnmatch.fnmatch(f, g) for g in globs) for f in files)
    assert settings["yaml.yamlVersion"] == "1.2"  # `no` and `+98…` stay text, as in load.py


def test_the_yaml_extension_is_recommended() -> None:
    extensions = json.loads((REPO / ".vscode/extensions.json").read_text(encoding="utf-8"))
    assert extensions["recommendations"] == ["redhat.vscode-yaml"]
