"""The validator: what designers get wrong, each found problem one precise line.

The checks run on a compiled map (:mod:`game.tiled.build`), in the order of
``docs/map-design.md``'s list: references, placement, routes, wiring, mission and crew,
objectives. Reading problems (bad XML, bad types) were already collected while compiling.
"""

from __future__ import annotations

import itertools

from game.sim.geometry import Cell
from game.sim.pathing import find_path
from game.sim.world import World
from game.tiled.build import (
    ITEMS,
    ROUTE_SHAPES,
    Compiled,
    Placed,
    build_world,
    crew_name,
    light_radius,
    parse_time,
    route_cells,
)
from game.tiled.reach import near, reachable

_WALKERS = ("crew", "guard", "civilian", "exit", "car", "loot", "safe")
_REFS = {  # (class, property) -> classes the reference may point at
    ("guard", "route"): ("route",),
    ("sensor", "bell"): ("bell",),
    ("sensor", "door"): ("door",),
}


#: Numbers that make no sense below 0, and what the designer should give instead. ``wake``
#: and ``arrives`` have their own checks (in ``_placement``).
_AT_LEAST_ZERO = {
    ("crew", "ap"): "the action points the member gets each turn (0: the rules' default)",
    ("guard", "hearing"): "how far the guard hears (0: the rules' default for the role)",
    ("guard", "vision"): "how far the guard sees (0: the rules' default for the role)",
    ("loot", "value"): "what the loot is worth",
    ("safe", "value"): "what the safe holds",
    ("safe", "difficulty"): "how hard the safe is to open (0: the rules' default)",
    ("bell", "loudness"): "how loud the bell rings (0: the rules' default)",
    ("sensor", "threshold"): "the noise that sets the sensor off (0: the rules' default)",
    ("door", "lock_difficulty"): "how hard the lock is to pick (0: the rules' default)",
}
_MAP_AT_LEAST_ZERO = {
    "police_delay": "the turns the police take to come after an alarm (0: the rules' default)",
    "objective_loot": "the loot the crew must carry out (0: no loot objective)",
}


def run_checks(compiled: Compiled, seed: int | None = None) -> World:
    """Check everything; returns the world built on the way (valid only without problems)."""
    _references(compiled)
    _negatives(compiled)
    _placement(compiled)
    _lights(compiled)
    world = build_world(compiled, seed)
    _routes(compiled, world)
    _wiring(compiled)
    _stairs(compiled)
    _drillable(compiled)
    _mission(compiled)
    _crew(compiled)
    _objectives(compiled)
    return world


def _references(c: Compiled) -> None:
    # an object that exists but was not placed (its layer is outside every floor, or it has
    # a problem of its own) already has its line: a reference to it is not a second one
    existing = {o.id for o in c.tmap.all_objects()}
    for (cls, prop), targets in _REFS.items():
        for placed in c.of(cls):
            ref = placed.values.get(prop)
            if ref is None:
                continue
            target = c.placed.get(ref)
            if target is None and ref in existing:
                continue
            if target is None:
                c.problem(
                    f"'{prop}' points at object #{ref}, which does not exist",
                    f"pick a {' or '.join(targets)} with the property's arrow button",
                    "dangling_reference",
                    placed,
                )
            elif target.cls not in targets:
                c.problem(
                    f"'{prop}' points at object #{ref}, a {target.cls or 'shape'}, "
                    f"not a {' or '.join(targets)}",
                    f"pick a {' or '.join(targets)}",
                    "wrong_reference",
                    placed,
                )
    rescue = c.mission.get("objective_rescue")
    if rescue is not None:
        target = c.placed.get(rescue)
        if target is None or target.cls != "civilian":
            c.problem(
                f"map property 'objective_rescue' points at object #{rescue}, "
                + ("which does not exist" if target is None else f"a {target.cls}"),
                "pick the civilian to rescue (Tonio) in the map's properties",
                "wrong_reference",
            )


