"""The map on screen: terrain, doors, holes, devices and units, with fog and vision cones.

The terrain is the map's own tile layers, drawn as Tiled draws them
(:mod:`game.ui.render.tilelayers`); a world made without a map (the ASCII test worlds) is
painted from the game's art by tile name instead. A door is drawn over its tile only once its
state differs from the one the tile shows.

Speed comes from caching. The terrain of a floor is drawn once per zoom level; doors,
devices, holes, fog and vision cones change only when the world does, so they are baked into
one opaque picture per session version. A frame then is one blit of the visible part of that
picture plus the units and the animated overlays.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pygame

from game.sim.entities import Device, Door, Unit
from game.sim.geometry import Cell
from game.sim.terrain import Terrain
from game.sim.world import World
from game.tiled import Light
from game.ui import theme
from game.ui.art import FALLBACK, art
from game.ui.render import badges, filmlook, heist, light, people
from game.ui.render.anim import Animator
from game.ui.render.camera import Camera
from game.ui.render.knowledge import Knowledge
from game.ui.render.masks import mask_surface
from game.ui.render.tilelayers import TileLayers, tile_layers

FOG_ALPHA = 100
CONE_ALPHA = 70
REACH_ALPHA = 45  # the tint of the cells a pointed-at action's noise would reach
TINTS_KEPT = 6


def fallback_color(world: World, f: int, x: int, y: int) -> tuple[int, int, int]:
    """A flat colour telling what a cell is, for tiles the art lacks."""
    t = world.terrain
    index = (f, y, x)
    name = t.tile_name(f, x, y)
    if name == "void":
        return FALLBACK["void"]
    if t.window[index]:
        return FALLBACK["window"]
    if t.door[index]:
        return FALLBACK["door"]
    if t.stairs_up[index] or t.stairs_down[index]:
        return FALLBACK["stairs"]
    if not t.walkable[index] and t.opaque[index]:
        return FALLBACK["wall"]
    if t.outdoor[index]:
        return FALLBACK["outdoor"]
    return FALLBACK["floor"] if t.lit[index] else FALLBACK["dark"]


def terrain_surface(
    world: World, floor: int, tile: int, layers: TileLayers | None = None
) -> pygame.Surface:
    """One floor's terrain at ``tile`` pixels per cell, graded by its light (lit cells warm,
    unlit ones night blue: :mod:`game.ui.render.light`), from the map's own ``layers`` when
    the world has them."""
    t = world.terrain
    surface = pygame.Surface((t.width * tile, t.height * tile))
    surface.fill(theme.INK)
    if layers is not None and layers.art.width == t.width and layers.art.height == t.height:
        surface.blit(_scaled(layers.floor(floor), surface.get_size()), (0, 0))
    else:
        _paint_by_name(surface, world, floor, tile)
    sources = layers.lights if layers is not None else []
    light.grade(surface, world, floor, tile, sources)
    _draw_lights(surface, sources, floor, tile)
    return surface


#: The sprite of each kind of light source (``light_kind``).
LIGHT_SPRITES = {"lamp": "lamp", "street_light": "street_light", "window": "window_light"}


def _draw_lights(surface: pygame.Surface, sources: list[Light], floor: int, tile: int) -> None:
    """The lamps, street lights and lit windows, over the terrain they light."""
    pictures = art()
    for source in sources:
        name = LIGHT_SPRITES.get(source.kind)
        picture = pictures.scaled("sprite", name, tile) if name else None
        if source.floor == floor and picture is not None:
            surface.blit(picture, (source.x * tile, source.y * tile))


def _scaled(picture: pygame.Surface, size: tuple[int, int]) -> pygame.Surface:
    if picture.get_size() == size:
        return picture
    return pygame.transform.smoothscale(picture, size)


def _paint_by_name(surface: pygame.Surface, world: World, floor: int, tile: int) -> None:
    """The game's own art by tile name, for worlds that come from no map file."""
    t = world.terrain
    pictures = art()
    tiles_by_name: dict[int, pygame.Surface | None] = {}
    for y in range(t.height):
        for x in range(t.width):
            name_id = int(t.name_index[floor, y, x])
            if name_id not in tiles_by_name:
                tiles_by_name[name_id] = pictures.scaled("tile", t.names[name_id], tile)
            picture = tiles_by_name[name_id]
            rect = (x * tile, y * tile, tile, tile)
            if picture is None or t.door[floor, y, x]:
                under = pictures.scaled("tile", "floor_wood", tile) if t.door[floor, y, x] else None
                if under is not None:
                    surface.blit(under, rect)
                else:
                    surface.fill(fallback_color(world, floor, x, y), rect)
            else:
                surface.blit(picture, rect)


