"""What a screen is, and what it says comes next.

A scene handles input, updates and draws; it never pushes another scene itself. What comes
next is its answer: ``handle`` and ``update`` return a :data:`Next` (or None to stay), and
the app carries it out (:meth:`game.ui.app.App.go`), as HexDecimal's tcod tutorial has its
event handlers return the next handler. Which scene follows which is wired in one place,
:mod:`game.ui.scenes.menus` (the flow), which hands scenes the callbacks that build their
next screens.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import pygame


class Scene(Protocol):
    """One screen: title, briefing, mission, pause... (and optionally ``rate()``: see
    :mod:`game.ui.app`)."""

    def handle(self, event: pygame.event.Event) -> Next | None: ...
    def update(self, dt: float) -> Next | None: ...
    def draw(self, surface: pygame.Surface) -> None: ...


@dataclass(frozen=True, eq=False)
class Push:
    """Show ``scene`` over this one (Esc or Back comes back here)."""

    scene: Scene


@dataclass(frozen=True)
class Pop:
    """Close this scene: back to the one under it (none left: quit)."""


@dataclass(frozen=True, eq=False)
class Replace:
    """Close this scene and show ``scene`` in its place."""

    scene: Scene


@dataclass(frozen=True, eq=False)
class Reset:
    """Drop every scene and show these, the last on top (back to the title, and maybe a
    briefing over it)."""

    scenes: tuple[Scene, ...]


@dataclass(frozen=True)
class Quit:
    code: int = 0


Next = Push | Pop | Replace | Reset | Quit
