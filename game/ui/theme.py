"""The noir look in one place: colours, fonts and cached text.

Every scene and HUD element asks this module for colours and rendered text, so the look stays
consistent and each string is rendered once (text rendering is the costliest part of a HUD).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pygame

from game.content import assets_dir

Color = tuple[int, int, int] | tuple[int, int, int, int]
K = TypeVar("K")

# Night, smoke and a little amber: a black-and-white film with lamplight.
INK = (12, 12, 16)
PANEL = (22, 22, 28)
PANEL_EDGE = (70, 66, 58)
PAPER = (228, 222, 206)
DIM = (150, 146, 136)
FAINT = (95, 92, 86)
AMBER = (240, 176, 64)
RED = (214, 58, 50)
GREEN = (110, 190, 120)
BLUE = (110, 150, 210)
SHADOW = (0, 0, 0)

# Overlay colours. The forecast marker and the vision cone use colours nothing else uses, so
# tests (and players) can tell them apart.
VISION = (220, 40, 40)
WATCHED = (255, 70, 60)
NOISE = (120, 200, 255)
FORECAST = (255, 150, 20)
PATH_OK = (240, 220, 160)
PATH_BAD = (220, 70, 60)
INTENT = (200, 120, 255)
CURSOR = (250, 240, 200)
SELECT = (250, 210, 90)

_FONT_FILES = {
    "serif": ("DejaVuSerif.ttf", "LiberationSerif-Regular.ttf"),
    "serif_bold": ("DejaVuSerif-Bold.ttf", "LiberationSerif-Bold.ttf"),
    "sans": ("DejaVuSans.ttf", "LiberationSans-Regular.ttf"),
    "sans_bold": ("DejaVuSans-Bold.ttf", "LiberationSans-Bold.ttf"),
    "mono": ("DejaVuSansMono.ttf", "LiberationMono-Regular.ttf"),
}
_FONT_DIRS = (
    "/usr/share/fonts/truetype/dejavu",
    "/usr/share/fonts/truetype/liberation",
    "/usr/share/fonts/TTF",
    "/Library/Fonts",
    "C:/Windows/Fonts",
)
_fonts: dict[tuple[str, int], pygame.font.Font] = {}
_texts: OrderedDict[tuple[str, str, int, Color], pygame.Surface] = OrderedDict()
_TEXT_CACHE_SIZE = 2048
_shades: OrderedDict[tuple[int, int, int], pygame.Surface] = OrderedDict()
_SHADE_CACHE_SIZE = 64


def _font_path(style: str) -> str | None:
    """A font file for ``style``: the game's own fonts first, then common system folders.

    Looking up files directly (not ``SysFont``) keeps start-up fast: no fc-list call.
    """
    candidates = _FONT_FILES.get(style, _FONT_FILES["sans"])
    folders = [assets_dir() / "fonts", *map(Path, _FONT_DIRS)]
    for folder in folders:
        for name in candidates:
            path = folder / name
            if path.is_file():
                return str(path)
    return None  # pygame's built-in font


def font(size: int, style: str = "sans") -> pygame.font.Font:
    """A font of ``size`` pixels in ``style`` (serif, serif_bold, sans, sans_bold, mono)."""
    key = (style, size)
    found = _fonts.get(key)
    if found is None:
        if not pygame.font.get_init():
            pygame.font.init()
        found = pygame.font.Font(_font_path(style), size)
        _fonts[key] = found
    return found


def text(value: str, size: int = 16, color: Color = PAPER, style: str = "sans") -> pygame.Surface:
    """The rendered text, from a cache (the same label is drawn every frame)."""
    key = (value, style, size, color)
    return _kept(
        _texts, key, lambda: font(size, style).render(value, True, color), _TEXT_CACHE_SIZE
    )


def _kept(
    cache: OrderedDict[K, pygame.Surface],
    key: K,
    make: Callable[[], pygame.Surface],
    most: int,
) -> pygame.Surface:
    """``cache[key]``, made by ``make()`` the first time; the least recently used of more
    than ``most`` is dropped."""
    found = cache.get(key)
    if found is None:
        found = cache[key] = make()
        if len(cache) > most:
            cache.popitem(last=False)
    else:
        cache.move_to_end(key)
    return found


def wrap(value: str, width: int, size: int = 16, style: str = "sans") -> list[str]:
    """Split text into lines no wider than ``width`` pixels (paragraphs kept)."""
    face = font(size, style)
    lines: list[str] = []
    for paragraph in value.split("\n"):
        words = paragraph.split()
        if not words:
            lines.append("")
            continue
        line = words[0]
        for word in words[1:]:
            trial = f"{line} {word}"
            if face.size(trial)[0] <= width:
                line = trial
            else:
                lines.append(line)
                line = word
        lines.append(line)
    return lines


def blit_text(
    surface: pygame.Surface,
    value: str,
    pos: tuple[int, int],
    size: int = 16,
    color: Color = PAPER,
    style: str = "sans",
    anchor: str = "topleft",
    shadow: bool = False,
) -> pygame.Rect:
    """Draw text anchored at ``pos``; returns the rectangle it covers."""
    rendered = text(value, size, color, style)
    rect = rendered.get_rect(**{anchor: pos})
    if shadow:
        surface.blit(text(value, size, SHADOW, style), rect.move(1, 1))
    surface.blit(rendered, rect)
    return rect


def panel(surface: pygame.Surface, rect: pygame.Rect, alpha: int = 225, edge: bool = True) -> None:
    """A dark translucent panel with a thin warm edge, the HUD's one frame style. On a
    picture with its own alpha (a cached overlay) the panel's pixels are set, not blended."""
    if alpha >= 255:
        surface.fill(PANEL, rect)
    elif surface.get_flags() & pygame.SRCALPHA:
        surface.fill((*PANEL, alpha), rect)
    else:
        surface.blit(_shade(rect.width, rect.height, alpha), rect)
    if edge:
        pygame.draw.rect(surface, PANEL_EDGE, rect, 1)


def _shade(width: int, height: int, alpha: int) -> pygame.Surface:
    """A panel's translucent fill, made once per size and alpha (the same boxes come back
    every frame: tags, tooltips, floor tabs)."""

    def make() -> pygame.Surface:
        shade = pygame.Surface((width, height), pygame.SRCALPHA)
        shade.fill((*PANEL, alpha))
        return shade

    return _kept(_shades, (width, height, alpha), make, _SHADE_CACHE_SIZE)