def _negatives(c: Compiled) -> None:
    for (cls, prop), meaning in _AT_LEAST_ZERO.items():
        for placed in c.of(cls):
            value = placed.values.get(prop)
            if isinstance(value, int) and value < 0:
                c.problem(
                    f"'{prop}' is {value}, below 0",
                    f"give {meaning}",
                    "negative",
                    placed,
                )
    for prop, meaning in _MAP_AT_LEAST_ZERO.items():
        value = c.mission.get(prop)
        if isinstance(value, int) and value < 0:
            c.problem(f"map property '{prop}' is {value}, below 0", f"give {meaning}", "negative")


def _drillable(c: Compiled) -> None:
    """A drillable floor is a way down: the cell under it must be one to land on."""
    t = c.terrain
    for f, y, x in zip(*t.drillable.nonzero(), strict=True):
        below = int(f) - 1
        if below >= 0 and t.walkable[below, y, x]:
            continue
        under = "nothing (it is the lowest floor)" if below < 0 else (
            f"'{t.tile_name(below, int(x), int(y))}' on floor {below}, which is not walkable"
        )  # fmt: skip
        c.problems.append(
            c.problem_at(
                f"the drillable floor is above {under}",
                "paint a floor tile under it on the floor below, or use a floor that is not "
                "drillable here",
                "drillable",
                int(f),
                (int(x), int(y)),
            )
        )


def _placement(c: Compiled) -> None:
    taken: dict[Cell, Placed] = {}
    for placed in c.of(*_WALKERS):
        cell = placed.cell
        if cell is None:
            continue
        if not c.terrain.walkable[cell.index]:
            tile = c.terrain.tile_name(*cell)
            c.problem(
                f"the {placed.cls} stands on '{tile}', which is not walkable",
                "move it onto a floor tile",
                "unwalkable",
                placed,
            )
        if placed.cls in ("crew", "guard", "civilian"):
            other = taken.get(cell)
            if other is not None:
                c.problem(
                    f'stands on the same cell as object #{other.obj.id} "{other.obj.name}"',
                    "move one of them",
                    "overlap",
                    placed,
                )
            taken[cell] = placed
    for placed in c.of("guard"):
        wake = int(placed.values.get("wake") or 0)
        if wake < 0:
            c.problem(
                f"'wake' is {wake}, below 0",
                "give the level of noise that wakes this sleeper (0: the rules default)",
                "bad_wake",
                placed,
            )
        elif wake and (state := placed.values.get("state")) != "sleeping":
            c.problem(
                f"'wake' is {wake} but the guard is not asleep (state '{state}')",
                "set its state to 'sleeping' or its 'wake' back to 0",
                "bad_wake",
                placed,
            )
        arrives = int(placed.values.get("arrives") or 0)
        if arrives < 0:
            c.problem(
                f"'arrives' is {arrives}, below 0",
                "give the turn the guard walks onto the map (0: there from the start)",
                "bad_arrives",
                placed,
            )
        elif arrives and placed.values.get("route") is None:
            c.problem(
                f"'arrives' is {arrives} but the guard has no route to walk on at",
                "pick its route (it enters at the first point) or set 'arrives' back to 0",
                "bad_arrives",
                placed,
            )
    for placed in c.of("door"):
        if placed.cell is not None and not c.terrain.door[placed.cell.index]:
            c.problem(
                "the door object is not on a door tile",
                "move it onto a door tile (door_closed, door_open or door_locked)",
                "door_off_tile",
                placed,
            )


