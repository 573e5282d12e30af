"""Page text → files. Writes only what changed and removes what is no longer generated."""

from __future__ import annotations

from pathlib import Path, PurePosixPath


class DuplicateOutput(RuntimeError):
    """Two generated files claimed the same path."""


def collect(items: list[tuple[str, str | bytes]]) -> dict[str, bytes]:
    """Turn (path, content) pairs into a mapping, refusing two outputs on one path."""
    out: dict[str, bytes] = {}
    for path, content in items:
        safe = PurePosixPath(path)
        if safe.is_absolute() or ".." in safe.parts:
            raise DuplicateOutput(f"refusing to write outside the output folder: {path!r}")
        if path in out:
            raise DuplicateOutput(f"two pages would be written to {path!r}")
        out[path] = content.encode("utf-8") if isinstance(content, str) else content
    return out


def sync_tree(folder: Path, files: dict[str, bytes]) -> int:
    """Make `folder` hold exactly `files`; return how many files were (re)written.

    Unchanged files keep their modification time, so MkDocs' live reload and any
    incremental step see only real changes.
    """
    folder.mkdir(parents=True, exist_ok=True)
    written = 0
    made: set[Path] = set()
    for rel, content in files.items():
        target = folder / rel
        if target.is_file() and target.read_bytes() == content:
            continue
        if target.parent not in made:
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        target.write_bytes(content)
        written += 1
    wanted = {folder / rel for rel in files}
    for existing in sorted(folder.rglob("*"), reverse=True):
        if existing.is_file() and existing not in wanted:
            existing.unlink()
        elif existing.is_dir() and not any(existing.iterdir()):
            existing.rmdir()
    return written
