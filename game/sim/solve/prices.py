"""The map as obstacles with prices: what the solver's outline walks over.

A crew member's way to anything is a field (:mod:`game.sim.solve.fields`) over the map where each
obstacle costs what clearing it costs: a shut door its opening, a lock its picking (and, while
some of the crew cannot pick, someone fetching a picker), a drillable floor its drilling, the
umbrella when the plaster would be heard and the rope; a door contact or a vibration sensor
of an unfoamed bell, a step even a sneak would be heard by a sleeper, and a cell a standing
sentry watches cost :data:`TROUBLE`. All of it follows from the map's structure (doors,
holes, ropes, bells, who still carries what), so graphs, fields and prices are kept by it:
positions that only moved people reuse them.
"""

from __future__ import annotations

from collections import OrderedDict

import numpy as np

from game.sim import hearing, vision
from game.sim.actions.heist import drill_speed
from game.sim.alarms import contacts_on
from game.sim.entities import Device, GuardState, Unit
from game.sim.geometry import Cell
from game.sim.kit import has_item
from game.sim.solve.fields import FAR, Graph, Link
from game.sim.world import World

#: What a step that would set off an unfoamed bell or wake a sleeper costs in the outline:
#: enough that any quiet way round is preferred, not so much that a map with no other way
#: looks unwinnable.
TROUBLE = 400
#: The action each item of the kit is for (``--forbid deploy_umbrella``: no umbrella).
ITEM_ACTIONS = {
    "drill": "drill",
    "umbrella": "deploy_umbrella",
    "rope": "lower_rope",
    "lockpick": "pick_lock",
    "extinguisher": "foam",
}
#: What a locked door costs on top of its picking while some of the crew cannot pick it:
#: they need someone who can to come and open it.
LOCK_HELP = 100
#: How far (AP) a way through a hole may cost above the field's figure and still be the way.
SLACK = 4
#: Fields kept per search (each a few KB); the oldest go first.
KEPT_FIELDS = 4096


def beside_cells(world: World, cell: Cell) -> list[Cell]:
    """The walkable cells a unit acts on ``cell`` from: it and its eight neighbours."""
    terrain = world.terrain
    found = []
    for dy in (-1, 0, 1):
        for dx in (-1, 0, 1):
            near = cell.offset(dx, dy)
            if world.in_bounds(near) and terrain.walkable[near.index]:
                found.append(near)
    return found


def value_at(field: np.ndarray, cell: Cell | None) -> int:
    """A field's value at a cell (:data:`FAR` for a unit off the map)."""
    if cell is None:
        return FAR
    return int(field[cell.floor, cell.y, cell.x])


def least_of(field: np.ndarray, cells: list[Cell]) -> int:
    """A field's least value over some cells (the nearest of them)."""
    return min((value_at(field, c) for c in cells), default=FAR)


