"""Menus and tooltips: the few widgets every scene uses, for mouse and keyboard alike."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pygame

from game.ui import theme
from game.ui.scene import Next


@dataclass
class MenuItem:
    label: str
    action: Callable[[], Next | None]  # what choosing it leads to (None: stay here)
    enabled: bool = True
    hint: str = ""  # shown under the menu when the item is selected


class Menu:
    """A vertical list: arrows or the mouse choose, Enter or a click activates."""

    def __init__(self, items: list[MenuItem], size: int = 26) -> None:
        self.items = items
        self.size = size
        self.index = next((i for i, item in enumerate(items) if item.enabled), 0)
        self.rects: list[pygame.Rect] = []

    def move(self, step: int) -> None:
        if not self.items:
            return
        for _ in range(len(self.items)):
            self.index = (self.index + step) % len(self.items)
            if self.items[self.index].enabled:
                return

    def activate(self) -> Next | None:
        """Choose the selected item: what it leads to."""
        if self.items and self.items[self.index].enabled:
            return self.items[self.index].action()
        return None

    def handle(self, event: pygame.event.Event) -> Next | None:
        """React to arrows, Enter and the mouse; what a chosen item leads to."""
        if event.type == pygame.KEYDOWN:
            if event.key in (pygame.K_UP, pygame.K_w):
                self.move(-1)
            elif event.key in (pygame.K_DOWN, pygame.K_s, pygame.K_TAB):
                self.move(1)
            elif event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
                return self.activate()
        elif event.type == pygame.MOUSEMOTION:
            for i, rect in enumerate(self.rects):
                if rect.collidepoint(event.pos) and self.items[i].enabled:
                    self.index = i
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            for i, rect in enumerate(self.rects):
                if rect.collidepoint(event.pos) and i < len(self.items) and self.items[i].enabled:
                    self.index = i
                    return self.activate()
        return None

    def draw(self, surface: pygame.Surface, top_center: tuple[int, int], width: int = 420) -> None:
        x, y = top_center
        self.rects = []
        step = self.size + 18
        font = theme.font(self.size, "serif")
        widest = max((font.size(item.label)[0] for item in self.items), default=0)
        width = min(surface.get_width() - 40, max(width, widest + 40))  # long labels fit
        for i, item in enumerate(self.items):
            rect = pygame.Rect(0, 0, width, step - 6)
            rect.midtop = (x, y + i * step)
            self.rects.append(rect)
            chosen = i == self.index
            if chosen:
                shade = pygame.Surface(rect.size, pygame.SRCALPHA)
                shade.fill((240, 176, 64, 38))
                surface.blit(shade, rect)
                pygame.draw.line(surface, theme.AMBER, rect.topleft, rect.bottomleft, 3)
            color = theme.PAPER if item.enabled else theme.FAINT
            if chosen and item.enabled:
                color = theme.AMBER
            theme.blit_text(surface, item.label, rect.center, self.size, color, "serif", "center")
        if self.items and self.items[self.index].hint:
            bottom = y + len(self.items) * step + 8
            for n, line in enumerate(theme.wrap(self.items[self.index].hint, width + 120, 15)):
                theme.blit_text(surface, line, (x, bottom + n * 20), 15, theme.DIM, anchor="midtop")


def tooltip(
    surface: pygame.Surface, lines: list[str], pos: tuple[int, int], width: int = 320
) -> pygame.Rect | None:
    """A small box of text near ``pos``, kept inside the window; returns where it went."""
    picture = _tooltip_picture(tuple(lines), width)
    if picture is None:
        return None
    box = picture.get_rect(bottomleft=(pos[0] + 14, pos[1] - 6))
    box.clamp_ip(surface.get_rect())
    surface.blit(picture, box)
    return box


_tooltips: dict[tuple[tuple[str, ...], int], pygame.Surface | None] = {}


def _tooltip_picture(lines: tuple[str, ...], width: int) -> pygame.Surface | None:
    """The tooltip's box, wrapped and drawn once per text (it follows the mouse each frame)."""
    key = (lines, width)
    if key in _tooltips:
        return _tooltips[key]
    wrapped = [part for line in lines for part in theme.wrap(line, width, 14)]
    picture = None
    if wrapped:
        height = 8 + 18 * len(wrapped)
        wide = 12 + max(theme.font(14).size(line)[0] for line in wrapped)
        picture = pygame.Surface((wide, height), pygame.SRCALPHA)
        theme.panel(picture, picture.get_rect(), 245)
        for n, line in enumerate(wrapped):
            theme.blit_text(picture, line, (6, 4 + 18 * n), 14, theme.PAPER)
    if len(_tooltips) > 64:
        _tooltips.clear()
    _tooltips[key] = picture
    return picture