def _lights(c: Compiled) -> None:
    """A light needs a radius the rules allow and a cell its light can leave."""
    most = c.rules.light.max_radius
    for placed in c.of("light"):
        kind = placed.values.get("kind")
        default = c.rules.light.radius.get(str(kind), 0)
        radius = light_radius(c, placed)
        if not 1 <= radius <= most:
            c.problem(
                f"the {kind} light's radius is {radius}, not 1 to {most} cells",
                f"give 'radius' 1 to {most}, or 0 for the {kind}'s own {default}",
                "light_radius",
                placed,
            )
        cell = placed.cell
        if cell is not None and c.terrain.opaque[cell.index]:
            c.problem(
                f"the {kind} light is inside '{c.terrain.tile_name(*cell)}', where its light "
                "goes nowhere",
                "move it onto a floor, a window or a lamp post",
                "light_in_wall",
                placed,
            )


def _routes(c: Compiled, world: World) -> None:
    for guard in c.of("guard"):
        ref = guard.values.get("route")
        route = c.placed.get(ref) if ref else None
        if guard.values.get("state") == "patrol" and ref is None:
            c.problem(
                "the guard patrols but has no route",
                "draw a polyline or polygon and pick it in the guard's 'route'",
                "no_route",
                guard,
            )
        if route is None or route.cls != "route" or guard.cell is None:
            continue
        if route.obj.shape not in ROUTE_SHAPES:
            c.problem(
                f"route #{route.obj.id} is a {route.obj.shape}, not a polyline or polygon",
                "draw the route with the polyline or polygon tool",
                "route_shape",
                guard,
            )
            continue
        if route.floor != guard.floor:
            c.problem(
                f"route #{route.obj.id} is on floor {route.floor}, "
                f"the guard on floor {guard.floor}",
                "move the route into an object layer of the guard's floor",
                "route_floor",
                guard,
            )
            continue
        _route_legs(c, world, guard, route)


def _route_legs(c: Compiled, world: World, guard: Placed, route: Placed) -> None:
    cells = route_cells(c, route)
    if len(cells) < 2:
        c.problem("the route has fewer than two points", "add points to it", "route_short", route)
        return
    passable = c.terrain.walkable.copy()
    for door in world.doors.values():
        if door.locked:
            passable[door.cell.index] = False
    for cell in cells:
        if not c.terrain.in_bounds(*cell) or not passable[cell.index]:
            c.problem(
                f"route point ({cell.x}, {cell.y}) is on a wall, a locked door or off the map",
                "move that point onto a floor tile",
                "route_blocked",
                route,
            )
            return
    stops = [*cells, cells[0]] if route.obj.shape == "polygon" else cells
    for a, b in itertools.pairwise(stops):
        if find_path(world, a, b, passable) is None:
            c.problem(
                f"guard's route has no way from ({a.x}, {a.y}) to ({b.x}, {b.y})",
                "move the points so walls and locked doors do not cut the route",
                "route_blocked",
                guard,
            )
            return


def _wiring(c: Compiled) -> None:
    wired: set[int] = set()
    for sensor in c.of("sensor"):
        bell = sensor.values.get("bell")
        if bell is None:
            c.problem(
                "the sensor is wired to nothing",
                "pick the bell it rings in its 'bell' property",
                "sensor_unwired",
                sensor,
            )
        else:
            wired.add(bell)
        if sensor.values.get("sensor") == "door_contact" and sensor.values.get("door") is None:
            c.problem(
                "the door contact watches no door",
                "place a 'door' object on the door tile and pick it in 'door'",
                "sensor_no_door",
                sensor,
            )
    for bell in c.of("bell"):
        if bell.obj.id not in wired:
            c.problem(
                "no sensor is wired to this bell",
                "pick this bell in a sensor's 'bell' property, or remove it",
                "bell_unwired",
                bell,
            )


def _stairs(c: Compiled) -> None:
    t = c.terrain
    for name, here, there, step in (
        ("up", t.stairs_up, t.stairs_down, 1),
        ("down", t.stairs_down, t.stairs_up, -1),
    ):
        for f, y, x in zip(*here.nonzero(), strict=True):
            target = int(f) + step
            if not (0 <= target < t.floors and there[target, y, x]):
                c.problems.append(
                    c.problem_at(
                        f"stairs {name} lead nowhere: no stairs "
                        f"{'down' if step > 0 else 'up'} on floor {target} at the same cell",
                        "put matching stairs on the next floor at the same x, y",
                        "stairs",
                        int(f),
                        (int(x), int(y)),
                    )
                )


