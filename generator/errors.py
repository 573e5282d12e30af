"""One error type for bad data: it names the file, the line, the field and what was wrong.

A warning has the same four parts but stops nothing: it asks a person to look at something,
such as details that have not been re-verified for a year.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar


@dataclass(frozen=True, order=True)
class Finding:
    """Something found in one data file, reported as `path:line: field: message`."""

    level: ClassVar[str] = "finding"

    path: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return (
            f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        )


@dataclass(frozen=True, order=True)
class DataError(Finding):
    """A problem in one data file: nothing is built while one remains."""

    level: ClassVar[str] = "error"


@dataclass(frozen=True, order=True)
class DataWarning(Finding):
    """Something in one data file that a person should look at; it stops nothing."""

    level: ClassVar[str] = "warning"


@dataclass
class ErrorLog:
    """Collects errors from every file so that one run reports them all."""

    root: Path
    errors: list[DataError] = field(default_factory=list)

    def add(self, path: Path | str, line: int, field_: str, message: str) -> None:
        """Record one error; `path` is shown relative to the data root."""
        self.errors.append(DataError(self.relative(path), line, field_, message))

    def relative(self, path: Path | str) -> str:
        path = Path(path)
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()

    def __bool__(self) -> bool:
        return bool(self.errors)

    def sorted(self) -> list[DataError]:
        return sorted(set(self.errors))


class DataErrors(Exception):
    """Raised once all files were checked and at least one error was found."""

    def __init__(self, errors: list[DataError]):
        super().__init__(f"{len(errors)} error(s) in the data")
        self.errors = errors
