"""``rififi play MAP.tmx [--watch]``: play one map; --watch reloads it on save.

A game is recorded (Continue resumes it) unless ``--watch`` is given: a designer saving the
map again and again would leave a recording per save. Undo and rewind work either way, and
keep working after a reload.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from game.cli.errors import ContentError, UsageError


def run(args: argparse.Namespace) -> int:
    path = Path(args.map)
    if not path.is_file():
        raise UsageError(f"{path}: no such map file")
    from game.ui.app import App  # first: game.ui imports pygame lean, without its greeting
    from game.ui.missions import MissionError, load_world, start_session
    from game.ui.scenes.menus import play, title_scene
    from game.ui.watch import reloader

    # isort: split
    import pygame

    try:
        load_world(path)  # a broken map says so before a window opens
    except MissionError as error:
        raise ContentError(str(error)) from None
    try:
        app = App()
    except pygame.error as error:  # no display, broken SDL: one line, not a traceback
        raise ContentError(f"cannot open the game window ({error})") from None
    try:  # the recording is made only once the window is up: a failed start leaves none
        session = start_session(path, record=not args.watch)
    except MissionError as error:
        raise ContentError(str(error)) from None
    app.push(title_scene(app))
    play(app, session, "", watch=reloader(app, session) if args.watch else None)
    return app.run()
