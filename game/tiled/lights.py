"""Light sources placed in Tiled (class ``light``): which cells each one lights.

A lamp, a street light or a lit window lights the cells of its floor within its radius
(Euclidean, as sight's ranges are) that it reaches in a straight line: the same field of
view a guard's sight uses (:func:`game.sim.vision.field_of_view`), on the terrain as
painted, so walls, shelves and shut doors stop the light and windows let it through. The
cells are added to the tiles' own ``lit`` cells once, when the map is compiled (a door
opened later does not carry light in); the rules then read ``terrain.lit`` as they always
did. :func:`game.tiled.build.lights_of` says which lights a map places.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from game.sim.terrain import Terrain
from game.sim.vision import field_of_view


@dataclass(frozen=True)
class Light:
    """One placed light: where it stands, what it is and how far it reaches."""

    floor: int
    x: int
    y: int
    kind: str  # lamp, street_light or window (the ``light_kind`` enum)
    radius: int  # cells; the map's, or the kind's default from ``[light] radius``


def lit_by(terrain: Terrain, light: Light) -> np.ndarray:
    """The ``[y, x]`` cells of the light's floor it lights (the walls it falls on included),
    worked out in the square window around it only."""
    r = light.radius
    x0, y0 = max(0, light.x - r), max(0, light.y - r)
    x1, y1 = min(terrain.width, light.x + r + 1), min(terrain.height, light.y + r + 1)
    clear = ~terrain.opaque[light.floor, y0:y1, x0:x1]
    fov = field_of_view(clear, (light.y - y0, light.x - x0), r)
    ys, xs = np.ogrid[y0:y1, x0:x1]
    lit = np.zeros((terrain.height, terrain.width), dtype=bool)
    lit[y0:y1, x0:x1] = fov & ((xs - light.x) ** 2 + (ys - light.y) ** 2 <= r * r)
    return lit


def light_up(terrain: Terrain, lights: list[Light]) -> None:
    """Add every light's cells to the terrain's ``lit`` cells."""
    for light in lights:
        terrain.lit[light.floor] |= lit_by(terrain, light)
