"""``rififi``: the window, the title screen and the campaign."""

from __future__ import annotations

import argparse

from game.cli.errors import ContentError


def run(args: argparse.Namespace) -> int:
    from game.ui.app import App  # first: game.ui silences pygame's greeting
    from game.ui.scenes.menus import title_scene

    # isort: split
    import pygame

    try:
        app = App()
    except pygame.error as error:  # no display, broken SDL: one line, not a traceback
        raise ContentError(f"cannot open the game window ({error})") from None
    return app.run(title_scene(app))
