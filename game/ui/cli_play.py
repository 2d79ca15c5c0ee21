"""``rififi play MAP.tmx [--seed N] [--watch]``: play one map; --watch reloads it on save."""

from __future__ import annotations

import argparse
from pathlib import Path


def run(args: argparse.Namespace) -> int:
    from game.cli import ContentError, UsageError

    path = Path(args.map)
    if not path.is_file():
        raise UsageError(f"{path}: no such map file")
    from game.ui.missions import MissionError, start_session

    try:
        session = start_session(path, args.seed, record=not args.watch)
    except MissionError as error:
        raise ContentError(str(error)) from None

    from game.ui.app import App
    from game.ui.art import reload_art
    from game.ui.scenes.menus import play, title_scene

    app = App()
    app.push(title_scene(app))
    reload = None
    if args.watch:
        from game.ui.watch import Watcher

        watcher = Watcher(path)

        def reload():
            if not watcher.changed():
                return None
            try:
                fresh = start_session(
                    path, args.seed, app.settings.rewinds_per_mission, record=False
                )
            except MissionError as error:
                app.notify(f"Not reloaded: {error}", 8.0)
                return None
            reload_art()
            return fresh

    play(app, session, "", reload=reload)
    return app.run()
