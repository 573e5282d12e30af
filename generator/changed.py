"""Which files a change touches: `check --changed-since REF` warns about those files only.

On a pull request, CI shows each warning (details not re-verified for a year) on the file it
is about; a warning about a file the pull request did not touch is not its author's to act
on, so it is left out there (`make stale` lists them all). Errors are always shown.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from .messages import define, quoted, say

define(
    "changed_not_a_commit",
    "--changed-since {ref}: not a branch, tag or commit of this repository (such as origin/main)",
    "--changed-since {ref}: شاخه، برچسب یا commit این مخزن نیست (مانند origin/main)",
)
define(
    "changed_git_failed",
    "git could not list the files changed since {ref}: {detail}",
    "git نتوانست پرونده‌هایی را که از {ref} به این سو تغییر کرده‌اند فهرست کند: {detail}",
)


class ChangedFilesError(Exception):
    """git could not say what changed; the message (`args[0]`) says why, in both languages."""


def changed_files(root: Path, ref: str) -> set[str]:
    """The files under `root`, as `diplomats/x.yml`, that differ from git ref `ref`: changed
    in a commit since, changed in the working tree, or new and not ignored by git."""
    try:
        found = subprocess.run(
            ["git", "-C", str(root), "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"],
            capture_output=True, text=True, check=False,
        )  # fmt: skip
        if found.returncode != 0:
            raise ChangedFilesError(say("changed_not_a_commit", ref=quoted(ref)))
        changed = _git(root, ref, "diff", "--name-only", "--no-renames", "--relative", "-z", ref)
        new = _git(root, ref, "ls-files", "--others", "--exclude-standard", "-z")
    except OSError as exc:  # git itself is missing
        raise ChangedFilesError(
            say("changed_git_failed", ref=quoted(ref), detail=str(exc))
        ) from None
    return {name for name in (changed + new).split("\0") if name}


def _git(root: Path, ref: str, *args: str) -> str:
    result = subprocess.run(
        ["git", "-C", str(root), *args], capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        detail = result.stderr.strip()
        raise ChangedFilesError(say("changed_git_failed", ref=quoted(ref), detail=detail))
    return result.stdout
