"""Command line: `python -m generator check | build | serve | stale | new | diff | schemas`."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from .errors import DataErrors
from .freshness import DEFAULT_MAX_AGE_MONTHS
from .messages import Message, define, persian_digits, quoted, say
from .mkdocs_site import MkDocsFailed
from .report import FORMATS, in_language, print_findings
from .write import BuildStopped, output_folder, refuse_links

LANG_CHOICES = ("fa", "en", "both")

define(
    "errors_count",
    "{count} error(s); nothing was written.",
    "{count} خطا پیدا شد؛ هیچ چیز نوشته نشد.",
)
define(
    "build_failed",
    "{reason}\nThe site was not replaced.",
    "{reason}\nساخت سایت شکست خورد و سایت پیشین سر جایش ماند.",
)
define("usage_error", "error: {reason}", "خطا: {reason}")
define(
    "check_ok",
    "OK: {people} diplomats ({shown} published), {cities} cities, {fields} activity areas",
    "درست است: {people} شهروند دیپلمات ({shown} منتشرشده)، {cities} شهر، {fields} حوزهٔ فعالیت",
)
define(
    "warnings_count",
    "{count} warning(s): they stop nothing, but each asks for a look.",
    "{count} هشدار: جلوی چیزی را نمی‌گیرند، اما هر کدام نیاز به نگاهی دارد.",
)
define(
    "none_stale",
    "Every approved person was verified on or after {cutoff}.",
    "اطلاعات همهٔ افراد تأییدشده در {cutoff} یا پس از آن بررسی شده است.",
)
define(
    "stale_count",
    "{count} approved people were last checked before {cutoff}:",
    "اطلاعات {count} نفر از افراد تأییدشده آخرین بار پیش از {cutoff} بررسی شده است:",
)
define("stale_verified", "verified", "بررسی‌شده")
define("stale_never", "approved, never verified", "تأییدشده، هرگز بازبینی‌نشده")
define(
    "new_written",
    "Wrote {path}: fill it in, then run `make check`.",
    "{path} نوشته شد: آن را پر کنید و سپس `make check` را اجرا کنید.",
)
define(
    "schema_stale",
    "{name} is out of date: run `make schemas`",
    "{name} به‌روز نیست: `make schemas` را اجرا کنید",
)
define("schema_written", "Wrote {path}", "{path} نوشته شد")
define(
    "built",
    "Built {site} with {people} published diplomats, {pages} pages per language, in {seconds} s",
    "سایت در {site} ساخته شد: {people} شهروند دیپلمات منتشرشده، {pages} صفحه در هر زبان، "
    "در {seconds} ثانیه",
)
define(
    "months",
    "expected a whole number of months, found {found}",
    "شمار ماه‌ها باید عددی درست باشد، اما {found} آمده است",
)


def main(argv: list[str] | None = None) -> int:
    """Run one command; return the process exit code."""
    args = _parser().parse_args(argv)
    root = args.root.resolve()
    # Persian for staff at a terminal; both languages in annotations on a pull request.
    if args.lang is None:
        args.lang = "both" if getattr(args, "format", "text") == "github" else "fa"
    lang = args.lang
    try:
        return COMMANDS[args.command](root, args)
    except DataErrors as exc:
        form = getattr(args, "format", "text")
        stream = sys.stdout if form == "github" else sys.stderr
        print_findings(exc.errors, form, stream, lang)
        _say(say("errors_count", count=len(exc.errors)), lang, sys.stderr)
        return 1
    except MkDocsFailed as exc:  # e.g. a content page links to a page that does not exist
        _say(say("build_failed", reason=str(exc)), lang, sys.stderr)
        return 1
    except BuildStopped as exc:  # another build is running, or a disk is full or read-only
        _say(exc.args[0], lang, sys.stderr)
        return 1
    except UsageError as exc:
        _say(say("usage_error", reason=exc.args[0]), lang, sys.stderr)
        return 2


def _say(message: str, lang: str, stream=None) -> None:
    """Print a message in the language asked for (both: Persian, then English)."""
    print(in_language(message, lang), file=stream or sys.stdout)


class UsageError(Exception):
    """A command was asked for something it cannot do; the message (`args[0]`) says why."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the data repository")
    parser.add_argument("--lang", choices=LANG_CHOICES, default=None, help=LANG_HELP)
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate all data files; write nothing")
    check.add_argument("--format", choices=FORMATS, default="text",
                       help="github: print GitHub Actions annotations")  # fmt: skip
    check.add_argument("--changed-since", metavar="REF", default=None,
                       help="warn only about files changed since this git ref")  # fmt: skip
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
    for command in commands.choices.values():  # also after the command: `check --lang en`
        command.add_argument(
            "--lang", choices=LANG_CHOICES, default=argparse.SUPPRESS, help=LANG_HELP
        )
    return parser


