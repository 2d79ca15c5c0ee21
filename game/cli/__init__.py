"""The ``rififi`` command line, on top of every layer: the parser and :func:`main` here, one
module per command beside it (``title``, ``play``, ``check``, ``render``, ``replay``,
``new``, ``solve``), each
with ``run(args) -> exit status``.

Every failure is one line naming the file, object or turn and what to do; exit status 1 for
bad content, 2 for bad usage; never a traceback. A command's module is imported only when
that command runs, so ``rififi check`` and ``rififi replay --verify`` never load pygame.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from game import __version__
from game.cli.errors import EXIT_CONTENT, EXIT_OK, EXIT_USAGE, ContentError, UsageError

__all__ = [
    "EXIT_CONTENT",
    "EXIT_OK",
    "EXIT_USAGE",
    "ContentError",
    "UsageError",
    "build_parser",
    "main",
]


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

    solve = commands.add_parser("solve", help="a machine plays the map: its par, or its probes")
    solve.add_argument("map", metavar="MAP.tmx")
    solve.add_argument("--budget", type=float, default=60.0, metavar="SECONDS",
                       help="how long to search (default 60)")  # fmt: skip
    solve.add_argument("-o", "--output", metavar="FILE.replay", default=None,
                       help="where to write the win (default: the recordings folder)")  # fmt: skip
    solve.add_argument("--json", action="store_true", help="print one JSON object")
    solve.add_argument("--view", action="store_true", help="watch the win in the replay viewer")
    solve.add_argument("--forbid", nargs="+", default=[], metavar="ACTION",
                       help="action kinds the search may not use (drill, foam...)")  # fmt: skip
    solve.add_argument("--probes", action="store_true",
                       help="play the lazy strategies; exit 1 if a listed one wins")  # fmt: skip

    replay = commands.add_parser("replay", help="watch a recording, or --verify it headless")
    replay.add_argument("file", metavar="FILE")
    replay.add_argument("--verify", action="store_true", help="exit 0 identical, 1 diverges")
    return parser


def _command(command: str | None) -> Callable[[argparse.Namespace], int]:
    """The ``run`` function of a command, its module imported now (written out, not looked up
    by name, so the layer test sees every import)."""
    try:
        if command == "check":
            from game.cli.check import run
        elif command == "play":
            from game.cli.play import run
        elif command == "render":
            from game.cli.render import run
        elif command == "replay":
            from game.cli.replay import run
        elif command == "new":
            from game.cli.new import run
        elif command == "solve":
            from game.cli.solve import run
        else:
            from game.cli.title import run
    except ModuleNotFoundError as missing:  # a broken install, or a dependency not installed
        what = f"'{command}'" if command else "the game"
        raise ContentError(f"{what} cannot start: {missing} (reinstall rififi)") from None
    return run


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = build_parser().parse_args(argv)
    try:
        return _command(args.command)(args)
    except UsageError as error:
        print(f"rififi: {error}", file=sys.stderr)
        return EXIT_USAGE
    except ContentError as error:
        print(f"rififi: {error}", file=sys.stderr)
        return EXIT_CONTENT
    except ValueError as error:
        if not _is_rule_error(error):
            raise
        print(f"rififi: {error}", file=sys.stderr)  # it names the rules file and the key
        return EXIT_CONTENT
    except KeyboardInterrupt:
        return 130


def _is_rule_error(error: BaseException) -> bool:
    """True for a broken rules file. The rules module is not imported here (it loads NumPy):
    if it raised the error, it is loaded already."""
    rules = sys.modules.get("game.sim.rules.load")
    return rules is not None and isinstance(error, rules.RuleError)


if __name__ == "__main__":
    raise SystemExit(main())
