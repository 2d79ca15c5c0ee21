"""The controls screen, generated from the same table as docs/controls.md."""

from __future__ import annotations

import re

import pygame

from game.ui import theme
from game.ui.app import App
from game.ui.controls import help_sections
from game.ui.scene import Next, Pop
from game.ui.scenes.menu import draw_page


def help_scene(app: App) -> HelpScene:
    """The controls page for the player's current key bindings."""
    return HelpScene(app, help_sections(app.keymap))


class HelpScene:
    """Two columns of controls; any key or click goes back."""

    def __init__(self, app: App, sections: list[tuple[str, list[tuple[str, str]]]]) -> None:
        self.app = app
        self.sections = sections

    def handle(self, event: pygame.event.Event) -> Next | None:
        if event.type == pygame.KEYDOWN or (
            event.type == pygame.MOUSEBUTTONDOWN and event.button in (1, 3)
        ):
            return Pop()
        return None

    def update(self, dt: float) -> None:
        pass

    def rate(self) -> int:
        """Nothing moves here: a frame only after input (see :mod:`game.ui.app`)."""
        return 0

    def draw(self, surface: pygame.Surface) -> None:
        width, height = draw_page(surface, "Controls", 34, 16)
        columns = COLUMNS
        column = (width - 40) // columns
        keys_width, what_width = KEYS_WIDTH, column - KEYS_WIDTH - 16
        top, bottom = 62, height - 26
        x, y = 20, top
        for group, rows in compact(self.sections):
            laid = [
                (theme.wrap(keys, keys_width, 12, "sans_bold"), theme.wrap(what, what_width, 12))
                for keys, what in rows
            ]
            for n, (key_lines, what_lines) in enumerate(laid):
                tall = LINE * max(len(key_lines), len(what_lines))
                header = HEADER if n == 0 else 0
                if y + header + tall > bottom and y > top:  # flows on in the next column
                    x, y = x + column, top
                if n == 0:
                    theme.blit_text(surface, group.upper(), (x, y), 12, theme.AMBER, "sans_bold")
                    y += HEADER
                for i, line in enumerate(key_lines):
                    theme.blit_text(surface, line, (x, y + i * LINE), 12, theme.PAPER, "sans_bold")
                for i, line in enumerate(what_lines):
                    at = (x + keys_width + 8, y + i * LINE)
                    theme.blit_text(surface, line, at, 12, theme.DIM)
                y += tall + 1
            y += 6
        theme.blit_text(
            surface,
            "Any key or click: back",
            (width // 2, height - 8),
            13,
            theme.FAINT,
            anchor="midbottom",
        )


#: The page's layout: three columns, the keys in the first 120 pixels of each.
COLUMNS, KEYS_WIDTH, LINE, HEADER = 3, 120, 15, 17


def compact(
    sections: list[tuple[str, list[tuple[str, str]]]],
) -> list[tuple[str, list[tuple[str, str]]]]:
    """The sections with runs of rows that differ only by a number ("Action 1 of the action
    bar...", "Action 2 of...") shown as one row ("1 2 ... O": "Action N of the action bar"),
    so the eighteen action keys take one line of the page, not eighteen."""
    out = []
    for group, rows in sections:
        merged: list[tuple[str, str]] = []
        last = ""
        for keys, what in rows:
            pattern = re.sub(r"\d+", "N", what)
            if merged and pattern == last and pattern != what:
                merged[-1] = (f"{merged[-1][0]} {keys}", pattern)
            else:
                merged.append((keys, what))
            last = pattern
        out.append((group, merged))
    return out
