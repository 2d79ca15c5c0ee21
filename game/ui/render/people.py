"""How a person is drawn on the map: which picture, how big, and how the light shows them.

A standing figure is drawn taller than its cell (its feet on the cell's lower edge, its hat
over the cell above), so roles read at a glance; on the move it steps through its role's walk
frames (``<role>_stride0`` ... ``<role>_step1``, drawn by ``tools/art/walking.py``), mirrored
when it walks to the left; a sleeper is drawn in bed and a knocked-out
or dead one lying on the floor, each at the cell's size. In an unlit cell a figure is a dark
blue silhouette: there, as the rules say, a guard sees only a few cells
(``vision.range_unlit``), and the screen shows it is dark.
"""

from __future__ import annotations

import numpy as np
import pygame

from game.sim.entities import Status, Unit
from game.ui.art import ROLE_SPRITES, art
from game.ui.render.anim import Pose

#: How much taller than its cell a standing figure is drawn.
FIGURE_SCALE = 1.3
#: The colour of a figure standing in the dark, and how much of the figure it covers (of
#: 255): others are silhouettes; the player's own crew stay readable, only dimmed.
NIGHT = (22, 30, 58)
NIGHT_SHARE = {False: 200, True: 120}


def asleep(unit: Unit) -> bool:
    """A guard or bystander asleep (the rules' ``sleeping`` state)."""
    return unit.is_guard and unit.status is Status.ACTIVE and unit.state.value == "sleeping"


def standing(unit: Unit) -> bool:
    """Up on their feet: neither asleep, knocked out nor dead."""
    return unit.status not in (Status.KNOCKED_OUT, Status.DEAD) and not asleep(unit)


def role_sprite(unit: Unit) -> str:
    """The standing picture of the unit's role (roles the art lacks look like a guard)."""
    if unit.is_crew or unit.role in art().sprites:
        return unit.role
    return ROLE_SPRITES.get(unit.role, "guard")


def unit_sprite(unit: Unit) -> str:
    """The picture for the unit as it is now: standing, in bed, or down on the floor."""
    if unit.status in (Status.KNOCKED_OUT, Status.DEAD):
        down = f"{role_sprite(unit)}_down"
        return down if down in art().sprites else "body"
    if asleep(unit):
        return "sleeper"
    return role_sprite(unit)


def figure_rect(unit: Unit, cell: pygame.Rect) -> pygame.Rect:
    """Where the unit's picture goes for a unit drawn in ``cell``."""
    if not standing(unit):
        return cell
    size = round(cell.width * FIGURE_SCALE)
    return pygame.Rect(0, 0, size, size).move(cell.centerx - size // 2, cell.bottom - size)


_SILHOUETTES: dict[tuple[int, bool], tuple[pygame.Surface, pygame.Surface]] = {}


def in_the_dark(picture: pygame.Surface, crew: bool) -> pygame.Surface:
    """The figure as the dark shows it: night blue over its shape, its outline kept (cached
    per picture; the original is kept with it, so a reused id never fetches another's)."""
    key = (id(picture), crew)
    found = _SILHOUETTES.get(key)
    if found is None or found[0] is not picture:
        if len(_SILHOUETTES) > 96:
            _SILHOUETTES.clear()
        shade = picture.copy()
        share = NIGHT_SHARE[crew] / 255
        rgb = pygame.surfarray.pixels3d(shade)
        rgb[...] = (rgb * (1 - share) + np.array(NIGHT) * share).astype(np.uint8)
        del rgb  # unlock the surface
        found = _SILHOUETTES[key] = (picture, shade)
    return found[1]


#: The walk frames each standing role has (``<role>_<frame>``), by ``Animator.pose``.
WALK_FRAMES = ("stride0", "stride1", "step0", "step1")

_MIRRORED: dict[int, tuple[pygame.Surface, pygame.Surface]] = {}


def mirrored(picture: pygame.Surface) -> pygame.Surface:
    """The picture flipped left to right (cached per picture, kept with its original)."""
    found = _MIRRORED.get(id(picture))
    if found is None or found[0] is not picture:
        if len(_MIRRORED) > 96:
            _MIRRORED.clear()
        found = _MIRRORED[id(picture)] = (picture, pygame.transform.flip(picture, True, False))
    return found[1]


def picture_for(unit: Unit, size: int, pose: Pose | None = None) -> pygame.Surface | None:
    """The unit's picture at ``size`` pixels (the figure's own size, not the cell's): in
    ``pose``'s walk frame while it walks (its standing picture if its role has none)."""
    name = unit_sprite(unit)
    if pose is not None and pose.frame is not None and standing(unit):
        frame = f"{role_sprite(unit)}_{pose.frame}"
        name = frame if frame in art().sprites else name
    picture = art().scaled("sprite", name, size)
    if picture is not None and pose is not None and pose.mirrored:
        picture = mirrored(picture)
    return picture
