"""``rififi replay FILE [--verify]``: watch a recording, or prove it headless.

``--verify`` prints one line and exits 0 when every hash matches, 1 with the first problem
(``FILE: diverges at turn N (command K): expected ..., got ...``, a changed map or rules, a
damaged file); it never loads pygame. Watching opens the viewer, imported only then.
"""

from __future__ import annotations

import argparse
import sys

from game.cli.errors import EXIT_CONTENT, EXIT_OK, ContentError
from game.replay.errors import RecordingError
from game.replay.format import load
from game.replay.verify import verify


def verify_file(path: str) -> tuple[int, str]:
    """``(exit status, the one line to print)`` for ``--verify``."""
    try:
        recording = load(path, strict=True)
        checked = verify(recording, markers=False)
    except RecordingError as error:
        return EXIT_CONTENT, str(error)
    turns = checked.turns_checked
    outcome = checked.world.outcome
    rewinds = recording.rewinds
    extra = f", {rewinds} rewind{'s' * (rewinds != 1)}" if rewinds else ""
    if outcome.over:
        state = f"{outcome.status} at turn {checked.world.turn - 1}"
    elif recording.ended:
        state = f"{recording.ended} at turn {checked.world.turn}"
    else:
        state = f"unfinished, play stopped in turn {checked.world.turn}"
    return EXIT_OK, f"{path}: OK, {turns} turns verified ({state}{extra})"


def run(args: argparse.Namespace) -> int:
    """The ``replay`` command."""
    if args.verify:
        status, line = verify_file(args.file)
        print(line, file=sys.stdout if status == EXIT_OK else sys.stderr)
        return status
    return watch(args.file)


def watch(path: str) -> int:
    """The replay viewer on one recording, in its own window (taking over plays on)."""
    from game.replay.playback import Playback

    try:
        playback = Playback.open(path)
    except RecordingError as error:
        raise ContentError(str(error)) from None
    from game.ui.app import App
    from game.ui.scenes.menus import replay_scene

    app = App()
    return app.run(replay_scene(app, playback))
