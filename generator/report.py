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

FORMATS = ("text", "github")


def escape_data(text: str) -> str:
    """Escape the message of a workflow command."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value (file, title) of a workflow command."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_annotation(finding: Finding) -> str:
    """`::error file=diplomats/x.yml,line=7,title=cities[1]::unknown city …`."""
    properties = [f"file={escape_property(finding.path)}"]
    if finding.line:
        properties.append(f"line={finding.line}")
    if finding.field:
        properties.append(f"title={escape_property(finding.field)}")
    return f"::{finding.level} {','.join(properties)}::{escape_data(finding.message)}"


def plain(finding: Finding) -> str:
    """`diplomats/x.yml:7: cities[1]: unknown city …`, with `warning: ` before a warning."""
    return f"warning: {finding}" if finding.level == "warning" else str(finding)


def print_findings(findings: Iterable[Finding], form: str, stream: TextIO) -> None:
    """Print each finding on its own line in the format `form` (one of FORMATS)."""
    if form not in FORMATS:
        raise ValueError(f"expected one of {', '.join(FORMATS)}, found {form!r}")
    for finding in findings:
        print(github_annotation(finding) if form == "github" else plain(finding), file=stream)