def device_sprite(device: Device) -> str | None:
    if device.kind == "loot" and device.state.taken_by is not None:
        return None
    if device.kind == "sensor" and device.traits.sensor == "door_contact":
        return "door_contact"
    return device.kind


#: A translucent picture to paint into a floor's picture, and where (pixels from its corner).
Zone = tuple[pygame.Surface, int, int]


@dataclass(frozen=True)
class Moving:
    """What the floor's picture leaves for the animations to draw: doors swinging (shown as
    an empty doorway) and ropes being lowered (the upper cells of their holes)."""

    doors: frozenset[int] = frozenset()
    ropes: frozenset[Cell] = frozenset()


@dataclass(frozen=True, eq=False)
class _Baked:
    """A floor's picture for one knowledge of the world (compared by identity) and zone."""

    knowledge: Knowledge
    zone: Zone | None
    made_of: tuple[int, int, bool, bool, Moving]  # floor, tile, cones, film, moving
    picture: pygame.Surface


@dataclass(frozen=True, eq=False)
class _Tint:
    """The reached box of a baked picture, tinted, and what it was made of."""

    reach: np.ndarray
    picture: pygame.Surface
    made_of: tuple[int, int]  # floor, tile
    box: pygame.Surface
    x: int
    y: int

    def fits(self, reach: np.ndarray, picture: pygame.Surface) -> bool:
        return self.reach is reach and self.picture is picture


