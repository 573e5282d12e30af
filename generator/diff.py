"""What a change to the data does: `python -m generator diff <base-ref>`.

Both sides go through the same `load → validate` as a build, so the comparison is of
validated records, not of text: reformatting a file changes nothing, and a phone number
written differently but normalised to the same value is no change. The base side is
taken from git (`git archive`) into a temporary folder; the other side is the working
tree, or another ref.
"""

from __future__ import annotations

import io
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel

from .errors import DataError, DataErrors
from .load import load_sources
from .models import Directory, publishable
from .schema import Contact, Diplomat, SisterCity
from .validate import validate

DATA_FOLDERS = ("diplomats", "cities", "content")

Record = Diplomat | SisterCity


class GitError(Exception):
    """git could not give the data at a ref; the message says what git said."""


@dataclass(frozen=True)
class Change:
    """One diplomat or city that differs between the two sides."""

    kind: str  # "diplomat" or "city"
    id: str
    before: Record | None  # None: added
    after: Record | None  # None: removed
    fields: tuple[str, ...] = ()  # fields whose value changed, status aside
    newly_public: tuple[Contact, ...] = ()  # channels going public: consent must be on record
    no_longer_public: tuple[Contact, ...] = ()  # channels taken off a published page

    @property
    def event(self) -> str:
        """added, removed, status (the status changed) or changed (other fields only)."""
        if self.before is None:
            return "added"
        if self.after is None:
            return "removed"
        return "status" if self.before.status != self.after.status else "changed"


@dataclass(frozen=True)
class Changes:
    """Every change between two sides, diplomats then cities."""

    diplomats: tuple[Change, ...]
    cities: tuple[Change, ...]


def compare(before: Directory, after: Directory) -> Changes:
    """The records added, removed or changed from `before` to `after`, in a stable order."""
    old_d = {d.id: d for d in before.diplomats}
    new_d = {d.id: d for d in after.diplomats}
    return Changes(
        diplomats=_changes("diplomat", old_d, new_d),
        cities=_changes("city", dict(before.cities), dict(after.cities)),
    )


_ORDER = {"added": 0, "status": 1, "changed": 2, "removed": 3}


def _changes(kind: str, old: dict[str, Record], new: dict[str, Record]) -> tuple[Change, ...]:
    found = []
    for id_ in sorted(old.keys() | new.keys()):
        before, after = old.get(id_), new.get(id_)
        if before == after:
            continue
        fields = _changed_fields(before, after) if before and after else ()
        shown, hidden = _public_channels(before, after) if kind == "diplomat" else ((), ())
        found.append(Change(kind, id_, before, after, fields, shown, hidden))
    return tuple(sorted(found, key=lambda c: (_ORDER[c.event], c.id)))


def _changed_fields(before: BaseModel, after: BaseModel) -> tuple[str, ...]:
    old, new = before.model_dump(mode="json"), after.model_dump(mode="json")
    return tuple(name for name in new if name != "status" and old.get(name) != new[name])


def _public_channels(
    before: Diplomat | None, after: Diplomat | None
) -> tuple[tuple[Contact, ...], tuple[Contact, ...]]:
    """Channels going public (or going live with an approval), and those taken off."""
    was = set(before.public_contacts) if before else set()
    now = list(after.public_contacts) if after else []
    goes_live = after is not None and publishable(after) and not (before and publishable(before))
    shown = tuple(c for c in now if goes_live or c not in was)
    stays_live = bool(before and after and publishable(before) and publishable(after))
    hidden = tuple(c for c in before.public_contacts if c not in now) if stays_live else ()
    return shown, hidden


# ---------------------------------------------------------------------------- git


def compare_refs(root: Path, base: str, head: str | None = None) -> Changes:
    """Changes from the data at git ref `base` to `head` (default: the working tree)."""
    with tempfile.TemporaryDirectory(prefix="generator-diff-") as tmp:
        before = _directory_at(root, base, Path(tmp) / "base")
        if head is None:
            after = validate(load_sources(root))
        else:
            after = _directory_at(root, head, Path(tmp) / "head")
    return compare(before, after)


def _directory_at(root: Path, ref: str, into: Path) -> Directory:
    data_tree_at(root, ref, into)
    try:
        return validate(load_sources(into))
    except DataErrors as exc:  # name the ref, so that nobody looks for it in the working tree
        raise DataErrors(
            [DataError(f"{ref}:{e.path}", e.line, e.field, e.message) for e in exc.errors]
        ) from None


def data_tree_at(root: Path, ref: str, into: Path) -> None:
    """Write the data folders (diplomats, cities, content) as they are at `ref` into `into`."""
    commit = _git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}").strip()
    # `root` may be a subfolder of the repository: git then reads paths relative to it,
    # so the tree is named `<commit>:<prefix>` and read from the top of the repository.
    top = Path(_git(root, "rev-parse", "--show-toplevel").strip())
    tree = f"{commit}:{_git(root, 'rev-parse', '--show-prefix').strip()}"
    listed = _git(top, "ls-tree", "--name-only", tree).split()
    present = [name for name in DATA_FOLDERS if name in listed]
    into.mkdir(parents=True, exist_ok=True)
    if not present:
        return
    archive = subprocess.run(
        ["git", "-C", str(top), "archive", "--format=tar", tree, *present],
        capture_output=True, check=False,
    )  # fmt: skip
    if archive.returncode != 0:
        raise GitError(f"git archive {ref}: {archive.stderr.decode(errors='replace').strip()}")
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(into, filter="data")


def _git(root: Path, *args: str) -> str:
    try:
        result = subprocess.run(
            ["git", "-C", str(root), *args], capture_output=True, text=True, check=False
        )
    except OSError as exc:
        raise GitError(f"cannot run git: {exc}") from None
    if result.returncode != 0:
        detail = result.stderr.strip() or f"{args[-1]!r} is not a commit in this repository"
        raise GitError(f"git {args[0]}: {detail}")
    return result.stdout
