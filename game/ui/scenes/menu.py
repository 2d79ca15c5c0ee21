"""The look and behaviour shared by every menu-like screen: a night-time backdrop, a
title, some text, and a keyboard-and-mouse menu."""

from __future__ import annotations

import math
import random
from collections.abc import Callable

import pygame

from game.ui import theme
from game.ui.app import App
from game.ui.hud.widgets import Menu, MenuItem
from game.ui.scene import Next

_backdrops: dict[tuple[int, int], pygame.Surface] = {}
PULSE_RATE = 20  # frames a second for a menu: its hint pulses slowly


def backdrop(size: tuple[int, int]) -> pygame.Surface:
    """Night over Paris: a dark gradient, one street lamp's glow, rain. Drawn once per size."""
    found = _backdrops.get(size)
    if found is not None:
        return found
    width, height = size
    surface = pygame.Surface(size)
    for y in range(0, height, 4):
        shade = int(10 + 16 * (y / max(1, height)))
        surface.fill((shade, shade, shade + 4), (0, y, width, 4))
    glow = pygame.Surface(size, pygame.SRCALPHA)
    cx, cy = int(width * 0.82), int(height * 0.18)
    for radius in range(int(height * 0.7), 0, -12):
        alpha = int(30 * (1 - radius / (height * 0.7)) ** 2)
        pygame.draw.circle(glow, (240, 190, 110, alpha), (cx, cy), radius)
    surface.blit(glow, (0, 0))
    rain = random.Random(1955)  # a fixed pattern: the same backdrop every time
    for _ in range(width * height // 3500):
        x, y = rain.randrange(width), rain.randrange(height)
        length = rain.randint(8, 22)
        c = rain.randint(40, 80)
        pygame.draw.line(surface, (c, c, c + 8), (x, y), (x - length // 5, y + length))
    vignette = pygame.Surface(size, pygame.SRCALPHA)
    for n in range(24):
        pygame.draw.rect(vignette, (0, 0, 0, 10), (n * 6, n * 4, width - n * 12, height - n * 8), 6)
    surface.blit(vignette, (0, 0))
    _backdrops[size] = surface
    return surface


def draw_page(surface: pygame.Surface, title: str, size: int, top: int) -> tuple[int, int]:
    """A full-screen page (help, settings): the rainy backdrop and a centred title.
    Returns the surface's size for the page's own layout."""
    surface.blit(backdrop(surface.get_size()), (0, 0))
    width, height = surface.get_size()
    theme.blit_text(surface, title, (width // 2, top), size, theme.PAPER, "serif_bold", "midtop")
    return width, height


class MenuScene:
    """A titled screen with optional paragraphs and a menu; Esc (or a right click) leads
    where ``on_back`` says (``Pop``: back to the scene under it)."""

    def __init__(
        self,
        app: App,
        title: str,
        items: list[MenuItem],
        subtitle: str = "",
        body: str = "",
        on_back: Callable[[], Next | None] | None = None,
        overlay: bool = False,
    ) -> None:
        self.app = app
        self.title = title
        self.subtitle = subtitle
        self.body = body
        self.menu = Menu(items)
        self.on_back = on_back
        self.overlay = overlay  # drawn over the scene below (pause)
        self.time = 0.0

    def handle(self, event: pygame.event.Event) -> Next | None:
        back = (event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE) or (
            event.type == pygame.MOUSEBUTTONDOWN and event.button == 3
        )
        if back:
            return self.on_back() if self.on_back is not None else None
        return self.menu.handle(event)

    def update(self, dt: float) -> None:
        self.time += dt

    def rate(self) -> int | None:
        """The hint at the bottom pulses slowly: a few frames a second are enough (under
        the pause menu the mission is drawn at that rate too)."""
        return PULSE_RATE

    def draw_background(self, surface: pygame.Surface) -> None:
        if self.overlay and len(self.app.scenes) >= 2:
            self.app.scenes[-2].draw(surface)
            shade = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
            shade.fill((0, 0, 0, 170))
            surface.blit(shade, (0, 0))
        else:
            surface.blit(backdrop(surface.get_size()), (0, 0))

    def draw(self, surface: pygame.Surface) -> None:
        self.draw_background(surface)
        width, height = surface.get_size()
        y = int(height * 0.10)
        theme.blit_text(
            surface,
            self.title,
            (width // 2, y),
            52,
            theme.PAPER,
            "serif_bold",
            "midtop",
            shadow=True,
        )
        y += 66
        if self.subtitle:
            theme.blit_text(
                surface, self.subtitle, (width // 2, y), 19, theme.AMBER, "serif", "midtop"
            )
            y += 34
        if self.body:
            column = min(760, width - 120)
            for line in theme.wrap(self.body, column, 17, "serif"):
                theme.blit_text(
                    surface, line, (width // 2 - column // 2, y), 17, theme.PAPER, "serif"
                )
                y += 24
            y += 16
        self.menu.draw(surface, (width // 2, max(y + 10, int(height * 0.42))))
        pulse = int(120 + 60 * math.sin(self.time * 2))
        theme.blit_text(
            surface,
            "Arrows / mouse to choose, Enter / click to confirm, Esc back",
            (width // 2, height - 16),
            13,
            (pulse, pulse, pulse),
            anchor="midbottom",
        )
