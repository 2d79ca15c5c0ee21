"""The ``rififi`` command line.

Every failure is one line naming the file, object or turn and what to do; exit status 1 for
bad content, 2 for bad usage; never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence

from game import __version__

EXIT_OK, EXIT_CONTENT, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """Bad usage: exit status 2 with the message."""


class ContentError(Exception):
    """Bad content (a map, a recording): exit status 1 with the message."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit 2, like every other error
        self.exit(EXIT_USAGE, f"{self.prog}: {message} (see '{self.prog} --help')\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="rififi",
        description="Rififi, a turn-based heist. With no command: the title screen and campaign.",
    )
    parser.add_argument("--version", action="version", version=f"rififi {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    play = commands.add_parser("play", help="play one map")
    play.add_argument("map", metavar="MAP.tmx")
    play.add_argument("--seed", type=int, default=None, help="the world's random seed")
    play.add_argument("--watch", action="store_true", help="reload the map when it is saved")

    check = commands.add_parser("check", help="validate maps: exit 0 clean, 1 problems found")
    check.add_argument("maps", metavar="MAP.tmx", nargs="+")
    check.add_argument("--json", action="store_true", help="print a JSON summary")

    render = commands.add_parser("render", help="draw a map to a PNG, without a window")
    render.add_argument("map", metavar="MAP.tmx")
    render.add_argument("-o", "--output", required=True, metavar="OUT.png")
    render.add_argument("--floor", type=int, default=None)
    render.add_argument("--replay", metavar="FILE", default=None)
    render.add_argument("--turn", type=int, default=None)
    render.add_argument(
        "--tiles-only",
        action="store_true",
        help="only the floor's tile layers at the map's own tile size, as Tiled draws them",
    )

    new = commands.add_parser("new", help="write an editable mission folder for Tiled")
    new.add_argument("dir", metavar="DIR")
    new.add_argument("--from", dest="source", metavar="MISSION", default=None,
                     help="start from a copy of a shipped mission (e.g. jeweler)")  # fmt: skip

    replay = commands.add_parser("replay", help="watch a recording, or --verify it headless")
    replay.add_argument("file", metavar="FILE")
    replay.add_argument("--verify", action="store_true", help="exit 0 identical, 1 diverges")
    return parser


#: Where each command is implemented: ``module:function(args) -> exit status``. The module
#: belongs to the layer that does the work and is imported only when the command runs, so
#: ``rififi check`` never loads pygame.
ENTRY_POINTS: dict[str | None, str] = {
    None: "game.ui.cli_title:run",
    "play": "game.ui.cli_play:run",
    "render": "game.ui.cli_render:run",
    "check": "game.tiled.cli_check:run",
    "replay": "game.replay.cli_replay:run",
    "new": "game.tiled.newmission:run",
}


def _entry_point(command: str | None) -> Callable[[argparse.Namespace], int]:
    module_name, _, function = ENTRY_POINTS[command].partition(":")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as missing:  # a broken install, or a dependency not installed
        what = f"'{command}'" if command else "the game"
        raise ContentError(f"{what} cannot start: {missing} (reinstall rififi)") from None
    return getattr(module, function)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = build_parser().parse_args(argv)
    try:
        return _entry_point(args.command)(args)
    except UsageError as error:
        print(f"rififi: {error}", file=sys.stderr)
        return EXIT_USAGE
    except ContentError as error:
        print(f"rififi: {error}", file=sys.stderr)
        return EXIT_CONTENT
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
