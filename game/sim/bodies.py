"""Bodies and people moved about: shots, coming to after a knockout, free cells to put
someone down on. Split from :mod:`game.sim.guards` to keep each module small."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.sim.entities import GuardState, Status, Unit
from game.sim.geometry import Cell

if TYPE_CHECKING:
    from game.sim.world import World


def fire(world: World, shooter: Unit, target: Unit) -> None:
    """A shot: very loud where it is fired; the target loses ``shoot.damage`` hp."""
    assert shooter.cell is not None and target.cell is not None
    from game.sim.guards import face

    face(shooter, target.cell)
    target.hp -= int(world.rules.shoot.damage)
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
        target.memory.pop("ko_turns", None)
        world.log("killed", f"{target.name} is dead.", target.cell, unit=target.id)
        if target.is_guard:
            world.count("kills")
    world.emit_noise(shooter.cell, int(world.rules.shoot.loudness), "shot", shooter.id)


def recover(world: World, guard: Unit) -> None:
    """A knocked-out guard counts down; at zero it comes to, suspicious, where it lies."""
    out_cold = guard.status is Status.KNOCKED_OUT or (
        guard.status is Status.CARRIED
        and guard.memory.get("carried_status") == Status.KNOCKED_OUT.value
    )
    if not out_cold:
        return
    left = int(guard.memory.get("ko_turns", 0)) - 1
    guard.memory["ko_turns"] = max(0, left)
    if left > 0:
        return
    if guard.status is Status.CARRIED:
        carrier = world.units.get(guard.memory.get("carried_by", -1))
        spot = _free_cell_near(world, carrier.cell if carrier else None)
        if carrier is None or spot is None:
            guard.memory["ko_turns"] = 1
            return
        carrier.memory.pop("carrying", None)
        guard.memory.pop("carried_by", None)
        guard.memory.pop("carried_status", None)
        world.move_unit(guard, spot)
        world.log("dropped", f"{guard.name} wriggles free of {carrier.name}.", spot, unit=guard.id)
    guard.memory.pop("ko_turns", None)
    guard.status = Status.ACTIVE
    world.log("came_to", f"{guard.name} comes to.", guard.cell, guard=guard.id)
    assert guard.cell is not None
    guard.state = GuardState.STANDING if guard.state is GuardState.SLEEPING else guard.state
    from game.sim.guards import make_suspicious

    make_suspicious(world, guard, guard.cell, 0)
    guard.memory["searching"] = True


def _free_cell_near(world: World, cell: Cell | None) -> Cell | None:
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