LANG_HELP = "the language of messages: fa, en, or both (default: fa; both with --format github)"


def _max_age_option(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--max-age-months",
        type=_months,
        default=DEFAULT_MAX_AGE_MONTHS,
        help=f"months after which verified_on is overdue (default: {DEFAULT_MAX_AGE_MONTHS})",
    )


def _months(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(in_language(say("months", found=quoted(text)), "both"))
    return int(text)


def _check(root: Path, args: argparse.Namespace) -> int:
    from .build import check_freshness
    from .json_schema import ids_schema_warnings

    # What the build would refuse before writing (a committed `site` link), said here too.
    try:
        refuse_links(root, output_folder(root, None, "site"), output_folder(root, None, "build"))
        links: list = []
    except DataErrors as exc:
        links = exc.errors
    try:
        directory, _, warnings = check_freshness(root, date.today(), args.max_age_months)
    except DataErrors as exc:
        raise DataErrors(sorted({*exc.errors, *links})) from None
    if links:
        raise DataErrors(links)
    if args.changed_since:  # errors are always shown; overdue details only on files changed
        from .changed import ChangedFilesError, changed_files

        try:
            changed = changed_files(root, args.changed_since)
        except ChangedFilesError as exc:
            raise UsageError(exc.args[0]) from None
        warnings = [w for w in warnings if w.path in changed]
    # Stale editor ids concern the change at hand (a city added in the browser): always shown.
    warnings = [*warnings, *ids_schema_warnings(root)]
    shown = len(directory.public().diplomats)
    ok = say(
        "check_ok",
        people=len(directory.diplomats),
        shown=shown,
        cities=len(directory.cities),
        fields=len(directory.fields),
    )
    _say(ok, args.lang)
    print_findings(warnings, args.format, sys.stdout, args.lang)
    if warnings:
        _say(say("warnings_count", count=len(warnings)), args.lang)
    return 0


def _build(root: Path, args: argparse.Namespace) -> int:
    from .build import build_site

    report = build_site(root, site_dir=args.site_dir)
    built = say(
        "built",
        site=str(report.site_dir),
        people=report.diplomats,
        pages=report.pages,
        seconds=Message(
            f"{report.total:.1f}", persian_digits(f"{report.total:.1f}").replace(".", "٫")
        ),
    )
    _say(built, args.lang)
    print(report.stages())
    if args.timings:
        args.timings.write_text(json.dumps(report.seconds, indent=2), encoding="utf-8")
    return 0


def _serve(root: Path, args: argparse.Namespace) -> int:
    from .serve import serve

    serve(root, port=args.port, lang=args.lang)
    return 0


def _stale(root: Path, args: argparse.Namespace) -> int:
    from .build import check_freshness
    from .freshness import months_before

    today = date.today()
    _, overdue, _ = check_freshness(root, today, args.max_age_months)
    cutoff = months_before(today, args.max_age_months).isoformat()
    if not overdue:
        _say(say("none_stale", cutoff=cutoff), args.lang)
        return 0
    _say(say("stale_count", count=len(overdue), cutoff=cutoff), args.lang)
    for item in overdue:
        person = item.diplomat
        how = say("stale_verified" if item.field == "verified_on" else "stale_never")
        how = in_language(how, args.lang).replace("\n", " / ")
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
        raise UsageError(exc.args[0]) from None
    _say(say("new_written", path=path.relative_to(root).as_posix()), args.lang)
    return 0


def _diff(root: Path, args: argparse.Namespace) -> int:
    from .diff import GitError, compare_refs
    from .diff_text import summary

    try:
        changes = compare_refs(root, args.base, args.head)
    except GitError as exc:
        raise UsageError(exc.args[0]) from None  # a Message: Persian and English
    print(summary(changes, args.base, args.head), end="")
    return 0


def _schemas(root: Path, args: argparse.Namespace) -> int:
    from .json_schema import stale_schemas, write_schemas

    if args.check:
        stale = stale_schemas(root)
        for name in stale:
            _say(say("schema_stale", name=name), args.lang, sys.stderr)
        return 1 if stale else 0
    for path in write_schemas(root):
        _say(say("schema_written", path=path.relative_to(root).as_posix()), args.lang)
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