class Pricing:
    """The priced map of one mission, kept by structure (see the module's text)."""

    def __init__(self, world: World, forbid: frozenset[str] = frozenset()) -> None:
        self.rules = world.rules
        self.forbid = forbid
        terrain = world.terrain
        self.exits = [d.cell for d in world.devices_in_order() if d.kind in ("exit", "car")]
        self.cars = [d.cell for d in world.devices_in_order("car")]
        # Drillable cells with a floor beneath to climb down to: (upper, lower).
        self.hole_sites = [
            (Cell(int(f), int(x), int(y)), Cell(int(f) - 1, int(x), int(y)))
            for f, y, x in zip(*terrain.drillable.nonzero(), strict=True)
            if f >= 1 and terrain.walkable[f - 1, y, x]
        ]
        self.stairs = [
            ((int(f), int(y), int(x)), (int(f) + 1, int(y), int(x)))
            for f, y, x in zip(*terrain.stairs_up.nonzero(), strict=True)
            if f + 1 < terrain.shape[0] and terrain.stairs_down[f + 1, y, x]
        ]
        self._graphs: dict[tuple, tuple[Graph, Graph]] = {}
        self._fields: OrderedDict[tuple, np.ndarray] = OrderedDict()
        self._quiet: dict[tuple, bool] = {}
        self._what_if: dict[tuple, tuple[tuple, Graph]] = {}
        self._prices: dict[tuple, int | None] = {}

    def _has(self, world: World, unit: Unit, item: str) -> bool:
        """Whether ``unit`` carries ``item`` and may use it (its action is not forbidden)."""
        return ITEM_ACTIONS.get(item) not in self.forbid and has_item(world.rules, unit, item)

    # --- the map as obstacles with prices ---------------------------------------------------

    def structure(self, world: World) -> tuple:
        """What the fields follow from: doors, holes, ropes, drilling done, bells, sensors,
        who can still pick a lock, drill or lower a rope."""
        doors = tuple((d.id, d.open, d.locked, d.lock_progress) for d in world.doors.values())
        bells = self._still_listeners(world)
        crew = [u for u in world.crew() if u.can_act]
        able = [
            any(self._has(world, u, item) for u in crew)
            for item in ("lockpick", "drill", "rope", "umbrella")
        ]
        able.append(all(self._has(world, u, "lockpick") for u in crew))
        sentries = tuple((g.id, g.cell, g.facing) for g in self._sentries(world))
        return (
            sentries,
            tuple(sorted(doors)),
            world.map_digest("holes"),
            world.map_digest("ropes"),
            world.map_digest("drilled"),
            world.map_digest("umbrellas"),
            bells,
            tuple(able),
        )

    def graphs(self, world: World, key: tuple) -> tuple[Graph, Graph]:
        """The map now (holes passable only once drilled) and the map as it could be (every
        drillable floor a way down at the price of drilling it)."""
        found = self._graphs.get(key)
        if found is None:
            if len(self._graphs) > 256:
                self._graphs.clear()
            found = self._graphs[key] = self._build(world, key)
        return found

    def _build(self, world: World, key: tuple) -> tuple[Graph, Graph]:
        rules, terrain = world.rules, world.terrain
        cost = np.where(terrain.walkable, rules.move.walk_ap, 0).astype(np.int32)
        crew = [u for u in world.crew() if u.can_act]
        can_pick = any(self._has(world, u, "lockpick") for u in crew)
        all_pick = all(self._has(world, u, "lockpick") for u in crew)
        for door in world.doors.values():
            c = door.cell
            if door.open:
                continue
            extra = rules.doors.open_ap
            if door.locked:
                if not can_pick:
                    cost[c.floor, c.y, c.x] = 0
                    continue
                extra += rules.doors.pick_ap * max(1, door.lock_difficulty - door.lock_progress)
                if not all_pick:  # someone else must come and pick it for them
                    extra += LOCK_HELP
            if any(self._bell_live(world, s) for s in contacts_on(world, door.id)):
                extra += TROUBLE
            cost[c.floor, c.y, c.x] += extra
        self._price_listeners(world, cost)
        self._price_sentries(world, cost)
        stairs = rules.move.walk_ap + rules.move.stairs_extra_ap
        links = [Link(a, b, stairs) for a, b in self.stairs]
        possible = list(links)
        for upper, lower in self.hole_sites:
            a, b = lower.index, upper.index
            price = self.hole_price(world, key, upper, crew)
            if price is None:
                continue
            if world.holes[upper.index] and world.ropes[upper.index]:
                links.append(Link(a, b, price))
            possible.append(Link(a, b, price))
        return Graph(cost, tuple(links), "now"), Graph(cost, tuple(possible), "could")

    def hole_price(self, world: World, key: tuple, upper: Cell, crew: list[Unit]) -> int | None:
        """The AP of a way down at ``upper`` (kept by the structure ``key``): the climb, the
        rope if none hangs there yet, the drilling left by the fastest driller (one heard
        by a sleeper or a live sensor costs :data:`TROUBLE` more), the umbrella where the
        plaster would be heard (:data:`TROUBLE` without one); None when the crew left on
        the map cannot make it at all."""
        found = self._prices.get((key, upper), -1)
        if found == -1:
            found = self._prices[(key, upper)] = self._hole_price(world, upper, crew)
        return found

    def _hole_price(self, world: World, upper: Cell, crew: list[Unit]) -> int | None:
        rules = world.rules
        price = rules.rope.climb_ap
        if not world.ropes[upper.index]:
            if not any(self._has(world, u, "rope") for u in crew):
                return None
            price += rules.rope.lower_ap
        if world.holes[upper.index]:
            return price
        left = rules.drill.work - int(world.drilled[upper.index])
        best = None
        for unit in crew:
            if not self._has(world, unit, "drill"):
                continue
            progress, loudness = drill_speed(world, unit)
            actions = -(-left // max(1, progress))
            cost = actions * rules.drill.ap + (0 if self.quiet(world, upper, loudness) else TROUBLE)
            best = cost if best is None else min(best, cost)
        if best is None:
            return None
        price += best
        below = upper.offset(0, 0, -1)
        if not world.umbrellas[upper.index] and not self.quiet(
            world, below, rules.drill.plaster_loudness
        ):
            umbrella = any(self._has(world, u, "umbrella") for u in crew)
            if umbrella and self.quiet(world, below, rules.drill.caught_loudness):
                price += rules.umbrella.ap
            else:
                price += TROUBLE
        return price

    def quiet(self, world: World, cell: Cell, loudness: int) -> bool:
        """Whether a noise at ``cell`` would reach no live sensor and wake no sleeper (the
        listeners that stay where they are; a walking guard's ear is the search's to find)."""
        key = (cell, loudness, self._still_listeners(world))
        found = self._quiet.get(key)
        if found is None:
            heard = hearing.levels_at(world, cell, loudness)
            found = True
            for listener in heard:
                device = world.devices.get(listener)
                if device is not None:
                    if self._sensor_live(world, device):
                        found = False
                elif world.units[listener].state is GuardState.SLEEPING:
                    found = False
            self._quiet[key] = found
        return found

    def _still_listeners(self, world: World) -> tuple:
        return (
            tuple((d.id, d.state.tripped) for d in world.devices_in_order("sensor"))
            + tuple((d.id, d.state.smothered) for d in world.devices_in_order("bell"))
            + tuple(g.id for g in world.guards() if g.state is GuardState.SLEEPING)
        )

    def _sensor_live(self, world: World, sensor: Device) -> bool:
        """A sensor that would still raise the alarm if it tripped."""
        if sensor.kind != "sensor" or sensor.state.tripped:
            return False
        return self._bell_live(world, sensor)

    @staticmethod
    def _bell_live(world: World, sensor: Device) -> bool:
        bell = world.devices.get(sensor.traits.bell) if sensor.traits.bell is not None else None
        return bell is None or bell.kind != "bell" or not bell.state.smothered

    def _price_listeners(self, world: World, cost: np.ndarray) -> None:
        """Steps a vibration sensor or a sleeper would hear: dearer by the extra AP of
        sneaking where walking would be heard, by :data:`TROUBLE` where even sneaking is."""
        rules = world.rules
        sneak_extra = rules.move.sneak_ap - rules.move.walk_ap
        ears: list[Cell] = [
            s.cell
            for s in world.devices_in_order("sensor")
            if s.traits.sensor == "vibration" and self._sensor_live(world, s)
        ]
        ears += [g.cell for g in world.guards() if g.state is GuardState.SLEEPING and g.cell]
        reach = rules.move.walk_loudness + 1
        for ear in ears:
            for dy in range(-reach, reach + 1):
                for dx in range(-reach, reach + 1):
                    cell = ear.offset(dx, dy)
                    if not world.in_bounds(cell) or not cost[cell.index]:
                        continue
                    if not self.quiet(world, cell, rules.move.sneak_loudness):
                        cost[cell.index] += TROUBLE
                    elif not self.quiet(world, cell, rules.move.walk_loudness):
                        cost[cell.index] += sneak_extra

    def _price_sentries(self, world: World, cost: np.ndarray) -> None:
        """Cells a guard standing still watches (a sentry at a gate): :data:`TROUBLE` each,
        since he will be there, looking, whenever the crew comes. Walking guards move on;
        the search waits for them instead."""
        for guard in self._sentries(world):
            watched = vision.watched_mask(world, guard)
            cost[watched & (cost > 0)] += TROUBLE

    @staticmethod
    def _sentries(world: World) -> list[Unit]:
        return [
            g
            for g in world.guards()
            if g.state is GuardState.STANDING and not g.route and vision.is_watching(g)
        ]

    # --- fields -------------------------------------------------------------------------------

    def field(self, graph: Graph, key: tuple, name: tuple, cells: list[Cell]) -> np.ndarray:
        """The field to ``cells`` over ``graph`` (kept by the structure ``key`` and ``name``)."""
        full = (key, graph.name, name)  # a graph is its structure's: no id() to be reused
        found = self._fields.get(full)
        if found is None:
            found = graph.field((c, 0) for c in cells)
            self._fields[full] = found
            if len(self._fields) > KEPT_FIELDS:
                self._fields.popitem(last=False)
        else:
            self._fields.move_to_end(full)
        return found
