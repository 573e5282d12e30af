"""One error type for bad data: it names the file, the line, the field and what was wrong.

A warning has the same four parts but stops nothing: it asks a person to look at something,
such as details that have not been re-verified for a year.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from .messages import text


@dataclass(frozen=True, order=True)
class Finding:
    """Something found in one data file, reported as `path:line: field: message`."""

    level: ClassVar[str] = "finding"

    path: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return self.text("en")

    def text(self, lang: str) -> str:
        """`path:line: field: message`, the message in `lang` (fa or en)."""
        where = f"{self.path}:{self.line}" if self.line else self.path
        message = text(self.message, lang)
        return f"{where}: {self.field}: {message}" if self.field else f"{where}: {message}"


@dataclass(frozen=True, order=True)
class DataError(Finding):
    """A problem in one data file: nothing is built while one remains."""

    level: ClassVar[str] = "error"


@dataclass(frozen=True, order=True)
class DataWarning(Finding):
    """Something in one data file that a person should look at; it stops nothing."""

    level: ClassVar[str] = "warning"


class DataErrors(Exception):
    """Raised once all files were checked and at least one error was found."""

    def __init__(self, errors: list[DataError]):
        super().__init__(f"{len(errors)} error(s) in the data")
        self.errors = errors
