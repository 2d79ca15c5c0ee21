"""How noise spreads and who hears it.

A noise of loudness ``L`` made at a cell reaches every other cell with level ``L - C``, where
``C`` is the cheapest sum of costs along a four-way path over all floors: entering a cell
costs its attenuation (air 1, closed door 8, wall 12...; an open door costs air), going
through a floor or ceiling costs the upper cell's ``floor_attenuation`` (30 indoors), a
stairwell or a drilled hole costs almost nothing. A listener hears the noise when the level
at its cell reaches its threshold.

The flood fill is tcod's Dijkstra on a window around the source. The window is only as large
as a path that could still be heard needs to be: nothing at all is computed when no listener
is near, and a path that leaves the window would arrive with nothing left to hear (see
:func:`_radius`), so the answer is exact.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import tcod.path

from game.sim import alarms, guards
from game.sim.entities import Device, GuardState, Status, Unit, UnitKind
from game.sim.geometry import Cell

if TYPE_CHECKING:
    from game.sim.events import Noise
    from game.sim.world import World

_CARDINAL = [[0, 1, 0], [1, 0, 1], [0, 1, 0]]


@dataclass(frozen=True)
class Listener:
    """Something that can hear: a guard or sleeper (a unit) or a vibration sensor (a device)."""

    id: int
    cell: Cell
    threshold: int
    is_device: bool = False


def guard_threshold(world: World, guard: Unit) -> int:
    """The least level this guard notices now: map trait, else role, else rules. Asleep, the
    level that wakes it: the map's ``wake``, else that plus ``hearing.asleep_extra``.

    The awake value depends only on the map and the rules, so it is kept in the world's cache.
    """
    key = ("hearing", guard.id)
    value = world.cache.get(key)
    if value is None:
        rules = world.rules.hearing
        value = guard.traits.hearing or 0
        if value <= 0:
            value = rules.threshold_of(guard.role)
        world.cache[key] = value = max(1, value)
    if guard.state is GuardState.SLEEPING:
        wake = guard.traits.wake or 0
        return wake if wake > 0 else value + world.rules.hearing.asleep_extra
    return value


def sensor_threshold(world: World, device: Device) -> int:
    """A vibration sensor's trip level: its map ``threshold``, else the rules' default."""
    value = int(device.traits.threshold or 0)
    return max(1, value if value > 0 else world.rules.hearing.sensor_threshold)


def listeners(world: World, near: Cell | None = None, reach: int | None = None) -> list[Listener]:
    """Everyone and everything that can hear now, in id order; with ``near`` and ``reach``
    only those within ``reach`` cells (Chebyshev) of that cell, which is much cheaper."""
    found: list[Listener] = []
    anywhere = near is None or reach is None
    for guard in _guards_near(world, near, reach):
        found.append(Listener(guard.id, guard.cell, guard_threshold(world, guard)))
    for device in _vibration_sensors(world):
        cell = device.cell
        if anywhere or (abs(cell[1] - near[1]) <= reach and abs(cell[2] - near[2]) <= reach):
            found.append(Listener(device.id, cell, sensor_threshold(world, device), True))
    found.sort(key=lambda listener: listener.id)
    return found


def _guards_near(world: World, near: Cell | None, reach: int | None) -> list[Unit]:
    """Active guards on the map within ``reach`` cells (Chebyshev, any floor) of ``near``
    (all of them without ``near``), in any order. Called for every noise, so the distance
    test is inlined, and a quiet noise among many guards looks at the cells around it."""
    guards: tuple[Unit, ...] | list[Unit] = world.ordered(UnitKind.GUARD)
    active = Status.ACTIVE
    if near is None or reach is None:
        return [g for g in guards if g.cell is not None and g.status is active]
    nx, ny = near[1], near[2]
    if len(guards) > 16:
        floors, height, width = world.terrain.shape
        xs = range(max(0, nx - reach), min(width, nx + reach + 1))
        ys = range(max(0, ny - reach), min(height, ny + reach + 1))
        if len(xs) * len(ys) * floors < len(guards):
            # Every unit on the map stands on its cell in the occupancy table.
            occupant = world.occupant
            guards = []
            for floor in range(floors):
                for y in ys:
                    for x in xs:
                        unit = occupant(Cell(floor, x, y))
                        if unit is not None and unit.kind is UnitKind.GUARD:
                            guards.append(unit)
    found = []
    for guard in guards:
        cell = guard.cell
        if (
            cell is not None
            and guard.status is active
            and abs(cell[1] - nx) <= reach
            and abs(cell[2] - ny) <= reach
        ):
            found.append(guard)
    return found


def _hearers(world: World, cell: Cell, loudness: int, source: int | None) -> list[Listener]:
    """The listeners near enough to a noise that it could reach their threshold (each step
    costs at least 1), but its maker, in id order: ``listeners`` of the noise's box, filtered,
    without making a ``Listener`` for everyone in the box."""
    x, y = cell.x, cell.y
    table = _few_listeners(world)
    if table is not None:
        return [
            listener
            for lx, ly, reach, listener in table
            if abs(lx - x) <= loudness - reach
            and abs(ly - y) <= loudness - reach
            and listener.id != source
        ]
    found: list[Listener] = []
    for guard in _guards_near(world, cell, loudness - 1):
        here = guard.cell
        if guard.id != source:
            threshold = guard_threshold(world, guard)
            if max(abs(here.x - x), abs(here.y - y)) <= loudness - threshold:
                found.append(Listener(guard.id, here, threshold))
    for device in _vibration_sensors(world):
        here = device.cell
        if device.id != source and max(abs(here.x - x), abs(here.y - y)) <= loudness - 1:
            threshold = sensor_threshold(world, device)
            if max(abs(here.x - x), abs(here.y - y)) <= loudness - threshold:
                found.append(Listener(device.id, here, threshold, True))
    if len(found) > 1:
        found.sort(key=lambda listener: listener.id)
    return found


#: Up to this many guards, a world keeps its listeners (see ``_few_listeners``); with more,
#: a quiet noise looks only at the cells around it.
_FEW_GUARDS = 16


def _few_listeners(world: World) -> tuple[tuple[int, int, int, Listener], ...] | None:
    """Every listener as ``(x, y, threshold, listener)`` in id order, kept while none of the
    world's guards changes (a crew member walking about changes none of them): every noise
    of every step asks. None among many guards."""
    if len(world.ordered(UnitKind.GUARD)) > _FEW_GUARDS:
        return None
    return world.kept("listeners", _listener_table, guards_only=True)


def _listener_table(world: World) -> tuple[tuple[int, int, int, Listener], ...]:
    return tuple((li.cell.x, li.cell.y, li.threshold, li) for li in listeners(world))


def _vibration_sensors(world: World) -> list[Device]:
    """The world's vibration sensors (a device's kind and traits never change, so their ids
    are found once, and again only if devices are added)."""
    kept = world.cache.get("vibration_sensors")
    devices = world.devices
    if kept is None or kept[0] != len(devices):
        ids = tuple(d.id for d in devices.values() if d.kind == "sensor" and d.traits.is_vibration)
        kept = world.cache["vibration_sensors"] = (len(devices), ids)
    return [devices[i] for i in kept[1] if i in devices]


def _radius(loudness: int, source: Cell, near: list[Listener]) -> int:
    """How far from the source the flood fill must look to be exact for these listeners.

    A listener at Chebyshev distance ``D`` is heard only by a path costing at most ``L - 1``.
    A path that leaves the box of radius ``r`` and comes back to within ``D`` costs at least
    ``2r - D``; with ``r = D + ceil((L - D) / 2)`` that is ``>= L``: heard by nobody.
    """
    farthest = max(max(abs(li.cell.x - source.x), abs(li.cell.y - source.y)) for li in near)
    return min(loudness - 1, farthest + (loudness - farthest + 1) // 2)


def _costs(world: World, floor0: int, floor1: int, x0: int, y0: int, x1: int, y1: int):
    """Entry costs of the window's cells and of the vertical steps into them (down, up)."""
    terrain = world.terrain
    rules = world.rules.terrain
    window = (slice(floor0, floor1), slice(y0, y1), slice(x0, x1))
    enter = terrain.attenuation[window].astype(np.int16)
    for f, y, x in np.argwhere(terrain.door[window]):
        door = world.door_at(Cell(int(f) + floor0, int(x) + x0, int(y) + y0))
        if door is not None:
            if door.open:
                enter[f, y, x] = rules.air_attenuation
            else:
                enter[f, y, x] = max(int(enter[f, y, x]), rules.door_attenuation)
    enter = np.maximum(enter, 1)
    if floor1 - floor0 < 2:
        return enter, None, None
    # Through the floor of cell (f, y, x) between f and f - 1.
    through = np.maximum(terrain.floor_attenuation[window].astype(np.int16), 1)
    through[world.holes[window]] = rules.hole_attenuation
    stairs = (
        terrain.stairs_up[floor0 : floor1 - 1, y0:y1, x0:x1]
        & (terrain.stairs_down[floor0 + 1 : floor1, y0:y1, x0:x1])
    )
    upper = through[1:]
    upper[stairs] = np.minimum(upper[stairs], rules.stairs_attenuation)
    down = np.zeros_like(enter)  # cost of stepping down into (f, y, x), from f + 1
    down[:-1] = upper
    up = np.zeros_like(enter)  # cost of stepping up into (f, y, x), from f - 1
    up[1:] = upper
    return enter, down, up


