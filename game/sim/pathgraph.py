"""Path-search graphs for :mod:`game.sim.pathing`, and keeping them.

Setting up a tcod graph costs several times the search itself, and every move from one
position (each child of a search's node, every target the screen checks) searches the same
one, so graphs are kept by everything they are made from, with a pathfinder each that is put
back as new for every search.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import tcod.path

from game.sim.geometry import Cell

if TYPE_CHECKING:
    from game.sim.world import World

CARDINAL = [[0, 1, 0], [1, 0, 1], [0, 1, 0]]

#: Path-search graphs kept in the world's cache (shared with forks) by everything they are
#: made from; past this many the store is emptied and starts again. Only graphs over windows
#: of at most ``GRAPH_CACHE_CELLS`` cells are kept (a move's or a guard's, not a whole map).
GRAPH_CACHE_SIZE = 512
GRAPH_CACHE_CELLS = 16384


class Search:
    """A kept path-search graph, and a pathfinder on it put back as new for each search.

    tcod's ``Pathfinder`` spends half its set-up building its travel array; a kept one
    whose distances, travel array and frontier are reset to what a new one holds finds
    exactly the same path (``tests/test_sim_pathing.py`` checks it against new ones). Where
    tcod's internals are not those expected, a new pathfinder is made every time.
    """

    __slots__ = ("finder", "graph", "travel")

    def __init__(self, graph: tcod.path.CustomGraph) -> None:
        self.graph = graph
        self.finder: tcod.path.Pathfinder | None = None
        self.travel: np.ndarray | None = None

    def path(self, root: tuple[int, int, int], goal: tuple[int, int, int]) -> np.ndarray:
        """``Pathfinder(graph)`` with ``root`` added, ``path_to(goal)``."""
        finder = self.finder
        if finder is None:
            finder = tcod.path.Pathfinder(self.graph)
            travel = getattr(finder, "_travel", None)
            if (
                isinstance(travel, np.ndarray)
                and isinstance(getattr(finder, "_distance", None), np.ndarray)
                and hasattr(finder, "_frontier_p")
            ):
                self.finder, self.travel = finder, travel.copy()
        else:
            assert self.travel is not None
            finder._distance[...] = _FARTHEST.get(finder._distance.dtype.str) or _farthest(finder)
            finder._travel = self.travel.copy()
            tcod.path.lib.TCOD_frontier_clear(finder._frontier_p)
        finder.add_root(root)
        return finder.path_to(goal)


#: The "not reached" distance of a pathfinder, by its distance array's dtype.
_FARTHEST: dict[str, int] = {}


def _farthest(finder: tcod.path.Pathfinder) -> int:
    dtype = finder._distance.dtype
    value = _FARTHEST[dtype.str] = int(np.iinfo(dtype).max)
    return value


def stair_links(world: World, box: tuple[int, int, int, int]) -> tuple[np.ndarray, np.ndarray]:
    """``(climb, descend)`` masks of a window: from an "up" stair on floor f to the "down"
    stair above it, and back."""
    x0, y0, x1, y1 = box
    up = world.terrain.stairs_up[:, y0:y1, x0:x1]
    down = world.terrain.stairs_down[:, y0:y1, x0:x1]
    climb = np.zeros_like(up)
    climb[:-1] = up[:-1] & down[1:]
    descend = np.zeros_like(down)
    descend[1:] = down[1:] & up[:-1]
    return climb, descend


def rope_window(world: World, box: tuple[int, int, int, int]) -> np.ndarray | None:
    """Where a rope hangs through a hole in a window (None on a one-floor map)."""
    if world.terrain.floors < 2:
        return None
    x0, y0, x1, y1 = box
    return world.holes[:, y0:y1, x0:x1] & world.ropes[:, y0:y1, x0:x1]


def keep(store: dict, key: object, search: Search) -> None:
    if len(store) >= GRAPH_CACHE_SIZE:
        store.clear()
    store[key] = search


def build(
    world: World,
    start: Cell,
    window: np.ndarray,
    box: tuple[int, int, int, int],
    rope: np.ndarray | None,
    stairs_cost: int,
    climb_cost: int,
) -> Search:
    """A new search graph over a window of a passable mask."""
    x0, y0 = box[0], box[1]
    cost = window.astype(np.int32)
    cost[start.floor, start.y - y0, start.x - x0] = 1
    graph = tcod.path.CustomGraph(cost.shape)
    graph.add_edges(edge_map=CARDINAL, cost=cost)
    if rope is not None:
        climb, descend = stair_links(world, box)
        graph.add_edge((1, 0, 0), 1 + stairs_cost, cost=cost, condition=climb)
        graph.add_edge((-1, 0, 0), 1 + stairs_cost, cost=cost, condition=descend)
        if rope[1:].any():
            rope_down = np.zeros_like(rope)
            rope_down[1:] = rope[1:]
            rope_up = np.zeros_like(rope)
            rope_up[:-1] = rope[1:]
            graph.add_edge((-1, 0, 0), 1 + climb_cost, cost=cost, condition=rope_down)
            graph.add_edge((1, 0, 0), 1 + climb_cost, cost=cost, condition=rope_up)
    graph.set_heuristic(cardinal=1)
    return Search(graph)
