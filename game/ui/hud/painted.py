"""Pictures painted again only when what they show changes.

A frame of the mission screen used to redraw every panel, button and line of text, though
between two moves nothing in them changes. :class:`Panels` keeps the opaque panels (top bar,
crew cards, side panel, action bar) painted in one picture of the screen's size, each part
repainted only when its *key* (what it shows: the session version, the selection, the hovered
button...) differs from the one it was painted with; a frame copies the parts onto the screen.
:class:`Overlay` does the same for a translucent piece drawn over the map (the floor tabs, a
tooltip): a small picture with its own alpha, placed where it belongs each frame.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

import pygame

T = TypeVar("T")
_UNSET = object()


class Panels:
    """Opaque parts of the screen that do not overlap, each repainted when its key changes."""

    def __init__(self) -> None:
        self.picture: pygame.Surface | None = None
        self._keys: dict[str, object] = {}
        self._results: dict[str, object] = {}
        self._areas: dict[str, pygame.Rect] = {}
        self._fresh: set[str] = set()  # parts painted since they were last shown
        self._over: list[pygame.Rect] = []  # drawn over the parts since they were shown
        self.painted = 0  # parts painted so far (tests: a still frame paints nothing)

    def part(
        self,
        name: str,
        size: tuple[int, int],
        area: pygame.Rect,
        key: object,
        paint: Callable[[pygame.Surface], T],
    ) -> T:
        """``paint(picture)`` draws the part into ``area`` of a screen-sized picture (as it
        would on the screen); it is called again only when ``key`` or the screen's ``size``
        changed, and what it returned last is returned otherwise."""
        if self.picture is None or self.picture.get_size() != size:
            self.picture = pygame.Surface(size)
            self._keys.clear()
        full = (key, tuple(area))
        if self._keys.get(name, _UNSET) != full:
            self._results[name] = paint(self.picture)
            self._keys[name] = full
            self._fresh.add(name)
            self.painted += 1
        self._areas[name] = area
        return self._results[name]  # type: ignore[return-value]

    def show(self, target: pygame.Surface, untouched: Callable[[pygame.Rect], bool]) -> None:
        """Copy the parts onto ``target``, where they were painted: those painted again,
        drawn over since (:meth:`drawn_over`), or not ``untouched`` on the screen (see
        ``App.untouched``); the others are on it already."""
        if self.picture is None:
            return
        for name, area in self._areas.items():
            over = any(area.colliderect(rect) for rect in self._over)
            if name in self._fresh or over or not untouched(area):
                target.blit(self.picture, area, area)
        self._fresh.clear()
        self._over.clear()

    def drawn_over(self, rect: pygame.Rect) -> None:
        """Something (a tooltip) was drawn over the parts inside ``rect``: show them again
        there next time."""
        self._over.append(rect)

    def forget(self) -> None:
        """Paint everything again next time (the art or the map changed)."""
        self._keys.clear()
        self._fresh.update(self._areas)


class Overlay(Generic[T]):
    """A translucent piece over the map, painted into a picture of its own ``size`` when its
    key changes and blitted at ``place`` each frame."""

    def __init__(self) -> None:
        self._key: object = _UNSET
        self._picture: pygame.Surface | None = None
        self._result: T | None = None

    def draw(
        self,
        target: pygame.Surface,
        place: tuple[int, int],
        size: tuple[int, int],
        key: object,
        paint: Callable[[pygame.Surface], T],
    ) -> T:
        """``paint(picture)`` draws the piece at the picture's own origin (0, 0)."""
        full = (key, size)
        if self._key != full or self._picture is None:
            self._picture = pygame.Surface(size, pygame.SRCALPHA)
            self._result = paint(self._picture)
            self._key = full
        target.blit(self._picture, place)
        return self._result  # type: ignore[return-value]