def spread(
    world: World, cell: Cell, loudness: int, radius: int | None = None
) -> tuple[int, int, int, np.ndarray]:
    """``(floor0, x0, y0, levels)``: the level a noise reaches in each cell of a window.

    ``levels`` is ``[floor, y, x]`` over the window (<= 0 where nothing is heard). Without a
    ``radius`` the window covers everything the noise can reach (for the screen's overlay).
    """
    _, height, width = world.terrain.shape
    r = max(0, loudness - 1) if radius is None else radius
    x0, x1 = max(0, cell.x - r), min(width, cell.x + r + 1)
    y0, y1 = max(0, cell.y - r), min(height, cell.y + r + 1)
    floor0, floor1 = _floor_span(world, cell, loudness, x0, y0, x1, y1)
    enter, down, up = _costs(world, floor0, floor1, x0, y0, x1, y1)
    root = (cell.floor - floor0, cell.y - y0, cell.x - x0)
    if down is None:
        dist = tcod.path.maxarray(enter.shape[1:], dtype=np.int32)
        dist[root[1:]] = 0
        tcod.path.dijkstra2d(dist, enter[0], cardinal=1, diagonal=None, out=dist)
        dist = dist[np.newaxis]
    else:
        graph = tcod.path.CustomGraph(enter.shape)
        graph.add_edges(edge_map=_CARDINAL, cost=enter)
        graph.add_edge((-1, 0, 0), 1, cost=down)
        graph.add_edge((1, 0, 0), 1, cost=up)
        finder = tcod.path.Pathfinder(graph)
        finder.add_root(root)
        finder.resolve()
        dist = finder.distance
    levels = loudness - np.minimum(dist, loudness + 1).astype(np.int32)
    return floor0, x0, y0, levels


