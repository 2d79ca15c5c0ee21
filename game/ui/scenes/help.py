"""The controls screen, generated from the same table as docs/controls.md."""

from __future__ import annotations

import pygame

from game.ui import theme
from game.ui.app import App
from game.ui.controls import help_sections
from game.ui.scenes.menu import draw_page


def help_scene(app: App) -> HelpScene:
    """The controls page for the player's current key bindings."""
    return HelpScene(app, help_sections(app.keymap))


class HelpScene:
    """Two columns of controls; any key or click goes back."""

    def __init__(self, app: App, sections: list[tuple[str, list[tuple[str, str]]]]) -> None:
        self.app = app
        self.sections = sections

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN or (
            event.type == pygame.MOUSEBUTTONDOWN and event.button in (1, 3)
        ):
            self.app.pop()

    def update(self, dt: float) -> None:
        pass

    def rate(self) -> int:
        """Nothing moves here: a frame only after input (see :mod:`game.ui.app`)."""
        return 0

    def draw(self, surface: pygame.Surface) -> None:
        width, height = draw_page(surface, "Controls", 34, 16)
        column = (width - 60) // 2
        x, y, top = 30, 66, 66
        for group, rows in self.sections:
            if y + 24 + 17 * len(rows) > height - 30 and x == 30:
                x, y = 30 + column, top
            theme.blit_text(surface, group.upper(), (x, y), 13, theme.AMBER, "sans_bold")
            y += 19
            for keys, what in rows:
                theme.blit_text(surface, keys, (x, y), 13, theme.PAPER, "sans_bold")
                theme.blit_text(surface, what, (x + 150, y), 13, theme.DIM)
                y += 17
            y += 8
        theme.blit_text(
            surface,
            "Any key or click: back",
            (width // 2, height - 8),
            13,
            theme.FAINT,
            anchor="midbottom",
        )
