"""Distance fields over a map where each obstacle costs what clearing it costs.

The solver's estimate (:mod:`game.sim.solve.estimate`) asks "how many AP from here to there,
counting the doors to open, the locks to pick and the holes to climb" for every crew member
of every position it weighs. A field answers it for every cell at once: a Dijkstra from a
set of target cells over each floor (tcod's ``dijkstra2d``, in C), the floors joined by
links (stairs, holes with a rope). Fields follow from the map's structure alone (doors,
holes, ropes, bells), so they are kept by it: a position that only moved people reuses them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
import tcod.path

from game.sim.geometry import Cell

#: The distance of a cell no path reaches (kept well inside int32 when costs are added).
FAR = 1_000_000


@dataclass(frozen=True)
class Link:
    """A way between two cells on different floors (stairs, a roped hole), both ways."""

    a: tuple[int, int, int]  # (floor, y, x)
    b: tuple[int, int, int]
    cost: int


@dataclass
class Graph:
    """Per floor, the AP it costs to enter each cell (0: cannot be entered), and the links."""

    cost: np.ndarray  # [floor, y, x] int32
    links: tuple[Link, ...]
    name: str  # which of a structure's graphs it is ("now", "could"): fields are kept by it
    _by_floor: dict[int, list[tuple[tuple[int, int, int], tuple[int, int, int], int]]] = field(
        default_factory=dict
    )

    def __post_init__(self) -> None:
        for link in self.links:
            self._by_floor.setdefault(link.a[0], []).append((link.a, link.b, link.cost))
            self._by_floor.setdefault(link.b[0], []).append((link.b, link.a, link.cost))

    def field(self, sources: Iterable[tuple[Cell, int]]) -> np.ndarray:
        """``[floor, y, x]``: the least AP from each cell to the nearest source (a source's
        own value is where its count starts), :data:`FAR` where none is reached."""
        dist = np.full(self.cost.shape, FAR, dtype=np.int32)
        dirty: set[int] = set()
        for cell, start in sources:
            if start < dist[cell.floor, cell.y, cell.x]:
                dist[cell.floor, cell.y, cell.x] = start
                dirty.add(cell.floor)
        for _ in range(4 * self.cost.shape[0] + 4):  # floors settle in a few rounds
            if not dirty:
                break
            floors, dirty = sorted(dirty), set()
            for floor in floors:
                tcod.path.dijkstra2d(dist[floor], self.cost[floor], 1, 0, out=dist[floor])
            for floor in floors:
                for a, b, cost in self._by_floor.get(floor, ()):
                    through = int(dist[a]) + cost
                    if through < dist[b]:
                        dist[b] = through
                        dirty.add(b[0])
        return dist