def _floor_span(
    world: World, cell: Cell, loudness: int, x0: int, y0: int, x1: int, y1: int
) -> tuple[int, int]:
    """The floors a noise can reach: all of them where a cheap way up or down is near."""
    floors = world.terrain.floors
    if floors == 1:
        return 0, 1
    window = (slice(None), slice(y0, y1), slice(x0, x1))
    cheapest = int(np.maximum(world.terrain.floor_attenuation[window], 1)[1:].min())
    if world.holes[window][1:].any():
        cheapest = min(cheapest, world.rules.terrain.hole_attenuation)
    if (world.terrain.stairs_up[window][:-1] & world.terrain.stairs_down[window][1:]).any():
        cheapest = min(cheapest, world.rules.terrain.stairs_attenuation)
    reach = (loudness - 1) // max(1, cheapest)
    return max(0, cell.floor - reach), min(floors, cell.floor + reach + 1)


def levels_at(world: World, cell: Cell, loudness: int, source: int | None = None) -> dict[int, int]:
    """``{listener id: level}`` for each listener that would hear a noise made at ``cell``
    (not counting whoever made it)."""
    near = _hearers(world, cell, loudness, source)
    if not near or loudness < 1:
        return {}
    quick = _levels_small(world, cell, loudness, near)
    if quick is not None:
        return quick
    floor0, x0, y0, levels = spread(world, cell, loudness, _radius(loudness, cell, near))
    heard: dict[int, int] = {}
    depth, height, width = levels.shape
    for li in near:
        f, y, x = li.cell.floor - floor0, li.cell.y - y0, li.cell.x - x0
        if 0 <= f < depth and 0 <= y < height and 0 <= x < width:
            level = int(levels[f, y, x])
            if level >= li.threshold:
                heard[li.id] = level
    return heard


def sensors_reached(world: World, cell: Cell, loudness: int) -> list[int]:
    """Ids of the vibration sensors, not yet tripped, that a noise at ``cell`` would trip."""
    heard = levels_at(world, cell, loudness)
    return [
        listener_id
        for listener_id in sorted(heard)
        if listener_id in world.devices and not world.devices[listener_id].state.tripped
    ]


#: A plain Dijkstra that stops as soon as every listener is settled is far cheaper than
#: setting up tcod's for a handful of cells; past this many cells tcod's takes over. Both
#: give the exact cheapest costs, so which one runs never changes what is heard.
_QUICK_BUDGET = 400


