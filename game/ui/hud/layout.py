"""Where each part of the mission screen goes, recomputed from the window size.

The action bar runs under both the map and the side panel: sixteen actions with readable
labels need the width, and the side panel's last lines matter less than a cut-off label.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

TOP = 34
LEFT = 176
RIGHT = 280
BOTTOM = 86


@dataclass(frozen=True)
class Layout:
    top: pygame.Rect
    crew: pygame.Rect
    side: pygame.Rect
    bar: pygame.Rect
    view: pygame.Rect

    @classmethod
    def for_size(cls, width: int, height: int) -> Layout:
        right = min(RIGHT, max(220, width // 4))
        return cls(
            top=pygame.Rect(0, 0, width, TOP),
            crew=pygame.Rect(0, TOP, LEFT, height - TOP),
            side=pygame.Rect(width - right, TOP, right, height - TOP - BOTTOM),
            bar=pygame.Rect(LEFT, height - BOTTOM, width - LEFT, BOTTOM),
            view=pygame.Rect(LEFT, TOP, width - LEFT - right, height - TOP - BOTTOM),
        )
