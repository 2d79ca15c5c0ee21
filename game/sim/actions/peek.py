"""Looking before you go: peek through a closed door or round a corner.

A crew member next to a closed door looks through it (the keyhole, the gap under it: as if
standing in the doorway with the door open), or leans round a corner into a free cell next
to them and looks from there. It costs AP and makes no sound; nothing in the world changes.
What was seen is news, so the rule logs one ``peeked`` event flagged ``reveals=True`` (undo
cannot take a peek back: it would be free scouting) that names the viewpoint and the guards
in view. The screen's fog shows those guards for the rest of the turn, from that event; the
rules themselves need nothing more, so a peek adds no state to the world (and no recording
that does not peek changes).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

import numpy as np

from game.sim import vision
from game.sim.actions.common import acting_crew
from game.sim.commands import Command
from game.sim.contract import Refused, Rule
from game.sim.geometry import Cell, beside

if TYPE_CHECKING:
    from game.sim.entities import Unit
    from game.sim.world import World

#: AP a peek takes (a glance, not a walk).
PEEK_AP = 1


@dataclass(frozen=True)
class Peek(Command):
    """Look from ``at``: a closed door next to the unit, or a free cell next to it."""

    kind: ClassVar[str] = "peek"
    unit: int
    at: Cell


def peek_view(world: World, at: Cell) -> tuple[int, int, np.ndarray]:
    """``(x0, y0, mask)`` of ``at``'s floor: what is in sight from ``at`` (within the lit
    sight range), the same field of view a crew member standing there would have."""
    return vision.sight_window(world, at, world.rules.vision.range_lit)


def guards_seen_from(world: World, at: Cell) -> list[int]:
    """The guards on the map in sight from ``at``, by id."""
    x0, y0, fov = peek_view(world, at)
    height, width = fov.shape
    seen = []
    for guard in world.guards():
        cell = guard.cell
        if cell is None or cell.floor != at.floor:
            continue
        x, y = cell.x - x0, cell.y - y0
        if 0 <= x < width and 0 <= y < height and fov[y, x]:
            seen.append(guard.id)
    return seen


class PeekRule(Rule[Peek]):
    command = Peek
    doing = "peeking"

    def validate(self, world: World, command: Peek) -> bool:
        """The plan: True when the crew member looks through a door, False round a corner."""
        unit = acting_crew(world, command.unit)
        at = command.at
        if not world.in_bounds(at) or unit.cell is None or not beside(unit.cell, at):
            raise Refused(f"{unit.name} can only peek into a cell right next to them.")
        if at == unit.cell:
            raise Refused(
                f"{unit.name} already sees from here; peek through a door or round a corner."
            )
        door = world.door_at(at)
        if door is not None and not door.open:
            return True
        if not world.terrain.walkable[at.index] or world.terrain.opaque[at.index]:
            raise Refused("There is a wall there; peek through a closed door or round a corner.")
        if world.occupant(at) is not None:
            raise Refused("Someone is standing there.")
        return False

    def unit_cost(self, world: World, unit: Unit) -> int:
        return PEEK_AP

    def where(self, world: World, command: Peek) -> tuple[Cell, ...]:
        return (command.at,)

    def execute(self, world: World, command: Peek, plan: bool) -> None:
        unit, at = world.units[command.unit], command.at
        seen = guards_seen_from(world, at)
        names = ", ".join(world.units[g].name for g in seen) or "nobody"
        how = "through the door" if plan else "round the corner"
        world.log(
            "peeked",
            f"{unit.name} peeks {how}: {names}.",
            at,
            reveals=True,
            unit=unit.id,
            guards=seen,
        )

    def options(self, world: World, unit: Unit) -> list[Peek]:
        """Every closed door and free cell next to the unit (the legal ones are kept by
        :meth:`candidates`); doors first, as they are what a player most wants to look
        through."""
        here = unit.cell
        if here is None:
            return []
        doors, corners = [], []
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                at = here.offset(dx, dy)
                if (dx or dy) and world.in_bounds(at):
                    door = world.door_at(at)
                    (doors if door is not None and not door.open else corners).append(at)
        return [Peek(unit.id, at) for at in doors + corners]
