"""Command line: `python -m generator check | build | serve | stale | new | diff | schemas`."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from .errors import DataErrors
from .freshness import DEFAULT_MAX_AGE_MONTHS
from .mkdocs_site import MkDocsFailed
from .report import FORMATS, print_findings


def main(argv: list[str] | None = None) -> int:
    """Run one command; return the process exit code."""
    args = _parser().parse_args(argv)
    root = args.root.resolve()
    try:
        return COMMANDS[args.command](root, args)
    except DataErrors as exc:
        form = getattr(args, "format", "text")
        stream = sys.stdout if form == "github" else sys.stderr
        print_findings(exc.errors, form, stream)
        print(f"{len(exc.errors)} error(s); nothing was written.", file=sys.stderr)
        return 1
    except MkDocsFailed as exc:  # e.g. a content page links to a page that does not exist
        print(f"{exc}\nThe site was not replaced.", file=sys.stderr)
        return 1
    except UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


class UsageError(Exception):
    """A command was asked for something it cannot do; the message says why."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the data repository")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate all data files; write nothing")
    check.add_argument("--format", choices=FORMATS, default="text",
                       help="github: print GitHub Actions annotations")  # fmt: skip
    _max_age_option(check)
    build = commands.add_parser("build", help="validate, then build the site into site/")
    build.add_argument("--site-dir", type=Path, default=None, help="default: <root>/site")
    build.add_argument("--timings", type=Path, default=None, help="write stage times as JSON")
    serve = commands.add_parser("serve", help="live preview: rebuild when a file changes")
    serve.add_argument("--port", type=int, default=8000)
    stale = commands.add_parser("stale", help="list approved people due for re-verification")
    _max_age_option(stale)
    new = commands.add_parser("new", help="write a new data file to fill in, status pending")
    new.add_argument("kind", choices=("diplomat", "city"))
    new.add_argument("id", help="the file name without .yml, e.g. sara-ahmadi")
    diff = commands.add_parser("diff", help="summarise the data changes since a git ref")
    diff.add_argument("base", help="the git ref to compare with, e.g. origin/main")
    diff.add_argument("--head", default=None, help="a git ref; default: the working tree")
    schemas = commands.add_parser("schemas", help="write schemas/*.schema.json for editors")
    schemas.add_argument("--check", action="store_true", help="only report stale files")
    return parser


def _max_age_option(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--max-age-months",
        type=_months,
        default=DEFAULT_MAX_AGE_MONTHS,
        help=f"months after which verified_on is overdue (default: {DEFAULT_MAX_AGE_MONTHS})",
    )


def _months(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of months, found {text!r}")
    return int(text)


def _check(root: Path, args: argparse.Namespace) -> int:
    from .build import check_freshness

    directory, _, warnings = check_freshness(root, date.today(), args.max_age_months)
    shown = len(directory.public().diplomats)
    print(
        f"OK: {len(directory.diplomats)} diplomats ({shown} published), "
        f"{len(directory.cities)} cities, {len(directory.fields)} activity areas"
    )
    print_findings(warnings, args.format, sys.stdout)
    if warnings:
        print(f"{len(warnings)} warning(s); see `python -m generator stale`.")
    return 0


def _build(root: Path, args: argparse.Namespace) -> int:
    from .build import build_site

    report = build_site(root, site_dir=args.site_dir)
    print(report)
    if args.timings:
        args.timings.write_text(json.dumps(report.seconds, indent=2), encoding="utf-8")
    return 0


def _serve(root: Path, args: argparse.Namespace) -> int:
    from .serve import serve

    serve(root, port=args.port)
    return 0


def _stale(root: Path, args: argparse.Namespace) -> int:
    from .build import check_freshness
    from .freshness import months_before

    today = date.today()
    _, overdue, _ = check_freshness(root, today, args.max_age_months)
    cutoff = months_before(today, args.max_age_months).isoformat()
    if not overdue:
        print(f"Every approved person was verified on or after {cutoff}.")
        return 0
    print(f"{len(overdue)} approved people were last checked before {cutoff}:")
    for item in overdue:
        person = item.diplomat
        how = "verified" if item.field == "verified_on" else "approved, never verified"
        print(
            f"  {item.last_checked.isoformat()} ({how})  diplomats/{person.id}.yml  "
            f"{person.name.en} · {person.name.fa}"
        )
    return 0


def _new(root: Path, args: argparse.Namespace) -> int:
    from .scaffold import ScaffoldError, new_file

    try:
        path = new_file(root, args.kind, args.id)
    except ScaffoldError as exc:
        raise UsageError(str(exc)) from None
    print(f"Wrote {path.relative_to(root).as_posix()}: fill it in, then run `make check`.")
    return 0


def _diff(root: Path, args: argparse.Namespace) -> int:
    from .diff import GitError, compare_refs
    from .diff_text import summary

    try:
        changes = compare_refs(root, args.base, args.head)
    except GitError as exc:
        raise UsageError(str(exc)) from None
    print(summary(changes, args.base, args.head), end="")
    return 0


def _schemas(root: Path, args: argparse.Namespace) -> int:
    from .json_schema import stale_schemas, write_schemas

    if args.check:
        stale = stale_schemas(root)
        for name in stale:
            print(f"{name} is out of date: run `make schemas`", file=sys.stderr)
        return 1 if stale else 0
    for path in write_schemas(root):
        print(f"Wrote {path.relative_to(root).as_posix()}")
    return 0


COMMANDS = {
    "check": _check,
    "build": _build,
    "serve": _serve,
    "stale": _stale,
    "new": _new,
    "diff": _diff,
    "schemas": _schemas,
}

if __name__ == "__main__":
    sys.exit(main())
