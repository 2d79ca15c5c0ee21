"""``rififi replay FILE``: open the replay viewer on one recording (``--verify`` is headless
and lives in :mod:`game.replay.cli_replay`, which imports this only to watch)."""

from __future__ import annotations

import argparse


def run(args: argparse.Namespace) -> int:
    from game.cli import ContentError
    from game.replay import RecordingError

    try:
        from game.replay import Playback

        playback = Playback.open(args.file)
    except RecordingError as error:
        raise ContentError(str(error)) from None
    from game.ui.app import App
    from game.ui.scenes.replay_viewer import ReplayScene

    app = App()
    return app.run(ReplayScene(app, playback))
