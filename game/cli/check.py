"""``rififi check MAP.tmx... [--json]``: validate maps; exit 0 clean, 1 problems, 2 usage.

Plain output is one line per problem (the format of :class:`game.tiled.errors.Problem`) and
one ``ok`` line per clean map, so it reads well in a terminal and in an editor's error list.
``--json`` prints one document with a summary of each map and its problems.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from game.cli.errors import EXIT_CONTENT, EXIT_OK, UsageError
from game.tiled import CheckReport, check_map


def run(args: argparse.Namespace) -> int:
    """Check every map given; the exit status says whether any problem was found."""
    paths = [Path(p) for p in args.maps]
    for path in paths:
        if path.is_dir():
            raise UsageError(f"{path} is a folder; give .tmx files (e.g. {path}/*.tmx)")
        if not path.exists():
            raise UsageError(f"{path}: no such file")
    reports = [check_map(path) for path in paths]
    try:
        _print(reports, args.json)
    except BrokenPipeError:  # "rififi check ... | head" closed the pipe: not an error
        sys.stderr.close()
    return EXIT_OK if all(r.ok for r in reports) else EXIT_CONTENT


def _print(reports: list[CheckReport], as_json: bool) -> None:
    if as_json:
        json.dump(
            {"maps": [r.to_json() for r in reports]}, sys.stdout, indent=2, ensure_ascii=False
        )
        sys.stdout.write("\n")
    else:
        for report in reports:
            for problem in report.problems:
                print(problem.line())
            if report.ok and report.info is not None:
                info = report.info
                counts = ", ".join(f"{n} {k}" for k, n in info.counts.items())
                print(
                    f"{report.path}: ok — {info.floors} floors of {info.width}x{info.height}, "
                    f"{counts}"
                )