def _mission(c: Compiled) -> None:
    m = c.mission
    for prop in ("title", "briefing"):
        if not (m.get(prop) or "").strip():
            c.problem(f"the map has no {prop}", f"set the map property '{prop}'", "mission")
    for prop in ("start_time", "deadline"):
        text = m.get(prop) or ""
        if text and parse_time(text) is None:
            c.problem(
                f"map property '{prop}' = '{text[:20]}' is not a time",
                "write it as HH:MM, e.g. 06:30",
                "mission",
            )


def _crew(c: Compiled) -> None:
    crew = c.of("crew")
    if not crew:
        c.problem("the map has no crew", "place crew templates (Tony, Jo...)", "no_crew")
    seen: dict[str, Placed] = {}
    for placed in crew:
        member = placed.values.get("member", "")
        if member in seen:
            c.problem(
                f"{crew_name(placed)} is placed twice",
                "remove one, or change its 'member'",
                "crew_twice",
                placed,
            )
        seen[member] = placed
        for item in (placed.values.get("items") or "").split(","):
            if item.strip() and item.strip().lower() not in ITEMS:
                c.problem(
                    f"unknown item '{item.strip()}'",
                    f"use a comma list of: {', '.join(ITEMS)}",
                    "unknown_item",
                    placed,
                )
    wanted = [w.strip().lower() for w in (c.mission.get("crew") or "").split(",") if w.strip()]
    members = c.types.enums.get("crew_member", ())
    for member in wanted:
        if member not in members:
            c.problem(
                f"map property 'crew' names '{member}', who is not a crew member",
                f"use a comma list of: {', '.join(members)}",
                "missing_crew",
            )
        elif member not in seen:
            c.problem(
                f"{member.title()} is in the map's 'crew' but not on the map",
                f"place the {member} template, or remove the name from 'crew'",
                "missing_crew",
            )


def _objectives(c: Compiled) -> None:
    m = c.mission
    exits = c.of("exit", "car")
    loot_goal = int(m.get("objective_loot") or 0)
    if not m.get("objective_escape") and loot_goal <= 0 and m.get("objective_rescue") is None:
        c.problem(
            "the map has no objective",
            "set objective_escape, objective_loot or objective_rescue in the map's properties",
            "no_objective",
        )
    if not exits:
        c.problem("the map has no exit", "place an exit (or car) template", "no_exit")
    starts = [p.cell for p in c.of("crew") if p.cell is not None]
    if not starts:
        return
    mask = reachable(c.terrain, starts)
    for target in [*exits, *c.of("loot", "safe", "civilian")]:
        if target.cell is not None and not near(mask, target.cell):
            c.problem(
                f"the crew cannot reach this {target.cls}",
                "open a way to it (door, stairs, drillable floor)",
                "unreachable",
                target,
            )
    safes = c.of("safe")
    available = sum(max(0, int(p.values.get("value") or 0)) for p in [*c.of("loot"), *safes])
    if loot_goal > available:
        c.problem(
            f"objective_loot is {loot_goal} but the map holds loot worth {available}",
            "lower objective_loot or add loot",
            "loot_short",
        )
    members = {p.values.get("member") for p in c.of("crew")}
    loose = sum(int(p.values.get("value") or 0) for p in c.of("loot"))
    if safes and loot_goal > loose and "cesar" not in members:
        c.problem(
            "the loot needs the safe opened but César, the only safecracker, is not on the map",
            "place the cesar template",
            "missing_crew",
        )
    if m.get("objective_rescue") is not None and not c.of("car"):
        c.problem("the rescue needs a car to bring the prisoner to", "place a car", "no_car")
