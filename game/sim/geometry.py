"""Cells, facings and neighbourhoods on the stack of floors.

A :class:`Cell` is ``(floor, x, y)``; NumPy arrays of the world are indexed
``[floor, y, x]``. Floor 0 is the lowest (the street or the ground floor).
"""

from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple


class Cell(NamedTuple):
    """One square of one floor."""

    floor: int
    x: int
    y: int

    @property
    def index(self) -> tuple[int, int, int]:
        """The index of this cell in a ``[floor, y, x]`` array."""
        return (self.floor, self.y, self.x)

    def offset(self, dx: int, dy: int, dfloor: int = 0) -> Cell:
        """The cell ``dx, dy`` away (and ``dfloor`` floors up)."""
        return Cell(self.floor + dfloor, self.x + dx, self.y + dy)

    def to_json(self) -> list[int]:
        """``[floor, x, y]``, the form commands and recordings use."""
        return [self.floor, self.x, self.y]

    @classmethod
    def from_json(cls, value: object) -> Cell:
        """Read ``[floor, x, y]``; raises ValueError for anything else."""
        if (
            not isinstance(value, (list, tuple))
            or len(value) != 3
            or not all(isinstance(v, int) and not isinstance(v, bool) for v in value)
        ):
            raise ValueError(f"a cell is [floor, x, y] of integers, not {value!r}")
        return cls(value[0], value[1], value[2])

    def __str__(self) -> str:
        return f"floor {self.floor} ({self.x}, {self.y})"


class Facing(StrEnum):
    """Eight compass facings; north is up the screen (towards y = 0)."""

    N = "N"
    NE = "NE"
    E = "E"
    SE = "SE"
    S = "S"
    SW = "SW"
    W = "W"
    NW = "NW"

    @property
    def vector(self) -> tuple[int, int]:
        """``(dx, dy)`` of one step this way."""
        return _VECTORS[self]

    @classmethod
    def toward(cls, dx: int, dy: int) -> Facing | None:
        """The facing closest to the direction ``(dx, dy)``, or None for no direction."""
        if dx == 0 and dy == 0:
            return None
        sx = (dx > 0) - (dx < 0)
        sy = (dy > 0) - (dy < 0)
        # Mostly-straight directions snap to the axis so a long corridor reads as E, not SE.
        if abs(dx) >= 2 * abs(dy):
            sy = 0
        elif abs(dy) >= 2 * abs(dx):
            sx = 0
        return _BY_VECTOR[(sx, sy)]


_VECTORS: dict[Facing, tuple[int, int]] = {
    Facing.N: (0, -1),
    Facing.NE: (1, -1),
    Facing.E: (1, 0),
    Facing.SE: (1, 1),
    Facing.S: (0, 1),
    Facing.SW: (-1, 1),
    Facing.W: (-1, 0),
    Facing.NW: (-1, -1),
}
_BY_VECTOR = {vector: facing for facing, vector in _VECTORS.items()}

#: The four neighbours a unit can step to, in a fixed order.
CARDINAL_STEPS: tuple[tuple[int, int], ...] = ((0, -1), (1, 0), (0, 1), (-1, 0))


def manhattan(a: Cell, b: Cell) -> int:
    """Steps between two cells of one floor, ignoring walls."""
    return abs(a.x - b.x) + abs(a.y - b.y)


def beside(a: Cell | None, b: Cell | None) -> bool:
    """Same floor and at most one step apart, diagonals included (or the same cell)."""
    if a is None or b is None or a.floor != b.floor:
        return False
    return max(abs(a.x - b.x), abs(a.y - b.y)) <= 1


def is_adjacent(a: Cell, b: Cell) -> bool:
    """True when ``b`` is one of the four neighbours of ``a`` on the same floor."""
    return a.floor == b.floor and manhattan(a, b) == 1
