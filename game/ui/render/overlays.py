"""The overlays that make stealth readable, drawn over the map every frame.

Noise rings spread from each recent noise with a marker on every listener that heard it; the
forecast puts an amber marker (with the level) on everyone a pointed-at action would reach;
the path preview shows the route, its AP cost and the cells a guard watches; guard intent
shows next turn's steps and facing. Each is switched on and off from the settings.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable

import pygame
import pygame.gfxdraw

from game.sim.entities import GuardState
from game.sim.events import Noise
from game.sim.forecast import GuardIntent
from game.sim.geometry import Cell, Facing
from game.sim.world import World
from game.ui import theme
from game.ui.render import badges
from game.ui.render.anim import Animator
from game.ui.render.camera import Camera, Frame
from game.ui.render.knowledge import Knowledge
from game.ui.telegraph import Watcher

Place = Camera | Frame  # the screen, or a picture of its own

RECENT_NOISES = 40  # rings for at most this many of the last noises (this turn and last)
PATH_ROOM = (120, 32, 320, 8)  # room around a path's cells for its tags: left, top, right, bottom


def _unit_rect(camera: Camera, animator: Animator, unit_id: int, cell: Cell) -> pygame.Rect:
    place = animator.position(unit_id)
    if place and place[0] == cell.floor:
        return camera.cell_rect(place[1], place[2])
    return camera.cell_rect(cell.x, cell.y)


def noise_rings(
    target: pygame.Surface,
    camera: Camera,
    world: World,
    knowledge: Knowledge,
    floor: int,
    animator: Animator,
    now: float,
) -> None:
    """Rings spreading from this turn's and last turn's noises as far as the rules say each
    carried; a badge with the level on each listener that heard it."""
    tile = camera.tile
    recent = untangled(recent_noises(world))
    for index, (noise, listeners) in enumerate(recent):
        if noise.cell.floor != floor:
            continue
        fresh = noise.turn == world.turn
        center = camera.cell_center(noise.cell.x, noise.cell.y)
        reach = max(0.5, knowledge.ring_radius(noise)) * tile
        phase = (now * 0.7 + index * 0.137) % 1.0
        alpha = int((200 if fresh else 90) * (1 - phase))
        radius = int(tile * 0.4 + phase * reach)
        if alpha > 8:
            pygame.gfxdraw.circle(target, *center, radius, (*theme.NOISE, alpha))
            pygame.gfxdraw.circle(target, *center, radius + 1, (*theme.NOISE, alpha // 2))
        if fresh:
            pygame.gfxdraw.circle(target, *center, int(reach), (*theme.NOISE, 60))
            badges.noise_source(target, camera, noise.cell)
        for listener_id, level in listeners.items():
            unit = world.units.get(listener_id)
            if unit is None or unit.cell is None or unit.cell.floor != floor:
                continue
            if not knowledge.visible(unit):
                continue
            rect = _unit_rect(camera, animator, unit.id, unit.cell)
            _badge(target, rect.topleft, str(level), theme.NOISE, tile)


def recent_noises(world: World) -> list[Noise]:
    """The noises that get a ring: this turn's and last turn's (at most ``RECENT_NOISES``)."""
    return [n for n in world.noises[-RECENT_NOISES:] if n.turn >= world.turn - 1]


def untangled(noises: list[Noise]) -> list[tuple[Noise, dict[int, int]]]:
    """One ring per maker, kind and turn: a walk makes a footstep per cell, and a ring for
    each piles into a tangle. The loudest of each group is kept (the latest of equals, where
    the walker is now; the noise itself, so what is cached by it stays valid), with everyone
    who heard any of them at the loudest level they heard."""
    kept: dict[tuple[int, int | None, str], Noise] = {}
    heard: dict[tuple[int, int | None, str], dict[int, int]] = {}
    for noise in noises:
        key = (noise.turn, noise.source, noise.kind)
        best = kept.get(key)
        if best is None or noise.loudness >= best.loudness:
            kept[key] = noise
        into = heard.setdefault(key, {})
        for listener, level in noise.heard_by.items():
            into[listener] = max(into.get(listener, 0), level)
    return [(noise, heard[key]) for key, noise in kept.items()]


def _badge(
    target: pygame.Surface,
    corner: tuple[int, int],
    label: str,
    color: tuple[int, int, int],
    tile: int,
) -> None:
    radius = max(6, tile // 4)
    center = (corner[0] + radius, corner[1] + radius)
    pygame.draw.circle(target, theme.INK, center, radius + 2)
    pygame.draw.circle(target, color, center, radius)
    text = theme.text(label, max(9, radius + 3), theme.INK, "sans_bold")
    target.blit(text, text.get_rect(center=center))


def forecast_markers(
    target: pygame.Surface,
    camera: Camera,
    world: World,
    knowledge: Knowledge,
    floor: int,
    animator: Animator,
    heard: dict[int, int],
) -> None:
    """An amber ring and level badge on every visible listener the action would reach."""
    tile = camera.tile
    for listener_id, level in heard.items():
        unit = world.units.get(listener_id)
        if unit is None or unit.cell is None or unit.cell.floor != floor:
            continue
        if not knowledge.visible(unit):
            continue
        rect = _unit_rect(camera, animator, unit.id, unit.cell)
        pygame.draw.rect(target, theme.FORECAST, rect.inflate(4, 4), 3)
        radius = max(6, tile // 4)
        _badge(
            target, (rect.right - 2 * radius, rect.top - radius), str(level), theme.FORECAST, tile
        )


def path_preview(
    target: pygame.Surface,
    camera: Place,
    path: list[Cell],
    cost: int,
    watchers: list[Watcher],
    floor: int,
    stop: Cell | None = None,
) -> None:
    """The route a move would take, the AP it costs, the cells a visible guard watches
    (a red cross, the guard's name at the first such cell) and, when a guard would see the
    mover on the way, where the move stops (the rest of the route is drawn dim)."""
    cut = path.index(stop) + 1 if stop is not None and stop in path else len(path)
    for part, color in ((path[:cut], theme.PATH_OK), (path[cut - 1 :], theme.FAINT)):
        points = [camera.cell_center(c.x, c.y) for c in part if c.floor == floor]
        if len(points) >= 2:
            pygame.draw.lines(target, theme.INK, False, points, 5)
            pygame.draw.lines(target, color, False, points, 2)
        for point in points[1:-1]:
            pygame.draw.circle(target, color, point, 3)
    size = camera.tile
    named: set[str] = set()
    for watcher in watchers:
        cell = watcher.cell
        if cell.floor != floor:
            continue
        rect = camera.cell_rect(cell.x, cell.y).inflate(-size // 3, -size // 3)
        pygame.draw.line(target, theme.WATCHED, rect.topleft, rect.bottomright, 3)
        pygame.draw.line(target, theme.WATCHED, rect.topright, rect.bottomleft, 3)
        fresh = [name for name in watcher.guards if name not in named]
        if fresh:  # "seen by X" once per guard, where its view starts along the path
            named.update(fresh)
            label = theme.text("seen by " + ", ".join(fresh), 13, theme.WATCHED, "sans_bold")
            box = label.get_rect(midleft=(rect.right + 4, rect.centery)).inflate(6, 2)
            theme.panel(target, box, 220, edge=False)
            target.blit(label, label.get_rect(center=box.center))
    if stop is not None and stop.floor == floor:
        rect = camera.cell_rect(stop.x, stop.y)
        pygame.draw.rect(target, theme.WATCHED, rect, 3)
        _tag(target, rect, "stops here: seen", theme.WATCHED)
    elif path and path[-1].floor == floor:
        end = camera.cell_rect(path[-1].x, path[-1].y)
        pygame.draw.rect(target, theme.PATH_OK, end, 2)
        seen = bool(watchers)
        _tag(target, end, f"{cost} AP" + ("  seen!" if seen else ""),
             theme.WATCHED if seen else theme.PATH_OK)  # fmt: skip


def _tag(target: pygame.Surface, cell: pygame.Rect, label: str, color: theme.Color) -> None:
    """A small label above a cell."""
    text = theme.text(label, 15, color, "sans_bold")
    box = text.get_rect(midbottom=(cell.centerx, cell.top - 3)).inflate(8, 4)
    theme.panel(target, box, 230)
    target.blit(text, text.get_rect(center=box.center))


def intents(
    target: pygame.Surface,
    camera: Place,
    world: World,
    knowledge: Knowledge,
    floor: int,
    plans: dict[int, GuardIntent],
) -> None:
    """Each visible guard's next steps as a dotted violet line, ending in its facing, with
    "?" or "!" where it will be suspicious or alerted by then."""
    for guard_id, plan in plans.items():
        guard = world.units.get(guard_id)
        if guard is not None and knowledge.visible(guard):
            _intent(target, camera, plan, guard.state, floor)


def _intent(
    target: pygame.Surface, camera: Place, plan: GuardIntent, now: GuardState, floor: int
) -> None:
    cells = plan.path
    points = [camera.cell_center(c.x, c.y) for c in cells if c.floor == floor]
    for a, b in itertools.pairwise(points):
        _dotted(target, a, b)
    if not points or cells[-1].floor != floor:
        return
    _arrow(target, points[-1], plan.facing, camera.tile)
    mark = {"suspicious": "?", "alerted": "!"}.get(plan.state.value)
    if mark and plan.state is not now:
        end = camera.cell_rect(cells[-1].x, cells[-1].y)
        _badge(target, end.topleft, mark, theme.INTENT, camera.tile)


class Pictures:
    """The overlays that stay put between two changes, drawn once into small pictures of
    their own and placed by the camera each frame: each seen guard's intent (per version,
    floor and zoom) and the path preview (per preview). The pictures keep their own alpha,
    run-length encoded, so their transparent part costs next to nothing to blit."""

    def __init__(self) -> None:
        self._intents: tuple[tuple[object, ...], list[tuple[pygame.Surface, int, int]]] = ((), [])
        self._path: tuple[tuple[object, ...], tuple[pygame.Surface, int, int] | None] = ((), None)

    def intents(
        self,
        target: pygame.Surface,
        camera: Camera,
        world: World,
        knowledge: Knowledge,
        floor: int,
    ) -> None:
        key = (knowledge, floor, camera.tile)
        if not _same(self._intents[0], key):
            made = []
            for guard_id, plan in knowledge.intents.items():
                guard = world.units.get(guard_id)
                cells = [c for c in plan.path if c.floor == floor]
                if guard is None or not knowledge.visible(guard) or not cells:
                    continue
                state = guard.state
                made.append(
                    _picture(
                        cells,
                        camera.tile,
                        (4, 4, 4, 4),
                        lambda picture, frame, plan=plan, state=state: _intent(
                            picture, frame, plan, state, floor
                        ),
                    )
                )
            self._intents = (key, made)
        _place(target, camera, self._intents[1])

    def path_preview(
        self,
        target: pygame.Surface,
        camera: Camera,
        path: list[Cell],
        cost: int,
        watchers: list[Watcher],
        floor: int,
        stop: Cell | None,
        preview: object,
    ) -> None:
        """:func:`path_preview`, drawn once per ``preview`` (the object the path is from)."""
        key = (preview, floor, camera.tile)
        if not _same(self._path[0], key):
            cells = [c for c in [*path, *(w.cell for w in watchers)] if c.floor == floor]
            made = (
                _picture(
                    cells,
                    camera.tile,
                    PATH_ROOM,
                    lambda picture, frame: path_preview(
                        picture, frame, path, cost, watchers, floor, stop
                    ),
                )
                if cells
                else None
            )
            self._path = (key, made)
        if self._path[1] is not None:
            _place(target, camera, [self._path[1]])


def _same(a: tuple[object, ...], b: tuple[object, ...]) -> bool:
    """Keys compared by identity first (a knowledge, a preview: objects, not values)."""
    return len(a) == len(b) and all(x is y or x == y for x, y in zip(a, b, strict=True))


def _picture(
    cells: list[Cell],
    tile: int,
    room: tuple[int, int, int, int],
    paint: Callable[[pygame.Surface, Frame], None],
) -> tuple[pygame.Surface, int, int]:
    """A transparent picture over ``cells`` (with ``room`` pixels around: left, top, right,
    bottom) in map pixels, painted by ``paint(picture, frame)``; with where it goes."""
    left = min(c.x for c in cells) * tile - room[0]
    top = min(c.y for c in cells) * tile - room[1]
    right = (max(c.x for c in cells) + 1) * tile + room[2]
    bottom = (max(c.y for c in cells) + 1) * tile + room[3]
    picture = pygame.Surface((right - left, bottom - top), pygame.SRCALPHA)
    paint(picture, Frame(tile, -left, -top))
    if pygame.display.get_surface() is not None:
        picture = picture.convert_alpha()
    picture.set_alpha(255, pygame.RLEACCEL)
    return picture, left, top


def _place(
    target: pygame.Surface, camera: Camera, pictures: list[tuple[pygame.Surface, int, int]]
) -> None:
    ox, oy = camera.origin()
    for picture, x, y in pictures:
        target.blit(picture, (ox + x, oy + y))


def _dotted(target: pygame.Surface, a: tuple[int, int], b: tuple[int, int]) -> None:
    length = math.dist(a, b)
    steps = max(1, int(length // 7))
    for i in range(steps + 1):
        t = i / steps
        point = (round(a[0] + (b[0] - a[0]) * t), round(a[1] + (b[1] - a[1]) * t))
        pygame.draw.circle(target, theme.INTENT, point, 2)


def _arrow(target: pygame.Surface, at: tuple[int, int], facing: Facing, tile: int) -> None:
    fx, fy = facing.vector
    norm = math.hypot(fx, fy) or 1
    fx, fy = fx / norm, fy / norm
    r = tile * 0.45
    tip = (at[0] + fx * r, at[1] + fy * r)
    left = (at[0] - fy * r * 0.35, at[1] + fx * r * 0.35)
    right = (at[0] + fy * r * 0.35, at[1] - fx * r * 0.35)
    pygame.draw.polygon(target, theme.INTENT, [tip, left, right])


def bells(target: pygame.Surface, camera: Camera, world: World, floor: int, now: float) -> None:
    """A ringing bell pulses red."""
    for bell in world.devices_in_order("bell"):
        if bell.cell.floor != floor or not bell.state.ringing:
            continue
        if bell.state.smothered:
            continue
        center = camera.cell_center(bell.cell.x, bell.cell.y)
        radius = int(camera.tile * (0.6 + 0.4 * abs(math.sin(now * 6))))
        pygame.draw.circle(target, theme.RED, center, radius, 3)


def cursor(
    target: pygame.Surface, camera: Camera, cell: Cell | None, selected: pygame.Rect | None
) -> None:
    if selected is not None:
        pygame.draw.ellipse(
            target,
            theme.SELECT,
            selected.inflate(-4, -selected.height // 2).move(0, selected.height // 3),
            2,
        )
    if cell is not None:
        rect = camera.cell_rect(cell.x, cell.y)
        pygame.draw.rect(target, theme.CURSOR, rect, 1)
        corner = max(4, camera.tile // 4)
        for (x, y), (dx, dy) in (
            (rect.topleft, (1, 1)),
            (rect.topright, (-1, 1)),
            ((rect.left, rect.bottom - 1), (1, -1)),
            ((rect.right - 1, rect.bottom - 1), (-1, -1)),
        ):
            pygame.draw.line(target, theme.CURSOR, (x, y), (x + dx * corner, y), 3)
            pygame.draw.line(target, theme.CURSOR, (x, y), (x, y + dy * corner), 3)


def aimed(target: pygame.Surface, camera: Camera, cell: Cell, now: float) -> None:
    """The target of a loud action waiting for its confirm: a pulsing amber frame."""
    rect = camera.cell_rect(cell.x, cell.y)
    grow = int(2 + 2 * math.sin(now * 6))
    pygame.draw.rect(target, theme.FORECAST, rect.inflate(grow * 2, grow * 2), 3)
    corner = theme.text("confirm?", 13, theme.FORECAST, "sans_bold")
    box = corner.get_rect(midtop=(rect.centerx, rect.bottom + 4)).inflate(6, 2)
    theme.panel(target, box, 230, edge=False)
    target.blit(corner, corner.get_rect(center=box.center))


def order_goals(
    target: pygame.Surface, camera: Camera, world: World, goals: list[tuple[int, Cell]], floor: int
) -> None:
    """Where each go-to order leads: a flag with the crew member's initial."""
    for unit_id, goal in goals:
        if goal.floor != floor:
            continue
        rect = camera.cell_rect(goal.x, goal.y)
        pole = (rect.left + rect.width // 3, rect.top + 3)
        pygame.draw.line(target, theme.PAPER, pole, (pole[0], rect.bottom - 3), 2)
        flag = [
            pole,
            (rect.right - 3, pole[1] + rect.height // 6),
            (pole[0], pole[1] + rect.height // 3),
        ]
        pygame.draw.polygon(target, theme.SELECT, flag)
        name = world.units[unit_id].name if unit_id in world.units else "?"
        label = theme.text(name[:1], max(9, rect.height // 3), theme.INK, "sans_bold")
        target.blit(
            label, label.get_rect(center=(pole[0] + rect.width // 4, pole[1] + rect.height // 6))
        )
