"""Command line: `python -m generator check | build | serve`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .errors import DataErrors
from .mkdocs_site import MkDocsFailed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the data repository")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="validate all data files; write nothing")
    build = commands.add_parser("build", help="validate, then build the site into site/")
    build.add_argument("--site-dir", type=Path, default=None, help="default: <root>/site")
    build.add_argument("--timings", type=Path, default=None, help="write stage times as JSON")
    serve = commands.add_parser("serve", help="live preview: rebuild when a file changes")
    serve.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)
    root = args.root.resolve()
    try:
        if args.command == "check":
            from .build import check

            directory = check(root)
            shown = len(directory.public().diplomats)
            print(
                f"OK: {len(directory.diplomats)} diplomats ({shown} published), "
                f"{len(directory.cities)} cities, {len(directory.fields)} activity areas"
            )
        elif args.command == "build":
            from .build import build_site

            report = build_site(root, site_dir=args.site_dir)
            print(report)
            if args.timings:
                args.timings.write_text(json.dumps(report.seconds, indent=2), encoding="utf-8")
        elif args.command == "serve":
            from .serve import serve

            serve(root, port=args.port)
    except DataErrors as exc:
        for error in exc.errors:
            print(error, file=sys.stderr)
        print(f"{len(exc.errors)} error(s); nothing was written.", file=sys.stderr)
        return 1
    except MkDocsFailed as exc:  # e.g. a content page links to a page that does not exist
        print(f"{exc}\nThe site was not replaced.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
