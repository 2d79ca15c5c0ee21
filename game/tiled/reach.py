"""Where the crew could get to at all: the validator's test that objectives are reachable.

Guards and timing are ignored; doors (even locked ones, which can be picked) are passable;
stairs join an "up" cell with the "down" cell above it; a drillable floor joins the cell
below it (drill, then climb down a rope and back up). A flood fill over whole NumPy planes
keeps this to a few milliseconds on the shipped maps.
"""

from __future__ import annotations

import numpy as np

from game.sim.geometry import Cell
from game.sim.terrain import Terrain


def reachable(terrain: Terrain, starts: list[Cell], *, drilling: bool = True) -> np.ndarray:
    """A ``[floor, y, x]`` mask of the cells reachable on foot from any start."""
    passable = terrain.walkable.copy()
    reached = np.zeros(terrain.shape, dtype=bool)
    for cell in starts:
        if terrain.in_bounds(*cell):
            reached[cell.index] = True
    up = terrain.stairs_up[:-1] & terrain.stairs_down[1:]  # floor f to f + 1
    hole = terrain.drillable[1:] & terrain.walkable[:-1]  # floor f + 1 down to f
    if not drilling:
        hole[...] = False
    links = up | hole
    while True:
        grown = reached.copy()
        grown[:, 1:, :] |= reached[:, :-1, :]
        grown[:, :-1, :] |= reached[:, 1:, :]
        grown[:, :, 1:] |= reached[:, :, :-1]
        grown[:, :, :-1] |= reached[:, :, 1:]
        grown &= passable
        grown |= reached
        grown[1:] |= grown[:-1] & links
        grown[:-1] |= grown[1:] & links
        if np.array_equal(grown, reached):
            return reached
        reached = grown


def near(mask: np.ndarray, cell: Cell) -> bool:
    """True if the cell or one of its four neighbours is in the mask."""
    f, x, y = cell
    _, height, width = mask.shape
    for dx, dy in ((0, 0), (1, 0), (-1, 0), (0, 1), (0, -1)):
        if 0 <= x + dx < width and 0 <= y + dy < height and mask[f, y + dy, x + dx]:
            return True
    return False
