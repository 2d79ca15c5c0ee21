"""Small pictures that tell the player what the rules know, drawn over the map.

- a **pistol** at the feet of an armed guard who is awake: the one who fires back (reaction
  fire) when he sees a crew member act in his view;
- a **torch** in the hand of a guard searching (suspicious): he is coming to look;
- the **waypoints** of the patrol of a guard the cursor is on, when the crew sees him: where
  his round takes him (no hidden dice);
- a spent **extinguisher** beside a bell full of foam: used items stay where they were used;
- a **noise** mark where a noise of this turn was made (the rings spread from it).

Each is drawn only for what the crew may see (:class:`Knowledge`), so nothing hints at a
guard out of sight. None of them changes the world.
"""

from __future__ import annotations

import pygame

from game.sim.entities import GuardState, Status, Unit
from game.sim.geometry import Cell
from game.sim.world import World
from game.ui.art import art
from game.ui.render.camera import Camera
from game.ui.render.knowledge import Knowledge


def _sprite(name: str, size: int) -> pygame.Surface | None:
    return art().scaled("sprite", name, max(8, size))


def guard(target: pygame.Surface, rect: pygame.Rect, unit: Unit) -> None:
    """The pistol of an armed guard awake, the torch of one searching (``rect``: his cell)."""
    if not unit.is_guard or unit.status is not Status.ACTIVE:
        return
    if unit.state is GuardState.SLEEPING:
        return
    half = rect.width // 2
    if unit.armed:
        pistol = _sprite("pistol", half)
        if pistol is not None:
            target.blit(pistol, pistol.get_rect(bottomleft=rect.bottomleft))
    if unit.state is GuardState.SUSPICIOUS:
        torch = _sprite("torch", half)
        if torch is not None:
            target.blit(torch, torch.get_rect(bottomright=rect.bottomright))


def patrol(
    target: pygame.Surface,
    camera: Camera,
    world: World,
    knowledge: Knowledge,
    cursor: Cell | None,
    floor: int,
) -> None:
    """The waypoints of the patrol of the guard under the cursor, if the crew sees him."""
    if cursor is None:
        return
    unit = world.occupant(cursor)
    if unit is None or not unit.is_guard or not unit.route or not knowledge.visible(unit):
        return
    mark = _sprite("waypoint", camera.tile * 2 // 3)
    if mark is None:
        return
    for cell in unit.route:
        if cell.floor == floor:
            center = camera.cell_center(cell.x, cell.y)
            target.blit(mark, mark.get_rect(center=center))


def spent_extinguisher(surface: pygame.Surface, world: World, floor: int, tile: int) -> None:
    """Beside each bell full of foam, the extinguisher emptied into it (baked into the floor's
    picture: it changes only when a bell is foamed)."""
    for bell in world.devices_in_order("bell"):
        if bell.cell.floor != floor or not bell.state.smothered:
            continue
        spent = _sprite("extinguisher", tile * 2 // 3)
        if spent is not None:
            cell = pygame.Rect(bell.cell.x * tile, bell.cell.y * tile, tile, tile)
            surface.blit(spent, spent.get_rect(bottomright=cell.bottomright))


def noise_source(target: pygame.Surface, camera: Camera, cell: Cell) -> None:
    """The mark where a noise was made (the centre of its rings)."""
    mark = _sprite("noise", camera.tile * 2 // 3)
    if mark is not None:
        target.blit(mark, mark.get_rect(center=camera.cell_center(cell.x, cell.y)))