class MapView:
    """Draws one floor of the world through a camera."""

    def __init__(self) -> None:
        self._terrain: dict[tuple[Terrain, int, int], pygame.Surface] = {}
        self._baked: _Baked | None = None
        self._layers: tuple[str, TileLayers | None] | None = None
        self._tinted: list[_Tint] = []  # the latest few: the pointer goes back and forth

    def forget(self) -> None:
        """Drop every cache (a map was reloaded, the art changed)."""
        self._terrain.clear()
        self._baked = None
        self._layers = None
        self._tinted.clear()

    def layers(self, world: World) -> TileLayers | None:
        """The map's own tile layers, loaded once per map (``forget`` after a reload, so a
        saved tileset is drawn again)."""
        key = world.mission.source
        if self._layers is None or self._layers[0] != key:
            self._layers = (key, tile_layers(world.mission.source))
        return self._layers[1]

    def terrain(self, world: World, floor: int, tile: int) -> pygame.Surface:
        key = (world.terrain, floor, tile)
        found = self._terrain.get(key)
        if found is None:
            if len(self._terrain) > 8:
                self._terrain.clear()
            found = terrain_surface(world, floor, tile, self.layers(world))
            self._terrain[key] = found
        return found

    def baked(
        self,
        world: World,
        knowledge: Knowledge,
        floor: int,
        tile: int,
        cones: bool,
        film: bool = False,
        zone: Zone | None = None,
        moving: Moving = Moving(),
    ) -> pygame.Surface:
        """Terrain plus doors, holes, devices, vision cones, fog and the ``zone`` in reach,
        for this knowledge (one version of the world) and zone (with ``film``, everything
        but the cones, the fog and the zone in black and white), leaving out what is
        ``moving`` (made again once, when it stops)."""
        found = self._baked
        made_of = (floor, tile, cones, film, moving)
        if (
            found is not None
            and found.knowledge is knowledge
            and found.zone is zone
            and found.made_of == made_of
        ):
            return found.picture
        surface = self.terrain(world, floor, tile).copy()
        self._things(surface, world, floor, tile, moving)
        if film:
            surface = filmlook.black_and_white(surface)
        if cones:
            watched = knowledge.watched[floor] & knowledge.crew_sees[floor]
            watched &= world.terrain.walkable[floor] | world.terrain.door[floor]
            if watched.any():
                surface.blit(mask_surface(watched, (*theme.VISION, CONE_ALPHA), tile), (0, 0))
        fog = ~knowledge.crew_sees[floor] & world.terrain.walkable[floor]
        fog |= ~knowledge.crew_sees[floor] & world.terrain.window[floor]
        surface.blit(mask_surface(fog, (6, 8, 18, FOG_ALPHA), tile), (0, 0))
        if zone is not None:
            picture, dx, dy = zone
            surface.blit(picture, (dx, dy))
        self._baked = _Baked(knowledge, zone, made_of, surface)
        return surface

    def tinted(
        self, world: World, picture: pygame.Surface, reach: np.ndarray, floor: int, tile: int
    ) -> tuple[pygame.Surface, int, int] | None:
        """The box of ``picture`` the noise reaches, with those cells tinted: an opaque
        picture made once per reach and version, so a frame blits it instead of blending a
        translucent tint over the map again."""
        for found in self._tinted:
            if found.made_of == (floor, tile) and found.fits(reach, picture):
                return found.box, found.x, found.y
        heard = (reach[floor] > 0) & (world.terrain.walkable[floor] | world.terrain.door[floor])
        ys, xs = np.nonzero(heard)
        if not len(xs):
            return None
        y0, y1, x0, x1 = int(ys.min()), int(ys.max()) + 1, int(xs.min()), int(xs.max()) + 1
        area = pygame.Rect(x0 * tile, y0 * tile, (x1 - x0) * tile, (y1 - y0) * tile)
        box = picture.subsurface(area).copy()
        box.blit(mask_surface(heard[y0:y1, x0:x1], (*theme.FORECAST, REACH_ALPHA), tile), (0, 0))
        kept = [t for t in self._tinted if t.picture is picture][-(TINTS_KEPT - 1) :]
        self._tinted = [*kept, _Tint(reach, picture, (floor, tile), box, area.x, area.y)]
        return box, area.x, area.y

    def _things(
        self,
        surface: pygame.Surface,
        world: World,
        floor: int,
        tile: int,
        moving: Moving = Moving(),
    ) -> None:
        pictures = art()
        layers = self.layers(world)
        drawn = layers.art.drawn_doors if layers is not None else {}
        for door in world.doors.values():
            cell = door.cell
            if cell.floor != floor:
                continue
            if door.id in moving.doors:
                _draw_doorway(surface, world, door, tile)
            elif drawn.get((cell.floor, cell.y, cell.x)) != _state(door):
                _draw_door(surface, door, tile)
        heist.draw_debris(surface, world, floor, tile)
        heist.draw_holes(surface, world, floor, tile, moving.ropes)
        for device in world.devices_in_order():
            if device.cell.floor != floor:
                continue
            name = device_sprite(device)
            if name is None:
                continue
            rect = pygame.Rect(device.cell.x * tile, device.cell.y * tile, tile, tile)
            picture = pictures.scaled("sprite", name, tile)
            if picture is not None:
                surface.blit(picture, rect)
            else:
                pygame.draw.circle(surface, theme.AMBER, rect.center, tile // 3, 2)
                label = theme.text(name[:1].upper(), max(9, tile // 2), theme.AMBER, "sans_bold")
                surface.blit(label, label.get_rect(center=rect.center))
            if device.kind == "bell" and device.state.smothered:
                heist.draw_foam(surface, rect)
        badges.spent_extinguisher(surface, world, floor, tile)

    def draw(
        self,
        target: pygame.Surface,
        camera: Camera,
        world: World,
        knowledge: Knowledge,
        floor: int,
        animator: Animator,
        cones: bool,
        film: bool = False,
        reach: np.ndarray | None = None,
        zone: Zone | None = None,
    ) -> None:
        """Draw the visible part of ``floor`` into ``camera.view`` (``film``: the map and its
        people in black and white, the overlays drawn over it later keep their colours);
        ``reach`` (a pointed-at action's noise, ``[floor, y, x]``) tints the cells it
        reaches, under the units, and ``zone`` (a translucent picture and where it goes: the
        cells the selected crew member can walk to) is painted into the floor's picture."""
        tile = camera.tile
        moving = Moving(animator.doors.doorways(), animator.effects.lowering())
        picture = self.baked(world, knowledge, floor, tile, cones, film, zone, moving)
        ox, oy = camera.origin()
        _fill_around(target, camera.view, picture.get_rect(topleft=(ox, oy)))
        clip = target.get_clip()
        target.set_clip(camera.view)
        target.blit(picture, (ox, oy))
        if reach is not None:
            tinted = self.tinted(world, picture, reach, floor, tile)
            if tinted is not None:
                box, dx, dy = tinted
                target.blit(box, (ox + dx, oy + dy))
        animator.doors.draw(target, camera, world, floor, knowledge.crew_sees, film)
        # Those lying down first, then standing figures from the back row to the front: a
        # figure is taller than its cell and overlaps the one behind it.
        order = sorted(
            world.units_in_order(), key=lambda u: (people.standing(u), u.cell.y if u.cell else 0)
        )
        for unit in order:
            self._unit(target, camera, unit, world, knowledge, floor, animator, film)
        animator.effects.draw(target, camera, floor, knowledge.crew_sees)
        target.set_clip(clip)

    def _unit(
        self,
        target: pygame.Surface,
        camera: Camera,
        unit: Unit,
        world: World,
        knowledge: Knowledge,
        floor: int,
        animator: Animator,
        film: bool,
    ) -> None:
        if unit.cell is None or not knowledge.visible(unit):
            return
        place = animator.position(unit.id)
        f, x, y = place if place else (unit.cell.floor, float(unit.cell.x), float(unit.cell.y))
        if f != floor:
            return
        rect = camera.cell_rect(x, y)
        place = people.figure_rect(unit, rect)
        if not place.colliderect(camera.view):
            return
        picture = people.picture_for(unit, place.width, animator.pose(unit.id))
        cell = unit.cell
        if picture is not None and not world.terrain.lit[cell.floor, cell.y, cell.x]:
            picture = people.in_the_dark(picture, unit.is_crew)
        if picture is not None and film:
            picture = filmlook.black_and_white_sprite(picture)
        if picture is not None:
            target.blit(picture, place)
            if unit.kit.loot is not None:  # the swag bag at their side
                bag = art().scaled("sprite", "bag", rect.width // 2)
                if bag is not None:
                    target.blit(bag, bag.get_rect(bottomright=rect.bottomright))
            if people.asleep(unit):
                z = theme.text("z", max(10, camera.tile // 3), theme.BLUE, "sans_bold")
                target.blit(z, z.get_rect(bottomright=(rect.right, rect.top + camera.tile // 3)))
        else:
            color = theme.SELECT if unit.is_crew else theme.RED
            pygame.draw.circle(target, color, rect.center, camera.tile // 3)
        if unit.is_guard and people.standing(unit):
            badges.guard(target, rect, unit)
            _facing_tick(target, rect, animator.facing(unit.id) or unit.facing.vector)
            mark = {"suspicious": ("?", theme.AMBER), "alerted": ("!", theme.RED)}.get(
                unit.state.value
            )
            if mark:
                size = max(12, camera.tile // 2)
                label = theme.text(mark[0], size, mark[1], "sans_bold")
                target.blit(label, label.get_rect(midbottom=(rect.centerx, place.top + 2)))


def _fill_around(target: pygame.Surface, view: pygame.Rect, covered: pygame.Rect) -> None:
    """Fill the night around a map picture: only the strips of ``view`` it leaves bare
    (filling the whole view first would paint most pixels twice)."""
    inside = view.clip(covered)
    if inside == view:
        return
    if not inside.width or not inside.height:
        target.fill(theme.INK, view)
        return
    for strip in (
        pygame.Rect(view.left, view.top, view.width, inside.top - view.top),
        pygame.Rect(view.left, inside.bottom, view.width, view.bottom - inside.bottom),
        pygame.Rect(view.left, inside.top, inside.left - view.left, inside.height),
        pygame.Rect(inside.right, inside.top, view.right - inside.right, inside.height),
    ):
        if strip.width > 0 and strip.height > 0:
            target.fill(theme.INK, strip)


def _state(door: Door) -> str:
    return "open" if door.open else "locked" if door.locked else "closed"


def _draw_door(surface: pygame.Surface, door: Door, tile: int) -> None:
    name = "door_open" if door.open else "door_locked" if door.locked else "door_closed"
    rect = pygame.Rect(door.cell.x * tile, door.cell.y * tile, tile, tile)
    picture = art().scaled("tile", name, tile)
    if picture is not None:
        surface.blit(picture, rect)
        return
    color = (140, 100, 60) if not door.open else (70, 58, 46)
    surface.fill(color, rect.inflate(-2, -2))
    if door.locked:
        pygame.draw.circle(surface, theme.AMBER, rect.center, max(2, tile // 6))


def _draw_doorway(surface: pygame.Surface, world: World, door: Door, tile: int) -> None:
    """The doorway with no door in it, while the animation swings the leaf (night-graded
    boards in an unlit cell, as the floor around)."""
    lit = world.terrain.lit[door.cell.index]
    rect = pygame.Rect(door.cell.x * tile, door.cell.y * tile, tile, tile)
    picture = art().scaled("tile", "floor_wood" if lit else "floor_wood_dark", tile)
    if picture is not None:
        surface.blit(picture, rect)
    else:
        surface.fill(FALLBACK["floor"], rect)


def _facing_tick(target: pygame.Surface, rect: pygame.Rect, facing: tuple[float, float]) -> None:
    """A small wedge on the side a guard faces (as drawn, turning), so facing reads even
    without cones."""
    fx, fy = facing
    cx, cy = rect.center
    r = rect.width // 2
    tip = (cx + fx * r * 0.95, cy + fy * r * 0.95)
    side = (-fy * r * 0.25, fx * r * 0.25)
    base = (cx + fx * r * 0.6, cy + fy * r * 0.6)
    points = [tip, (base[0] + side[0], base[1] + side[1]), (base[0] - side[0], base[1] - side[1])]
    pygame.draw.polygon(target, theme.RED, points)
