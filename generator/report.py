"""How findings are printed: as `file:line: field: message` lines, or as GitHub annotations.

GitHub Actions reads lines of the form `::error file=…,line=…,title=…::message` from a
step's output and shows each one on that line of the pull request's diff. The rules for
escaping are those of GitHub's toolkit (`@actions/core`, `command.ts`): in the message,
`%`, CR and LF are percent-encoded; in a property, `:` and `,` are as well, since they
separate the properties.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from .errors import Finding
from .messages import text

FORMATS = ("text", "github")


def escape_data(text: str) -> str:
    """Escape the message of a workflow command."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value (file, title) of a workflow command."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_annotation(finding: Finding, lang: str = "both") -> str:
    """`::error file=diplomats/x.yml,line=7,title=cities[1]::unknown city …`; the message in
    Persian, then English on the next line (`lang="both"`), or in one language."""
    properties = [f"file={escape_property(finding.path)}"]
    if finding.line:
        properties.append(f"line={finding.line}")
    if finding.field:
        properties.append(f"title={escape_property(finding.field)}")
    message = in_language(finding.message, lang)
    return f"::{finding.level} {','.join(properties)}::{escape_data(message)}"


def in_language(message: str, lang: str) -> str:
    """A message in `lang`: fa, en, or both (Persian first, English on the next line)."""
    if lang == "both":
        persian, english = text(message, "fa"), text(message, "en")
        return persian if persian == english else f"{persian}\n{english}"
    return text(message, lang)


def plain(finding: Finding, lang: str = "en") -> str:
    """`diplomats/x.yml:7: cities[1]: unknown city …`, with `warning: ` before a warning."""
    if lang == "both":
        return "\n".join(plain(finding, one) for one in ("fa", "en"))
    line = finding.text(lang)
    return f"{WARNING[lang]}{line}" if finding.level == "warning" else line


WARNING = {"en": "warning: ", "fa": "هشدار: "}


def print_findings(
    findings: Iterable[Finding], form: str, stream: TextIO, lang: str = "en"
) -> None:
    """Print each finding on its own line in the format `form` (one of FORMATS), its message
    in `lang` (fa, en or both)."""
    if form not in FORMATS:
        raise ValueError(f"expected one of {', '.join(FORMATS)}, found {form!r}")
    for finding in findings:
        shown = github_annotation(finding, lang) if form == "github" else plain(finding, lang)
        print(shown, file=stream)