def _levels_small(
    world: World, cell: Cell, loudness: int, near: list[Listener]
) -> dict[int, int] | None:
    """Dijkstra over the cells themselves, costs looked up as it goes (same costs as
    :func:`_costs`), stopping once every listener is settled or nothing more can be heard.
    None when that would take more than ``_QUICK_BUDGET`` cells."""
    terrain, rules = world.terrain, world.rules.terrain
    floors, height, width = terrain.shape
    air, shut_door = rules.air_attenuation, rules.door_attenuation
    hole_cost, stairs_cost = rules.hole_attenuation, rules.stairs_attenuation

    attenuation, door_cells = terrain.attenuation, terrain.door

    def enter(f: int, y: int, x: int) -> int:
        cost = attenuation.item(f, y, x)
        if door_cells.item(f, y, x):
            door = world.door_at(Cell(f, x, y))
            if door is not None:
                cost = air if door.open else max(cost, shut_door)
        return max(1, cost)

    def through(f: int, y: int, x: int) -> int:
        """Cost between floor f - 1 and floor f at (x, y), either way."""
        cost = max(1, terrain.floor_attenuation.item(f, y, x))
        if world.holes.item(f, y, x):
            cost = min(cost, hole_cost)
        if terrain.stairs_up.item(f - 1, y, x) and terrain.stairs_down.item(f, y, x):
            cost = min(cost, stairs_cost)
        return cost

    limit = loudness - min(li.threshold for li in near)
    wanted = {(li.cell.floor, li.cell.y, li.cell.x) for li in near}

    def hopeless(total: int, f: int, y: int, x: int) -> bool:
        """No listener left can be reached from here within the limit (every step costs at
        least 1, so the steps still to walk are a lower bound): prune, the answer is exact."""
        for lf, ly, lx in wanted:  # noqa: SIM110 (a loop is much faster than all() here)
            if total + abs(lf - f) + abs(ly - y) + abs(lx - x) <= limit:
                return False
        return True

    best: dict[tuple[int, int, int], int] = {}
    heap = [(0, (cell.floor, cell.y, cell.x))]
    while heap and wanted:
        cost, node = heapq.heappop(heap)
        if node in best:
            continue
        best[node] = cost
        if len(best) > _QUICK_BUDGET:
            return None
        wanted.discard(node)
        f, y, x = node
        for dy, dx in ((-1, 0), (1, 0), (0, -1), (0, 1)):
            ny, nx = y + dy, x + dx
            if 0 <= ny < height and 0 <= nx < width and (f, ny, nx) not in best:
                total = cost + enter(f, ny, nx)
                if total <= limit and not hopeless(total, f, ny, nx):
                    heapq.heappush(heap, (total, (f, ny, nx)))
        if f > 0 and (f - 1, y, x) not in best:
            total = cost + through(f, y, x)
            if total <= limit and not hopeless(total, f - 1, y, x):
                heapq.heappush(heap, (total, (f - 1, y, x)))
        if f < floors - 1 and (f + 1, y, x) not in best:
            total = cost + through(f + 1, y, x)
            if total <= limit and not hopeless(total, f + 1, y, x):
                heapq.heappush(heap, (total, (f + 1, y, x)))
    heard: dict[int, int] = {}
    for li in near:
        key = (li.cell.floor, li.cell.y, li.cell.x)
        if key in best and loudness - best[key] >= li.threshold:
            heard[li.id] = loudness - best[key]
    return heard


def hear(world: World, noise: Noise) -> None:
    """Spread a noise just made, note who heard it, and let them react (in id order).

    Reactions can make new noises (a guard's shout); those wait in a queue and are spread
    after this one, so a chain of shouts never recurses.
    """
    queue = world.noise_queue
    if queue:
        queue.append(noise)
        return  # an outer call is already working through the queue
    heard = levels_at(world, noise.cell, noise.loudness, noise.source)
    if not heard and noise.kind != "door":
        return  # nobody hears it and no door contact can care: nothing happens (most steps)
    noise.heard_by.update(heard)
    queue.append(noise)
    while queue:
        current = queue[0]
        if current is not noise:
            current.heard_by.update(
                levels_at(world, current.cell, current.loudness, current.source)
            )
        for listener_id in sorted(current.heard_by):
            level = current.heard_by[listener_id]
            if listener_id in world.devices:
                alarms.sensor_heard(world, world.devices[listener_id], current, level)
            else:
                guards.heard(world, world.units[listener_id], current, level)
        alarms.door_contacts(world, current)
        queue.pop(0)
