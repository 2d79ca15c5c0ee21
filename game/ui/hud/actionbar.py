"""The action bar: the selected crew member's actions with hotkey, AP cost and a tooltip
saying why an action is unavailable; then sneak, undo, rewind and end turn.

Buttons are laid out in as few rows as keep them wide enough for an icon and a readable
label (the full one, else the short one from :data:`game.ui.actions.SHORT`): a label is
never cut mid-word.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.ui import theme
from game.ui.actions import SHORT, ActionOption
from game.ui.art import art

GAP = 4
MIN_WIDTH = 96  # an icon and a nine-letter label at 13 px
LABEL_SIZE = 13


@dataclass(frozen=True)
class BarHit:
    rect: pygame.Rect
    what: str  # "action", "sneak", "undo", "rewind", "end_turn"
    index: int = -1
    tooltip: tuple[str, ...] = ()


def draw_bar(
    surface: pygame.Surface,
    area: pygame.Rect,
    options: list[ActionOption],
    hotkeys: list[str],
    armed: str | None,
    sneak: bool,
    tools: dict[str, tuple[bool, str, str] | tuple[bool, str, str, str]],
    hover: tuple[int, int] | None,
) -> list[BarHit]:
    """Draw the bar; returns what each rectangle does, for clicks and tooltips.

    ``tools`` maps "sneak", "undo", "rewind", "end_turn" (and, if given, "wait_until") to
    ``(enabled, hotkey, tooltip)``.
    """
    theme.panel(surface, area, 255)
    hits: list[BarHit] = []
    top = area.top + 6
    tall = area.height - 12
    later = tools.get("wait_until")
    end = pygame.Rect(area.right - 8 - 112, top, 112, tall if later is None else tall * 3 // 5)
    enabled, key, tip = tools["end_turn"]
    _tool(surface, end, "END TURN", key, enabled, hover, strong=True, icon="end_turn")
    hits.append(BarHit(end, "end_turn", tooltip=(tip,)))
    if later is not None:  # ending turns until something happens: under End turn
        enabled, key, tip = later
        rect = pygame.Rect(end.left, end.bottom + 3, end.width, top + tall - end.bottom - 3)
        _tool(surface, rect, "Wait until...", key, enabled, hover)
        hits.append(BarHit(rect, "wait_until", tooltip=(tip,)))
    small = (tall - 2 * 3) // 3
    for n, (name, label) in enumerate((("sneak", "Sneak"), ("undo", "Undo"), ("rewind", "Rewind"))):
        enabled, key, tip, *named = tools[name]  # a fourth item names the button
        label = named[0] if named else label
        rect = pygame.Rect(end.left - GAP - 74, top + n * (small + 3), 74, small)
        _tool(surface, rect, label, key, enabled, hover, active=(name == "sneak" and sneak))
        hits.append(BarHit(rect, name, tooltip=(tip,)))
    room = pygame.Rect(area.left + 8, top, end.left - 2 * GAP - 74 - area.left - 8, tall)
    rows = 1
    while rows < 3 and (room.width + GAP) // max(1, -(-len(options) // rows)) < MIN_WIDTH:
        rows += 1
    height = (tall - (rows - 1) * 4) // rows
    per_row = max(1, -(-len(options) // rows))
    width = min(140, (room.width + GAP) // per_row - GAP)
    for index, option in enumerate(options):
        row, column = divmod(index, per_row)
        rect = pygame.Rect(
            room.left + column * (width + GAP), top + row * (height + 4), width, height
        )
        key = hotkeys[index] if index < len(hotkeys) else ""
        label = option.label if option.kind != "move" else ("Sneak" if sneak else "Walk")
        _button(
            surface,
            rect,
            option.icon,
            label,
            key,
            option.ap,
            option.available,
            armed == option.kind,
            hover,
        )
        tip = [
            f"{label}" + (f" ({key})" if key else "") + (f", {option.ap} AP" if option.ap else "")
        ]
        if option.reason:
            tip.append(option.reason)
        elif option.needs_target and option.kind == "move":
            tip.append("Click the map (or move the cursor and press Enter) to go there.")
        hits.append(BarHit(rect, "action", index, tuple(tip)))
    return hits


def _fit(label: str, room: int) -> str:
    """The label, or its short form, or (last resort) its first letters with a dot."""
    font = theme.font(LABEL_SIZE)
    for candidate in (label, SHORT.get(label, label)):
        if font.size(candidate)[0] <= room:
            return candidate
    while len(label) > 1 and font.size(label + ".")[0] > room:
        label = label[:-1]
    return label + "."


def _button(
    surface: pygame.Surface,
    rect: pygame.Rect,
    icon: str,
    label: str,
    key: str,
    ap: int | None,
    available: bool,
    armed: bool,
    hover: tuple[int, int] | None,
) -> None:
    """Hotkey and AP cost small in the top corners, the icon at the left, then the label."""
    hovered = hover is not None and rect.collidepoint(hover)
    surface.fill((70, 56, 30) if armed else (44, 40, 34) if hovered else (26, 25, 24), rect)
    pygame.draw.rect(
        surface, theme.AMBER if armed or hovered else theme.PANEL_EDGE, rect, 2 if armed else 1
    )
    size = max(12, min(26, rect.height - 8))
    picture = art().scaled("icon", icon, size) if available else art().greyed("icon", icon, size)
    color = theme.PAPER if available else theme.FAINT
    left, middle = rect.left + 12, rect.centery + 3
    if picture is not None:
        surface.blit(picture, picture.get_rect(midleft=(left, middle)))
    room = rect.right - (left + size + 4) - 3
    text_at = (left + size + 4, middle)
    theme.blit_text(surface, _fit(label, room), text_at, LABEL_SIZE, color, anchor="midleft")
    if key:
        keycolor = theme.AMBER if available else theme.FAINT
        theme.blit_text(surface, key, (rect.left + 3, rect.top + 1), 11, keycolor, "sans_bold")
    if ap:
        theme.blit_text(
            surface, f"{ap} AP", (rect.right - 3, rect.top + 1), 10, theme.DIM, anchor="topright"
        )


def _tool(
    surface: pygame.Surface,
    rect: pygame.Rect,
    label: str,
    key: str,
    enabled: bool,
    hover: tuple[int, int] | None,
    active: bool = False,
    strong: bool = False,
    icon: str = "",
) -> None:
    hovered = hover is not None and rect.collidepoint(hover) and enabled
    fill = (110, 36, 30) if strong and enabled else theme.INK
    if active:
        fill = (70, 56, 30)
    if hovered:
        fill = tuple(min(255, c + 30) for c in fill)
    surface.fill(fill, rect)
    pygame.draw.rect(surface, theme.AMBER if hovered or active else theme.PANEL_EDGE, rect, 1)
    color = theme.PAPER if enabled else theme.FAINT
    style, size = ("serif_bold", 16) if strong else ("sans", 13)
    middle = rect.center
    picture = art().scaled("icon", icon, 18) if icon else None
    if picture is not None:  # the icon at the left, the label centred in the rest
        surface.blit(picture, picture.get_rect(midleft=(rect.left + 4, rect.centery + 2)))
        room = rect.width - picture.get_width() - 10
        while size > 10 and theme.font(size, style).size(label)[0] > room:
            size -= 1
        middle = (rect.right - 3 - room // 2, rect.centery)
    theme.blit_text(surface, label, middle, size, color, style, anchor="center")
    if key:
        theme.blit_text(surface, key, (rect.left + 3, rect.top + 2), 11, theme.DIM)
