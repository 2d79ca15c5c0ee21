"""Settings: volume, window, the film look, overlays, rewinds per mission and key binding.

Every change is saved at once (atomically) to the user's config folder. A row is changed
with Left/Right or Enter, or by clicking it (left half lowers, right half raises).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pygame

from game.ui import theme
from game.ui.app import App
from game.ui.controls import BINDINGS, short_name
from game.ui.scene import Next, Pop
from game.ui.scenes.menu import draw_page
from game.ui.settings import OVERLAYS, REWIND_CHOICES, WINDOW_SCALES

ROW = 26


@dataclass
class Row:
    label: str
    value: Callable[[], str]
    change: Callable[[int], Next | None]  # -1 / +1 (Enter, a click's right half: +1)


def _cycle(choices: tuple, current: object, step: int) -> object:
    index = choices.index(current) if current in choices else 0
    return choices[(index + step) % len(choices)]


class SettingsScene:
    """A scrolling list of settings rows."""

    def __init__(self, app: App) -> None:
        self.app = app
        self.index = 0
        self.scroll = 0
        self.waiting_for_key: str | None = None  # the action being rebound
        self.rows = self._rows()
        self.rects: list[tuple[pygame.Rect, int]] = []

    def _rows(self) -> list[Row]:
        s = self.app.settings

        def volume(step: int) -> None:
            s.volume = round(min(1.0, max(0.0, s.volume + 0.1 * step)), 2)

        def scale(step: int) -> None:
            s.window_scale = float(_cycle(WINDOW_SCALES, s.window_scale, step))
            self.app.apply_window_settings()

        def fullscreen(step: int) -> None:
            self.app.toggle_fullscreen()

        def rewinds(step: int) -> None:
            s.rewinds_per_mission = int(_cycle(REWIND_CHOICES, s.rewinds_per_mission, step))

        rows = [
            Row("Volume", lambda: f"{round(s.volume * 100)} %", volume),
            Row("Window scale", lambda: f"{s.window_scale:g} x", scale),
            Row("Fullscreen", lambda: "on" if s.fullscreen else "off", fullscreen),
            Row(
                "Edge of the window pans the map",
                lambda: "on" if s.edge_pan else "off",
                lambda step: setattr(s, "edge_pan", not s.edge_pan),
            ),
            Row(
                "Film look: the map in black and white",
                lambda: "on" if s.film_look else "off",
                lambda step: setattr(s, "film_look", not s.film_look),
            ),
            Row(
                "Rewinds per mission",
                lambda: "unlimited" if s.rewinds_per_mission >= 99 else str(s.rewinds_per_mission),
                rewinds,
            ),
        ]
        for name in OVERLAYS:
            rows.append(
                Row(
                    f"Overlay: {name}",
                    lambda n=name: "on" if s.overlays.get(n, True) else "off",
                    lambda step, n=name: s.overlays.__setitem__(n, not s.overlays.get(n, True)),
                )
            )
        for binding in BINDINGS:
            rows.append(
                Row(
                    f"Key: {binding.help}",
                    lambda a=binding.action: self._keys(a),
                    lambda step, a=binding.action: self._wait(a),
                )
            )
        rows.append(Row("Reset keys to the defaults", lambda: "", lambda step: self._reset()))
        rows.append(Row("Back", lambda: "", lambda step: Pop()))
        return rows

    def _keys(self, action: str) -> str:
        if self.waiting_for_key == action:
            return "press a key..."
        names = self.app.keymap.keys.get(action, ())
        return " / ".join(short_name(n) for n in names) or "(unbound)"

    def _wait(self, action: str) -> None:
        self.waiting_for_key = action

    def _reset(self) -> None:
        self.app.settings.keys = {}
        self.app.save_settings()

    def handle(self, event: pygame.event.Event) -> Next | None:
        if self.waiting_for_key is not None:
            if event.type == pygame.KEYDOWN:
                if event.key != pygame.K_ESCAPE:
                    name = pygame.key.name(event.key)
                    overrides = self.app.keymap.rebind(self.waiting_for_key, name)
                    self.app.settings.keys.update(overrides)
                    self.app.save_settings()
                self.waiting_for_key = None
            return None
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_ESCAPE:
                self.app.save_settings()
                return Pop()
            elif event.key in (pygame.K_UP, pygame.K_DOWN):
                self.index = (self.index + (1 if event.key == pygame.K_DOWN else -1)) % len(
                    self.rows
                )
            elif event.key in (pygame.K_LEFT, pygame.K_RIGHT, pygame.K_RETURN, pygame.K_KP_ENTER):
                return self._change(-1 if event.key == pygame.K_LEFT else 1)
        elif event.type == pygame.MOUSEWHEEL:
            self.scroll = max(0, min(len(self.rows) - 1, self.scroll - event.y * 3))
        elif event.type == pygame.MOUSEMOTION:
            for rect, index in self.rects:
                if rect.collidepoint(event.pos):
                    self.index = index
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            for rect, index in self.rects:
                if rect.collidepoint(event.pos):
                    self.index = index
                    return self._change(-1 if event.pos[0] < rect.centerx - rect.width // 4 else 1)
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 3:
            self.app.save_settings()
            return Pop()
        return None

    def _change(self, step: int) -> Next | None:
        row = self.rows[self.index]
        step_next = row.change(step)
        if row.label != "Back":
            self.app.save_settings()
        return step_next

    def update(self, dt: float) -> None:
        pass

    def rate(self) -> int:
        """Nothing moves here: a frame only after input (see :mod:`game.ui.app`)."""
        return 0

    def draw(self, surface: pygame.Surface) -> None:
        width, height = draw_page(surface, "Settings", 38, 18)
        top, room = 80, max(1, (height - 120) // ROW)
        if self.index < self.scroll:
            self.scroll = self.index
        elif self.index >= self.scroll + room:
            self.scroll = self.index - room + 1
        self.rects = []
        column = min(900, width - 80)
        left = width // 2 - column // 2
        for n, index in enumerate(range(self.scroll, min(len(self.rows), self.scroll + room))):
            row = self.rows[index]
            rect = pygame.Rect(left, top + n * ROW, column, ROW - 2)
            self.rects.append((rect, index))
            chosen = index == self.index
            if chosen:
                theme.panel(surface, rect, 200)
                pygame.draw.line(surface, theme.AMBER, rect.topleft, rect.bottomleft, 3)
            color = theme.AMBER if chosen else theme.PAPER
            theme.blit_text(
                surface, row.label, (rect.left + 12, rect.centery), 16, color, anchor="midleft"
            )
            theme.blit_text(
                surface,
                row.value(),
                (rect.right - 12, rect.centery),
                16,
                theme.PAPER,
                "sans_bold",
                anchor="midright",
            )
        theme.blit_text(
            surface,
            "Up/Down choose, Left/Right or Enter change, Esc back (changes are saved at once)",
            (width // 2, height - 14),
            13,
            theme.DIM,
            anchor="midbottom",
        )
