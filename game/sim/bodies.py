"""Bodies and people moved about: turning to face, shots, free cells to put someone down on.
Below :mod:`game.sim.guards` (which uses all of these), so neither imports the other back."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.sim.entities import Status, Unit
from game.sim.geometry import Cell, Facing

if TYPE_CHECKING:
    from game.sim.world import World


def face(unit: Unit, cell: Cell) -> None:
    """Turn the unit towards a cell of its floor."""
    if unit.cell is not None and cell.floor == unit.cell.floor:
        facing = Facing.toward(cell.x - unit.cell.x, cell.y - unit.cell.y)
        if facing is not None:
            unit.facing = facing


def fire(world: World, shooter: Unit, target: Unit) -> None:
    """A shot: very loud where it is fired; the target loses ``shoot.damage`` hp."""
    assert shooter.cell is not None and target.cell is not None
    face(shooter, target.cell)
    target.hp -= world.rules.shoot.damage
    world.log(
        "shot",
        f"{shooter.name} shoots {target.name}.",
        target.cell,
        unit=shooter.id,
        target=target.id,
    )
    if target.hp <= 0:
        target.hp = 0
        target.status = Status.DEAD
        target.ko_turns = None
        world.log("killed", f"{target.name} is dead.", target.cell, unit=target.id)
        if target.is_guard:
            world.count("kills")
    world.emit_noise(shooter.cell, world.rules.shoot.loudness, "shot", shooter.id)


def free_cell_near(world: World, cell: Cell | None) -> Cell | None:
    """The first free walkable cell around ``cell`` (N, E, S, W, then diagonals)."""
    if cell is None:
        return None
    for dx, dy in ((0, -1), (1, 0), (0, 1), (-1, 0), (1, -1), (1, 1), (-1, 1), (-1, -1)):
        spot = cell.offset(dx, dy)
        if is_free(world, spot):
            return spot
    return None


def is_free(world: World, cell: Cell) -> bool:
    """A cell someone could be put down on: walkable, no shut door, nobody there."""
    if not world.in_bounds(cell) or not world.terrain.walkable[cell.index]:
        return False
    door = world.door_at(cell)
    return (door is None or door.open) and world.occupant(cell) is None
