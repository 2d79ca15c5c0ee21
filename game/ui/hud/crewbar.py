"""The crew bar: a card per crew member with portrait, name, AP, health and items."""

from __future__ import annotations

import pygame

from game.sim.entities import Status, Unit
from game.ui import theme
from game.ui.art import art

CARD_HEIGHT = 104


def card_rects(area: pygame.Rect, count: int) -> list[pygame.Rect]:
    return [
        pygame.Rect(
            area.left + 6, area.top + 8 + i * (CARD_HEIGHT + 6), area.width - 12, CARD_HEIGHT
        )
        for i in range(count)
    ]


def draw_crew(
    surface: pygame.Surface,
    area: pygame.Rect,
    crew: list[Unit],
    selected: int | None,
    hover: tuple[int, int] | None,
    key_labels: list[str],
) -> list[tuple[pygame.Rect, int]]:
    """Draw the cards; returns ``(rect, unit id)`` for clicks."""
    theme.panel(surface, area, 255)
    hits = []
    for i, (rect, unit) in enumerate(zip(card_rects(area, len(crew)), crew, strict=False)):
        hits.append((rect, unit.id))
        chosen = unit.id == selected
        hovered = hover is not None and rect.collidepoint(hover)
        surface.fill((44, 38, 30) if chosen else (30, 30, 36) if hovered else theme.INK, rect)
        pygame.draw.rect(
            surface, theme.AMBER if chosen else theme.PANEL_EDGE, rect, 2 if chosen else 1
        )
        portrait = art().scaled("portrait", unit.role, 56) or art().scaled("sprite", unit.role, 56)
        face = pygame.Rect(rect.left + 6, rect.top + 6, 56, 56)
        if portrait is not None:
            surface.blit(portrait, face)
        else:
            surface.fill(theme.PANEL, face)
        pygame.draw.rect(surface, theme.PANEL_EDGE, face, 1)
        x = face.right + 8
        theme.blit_text(surface, unit.name, (x, rect.top + 4), 17, theme.PAPER, "serif_bold")
        if i < len(key_labels) and key_labels[i]:
            theme.blit_text(
                surface,
                key_labels[i],
                (rect.right - 5, rect.top + 4),
                11,
                theme.DIM,
                anchor="topright",
            )
        if unit.status is Status.ACTIVE:
            _ap_bar(surface, pygame.Rect(x, rect.top + 28, rect.right - x - 8, 10), unit)
            theme.blit_text(
                surface, f"AP {unit.ap}/{unit.max_ap}", (x, rect.top + 41), 13, theme.DIM
            )
            _hp(surface, (x, rect.top + 60), unit)
        else:
            state = {"escaped": "got away", "knocked_out": "out cold"}.get(
                unit.status.value, unit.status.value.replace("_", " ")
            )
            color = theme.GREEN if unit.status is Status.ESCAPED else theme.RED
            theme.blit_text(surface, state, (x, rect.top + 32), 15, color, "serif")
        items = unit.traits.items or []
        if isinstance(items, str):
            items = [i.strip() for i in items.split(",") if i.strip()]
        if unit.armed and "gun" not in items:
            items = [*items, "gun"]
        _items(surface, pygame.Rect(rect.left + 6, rect.bottom - 30, rect.width - 12, 26), items)
    return hits


def _ap_bar(surface: pygame.Surface, rect: pygame.Rect, unit: Unit) -> None:
    surface.fill((40, 40, 44), rect)
    if unit.max_ap > 0:
        filled = rect.copy()
        filled.width = round(rect.width * max(0, unit.ap) / unit.max_ap)
        surface.fill(theme.AMBER, filled)
    pygame.draw.rect(surface, theme.PANEL_EDGE, rect, 1)


def _hp(surface: pygame.Surface, pos: tuple[int, int], unit: Unit) -> None:
    theme.blit_text(surface, "HP", pos, 12, theme.DIM)
    for n in range(max(unit.hp, 0) + 0):
        pygame.draw.rect(surface, theme.RED, (pos[0] + 22 + n * 12, pos[1] + 3, 9, 9))


#: The icon of each item a crew member may carry (``game.tiled.build.ITEMS``), drawn for the
#: crew cards by ``tools/art/icons.py``: what it is at 24 px, never a name in letters.
ITEM_ICONS: dict[str, str] = {
    "lockpick": "lockpick",
    "drill": "drill",
    "umbrella": "umbrella",
    "rope": "rope",
    "extinguisher": "extinguisher",
    "gun": "gun",
}


def _items(surface: pygame.Surface, rect: pygame.Rect, items: list[str]) -> None:
    x = rect.left
    for name in items:
        icon = art().scaled("icon", ITEM_ICONS.get(name, name), 24)
        if icon is not None:
            surface.blit(icon, (x, rect.top))
            x += 26
        else:
            label = theme.text(name, 12, theme.DIM)
            surface.blit(label, (x, rect.top + 6))
            x += label.get_width() + 8
        if x > rect.right - 20:
            break
